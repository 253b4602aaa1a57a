//! Stable keys for events, lookups from keys to ids, and the check of a decoded state
//! against the corpus it is shown with.

use super::error::Notice;
use super::{Selection, ViewState};
use crate::model::{ActorId, Event, EventId, Model, PlaceId};
use std::collections::HashMap;

/// FNV-1a, 64 bits: stable across runs, platforms and builds.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator that cannot occur in the parts' text, so ("ab","c") ≠ ("a","bc").
            h = (h ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for &b in *part {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The key of one event before collisions are resolved: 12 hex digits (48 bits) of a hash of
/// what identifies the reported fact, none of it an index: actor key, recipient key, CAMEO
/// code, PLOVER type, trigger lemma, and its earliest evidence (document id and byte offset of
/// the trigger; earliest by document id, so the order documents were added does not matter).
fn base_key(model: &Model, event: &Event) -> String {
    let actor_key = |id: ActorId| model.actors.get(id as usize).map_or("", |a| a.key.as_str());
    let evidence = event
        .mentions
        .iter()
        .map(|m| {
            (
                model.documents.get(m.doc as usize).map_or("", |d| d.id.as_str()),
                m.trigger_span.start,
            )
        })
        .min()
        .unwrap_or(("", 0));
    let offset = evidence.1.to_string();
    let h = fnv1a(&[
        actor_key(event.actor).as_bytes(),
        event.recipient.map_or("", actor_key).as_bytes(),
        event.code.cameo.as_deref().unwrap_or("").as_bytes(),
        event.code.plover.as_deref().unwrap_or("").as_bytes(),
        event.trigger.as_bytes(),
        evidence.0.as_bytes(),
        offset.as_bytes(),
    ]);
    format!("{:012x}", h >> 16)
}

/// The stable key of event `id`, as links and exports name it ("3fa2c0d91b7e"), or `None`
/// for an id the model does not have. Two events that hash alike get "-2", "-3"… in id order.
/// O(events) per call: use [`ModelIndex`] to key many events.
pub fn event_key(model: &Model, id: EventId) -> Option<String> {
    let event = model.events.get(id as usize)?;
    let base = base_key(model, event);
    let earlier = model.events[..id as usize]
        .iter()
        .filter(|e| base_key(model, e) == base)
        .count();
    Some(if earlier == 0 {
        base
    } else {
        format!("{base}-{}", earlier + 1)
    })
}

/// The event with key `key`, if the model has it. O(events): use [`ModelIndex`] for many.
pub fn find_event(model: &Model, key: &str) -> Option<EventId> {
    ModelIndex::new(model).event(key)
}

/// Keys of every event and maps from every stable key back to its id, built once per model.
#[derive(Debug, Clone, Default)]
pub struct ModelIndex {
    event_keys: Vec<String>,
    events: HashMap<String, EventId>,
    actors: HashMap<String, ActorId>,
    places: HashMap<String, PlaceId>,
    documents: HashMap<String, u32>,
}

impl ModelIndex {
    pub fn new(model: &Model) -> ModelIndex {
        let mut events = HashMap::with_capacity(model.events.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut event_keys = Vec::with_capacity(model.events.len());
        for (i, e) in model.events.iter().enumerate() {
            let base = base_key(model, e);
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let key = if *n == 1 { base } else { format!("{base}-{n}") };
            events.insert(key.clone(), i as EventId);
            event_keys.push(key);
        }
        // The first of equal keys wins, as a linear search would find it.
        let first = |it: &mut dyn Iterator<Item = (String, u32)>| {
            let mut m = HashMap::new();
            for (k, i) in it {
                m.entry(k).or_insert(i);
            }
            m
        };
        ModelIndex {
            event_keys,
            events,
            actors: first(&mut model.actors.iter().enumerate().map(|(i, a)| (a.key.clone(), i as u32))),
            places: first(&mut model.places.iter().enumerate().map(|(i, p)| (p.key.clone(), i as u32))),
            documents: first(&mut model.documents.iter().enumerate().map(|(i, d)| (d.id.clone(), i as u32))),
        }
    }
    /// The key of event `id` (same as [`event_key`]).
    pub fn event_key(&self, id: EventId) -> Option<&str> {
        self.event_keys.get(id as usize).map(String::as_str)
    }
    pub fn event(&self, key: &str) -> Option<EventId> {
        self.events.get(key).copied()
    }
    pub fn actor(&self, key: &str) -> Option<ActorId> {
        self.actors.get(key).copied()
    }
    pub fn place(&self, key: &str) -> Option<PlaceId> {
        self.places.get(key).copied()
    }
    /// Index into `Model::documents` of the document with this id.
    pub fn document(&self, id: &str) -> Option<u32> {
        self.documents.get(id).copied()
    }
}

/// Checks a decoded state against the model it will be shown with. References the model
/// cannot satisfy are dropped (a missing selection becomes no selection; missing expanded
/// nodes and document filters are removed) and each kind of drop gives one [`Notice`].
/// A link made with other data (`data` differs from `Model::extractor`) keeps its references
/// and says so. Document spans cannot be checked without the texts; see
/// [`validate_spans`](super::validate_spans).
pub fn validate(state: &ViewState, model: &Model) -> (ViewState, Vec<Notice>) {
    let index = ModelIndex::new(model);
    let mut s = state.clone();
    let mut notices = Vec::new();
    let mut missing_actors = Vec::new();
    let mut missing_docs = Vec::new();

    if !s.data.is_empty() && s.data != model.extractor {
        notices.push(Notice::OtherData {
            link: s.data.clone(),
            here: model.extractor.clone(),
        });
    }
    let keep = match &s.selection {
        Selection::None => true,
        Selection::Actor(k) => {
            index.actor(k).is_some() || {
                missing_actors.push(k.clone());
                false
            }
        }
        Selection::Place(k) => {
            index.place(k).is_some() || {
                notices.push(Notice::MissingPlace(k.clone()));
                false
            }
        }
        Selection::Event(k) => {
            index.event(k).is_some() || {
                notices.push(Notice::MissingEvent(k.clone()));
                false
            }
        }
        Selection::Document { id, .. } => {
            index.document(id).is_some() || {
                missing_docs.push(id.clone());
                false
            }
        }
    };
    if !keep {
        s.selection = Selection::None;
    }
    if s.second.as_ref().is_some_and(|k| index.actor(k).is_none()) {
        missing_actors.extend(s.second.take());
    }
    s.expanded.retain(|k| {
        let ok = index.actor(k).is_some();
        if !ok && !missing_actors.contains(k) {
            missing_actors.push(k.clone());
        }
        ok
    });
    s.filters.documents.retain(|id| {
        let ok = index.document(id).is_some();
        if !ok && !missing_docs.contains(id) {
            missing_docs.push(id.clone());
        }
        ok
    });
    if !missing_actors.is_empty() {
        notices.push(Notice::MissingActors(missing_actors));
    }
    if !missing_docs.is_empty() {
        notices.push(Notice::MissingDocuments(missing_docs));
    }
    (s, notices)
}

/// With the texts at hand: a selected span that does not lie inside its document (or not on
/// character boundaries) is dropped, keeping the document selected.
pub fn validate_spans(state: &ViewState, corpus: &crate::corpus::Corpus) -> (ViewState, Vec<Notice>) {
    let mut s = state.clone();
    let mut notices = Vec::new();
    if let Selection::Document {
        id,
        span: span @ Some(_),
    } = &mut s.selection
    {
        let fits = corpus
            .documents
            .iter()
            .find(|d| &d.id == id)
            .is_none_or(|d| span.is_some_and(|sp| d.text.get(sp.start as usize..sp.end as usize).is_some()));
        if !fits {
            notices.push(Notice::SpanOutside { document: id.clone() });
            *span = None;
        }
    }
    (s, notices)
}
