//! Dates across documents: each document's reference date (its header, or the content when the
//! header is missing or contradicted), event dates with the rule that produced them, and the
//! claims that disagree across sources.

use super::DocAnalysis;
use super::claims::ClaimSubject;
use super::dates::{TimeKind, resolve_time};
use super::merge::PendingView;
use crate::corpus::Corpus;
use crate::model::*;
use crate::time::{Date, Precision, WEEKDAYS};
use std::collections::HashMap;

fn time_text<'a>(corpus: &'a Corpus, analyses: &[DocAnalysis], doc: usize, t: usize) -> &'a str {
    &corpus.documents[doc].text[analyses[doc].times[t].span.range()]
}

/// The latest year a document states explicitly: the article cannot be older.
fn latest_stated_year(a: &DocAnalysis) -> Option<i32> {
    a.times
        .iter()
        .filter(|t| !t.in_header)
        .filter_map(|t| match t.kind {
            TimeKind::Full(d) => Some(d.year),
            TimeKind::MonthYear { year, .. } | TimeKind::Year(year) => Some(year),
            _ => None,
        })
        .max()
}

/// Reference dates per document. A header date is used unless the same event, reported by
/// another document with a day and month ("May 5"), pins a weekday ("On Thursday") to a
/// different date: then the content dates the article and the header's conflict is noted.
pub(super) fn reference_dates(corpus: &Corpus, analyses: &[DocAnalysis], pending: &[PendingView]) -> Vec<Option<ReferenceDate>> {
    let mut refs: Vec<Option<ReferenceDate>> = corpus
        .documents
        .iter()
        .map(|d| {
            d.meta.published.map(|h| ReferenceDate {
                date: h.date,
                source: ReferenceSource::Header,
                note: None,
            })
        })
        .collect();
    let mut clusters: HashMap<&str, Vec<&PendingView>> = HashMap::new();
    for p in pending {
        clusters.entry(p.group_key.as_str()).or_default().push(p);
    }
    let mut keys: Vec<&&str> = clusters.keys().collect();
    keys.sort();
    for key in keys {
        let members = &clusters[*key];
        let anchor = |want: fn(TimeKind) -> bool| {
            members.iter().find_map(|p| {
                analyses[p.doc].events[p.k]
                    .time
                    .filter(|&t| want(analyses[p.doc].times[t].kind))
                    .map(|t| (p.doc, t))
            })
        };
        let (Some((md_doc, md_t)), Some((wd_doc, wd_t))) = (
            anchor(|k| matches!(k, TimeKind::MonthDay { .. })),
            anchor(|k| matches!(k, TimeKind::Weekday(_))),
        ) else {
            continue;
        };
        if md_doc == wd_doc {
            continue;
        }
        let (TimeKind::MonthDay { month, day }, TimeKind::Weekday(w)) =
            (analyses[md_doc].times[md_t].kind, analyses[wd_doc].times[wd_t].kind)
        else {
            continue;
        };
        let involved = [md_doc, wd_doc];
        let Some(floor) = involved.iter().filter_map(|&d| latest_stated_year(&analyses[d])).max() else {
            continue;
        };
        let ceiling = involved
            .iter()
            .filter_map(|&d| corpus.documents[d].meta.published.map(|h| h.date.year))
            .max()
            .unwrap_or(floor)
            .max(floor + 1);
        let Some(solved) = (floor..=ceiling)
            .filter_map(|y| Date::new(y, month, day))
            .find(|d| d.weekday() == w)
        else {
            continue;
        };
        let md_text = time_text(corpus, analyses, md_doc, md_t).to_string();
        let wd_text = time_text(corpus, analyses, wd_doc, wd_t).to_string();
        let reason = format!(
            "the same event is dated \"{md_text}\" in {} and \"{wd_text}\" in {}; the first {} {} on or after {floor} (the latest year either article states) is {solved}",
            corpus.documents[md_doc].name,
            corpus.documents[wd_doc].name,
            capitalized(WEEKDAYS[w as usize]),
            md_text,
        );
        let content = ReferenceDate {
            date: solved.add_days(1),
            source: ReferenceSource::Content,
            note: None,
        };
        for &d in &involved {
            let header = corpus.documents[d].meta.published.map(|h| h.date);
            let implied = |r: Date| resolve_time(analyses[wd_doc].times[wd_t].kind, Some(r)).map(|x| x.value.date);
            let note = match header {
                Some(h) if d == wd_doc && implied(h) != Some(solved) => Some(format!(
                    "the header date {h} would put \"{wd_text}\" on {}; but {reason}",
                    implied(h).map_or("?".into(), |x| x.to_string())
                )),
                Some(_) => continue,
                None => Some(format!("no date in the header; {reason}")),
            };
            refs[d] = Some(ReferenceDate { note, ..content.clone() });
        }
    }
    refs
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn precision_rank(p: Precision) -> u8 {
    match p {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
    }
}

/// The date of an event from its mentions: the most precise resolved anchor, with any
/// disagreement between mentions or with a page header noted.
pub(super) fn event_date(
    corpus: &Corpus,
    analyses: &[DocAnalysis],
    refs: &[Option<ReferenceDate>],
    members: &[(usize, usize)],
) -> Option<EventDate> {
    let mut candidates = Vec::new();
    for &(d, k) in members {
        let e = &analyses[d].events[k];
        let Some(t) = e.time else { continue };
        let time = &analyses[d].times[t];
        let reference = refs[d].as_ref().map(|r| r.date);
        if let Some(r) = resolve_time(time.kind, reference) {
            candidates.push((d, t, r));
        }
    }
    let best = candidates.iter().min_by_key(|(_, _, r)| precision_rank(r.value.precision))?;
    let (d, t, r) = best;
    let anchor = time_text(corpus, analyses, *d, *t).to_string();
    let mut conflicts = Vec::new();
    for (d2, t2, r2) in &candidates {
        let coarse = |x: &crate::time::StatedDate, p: Precision| match p {
            Precision::Year => x.date.year.to_string(),
            Precision::Month => format!("{}-{:02}", x.date.year, x.date.month),
            Precision::Day => x.date.to_string(),
        };
        let p = if precision_rank(r2.value.precision) > precision_rank(r.value.precision) {
            r2.value.precision
        } else {
            r.value.precision
        };
        if coarse(&r.value, p) != coarse(&r2.value, p) {
            conflicts.push(format!(
                "{} says \"{}\" ({})",
                corpus.documents[*d2].name,
                time_text(corpus, analyses, *d2, *t2),
                r2.value
            ));
        }
    }
    for &(d2, k2) in members {
        if let (Some(reference), Some(header)) = (&refs[d2], corpus.documents[d2].meta.published) {
            if reference.source == ReferenceSource::Content {
                if let Some(t) = analyses[d2].events[k2].time {
                    if let Some(h) = resolve_time(analyses[d2].times[t].kind, Some(header.date)) {
                        if h.value != r.value {
                            conflicts.push(format!(
                                "read against the page header ({}), {} would date it {}",
                                header.date, corpus.documents[d2].name, h.value
                            ));
                        }
                    }
                }
            }
        }
    }
    conflicts.dedup();
    let mut rule = r.rule.clone();
    if let Some(rf) = refs[*d].as_ref().filter(|rf| rf.source == ReferenceSource::Content) {
        rule.push_str(&format!(
            " (reference inferred from the content: {})",
            rf.note.clone().unwrap_or_default()
        ));
    }
    Some(EventDate {
        value: r.value,
        anchor: Some(anchor),
        anchor_span: Some((*d as u32, analyses[*d].times[*t].span)),
        rule,
        conflict: (!conflicts.is_empty()).then(|| conflicts.join("; ")),
    })
}

/// Claims that disagree across documents: ordinals about the same event, quantities of the
/// same thing, and dates of the same kind of event by the same actor.
pub(super) fn claim_groups(
    corpus: &Corpus,
    analyses: &[DocAnalysis],
    model: &Model,
    sentence_base: &[u32],
    refs: &[Option<ReferenceDate>],
) -> Vec<ClaimGroup> {
    let mut groups = Vec::new();
    // Which model event each document event landed in.
    let mut event_of: HashMap<(usize, u32, u32), EventId> = HashMap::new();
    for e in &model.events {
        for m in &e.mentions {
            event_of.insert((m.doc as usize, m.sentence, m.trigger_span.start), e.id);
        }
    }
    let actor_name = |id: ActorId| {
        model.actors[id as usize]
            .short
            .clone()
            .unwrap_or_else(|| model.actors[id as usize].name.clone())
    };
    // Ordinals.
    let mut ordinals: HashMap<EventId, Vec<Claim>> = HashMap::new();
    // Quantities.
    let mut quantities: HashMap<String, Vec<Claim>> = HashMap::new();
    for (d, a) in analyses.iter().enumerate() {
        for c in &a.claims {
            let claim = Claim {
                doc: d as u32,
                sentence: sentence_base[d] + c.sentence,
                span: c.span,
                value: c.value.clone(),
            };
            match &c.subject {
                ClaimSubject::Event { event } => {
                    let e = &a.events[*event];
                    if let Some(&id) = event_of.get(&(d, sentence_base[d] + e.sentence, e.trigger_span.start)) {
                        ordinals.entry(id).or_default().push(claim);
                    }
                }
                ClaimSubject::Quantity { unit, .. } => {
                    let key = unit.to_lowercase().trim_end_matches('s').to_string();
                    quantities.entry(key).or_default().push(claim);
                }
            }
        }
    }
    let disagree = |claims: &[Claim]| {
        let docs: Vec<u32> = claims.iter().map(|c| c.doc).collect();
        let values: Vec<&str> = claims.iter().map(|c| c.value.as_str()).collect();
        docs.iter().any(|d| *d != docs[0]) && values.iter().any(|v| *v != values[0])
    };
    let mut ids: Vec<&EventId> = ordinals.keys().collect();
    ids.sort();
    for id in ids {
        let claims = &ordinals[id];
        if disagree(claims) {
            let e = &model.events[*id as usize];
            let subject = format!(
                "{}'s rank in \"{} {}\"",
                actor_name(e.actor),
                e.trigger,
                e.recipient.map(actor_name).unwrap_or_default()
            );
            groups.push(ClaimGroup {
                subject,
                kind: ClaimKind::Ordinal,
                claims: claims.clone(),
            });
        }
    }
    let mut units: Vec<&String> = quantities.keys().collect();
    units.sort();
    for unit in units {
        let claims = &quantities[unit];
        if disagree(claims) {
            groups.push(ClaimGroup {
                subject: format!("number of {unit}"),
                kind: ClaimKind::Number,
                claims: claims.clone(),
            });
        }
    }
    // Dates: the same actor doing the same kind of thing to the same object, dated differently
    // by different documents ("published its cybersecurity strategy in April 2019" / "launched
    // its National Cybersecurity Strategy in 2018").
    // A state and its government or agencies count as one actor: one source says "South
    // Korea launched", another "the government launched".
    let state_of = |id: ActorId| model.actors[id as usize].country.unwrap_or(id);
    let mut by_pair: HashMap<(ActorId, Option<ActorId>, Option<&str>, Option<&str>), Vec<&Event>> = HashMap::new();
    for e in &model.events {
        by_pair
            .entry((
                state_of(e.actor),
                e.recipient,
                e.code.cameo.as_deref(),
                e.code.plover.as_deref(),
            ))
            .or_default()
            .push(e);
    }
    let mut pairs: Vec<_> = by_pair.into_iter().collect();
    pairs.sort_by_key(|(k, _)| (k.0, k.1, k.2.map(str::to_string), k.3.map(str::to_string)));
    for (_, same_kind) in pairs {
        for (i, x) in same_kind.iter().enumerate() {
            for y in &same_kind[i + 1..] {
                let (Some(dx), Some(dy)) = (&x.date, &y.date) else { continue };
                let same = state_of(x.actor) == state_of(y.actor)
                    && x.recipient == y.recipient
                    && x.code.cameo == y.code.cameo
                    && x.code.plover == y.code.plover;
                let (mx, my) = (&x.mentions[0], &y.mentions[0]);
                if !same || mx.doc == my.doc || dx.value.date.year == dy.value.date.year {
                    continue;
                }
                let object = |m: &EventMention| {
                    let text = &corpus.documents[m.doc as usize].text;
                    let sentence = &model.sentences[m.sentence as usize];
                    let after = &text[m.trigger_span.end as usize..sentence.span.end as usize];
                    after
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| w.len() > 5)
                        .take(5)
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                };
                let (ox, oy) = (object(mx), object(my));
                let Some(shared) = ox.iter().find(|w| oy.contains(w)) else {
                    continue;
                };
                let claim = |e: &Event, d: &EventDate| {
                    let (doc, span) = d.anchor_span.unwrap_or((e.mentions[0].doc, e.mentions[0].trigger_span));
                    Claim {
                        doc,
                        sentence: e
                            .mentions
                            .iter()
                            .find(|m| m.doc == doc)
                            .map_or(e.mentions[0].sentence, |m| m.sentence),
                        span,
                        value: d.value.to_string(),
                    }
                };
                groups.push(ClaimGroup {
                    subject: format!("when {} did \"{} … {shared}\"", actor_name(x.actor), x.trigger),
                    kind: ClaimKind::Date,
                    claims: vec![claim(x, dx), claim(y, dy)],
                });
            }
        }
    }
    let _ = refs;
    groups
}
