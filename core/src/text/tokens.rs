//! A tokenizer for English news text that keeps byte spans into the original text.
//!
//! Design choices, each for a reason the extractor depends on:
//! - Hyphens are tokens of their own, marked as glued to their neighbours, so "South
//!   Korea-Japan ties" exposes "South Korea" and "Japan" to the lexicon while "Moon Jae-in"
//!   can still be read as one name.
//! - A possessive ("’s", "'s", or a bare apostrophe after plural "s") is its own token.
//! - A period stays on a word when together they form an abbreviation ("U.S.", "Rep.",
//!   "Jan.", an initial such as "J."), so the sentence splitter does not cut there.

use crate::document::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits): "Seoul", "K1A1", "U.S.".
    Word,
    /// Digits, possibly with separators: "2019", "6,800", "21st", "1.5".
    Number,
    /// The possessive marker "’s" / "'s", or a lone apostrophe after a plural.
    Possessive,
    /// Any other single character: punctuation, quotes, dashes, symbols.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// True when whitespace (or the start of text) precedes the token.
    pub space_before: bool,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.range()]
    }
}

/// Abbreviations that keep their period, lower-cased without the period.
/// Single letters (initials) and dotted acronyms ("U.S.", "e.g.") are recognised by shape.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rep", "sen", "gov", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt",
    "st", "jr", "sr", "rev", "hon", "pres", "amb", "sec", "gen", "brig", "insp", "supt", "det", "fr", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "inc", "ltd", "co", "corp", "bros", "no", "nos", "vol", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft",
    "ave", "blvd", "univ", "assn",
];

/// The length of the longest abbreviation: a longer word is none, whatever its letters.
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

pub fn is_abbreviation(word_without_period: &str) -> bool {
    // The list is lower-case ASCII, so this is comparing the ASCII-lower-cased word, without
    // allocating it.
    word_without_period.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word_without_period))
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{AD}'
}

/// [`BYTE_CLASS`] of an ASCII letter or digit (a word character).
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] bit of an ASCII letter.
const LETTER: u8 = 2;

/// The class of each byte for the ASCII fast path of [`word_end`]: `ALNUM | LETTER` for a
/// letter, `ALNUM` for a digit, 0 for any other byte (ASCII or not). One table load per byte
/// instead of three range tests: word bytes are most of a text.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        if byte.is_ascii_alphabetic() {
            table[b] = ALNUM | LETTER;
        } else if byte.is_ascii_digit() {
            table[b] = ALNUM;
        }
        b += 1;
    }
    table
};

/// The end of the run of word characters starting at `i`, and whether it holds a letter.
fn word_end(text: &str, i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut j = i;
    let mut letters = 0;
    // Byte by byte while ASCII letters and digits, where the Unicode classes are the ASCII ones
    // (the soft hyphen is not ASCII): most words never need decoding.
    while let Some(&b) = bytes.get(j) {
        let class = BYTE_CLASS[usize::from(b)];
        if class == 0 {
            break;
        }
        letters |= class;
        j += 1;
    }
    let mut has_alpha = letters & LETTER != 0;
    // Stopped at the end or at an ASCII byte that is no word character: the word ends here.
    if bytes.get(j).is_none_or(u8::is_ascii) {
        return (j, has_alpha);
    }
    for ch in text[j..].chars() {
        if !is_word_char(ch) {
            break;
        }
        has_alpha |= ch.is_alphabetic();
        j += ch.len_utf8();
    }
    (j, has_alpha)
}

/// Splits `text` into tokens. Never fails; every span lies on character boundaries.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    while i < text.len() {
        let b = bytes[i];
        // ASCII whitespace (what `char::is_whitespace` accepts below 128), the commonest byte
        // after letters: skipped before anything else is asked of it.
        if matches!(b, b'\t'..=b'\r' | b' ') {
            i += 1;
            space_before = true;
            continue;
        }
        // An ASCII byte is its own character: no decoding for most of the text.
        let c = match b {
            b if b.is_ascii() => char::from(b),
            _ => text[i..].chars().next().expect("i is on a char boundary"),
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            space_before = true;
            continue;
        }
        let start = i;
        let kind;
        // For an ASCII byte, `is_word_char` is its byte class (the soft hyphen is not ASCII).
        if BYTE_CLASS[usize::from(b)] != 0 || (!b.is_ascii() && is_word_char(c)) {
            let (mut j, has_alpha) = word_end(text, i);
            // Numbers with thousands separators or decimals: "6,800", "1.5".
            if !has_alpha {
                while j + 1 < text.len() && matches!(bytes[j], b',' | b'.') && bytes[j + 1].is_ascii_digit() {
                    let mut k = j + 1;
                    while k < text.len() && bytes[k].is_ascii_digit() {
                        k += 1;
                    }
                    j = k;
                }
                // Ordinal suffixes: "21st", "2nd".
                kind = TokenKind::Number;
            } else {
                kind = TokenKind::Word;
            }
            // Abbreviation periods: "U.S.", "e.g.", "Rep.", "J.".
            if has_alpha && j < text.len() && bytes[j] == b'.' {
                let mut end = j;
                // Dotted acronym: letter(s), period, letter, period...
                let mut k = j;
                while k + 2 <= text.len()
                    && bytes[k] == b'.'
                    && k + 1 < text.len()
                    && (bytes[k + 1] as char).is_ascii_alphabetic()
                {
                    let mut m = k + 1;
                    while m < text.len() && (bytes[m] as char).is_ascii_alphabetic() {
                        m += 1;
                    }
                    if m - (k + 1) > 2 {
                        break;
                    }
                    k = m;
                    end = k;
                }
                let word = &text[i..j];
                let dotted = end > j;
                if dotted || is_abbreviation(word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)) {
                    j = if end < text.len() && bytes[end] == b'.' {
                        end + 1
                    } else {
                        end
                    };
                }
            }
            tokens.push(Token {
                span: Span::new(start, j),
                kind,
                space_before,
            });
            i = j;
        } else if is_apostrophe(c) {
            let after = i + c.len_utf8();
            let next = text[after..].chars().next();
            let prev_word = tokens
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Word && !space_before);
            let next_is_s = next.is_some_and(|n| n == 's' || n == 'S');
            // 's' is one byte, so `after_s` is a char boundary whenever `next_is_s`.
            let after_s = after + 1;
            let s_ends = next_is_s && (after_s >= text.len() || !text[after_s..].chars().next().is_some_and(is_word_char));
            if prev_word && next_is_s && s_ends {
                tokens.push(Token {
                    span: Span::new(start, after_s),
                    kind: TokenKind::Possessive,
                    space_before: false,
                });
                i = after_s;
            } else if prev_word && text[..i].ends_with(['s', 'S']) && !next.is_some_and(is_word_char) {
                tokens.push(Token {
                    span: Span::new(start, after),
                    kind: TokenKind::Possessive,
                    space_before: false,
                });
                i = after;
            } else if prev_word && next.is_some_and(is_word_char) {
                // An apostrophe inside a word ("don't", "O'Brien"): glue it to the word.
                let last = tokens.last_mut().expect("prev_word");
                let mut j = after;
                for ch in text[after..].chars() {
                    if !is_word_char(ch) {
                        break;
                    }
                    j += ch.len_utf8();
                }
                last.span = Span::new(last.span.start as usize, j);
                i = j;
            } else {
                tokens.push(Token {
                    span: Span::new(start, after),
                    kind: TokenKind::Punct,
                    space_before,
                });
                i = after;
            }
        } else {
            kind = TokenKind::Punct;
            let end = i + c.len_utf8();
            tokens.push(Token {
                span: Span::new(start, end),
                kind,
                space_before,
            });
            i = end;
        }
        space_before = false;
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn possessives_and_curly_apostrophes() {
        assert_eq!(
            words("South Korea’s top spy agency"),
            ["South", "Korea", "’s", "top", "spy", "agency"]
        );
        assert_eq!(words("the allies' plans"), ["the", "allies", "'", "plans"]);
        assert_eq!(tokenize("NATO's")[1].kind, TokenKind::Possessive);
        assert_eq!(words("don't O’Brien"), ["don't", "O’Brien"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            words("Rep. Park Jin met U.S. officials."),
            ["Rep.", "Park", "Jin", "met", "U.S.", "officials", "."]
        );
        assert_eq!(words("U.S.-South Korea drills"), ["U.S.", "-", "South", "Korea", "drills"]);
        assert_eq!(words("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(words("It ended. Then"), ["It", "ended", ".", "Then"]);
    }

    #[test]
    fn hyphens_are_separate_but_glued() {
        let t = tokenize("Moon Jae-in");
        assert_eq!(words("Moon Jae-in"), ["Moon", "Jae", "-", "in"]);
        assert!(!t[2].space_before && !t[3].space_before && t[1].space_before);
    }

    #[test]
    fn numbers() {
        assert_eq!(
            words("6,800 agents, US$860 million, 1.5%"),
            ["6,800", "agents", ",", "US", "$", "860", "million", ",", "1.5", "%"]
        );
        assert_eq!(tokenize("2019")[0].kind, TokenKind::Number);
        assert_eq!(tokenize("K1A1")[0].kind, TokenKind::Word);
    }

    #[test]
    fn ascii_fast_paths_agree_with_unicode_classes() {
        // Whitespace and word characters inside and outside ASCII, side by side.
        assert_eq!(
            words("a\u{A0}b\tc\u{AD}d\r\ne\u{2003}f 1st x2 é1 2é"),
            ["a", "b", "c\u{AD}d", "e", "f", "1st", "x2", "é1", "2é"]
        );
        assert_eq!(tokenize("1st")[0].kind, TokenKind::Word);
        assert_eq!(tokenize("12\u{AD}")[0].kind, TokenKind::Number);
    }

    #[test]
    fn spans_are_char_boundaries() {
        let text = "“Cyberthreats” — ünïcödé’s 日本 test";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.span.start as usize) && text.is_char_boundary(t.span.end as usize));
        }
    }
}
