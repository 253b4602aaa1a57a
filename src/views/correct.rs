//! The correction forms of the details panel: rename, retype or merge an actor, reject one of
//! its mentions, reject an event. Each records a correction in the undoable log.

use crate::corrections::correct;
use crate::data::Data;
use crate::state::Ctx;
use entente_core::corrections::Correction;
use entente_core::model::{ActorId, ActorKind, EventId, Target};
use entente_core::view_state::{Selection, Token};
use leptos::prelude::*;

/// Mentions listed for rejection before "and N more".
const MENTIONS_SHOWN: usize = 30;

pub fn actor_corrections(c: Ctx, d: &Data, id: ActorId) -> impl IntoView + use<> {
    let a = &d.model.actors[id as usize];
    let key = a.key.clone();
    let name = RwSignal::new(a.name.clone());
    let kind = RwSignal::new(a.kind.token().to_string());
    let other = RwSignal::new(String::new());
    let mut others: Vec<(String, String)> = d
        .model
        .actors
        .iter()
        .filter(|o| o.id != id && o.mention_count > 0)
        .map(|o| (o.key.clone(), format!("{} ({})", d.actor_label(o.id), o.key)))
        .collect();
    others.sort_by(|x, y| x.1.to_lowercase().cmp(&y.1.to_lowercase()));
    let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if !n.is_empty() {
            correct(
                c,
                Correction::Rename {
                    actor: k1.clone(),
                    name: n,
                },
            );
        }
    };
    let retype = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(kind) = ActorKind::from_token(&kind.get_untracked()) {
            correct(c, Correction::Retype { actor: k2.clone(), kind });
        }
    };
    let merge = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let keep = other.get_untracked();
        if keep.is_empty() {
            return;
        }
        correct(
            c,
            Correction::Merge {
                keep: keep.clone(),
                merge: k3.clone(),
            },
        );
        // This actor is gone; follow it into the one it became.
        c.view.update(|v| v.selection = Selection::Actor(keep));
    };
    let mentions: Vec<(String, u32, u32, String)> = d
        .model
        .mentions
        .iter()
        .filter(|m| m.target == Target::Actor(id))
        .map(|m| {
            let doc = &d.corpus.documents[m.doc as usize];
            (
                doc.id.clone(),
                m.span.start,
                m.span.end,
                format!("“{}” in {}", doc.slice(m.span), doc.meta.title),
            )
        })
        .collect();
    let more = mentions.len().saturating_sub(MENTIONS_SHOWN);
    let mention_rows = mentions
        .into_iter()
        .take(MENTIONS_SHOWN)
        .map(|(doc, start, end, label)| {
            view! {
                <li>
                    <span>{label}</span>
                    <button class="reject" on:click=move |_| correct(c, Correction::RejectMention { doc: doc.clone(), start, end })>"Not this actor"</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="correct">
            <summary>"Correct this actor"</summary>
            <form class="correct-row" on:submit=rename>
                <label for="correct-name">"Name"</label>
                <input id="correct-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit">"Rename"</button>
            </form>
            <form class="correct-row" on:submit=retype>
                <label for="correct-kind">"Type"</label>
                <select id="correct-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                    {ActorKind::ALL.iter().map(|k| {
                        let token = k.token();
                        view! { <option value=token selected=move || kind.with(|x| x == token)>{k.label()}</option> }
                    }).collect_view()}
                </select>
                <button type="submit">"Change type"</button>
            </form>
            <form class="correct-row" on:submit=merge>
                <label for="correct-merge">"Same actor as"</label>
                <select id="correct-merge" on:change=move |ev| other.set(event_target_value(&ev))>
                    <option value="">"choose…"</option>
                    {others.into_iter().map(|(k, label)| view! { <option value=k>{label}</option> }).collect_view()}
                </select>
                <button type="submit">"Merge"</button>
            </form>
            <h4>"Mentions"</h4>
            <ul class="plain mentions">{mention_rows}</ul>
            {(more > 0).then(|| view! { <p class="muted">{format!("and {more} more")}</p> })}
        </details>
    }
}

pub fn event_corrections(c: Ctx, d: &Data, id: EventId) -> impl IntoView + use<> {
    let key = d.index.event_key(id).map(str::to_string);
    key.map(|key| {
        view! {
            <p class="correct">
                <button class="reject" on:click=move |_| {
                    correct(c, Correction::RejectEvent { event: key.clone() });
                    c.view.update(|v| v.selection = Selection::None);
                }>"Reject this event"</button>
                <span class="muted">" (wrongly read; undo with Ctrl+Z)"</span>
            </p>
        }
    })
}
