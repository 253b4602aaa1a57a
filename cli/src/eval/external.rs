//! Scores on the evaluation sets in ../shared/eval (re3d, GUM news, PLOVER).
//!
//! `entente-cli eval [--details] [--spacy FILE]`: FILE holds spaCy's predictions on the same
//! texts, written by scripts/spacy_baseline.py as
//! `{"re3d": {doc_id: [[start_byte, end_byte, "PER"|"ORG"|"LOC"], ...]}, "gum": {...}}`;
//! they are scored by the same code as Entente's and printed beside them.

use super::ner_score::{CLASSES, Class, Counts, DocErrors, Ent, NerSet, micro, prepare, prf, score_doc};
use super::{Score, gum, plover, re3d};
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

const EVAL_DIR: &str = "../shared/eval";

/// Prints the scores of every evaluation set found beside the repository.
pub fn run(details: bool) -> Result<(), String> {
    let spacy = match spacy_arg()? {
        Some(path) => Some(load_spacy(&path)?),
        None => None,
    };
    let root = Path::new(EVAL_DIR);
    if !root.is_dir() {
        println!("evaluation sets: {EVAL_DIR} not found, skipping re3d, GUM and PLOVER");
        return Ok(());
    }
    let mut sets = Vec::new();
    for (dir, load) in [
        ("re3d", re3d::load as fn(&Path) -> Result<NerSet, String>),
        ("gum_news", gum::load),
    ] {
        if root.join(dir).is_dir() {
            sets.push(load(&root.join(dir))?);
        } else {
            println!("{EVAL_DIR}/{dir} not found, skipped");
        }
    }
    println!();
    println!("named entities: strict = same span and class; lenient = overlapping span, same class, one-to-one");
    println!("  (spans compared without surrounding space, a leading \"the \" or a trailing \"'s\")");
    for set in &sets {
        ner_table(set, spacy.as_ref(), details)?;
    }
    throughput(&sets);
    let gsr = root.join("plover/PLOVER_GSR_CAMEO.json");
    if gsr.is_file() {
        plover_table(&gsr, details)?;
    } else {
        println!("{} not found, skipped", gsr.display());
    }
    Ok(())
}

/// `--spacy FILE` from the command line (main.rs passes only `--details` on).
fn spacy_arg() -> Result<Option<String>, String> {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == "--spacy") {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .filter(|f| !f.starts_with("--"))
            .cloned()
            .map(Some)
            .ok_or_else(|| "--spacy needs a file (written by scripts/spacy_baseline.py)".to_string()),
    }
}

fn load_spacy(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    if !v.is_object() {
        return Err(format!(
            "{path}: expected {{\"re3d\": {{doc_id: [[start, end, class], ...]}}, \"gum\": {{...}}}}"
        ));
    }
    Ok(v)
}

/// spaCy's predictions for one document; entries that are not [int, int, "PER"|"ORG"|"LOC"] count as invalid.
fn spacy_entities(v: &Value) -> (Vec<Ent>, usize) {
    let mut invalid = 0;
    let mut out = Vec::new();
    for e in v.as_array().into_iter().flatten() {
        match (e[0].as_u64(), e[1].as_u64(), e[2].as_str().and_then(Class::parse)) {
            (Some(s), Some(t), Some(class)) => out.push(Ent {
                start: s as usize,
                end: t as usize,
                class,
            }),
            _ => invalid += 1,
        }
    }
    (out, invalid)
}

struct SystemScore {
    name: &'static str,
    counts: Counts,
    predicted: [usize; 3],
}

/// Entente's micro-averaged strict and lenient scores on one set (for the gold tests).
pub fn entente_micro(set: &NerSet) -> (Score, Score) {
    let mut counts = Counts::default();
    for d in &set.docs {
        let (gold, _) = prepare(&d.doc.text, d.gold.iter().copied());
        let predicted = entente_core::extract::ner::named_entities(&d.doc).into_iter().map(|n| Ent {
            start: n.span.start as usize,
            end: n.span.end as usize,
            class: Class::of(n.class),
        });
        let (pred, _) = prepare(&d.doc.text, predicted);
        counts.add(&score_doc(&gold, &pred).0);
    }
    (micro(&counts.strict), micro(&counts.lenient))
}

fn ner_table(set: &NerSet, spacy: Option<&Value>, details: bool) -> Result<(), String> {
    let mut entente = SystemScore {
        name: "entente",
        counts: Counts::default(),
        predicted: [0; 3],
    };
    let mut theirs = SystemScore {
        name: "spacy",
        counts: Counts::default(),
        predicted: [0; 3],
    };
    let mut gold_n = [0; 3];
    let (mut spacy_invalid, mut spacy_missing) = (0, 0);
    let spacy_set = spacy.map(|s| &s[set.name]);
    let mut errors = Vec::new();
    for d in &set.docs {
        let text = &d.doc.text;
        let (gold, _) = prepare(text, d.gold.iter().copied());
        let predicted = entente_core::extract::ner::named_entities(&d.doc).into_iter().map(|n| Ent {
            start: n.span.start as usize,
            end: n.span.end as usize,
            class: Class::of(n.class),
        });
        let (pred, _) = prepare(text, predicted);
        let (counts, errs) = score_doc(&gold, &pred);
        entente.counts.add(&counts);
        for (k, c) in CLASSES.into_iter().enumerate() {
            gold_n[k] += gold.iter().filter(|e| e.class == c).count();
            entente.predicted[k] += pred.iter().filter(|e| e.class == c).count();
        }
        if details {
            errors.extend(error_lines(&d.id, text, &gold, &pred, &errs));
        }
        if let Some(s) = spacy_set {
            let Some(v) = s.get(&d.id) else {
                spacy_missing += 1;
                continue;
            };
            let (raw, bad) = spacy_entities(v);
            let (pred, out_of_text) = prepare(text, raw);
            spacy_invalid += bad + out_of_text;
            theirs.counts.add(&score_doc(&gold, &pred).0);
            for (k, c) in CLASSES.into_iter().enumerate() {
                theirs.predicted[k] += pred.iter().filter(|e| e.class == c).count();
            }
        }
    }
    println!(
        "{}: {} gold mentions (PER {}, ORG {}, LOC {})",
        set.name,
        gold_n.iter().sum::<usize>(),
        gold_n[0],
        gold_n[1],
        gold_n[2]
    );
    for n in &set.notes {
        println!("  note: {n}");
    }
    if spacy_set.is_some_and(Value::is_null) {
        println!("  note: the spaCy file has no \"{}\" entry", set.name);
    } else if spacy_missing > 0 || spacy_invalid > 0 {
        println!(
            "  note: spaCy file: {spacy_missing} documents missing, {spacy_invalid} invalid spans skipped (is it from the same data?)"
        );
    }
    let systems: Vec<&SystemScore> = if spacy_set.is_some_and(|s| !s.is_null()) {
        vec![&entente, &theirs]
    } else {
        vec![&entente]
    };
    let line = |label: &str, sys: &SystemScore, strict: Score, lenient: Score, predicted: usize| {
        println!(
            "  {:<5} {label:<5} {:<8} {} (strict) | lenient {}   pred {predicted}",
            set.name,
            sys.name,
            prf(&strict),
            prf(&lenient)
        );
    };
    for (k, c) in CLASSES.into_iter().enumerate() {
        for sys in &systems {
            line(c.label(), sys, sys.counts.strict[k], sys.counts.lenient[k], sys.predicted[k]);
        }
    }
    for sys in &systems {
        line(
            "micro",
            sys,
            micro(&sys.counts.strict),
            micro(&sys.counts.lenient),
            sys.predicted.iter().sum(),
        );
    }
    if details && !errors.is_empty() {
        println!("  entente errors per document (missed and spurious are lenient; boundary = overlap, not exact):");
        for e in errors {
            println!("    {e}");
        }
    }
    Ok(())
}

/// At most three lines per document: missed gold, spurious predictions, boundary errors.
fn error_lines(id: &str, text: &str, gold: &[Ent], pred: &[Ent], errs: &DocErrors) -> Vec<String> {
    const SHOWN: usize = 6;
    let show = |e: &Ent| {
        let words = text[e.start..e.end].split_whitespace().collect::<Vec<_>>().join(" ");
        let short: String = words.chars().take(50).collect();
        format!(
            "{:?}/{}",
            if short.len() < words.len() { short + "..." } else { short },
            e.class.label()
        )
    };
    let list = |items: Vec<String>| {
        let n = items.len();
        let mut s = items.into_iter().take(SHOWN).collect::<Vec<_>>().join(", ");
        if n > SHOWN {
            s.push_str(&format!(", ... ({n} in all)"));
        }
        s
    };
    let mut out = Vec::new();
    if !errs.missed.is_empty() {
        out.push(format!(
            "{id} missed: {}",
            list(errs.missed.iter().map(|&i| show(&gold[i])).collect())
        ));
    }
    if !errs.spurious.is_empty() {
        out.push(format!(
            "{id} spurious: {}",
            list(errs.spurious.iter().map(|&i| show(&pred[i])).collect())
        ));
    }
    if !errs.boundary.is_empty() {
        out.push(format!(
            "{id} boundary: {}",
            list(
                errs.boundary
                    .iter()
                    .map(|&(g, p)| format!("{} vs {}", show(&gold[g]), show(&pred[p])))
                    .collect()
            )
        ));
    }
    out
}

/// Entente's named-entity speed over the same texts (best of 3). Words are whitespace-separated
/// tokens, as scripts/spacy_baseline.py counts them.
fn throughput(sets: &[NerSet]) {
    let docs: Vec<_> = sets.iter().flat_map(|s| &s.docs).collect();
    if docs.is_empty() {
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.doc.text.len()).sum();
    let words: usize = docs.iter().map(|d| d.doc.text.split_whitespace().count()).sum();
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            let n: usize = docs
                .iter()
                .map(|d| entente_core::extract::ner::named_entities(&d.doc).len())
                .sum();
            std::hint::black_box(n);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let build = if cfg!(debug_assertions) {
        "debug build: use --release for a real figure"
    } else {
        "release build"
    };
    println!(
        "entente named_entities: {:.0} words/s, {:.2} MB/s over {} texts ({words} words, {:.2} MB), best of 3, {build}",
        words as f64 / best,
        bytes as f64 / 1e6 / best,
        docs.len(),
        bytes as f64 / 1e6
    );
}

fn plover_table(path: &Path, details: bool) -> Result<(), String> {
    let started = Instant::now();
    let r = plover::score(path)?;
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, rc) = (ratio(r.correct, r.predicted), ratio(r.type_hits, r.records));
    let f1 = if p + rc == 0.0 { 0.0 } else { 2.0 * p * rc / (p + rc) };
    let skipped = if r.skipped > 0 {
        format!(", {} skipped", r.skipped)
    } else {
        String::new()
    };
    println!();
    println!(
        "plover gold records ({} records on {} sentences{skipped}; types mapped to PLOVER 2021)",
        r.records, r.sentences
    );
    println!(
        "  event type  P {p:.3} R {rc:.3} F1 {f1:.3}   ({} of {} predicted events have a gold type of their sentence; {} of {} records found)",
        r.correct, r.predicted, r.type_hits, r.records
    );
    println!(
        "  actor agrees on {}/{} type-matched events, recipient on {}/{}   ({:.1}s)",
        r.actor_ok,
        r.typed,
        r.recipient_ok,
        r.typed,
        started.elapsed().as_secs_f64()
    );
    if details {
        for d in &r.details {
            println!("    {d}");
        }
    }
    Ok(())
}
