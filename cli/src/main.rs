//! entente-cli: the Entente core on the command line.

use entente_cli::{bench, bench_layout, build_data, debug, eval, snapshot, table};

use std::path::PathBuf;
use std::process::ExitCode;

// The extractor allocates many small, short-lived vectors and strings per sentence; mimalloc
// serves them from thread-local pages, where glibc's malloc spends about a fifth of the
// extraction's instructions. The browser build keeps Rust's default allocator.
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: entente-cli <command>
  build-data [SHARED_DIR] [OUT_DIR]   compile ../shared/data dictionaries into data/ (default ../shared data)
  mentions FILE                       print each sentence of FILE with the mentions found in it
  extract [--json|--tsv] [FILE...]    extract files (default: the built-in corpus) to the model JSON or the event table
  eval [--details]                    score the extractor on the seed gold and the evaluation sets
  snapshot DIR... -o FILE             ingest folders of .txt/.md/.html in parallel into a bundle the app imports
  bench [MB]                          extraction throughput on the seeds and evaluation texts repeated to MB (default 20)
  bench-layout DIR                    graph layout time on generated graphs of 1,000 to 20,000 actors (their edges written to DIR)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build-data") => {
            let shared = PathBuf::from(args.get(1).map_or("../shared", String::as_str));
            let out = PathBuf::from(args.get(2).map_or("data", String::as_str));
            build_data::run(&shared, &out)
        }
        Some("mentions") if args.len() == 2 => debug::mentions(&args[1]),
        Some("extract") => extract(&args[1..]),
        Some("eval") => eval_command(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("bench-layout") => bench_layout::run(&args[1..]),
        Some("snapshot") => snapshot::run(&args[1..]),
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn extract(args: &[String]) -> Result<(), String> {
    use entente_core::corpus::{Corpus, default_corpus};
    use entente_core::ingest::{Format, Source, ingest};
    let json = args.iter().any(|a| a == "--json");
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let corpus = if files.is_empty() {
        default_corpus()
    } else {
        let mut documents = Vec::new();
        for f in files {
            let bytes = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
            documents
                .push(ingest(Source { name: f, bytes: &bytes }, Format::detect(f, &bytes)).map_err(|e| format!("{f}: {e}"))?);
        }
        Corpus { documents }
    };
    let model = entente_core::extract::extract(&corpus);
    if json {
        println!("{}", serde_json::to_string_pretty(&model).map_err(|e| e.to_string())?);
    } else {
        print!("{}", table::event_table(&corpus, &model));
    }
    Ok(())
}

fn eval_command(args: &[String]) -> Result<(), String> {
    let details = args.iter().any(|a| a == "--details");
    let gold_path = "tests/gold/seeds.gold.json";
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(gold_path).map_err(|e| format!("{gold_path}: {e}"))?)
            .map_err(|e| format!("{gold_path}: {e}"))?;
    let corpus = entente_core::corpus::default_corpus();
    let model = entente_core::extract::extract(&corpus);
    let r = eval::seeds::score(&gold, &corpus, &model);
    println!("seeds (tests/gold/seeds.gold.json)");
    println!("  {}", r.actors.line("actors"));
    println!("  {}", r.events.line("events (actor, recipient, type)"));
    println!(
        "  modality agrees on {}/{} matched events; date on {}/{} dated ones",
        r.modality_agree.0, r.modality_agree.1, r.date_agree.0, r.date_agree.1
    );
    println!("  conflicts found: {}/{}", r.conflicts_found.0, r.conflicts_found.1);
    if details {
        for d in &r.details {
            println!("    {d}");
        }
    }
    eval::external::run(details)
}
