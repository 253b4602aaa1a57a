//! Event rules on short made-up sentences: each test fails when its rule is undone.

mod common;

use common::article;
use entente_core::corpus::Corpus;
use entente_core::model::{ClaimKind, Event, Modality, Model, Polarity};

fn model(text: &str) -> Model {
    corpus_model(&[text])
}

fn corpus_model(texts: &[&str]) -> Model {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, text)| article(&format!("t{i}.txt"), text))
        .collect();
    entente_core::extract::extract(&Corpus { documents })
}

fn name(m: &Model, id: u32) -> &str {
    &m.actors[id as usize].name
}

fn events<'a>(m: &'a Model, trigger: &str) -> Vec<&'a Event> {
    m.events.iter().filter(|e| e.trigger == trigger).collect()
}

#[test]
fn a_gerund_after_a_verb_of_intending_is_an_intention_not_a_past_act() {
    let m = model("Brazil attended a NATO conference in Brussels in April. Brazil is now considering attending a NATO summit.");
    let attend: Vec<_> = m.events.iter().filter(|e| e.trigger.starts_with("attend")).collect();
    assert_eq!(
        attend.len(),
        2,
        "the attended conference and the considered summit are two events: {:?}",
        m.events
    );
    assert!(attend.iter().any(|e| e.modality == Modality::Asserted), "{attend:?}");
    assert!(attend.iter().any(|e| e.modality == Modality::Predicted), "{attend:?}");
}

#[test]
fn a_warning_opening_with_a_condition_is_aimed_at_its_subject_and_made_by_the_speaker() {
    let m = model(
        "Li Wei, a senior official in Beijing, spoke on Monday. “If Vietnam keeps drilling in these waters, it will regret it,” he warned.",
    );
    let warned = events(&m, "warn");
    assert_eq!(warned.len(), 1, "{:?}", m.events);
    let e = warned[0];
    assert_eq!(name(&m, e.actor), "Li Wei");
    assert_eq!(e.recipient.map(|r| name(&m, r)), Some("Vietnam"));
    assert_eq!(e.code.plover.as_deref(), Some("THREATEN"));
}

#[test]
fn a_sector_word_describing_an_exercise_is_not_an_actor() {
    let m = model("Tanks fired live rounds during a US-Japan joint military exercise near Okinawa.");
    assert!(
        m.actors.iter().all(|a| !a.name.to_lowercase().contains("military")),
        "{:?}",
        m.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn an_act_someone_refuses_or_fails_to_do_did_not_happen() {
    let m = model("Peru's failure to join NATO drew comment. Chile refused to attend the NATO summit.");
    let acts: Vec<_> = m
        .events
        .iter()
        .filter(|e| e.trigger == "join" || e.trigger.starts_with("attend"))
        .collect();
    assert_eq!(acts.len(), 2, "{:?}", m.events);
    assert!(acts.iter().all(|e| e.polarity == Polarity::Negative), "{acts:?}");
}

#[test]
fn hesitating_to_cooperate_is_a_rejection() {
    let m = model("Brazil's hesitation to join NATO drew comment in Lisbon.");
    let join = events(&m, "join");
    assert_eq!(join.len(), 1, "{:?}", m.events);
    assert_eq!(join[0].code.plover.as_deref(), Some("REJECT"), "{join:?}");
    assert_eq!(join[0].code.cameo.as_deref(), Some("120"));
    assert_eq!(join[0].polarity, Polarity::Positive, "the rejection happened");
}

#[test]
fn a_statement_voicing_the_speakers_own_intention_is_that_intention_alone() {
    let m = model(
        "Kenya has long worked with Interpol. “We intend to send more police officers to Interpol next year,” Kenya added.",
    );
    let kenya: Vec<_> = m.events.iter().filter(|e| name(&m, e.actor) == "Kenya").collect();
    assert!(
        kenya.iter().any(|e| e.code.cameo.as_deref() == Some("030")),
        "the intention is coded: {kenya:?}"
    );
    assert!(
        kenya.iter().all(|e| e.code.cameo.as_deref() != Some("010")),
        "no separate statement: {kenya:?}"
    );
}

#[test]
fn a_leaders_war_is_waged_by_their_state() {
    let m = model("Russia and Belarus held talks in Minsk. Belarus has backed Vladimir Putin's war against Ukraine.");
    let backed = events(&m, "back");
    assert_eq!(backed.len(), 1, "{:?}", m.events);
    assert_eq!(name(&m, backed[0].actor), "Belarus");
    assert_eq!(backed[0].recipient.map(|r| name(&m, r)), Some("Russia"), "{backed:?}");
}

#[test]
fn a_state_enacts_a_strategy_through_its_government() {
    let m = model("The Kenyan government met donors in Nairobi in May. In 2020 Kenya adopted its national climate strategy.");
    let adopted = events(&m, "adopt");
    assert_eq!(adopted.len(), 1, "{:?}", m.events);
    assert_eq!(name(&m, adopted[0].actor), "Kenyan government", "{adopted:?}");
}

#[test]
fn sources_dating_a_states_act_and_its_governments_act_differently_conflict() {
    let m = corpus_model(&[
        "In March 2019 Kenya adopted its national climate strategy.",
        "The Kenyan government met donors in Nairobi. Kenya adopted its national climate strategy in 2020.",
    ]);
    let dates: Vec<_> = m.claims.iter().filter(|g| g.kind == ClaimKind::Date).collect();
    assert_eq!(dates.len(), 1, "{:?} {:?}", m.claims, m.events);
}

#[test]
fn interest_in_a_meeting_referred_back_to_is_aimed_at_its_host() {
    let m = model("Chile expressed its interest in this meeting, and its envoy may travel to the ASEAN summit in Jakarta.");
    let expressed: Vec<_> = m.events.iter().filter(|e| e.trigger.starts_with("express")).collect();
    assert_eq!(expressed.len(), 1, "{:?}", m.events);
    assert_eq!(name(&m, expressed[0].actor), "Chile");
    assert!(
        expressed[0]
            .recipient
            .is_some_and(|r| name(&m, r).contains("ASEAN") || name(&m, r).contains("Southeast Asian")),
        "{expressed:?} {:?}",
        m.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
    );
}

#[test]
fn a_membership_owned_by_a_pronoun_is_in_the_organisation_named_before() {
    let m = model("In 2021 Peru signed a partnership accord with Interpol, extending its membership by a decade.");
    let membership = events(&m, "membership");
    assert_eq!(membership.len(), 1, "{:?}", m.events);
    assert_eq!(name(&m, membership[0].actor), "Peru");
    assert_eq!(
        membership[0].recipient.map(|r| name(&m, r)),
        Some("International Criminal Police Organization")
    );
}
