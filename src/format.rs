//! Labels and colours shared by the views, in one place so the map, graph, timeline and legend
//! agree.

use entente_core::lexicon::codes::Quad;
use entente_core::model::{ActorKind, Modality};
use entente_core::time::{Precision, StatedDate};

pub fn quad_class(q: Quad) -> &'static str {
    match q {
        Quad::VerbalCooperation => "q1",
        Quad::MaterialCooperation => "q2",
        Quad::VerbalConflict => "q3",
        Quad::MaterialConflict => "q4",
    }
}

pub fn quad_label(q: Quad) -> &'static str {
    q.label()
}

pub fn kind_class(k: ActorKind) -> &'static str {
    match k {
        ActorKind::State => "k-state",
        ActorKind::Igo => "k-igo",
        ActorKind::Agency => "k-agency",
        ActorKind::Company => "k-company",
        ActorKind::Media => "k-media",
        ActorKind::Person => "k-person",
        ActorKind::Organization => "k-org",
        ActorKind::Group => "k-group",
    }
}

pub fn modality_label(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Alleged => "alleged",
        Modality::Reported => "reported speech",
        Modality::Predicted => "predicted",
        Modality::Hypothetical => "hypothetical",
        Modality::Opinion => "opinion",
    }
}

/// Alleged, predicted, hypothetical and opinion events are drawn dashed everywhere.
pub fn is_uncertain(m: Modality) -> bool {
    matches!(
        m,
        Modality::Alleged | Modality::Predicted | Modality::Hypothetical | Modality::Opinion
    )
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "5 May 2022", "April 2019", "2007".
pub fn date_label(d: &StatedDate) -> String {
    let m = MONTHS[usize::from(d.date.month.clamp(1, 12) - 1)];
    match d.precision {
        Precision::Day => format!("{} {} {}", d.date.day, m, d.date.year),
        Precision::Month => format!("{} {}", m, d.date.year),
        Precision::Year => d.date.year.to_string(),
    }
}
