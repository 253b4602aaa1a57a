//! Named entities in the usual NER sense (person, organisation, location), read off the
//! extractor's mentions, for comparison with NER gold standards and with statistical taggers.

use super::mentions::{NameClass, Referent, Role, sentence_mentions};
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
    let mut out = Vec::new();
    for s in 0..v.sentences.len() {
        for m in sentence_mentions(&v, lex, s, doc.blocks[v.sentences[s].block].kind) {
            let class = match &m.referent {
                Referent::Country { form: CountryForm::Demonym, .. } => None,
                Referent::Country { .. } => Some(EntityClass::Location),
                Referent::Dict(d) => Some(if lex.dictionary[*d as usize].kind == DictKind::Person { EntityClass::Person } else { EntityClass::Organization }),
                // A capitalised sector phrase is a name ("South Korean Army"); a lower-case one a description.
                Referent::Sector { .. } => {
                    let words: Vec<&str> = m.tokens.clone().filter(|&i| v.is_word(i)).map(|i| v.raw(i)).collect();
                    words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)).then_some(EntityClass::Organization)
                }
                Referent::Name { class, .. } => match class {
                    NameClass::Person => Some(EntityClass::Person),
                    NameClass::Org => Some(EntityClass::Organization),
                    NameClass::Place if m.role != Role::Qualifier => Some(EntityClass::Location),
                    NameClass::Place => None,
                    NameClass::Unknown if m.role == Role::Location => Some(EntityClass::Location),
                    NameClass::Unknown if m.role == Role::Qualifier => None,
                    NameClass::Unknown => Some(EntityClass::Organization),
                },
                Referent::Pronoun(_) | Referent::Anaphor { .. } | Referent::Description { .. } => None,
            };
            if let Some(class) = class {
                out.push(NamedEntity { span: v.span(m.tokens.clone()), class });
            }
        }
    }
    out
}
