//! `entente-cli snapshot DIR... -o FILE`: ingests every article under the folders in parallel
//! (the map step on all cores), merges them into one model (the reduce step) and writes the
//! JSON bundle the browser imports directly, so a large corpus is parsed once, not on every visit.

use entente_core::corpus::Corpus;
use entente_core::document::Document;
use entente_core::extract::{DocAnalysis, analyze_document, merge::build_model};
use entente_core::ingest::{Format, Source, ingest};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            collect(&p, out)?;
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["txt", "md", "markdown", "html", "htm"].contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads and ingests the files; a file that is not an article is reported and skipped.
pub fn load(paths: &[PathBuf]) -> (Vec<Document>, Vec<String>) {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(bytes) => match ingest(
                Source {
                    name: &name,
                    bytes: &bytes,
                },
                Format::from_name(&name),
            ) {
                Ok(d) => {
                    if docs.iter().any(|x: &Document| x.id == d.id) {
                        problems.push(format!("{name}: the same text as an earlier file, skipped"));
                    } else {
                        docs.push(d);
                    }
                }
                Err(e) => problems.push(format!("{name}: {e}")),
            },
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    (docs, problems)
}

/// The map step on every core: each thread analyses an interleaved share of the documents.
pub fn analyze_parallel(docs: &[Document]) -> Vec<DocAnalysis> {
    let lex = entente_core::lexicon::lexicon();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len().max(1));
    let mut slots: Vec<Option<DocAnalysis>> = (0..docs.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..docs.len())
                        .step_by(threads)
                        .map(|i| (i, analyze_document(&docs[i], lex)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            for (i, a) in h.join().expect("analysis threads do not panic") {
                slots[i] = Some(a);
            }
        }
    });
    slots.into_iter().map(|s| s.expect("every document analysed")).collect()
}

pub fn run(args: &[String]) -> Result<(), String> {
    let out = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .ok_or("snapshot needs -o FILE")?;
    let dirs: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "-o"))
        .map(|(_, a)| a)
        .collect();
    if dirs.is_empty() {
        return Err("snapshot needs at least one folder of articles".into());
    }
    let mut paths = Vec::new();
    for d in dirs {
        collect(Path::new(d), &mut paths)?;
    }
    let t0 = Instant::now();
    let (documents, problems) = load(&paths);
    for p in &problems {
        eprintln!("skipped {p}");
    }
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    let t1 = Instant::now();
    let analyses = analyze_parallel(&documents);
    let t2 = Instant::now();
    let corpus = Corpus { documents };
    let model = build_model(&corpus, &analyses, entente_core::lexicon::lexicon());
    let t3 = Instant::now();
    let bundle = entente_core::export::bundle(&model, &corpus);
    std::fs::write(out, &bundle).map_err(|e| format!("{out}: {e}"))?;
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles ({mb:.1} MB of text): read {:.2}s, analysed in parallel {:.2}s ({:.1} MB/s), merged {:.2}s; {} actors, {} events; wrote {out} ({:.1} MB)",
        corpus.documents.len(),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        mb / (t2 - t1).as_secs_f64().max(1e-9),
        (t3 - t2).as_secs_f64(),
        model.actors.len(),
        model.events.len(),
        bundle.len() as f64 / 1e6
    );
    Ok(())
}
