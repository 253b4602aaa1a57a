//! The user's corrections as an undoable log applied over the extracted model: merge two
//! actors, rename or retype one, reject an event or a mention. The log is plain data with a
//! compact text form, so it can be stored, undone and redone, and carried in a share link.
//!
//! ```
//! use entente_core::corrections::{Correction, Log, apply};
//! use entente_core::{corpus::default_corpus, extract::extract};
//!
//! let model = extract(&default_corpus());
//! let mut log = Log::default();
//! log.push(Correction::Rename { actor: "org:nis".into(), name: "NIS (South Korea)".into() });
//! let fixed = apply(&model, log.active());
//! assert!(fixed.actors.iter().any(|a| a.name == "NIS (South Korea)"));
//! log.undo();
//! assert!(log.active().is_empty());
//! ```

use crate::model::{ActorId, ActorKind, EventId, Model, Target};
use crate::view_state::{Token, event_key};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// `merge` is the same actor as `keep`: its mentions and events move to `keep`.
    Merge {
        keep: String,
        merge: String,
    },
    Rename {
        actor: String,
        name: String,
    },
    Retype {
        actor: String,
        kind: ActorKind,
    },
    /// The event (by `view_state::event_key`) is wrong: drop it.
    RejectEvent {
        event: String,
    },
    /// The text at this byte span of the document does not refer to what the model says.
    RejectMention {
        doc: String,
        start: u32,
        end: u32,
    },
}

/// The log with an undo cursor: entries past `applied` are undone (and redoable until a new
/// correction is made).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Log {
    pub entries: Vec<Correction>,
    pub applied: usize,
}

impl Log {
    pub fn push(&mut self, c: Correction) {
        self.entries.truncate(self.applied);
        self.entries.push(c);
        self.applied = self.entries.len();
    }
    pub fn undo(&mut self) -> bool {
        let can = self.applied > 0;
        self.applied -= usize::from(can);
        can
    }
    pub fn redo(&mut self) -> bool {
        let can = self.applied < self.entries.len();
        self.applied += usize::from(can);
        can
    }
    /// The corrections in force.
    pub fn active(&self) -> &[Correction] {
        &self.entries[..self.applied]
    }
}

/// Why a stored or linked log could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "corrections could not be read: {}", self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Escapes the separators of the text form (`;`, `>`, `%`, `@`, `-` inside names).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ';' | '>' | '%' | '@' | '\n' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn unesc(s: &str) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            let h: String = chars.by_ref().take(2).collect();
            let b = u8::from_str_radix(&h, 16).map_err(|_| DecodeError(format!("bad escape %{h}")))?;
            out.push(char::from(b));
        } else {
            out.push(c);
        }
    }
    Ok(out)
}

/// The compact text form: one entry per `;`, e.g. `m:org:nis>KOR:SPY;n:KOR>Republic of Korea`.
pub fn encode(log: &[Correction]) -> String {
    log.iter()
        .map(|c| match c {
            Correction::Merge { keep, merge } => format!("m:{}>{}", esc(keep), esc(merge)),
            Correction::Rename { actor, name } => format!("n:{}>{}", esc(actor), esc(name)),
            Correction::Retype { actor, kind } => format!("t:{}>{}", esc(actor), kind.token()),
            Correction::RejectEvent { event } => format!("e:{}", esc(event)),
            Correction::RejectMention { doc, start, end } => format!("x:{}@{start}-{end}", esc(doc)),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Longest text form accepted.
pub const MAX_ENCODED: usize = 4_096;

pub fn decode(text: &str) -> Result<Vec<Correction>, DecodeError> {
    if text.len() > MAX_ENCODED {
        return Err(DecodeError(format!(
            "{} bytes, over the {MAX_ENCODED}-byte limit",
            text.len()
        )));
    }
    if text.is_empty() {
        return Ok(Vec::new());
    }
    text.split(';')
        .map(|entry| {
            let (tag, body) = entry
                .split_once(':')
                .ok_or_else(|| DecodeError(format!("entry without a kind: {entry:.40}")))?;
            let pair = || {
                body.split_once('>')
                    .ok_or_else(|| DecodeError(format!("entry without '>': {entry:.40}")))
            };
            Ok(match tag {
                "m" => {
                    let (a, b) = pair()?;
                    Correction::Merge {
                        keep: unesc(a)?,
                        merge: unesc(b)?,
                    }
                }
                "n" => {
                    let (a, b) = pair()?;
                    Correction::Rename {
                        actor: unesc(a)?,
                        name: unesc(b)?,
                    }
                }
                "t" => {
                    let (a, b) = pair()?;
                    let kind = ActorKind::from_token(b).ok_or_else(|| DecodeError(format!("unknown actor kind {b:.20}")))?;
                    Correction::Retype { actor: unesc(a)?, kind }
                }
                "e" => Correction::RejectEvent { event: unesc(body)? },
                "x" => {
                    let (doc, range) = body
                        .rsplit_once('@')
                        .ok_or_else(|| DecodeError(format!("mention without '@': {entry:.40}")))?;
                    let (s, e) = range
                        .split_once('-')
                        .ok_or_else(|| DecodeError(format!("mention without a range: {entry:.40}")))?;
                    let start: u32 = s.parse().map_err(|_| DecodeError(format!("bad offset {s:.12}")))?;
                    let end: u32 = e.parse().map_err(|_| DecodeError(format!("bad offset {e:.12}")))?;
                    if end < start {
                        return Err(DecodeError(format!("empty range {start}-{end}")));
                    }
                    Correction::RejectMention {
                        doc: unesc(doc)?,
                        start,
                        end,
                    }
                }
                other => return Err(DecodeError(format!("unknown kind {other:.8}"))),
            })
        })
        .collect()
}

/// The model with the corrections applied in order. Corrections that name actors, events or
/// mentions the model does not have are skipped (a log made on other data).
pub fn apply(model: &Model, log: &[Correction]) -> Model {
    let mut m = model.clone();
    for c in log {
        match c {
            Correction::Rename { actor, name } => {
                if let Some(a) = m.actors.iter_mut().find(|a| &a.key == actor) {
                    if !a.aliases.contains(&a.name) {
                        a.aliases.push(a.name.clone());
                    }
                    a.name = name.clone();
                    a.short = None;
                }
            }
            Correction::Retype { actor, kind } => {
                if let Some(a) = m.actors.iter_mut().find(|a| &a.key == actor) {
                    a.kind = *kind;
                }
            }
            Correction::Merge { keep, merge } => {
                let (Some(k), Some(x)) = (find(&m, keep), find(&m, merge)) else {
                    continue;
                };
                if k != x {
                    merge_actors(&mut m, k, x);
                }
            }
            Correction::RejectEvent { event } => {
                if let Some(id) = (0..m.events.len() as EventId).find(|&i| event_key(&m, i).as_deref() == Some(event.as_str())) {
                    m.events.remove(id as usize);
                    renumber_events(&mut m);
                }
            }
            Correction::RejectMention { doc, start, end } => {
                let Some(d) = m.documents.iter().position(|x| &x.id == doc) else {
                    continue;
                };
                let mut dropped: Vec<Target> = Vec::new();
                m.mentions.retain(|x| {
                    let hit = x.doc as usize == d && x.span.start == *start && x.span.end == *end;
                    if hit {
                        dropped.push(x.target);
                    }
                    !hit
                });
                for t in dropped {
                    if let Target::Actor(a) = t {
                        m.actors[a as usize].mention_count = m.actors[a as usize].mention_count.saturating_sub(1);
                    }
                }
            }
        }
    }
    m
}

fn find(m: &Model, key: &str) -> Option<ActorId> {
    m.actors.iter().position(|a| a.key == key).map(|i| i as ActorId)
}

/// Moves everything of actor `x` onto `k`, then removes `x` and renumbers actors.
fn merge_actors(m: &mut Model, k: ActorId, x: ActorId) {
    let gone = m.actors[x as usize].clone();
    {
        let keep = &mut m.actors[k as usize];
        for alias in gone.aliases.iter().chain(std::iter::once(&gone.name)) {
            if !keep.aliases.contains(alias) && *alias != keep.name {
                keep.aliases.push(alias.clone());
            }
        }
        keep.mention_count += gone.mention_count;
        keep.document_count = keep.document_count.max(gone.document_count);
        keep.short = keep.short.clone().or(gone.short);
        keep.seat = keep.seat.clone().or(gone.seat);
    }
    let remap = |id: ActorId| if id == x { k } else { id };
    for e in &mut m.events {
        e.actor = remap(e.actor);
        e.recipient = e.recipient.map(remap);
        e.source = e.source.map(remap);
    }
    // An event that now joins an actor to itself says nothing about relations.
    m.events.retain(|e| e.recipient != Some(e.actor));
    for mention in &mut m.mentions {
        if mention.target == Target::Actor(x) {
            mention.target = Target::Actor(k);
        }
    }
    for a in &mut m.actors {
        a.country = a.country.map(remap).filter(|&c| c != a.id);
        a.parent = a.parent.map(remap).filter(|&p| p != a.id);
        if let Some(af) = &mut a.affiliation {
            af.actor = remap(af.actor);
        }
    }
    // Remove `x`, shifting later ids down by one.
    m.actors.remove(x as usize);
    let shift = |id: ActorId| if id > x { id - 1 } else { id };
    for (i, a) in m.actors.iter_mut().enumerate() {
        a.id = i as ActorId;
        a.country = a.country.map(shift);
        a.parent = a.parent.map(shift);
        if let Some(af) = &mut a.affiliation {
            af.actor = shift(af.actor);
        }
    }
    for e in &mut m.events {
        e.actor = shift(e.actor);
        e.recipient = e.recipient.map(shift);
        e.source = e.source.map(shift);
    }
    for mention in &mut m.mentions {
        if let Target::Actor(a) = mention.target {
            mention.target = Target::Actor(shift(a));
        }
    }
    renumber_events(m);
}

fn renumber_events(m: &mut Model) {
    for (i, e) in m.events.iter_mut().enumerate() {
        e.id = i as EventId;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::default_corpus;
    use crate::extract::extract;

    fn model() -> Model {
        extract(&default_corpus())
    }

    #[test]
    fn text_form_round_trips_with_awkward_names() {
        let log = vec![
            Correction::Merge {
                keep: "org:nis".into(),
                merge: "KOR:SPY".into(),
            },
            Correction::Rename {
                actor: "KOR".into(),
                name: "Republic of Korea; ROK > 50%".into(),
            },
            Correction::Retype {
                actor: "org:lg".into(),
                kind: ActorKind::Company,
            },
            Correction::RejectEvent {
                event: "0a1b2c3d4e5f".into(),
            },
            Correction::RejectMention {
                doc: "abc@def".into(),
                start: 10,
                end: 20,
            },
        ];
        assert_eq!(decode(&encode(&log)).unwrap(), log);
        assert!(decode("q:what").is_err());
        assert!(decode("x:doc@9-3").is_err());
        assert!(decode(&"m:a>b;".repeat(1000)).is_err());
    }

    #[test]
    fn merging_moves_mentions_and_events() {
        let m = model();
        let nis = m.actors.iter().find(|a| a.key == "org:nis").unwrap().clone();
        let kor = m.actors.iter().find(|a| a.key == "KOR").unwrap().clone();
        let fixed = apply(
            &m,
            &[Correction::Merge {
                keep: "KOR".into(),
                merge: "org:nis".into(),
            }],
        );
        assert_eq!(fixed.actors.len(), m.actors.len() - 1);
        assert!(fixed.actors.iter().all(|a| a.key != "org:nis"));
        let k = fixed.actors.iter().find(|a| a.key == "KOR").unwrap();
        assert_eq!(k.mention_count, kor.mention_count + nis.mention_count);
        assert!(k.aliases.contains(&nis.name));
        // Every id is in range and consistent after the renumbering.
        for (i, a) in fixed.actors.iter().enumerate() {
            assert_eq!(a.id as usize, i);
        }
        for e in &fixed.events {
            assert!((e.actor as usize) < fixed.actors.len());
            assert_ne!(Some(e.actor), e.recipient);
        }
        for mention in &fixed.mentions {
            if let Target::Actor(a) = mention.target {
                assert!((a as usize) < fixed.actors.len());
            }
        }
    }

    #[test]
    fn rejecting_an_event_and_undo() {
        let m = model();
        let key = event_key(&m, 0).unwrap();
        let mut log = Log::default();
        log.push(Correction::RejectEvent { event: key.clone() });
        let fixed = apply(&m, log.active());
        assert_eq!(fixed.events.len(), m.events.len() - 1);
        assert!((0..fixed.events.len() as EventId).all(|i| event_key(&fixed, i).as_deref() != Some(key.as_str())));
        assert!(log.undo());
        assert_eq!(apply(&m, log.active()).events.len(), m.events.len());
        assert!(log.redo());
        // A new correction after an undo drops the redo tail.
        log.undo();
        log.push(Correction::Rename {
            actor: "KOR".into(),
            name: "ROK".into(),
        });
        assert_eq!(log.entries.len(), 1);
        assert!(!log.redo());
    }

    #[test]
    fn corrections_for_other_data_are_skipped() {
        let m = model();
        let fixed = apply(
            &m,
            &[
                Correction::Merge {
                    keep: "nobody".into(),
                    merge: "KOR".into(),
                },
                Correction::RejectEvent {
                    event: "ffffffffffff".into(),
                },
            ],
        );
        assert_eq!(fixed.actors.len(), m.actors.len());
        assert_eq!(fixed.events.len(), m.events.len());
    }
}
