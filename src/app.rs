use crate::doc_list::DocList;
use crate::reader::Reader;
use entente_core::corpus::{Corpus, default_corpus};
use leptos::prelude::*;

/// The root: owns the corpus and the selected document, and lays out the views.
#[component]
pub fn App() -> impl IntoView {
    let corpus: StoredValue<Corpus> = StoredValue::new(default_corpus());
    let first = corpus.with_value(|c| c.documents.first().map(|d| d.id.clone()));
    let selected = RwSignal::new(first);
    let doc_count = corpus.with_value(|c| c.documents.len());

    view! {
        <header class="topbar">
            <h1 class="brand">"Entente"</h1>
            <p class="tagline">"Who does what to whom in the news"</p>
            <p class="corpus-stats" data-testid="corpus-stats">{format!("{doc_count} articles")}</p>
        </header>
        <main class="workspace">
            <DocList corpus=corpus selected=selected />
            <Reader corpus=corpus selected=selected />
        </main>
    }
}
