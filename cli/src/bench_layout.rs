//! `entente-cli bench-layout DIR`: the graph layout (ForceAtlas2 with Barnes-Hut, in
//! `entente_core::graph::layout`) on generated scale-free graphs of 1,000, 5,000 and 20,000
//! actors with four relations each, until it settles by its own criterion. Writes each graph's
//! edges to `DIR/graph-N.json` so another implementation can run on the very same graph, and
//! prints one JSON line of timings per graph.

use entente_core::graph::generate::{scale_free, scale_free_edges};
use entente_core::graph::layout::{Layout, LayoutSettings};
use std::time::Instant;

/// Sizes (actors, relations) and the seed, fixed so every run lays out the same graphs.
const SIZES: [(u32, usize); 3] = [(1_000, 4_000), (5_000, 20_000), (20_000, 80_000)];
const SEED: u64 = 2014;
/// An upper bound, for a layout that would never settle.
const MAX_ITERATIONS: u32 = 5_000;

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("usage: entente-cli bench-layout DIR")?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: {e}"))?;
    for (n, m) in SIZES {
        let edges = scale_free_edges(n, m, SEED);
        let json = serde_json::json!({ "nodes": n, "edges": edges });
        let path = format!("{dir}/graph-{n}.json");
        std::fs::write(&path, json.to_string()).map_err(|e| format!("{path}: {e}"))?;
        let graph = scale_free(n, m, SEED);
        let t = Instant::now();
        let mut layout = Layout::new(&graph, LayoutSettings::default());
        let report = layout.run(MAX_ITERATIONS);
        let settle_ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "{}",
            serde_json::json!({
                "nodes": n,
                "edges": graph.edge_count(),
                "iterations": report.iterations,
                "settled": report.converged,
                "settle_ms": settle_ms,
                "ms_per_iteration": settle_ms / f64::from(report.iterations.max(1)),
                "file": path,
            })
        );
    }
    Ok(())
}
