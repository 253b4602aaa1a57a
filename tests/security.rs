//! PERF-RELIABILITY B-3: no HTML sinks in the app's code. Article text is always inserted as
//! text; the only place strings become markup is web/trusted-types.js (Leptos's own templates).

use std::path::Path;

const SINKS: [&str; 6] = [
    "inner_html",
    "set_inner_html",
    "insert_adjacent_html",
    "outer_html",
    "dangerously",
    "document_write",
];

fn scan(dir: &Path, hits: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("readable source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            scan(&path, hits);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("utf-8 source");
            for (n, line) in text.lines().enumerate() {
                if SINKS.iter().any(|s| line.contains(s)) {
                    hits.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
}

#[test]
fn app_and_core_code_have_no_html_sinks() {
    let mut hits = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    scan(&root.join("src"), &mut hits);
    scan(&root.join("core/src"), &mut hits);
    assert!(hits.is_empty(), "HTML sinks found:\n{}", hits.join("\n"));
}

#[test]
fn the_scanner_finds_a_sink() {
    // The check above must be able to fail: a file with a sink is reported.
    let dir = std::env::temp_dir().join(format!("entente-sink-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bad.rs"), "fn f(e: &Element) { e.set_inner_html(\"<b>x</b>\"); }").unwrap();
    let mut hits = Vec::new();
    scan(&dir, &mut hits);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(hits.len(), 1);
}
