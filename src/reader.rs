//! The reader: the selected article's text, block by block. Text is always inserted as text,
//! never as HTML.

use crate::doc_list::{date_line, source_line};
use entente_core::corpus::Corpus;
use entente_core::document::BlockKind;
use leptos::prelude::*;

#[component]
pub fn Reader(corpus: StoredValue<Corpus>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let body = move || {
        let id = selected.get()?;
        corpus.with_value(|c| {
            let doc = c.documents.iter().find(|d| d.id == id)?;
            let blocks = doc
                .blocks
                .iter()
                .filter(|b| b.kind != BlockKind::Title)
                .map(|b| {
                    let text = doc.slice(b.span).to_string();
                    match b.kind {
                        BlockKind::Heading => view! { <h3 class="block heading">{text}</h3> }.into_any(),
                        BlockKind::Caption => view! { <p class="block caption">{text}</p> }.into_any(),
                        BlockKind::Dateline => view! { <p class="block dateline">{text}</p> }.into_any(),
                        _ => view! { <p class="block paragraph">{text}</p> }.into_any(),
                    }
                })
                .collect_view();
            Some(view! {
                <article class="reader-article" data-doc=doc.id.clone()>
                    <h2 class="reader-title">{doc.meta.title.clone()}</h2>
                    <p class="reader-meta">{format!("{} · {}", date_line(doc), source_line(doc))}</p>
                    {blocks}
                </article>
            })
        })
    };
    view! {
        <section class="reader" aria-label="Reader">
            {body}
        </section>
    }
}
