//! Events and actors as RFC 4180 CSV: a header row, CRLF line ends, and fields quoted when
//! they hold a comma, a double quote, CR or LF (quotes doubled). Codes stay text, so CAMEO
//! "057" keeps its leading zero. Values are written as extracted: a spreadsheet that evaluates
//! a cell starting with `=` should be told to import as text.

use super::{Events, actor, serde_name, valid_lat_lon};
use crate::corpus::Corpus;
use crate::model::{Actor, ActorId, Event, Model};
use crate::view_state::ModelIndex;

/// The columns of [`events_csv`], in order.
pub const EVENT_COLUMNS: [&str; 25] = [
    "event_id",
    "date",
    "date_precision",
    "actor_name",
    "actor_code",
    "actor_country",
    "recipient_name",
    "recipient_code",
    "recipient_country",
    "cameo_code",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover_type",
    "plover_mode",
    "plover_context",
    "modality",
    "polarity",
    "source",
    "mentions",
    "documents",
    "place",
    "lat",
    "lon",
    "evidence",
];

/// The columns of [`actors_csv`], in order.
pub const ACTOR_COLUMNS: [&str; 18] = [
    "id",
    "key",
    "name",
    "short",
    "kind",
    "sector",
    "cameo",
    "iso3",
    "iso2",
    "isonum",
    "fips",
    "country",
    "parent",
    "mentions",
    "documents",
    "lat",
    "lon",
    "aliases",
];

fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn row<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f.as_ref());
    }
    out.push_str("\r\n");
}

/// The actor's own ISO3, else its country's.
fn country_iso3(model: &Model, a: &Actor) -> String {
    a.codes
        .iso3
        .clone()
        .or_else(|| a.country.and_then(|c| actor(model, c)).and_then(|c| c.codes.iso3.clone()))
        .unwrap_or_default()
}

/// The sentence text of the event's first mention, whitespace collapsed; empty when the
/// corpus does not hold it.
fn evidence(model: &Model, corpus: &Corpus, e: &Event) -> String {
    let Some(m) = e.mentions.first() else { return String::new() };
    let text = model
        .sentences
        .get(m.sentence as usize)
        .and_then(|s| corpus.documents.get(s.doc as usize).and_then(|d| d.text.get(s.span.range())));
    text.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One row per chosen event, GDELT/ICEWS/PLOVER style (see [`EVENT_COLUMNS`]). `event_id`
/// is the stable event key; `date` is the first day of the stated period and
/// `date_precision` says whether it is a day, month or year; `plover_context` joins several
/// contexts with `;`; `evidence` is the first supporting sentence (from `corpus`, which must
/// be the one the model was extracted from).
pub fn events_csv(model: &Model, corpus: &Corpus, which: &Events<'_>) -> String {
    let index = ModelIndex::new(model);
    let mut out = String::new();
    row(&mut out, &EVENT_COLUMNS);
    let name_code_country = |id: Option<ActorId>| match id.and_then(|i| actor(model, i)) {
        Some(a) => [
            a.name.clone(),
            a.codes.cameo.clone().unwrap_or_default(),
            country_iso3(model, a),
        ],
        None => Default::default(),
    };
    let num = |v: Option<f64>| v.filter(|v| v.is_finite()).map(|v| v.to_string()).unwrap_or_default();
    for e in which.select(model) {
        let [actor_name, actor_code, actor_country] = name_code_country(Some(e.actor));
        let [recipient_name, recipient_code, recipient_country] = name_code_country(e.recipient);
        let place = e.place.and_then(|p| model.places.get(p as usize));
        let (lat, lon) = match place.and_then(|p| Some((p.lat?, p.lon?))) {
            Some((lat, lon)) if valid_lat_lon(lat, lon) => (Some(lat), Some(lon)),
            _ => (None, None),
        };
        let c = &e.code;
        row(
            &mut out,
            &[
                index.event_key(e.id).unwrap_or_default().to_string(),
                e.date.as_ref().map(|d| d.value.date.to_string()).unwrap_or_default(),
                e.date.as_ref().map(|d| serde_name(&d.value.precision)).unwrap_or_default(),
                actor_name,
                actor_code,
                actor_country,
                recipient_name,
                recipient_code,
                recipient_country,
                c.cameo.clone().unwrap_or_default(),
                c.cameo_name.clone().unwrap_or_default(),
                num(c.goldstein.map(f64::from)),
                (c.quad as u8).to_string(),
                c.plover.clone().unwrap_or_default(),
                c.plover_mode.clone().unwrap_or_default(),
                c.plover_context.join(";"),
                serde_name(&e.modality),
                serde_name(&e.polarity),
                e.source
                    .and_then(|s| actor(model, s))
                    .map(|a| a.name.clone())
                    .unwrap_or_default(),
                e.mentions.len().to_string(),
                e.document_count.to_string(),
                place.map(|p| p.name.clone()).unwrap_or_default(),
                num(lat),
                num(lon),
                evidence(model, corpus, e),
            ],
        );
    }
    out
}

/// One row per actor (see [`ACTOR_COLUMNS`]): with [`Events::All`] every actor, otherwise
/// the actors the chosen events connect. `country` and `parent` are actor keys; `aliases`
/// are joined with `|`; `lat`/`lon` are the seat.
pub fn actors_csv(model: &Model, which: &Events<'_>) -> String {
    let events = which.select(model);
    let mut out = String::new();
    row(&mut out, &ACTOR_COLUMNS);
    let key = |id: Option<ActorId>| id.and_then(|i| actor(model, i)).map(|a| a.key.clone()).unwrap_or_default();
    for a in super::chosen_actors(model, which, &events) {
        let seat = a.seat.as_ref().filter(|s| valid_lat_lon(s.lat, s.lon));
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        row(
            &mut out,
            &[
                a.id.to_string(),
                a.key.clone(),
                a.name.clone(),
                opt(&a.short),
                serde_name(&a.kind),
                opt(&a.sector),
                opt(&a.codes.cameo),
                opt(&a.codes.iso3),
                opt(&a.codes.iso2),
                opt(&a.codes.isonum),
                opt(&a.codes.fips),
                key(a.country),
                key(a.parent),
                a.mention_count.to_string(),
                a.document_count.to_string(),
                seat.map(|s| s.lat.to_string()).unwrap_or_default(),
                seat.map(|s| s.lon.to_string()).unwrap_or_default(),
                a.aliases.join("|"),
            ],
        );
    }
    out
}
