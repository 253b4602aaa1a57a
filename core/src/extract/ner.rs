//! Named entities in the usual NER sense (person, organisation, location), read off the
//! extractor's mentions, for comparison with NER gold standards and with statistical taggers.

use super::mentions::{NameClass, Referent, Role, sentence_mentions};
use super::resolve::{EntityKind, resolve};
use super::view::TokenView;
use crate::document::{Document, Span};
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
        found.extend(sentence_mentions(&v, lex, s, doc.blocks[v.sentences[s].block].kind));
    }
    // Resolution tells what a bare name is from the rest of the document ("Key" after "John Key").
    let res = resolve(&v, lex, found);
    let mut out = Vec::new();
    {
        for r in &res.mentions {
            let m = &r.mention;
            let resolved_class = r.entity.map(|e| &res.entities[e].kind);
            let class = match &m.referent {
                Referent::Country {
                    form: CountryForm::Demonym,
                    ..
                } => None,
                Referent::Country { .. } => Some(EntityClass::Location),
                Referent::Dict(d) => Some(if lex.dictionary[*d as usize].kind == DictKind::Person {
                    EntityClass::Person
                } else {
                    EntityClass::Organization
                }),
                // A capitalised sector phrase is a name ("South Korean Army"); a lower-case one a description.
                Referent::Sector { .. } => {
                    let words: Vec<&str> = m.tokens.clone().filter(|&i| v.is_word(i)).map(|i| v.raw(i)).collect();
                    words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                        .then_some(EntityClass::Organization)
                }
                Referent::Name { class, .. } => match (class, resolved_class) {
                    (_, Some(EntityKind::Named(NameClass::Person))) | (NameClass::Person, _) => Some(EntityClass::Person),
                    (_, Some(EntityKind::Named(NameClass::Org))) | (NameClass::Org, _) => Some(EntityClass::Organization),
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
                out.push(NamedEntity {
                    span: v.span(m.tokens.clone()),
                    class,
                });
            }
        }
    }
    out
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
        assert!(has(&found, "Boris Johnson", EntityClass::Person), "{found:?}");
    }

    #[test]
    fn a_particle_joins_an_arabic_name() {
        let found = names("Prime Minister Haider al-Abadi visited Mosul on Tuesday.");
        assert!(has(&found, "Haider al-Abadi", EntityClass::Person), "{found:?}");
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
    fn buildings_churches_and_new_places_are_not_people() {
        let found = names("Pilgrims crowded the Grand Mosque. The Church of Scientology sued Tom Hanks in New York.");
        assert!(has(&found, "Grand Mosque", EntityClass::Location), "{found:?}");
        assert!(has(&found, "Church of Scientology", EntityClass::Organization), "{found:?}");
        assert!(has(&found, "New York", EntityClass::Location), "{found:?}");
    }
}
