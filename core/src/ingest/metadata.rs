//! Metadata read from the text itself: headline, header date, publisher, URL, image credits.

use super::blocks::credit_of;
use crate::document::{Block, BlockKind, HeaderDate, Metadata, Span, TitleSource};
use crate::time::{Date, parse_full_date};

/// How many leading blocks may hold the headline and the header date.
const HEADER_BLOCKS: usize = 4;
const MAX_TITLE_WORDS: usize = 30;

pub(super) fn read_metadata(name: &str, text: &str, blocks: &[Block]) -> Metadata {
    let header = &blocks[..blocks.len().min(HEADER_BLOCKS)];
    let published = header.iter().find_map(|b| header_date(text, b.span));
    let title_block = header
        .iter()
        .filter(|b| b.kind != BlockKind::Caption && Some(b.span) != published.map(|p| p.span))
        .find(|b| !is_date_line(&text[b.span.range()]))
        .filter(|b| looks_like_headline(&text[b.span.range()]));
    let (title, title_source) = match title_block {
        Some(b) => (collapse_whitespace(&text[b.span.range()]), TitleSource::Headline),
        None => (title_from_file_name(name, text), TitleSource::FileName),
    };
    let mut credits: Vec<String> = Vec::new();
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Caption) {
        if let Some(c) = credit_of(&text[b.span.range()])
            && !credits.iter().any(|k| k.eq_ignore_ascii_case(c))
        {
            credits.push(c.to_string());
        }
    }
    let publisher = blocks
        .iter()
        .take(HEADER_BLOCKS + 2)
        .find_map(|b| publisher_in(&text[b.span.range()]));
    Metadata {
        title,
        title_source,
        published,
        publisher,
        url: first_url(text),
        credits,
    }
}

/// Marks the blocks that hold the headline and the header date.
pub(super) fn mark_header_blocks(text: &str, mut blocks: Vec<Block>, meta: &Metadata) -> Vec<Block> {
    for b in blocks.iter_mut().take(HEADER_BLOCKS) {
        if Some(b.span) == meta.published.map(|p| p.span) {
            b.kind = BlockKind::Dateline;
        }
    }
    if meta.title_source == TitleSource::Headline {
        // The block the headline was read from: the first header block with its words.
        if let Some(i) = (0..blocks.len().min(HEADER_BLOCKS)).find(|&i| {
            let b = &blocks[i];
            b.kind != BlockKind::Dateline
                && b.kind != BlockKind::Caption
                && collapse_whitespace(&text[b.span.range()]) == meta.title
        }) {
            blocks[i].kind = BlockKind::Title;
        }
    }
    blocks
}

/// A block that is only a date, optionally behind a "Published"/"Updated" label.
fn header_date(text: &str, span: Span) -> Option<HeaderDate> {
    header_date_of(&text[span.range()]).map(|date| HeaderDate { date, span })
}

pub(super) fn header_date_of(line: &str) -> Option<Date> {
    let body = ["Published:", "Published", "Updated:", "Updated", "Posted:", "Posted", "Date:"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line);
    parse_full_date(body).or_else(|| parse_full_date(after_dateline_place(body)?))
}

/// The rest of a wire dateline after its place: "SEOUL, May 5, 2022" → "May 5, 2022". The
/// place is one to four capitalised words with no digits.
fn after_dateline_place(line: &str) -> Option<&str> {
    let (place, rest) = line.split_once(", ")?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let placelike = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit()));
    placelike.then_some(rest)
}

fn is_date_line(s: &str) -> bool {
    parse_full_date(s).is_some()
}

fn looks_like_headline(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=MAX_TITLE_WORDS).contains(&words) && !s.trim_end().ends_with(['.', ',', ';', ':'])
}

/// "SEOUL, May 5 (Reuters) - ..." → Reuters; "Source: Yonhap" → Yonhap.
fn publisher_in(block: &str) -> Option<String> {
    for label in ["Source:", "Published by", "Publisher:"] {
        if let Some(rest) = block.strip_prefix(label) {
            let name = rest.trim();
            if !name.is_empty() && name.split_whitespace().count() <= 6 {
                return Some(name.to_string());
            }
        }
    }
    // A wire dateline: capitals, comma, then "(Agency) -" within the first 80 bytes.
    let head = &block[..floor_char_boundary(block, 80)];
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let after = head[close + 1..].trim_start();
    let agency = &head[open + 1..close];
    let place = &head[..head.find(',')?];
    let is_dash = after.starts_with(['-', '–', '—']);
    let place_is_caps = place.chars().any(|c| c.is_alphabetic()) && place.chars().all(|c| !c.is_lowercase());
    (is_dash && place_is_caps && !agency.is_empty() && agency.split_whitespace().count() <= 4).then(|| agency.to_string())
}

fn first_url(text: &str) -> Option<String> {
    // The first "https://", else the first "http://", found in one pass over the text.
    let mut plain = None;
    let mut secure = None;
    for (i, _) in text.match_indices("http") {
        let rest = &text[i + 4..];
        if rest.starts_with("s://") {
            secure = Some(i);
            break;
        }
        if plain.is_none() && rest.starts_with("://") {
            plain = Some(i);
        }
    }
    let start = secure.or(plain)?;
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | ')' | ']'))
        .collect();
    Some(url.trim_end_matches(['.', ',', ';']).to_string())
}

/// "000_south-korea-joins-ccdcoe.txt" → "South Korea joins CCDCOE": the words of the file name,
/// each spelled as the document most often spells it.
fn title_from_file_name(name: &str, text: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let stem = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_' || c == '-');
    let stem_words: Vec<&str> = stem.split(['-', '_', ' ']).filter(|w| !w.is_empty()).collect();
    let keys: Vec<String> = stem_words.iter().map(|w| w.to_lowercase()).collect();
    // How the text spells each of the stem's words, and how often. Only those words are
    // counted: a map of every word of the text would cost more than the rest of reading it.
    let mut spellings: Vec<Vec<(&str, usize)>> = vec![Vec::new(); keys.len()];
    for word in alphanumeric_words(text) {
        let lower = (!word.is_ascii()).then(|| word.to_lowercase());
        for (key, forms) in keys.iter().zip(&mut spellings) {
            let same = match &lower {
                None => word.eq_ignore_ascii_case(key),
                Some(l) => l == key,
            };
            if same {
                match forms.iter_mut().find(|(form, _)| *form == word) {
                    Some((_, n)) => *n += 1,
                    None => forms.push((word, 1)),
                }
            }
        }
    }
    let words: Vec<String> = stem_words
        .iter()
        .zip(&spellings)
        .map(|(w, forms)| {
            forms
                .iter()
                .max_by_key(|(form, n)| (*n, std::cmp::Reverse(*form)))
                .map_or_else(|| w.to_string(), |(form, _)| form.to_string())
        })
        .collect();
    let title = words.join(" ");
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => name.to_string(),
    }
}

/// The runs of alphanumeric characters of `text`, as `text.split(|c: char|
/// !c.is_alphanumeric())` without the empty pieces, with ASCII tested byte by byte since this
/// reads the whole text.
fn alphanumeric_words(text: &str) -> impl Iterator<Item = &str> {
    // The byte length of the character at `i` and whether it is alphanumeric.
    let class = |i: usize| match text.as_bytes()[i] {
        b if b.is_ascii() => (1, b.is_ascii_alphanumeric()),
        _ => text[i..]
            .chars()
            .next()
            .map_or((1, false), |c| (c.len_utf8(), c.is_alphanumeric())),
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let (len, word) = class(i);
            if word {
                break;
            }
            i += len;
        }
        let start = i;
        while i < text.len() {
            let (len, word) = class(i);
            if !word {
                break;
            }
            i += len;
        }
        (i > start).then(|| &text[start..i])
    })
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::document::BlockKind;
    use crate::ingest::{Format, Source, ingest};

    fn meta(name: &str, text: &str) -> crate::document::Metadata {
        ingest(
            Source {
                name,
                bytes: text.as_bytes(),
            },
            Format::Text,
        )
        .unwrap()
        .meta
    }

    #[test]
    fn headline_after_header_date() {
        let m = meta(
            "x.txt",
            "Friday, June 2, 2023\n\n1st Asian Country To Join NATO\n\nOn Thursday, it joined.\n",
        );
        assert_eq!(m.title, "1st Asian Country To Join NATO");
        assert_eq!(m.published.unwrap().date.to_string(), "2023-06-02");
    }

    #[test]
    fn headline_then_date_as_in_wikinews() {
        let m = meta(
            "x.txt",
            "North Korea puts military in 'quasi-state of war'\nFriday, August 21, 2015\nAccording to Yonhap, it did.\n",
        );
        assert_eq!(m.title, "North Korea puts military in 'quasi-state of war'");
        assert_eq!(m.published.unwrap().date.to_string(), "2015-08-21");
    }

    #[test]
    fn no_headline_falls_back_to_file_name_spelled_as_in_text() {
        let m = meta(
            "000_south-korea-joins-ccdcoe.txt",
            "South Korea has joined the CCDCOE. Photo: Twitter\n\nSouth Korea joined the CCDCOE on May 5.\n",
        );
        assert_eq!(m.title, "South Korea joins CCDCOE");
        assert_eq!(m.title_source, crate::document::TitleSource::FileName);
        assert_eq!(m.credits, vec!["Twitter".to_string()]);
        assert!(m.published.is_none());
    }

    #[test]
    fn the_title_block_is_the_one_the_headline_was_read_from() {
        let d = ingest(
            Source {
                name: "x.txt",
                bytes: b"June 2, 2023\n\nJune 3, 2023\n\nSeoul joins NATO centre\n\nIt did.\n",
            },
            Format::Text,
        )
        .unwrap();
        assert_eq!(d.meta.title, "Seoul joins NATO centre");
        let titles: Vec<&str> = d
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Title)
            .map(|b| d.slice(b.span))
            .collect();
        assert_eq!(titles, ["Seoul joins NATO centre"]);
    }

    #[test]
    fn a_dateline_with_its_place_is_the_header_date_not_the_title() {
        let m = meta(
            "note.txt",
            "Canberra, May 3, 2023\n\nAustralia condemned North Korea on Wednesday.\n",
        );
        assert_eq!(m.published.unwrap().date.to_string(), "2023-05-03");
        assert_ne!(m.title, "Canberra, May 3, 2023");
        let m = meta("x.txt", "Seoul, Tokyo and Beijing, May 3, 2023 talks\n\nThey met.\n");
        assert!(m.published.is_none(), "a headline that mentions a date is not a dateline");
    }

    #[test]
    fn wire_dateline_names_the_publisher() {
        let m = meta(
            "x.txt",
            "Spy agency joins NATO centre\n\nSEOUL, May 5 (Reuters) - South Korea's spy agency said.\n",
        );
        assert_eq!(m.publisher.as_deref(), Some("Reuters"));
    }

    #[test]
    fn words_are_the_alphanumeric_runs() {
        for t in [
            "",
            "  ",
            "South Korea’s NIS, 2022: naïve 문재인-Moon Jae-in…",
            "a\u{A0}b\u{2014}c\u{0301}d",
        ] {
            let expected: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(super::alphanumeric_words(t).collect::<Vec<_>>(), expected, "{t:?}");
        }
    }

    #[test]
    fn url_is_found_and_trimmed() {
        let m = meta("x.txt", "A headline\n\nRead it at https://example.org/a/b.html.\n");
        assert_eq!(m.url.as_deref(), Some("https://example.org/a/b.html"));
        let m = meta(
            "x.txt",
            "A headline\n\nSee http://a.example/x, the https page: https://b.example/y\n",
        );
        assert_eq!(m.url.as_deref(), Some("https://b.example/y"), "a secure address wins");
        let m = meta("x.txt", "A headline\n\nSee http://a.example/x or httpd docs\n");
        assert_eq!(m.url.as_deref(), Some("http://a.example/x"));
    }
}
