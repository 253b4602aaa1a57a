//! The bundle as JSON lines: what [`bundle`](super::bundle) holds, one item per line, so that
//! a reader can take it a slice at a time. The extraction worker answers the page in this form,
//! and the page reads a slice between frames instead of the whole model in one long task.
//!
//! Line 1 is the header:
//! `{"schema":"entente-lines/1","model_schema":"entente-model/1","extractor":"…","counts":{"documents":2,"sentences":…,"actors":…,"places":…,"mentions":…,"events":…,"claims":…}}`.
//! One line per item follows, in this order: the documents (each as in a bundle's
//! `documents`), then the model's `documents`, `sentences`, `actors`, `places`, `mentions`,
//! `events` and `claims` (`counts.documents` counts both the texts and the model's entries for
//! them). JSON escapes the newlines inside strings, so each newline ends an item.
//!
//! [`LinesReader`] checks each item as it reads it, by the rules [`import_bundle`](super::import_bundle)
//! applies to a whole bundle, so a model it returns is as safe to index as an imported one.

use super::items::{Counts, Items};
use super::{model_schema, short};
use crate::corpus::Corpus;
use crate::export::ImportError;
use crate::model::{Model, SCHEMA};
use serde::{Deserialize, Serialize};

/// The form's version, the header's `schema`.
pub const LINES_SCHEMA: &str = "entente-lines/1";

#[derive(Serialize)]
struct HeaderOut<'a> {
    schema: &'static str,
    model_schema: &'static str,
    extractor: &'a str,
    counts: Counts,
}

#[derive(Deserialize)]
struct HeaderIn {
    schema: String,
    model_schema: String,
    extractor: String,
    counts: Counts,
}

/// The model and the corpus texts as JSON lines. `corpus` must be the corpus the model was
/// extracted from.
pub fn bundle_lines(model: &Model, corpus: &Corpus) -> Vec<u8> {
    let text: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let mut out = Vec::with_capacity(text * 5);
    let header = HeaderOut {
        schema: LINES_SCHEMA,
        model_schema: SCHEMA,
        extractor: &model.extractor,
        counts: Counts::of(model, corpus),
    };
    line(&mut out, &header);
    corpus.documents.iter().for_each(|d| line(&mut out, d));
    model.documents.iter().for_each(|d| line(&mut out, d));
    model.sentences.iter().for_each(|s| line(&mut out, s));
    model.actors.iter().for_each(|a| line(&mut out, a));
    model.places.iter().for_each(|p| line(&mut out, p));
    model.mentions.iter().for_each(|m| line(&mut out, m));
    model.events.iter().for_each(|e| line(&mut out, e));
    model.claims.iter().for_each(|c| line(&mut out, c));
    out
}

fn line<T: Serialize>(out: &mut Vec<u8>, item: &T) {
    // Plain structs with string keys cannot fail to serialise; non-finite floats become null.
    let _ = serde_json::to_writer(&mut *out, item);
    out.push(b'\n');
}

/// Reads JSON lines a slice at a time: [`read`](LinesReader::read) any number of slices cut
/// anywhere, then [`finish`](LinesReader::finish).
#[derive(Default)]
pub struct LinesReader {
    /// Once the header is read.
    items: Option<Items>,
    /// The start of a line the last slice cut.
    partial: Vec<u8>,
    /// Lines read, to name the one that fails.
    lines: usize,
}

impl LinesReader {
    pub fn new() -> LinesReader {
        LinesReader::default()
    }

    /// Reads the complete lines in `slice` (with what the previous slice left unfinished); the
    /// unfinished end waits for the next slice.
    pub fn read(&mut self, slice: &[u8]) -> Result<(), ImportError> {
        let mut rest = slice;
        if !self.partial.is_empty() {
            let Some(end) = rest.iter().position(|&b| b == b'\n') else {
                self.partial.extend_from_slice(rest);
                return Ok(());
            };
            let mut first = std::mem::take(&mut self.partial);
            first.extend_from_slice(&rest[..end]);
            self.line(&first)?;
            rest = &rest[end + 1..];
        }
        while let Some(end) = rest.iter().position(|&b| b == b'\n') {
            self.line(&rest[..end])?;
            rest = &rest[end + 1..];
        }
        self.partial.extend_from_slice(rest);
        Ok(())
    }

    /// The corpus and model, once every item the header counts has been read.
    pub fn finish(mut self) -> Result<(Corpus, Model), ImportError> {
        if !self.partial.is_empty() {
            let last = std::mem::take(&mut self.partial);
            self.line(&last)?;
        }
        let items = self
            .items
            .ok_or_else(|| ImportError::NotABundle("the answer is empty".into()))?;
        items.finish().map_err(|e| match e {
            ImportError::Inconsistent(why) => ImportError::Inconsistent(format!("the answer is cut short: {why}")),
            e => e,
        })
    }

    fn line(&mut self, line: &[u8]) -> Result<(), ImportError> {
        self.lines += 1;
        let n = self.lines;
        let Some(items) = &mut self.items else {
            self.items = Some(header(line)?);
            return Ok(());
        };
        items.add(line).map_err(|e| match e {
            ImportError::NotABundle(why) => ImportError::NotABundle(format!("line {n}: {why}")),
            ImportError::Inconsistent(why) => ImportError::Inconsistent(format!("line {n}: {why}")),
            e => e,
        })
    }
}

fn header(line: &[u8]) -> Result<Items, ImportError> {
    let h: HeaderIn = serde_json::from_slice(line).map_err(|e| ImportError::NotABundle(format!("line 1: {e}")))?;
    if h.schema != LINES_SCHEMA {
        return Err(ImportError::UnsupportedSchema { found: short(&h.schema) });
    }
    model_schema(&h.model_schema)?;
    Ok(Items::new(h.extractor, h.counts))
}
