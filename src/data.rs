//! The data every view reads: the corpus, its model with the user's corrections applied, and
//! the indices views need, built once per corpus and corrections. Views never copy it; they
//! read it through the app context.

use entente_core::corpus::{Corpus, default_corpus};
use entente_core::corrections::{Correction, apply};
use entente_core::model::{ActorId, Event, EventId, Model};
use entente_core::view_state::{Filters, ModelIndex};
use std::sync::Arc;

pub struct Data {
    pub corpus: Arc<Corpus>,
    /// The model as extracted, before corrections (kept to apply another log to).
    pub extracted: Arc<Model>,
    /// What the views show: `extracted` with the corrections applied (`extracted` itself when
    /// there are none, shared rather than copied).
    pub model: Arc<Model>,
    pub index: ModelIndex,
    /// Events each actor takes part in (as actor or recipient).
    pub events_of: Vec<Vec<EventId>>,
    /// Mention indices per document, in text order.
    pub mentions_of_doc: Vec<Vec<usize>>,
}

impl Data {
    /// The default articles, extracted here.
    pub fn default_corpus() -> Arc<Data> {
        let corpus = default_corpus();
        let model = entente_core::extract::extract(&corpus);
        Data::new(Arc::new(corpus), Arc::new(model), &[])
    }

    pub fn new(corpus: Arc<Corpus>, extracted: Arc<Model>, corrections: &[Correction]) -> Arc<Data> {
        let model = if corrections.is_empty() {
            extracted.clone()
        } else {
            Arc::new(apply(&extracted, corrections))
        };
        let index = ModelIndex::new(&model);
        let mut events_of = vec![Vec::new(); model.actors.len()];
        for e in &model.events {
            events_of[e.actor as usize].push(e.id);
            if let Some(r) = e.recipient {
                events_of[r as usize].push(e.id);
            }
        }
        let mut mentions_of_doc = vec![Vec::new(); corpus.documents.len()];
        for (i, m) in model.mentions.iter().enumerate() {
            mentions_of_doc[m.doc as usize].push(i);
        }
        for list in &mut mentions_of_doc {
            list.sort_by_key(|&i| (model.mentions[i].span.start, std::cmp::Reverse(model.mentions[i].span.end)));
        }
        Arc::new(Data {
            corpus,
            extracted,
            model,
            index,
            events_of,
            mentions_of_doc,
        })
    }

    /// The same corpus and extraction under another corrections log.
    pub fn corrected(&self, corrections: &[Correction]) -> Arc<Data> {
        Data::new(self.corpus.clone(), self.extracted.clone(), corrections)
    }

    pub fn actor_label(&self, id: ActorId) -> String {
        let a = &self.model.actors[id as usize];
        a.short.clone().unwrap_or_else(|| a.name.clone())
    }

    /// The text of the sentence with this index.
    pub fn sentence_text(&self, sentence: u32) -> &str {
        let s = &self.model.sentences[sentence as usize];
        &self.corpus.documents[s.doc as usize].text[s.span.range()]
    }

    /// Whether an event passes the filters shared by every view.
    pub fn event_passes(&self, f: &Filters, e: &Event) -> bool {
        let actors_ok = |id: ActorId| f.kinds.admits(self.model.actors[id as usize].kind);
        let in_time = match &e.date {
            Some(d) => f.from.is_none_or(|from| d.value.date >= from) && f.to.is_none_or(|to| d.value.date <= to),
            None => f.from.is_none() && f.to.is_none(),
        };
        let in_docs = f.documents.is_empty()
            || e.mentions
                .iter()
                .any(|m| f.documents.contains(&self.model.documents[m.doc as usize].id));
        f.quads.admits(e.code.quad)
            && f.modalities.admits(e.modality)
            && (actors_ok(e.actor) || e.recipient.is_some_and(actors_ok))
            && in_time
            && in_docs
            && self.matches_text(&f.text, e)
    }

    /// Free-text search over an event's actors, codes and evidence.
    fn matches_text(&self, text: &str, e: &Event) -> bool {
        if text.trim().is_empty() {
            return true;
        }
        let q = text.to_lowercase();
        let actor_hit = |id: ActorId| {
            let a = &self.model.actors[id as usize];
            a.name.to_lowercase().contains(&q) || a.aliases.iter().any(|x| x.to_lowercase().contains(&q))
        };
        actor_hit(e.actor)
            || e.recipient.is_some_and(actor_hit)
            || e.trigger.contains(&q)
            || e.code.plover.as_deref().is_some_and(|p| p.to_lowercase().contains(&q))
            || e.code.cameo.as_deref().is_some_and(|c| c == q)
            || e.mentions
                .iter()
                .any(|m| self.sentence_text(m.sentence).to_lowercase().contains(&q))
    }

    /// Actors an event filter leaves visible: those in a passing event, plus, when no
    /// event-level filter is on, every actor of an admitted kind.
    pub fn visible_events(&self, f: &Filters) -> Vec<EventId> {
        self.model
            .events
            .iter()
            .filter(|e| self.event_passes(f, e))
            .map(|e| e.id)
            .collect()
    }
}
