//! What the rule tests share: a made-up text read as a plain-text article.

use entente_core::document::Document;
use entente_core::ingest::{Format, Source, ingest};

/// `text` read as the plain-text file `name`.
pub fn article(name: &str, text: &str) -> Document {
    let source = Source {
        name,
        bytes: text.as_bytes(),
    };
    ingest(source, Format::Text).expect("valid text")
}
