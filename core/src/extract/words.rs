//! Closed word classes of English news text that the rules rely on. General language
//! knowledge, not tuned to any article: each list says what it is for.

/// Lower-case words that may sit inside a proper name between capitalised words.
pub static NAME_CONNECTORS: WordSet = Flag::NameConnectors.list(&[
    "of", "for", "and", "de", "du", "del", "da", "van", "von", "al", "bin", "on", "the", "&",
]);

/// Lower-case particles joined to the next part of a name by a hyphen ("al-Abadi", "el-Sisi").
pub static NAME_PARTICLES: WordSet =
    Flag::NameParticles.list(&["al", "el", "ad", "ash", "az", "ar", "bin", "ibn", "abu", "bint", "ben"]);

/// Last words that make a capitalised name an organisation.
pub static ORG_HEADS: WordSet = Flag::OrgHeads.list(&[
    "institute",
    "church",
    "institution",
    "service",
    "services",
    "agency",
    "centre",
    "center",
    "council",
    "ministry",
    "group",
    "organization",
    "organisation",
    "times",
    "post",
    "news",
    "herald",
    "daily",
    "journal",
    "tribune",
    "gazette",
    "party",
    "army",
    "navy",
    "forces",
    "force",
    "command",
    "university",
    "college",
    "bank",
    "corporation",
    "company",
    "inc.",
    "ltd",
    "ltd.",
    "corp",
    "corp.",
    "co.",
    "association",
    "committee",
    "commission",
    "dialogue",
    "alliance",
    "front",
    "union",
    "federation",
    "foundation",
    "department",
    "office",
    "court",
    "parliament",
    "assembly",
    "administration",
    "bureau",
    "authority",
    "board",
    "network",
    "forum",
    "initiative",
    "partnership",
    "coalition",
    "movement",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "division",
    "fleet",
    "guard",
    "police",
    "congress",
    "senate",
    "cabinet",
    "secretariat",
    "directorate",
    "directorates",
    "program",
    "programme",
    "fund",
    "club",
    "society",
    "league",
    "agencies",
    "ministries",
    "committees",
    "laboratory",
    "laboratories",
    "academy",
    "school",
    "hospital",
    "media",
    "press",
    "broadcasting",
    "television",
    "radio",
    "tv",
    "airlines",
    "airways",
    "group's",
    "excellence",
    "secretariat",
    "mission",
    "observatory",
    "unit",
    "units",
    "corps",
    "council's",
    "industries",
    "holdings",
    "technologies",
    "systems",
    "motors",
    "electronics",
    "petroleum",
    "oil",
    "energy",
    "telecom",
]);

/// Organisation heads that are generic: a name made of these and nothing specific is not a name.
pub static GENERIC_ORG_WORDS: WordSet = Flag::GenericOrgWords.list(&[
    "group",
    "organization",
    "organisation",
    "centre",
    "center",
    "agency",
    "council",
    "service",
    "institute",
    "committee",
    "commission",
    "network",
    "alliance",
    "union",
    "partnership",
    "forum",
    "of",
    "the",
    "and",
    "for",
]);

/// Last words that make a capitalised name an event or a document, not an actor.
pub static EVENT_HEADS: WordSet = Flag::EventHeads.list(&[
    "war",
    "summit",
    "exercise",
    "exercises",
    "drill",
    "drills",
    "conference",
    "games",
    "olympics",
    "crisis",
    "revolution",
    "election",
    "elections",
    "talks",
    "treaty",
    "agreement",
    "accord",
    "accords",
    "pact",
    "act",
    "convention",
    "declaration",
    "protocol",
    "strategy",
    "plan",
    "operation",
    "campaign",
    "day",
    "week",
    "year",
    "cup",
    "championship",
    "festival",
    "award",
    "prize",
    "ii",
    "iii",
    "i",
]);

/// Month and weekday names: capitalised, but dates, not names.
pub static CALENDAR_WORDS: WordSet = Flag::CalendarWords.list(&[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// Last words that make a capitalised name a place.
pub static PLACE_HEADS: WordSet = Flag::PlaceHeads.list(&[
    "sea",
    "ocean",
    "peninsula",
    "island",
    "islands",
    "islets",
    "rocks",
    "strait",
    "straits",
    "gulf",
    "bay",
    "river",
    "mountains",
    "mountain",
    "mount",
    "valley",
    "province",
    "region",
    "prefecture",
    "county",
    "state",
    "city",
    "district",
    "border",
    "coast",
    "desert",
    "lake",
    "canal",
    "shrine",
    "square",
    "airport",
    "port",
    "harbor",
    "harbour",
    "base",
    "zone",
    "plateau",
    "highlands",
    "heights",
    "archipelago",
    "basin",
    "channel",
    "pass",
    "street",
    "avenue",
    "road",
    "bridge",
    "mosque",
    "temple",
    "cathedral",
    "hotel",
    "station",
    "stadium",
    "palace",
    "park",
]);

/// Capitalised words that are places on their own in news usage (regions, not states).
pub static REGIONS: WordSet = Flag::Regions.list(&[
    "asia",
    "europe",
    "africa",
    "america",
    "americas",
    "oceania",
    "antarctica",
    "arctic",
    "indo-pacific",
    "pacific",
    "atlantic",
    "middle east",
    "east asia",
    "southeast asia",
    "south asia",
    "central asia",
    "latin america",
    "eastern europe",
    "western europe",
    "balkans",
    "caucasus",
    "gulf",
    "sahel",
    "korean peninsula",
    "west",
    "east",
    "horn of africa",
    "scandinavia",
    "caribbean",
    "mediterranean",
]);

/// Adjectives of regions and blocs: they qualify, they are not actors ("Asian stability").
pub static REGION_ADJECTIVES: WordSet = Flag::RegionAdjectives.list(&[
    "asian",
    "european",
    "african",
    "arab",
    "western",
    "eastern",
    "northern",
    "southern",
    "nordic",
    "baltic",
    "latin",
    "pacific",
    "atlantic",
    "east asian",
    "southeast asian",
    "south asian",
    "central asian",
    "middle eastern",
    "soviet",
    "transatlantic",
    "mediterranean",
    "caribbean",
    "scandinavian",
    "balkan",
    "gulf",
    "sub-saharan",
]);

/// Titles and roles that precede a person's name ("Foreign Minister Park Jin", "Rep. Park Jin").
pub static PERSON_TITLES: WordSet = Flag::PersonTitles.list(&[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "rep",
    "rep.",
    "sen",
    "sen.",
    "gen",
    "gen.",
    "lt",
    "lt.",
    "col",
    "col.",
    "maj",
    "maj.",
    "capt",
    "capt.",
    "adm",
    "adm.",
    "sgt",
    "sgt.",
    "gov",
    "gov.",
    "president",
    "vice",
    "premier",
    "chancellor",
    "minister",
    "secretary",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "admiral",
    "colonel",
    "major",
    "captain",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "ayatollah",
    "judge",
    "justice",
    "prosecutor",
    "lawyer",
    "attorney",
    "editor",
    "professor",
    "nominee",
    "leader",
    "chief",
    "officer",
    "sergeant",
    "lieutenant",
    "marshal",
    "deputy",
    "speaker",
    "mp",
    "lawmaker",
    "dictator",
    "founder",
    "analyst",
    "journalist",
    "reporter",
    "correspondent",
    "lord",
    "lady",
    "sir",
    "dame",
    "st.",
    "saint",
    "ceo",
    "executive",
    "pm",
    "president-elect",
]);

/// Prepositions after which a place name is a location, not an actor ("in Seoul"). "to" and
/// "from" are left out: with states they more often mark a recipient or a source.
pub static LOCATIVE_PREPOSITIONS: WordSet = Flag::LocativePrepositions.list(&[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
    "within",
    "around",
]);

/// Lower-cased words that open sentences and are never names themselves.
pub static COMMON_SENTENCE_WORDS: WordSet = Flag::CommonSentenceWords.list(&[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "but",
    "and",
    "or",
    "however",
    "meanwhile",
    "in",
    "on",
    "at",
    "after",
    "before",
    "while",
    "when",
    "there",
    "despite",
    "according",
    "also",
    "moreover",
    "nevertheless",
    "still",
    "yet",
    "as",
    "if",
    "for",
    "some",
    "many",
    "only",
    "ultimately",
    "given",
    "under",
    "soon",
    "all",
    "both",
    "four",
    "three",
    "two",
    "one",
    "five",
    "several",
    "other",
    "another",
    "such",
    "then",
    "now",
    "today",
    "yesterday",
    "since",
    "although",
    "though",
    "because",
    "with",
    "without",
    "by",
    "from",
    "of",
    "to",
    "despite",
    "instead",
    "even",
    "most",
    "more",
    "no",
    "not",
    "every",
    "each",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "why",
    "how",
    "during",
    "following",
    "amid",
    "among",
    "against",
    "about",
    "above",
    "below",
    "earlier",
    "later",
    "last",
    "next",
    "first",
    "second",
    "third",
    "former",
    "new",
    "old",
    "similarly",
    "furthermore",
    "indeed",
    "thus",
    "so",
    "file",
    "photo",
    "image",
    "illustration",
    "read",
    "featured",
    "related",
    "updated",
    "editor's",
    "watch",
]);

/// Personal and possessive pronouns that can stand for an actor.
pub static PRONOUNS_IT: WordSet = Flag::PronounsIt.list(&["it", "its", "itself"]);
pub static PRONOUNS_PERSON: WordSet =
    Flag::PronounsPerson.list(&["he", "his", "him", "himself", "she", "her", "hers", "herself"]);
pub static PRONOUNS_PLURAL: WordSet = Flag::PronounsPlural.list(&["they", "their", "them", "themselves"]);

/// Generic nouns that, with "the", refer back to an organisation or a state already named.
pub static ANAPHORIC_ORG_NOUNS: WordSet = Flag::AnaphoricOrgNouns.list(&[
    "group",
    "organization",
    "organisation",
    "centre",
    "center",
    "agency",
    "alliance",
    "bloc",
    "body",
    "institute",
    "institution",
    "partnership",
    "pact",
    "coalition",
    "company",
    "firm",
    "newspaper",
]);
pub static ANAPHORIC_STATE_NOUNS: WordSet =
    Flag::AnaphoricStateNouns.list(&["country", "nation", "state", "government", "kingdom", "republic"]);

/// Words that hedge a claim: the text does not assert it as fact.
pub static ALLEGATION_WORDS: WordSet = Flag::AllegationWords.list(&[
    "allegedly",
    "alleged",
    "reportedly",
    "purportedly",
    "supposedly",
    "suspected",
    "accused",
    "claimed",
    "reported",
    "rumored",
    "rumoured",
    "apparently",
    "believed",
]);

/// Verbs of saying: their subject is the source of what follows.
pub static REPORTING_VERBS: WordSet = Flag::ReportingVerbs.list(&[
    "said",
    "says",
    "say",
    "saying",
    "stated",
    "states",
    "announced",
    "announces",
    "announcing",
    "told",
    "tells",
    "added",
    "adds",
    "reported",
    "reports",
    "claimed",
    "claims",
    "warned",
    "warns",
    "tweeted",
    "tweets",
    "wrote",
    "writes",
    "noted",
    "notes",
    "argued",
    "argues",
    "insisted",
    "insists",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "pointed",
    "explained",
    "explains",
    "believes",
    "believed",
    "estimated",
    "estimates",
    "according",
    "suggested",
    "suggests",
    "acknowledged",
    "admitted",
    "alleged",
    "alleges",
    "denied",
    "denies",
    "stressed",
]);

/// Prepositions (and "including", "such as" heads), for telling a phrase's role.
pub static PREPOSITIONS: WordSet = Flag::Prepositions.list(&[
    "of",
    "in",
    "on",
    "at",
    "to",
    "into",
    "with",
    "from",
    "for",
    "against",
    "by",
    "about",
    "over",
    "under",
    "among",
    "between",
    "through",
    "after",
    "before",
    "during",
    "since",
    "via",
    "toward",
    "towards",
    "amid",
    "besides",
    "like",
    "as",
    "near",
    "within",
    "without",
    "across",
    "behind",
    "beyond",
    "upon",
    "onto",
    "including",
    "despite",
    "than",
    "along",
    "around",
    "per",
    "versus",
    "unlike",
    "except",
    "until",
    "till",
    "off",
    "out",
]);

/// A closed list of lower-case words. Flagged lists (see [`Flag`]) get a bit in every token's
/// flags, so testing a token against them is one AND instead of string comparisons. The struct
/// is plain constant data: the compiler sees a flagged list's bit as a constant.
pub struct WordSet {
    words: &'static [&'static str],
    /// This list's bit in the token flags, or 0 for a short list without one.
    bit: u64,
}

/// The word lists with a bit of their own in every token's flags (see [`word_flags`]): the
/// lists the rules test most, and every list too long to compare word by word. A list's bit
/// is its place here, known when compiling, so a test of a token against it is one AND with
/// a constant.
#[derive(Clone, Copy)]
pub enum Flag {
    NameConnectors,
    OrgHeads,
    GenericOrgWords,
    EventHeads,
    CalendarWords,
    PlaceHeads,
    Regions,
    RegionAdjectives,
    PersonTitles,
    LocativePrepositions,
    CommonSentenceWords,
    PronounsIt,
    PronounsPerson,
    PronounsPlural,
    AnaphoricOrgNouns,
    AnaphoricStateNouns,
    AllegationWords,
    ReportingVerbs,
    Prepositions,
    Determiners,
    BeForms,
    Subordinators,
    IntentionVerbs,
    DecisionVerbs,
    ContentNouns,
    NegativeEvaluation,
    Relatives,
    ClausePunct,
    Crimes,
    Symmetric,
    Auxiliaries,
    DescriptionHeads,
    Adverbs,
    NameParticles,
    CommonAdjectives,
    StateActs,
    PlaceModifiers,
    PersonNouns,
    MemberNouns,
}

impl Flag {
    /// The flagged list of `words`; it must be in [`registry`].
    pub const fn list(self, words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            bit: 1 << self as u32,
        }
    }
}

/// Every flagged word list (see [`Flag`]).
fn registry() -> [&'static WordSet; 39] {
    use super::events::*;
    use super::mentions::{ADVERBS, AUXILIARIES, DESCRIPTION_HEADS, PERSON_NOUNS, PLACE_MODIFIERS};
    use super::ner::MEMBER_NOUNS;
    [
        &NAME_CONNECTORS,
        &ORG_HEADS,
        &GENERIC_ORG_WORDS,
        &EVENT_HEADS,
        &CALENDAR_WORDS,
        &PLACE_HEADS,
        &REGIONS,
        &REGION_ADJECTIVES,
        &PERSON_TITLES,
        &LOCATIVE_PREPOSITIONS,
        &COMMON_SENTENCE_WORDS,
        &PRONOUNS_IT,
        &PRONOUNS_PERSON,
        &PRONOUNS_PLURAL,
        &ANAPHORIC_ORG_NOUNS,
        &ANAPHORIC_STATE_NOUNS,
        &ALLEGATION_WORDS,
        &REPORTING_VERBS,
        &PREPOSITIONS,
        &DETERMINERS,
        &BE_FORMS,
        &SUBORDINATORS,
        &INTENTION_VERBS,
        &DECISION_VERBS,
        &CONTENT_NOUNS,
        &NEGATIVE_EVALUATION,
        &RELATIVES,
        &CLAUSE_PUNCT,
        &CRIMES,
        &SYMMETRIC,
        &AUXILIARIES,
        &DESCRIPTION_HEADS,
        &ADVERBS,
        &NAME_PARTICLES,
        &COMMON_ADJECTIVES,
        &STATE_ACTS,
        &PLACE_MODIFIERS,
        &PERSON_NOUNS,
        &MEMBER_NOUNS,
    ]
}

/// Every flagged word with its list's bit. The lexicon stores them in its per-word facts, so a
/// token's flags cost no lookup of their own.
pub fn word_flags() -> impl Iterator<Item = (&'static str, u64)> {
    registry()
        .into_iter()
        .flat_map(|set| set.words.iter().map(move |&w| (w, set.bit)))
}

impl WordSet {
    /// A list without a flag: short, so a membership test compares a few words.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        assert!(words.len() <= 8, "a longer list needs a flag (Flag::list)");
        WordSet { words, bit: 0 }
    }

    /// This list's bit in the token flags (see [`word_flags`]), or 0 when it has none.
    #[inline]
    pub fn bit(&self) -> u64 {
        self.bit
    }

    pub fn has(&self, word: impl AsRef<str>) -> bool {
        let w = word.as_ref();
        if self.bit == 0 {
            return self.words.contains(&w);
        }
        // The lexicon's word table holds every flagged word with its flags: one lookup.
        crate::lexicon::lexicon().word_info(w).flags & self.bit != 0
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Anything `TokenView::is_any` can test a word against. The word comes as the bytes of its
/// lower-case form: equal bytes are equal strings, and bytes need no char-boundary checks.
pub trait Words {
    fn has_word(&self, w: &[u8]) -> bool;
    /// The flag bit standing for this list, when it has one.
    fn flag(&'static self) -> u64 {
        0
    }
}

impl Words for WordSet {
    fn has_word(&self, w: &[u8]) -> bool {
        if self.bit == 0 {
            return self.words.iter().any(|x| x.as_bytes() == w);
        }
        std::str::from_utf8(w).is_ok_and(|w| self.has(w))
    }
    #[inline]
    fn flag(&'static self) -> u64 {
        self.bit
    }
}

// Inlined: the lists written at the call site are short and constant, so the comparisons
// become a few length tests and compares, cheaper than the call.
impl<const N: usize> Words for [&str; N] {
    #[inline]
    fn has_word(&self, w: &[u8]) -> bool {
        self.iter().any(|x| x.as_bytes() == w)
    }
}

impl Words for [&str] {
    #[inline]
    fn has_word(&self, w: &[u8]) -> bool {
        self.iter().any(|x| x.as_bytes() == w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flag_is_registered_once() {
        let sets = registry();
        let mut seen = 0u64;
        for set in sets {
            assert!(set.bit != 0 && seen & set.bit == 0, "each flagged list has its own bit");
            seen |= set.bit;
        }
        assert_eq!(seen, (1 << sets.len()) - 1);
        assert_eq!(Flag::MemberNouns as usize + 1, sets.len(), "the last flag is registered");
    }

    #[test]
    fn membership_of_flagged_lists() {
        assert!(REGIONS.words().iter().all(|w| REGIONS.has(w)));
        assert!(!REGIONS.has("seoul"));
        assert!(super::super::events::RELATIVES.has("which"));
        assert!(!super::super::events::RELATIVES.has("that"));
    }
}
