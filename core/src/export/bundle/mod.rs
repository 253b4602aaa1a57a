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

mod mirror;

use crate::corpus::Corpus;
use crate::document::{Document, Span};
use crate::ingest::MAX_DOCUMENT_BYTES;
use crate::model::{Model, SCHEMA};
use crate::time::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

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

#[derive(Deserialize)]
struct BundleIn {
    model: mirror::ModelIn,
    documents: Vec<mirror::DocumentIn>,
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
    let not = |e: serde_json::Error| ImportError::NotABundle(e.to_string());
    // The version first, so a newer bundle says so rather than failing on a field.
    let header: Header = serde_json::from_slice(bytes).map_err(not)?;
    if header.schema != BUNDLE_SCHEMA {
        return Err(ImportError::UnsupportedSchema {
            found: short(&header.schema),
        });
    }
    #[derive(Deserialize)]
    struct ModelHeader {
        model: Header,
    }
    let model_header: ModelHeader = serde_json::from_slice(bytes).map_err(not)?;
    if model_header.model.schema != SCHEMA {
        return Err(ImportError::UnsupportedModelSchema {
            found: short(&model_header.model.schema),
        });
    }
    let raw: BundleIn = serde_json::from_slice(bytes).map_err(not)?;
    let model = raw
        .model
        .into_model()
        .map_err(|p| ImportError::Inconsistent(format!("unknown place precision \"{}\"", short(&p))))?;

    let mut documents = Vec::with_capacity(raw.documents.len());
    for (index, d) in raw.documents.into_iter().enumerate() {
        let name = short(&d.name);
        let fail = |reason: String| ImportError::Document { index, name, reason };
        if d.text.len() > MAX_DOCUMENT_BYTES {
            return Err(fail(format!("its text is over the {MAX_DOCUMENT_BYTES}-byte limit")));
        }
        documents.push(d.into_document().map_err(fail)?);
    }
    check(&model, &documents)?;
    Ok((Corpus { documents }, model))
}

/// Every id in range, every span inside its document on character boundaries, every date real.
fn check(model: &Model, docs: &[Document]) -> Result<(), ImportError> {
    let bad = |s: String| Err(ImportError::Inconsistent(s));
    if model.documents.len() != docs.len() {
        return bad(format!(
            "the model describes {} documents but the bundle holds {}",
            model.documents.len(),
            docs.len()
        ));
    }
    for (i, (info, doc)) in model.documents.iter().zip(docs).enumerate() {
        if info.id != doc.id {
            return bad(format!(
                "document {i} is \"{}\" in the model but \"{}\" in the texts",
                short(&info.id),
                short(&doc.id)
            ));
        }
        if let Some(r) = &info.reference_date {
            date(r.date, &format!("document {i}'s reference date"))?;
        }
    }
    let n_actors = model.actors.len();
    let n_places = model.places.len();
    let n_sentences = model.sentences.len();
    let actor = |id: u32, what: &dyn Fn() -> String| {
        if (id as usize) < n_actors {
            Ok(())
        } else {
            bad(format!("{} points to actor {id}, but there are {n_actors}", what()))
        }
    };
    let place = |id: u32, what: &dyn Fn() -> String| {
        if (id as usize) < n_places {
            Ok(())
        } else {
            bad(format!("{} points to place {id}, but there are {n_places}", what()))
        }
    };
    let span = |doc: u32, s: Span, what: &dyn Fn() -> String| match docs.get(doc as usize) {
        None => bad(format!("{} points to document {doc}, but there are {}", what(), docs.len())),
        Some(d) if d.text.get(s.start as usize..s.end as usize).is_none() => bad(format!(
            "{} has bytes {}–{}, which do not lie on characters inside document {doc} ({} bytes)",
            what(),
            s.start,
            s.end,
            d.text.len()
        )),
        Some(_) => Ok(()),
    };
    // A mention's sentence must exist and belong to the same document.
    let sentence = |doc: u32, i: u32, what: &dyn Fn() -> String| match model.sentences.get(i as usize) {
        Some(s) if s.doc == doc => Ok(()),
        Some(s) => bad(format!(
            "{} is in document {doc} but its sentence {i} is in document {}",
            what(),
            s.doc
        )),
        None => bad(format!("{} points to sentence {i}, but there are {n_sentences}", what())),
    };

    for (i, s) in model.sentences.iter().enumerate() {
        span(s.doc, s.span, &|| format!("sentence {i}"))?;
    }
    for (i, a) in model.actors.iter().enumerate() {
        let what = || format!("actor {i}");
        if a.id as usize != i {
            return bad(format!("actor {i} has id {}", a.id));
        }
        for id in [a.country, a.parent, a.affiliation.as_ref().map(|f| f.actor)]
            .into_iter()
            .flatten()
        {
            actor(id, &what)?;
        }
        if let Some(s) = &a.seat {
            coords(s.lat, s.lon, &what)?;
        }
    }
    for (i, p) in model.places.iter().enumerate() {
        let what = || format!("place {i}");
        if p.id as usize != i {
            return bad(format!("place {i} has id {}", p.id));
        }
        if let Some(c) = p.country {
            actor(c, &what)?;
        }
        match (p.lat, p.lon) {
            (Some(lat), Some(lon)) => coords(lat, lon, &what)?,
            (None, None) => {}
            _ => return bad(format!("place {i} has only one of latitude and longitude")),
        }
    }
    for (i, m) in model.mentions.iter().enumerate() {
        let what = || format!("mention {i}");
        sentence(m.doc, m.sentence, &what)?;
        span(m.doc, m.span, &what)?;
        match m.target {
            crate::model::Target::Actor(a) => actor(a, &what)?,
            crate::model::Target::Place(p) => place(p, &what)?,
        }
    }
    for (i, e) in model.events.iter().enumerate() {
        let what = || format!("event {i}");
        if e.id as usize != i {
            return bad(format!("event {i} has id {}", e.id));
        }
        for id in [Some(e.actor), e.recipient, e.source].into_iter().flatten() {
            actor(id, &what)?;
        }
        if let Some(p) = e.place {
            place(p, &what)?;
        }
        if e.code.goldstein.is_some_and(|g| !g.is_finite()) {
            return bad(format!("event {i} has a Goldstein value that is not a number"));
        }
        if let Some(d) = &e.date {
            date(d.value.date, &what())?;
            if let Some((doc, s)) = d.anchor_span {
                span(doc, s, &|| format!("event {i}'s date"))?;
            }
        }
        for (j, m) in e.mentions.iter().enumerate() {
            let what = || format!("event {i} mention {j}");
            sentence(m.doc, m.sentence, &what)?;
            for s in [Some(m.actor_span), Some(m.trigger_span), m.recipient_span]
                .into_iter()
                .flatten()
            {
                span(m.doc, s, &what)?;
            }
        }
    }
    for (i, g) in model.claims.iter().enumerate() {
        for (j, c) in g.claims.iter().enumerate() {
            let what = || format!("claim {i}.{j}");
            sentence(c.doc, c.sentence, &what)?;
            span(c.doc, c.span, &what)?;
        }
    }
    Ok(())
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
