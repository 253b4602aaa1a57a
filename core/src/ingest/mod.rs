//! From bytes to a [`Document`]: decode, convert markup to plain text, cut into blocks, read
//! the metadata.
//!
//! Plain text is cut into blocks as it stands. Markdown and HTML are first converted to plain
//! text (`Document::text`, what the reader shows and every span points into), one block per
//! line with blank lines between; what the markup says about blocks (a heading, a caption) and
//! about the article (title, date, source, URL) is kept. After that all three look the same to
//! the extractor.

mod blocks;
mod convert;
mod decode;
mod entities;
mod html;
mod markdown;
mod metadata;
#[cfg(test)]
mod tests;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

    /// The format's name where formats are stored or sent: "text", "markdown", "html".
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format with this [`Format::name`].
    pub fn from_token(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format a file name's extension says: `.md`/`.markdown` → Markdown,
    /// `.html`/`.htm`/`.xhtml` → HTML, anything else → text.
    pub fn from_name(file_name: &str) -> Format {
        Format::from_extension(file_name).unwrap_or(Format::Text)
    }

    /// The format of an input with a name: its extension when it names one, otherwise what its
    /// first bytes look like ([`Format::sniff`]). A `.txt` file is always text.
    pub fn detect(file_name: &str, bytes: &[u8]) -> Format {
        Format::from_extension(file_name).unwrap_or_else(|| Format::sniff(bytes))
    }

    fn from_extension(file_name: &str) -> Option<Format> {
        let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
        let (_, ext) = base.rsplit_once('.')?;
        match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format of unnamed input (pasted text) by its start: an HTML document or fragment
    /// (`<!DOCTYPE html`, `<html`, `<head`, `<body`, `<article`, ...), Markdown with front
    /// matter or a `# ` headline on its first line, otherwise text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = sniff_head(bytes);
        let start = head.trim_start();
        let lower = start.to_ascii_lowercase();
        const HTML_STARTS: [&str; 14] = [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<meta",
            "<title",
            "<article",
            "<main",
            "<section",
            "<div",
            "<p>",
            "<p ",
            "<h1",
            "<table",
        ];
        let html_comment = lower.starts_with("<!--") && lower.contains("<html");
        let xml_html = lower.starts_with("<?xml") && lower.contains("<html");
        if html_comment
            || xml_html
            || (HTML_STARTS.iter().any(|p| lower.starts_with(p)) && lower.contains("</"))
            || lower.starts_with("<!doctype html")
        {
            return Format::Html;
        }
        let first_line = head.lines().next().unwrap_or("").trim_end();
        let front_matter = (first_line == "---" || first_line == "+++")
            && head
                .lines()
                .skip(1)
                .take(12)
                .any(|l| l.starts_with("title:") || l.starts_with("title ="));
        let atx_title = first_line.starts_with("# ") && first_line.len() > 2 && head.lines().nth(1).is_some();
        if front_matter || atx_title {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// The first few kilobytes as text, enough to sniff: UTF-8 (BOM skipped) or UTF-16 with a BOM.
fn sniff_head(bytes: &[u8]) -> String {
    const SNIFF: usize = 4096;
    let little = bytes.starts_with(&[0xFF, 0xFE]);
    if little || bytes.starts_with(&[0xFE, 0xFF]) {
        let units = bytes[2..bytes.len().min(SNIFF)].chunks_exact(2).map(|p| {
            if little {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        return char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF)]).into_owned()
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
            IngestError::Empty => write!(f, "the file is empty (no text after removing whitespace and markup)"),
            IngestError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, over the {:.1} MB limit for one article; split it into articles",
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
        return Err(IngestError::TooLarge {
            bytes: source.bytes.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let (text, decoding) = decode::decode(source.bytes)?;
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let (text, blocks, meta) = match format {
        Format::Text => {
            let blocks = blocks::split_blocks(&text);
            let meta = metadata::read_metadata(source.name, &text, &blocks);
            let blocks = metadata::mark_header_blocks(&text, blocks, &meta);
            (text, blocks, meta)
        }
        Format::Markdown => convert::finish(source.name, markdown::convert(&text)),
        Format::Html => convert::finish(source.name, html::convert(&text)),
    };
    if blocks.is_empty() {
        // Markup with no text in it: only scripts, styles, navigation, comments.
        return Err(IngestError::Empty);
    }
    Ok(Document {
        id: document_id(&text),
        name: source.name.to_string(),
        decoding,
        meta,
        text,
        blocks,
    })
}

/// FNV-1a over the text: stable across runs and platforms, short enough for URLs.
fn document_id(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:010x}", hash >> 24)
}

#[cfg(test)]
mod basic_tests {
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
