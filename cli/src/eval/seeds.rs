//! Scoring the default corpus against the hand-coded gold (tests/gold/seeds.gold.json).
//!
//! Actors: a predicted actor matches the gold actor with which it shares the most surface
//! forms (aliases, compared case-insensitively without "the"). Each gold actor counts once;
//! a second predicted actor for the same gold actor is a false positive (a split entity).
//! Events: a predicted event matches an unmatched gold event when its actor and recipient map
//! to the gold ones, its type agrees (same PLOVER type, or same CAMEO root code), and one of
//! its sentences contains one of the gold evidence quotes. Gold marked optional is neither
//! rewarded nor penalised.

use super::Score;
use entente_core::corpus::Corpus;
use entente_core::model::{ActorId, Model};
use serde_json::Value;
use std::collections::HashMap;

pub struct SeedReport {
    pub actors: Score,
    pub events: Score,
    pub modality_agree: (usize, usize),
    pub date_agree: (usize, usize),
    pub conflicts_found: (usize, usize),
    pub details: Vec<String>,
}

fn norm(s: &str) -> String {
    let s = s.replace('’', "'").to_lowercase();
    let s = s.strip_prefix("the ").unwrap_or(&s).to_string();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const DOCS: [(&str, usize); 2] = [("000", 0), ("002", 1)];

fn doc_index(key: &str) -> Option<usize> {
    DOCS.iter().find(|(k, _)| *k == key).map(|(_, i)| *i)
}

pub fn score(gold: &Value, corpus: &Corpus, model: &Model) -> SeedReport {
    let gold_actors = gold["actors"].as_array().cloned().unwrap_or_default();
    let mut details = Vec::new();
    // Map each predicted actor to a gold key.
    let mut actor_map: HashMap<ActorId, String> = HashMap::new();
    let mut claimed: HashMap<String, ActorId> = HashMap::new();
    let mut actors = Score::default();
    let mentioned: Vec<&entente_core::model::Actor> = model.actors.iter().filter(|a| a.mention_count > 0).collect();
    for a in &mentioned {
        let forms: Vec<String> = a
            .aliases
            .iter()
            .chain(std::iter::once(&a.name))
            .chain(a.short.iter())
            .map(|s| norm(s))
            .collect();
        let best = gold_actors
            .iter()
            .map(|g| {
                let aliases: Vec<String> = g["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(norm)
                    .chain(std::iter::once(norm(g["name"].as_str().unwrap_or(""))))
                    .collect();
                (g, forms.iter().filter(|f| aliases.contains(f)).count())
            })
            .filter(|(_, n)| *n > 0)
            .max_by_key(|(_, n)| *n);
        match best {
            Some((g, _)) => {
                let key = g["key"].as_str().unwrap_or("").to_string();
                let optional = g["optional"].as_bool().unwrap_or(false);
                actor_map.insert(a.id, key.clone());
                if optional {
                    continue;
                }
                if claimed.contains_key(&key) {
                    actors.fp += 1;
                    details.push(format!("actor split: {} is a second actor for gold {key}", a.name));
                } else {
                    claimed.insert(key, a.id);
                    actors.tp += 1;
                }
            }
            None => {
                actors.fp += 1;
                details.push(format!("actor not in gold: {} ({:?})", a.name, a.aliases));
            }
        }
    }
    for g in &gold_actors {
        let key = g["key"].as_str().unwrap_or("");
        if !g["optional"].as_bool().unwrap_or(false) && !claimed.contains_key(key) {
            actors.fn_ += 1;
            details.push(format!("actor missed: {key} {}", g["name"]));
        }
    }

    // Events.
    let gold_events = gold["events"].as_array().cloned().unwrap_or_default();
    let evidence_spans = |g: &Value| -> Vec<(usize, usize, usize)> {
        g["evidence"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|ev| {
                let d = doc_index(ev["doc"].as_str()?)?;
                let quote = ev["quote"].as_str()?;
                let start = corpus.documents[d].text.find(quote)?;
                Some((d, start, start + quote.len()))
            })
            .collect()
    };
    let mut matched_gold = vec![false; gold_events.len()];
    let mut events = Score::default();
    let mut modality_agree = (0, 0);
    let mut date_agree = (0, 0);
    for e in &model.events {
        let actor = actor_map.get(&e.actor).cloned();
        let recipient = e.recipient.map(|r| actor_map.get(&r).cloned());
        let root = e.code.cameo.as_deref().map(|c| c[..2].to_string());
        let fits = |g: &Value| {
            let g_actor = g["actor"].as_str().map(str::to_string);
            let g_recipient = g["recipient"].as_str().map(str::to_string);
            let args = actor == g_actor
                && match (&recipient, &g_recipient) {
                    (None, None) => true,
                    (Some(r), Some(gr)) => r.as_ref() == Some(gr),
                    _ => false,
                };
            let plovers: Vec<&str> = g["plover"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let cameos: Vec<&str> = g["cameo"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let type_ok = (plovers.is_empty() && cameos.is_empty())
                || e.code.plover.as_deref().is_some_and(|p| plovers.contains(&p))
                || root.as_deref().is_some_and(|r| cameos.iter().any(|c| c.starts_with(r)));
            let spans = evidence_spans(g);
            let evidence_ok = e.mentions.iter().any(|m| {
                let s = &model.sentences[m.sentence as usize].span;
                spans
                    .iter()
                    .any(|(d, a, b)| *d == m.doc as usize && (*a as u32) < s.end && (*b as u32) > s.start)
            });
            args && type_ok && evidence_ok
        };
        let candidate = gold_events
            .iter()
            .enumerate()
            .filter(|(i, g)| !matched_gold[*i] && fits(g))
            .min_by_key(|(_, g)| g["optional"].as_bool().unwrap_or(false));
        let describe = |e: &entente_core::model::Event| {
            let name = |id: ActorId| {
                model.actors[id as usize]
                    .short
                    .clone()
                    .unwrap_or_else(|| model.actors[id as usize].name.clone())
            };
            format!(
                "{} -> {} {} {:?} ({})",
                name(e.actor),
                e.recipient.map(name).unwrap_or("-".into()),
                e.code.cameo.clone().unwrap_or("-".into()),
                e.code.plover,
                e.trigger
            )
        };
        match candidate {
            Some((i, g)) => {
                matched_gold[i] = true;
                if g["optional"].as_bool().unwrap_or(false) {
                    continue;
                }
                events.tp += 1;
                modality_agree.1 += 1;
                if format!("{:?}", e.modality).to_lowercase() == g["modality"].as_str().unwrap_or("") {
                    modality_agree.0 += 1;
                }
                if let Some(gd) = g["date"].as_str() {
                    date_agree.1 += 1;
                    if e.date.as_ref().is_some_and(|d| d.value.to_string() == gd) {
                        date_agree.0 += 1;
                    }
                }
            }
            None => {
                events.fp += 1;
                details.push(format!("event not in gold: {}", describe(e)));
            }
        }
    }
    for (i, g) in gold_events.iter().enumerate() {
        if !matched_gold[i] && !g["optional"].as_bool().unwrap_or(false) {
            events.fn_ += 1;
            details.push(format!(
                "event missed: {} {} -> {} {:?}",
                g["id"].as_str().unwrap_or(""),
                g["actor"],
                g["recipient"],
                g["plover"]
            ));
        }
    }
    // Conflicts: a gold conflict is found when a claim group cites sentences holding its quotes.
    let gold_conflicts = gold["conflicts"].as_array().cloned().unwrap_or_default();
    let mut found = 0;
    for c in &gold_conflicts {
        let quotes: Vec<(usize, usize, usize)> = c["claims"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|cl| {
                let d = doc_index(cl["doc"].as_str()?)?;
                let q = cl["quote"].as_str()?;
                let start = corpus.documents[d].text.find(q)?;
                Some((d, start, start + q.len()))
            })
            .collect();
        let hit = model.claims.iter().any(|group| {
            let covered = |(d, a, b): &(usize, usize, usize)| {
                group.claims.iter().any(|cl| {
                    let s = &model.sentences[cl.sentence as usize].span;
                    cl.doc as usize == *d && (*a as u32) < s.end && (*b as u32) > s.start
                })
            };
            quotes.iter().filter(|q| covered(q)).count() >= 2
        });
        if hit {
            found += 1;
        } else {
            details.push(format!("conflict missed: {}", c["subject"]));
        }
    }
    SeedReport {
        actors,
        events,
        modality_agree,
        date_agree,
        conflicts_found: (found, gold_conflicts.len()),
        details,
    }
}
