//! Short messages about the link or the data, dismissible.

use crate::state::ctx;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let c = ctx();
    view! {
        <Show when=move || c.notices.with(|n| !n.is_empty())>
            <div class="notices" role="status">
                <ul>
                    {move || c.notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button class="dismiss" on:click=move |_| c.notices.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}
