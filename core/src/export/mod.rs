//! Exports of a model to the formats other tools read, and the versioned JSON bundle that
//! Entente itself reads back.
//!
//! | function | format | for |
//! |---|---|---|
//! | [`gexf`] | GEXF 1.3, dynamic, dated edges as intervals | Gephi, Gephi Lite, Retina, graphology |
//! | [`graphml`] | GraphML, directed | Gephi Lite, graphology, yEd |
//! | [`events_csv`], [`actors_csv`] | RFC 4180 CSV, GDELT/ICEWS/PLOVER-style columns | spreadsheets, R, pandas |
//! | [`geojson`] | RFC 7946 FeatureCollection: actors, places, great-circle arcs | QGIS, kepler.gl, geojson.io |
//! | [`bundle`] / [`import_bundle`] | `entente-bundle/1` JSON: the model and the texts | Entente (see `docs/model-schema.md`) |
//!
//! Filtering is the caller's: every export takes the model and an [`Events`] choice (all
//! events, a list of ids, or a predicate). With [`Events::All`] every actor is a node; with a
//! choice, only the actors the chosen events connect. Nothing here panics on a model whose
//! references are inconsistent; such references are skipped.
//!
//! ```
//! use entente_core::{corpus::default_corpus, export::{self, Events}, extract::extract};
//!
//! let corpus = default_corpus();
//! let model = extract(&corpus);
//! let gexf = export::gexf(&model, &Events::All);
//! assert!(gexf.contains(r#"<gexf xmlns="http://gexf.net/1.3""#));
//! let csv = export::events_csv(&model, &corpus, &Events::Matching(&|e| e.recipient.is_some()));
//! assert!(csv.starts_with("event_id,date,"));
//! let (corpus2, model2) = export::import_bundle(export::bundle(&model, &corpus).as_bytes()).unwrap();
//! assert_eq!(corpus2, corpus);
//! assert_eq!(model2.events.len(), model.events.len());
//! ```

mod bundle;
mod csv;
mod geojson;
mod graph;
#[cfg(test)]
mod tests;
mod xml;

pub use bundle::{BUNDLE_SCHEMA, ImportError, LINES_SCHEMA, LinesReader, MAX_BUNDLE_BYTES, bundle, bundle_lines, import_bundle};
pub use csv::{ACTOR_COLUMNS, EVENT_COLUMNS, actors_csv, events_csv};
pub use geojson::geojson;
pub use graph::{gexf, graphml};

use crate::model::{Actor, ActorId, Event, EventId, Model};
use crate::time::{Date, Precision, StatedDate, days_in_month};

/// Which events to export.
#[derive(Clone, Copy)]
pub enum Events<'a> {
    All,
    /// These ids, in the model's order; ids the model does not have are skipped.
    Ids(&'a [EventId]),
    /// The events for which the predicate holds.
    Matching(&'a dyn Fn(&Event) -> bool),
}

impl Events<'_> {
    /// The chosen events, in id order.
    pub(crate) fn select<'m>(&self, model: &'m Model) -> Vec<&'m Event> {
        match self {
            Events::All => model.events.iter().collect(),
            Events::Ids(ids) => {
                let mut chosen = vec![false; model.events.len()];
                for &id in *ids {
                    if let Some(c) = chosen.get_mut(id as usize) {
                        *c = true;
                    }
                }
                model.events.iter().zip(chosen).filter(|(_, c)| *c).map(|(e, _)| e).collect()
            }
            Events::Matching(f) => model.events.iter().filter(|e| f(e)).collect(),
        }
    }
}

/// The actors to draw for `events`: all of them for [`Events::All`], otherwise those the
/// events connect, in id order.
pub(crate) fn chosen_actors<'m>(model: &'m Model, which: &Events<'_>, events: &[&Event]) -> Vec<&'m Actor> {
    if matches!(which, Events::All) {
        return model.actors.iter().collect();
    }
    let mut used = vec![false; model.actors.len()];
    for e in events {
        for id in std::iter::once(e.actor).chain(e.recipient) {
            if let Some(u) = used.get_mut(id as usize) {
                *u = true;
            }
        }
    }
    model.actors.iter().zip(used).filter(|(_, u)| *u).map(|(a, _)| a).collect()
}

/// A node id per actor: its key, or `key#id` for a key an earlier actor already has (the
/// model should not have any; the export must still have unique ids).
pub(crate) fn node_ids(model: &Model) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    model
        .actors
        .iter()
        .map(|a| {
            if seen.insert(a.key.as_str()) {
                a.key.clone()
            } else {
                format!("{}#{}", a.key, a.id)
            }
        })
        .collect()
}

pub(crate) fn actor(model: &Model, id: ActorId) -> Option<&Actor> {
    model.actors.get(id as usize)
}

/// The last day of a stated period: the day itself, the month's last day, or 31 December.
pub(crate) fn period_end(d: StatedDate) -> Date {
    let Date { year, month, .. } = d.date;
    match d.precision {
        Precision::Day => d.date,
        Precision::Month => Date {
            year,
            month,
            day: days_in_month(year, month),
        },
        Precision::Year => Date {
            year,
            month: 12,
            day: 31,
        },
    }
}

/// The serde name of a unit enum ("asserted", "state"), the form the model's JSON uses.
pub(crate) fn serde_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// A latitude and longitude that can be drawn: finite and in range.
pub(crate) fn valid_lat_lon(lat: f64, lon: f64) -> bool {
    lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0
}
