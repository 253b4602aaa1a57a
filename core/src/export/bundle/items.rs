//! A corpus and its model built one item at a time, each item read from its JSON and checked
//! as it is added. Both readers use it: [`import_bundle`](super::import_bundle) feeds it the
//! items of a bundle's arrays, [`LinesReader`](super::LinesReader) the lines of an answer, so
//! a model either returns has passed the same checks and is safe for the views to index.

use super::{Refs, mirror, short};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::export::ImportError;
use crate::ingest::MAX_DOCUMENT_BYTES;
use crate::model::{Model, SCHEMA};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// How many items of each kind make the corpus and model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Counts {
    /// Texts, and as many entries in the model's `documents`.
    pub documents: usize,
    pub sentences: usize,
    pub actors: usize,
    pub places: usize,
    pub mentions: usize,
    pub events: usize,
    pub claims: usize,
}

impl Counts {
    pub(super) fn of(model: &Model, corpus: &Corpus) -> Counts {
        Counts {
            documents: corpus.documents.len(),
            sentences: model.sentences.len(),
            actors: model.actors.len(),
            places: model.places.len(),
            mentions: model.mentions.len(),
            events: model.events.len(),
            claims: model.claims.len(),
        }
    }
}

pub(super) struct Items {
    counts: Counts,
    documents: Vec<Document>,
    model: Model,
}

impl Items {
    pub(super) fn new(extractor: String, counts: Counts) -> Items {
        Items {
            counts,
            documents: Vec::new(),
            // No room is reserved from the counts: damaged counts must not allocate.
            model: Model {
                schema: SCHEMA,
                extractor,
                ..Model::default()
            },
        }
    }

    /// Reads and adds the next item, in this order: the texts, then the model's `documents`,
    /// `sentences`, `actors`, `places`, `mentions`, `events` and `claims`. A JSON error is
    /// [`ImportError::NotABundle`] without saying where; the caller knows.
    pub(super) fn add(&mut self, json: &[u8]) -> Result<(), ImportError> {
        let c = self.counts;
        let m = &self.model;
        if self.documents.len() < c.documents {
            let index = self.documents.len();
            let d: mirror::DocumentIn = parse(json)?;
            let name = short(&d.name);
            let fail = |reason: String| ImportError::Document { index, name, reason };
            if d.text.len() > MAX_DOCUMENT_BYTES {
                return Err(fail(format!("its text is over the {MAX_DOCUMENT_BYTES}-byte limit")));
            }
            let doc = d.into_document().map_err(fail)?;
            self.documents.push(doc);
        } else if m.documents.len() < c.documents {
            let info = parse::<mirror::DocumentInfoIn>(json)?.into();
            self.refs().document(m.documents.len(), &info)?;
            self.model.documents.push(info);
        } else if m.sentences.len() < c.sentences {
            let s = parse::<mirror::SentenceRefIn>(json)?.into();
            self.refs().sentence(m.sentences.len(), &s)?;
            self.model.sentences.push(s);
        } else if m.actors.len() < c.actors {
            let a = parse::<mirror::ActorIn>(json)?.into();
            self.refs().actor(m.actors.len(), &a)?;
            self.model.actors.push(a);
        } else if m.places.len() < c.places {
            let p = parse::<mirror::PlaceIn>(json)?
                .into_place()
                .map_err(|p| ImportError::Inconsistent(format!("unknown place precision \"{}\"", short(&p))))?;
            self.refs().place(m.places.len(), &p)?;
            self.model.places.push(p);
        } else if m.mentions.len() < c.mentions {
            let x = parse::<mirror::MentionIn>(json)?.into();
            self.refs().mention(m.mentions.len(), &x)?;
            self.model.mentions.push(x);
        } else if m.events.len() < c.events {
            let e = parse::<mirror::EventIn>(json)?.into();
            self.refs().event(m.events.len(), &e)?;
            self.model.events.push(e);
        } else if m.claims.len() < c.claims {
            let g = parse::<mirror::ClaimGroupIn>(json)?.into();
            self.refs().claims(m.claims.len(), &g)?;
            self.model.claims.push(g);
        } else {
            return Err(ImportError::Inconsistent("there are more items than the counts say".into()));
        }
        Ok(())
    }

    /// The corpus and model, once every counted item has been added.
    pub(super) fn finish(self) -> Result<(Corpus, Model), ImportError> {
        let (c, m) = (self.counts, &self.model);
        let added = [
            (self.documents.len(), c.documents, "texts"),
            (m.documents.len(), c.documents, "document entries"),
            (m.sentences.len(), c.sentences, "sentences"),
            (m.actors.len(), c.actors, "actors"),
            (m.places.len(), c.places, "places"),
            (m.mentions.len(), c.mentions, "mentions"),
            (m.events.len(), c.events, "events"),
            (m.claims.len(), c.claims, "claim groups"),
        ];
        if let Some((got, want, what)) = added.into_iter().find(|(got, want, _)| got != want) {
            return Err(ImportError::Inconsistent(format!("it ends after {got} of its {want} {what}")));
        }
        Ok((
            Corpus {
                documents: self.documents,
            },
            self.model,
        ))
    }

    /// What items may point to: the texts and sentences added so far, the actors and places
    /// counted.
    fn refs(&self) -> Refs<'_> {
        Refs {
            docs: &self.documents,
            sentences: &self.model.sentences,
            actors: self.counts.actors,
            places: self.counts.places,
        }
    }
}

fn parse<T: DeserializeOwned>(json: &[u8]) -> Result<T, ImportError> {
    serde_json::from_slice(json).map_err(|e| ImportError::NotABundle(e.to_string()))
}
