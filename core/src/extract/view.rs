//! A document's tokens with what every later step asks of them: the lower-case form, the
//! lexicon word id, capitalisation, and which sentence each token is in.

use crate::document::Span;
use crate::lexicon::Lexicon;
use crate::lexicon::phrases::{WordId, is_glued_hyphen, normalize};
use crate::text::{Sentence, Token, TokenKind};

pub struct TokenView<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<u32>,
    lower: String,
    lower_ends: Vec<u32>,
    pub word_ids: Vec<Option<WordId>>,
    pub glued_hyphen: Vec<bool>,
    /// Kind of each block of the document, indexed like `Sentence::block`.
    pub block_kinds: Vec<crate::document::BlockKind>,
    /// Word-list membership of each token (see `words::token_flags`).
    flags: Vec<u64>,
    /// True for the first word of a sentence (after opening punctuation).
    sentence_start: Vec<bool>,
}

impl<'a> TokenView<'a> {
    pub fn new(
        text: &'a str,
        tokens: Vec<Token>,
        sentences: Vec<Sentence>,
        block_kinds: Vec<crate::document::BlockKind>,
        lexicon: &Lexicon,
    ) -> TokenView<'a> {
        let mut lower = String::with_capacity(text.len());
        let mut lower_ends = Vec::with_capacity(tokens.len());
        let mut buf = String::new();
        for t in &tokens {
            normalize(t.text(text), &mut buf);
            lower.push_str(&buf);
            lower_ends.push(lower.len() as u32);
        }
        let glued_hyphen: Vec<bool> = (0..tokens.len()).map(|i| is_glued_hyphen(&tokens, i, text)).collect();
        let word_ids = (0..tokens.len())
            .map(|i| {
                if glued_hyphen[i] {
                    None
                } else {
                    lexicon
                        .phrases
                        .word_id(&lower[lower_start(&lower_ends, i)..lower_ends[i] as usize])
                }
            })
            .collect();
        let mut sentence_of = vec![0u32; tokens.len()];
        for (s, sentence) in sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                sentence_of[i] = s as u32;
            }
        }
        let flags = (0..tokens.len())
            .map(|i| super::words::token_flags(&lower[lower_start(&lower_ends, i)..lower_ends[i] as usize]))
            .collect();
        let mut sentence_start = vec![false; tokens.len()];
        for s in &sentences {
            if let Some(first) = s.tokens.clone().find(|&i| tokens[i].kind != TokenKind::Punct) {
                sentence_start[first] = true;
            }
        }
        TokenView {
            text,
            tokens,
            sentences,
            sentence_of,
            lower,
            lower_ends,
            word_ids,
            glued_hyphen,
            block_kinds,
            flags,
            sentence_start,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The token as written.
    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    /// The token lower-cased with plain apostrophes.
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[lower_start(&self.lower_ends, i)..self.lower_ends[i] as usize]
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens[i].kind
    }

    /// A word token; false past the end, like [`TokenView::is`].
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all upper case ("NIS", "U.S.").
    pub fn is_all_caps(&self, i: usize) -> bool {
        let r = self.raw(i);
        r.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !r.chars().any(char::is_lowercase)
    }

    /// First token of its sentence (ignoring opening quotes and brackets).
    pub fn is_sentence_start(&self, i: usize) -> bool {
        self.sentence_start[i]
    }

    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        Span {
            start: self.tokens[range.start].span.start,
            end: self.tokens[range.end - 1].span.end,
        }
    }

    pub fn slice(&self, range: std::ops::Range<usize>) -> &'a str {
        &self.text[self.span(range).range()]
    }

    pub fn sentence_range(&self, i: usize) -> std::ops::Range<usize> {
        self.sentences[self.sentence_of[i] as usize].tokens.clone()
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.lower(i) == word
    }

    pub fn is_any<W: super::words::Words + ?Sized>(&self, i: usize, words: &'static W) -> bool {
        if i >= self.len() {
            return false;
        }
        match words.flag() {
            0 => words.has_word(self.lower(i)),
            bit => self.flags[i] & bit != 0,
        }
    }
}

fn lower_start(ends: &[u32], i: usize) -> usize {
    if i == 0 { 0 } else { ends[i - 1] as usize }
}

/// A flag per token of one sentence, indexed by document token index, so per-sentence work
/// allocates in proportion to the sentence, not the document. Outside the range it reads false.
pub struct Mask {
    start: usize,
    bits: Vec<bool>,
}

impl Mask {
    pub fn new(range: std::ops::Range<usize>) -> Mask {
        Mask {
            start: range.start,
            bits: vec![false; range.len()],
        }
    }
}

impl std::ops::Index<usize> for Mask {
    type Output = bool;
    fn index(&self, i: usize) -> &bool {
        i.checked_sub(self.start).and_then(|k| self.bits.get(k)).unwrap_or(&false)
    }
}

impl std::ops::IndexMut<usize> for Mask {
    fn index_mut(&mut self, i: usize) -> &mut bool {
        let k = i - self.start;
        &mut self.bits[k]
    }
}
