//! `entente-cli bench`: native extraction throughput, with a baseline measured in the same run.
//!
//! The corpus is the seed articles plus the evaluation texts found in ../shared/eval,
//! repeated until it reaches the requested size. The baseline is a plain pass that only
//! tokenizes and splits sentences, so the ratio shows what the extraction itself costs.
//! `bench MB --once` runs only the map step, once, for profilers.

use entente_core::corpus::Corpus;
use entente_core::ingest::{Format, Source, ingest};
use std::time::Instant;

fn texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = entente_core::corpus::SEED_ARTICLES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    for dir in ["../shared/eval/gum_news/text"] {
        if let Ok(entries) = std::fs::read_dir(dir) {
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push((p.display().to_string(), t));
                }
            }
        }
    }
    out
}

pub fn run(args: &[String]) -> Result<(), String> {
    let target_mb: f64 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20.0);
    // `--once`: run the map step a single time and no baseline, for profilers (callgrind, perf).
    let once = args.iter().any(|a| a == "--once");
    let base = texts();
    let mut documents = Vec::new();
    let mut bytes = 0usize;
    let mut i = 0;
    while (bytes as f64) < target_mb * 1e6 {
        let (name, text) = &base[i % base.len()];
        // A marker line keeps every copy a distinct document (distinct ids).
        let text = format!("{text}\n\nCopy {i}.\n");
        bytes += text.len();
        documents.push(
            ingest(
                Source {
                    name,
                    bytes: text.as_bytes(),
                },
                Format::Text,
            )
            .map_err(|e| e.to_string())?,
        );
        i += 1;
    }
    let corpus = Corpus { documents };
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} documents, {:.1} MB ({} distinct texts)",
        corpus.documents.len(),
        mb,
        base.len()
    );
    let lex = entente_core::lexicon::lexicon();
    if once {
        for d in &corpus.documents {
            std::hint::black_box(entente_core::extract::analyze_document(d, lex));
        }
        return Ok(());
    }
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let baseline = best(&|| {
        let mut n = 0;
        for d in &corpus.documents {
            let tokens = entente_core::text::tokenize(&d.text);
            n += entente_core::text::split_sentences(&d.text, &tokens, &d.blocks).len();
        }
        std::hint::black_box(n);
    });
    let map = best(&|| {
        for d in &corpus.documents {
            std::hint::black_box(entente_core::extract::analyze_document(d, lex));
        }
    });
    let full = best(&|| {
        std::hint::black_box(entente_core::extract::extract(&corpus));
    });
    println!("baseline (tokenize + sentences): {:>8.1} MB/s", mb / baseline);
    println!(
        "extraction, per document (map):  {:>8.1} MB/s   ({:.1}x the baseline's time)",
        mb / map,
        map / baseline
    );
    println!(
        "extraction + merge (whole model): {:>8.1} MB/s   ({:.1}x the baseline's time)",
        mb / full,
        full / baseline
    );
    // The same three timings unrounded, for scripts that derive other rates from them (bench/).
    println!("seconds (best of 3): baseline {baseline:.6}, map {map:.6}, full {full:.6}; bytes {bytes}");
    Ok(())
}
