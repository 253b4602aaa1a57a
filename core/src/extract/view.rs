//! A document's tokens with what every later step asks of them: the lower-case form, the
//! lexicon word id, capitalisation, and which sentence each token is in.

use crate::document::Span;
use crate::lexicon::Lexicon;
use crate::lexicon::phrases::{WordId, is_glued_hyphen, push_normalized};
use crate::lexicon::triggers::TriggerDef;
use crate::lexicon::verbs::Sense;
use crate::text::{Sentence, Token, TokenKind};

pub struct TokenView<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<u32>,
    /// The text with ASCII letters lower-cased, then the forms of the tokens that are not ASCII.
    lower: String,
    /// Token `i`'s lower-case form is `lower[lower_spans[i].start..lower_spans[i].end]`: its own
    /// span when it is ASCII, else where its form was appended.
    lower_spans: Vec<Span>,
    pub word_ids: Vec<Option<WordId>>,
    pub glued_hyphen: Vec<bool>,
    /// Kind of each block of the document, indexed like `Sentence::block`.
    pub block_kinds: Vec<crate::document::BlockKind>,
    /// Word-list membership of each token (see `words::word_flags`).
    flags: Vec<u64>,
    /// Letter case, position and lexicon facts of each token (the `SHAPE_*` bits), computed
    /// once because the rules ask about the same tokens many times over.
    shape: Vec<u8>,
}

/// Starts with an upper-case letter.
const SHAPE_CAPITALIZED: u8 = 1;
/// Two or more letters, none lower case.
const SHAPE_ALL_CAPS: u8 = 2;
/// First word of its sentence (after opening punctuation).
const SHAPE_SENTENCE_START: u8 = 4;
/// A form of a dictionary verb (`Lexicon::word_info`).
const SHAPE_VERB_FORM: u8 = 8;
/// A single-word event trigger.
const SHAPE_TRIGGER_FORM: u8 = 16;
/// The first word of a two-word event trigger.
const SHAPE_TRIGGER_PAIR_START: u8 = 32;
/// Can be a month or weekday name (`time::month_number`, `time::weekday_number`): a spelling of
/// `time::calendar_forms`, or a word with several final periods, which those functions trim.
const SHAPE_CALENDAR_FORM: u8 = 64;

/// The shape bits of a token that is not ASCII (see [`ascii_shape`] for the others).
fn shape_of(raw: &str) -> u8 {
    let mut shape = 0;
    if raw.chars().next().is_some_and(char::is_uppercase) {
        shape |= SHAPE_CAPITALIZED;
    }
    if raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !raw.chars().any(char::is_lowercase) {
        shape |= SHAPE_ALL_CAPS;
    }
    shape
}

/// [`shape_of`] of an ASCII token, on its bytes: for ASCII the Unicode classes are the ASCII ones.
fn ascii_shape(b: &[u8]) -> u8 {
    let mut shape = 0;
    if b.first().is_some_and(u8::is_ascii_uppercase) {
        shape |= SHAPE_CAPITALIZED;
    }
    // The lower-case test first: it stops at the first small letter, which most words
    // have within their first two bytes, so the letters are rarely counted.
    if !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2 {
        shape |= SHAPE_ALL_CAPS;
    }
    shape
}

/// The position of the first byte at or after `from` that is not ASCII, or the length of
/// `bytes`. Eight bytes at a time (an ASCII byte has its high bit clear): the view asks it
/// once per run of ASCII text instead of testing every token for ASCII.
fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if u64::from_le_bytes(chunk.try_into().expect("8 bytes")) & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() {
        i += 1;
    }
    i
}

impl<'a> TokenView<'a> {
    pub fn new(
        text: &'a str,
        tokens: Vec<Token>,
        sentences: Vec<Sentence>,
        block_kinds: Vec<crate::document::BlockKind>,
        lexicon: &Lexicon,
    ) -> TokenView<'a> {
        // One pass over the tokens. The lower-case forms are the text with its ASCII letters
        // lower-cased (for an ASCII token that is the whole normalisation, see
        // `push_normalized`), then the forms of the other tokens appended as they come.
        let mut lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        // The first non-ASCII byte at or after the last place looked from: tokens are in text
        // order, so a token ending at or before it is ASCII.
        let mut non_ascii = next_non_ascii(bytes, 0);
        let n = tokens.len();
        let mut lower_spans = Vec::with_capacity(n);
        let mut glued_hyphen = Vec::with_capacity(n);
        let mut word_ids = Vec::with_capacity(n);
        let mut shape = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        for (i, t) in tokens.iter().enumerate() {
            let (start, end) = (t.span.start as usize, t.span.end as usize);
            if non_ascii < start {
                non_ascii = next_non_ascii(bytes, start);
            }
            let (lower_span, mut bits) = if end <= non_ascii {
                (t.span, ascii_shape(&bytes[start..end]))
            } else {
                let raw = t.text(text);
                let at = lower.len();
                push_normalized(raw, &mut lower);
                (Span::new(at, lower.len()), shape_of(raw))
            };
            lower_spans.push(lower_span);
            let glued = is_glued_hyphen(&tokens, i, text);
            glued_hyphen.push(glued);
            let info = lexicon.word_info_in(&lower, lower_span.range());
            flags.push(info.flags);
            word_ids.push(if glued { None } else { info.phrase_word });
            for (known, bit) in [
                (info.verb_form, SHAPE_VERB_FORM),
                (info.trigger_form, SHAPE_TRIGGER_FORM),
                (info.trigger_pair_start, SHAPE_TRIGGER_PAIR_START),
                // The names are ASCII, so a token they match is its lower-case form with the
                // letters' case changed: several final periods are the same in both.
                (info.calendar_form || bytes[start..end].ends_with(b".."), SHAPE_CALENDAR_FORM),
            ] {
                if known {
                    bits |= bit;
                }
            }
            shape.push(bits);
        }
        let mut sentence_of = vec![0u32; tokens.len()];
        for (s, sentence) in sentences.iter().enumerate() {
            for i in sentence.tokens.clone() {
                sentence_of[i] = s as u32;
            }
        }
        for s in &sentences {
            if let Some(first) = s.tokens.clone().find(|&i| tokens[i].kind != TokenKind::Punct) {
                shape[first] |= SHAPE_SENTENCE_START;
            }
        }
        TokenView {
            text,
            tokens,
            sentences,
            sentence_of,
            lower,
            lower_spans,
            word_ids,
            glued_hyphen,
            block_kinds,
            flags,
            shape,
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
    #[inline]
    pub fn lower(&self, i: usize) -> &str {
        &self.lower[self.lower_spans[i].range()]
    }

    /// [`TokenView::lower`] as bytes, for comparisons: no char-boundary checks.
    #[inline]
    pub fn lower_bytes(&self, i: usize) -> &[u8] {
        &self.lower.as_bytes()[self.lower_spans[i].range()]
    }

    /// [`TokenView::raw`] as bytes: no char-boundary checks.
    #[inline]
    pub fn raw_bytes(&self, i: usize) -> &'a [u8] {
        &self.text.as_bytes()[self.tokens[i].span.range()]
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        self.tokens[i].kind
    }

    /// A word token; false past the end, like [`TokenView::is`].
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Starts with an upper-case letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_CAPITALIZED != 0
    }

    /// Two or more letters, all upper case ("NIS", "U.S.").
    #[inline]
    pub fn is_all_caps(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_ALL_CAPS != 0
    }

    /// First token of its sentence (ignoring opening quotes and brackets).
    #[inline]
    pub fn is_sentence_start(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_SENTENCE_START != 0
    }

    /// A form of a verb of the CAMEO verb dictionary: `lex.verbs.senses(v.lower(i))` is not empty.
    #[inline]
    pub fn is_verb_form(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_VERB_FORM != 0
    }

    /// A single-word trigger: `lex.triggers.single(v.lower(i))` is not empty.
    #[inline]
    pub fn is_trigger_form(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_TRIGGER_FORM != 0
    }

    /// The first word of a two-word trigger: `lex.triggers.pair(v.lower(i), _)` may match.
    #[inline]
    pub fn starts_trigger_pair(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_TRIGGER_PAIR_START != 0
    }

    /// False when token `i` is surely no month or weekday name: `time::month_number` and
    /// `time::weekday_number` of it need only be asked when this is true.
    #[inline]
    pub fn may_be_calendar_name(&self, i: usize) -> bool {
        self.shape[i] & SHAPE_CALENDAR_FORM != 0
    }

    /// The readings of token `i` as a verb form: `lex.verbs.senses(v.lower(i))`, without the
    /// hash lookup for the many tokens the shape bits already rule out.
    #[inline]
    pub fn verb_senses<'l>(&self, lex: &'l Lexicon, i: usize) -> &'l [Sense] {
        if self.is_verb_form(i) {
            lex.verbs.senses(self.lower(i))
        } else {
            &[]
        }
    }

    /// Token `i`'s single-word trigger definitions: `lex.triggers.single(v.lower(i))`, looked up
    /// only when the shape bits say there are some.
    #[inline]
    pub fn trigger_defs<'l>(&self, lex: &'l Lexicon, i: usize) -> &'l [TriggerDef] {
        if self.is_trigger_form(i) {
            lex.triggers.single(self.lower(i))
        } else {
            &[]
        }
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

    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        // Bytes, not `str`: equal bytes are equal strings, and no char-boundary checks. The
        // lengths first, from the span: most tokens differ in length from the word.
        i < self.len() && {
            let span = self.lower_spans[i];
            span.len() == word.len() && self.lower.as_bytes()[span.range()] == *word.as_bytes()
        }
    }

    // Always inlined: the flag test is one AND, far cheaper than the call.
    #[inline(always)]
    pub fn is_any<W: super::words::Words + ?Sized>(&self, i: usize, words: &'static W) -> bool {
        if i >= self.len() {
            return false;
        }
        match words.flag() {
            0 => words.has_word(self.lower_bytes(i)),
            bit => self.flags[i] & bit != 0,
        }
    }

    /// In any of the flagged `lists`: one test of the token's flags for all of them.
    #[inline(always)]
    pub fn is_in_any(&self, i: usize, lists: &[&'static super::words::WordSet]) -> bool {
        let mask = lists.iter().fold(0, |m, l| m | l.bit());
        debug_assert!(lists.iter().all(|l| l.bit() != 0), "only flagged lists have token flags");
        i < self.len() && self.flags[i] & mask != 0
    }
}

/// A flag per token of one sentence, indexed by document token index, so per-sentence work
/// allocates in proportion to the sentence, not the document. Outside the range it reads false.
/// A sentence of up to [`Mask::INLINE`] tokens (nearly all of them) keeps its flags inline:
/// a mask is made per sentence, and allocating each was a measurable share of the work.
pub struct Mask {
    start: usize,
    len: usize,
    inline: [bool; Mask::INLINE],
    /// The flags of a longer sentence; empty otherwise.
    spilled: Vec<bool>,
}

impl Mask {
    const INLINE: usize = 128;

    pub fn new(range: std::ops::Range<usize>) -> Mask {
        let len = range.len();
        Mask {
            start: range.start,
            len,
            inline: [false; Mask::INLINE],
            spilled: if len > Mask::INLINE { vec![false; len] } else { Vec::new() },
        }
    }

    fn bits(&self) -> &[bool] {
        if self.len > Mask::INLINE {
            &self.spilled
        } else {
            &self.inline[..self.len]
        }
    }

    fn bits_mut(&mut self) -> &mut [bool] {
        if self.len > Mask::INLINE {
            &mut self.spilled
        } else {
            &mut self.inline[..self.len]
        }
    }
}

impl std::ops::Index<usize> for Mask {
    type Output = bool;
    fn index(&self, i: usize) -> &bool {
        // Below the range the subtraction wraps to past its end: one test for both sides.
        self.bits().get(i.wrapping_sub(self.start)).unwrap_or(&false)
    }
}

impl std::ops::IndexMut<usize> for Mask {
    fn index_mut(&mut self, i: usize) -> &mut bool {
        let k = i - self.start;
        &mut self.bits_mut()[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_shape_is_the_shape_of_ascii_tokens() {
        for raw in [
            "Seoul", "NIS", "U.S.", "US$", "a", "A", "K1A1", "2019", ",", "e.g.", "McDonald", "AB-c", "X.",
        ] {
            assert_eq!(ascii_shape(raw.as_bytes()), shape_of(raw), "{raw}");
        }
    }

    #[test]
    fn masks_read_false_outside_their_range_inline_or_spilled() {
        for len in [0, 3, Mask::INLINE, Mask::INLINE + 1, 300] {
            let mut m = Mask::new(10..10 + len);
            for i in (10..10 + len).step_by(3) {
                m[i] = true;
            }
            for i in 0..len + 20 {
                assert_eq!(m[i], i >= 10 && i < 10 + len && (i - 10) % 3 == 0, "{len} {i}");
            }
        }
    }

    #[test]
    fn next_non_ascii_finds_the_first_byte_past_ascii() {
        let text = "plain ascii text, long enough for chunks — then “quotes”";
        for from in 0..text.len() {
            let expected = text
                .bytes()
                .skip(from)
                .position(|b| !b.is_ascii())
                .map_or(text.len(), |p| from + p);
            assert_eq!(next_non_ascii(text.as_bytes(), from), expected, "{from}");
        }
    }
}
