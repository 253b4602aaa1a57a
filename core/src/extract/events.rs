//! Events within one document: a trigger (a verb or an event noun), who does it, to whom, with
//! what CAMEO and PLOVER coding, how surely (modality, polarity) and according to whom.
//!
//! Arguments are found from word order and clause structure, not a parser: the subject is the
//! first actor of the trigger's clause that is not inside a prepositional phrase, the recipient
//! the first actor after it. Passives, relative clauses, infinitives ("decided to join"),
//! participles and event nouns ("Russia’s invasion of Ukraine") have their own rules.

use super::mentions::{NameClass, Referent, Role};
use super::resolve::{DocResolution, EntityKind, Resolved};
use super::view::{Mask, TokenView};
use super::words::*;
use crate::lexicon::Lexicon;
use crate::lexicon::triggers::{Pos, TriggerDef};
use crate::lexicon::verbs::Elem;
use crate::model::{Modality, Polarity};
use std::ops::Range;

/// How an event is coded, before the corpus-level code table fills names and scores in.
#[derive(Debug, Clone, PartialEq)]
pub struct Coding {
    pub cameo: Option<String>,
    pub nearest: Option<String>,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DocEvent {
    pub sentence: u32,
    pub actor: usize,
    pub actor_tokens: Range<usize>,
    pub recipient: Option<usize>,
    pub recipient_tokens: Option<Range<usize>>,
    pub trigger: Range<usize>,
    pub lemma: String,
    pub coding: Coding,
    pub modality: Modality,
    pub polarity: Polarity,
    /// Who the article attributes the claim to.
    pub source: Option<usize>,
    /// A place entity the clause locates the event in.
    pub place: Option<usize>,
}

pub(crate) static DETERMINERS: WordSet = Flag::Determiners.list(&[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "'s", "'", "any", "some",
    "no", "every", "each",
]);
pub(crate) static BE_FORMS: WordSet = Flag::BeForms.list(&["is", "are", "was", "were", "be", "been", "being", "am", "'s"]);
pub(crate) static SUBORDINATORS: WordSet = Flag::Subordinators.list(&[
    "while", "when", "although", "though", "because", "if", "unless", "whether", "whereas", "where", "after", "before", "until",
]);
/// Verbs whose "to"-infinitive complement is an intention, not an act: "applied to join" is
/// an expression of intent (CAMEO 03, PLOVER AGREE), "threatened to withdraw" a threat.
pub(crate) static INTENTION_VERBS: WordSet = Flag::IntentionVerbs.list(&[
    "threaten",
    "threatened",
    "threatens",
    "threatening",
    "plan",
    "plans",
    "planned",
    "planning",
    "try",
    "tries",
    "tried",
    "trying",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "intend",
    "intends",
    "intended",
    "vow",
    "vowed",
    "vows",
    "promise",
    "promised",
    "promises",
    "offer",
    "offered",
    "offers",
    "agree",
    "agreed",
    "agrees",
    "aim",
    "aims",
    "aimed",
    "attempt",
    "attempts",
    "attempted",
    "apply",
    "applied",
    "applies",
    "pledge",
    "pledged",
    "pledges",
    "contemplate",
    "contemplated",
    "contemplating",
    "considering",
    "mulling",
    "weighing",
]);
/// Verbs whose "to"-infinitive complement is what was decided: the complement is the event.
pub(crate) static DECISION_VERBS: WordSet = Flag::DecisionVerbs.list(&[
    "decide", "decided", "decides", "vote", "voted", "votes", "resolve", "resolved", "choose", "chose", "chosen", "move", "moved",
]);
/// Nouns whose "to"-infinitive is their content, not a separate act ("an agreement to share").
pub(crate) static CONTENT_NOUNS: WordSet = Flag::ContentNouns.list(&[
    "agreement",
    "deal",
    "treaty",
    "pact",
    "accord",
    "plan",
    "strategy",
    "resolution",
    "law",
    "bill",
    "mandate",
    "mission",
    "framework",
    "network",
]);
/// Words that evaluate their subject negatively: a statement calling X these criticises X.
pub(crate) static NEGATIVE_EVALUATION: WordSet = Flag::NegativeEvaluation.list(&[
    "pawn",
    "provocation",
    "provocative",
    "aggression",
    "aggressive",
    "hostile",
    "threat",
    "threatening",
    "dangerous",
    "illegal",
    "violation",
    "interference",
    "meddling",
    "bullying",
    "hegemony",
    "hypocrisy",
    "destabilizing",
    "destabilising",
    "reckless",
    "irresponsible",
    "unacceptable",
    "puppet",
    "warmonger",
    "belligerent",
    "contain",
]);
pub(crate) static RELATIVES: WordSet = Flag::Relatives.list(&["which", "who", "whom", "whose"]);
pub(crate) static CLAUSE_PUNCT: WordSet = Flag::ClausePunct.list(&[";", ":", "(", ")", "—", "–"]);

/// A trigger found in a sentence.
#[derive(Debug, Clone)]
struct Trigger {
    tokens: Range<usize>,
    pos: Pos,
    lemma: String,
    coding: Coding,
    needs_recipient: bool,
    statement: bool,
}

pub fn document_events(v: &TokenView, lex: &Lexicon, res: &DocResolution) -> Vec<DocEvent> {
    let mut events = Vec::new();
    // The mentions of each sentence in their order: one stable sort (next to nothing for
    // mentions already in text order) rather than a vector per sentence. A sentence without
    // mentions has no actor, so it has no group to visit.
    let mut by_sentence: Vec<&Resolved> = res.mentions.iter().collect();
    by_sentence.sort_by_key(|r| r.mention.sentence);
    for mentions in by_sentence.chunk_by(|a, b| a.mention.sentence == b.mention.sentence) {
        let s = mentions[0].mention.sentence as usize;
        let is_actor = |r: &&Resolved| {
            r.mention.role == Role::Participant
                && r.entity.is_some_and(|e| {
                    let ent = &res.entities[e];
                    !ent.is_place()
                        && !matches!(ent.kind, EntityKind::Named(NameClass::Place | NameClass::Unknown))
                        && !ent.names.is_empty()
                })
        };
        let actors: Vec<&Resolved> = mentions.iter().copied().filter(is_actor).collect();
        if actors.is_empty() {
            continue;
        }
        let mut covered = Mask::new(v.sentences[s].tokens.clone());
        for r in mentions {
            for i in r.mention.tokens.clone() {
                covered[i] = true;
            }
        }
        let triggers = find_triggers(v, lex, s, &covered);
        // Asked only of an assault or coercion: the scan is over the whole sentence.
        let exercise = || {
            v.sentences[s].tokens.clone().any(|k| {
                v.is_any(
                    k,
                    &[
                        "exercise",
                        "exercises",
                        "drill",
                        "drills",
                        "manoeuvres",
                        "maneuvers",
                        "live-fire",
                    ],
                )
            })
        };
        let mut here: Vec<DocEvent> = Vec::new();
        for t in &triggers {
            if let Some(e) = build_event(v, res, s, t, &actors, mentions) {
                // Firing and attacking during an exercise is the exercise, not an assault.
                if matches!(e.coding.plover.as_deref(), Some("ASSAULT" | "COERCE")) && exercise() {
                    continue;
                }
                let duplicate = here.iter().any(|x| {
                    x.actor == e.actor
                        && x.recipient == e.recipient
                        && x.coding == e.coding
                        && (x.lemma == e.lemma || t.statement)
                });
                if !duplicate {
                    here.push(e);
                }
            }
        }
        // "applied to join", "voted to include": the complement carries the event.
        let complements: Vec<usize> = here.iter().map(|e| e.trigger.start).collect();
        here.retain(|e| {
            let t = e.trigger.start;
            let governs = v.is_any(t, &INTENTION_VERBS) || v.is_any(t, &DECISION_VERBS);
            let complement = (t + 2..t + 6).any(|c| complements.contains(&c) && v.is(c - 1, "to"));
            !(governs && complement)
        });
        // A headline or heading names a topic; only a dyadic event there is an event.
        if matches!(
            block_of(v, s),
            crate::document::BlockKind::Title | crate::document::BlockKind::Heading
        ) {
            here.retain(|e| e.recipient.is_some());
        }
        drop_statements_voicing_intent(v, &mut here);
        policy_acts_by_government(res, &mut here);
        here.extend(attributions(v, res, s, &actors));
        events.extend(here);
    }
    events
}

/// "“We plan to send staff to X,” NIS added": a speaker who states their own intention
/// performs one speech act, the expression of intent (CAMEO 03), not a statement besides it.
/// A report of another act ("NIS said it had been admitted") keeps its statement.
fn drop_statements_voicing_intent(v: &TokenView, here: &mut Vec<DocEvent>) {
    let intents: Vec<usize> = here
        .iter()
        .filter(|e| e.coding.cameo.as_deref().is_some_and(|c| c.starts_with("03")))
        .map(|e| e.actor)
        .collect();
    here.retain(|e| {
        let statement =
            e.coding.cameo.as_deref() == Some("010") && e.recipient.is_none() && v.is_any(e.trigger.start, &REPORTING_VERBS);
        !(statement && intents.contains(&e.actor))
    });
}

/// "Japan became a participant in the X, upgrading its membership": a membership owned by a
/// pronoun continues the sentence's account of the owner, so when it names no organisation it
/// is in the organisation the sentence named before it.
fn membership_organisation<'r>(
    res: &DocResolution,
    t: &Trigger,
    before: &[&'r Resolved],
    actor: &Resolved,
) -> Option<&'r Resolved> {
    let pronoun = matches!(actor.mention.referent, Referent::Pronoun(_));
    if t.coding.mode.as_deref() != Some("membership") || !pronoun {
        return None;
    }
    before.iter().copied().rev().find(|r| {
        r.entity.is_some_and(|e| {
            let ent = &res.entities[e];
            Some(e) != actor.entity && !ent.is_state() && !ent.is_place()
        })
    })
}

/// Nouns of meetings, which an organisation hosts ("a NATO summit").
static MEETING_NOUNS: WordSet = WordSet::new(&["gathering", "meeting", "summit", "conference", "talks", "session"]);

/// "expressed its interest in participating in this gathering, ... attending a NATO summit":
/// a meeting referred back to ("this gathering") has the host the sentence names for a meeting
/// ("a NATO summit"), and that host is the counterpart of the act.
fn meeting_host<'r>(v: &TokenView, actors: &[&'r Resolved], clause: Range<usize>) -> Option<&'r Resolved> {
    let referred_back = clause
        .clone()
        .any(|k| v.is_any(k, &["this", "that", "the"]) && v.is_any(k + 1, &MEETING_NOUNS));
    if !referred_back {
        return None;
    }
    actors
        .iter()
        .copied()
        .find(|r| v.is_any(r.mention.tokens.end, &MEETING_NOUNS))
}

/// Verbs of enacting a policy document, as in the trigger list's "publish|launch ... strategy".
static POLICY_ACTS: WordSet = WordSet::new(&["publish", "launch", "adopt", "unveil", "release"]);

/// "South Korea launched its cybersecurity strategy": a state enacts a strategy or policy
/// through its government (CAMEO codes such acts to XXXGOV), so when the document names that
/// government ("the South Korean government") it is the actor.
fn policy_acts_by_government(res: &DocResolution, here: &mut [DocEvent]) {
    let Some(gov) = crate::lexicon::lexicon().sectors.iter().position(|s| s == "GOV") else {
        return;
    };
    for e in here.iter_mut() {
        let EntityKind::State(country) = res.entities[e.actor].kind else {
            continue;
        };
        if !POLICY_ACTS.has(e.lemma.as_str()) || e.coding.cameo.as_deref() != Some("010") {
            continue;
        }
        let government = EntityKind::Sector {
            country,
            sector: gov as u16,
        };
        if let Some(g) = res.entities.iter().position(|x| x.kind == government) {
            e.actor = g;
        }
    }
}

fn coding_of(def: &TriggerDef) -> Coding {
    Coding {
        cameo: def.cameo.clone(),
        nearest: def.nearest.clone(),
        plover: def.plover.clone(),
        mode: def.mode.clone(),
        context: def.context.clone(),
        note: def.note.clone(),
    }
}

fn clause_end(v: &TokenView, from: usize, limit: usize) -> usize {
    (from..limit).find(|&i| is_clause_boundary(v, i)).unwrap_or(limit)
}

/// A word that opens a new clause. "as" does when a subject and a verb follow ("as the US
/// attempts"), not as a preposition ("as a contributing participant", "such as LG").
// Inlined: asked of nearly every token, and one flag test settles all but "as".
#[inline(always)]
fn is_clause_boundary(v: &TokenView, i: usize) -> bool {
    v.is_in_any(i, &[&CLAUSE_PUNCT, &RELATIVES, &SUBORDINATORS]) || (v.is(i, "as") && as_opens_clause(v, i))
}

/// "as" at `i` opens a clause (see [`is_clause_boundary`]).
fn as_opens_clause(v: &TokenView, i: usize) -> bool {
    v.is(i + 1, "the")
        && !(i > 0 && v.is_any(i - 1, &["such", "same", "well", "so"]))
        && (i + 2..(i + 6).min(v.len())).any(|k| v.is_word(k) && !v.is_capitalized(k) && !verbish_free(v, k))
}

/// A verb form used as a verb here: not after a determiner (even with adjectives between: "a
/// frequent target"), not the second half of a hyphenated modifier ("intelligence-sharing",
/// "US-led"), not followed by "of" ("target of"), and an "-ing" form after a preposition only
/// when an object follows ("for joining the CCDCOE", not "with leading tech firms").
fn verb_like(v: &TokenView, i: usize) -> bool {
    if v.is_capitalized(i) && !v.is_sentence_start(i) {
        return false;
    }
    if i > 0 && v.glued_hyphen[i - 1] {
        return false;
    }
    let w = v.lower(i);
    // A determiner before it, maybe behind an opening quote ("a “contributing participant”").
    let mut k = i;
    while k > 0 && v.is_any(k - 1, &["“", "\"", "‘", "'"]) {
        k -= 1;
    }
    if k > 0 && v.is_any(k - 1, &DETERMINERS) {
        return false;
    }
    if v.is(i + 1, "of") && !w.ends_with("ed") {
        return false;
    }
    // "a frequent target", "longstanding issues": an adjective between a determiner (or
    // nothing) and the word makes it a noun.
    // The cheap test first: `is_adjective` is only needed when it decides.
    if i > 0 && (i > 1 && v.is_any(i - 2, &DETERMINERS) || w.ends_with('s')) {
        if is_adjective(v, i - 1) && !v.lower(i - 1).ends_with("ly") {
            return false;
        }
    }
    if w.ends_with("ing") && i > 0 && v.is_any(i - 1, &PREPOSITIONS) {
        return v.is_any(i + 1, &DETERMINERS) || (i + 1 < v.len() && v.is_capitalized(i + 1));
    }
    true
}

/// Adjectives common in news text (see `is_adjective`).
pub(crate) static COMMON_ADJECTIVES: WordSet = Flag::CommonAdjectives.list(&[
    "frequent",
    "new",
    "major",
    "key",
    "big",
    "main",
    "top",
    "joint",
    "strong",
    "large",
    "small",
    "high",
    "low",
    "recent",
    "former",
    "possible",
    "common",
    "same",
    "real",
    "full",
    "early",
    "late",
    "long",
    "short",
    "good",
    "bad",
    "great",
    "military",
    "nuclear",
    "cyber",
    "foreign",
    "national",
    "international",
    "official",
    "formal",
    "local",
    "regional",
    "global",
    "diplomatic",
    "economic",
    "political",
    "strategic",
    "public",
    "private",
    "free",
]);

/// Token `k` is an adjective by its ending or by being a common one (the token's flag: no
/// lookup of the word).
fn is_adjective(v: &TokenView, k: usize) -> bool {
    const SUFFIXES: [&str; 16] = [
        "al", "ic", "ive", "ous", "ful", "less", "ent", "ant", "ary", "ing", "ish", "able", "ible", "ese", "ian", "ern",
    ];
    v.is_any(k, &COMMON_ADJECTIVES) || {
        let w = v.lower(k);
        w.len() > 4 && SUFFIXES.iter().any(|s| w.ends_with(s))
    }
}

fn noun_like(v: &TokenView, i: usize) -> bool {
    i > 0 && (v.is_any(i - 1, &DETERMINERS) || !verb_like(v, i) || v.lower(i).ends_with('s') || v.is_word(i - 1))
}

fn find_triggers(v: &TokenView, lex: &Lexicon, s: usize, covered: &Mask) -> Vec<Trigger> {
    let range = v.sentences[s].tokens.clone();
    let mut out = Vec::new();
    // The end of the clause each token is in, computed once per sentence.
    let mut clause_ends = vec![range.end; range.len() + 1];
    for i in range.clone().rev() {
        clause_ends[i - range.start] = if is_clause_boundary(v, i) {
            i
        } else {
            clause_ends[i + 1 - range.start]
        };
    }
    let mut i = range.start;
    while i < range.end {
        if covered[i] || !v.is_word(i) {
            i += 1;
            continue;
        }
        // `v.lower(i)` is taken where needed, not here: most words need it in no branch.
        let end = clause_ends[i + 1 - range.start];
        // Two-word event nouns ("missile tests").
        if i + 1 < range.end && v.starts_trigger_pair(i) {
            let w = v.lower(i);
            if let Some(def) = lex.triggers.pair(w, v.lower(i + 1)) {
                out.push(Trigger {
                    tokens: i..i + 2,
                    pos: Pos::Noun,
                    lemma: format!("{} {}", w, v.lower(i + 1)),
                    coding: coding_of(def),
                    needs_recipient: def.needs_recipient,
                    statement: false,
                });
                i += 2;
                continue;
            }
        }
        let defs = v.trigger_defs(lex, i);
        // A particle may list alternatives ("member|participant").
        let particle_follows = |p: &str| (i + 1..(i + 8).min(end)).any(|k| p.split('|').any(|alt| v.lower(k) == alt));
        let verb_def = defs
            .iter()
            .filter(|d| d.pos == Pos::Verb && verb_like(v, i))
            .find(|d| d.particle.as_deref().is_none_or(particle_follows));
        let noun_def = defs.iter().find(|d| d.pos == Pos::Noun && noun_like(v, i));
        let chosen = match (verb_def, noun_def) {
            (Some(vd), Some(nd)) => Some(if v.is_any(i.saturating_sub(1), &DETERMINERS) { nd } else { vd }),
            (a, b) => a.or(b),
        };
        if let Some(def) = chosen {
            let mut tokens = i..i + 1;
            if let Some(p) = &def.particle {
                if !p.contains('|') && v.is(i + 1, p) {
                    tokens.end += 1;
                }
            }
            out.push(Trigger {
                tokens,
                pos: def.pos,
                lemma: def.lemma.clone(),
                coding: coding_of(def),
                needs_recipient: def.needs_recipient,
                statement: false,
            });
            i += 1;
            continue;
        }
        // A verb of saying right after its speaker ("NIS added", "China alleged ...") is one even
        // when a noun follows it.
        let after_speaker = i > 0 && covered[i - 1] && v.is_any(i, &REPORTING_VERBS) && !v.is(i, "according") && verb_like(v, i);
        if is_saying(v, i) || after_speaker {
            let coding = Coding {
                cameo: Some("010".into()),
                nearest: None,
                plover: None,
                mode: None,
                context: None,
                note: Some("a statement: PLOVER does not code comments".into()),
            };
            out.push(Trigger {
                tokens: i..i + 1,
                pos: Pos::Verb,
                lemma: v.lower(i).to_string(),
                coding,
                needs_recipient: false,
                statement: true,
            });
            i += 1;
            continue;
        }
        // The CAMEO verb dictionary, for verbs the trigger list does not cover (the shape bit
        // first: `verb_like` is dearer and most words are no verb form).
        if v.is_verb_form(i) && verb_like(v, i) {
            if let Some((code, lemma)) = dictionary_code(v, lex, i, end) {
                let entry = lex.codes.get(&code);
                let coding = Coding {
                    plover: entry.map(|c| c.plover.clone()).filter(|p| !p.is_empty()),
                    mode: entry.map(|c| c.plover_mode.clone()).filter(|p| !p.is_empty()),
                    context: entry.map(|c| c.plover_context.clone()).filter(|p| !p.is_empty()),
                    cameo: Some(code),
                    nearest: None,
                    note: None,
                };
                out.push(Trigger {
                    tokens: i..i + 1,
                    pos: Pos::Verb,
                    lemma,
                    coding,
                    needs_recipient: true,
                    statement: false,
                });
            }
        }
        i += 1;
    }
    out
}

/// The CAMEO code of a dictionary verb at `i`: the most specific matching pattern of its block,
/// else the verb's or block's default.
fn dictionary_code(v: &TokenView, lex: &Lexicon, i: usize, clause_end: usize) -> Option<(String, String)> {
    let senses = v.verb_senses(lex, i);
    let mut best: Option<(usize, Option<String>, String)> = None;
    for sense in senses {
        if let Some(p) = &sense.particle {
            if !v.is(i + 1, p) {
                continue;
            }
        }
        let block = &lex.verbs.blocks[sense.block as usize];
        let sentence_start = v.sentence_range(i).start;
        let window = (i.saturating_sub(4).max(sentence_start)..i).chain(i + 1..(i + 12).min(clause_end));
        for p in block.candidates(window.map(|k| v.lower(k))) {
            let pattern = &block.patterns[p];
            if pattern_matches(v, lex, &pattern.pre, &pattern.post, i, clause_end) {
                let score = pattern.pre.len() + pattern.post.len();
                if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best = Some((score, pattern.code.clone(), sense.lemma.clone()));
                }
            }
        }
        // A verb's own code counts; a block's default alone is too coarse to code on.
        if best.is_none() && sense.own_code {
            best = Some((0, sense.code.clone(), sense.lemma.clone()));
        }
    }
    best.and_then(|(_, code, lemma)| code.map(|c| (c, lemma)))
}

fn pattern_matches(v: &TokenView, lex: &Lexicon, pre: &[Elem], post: &[Elem], verb: usize, clause_end: usize) -> bool {
    if post.is_empty() && pre.is_empty() {
        return false;
    }
    // Post elements in order, each within a few words of the last.
    let mut at = verb + 1;
    for (n, elem) in post.iter().enumerate() {
        let window = if n == 0 { 6 } else { 3 };
        match (at..(at + window).min(clause_end)).find(|&k| lex.verbs.elem_matches(elem, v.lower(k))) {
            Some(k) => at = k + 1,
            None => return false,
        }
    }
    // Pre elements, nearest last, within the few words before the verb.
    let sentence_start = v.sentence_range(verb).start;
    let mut at = verb;
    for elem in pre.iter().rev() {
        match (sentence_start.max(at.saturating_sub(4))..at)
            .rev()
            .find(|&k| lex.verbs.elem_matches(elem, v.lower(k)))
        {
            Some(k) => at = k,
            None => return false,
        }
    }
    true
}

/// A verb of saying used as one: "said", "alleged that", not the adjective in "alleged Russian
/// cyberattacks" nor "according" (handled as "according to").
// Inlined: asked of most words, and the flag test rules out nearly all of them.
#[inline(always)]
fn is_saying(v: &TokenView, i: usize) -> bool {
    v.is_any(i, &REPORTING_VERBS) && is_reporting_verb_saying(v, i)
}

/// [`is_saying`] of a reporting verb.
fn is_reporting_verb_saying(v: &TokenView, i: usize) -> bool {
    let w = v.lower(i);
    if w == "according" || !verb_like(v, i) {
        return false;
    }
    let before_aux = i > 0 && v.is_any(i - 1, &["has", "have", "had", "was", "were", "is", "are"]);
    let adjectival = v.is_word(i + 1)
        && !v.is_any(
            i + 1,
            &["that", "to", "in", "on", "by", "at", "out", "it", "they", "he", "she", "we"],
        )
        && !v.is_any(i + 1, &DETERMINERS);
    !(w.ends_with("ed") && adjectival && !before_aux)
}

/// Start of the clause containing `i`: after the nearest boundary to its left.
fn clause_start(v: &TokenView, i: usize, sentence_start: usize) -> usize {
    let mut k = i;
    while k > sentence_start {
        let prev = k - 1;
        // A closing quote ends the quoted words: "“If ...,” he warned" is his act, not theirs.
        if is_clause_boundary(v, prev) || v.is(prev, "”") {
            return k;
        }
        if is_saying(v, prev) && prev != i {
            return k;
        }
        if v.is(prev, "that") && prev > sentence_start && is_saying(v, prev - 1) {
            return k;
        }
        k -= 1;
    }
    sentence_start
}

/// True when the mention is the object of a preposition ("in Seoul", "with Japan"), also as
/// a later member of a list ("such as LG and Samsung").
fn in_pp(v: &TokenView, m: &Resolved, floor: usize) -> bool {
    // A mention right before its verb is a subject, whatever precedes it.
    let next = m.mention.tokens.end;
    let after = if v.is_any(
        next,
        &[
            "only", "also", "now", "then", "still", "already", "has", "have", "had", "will", "would", "could", "is", "was",
        ],
    ) {
        next + 1
    } else {
        next
    };
    if after < v.len() && v.is_word(after) && !v.is_capitalized(after) && !verbish_free(v, after) {
        return false;
    }
    let mut k = m.mention.tokens.start;
    let mut steps = 0;
    while k > floor && steps < 12 {
        let p = k - 1;
        steps += 1;
        let adjective = v.is_word(p)
            && !v.is_capitalized(p)
            && !v.is_any(p, &PREPOSITIONS)
            && !v.is_any(p, &REPORTING_VERBS)
            && verbish_free(v, p);
        let list = v.is_any(p, &["and", "or", ","])
            || (v.is_word(p) && v.is_capitalized(p))
            || v.glued_hyphen[p]
            || v.is_any(p, &["'s", "'"]);
        if v.is_any(p, &DETERMINERS) || adjective || list {
            k = p;
            continue;
        }
        return v.is_any(p, &PREPOSITIONS);
    }
    false
}

/// True when the word is not a verb form the lexicon knows.
fn lex_free(v: &TokenView, k: usize) -> bool {
    verbish_free(v, k)
}

/// A lower-case word that is not a verb form: an adjective or a noun inside a phrase.
fn verbish_free(v: &TokenView, k: usize) -> bool {
    let w = v.lower(k);
    !v.is_verb_form(k)
        && !v.is_trigger_form(k)
        && !v.is_any(k, &BE_FORMS)
        && ![
            "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "did", "does", "do",
        ]
        .contains(&w)
}

fn build_event(
    v: &TokenView,
    res: &DocResolution,
    s: usize,
    t: &Trigger,
    actors: &[&Resolved],
    all: &[&Resolved],
) -> Option<DocEvent> {
    let sent = v.sentences[s].tokens.clone();
    let trig = t.tokens.start;
    let start = clause_start(v, trig, sent.start);
    let end = clause_end(v, t.tokens.end, sent.end);
    let entity = |r: &Resolved| r.entity.expect("actors are resolved");
    let before: Vec<&Resolved> = actors.iter().copied().filter(|r| r.mention.tokens.end <= trig).collect();

    let mut coding = t.coding.clone();
    let mut intention: Option<Modality> = None;
    let mut refused = false;
    let (actor, recipient) = if t.pos == Pos::Noun {
        let (actor, recipient) = noun_arguments(v, t, &before, actors, start, end, sent.clone())?;
        (actor, recipient.or_else(|| membership_organisation(res, t, &before, actor)))
    } else {
        // A verb whose subject is an event noun ("cyberattacks ... which targeted X") adds
        // nothing to that noun's event.
        if start > sent.start
            && v.is_any(start - 1, &RELATIVES)
            && (sent.start..start).rev().take(4).any(|k| t_is_event_noun(v, k))
        {
            return None;
        }
        let passive = trig >= 1 && {
            let mut k = trig - 1;
            while k > start && v.is_any(k, &["also", "not", "never", "already", "reportedly", "allegedly"]) {
                k -= 1;
            }
            v.is_any(k, &BE_FORMS)
                && (v.lower(trig).ends_with("ed") || v.lower(trig).ends_with("en") || !v.lower(trig).ends_with('s'))
        };
        let infinitive = trig >= 1 && v.is(trig - 1, "to");
        // "X’s decision to join", "a US push to save": the noun's owner does the infinitive.
        let owner_of_noun = infinitive
            .then(|| {
                let noun = trig.checked_sub(2)?;
                (v.is_word(noun) && !v.is_capitalized(noun)).then_some(())?;
                before
                    .iter()
                    .copied()
                    .filter(|r| r.mention.tokens.end <= noun && noun - r.mention.tokens.end <= 3)
                    .next_back()
            })
            .flatten();
        // "an agreement to share ...": the agreement's content, not another act.
        // The content noun must be a noun here: after a determiner or an adjective ("an
        // intelligence-sharing agreement to share", "its mission is to"), not "we plan to".
        let content_noun = (trig.saturating_sub(4)..trig.saturating_sub(1)).any(|k| {
            v.is_any(k, &CONTENT_NOUNS)
                && (k + 2 == trig || v.is_any(k + 1, &["is", "was", "are", "were"]))
                && k > 0
                && (v.is_any(k - 1, &DETERMINERS)
                    || is_adjective(v, k - 1)
                    || v.glued_hyphen[k - 1]
                    || (k > 1 && v.glued_hyphen[k - 2]))
        });
        if infinitive && content_noun {
            return None;
        }
        if infinitive && trig >= 2 && v.is_any(trig - 2, &DECISION_VERBS) {
            // "voted to include": what was decided happened; its own coding stands.
            intention = Some(Modality::Asserted);
        }
        if infinitive && trig >= 2 && v.is_any(trig - 2, &INTENTION_VERBS) {
            let verb = v.lower(trig - 2);
            intention = Some(Modality::Asserted);
            let hostile = matches!(
                coding.plover.as_deref(),
                Some("ASSAULT" | "COERCE" | "THREATEN" | "SANCTION" | "ACCUSE" | "MOBILIZE")
            );
            coding = if hostile {
                Coding {
                    cameo: Some("138".into()),
                    nearest: None,
                    plover: Some("THREATEN".into()),
                    mode: None,
                    context: None,
                    note: Some("intent to act against the recipient".into()),
                }
            } else {
                Coding {
                    cameo: Some("030".into()),
                    nearest: None,
                    plover: Some("AGREE".into()),
                    mode: None,
                    context: coding.context.clone(),
                    note: Some(format!("intent to {}", t.lemma)),
                }
            };
            if verb.starts_with("threat") {
                // "threatened to withdraw": the event is the threat, aimed at the act's recipient.
                let relations = [
                    "withdraw", "leave", "quit", "cut", "break", "suspend", "sever", "end", "scrap", "cancel",
                ]
                .iter()
                .any(|w| t.lemma.starts_with(w));
                let code = if relations { "1313" } else { "130" };
                coding = Coding {
                    cameo: Some(code.into()),
                    nearest: None,
                    plover: Some("THREATEN".into()),
                    mode: relations.then(|| "relations".to_string()),
                    context: None,
                    note: None,
                };
                intention = None;
            }
        }
        if let Some(rejection) = owner_of_noun.and_then(|_| refusal_coding(v, t, &coding)) {
            coding = rejection;
            refused = true;
        }
        let subject = owner_of_noun
            .or_else(|| {
                before
                    .iter()
                    .copied()
                    .find(|r| r.mention.tokens.start >= start && !in_pp(v, r, start) && !is_possessor(v, r))
            })
            .or_else(|| {
                // "Four Asian allies ..., including South Korea, attended": the named member.
                before.iter().copied().find(|r| {
                    r.mention.tokens.start >= start + 1 && v.is_any(r.mention.tokens.start - 1, &["including", "notably"])
                })
            })
            .or_else(|| {
                // A relative clause: "... which targeted ...".
                (start > sent.start && v.is_any(start - 1, &RELATIVES))
                    .then(|| before.iter().copied().filter(|r| r.mention.tokens.end < start).next_back())
                    .flatten()
            })
            .or_else(|| {
                // Infinitives and participles take their clause's subject.
                let nonfinite = infinitive || v.lower(trig).ends_with("ing") || start == trig;
                nonfinite
                    .then(|| {
                        before
                            .iter()
                            .copied()
                            .find(|r| r.mention.tokens.start >= start && !in_pp(v, r, start))
                    })
                    .flatten()
            });
        let subject = if t.statement {
            // The speaker stands right before the verb ("the NIS said", "China pointed out") or
            // right after it ("..., said the NIS", "NIS added").
            let mut adjacent_before = before
                .iter()
                .copied()
                .rev()
                .find(|r| trig - r.mention.tokens.end <= 2 && !in_pp(v, r, start) && !is_possessor(v, r));
            // "Hu Xijin, the former editor of ... Global Times, tweeted": the head before the apposition.
            if trig >= 1 && v.is(trig - 1, ",") {
                if let Some(comma) = (sent.start..trig - 1)
                    .rev()
                    .take(16)
                    .find(|&k| v.is(k, ",") && v.is_any(k + 1, &["the", "a", "an"]))
                {
                    if let Some(head) = before.iter().copied().rev().find(|r| r.mention.tokens.end == comma) {
                        adjacent_before = Some(head);
                    }
                }
            }
            // "…,” said the NIS": a subject after the verb only right after a quote or a comma.
            let inverted = trig >= 1 && v.is_any(trig - 1, &[",", "”", "\"", "'"]);
            let adjacent_after = inverted
                .then(|| {
                    actors
                        .iter()
                        .copied()
                        .find(|r| r.mention.tokens.start > trig && r.mention.tokens.start <= trig + 2)
                })
                .flatten();
            // "In an opinion piece in the state-run Global Times, China pointed out": the outlet speaks.
            let outlet = (sent.start..trig)
                .find(|&k| v.is_any(k, &["opinion", "editorial", "op-ed", "commentary", "column"]))
                .and_then(|k| {
                    all.iter().copied().find(|r| {
                        r.mention.tokens.start > k
                            && r.mention.tokens.start < trig
                            && r.entity.is_some_and(|e| {
                                res.entities[e]
                                    .sector
                                    .is_some_and(|s| crate::lexicon::lexicon().sectors[s as usize].ends_with("MED"))
                            })
                    })
                });
            outlet.or(adjacent_before).or(adjacent_after)
        } else {
            subject
        };
        let window = if intention.is_some() || coding.plover.as_deref() == Some("THREATEN") {
            12
        } else {
            8
        };
        let after: Vec<&Resolved> = actors
            .iter()
            .copied()
            .filter(|r| r.mention.tokens.start >= t.tokens.end && r.mention.tokens.start < end.max(t.tokens.end + 1))
            .collect();
        // The object lies before any following infinitive ("mobilize allies to hold Russia ...").
        let stop = (t.tokens.end..end)
            .find(|&k| v.is(k, "to") && k + 1 < v.len() && v.is_word(k + 1) && !lex_free(v, k + 1))
            .unwrap_or(end);
        let object = after.iter().copied().find(|r| {
            r.mention.tokens.start <= t.tokens.end + window
                && r.mention.tokens.start < stop
                && Some(entity(r)) != subject.map(entity)
        });
        // Meetings and visits take their counterpart from a modifier too ("attended a NATO conference").
        let object = object.or_else(|| {
            (coding.mode.as_deref() == Some("visit"))
                .then(|| {
                    all.iter().copied().find(|r| {
                        r.mention.tokens.start >= t.tokens.end
                            && r.mention.tokens.start <= t.tokens.end + 4
                            && r.mention.role == Role::Qualifier
                            && r.entity
                                .is_some_and(|e| !res.entities[e].is_place() && !res.entities[e].is_state())
                    })
                })
                .flatten()
        });
        // "“If South Korea takes this path, ...,” he warned": a warning that opens with a condition
        // is aimed at the party whose conduct the condition names.
        let object = object.or_else(|| {
            let conditional_quote = v.is_any(sent.start, &["“", "\""]) && v.is(sent.start + 1, "if");
            (coding.plover.as_deref() == Some("THREATEN") && conditional_quote)
                .then(|| {
                    actors.iter().copied().find(|r| {
                        r.mention.tokens.start > sent.start + 1
                            && r.mention.tokens.end <= trig
                            && Some(entity(r)) != subject.map(entity)
                    })
                })
                .flatten()
        });
        // "South Korea and Japan signed": a symmetric act between the two conjuncts.
        let conjunct = subject.and_then(|sub| {
            let next = sub.mention.tokens.end;
            v.is(next, "and")
                .then(|| {
                    actors
                        .iter()
                        .copied()
                        .find(|r| r.mention.tokens.start == next + 1 && r.mention.tokens.end <= trig)
                })
                .flatten()
        });
        if t.statement {
            let subject = subject?;
            let told = ["told", "tells", "tell"].contains(&v.lower(trig));
            // A statement that calls someone a pawn, a provocation or a threat criticises them.
            let content = t.tokens.end..sent.end;
            let evaluated = content.clone().any(|k| v.is_any(k, &NEGATIVE_EVALUATION));
            if evaluated {
                coding = Coding {
                    cameo: Some("111".into()),
                    nearest: None,
                    plover: Some("ACCUSE".into()),
                    mode: Some("disapprove".into()),
                    context: None,
                    note: Some("a statement characterising the recipient negatively".into()),
                };
                // The criticised party: an actor of the reported clause, else one named in a
                // modifier there ("the rearrangement of US-led groups").
                let target = object.or_else(|| {
                    all.iter().copied().find(|r| {
                        r.mention.tokens.start > t.tokens.end
                            && r.mention.tokens.start < end
                            && r.mention.role == Role::Qualifier
                            && r.entity
                                .is_some_and(|e| !res.entities[e].is_place() && Some(e) != subject.entity)
                    })
                });
                (subject, target)
            } else {
                (subject, if told { object } else { None })
            }
        } else if passive {
            // The agent: "by X", "on the initiative of X", "at the request of X".
            let agent = after.iter().copied().find(|r| {
                let k = r.mention.tokens.start;
                (k >= 1 && v.is(k - 1, "by"))
                    || (k >= 2
                        && v.is(k - 1, "of")
                        && v.is_any(k - 2, &["initiative", "request", "behest", "invitation", "order", "orders"]))
            });
            match agent {
                Some(a) => (a, subject),
                // "it had been admitted to the CCDCOE": membership is the subject's act.
                None if coding.mode.as_deref() == Some("membership") => (subject?, object),
                None => return None,
            }
        } else if let (Some(sub), Some(other), true) = (subject, conjunct, object.is_none() || SYMMETRIC.has(t.lemma.as_str())) {
            (sub, Some(other))
        } else {
            (subject?, object)
        }
    };
    let recipient = recipient.filter(|r| entity(r) != entity(actor));
    // An intention ("attempts to mobilize") is only an event when aimed at someone.
    if intention.is_some() && recipient.is_none() && coding.cameo.as_deref() != t.coding.cameo.as_deref() {
        return None;
    }
    // A unilateral act ("published its strategy") has no recipient, whatever follows it.
    let patient_is_subject = recipient.is_some_and(|r| r.mention.tokens.start < trig);
    let recipient = if t.pos == Pos::Verb
        && !t.needs_recipient
        && !t.statement
        && !patient_is_subject
        && coding.plover.as_deref() != Some("THREATEN")
        && coding.cameo.as_deref() != Some("111")
    {
        None
    } else {
        recipient
    };
    let recipient = recipient.or_else(|| meeting_host(v, actors, t.tokens.end..end).filter(|r| entity(r) != entity(actor)));
    if recipient.is_none() && t.needs_recipient {
        return None;
    }
    let (modality, polarity, source) = modality(v, res, t, actor, all, start, sent.clone());
    // The refused act did not happen, but the refusal coded in its place did.
    let polarity = if refused { Polarity::Positive } else { polarity };
    let modality = match (intention, modality) {
        (Some(m), Modality::Asserted | Modality::Reported) => m,
        (_, m) => m,
    };
    // Where it happened: a city or country the clause locates it in ("in Tallinn"); a region
    // ("the first in Asia") is a scope, not a place of the event.
    let place = all
        .iter()
        .filter(|r| r.mention.role == Role::Location && r.mention.tokens.start >= start && r.mention.tokens.start < end)
        .filter_map(|r| r.entity)
        .find(|&e| matches!(res.entities[e].kind, EntityKind::Place { .. }));
    Some(DocEvent {
        sentence: s as u32,
        actor: entity(actor),
        actor_tokens: actor.mention.tokens.clone(),
        recipient: recipient.map(|r| state_behind_leader_act(v, res, r).unwrap_or(entity(r))),
        recipient_tokens: recipient.map(|r| r.mention.tokens.clone()),
        trigger: t.tokens.clone(),
        lemma: t.lemma.clone(),
        coding,
        modality,
        polarity,
        source,
        place,
    })
}

/// Nouns of declining to act: "X's refusal to join" reports a stance, not the joining.
static REFUSAL_NOUNS: WordSet = WordSet::new(&["refusal", "reluctance", "hesitation", "unwillingness"]);

/// "South Korea's hesitation to join a Quad Plus architecture": declining a cooperative act
/// is a rejection (CAMEO 12, PLOVER REJECT), as CAMEO codes "refuse to cooperate"; declining a
/// hostile act is no rejection of anyone and keeps its coding (with negative polarity).
fn refusal_coding(v: &TokenView, t: &Trigger, act: &Coding) -> Option<Coding> {
    let trig = t.tokens.start;
    let declined = trig >= 2 && v.is(trig - 1, "to") && v.is_any(trig - 2, &REFUSAL_NOUNS);
    let hostile = matches!(
        act.plover.as_deref(),
        Some("ASSAULT" | "COERCE" | "THREATEN" | "SANCTION" | "ACCUSE" | "MOBILIZE" | "PROTEST")
    );
    (declined && !hostile).then(|| Coding {
        cameo: Some("120".into()),
        nearest: None,
        plover: Some("REJECT".into()),
        mode: None,
        context: act.context.clone(),
        note: Some(format!("declining to {}", t.lemma)),
    })
}

/// Acts a state carries out through its leader: "Putin's aggression" is Russia's aggression.
pub(crate) static STATE_ACTS: WordSet = Flag::StateActs.list(&[
    "aggression",
    "invasion",
    "war",
    "offensive",
    "annexation",
    "occupation",
    "incursion",
    "forces",
    "troops",
    "army",
]);

/// "backed Vladimir Putin's military aggression": a war or invasion is waged by the state, so
/// a head of state or government named as its owner stands for their state (CAMEO codes
/// leaders as their government, XXXGOV). The state must be an entity of the document.
fn state_behind_leader_act(v: &TokenView, res: &DocResolution, r: &Resolved) -> Option<usize> {
    let end = r.mention.tokens.end;
    let owns_act = v.is_any(end, &["'s", "'"]) && (end + 1..end + 4).any(|k| v.is_any(k, &STATE_ACTS));
    let EntityKind::Dict(d) = res.entities[r.entity?].kind else {
        return None;
    };
    let lex = crate::lexicon::lexicon();
    let code = &lex.dictionary[d as usize].code;
    let leader = lex.dictionary[d as usize].kind == crate::lexicon::dictionary::DictKind::Person && code.ends_with("GOV");
    if !owns_act || !leader {
        return None;
    }
    res.entities
        .iter()
        .position(|e| matches!(e.kind, EntityKind::State(c) if code[..3] == lex.countries[c as usize].cameo))
}

/// Wrongdoing a source can attribute to an actor.
pub(crate) static CRIMES: WordSet = Flag::Crimes.list(&[
    "fraud",
    "blackmail",
    "extortion",
    "theft",
    "espionage",
    "terrorism",
    "smuggling",
    "trafficking",
    "laundering",
    "corruption",
    "bribery",
    "gambling",
    "hacking",
    "cybercrime",
    "piracy",
    "kidnapping",
    "murder",
    "torture",
    "attacks",
    "attack",
    "cyberattacks",
    "crimes",
    "abuses",
    "atrocities",
    "killings",
]);

/// "According to X, Y are engaged in fraud and blackmail": X accuses Y (CAMEO 112).
fn attributions(v: &TokenView, res: &DocResolution, s: usize, actors: &[&Resolved]) -> Vec<DocEvent> {
    let range = v.sentences[s].tokens.clone();
    let Some(acc) = range.clone().find(|&k| v.is(k, "according") && v.is(k + 1, "to")) else {
        return Vec::new();
    };
    let Some(source) = actors
        .iter()
        .copied()
        .find(|r| r.mention.tokens.start > acc + 1 && r.mention.tokens.start <= acc + 4)
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for k in range.clone() {
        if !v.is_any(k, &["engaged", "involved", "implicated", "responsible", "behind"]) {
            continue;
        }
        let crime = (k + 1..(k + 5).min(range.end)).find(|&c| v.is_any(c, &CRIMES));
        let accused = actors
            .iter()
            .copied()
            .filter(|r| {
                r.mention.tokens.end <= k && r.mention.tokens.start > source.mention.tokens.end && r.entity != source.entity
            })
            .next_back();
        if let (Some(c), Some(y)) = (crime, accused) {
            out.push(DocEvent {
                sentence: s as u32,
                actor: source.entity.expect("actors are resolved"),
                actor_tokens: source.mention.tokens.clone(),
                recipient: y.entity,
                recipient_tokens: Some(y.mention.tokens.clone()),
                trigger: k..c + 1,
                lemma: "accuse".to_string(),
                coding: Coding {
                    cameo: Some("112".into()),
                    nearest: None,
                    plover: Some("ACCUSE".into()),
                    mode: None,
                    context: None,
                    note: Some("a source attributing wrongdoing".into()),
                },
                modality: Modality::Asserted,
                polarity: Polarity::Positive,
                source: source.entity,
                place: None,
            });
        }
    }
    let _ = res;
    out
}

/// The kind of block sentence `s` is in.
fn block_of(v: &TokenView, s: usize) -> crate::document::BlockKind {
    v.block_kinds[v.sentences[s].block]
}

/// Acts done between two parties alike: with "X and Y" as subject, Y is the recipient.
pub(crate) static SYMMETRIC: WordSet = Flag::Symmetric.list(&[
    "sign",
    "agree",
    "meet",
    "cooperate",
    "collaborate",
    "talk",
    "negotiate",
    "share",
    "discuss",
    "ratify",
    "exercise",
    "trade",
]);

/// True when token `k` is an event noun of the trigger list ("cyberattacks").
fn t_is_event_noun(v: &TokenView, k: usize) -> bool {
    crate::lexicon::lexicon()
        .triggers
        .single(v.lower(k))
        .iter()
        .any(|d| d.pos == Pos::Noun)
}

/// "South Korea’s decision": a possessor, not the clause's subject.
fn is_possessor(v: &TokenView, r: &Resolved) -> bool {
    let end = r.mention.tokens.end;
    if v.is_any(end, &["'s", "'"]) {
        return true;
    }
    // "South Korea and Japan’s common membership": the first of two possessors.
    v.is(end, "and")
        && (end + 2..(end + 6).min(v.len()))
            .find(|&k| !v.is_word(k) || v.is_any(k, &["'s", "'"]))
            .is_some_and(|k| v.is_any(k, &["'s", "'"]))
}

/// Arguments of an event noun: the possessor or national modifier is the actor ("Russia’s
/// invasion", "North Korean cyberattacks"); the recipient follows a preposition ("invasion of
/// Ukraine", "accession to the group"), is the object of the verb the noun governs ("tests
/// have rattled Seoul", "attacks which targeted Estonian banks"), or is what the noun is a
/// "target of".
fn noun_arguments<'r>(
    v: &TokenView,
    t: &Trigger,
    before: &[&'r Resolved],
    actors: &[&'r Resolved],
    start: usize,
    end: usize,
    sent: Range<usize>,
) -> Option<(&'r Resolved, Option<&'r Resolved>)> {
    let trig = t.tokens.start;
    let qualifier_ok = |r: &Resolved| {
        let gap = r.mention.tokens.end..trig;
        gap.clone().filter(|&k| !v.glued_hyphen[k]).count() <= 5
            && gap.clone().all(|k| {
                v.is_any(k, &["'s", "'"])
                    || (v.is_word(k) && !v.is_capitalized(k) && !v.is_any(k, &PREPOSITIONS) && !v.is_any(k, &["the", "a", "an"]))
                    || v.glued_hyphen[k]
            })
    };
    // The national or possessive modifier may have been marked a qualifier: look at all mentions.
    let actor = before.iter().copied().rev().find(|r| qualifier_ok(r))?;
    let _ = start;
    // "U.S.-South Korea joint exercise", "US and South Korean drills": a pair acting together,
    // unless a prepositional phrase names the other party ("membership in the CCDCOE").
    let pp_follows = v.is_any(t.tokens.end, &["of", "to", "on", "against", "into", "with", "in"]);
    if pp_follows {
    } else if let Some(partner) = before.iter().copied().rev().find(|r| {
        r.mention.tokens.end + 1 == actor.mention.tokens.start
            || (r.mention.tokens.end + 2 == actor.mention.tokens.start && v.is(r.mention.tokens.end, "-"))
    }) {
        let joined = v.is_any(partner.mention.tokens.end, &["-", "and", "–"]);
        if joined && partner.entity != actor.entity {
            return Some((partner, Some(actor)));
        }
    }
    let after = |from: usize| {
        actors
            .iter()
            .copied()
            .find(|r| r.mention.tokens.start >= from && r.mention.tokens.start < end.max(from + 1))
    };
    let mut recipient = None;
    let next = t.tokens.end;
    if v.is_any(next, &["of", "to", "on", "against", "into", "with"]) {
        recipient = after(next + 1).filter(|r| r.mention.tokens.start <= next + 4);
    }
    if recipient.is_none() {
        // "... cyberattacks in 2007 which targeted Estonian banks", "tests have rattled Seoul".
        let window_end = (next + 10).min(sent.end);
        if let Some(k) = (next..window_end).find(|&k| v.is_any(k, &["which", "that"]) || v.is_any(k, &["have", "has", "had"])) {
            recipient = actors
                .iter()
                .copied()
                .find(|r| r.mention.tokens.start > k + 1 && r.mention.tokens.start <= k + 6);
        }
    }
    if recipient.is_none()
        && t.coding.plover.as_deref() == Some("REQUEST")
        && (sent.start..trig).any(|k| v.is_any(k, &["after", "under", "despite", "following", "amid"]))
    {
        // "X decided ... after a strong US push": the push was on the clause's subject.
        recipient = before
            .iter()
            .copied()
            .find(|r| r.entity != actor.entity && r.mention.tokens.start < trig);
    }
    if recipient.is_none() {
        // "South Korea is a frequent target of North Korean cyberattacks".
        if let Some(tk) = (sent.start..trig)
            .rev()
            .find(|&k| v.is_any(k, &["target", "targets", "victim", "victims"]))
        {
            recipient = before.iter().copied().find(|r| r.mention.tokens.end <= tk);
        }
    }
    Some((actor, recipient))
}

/// Modality, polarity and source of an event from the words around its trigger.
fn modality(
    v: &TokenView,
    res: &DocResolution,
    t: &Trigger,
    actor: &Resolved,
    all: &[&Resolved],
    clause_start: usize,
    sent: Range<usize>,
) -> (Modality, Polarity, Option<usize>) {
    let trig = t.tokens.start;
    let near_before = trig.saturating_sub(4).max(clause_start)..trig;
    // "South Korea's hesitation to join", "refused to attend": the act did not happen.
    let declined = trig >= 2
        && v.is(trig - 1, "to")
        && v.is_any(
            trig - 2,
            &[
                "hesitation",
                "reluctance",
                "refusal",
                "failure",
                "unwillingness",
                "refuse",
                "refused",
                "refuses",
                "declined",
                "declines",
                "failed",
                "fails",
            ],
        );
    let polarity = if declined || near_before.clone().any(|k| v.is_any(k, &["not", "n't", "never", "no"])) {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    let clause = clause_start..trig;
    let sentence_words = |words: &'static [&'static str]| sent.clone().any(|k| v.is_any(k, words));
    // Who says so: the subject of a reporting verb the clause hangs from, or "according to X".
    let mut source = None;
    if let Some(rv) = (sent.start..clause_start).rev().find(|&k| is_saying(v, k)) {
        source = all
            .iter()
            .filter(|r| r.mention.tokens.end <= rv && r.mention.role == Role::Participant)
            .filter_map(|r| r.entity)
            .next_back();
    }
    if let Some(acc) = sent.clone().find(|&k| v.is(k, "according") && v.is(k + 1, "to")) {
        source = source.or_else(|| {
            all.iter()
                .filter(|r| r.mention.tokens.start > acc + 1 && r.mention.tokens.start <= acc + 4)
                .find_map(|r| r.entity)
        });
    }
    if source.is_none() && t.statement {
        source = actor.entity;
    }
    let alleged = clause
        .clone()
        .chain(trig..t.tokens.end)
        .any(|k| v.is_any(k, &ALLEGATION_WORDS))
        || (t.pos == Pos::Noun && (trig.saturating_sub(3)..trig).any(|k| v.is_any(k, &ALLEGATION_WORDS)));
    // Modals and hedges scope over the few words before the trigger in its clause.
    let window = trig.saturating_sub(6).max(clause_start)..trig;
    let hypothetical = window.clone().any(|k| {
        v.is_any(
            k,
            &[
                "could",
                "may",
                "might",
                "would",
                "if",
                "whether",
                "probability",
                "possibility",
                "possible",
                "potential",
            ],
        )
    });
    // "is contemplating attending a summit": a gerund right after a verb of intending is an intention.
    let intended = trig > clause_start && v.lower(trig).ends_with("ing") && v.is_any(trig - 1, &INTENTION_VERBS);
    let predicted = intended
        || window
            .clone()
            .any(|k| v.is_any(k, &["will", "shall", "forthcoming", "upcoming", "expected"]));
    let opinion = sentence_words(&["opinion", "op-ed", "editorial", "commentary", "tweeted", "tweet"]);
    let reported_by_other = source.is_some() && source != actor.entity;
    let modality = if t.statement {
        // A statement happened; what it says is another matter.
        if opinion { Modality::Opinion } else { Modality::Asserted }
    } else if alleged {
        Modality::Alleged
    } else if hypothetical {
        Modality::Hypothetical
    } else if predicted {
        Modality::Predicted
    } else if opinion {
        Modality::Opinion
    } else if reported_by_other {
        Modality::Reported
    } else {
        Modality::Asserted
    };
    let _ = res;
    (modality, polarity, source)
}
