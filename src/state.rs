//! The app's shared state, and the URL fragment as its source of truth.
//!
//! Every view reads one `ViewState` signal and changes it only through it. An effect writes
//! the state to `location.hash` (a new history entry when the selection, filters or panel
//! change; a replaced one for map and graph movements, so Back does not step through every
//! pan). Back, Forward and a pasted link come in through `popstate`/`hashchange` and are
//! decoded and checked against the corpus; anything unreadable gives the default view and a
//! notice, never a crash.

use crate::data::Data;
use entente_core::view_state::{self, ViewState};
use leptos::prelude::*;
use std::sync::Arc;

/// What every component gets from context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub view: RwSignal<ViewState>,
    pub data: RwSignal<Arc<Data>>,
    /// The user's articles and the batch being read.
    pub library: crate::library::Library,
    /// The corrections log with its undo position; the active part is also `view.overlay`.
    pub corrections: RwSignal<entente_core::corrections::Log>,
    /// Short messages for the user (a link that could not be read, a stale reference).
    pub notices: RwSignal<Vec<String>>,
    /// A sentence to bring into view in the reader (an evidence quote was clicked).
    pub focus: RwSignal<Option<u32>>,
}

pub fn ctx() -> Ctx {
    expect_context::<Ctx>()
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn current_hash() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Reads a fragment into a state valid for this corpus, with the notices to show.
pub fn state_from_fragment(fragment: &str, data: &Data) -> (ViewState, Vec<String>) {
    if fragment.is_empty() {
        return (ViewState::default(), Vec::new());
    }
    match view_state::decode(fragment) {
        Ok(state) => {
            let (state, notices) = view_state::validate(&state, &data.model);
            let (state, more) = view_state::validate_spans(&state, &data.corpus);
            (state, notices.iter().chain(&more).map(|n| n.to_string()).collect())
        }
        Err(e) => (
            ViewState::default(),
            vec![format!("This link could not be read ({e}); showing the default view.")],
        ),
    }
}

/// Reads the URL once at start, then keeps URL and state in step both ways.
pub fn sync_with_url(ctx: Ctx) {
    let (state, notices) = ctx.data.with_untracked(|d| state_from_fragment(&current_hash(), d));
    ctx.view.set(state);
    // Added to, not replaced: storage and a link's articles may have spoken first.
    ctx.notices.update(|n| n.extend(notices));

    let last = StoredValue::new(ctx.view.get_untracked());
    // Writes the state to the URL; a movement only replaces the current history entry.
    let write = move |state: ViewState, movement_only: bool| {
        let fragment = view_state::encode(&state);
        if fragment == current_hash() {
            last.set_value(state);
            return;
        }
        let url = format!("#{fragment}");
        if let Ok(history) = window().history() {
            let result = if movement_only {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
            if result.is_err() {
                // Some contexts (a file opened from disk in a locked-down browser) refuse history
                // entries; the hash still carries the state.
                window().location().set_hash(&fragment).ok();
            }
        }
        last.set_value(state);
    };
    // A pan or zoom changes the state at every animation frame, and replacing the history entry
    // costs Chromium several milliseconds each time (a third of a frame's budget), so movements
    // reach the URL at most every MOVEMENT_WRITE_MS, the last one always. Any other change is
    // written at once, with the movements before it.
    const MOVEMENT_WRITE_MS: u64 = 100;
    let movement_pending = StoredValue::new(false);
    // Whether `state` differs from what the URL holds only in the map and graph cameras.
    let movement_only = move |state: &ViewState| {
        last.with_value(|prev| {
            let mut a = prev.clone();
            let mut b = state.clone();
            a.map = None;
            b.map = None;
            a.graph = None;
            b.graph = None;
            a == b
        })
    };
    Effect::new(move |_| {
        let state = ctx.view.get();
        if last.with_value(|prev| *prev == state) {
            // The first run: the URL gets the state it was read into at once.
            write(state, true);
        } else if !movement_only(&state) {
            write(state, false);
        } else if !movement_pending.get_value() {
            movement_pending.set_value(true);
            set_timeout(
                move || {
                    movement_pending.set_value(false);
                    let state = ctx.view.get_untracked();
                    let only = movement_only(&state);
                    write(state, only);
                },
                std::time::Duration::from_millis(MOVEMENT_WRITE_MS),
            );
        }
    });

    let reload = move || {
        let (state, notices) = ctx.data.with_untracked(|d| state_from_fragment(&current_hash(), d));
        if state != ctx.view.get_untracked() {
            ctx.view.set(state);
        }
        if !notices.is_empty() {
            // Added to, not replaced: storage and a link's articles may have spoken first.
            ctx.notices.update(|n| n.extend(notices));
        }
    };
    let handle = window_event_listener(leptos::ev::popstate, move |_| reload());
    let handle2 = window_event_listener(leptos::ev::hashchange, move |_| reload());
    // The app lives as long as the page.
    std::mem::forget((handle, handle2));
}

/// The selected actor, event and place as model ids, derived from the keys in the state.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Picked {
    pub actor: Option<entente_core::model::ActorId>,
    pub event: Option<entente_core::model::EventId>,
    pub place: Option<entente_core::model::PlaceId>,
}

pub fn picked(ctx: Ctx) -> Memo<Picked> {
    Memo::new(move |_| {
        let sel = ctx.view.with(|v| v.selection.clone());
        ctx.data.with(|d| match sel {
            view_state::Selection::Actor(k) => Picked {
                actor: d.index.actor(&k),
                ..Picked::default()
            },
            view_state::Selection::Event(k) => Picked {
                event: d.index.event(&k),
                ..Picked::default()
            },
            view_state::Selection::Place(k) => Picked {
                place: d.index.place(&k),
                ..Picked::default()
            },
            _ => Picked::default(),
        })
    })
}

impl Ctx {
    pub fn select_actor(self, id: entente_core::model::ActorId) {
        let key = self.data.with_untracked(|d| d.model.actors[id as usize].key.clone());
        self.view.update(|v| {
            v.selection = view_state::Selection::Actor(key);
            if v.panel == view_state::Panel::None {
                v.panel = view_state::Panel::Details;
            }
        });
    }

    pub fn select_event(self, id: entente_core::model::EventId) {
        let key = self.data.with_untracked(|d| d.index.event_key(id).map(str::to_string));
        if let Some(key) = key {
            self.view.update(|v| {
                v.selection = view_state::Selection::Event(key);
                if v.panel == view_state::Panel::None {
                    v.panel = view_state::Panel::Details;
                }
            });
        }
    }

    pub fn select_place(self, id: entente_core::model::PlaceId) {
        let key = self.data.with_untracked(|d| d.model.places[id as usize].key.clone());
        self.view.update(|v| v.selection = view_state::Selection::Place(key));
    }

    /// The filters shared by every view.
    pub fn filters(self) -> Memo<view_state::Filters> {
        Memo::new(move |_| self.view.with(|v| v.filters.clone()))
    }
}
