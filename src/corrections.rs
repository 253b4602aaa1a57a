//! The user's corrections in the page: an undoable log over the model
//! (`entente_core::corrections`). The corrections in force travel in the URL (`ov`), so a shared
//! link carries them and Back steps over them like any other change; the log is saved in
//! IndexedDB whenever the user changes it, and brought back on the next visit.

use crate::state::Ctx;
use entente_core::corrections::{self, Correction, Log};
use leptos::prelude::*;

/// Records a correction made by the user.
pub fn correct(ctx: Ctx, c: Correction) {
    change(ctx, |log| {
        log.push(c);
        true
    });
}

pub fn undo(ctx: Ctx) {
    change(ctx, Log::undo);
}

pub fn redo(ctx: Ctx) {
    change(ctx, Log::redo);
}

/// Forgets every correction (the library was reset).
pub fn clear(ctx: Ctx) {
    change(ctx, |log| {
        *log = Log::default();
        true
    });
}

pub fn can_undo(ctx: Ctx) -> bool {
    ctx.corrections.with(|l| l.applied > 0)
}

pub fn can_redo(ctx: Ctx) -> bool {
    ctx.corrections.with(|l| l.applied < l.entries.len())
}

fn change(ctx: Ctx, f: impl FnOnce(&mut Log) -> bool) {
    let mut changed = false;
    ctx.corrections.update(|log| changed = f(log));
    if !changed {
        return;
    }
    let encoded = ctx.corrections.with_untracked(|l| corrections::encode(l.active()));
    ctx.view.update(|v| v.overlay = encoded.clone());
    leptos::task::spawn_local(async move {
        if let Some(store) = crate::library::store()
            && let Err(e) = store.put_corrections(&encoded).await
        {
            ctx.notices
                .update(|n| n.push(format!("The correction is applied but could not be saved: {e}")));
        }
    });
}

/// Keeps the model in step with the corrections in the URL: a link, Back or Forward may bring
/// another set. `saved` is the log kept from the last visit, used when the link has none.
pub fn follow_url(ctx: Ctx, saved: Option<String>) {
    if let Some(saved) = saved
        && ctx.view.with_untracked(|v| v.overlay.is_empty())
    {
        ctx.view.update(|v| v.overlay = saved);
    }
    Effect::new(move |shown: Option<String>| {
        let overlay = ctx.view.with(|v| v.overlay.clone());
        // The data was built with no corrections; nothing to redo for none.
        let unchanged = shown.as_deref().unwrap_or_default() == overlay;
        if unchanged {
            return overlay;
        }
        match corrections::decode(&overlay) {
            Ok(list) => {
                // A set that is not the log's (a link, Back): it becomes the log, with no redo.
                if ctx.corrections.with_untracked(|l| l.active() != list.as_slice()) {
                    ctx.corrections.set(Log {
                        applied: list.len(),
                        entries: list.clone(),
                    });
                }
                let data = ctx.data.with_untracked(|d| d.corrected(&list));
                ctx.data.set(data);
            }
            Err(e) => ctx
                .notices
                .update(|n| n.push(format!("The link's {e}; they are not applied."))),
        }
        overlay
    });
}

/// What a correction does, in a few words, for the undo button's tooltip.
pub fn describe(c: &Correction) -> String {
    match c {
        Correction::Merge { keep, merge } => format!("merge {merge} into {keep}"),
        Correction::Rename { actor, name } => format!("rename {actor} to “{name}”"),
        Correction::Retype { actor, kind } => format!("make {actor} a {}", kind.label()),
        Correction::RejectEvent { event } => format!("reject event {event}"),
        Correction::RejectMention { start, end, .. } => format!("reject the mention at {start}–{end}"),
    }
}
