//! The event table in the style of CAMEO/PLOVER datasets (one row per event, tab-separated).

use entente_core::corpus::Corpus;
use entente_core::model::{Actor, Model};

pub const COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "date_precision",
    "actor",
    "actor_code",
    "actor_country",
    "recipient",
    "recipient_code",
    "recipient_country",
    "cameo",
    "cameo_name",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "plover_context",
    "modality",
    "polarity",
    "source",
    "mentions",
    "documents",
    "place",
    "evidence",
];

fn field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

pub fn event_table(corpus: &Corpus, model: &Model) -> String {
    let mut out = COLUMNS.join("\t");
    out.push('\n');
    let name = |a: &Actor| a.short.clone().unwrap_or_else(|| a.name.clone());
    let country = |a: &Actor| {
        a.country
            .map(|c| model.actors[c as usize].codes.iso3.clone().unwrap_or_default())
            .or_else(|| a.codes.iso3.clone())
            .unwrap_or_default()
    };
    for e in &model.events {
        let actor = &model.actors[e.actor as usize];
        let recipient = e.recipient.map(|r| &model.actors[r as usize]);
        let m = &e.mentions[0];
        let sentence = &model.sentences[m.sentence as usize];
        let evidence = &corpus.documents[m.doc as usize].text[sentence.span.range()];
        let row = [
            e.id.to_string(),
            e.date.as_ref().map_or(String::new(), |d| d.value.to_string()),
            e.date
                .as_ref()
                .map_or(String::new(), |d| format!("{:?}", d.value.precision).to_lowercase()),
            name(actor),
            actor.codes.cameo.clone().unwrap_or_default(),
            country(actor),
            recipient.map(name).unwrap_or_default(),
            recipient.and_then(|r| r.codes.cameo.clone()).unwrap_or_default(),
            recipient.map(country).unwrap_or_default(),
            e.code.cameo.clone().unwrap_or_default(),
            e.code
                .cameo_name
                .clone()
                .unwrap_or_else(|| e.code.cameo_note.clone().unwrap_or_default()),
            e.code.goldstein.map_or(String::new(), |g| format!("{g:.1}")),
            (e.code.quad as u8).to_string(),
            e.code.plover.clone().unwrap_or_default(),
            e.code.plover_mode.clone().unwrap_or_default(),
            e.code.plover_context.join(";"),
            format!("{:?}", e.modality).to_lowercase(),
            format!("{:?}", e.polarity).to_lowercase(),
            e.source.map(|s| name(&model.actors[s as usize])).unwrap_or_default(),
            e.mentions.len().to_string(),
            e.document_count.to_string(),
            e.place.map(|p| model.places[p as usize].name.clone()).unwrap_or_default(),
            evidence.to_string(),
        ];
        out.push_str(&row.iter().map(|s| field(s)).collect::<Vec<_>>().join("\t"));
        out.push('\n');
    }
    out
}
