//! What the Markdown and HTML converters share: they produce a list of blocks of plain text
//! ("pieces") and the metadata the markup states; this module lays the pieces out as the
//! document's text, one block per line with a blank line between blocks, and reads the
//! metadata as for plain text, letting what the markup states take precedence.
//!
//! Laid out this way, the text reads back as the same blocks when ingested again as plain
//! text, which is what a bundle export and import does.

use super::blocks::{classify, credit_of};
use super::metadata::{header_date_of, mark_header_blocks, read_metadata};
use crate::document::{Block, BlockKind, HeaderDate, Metadata, Span, TitleSource};
use crate::time::{Date, MONTHS, parse_full_date};

/// One block of converted text. `kind` is what the markup says: `None` leaves it to the
/// plain-text classifier; `Some(Paragraph)` is still a caption when it ends with a credit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Piece {
    pub kind: Option<BlockKind>,
    pub text: String,
}

impl Piece {
    pub fn new(kind: Option<BlockKind>, text: String) -> Piece {
        Piece { kind, text }
    }
}

/// Metadata stated by the markup (front matter, `<meta>` tags), as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Hints {
    pub title: Option<String>,
    pub date: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Converted {
    pub pieces: Vec<Piece>,
    pub hints: Hints,
}

/// How many leading blocks are searched for a printed date before one is added from the hints.
const HEADER_BLOCKS: usize = 4;

/// Lays out the pieces as text and reads blocks and metadata from it.
pub(super) fn finish(name: &str, converted: Converted) -> (String, Vec<Block>, Metadata) {
    let Converted { pieces, hints } = converted;
    let mut pieces: Vec<Piece> = pieces
        .into_iter()
        .filter_map(|p| {
            let text = clean_line(&p.text);
            (!text.is_empty()).then_some(Piece { kind: p.kind, text })
        })
        .collect();
    let title = hints.title.as_deref().map(clean_line).filter(|t| !t.is_empty());
    if let Some(t) = &title {
        // The headline goes first, taken from where the markup has it when it is in the body.
        if let Some(i) = pieces.iter().position(|p| p.kind != Some(BlockKind::Caption) && p.text == *t) {
            pieces.remove(i);
        }
        pieces.insert(0, Piece::new(Some(BlockKind::Title), t.clone()));
    }
    if let Some(date) = hints.date.as_deref().and_then(parse_hint_date) {
        let has_printed_date = pieces.iter().take(HEADER_BLOCKS).any(|p| header_date_of(&p.text).is_some());
        if !has_printed_date {
            let at = usize::from(title.is_some());
            pieces.insert(at, Piece::new(Some(BlockKind::Dateline), spell_date(date)));
        }
    }

    let mut text = String::with_capacity(pieces.iter().map(|p| p.text.len() + 2).sum());
    let mut blocks = Vec::with_capacity(pieces.len());
    for p in &pieces {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let span = Span::new(text.len(), text.len() + p.text.len());
        text.push_str(&p.text);
        let kind = match p.kind {
            None => classify(&text, span).kind,
            Some(BlockKind::Paragraph) if credit_of(&p.text).is_some() => BlockKind::Caption,
            Some(k) => k,
        };
        blocks.push(Block { kind, span });
    }

    let mut meta: Metadata = read_metadata(name, &text, &blocks);
    if let Some(t) = title {
        meta.title = t;
        meta.title_source = TitleSource::Headline;
        // A headline that reads as a date is still the headline, not the dateline.
        if meta.published.is_some_and(|p| p.span == blocks[0].span) {
            meta.published = blocks
                .iter()
                .skip(1)
                .take(HEADER_BLOCKS - 1)
                .find_map(|b| header_date_of(&text[b.span.range()]).map(|date| HeaderDate { date, span: b.span }));
        }
    }
    if let Some(p) = hints.publisher.as_deref().map(clean_line).filter(|p| !p.is_empty()) {
        meta.publisher = Some(p);
    }
    // Only a URL the markup names as the article's: not any link in the body.
    meta.url = hints
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| is_http_url(u))
        .map(str::to_string);
    let blocks = mark_header_blocks(&text, blocks, &meta);
    (text, blocks, meta)
}

/// One line of display text: whitespace runs become one space; control characters and
/// invisible formatting characters are dropped.
pub(super) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if c.is_control() || is_invisible(c) {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Zero-width and bidirectional formatting characters that would split or hide words.
/// Zero-width (non-)joiners stay: Persian and Indic scripts need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

pub(super) fn is_http_url(s: &str) -> bool {
    let b = s.as_bytes();
    let scheme = if b.len() >= 8 && b[..8].eq_ignore_ascii_case(b"https://") {
        8
    } else if b.len() >= 7 && b[..7].eq_ignore_ascii_case(b"http://") {
        7
    } else {
        return false;
    };
    b.len() > scheme && !s.contains(char::is_whitespace)
}

/// The first http(s) URL in `s`, cut at whitespace and at the markup around it.
pub(super) fn find_url(s: &str) -> Option<&str> {
    let start = s.find("https://").into_iter().chain(s.find("http://")).min()?;
    let rest = &s[start..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')' | ']' | '`'))
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
    is_http_url(url).then_some(url)
}

/// A line that names where the article comes from: its URL is the article's.
pub(super) fn is_source_line(line: &str) -> bool {
    let l = line
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '>' | '-' | '(' | '['))
        .to_ascii_lowercase();
    [
        "source:",
        "sources:",
        "source -",
        "originally published",
        "original article",
        "original story",
        "first published",
        "via:",
        "republished from",
        "read the original",
    ]
    .iter()
    .any(|label| l.starts_with(label))
}

/// A stated publication date: "2023-06-02", "2023-06-02T10:00:00+09:00", "2023-06-02 10:00:00",
/// "June 2, 2023", "Fri, 02 Jun 2023 10:00:00 GMT".
pub(super) fn parse_hint_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = parse_full_date(s) {
        return Some(d);
    }
    if let Some(d) = s.get(..10).and_then(parse_full_date) {
        return Some(d);
    }
    let words: Vec<&str> = s.split_whitespace().take(4).collect();
    (words.len() >= 3)
        .then(|| parse_full_date(&words[..3].join(" ")).or_else(|| parse_full_date(&words[words.len() - 3..].join(" "))))
        .flatten()
}

/// "June 2, 2023": how a dateline reads, and a form `parse_full_date` reads back.
fn spell_date(d: Date) -> String {
    let month = MONTHS[usize::from(d.month.clamp(1, 12) - 1)];
    let mut chars = month.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or_default();
    format!("{first}{} {}, {}", chars.as_str(), d.day, d.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cleaned() {
        assert_eq!(clean_line("  a\u{A0} b\n\tc\u{200B}d\u{0}e\u{7}  "), "a b cde");
        assert_eq!(clean_line("\u{FEFF}\u{AD}"), "");
    }

    #[test]
    fn hint_dates() {
        let d = |s: &str| parse_hint_date(s).map(|d| d.to_string());
        assert_eq!(d("2023-06-02T10:00:00+09:00").as_deref(), Some("2023-06-02"));
        assert_eq!(d("2023-06-02 10:00:00 +0900").as_deref(), Some("2023-06-02"));
        assert_eq!(d("Fri, 02 Jun 2023 10:00:00 GMT").as_deref(), Some("2023-06-02"));
        assert_eq!(d("June 2, 2023").as_deref(), Some("2023-06-02"));
        assert_eq!(d("yesterday"), None);
        assert_eq!(spell_date(Date::new(2023, 6, 2).unwrap()), "June 2, 2023");
    }

    #[test]
    fn urls_and_source_lines() {
        assert_eq!(
            find_url("Source: [Yonhap](https://en.yna.co.kr/view/AEN2022)."),
            Some("https://en.yna.co.kr/view/AEN2022")
        );
        assert_eq!(find_url("no link here"), None);
        assert!(is_source_line("**Source:** Yonhap"));
        assert!(is_source_line("Originally published at x"));
        assert!(!is_source_line("The source said so."));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("ftp://x"));
    }
}
