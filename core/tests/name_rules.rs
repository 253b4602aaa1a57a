//! Name classes on short made-up sentences: each test fails when its rule is undone.

mod common;

use common::article;
use entente_core::extract::ner::{EntityClass, named_entities};

/// The names found in `text`, with their classes.
fn names(text: &str) -> Vec<(String, EntityClass)> {
    let doc = article("t.txt", text);
    named_entities(&doc)
        .into_iter()
        .map(|e| (doc.text[e.span.start as usize..e.span.end as usize].to_string(), e.class))
        .collect()
}

#[test]
fn a_name_after_an_article_is_no_person_even_with_a_given_name_first() {
    let found = names(
        "Members of the Victor Plus met in May. Later she joined the “Grace Circle” in Ohio. \
         Ohio weighed a Grace Plus trade architecture.",
    );
    assert!(found.iter().all(|(_, c)| *c != EntityClass::Person), "{found:?}");
}

#[test]
fn a_name_keeps_its_organisation_sense_through_the_text() {
    let found = names("Dissent within Zentrix grew in May. On Monday, Zentrix officials denied the claims.");
    let zentrix: Vec<_> = found.iter().filter(|(n, _)| n.starts_with("Zentrix")).collect();
    assert_eq!(zentrix.len(), 2, "{found:?}");
    assert!(zentrix.iter().all(|(_, c)| *c == EntityClass::Organization), "{found:?}");
}

#[test]
fn the_people_of_an_organisation_are_not_part_of_its_name() {
    let found = names("On Monday, Brightwater officials denied the claims made in Ohio.");
    assert!(
        found
            .iter()
            .any(|(n, c)| n == "Brightwater" && *c == EntityClass::Organization),
        "{found:?}"
    );
}

#[test]
fn a_country_with_a_match_score_is_a_team_throughout_the_report() {
    let found = names("Group C — Peru 2 – 1 Chile. In the second half, the coach of Chile changed tactics.");
    let chile: Vec<_> = found.iter().filter(|(n, _)| n == "Chile").collect();
    assert_eq!(chile.len(), 2, "{found:?}");
    assert!(chile.iter().all(|(_, c)| *c == EntityClass::Organization), "{found:?}");
}

#[test]
fn the_last_words_of_a_persons_name_name_that_person() {
    let found = names("The crowd cheered Olympian Lena Marquardt in Ohio. Later the Lena Marquardt show sold out.");
    assert!(
        found.iter().any(|(n, c)| n == "Lena Marquardt" && *c == EntityClass::Person),
        "{found:?}"
    );
    assert!(found.iter().all(|(_, c)| *c != EntityClass::Organization), "{found:?}");
}

#[test]
fn a_capitals_name_after_a_given_name_with_a_personal_apposition_is_a_family_name() {
    let found = names("Karolin Lima, a Canadian woman and former nurse, sued the clinic. Lima claims she was misled.");
    assert!(
        found.iter().any(|(n, c)| n == "Karolin Lima" && *c == EntityClass::Person),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(n, c)| n != "Lima" || *c == EntityClass::Person),
        "{found:?}"
    );
}

#[test]
fn a_regime_is_named_after_its_ruler_a_person() {
    let found = names("Observers in Geneva said that the Velmar regime has used force against civilians.");
    assert!(
        found.iter().any(|(n, c)| n == "Velmar" && *c == EntityClass::Person),
        "{found:?}"
    );
}

#[test]
fn a_region_that_scores_is_a_team_too() {
    let found = names("On Sunday, Peru lost 1 – 2 to Wales in a friendly match. Later Wales had more of the ball.");
    let wales: Vec<_> = found.iter().filter(|(n, _)| n == "Wales").collect();
    assert!(!wales.is_empty(), "{found:?}");
    assert!(wales.iter().all(|(_, c)| *c == EntityClass::Organization), "{found:?}");
}

#[test]
fn a_name_with_a_version_number_is_a_product_not_a_person() {
    let found = names("Reviewers in Ohio praised Kestrel Vantor 3 on Monday. Since May, Kestrel Vantor has sold well.");
    assert!(found.iter().all(|(_, c)| *c != EntityClass::Person), "{found:?}");
}
