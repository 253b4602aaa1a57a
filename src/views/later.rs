//! A view drawn in a task of its own when the data changes. Setting new data redraws every
//! view that reads it in one task: after a batch of articles the reader, the map and the graph
//! together built thousands of elements in one main-thread task of over 100 ms. Wrapped in
//! [`Later`], a view reads a copy of the context whose `data` follows the app's one task later,
//! so the page draws and takes input in between. Everything the view indexes comes from that
//! copy (its selection, its labels, its clicks' keys), so what it draws is always consistent,
//! at most one task behind the rest of the page.

use crate::slices::Slices;
use crate::state::{Ctx, ctx};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Later(children: Children) -> impl IntoView {
    let app = ctx();
    let data = RwSignal::new(app.data.get_untracked());
    Effect::new(move |_| {
        let next = app.data.get();
        // (Also on the first run, which comes after mounting: the data may have changed since.)
        if !Arc::ptr_eq(&next, &data.get_untracked()) {
            leptos::task::spawn_local(async move {
                Slices::new().pause().await;
                // Only the newest data is drawn when several changes were queued.
                if Arc::ptr_eq(&next, &app.data.get_untracked()) {
                    data.set(next);
                }
            });
        }
    });
    // In an owner of its own, as leptos's `Provider` does, so the copy is the context of this
    // view only and not of the views drawn after it; the view keeps the owner alive.
    let owner = Owner::current().map_or_else(Owner::new, |o| o.child());
    let view = owner.with(|| {
        provide_context(Ctx { data, ..app });
        children()
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
}
