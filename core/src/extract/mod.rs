//! The extractor: from documents to the [`Model`](crate::model::Model).
//!
//! It runs as a map step per document ([`analyze_document`]: sentences, mentions, resolution
//! within the document, events, dates as written) and a reduce step over all documents
//! ([`merge::build_model`]: one id per actor across documents, one event per reported fact,
//! dates resolved against reference dates inferred across documents, conflicting claims).

pub mod cache;
pub mod claims;
pub mod dates;
pub mod events;
pub mod mentions;
pub mod merge;
pub mod merge_dates;
pub mod ner;
pub mod resolve;
pub mod view;
pub mod words;

use crate::corpus::Corpus;
use crate::document::{BlockKind, Document, Span};
use crate::lexicon::Lexicon;
use crate::model::{MentionForm, Model};
use crate::text::{split_sentences, tokenize};
use dates::{TimeExpr, TimeKind, find_times};
use mentions::Role;
use resolve::Entity;
use view::TokenView;

/// A mention as the reduce step needs it: byte spans, no token indices.
#[derive(Debug, Clone)]
pub struct DocMention {
    pub sentence: u32,
    pub span: Span,
    pub entity: Option<usize>,
    pub form: MentionForm,
    pub role: Role,
}

/// A temporal expression with its byte span.
#[derive(Debug, Clone)]
pub struct DocTime {
    pub sentence: u32,
    pub span: Span,
    pub kind: TimeKind,
    pub since: bool,
    /// In the page header (dateline or headline): not evidence about the content's time.
    pub in_header: bool,
}

#[derive(Debug, Clone)]
pub struct DocEventOut {
    pub sentence: u32,
    pub actor: usize,
    pub recipient: Option<usize>,
    pub actor_span: Span,
    pub trigger_span: Span,
    pub recipient_span: Option<Span>,
    pub lemma: String,
    pub coding: events::Coding,
    pub modality: crate::model::Modality,
    pub polarity: crate::model::Polarity,
    pub source: Option<usize>,
    pub place: Option<usize>,
    /// Index into `DocAnalysis::times` of the date expression attached to the event.
    pub time: Option<usize>,
    /// Words after the trigger, lower-cased, for grouping claims ("strategy").
    pub object_words: Vec<String>,
}

/// Everything one document yields: the map step's output.
pub struct DocAnalysis {
    pub sentences: Vec<(Span, BlockKind)>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<DocMention>,
    pub events: Vec<DocEventOut>,
    pub times: Vec<DocTime>,
    /// Organisations located by the text ("X in Tallinn"): (entity, place entity).
    pub located: Vec<(usize, usize)>,
    pub claims: Vec<claims::RawClaim>,
}

/// The map step: one document to its analysis.
pub fn analyze_document(doc: &Document, lex: &Lexicon) -> DocAnalysis {
    let tokens = tokenize(&doc.text);
    let sentences = split_sentences(&doc.text, &tokens, &doc.blocks);
    let v = TokenView::new(&doc.text, tokens, sentences, doc.blocks.iter().map(|b| b.kind).collect(), lex);
    let mut found = Vec::new();
    for s in 0..v.sentences.len() {
        found.extend(mentions::sentence_mentions(&v, lex, s, doc.blocks[v.sentences[s].block].kind));
    }
    let res = resolve::resolve(&v, lex, found);
    let doc_events = events::document_events(&v, lex, &res);
    let mut times: Vec<(TimeExpr, u32)> = Vec::new();
    for (s, sentence) in v.sentences.iter().enumerate() {
        times.extend(find_times(&v, sentence.tokens.clone()).into_iter().map(|t| (t, s as u32)));
    }
    // Before the events are moved into the analysis.
    let claims = claims::find_claims(&v, &res, &doc_events);
    let events = doc_events
        .into_iter()
        .map(|e| {
            // The date nearest the trigger in its sentence, within a dozen words; else a date
            // that opens the sentence ("On Thursday, ...") and so covers all of it. `times` is
            // in sentence order, so the sentence's dates are one run of it.
            let sentence_start = v.sentences[e.sentence as usize].tokens.start;
            let first = times.partition_point(|(_, s)| *s < e.sentence);
            let here = &times[first..first + times[first..].partition_point(|(_, s)| *s == e.sentence)];
            let time = here
                .iter()
                .enumerate()
                .map(|(i, (t, _))| {
                    (
                        first + i,
                        t.tokens
                            .start
                            .abs_diff(e.trigger.start)
                            .min(t.tokens.end.abs_diff(e.trigger.end)),
                    )
                })
                .filter(|(_, d)| *d <= 14)
                .min_by_key(|(_, d)| *d)
                .map(|(i, _)| i)
                .or_else(|| {
                    here.iter()
                        .position(|(t, _)| t.tokens.start <= sentence_start + 2)
                        .map(|i| first + i)
                });
            let object_words = (e.trigger.end..v.sentence_range(e.trigger.start).end)
                .take(8)
                .filter(|&k| v.is_word(k))
                .map(|k| v.lower(k).to_string())
                .collect();
            DocEventOut {
                sentence: e.sentence,
                actor: e.actor,
                recipient: e.recipient,
                actor_span: v.span(e.actor_tokens.clone()),
                trigger_span: v.span(e.trigger.clone()),
                recipient_span: e.recipient_tokens.clone().map(|r| v.span(r)),
                lemma: e.lemma,
                coding: e.coding,
                modality: e.modality,
                polarity: e.polarity,
                source: e.source,
                place: e.place,
                time,
                object_words,
            }
        })
        .collect();
    let mentions: Vec<DocMention> = res
        .mentions
        .iter()
        .filter(|r| r.entity.is_some())
        .map(|r| DocMention {
            sentence: r.mention.sentence,
            span: v.span(r.mention.tokens.clone()),
            entity: r.entity,
            form: r.form,
            role: r.mention.role,
        })
        .collect();
    // "the Korea Institute of Liberal Democracy in Seoul": an organisation and where it is.
    let mut located = Vec::new();
    for pair in res.mentions.windows(2) {
        let (org, place) = (&pair[0], &pair[1]);
        if let (Some(o), Some(p)) = (org.entity, place.entity) {
            let adjacent = place.mention.tokens.start == org.mention.tokens.end + 1 && v.is(org.mention.tokens.end, "in");
            let paren = v.is(org.mention.tokens.end, "(")
                && v.is(org.mention.tokens.end + 2, ")")
                && place.mention.tokens.start == org.mention.tokens.end + 4
                && v.is(org.mention.tokens.end + 3, "in");
            if (adjacent || paren) && res.entities[p].is_place() && !res.entities[o].is_place() && !res.entities[o].is_state() {
                located.push((o, p));
            }
        }
    }
    DocAnalysis {
        sentences: v.sentences.iter().map(|s| (s.span, doc.blocks[s.block].kind)).collect(),
        entities: res.entities,
        mentions,
        events,
        times: times
            .into_iter()
            .map(|(t, s)| DocTime {
                sentence: s,
                span: v.span(t.tokens.clone()),
                kind: t.kind,
                since: t.since,
                in_header: matches!(
                    doc.blocks[v.sentences[s as usize].block].kind,
                    BlockKind::Dateline | BlockKind::Title
                ),
            })
            .collect(),
        located,
        claims,
    }
}

/// Extracts the model of a whole corpus: the map step ([`analyze_document`]) per document, then
/// the reduce step ([`merge::build_model`]); [`cache::extract_cached`] is the one place that runs them.
pub fn extract(corpus: &Corpus) -> Model {
    cache::extract_cached(corpus, &mut cache::AnalysisCache::default(), |_, _| {})
}
