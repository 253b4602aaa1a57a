//! re3d (Dstl): `<source>/documents.json` and `<source>/entities.json`, mongoexport JSON
//! lines. Gold: Person → PER, Organisation → ORG, Location → LOC; every other type
//! (Nationality, Weapon, Temporal...) is ignored.
//!
//! `begin`/`end` count characters of `text` with `end` exclusive. The annotation tool (Baleen,
//! Java) counts UTF-16 code units; on this data that is the same as counting scalars (no
//! character lies outside the Basic Multilingual Plane), and both agree with `value`.
//! re3d sometimes labels one span twice (a conf-0 "Location" and a conf-0.97 "Organisation" on
//! "Iraq"): only the most confident of the PER/ORG/LOC labels on a span is kept, since a
//! tagger can give a span one class only. Nested gold spans of different extent are all kept.

use super::ner_score::{Class, Ent, NerDoc, NerSet, Unit, ingest_mapped};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn json_lines(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .map(|l| l.trim_start_matches('\u{FEFF}').trim())
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("{} line {}: {e}", path.display(), i + 1)))
        .collect()
}

fn class_of(t: &str) -> Option<Class> {
    match t {
        "Person" => Some(Class::Per),
        "Organisation" => Some(Class::Org),
        "Location" => Some(Class::Loc),
        _ => None,
    }
}

pub fn load(dir: &Path) -> Result<NerSet, String> {
    let mut sources: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("documents.json").is_file())
        .collect();
    sources.sort();
    let mut docs = Vec::new();
    // Unit offset → byte offset, per document (aligned with `docs`).
    let mut maps: Vec<Vec<usize>> = Vec::new();
    let (mut labels, mut relabelled, mut mismatched, mut out_of_range) = (0, 0, Vec::new(), 0);
    for src in &sources {
        let mut index: HashMap<String, usize> = HashMap::new();
        for d in json_lines(&src.join("documents.json"))? {
            let (Some(id), Some(text)) = (d["_id"].as_str(), d["text"].as_str()) else {
                return Err(format!("{}: a document without _id or text", src.display()));
            };
            let (doc, map) = ingest_mapped(id, text, Unit::Utf16)?;
            index.insert(id.to_string(), docs.len());
            maps.push(map);
            docs.push(NerDoc {
                id: id.to_string(),
                doc,
                gold: Vec::new(),
            });
        }
        // (doc, begin, end) → (confidence, class): the most confident label per span.
        let mut best: HashMap<(usize, usize, usize), (f64, Class)> = HashMap::new();
        let mut order = Vec::new();
        for e in json_lines(&src.join("entities.json"))? {
            let Some(class) = e["type"].as_str().and_then(class_of) else {
                continue;
            };
            labels += 1;
            let Some(&d) = e["documentId"].as_str().and_then(|id| index.get(id)) else {
                return Err(format!("{}: entity {} names an unknown document", src.display(), e["_id"]));
            };
            let map = &maps[d];
            let (b, en) = (
                e["begin"].as_u64().unwrap_or(u64::MAX) as usize,
                e["end"].as_u64().unwrap_or(0) as usize,
            );
            if b >= en || en >= map.len() {
                out_of_range += 1;
                continue;
            }
            let (start, end) = (map[b], map[en]);
            let at = &docs[d].doc.text[start..end];
            if e["value"].as_str() != Some(at) {
                mismatched.push(format!("{} {}..{}: value {} but text {at:?}", docs[d].id, b, en, e["value"]));
            }
            let conf = e["confidence"].as_f64().unwrap_or(0.0);
            let key = (d, start, end);
            match best.get_mut(&key) {
                Some(slot) => {
                    relabelled += 1;
                    if conf > slot.0 {
                        *slot = (conf, class);
                    }
                }
                None => {
                    best.insert(key, (conf, class));
                    order.push(key);
                }
            }
        }
        for key in order {
            docs[key.0].gold.push(Ent {
                start: key.1,
                end: key.2,
                class: best[&key].1,
            });
        }
    }
    let mut notes = vec![format!(
        "{} documents from {} sources; {labels} Person/Organisation/Location labels, {relabelled} dropped as a second label on an already-labelled span",
        docs.len(),
        sources.len()
    )];
    if out_of_range > 0 {
        notes.push(format!("{out_of_range} entities with offsets outside their text skipped"));
    }
    if !mismatched.is_empty() {
        notes.push(format!(
            "{} gold `value`s differ from the text at their offsets (kept; offsets trusted), e.g. {}",
            mismatched.len(),
            mismatched[0]
        ));
    }
    Ok(NerSet {
        name: "re3d",
        docs,
        notes,
    })
}
