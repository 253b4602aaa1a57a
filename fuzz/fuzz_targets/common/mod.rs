//! Invariants shared by the fuzz targets: each one panics (a crash for libFuzzer) with a
//! message that names what broke.
#![allow(dead_code)]

use entente_core::document::{BlockKind, Document, Span, TitleSource};
use entente_core::model::Model;

fn span_ok(text: &str, s: Span) -> bool {
    s.start <= s.end && text.get(s.range()).is_some()
}

/// Blocks inside the text on character boundaries, in order, not overlapping, not empty; the
/// header date is a dateline block; a headline title is the text of the one title block; no NUL.
pub fn check_document(doc: &Document) {
    let text = &doc.text;
    assert!(!text.contains('\0'), "NUL in the text");
    assert!(!doc.blocks.is_empty(), "a document without blocks");
    let mut previous_end = 0;
    for (i, b) in doc.blocks.iter().enumerate() {
        assert!(
            span_ok(text, b.span) && !b.span.is_empty(),
            "block {i} {:?} is empty or off the {}-byte text",
            b.span,
            text.len()
        );
        assert!(
            b.span.start as usize >= previous_end,
            "block {i} {:?} overlaps the one before",
            b.span
        );
        previous_end = b.span.end as usize;
    }
    if let Some(p) = doc.meta.published {
        assert!(
            doc.blocks.iter().any(|b| b.span == p.span && b.kind == BlockKind::Dateline),
            "published {:?} is no dateline",
            p.span
        );
    }
    let titles: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Title)
        .map(|b| doc.slice(b.span))
        .collect();
    if doc.meta.title_source == TitleSource::Headline {
        let collapsed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            titles.len() == 1 && collapsed(titles[0]) == doc.meta.title,
            "title {:?}, title blocks {titles:?}",
            doc.meta.title
        );
    } else {
        assert!(titles.is_empty(), "a file-name title with title blocks {titles:?}");
    }
}

/// Every sentence, mention, event-evidence and claim span lies on characters inside its own
/// document, and every evidence sentence exists and is in that document.
pub fn check_model(texts: &[&str], model: &Model) {
    let at = |d: u32, s: Span, what: &dyn Fn() -> String| {
        let text = texts.get(d as usize).unwrap_or_else(|| panic!("{}: no document {d}", what()));
        assert!(span_ok(text, s), "{}: span {s:?} off the {}-byte text", what(), text.len());
    };
    for (i, s) in model.sentences.iter().enumerate() {
        at(s.doc, s.span, &|| format!("sentence {i}"));
    }
    let sentence_in = |sentence: u32, doc: u32, what: &dyn Fn() -> String| {
        let s = model
            .sentences
            .get(sentence as usize)
            .unwrap_or_else(|| panic!("{}: no sentence {sentence}", what()));
        assert_eq!(s.doc, doc, "{}: its sentence is in another document", what());
    };
    for (i, m) in model.mentions.iter().enumerate() {
        let what = || format!("mention {i}");
        at(m.doc, m.span, &what);
        sentence_in(m.sentence, m.doc, &what);
    }
    for (e, event) in model.events.iter().enumerate() {
        for (j, m) in event.mentions.iter().enumerate() {
            let what = || format!("event {e} mention {j}");
            at(m.doc, m.actor_span, &what);
            at(m.doc, m.trigger_span, &what);
            if let Some(r) = m.recipient_span {
                at(m.doc, r, &what);
            }
            sentence_in(m.sentence, m.doc, &what);
        }
    }
    for (g, group) in model.claims.iter().enumerate() {
        for (j, c) in group.claims.iter().enumerate() {
            at(c.doc, c.span, &|| format!("claim {g}/{j}"));
        }
    }
}
