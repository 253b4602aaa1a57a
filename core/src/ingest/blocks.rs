//! Cutting plain text into blocks (paragraphs, headings, captions).
//!
//! News text arrives in two shapes: one paragraph per line (copied from a web page), or
//! paragraphs hard-wrapped at a fixed width and separated by blank lines (wire copy, e-mail).
//! The second shape is recognised and its lines are joined into one block.

use crate::document::{Block, BlockKind, Span};

pub(super) fn split_blocks(text: &str) -> Vec<Block> {
    let hard_wrapped = is_hard_wrapped(text);
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let trimmed_start = offset + (content.len() - content.trim_start().len());
        let trimmed_end = offset + content.trim_end().len();
        offset += line.len();
        if content.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(classify(text, Span::new(s, end)));
            }
            continue;
        }
        match start {
            Some(_) if hard_wrapped => {}
            Some(s) => {
                blocks.push(classify(text, Span::new(s, end)));
                start = Some(trimmed_start);
            }
            None => start = Some(trimmed_start),
        }
        end = trimmed_end;
    }
    if let Some(s) = start {
        blocks.push(classify(text, Span::new(s, end)));
    }
    blocks
}

/// Hard-wrapped text has blank-line separated paragraphs whose lines are mostly of similar
/// width and break mid-sentence.
fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let mut continued = 0;
    let mut candidates = 0;
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].trim_end(), pair[1].trim());
        if a.is_empty() || b.is_empty() {
            continue;
        }
        candidates += 1;
        let breaks_mid_sentence = !a.ends_with(['.', '!', '?', ':', '"', '”', '\'']);
        let starts_lower = b.chars().next().is_some_and(|c| c.is_lowercase());
        if (40..=100).contains(&a.chars().count()) && (breaks_mid_sentence || starts_lower) {
            continued += 1;
        }
    }
    candidates >= 3 && continued * 2 >= candidates
}

/// Credit markers of photo captions. Matching is case-sensitive on purpose: "photo:" in
/// running text is rare, "Photo:" at a caption's end is the convention.
const CREDIT_MARKERS: [&str; 7] = [
    "Photo:",
    "Photos:",
    "Illustration:",
    "Image:",
    "Credit:",
    "Photo by ",
    "Image by ",
];

/// The longest credit, in words: a credit is a short name, not the start of a sentence.
const MAX_CREDIT_WORDS: usize = 8;

pub(super) fn classify(text: &str, span: Span) -> Block {
    let s = &text[span.range()];
    let kind = if credit_of(s).is_some() {
        BlockKind::Caption
    } else if looks_like_heading(s) {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    };
    Block { kind, span }
}

/// The credit of a caption line ("AFP / Jung Yeon-je" in "... Photo: AFP / Jung Yeon-je"),
/// or `None` when the line carries no credit.
pub(super) fn credit_of(line: &str) -> Option<&str> {
    let line = line.trim();
    // "| REUTERS |": agency between pipes at the end of a caption.
    if let Some(inner) = line.strip_suffix('|').and_then(|l| l.rsplit_once('|')).map(|(_, c)| c.trim())
        && !inner.is_empty()
        && inner.len() < 40
        && !inner.contains(['.', ','])
    {
        return Some(inner);
    }
    let (at, marker) = last_credit_marker(line)?;
    let credit = line[at + marker.len()..].trim().trim_end_matches('.');
    let words = credit.split_whitespace().count();
    (!credit.is_empty() && words <= MAX_CREDIT_WORDS && !credit.contains(". ")).then_some(credit)
}

/// The last credit marker in the line and where it starts, or `None` when no marker could
/// start a credit. One pass from the end, trying the markers only where one could start, and
/// stopping where every credit found further left would be refused by [`credit_of`]: at a
/// ". " (a credit holds none) or once the rest of the line has over [`MAX_CREDIT_WORDS`] + 2
/// words (the "by" of "Photo by " is counted, and trimming the final period can remove one).
/// So a paragraph is read only from its last sentence on.
fn last_credit_marker(line: &str) -> Option<(usize, &'static str)> {
    let bytes = line.as_bytes();
    // Word starts counted from the right: ASCII whitespace followed by an ASCII letter or
    // digit, never more than `split_whitespace` counts.
    let mut words_after = 0;
    for i in (0..bytes.len()).rev() {
        match bytes[i] {
            b'P' | b'I' | b'C' => {
                if let Some(m) = CREDIT_MARKERS.iter().find(|m| bytes[i..].starts_with(m.as_bytes())) {
                    return Some((i, *m));
                }
            }
            b'.' if bytes.get(i + 1) == Some(&b' ') => return None,
            b if b.is_ascii_whitespace() && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) => {
                words_after += 1;
                if words_after > MAX_CREDIT_WORDS + 2 {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// A heading is short, has no sentence-final punctuation and starts with a capital.
fn looks_like_heading(s: &str) -> bool {
    let ends_sentence = s.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')']);
    let capital = s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    // Words are counted last and only up to one past the limit: most blocks are paragraphs.
    !ends_sentence && capital && (1..=12).contains(&s.split_whitespace().take(13).count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        split_blocks(text)
            .into_iter()
            .map(|b| (b.kind, &text[b.span.range()]))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let t = "Title Of The Piece\nFirst paragraph here.\n\n  Second one.  \n";
        assert_eq!(
            kinds(t),
            vec![
                (BlockKind::Heading, "Title Of The Piece"),
                (BlockKind::Paragraph, "First paragraph here."),
                (BlockKind::Paragraph, "Second one."),
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let t = "SEOUL, May 5 (Reuters) - South Korea's spy agency said on Thursday it\n\
                 had joined a NATO cyber defence centre, becoming the first Asian\n\
                 country to do so.\n\n\
                 The National Intelligence Service said it was admitted as a\n\
                 contributing participant to the centre in Tallinn, Estonia.\n";
        let k = kinds(t);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k[0].1.ends_with("country to do so."));
    }

    #[test]
    fn captions_and_credits() {
        assert_eq!(
            credit_of("North Korea has a large cyber unit. Photo: Facebook"),
            Some("Facebook")
        );
        assert_eq!(credit_of("Illustration: Reuters"), Some("Reuters"));
        assert_eq!(
            credit_of("Protesters in Seoul in 2019. Photo: AFP / Jung Yeon-je"),
            Some("AFP / Jung Yeon-je")
        );
        assert_eq!(
            credit_of("Tanks fire live rounds near Pocheon, South Korea April 21, 2017. | REUTERS |"),
            Some("REUTERS")
        );
        assert_eq!(credit_of("The photo: a sentence that goes on. And on."), None);
        assert_eq!(credit_of("The ministry said the deal would stand."), None);
        // Eight words of credit is the most, after either kind of marker and a final period.
        let eight = "Ann Bo Cy Di Ed Fa Gu Hy";
        for marker in ["Photo: ", "Photo by ", "Image by "] {
            assert_eq!(credit_of(&format!("Seoul. {marker}{eight}.")), Some(eight));
            assert_eq!(
                credit_of(&format!("Seoul. {marker}{eight} .")).map(str::trim_end),
                Some(eight)
            );
            assert_eq!(credit_of(&format!("Seoul. {marker}{eight} Io")), None);
        }
    }
}
