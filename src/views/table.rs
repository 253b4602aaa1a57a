//! The accessible twin of the graph: actors and their relations as a table a screen reader and
//! a keyboard can walk, in sync with the filters and the selection.

use crate::format::{date_label, modality_label};
use crate::state::{ctx, picked};
use leptos::prelude::*;

#[component]
pub fn TableView() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    let rows = move || {
        let f = c.view.with(|v| v.filters.clone());
        let p = pick.get();
        c.data.with(|d| {
            d.visible_events(&f)
                .into_iter()
                .map(|id| {
                    let e = &d.model.events[id as usize];
                    let actor = &d.model.actors[e.actor as usize];
                    let recipient = e.recipient.map(|r| d.actor_label(r)).unwrap_or_else(|| "—".into());
                    let what = e
                        .code
                        .cameo_name
                        .clone()
                        .or_else(|| e.code.plover.clone())
                        .unwrap_or_else(|| e.trigger.clone())
                        .to_lowercase();
                    let code = actor.codes.cameo.clone().map(|k| format!(" ({k})")).unwrap_or_default();
                    let when = e
                        .date
                        .as_ref()
                        .map(|dt| format!(" on {}", date_label(&dt.value)))
                        .unwrap_or_default();
                    let docs = {
                        let mut ds: Vec<u32> = e.mentions.iter().map(|m| m.doc).collect();
                        ds.sort();
                        ds.dedup();
                        ds.len()
                    };
                    let sentence = format!(
                        "{}{code} {what} {recipient}{when} — {} {}",
                        d.actor_label(e.actor),
                        docs,
                        if docs == 1 { "source" } else { "sources" }
                    );
                    let selected =
                        p.event == Some(id) || p.actor == Some(e.actor) || e.recipient.is_some_and(|r| p.actor == Some(r));
                    view! {
                        <tr class:selected=selected>
                            <td><button class="link" on:click=move |_| c.select_event(id)>{sentence}</button></td>
                            <td>{e.code.cameo.clone().unwrap_or_else(|| "—".into())}</td>
                            <td>{e.code.plover.clone().unwrap_or_else(|| "—".into())}</td>
                            <td>{modality_label(e.modality)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-view" data-testid="table">
            <h2>"Relations as a table"</h2>
            <table class="events-table">
                <caption class="visually-hidden">"Events between actors, following the filters"</caption>
                <thead><tr><th scope="col">"Event"</th><th scope="col">"CAMEO"</th><th scope="col">"PLOVER"</th><th scope="col">"Modality"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
