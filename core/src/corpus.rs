//! The default corpus: the seed articles, embedded so the app works with no network.

use crate::document::Document;
use crate::ingest::{Format, Source, ingest};

/// The seed articles as (file name, text). The files live in `data/corpus/`.
pub const SEED_ARTICLES: [(&str, &str); 2] = [
    (
        "000_south-korea-joins-ccdcoe.txt",
        include_str!("../../data/corpus/000_south-korea-joins-ccdcoe.txt"),
    ),
    (
        "002_first-asian-country-joins-nato-cdg.txt",
        include_str!("../../data/corpus/002_first-asian-country-joins-nato-cdg.txt"),
    ),
];

/// A set of documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

/// The corpus a first visit shows.
pub fn default_corpus() -> Corpus {
    let documents = SEED_ARTICLES
        .iter()
        .map(|(name, text)| {
            ingest(
                Source {
                    name,
                    bytes: text.as_bytes(),
                },
                Format::Text,
            )
            .expect("seed articles are valid text")
        })
        .collect();
    Corpus { documents }
}
