//! Arbitrary bytes through the bundle importer: an error or a checked corpus and model, never
//! a panic; an imported bundle exports and imports again.
#![no_main]

mod common;

use entente_core::export::{bundle, import_bundle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((corpus, model)) = import_bundle(data) {
        let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
        common::check_model(&texts, &model);
        for doc in &corpus.documents {
            common::check_document(doc);
        }
        let again = bundle(&model, &corpus);
        if let Err(e) = import_bundle(again.as_bytes()) {
            panic!("a re-exported bundle does not import: {e}");
        }
    }
});
