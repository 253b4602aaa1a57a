//! Finding who and where a sentence talks about: dictionary phrases, proper names found from
//! their shape, definitions ("Full Name (ABBR)"), and descriptions built from a country and a
//! sector noun ("South Korea’s top spy agency" → South Korea + SPY).

use super::view::{Mask, TokenView};
use super::words::*;
use crate::document::BlockKind;
use crate::lexicon::countries::CountryForm;
use crate::lexicon::dictionary::DictKind;
use crate::lexicon::{Hit, Lexicon, case_matches};
use std::ops::Range;

/// What kind of thing a proper name found from its shape is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameClass {
    Person,
    Org,
    Place,
    /// Capitalised, not in any list, and nothing says what it is.
    Unknown,
}

/// What a mention refers to, before resolution across the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    /// A state, through any of its spellings.
    Country { country: u16, form: CountryForm },
    /// An entry of the actor dictionary.
    Dict(u32),
    /// A country's institution or group named by a sector noun ("a South Korean court").
    /// `country` is `None` when the text does not say whose.
    Sector { country: Option<u16>, sector: u16 },
    /// A proper name found from its shape.
    Name { class: NameClass, name: String },
    /// "it", "he", "they"...
    Pronoun(PronounKind),
    /// "the group", "the country": refers back to an actor of that kind.
    Anaphor { state: bool },
    /// A lower-case description of an organisation: "NATO’s cyber defense group", "the cyber
    /// defense group". `words` are its content words; the owner is a separate mention.
    /// `owner` is the first token of the owner's mention.
    Description { words: Vec<String>, owner: Option<usize> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    It,
    Person,
    Plural,
    /// "we", "our" in quoted speech: the speaker.
    Speaker,
}

/// The part a mention plays in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Can be the actor or the recipient of an event.
    Participant,
    /// A place where something happens ("in Tallinn"): never an event participant.
    Location,
    /// Qualifies another mention ("Japanese" in "Japanese firms" once composed, "Estonia" in
    /// "Tallinn, Estonia").
    Qualifier,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub referent: Referent,
    pub role: Role,
    /// The country that owns or qualifies the mention ("of South Korea", "South Korean").
    pub country: Option<u16>,
    /// The sector a name implies ("National Intelligence Service" → SPY).
    pub sector: Option<u16>,
    /// An acronym this mention defines, or an expansion it abbreviates.
    pub alias: Option<String>,
    /// "former editor": the role the text gives a person, if any, with its phrase.
    pub description: Option<Range<usize>>,
    pub sentence: u32,
}

impl Mention {
    fn new(tokens: Range<usize>, referent: Referent, sentence: u32) -> Mention {
        Mention {
            tokens,
            referent,
            role: Role::Participant,
            country: None,
            sector: None,
            alias: None,
            description: None,
            sentence,
        }
    }
}

/// One lexicon match: the token range and what it can be.
#[derive(Debug, Clone)]
struct LexHit {
    range: Range<usize>,
    hit: Hit,
}

/// Finds the mentions of one sentence.
pub fn sentence_mentions(v: &TokenView, lex: &Lexicon, s: usize, block_kind: BlockKind) -> Vec<Mention> {
    let mut range = v.sentences[s].tokens.clone();
    if block_kind == BlockKind::Caption {
        // A caption's credit ("Photo: AFP", "| REUTERS |") names who took the picture, not an actor.
        if let Some(cut) = range.clone().find(|&i| {
            v.raw(i) == "|"
                || (v.is_any(i, &["photo", "photos", "illustration", "image", "credit"]) && v.is_any(i + 1, &[":", "by"]))
        }) {
            range.end = cut;
        }
    }
    let hits = lexicon_hits(v, lex, range.clone());
    let title_case = matches!(block_kind, BlockKind::Title | BlockKind::Heading);
    let mut mentions = Vec::new();
    let mut covered = Mask::new(range.clone());
    // Proper-name chunks decide first: a country inside an organisation's name is not a mention of the country.
    if !title_case {
        let hit_starts: Vec<usize> = hits
            .iter()
            .filter(|h| !matches!(h.hit, Hit::Agent(_)))
            .map(|h| h.range.start)
            .collect();
        for chunk in name_chunks(v, range.clone(), &hit_starts) {
            if let Some(m) = interpret_chunk(v, lex, &chunk, &hits, s as u32) {
                for i in m.tokens.clone() {
                    covered[i] = true;
                }
                mentions.push(m);
            }
        }
    }
    for h in &hits {
        if h.range.clone().any(|i| covered[i]) {
            continue;
        }
        // "US$860": a currency, not the country.
        if v.is(h.range.end, "$") && !v.tokens[h.range.end].space_before {
            continue;
        }
        // "a joint military exercise", "police operation": the sector word describes the act, it
        // does not name a body taking part in it.
        if matches!(h.hit, Hit::Agent(_)) && v.is_any(h.range.end, &EVENT_HEADS) && !v.is_capitalized(h.range.end) {
            continue;
        }
        let referent = match h.hit {
            Hit::Country { country, form } => Referent::Country { country, form },
            Hit::Dict(d) => Referent::Dict(d),
            Hit::Agent(sector) => Referent::Sector { country: None, sector },
        };
        for i in h.range.clone() {
            covered[i] = true;
        }
        mentions.push(Mention::new(h.range.clone(), referent, s as u32));
    }
    // Acronyms not in any list ("CCDOE", "KAERI") are names of organisations.
    for i in range.clone() {
        // Tested last: the common case fails earlier.
        let glued_symbol = || i + 1 < v.len() && !v.tokens[i + 1].space_before && v.is_any(i + 1, &["$", "€", "£", "¥"]);
        // The shape bit first: it rules out nearly every token at once.
        if v.is_all_caps(i)
            && !covered[i]
            && v.is_word(i)
            && !v.raw(i).contains('.')
            && v.raw(i).chars().all(|c| c.is_ascii_alphabetic())
            && v.raw(i).len() <= 8
            && !glued_symbol()
        {
            covered[i] = true;
            mentions.push(Mention::new(
                i..i + 1,
                Referent::Name {
                    class: NameClass::Org,
                    name: v.raw(i).to_string(),
                },
                s as u32,
            ));
        }
    }
    if !title_case {
        for i in range.clone() {
            if covered[i] {
                continue;
            }
            // One flag test for the three pronoun lists: most tokens are in none of them.
            let pronoun = v.is_in_any(i, &[&PRONOUNS_IT, &PRONOUNS_PERSON, &PRONOUNS_PLURAL]);
            let referent = if pronoun && v.is_any(i, &PRONOUNS_IT) {
                Some(Referent::Pronoun(PronounKind::It))
            } else if pronoun && v.is_any(i, &PRONOUNS_PERSON) {
                Some(Referent::Pronoun(PronounKind::Person))
            } else if pronoun && v.is_any(i, &PRONOUNS_PLURAL) {
                Some(Referent::Pronoun(PronounKind::Plural))
            } else if matches!(v.lower_bytes(i), b"we" | b"our" | b"us" | b"ourselves") {
                Some(Referent::Pronoun(PronounKind::Speaker))
            } else if i > range.start
                && v.is(i - 1, "the")
                && !v.is_capitalized(i)
                && (v.is_any(i, &ANAPHORIC_ORG_NOUNS) || v.is_any(i, &ANAPHORIC_STATE_NOUNS))
            {
                // "the group", but not "the group of countries" nor "the cyber defense group" (a description).
                (!v.is(i + 1, "of") && !(i + 1 < v.len() && v.glued_hyphen[i + 1])).then_some(Referent::Anaphor {
                    state: v.is_any(i, &ANAPHORIC_STATE_NOUNS),
                })
            } else {
                None
            };
            if let Some(r) = referent {
                let start = if matches!(r, Referent::Anaphor { .. }) { i - 1 } else { i };
                mentions.push(Mention::new(start..i + 1, r, s as u32));
            }
        }
    }
    mentions.sort_by_key(|m| m.tokens.start);
    descriptions(v, lex, &mut mentions, range.clone(), &covered);
    compose(v, lex, &mut mentions);
    assign_roles(v, lex, &mut mentions);
    mentions
}

/// Greedy longest-first lexicon matches, left to right, respecting each phrase's case rule.
fn lexicon_hits(v: &TokenView, lex: &Lexicon, range: Range<usize>) -> Vec<LexHit> {
    let mut out = Vec::new();
    // Buffers reused across tokens: most tokens with a word id are looked up.
    let mut matches = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !v.word_ids[i].is_some_and(|w| lex.phrases.starts_phrase(w)) {
            i += 1;
            continue;
        }
        let mut best: Option<LexHit> = None;
        lex.phrases
            .matches_at_into(&v.word_ids[..range.end], &v.glued_hyphen[..range.end], i, &mut matches);
        for &(end, entries) in &matches {
            words.clear();
            words.extend((i..end).filter(|&k| !v.glued_hyphen[k]).map(|k| v.raw(k)));
            // Prefer a specific actor over a sector noun, and a country over a dictionary actor.
            let chosen = entries
                .iter()
                .filter(|e| case_matches(e.case, &words))
                .max_by_key(|e| match e.hit {
                    Hit::Country { .. } => 3,
                    Hit::Dict(d) if lex.dictionary[d as usize].kind != DictKind::Person => 2,
                    Hit::Dict(_) => 1,
                    Hit::Agent(_) => 0,
                });
            if let Some(e) = chosen {
                best = Some(LexHit {
                    range: i..end,
                    hit: e.hit,
                });
                break;
            }
        }
        match best {
            Some(h) => {
                i = h.range.end;
                out.push(h);
            }
            None => i += 1,
        }
    }
    out
}

/// A maximal run of capitalised words, with the title that may precede it.
#[derive(Debug, Clone)]
struct Chunk {
    range: Range<usize>,
    /// A person title right before the name ("Rep.", "President").
    titled: bool,
}

fn has_digit(s: &[u8]) -> bool {
    // Bytes: in UTF-8 an ASCII digit byte is always the digit itself.
    s.iter().any(u8::is_ascii_digit)
}

/// A word that can be part of a name: capitalised, no digit, not a month or weekday.
// Inlined: asked of every token, and the first tests rule out most of them.
#[inline(always)]
fn is_name_word(v: &TokenView, k: usize) -> bool {
    // The shape bit first, the most selective test; `k` is always a token of the sentence.
    v.is_capitalized(k) && v.is_word(k) && !v.is_any(k, &CALENDAR_WORDS) && !has_digit(v.raw_bytes(k))
}

/// Runs of capitalised words that can be names: "Korea Institute of Liberal Democracy",
/// "Moon Jae-in", "Hu Xijin". Sentence-initial common words and titles are left out.
fn name_chunks(v: &TokenView, range: Range<usize>, hit_starts: &[usize]) -> Vec<Chunk> {
    let name_word = |k: usize| k < range.end && is_name_word(v, k);
    let mut chunks = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let mut start = i;
        let mut titled = false;
        // Skip sentence-initial function words and leading titles.
        while start < range.end && v.is_word(start) && v.is_capitalized(start) {
            // "Near Ar Raqqah", "Declaring Mosul ...": a preposition or an -ing verb opening the
            // sentence is capitalised by position, not because it is part of a name.
            let opener = v.is_any(start, &PREPOSITIONS) || (v.lower(start).ends_with("ing") && v.is_verb_form(start));
            if (v.is_sentence_start(start) || start > i)
                && (v.is_any(start, &COMMON_SENTENCE_WORDS) || (opener && v.is_sentence_start(start)))
                && !titled
                && !hit_starts.contains(&start)
            {
                start += 1;
                continue;
            }
            if v.is_any(start, &PERSON_TITLES) && start + 1 < range.end && v.is_capitalized(start + 1) {
                titled = true;
                start += 1;
                continue;
            }
            break;
        }
        let mut end = start;
        while end < range.end {
            if name_word(end) {
                end += 1;
            } else if v.glued_hyphen[end] && end + 1 < range.end && v.is_word(end + 1) {
                end += 2; // "Jae-in", "Indo-Pacific"
            } else if v.is_any(end, &NAME_CONNECTORS) && end > start && name_word(end + 1) && !v.is(end, "and") {
                end += 1; // "Institute of Liberal Democracy", "Charles de Gaulle"
            } else if v.is_any(end, &NAME_PARTICLES)
                && end > start
                && v.glued_hyphen.get(end + 1) == Some(&true)
                && name_word(end + 2)
            {
                end += 3; // "Haider al-Abadi"
            } else {
                break;
            }
        }
        // "F-35", "MiG-29": a model designation, not a name.
        let designation = end < range.end && v.glued_hyphen[end] && end + 1 < range.end && has_digit(v.raw_bytes(end + 1));
        if end > start && !designation {
            chunks.push(Chunk {
                range: start..end,
                titled,
            });
            i = end;
        } else {
            i = start.max(i + 1);
        }
    }
    chunks
}

fn dict_kind(lex: &Lexicon, hit: Hit) -> Option<DictKind> {
    match hit {
        Hit::Dict(d) => Some(lex.dictionary[d as usize].kind),
        _ => None,
    }
}

/// Decides what a capitalised chunk is, using the lexicon hits inside it.
fn interpret_chunk(v: &TokenView, lex: &Lexicon, chunk: &Chunk, hits: &[LexHit], s: u32) -> Option<Mention> {
    let r = chunk.range.clone();
    // `hits` are in text order and do not overlap, so the hits inside the chunk are one run
    // of them: those from the first that starts in it, while they end in it.
    let first = hits.partition_point(|h| h.range.start < r.start);
    let inside = &hits[first..first + hits[first..].partition_point(|h| h.range.end <= r.end)];
    let last = r.end - 1;
    // A dictionary or country phrase that runs past the chunk ("Islamic State of Iraq | and the
    // Levant", where the chunk stops at "and"): the lexicon pass knows the whole name.
    let straddles = |h: &&LexHit| {
        let overlaps = h.range.start < r.end && h.range.end > r.start;
        let contained = h.range.start >= r.start && h.range.end <= r.end;
        overlaps && !contained && !matches!(h.hit, Hit::Agent(_))
    };
    if hits.iter().any(|h| straddles(&h)) {
        return None;
    }
    if let Some(m) = name_after_title(v, r.clone(), inside, s).or_else(|| name_after_remit(v, lex, r.clone(), inside, s)) {
        return Some(m);
    }
    // One dictionary or country phrase covering the whole chunk: the lexicon knows it.
    if let [h] = inside {
        if h.range == r && !matches!(h.hit, Hit::Agent(_)) {
            if chunk.titled && !matches!(h.hit, Hit::Dict(_)) {
                // "President Seoul" is not a thing; a title before a country is a role ("Japanese Prime Minister").
            } else {
                return None; // leave it to the lexicon pass
            }
        }
    }
    let named = |class| name_mention(v, r.clone(), class, s);
    let words = r.clone().filter(|&k| v.is_word(k)).count();
    // "Prime Minister", "President": a title without a name is not a name.
    if r.clone()
        .filter(|&k| v.is_word(k))
        .all(|k| v.is_any(k, &PERSON_TITLES) || inside.iter().any(|h| h.range.contains(&k)))
        && inside.iter().all(|h| !matches!(h.hit, Hit::Dict(_)))
        && r.clone().any(|k| v.is_any(k, &PERSON_TITLES))
    {
        return None;
    }
    // "Muslims", "Scientologists", "Buddhism": faiths, movements and their members are not actors by name.
    if words == 1
        && inside.is_empty()
        && ["ism", "ists", "ist", "isms", "ians", "ites"]
            .iter()
            .any(|suf| v.lower(r.start).ends_with(suf))
    {
        return None;
    }
    let country_inside = inside.iter().find_map(|h| match h.hit {
        Hit::Country { country, .. } => Some(country),
        _ => None,
    });
    // The sector named by the chunk's final words ("... Intelligence Service" → SPY).
    let head_sector = inside.iter().find_map(|h| match h.hit {
        Hit::Agent(sector) if h.range.end == r.end => Some(sector),
        _ => None,
    });
    let is_event = v.is_any(last, &EVENT_HEADS) || r.clone().any(|k| v.lower(k) == "war");
    if is_event {
        return Some(Mention {
            role: Role::Qualifier,
            ..named(NameClass::Unknown)
        });
    }
    // An organisation head at the end, or before "of" ("Korea Institute of Liberal Democracy").
    let is_org = v.is_any(last, &ORG_HEADS)
        || r.clone()
            .any(|k| k + 2 < r.end && v.is_any(k, &ORG_HEADS) && v.is(k + 1, "of"));
    // "New York", "New Territories West": "New" opens place names, never a person's.
    let is_place = v.is_any(last, &PLACE_HEADS)
        || (v.is_any(r.start, &PLACE_HEADS) && r.len() > 2 && v.is(r.start + 1, "of"))
        || (v.is(r.start, "new") && words >= 2);
    if is_org {
        // "South Korean Army", "U.S. Army": a country's sector body rather than a new organisation.
        if let (Some(country), Some(sector)) = (country_inside, head_sector) {
            let country_hit = inside
                .iter()
                .find(|h| matches!(h.hit, Hit::Country { .. }))
                .expect("country_inside");
            let agent_hit = inside
                .iter()
                .find(|h| matches!(h.hit, Hit::Agent(_)) && h.range.end == r.end)
                .expect("head_sector");
            if country_hit.range.start == r.start && country_hit.range.end == agent_hit.range.start {
                let mut m = Mention::new(
                    r.clone(),
                    Referent::Sector {
                        country: Some(country),
                        sector,
                    },
                    s,
                );
                m.country = Some(country);
                return Some(m);
            }
        }
        let generic = (r.clone()).all(|k| v.is_any(k, &GENERIC_ORG_WORDS) || v.glued_hyphen[k]);
        if generic && !(r.clone()).any(|k| v.is_all_caps(k)) {
            return None;
        }
        let mut m = named(NameClass::Org);
        m.country = country_inside;
        m.sector = head_sector;
        return Some(m);
    }
    let lower_text = v.slice(r.clone()).to_lowercase();
    // "Korean peninsula", "Korean forced laborers": an adjective of nationality or region the
    // lexicon does not resolve (ambiguous), not a name.
    let adjective_suffix = ["an", "ese", "ish", "ic", "i"].iter().any(|suf| lower_text.ends_with(suf));
    if words == 1 && adjective_suffix && r.end < v.len() && v.is_word(r.end) && !v.is_capitalized(r.end) && inside.is_empty() {
        return Some(Mention {
            role: Role::Qualifier,
            ..named(NameClass::Place)
        });
    }
    if REGION_ADJECTIVES.has(lower_text.as_str()) {
        return Some(Mention {
            role: Role::Qualifier,
            ..named(NameClass::Place)
        });
    }
    // A name followed by an event noun is the event's name ("Locked Shields exercises").
    if inside.is_empty() && v.is_any(r.end, &EVENT_HEADS) && !v.is_capitalized(r.end) {
        return Some(Mention {
            role: Role::Qualifier,
            ..named(NameClass::Unknown)
        });
    }
    if is_place || REGIONS.has(lower_text.as_str()) {
        return Some(named(NameClass::Place));
    }
    // A city or province of the gazetteer ("Texas", "Mecca"), unless a title or a verb of
    // saying makes it a person ("Mr Lincoln", "Irving said").
    let followed_by_saying = v.is_any(r.end, &REPORTING_VERBS);
    if !chunk.titled && !followed_by_saying && inside.is_empty() && lex.is_place_name(&lower_text) {
        return Some(named(NameClass::Place));
    }
    // A dictionary person inside a longer chunk ("Russian President Vladimir Putin").
    if let Some(h) = inside.iter().find(|h| dict_kind(lex, h.hit) == Some(DictKind::Person)) {
        let mut m = Mention::new(
            h.range.clone(),
            match h.hit {
                Hit::Dict(d) => Referent::Dict(d),
                _ => unreachable!("dict_kind checked"),
            },
            s,
        );
        m.country = country_inside;
        return Some(m);
    }
    let all_mixed_case = r.clone().filter(|&k| v.is_word(k)).all(|k| !v.is_all_caps(k));
    let person_shape = (2..=4).contains(&words) && all_mixed_case && inside.iter().all(|h| !matches!(h.hit, Hit::Country { .. }));
    // Evidence that a capitalised pair is a person: a known given or family name first, a role
    // in apposition (", the former editor of"), or a verb of saying right after.
    // A given name proves nothing after an article: people's names take none ("the Sea Org",
    // "the “Quad Plus” group", "a Quad Plus security architecture").
    let known_name_token = lex.is_person_name_token(v.lower(r.start)) && !after_article(v, r.start);
    let followed_by_role = v.is(r.end, ",")
        && v.is_any(r.end + 1, &["the", "a", "an"])
        && (r.end + 2..(r.end + 5).min(v.len())).any(|k| v.is_any(k, &PERSON_TITLES));
    if chunk.titled && words <= 4 && all_mixed_case && country_inside.is_none() {
        return Some(named(NameClass::Person));
    }
    if person_shape
        && (known_name_token || followed_by_role || followed_by_saying)
        && inside.iter().all(|h| matches!(h.hit, Hit::Agent(_)))
    {
        return Some(named(NameClass::Person));
    }
    // Two or three capitalised words with nothing saying organisation or place: in news, a person.
    let heads = r
        .clone()
        .any(|k| v.is_any(k, &ORG_HEADS) || v.is_any(k, &PLACE_HEADS) || v.is_any(k, &EVENT_HEADS));
    let after_the = after_article(v, r.start);
    // Words the lexicon knows as verbs or sector nouns are English words, not names ("Contributing Participant").
    let english = r.clone().any(|k| v.is_verb_form(k) || v.is_trigger_form(k));
    if person_shape && inside.is_empty() && !heads && !after_the && !english && (2..=3).contains(&words) {
        return Some(named(NameClass::Person));
    }
    if words == 2 && capital_as_family_name(v, r.clone(), inside) {
        return Some(named(NameClass::Person));
    }
    if inside.is_empty() && words >= 1 && !v.is_sentence_start(r.start) || (inside.is_empty() && words >= 2) {
        // Capitalised and unknown: a name of unknown kind; resolution may learn more.
        if r.clone().any(|k| v.is_all_caps(k)) && words == 1 {
            return None; // single acronyms are handled by the acronym pass
        }
        return Some(named(NameClass::Unknown));
    }
    None
}

/// Words that open a place's name before a city's ("New", "East", "Greater").
pub(crate) static PLACE_MODIFIERS: WordSet = Flag::PlaceModifiers.list(&[
    "new", "old", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater", "upper",
    "lower", "saint", "st.", "port", "fort", "mount", "lake", "downtown", "metro",
]);

/// Nouns that describe a person in an apposition (", an Australian woman").
pub(crate) static PERSON_NOUNS: WordSet = Flag::PersonNouns.list(&[
    "woman", "man", "girl", "boy", "mother", "father", "wife", "husband", "daughter", "son", "citizen", "resident", "native",
    "national", "student", "teenager", "widow",
]);

/// "Valeska Paris, an Australian woman": a capital city's name after a capitalised word that
/// is no place modifier, with an apposition describing a person, is a family name.
fn capital_as_family_name(v: &TokenView, r: Range<usize>, inside: &[LexHit]) -> bool {
    let capital_last = matches!(
        inside,
        [LexHit { range, hit: Hit::Country { form: CountryForm::Capital, .. } }] if range.start == r.start + 1 && range.end == r.end
    );
    let given = !v.is_all_caps(r.start) && !v.is_any(r.start, &PLACE_MODIFIERS) && !v.is_verb_form(r.start);
    let apposition = v.is(r.end, ",")
        && v.is_any(r.end + 1, &["a", "an", "the"])
        && (r.end + 2..(r.end + 5).min(v.len())).any(|k| v.is_any(k, &PERSON_NOUNS) || v.is_any(k, &PERSON_TITLES));
    capital_last && given && apposition
}

/// True when an article stands right before `k`, or before an opening quote there.
fn after_article(v: &TokenView, k: usize) -> bool {
    let k = if k > 0 && v.is_any(k - 1, &["“", "\"", "‘"]) {
        k - 1
    } else {
        k
    };
    k > 0 && v.is_any(k - 1, &["the", "a", "an"])
}

/// "Foreign Secretary Boris Johnson", "Australian Foreign Minister Julie Bishop": a title the
/// lexicon knows (country and office), then two or three capitalised words of no known kind,
/// is a person named by those words. The title keeps its own mention from the lexicon pass.
fn name_after_title(v: &TokenView, r: Range<usize>, inside: &[LexHit], s: u32) -> Option<Mention> {
    let name_part =
        |k: usize| (v.is_capitalized(k) && !v.is_all_caps(k)) || v.is_any(k, &NAME_PARTICLES) || (k > 0 && v.glued_hyphen[k - 1]);
    // The office ends at its last title word: "Pentagon Press Secretary | Peter Cook", "Navy
    // Senior Chief Petty Officer | Scott C. Dayton". Tried from the right, the first split that
    // leaves a plain name of two to four words wins; the name's last word may itself be a
    // title word ("Foreign Minister | Julie Bishop").
    (r.start + 1..r.end).rev().find_map(|t| {
        if !v.is_any(t - 1, &PERSON_TITLES) {
            return None;
        }
        let name = t..r.end;
        let words: Vec<usize> = name.clone().filter(|&k| v.is_word(k)).collect();
        let last = *words.last()?;
        let plain = (2..=4).contains(&words.len())
            && words.iter().all(|&k| name_part(k))
            && !words
                .iter()
                .any(|&k| v.is_any(k, &ORG_HEADS) || v.is_any(k, &PLACE_HEADS) || (k != last && v.is_any(k, &PERSON_TITLES)))
            // Nothing the lexicon knows starts the name ("Minister Seoul" is not a person), and
            // a dictionary person spans it ("Defense Secretary Ash Carter") only as the lexicon says.
            && !inside.iter().any(|h| {
                (h.range.start == t && !matches!(h.hit, Hit::Agent(_)))
                    || (matches!(h.hit, Hit::Dict(_)) && h.range.start <= t && h.range.end >= r.end)
            });
        plain.then(|| name_mention(v, name, NameClass::Person, s))
    })
}

/// "Minister for the Middle East Tobias Ellwood", "Minister for Europe Alan Duncan": after an
/// office and "for" or "of", a region or place that is the office's remit, then its holder.
fn name_after_remit(v: &TokenView, lex: &Lexicon, r: Range<usize>, inside: &[LexHit], s: u32) -> Option<Mention> {
    let mut k = r.start.checked_sub(1)?;
    if v.is(k, "the") {
        k = k.checked_sub(1)?;
    }
    if !(v.is_any(k, &["for", "of"]) && k >= 1 && v.is_any(k - 1, &PERSON_TITLES)) {
        return None;
    }
    (r.start + 1..r.end).find_map(|t| {
        let remit = v.slice(r.start..t).to_lowercase();
        let place = REGIONS.has(remit.as_str())
            || lex.is_place_name(&remit)
            || inside
                .iter()
                .any(|h| h.range == (r.start..t) && matches!(h.hit, Hit::Country { .. }));
        let name = t..r.end;
        let words: Vec<usize> = name.clone().filter(|&i| v.is_word(i)).collect();
        let plain = (2..=4).contains(&words.len())
            && words.iter().all(|&i| v.is_capitalized(i) && !v.is_all_caps(i))
            && !words
                .iter()
                .any(|&i| v.is_any(i, &ORG_HEADS) || v.is_any(i, &PLACE_HEADS) || v.is_any(i, &PERSON_TITLES))
            && !inside.iter().any(|h| h.range.start >= t);
        (place && plain).then(|| name_mention(v, name, NameClass::Person, s))
    })
}

/// A mention of the name the tokens `r` spell, of the given class.
fn name_mention(v: &TokenView, r: Range<usize>, class: NameClass, s: u32) -> Mention {
    let name = v.slice(r.clone()).to_string();
    Mention::new(r, Referent::Name { class, name }, s)
}

pub(crate) static AUXILIARIES: WordSet = Flag::Auxiliaries.list(&[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can",
    "could", "may", "might", "must", "shall", "should", "not",
]);

/// A word that can modify a noun inside a noun phrase: lower case, not a function word or an
/// auxiliary, and not an inflected verb ("joined", "joining"); base forms such as "research" pass.
fn is_np_modifier(v: &TokenView, lex: &Lexicon, i: usize) -> bool {
    if v.glued_hyphen[i] || (i > 0 && v.glued_hyphen[i - 1]) {
        return true;
    }
    if !v.is_word(i) || v.is_capitalized(i) {
        return false;
    }
    let w = v.lower(i);
    if v.is_any(i, &COMMON_SENTENCE_WORDS) || v.is_any(i, &AUXILIARIES) {
        return false;
    }
    let senses = v.verb_senses(lex, i);
    senses.is_empty() || senses.iter().any(|s| s.lemma == w) && !w.ends_with("ed") && !w.ends_with("ing")
}

/// Nouns that head a description of an organisation.
pub(crate) static DESCRIPTION_HEADS: WordSet = Flag::DescriptionHeads.list(&[
    "group",
    "organization",
    "organisation",
    "centre",
    "center",
    "agency",
    "alliance",
    "institute",
    "body",
    "partnership",
    "institution",
    "network",
    "bloc",
    "coalition",
    "pact",
    "forum",
    "grouping",
    "service",
]);

/// "NATO’s cyber defense group", "the cyber defense group": lower-case modifiers and an
/// organisation noun, after an owner's possessive or "the".
fn descriptions(v: &TokenView, lex: &Lexicon, mentions: &mut Vec<Mention>, range: Range<usize>, covered: &Mask) {
    let mut found = Vec::new();
    for head in range.clone() {
        if !v.is_any(head, &DESCRIPTION_HEADS) || covered[head] || v.is_capitalized(head) || v.is(head + 1, "of") {
            continue;
        }
        let mut start = head;
        while start > range.start && start + 4 > head {
            let i = start - 1;
            let modifier = !covered[i] && is_np_modifier(v, lex, i);
            if !modifier {
                break;
            }
            start = i;
        }
        if start == head {
            continue; // "the group" alone is an anaphor, handled elsewhere
        }
        let words: Vec<String> = (start..=head)
            .filter(|&i| v.is_word(i))
            .map(|i| v.lower(i).to_string())
            .collect();
        let owner = (start >= 2 && v.is_any(start - 1, &["'s", "'"]))
            .then(|| mentions.iter().position(|m| m.tokens.end == start - 1))
            .flatten();
        if let Some(o) = owner {
            mentions[o].role = Role::Qualifier;
        }
        let owner = owner.map(|o| mentions[o].tokens.start);
        let determiner = start >= 1 && v.is_any(start - 1, &["the", "this", "that"]);
        if owner.is_some() || determiner {
            found.push((start..head + 1, words, owner));
        }
    }
    for (tokens, words, owner) in found {
        let sentence = v.sentence_of[tokens.start];
        mentions.push(Mention::new(tokens, Referent::Description { words, owner }, sentence));
    }
    mentions.sort_by_key(|m| m.tokens.start);
}

/// Joins country qualifiers with the sector nouns and names they qualify, and records
/// definitions ("Full Name (ABBR)", "Full Name, or ABBR").
fn compose(v: &TokenView, lex: &Lexicon, mentions: &mut Vec<Mention>) {
    // Definitions.
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let after = m.tokens.end;
        let paren = v.is(after, "(") && v.is(after + 2, ")");
        let or_form = v.is(after, ",") && v.is(after + 1, "or") && after + 2 < v.len() && v.is_all_caps(after + 2);
        let abbr_at = if paren {
            after + 1
        } else if or_form {
            after + 2
        } else {
            continue;
        };
        if !matches!(
            m.referent,
            Referent::Name { .. } | Referent::Dict(_) | Referent::Sector { .. }
        ) {
            continue;
        }
        let abbr = v.raw(abbr_at).to_string();
        let full = v.slice(m.tokens.clone()).to_string();
        if is_abbreviation_of(&abbr, &full) {
            mentions[k].alias = Some(abbr);
            if let Some(a) = mentions.iter_mut().find(|a| a.tokens.start == abbr_at) {
                a.alias = Some(full);
            }
        }
    }
    // Country + sector noun: "South Korea’s top spy agency", "Japanese firms", "a South Korean court".
    let mut k = 0;
    while k + 1 < mentions.len() {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let country = match a.referent {
            Referent::Country { country, form } if form != CountryForm::Capital || v.is(a.tokens.end, "'s") => Some(country),
            _ => None,
        };
        let gap = a.tokens.end..b.tokens.start;
        let possessive = v.is(gap.start, "'s") || v.is(gap.start, "'");
        // Only adjectives may stand between the country and the noun: no verbs, no function words.
        // Asked only after a country: the gap before any other mention can be long.
        let gap_ok = country.is_some() && {
            let modifiers = gap
                .clone()
                .skip(usize::from(possessive))
                .filter(|&i| is_np_modifier(v, lex, i))
                .count();
            gap.len() - usize::from(possessive) == modifiers && modifiers <= 3
        };
        let adjacent = gap.is_empty() || (possessive && gap.len() == 1);
        if let (Some(country), true) = (country, gap_ok) {
            match b.referent {
                Referent::Sector { country: None, sector } => {
                    let tokens = a.tokens.start..b.tokens.end;
                    let mut m = Mention::new(
                        tokens,
                        Referent::Sector {
                            country: Some(country),
                            sector,
                        },
                        b.sentence,
                    );
                    m.country = Some(country);
                    mentions.splice(k..k + 2, [m]);
                    continue;
                }
                Referent::Name {
                    class: NameClass::Org, ..
                }
                | Referent::Dict(_)
                    if b.country.is_none() && adjacent =>
                {
                    mentions[k + 1].country = Some(country);
                    mentions[k].role = Role::Qualifier;
                }
                _ => {}
            }
        }
        k += 1;
    }
    // "the Global Times newspaper": a sector noun right after a name says what the name is.
    let mut k = 0;
    while k + 1 < mentions.len() {
        let named = matches!(mentions[k].referent, Referent::Name { .. } | Referent::Dict(_));
        if let (true, Referent::Sector { country: None, sector }) = (named, &mentions[k + 1].referent) {
            if mentions[k + 1].tokens.start == mentions[k].tokens.end {
                let sector = *sector;
                mentions[k].sector.get_or_insert(sector);
                if let Referent::Name {
                    class: class @ NameClass::Unknown,
                    ..
                } = &mut mentions[k].referent
                {
                    *class = NameClass::Org;
                }
                mentions[k].tokens.end = mentions[k + 1].tokens.end;
                mentions.remove(k + 1);
                continue;
            }
        }
        k += 1;
    }
    // "the Chinese state-owned media house Global Times": a described sector names the name after it.
    let mut k = 0;
    while k + 1 < mentions.len() {
        if let (
            Referent::Sector {
                country: Some(country),
                sector,
            },
            Referent::Name {
                class: NameClass::Org | NameClass::Unknown,
                ..
            },
        ) = (&mentions[k].referent, &mentions[k + 1].referent)
        {
            let gap = mentions[k].tokens.end..mentions[k + 1].tokens.start;
            if gap.len() <= 1 && gap.clone().all(|i| v.is_word(i) && !v.is_capitalized(i)) {
                let (country, sector) = (*country, *sector);
                let named = &mut mentions[k + 1];
                named.country.get_or_insert(country);
                named.sector.get_or_insert(sector);
                if let Referent::Name {
                    class: class @ NameClass::Unknown,
                    ..
                } = &mut named.referent
                {
                    *class = NameClass::Org;
                }
                mentions[k].role = Role::Qualifier;
            }
        }
        k += 1;
    }
    // "X of Country": the National Intelligence Service (NIS) of South Korea.
    for k in 0..mentions.len() {
        if !matches!(
            mentions[k].referent,
            Referent::Name {
                class: NameClass::Org,
                ..
            } | Referent::Sector { .. }
        ) {
            continue;
        }
        let mut after = mentions[k].tokens.end;
        if v.is(after, "(") && v.is(after + 2, ")") {
            after += 3;
        }
        if v.is(after, "of") {
            if let Some(j) = mentions
                .iter()
                .position(|m| m.tokens.start == after + 1 || (m.tokens.start == after + 2 && v.is(after + 1, "the")))
            {
                if let Referent::Country { country, .. } = mentions[j].referent {
                    mentions[j].role = Role::Qualifier;
                    if mentions[k].country.is_none() {
                        mentions[k].country = Some(country);
                    }
                    if let Referent::Sector { country: c @ None, .. } = &mut mentions[k].referent {
                        *c = Some(country);
                    }
                }
            }
        }
    }
    let _ = lex;
}

/// True when `abbr` can abbreviate `name`: its letters are the initials of the name's words in
/// order (skipping some), or it is a prefix of the first word ("Quad" for "Quadrilateral ...").
pub fn is_abbreviation_of(abbr: &str, name: &str) -> bool {
    let a: Vec<char> = abbr
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if a.len() < 2 {
        return false;
    }
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words
        .first()
        .is_some_and(|w| w.starts_with(&a.iter().collect::<String>()) && words.len() > 1)
    {
        return true;
    }
    // Letters may come from word initials or from inside a word ("CCDCOE": Cooperative Cyber Defence Centre Of Excellence).
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    // The expansion may start with its parent's acronym ("NATO Cooperative ..." for CCDCOE).
    let skip_first = name
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_uppercase()));
    [0usize, usize::from(skip_first)].iter().any(|&skip| {
        let initials: String = initials.chars().skip(skip).collect();
        let mut it = initials.chars();
        let subsequence = a.iter().all(|c| it.by_ref().any(|x| x == *c));
        subsequence && a.first() == initials.chars().next().as_ref()
    })
}

/// Adverbs that may sit between a subject and its verb ("South Korea only launched").
pub(crate) static ADVERBS: WordSet = Flag::Adverbs.list(&[
    "only",
    "also",
    "now",
    "still",
    "already",
    "not",
    "never",
    "then",
    "soon",
    "just",
    "even",
    "reportedly",
    "allegedly",
    "recently",
    "finally",
    "ultimately",
    "further",
    "again",
    "once",
    "later",
    "first",
]);

/// Marks locations ("in Seoul", "in Tallinn, Estonia") so they never become event participants,
/// and names used inside a hyphenated modifier ("non-NATO", "US-led") as qualifiers.
fn assign_roles(v: &TokenView, lex: &Lexicon, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let (start, end) = (m.tokens.start, m.tokens.end);
        let prefixed = start >= 2 && v.glued_hyphen[start - 1] && v.is_word(start - 2) && !v.is_capitalized(start - 2);
        let suffixed = end + 1 < v.len() && v.glued_hyphen[end] && v.is_word(end + 1) && !v.is_capitalized(end + 1);
        if (prefixed || suffixed) && m.role == Role::Participant && !matches!(m.referent, Referent::Sector { .. }) {
            m.role = Role::Qualifier;
        }
    }
    // "NATO’s Cyber Defense Group": the possessor of a named organisation qualifies it.
    for k in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[k], &mentions[k + 1]);
        let possessive = b.tokens.start == a.tokens.end + 1 && v.is_any(a.tokens.end, &["'s", "'"]);
        let named = matches!(
            b.referent,
            Referent::Name {
                class: NameClass::Org | NameClass::Unknown,
                ..
            } | Referent::Dict(_)
        );
        if possessive && named && a.role == Role::Participant {
            mentions[k].role = Role::Qualifier;
        }
    }
    // "a NATO foreign ministerial conference", "NATO member countries": a name used as a
    // modifier of a common noun is not a participant.
    for m in mentions.iter_mut() {
        let next = m.tokens.end;
        if m.role != Role::Participant || next >= v.len() || !v.is_word(next) || v.is_capitalized(next) {
            continue;
        }
        let w = v.lower(next);
        let verbish = v.is_verb_form(next) || v.is_trigger_form(next) || v.is_any(next, &super::words::REPORTING_VERBS);
        let function = v.is_any(next, &COMMON_SENTENCE_WORDS)
            || v.is_any(next, &AUXILIARIES)
            || v.is_any(next, &ADVERBS)
            || v.is_any(next, &PREPOSITIONS)
            || w.ends_with("ly")
            || w == "or"
            || w == "nor";
        // Only in a noun phrase's modifier slot: after a determiner, number, adjective or
        // preposition ("a NATO conference", "among US allies"), not after a verb ("hold Russia accountable").
        let prev = m.tokens.start.checked_sub(1);
        let modifier_slot = prev.is_some_and(|p| {
            v.is_any(p, &["the", "a", "an", "this", "that", "its", "their", "his", "her", "our"])
                || v.kind(p) == crate::text::TokenKind::Number
                || v.is_any(p, &PREPOSITIONS)
                || (v.is_word(p)
                    && !v.is_capitalized(p)
                    && !v.is_verb_form(p)
                    && !v.is_trigger_form(p)
                    && !v.is_any(p, &AUXILIARIES))
        });
        let attributive = modifier_slot
            && !verbish
            && !function
            && matches!(
                m.referent,
                Referent::Dict(_)
                    | Referent::Name {
                        class: NameClass::Org,
                        ..
                    }
                    | Referent::Country { .. }
            );
        // A demonym before a noun is handled by composition; leave countries' demonyms alone.
        let demonym = matches!(
            m.referent,
            Referent::Country {
                form: CountryForm::Demonym,
                ..
            }
        );
        if attributive && !demonym {
            m.role = Role::Qualifier;
        }
    }
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let placeish = matches!(
            m.referent,
            Referent::Country { .. }
                | Referent::Name {
                    class: NameClass::Place | NameClass::Unknown,
                    ..
                }
        );
        if !placeish || m.role != Role::Participant {
            continue;
        }
        let mut before = m.tokens.start;
        if before > 0 && v.is(before - 1, "the") {
            before -= 1;
        }
        let locative = before > 0 && v.is_any(before - 1, &LOCATIVE_PREPOSITIONS);
        if locative {
            mentions[k].role = Role::Location;
            if let Referent::Name {
                class: class @ NameClass::Unknown,
                ..
            } = &mut mentions[k].referent
            {
                *class = NameClass::Place;
            }
            // "in Tallinn, Estonia": the country after the comma qualifies the place.
            let end = mentions[k].tokens.end;
            if v.is(end, ",") {
                if let Some(next) = mentions.get_mut(k + 1) {
                    if next.tokens.start == end + 1 && matches!(next.referent, Referent::Country { .. }) {
                        next.role = Role::Qualifier;
                    }
                }
            }
        }
    }
    let _ = lex;
}
