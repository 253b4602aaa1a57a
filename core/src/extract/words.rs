//! Closed word classes of English news text that the rules rely on. General language
//! knowledge, not tuned to any article: each list says what it is for.

/// Lower-case words that may sit inside a proper name between capitalised words.
pub const NAME_CONNECTORS: &[&str] = &["of", "for", "and", "de", "du", "del", "da", "van", "von", "al", "bin", "on", "the", "&"];

/// Last words that make a capitalised name an organisation.
pub const ORG_HEADS: &[&str] = &[
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
];

/// Organisation heads that are generic: a name made of these and nothing specific is not a name.
pub const GENERIC_ORG_WORDS: &[&str] = &[
    "group", "organization", "organisation", "centre", "center", "agency", "council", "service", "institute",
    "committee", "commission", "network", "alliance", "union", "partnership", "forum", "of", "the", "and", "for",
];

/// Last words that make a capitalised name an event or a document, not an actor.
pub const EVENT_HEADS: &[&str] = &[
    "war", "summit", "exercise", "exercises", "drill", "drills", "conference", "games", "olympics", "crisis",
    "revolution", "election", "elections", "talks", "treaty", "agreement", "accord", "accords", "pact", "act",
    "convention", "declaration", "protocol", "strategy", "plan", "operation", "campaign", "day", "week", "year",
    "cup", "championship", "festival", "award", "prize", "ii", "iii", "i",
];

/// Month and weekday names: capitalised, but dates, not names.
pub const CALENDAR_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Last words that make a capitalised name a place.
pub const PLACE_HEADS: &[&str] = &[
    "sea", "ocean", "peninsula", "island", "islands", "islets", "rocks", "strait", "straits", "gulf", "bay", "river",
    "mountains", "mountain", "mount", "valley", "province", "region", "prefecture", "county", "state", "city",
    "district", "border", "coast", "desert", "lake", "canal", "shrine", "square", "airport", "port", "harbor",
    "harbour", "base", "zone", "plateau", "highlands", "heights", "archipelago", "basin", "channel", "pass", "street",
];

/// Capitalised words that are places on their own in news usage (regions, not states).
pub const REGIONS: &[&str] = &[
    "asia", "europe", "africa", "america", "americas", "oceania", "antarctica", "arctic", "indo-pacific", "pacific",
    "atlantic", "middle east", "east asia", "southeast asia", "south asia", "central asia", "latin america",
    "eastern europe", "western europe", "balkans", "caucasus", "gulf", "sahel", "korean peninsula", "west", "east",
    "horn of africa", "scandinavia", "caribbean", "mediterranean",
];

/// Adjectives of regions and blocs: they qualify, they are not actors ("Asian stability").
pub const REGION_ADJECTIVES: &[&str] = &[
    "asian", "european", "african", "arab", "western", "eastern", "northern", "southern", "nordic", "baltic",
    "latin", "pacific", "atlantic", "east asian", "southeast asian", "south asian", "central asian", "middle eastern",
    "soviet", "transatlantic", "mediterranean", "caribbean", "scandinavian", "balkan", "gulf", "sub-saharan",
];

/// Titles and roles that precede a person's name ("Foreign Minister Park Jin", "Rep. Park Jin").
pub const PERSON_TITLES: &[&str] = &[
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
];

/// Prepositions after which a place name is a location, not an actor ("in Seoul"). "to" and
/// "from" are left out: with states they more often mark a recipient or a source.
pub const LOCATIVE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside", "across", "throughout", "within", "around"];

/// Lower-cased words that open sentences and are never names themselves.
pub const COMMON_SENTENCE_WORDS: &[&str] = &[
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
];

/// Personal and possessive pronouns that can stand for an actor.
pub const PRONOUNS_IT: &[&str] = &["it", "its", "itself"];
pub const PRONOUNS_PERSON: &[&str] = &["he", "his", "him", "himself", "she", "her", "hers", "herself"];
pub const PRONOUNS_PLURAL: &[&str] = &["they", "their", "them", "themselves"];

/// Generic nouns that, with "the", refer back to an organisation or a state already named.
pub const ANAPHORIC_ORG_NOUNS: &[&str] = &[
    "group", "organization", "organisation", "centre", "center", "agency", "alliance", "bloc", "body",
    "institute", "institution", "partnership", "pact", "coalition", "company", "firm", "newspaper",
];
pub const ANAPHORIC_STATE_NOUNS: &[&str] = &["country", "nation", "state", "government", "kingdom", "republic"];

/// Words that hedge a claim: the text does not assert it as fact.
pub const ALLEGATION_WORDS: &[&str] = &[
    "allegedly", "alleged", "reportedly", "purportedly", "supposedly", "suspected", "accused", "claimed",
    "reported", "rumored", "rumoured", "apparently", "believed",
];
pub const SPECULATION_WORDS: &[&str] = &[
    "may", "might", "could", "would", "probability", "possibility", "possible", "possibly", "likely", "unlikely",
    "perhaps", "probably", "potential", "potentially", "appears", "appear", "seems", "seem", "expected", "could",
];
pub const FUTURE_WORDS: &[&str] = &["will", "shall", "plan", "plans", "planned", "intends", "intend", "forthcoming", "upcoming", "set"];
pub const NEGATION_WORDS: &[&str] = &["not", "never", "no", "n't", "neither", "nor", "without", "refused", "declined", "failed"];
pub const OPINION_WORDS: &[&str] = &["opinion", "op-ed", "editorial", "commentary", "column", "tweeted", "tweet", "blog", "argued", "believes", "thinks"];
pub const CONDITIONAL_WORDS: &[&str] = &["if", "unless", "whether", "should"];

/// Verbs of saying: their subject is the source of what follows.
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "stated", "states", "announced", "announces", "announcing", "told", "tells",
    "added", "adds", "reported", "reports", "claimed", "claims", "warned", "warns", "tweeted", "tweets", "wrote",
    "writes", "noted", "notes", "argued", "argues", "insisted", "insists", "declared", "declares", "confirmed",
    "confirms", "pointed", "explained", "explains", "believes", "believed", "estimated", "estimates", "according",
    "suggested", "suggests", "acknowledged", "admitted", "alleged", "alleges", "denied", "denies", "stressed",
];

/// Prepositions (and "including", "such as" heads), for telling a phrase's role.
pub const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "to", "into", "with", "from", "for", "against", "by", "about", "over", "under", "among",
    "between", "through", "after", "before", "during", "since", "via", "toward", "towards", "amid", "besides", "like",
    "as", "near", "within", "without", "across", "behind", "beyond", "upon", "onto", "including", "despite", "than",
    "along", "around", "per", "versus", "unlike", "except", "until", "till", "off", "out",
];
