//! The versioned JSON bundle: the whole model and the texts it was read from, so a session
//! can be saved and opened again, and read by other programs (`docs/model-schema.md`).
//!
//! ```json
//! {"schema":"entente-bundle/1","model":{"schema":"entente-model/1",...},
//!  "documents":[{"id":"…","name":"…","text":"…","decoding":{…},"meta":{…},"blocks":[…]}]}
//! ```
//!
//! Documents carry their blocks and metadata, so an article read from Markdown or HTML keeps
//! its title, date and headings. Bundles with only `id`, `name` and `text` per document (the
//! first form) are still read: their documents are read again as plain text.
//!
//! [`import_bundle`] trusts nothing: it checks the versions, the sizes, that every document
//! reads back to the same text, and that every id points inside the model and every span lies
//! inside its document on character boundaries, so the views can index without checking.

mod items;
mod lines;
mod mirror;

use crate::corpus::Corpus;
use crate::document::{Document, Span};
use crate::model::{Actor, ClaimGroup, DocumentInfo, Event, Mention, Model, Place, SCHEMA, SentenceRef, Target};
use crate::time::Date;
use items::{Counts, Items};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::fmt;

pub use lines::{LINES_SCHEMA, LinesReader, bundle_lines};

/// The bundle format's version, the value of its `schema` field.
pub const BUNDLE_SCHEMA: &str = "entente-bundle/1";
/// Larger bundles are refused before parsing.
pub const MAX_BUNDLE_BYTES: usize = 128 * 1024 * 1024;

#[derive(Serialize)]
struct BundleOut<'a> {
    schema: &'static str,
    model: &'a Model,
    documents: &'a [Document],
}

/// The model and the corpus texts as one JSON document. `corpus` must be the corpus the model
/// was extracted from (the model's document indices point into it).
pub fn bundle(model: &Model, corpus: &Corpus) -> String {
    let out = BundleOut {
        schema: BUNDLE_SCHEMA,
        model,
        documents: &corpus.documents,
    };
    // Serialising plain structs with string keys cannot fail; non-finite floats become null.
    serde_json::to_string(&out).unwrap_or_default()
}

/// Why a bundle was refused. Each says what is wrong, for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON, or JSON of another shape (with serde's line and column).
    NotABundle(String),
    /// A `schema` this version does not read.
    UnsupportedSchema {
        found: String,
    },
    /// A model `schema` this version does not read.
    UnsupportedModelSchema {
        found: String,
    },
    /// A document that cannot be read back as it was saved.
    Document {
        index: usize,
        name: String,
        reason: String,
    },
    /// A reference or span that does not fit the data.
    Inconsistent(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the file is {:.1} MB, over the {:.0} MB limit for a bundle",
                    *bytes as f64 / 1e6,
                    *limit as f64 / 1e6
                )
            }
            ImportError::NotABundle(e) => write!(f, "this is not an Entente bundle: {e}"),
            ImportError::UnsupportedSchema { found } => {
                write!(
                    f,
                    "the bundle's format is \"{found}\"; this version of Entente reads \"{BUNDLE_SCHEMA}\""
                )
            }
            ImportError::UnsupportedModelSchema { found } => {
                write!(
                    f,
                    "the bundle's model format is \"{found}\"; this version of Entente reads \"{SCHEMA}\""
                )
            }
            ImportError::Document { index, name, reason } => write!(f, "document {index} ({name}): {reason}"),
            ImportError::Inconsistent(what) => write!(f, "the bundle is damaged: {what}"),
        }
    }
}

impl std::error::Error for ImportError {}

#[derive(Deserialize)]
struct Header {
    schema: String,
}

/// A bundle with each item left as its JSON, for [`Items`] to read in order.
#[derive(Deserialize)]
struct BundleIn<'a> {
    schema: String,
    #[serde(borrow)]
    model: ModelIn<'a>,
    #[serde(borrow)]
    documents: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct ModelIn<'a> {
    schema: String,
    extractor: String,
    #[serde(borrow)]
    documents: Vec<&'a RawValue>,
    #[serde(borrow)]
    sentences: Vec<&'a RawValue>,
    #[serde(borrow)]
    actors: Vec<&'a RawValue>,
    #[serde(borrow)]
    places: Vec<&'a RawValue>,
    #[serde(borrow)]
    mentions: Vec<&'a RawValue>,
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
    #[serde(borrow)]
    claims: Vec<&'a RawValue>,
}

fn short(s: &str) -> String {
    match s.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Reads a bundle written by [`bundle`]. Never panics; any input that is not a consistent
/// bundle of this version is an [`ImportError`]. Documents keep their saved blocks and
/// metadata once checked against their text; documents saved with text only are read again.
pub fn import_bundle(bytes: &[u8]) -> Result<(Corpus, Model), ImportError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BUNDLE_BYTES,
        });
    }
    // One pass over the bytes. Only when it fails are the versions read on their own, so that a
    // newer bundle says so rather than failing on a field.
    let raw: BundleIn = match serde_json::from_slice(bytes) {
        Ok(raw) => raw,
        Err(e) => {
            versions(bytes)?;
            return Err(ImportError::NotABundle(e.to_string()));
        }
    };
    schemas(&raw.schema, &raw.model.schema)?;
    let m = raw.model;
    if m.documents.len() != raw.documents.len() {
        return Err(ImportError::Inconsistent(format!(
            "the model describes {} documents but the bundle holds {}",
            m.documents.len(),
            raw.documents.len()
        )));
    }
    let counts = Counts {
        documents: raw.documents.len(),
        sentences: m.sentences.len(),
        actors: m.actors.len(),
        places: m.places.len(),
        mentions: m.mentions.len(),
        events: m.events.len(),
        claims: m.claims.len(),
    };
    let mut items = Items::new(m.extractor, counts);
    let sections = [
        ("documents", &raw.documents),
        ("model.documents", &m.documents),
        ("model.sentences", &m.sentences),
        ("model.actors", &m.actors),
        ("model.places", &m.places),
        ("model.mentions", &m.mentions),
        ("model.events", &m.events),
        ("model.claims", &m.claims),
    ];
    for (section, list) in sections {
        for (i, item) in list.iter().enumerate() {
            items.add(item.get().as_bytes()).map_err(|e| match e {
                ImportError::NotABundle(why) => ImportError::NotABundle(format!("{section}[{i}]: {why}")),
                e => e,
            })?;
        }
    }
    items.finish()
}

/// The versions of a bundle that did not parse, when they can be read: either is an error when
/// this version does not read it.
fn versions(bytes: &[u8]) -> Result<(), ImportError> {
    #[derive(Deserialize)]
    struct Versions {
        schema: String,
        model: Option<Header>,
    }
    match serde_json::from_slice::<Versions>(bytes) {
        Ok(v) => schemas(&v.schema, v.model.as_ref().map_or(SCHEMA, |m| &m.schema)),
        Err(_) => Ok(()),
    }
}

fn schemas(bundle: &str, model: &str) -> Result<(), ImportError> {
    if bundle != BUNDLE_SCHEMA {
        return Err(ImportError::UnsupportedSchema { found: short(bundle) });
    }
    model_schema(model)
}

fn model_schema(found: &str) -> Result<(), ImportError> {
    if found == SCHEMA {
        Ok(())
    } else {
        Err(ImportError::UnsupportedModelSchema { found: short(found) })
    }
}

/// What a model's items may point to: every id in range, every span inside its document on
/// character boundaries, every date real. Each item is checked on its own, as [`Items`] adds it.
struct Refs<'a> {
    docs: &'a [Document],
    sentences: &'a [SentenceRef],
    actors: usize,
    places: usize,
}

type Checked = Result<(), ImportError>;

fn bad(s: String) -> Checked {
    Err(ImportError::Inconsistent(s))
}

impl Refs<'_> {
    fn to_actor(&self, id: u32, what: &dyn Fn() -> String) -> Checked {
        if (id as usize) < self.actors {
            Ok(())
        } else {
            bad(format!("{} points to actor {id}, but there are {}", what(), self.actors))
        }
    }

    fn to_place(&self, id: u32, what: &dyn Fn() -> String) -> Checked {
        if (id as usize) < self.places {
            Ok(())
        } else {
            bad(format!("{} points to place {id}, but there are {}", what(), self.places))
        }
    }

    fn span(&self, doc: u32, s: Span, what: &dyn Fn() -> String) -> Checked {
        match self.docs.get(doc as usize) {
            None => bad(format!(
                "{} points to document {doc}, but there are {}",
                what(),
                self.docs.len()
            )),
            Some(d) if d.text.get(s.start as usize..s.end as usize).is_none() => bad(format!(
                "{} has bytes {}–{}, which do not lie on characters inside document {doc} ({} bytes)",
                what(),
                s.start,
                s.end,
                d.text.len()
            )),
            Some(_) => Ok(()),
        }
    }

    /// A mention's sentence must exist and belong to the same document.
    fn to_sentence(&self, doc: u32, i: u32, what: &dyn Fn() -> String) -> Checked {
        match self.sentences.get(i as usize) {
            Some(s) if s.doc == doc => Ok(()),
            Some(s) => bad(format!(
                "{} is in document {doc} but its sentence {i} is in document {}",
                what(),
                s.doc
            )),
            None => bad(format!(
                "{} points to sentence {i}, but there are {}",
                what(),
                self.sentences.len()
            )),
        }
    }

    fn document(&self, i: usize, info: &DocumentInfo) -> Checked {
        let Some(doc) = self.docs.get(i) else {
            return bad(format!("the model describes document {i}, which the bundle does not hold"));
        };
        if info.id != doc.id {
            return bad(format!(
                "document {i} is \"{}\" in the model but \"{}\" in the texts",
                short(&info.id),
                short(&doc.id)
            ));
        }
        match &info.reference_date {
            Some(r) => date(r.date, &format!("document {i}'s reference date")),
            None => Ok(()),
        }
    }

    fn sentence(&self, i: usize, s: &SentenceRef) -> Checked {
        self.span(s.doc, s.span, &|| format!("sentence {i}"))
    }

    fn actor(&self, i: usize, a: &Actor) -> Checked {
        let what = || format!("actor {i}");
        if a.id as usize != i {
            return bad(format!("actor {i} has id {}", a.id));
        }
        for id in [a.country, a.parent, a.affiliation.as_ref().map(|f| f.actor)]
            .into_iter()
            .flatten()
        {
            self.to_actor(id, &what)?;
        }
        match &a.seat {
            Some(s) => coords(s.lat, s.lon, &what),
            None => Ok(()),
        }
    }

    fn place(&self, i: usize, p: &Place) -> Checked {
        let what = || format!("place {i}");
        if p.id as usize != i {
            return bad(format!("place {i} has id {}", p.id));
        }
        if let Some(c) = p.country {
            self.to_actor(c, &what)?;
        }
        match (p.lat, p.lon) {
            (Some(lat), Some(lon)) => coords(lat, lon, &what),
            (None, None) => Ok(()),
            _ => bad(format!("place {i} has only one of latitude and longitude")),
        }
    }

    fn mention(&self, i: usize, m: &Mention) -> Checked {
        let what = || format!("mention {i}");
        self.to_sentence(m.doc, m.sentence, &what)?;
        self.span(m.doc, m.span, &what)?;
        match m.target {
            Target::Actor(a) => self.to_actor(a, &what),
            Target::Place(p) => self.to_place(p, &what),
        }
    }

    fn event(&self, i: usize, e: &Event) -> Checked {
        let what = || format!("event {i}");
        if e.id as usize != i {
            return bad(format!("event {i} has id {}", e.id));
        }
        for id in [Some(e.actor), e.recipient, e.source].into_iter().flatten() {
            self.to_actor(id, &what)?;
        }
        if let Some(p) = e.place {
            self.to_place(p, &what)?;
        }
        if e.code.goldstein.is_some_and(|g| !g.is_finite()) {
            return bad(format!("event {i} has a Goldstein value that is not a number"));
        }
        if let Some(d) = &e.date {
            date(d.value.date, &what())?;
            if let Some((doc, s)) = d.anchor_span {
                self.span(doc, s, &|| format!("event {i}'s date"))?;
            }
        }
        for (j, m) in e.mentions.iter().enumerate() {
            let what = || format!("event {i} mention {j}");
            self.to_sentence(m.doc, m.sentence, &what)?;
            for s in [Some(m.actor_span), Some(m.trigger_span), m.recipient_span]
                .into_iter()
                .flatten()
            {
                self.span(m.doc, s, &what)?;
            }
        }
        Ok(())
    }

    fn claims(&self, i: usize, g: &ClaimGroup) -> Checked {
        for (j, c) in g.claims.iter().enumerate() {
            let what = || format!("claim {i}.{j}");
            self.to_sentence(c.doc, c.sentence, &what)?;
            self.span(c.doc, c.span, &what)?;
        }
        Ok(())
    }
}

fn date(d: Date, what: &str) -> Result<(), ImportError> {
    match Date::new(d.year, d.month, d.day) {
        Some(_) => Ok(()),
        None => Err(ImportError::Inconsistent(format!(
            "{what} is {}-{}-{}, not a calendar date",
            d.year, d.month, d.day
        ))),
    }
}

fn coords(lat: f64, lon: f64, what: &dyn Fn() -> String) -> Result<(), ImportError> {
    if super::valid_lat_lon(lat, lon) {
        Ok(())
    } else {
        Err(ImportError::Inconsistent(format!(
            "{} has coordinates {lat}, {lon} outside the globe",
            what()
        )))
    }
}
