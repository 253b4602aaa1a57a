//! The user's library: the corpus the explorer shows, assembled from a base (the default
//! articles or an opened bundle) without the documents the user removed, followed by the
//! articles the user added, each read again from its original bytes so nothing the markup said
//! is lost. The extraction worker and the page (when it has no worker) both go through here,
//! so they agree on what is accepted and why.
//!
//! ```
//! use entente_core::{corpus::default_corpus, ingest::Format, library::{Article, assemble, Verdict}};
//!
//! let added = [Article { name: "note.txt", format: Format::Text, bytes: b"Seoul thanked Tallinn on Friday." },
//!              Article { name: "empty.txt", format: Format::Text, bytes: b"  " }];
//! let lib = assemble(default_corpus().documents, &[], added, |_, _| {});
//! assert_eq!(lib.corpus.documents.len(), 3);
//! assert!(matches!(lib.verdicts[0], Verdict::Added { .. }));
//! assert!(matches!(lib.verdicts[1], Verdict::Refused(_)));
//! ```

use crate::corpus::Corpus;
use crate::document::Document;
use crate::ingest::{Format, IngestError, Source, ingest};
use rustc_hash::FxHashMap;
use std::fmt;

/// An article as the user gave it: a name (a file name or "pasted text"), its format and bytes.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    pub name: &'a str,
    pub format: Format,
    pub bytes: &'a [u8],
}

/// Why an added article is not in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Empty, binary, too large...: the ingest error says which.
    Unreadable(IngestError),
    /// The same text (so the same document id) as a document already in the corpus.
    Duplicate { id: String, of: String },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Unreadable(e) => write!(f, "{e}"),
            Refusal::Duplicate { of, .. } => write!(f, "the same text as \"{of}\", which is already in the corpus"),
        }
    }
}

/// What became of one added article, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Added { id: String },
    Refused(Refusal),
}

/// The corpus, and a verdict per added article.
#[derive(Debug, Clone)]
pub struct Library {
    pub corpus: Corpus,
    pub verdicts: Vec<Verdict>,
}

/// Builds the corpus: `base` without the documents whose ids are in `removed`, then every
/// article that reads as a document and is not already there. `on_each(index, verdict)` is
/// called after each article (for a progress bar).
pub fn assemble<'a>(
    base: Vec<Document>,
    removed: &[String],
    articles: impl IntoIterator<Item = Article<'a>>,
    mut on_each: impl FnMut(usize, &Verdict),
) -> Library {
    let mut documents: Vec<Document> = base.into_iter().filter(|d| !removed.contains(&d.id)).collect();
    // Each document's position by id, so that finding a duplicate does not scan the library
    // (a batch of thousands would scan it thousands of times).
    let mut by_id: FxHashMap<String, usize> = FxHashMap::default();
    for (i, d) in documents.iter().enumerate() {
        by_id.entry(d.id.clone()).or_insert(i);
    }
    let mut verdicts = Vec::new();
    for (i, a) in articles.into_iter().enumerate() {
        let verdict = match ingest(
            Source {
                name: a.name,
                bytes: a.bytes,
            },
            a.format,
        ) {
            Err(e) => Verdict::Refused(Refusal::Unreadable(e)),
            Ok(doc) => match by_id.get(&doc.id) {
                Some(&first) => Verdict::Refused(Refusal::Duplicate {
                    id: doc.id,
                    of: documents[first].name.clone(),
                }),
                None => {
                    let id = doc.id.clone();
                    by_id.insert(id.clone(), documents.len());
                    documents.push(doc);
                    Verdict::Added { id }
                }
            },
        };
        on_each(i, &verdict);
        verdicts.push(verdict);
    }
    Library {
        corpus: Corpus { documents },
        verdicts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::default_corpus;

    fn text(name: &'static str, bytes: &'static [u8]) -> Article<'static> {
        Article {
            name,
            format: Format::Text,
            bytes,
        }
    }

    #[test]
    fn each_bad_article_is_refused_with_its_reason_and_the_rest_are_added() {
        let seeds = default_corpus().documents;
        let seed_text = seeds[0].text.clone().into_bytes().leak();
        let big = vec![b'a'; crate::ingest::MAX_DOCUMENT_BYTES + 1].leak();
        let articles = [
            text("ok.txt", b"Japan welcomed the decision on Friday."),
            text("empty.txt", b"\n \n"),
            text("png.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            text("copy.txt", seed_text),
            text("ok-again.txt", b"Japan welcomed the decision on Friday."),
            text("huge.txt", big),
        ];
        let mut seen = Vec::new();
        let lib = assemble(seeds.clone(), &[], articles, |i, v| seen.push((i, v.clone())));
        assert_eq!(lib.corpus.documents.len(), seeds.len() + 1);
        assert_eq!(seen.len(), 6);
        let reasons: Vec<String> = lib
            .verdicts
            .iter()
            .map(|v| match v {
                Verdict::Added { .. } => "added".to_string(),
                Verdict::Refused(r) => r.to_string(),
            })
            .collect();
        assert_eq!(reasons[0], "added");
        assert!(reasons[1].contains("empty"), "{}", reasons[1]);
        assert!(
            reasons[2].contains("binary") || reasons[2].contains("not text"),
            "{}",
            reasons[2]
        );
        assert!(reasons[3].contains(&seeds[0].name), "{}", reasons[3]);
        assert!(
            reasons[4].contains("ok.txt"),
            "a duplicate within the batch names the first: {}",
            reasons[4]
        );
        assert!(reasons[5].contains("MB"), "{}", reasons[5]);
    }

    #[test]
    fn removed_base_documents_are_left_out_and_can_be_added_back() {
        let seeds = default_corpus().documents;
        let removed = vec![seeds[1].id.clone()];
        let bytes = seeds[1].text.clone().into_bytes();
        let lib = assemble(seeds.clone(), &removed, [text("back.txt", bytes.leak())], |_, _| {});
        let ids: Vec<&str> = lib.corpus.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, [seeds[0].id.as_str(), seeds[1].id.as_str()]);
        assert_eq!(lib.corpus.documents[1].name, "back.txt");
    }
}
