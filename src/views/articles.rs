//! The library panel: the articles in the corpus, adding more (files, pasted text, a dropped
//! batch), removing them, resetting to the default articles, and opening a bundle. What is added
//! is read in the extraction worker and kept in this browser only.

use crate::library::{self, FileOutcome};
use crate::state::{Ctx, ctx};
use crate::worker_client::NewDoc;
use entente_core::ingest::{Format, MAX_DOCUMENT_BYTES};
use entente_core::share::{self, SharedArticle};
use entente_core::view_state::{Panel, Selection};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many articles the list shows before "Show all".
const LIST_FIRST: usize = 100;

fn files_of(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads picked or dropped files and adds them.
pub fn add_files(c: Ctx, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    c.view.update(|v| v.panel = Panel::Articles);
    leptos::task::spawn_local(async move {
        let (docs, refused) = library::read_files(files).await;
        library::add(c, docs, refused);
    });
}

fn human_size(bytes: usize) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{:.0} KB", b as f64 / 1e3),
        b => format!("{b} bytes"),
    }
}

/// The batch being read, under the top bar wherever the user is.
#[component]
pub fn Progress() -> impl IntoView {
    let c = ctx();
    move || {
        c.library.batch.get().map(|b| {
            let (label, counts) = library::describe(&b);
            let (value, max) = counts.map_or((None, 1), |(d, t)| (Some(d), t.max(1)));
            view! {
                <div class="batch" role="status">
                    <progress id="ingest-progress" max=max value=value></progress>
                    <span class="batch-label">{label}</span>
                    <button class="cancel" on:click=move |_| library::cancel()>"Cancel"</button>
                </div>
            }
        })
    }
}

#[component]
fn Report() -> impl IntoView {
    let c = ctx();
    move || {
        let report = c.library.report.get();
        (!report.is_empty()).then(|| {
            let added = report
                .iter()
                .filter(|r| !matches!(r.outcome, FileOutcome::Refused(_)))
                .count();
            let refused = report.len() - added;
            // Every file not added is listed; of those added, only the first LIST_FIRST (a batch
            // of thousands would otherwise be a list of thousands to lay out).
            let mut listed_added = 0;
            let lines = report
                .into_iter()
                .filter(|r| {
                    let added = matches!(r.outcome, FileOutcome::Added);
                    listed_added += usize::from(added);
                    !added || listed_added <= LIST_FIRST
                })
                .map(|r| {
                    let (class, what) = match r.outcome {
                        FileOutcome::Added => ("added", "added".to_string()),
                        FileOutcome::NotSaved(why) => ("unsaved", format!("added, not saved: {why}")),
                        FileOutcome::Refused(why) => ("refused", format!("not added: {why}")),
                    };
                    view! { <li class=class><strong>{r.name}</strong>" — "{what}</li> }
                })
                .collect_view();
            view! {
                <div class="report" role="status" aria-live="polite">
                    <p>{format!("Last batch: {added} added, {refused} not added.")}</p>
                    <ul>{lines}</ul>
                    {(listed_added > LIST_FIRST).then(|| view! { <p>{format!("… and {} more added.", listed_added - LIST_FIRST)}</p> })}
                    <button class="dismiss" on:click=move |_| c.library.report.set(Vec::new())>"Dismiss"</button>
                </div>
            }
        })
    }
}

#[component]
fn Paste() -> impl IntoView {
    let c = ctx();
    let text = RwSignal::new(String::new());
    let count = RwSignal::new(0u32);
    let add = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        count.update(|n| *n += 1);
        let bytes = t.into_bytes();
        let name = format!("pasted text {}", count.get_untracked());
        let format = Format::sniff(&bytes);
        text.set(String::new());
        library::add(c, vec![NewDoc { name, format, bytes }], Vec::new());
    };
    view! {
        <details class="paste">
            <summary>"Paste an article"</summary>
            <label for="paste-text" class="visually-hidden">"Article text, Markdown or HTML"</label>
            <textarea id="paste-text" rows="6" placeholder="Paste the text of an article (plain text, Markdown or HTML)"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <button id="paste-add" on:click=add disabled=move || text.with(|t| t.trim().is_empty())>"Add pasted text"</button>
        </details>
    }
}

#[component]
pub fn Articles() -> impl IntoView {
    let c = ctx();
    let show_all = RwSignal::new(false);
    let on_files = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let files = files_of(&input);
        input.set_value("");
        add_files(c, files);
    };
    let on_bundle = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = files_of(&input).into_iter().next() else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => library::open_bundle(c, file.name(), web_sys::js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => c
                    .notices
                    .update(|n| n.push(format!("{}: the browser could not read the file", file.name()))),
            }
        });
    };
    let summary = move || {
        let added = c
            .library
            .added
            .with(|a| (a.len(), a.iter().map(|d| d.bytes.len()).sum::<usize>()));
        let removed = c.library.removed.with(Vec::len);
        let base = c.library.base.with(|b| b.as_ref().map(|b| b.name.clone()));
        c.data.with(|d| {
            let n = d.corpus.documents.len();
            let base = base.map_or("the default articles".to_string(), |b| format!("the bundle {b}"));
            let mut s = format!("{n} articles: {base}");
            if added.0 > 0 {
                s += &format!(", {} added ({})", added.0, human_size(added.1));
            }
            if removed > 0 {
                s += &format!(", {removed} removed");
            }
            s + "."
        })
    };
    let list = move || {
        let all = show_all.get();
        let busy = c.library.batch.with(Option::is_some);
        let added_ids: Vec<String> = c.library.added.with(|a| a.iter().map(|d| d.id.clone()).collect());
        c.data.with(|d| {
            let n = d.corpus.documents.len();
            let rows = d
                .corpus
                .documents
                .iter()
                .enumerate()
                .take(if all { n } else { LIST_FIRST })
                .map(|(i, doc)| {
                    let id = doc.id.clone();
                    let origin = if added_ids.contains(&doc.id) { "added" } else { "base" };
                    let date = d.model.documents[i].reference_date.as_ref().map_or("undated".to_string(), |r| r.date.to_string());
                    let publisher = doc.meta.publisher.clone().unwrap_or_default();
                    let open_id = id.clone();
                    view! {
                        <li class=format!("article {origin}") data-doc=doc.id.clone()>
                            <button class="article-title" title="Read it" on:click=move |_| {
                                let id = open_id.clone();
                                c.view.update(|v| v.selection = Selection::Document { id, span: None });
                            }>{doc.meta.title.clone()}</button>
                            <span class="article-meta">{format!("{date} · {} · {}", if publisher.is_empty() { doc.name.clone() } else { publisher }, human_size(doc.text.len()))}</span>
                            <span class="origin">{origin}</span>
                            <button class="remove" disabled=busy aria-label=format!("Remove {}", doc.meta.title)
                                on:click=move |_| library::remove(c, id.clone())>"Remove"</button>
                        </li>
                    }
                })
                .collect_view();
            let more = (n > LIST_FIRST && !all).then(|| view! { <button class="more" on:click=move |_| show_all.set(true)>{format!("Show all {n}")}</button> });
            view! { <ol class="article-list">{rows}</ol>{more} }
        })
    };
    let unsaved = move || c.library.unsaved.get().map(|why| view! { <p class="warning">{why}</p> });
    view! {
        <section class="articles" aria-label="Articles">
            <h2>"Articles"</h2>
            <p class="library-summary" data-testid="library-summary">{summary}</p>
            <div class="add">
                <label class="button file">"Add files…"
                    <input id="add-files" type="file" multiple accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" on:change=on_files />
                </label>
                <Paste />
                <p class="hint">{format!("Plain text, Markdown or HTML, up to {:.1} MB each; or drop files anywhere on the page. Nothing leaves this computer.", MAX_DOCUMENT_BYTES as f64 / 1e6)}</p>
            </div>
            <Report />
            {unsaved}
            {list}
            <ShareArticles />
            <div class="library-actions">
                <label class="button file">"Open bundle…"
                    <input id="open-bundle" type="file" accept=".json,application/json" on:change=on_bundle />
                </label>
                <button class="reset" on:click=move |_| {
                    if window().confirm_with_message("Remove every added article and correction, and go back to the default articles?").unwrap_or(false) {
                        library::reset(c);
                    }
                }>"Reset to the default articles"</button>
            </div>
        </section>
    }
}

/// "Copy link with my articles": the view's link plus the added articles, deflated, up to
/// `share::MAX_LINK_BYTES`; beyond it, the way to a bundle instead. The link is also shown, to
/// copy by hand where the clipboard is refused.
#[component]
fn ShareArticles() -> impl IntoView {
    let c = ctx();
    let outcome = RwSignal::new(None::<Result<(String, String), String>>);
    let make = move |_| {
        let articles: Vec<SharedArticle> = c.library.added.with_untracked(|a| {
            a.iter()
                .map(|d| SharedArticle {
                    name: d.name.clone(),
                    format: Format::from_token(&d.format).unwrap_or(Format::Text),
                    bytes: d.bytes.to_vec(),
                })
                .collect()
        });
        let n = articles.len();
        match share::pack(&articles) {
            Err(e) => outcome.set(Some(Err(format!(
                "Your {n} added articles do not fit in a link: {e}. Export a bundle instead (Export → Model + texts) and send the file."
            )))),
            Ok(art) => {
                let location = window().location();
                let hash = location.hash().unwrap_or_default();
                let base = location.href().unwrap_or_default();
                let base = base.split('#').next().unwrap_or_default();
                let link = format!("{base}#{}", share::join_fragment(hash.trim_start_matches('#'), &art));
                let note = format!(
                    "A link with your {n} added articles ({} of the {} a link can carry). Whoever opens it gets them in their own browser.",
                    share::kilobytes(art.len() * 3 / 4),
                    share::kilobytes(share::MAX_LINK_BYTES)
                );
                let _ = window().navigator().clipboard().write_text(&link);
                outcome.set(Some(Ok((note, link))));
            }
        }
    };
    view! {
        <Show when=move || c.library.added.with(|a| !a.is_empty())>
            <div class="share-articles">
                <button id="share-articles" on:click=make>"Copy link with my articles"</button>
                {move || outcome.get().map(|o| match o {
                    Ok((note, link)) => view! {
                        <p class="hint">{note}</p>
                        <input id="share-link" type="text" readonly prop:value=link aria-label="Link with your articles" />
                    }.into_any(),
                    Err(why) => view! { <p class="warning" id="share-refused">{why}</p> }.into_any(),
                })}
            </div>
        </Show>
    }
}

/// Files dropped anywhere on the page are added.
pub fn accept_drops(c: Ctx) {
    let over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let files = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        add_files(c, files);
    });
    std::mem::forget((over, drop));
}
