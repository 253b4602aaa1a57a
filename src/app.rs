use crate::data::Data;
use crate::state::{Ctx, sync_with_url};
use crate::views::{
    articles::Articles, conflicts::Conflicts, details::Details, graph::GraphView, later::Later, map::MapView, notices::Notices,
    reader::Reader, table::TableView, timeline::Timeline, topbar::TopBar,
};
use entente_core::view_state::{Panel, ViewState};
use leptos::prelude::*;

/// The root: builds the data, puts the shared state in context, lays out the views. The default
/// articles show at once; the user's saved library, then the link's state, follow as soon as
/// storage has answered, and `<html data-entente="ready">` says so.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx {
        view: RwSignal::new(ViewState::default()),
        data: RwSignal::new(Data::default_corpus()),
        library: crate::library::Library::new(),
        corrections: RwSignal::new(Default::default()),
        notices: RwSignal::new(Vec::new()),
        focus: RwSignal::new(None),
    };
    provide_context(ctx);
    leptos::task::spawn_local(async move {
        let saved_corrections = crate::library::restore(ctx).await;
        crate::library::add_from_link(ctx).await;
        sync_with_url(ctx);
        crate::corrections::follow_url(ctx, saved_corrections);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-entente", "ready");
        }
    });
    crate::views::articles::accept_drops(ctx);
    // Escape clears the selection from anywhere; "/" jumps to the search box.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let command = ev.ctrl_key() || ev.meta_key();
        if command && !typing && ev.key().eq_ignore_ascii_case("z") {
            ev.prevent_default();
            if ev.shift_key() {
                crate::corrections::redo(ctx)
            } else {
                crate::corrections::undo(ctx)
            }
        } else if command && !typing && ev.key().eq_ignore_ascii_case("y") {
            ev.prevent_default();
            crate::corrections::redo(ctx);
        } else if ev.key() == "Escape" && !typing {
            ctx.view.update(|v| v.selection = entente_core::view_state::Selection::None);
        } else if ev.key() == "/" && !typing {
            if let Some(input) = document().get_element_by_id("search") {
                ev.prevent_default();
                let _ = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(input).map(|i| i.focus());
            }
        }
    });
    std::mem::forget(keys);
    // The panel alone, so a pan of the map or graph (which changes the view state) does not
    // build the side panel again.
    let panel = Memo::new(move |_| ctx.view.with(|v| v.panel));
    let side = move || match panel.get() {
        Panel::Table => view! { <TableView /> }.into_any(),
        Panel::Conflicts => view! { <Conflicts /> }.into_any(),
        Panel::Articles => view! { <Articles /> }.into_any(),
        _ => view! { <Details /> }.into_any(),
    };
    view! {
        <TopBar />
        <Notices />
        <main class="explorer">
            <Reader />
            // The map and the graph draw a new model each in a task of its own (see `Later`).
            <section class="center">
                <Later><MapView /></Later>
                <Later><Later><GraphView /></Later></Later>
            </section>
            <aside class="side" aria-label="Details">
                {side}
            </aside>
            <Timeline />
        </main>
    }
}
