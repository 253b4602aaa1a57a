//! From bytes to a [`Document`]: decode, cut into blocks, read the metadata.

mod blocks;
mod decode;
mod metadata;

use crate::document::Document;
use std::fmt;

/// Documents larger than this are refused before any work is done on them.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The input as it arrives: a name for messages and the raw bytes.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// The markup an input is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
}

/// Why an input could not become a document. Each says what the user can do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IngestError {
    Empty,
    TooLarge { bytes: usize, limit: usize },
    Binary { what: &'static str },
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestError::Empty => write!(f, "the file is empty (no text after removing whitespace)"),
            IngestError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, over the {:.0} MB limit for one article; split it into articles",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            IngestError::Binary { what } => write!(f, "this is not text: {what}"),
        }
    }
}

impl std::error::Error for IngestError {}

/// Turns one input into a document.
pub fn ingest(source: Source<'_>, format: Format) -> Result<Document, IngestError> {
    if source.bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(IngestError::TooLarge { bytes: source.bytes.len(), limit: MAX_DOCUMENT_BYTES });
    }
    let (text, decoding) = decode::decode(source.bytes)?;
    let text = match format {
        Format::Text => text,
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let blocks = blocks::split_blocks(&text);
    let meta = metadata::read_metadata(source.name, &text, &blocks);
    let blocks = metadata::mark_header_blocks(blocks, &meta);
    Ok(Document { id: document_id(&text), name: source.name.to_string(), decoding, meta, text, blocks })
}

/// FNV-1a over the text: stable across runs and platforms, short enough for URLs.
fn document_id(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{:010x}", hash >> 24)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Result<Document, IngestError> {
        ingest(Source { name: "t.txt", bytes }, Format::Text)
    }

    #[test]
    fn refuses_empty_and_whitespace() {
        assert_eq!(text(b"").unwrap_err(), IngestError::Empty);
        assert_eq!(text(b" \n\t\r\n").unwrap_err(), IngestError::Empty);
    }

    #[test]
    fn refuses_huge_before_reading() {
        let big = vec![b'a'; MAX_DOCUMENT_BYTES + 1];
        assert!(matches!(text(&big).unwrap_err(), IngestError::TooLarge { .. }));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        let a = text(b"Seoul said so.").unwrap();
        assert_eq!(a.id, text(b"Seoul said so.").unwrap().id);
        assert_ne!(a.id, text(b"Tokyo said so.").unwrap().id);
        assert_eq!(a.id.len(), 10);
    }
}
