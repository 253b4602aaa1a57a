//! The reader: the article's text with every mention highlighted by type. Clicking a mention
//! selects its actor; the sentences behind a selected event are marked and scrolled into
//! view. Text is always inserted as text nodes, never as HTML.

use crate::format::{date_label, kind_class};
use crate::state::{ctx, picked};
use entente_core::document::BlockKind;
use entente_core::model::{MentionForm, Target};
use entente_core::view_state::Selection;
use leptos::prelude::*;

/// Up to this many articles get a tab each; more are picked from a list.
const TABS_UP_TO: usize = 4;
/// The list offers this many articles at once (and the open one).
const LIST_UP_TO: usize = 200;

/// One piece of a sentence: plain text or a mention.
enum Piece {
    Text(String),
    Mention {
        text: String,
        target: Target,
        class: String,
        selected: bool,
        title: String,
    },
}

#[component]
pub fn Reader() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    // The open document: the one the selection points into, else the first.
    let doc = Memo::new(move |_| {
        let sel = c.view.with(|v| v.selection.clone());
        c.data.with(|d| match &sel {
            Selection::Document { id, .. } => d.index.document(id).map(|i| i as usize),
            _ => None,
        })
    });
    let open = RwSignal::new(0usize);
    // Following an event's evidence opens the document holding it.
    Effect::new(move |_| {
        if let Some(e) = pick.get().event {
            let first_doc = c
                .data
                .with_untracked(|d| d.model.events[e as usize].mentions.first().map(|m| m.doc as usize));
            if let Some(fd) = first_doc {
                if !c.data.with_untracked(|d| {
                    d.model.events[e as usize]
                        .mentions
                        .iter()
                        .any(|m| m.doc as usize == open.get_untracked())
                }) {
                    open.set(fd);
                }
            }
        }
        if let Some(d) = doc.get() {
            open.set(d);
        }
    });
    // An evidence quote clicked elsewhere: open its document and bring the sentence into view.
    Effect::new(move |_| {
        if let Some(s) = c.focus.get() {
            let d = c
                .data
                .with_untracked(|d| d.model.sentences.get(s as usize).map(|x| x.doc as usize));
            if let Some(d) = d {
                open.set(d);
            }
            let selector = format!(".reader [data-sentence=\"{s}\"]");
            request_animation_frame(move || {
                if let Ok(Some(el)) = document().query_selector(&selector) {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                    let _ = el.class_list().add_1("flash");
                }
            });
        }
    });
    // A removed article may leave the open index past the end.
    Effect::new(move |_| {
        let n = c.data.with(|d| d.corpus.documents.len());
        if open.get_untracked() >= n {
            open.set(0);
        }
    });
    // Tabs for a few articles; a list to pick from for more.
    let tabs = move || {
        c.data.with(|d| {
            let date = |i: usize| d.model.documents[i].reference_date.as_ref().map(|r| r.date.to_string()).unwrap_or_else(|| "undated".into());
            let n = d.corpus.documents.len();
            if n > TABS_UP_TO {
                // The first LIST_UP_TO and the open one: a list of thousands is slow to build
                // and to use; the Articles panel lists and opens them all.
                let current = open.get();
                let options = d
                    .corpus
                    .documents
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < LIST_UP_TO || *i == current)
                    .map(|(i, doc)| view! { <option value=i.to_string() selected=move || open.get() == i>{format!("{} — {}", date(i), doc.meta.title)}</option> })
                    .collect_view();
                let more = (n > LIST_UP_TO).then(|| {
                    view! { <option disabled=true>{format!("… and {} more: open them from Articles", n - LIST_UP_TO)}</option> }
                });
                return view! {
                    <label class="visually-hidden" for="doc-select">"Article"</label>
                    <select id="doc-select" class="doc-select" on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            open.set(i)
                        }
                    }>{options}{more}</select>
                }
                .into_any();
            }
            d.corpus
                .documents
                .iter()
                .enumerate()
                .map(|(i, doc)| {
                    let title = doc.meta.title.clone();
                    let date = date(i);
                    let on = move || open.get() == i;
                    view! {
                        <button class="doc-tab" class:on=on aria-pressed=move || on().to_string() on:click=move |_| open.set(i) title=title.clone()>
                            <span class="doc-title">{title.clone()}</span>
                            <span class="doc-date">{date}</span>
                        </button>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    // Sentences of the selected event, to mark.
    let evidence = Memo::new(move |_| {
        let p = pick.get();
        c.data.with(|d| match p.event {
            Some(e) => d.model.events[e as usize]
                .mentions
                .iter()
                .map(|m| m.sentence)
                .collect::<Vec<_>>(),
            None => Vec::new(),
        })
    });
    // Signals are read upstream first: `evidence` derives from `pick`, and reading a derived
    // memo before its source can leave this view stale when only the source changed.
    let article = move || {
        let p = pick.get();
        let i = open.get();
        let ev = evidence.get();
        c.data.with(|d| {
            let Some(doc) = d.corpus.documents.get(i) else { return view! { <p>"No article."</p> }.into_any() };
            let info = &d.model.documents[i];
            let mentions = &d.mentions_of_doc[i];
            let (reference, why) = match &info.reference_date {
                Some(r) => {
                    let day = date_label(&entente_core::time::StatedDate { date: r.date, precision: entente_core::time::Precision::Day });
                    match r.source {
                        entente_core::model::ReferenceSource::Header => (day, None),
                        entente_core::model::ReferenceSource::Content => (format!("{day} (inferred from the content)"), r.note.clone()),
                    }
                }
                None => ("no date".into(), None),
            };
            let publisher = doc.meta.publisher.clone().unwrap_or_else(|| "publisher not stated".into());
            let credits = if doc.meta.credits.is_empty() { String::new() } else { format!(" · images: {}", doc.meta.credits.join(", ")) };
            // Sentences grouped into the document's blocks.
            let blocks = doc.blocks.iter().filter(|b| b.kind != BlockKind::Title).map(|b| {
                let sentences: Vec<u32> = d.model.sentences.iter().enumerate().filter(|(_, s)| s.doc as usize == i && b.span.contains(s.span)).map(|(k, _)| k as u32).collect();
                let body = sentences.into_iter().map(|s| {
                    let span = d.model.sentences[s as usize].span;
                    let mut pieces = Vec::new();
                    let mut at = span.start;
                    for &m in mentions.iter().filter(|&&m| span.contains(d.model.mentions[m].span)) {
                        let mention = &d.model.mentions[m];
                        if mention.span.start < at || matches!(mention.form, MentionForm::Pronoun) {
                            continue;
                        }
                        if mention.span.start > at {
                            pieces.push(Piece::Text(doc.text[at as usize..mention.span.start as usize].to_string()));
                        }
                        let (class, selected, title) = match mention.target {
                            Target::Actor(a) => {
                                let actor = &d.model.actors[a as usize];
                                (format!("mention {}", kind_class(actor.kind)), p.actor == Some(a), format!("{} — {}", actor.name, actor.kind.label()))
                            }
                            Target::Place(pl) => {
                                let place = &d.model.places[pl as usize];
                                ("mention k-place".to_string(), p.place == Some(pl), format!("{} — place", place.name))
                            }
                        };
                        pieces.push(Piece::Mention { text: doc.text[mention.span.range()].to_string(), target: mention.target, class, selected, title });
                        at = mention.span.end;
                    }
                    if at < span.end {
                        pieces.push(Piece::Text(doc.text[at as usize..span.end as usize].to_string()));
                    }
                    let marked = ev.contains(&s);
                    let pieces = pieces.into_iter().map(|piece| match piece {
                        Piece::Text(t) => t.into_any(),
                        Piece::Mention { text, target, class, selected, title } => view! {
                            <button class=class class:selected=selected title=title on:click=move |_| match target {
                                Target::Actor(a) => c.select_actor(a),
                                Target::Place(p) => c.select_place(p),
                            }>{text}</button>
                        }.into_any(),
                    }).collect_view();
                    view! { <span class="sentence" class:evidence=marked data-sentence=s.to_string()>{pieces}" "</span> }
                }).collect_view();
                let class = match b.kind {
                    BlockKind::Heading => "block heading",
                    BlockKind::Caption => "block caption",
                    BlockKind::Dateline => "block dateline",
                    _ => "block paragraph",
                };
                view! { <p class=class>{body}</p> }
            }).collect_view();
            view! {
                <article class="reader-article" data-doc=doc.id.clone()>
                    <h2 class="reader-title">{doc.meta.title.clone()}</h2>
                    <p class="reader-meta">{format!("{reference} · {publisher}{credits} · {}", doc.name)}</p>
                    {why.map(|w| view! { <details class="reader-why"><summary>"How this date was found"</summary><p>{w}</p></details> })}
                    {blocks}
                </article>
            }
            .into_any()
        })
    };
    // Scroll the first marked sentence into view when an event is selected.
    Effect::new(move |_| {
        let ev = evidence.get();
        let _ = open.get();
        if let Some(first) = ev.first() {
            let selector = format!(".reader [data-sentence=\"{first}\"]");
            request_animation_frame(move || {
                if let Ok(Some(el)) = document().query_selector(&selector) {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Center);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            });
        }
    });
    view! {
        <section class="reader" aria-label="Reader">
            <nav class="doc-tabs" aria-label="Articles">{tabs}</nav>
            <div class="reader-scroll">{article}</div>
        </section>
    }
}
