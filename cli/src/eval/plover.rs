//! The PLOVER gold standard records (PLOVER_GSR_CAMEO.json): one sentence each, with its event
//! type and source/target actors. Each sentence is extracted on its own, as a one-document corpus.
//!
//! The file uses an older PLOVER vocabulary; types are mapped to PLOVER 2021 as the extractor
//! codes them: DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE (2021 folds
//! investigations into ACCUSE), FIGHT → ASSAULT; the others are unchanged.
//! - type recall: records with at least one predicted event of the record's type;
//!   type precision: predicted events whose type is the record's / all predicted events.
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
        .map(|a| GoldActor { text: norm(a["actorText"].as_str().unwrap_or("")), code: a["code"].as_str().unwrap_or("").to_string() })
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
        let by_name = !g.text.is_empty() && actor.aliases.iter().chain([&actor.name]).chain(actor.short.iter()).any(|a| norm(a) == g.text);
        by_code || by_name
    })
}

#[derive(Debug, Default)]
pub struct PloverReport {
    pub records: usize,
    pub skipped: usize,
    /// Records with an event of their type.
    pub type_hits: usize,
    pub predicted: usize,
    /// Predicted events of their record's type.
    pub typed: usize,
    pub actor_ok: usize,
    pub recipient_ok: usize,
    pub details: Vec<String>,
}

fn describe(model: &Model) -> String {
    let name = |id: u32| {
        let a = &model.actors[id as usize];
        format!("{}[{}]", a.short.clone().unwrap_or_else(|| a.name.clone()), a.codes.cameo.as_deref().unwrap_or("-"))
    };
    let events: Vec<String> = model
        .events
        .iter()
        .map(|e| format!("{} {} -> {} ({})", e.code.plover.as_deref().unwrap_or("-"), name(e.actor), e.recipient.map_or("-".to_string(), name), e.trigger))
        .collect();
    if events.is_empty() { "no event".to_string() } else { events.join("; ") }
}

pub fn score(path: &Path) -> Result<PloverReport, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let all: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let records = all.as_array().ok_or_else(|| format!("{}: expected a JSON array", path.display()))?;
    let mut r = PloverReport::default();
    for rec in records.iter().filter(|rec| rec["event"] != "DOCUMENT") {
        let id = rec["id"].as_str().unwrap_or("?");
        let (Some(sentence), Some(event)) = (rec["text"].as_str(), rec["event"].as_str()) else {
            r.skipped += 1;
            continue;
        };
        let Ok(doc) = ingest(Source { name: id, bytes: sentence.as_bytes() }, Format::Text) else {
            r.skipped += 1;
            continue;
        };
        r.records += 1;
        let gold_type = plover_2021(event);
        let (sources, targets) = (gold_actors(&rec["source"]), gold_actors(&rec["target"]));
        let model = entente_core::extract::extract(&Corpus { documents: vec![doc] });
        r.predicted += model.events.len();
        let typed: Vec<_> = model.events.iter().filter(|e| e.code.plover.as_deref() == Some(gold_type)).collect();
        r.typed += typed.len();
        let mut wrong_args = false;
        if !typed.is_empty() {
            r.type_hits += 1;
        }
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
            let list = |g: &[GoldActor]| if g.is_empty() { "-".to_string() } else { g.iter().map(|a| format!("{}[{}]", a.text, a.code)).collect::<Vec<_>>().join(",") };
            let what = if typed.is_empty() { "type missed" } else { "actors differ" };
            r.details.push(format!("{id} {what}: gold {gold_type} {} -> {}; got {}", list(&sources), list(&targets), describe(&model)));
            let short: String = sentence.chars().take(140).collect();
            r.details.push(format!("    {short}{}", if short.len() < sentence.len() { "..." } else { "" }));
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
