//! The reduce step: documents' analyses into one model. One actor per real-world actor across
//! documents, one event per reported fact (with all the sentences that report it), dates
//! resolved against reference dates inferred across documents, disagreeing claims grouped.

use super::DocAnalysis;
use super::dates::resolve_time;
use super::mentions::{NameClass, Role};
use super::resolve::{Entity, EntityKind, is_live};
use crate::corpus::Corpus;
use crate::lexicon::Lexicon;
use crate::lexicon::dictionary::DictKind;
use crate::model::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// What a document entity became in the model.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Mapped {
    Actor(ActorId),
    Place(PlaceId),
    Nothing,
}

fn slug(s: &str) -> String {
    slug_of(s.chars())
}

/// The slug of a run of characters: letters and digits lower-cased, each run of anything else
/// one '-' between them.
fn slug_of(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    for c in chars {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let end = out.trim_end_matches('-').len();
    out.truncate(end);
    out
}

/// The slug of a name with the British "Centre" and "Defence" (as written) spelled the American
/// way, in one pass without copies of the name. Apostrophes need no care: like any character
/// that is not a letter or digit, every kind becomes a '-'.
fn normalize(s: &str) -> String {
    const SPELLINGS: [(&str, &str); 2] = [("Centre", "Center"), ("Defence", "Defense")];
    let mut rest = s;
    let mut respelled = "".chars();
    slug_of(std::iter::from_fn(move || {
        if let Some(c) = respelled.next() {
            return Some(c);
        }
        let c = rest.chars().next()?;
        if let Some((british, american)) = SPELLINGS.iter().find(|(b, _)| rest.starts_with(b)) {
            rest = &rest[british.len()..];
            respelled = american.chars();
            return respelled.next();
        }
        rest = &rest[c.len_utf8()..];
        Some(c)
    }))
}

struct Builder<'a> {
    lex: &'a Lexicon,
    actors: Vec<Actor>,
    by_key: FxHashMap<String, ActorId>,
    /// Normalised names and acronyms → actor, for matching across documents.
    by_name: FxHashMap<String, ActorId>,
    places: Vec<Place>,
    place_by_key: FxHashMap<String, PlaceId>,
}

impl<'a> Builder<'a> {
    fn state(&mut self, country: u16) -> ActorId {
        let c = &self.lex.countries[country as usize];
        let key = c.iso3.clone();
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let seat = c.capital_lat_lon.map(|(lat, lon)| Seat {
            lat,
            lon,
            label: format!("{} (capital)", c.capital),
        });
        let codes = Codes {
            cameo: (!c.cameo.is_empty()).then(|| c.cameo.clone()),
            cameo_note: None,
            iso3: Some(c.iso3.clone()),
            iso2: Some(c.iso2.clone()),
            isonum: (!c.isonum.is_empty()).then(|| c.isonum.clone()),
            fips: (!c.fips.is_empty()).then(|| c.fips.clone()),
        };
        self.push(key, c.name.clone(), None, ActorKind::State, None, codes, None, seat)
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        key: String,
        name: String,
        short: Option<String>,
        kind: ActorKind,
        sector: Option<String>,
        codes: Codes,
        country: Option<ActorId>,
        seat: Option<Seat>,
    ) -> ActorId {
        let id = self.actors.len() as ActorId;
        self.by_name.insert(normalize(&name), id);
        if let Some(s) = &short {
            self.by_name.insert(normalize(s), id);
        }
        self.by_key.insert(key.clone(), id);
        self.actors.push(Actor {
            id,
            key,
            name,
            short,
            kind,
            sector,
            codes,
            country,
            parent: country,
            affiliation: None,
            aliases: Vec::new(),
            seat,
            mention_count: 0,
            document_count: 0,
        });
        id
    }

    fn place(
        &mut self,
        key: String,
        name: String,
        kind: PlaceKind,
        country: Option<ActorId>,
        coords: Option<(f64, f64)>,
        precision: Option<&'static str>,
    ) -> PlaceId {
        if let Some(&id) = self.place_by_key.get(&key) {
            return id;
        }
        let id = self.places.len() as PlaceId;
        self.place_by_key.insert(key.clone(), id);
        self.places.push(Place {
            id,
            key,
            name,
            kind,
            country,
            lat: coords.map(|c| c.0),
            lon: coords.map(|c| c.1),
            precision,
            mention_count: 0,
        });
        id
    }

    /// The model actor (or place) for one document entity.
    fn map_entity(&mut self, e: &Entity) -> Mapped {
        if !is_live(e) {
            return Mapped::Nothing;
        }
        let lex = self.lex;
        let country_actor = |b: &mut Builder, c: Option<u16>| c.map(|c| b.state(c));
        match &e.kind {
            EntityKind::State(c) => Mapped::Actor(self.state(*c)),
            EntityKind::Place { capital_of, country } => {
                let name = e.names[0].clone();
                let country_id = country_actor(self, *country);
                if let Some(c) = capital_of {
                    let ci = &lex.countries[*c as usize];
                    let capital = ci.capital.split(',').next().unwrap_or(&ci.capital).to_string();
                    Mapped::Place(self.place(
                        format!("capital:{}", ci.iso3),
                        capital,
                        PlaceKind::Capital,
                        country_id,
                        ci.capital_lat_lon,
                        Some("city"),
                    ))
                } else if let Some(c) = country {
                    let ci = &lex.countries[*c as usize];
                    let kind = if normalize(&name) == normalize(&ci.name) {
                        PlaceKind::Country
                    } else {
                        PlaceKind::Other
                    };
                    // A place known only by its country is drawn at country precision.
                    Mapped::Place(self.place(
                        format!("place:{}", slug(&name)),
                        name,
                        kind,
                        country_id,
                        ci.capital_lat_lon,
                        Some("country"),
                    ))
                } else {
                    Mapped::Place(self.place(format!("place:{}", slug(&name)), name, PlaceKind::Other, None, None, None))
                }
            }
            EntityKind::Named(NameClass::Place) => {
                let name = e.names[0].clone();
                let region = super::words::REGIONS.has(name.to_lowercase().as_str());
                let kind = if region { PlaceKind::Region } else { PlaceKind::Other };
                Mapped::Place(self.place(format!("place:{}", slug(&name)), name, kind, None, None, None))
            }
            EntityKind::Named(NameClass::Unknown) => Mapped::Nothing,
            EntityKind::Dict(d) => {
                let entry = &lex.dictionary[*d as usize];
                if let Some(&id) = self.by_name.get(&normalize(&entry.name)) {
                    return Mapped::Actor(id);
                }
                let kind = match entry.kind {
                    DictKind::Igo => ActorKind::Igo,
                    DictKind::Ngo => ActorKind::Organization,
                    DictKind::Company => ActorKind::Company,
                    DictKind::Media => ActorKind::Media,
                    DictKind::Group => ActorKind::Group,
                    DictKind::Person => ActorKind::Person,
                    DictKind::Body => ActorKind::Agency,
                };
                // Country-prefixed codes ("RUSGOV", "USAMIL") say whose the actor is.
                let country = entry.code.get(..3).and_then(|iso| lex.country_by_iso3(iso)).filter(|_| {
                    !entry.code.starts_with("IGO") && !entry.code.starts_with("MNC") && !entry.code.starts_with("NGO")
                });
                let country_id = country_actor(self, country.map(|c| c as u16));
                let sector = country
                    .and_then(|_| entry.code.get(3..))
                    .filter(|s| !s.is_empty())
                    .map(str::to_string);
                let mut codes = Codes {
                    cameo: Some(entry.code.clone()),
                    ..Codes::default()
                };
                if let (DictKind::Person, Some(until)) = (entry.kind, entry.until) {
                    codes.cameo_note = Some(format!(
                        "the dictionary's code for this person ended on {}-{:02}-{:02}",
                        until / 10_000,
                        until / 100 % 100,
                        until % 100
                    ));
                }
                let short = (entry.name.len() <= 6 && entry.name.chars().all(|c| c.is_uppercase())).then(|| entry.name.clone());
                let key = format!(
                    "{}:{}",
                    if kind == ActorKind::Person { "person" } else { "org" },
                    slug(&entry.name)
                );
                let seat = country_id.and_then(|c| self.actors[c as usize].seat.clone());
                Mapped::Actor(self.push(key, entry.name.clone(), short, kind, sector, codes, country_id, seat))
            }
            EntityKind::Sector { country, sector } => {
                let sector_code = lex.sectors[*sector as usize].clone();
                let c = &lex.countries[*country as usize];
                let key = format!("{}:{}", c.iso3, sector_code);
                if let Some(&id) = self.by_key.get(&key) {
                    return Mapped::Actor(id);
                }
                let state = self.state(*country);
                let kind = sector_kind(&sector_code, true);
                let codes = Codes {
                    cameo: Some(format!("{}{}", c.cameo, sector_code)),
                    ..Codes::default()
                };
                let seat = self.actors[state as usize].seat.clone();
                Mapped::Actor(self.push(
                    key,
                    e.names[0].clone(),
                    None,
                    kind,
                    Some(sector_code),
                    codes,
                    Some(state),
                    seat,
                ))
            }
            EntityKind::Named(class) => {
                for n in e.names.iter().chain(&e.acronym) {
                    if let Some(&id) = self.by_name.get(&normalize(n)) {
                        if self.actors[id as usize].kind != ActorKind::State {
                            return Mapped::Actor(id);
                        }
                    }
                }
                let country = e.country;
                let country_id = country_actor(self, country);
                let sector = e.sector.map(|s| lex.sectors[s as usize].clone());
                let kind = match class {
                    NameClass::Person => ActorKind::Person,
                    _ => match &sector {
                        Some(s) => sector_kind(s, country.is_some()),
                        None => ActorKind::Organization,
                    },
                };
                let cameo = match (country, &sector) {
                    (Some(c), Some(s)) => Some(format!("{}{}", lex.countries[c as usize].cameo, s)),
                    (Some(c), None) => Some(lex.countries[c as usize].cameo.clone()),
                    _ => None,
                };
                let codes = Codes {
                    cameo,
                    ..Codes::default()
                };
                let prefix = if kind == ActorKind::Person { "person" } else { "org" };
                let key = format!("{prefix}:{}", slug(e.acronym.as_deref().unwrap_or(&e.names[0])));
                let seat = country_id.and_then(|c| self.actors[c as usize].seat.clone());
                let id = self.push(
                    key,
                    e.names[0].clone(),
                    e.acronym.clone(),
                    kind,
                    sector,
                    codes,
                    country_id,
                    seat,
                );
                for n in &e.names {
                    self.by_name.entry(normalize(n)).or_insert(id);
                }
                Mapped::Actor(id)
            }
        }
    }
}

/// The kind of actor a CAMEO sector makes a body or group.
fn sector_kind(sector: &str, has_country: bool) -> ActorKind {
    let s = sector.trim_start_matches("GOV");
    if sector.ends_with("MED") {
        ActorKind::Media
    } else if sector.starts_with("BUS") {
        ActorKind::Group
    } else if ["GOV", "MIL", "SPY", "JUD", "LEG", "COP", "SPYGOV", "MILSPY"].contains(&sector)
        || (sector.starts_with("GOV") && s.len() <= 3)
    {
        if has_country {
            ActorKind::Agency
        } else {
            ActorKind::Organization
        }
    } else if ["EDU", "HLH", "NGO", "PTY"].contains(&sector) {
        ActorKind::Organization
    } else {
        ActorKind::Group
    }
}

/// Quad class and its derivation, from the CAMEO code or, without one, the PLOVER type.
fn quad_of(cameo: Option<&str>, plover: Option<&str>) -> (crate::lexicon::codes::Quad, String) {
    use crate::lexicon::codes::Quad;
    if let Some(root) = cameo
        .and_then(|c| c.get(..2))
        .and_then(|r| r.parse::<u8>().ok())
        .and_then(Quad::of_root)
    {
        return (root, format!("CAMEO root {}", &cameo.unwrap_or("")[..2]));
    }
    // PLOVER's own grouping, with SANCTION as material conflict (its summary table).
    let quad = match plover.unwrap_or("") {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => Quad::VerbalCooperation,
        "COOPERATE" | "AID" | "RETREAT" => Quad::MaterialCooperation,
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => Quad::VerbalConflict,
        _ => Quad::MaterialConflict,
    };
    (quad, format!("PLOVER {}", plover.unwrap_or("type")))
}

fn event_code(lex: &Lexicon, c: &super::events::Coding) -> EventCode {
    let entry = c.cameo.as_deref().and_then(|code| lex.codes.get(code));
    let nearest = c.nearest.as_deref().and_then(|code| lex.codes.get(code));
    let plover = c
        .plover
        .clone()
        .or_else(|| entry.map(|e| e.plover.clone()).filter(|p| !p.is_empty()));
    let (quad, quad_source) = quad_of(c.cameo.as_deref(), plover.as_deref());
    let cameo_note = match (&c.cameo, &c.nearest) {
        (None, Some(n)) => Some(c.note.clone().unwrap_or_else(|| format!("no CAMEO equivalent; nearest {n}"))),
        _ => c.note.clone(),
    };
    EventCode {
        cameo: c.cameo.clone(),
        cameo_name: entry.map(|e| e.name.clone()),
        goldstein: entry.map(|e| e.goldstein).or_else(|| nearest.map(|e| e.goldstein)),
        quad,
        quad_source,
        cameo_note,
        plover,
        plover_mode: c
            .mode
            .clone()
            .or_else(|| entry.map(|e| e.plover_mode.clone()).filter(|p| !p.is_empty())),
        plover_context: c
            .context
            .clone()
            .or_else(|| entry.map(|e| e.plover_context.clone()).filter(|p| !p.is_empty()))
            .into_iter()
            .collect(),
    }
}

/// Words of a sentence, for telling repeated quotes apart from different statements.
fn word_set(text: &str) -> Vec<String> {
    // Most words are lower-case ASCII already: they are borrowed, not copied, and only the
    // distinct words end up as strings.
    let mut w: Vec<Cow<str>> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            }
        })
        .collect();
    w.sort_unstable();
    w.dedup();
    w.into_iter().map(Cow::into_owned).collect()
}

fn jaccard(a: &[String], b: &[String]) -> f64 {
    let inter = a.iter().filter(|x| b.contains(x)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f64 / union as f64 }
}

/// An event mention on its way into the model.
pub(super) struct Pending {
    pub doc: usize,
    pub k: usize,
    /// The actor, or its state when it is a state's body: for telling "South Korea joined" and
    /// "its intelligence service joined" apart from unrelated events.
    top: ActorId,
    actor: ActorId,
    recipient: Option<ActorId>,
    source: Option<ActorId>,
    place: Option<PlaceId>,
}

pub fn build_model(corpus: &Corpus, analyses: &[DocAnalysis], lex: &Lexicon) -> Model {
    let mut b = Builder {
        lex,
        actors: Vec::new(),
        by_key: FxHashMap::default(),
        by_name: FxHashMap::default(),
        places: Vec::new(),
        place_by_key: FxHashMap::default(),
    };
    // Named entities with acronyms first, so every document's bare "NIS" finds its expansion.
    let mut mapped: Vec<Vec<Mapped>> = analyses.iter().map(|a| vec![Mapped::Nothing; a.entities.len()]).collect();
    for pass in 0..2 {
        for (d, a) in analyses.iter().enumerate() {
            for (i, e) in a.entities.iter().enumerate() {
                let first_pass = e.acronym.is_some() && e.names.len() > 1;
                if (pass == 0) == first_pass {
                    mapped[d][i] = b.map_entity(e);
                }
            }
        }
    }
    // Owners and roles need every actor in place.
    for (d, a) in analyses.iter().enumerate() {
        for (i, e) in a.entities.iter().enumerate() {
            let Mapped::Actor(id) = mapped[d][i] else { continue };
            if let Some(Mapped::Actor(owner)) = e.owner.map(|o| mapped[d][o]) {
                if owner != id
                    && b.actors[id as usize]
                        .parent
                        .is_none_or(|p| b.actors[p as usize].kind == ActorKind::State)
                {
                    b.actors[id as usize].parent = Some(owner);
                    if b.actors[id as usize].codes.cameo.is_none() {
                        let owner_code = b.actors[owner as usize].codes.cameo.clone();
                        let owner_name = b.actors[owner as usize].name.clone();
                        let a = &mut b.actors[id as usize];
                        a.codes.cameo = owner_code;
                        a.codes.cameo_note = Some(format!("no code of its own; nearest: {owner_name}'s"));
                        if b.actors[owner as usize].kind == ActorKind::Igo {
                            b.actors[id as usize].kind = ActorKind::Igo;
                        }
                    }
                }
            }
            if let Some((role, org, former)) = &e.role {
                if let Some(Mapped::Actor(org)) = org.map(|o| mapped[d][o]) {
                    b.actors[id as usize].affiliation = Some(Affiliation {
                        actor: org,
                        role: role.clone(),
                        former: *former,
                    });
                    // "former editor": the organisation's code no longer applies.
                    if !former {
                        let code = b.actors[org as usize].codes.cameo.clone();
                        b.actors[id as usize].codes.cameo = b.actors[id as usize].codes.cameo.clone().or(code);
                    } else if b.actors[id as usize].codes.cameo.is_none() {
                        let country = b.actors[id as usize]
                            .country
                            .and_then(|c| b.actors[c as usize].codes.cameo.clone());
                        let org_name = b.actors[org as usize].name.clone();
                        let a = &mut b.actors[id as usize];
                        a.codes.cameo = country;
                        a.codes.cameo_note = Some(format!(
                            "a former {role} of {org_name}: that affiliation's code no longer applies"
                        ));
                    }
                }
            }
        }
        for (o, p) in &a.located {
            if let (Mapped::Actor(o), Mapped::Place(p)) = (mapped[d][*o], mapped[d][*p]) {
                let place = &b.places[p as usize];
                if let (Some(lat), Some(lon), Some("city")) = (place.lat, place.lon, place.precision) {
                    let label = format!("{} (located in the text)", place.name);
                    b.actors[o as usize].seat = Some(Seat { lat, lon, label });
                }
            }
        }
    }
    // An organisation without a seat of its own sits with its parent (a NATO body in Brussels
    // unless the text says otherwise).
    for i in 0..b.actors.len() {
        if b.actors[i].seat.is_none() {
            if let Some(p) = b.actors[i].parent {
                b.actors[i].seat = b.actors[p as usize].seat.clone();
            }
        }
    }

    // Sentences and mentions.
    let mut model = Model {
        schema: SCHEMA,
        extractor: extractor_id(),
        ..Model::default()
    };
    let mut sentence_base = Vec::new();
    for (d, (doc, a)) in corpus.documents.iter().zip(analyses).enumerate() {
        sentence_base.push(model.sentences.len() as u32);
        for (span, block) in &a.sentences {
            model.sentences.push(SentenceRef {
                doc: d as u32,
                span: *span,
                block: *block,
            });
        }
        let mut seen_actors = Vec::new();
        for m in &a.mentions {
            let Some(e) = m.entity else { continue };
            let target = match mapped[d][e] {
                Mapped::Actor(id) => {
                    b.actors[id as usize].mention_count += 1;
                    let text = &doc.text[m.span.range()];
                    if m.form != MentionForm::Pronoun
                        && m.form != MentionForm::Anaphor
                        && !b.actors[id as usize].aliases.iter().any(|x| x == text)
                    {
                        b.actors[id as usize].aliases.push(text.to_string());
                    }
                    if !seen_actors.contains(&id) {
                        seen_actors.push(id);
                        b.actors[id as usize].document_count += 1;
                    }
                    Target::Actor(id)
                }
                Mapped::Place(id) => {
                    b.places[id as usize].mention_count += 1;
                    Target::Place(id)
                }
                Mapped::Nothing => continue,
            };
            let _ = m.role == Role::Location;
            model.mentions.push(Mention {
                doc: d as u32,
                sentence: sentence_base[d] + m.sentence,
                span: m.span,
                target,
                form: m.form,
            });
        }
    }

    // Events: map arguments, then group mentions of the same fact.
    let mut pending: Vec<Pending> = Vec::new();
    for (d, a) in analyses.iter().enumerate() {
        for (k, e) in a.events.iter().enumerate() {
            let actor = match mapped[d][e.actor] {
                Mapped::Actor(id) => id,
                _ => continue,
            };
            let recipient = match e.recipient.map(|r| mapped[d][r]) {
                Some(Mapped::Actor(id)) => Some(id),
                Some(_) => continue,
                None => None,
            };
            if recipient == Some(actor) {
                continue;
            }
            let source = e.source.and_then(|s| match mapped[d][s] {
                Mapped::Actor(id) => Some(id),
                _ => None,
            });
            let place = e.place.and_then(|p| match mapped[d][p] {
                Mapped::Place(id) => Some(id),
                _ => None,
            });
            let top = b.actors[actor as usize].country.unwrap_or(actor);
            pending.push(Pending {
                doc: d,
                k,
                top,
                actor,
                recipient,
                source,
                place,
            });
        }
    }
    let references = super::merge_dates::reference_dates(corpus, analyses, &pending_view(&pending, analyses));
    let groups = group_events(&b, &pending, analyses, corpus, &references);
    for group in groups {
        let first = &pending[group[0]];
        let e0 = &analyses[first.doc].events[first.k];
        // The most specific actor of the group: a body rather than its state.
        let actor = group
            .iter()
            .map(|&p| pending[p].actor)
            .max_by_key(|&a| u8::from(b.actors[a as usize].kind != ActorKind::State))
            .unwrap_or(first.actor);
        let recipient = group.iter().find_map(|&p| pending[p].recipient);
        let mut mentions = Vec::new();
        let mut docs: Vec<usize> = Vec::new();
        for &p in &group {
            let pm = &pending[p];
            let e = &analyses[pm.doc].events[pm.k];
            if !docs.contains(&pm.doc) {
                docs.push(pm.doc);
            }
            mentions.push(EventMention {
                doc: pm.doc as u32,
                sentence: sentence_base[pm.doc] + e.sentence,
                actor_span: e.actor_span,
                trigger_span: e.trigger_span,
                recipient_span: e.recipient_span,
                modality: e.modality,
                polarity: e.polarity,
            });
        }
        let date = super::merge_dates::event_date(
            corpus,
            analyses,
            &references,
            &group.iter().map(|&p| (pending[p].doc, pending[p].k)).collect::<Vec<_>>(),
        );
        // The surest reading wins: asserted by one source beats hedged by another.
        let modality = group
            .iter()
            .map(|&p| analyses[pending[p].doc].events[pending[p].k].modality)
            .min_by_key(|m| modality_rank(*m))
            .unwrap_or(Modality::Asserted);
        let id = model.events.len() as EventId;
        model.events.push(Event {
            id,
            actor,
            recipient,
            code: event_code(lex, &e0.coding),
            trigger: e0.lemma.clone(),
            polarity: e0.polarity,
            modality,
            source: group.iter().find_map(|&p| pending[p].source),
            date,
            place: group.iter().find_map(|&p| pending[p].place),
            mentions,
            document_count: docs.len() as u32,
        });
    }
    model.documents = corpus
        .documents
        .iter()
        .zip(&references)
        .map(|(doc, r)| DocumentInfo {
            id: doc.id.clone(),
            name: doc.name.clone(),
            title: doc.meta.title.clone(),
            reference_date: r.clone(),
        })
        .collect();
    model.actors = b.actors;
    model.places = b.places;
    model.claims = super::merge_dates::claim_groups(corpus, analyses, &model, &sentence_base, &references);
    model
}

fn modality_rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Opinion => 2,
        Modality::Alleged => 3,
        Modality::Predicted => 4,
        Modality::Hypothetical => 5,
    }
}

pub(super) struct PendingView {
    pub doc: usize,
    pub k: usize,
    pub group_key: String,
}

fn pending_view(pending: &[Pending], analyses: &[DocAnalysis]) -> Vec<PendingView> {
    pending
        .iter()
        .map(|p| {
            let e = &analyses[p.doc].events[p.k];
            PendingView {
                doc: p.doc,
                k: p.k,
                group_key: format!("{}>{:?}>{}", p.top, p.recipient, type_key(e)),
            }
        })
        .collect()
}

/// What makes two reports the same kind of act: the PLOVER type (or CAMEO code) and its mode
/// ("membership": joined, admitted, accession) or, without a mode, the verb itself.
fn type_key(e: &super::DocEventOut) -> String {
    let kind = e
        .coding
        .plover
        .clone()
        .unwrap_or_else(|| e.coding.cameo.clone().unwrap_or_default());
    // Statements are told apart by what they say (see `group_events`), not by the verb of saying.
    if e.coding.cameo.as_deref() == Some("010") && e.coding.plover.is_none() {
        return kind;
    }
    let lemma = e
        .coding
        .note
        .as_deref()
        .and_then(|n| n.strip_prefix("intent to "))
        .unwrap_or(&e.lemma);
    format!("{kind}/{}", e.coding.mode.clone().unwrap_or_else(|| lemma.to_string()))
}

/// Groups mentions that report the same fact: same type, same recipient, the same actor or
/// one part of the other (South Korea / its intelligence service), compatible dates and
/// modality; statements only when they repeat the same words.
fn group_events(
    b: &Builder,
    pending: &[Pending],
    analyses: &[DocAnalysis],
    corpus: &Corpus,
    references: &[Option<ReferenceDate>],
) -> Vec<Vec<usize>> {
    let related =
        |x: ActorId, y: ActorId| x == y || b.actors[x as usize].country == Some(y) || b.actors[y as usize].country == Some(x);
    let event = |p: &Pending| &analyses[p.doc].events[p.k];
    let years: Vec<Option<i32>> = pending
        .iter()
        .map(|p| {
            event(p)
                .time
                .and_then(|t| resolve_time(analyses[p.doc].times[t].kind, references[p.doc].as_ref().map(|r| r.date)))
                .map(|r| r.value.date.year)
        })
        .collect();
    let keys: Vec<String> = pending.iter().map(|p| type_key(event(p))).collect();
    let statement = |p: &Pending| event(p).coding.cameo.as_deref() == Some("010") && event(p).coding.plover.is_none();
    // What a statement is about: the other acts reported in its sentence.
    let mut acts: FxHashMap<(usize, u32), Vec<String>> = FxHashMap::default();
    for (i, p) in pending.iter().enumerate() {
        if !statement(p) {
            acts.entry((p.doc, event(p).sentence))
                .or_default()
                .push(format!("{}>{:?}>{}", p.top, p.recipient, keys[i]));
        }
    }
    for sig in acts.values_mut() {
        sig.sort();
    }
    let words: Vec<Option<Vec<String>>> = pending
        .iter()
        .map(|p| {
            statement(p)
                .then(|| word_set(&corpus.documents[p.doc].text[analyses[p.doc].sentences[event(p).sentence as usize].0.range()]))
        })
        .collect();
    // Candidates share a bucket: the same state behind the actor, recipient and kind of act.
    let mut buckets: FxHashMap<(ActorId, Option<ActorId>, &str, bool, bool), Vec<usize>> = FxHashMap::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, p) in pending.iter().enumerate() {
        let e = event(p);
        let factual = matches!(
            e.modality,
            Modality::Asserted | Modality::Reported | Modality::Opinion | Modality::Alleged
        );
        let bucket = buckets
            .entry((
                p.top,
                p.recipient,
                keys[i].as_str(),
                e.polarity == Polarity::Positive,
                factual,
            ))
            .or_default();
        let found = bucket.iter().copied().find(|&g| {
            let qi = groups[g][0];
            let q = &pending[qi];
            let f = event(q);
            let same_root = e.coding.cameo.as_deref().map(|c| &c[..2.min(c.len())])
                == f.coding.cameo.as_deref().map(|c| &c[..2.min(c.len())]);
            let same_year = match (years[i], years[qi]) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let statement_same = if statement(p) {
                let sig = |x: &Pending| acts.get(&(x.doc, event(x).sentence)).cloned().unwrap_or_default();
                let (g1, g2) = (sig(p), sig(q));
                let jac = match (&words[i], &words[qi]) {
                    (Some(a), Some(b)) => jaccard(a, b),
                    _ => 0.0,
                };
                (!g1.is_empty() && g1 == g2)
                    || (p.doc == q.doc && e.sentence == f.sentence)
                    || jac > 0.5
                    || (e
                        .object_words
                        .iter()
                        .take(4)
                        .any(|w| f.object_words.iter().take(4).any(|x| x == w && w.len() > 4))
                        && e.lemma != "said"
                        && f.lemma != "said")
            } else {
                true
            };
            // Two different verbs in one sentence are two acts ("restricting exports ... and struck it down").
            let distinct_acts = p.doc == q.doc && e.sentence == f.sentence && e.lemma != f.lemma;
            same_root && related(p.actor, q.actor) && same_year && statement_same && !distinct_acts
        });
        match found {
            Some(g) => groups[g].push(i),
            None => {
                bucket.push(groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
}

/// The extractor's identity: crate version and a hash of the embedded data, so a shared link
/// can tell whether it was made by the same extraction.
pub fn extractor_id() -> String {
    let data = [
        include_str!("../../../data/lexicon/actors.tsv"),
        include_str!("../../../data/lexicon/agents.tsv"),
        include_str!("../../../data/lexicon/agents_extra.tsv"),
        include_str!("../../../data/lexicon/verbs.txt"),
        include_str!("../../../data/lexicon/event_triggers.tsv"),
        include_str!("../../../data/countries/countries.tsv"),
        include_str!("../../../data/cameo/event_codes.tsv"),
        include_str!("../../../data/gazetteer/places/names.txt"),
    ];
    let hash = data.iter().flat_map(|d| d.bytes()).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("entente-core {} data {:08x}", env!("CARGO_PKG_VERSION"), hash >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain definition of a slug, which the one-pass `slug` and `normalize` must match.
    fn plain_slug(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        out.trim_end_matches('-').to_string()
    }

    #[test]
    fn word_sets_are_the_plain_ones() {
        let plain = |text: &str| {
            let mut w: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.len() > 2)
                .map(str::to_lowercase)
                .collect();
            w.sort();
            w.dedup();
            w
        };
        let text = "The US and the EU said THE talks, in Seoul (2023), were “good”; the US-led bloc of ΟΔΟΣ Σοφία";
        assert_eq!(word_set(text), plain(text));
        assert!(word_set(text).contains(&"seoul".to_string()));
    }

    #[test]
    fn one_pass_slugs_match_the_plain_definitions() {
        for s in [
            "NATO Cooperative Cyber Defence Centre of Excellence",
            "Korea’s Centre",
            "centre Defence-Centre’s",
            "İstanbul ÉCOLE ΣΑΣ",
            "--a--",
            "",
            "CentreDefence",
            "Centr Defenc",
            "DEFENCE",
        ] {
            assert_eq!(slug(s), plain_slug(s), "{s}");
            let respelled = s.replace('’', "'").replace("Centre", "Center").replace("Defence", "Defense");
            assert_eq!(normalize(s), plain_slug(&respelled), "{s}");
        }
    }
}
