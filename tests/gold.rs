//! Gold tests of extraction quality: the same scorers as `entente-cli eval`, with floors set a
//! little under the measured scores (see README), so a regression fails the build.
//! The evaluation sets live in ../shared/eval; where they are absent these tests say so and pass
//! only the seed test, which needs nothing outside the repository.

use entente_cli::eval::{Score, external, gum, plover, re3d, seeds};
use std::path::Path;

const EVAL: &str = "../shared/eval";

fn f1(s: &Score) -> f64 {
    s.f1()
}

#[test]
fn seeds_actors_events_and_conflicts() {
    let gold: serde_json::Value = serde_json::from_str(include_str!("gold/seeds.gold.json")).expect("the gold file is JSON");
    let corpus = entente_core::corpus::default_corpus();
    let model = entente_core::extract::extract(&corpus);
    let r = seeds::score(&gold, &corpus, &model);
    println!("{}\n{}", r.actors.line("actors"), r.events.line("events"));
    assert!(f1(&r.actors) >= 0.95, "actors F1 {:.3} below 0.95", f1(&r.actors));
    assert!(f1(&r.events) >= 0.83, "events F1 {:.3} below the 0.83 floor", f1(&r.events));
    assert!(
        r.conflicts_found.0 >= 2,
        "conflicts found {}/{}",
        r.conflicts_found.0,
        r.conflicts_found.1
    );
    // Dates and modality of the matched events mostly agree with the analyst's.
    assert!(
        r.modality_agree.0 * 10 >= r.modality_agree.1 * 9,
        "modality {:?}",
        r.modality_agree
    );
    assert!(r.date_agree.0 * 2 >= r.date_agree.1, "dates {:?}", r.date_agree);
}

#[test]
fn named_entities_on_re3d_and_gum() {
    let root = Path::new(EVAL);
    if !root.is_dir() {
        eprintln!("{EVAL} not found: skipping the re3d and GUM floors");
        return;
    }
    let re3d = re3d::load(&root.join("re3d")).expect("re3d loads");
    let (strict, _) = external::entente_micro(&re3d);
    // spaCy's small English model scores 0.399 on re3d and 0.480 on GUM (scripts/eval).
    assert!(f1(&strict) >= 0.46, "re3d micro strict F1 {:.3}", f1(&strict));
    let gum = gum::load(&root.join("gum_news")).expect("GUM loads");
    let (strict, _) = external::entente_micro(&gum);
    assert!(f1(&strict) >= 0.55, "GUM micro strict F1 {:.3}", f1(&strict));
}

#[test]
fn plover_event_types() {
    let path = Path::new(EVAL).join("plover/PLOVER_GSR_CAMEO.json");
    if !path.is_file() {
        eprintln!("{} not found: skipping the PLOVER floor", path.display());
        return;
    }
    let r = plover::score(&path).expect("the PLOVER gold loads");
    let recall = r.type_hits as f64 / r.records as f64;
    assert!(recall >= 0.24, "PLOVER type recall {recall:.3}");
}
