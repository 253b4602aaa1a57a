//! Claims that disagree across sources, side by side.

use crate::state::ctx;
use leptos::prelude::*;

#[component]
pub fn Conflicts() -> impl IntoView {
    let c = ctx();
    let body = move || {
        c.data.with(|d| {
            if d.model.claims.is_empty() {
                return view! { <p class="hint">"No source contradicts another on ranks, numbers or dates here."</p> }.into_any();
            }
            d.model.claims.iter().map(|g| {
                let kind = format!("{:?}", g.kind).to_lowercase();
                view! {
                    <section class="conflict">
                        <h3>{g.subject.clone()}</h3>
                        <p class="muted">{format!("{kind} claims that disagree")}</p>
                        <div class="side-by-side">
                            {g.claims.iter().map(|cl| {
                                let s = cl.sentence;
                                let doc = &d.corpus.documents[cl.doc as usize];
                                view! {
                                    <div class="claim">
                                        <strong>{cl.value.clone()}</strong>
                                        <button class="quote" on:click=move |_| c.focus.set(Some(s))>{format!("“{}”", d.sentence_text(cl.sentence))}</button>
                                        <cite>{doc.meta.title.clone()}</cite>
                                    </div>
                                }
                            }).collect_view()}
                        </div>
                    </section>
                }
            }).collect_view().into_any()
        })
    };
    view! {
        <div class="conflicts" data-testid="conflicts">
            <h2>"Where sources disagree"</h2>
            {body}
        </div>
    }
}
