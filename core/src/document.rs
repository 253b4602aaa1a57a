//! A document as the rest of the core sees it: decoded plain text cut into typed blocks,
//! with the metadata found in it. Every offset is a byte offset into `Document::text`
//! that falls on a UTF-8 character boundary.

use crate::time::Date;
use serde::Serialize;
use std::ops::Range;

/// A byte range into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What a block of the text is, so that views and the extractor can treat a photo caption
/// or a section heading differently from the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    /// A line that is only the publication date.
    Dateline,
    Heading,
    Paragraph,
    /// A photo caption or a credit line ("Photo: AFP", "| REUTERS |").
    Caption,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// How the bytes were turned into text; anything but `Utf8` is worth telling the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "encoding", rename_all = "kebab-case")]
pub enum Decoding {
    Utf8,
    /// Invalid UTF-8 sequences were replaced with U+FFFD.
    Utf8Lossy {
        replaced: usize,
    },
    Utf16,
    /// Bytes that were not UTF-8 but read as Windows-1252 (a superset of Latin-1).
    Windows1252,
}

/// Where the title came from: a headline in the text, or the file name when there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleSource {
    Headline,
    FileName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Metadata {
    pub title: String,
    pub title_source: TitleSource,
    /// The date printed in the header, if any, with where it was read.
    pub published: Option<HeaderDate>,
    /// Publisher when the text names it (a "(Reuters) -" dateline, a "Source:" line, a site name).
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// Agencies and people credited for images ("Photo: AFP / Jung Yeon-je").
    pub credits: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HeaderDate {
    pub date: Date,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Stable id: a hash of the text, so the same article always gets the same id.
    pub id: String,
    /// The file name or label the document was added under.
    pub name: String,
    pub decoding: Decoding,
    pub meta: Metadata,
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}
