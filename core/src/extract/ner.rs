//! Named entities in the usual NER sense (person, organisation, location), read off the
//! extractor's mentions, for comparison with NER gold standards and with statistical taggers.

use super::events::BE_FORMS;
use super::mentions::{NameClass, Referent, Role, sentence_mentions};
use super::resolve::{EntityKind, resolve};
use super::view::TokenView;
use super::words::{Flag, PERSON_TITLES, REPORTING_VERBS, WordSet};
use crate::document::{BlockKind, Document, Span};
use crate::lexicon::countries::CountryForm;
use crate::lexicon::dictionary::DictKind;
use crate::lexicon::lexicon;
use crate::text::{split_sentences, tokenize};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EntityClass {
    Person,
    Organization,
    Location,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NamedEntity {
    pub span: Span,
    pub class: EntityClass,
}

/// Person, organisation and location names in a document, in text order.
pub fn named_entities(doc: &Document) -> Vec<NamedEntity> {
    let lex = lexicon();
    let tokens = tokenize(&doc.text);
    let sentences = split_sentences(&doc.text, &tokens, &doc.blocks);
    let v = TokenView::new(&doc.text, tokens, sentences, doc.blocks.iter().map(|b| b.kind).collect(), lex);
    let mut found = Vec::new();
    for s in 0..v.sentences.len() {
        // A caption's credit ("Image: Nick Moreau") is no actor of the story, but it is a name.
        let kind = match doc.blocks[v.sentences[s].block].kind {
            BlockKind::Caption => BlockKind::Paragraph,
            kind => kind,
        };
        found.extend(sentence_mentions(&v, lex, s, kind));
    }
    // Resolution tells what a bare name is from the rest of the document ("Key" after "John Key").
    let res = resolve(&v, lex, found);
    let stance = |k: usize| k >= 2 && v.glued_hyphen[k - 1] && v.is_any(k - 2, &["pro", "anti"]);
    // A verb right after a name, other than a form of "be" ("Afghanistan is not one of the
    // nations"): the name is the subject of an act.
    let acts = |k: usize| (v.is_verb_form(k) || v.is_trigger_form(k) || v.is_any(k, &REPORTING_VERBS)) && !v.is_any(k, &BE_FORMS);
    let org_names = organisation_names(&res.mentions, &res.entities);
    let teams = teams(&v, &res.mentions);
    let mut out: Vec<(std::ops::Range<usize>, EntityClass)> = Vec::new();
    // Tokens the lexicon read as a country or capital, for `family_names_alone`.
    let mut from_country = vec![false; v.len()];
    {
        for r in &res.mentions {
            let m = &r.mention;
            if matches!(m.referent, Referent::Country { .. }) {
                from_country[m.tokens.clone()].fill(true);
            }
            let resolved_class = r.entity.map(|e| &res.entities[e].kind);
            let class = match &m.referent {
                Referent::Country {
                    form: CountryForm::Demonym,
                    ..
                } => None,
                // "pro-Beijing", "anti-US": an adjective of stance, like a demonym.
                Referent::Country { .. } if stance(m.tokens.start) => None,
                Referent::Country { country, .. } if teams.countries.contains(country) => Some(EntityClass::Organization),
                Referent::Name { name, .. } if teams.places.contains(&name.as_str()) => Some(EntityClass::Organization),
                // A country that acts is an organisation in both gold standards ("Sweden beat
                // Panama", "North Korea said"); where things happen, a location.
                Referent::Country { .. } if m.role == Role::Participant && acts(m.tokens.end) => Some(EntityClass::Organization),
                Referent::Country { .. } => Some(EntityClass::Location),
                Referent::Dict(d) => Some(if lex.dictionary[*d as usize].kind == DictKind::Person {
                    EntityClass::Person
                } else {
                    EntityClass::Organization
                }),
                // A capitalised sector phrase is a name ("South Korean Army"); a lower-case one a
                // description. A capitalised office names its holder ("the Foreign Secretary
                // said"), as in both gold sets; one word capitalised only because it opens the
                // sentence is a common noun ("Police").
                Referent::Sector { .. } => {
                    let words: Vec<usize> = m.tokens.clone().filter(|&i| v.is_word(i)).collect();
                    let capitalised = words.iter().all(|&i| v.raw(i).chars().next().is_some_and(char::is_uppercase));
                    let office = words.last().is_some_and(|&i| v.is_any(i, &PERSON_TITLES));
                    let sentence_case = words.len() == 1 && v.is_sentence_start(words[0]);
                    match (capitalised && !sentence_case, office) {
                        (true, false) => Some(EntityClass::Organization),
                        (true, true) => Some(EntityClass::Person),
                        _ => None,
                    }
                }
                Referent::Name { class, name } => match (class, resolved_class) {
                    (_, Some(EntityKind::Named(NameClass::Person))) | (NameClass::Person, _) => Some(EntityClass::Person),
                    (_, Some(EntityKind::Named(NameClass::Org))) | (NameClass::Org, _) => Some(EntityClass::Organization),
                    // Read as a place only from its preposition ("within X"), not from the gazetteer.
                    (NameClass::Place, _) if org_names.contains(name.as_str()) && !lex.is_place_name(&name.to_lowercase()) => {
                        Some(EntityClass::Organization)
                    }
                    (NameClass::Place, _) if m.role != Role::Qualifier => Some(EntityClass::Location),
                    (NameClass::Place, _) => None,
                    (NameClass::Unknown, _) if m.role == Role::Location => Some(EntityClass::Location),
                    // A capitalised word that nothing classifies is not guessed at.
                    (NameClass::Unknown, _) if m.role == Role::Qualifier || m.tokens.len() == 1 => None,
                    (NameClass::Unknown, _) => Some(EntityClass::Organization),
                },
                Referent::Pronoun(_) | Referent::Anaphor { .. } | Referent::Description { .. } => None,
            };
            if let Some(class) = class {
                let tokens = match (&m.referent, class) {
                    (Referent::Name { .. }, EntityClass::Organization) => without_member_noun(&v, m.tokens.clone()),
                    _ => m.tokens.clone(),
                };
                out.push((tokens, class));
            }
            // The ruler inside "the Velmar regime" is a person of their own.
            if matches!(m.referent, Referent::Name { .. }) && names_a_ruler(&v, m.tokens.clone()) {
                out.push((m.tokens.start..m.tokens.start + 1, EntityClass::Person));
            }
        }
    }
    without_products(&v, &mut out);
    family_names_alone(&v, &from_country, &mut out);
    shorter_person_names(&v, &mut out);
    let mut out = with_titles(&v, &res.mentions, out);
    out.sort_by_key(|(t, _)| t.start);
    out.into_iter()
        .map(|(tokens, class)| NamedEntity {
            span: v.span(tokens),
            class,
        })
        .collect()
}

/// People who belong to a body, as the noun after its name ("Acme officials").
pub(crate) static MEMBER_NOUNS: WordSet = Flag::MemberNouns.list(&[
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "attorney",
    "attorneys",
    "lawyer",
    "lawyers",
    "commander",
    "commanders",
    "officer",
    "officers",
    "employees",
    "members",
    "leader",
    "leaders",
    "agents",
    "terrorists",
    "fighters",
    "militants",
]);

/// "Acme officials", "Acme's spokesman": the people are not the organisation, whose name is
/// the capitalised part alone.
fn without_member_noun(v: &TokenView, tokens: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let last = tokens.end - 1;
    if tokens.len() < 2 || !v.is_any(last, &MEMBER_NOUNS) || v.is_capitalized(last) {
        return tokens;
    }
    let mut end = last;
    while end > tokens.start + 1 && (!v.is_word(end - 1) || !v.is_capitalized(end - 1)) {
        end -= 1;
    }
    tokens.start..end
}

/// True when a match score ("1 – 0", "2-1") starts at `k`.
fn score_at(v: &TokenView, k: usize) -> bool {
    let number = |i: usize| i < v.len() && v.kind(i) == crate::text::TokenKind::Number;
    number(k) && v.is_any(k + 1, &["–", "-", "—"]) && number(k + 2)
}

/// Countries and places that play: one named right before or after a match score ("Sweden
/// 1 – 0 Korea Republic", "lost 1 – 2 to England"). In a match report a country's or region's
/// name is its team's name, so it is a team, an organisation, throughout the document.
struct Teams<'a> {
    countries: Vec<u16>,
    places: Vec<&'a str>,
}

fn teams<'a>(v: &TokenView, mentions: &'a [super::resolve::Resolved]) -> Teams<'a> {
    let mut teams = Teams {
        countries: Vec::new(),
        places: Vec::new(),
    };
    for m in mentions.iter().map(|r| &r.mention) {
        let start = m.tokens.start;
        // "Sweden 1 – 0", "1 – 0 Korea Republic", "lost 1 – 2 to England".
        let scored = score_at(v, m.tokens.end)
            || (start >= 3 && score_at(v, start - 3))
            || (start >= 4 && v.is(start - 1, "to") && score_at(v, start - 4));
        if !scored {
            continue;
        }
        match &m.referent {
            Referent::Country { country, form } if *form != CountryForm::Demonym => teams.countries.push(*country),
            Referent::Name {
                class: NameClass::Place,
                name,
            } => teams.places.push(name.as_str()),
            _ => {}
        }
    }
    teams
}

/// "the Velmar regime", "the Smith administration": a regime or an administration is named
/// after the person who leads it (a country's would be an adjective: "the Syrian regime").
fn names_a_ruler(v: &TokenView, tokens: std::ops::Range<usize>) -> bool {
    let (start, last) = (tokens.start, tokens.end - 1);
    tokens.len() == 2
        && start > 0
        && v.is(start - 1, "the")
        && v.is_capitalized(start)
        && !v.is_all_caps(start)
        && v.is_any(last, &["regime", "administration"])
}

/// Names the document reads as an organisation somewhere. A name keeps one sense through a
/// text ("one sense per discourse"): "Acme officials" makes "within Acme" the organisation
/// too, not a place.
fn organisation_names<'a>(
    mentions: &'a [super::resolve::Resolved],
    entities: &[super::resolve::Entity],
) -> std::collections::HashSet<&'a str> {
    mentions
        .iter()
        .filter_map(|r| match &r.mention.referent {
            Referent::Name { class, name } => {
                let org = *class == NameClass::Org
                    || r.entity
                        .is_some_and(|e| entities[e].kind == EntityKind::Named(NameClass::Org));
                org.then_some(name.as_str())
            }
            _ => None,
        })
        .collect()
}

/// Both gold standards (re3d, GUM) take a person's title into the name: "Lt. Gen. Stephen J.
/// Townsend", "Afghan Ambassador Hamdullah Mohib". A person's span grows leftwards over title
/// words and the country or office phrases in front of them; what it swallows is no longer an
/// entity of its own.
fn with_titles(
    v: &TokenView,
    mentions: &[super::resolve::Resolved],
    classed: Vec<(std::ops::Range<usize>, EntityClass)>,
) -> Vec<(std::ops::Range<usize>, EntityClass)> {
    // Country and office phrases by their last token, to step over them as a whole.
    let mut phrases: std::collections::HashMap<usize, &super::mentions::Mention> = std::collections::HashMap::new();
    for m in mentions.iter().map(|r| &r.mention) {
        if matches!(m.referent, Referent::Sector { .. } | Referent::Country { .. }) {
            phrases.entry(m.tokens.end - 1).or_insert(m);
        }
    }
    let phrase_ending_at = |k: usize| phrases.get(&k).copied();
    let mut swallowed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut out: Vec<(std::ops::Range<usize>, EntityClass)> = Vec::new();
    for (tokens, class) in classed {
        if class != EntityClass::Person {
            out.push((tokens, class));
            continue;
        }
        let floor = v.sentence_range(tokens.start).start;
        let mut start = tokens.start;
        let mut with_title = start;
        while start > floor {
            let k = start - 1;
            if let Some(m) = phrase_ending_at(k) {
                start = m.tokens.start;
                if m.tokens.clone().any(|i| v.is_any(i, &PERSON_TITLES)) {
                    with_title = start;
                }
            } else if v.is_any(k, &PERSON_TITLES) && v.is_capitalized(k) {
                start = k;
                with_title = start;
            } else {
                break;
            }
        }
        if with_title < tokens.start {
            swallowed.push(with_title..tokens.start);
        }
        out.push((with_title..tokens.end, class));
    }
    out.retain(|(t, c)| *c == EntityClass::Person || !swallowed.iter().any(|s| s.start <= t.start && t.end <= s.end));
    out
}

/// A person's family name alone names the person ("Valeska Paris ... Paris claims", "Daniel
/// Montalvo ... Montalvo is holding"), also where it spells a capital or opens a sentence,
/// which the mention pass leaves alone.
fn family_names_alone(v: &TokenView, from_country: &[bool], out: &mut Vec<(std::ops::Range<usize>, EntityClass)>) {
    let family: std::collections::HashSet<&str> = out
        .iter()
        .filter(|(t, c)| *c == EntityClass::Person && t.len() >= 2)
        .map(|(t, _)| v.raw(t.end - 1))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if family.is_empty() {
        return;
    }
    let mut covered = vec![false; v.len()];
    for (t, c) in out.iter_mut() {
        if t.len() == 1 && *c != EntityClass::Person && from_country[t.start] && family.contains(v.raw(t.start)) {
            *c = EntityClass::Person;
        }
        covered[t.clone()].fill(true);
    }
    for (k, _) in covered.iter().enumerate().filter(|(_, c)| !**c) {
        if v.is_sentence_start(k) && family.contains(v.raw(k)) {
            out.push((k..k + 1, EntityClass::Person));
        }
    }
}

/// "Kestrel Vantor 3", "Galaxy Note 9": a name followed by a version number is a product,
/// no person, wherever else the document names it.
fn without_products(v: &TokenView, out: &mut Vec<(std::ops::Range<usize>, EntityClass)>) {
    let versioned = |t: &std::ops::Range<usize>| t.end < v.len() && v.kind(t.end) == crate::text::TokenKind::Number;
    let products: std::collections::HashSet<&str> = out
        .iter()
        .filter(|(t, c)| *c == EntityClass::Person && versioned(t))
        .map(|(t, _)| v.slice(t.clone()))
        .collect();
    out.retain(|(t, c)| *c != EntityClass::Person || !products.contains(v.slice(t.clone())));
}

/// The last two or more words of a person's name name that person ("the Jane Roe show" after
/// "Olympian Jane Roe" was read as one name): one name, one sense per document.
fn shorter_person_names(v: &TokenView, out: &mut [(std::ops::Range<usize>, EntityClass)]) {
    let words = |t: &std::ops::Range<usize>| t.clone().filter(|&k| v.is_word(k)).map(|k| v.raw(k)).collect::<Vec<_>>();
    let persons: Vec<Vec<&str>> = out
        .iter()
        .filter(|(t, c)| *c == EntityClass::Person && t.len() >= 3)
        .map(|(t, _)| words(t))
        .collect();
    for (t, c) in out.iter_mut().filter(|(t, c)| *c != EntityClass::Person && t.len() >= 2) {
        let name = words(t);
        if persons.iter().any(|p| p.len() > name.len() && p.ends_with(&name)) {
            *c = EntityClass::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, Source, ingest};

    /// The names found in `text`, with their classes.
    fn names(text: &str) -> Vec<(String, EntityClass)> {
        let doc = ingest(
            Source {
                name: "t.txt",
                bytes: text.as_bytes(),
            },
            Format::Text,
        )
        .unwrap();
        named_entities(&doc)
            .into_iter()
            .map(|e| (doc.text[e.span.start as usize..e.span.end as usize].to_string(), e.class))
            .collect()
    }

    fn has(found: &[(String, EntityClass)], name: &str, class: EntityClass) -> bool {
        found.iter().any(|(n, c)| n == name && *c == class)
    }

    #[test]
    fn a_name_after_an_office_is_a_person() {
        let found = names("Foreign Secretary Boris Johnson met the press in London on Monday.");
        assert!(
            has(&found, "Foreign Secretary Boris Johnson", EntityClass::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_follows_the_last_word_of_a_long_office() {
        let found = names(
            "Pentagon Press Secretary Peter Cook spoke. Navy Senior Chief Petty Officer Scott C. Dayton died. \
             Foreign Minister Julie Bishop left.",
        );
        for person in ["Peter Cook", "Scott C. Dayton", "Julie Bishop"] {
            assert!(
                found.iter().any(|(n, c)| n.ends_with(person) && *c == EntityClass::Person),
                "{person}: {found:?}"
            );
        }
    }

    #[test]
    fn a_persons_span_takes_in_the_office_before_the_name() {
        let found = names("Russian Foreign Minister Sergei Lavrov met Foreign Secretary Philip Hammond in London.");
        assert!(
            has(&found, "Russian Foreign Minister Sergei Lavrov", EntityClass::Person),
            "{found:?}"
        );
        assert!(
            has(&found, "Foreign Secretary Philip Hammond", EntityClass::Person),
            "{found:?}"
        );
        assert!(found.iter().all(|(_, c)| *c != EntityClass::Organization), "{found:?}");
    }

    #[test]
    fn a_particle_joins_an_arabic_name() {
        let found = names("Prime Minister Haider al-Abadi visited Mosul on Tuesday.");
        assert!(
            has(&found, "Prime Minister Haider al-Abadi", EntityClass::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_preposition_opening_a_sentence_is_not_part_of_a_name() {
        let found = names("Near Tal Afar, coalition forces struck a fighting position.");
        assert!(found.iter().all(|(n, _)| !n.starts_with("Near")), "{found:?}");
    }

    #[test]
    fn a_name_does_not_end_in_a_connector_before_a_weekday() {
        let found = names("The envoys met in Geneva Hall on Monday.");
        assert!(found.iter().all(|(n, _)| !n.ends_with(" on")), "{found:?}");
    }

    #[test]
    fn a_dictionary_name_longer_than_the_capitalised_run_is_kept_whole() {
        let found = names("Coalition forces struck the Islamic State of Iraq and the Levant near Mosul.");
        assert!(
            has(&found, "Islamic State of Iraq and the Levant", EntityClass::Organization),
            "{found:?}"
        );
        assert!(found.iter().all(|(_, c)| *c != EntityClass::Person), "{found:?}");
    }

    #[test]
    fn a_gazetteer_city_or_province_is_a_location() {
        let found = names("The family later moved from Toronto to Texas and then to Mecca.");
        for place in ["Toronto", "Texas", "Mecca"] {
            assert!(has(&found, place, EntityClass::Location), "{place}: {found:?}");
        }
    }

    #[test]
    fn an_office_names_its_holder_not_an_organisation() {
        let found = names("The Prime Minister met reporters. Gen. Smith arrived later.");
        assert!(found.iter().all(|(_, c)| *c != EntityClass::Organization), "{found:?}");
        assert!(has(&found, "Prime Minister", EntityClass::Person), "{found:?}");
    }

    #[test]
    fn a_name_follows_the_remit_of_an_office() {
        let found = names("The Minister for the Middle East Tobias Ellwood visited Beirut.");
        assert!(
            found
                .iter()
                .any(|(n, c)| n.ends_with("Tobias Ellwood") && *c == EntityClass::Person),
            "{found:?}"
        );
        assert!(found.iter().all(|(n, _)| !n.starts_with("Middle East")), "{found:?}");
    }

    #[test]
    fn a_country_that_acts_is_an_organisation_and_a_stance_is_no_name() {
        let found = names("Sweden beat the pro-Beijing side in Belgium. Panama is not one of them.");
        assert!(has(&found, "Sweden", EntityClass::Organization), "{found:?}");
        assert!(has(&found, "Panama", EntityClass::Location), "a copula is no act: {found:?}");
        assert!(has(&found, "Belgium", EntityClass::Location), "{found:?}");
        assert!(found.iter().all(|(n, _)| n != "Beijing"), "{found:?}");
    }

    #[test]
    fn a_family_name_alone_names_the_person_and_a_credit_is_a_name() {
        let found =
            names("Reporters met Daniel Montalvo on Monday. Montalvo said he left.\n\nThe ship in port. Image: Nick Moreau.");
        assert!(has(&found, "Montalvo", EntityClass::Person), "{found:?}");
        assert!(has(&found, "Nick Moreau", EntityClass::Person), "{found:?}");
    }

    #[test]
    fn buildings_churches_and_new_places_are_not_people() {
        let found = names("Pilgrims crowded the Grand Mosque. The Church of Scientology sued Tom Hanks in New York.");
        assert!(has(&found, "Grand Mosque", EntityClass::Location), "{found:?}");
        assert!(has(&found, "Church of Scientology", EntityClass::Organization), "{found:?}");
        assert!(has(&found, "New York", EntityClass::Location), "{found:?}");
    }
}
