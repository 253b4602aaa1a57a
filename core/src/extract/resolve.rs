//! Within-document resolution: which mentions name the same actor or place.
//!
//! The rules, in order: a definition ties an acronym to its expansion; an apposition ties a
//! description to a name ("South Korea’s top spy agency, the National Intelligence Service");
//! an acronym one letter off a defined one is the same ("CCDOE"); a name whose specific words
//! all occur in another's is the same ("Cyber Defense Group" within "NATO Cooperative Cyber
//! Defense Centre of Excellence"); a surname alone is the person named in full earlier;
//! descriptions and "the group" refer to the organisation they best match, pronouns to the
//! nearest compatible actor.

use super::mentions::{Mention, NameClass, PronounKind, Referent, Role};
use super::view::TokenView;
use super::words::{GENERIC_ORG_WORDS, NAME_CONNECTORS, REPORTING_VERBS};
use crate::lexicon::Lexicon;
use crate::lexicon::countries::CountryForm;
use crate::lexicon::dictionary::DictKind;
use crate::model::MentionForm;

/// What an entity is, as far as one document tells.
#[derive(Debug, Clone, PartialEq)]
pub enum EntityKind {
    State(u16),
    Dict(u32),
    /// A country's sector body or group ("South Korean court").
    Sector {
        country: u16,
        sector: u16,
    },
    /// A named organisation, person or unknown-kind name.
    Named(NameClass),
    Place {
        capital_of: Option<u16>,
        country: Option<u16>,
    },
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    /// Surface forms, first = the fullest name seen.
    pub names: Vec<String>,
    pub acronym: Option<String>,
    /// `names` normalised for comparison, kept in step with it.
    norms: Norms,
    pub country: Option<u16>,
    pub sector: Option<u16>,
    /// The organisation this one is part of or belongs to ("NATO’s ..."), as an entity index.
    pub owner: Option<usize>,
    /// A person's role as given in apposition: (role words, organisation entity, former).
    pub role: Option<(String, Option<usize>, bool)>,
}

impl Entity {
    fn new(kind: EntityKind, name: String) -> Entity {
        let norm = normalize_name(&name);
        Entity::with_norm(kind, name, norm)
    }

    /// [`Entity::new`] when the caller already has `normalize_name(&name)`.
    fn with_norm(kind: EntityKind, name: String, norm: String) -> Entity {
        let mut norms = Norms::default();
        norms.push(Norm::new(norm));
        Entity {
            kind,
            names: vec![name],
            acronym: None,
            norms,
            country: None,
            sector: None,
            owner: None,
            role: None,
        }
    }

    pub fn is_person(&self, lex: &Lexicon) -> bool {
        match self.kind {
            EntityKind::Named(NameClass::Person) => true,
            EntityKind::Dict(d) => lex.dictionary[d as usize].kind == DictKind::Person,
            _ => false,
        }
    }

    pub fn is_state(&self) -> bool {
        matches!(self.kind, EntityKind::State(_))
    }

    pub fn is_place(&self) -> bool {
        matches!(self.kind, EntityKind::Place { .. })
    }

    fn add_name(&mut self, name: &str) {
        if !self.names.iter().any(|n| n == name) {
            self.names.push(name.to_string());
            self.norms.push(Norm::new(normalize_name(name)));
        }
    }

    /// True when the entity is known by this normalised name or acronym.
    // Always inlined: asked of every entity on each lookup, and mostly settled by one bit
    // test and the test for an acronym, which most entities have none of.
    #[inline(always)]
    fn known_as(&self, key: &NameKey) -> bool {
        self.norms.contains(key) || self.acronym.as_deref().is_some_and(|a| lowercase_equals(a, key.text))
    }
}

/// An entity's normalised names, in the order of its names, with a one-word Bloom filter of
/// their hashes: a lookup scans every entity of the document, and the filter rules out
/// nearly all of them without visiting their names.
#[derive(Debug, Clone, Default)]
struct Norms {
    list: Vec<Norm>,
    /// The bit of each name in `list` (see [`Norm::bit`]), and maybe of names since removed:
    /// a clear bit proves a name absent, a set one proves nothing.
    bloom: u64,
}

impl Norms {
    fn push(&mut self, n: Norm) {
        self.bloom |= n.bit();
        self.list.push(n);
    }

    fn insert(&mut self, at: usize, n: Norm) {
        self.bloom |= n.bit();
        self.list.insert(at, n);
    }

    fn remove(&mut self, at: usize) {
        self.list.remove(at);
    }

    fn clear(&mut self) {
        self.list.clear();
    }

    /// The normalised first (fullest) name.
    fn first(&self) -> &str {
        &self.list[0].text
    }

    #[inline(always)]
    fn contains(&self, key: &NameKey) -> bool {
        self.bloom & key.bit != 0 && self.list.iter().any(|n| n.hash == key.hash && n.text == key.text)
    }
}

/// A normalised name (see [`normalize_name`]) with its hash. Looking a name up scans the
/// document's entities and their names; comparing hashes first settles nearly every pair
/// without comparing the strings.
#[derive(Debug, Clone)]
struct Norm {
    hash: u64,
    text: String,
}

impl Norm {
    fn new(text: String) -> Norm {
        Norm {
            hash: name_hash(&text),
            text,
        }
    }

    /// The name's bit in [`Norms::bloom`].
    fn bit(&self) -> u64 {
        bloom_bit(self.hash)
    }
}

fn bloom_bit(hash: u64) -> u64 {
    // The top bits: FxHash mixes its input into them best.
    1 << (hash >> 58)
}

/// A normalised name being looked up, hashed once for the whole scan.
struct NameKey<'a> {
    text: &'a str,
    hash: u64,
    /// `bloom_bit(hash)`.
    bit: u64,
}

impl NameKey<'_> {
    fn new(text: &str) -> NameKey<'_> {
        let hash = name_hash(text);
        NameKey {
            text,
            hash,
            bit: bloom_bit(hash),
        }
    }
}

fn name_hash(norm: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(norm)
}

/// A mention with what it resolved to.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub mention: Mention,
    pub entity: Option<usize>,
    pub form: MentionForm,
}

pub struct DocResolution {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Resolved>,
}

/// A name in the form names are compared in: no leading "the", no periods, curly apostrophes
/// made plain, words split at spaces and hyphens and joined by single spaces, lower case.
fn normalize_name(s: &str) -> String {
    let s = s.strip_prefix("The ").or_else(|| s.strip_prefix("the ")).unwrap_or(s);
    if s.is_ascii() {
        return normalize_ascii_name(s);
    }
    // One pass and one allocation: this runs for every name mention and entity.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        match c {
            '.' => {}
            c if c.is_whitespace() || c == '-' => gap = !out.is_empty(),
            c => {
                if gap {
                    out.push(' ');
                    gap = false;
                }
                out.push(if c == '’' { '\'' } else { c });
            }
        }
    }
    // `str::to_lowercase` on the whole string, not per character: a final sigma depends on
    // its neighbours. ASCII, the common case, lower-cases in place.
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
}

/// [`normalize_name`] of an ASCII name, the common case: the same rules byte by byte, with no
/// characters to decode and each letter lower-cased as it is copied.
fn normalize_ascii_name(s: &str) -> String {
    // Most names are words joined by single spaces, with no period or hyphen: then the rules
    // below only lower-case them, which `to_ascii_lowercase` does in one copy.
    if is_plain_name(s.as_bytes()) {
        return s.to_ascii_lowercase();
    }
    normalize_ascii_name_by_rules(s)
}

/// Words of ASCII joined by single spaces: no space at either end, no period, hyphen or other
/// whitespace (an empty name is not plain).
fn is_plain_name(b: &[u8]) -> bool {
    // Starts as if after a space, so a leading space, like a double one, fails.
    let mut after_space = true;
    for &c in b {
        if matches!(c, b'.' | b'\t'..=b'\r' | b'-') || (c == b' ' && after_space) {
            return false;
        }
        after_space = c == b' ';
    }
    !after_space
}

/// [`normalize_ascii_name`] by its rules, byte by byte.
fn normalize_ascii_name_by_rules(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut gap = false;
    for b in s.bytes() {
        match b {
            b'.' => {}
            // The ASCII characters `char::is_whitespace` accepts, and the hyphen.
            b'\t'..=b'\r' | b' ' | b'-' => gap = !out.is_empty(),
            b => {
                if gap {
                    out.push(b' ');
                    gap = false;
                }
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

/// `a.to_lowercase() == norm` without allocating for ASCII `a`.
fn lowercase_equals(a: &str, norm: &str) -> bool {
    if a.is_ascii() {
        a.eq_ignore_ascii_case(norm) && !norm.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        a.to_lowercase() == norm
    }
}

/// Spelling variants that should not split an actor: British and American forms.
fn canonical_word(w: &str) -> &str {
    match w {
        "centre" => "center",
        "defence" => "defense",
        "organisation" => "organization",
        "programme" => "program",
        _ => w,
    }
}

/// The words of a name that say which organisation it is (not "the", "of", "group"...).
fn specific_words(name: &str) -> Vec<String> {
    normalize_name(name)
        .split(' ')
        .map(canonical_word)
        .filter(|w| !GENERIC_ORG_WORDS.has(w) && !NAME_CONNECTORS.has(w) && w.len() > 1)
        .map(str::to_string)
        .collect()
}

/// Levenshtein distance, bounded use on short acronyms only.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

pub fn resolve(v: &TokenView, lex: &Lexicon, mentions: Vec<Mention>) -> DocResolution {
    let mut entities: Vec<Entity> = Vec::new();
    let mut out: Vec<Resolved> = Vec::with_capacity(mentions.len());
    let find_named = |entities: &[Entity], key: &NameKey| {
        entities
            .iter()
            .position(|e| matches!(e.kind, EntityKind::Named(_)) && e.known_as(key))
    };
    // Pass 1: named things, in text order.
    for m in mentions {
        let text = v.slice(m.tokens.clone());
        let (entity, form) = match &m.referent {
            Referent::Country { country, form } => {
                if m.role == Role::Location || m.role == Role::Qualifier && *form == CountryForm::Capital {
                    let kind = EntityKind::Place {
                        capital_of: (*form == CountryForm::Capital).then_some(*country),
                        country: Some(*country),
                    };
                    let key_name = if *form == CountryForm::Capital {
                        lex.countries[*country as usize].capital.clone()
                    } else {
                        lex.countries[*country as usize].name.clone()
                    };
                    let idx = entities.iter().position(|e| e.kind == kind).unwrap_or_else(|| {
                        entities.push(Entity::new(kind, key_name));
                        entities.len() - 1
                    });
                    (Some(idx), MentionForm::Name)
                } else {
                    let idx = entities
                        .iter()
                        .position(|e| e.kind == EntityKind::State(*country))
                        .unwrap_or_else(|| {
                            entities.push(Entity::new(
                                EntityKind::State(*country),
                                lex.countries[*country as usize].name.clone(),
                            ));
                            entities.len() - 1
                        });
                    entities[idx].add_name(text);
                    let form = match form {
                        CountryForm::Name => MentionForm::Name,
                        CountryForm::Alias | CountryForm::Code => MentionForm::Alias,
                        CountryForm::Demonym => MentionForm::Demonym,
                        CountryForm::Capital => MentionForm::Metonym,
                    };
                    (Some(idx), form)
                }
            }
            Referent::Dict(d) => {
                let idx = entities
                    .iter()
                    .position(|e| e.kind == EntityKind::Dict(*d))
                    .unwrap_or_else(|| {
                        entities.push(Entity::new(EntityKind::Dict(*d), lex.dictionary[*d as usize].name.clone()));
                        entities.len() - 1
                    });
                entities[idx].add_name(text);
                entities[idx].country = entities[idx].country.or(m.country);
                (Some(idx), MentionForm::Name)
            }
            Referent::Sector {
                country: Some(country),
                sector,
            } => {
                let kind = EntityKind::Sector {
                    country: *country,
                    sector: *sector,
                };
                let idx = entities.iter().position(|e| e.kind == kind).unwrap_or_else(|| {
                    let mut e = Entity::new(kind, text.to_string());
                    e.country = Some(*country);
                    e.sector = Some(*sector);
                    entities.push(e);
                    entities.len() - 1
                });
                entities[idx].add_name(text);
                (Some(idx), MentionForm::Description)
            }
            Referent::Sector { country: None, .. } => (None, MentionForm::Description),
            Referent::Name { class, name } => {
                let norm = normalize_name(name);
                let key = NameKey::new(&norm);
                let is_acronym = m.tokens.len() == 1 && v.is_all_caps(m.tokens.start);
                let mut idx = if m.role == Role::Location || *class == NameClass::Place {
                    entities
                        .iter()
                        .position(|e| e.is_place() && e.known_as(&key))
                        .or_else(|| find_named(&entities, &key))
                } else {
                    find_named(&entities, &key)
                };
                // A definition "Full Name (ABBR)" joins an entity already known by its acronym.
                if idx.is_none() {
                    if let Some(alias) = &m.alias {
                        idx = find_named(&entities, &NameKey::new(&normalize_name(alias)));
                    }
                }
                if idx.is_none() && is_acronym {
                    // A defined acronym one letter off ("CCDOE" for "CCDCOE").
                    idx = entities.iter().position(|e| {
                        e.acronym.as_deref().is_some_and(|a| {
                            a.len() >= 5 && edit_distance(a, name) == 1 && a.chars().next() == name.chars().next()
                        })
                    });
                }
                if idx.is_none() && *class != NameClass::Org {
                    // A surname (or the family name written first) of a person named in full earlier.
                    idx = entities.iter().position(|e| {
                        e.kind == EntityKind::Named(NameClass::Person) && m.tokens.len() == 1 && {
                            let full = e.norms.first(); // normalize_name(&e.names[0])
                            full.rsplit(' ').next() == Some(norm.as_str()) || full.split(' ').next() == Some(norm.as_str())
                        }
                    });
                }
                let idx = idx.unwrap_or_else(|| {
                    let kind = if m.role == Role::Location {
                        EntityKind::Place {
                            capital_of: None,
                            country: None,
                        }
                    } else {
                        EntityKind::Named(*class)
                    };
                    // The name was normalised above to look it up: not again.
                    entities.push(Entity::with_norm(kind, name.clone(), norm));
                    entities.len() - 1
                });
                let e = &mut entities[idx];
                if let EntityKind::Named(existing @ NameClass::Unknown) = &mut e.kind {
                    *existing = *class;
                }
                e.add_name(text);
                e.country = e.country.or(m.country);
                e.sector = e.sector.or(m.sector);
                if is_acronym {
                    e.acronym.get_or_insert_with(|| name.clone());
                }
                if let Some(alias) = &m.alias {
                    if alias.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) || alias.split_whitespace().count() == 1 {
                        e.acronym.get_or_insert_with(|| alias.clone());
                    } else {
                        // This mention is the acronym; the alias is the full name: put it first.
                        if let Some(at) = e.names.iter().position(|n| n == alias) {
                            e.names.remove(at);
                            e.norms.remove(at);
                        }
                        e.names.insert(0, alias.clone());
                        e.norms.insert(0, Norm::new(normalize_name(alias)));
                    }
                }
                let form = if is_acronym { MentionForm::Acronym } else { MentionForm::Name };
                (Some(idx), form)
            }
            Referent::Pronoun(_) => (None, MentionForm::Pronoun),
            Referent::Anaphor { .. } => (None, MentionForm::Anaphor),
            Referent::Description { .. } => (None, MentionForm::Description),
        };
        out.push(Resolved {
            mention: m,
            entity,
            form,
        });
    }
    // An acronym defined after its first bare use: merge the acronym-only entity into the full name.
    merge_acronym_entities(&mut entities, &mut out);
    appositions(v, &mut entities, &mut out);
    merge_contained_names(&mut entities, &mut out);
    sectors_into_names(&mut entities, &mut out);
    owners(v, &mut entities, &out);
    person_roles(v, &mut entities, &out);
    descriptions_and_anaphora(v, lex, &mut entities, &mut out);
    DocResolution { entities, mentions: out }
}

/// Re-points mentions of entity `from` to `into` and folds the names together.
fn merge(entities: &mut [Entity], out: &mut [Resolved], from: usize, into: usize) {
    if from == into {
        return;
    }
    let names = std::mem::take(&mut entities[from].names);
    entities[from].norms.clear();
    for n in names {
        entities[into].add_name(&n);
    }
    if entities[into].acronym.is_none() {
        entities[into].acronym = entities[from].acronym.take();
    }
    entities[into].country = entities[into].country.or(entities[from].country);
    entities[into].sector = entities[into].sector.or(entities[from].sector);
    if let (EntityKind::Named(NameClass::Unknown), EntityKind::Named(c)) =
        (entities[into].kind.clone(), entities[from].kind.clone())
    {
        entities[into].kind = EntityKind::Named(c);
    }
    // The merged-away entity stays as an empty shell so indices remain valid.
    entities[from].kind = EntityKind::Named(NameClass::Unknown);
    for r in out.iter_mut() {
        if r.entity == Some(from) {
            r.entity = Some(into);
        }
    }
    for e in entities.iter_mut() {
        if e.owner == Some(from) {
            e.owner = Some(into);
        }
    }
}

pub fn is_live(e: &Entity) -> bool {
    !e.names.is_empty()
}

fn merge_acronym_entities(entities: &mut [Entity], out: &mut [Resolved]) {
    for i in 0..entities.len() {
        let Some(acr) = entities[i].acronym.clone() else { continue };
        for j in 0..entities.len() {
            if i != j
                && is_live(&entities[j])
                && matches!(entities[j].kind, EntityKind::Named(_))
                && entities[j].names.iter().all(|n| *n == acr)
                && entities[j].acronym.as_deref().is_none_or(|a| a == acr)
            {
                merge(entities, out, j, i);
            }
        }
    }
}

/// "South Korea’s top spy agency, the National Intelligence Service (NIS), said": a
/// description followed by a comma and a name is that name.
fn appositions(v: &TokenView, entities: &mut [Entity], out: &mut [Resolved]) {
    for k in 0..out.len().saturating_sub(1) {
        let (a, b) = (&out[k], &out[k + 1]);
        let (Some(ea), Some(eb)) = (a.entity, b.entity) else {
            continue;
        };
        if a.mention.sentence != b.mention.sentence {
            continue;
        }
        let gap_start = a.mention.tokens.end;
        let comma_the = v.is(gap_start, ",")
            && (b.mention.tokens.start == gap_start + 1
                || (b.mention.tokens.start == gap_start + 2 && v.is(gap_start + 1, "the")));
        let described = matches!(entities[ea].kind, EntityKind::Sector { .. })
            && matches!(entities[eb].kind, EntityKind::Named(NameClass::Org | NameClass::Unknown));
        let described_after = matches!(entities[eb].kind, EntityKind::Sector { .. })
            && matches!(entities[ea].kind, EntityKind::Named(NameClass::Org | NameClass::Unknown));
        if comma_the && described {
            let (country, sector) = (entities[ea].country, entities[ea].sector);
            entities[eb].country = entities[eb].country.or(country);
            entities[eb].sector = entities[eb].sector.or(sector);
            merge(entities, out, ea, eb);
        } else if comma_the && described_after {
            // "KAERI, South Korea’s nuclear research institute"
            let (country, sector) = (entities[eb].country, entities[eb].sector);
            entities[ea].country = entities[ea].country.or(country);
            entities[ea].sector = entities[ea].sector.or(sector);
            merge(entities, out, eb, ea);
        }
    }
}

/// Two organisation names where every specific word of the shorter is in the longer (and at
/// least two are) name the same organisation: "Cyber Defense Group" and "NATO Cooperative
/// Cyber Defense Centre of Excellence".
fn merge_contained_names(entities: &mut [Entity], out: &mut [Resolved]) {
    // Each live entity's first name stays the same through these merges (a merge only appends
    // names to the entity it keeps), so its specific words are computed once, not per pair.
    let mut words: Vec<Option<Vec<String>>> = vec![None; entities.len()];
    let live_org = |e: &Entity| is_live(e) && matches!(e.kind, EntityKind::Named(NameClass::Org));
    for i in 0..entities.len() {
        // Entity `i` changes only when merged away, which ends its pairs: test it once.
        if !live_org(&entities[i]) {
            continue;
        }
        for j in 0..entities.len() {
            if i == j || !live_org(&entities[j]) {
                continue;
            }
            for k in [i, j] {
                if words[k].is_none() {
                    words[k] = Some(specific_words(&entities[k].names[0]));
                }
            }
            let (Some(small), Some(large)) = (&words[i], &words[j]) else {
                unreachable!("filled above")
            };
            if small.len() >= 2 && small.len() < large.len() && small.iter().all(|w| large.contains(w)) {
                merge(entities, out, i, j);
                break;
            }
        }
    }
}

/// "South Korea’s spy agency" is the National Intelligence Service when the document names
/// exactly one organisation of that country and sector.
fn sectors_into_names(entities: &mut [Entity], out: &mut [Resolved]) {
    for i in 0..entities.len() {
        let EntityKind::Sector { country, sector } = entities[i].kind else {
            continue;
        };
        let named: Vec<usize> = (0..entities.len())
            .filter(|&j| {
                is_live(&entities[j])
                    && matches!(entities[j].kind, EntityKind::Named(NameClass::Org))
                    && entities[j].country == Some(country)
                    && entities[j].sector == Some(sector)
            })
            .collect();
        if let [j] = named.as_slice() {
            merge(entities, out, i, *j);
        }
    }
}

/// "NATO’s Cooperative Cyber Defense Center of Excellence": the possessor owns the name.
fn owners(v: &TokenView, entities: &mut [Entity], out: &[Resolved]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let (Some(ea), Some(eb)) = (a.entity, b.entity) else {
            continue;
        };
        let possessive = b.mention.tokens.start == a.mention.tokens.end + 1 && v.is_any(a.mention.tokens.end, &["'s", "'"]);
        let owner_is_org = matches!(entities[ea].kind, EntityKind::Dict(_) | EntityKind::Named(NameClass::Org));
        if possessive && owner_is_org && ea != eb && matches!(entities[eb].kind, EntityKind::Named(NameClass::Org)) {
            entities[eb].owner.get_or_insert(ea);
        }
    }
    // An organisation whose name starts with another's ("NATO Cooperative ...") belongs to it.
    for i in 0..entities.len() {
        if !matches!(entities[i].kind, EntityKind::Named(NameClass::Org)) || entities[i].owner.is_some() || !is_live(&entities[i])
        {
            continue;
        }
        let first_word = entities[i]
            .names
            .iter()
            .filter_map(|n| n.split(' ').next().filter(|_| n.contains(' ')))
            .next()
            .map(str::to_string);
        if let Some(w) = first_word {
            if let Some(o) = entities
                .iter()
                .position(|e| matches!(e.kind, EntityKind::Dict(_)) && e.names.iter().any(|n| *n == w))
            {
                entities[i].owner = Some(o);
            }
        }
    }
}

/// "Hu Xijin, the former editor of the Chinese state-owned media house Global Times".
fn person_roles(v: &TokenView, entities: &mut [Entity], out: &[Resolved]) {
    for (k, r) in out.iter().enumerate() {
        let Some(e) = r.entity else { continue };
        if entities[e].kind != EntityKind::Named(NameClass::Person) {
            continue;
        }
        let mut i = r.mention.tokens.end;
        if !v.is(i, ",") {
            continue;
        }
        i += 1;
        if v.is_any(i, &["the", "a", "an"]) {
            i += 1;
        }
        let former = v.is_any(i, &["former", "ex", "then"]);
        let role_start = if former { i + 1 } else { i };
        let mut role_end = role_start;
        while role_end < v.len()
            && v.is_word(role_end)
            && !v.is(role_end, "of")
            && !v.is_capitalized(role_end)
            && role_end < role_start + 3
        {
            role_end += 1;
        }
        if role_end == role_start {
            continue;
        }
        let role = v.slice(role_start..role_end).to_string();
        // The organisation: the next named mention in the same sentence after "of".
        let org = v
            .is(role_end, "of")
            .then(|| {
                out[k + 1..]
                    .iter()
                    .take_while(|n| n.mention.sentence == r.mention.sentence)
                    .filter_map(|n| n.entity)
                    .find(|&oe| matches!(entities[oe].kind, EntityKind::Named(NameClass::Org) | EntityKind::Dict(_)))
            })
            .flatten();
        entities[e].role = Some((role, org, former));
        if let Some(o) = org {
            let country = entities[o].country;
            entities[e].country = entities[e].country.or(country);
        }
    }
}

/// The entity a description, "the group" or a pronoun refers to.
fn descriptions_and_anaphora(v: &TokenView, lex: &Lexicon, entities: &mut [Entity], out: &mut [Resolved]) {
    for k in 0..out.len() {
        if out[k].entity.is_some() {
            continue;
        }
        let m = out[k].mention.clone();
        let target = match &m.referent {
            Referent::Description { words, owner } => {
                let owner_entity = owner
                    .and_then(|t| out.iter().find(|r| r.mention.tokens.start == t))
                    .and_then(|r| r.entity);
                // In apposition ("KAERI, South Korea’s nuclear research institute") it is the name beside it.
                let beside = apposed_name(v, entities, out, k);
                if let (Some(b), Some(o)) = (beside, owner_entity) {
                    if let EntityKind::State(c) = entities[o].kind {
                        entities[b].country.get_or_insert(c);
                    }
                }
                beside
                    .or_else(|| describe(entities, words, owner_entity))
                    .or_else(|| recent(entities, out, k, |e| is_org_like(e, lex)))
            }
            Referent::Anaphor { state: true } => recent_country(entities, out, k),
            Referent::Anaphor { state: false } => recent(entities, out, k, |e| is_org_like(e, lex)),
            Referent::Pronoun(PronounKind::Person) => recent(entities, out, k, |e| e.is_person(lex)),
            Referent::Pronoun(PronounKind::It) => it_antecedent(v, lex, entities, out, k),
            Referent::Pronoun(PronounKind::Speaker) => speaker(v, entities, out, k),
            _ => None,
        };
        out[k].entity = target;
    }
}

/// The named organisation a description is in apposition with: "Name, description" or
/// "description, the Name".
fn apposed_name(v: &TokenView, entities: &[Entity], out: &[Resolved], k: usize) -> Option<usize> {
    let m = &out[k].mention;
    let named = |r: &Resolved| {
        r.entity
            .filter(|&e| matches!(entities[e].kind, EntityKind::Named(NameClass::Org | NameClass::Unknown)))
    };
    if k > 0 && m.tokens.start >= 1 && v.is(m.tokens.start - 1, ",") {
        let prev = &out[k - 1];
        let mut end = prev.mention.tokens.end;
        if v.is(end, "(") && v.is(end + 2, ")") {
            end += 3;
        }
        if end + 1 == m.tokens.start || (prev.mention.tokens.end + 3 + 1 == m.tokens.start) {
            if let Some(e) = named(prev) {
                return Some(e);
            }
        }
        // "the Korean ... Institute (KAERI), South Korea’s ...": the acronym mention sits between.
        if let Some(e) = out[..k]
            .iter()
            .rev()
            .take(2)
            .find(|r| r.mention.tokens.end + 2 >= m.tokens.start)
            .and_then(named)
        {
            return Some(e);
        }
    }
    let after = m.tokens.end;
    if v.is(after, ",") {
        let next = out.get(k + 1)?;
        let start = if v.is(after + 1, "the") { after + 2 } else { after + 1 };
        if next.mention.tokens.start == start {
            return named(next);
        }
    }
    None
}

fn is_org_like(e: &Entity, lex: &Lexicon) -> bool {
    match e.kind {
        EntityKind::Named(NameClass::Org) => true,
        EntityKind::Dict(d) => lex.dictionary[d as usize].kind != DictKind::Person,
        _ => false,
    }
}

/// The organisation whose name contains the description's specific words, preferring one
/// owned by the description's owner.
fn describe(entities: &[Entity], words: &[String], owner: Option<usize>) -> Option<usize> {
    let wanted: Vec<String> = specific_words(&words.join(" "));
    if wanted.is_empty() {
        return None;
    }
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| is_live(e) && matches!(e.kind, EntityKind::Named(NameClass::Org)))
        .filter_map(|(i, e)| {
            let have: Vec<String> = e.names.iter().flat_map(|n| specific_words(n)).collect();
            let hits = wanted.iter().filter(|w| have.contains(w)).count();
            (hits * 2 >= wanted.len().max(1) * 2 - 0 && hits == wanted.len())
                .then_some((i, hits + usize::from(owner.is_some() && e.owner == owner)))
        })
        .max_by_key(|(_, score)| *score)
        .map(|(i, _)| i)
}

/// The most recent participant before `k` whose entity passes `ok`. Actors named earlier in
/// the same sentence are skipped: "X applied to join the organization" is not X joining X.
fn recent(entities: &[Entity], out: &[Resolved], k: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
    let sentence = out[k].mention.sentence;
    let here: Vec<usize> = out[..k]
        .iter()
        .filter(|r| r.mention.sentence == sentence)
        .filter_map(|r| r.entity)
        .collect();
    out[..k]
        .iter()
        .rev()
        .filter(|r| r.mention.role == Role::Participant)
        .filter_map(|r| r.entity)
        .find(|&e| is_live(&entities[e]) && ok(&entities[e]) && !here.contains(&e))
}

/// "the country": the most recent state, or the state a recent mention belongs to.
fn recent_country(entities: &[Entity], out: &[Resolved], k: usize) -> Option<usize> {
    for r in out[..k].iter().rev() {
        let Some(e) = r.entity else { continue };
        if entities[e].is_state() && r.mention.role != Role::Location {
            return Some(e);
        }
        if let Some(c) = entities[e].country {
            if let Some(state) = entities.iter().position(|x| x.kind == EntityKind::State(c)) {
                return Some(state);
            }
        }
    }
    None
}

/// "we" in “We plan to ...,” NIS added: the actor next to the sentence's verb of saying.
fn speaker(v: &TokenView, entities: &[Entity], out: &[Resolved], k: usize) -> Option<usize> {
    let m = &out[k].mention;
    let range = v.sentence_range(m.tokens.start);
    let verb = range
        .clone()
        .find(|&i| v.is_any(i, &REPORTING_VERBS) && v.lower(i) != "according")?;
    out.iter()
        .filter(|r| r.mention.sentence == m.sentence && r.mention.role == Role::Participant)
        .filter(|r| {
            r.mention.tokens.end + 2 >= verb && r.mention.tokens.start <= verb + 3 && r.mention.tokens.start != m.tokens.start
        })
        .filter_map(|r| r.entity)
        .find(|&e| is_live(&entities[e]) && !entities[e].is_place())
}

/// "it"/"its": the subject of a reporting verb it follows ("the NIS said it had"), else the
/// nearest earlier non-person actor in the sentence, else the subject of the previous sentence.
fn it_antecedent(v: &TokenView, lex: &Lexicon, entities: &[Entity], out: &[Resolved], k: usize) -> Option<usize> {
    let m = &out[k].mention;
    // "it is clear that", "it is unknown whether": an expletive, not a reference.
    let i = m.tokens.start;
    if v.is(i, "it")
        && v.is_any(i + 1, &["is", "was", "seems", "appears", "remains"])
        && (i + 2..(i + 5).min(v.len())).any(|k| {
            v.is_any(
                k,
                &[
                    "that",
                    "whether",
                    "to",
                    "if",
                    "clear",
                    "unclear",
                    "likely",
                    "unlikely",
                    "possible",
                    "impossible",
                    "unknown",
                    "important",
                    "time",
                    "true",
                    "hard",
                    "difficult",
                    "easy",
                ],
            )
        })
    {
        return None;
    }
    let candidate = |r: &Resolved| {
        r.entity.filter(|&e| {
            is_live(&entities[e])
                && !entities[e].is_person(lex)
                && !entities[e].is_place()
                && entities[e].kind != EntityKind::Named(NameClass::Place)
                && r.mention.role == Role::Participant
        })
    };
    let same_sentence: Vec<&Resolved> = out[..k].iter().filter(|r| r.mention.sentence == m.sentence).collect();
    let after_saying = m.tokens.start >= 1
        && (v.is_any(m.tokens.start - 1, &REPORTING_VERBS)
            || (m.tokens.start >= 2 && v.is(m.tokens.start - 1, "that") && v.is_any(m.tokens.start - 2, &REPORTING_VERBS)));
    if after_saying {
        if let Some(e) = same_sentence.iter().find_map(|r| candidate(r)) {
            return Some(e);
        }
    }
    let sentence_initial = v.is_sentence_start(m.tokens.start);
    let possessive = v.is(m.tokens.start, "its");
    // An object "it" ("struck it down") is not its own clause's subject: take the sentence's
    // first actor when that is only a possessor ("X’s decision ... puts it"), else the nearest other.
    let prev = m.tokens.start.checked_sub(1);
    let object_position = !possessive
        && prev.is_some_and(|p| {
            v.is_word(p)
                && !v.is_capitalized(p)
                && !v.is_any(p, &["that", "and", "but", "as", "if", "because", "while", "when", "so"])
                && !v.is_any(p, &REPORTING_VERBS)
        });
    if object_position {
        let cands: Vec<(usize, &Resolved)> = same_sentence.iter().filter_map(|r| candidate(r).map(|e| (e, *r))).collect();
        if let Some((first, r)) = cands.first() {
            if v.is_any(r.mention.tokens.end, &["'s", "'"]) {
                return Some(*first);
            }
            if let Some((e, _)) = cands.iter().rev().find(|(e, _)| e != first) {
                return Some(*e);
            }
        }
    }
    if possessive {
        // "its" refers to the nearest actor in the same clause (no comma in between) ...
        let nearest = same_sentence.iter().rev().find(|r| candidate(r).is_some());
        if let Some(r) = nearest {
            let crosses_comma = (r.mention.tokens.end..m.tokens.start).any(|i| v.is_any(i, &[",", ";", "—", "–"]));
            if !crosses_comma {
                return candidate(r);
            }
        }
    }
    if !sentence_initial {
        // ... otherwise, and for "it", to the sentence's subject: its first actor.
        if let Some(e) = same_sentence.iter().find_map(|r| candidate(r)) {
            return Some(e);
        }
    }
    // The first actor of the nearest earlier sentence that has one: the likely subject.
    let mut s = m.sentence;
    while s > 0 {
        s -= 1;
        if let Some(e) = out.iter().filter(|r| r.mention.sentence == s).find_map(candidate) {
            return Some(e);
        }
        if m.sentence - s > 2 {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_names_normalise_as_other_names_do() {
        assert_eq!(normalize_name("The U.S.-led  Coalition\tForces"), "us led coalition forces");
        // The same name with a non-ASCII word takes the general path.
        assert_eq!(
            normalize_name("The U.S.-led  Coalition\tForces’ É"),
            "us led coalition forces' é"
        );
        assert_eq!(normalize_name(" -NATO- "), "nato");
        for name in [
            "Korea Institute of Liberal Democracy",
            "NATO",
            "a b",
            "",
            " x",
            "x ",
            "a  b",
            "U.S.",
            "Jae-in",
            "a\tb",
            "x",
        ] {
            assert_eq!(normalize_ascii_name(name), normalize_ascii_name_by_rules(name), "{name:?}");
        }
    }
}
