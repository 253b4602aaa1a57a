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

#[component]
pub fn Later(children: Children) -> impl IntoView {
    let app = ctx();
    let data = RwSignal::new(app.data.get_untracked());
    Effect::new(move |first: Option<()>| {
        let next = app.data.get();
        // The first run sees the data the signal was made with.
        if first.is_some() {
            leptos::task::spawn_local(async move {
                Slices::new().pause().await;
                // Only the newest data is drawn when several changes were queued.
                if std::sync::Arc::ptr_eq(&next, &app.data.get_untracked()) {
                    data.set(next);
                }
            });
        }
    });
    // In an owner of its own, so the copy is the context of this view only, not of the views
    // drawn after it.
    // (As leptos's `Provider` does; the view keeps the owner alive.)
    let owner = Owner::current().map_or_else(Owner::new, |o| o.child());
    let view = owner.with(|| {
        provide_context(Ctx { data, ..app });
        children()
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
}
