//! The entity model: what the extractor produces and every view reads. Plain data with
//! indices as ids; every claim keeps the document, sentence and byte spans behind it.
//! `docs/model-schema.md` documents the JSON form.

use crate::document::{BlockKind, Span};
use crate::lexicon::codes::Quad;
use crate::time::{Date, StatedDate};
use serde::Serialize;

pub type ActorId = u32;
pub type PlaceId = u32;
pub type EventId = u32;

/// The version of the JSON schema written by [`Model`]'s serialisation.
pub const SCHEMA: &str = "entente-model/1";

#[derive(Debug, Clone, Default, Serialize)]
pub struct Model {
    pub schema: &'static str,
    /// Identifies the extractor and its data, so a shared link can say which produced a view.
    pub extractor: String,
    pub documents: Vec<DocumentInfo>,
    pub sentences: Vec<SentenceRef>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
    pub claims: Vec<ClaimGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub name: String,
    pub title: String,
    /// The date the document is read against, and how it was chosen.
    pub reference_date: Option<ReferenceDate>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferenceDate {
    pub date: Date,
    pub source: ReferenceSource,
    /// Why the header was not used, when it was not.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceSource {
    /// The date printed in the article's header.
    Header,
    /// Inferred from dated events the article reports (the header is missing or contradicted).
    Content,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceRef {
    pub doc: u32,
    pub span: Span,
    pub block: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    State,
    /// International organisation or grouping, and bodies within one.
    Igo,
    /// A government body: ministry, agency, armed force, court, legislature.
    Agency,
    Company,
    Media,
    Person,
    /// Non-governmental organisation, think tank, party.
    Organization,
    /// A group of people named by what they are ("South Korean protesters").
    Group,
}

impl ActorKind {
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Igo => "international organisation",
            ActorKind::Agency => "government body",
            ActorKind::Company => "company",
            ActorKind::Media => "media",
            ActorKind::Person => "person",
            ActorKind::Organization => "organisation",
            ActorKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Codes {
    /// CAMEO actor code (country + sector, IGO code...).
    pub cameo: Option<String>,
    /// Why the code is what it is when it is not the actor's own (e.g. "nearest: NATO body").
    pub cameo_note: Option<String>,
    pub iso3: Option<String>,
    pub iso2: Option<String>,
    pub isonum: Option<String>,
    pub fips: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Seat {
    pub lat: f64,
    pub lon: f64,
    /// Where the coordinates are: "Seoul (capital)", "Tallinn (headquarters)".
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Affiliation {
    pub actor: ActorId,
    /// The role as the text words it ("editor").
    pub role: String,
    /// "former editor": the tie no longer holds when the article speaks.
    pub former: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: ActorId,
    /// Stable across runs and corpora: "KOR", "org:national-intelligence-service", "KOR:SPY".
    pub key: String,
    pub name: String,
    /// Acronym or short form, if the text uses one.
    pub short: Option<String>,
    pub kind: ActorKind,
    /// CAMEO sector ("SPY", "GOV", "MED"...), for bodies and groups.
    pub sector: Option<String>,
    pub codes: Codes,
    /// The state the actor belongs to.
    pub country: Option<ActorId>,
    /// The actor it is part of (an agency within a state, a centre within NATO's orbit).
    pub parent: Option<ActorId>,
    pub affiliation: Option<Affiliation>,
    /// Every surface form the texts use for it.
    pub aliases: Vec<String>,
    pub seat: Option<Seat>,
    pub mention_count: u32,
    pub document_count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceKind {
    Country,
    Capital,
    City,
    Region,
    Other,
}

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub id: PlaceId,
    pub key: String,
    pub name: String,
    pub kind: PlaceKind,
    /// The state the place lies in, when known.
    pub country: Option<ActorId>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How precise the coordinates are: "city", "country" (a country's capital stands in).
    pub precision: Option<&'static str>,
    pub mention_count: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "id", rename_all = "lowercase")]
pub enum Target {
    Actor(ActorId),
    Place(PlaceId),
}

/// How a mention names its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionForm {
    Name,
    Alias,
    Acronym,
    Demonym,
    /// A capital standing for its state ("Seoul said").
    Metonym,
    /// A description ("South Korea’s top spy agency").
    Description,
    Pronoun,
    /// "the group", "the country".
    Anaphor,
}

#[derive(Debug, Clone, Serialize)]
pub struct Mention {
    pub doc: u32,
    pub sentence: u32,
    pub span: Span,
    pub target: Target,
    pub form: MentionForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    /// Stated as fact by the article.
    Asserted,
    /// Hedged: "allegedly", "reportedly", "suspected".
    Alleged,
    /// Someone else's words: "X said that ...".
    Reported,
    /// Expected or planned: "will", "plans to", "forthcoming".
    Predicted,
    /// Conditional or possible: "if", "could", "may".
    Hypothetical,
    /// A view: an opinion piece, a tweet, "would view negatively".
    Opinion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Positive,
    Negative,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventCode {
    /// CAMEO code, `None` when CAMEO has no equivalent (see `cameo_note`).
    pub cameo: Option<String>,
    pub cameo_name: Option<String>,
    pub goldstein: Option<f32>,
    pub quad: Quad,
    /// How the quad class was derived ("CAMEO root 05", "PLOVER COERCE").
    pub quad_source: String,
    pub cameo_note: Option<String>,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub plover_context: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventDate {
    pub value: StatedDate,
    /// The words the date was read from ("last year", "On Thursday"), and where.
    pub anchor: Option<String>,
    pub anchor_span: Option<(u32, Span)>,
    /// How it was resolved, in words: "weekday before the reference date 2022-05-06".
    pub rule: String,
    /// A disagreement with the page header, when there is one.
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventMention {
    pub doc: u32,
    pub sentence: u32,
    pub actor_span: Span,
    pub trigger_span: Span,
    pub recipient_span: Option<Span>,
    pub modality: Modality,
    pub polarity: Polarity,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: EventId,
    pub actor: ActorId,
    pub recipient: Option<ActorId>,
    pub code: EventCode,
    /// The trigger word's lemma ("join", "hack", "cyberattack").
    pub trigger: String,
    pub polarity: Polarity,
    pub modality: Modality,
    /// Who says so, when the article attributes the claim ("the NIS said").
    pub source: Option<ActorId>,
    pub date: Option<EventDate>,
    pub place: Option<PlaceId>,
    pub mentions: Vec<EventMention>,
    /// Distinct documents reporting it.
    pub document_count: u32,
}

/// Claims about the same subject that disagree across sources.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimGroup {
    pub subject: String,
    pub kind: ClaimKind,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Ordinal,
    Number,
    Date,
    Attribution,
}

#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub doc: u32,
    pub sentence: u32,
    pub span: Span,
    pub value: String,
}
