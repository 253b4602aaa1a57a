//! The PLOVER gold standard records (PLOVER_GSR_CAMEO.json): one sentence each, with its event
//! type and source/target actors. Each sentence is extracted on its own, as a one-document corpus.
//!
//! The file uses an older PLOVER vocabulary; types are mapped to PLOVER 2021 as the extractor
//! codes them: DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE (2021 folds
//! investigations into ACCUSE), FIGHT → ASSAULT; the others are unchanged.
//! - type recall: records with at least one predicted event of the record's type;
//!   type precision: predicted events whose type is the record's / all predicted events. Six
//!   sentences are coded twice (two events); each is extracted once and its events are right
//!   if their type is either record's.
//! - actor: over the events of the right type, the event's actor agrees with a gold source
//!   when one of its names or aliases equals the gold `actorText` (case-insensitive, without a
//!   leading "the") or its CAMEO code starts with the gold code's first 3 letters. Recipient:
//!   the same against the gold targets; no recipient where gold has no target also agrees.

use entente_core::corpus::Corpus;
use entente_core::ingest::{Format, Source, ingest};
use entente_core::model::{Actor, Model};
use serde_json::Value;
use std::path::Path;

pub fn plover_2021(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        t => t,
    }
}

struct GoldActor {
    text: String,
    code: String,
}

fn gold_actors(v: &Value) -> Vec<GoldActor> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|a| GoldActor {
            text: norm(a["actorText"].as_str().unwrap_or("")),
            code: a["code"].as_str().unwrap_or("").to_string(),
        })
        .collect()
}

fn norm(s: &str) -> String {
    let s = s.replace('’', "'").to_lowercase();
    let s = s.trim().strip_prefix("the ").unwrap_or(s.trim()).to_string();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn agrees(actor: &Actor, gold: &[GoldActor]) -> bool {
    gold.iter().any(|g| {
        let by_code = g.code.len() >= 3 && actor.codes.cameo.as_deref().is_some_and(|c| c.starts_with(&g.code[..3]));
        let by_name = !g.text.is_empty()
            && actor
                .aliases
                .iter()
                .chain([&actor.name])
                .chain(actor.short.iter())
                .any(|a| norm(a) == g.text);
        by_code || by_name
    })
}

#[derive(Debug, Default)]
pub struct PloverReport {
    pub records: usize,
    pub skipped: usize,
    /// Distinct sentences (a sentence coded with two events appears in two records).
    pub sentences: usize,
    /// Records with an event of their type.
    pub type_hits: usize,
    pub predicted: usize,
    /// Predicted events whose type is one of their sentence's gold types.
    pub correct: usize,
    /// (record, event of the record's type) pairs, over which actors are compared.
    pub typed: usize,
    pub actor_ok: usize,
    pub recipient_ok: usize,
    pub details: Vec<String>,
}

fn describe(model: &Model) -> String {
    let name = |id: u32| {
        let a = &model.actors[id as usize];
        format!(
            "{}[{}]",
            a.short.clone().unwrap_or_else(|| a.name.clone()),
            a.codes.cameo.as_deref().unwrap_or("-")
        )
    };
    let events: Vec<String> = model
        .events
        .iter()
        .map(|e| {
            format!(
                "{} {} -> {} ({})",
                e.code.plover.as_deref().unwrap_or("-"),
                name(e.actor),
                e.recipient.map_or("-".to_string(), name),
                e.trigger
            )
        })
        .collect();
    if events.is_empty() {
        "no event".to_string()
    } else {
        events.join("; ")
    }
}

/// A gold record: id, event type in PLOVER 2021, the JSON record.
type Record<'a> = (&'a str, &'a str, &'a Value);

/// Scores every record. A sentence that several records share is extracted once, and its
/// predicted events count once for precision, right if their type is any of those records' types.
pub fn score(path: &Path) -> Result<PloverReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let all: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let records = all
        .as_array()
        .ok_or_else(|| format!("{}: expected a JSON array", path.display()))?;
    let mut r = PloverReport::default();
    // Each sentence with its records, in file order.
    let mut sentences: Vec<(&str, Vec<Record>)> = Vec::new();
    for rec in records.iter().filter(|rec| rec["event"] != "DOCUMENT") {
        let (Some(sentence), Some(event)) = (rec["text"].as_str(), rec["event"].as_str()) else {
            r.skipped += 1;
            continue;
        };
        let entry = (rec["id"].as_str().unwrap_or("?"), plover_2021(event), rec);
        match sentences.iter_mut().find(|(s, _)| *s == sentence) {
            Some((_, recs)) => recs.push(entry),
            None => sentences.push((sentence, vec![entry])),
        }
    }
    for (sentence, recs) in &sentences {
        let Ok(doc) = ingest(
            Source {
                name: recs[0].0,
                bytes: sentence.as_bytes(),
            },
            Format::Text,
        ) else {
            r.skipped += recs.len();
            continue;
        };
        let model = entente_core::extract::extract(&Corpus { documents: vec![doc] });
        r.sentences += 1;
        r.predicted += model.events.len();
        r.correct += model
            .events
            .iter()
            .filter(|e| recs.iter().any(|(_, t, _)| e.code.plover.as_deref() == Some(*t)))
            .count();
        for (id, gold_type, rec) in recs {
            r.records += 1;
            let (sources, targets) = (gold_actors(&rec["source"]), gold_actors(&rec["target"]));
            let typed: Vec<_> = model
                .events
                .iter()
                .filter(|e| e.code.plover.as_deref() == Some(*gold_type))
                .collect();
            r.typed += typed.len();
            r.type_hits += usize::from(!typed.is_empty());
            let mut wrong_args = false;
            for e in &typed {
                let actor_ok = agrees(&model.actors[e.actor as usize], &sources);
                let recipient_ok = match e.recipient {
                    None => targets.is_empty(),
                    Some(t) => agrees(&model.actors[t as usize], &targets),
                };
                r.actor_ok += usize::from(actor_ok);
                r.recipient_ok += usize::from(recipient_ok);
                wrong_args |= !(actor_ok && recipient_ok);
            }
            if typed.is_empty() || wrong_args {
                let list = |g: &[GoldActor]| {
                    if g.is_empty() {
                        "-".to_string()
                    } else {
                        g.iter()
                            .map(|a| format!("{}[{}]", a.text, a.code))
                            .collect::<Vec<_>>()
                            .join(",")
                    }
                };
                let what = if typed.is_empty() { "type missed" } else { "actors differ" };
                r.details.push(format!(
                    "{id} {what}: gold {gold_type} {} -> {}; got {}",
                    list(&sources),
                    list(&targets),
                    describe(&model)
                ));
                let short: String = sentence.chars().take(140).collect();
                r.details.push(format!(
                    "    {short}{}",
                    if short.len() < sentence.len() { "..." } else { "" }
                ));
            }
        }
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_types_map_to_2021() {
        assert_eq!(plover_2021("DEMAND"), "REQUEST");
        assert_eq!(plover_2021("INVESTIGATE"), "ACCUSE");
        assert_eq!(plover_2021("FIGHT"), "ASSAULT");
        assert_eq!(plover_2021("AGREE"), "AGREE");
    }
}
