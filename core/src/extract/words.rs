//! Closed word classes of English news text that the rules rely on. General language
//! knowledge, not tuned to any article: each list says what it is for.

/// Lower-case words that may sit inside a proper name between capitalised words.
pub static NAME_CONNECTORS: WordSet = WordSet::new(&["of", "for", "and", "de", "du", "del", "da", "van", "von", "al", "bin", "on", "the", "&"]);

/// Last words that make a capitalised name an organisation.
pub static ORG_HEADS: WordSet = WordSet::new(&[
    "institute", "institution", "service", "services", "agency", "centre", "center", "council", "ministry", "group",
    "organization", "organisation", "times", "post", "news", "herald", "daily", "journal", "tribune", "gazette",
    "party", "army", "navy", "forces", "force", "command", "university", "college", "bank", "corporation", "company",
    "inc.", "ltd", "ltd.", "corp", "corp.", "co.", "association", "committee", "commission", "dialogue", "alliance",
    "front", "union", "federation", "foundation", "department", "office", "court", "parliament", "assembly",
    "administration", "bureau", "authority", "board", "network", "forum", "initiative", "partnership", "coalition",
    "movement", "brigade", "brigades", "battalion", "regiment", "division", "fleet", "guard", "police", "congress",
    "senate", "cabinet", "secretariat", "directorate", "directorates", "program", "programme", "fund", "club",
    "society", "league", "agencies", "ministries", "committees", "laboratory", "laboratories", "academy", "school",
    "hospital", "media", "press", "broadcasting", "television", "radio", "tv", "airlines", "airways", "group's",
    "excellence", "secretariat", "mission", "observatory", "unit", "units", "corps", "council's", "industries",
    "holdings", "technologies", "systems", "motors", "electronics", "petroleum", "oil", "energy", "telecom",
]);

/// Organisation heads that are generic: a name made of these and nothing specific is not a name.
pub static GENERIC_ORG_WORDS: WordSet = WordSet::new(&[
    "group", "organization", "organisation", "centre", "center", "agency", "council", "service", "institute",
    "committee", "commission", "network", "alliance", "union", "partnership", "forum", "of", "the", "and", "for",
]);

/// Last words that make a capitalised name an event or a document, not an actor.
pub static EVENT_HEADS: WordSet = WordSet::new(&[
    "war", "summit", "exercise", "exercises", "drill", "drills", "conference", "games", "olympics", "crisis",
    "revolution", "election", "elections", "talks", "treaty", "agreement", "accord", "accords", "pact", "act",
    "convention", "declaration", "protocol", "strategy", "plan", "operation", "campaign", "day", "week", "year",
    "cup", "championship", "festival", "award", "prize", "ii", "iii", "i",
]);

/// Month and weekday names: capitalised, but dates, not names.
pub static CALENDAR_WORDS: WordSet = WordSet::new(&[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
]);

/// Last words that make a capitalised name a place.
pub static PLACE_HEADS: WordSet = WordSet::new(&[
    "sea", "ocean", "peninsula", "island", "islands", "islets", "rocks", "strait", "straits", "gulf", "bay", "river",
    "mountains", "mountain", "mount", "valley", "province", "region", "prefecture", "county", "state", "city",
    "district", "border", "coast", "desert", "lake", "canal", "shrine", "square", "airport", "port", "harbor",
    "harbour", "base", "zone", "plateau", "highlands", "heights", "archipelago", "basin", "channel", "pass", "street",
]);

/// Capitalised words that are places on their own in news usage (regions, not states).
pub static REGIONS: WordSet = WordSet::new(&[
    "asia", "europe", "africa", "america", "americas", "oceania", "antarctica", "arctic", "indo-pacific", "pacific",
    "atlantic", "middle east", "east asia", "southeast asia", "south asia", "central asia", "latin america",
    "eastern europe", "western europe", "balkans", "caucasus", "gulf", "sahel", "korean peninsula", "west", "east",
    "horn of africa", "scandinavia", "caribbean", "mediterranean",
]);

/// Adjectives of regions and blocs: they qualify, they are not actors ("Asian stability").
pub static REGION_ADJECTIVES: WordSet = WordSet::new(&[
    "asian", "european", "african", "arab", "western", "eastern", "northern", "southern", "nordic", "baltic",
    "latin", "pacific", "atlantic", "east asian", "southeast asian", "south asian", "central asian", "middle eastern",
    "soviet", "transatlantic", "mediterranean", "caribbean", "scandinavian", "balkan", "gulf", "sub-saharan",
]);

/// Titles and roles that precede a person's name ("Foreign Minister Park Jin", "Rep. Park Jin").
pub static PERSON_TITLES: WordSet = WordSet::new(&[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "rep", "rep.", "sen", "sen.", "gen",
    "gen.", "lt", "lt.", "col", "col.", "maj", "maj.", "capt", "capt.", "adm", "adm.", "sgt", "sgt.", "gov", "gov.",
    "president", "vice", "premier", "chancellor", "minister", "secretary", "senator", "representative",
    "congressman", "congresswoman", "governor", "mayor", "ambassador", "envoy", "general", "admiral", "colonel",
    "major", "captain", "commander", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
    "spokesperson", "king", "queen", "prince", "princess", "sheikh", "emir", "sultan", "pope", "cardinal",
    "bishop", "archbishop", "rabbi", "imam", "ayatollah", "judge", "justice", "prosecutor", "lawyer", "attorney",
    "editor", "professor", "nominee", "leader", "chief", "officer", "sergeant", "lieutenant", "marshal", "deputy",
    "speaker", "mp", "lawmaker", "dictator", "founder", "analyst", "journalist", "reporter", "correspondent",
    "lord", "lady", "sir", "dame", "st.", "saint", "ceo", "executive", "pm", "president-elect",
]);

/// Prepositions after which a place name is a location, not an actor ("in Seoul"). "to" and
/// "from" are left out: with states they more often mark a recipient or a source.
pub static LOCATIVE_PREPOSITIONS: WordSet = WordSet::new(&["in", "at", "near", "outside", "inside", "across", "throughout", "within", "around"]);

/// Lower-cased words that open sentences and are never names themselves.
pub static COMMON_SENTENCE_WORDS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "my", "but", "and", "or", "however", "meanwhile", "in", "on", "at", "after", "before",
    "while", "when", "there", "despite", "according", "also", "moreover", "nevertheless", "still", "yet", "as", "if",
    "for", "some", "many", "only", "ultimately", "given", "under", "soon", "all", "both", "four", "three", "two",
    "one", "five", "several", "other", "another", "such", "then", "now", "today", "yesterday", "since", "although",
    "though", "because", "with", "without", "by", "from", "of", "to", "despite", "instead", "even", "most", "more",
    "no", "not", "every", "each", "what", "which", "who", "whom", "whose", "where", "why", "how", "during",
    "following", "amid", "among", "against", "about", "above", "below", "earlier", "later", "last", "next",
    "first", "second", "third", "former", "new", "old", "similarly", "furthermore", "indeed", "thus", "so",
    "file", "photo", "image", "illustration", "read", "featured", "related", "updated", "editor's", "watch",
]);

/// Personal and possessive pronouns that can stand for an actor.
pub static PRONOUNS_IT: WordSet = WordSet::new(&["it", "its", "itself"]);
pub static PRONOUNS_PERSON: WordSet = WordSet::new(&["he", "his", "him", "himself", "she", "her", "hers", "herself"]);
pub static PRONOUNS_PLURAL: WordSet = WordSet::new(&["they", "their", "them", "themselves"]);

/// Generic nouns that, with "the", refer back to an organisation or a state already named.
pub static ANAPHORIC_ORG_NOUNS: WordSet = WordSet::new(&[
    "group", "organization", "organisation", "centre", "center", "agency", "alliance", "bloc", "body",
    "institute", "institution", "partnership", "pact", "coalition", "company", "firm", "newspaper",
]);
pub static ANAPHORIC_STATE_NOUNS: WordSet = WordSet::new(&["country", "nation", "state", "government", "kingdom", "republic"]);

/// Words that hedge a claim: the text does not assert it as fact.
pub static ALLEGATION_WORDS: WordSet = WordSet::new(&[
    "allegedly", "alleged", "reportedly", "purportedly", "supposedly", "suspected", "accused", "claimed",
    "reported", "rumored", "rumoured", "apparently", "believed",
]);

/// Verbs of saying: their subject is the source of what follows.
pub static REPORTING_VERBS: WordSet = WordSet::new(&[
    "said", "says", "say", "saying", "stated", "states", "announced", "announces", "announcing", "told", "tells",
    "added", "adds", "reported", "reports", "claimed", "claims", "warned", "warns", "tweeted", "tweets", "wrote",
    "writes", "noted", "notes", "argued", "argues", "insisted", "insists", "declared", "declares", "confirmed",
    "confirms", "pointed", "explained", "explains", "believes", "believed", "estimated", "estimates", "according",
    "suggested", "suggests", "acknowledged", "admitted", "alleged", "alleges", "denied", "denies", "stressed",
]);

/// Prepositions (and "including", "such as" heads), for telling a phrase's role.
pub static PREPOSITIONS: WordSet = WordSet::new(&[
    "of", "in", "on", "at", "to", "into", "with", "from", "for", "against", "by", "about", "over", "under", "among",
    "between", "through", "after", "before", "during", "since", "via", "toward", "towards", "amid", "besides", "like",
    "as", "near", "within", "without", "across", "behind", "beyond", "upon", "onto", "including", "despite", "than",
    "along", "around", "per", "versus", "unlike", "except", "until", "till", "off", "out",
]);

/// A closed list of lower-case words. Registered lists (see [`registry`]) get a bit in every
/// token's flags, so testing a token against them is one AND instead of string comparisons.
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>>,
    bit: std::sync::OnceLock<u64>,
}

/// Every word list tested against tokens, each given a bit of [`token_flags`].
fn registry() -> [&'static WordSet; 33] {
    use super::events::*;
    use super::mentions::{ADVERBS, AUXILIARIES, DESCRIPTION_HEADS};
    [
        &NAME_CONNECTORS, &ORG_HEADS, &GENERIC_ORG_WORDS, &EVENT_HEADS, &CALENDAR_WORDS, &PLACE_HEADS, &REGIONS,
        &REGION_ADJECTIVES, &PERSON_TITLES, &LOCATIVE_PREPOSITIONS, &COMMON_SENTENCE_WORDS, &PRONOUNS_IT,
        &PRONOUNS_PERSON, &PRONOUNS_PLURAL, &ANAPHORIC_ORG_NOUNS, &ANAPHORIC_STATE_NOUNS, &ALLEGATION_WORDS,
        &REPORTING_VERBS, &PREPOSITIONS, &DETERMINERS, &BE_FORMS, &SUBORDINATORS, &INTENTION_VERBS, &DECISION_VERBS,
        &CONTENT_NOUNS, &NEGATIVE_EVALUATION, &RELATIVES, &CLAUSE_PUNCT, &CRIMES, &SYMMETRIC, &AUXILIARIES,
        &DESCRIPTION_HEADS, &ADVERBS,
    ]
}

/// The flags of a lower-case word: bit `i` set when the word is in `registry()[i]`.
pub fn token_flags(lower: &str) -> u64 {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u64>> = std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<&'static str, u64> = rustc_hash::FxHashMap::default();
        for (i, set) in registry().iter().enumerate() {
            for w in set.words {
                *m.entry(w).or_default() |= 1 << i;
            }
        }
        m
    });
    map.get(lower).copied().unwrap_or(0)
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, set: std::sync::OnceLock::new(), bit: std::sync::OnceLock::new() }
    }

    /// This list's bit in [`token_flags`], or 0 when it is not registered.
    pub fn bit(&'static self) -> u64 {
        *self.bit.get_or_init(|| registry().iter().position(|s| std::ptr::eq(*s, self)).map_or(0, |i| 1 << i))
    }

    pub fn has(&self, word: impl AsRef<str>) -> bool {
        let w = word.as_ref();
        if self.words.len() <= 8 {
            return self.words.contains(&w);
        }
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(w)
    }

    pub fn words(&self) -> &'static [&'static str] {
        self.words
    }
}

/// Anything `TokenView::is_any` can test a word against.
pub trait Words {
    fn has_word(&self, w: &str) -> bool;
    /// The flag bit standing for this list, when it has one.
    fn flag(&'static self) -> u64 {
        0
    }
}

impl Words for WordSet {
    fn has_word(&self, w: &str) -> bool {
        self.has(w)
    }
    fn flag(&'static self) -> u64 {
        self.bit()
    }
}

impl<const N: usize> Words for [&str; N] {
    fn has_word(&self, w: &str) -> bool {
        self.contains(&w)
    }
}

impl Words for [&str] {
    fn has_word(&self, w: &str) -> bool {
        self.contains(&w)
    }
}
