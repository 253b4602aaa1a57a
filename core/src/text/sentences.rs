//! Sentence splitting over tokens, block by block: a headline or a caption is never glued to
//! the paragraph after it, and a period that ends an abbreviation ("U.S.", "Rep.") is not a
//! boundary unless the next word is one that typically opens a sentence.

use super::tokens::{Token, TokenKind};
use crate::document::{Block, Span};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into the document's token list.
    pub tokens: Range<usize>,
    /// Index of the block the sentence belongs to.
    pub block: usize,
}

/// Capitalised words that open sentences far more often than they continue names, used to
/// decide whether an abbreviation's period also ends the sentence ("... with the U.S. The talks").
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "But",
    "And",
    "However",
    "Meanwhile",
    "In",
    "On",
    "At",
    "A",
    "An",
    "After",
    "Before",
    "While",
    "When",
    "There",
    "Despite",
    "According",
    "Also",
    "Moreover",
    "Nevertheless",
    "Still",
    "Yet",
    "As",
    "If",
    "For",
    "Some",
    "Many",
];

pub fn split_sentences(text: &str, tokens: &[Token], blocks: &[Block]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut t = 0;
    for (b, block) in blocks.iter().enumerate() {
        while t < tokens.len() && tokens[t].span.start < block.span.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= block.span.end {
            t += 1;
        }
        let block_tokens = first..t;
        let mut start = block_tokens.start;
        let mut i = block_tokens.start;
        while i < block_tokens.end {
            if !may_end_sentence(text, tokens[i]) {
                i += 1;
            } else if let Some(end) = boundary_after(text, tokens, i, block_tokens.end) {
                sentences.push(make(tokens, start..end, b));
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        if start < block_tokens.end {
            sentences.push(make(tokens, start..block_tokens.end, b));
        }
    }
    sentences
}

fn make(tokens: &[Token], range: Range<usize>, block: usize) -> Sentence {
    let span = Span {
        start: tokens[range.start].span.start,
        end: tokens[range.end - 1].span.end,
    };
    Sentence {
        span,
        tokens: range,
        block,
    }
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'" | ")" | "]" | "»")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'" | "(" | "[" | "«")
}

/// False for a token that is neither a terminal ('.', '!', '?', '…') nor an abbreviation with
/// its period: every one of those ends with one of these bytes ('…' with 0xA6), so most tokens
/// are ruled out by their last byte, without slicing the text or calling [`boundary_after`].
#[inline]
fn may_end_sentence(text: &str, tok: Token) -> bool {
    matches!(text.as_bytes()[tok.span.end as usize - 1], b'.' | b'!' | b'?' | 0xA6)
}

/// If a sentence ends with token `i`, returns the index of the token after its end
/// (closing quotes and brackets included).
fn boundary_after(text: &str, tokens: &[Token], i: usize, end: usize) -> Option<usize> {
    let tok = tokens[i];
    if !may_end_sentence(text, tok) {
        return None;
    }
    let s = tok.text(text);
    let abbreviation_end = tok.kind == TokenKind::Word && s.ends_with('.');
    if !(tok.kind == TokenKind::Punct && is_terminal(s)) && !abbreviation_end {
        return None;
    }
    let mut j = i + 1;
    while j < end && (is_terminal(tokens[j].text(text)) || (is_closer(tokens[j].text(text)) && !tokens[j].space_before)) {
        j += 1;
    }
    if j >= end {
        return None; // the block's end closes the sentence anyway
    }
    let next = tokens[j];
    if !next.space_before {
        return None;
    }
    let next_text = next.text(text);
    let starts_upper = next_text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if abbreviation_end {
        return (SENTENCE_OPENERS.contains(&next_text)).then_some(j);
    }
    (starts_upper || is_opener(next_text)).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::BlockKind;
    use crate::text::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let blocks = vec![Block {
            kind: BlockKind::Paragraph,
            span: Span::new(0, text.len()),
        }];
        split_sentences(text, &tokens, &blocks)
            .into_iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("Rep. Park Jin spoke to U.S. officials. Moon Jae-in did not. The end."),
            ["Rep. Park Jin spoke to U.S. officials.", "Moon Jae-in did not.", "The end."]
        );
    }

    #[test]
    fn abbreviation_at_the_end_of_a_sentence() {
        assert_eq!(
            split("Seoul sided with the U.S. The talks ended."),
            ["Seoul sided with the U.S.", "The talks ended."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("“It is crucial,” the NIS said.  “We plan to send more,” NIS added."),
            ["“It is crucial,” the NIS said.", "“We plan to send more,” NIS added."]
        );
        assert_eq!(
            split("He warned: “This ends badly.” Then he left."),
            ["He warned: “This ends badly.”", "Then he left."]
        );
    }

    #[test]
    fn numbers_and_lowercase_do_not_split() {
        assert_eq!(
            split("It costs 1.5 million. it goes on"),
            ["It costs 1.5 million. it goes on"]
        );
        assert_eq!(split("In 2019. 2020 was next."), ["In 2019.", "2020 was next."]);
    }
}
