//! The top bar: search with suggestions, the filters every view shares, and the share link.

use crate::format::{modality_label, quad_class, quad_label};
use crate::state::ctx;
use entente_core::graph::{MODALITIES, QUADS};
use entente_core::model::ActorKind;
use entente_core::view_state::{Flags, Panel, Token};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A toggle chip for one value of a filter set: pressed means "shown". An empty set shows all,
/// so the first press narrows to that value.
fn chip<T: Token + Send + Sync>(
    label: &'static str,
    class: &'static str,
    value: T,
    get: fn(&entente_core::view_state::Filters) -> &Flags<T>,
    set: fn(&mut entente_core::view_state::Filters) -> &mut Flags<T>,
) -> impl IntoView {
    let c = ctx();
    let on = move || c.view.with(|v| get(&v.filters).contains(value));
    view! {
        <button
            class=format!("chip {class}")
            class:on=on
            aria-pressed=move || on().to_string()
            title=label
            on:click=move |_| {
                c.view.update(|v| {
                    let flags = set(&mut v.filters);
                    if flags.contains(value) { flags.remove(value) } else { flags.insert(value) }
                })
            }
        >
            {label}
        </button>
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let c = ctx();
    // The suggestions (one option per actor name, thousands in a large library) exist only
    // while the search box has focus, so a new model does not rebuild them in the task that
    // draws it.
    let searching = RwSignal::new(false);
    let suggestions = move || {
        if !searching.get() {
            return None;
        }
        Some(c.data.with(|d| {
            let mut names: Vec<String> = d
                .model
                .actors
                .iter()
                .filter(|a| a.mention_count > 0)
                .flat_map(|a| std::iter::once(a.name.clone()).chain(a.short.clone()))
                .collect();
            names.sort();
            names.dedup();
            names
                .into_iter()
                .map(|n| view! { <option value=n.clone()></option> })
                .collect_view()
        }))
    };
    let counts = move || {
        let f = c.view.with(|v| v.filters.clone());
        c.data.with(|d| {
            let shown = d.visible_events(&f).len();
            format!(
                "{shown} of {} events · {} actors · {} articles",
                d.model.events.len(),
                d.model.actors.iter().filter(|a| a.mention_count > 0).count(),
                d.corpus.documents.len()
            )
        })
    };
    // Enter or a picked suggestion: an actor's name selects it, anything else filters by text.
    let search = move |text: String| {
        let actor = c.data.with_untracked(|d| {
            d.model
                .actors
                .iter()
                .find(|a| a.name.eq_ignore_ascii_case(&text) || a.short.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(&text)))
                .map(|a| a.id)
        });
        match actor {
            Some(id) => {
                c.view.update(|v| v.filters.text.clear());
                c.select_actor(id);
            }
            None => c.view.update(|v| v.filters.text = text.trim().to_string()),
        }
    };
    let copied = RwSignal::new(String::new());
    let copy_link = move |_| {
        let href = window().location().href().unwrap_or_default();
        let clipboard = window().navigator().clipboard();
        let promise = clipboard.write_text(&href);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(if ok {
                "Link copied".into()
            } else {
                format!("Copy this link: {href}")
            });
        });
    };
    let panel_button = move |panel: Panel, label: &'static str| {
        let on = move || c.view.with(|v| v.panel == panel);
        view! {
            <button class="tab" class:on=on aria-pressed=move || on().to_string() on:click=move |_| c.view.update(|v| v.panel = if v.panel == panel { Panel::Details } else { panel })>
                {label}
            </button>
        }
    };
    view! {
        <header class="topbar">
            <h1 class="brand">"Entente"</h1>
            <p class="tagline">"Who does what to whom in the news"</p>
            <form class="search" role="search" on:submit=move |ev| {
                ev.prevent_default();
                let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()).and_then(|f| f.elements().named_item("q")).and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
                if let Some(input) = input { search(input.value()) }
            }>
                <label for="search" class="visually-hidden">"Search actors and events"</label>
                <input id="search" name="q" type="search" list="actor-names" placeholder="Search actors, events, words  (/)" autocomplete="off"
                    prop:value=move || c.view.with(|v| v.filters.text.clone())
                    on:focus=move |_| searching.set(true)
                    on:blur=move |_| searching.set(false)
                    on:change=move |ev| search(event_target_value(&ev)) />
                <datalist id="actor-names">{suggestions}</datalist>
            </form>
            <p class="counts" data-testid="counts">{counts}</p>
            {move || panel_button(Panel::Table, "Table")}
            {move || panel_button(Panel::Conflicts, "Conflicts")}
            {move || panel_button(Panel::Articles, "Articles")}
            <span class="history" role="group" aria-label="Corrections">
                <button id="undo" disabled=move || !crate::corrections::can_undo(c)
                    title=move || c.corrections.with(|l| l.active().last().map(|x| format!("Undo: {} (Ctrl+Z)", crate::corrections::describe(x))).unwrap_or_default())
                    on:click=move |_| crate::corrections::undo(c)>"Undo"</button>
                <button id="redo" disabled=move || !crate::corrections::can_redo(c)
                    title=move || c.corrections.with(|l| l.entries.get(l.applied).map(|x| format!("Redo: {} (Ctrl+Shift+Z)", crate::corrections::describe(x))).unwrap_or_default())
                    on:click=move |_| crate::corrections::redo(c)>"Redo"</button>
                <span class="muted" data-testid="corrections">{move || match c.corrections.with(|l| l.applied) { 0 => String::new(), 1 => "1 correction".into(), n => format!("{n} corrections") }}</span>
            </span>
            <crate::views::exports::Exports />
            <button class="copy-link" on:click=copy_link>"Copy link"</button>
            <span class="copied" role="status">{move || copied.get()}</span>
        </header>
        <crate::views::articles::Progress />
        <div class="filters" role="group" aria-label="Filters">
            <span class="filter-label">"Quad class"</span>
            {QUADS.into_iter().map(|q| chip(quad_label(q), quad_class(q), q, |f| &f.quads, |f| &mut f.quads)).collect_view()}
            <span class="filter-label">"Modality"</span>
            {MODALITIES.into_iter().map(|m| chip(modality_label(m), "mod", m, |f| &f.modalities, |f| &mut f.modalities)).collect_view()}
            <span class="filter-label">"Actors"</span>
            {ActorKind::ALL.iter().map(|&k| chip(k.label(), "kind", k, |f| &f.kinds, |f| &mut f.kinds)).collect_view()}
            <button class="clear" on:click=move |_| c.view.update(|v| v.filters = Default::default())>"Clear filters"</button>
        </div>
    }
}
