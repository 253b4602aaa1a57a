//! Arbitrary bytes through every input format, then through the extractor: nothing panics,
//! the same input gives the same document, and every span fits its document.
//!
//! The documents of the three formats are extracted together, as one corpus: extraction has a
//! fixed cost per call, and a corpus of several documents also exercises the merging across them.
#![no_main]

mod common;

use entente_core::corpus::Corpus;
use entente_core::extract::extract;
use entente_core::ingest::{Format, Source, ingest};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Format::sniff(data);
    let mut documents = Vec::new();
    for format in Format::ALL {
        let doc = ingest(
            Source {
                name: "fuzz",
                bytes: data,
            },
            format,
        );
        assert_eq!(
            doc,
            ingest(
                Source {
                    name: "fuzz",
                    bytes: data
                },
                format
            ),
            "{format:?} is not deterministic"
        );
        let Ok(doc) = doc else { continue };
        common::check_document(&doc);
        documents.push(doc);
    }
    if documents.is_empty() {
        return;
    }
    let corpus = Corpus { documents };
    let model = extract(&corpus);
    let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    common::check_model(&texts, &model);
});
