//! Multi-word phrase lookup over tokens: a vocabulary of normalised words and a trie of word
//! ids. One hash lookup per token, then trie steps only where a phrase can start; no regex and
//! no automaton crate, which keeps the wasm small.

use crate::text::{Token, TokenKind, tokenize};
use rustc_hash::FxHashMap;

pub type WordId = u32;

/// The form every word is compared in: lower case, typographic apostrophes made plain.
pub fn normalize(word: &str, out: &mut String) {
    out.clear();
    push_normalized(word, out);
}

/// Appends the normalised form of `word` to `out` (see [`normalize`]).
pub fn push_normalized(word: &str, out: &mut String) {
    if word.is_ascii() {
        // The common case: no typographic apostrophes or soft hyphens, only ASCII case to fold.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' => out.push('\''),
            '\u{AD}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// True for a hyphen glued to both neighbours ("Jae-in", "US-led"): matching skips it, so
/// "Moon Jae-in" and "Moon Jae in" are the same phrase.
// Inlined: asked of every token, and its first test (punctuation) rules out most of them.
#[inline]
pub fn is_glued_hyphen(tokens: &[Token], i: usize, text: &str) -> bool {
    let t = tokens[i];
    t.kind == TokenKind::Punct
        && matches!(t.text(text), "-" | "‐" | "‑")
        && !t.space_before
        && tokens.get(i + 1).is_some_and(|n| !n.space_before)
}

/// Maps phrases (sequences of words) to values of type `V`.
#[derive(Debug, Default)]
pub struct PhraseIndex<V> {
    vocab: FxHashMap<Box<str>, WordId>,
    edges: FxHashMap<u64, u32>,
    /// The root's edges again, indexed by word id (0 = none: the root is nobody's child). Most
    /// tokens that have an id start no phrase, and this answers them without hashing.
    root: Vec<u32>,
    /// Values ending at each trie node (node 0 is the root).
    values: Vec<Vec<V>>,
}

impl<V> PhraseIndex<V> {
    pub fn new() -> Self {
        PhraseIndex {
            vocab: FxHashMap::default(),
            edges: FxHashMap::default(),
            root: Vec::new(),
            values: vec![Vec::new()],
        }
    }

    /// Adds a phrase, tokenised exactly as document text is. Returns false for an empty phrase.
    pub fn insert(&mut self, phrase: &str, value: V) -> bool {
        let tokens = tokenize(phrase);
        let mut node = 0u32;
        let mut buf = String::new();
        let mut any = false;
        for i in 0..tokens.len() {
            if is_glued_hyphen(&tokens, i, phrase) {
                continue;
            }
            normalize(tokens[i].text(phrase), &mut buf);
            let next_id = self.vocab.len() as WordId;
            let word = *self.vocab.entry(buf.as_str().into()).or_insert(next_id);
            let key = (u64::from(node) << 32) | u64::from(word);
            let next_node = self.values.len() as u32;
            let parent = node;
            node = *self.edges.entry(key).or_insert(next_node);
            if node == next_node {
                self.values.push(Vec::new());
            }
            if parent == 0 {
                if self.root.len() <= word as usize {
                    self.root.resize(word as usize + 1, 0);
                }
                self.root[word as usize] = node;
            }
            any = true;
        }
        if any {
            self.values[node as usize].push(value);
        }
        any
    }

    /// Every word any phrase uses, with its id.
    pub fn vocabulary(&self) -> impl Iterator<Item = (&str, WordId)> {
        self.vocab.iter().map(|(w, &id)| (&**w, id))
    }

    /// The id of a normalised word, if any phrase uses it.
    pub fn word_id(&self, normalized: &str) -> Option<WordId> {
        self.vocab.get(normalized).copied()
    }

    /// Word ids of a token sequence (`None` for words no phrase uses, and for glued hyphens,
    /// which matching skips).
    pub fn word_ids(&self, text: &str, tokens: &[Token]) -> Vec<Option<WordId>> {
        let mut buf = String::new();
        (0..tokens.len())
            .map(|i| {
                if is_glued_hyphen(tokens, i, text) {
                    return None;
                }
                normalize(tokens[i].text(text), &mut buf);
                self.word_id(&buf)
            })
            .collect()
    }

    /// All phrases starting at token `start`, longest first, as (end token exclusive, values).
    /// `skip[i]` marks tokens to step over (glued hyphens).
    pub fn matches_at(&self, ids: &[Option<WordId>], skip: &[bool], start: usize) -> Vec<(usize, &[V])> {
        let mut out = Vec::new();
        self.matches_at_into(ids, skip, start, &mut out);
        out
    }

    /// True when some phrase starts with this word: else `matches_at` finds nothing there.
    #[inline]
    pub fn starts_phrase(&self, word: WordId) -> bool {
        self.root.get(word as usize).is_some_and(|&n| n != 0)
    }

    /// [`PhraseIndex::matches_at`] into a buffer the caller reuses (it is cleared first).
    pub fn matches_at_into<'s>(&'s self, ids: &[Option<WordId>], skip: &[bool], start: usize, out: &mut Vec<(usize, &'s [V])>) {
        out.clear();
        let mut node = 0u32;
        let mut i = start;
        while i < ids.len() {
            if skip[i] && i > start {
                i += 1;
                continue;
            }
            let Some(word) = ids[i] else { break };
            let next = if node == 0 {
                self.root.get(word as usize).copied().filter(|&n| n != 0)
            } else {
                self.edges.get(&((u64::from(node) << 32) | u64::from(word))).copied()
            };
            let Some(next) = next else {
                break;
            };
            node = next;
            i += 1;
            let values = &self.values[node as usize];
            if !values.is_empty() {
                out.push((i, values.as_slice()));
            }
        }
        out.reverse();
    }

    pub fn phrase_count(&self) -> usize {
        self.values.iter().filter(|v| !v.is_empty()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_first_and_hyphen_insensitive() {
        let mut index = PhraseIndex::new();
        index.insert("South Korea", 1);
        index.insert("South", 2);
        index.insert("Moon Jae in", 3);
        let text = "South Korea’s Moon Jae-in";
        let tokens = tokenize(text);
        let ids = index.word_ids(text, &tokens);
        let skip: Vec<bool> = (0..tokens.len()).map(|i| is_glued_hyphen(&tokens, i, text)).collect();
        let m = index.matches_at(&ids, &skip, 0);
        assert_eq!(
            m.iter().map(|(end, v)| (*end, v.to_vec())).collect::<Vec<_>>(),
            vec![(2, vec![1]), (1, vec![2])]
        );
        let moon = tokens.iter().position(|t| t.text(text) == "Moon").unwrap();
        assert_eq!(index.matches_at(&ids, &skip, moon)[0].0, tokens.len());
    }

    #[test]
    fn normalization() {
        let mut s = String::new();
        normalize("Korea’s", &mut s);
        assert_eq!(s, "korea's");
        normalize("ÜBER", &mut s);
        assert_eq!(s, "über");
    }
}
