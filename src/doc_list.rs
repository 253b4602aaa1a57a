//! The list of articles in the corpus, with what a reader needs to judge each source.

use entente_core::corpus::Corpus;
use entente_core::document::Document;
use leptos::prelude::*;

/// One line of provenance: publisher if stated, otherwise the image credits, otherwise a plain admission.
pub fn source_line(doc: &Document) -> String {
    match (&doc.meta.publisher, doc.meta.credits.is_empty()) {
        (Some(p), _) => p.clone(),
        (None, false) => format!("publisher not stated · images: {}", doc.meta.credits.join(", ")),
        (None, true) => "publisher not stated".to_string(),
    }
}

pub fn date_line(doc: &Document) -> String {
    match doc.meta.published {
        Some(h) => h.date.to_string(),
        None => "no date in header".to_string(),
    }
}

#[component]
pub fn DocList(corpus: StoredValue<Corpus>, selected: RwSignal<Option<String>>) -> impl IntoView {
    let items = corpus.with_value(|c| {
        c.documents
            .iter()
            .map(|d| (d.id.clone(), d.meta.title.clone(), date_line(d), source_line(d), d.name.clone(), d.text.split_whitespace().count()))
            .collect::<Vec<_>>()
    });
    view! {
        <nav class="doc-list" aria-label="Articles">
            <h2>"Articles"</h2>
            <ul>
                {items
                    .into_iter()
                    .map(|(id, title, date, source, name, words)| {
                        let id_for_click = id.clone();
                        let is_selected = Memo::new(move |_| selected.get().as_deref() == Some(id.as_str()));
                        view! {
                            <li>
                                <button
                                    class="doc-card"
                                    class:selected=is_selected
                                    aria-pressed=move || is_selected.get().to_string()
                                    on:click=move |_| selected.set(Some(id_for_click.clone()))
                                >
                                    <span class="doc-title">{title}</span>
                                    <span class="doc-meta">
                                        <time>{date}</time>
                                        " · "
                                        {format!("{words} words")}
                                    </span>
                                    <span class="doc-source">{source}</span>
                                    <span class="doc-file">{name}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
