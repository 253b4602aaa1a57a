//! What the extractor knows before it reads a word: countries and their codes, the Phoenix
//! actor and agent dictionaries, the CAMEO verb dictionary, the CAMEO/PLOVER code tables and the
//! names of the gazetteer's cities and provinces.
//! All of it is embedded data (see data/), parsed once on first use.

pub mod codes;
pub mod countries;
pub mod dictionary;
pub mod phrases;
pub mod triggers;
pub mod verbs;

use countries::{Country, CountryForm};
use dictionary::DictActor;
use phrases::PhraseIndex;
use std::sync::OnceLock;

/// How the letters of a text must look for a phrase to count as a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case: common nouns such as "court" or "spy agency".
    Any,
    /// Every word that starts with a letter starts with a capital, except short function words
    /// ("Korea Institute of Liberal Democracy").
    Capitalized,
    /// Every letter upper case: acronyms such as "US" or "WHO" (so "us" and "who" never match).
    Upper,
}

/// What a phrase in the text can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    Country {
        country: u16,
        form: CountryForm,
    },
    /// An entry of the actor dictionary.
    Dict(u32),
    /// A sector noun ("spy agency" → SPY), index into [`Lexicon::sectors`].
    Agent(u16),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseEntry {
    pub hit: Hit,
    pub case: CaseRule,
}

/// What the lexicon knows of one normalised word, so that a token needs one lookup instead of
/// one per dictionary (and the rules, which ask again and again, none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Its id in the phrase index, if a phrase uses it.
    pub phrase_word: Option<phrases::WordId>,
    /// A form of a verb of the CAMEO verb dictionary: `verbs.senses` is not empty.
    pub verb_form: bool,
    /// A single-word event trigger: `triggers.single` is not empty.
    pub trigger_form: bool,
    /// The first word of a two-word trigger ("missile tests").
    pub trigger_pair_start: bool,
    /// A spelling of a month or weekday name (`time::calendar_forms`).
    pub calendar_form: bool,
    /// The closed word lists of the rules it is in (`extract::words::word_flags`).
    pub flags: u64,
}

pub struct Lexicon {
    pub countries: Vec<Country>,
    pub dictionary: Vec<DictActor>,
    /// Distinct CAMEO sector codes of the agent dictionary ("SPY", "GOVMIL", ...).
    pub sectors: Vec<String>,
    pub phrases: PhraseIndex<PhraseEntry>,
    person_name_tokens: rustc_hash::FxHashSet<String>,
    /// Cities and first-level divisions of the gazetteer, lower case ("texas", "mecca").
    place_names: rustc_hash::FxHashSet<&'static str>,
    pub verbs: verbs::VerbDictionary,
    pub triggers: triggers::Triggers,
    pub codes: codes::EventCodes,
    words: WordTable,
}

/// [`WordInfo`] by normalised word. Every token is looked up, so most words (up to 15 bytes)
/// are keyed by their bytes and length packed in a `u128`: hashed and compared in registers,
/// with no pointer to follow to a key elsewhere in memory.
#[derive(Default)]
struct WordTable {
    short: rustc_hash::FxHashMap<u128, WordInfo>,
    long: rustc_hash::FxHashMap<Box<str>, WordInfo>,
}

impl WordTable {
    /// The packed key of a word of at most 15 bytes: its bytes, then its length in the last byte.
    fn packed(word: &str) -> Option<u128> {
        let bytes = word.as_bytes();
        (bytes.len() < 16).then(|| {
            let mut key = [0u8; 16];
            key[..bytes.len()].copy_from_slice(bytes);
            key[15] = bytes.len() as u8;
            u128::from_le_bytes(key)
        })
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        match Self::packed(word) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(word.into()).or_default(),
        }
    }

    fn get(&self, word: &str) -> WordInfo {
        match Self::packed(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
        .copied()
        .unwrap_or_default()
    }

    /// [`WordTable::get`] of `buf[range]`. When `buf` has 16 bytes from the word's start, the
    /// key is those bytes read at once, the ones past the word masked off: no copy of a
    /// variable length, which would be a call to memcpy for every token.
    fn get_in(&self, buf: &str, range: std::ops::Range<usize>) -> WordInfo {
        let len = range.len();
        match buf.as_bytes().get(range.start..range.start + 16) {
            Some(block) if len < 16 => {
                let block = u128::from_le_bytes(block.try_into().expect("16 bytes"));
                let key = block & ((1u128 << (8 * len)) - 1) | (len as u128) << 120;
                self.short.get(&key).copied().unwrap_or_default()
            }
            _ => self.get(&buf[range]),
        }
    }
}

/// The lexicon built from the embedded data, once per process.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::embedded)
}

const FUNCTION_WORDS: [&str; 12] = ["of", "the", "and", "for", "in", "on", "de", "du", "la", "le", "to", "at"];

/// The case rule a dictionary spelling implies: short all-capital words are acronyms.
pub fn case_rule_of(spelling: &str) -> CaseRule {
    let letters: Vec<char> = spelling.chars().filter(|c| c.is_alphabetic()).collect();
    let single_word = !spelling.contains(' ');
    if single_word && !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::Upper
    } else {
        CaseRule::Capitalized
    }
}

/// Checks a rule against the words of a matched span.
pub fn case_matches(rule: CaseRule, words: &[&str]) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Upper => words.iter().all(|w| !w.chars().any(char::is_lowercase)),
        CaseRule::Capitalized => words.iter().enumerate().all(|(i, w)| {
            let first = w.chars().next();
            match first {
                Some(c) if c.is_alphabetic() => {
                    // No allocation: the function words are ASCII without a "k", the one letter a
                    // non-ASCII character lower-cases to (the Kelvin sign), so comparing ASCII case
                    // insensitively is comparing the lower-cased word.
                    c.is_uppercase() || (i > 0 && FUNCTION_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f)))
                }
                _ => true,
            }
        }),
    }
}

impl Lexicon {
    fn embedded() -> Lexicon {
        let countries = countries::parse(include_str!("../../../data/countries/countries.tsv"));
        let dictionary = dictionary::parse(include_str!("../../../data/lexicon/actors.tsv"));
        let mut agents = dictionary::parse_agents(include_str!("../../../data/lexicon/agents.tsv"));
        agents.extend(dictionary::parse_agents(include_str!(
            "../../../data/lexicon/agents_extra.tsv"
        )));
        let mut phrases = PhraseIndex::new();
        for (i, c) in countries.iter().enumerate() {
            for (form, spelling) in c.spellings() {
                let case = match form {
                    CountryForm::Code => CaseRule::Upper,
                    _ => case_rule_of(spelling),
                };
                phrases.insert(
                    spelling,
                    PhraseEntry {
                        hit: Hit::Country { country: i as u16, form },
                        case,
                    },
                );
            }
        }
        for (i, a) in dictionary.iter().enumerate() {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                phrases.insert(
                    name,
                    PhraseEntry {
                        hit: Hit::Dict(i as u32),
                        case: case_rule_of(name),
                    },
                );
            }
        }
        // First words of known people's names: given names, and family names written first.
        let person_name_tokens = dictionary
            .iter()
            .filter(|a| a.kind == dictionary::DictKind::Person)
            .filter_map(|a| a.name.split(' ').next())
            .filter(|w| w.len() >= 2)
            .map(str::to_lowercase)
            .collect();
        let mut sectors: Vec<String> = Vec::new();
        for (phrase, sector) in agents {
            let idx = sectors.iter().position(|s| *s == sector).unwrap_or_else(|| {
                sectors.push(sector.clone());
                sectors.len() - 1
            });
            phrases.insert(
                &phrase,
                PhraseEntry {
                    hit: Hit::Agent(idx as u16),
                    case: CaseRule::Any,
                },
            );
        }
        let verbs = verbs::VerbDictionary::parse(include_str!("../../../data/lexicon/verbs.txt"));
        let triggers = triggers::Triggers::parse(include_str!("../../../data/lexicon/event_triggers.tsv"));
        let mut words = WordTable::default();
        for (word, id) in phrases.vocabulary() {
            words.entry(word).phrase_word = Some(id);
        }
        for form in verbs.forms() {
            words.entry(form).verb_form = true;
        }
        for form in triggers.single_forms() {
            words.entry(form).trigger_form = true;
        }
        for first in triggers.pair_starts() {
            words.entry(first).trigger_pair_start = true;
        }
        for form in crate::time::calendar_forms() {
            words.entry(&form).calendar_form = true;
        }
        for (word, flag) in crate::extract::words::word_flags() {
            words.entry(word).flags |= flag;
        }
        let place_names = include_str!("../../../data/gazetteer/places/names.txt").lines().collect();
        Lexicon {
            countries,
            dictionary,
            sectors,
            phrases,
            person_name_tokens,
            place_names,
            verbs,
            triggers,
            codes: codes::EventCodes::parse(include_str!("../../../data/cameo/event_codes.tsv")),
            words,
        }
    }

    /// Everything the lexicon knows of a normalised word (see [`phrases::normalize`]).
    pub fn word_info(&self, normalized: &str) -> WordInfo {
        self.words.get(normalized)
    }

    /// [`Lexicon::word_info`] of `buf[range]`, faster when more text follows the word.
    pub fn word_info_in(&self, buf: &str, range: std::ops::Range<usize>) -> WordInfo {
        self.words.get_in(buf, range)
    }

    /// True for a word that starts a known person's name in the dictionary ("vladimir", "hu",
    /// "park"): evidence that a capitalised pair is a person.
    pub fn is_person_name_token(&self, lower: &str) -> bool {
        self.person_name_tokens.contains(lower)
    }

    /// A city or first-level division of the gazetteer, by its lower-case name.
    pub fn is_place_name(&self, lower: &str) -> bool {
        self.place_names.contains(lower)
    }

    pub fn country_by_iso3(&self, iso3: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.iso3 == iso3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_info_in_a_buffer_is_word_info_of_the_word() {
        let lex = lexicon();
        let buf = "the national intelligence service said, and a very-long-compound-word ends it";
        let mut start = 0;
        for word in buf.split(' ') {
            let range = start..start + word.len();
            assert_eq!(lex.word_info_in(buf, range.clone()), lex.word_info(word), "{word}");
            start = range.end + 1;
        }
        assert_ne!(lex.word_info("said"), WordInfo::default());
    }

    #[test]
    fn case_rules() {
        assert_eq!(case_rule_of("US"), CaseRule::Upper);
        assert_eq!(case_rule_of("NATO"), CaseRule::Upper);
        assert_eq!(case_rule_of("Seoul"), CaseRule::Capitalized);
        assert!(case_matches(CaseRule::Upper, &["US"]));
        assert!(!case_matches(CaseRule::Upper, &["us"]));
        assert!(case_matches(
            CaseRule::Capitalized,
            &["Korea", "Institute", "of", "Liberal", "Democracy"]
        ));
        assert!(!case_matches(CaseRule::Capitalized, &["china"]));
        assert!(!case_matches(CaseRule::Capitalized, &["of", "Korea"]));
    }
}
