//! The model's JSON form, read back. The model types only serialise (they hold `&'static str`
//! and are shared with code that never reads JSON), so each gets a mirror here that
//! deserialises the same JSON and converts into it. The conversions build the model types with
//! struct literals and exhaustive matches, so a field or variant added to the model and not
//! here is a compile error, not a silent loss.

use crate::document::{Block, BlockKind, Decoding, Document, HeaderDate, Metadata, Span, TitleSource};
use crate::ingest::{Format, Source, ingest};
use crate::lexicon::codes::Quad;
use crate::model::*;
use crate::time::{Date, Precision, StatedDate};
use serde::Deserialize;

/// A unit enum mirrored both ways, so adding a variant to either side fails to compile.
macro_rules! mirror_enum {
    ($mirror:ident => $real:ident, $rename:literal, [$($v:ident),* $(,)?]) => {
        #[derive(Deserialize)]
        #[serde(rename_all = $rename)]
        enum $mirror { $($v),* }
        impl From<$mirror> for $real {
            fn from(m: $mirror) -> $real {
                match m { $($mirror::$v => $real::$v),* }
            }
        }
        impl $mirror {
            #[allow(dead_code)]
            fn exhaustive(r: $real) -> $mirror {
                match r { $($real::$v => $mirror::$v),* }
            }
        }
    };
}

mirror_enum!(BlockKindIn => BlockKind, "lowercase", [Title, Dateline, Heading, Paragraph, Caption]);
mirror_enum!(ReferenceSourceIn => ReferenceSource, "kebab-case", [Header, Content]);
mirror_enum!(ActorKindIn => ActorKind, "kebab-case", [State, Igo, Agency, Company, Media, Person, Organization, Group]);
mirror_enum!(PlaceKindIn => PlaceKind, "kebab-case", [Country, Capital, City, Region, Other]);
mirror_enum!(MentionFormIn => MentionForm, "kebab-case", [Name, Alias, Acronym, Demonym, Metonym, Description, Pronoun, Anaphor]);
mirror_enum!(ModalityIn => Modality, "kebab-case", [Asserted, Alleged, Reported, Predicted, Hypothetical, Opinion]);
mirror_enum!(PolarityIn => Polarity, "lowercase", [Positive, Negative]);
mirror_enum!(QuadIn => Quad, "PascalCase", [VerbalCooperation, MaterialCooperation, VerbalConflict, MaterialConflict]);
mirror_enum!(PrecisionIn => Precision, "lowercase", [Day, Month, Year]);
mirror_enum!(ClaimKindIn => ClaimKind, "lowercase", [Ordinal, Number, Date, Attribution]);

#[derive(Deserialize)]
struct SpanIn {
    start: u32,
    end: u32,
}
impl From<SpanIn> for Span {
    fn from(s: SpanIn) -> Span {
        Span {
            start: s.start,
            end: s.end,
        }
    }
}

#[derive(Deserialize)]
struct DateIn {
    year: i32,
    month: u8,
    day: u8,
}
impl From<DateIn> for Date {
    fn from(d: DateIn) -> Date {
        // Checked by the caller (`Date::new`); built as-is here so the check can name it.
        Date {
            year: d.year,
            month: d.month,
            day: d.day,
        }
    }
}

#[derive(Deserialize)]
struct StatedDateIn {
    date: DateIn,
    precision: PrecisionIn,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "lowercase")]
enum TargetIn {
    Actor(ActorId),
    Place(PlaceId),
}

#[derive(Deserialize)]
pub(super) struct DocumentInfoIn {
    id: String,
    name: String,
    title: String,
    reference_date: Option<ReferenceDateIn>,
}

#[derive(Deserialize)]
struct ReferenceDateIn {
    date: DateIn,
    source: ReferenceSourceIn,
    note: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SentenceRefIn {
    doc: u32,
    span: SpanIn,
    block: BlockKindIn,
}

#[derive(Deserialize)]
struct CodesIn {
    cameo: Option<String>,
    cameo_note: Option<String>,
    iso3: Option<String>,
    iso2: Option<String>,
    isonum: Option<String>,
    fips: Option<String>,
}

#[derive(Deserialize)]
struct SeatIn {
    lat: f64,
    lon: f64,
    label: String,
}

#[derive(Deserialize)]
struct AffiliationIn {
    actor: ActorId,
    role: String,
    former: bool,
}

#[derive(Deserialize)]
pub(super) struct ActorIn {
    id: ActorId,
    key: String,
    name: String,
    short: Option<String>,
    kind: ActorKindIn,
    sector: Option<String>,
    codes: CodesIn,
    country: Option<ActorId>,
    parent: Option<ActorId>,
    affiliation: Option<AffiliationIn>,
    aliases: Vec<String>,
    seat: Option<SeatIn>,
    mention_count: u32,
    document_count: u32,
}

#[derive(Deserialize)]
pub(super) struct PlaceIn {
    id: PlaceId,
    key: String,
    name: String,
    kind: PlaceKindIn,
    country: Option<ActorId>,
    lat: Option<f64>,
    lon: Option<f64>,
    precision: Option<String>,
    mention_count: u32,
}

#[derive(Deserialize)]
pub(super) struct MentionIn {
    doc: u32,
    sentence: u32,
    span: SpanIn,
    target: TargetIn,
    form: MentionFormIn,
}

#[derive(Deserialize)]
struct EventCodeIn {
    cameo: Option<String>,
    cameo_name: Option<String>,
    goldstein: Option<f32>,
    quad: QuadIn,
    quad_source: String,
    cameo_note: Option<String>,
    plover: Option<String>,
    plover_mode: Option<String>,
    plover_context: Vec<String>,
}

#[derive(Deserialize)]
struct EventDateIn {
    value: StatedDateIn,
    anchor: Option<String>,
    anchor_span: Option<(u32, SpanIn)>,
    rule: String,
    conflict: Option<String>,
}

#[derive(Deserialize)]
struct EventMentionIn {
    doc: u32,
    sentence: u32,
    actor_span: SpanIn,
    trigger_span: SpanIn,
    recipient_span: Option<SpanIn>,
    modality: ModalityIn,
    polarity: PolarityIn,
}

#[derive(Deserialize)]
pub(super) struct EventIn {
    id: EventId,
    actor: ActorId,
    recipient: Option<ActorId>,
    code: EventCodeIn,
    trigger: String,
    polarity: PolarityIn,
    modality: ModalityIn,
    source: Option<ActorId>,
    date: Option<EventDateIn>,
    place: Option<PlaceId>,
    mentions: Vec<EventMentionIn>,
    document_count: u32,
}

#[derive(Deserialize)]
pub(super) struct ClaimGroupIn {
    subject: String,
    kind: ClaimKindIn,
    claims: Vec<ClaimIn>,
}

#[derive(Deserialize)]
struct ClaimIn {
    doc: u32,
    sentence: u32,
    span: SpanIn,
    value: String,
}

/// Place precisions the model writes; `Place::precision` is a `&'static str`, so a value read
/// back must be one of these.
pub(super) const PRECISIONS: [&str; 3] = ["city", "region", "country"];

impl From<DocumentInfoIn> for DocumentInfo {
    fn from(d: DocumentInfoIn) -> DocumentInfo {
        DocumentInfo {
            id: d.id,
            name: d.name,
            title: d.title,
            reference_date: d.reference_date.map(|r| ReferenceDate {
                date: r.date.into(),
                source: r.source.into(),
                note: r.note,
            }),
        }
    }
}

impl From<SentenceRefIn> for SentenceRef {
    fn from(s: SentenceRefIn) -> SentenceRef {
        SentenceRef {
            doc: s.doc,
            span: s.span.into(),
            block: s.block.into(),
        }
    }
}

impl PlaceIn {
    /// The place, or its precision when this version does not know it.
    pub(super) fn into_place(self) -> Result<Place, String> {
        let precision = match self.precision {
            None => None,
            Some(s) => Some(*PRECISIONS.iter().find(|k| **k == s).ok_or(s)?),
        };
        Ok(Place {
            id: self.id,
            key: self.key,
            name: self.name,
            kind: self.kind.into(),
            country: self.country,
            lat: self.lat,
            lon: self.lon,
            precision,
            mention_count: self.mention_count,
        })
    }
}

impl From<MentionIn> for Mention {
    fn from(m: MentionIn) -> Mention {
        Mention {
            doc: m.doc,
            sentence: m.sentence,
            span: m.span.into(),
            target: match m.target {
                TargetIn::Actor(a) => Target::Actor(a),
                TargetIn::Place(p) => Target::Place(p),
            },
            form: m.form.into(),
        }
    }
}

impl From<ClaimGroupIn> for ClaimGroup {
    fn from(g: ClaimGroupIn) -> ClaimGroup {
        ClaimGroup {
            subject: g.subject,
            kind: g.kind.into(),
            claims: g
                .claims
                .into_iter()
                .map(|c| Claim {
                    doc: c.doc,
                    sentence: c.sentence,
                    span: c.span.into(),
                    value: c.value,
                })
                .collect(),
        }
    }
}

impl From<ActorIn> for Actor {
    fn from(this: ActorIn) -> Actor {
        let c = this.codes;
        Actor {
            id: this.id,
            key: this.key,
            name: this.name,
            short: this.short,
            kind: this.kind.into(),
            sector: this.sector,
            codes: Codes {
                cameo: c.cameo,
                cameo_note: c.cameo_note,
                iso3: c.iso3,
                iso2: c.iso2,
                isonum: c.isonum,
                fips: c.fips,
            },
            country: this.country,
            parent: this.parent,
            affiliation: this.affiliation.map(|a| Affiliation {
                actor: a.actor,
                role: a.role,
                former: a.former,
            }),
            aliases: this.aliases,
            seat: this.seat.map(|s| Seat {
                lat: s.lat,
                lon: s.lon,
                label: s.label,
            }),
            mention_count: this.mention_count,
            document_count: this.document_count,
        }
    }
}

impl From<EventIn> for Event {
    fn from(this: EventIn) -> Event {
        let c = this.code;
        Event {
            id: this.id,
            actor: this.actor,
            recipient: this.recipient,
            code: EventCode {
                cameo: c.cameo,
                cameo_name: c.cameo_name,
                goldstein: c.goldstein,
                quad: c.quad.into(),
                quad_source: c.quad_source,
                cameo_note: c.cameo_note,
                plover: c.plover,
                plover_mode: c.plover_mode,
                plover_context: c.plover_context,
            },
            trigger: this.trigger,
            polarity: this.polarity.into(),
            modality: this.modality.into(),
            source: this.source,
            date: this.date.map(|d| EventDate {
                value: StatedDate {
                    date: d.value.date.into(),
                    precision: d.value.precision.into(),
                },
                anchor: d.anchor,
                anchor_span: d.anchor_span.map(|(doc, s)| (doc, s.into())),
                rule: d.rule,
                conflict: d.conflict,
            }),
            place: this.place,
            mentions: this
                .mentions
                .into_iter()
                .map(|m| EventMention {
                    doc: m.doc,
                    sentence: m.sentence,
                    actor_span: m.actor_span.into(),
                    trigger_span: m.trigger_span.into(),
                    recipient_span: m.recipient_span.map(Into::into),
                    modality: m.modality.into(),
                    polarity: m.polarity.into(),
                })
                .collect(),
            document_count: this.document_count,
        }
    }
}

mirror_enum!(TitleSourceIn => TitleSource, "kebab-case", [Headline, FileName]);

#[derive(Deserialize)]
#[serde(tag = "encoding", rename_all = "kebab-case")]
enum DecodingIn {
    Utf8,
    Utf8Lossy { replaced: usize },
    Utf16,
    Windows1252,
}
impl From<DecodingIn> for Decoding {
    fn from(d: DecodingIn) -> Decoding {
        match d {
            DecodingIn::Utf8 => Decoding::Utf8,
            DecodingIn::Utf8Lossy { replaced } => Decoding::Utf8Lossy { replaced },
            DecodingIn::Utf16 => Decoding::Utf16,
            DecodingIn::Windows1252 => Decoding::Windows1252,
        }
    }
}

#[derive(Deserialize)]
struct HeaderDateIn {
    date: DateIn,
    span: SpanIn,
}

#[derive(Deserialize)]
struct MetadataIn {
    title: String,
    title_source: TitleSourceIn,
    published: Option<HeaderDateIn>,
    publisher: Option<String>,
    url: Option<String>,
    credits: Vec<String>,
}

#[derive(Deserialize)]
struct BlockIn {
    kind: BlockKindIn,
    span: SpanIn,
}

/// A bundle's document: the full form (text, decoding, metadata, blocks), or the first form
/// with only id, name and text.
#[derive(Deserialize)]
pub(super) struct DocumentIn {
    id: String,
    pub(super) name: String,
    pub(super) text: String,
    decoding: Option<DecodingIn>,
    meta: Option<MetadataIn>,
    blocks: Option<Vec<BlockIn>>,
}

impl DocumentIn {
    /// The document, with every span checked against its text; or why it cannot be used.
    pub(super) fn into_document(self) -> Result<Document, String> {
        let (Some(decoding), Some(meta), Some(blocks)) = (self.decoding, self.meta, self.blocks) else {
            return read_again(self.id, self.name, self.text);
        };
        let on_text = |s: &SpanIn, what: &str| match self.text.get(s.start as usize..s.end as usize) {
            Some(_) => Ok(()),
            None => Err(format!(
                "its {what} at bytes {}–{} is not on characters of its text",
                s.start, s.end
            )),
        };
        for b in &blocks {
            on_text(&b.span, "block")?;
        }
        if let Some(p) = &meta.published {
            on_text(&p.span, "header date")?;
            if Date::new(p.date.year, p.date.month, p.date.day).is_none() {
                return Err(format!(
                    "its header date {}-{}-{} is not a real day",
                    p.date.year, p.date.month, p.date.day
                ));
            }
        }
        let meta = Metadata {
            title: meta.title,
            title_source: meta.title_source.into(),
            published: meta.published.map(|p| HeaderDate {
                date: p.date.into(),
                span: p.span.into(),
            }),
            publisher: meta.publisher,
            url: meta.url,
            credits: meta.credits,
        };
        Ok(Document {
            id: self.id,
            name: self.name,
            decoding: decoding.into(),
            meta,
            text: self.text,
            blocks: blocks
                .into_iter()
                .map(|b| Block {
                    kind: b.kind.into(),
                    span: b.span.into(),
                })
                .collect(),
        })
    }
}

/// A document saved with its text only, read again as plain text under its saved id and name.
fn read_again(id: String, name: String, text: String) -> Result<Document, String> {
    let mut doc = ingest(
        Source {
            name: &name,
            bytes: text.as_bytes(),
        },
        Format::Text,
    )
    .map_err(|e| e.to_string())?;
    if doc.text != text {
        return Err("its text changes when read again, so the model's offsets would not fit".into());
    }
    doc.id = id;
    doc.name = name;
    Ok(doc)
}
