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
