//! data/gazetteer/places/names.txt, the place names the extractor embeds, is derived from
//! places.tsv next to it: every name and alternate name, lower case, of the rows not flagged
//! "ambiguous" ("East", "Victoria"), sorted and deduplicated. This test keeps the two in step.

use std::collections::BTreeSet;

#[test]
fn names_txt_is_derived_from_places_tsv() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/gazetteer/places");
    let places = std::fs::read_to_string(format!("{dir}/places.tsv")).expect("places.tsv");
    let mut names = BTreeSet::new();
    for row in places.lines().skip(1).filter(|l| !l.is_empty()) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.get(8) == Some(&"ambiguous") {
            continue;
        }
        names.insert(f[1].to_lowercase());
        names.extend(f[2].split('|').filter(|a| !a.is_empty()).map(str::to_lowercase));
    }
    let expected: String = names.into_iter().map(|n| n + "\n").collect();
    let actual = std::fs::read_to_string(format!("{dir}/names.txt")).expect("names.txt");
    assert!(
        actual == expected,
        "names.txt is out of date: regenerate it from places.tsv as this test describes"
    );
}
