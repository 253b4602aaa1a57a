//! Claims that sources can disagree on: ordinals ("the second East Asian country to join"),
//! quantities ("6,800 agents"). Dates are compared in the reduce step, on merged events.

use super::events::DocEvent;
use super::resolve::DocResolution;
use super::view::TokenView;
use crate::document::Span;
use crate::model::ClaimKind;

#[derive(Debug, Clone)]
pub enum ClaimSubject {
    /// An ordinal about an event: "South Korea became the second ... to join".
    Event { event: usize },
    /// A quantity counted in units of an actor or a noun: "6,800 North Korean agents".
    Quantity { entity: Option<usize>, unit: String },
}

#[derive(Debug, Clone)]
pub struct RawClaim {
    pub sentence: u32,
    pub span: Span,
    pub kind: ClaimKind,
    pub value: String,
    pub subject: ClaimSubject,
}

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
    ("fifth", 5),
    ("5th", 5),
    ("sixth", 6),
    ("6th", 6),
    ("last", 0),
    ("only", 1),
];

fn ordinal_name(n: u32) -> &'static str {
    match n {
        0 => "last",
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        5 => "fifth",
        _ => "later",
    }
}

fn parse_number(s: &str) -> Option<f64> {
    s.replace(',', "").parse().ok()
}

pub fn find_claims(v: &TokenView, res: &DocResolution, events: &[DocEvent]) -> Vec<RawClaim> {
    let mut out = Vec::new();
    // Ordinals in a sentence that reports an event: "became the first in Asia to join".
    for (k, e) in events.iter().enumerate() {
        let range = v.sentences[e.sentence as usize].tokens.clone();
        for i in range.clone() {
            let word = v.lower_bytes(i);
            let Some((_, n)) = ORDINALS.iter().find(|(w, _)| w.as_bytes() == word) else {
                continue;
            };
            if *n == 0 && !v.is(i.saturating_sub(1), "the") {
                continue;
            }
            // The ordinal must rank the event's actor: "the first (Asian country) to join".
            let ranks = (i + 1..(i + 9).min(range.end)).any(|j| v.is(j, "to") || v.is_any(j, &["in", "among"]));
            let near = i.abs_diff(e.trigger.start) <= 16;
            if ranks && near && i > range.start && v.is_any(i - 1, &["the", "a"]) {
                let span = v.span(i..(i + 4).min(e.trigger.end.max(i + 1)));
                out.push(RawClaim {
                    sentence: e.sentence,
                    span,
                    kind: ClaimKind::Ordinal,
                    value: ordinal_name(*n).to_string(),
                    subject: ClaimSubject::Event { event: k },
                });
            }
        }
    }
    // Quantities: a number followed by what it counts.
    for (s, sentence) in v.sentences.iter().enumerate() {
        for i in sentence.tokens.clone() {
            if v.kind(i) != crate::text::TokenKind::Number {
                continue;
            }
            let Some(value) = parse_number(v.raw(i)) else { continue };
            if (1800.0..=2100.0).contains(&value) && !v.raw(i).contains(',') {
                continue; // a year
            }
            let money = i > 0 && v.is(i - 1, "$");
            let scale = v
                .is_any(i + 1, &["million", "billion", "trillion", "thousand"])
                .then(|| v.lower(i + 1).to_string());
            let unit_start = i + 1 + usize::from(scale.is_some());
            // What is counted: the actor mention starting within three words, else the next noun.
            let counted = res
                .mentions
                .iter()
                .find(|r| r.mention.tokens.start >= unit_start && r.mention.tokens.start <= unit_start + 2 && r.entity.is_some());
            let unit = if money {
                "US$".to_string()
            } else if let Some(r) = counted {
                v.slice(r.mention.tokens.clone()).to_string()
            } else if unit_start < sentence.tokens.end && v.is_word(unit_start) {
                v.lower(unit_start).to_string()
            } else {
                continue;
            };
            let text_value = match &scale {
                Some(sc) => format!("{} {sc}", v.raw(i)),
                None => v.raw(i).to_string(),
            };
            out.push(RawClaim {
                sentence: s as u32,
                span: v.span(i..(unit_start + 1).min(sentence.tokens.end)),
                kind: ClaimKind::Number,
                value: text_value,
                subject: ClaimSubject::Quantity {
                    entity: counted.and_then(|r| r.entity),
                    unit,
                },
            });
        }
    }
    out
}
