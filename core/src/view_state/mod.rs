//! The whole view state of the explorer as one plain struct, and its URL-fragment form.
//!
//! The URL fragment is the source of truth for what the explorer shows: selection, filters,
//! time window, map viewport, graph camera, expanded nodes, the open panel and which views are
//! visible. [`encode`] writes only what differs from the default view, as readable
//! `key=value` pairs; [`decode`] reads any string without panicking and rejects malformed input
//! with a typed [`StateError`]. References to actors, events and documents are checked against
//! the corpus later, by [`validate`], which drops stale ones and says so in [`Notice`]s.
//!
//! ```
//! use entente_core::view_state::{decode, encode, Selection, ViewState};
//!
//! let mut state = ViewState::default();
//! state.selection = Selection::Actor("KOR".into());
//! state.filters.text = "cyber defence".into();
//! let fragment = encode(&state);
//! assert_eq!(fragment, "v=1&sel=a:KOR&text=cyber%20defence");
//! assert_eq!(decode(&fragment).unwrap(), state);
//! assert!(decode("v=1&map=0,0,1e9").is_err());
//! ```
//!
//! The state never holds document text: a link names documents by id only (B-5).

mod codec;
mod error;
mod keys;
mod percent;
#[cfg(test)]
mod tests;

pub use codec::{decode, decode_with_warnings, encode};
pub use error::{Notice, StateError, Warning};
pub use keys::{ModelIndex, event_key, find_event, validate, validate_spans};

use crate::document::Span;
use crate::lexicon::codes::Quad;
use crate::model::{ActorKind, Modality};
use crate::time::Date;
use std::collections::BTreeSet;
use std::fmt;
use std::marker::PhantomData;

/// The fragment format version [`encode`] writes and [`decode`] reads.
pub const VERSION: u32 = 1;
/// Longer fragments are refused outright (PERF-RELIABILITY B-4).
pub const MAX_FRAGMENT_BYTES: usize = 8 * 1024;
/// Longer fragments decode, with a [`Warning::Long`]: some tools cut long links.
pub const WARN_FRAGMENT_CHARS: usize = 2_000;
/// Most items in one list (expanded nodes, document filter).
pub const MAX_ITEMS: usize = 256;
/// Longest actor key, event key, place key or document id, in bytes.
pub const MAX_KEY_BYTES: usize = 200;
/// Longest search text, in bytes.
pub const MAX_TEXT_BYTES: usize = 500;
/// Longest data-version string, in bytes.
pub const MAX_DATA_BYTES: usize = 100;
/// Longest overlay (the user-corrections log, encoded elsewhere), in bytes.
pub const MAX_OVERLAY_BYTES: usize = 4_096;

/// Everything the explorer shows, as plain data. `Default` is the first view of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    /// Always [`VERSION`] in a valid state; [`decode`] refuses others.
    pub version: u32,
    pub selection: Selection,
    /// The other end of a "path between two actors", by actor key.
    pub second: Option<String>,
    pub filters: Filters,
    /// `None`: fit the map to the data.
    pub map: Option<MapView>,
    /// `None`: fit the graph to the data.
    pub graph: Option<GraphCamera>,
    /// Graph nodes whose neighbourhood is expanded, by actor key, in the order opened.
    pub expanded: Vec<String>,
    /// Show every actor in the graph of a large corpus, instead of the selection's
    /// neighbourhood or the best connected actors.
    pub graph_all: bool,
    pub panel: Panel,
    /// Which views are visible.
    pub views: Flags<View>,
    /// `Model::extractor` of the data the link was made with; empty when unknown.
    pub data: String,
    /// The user's corrections log, already encoded by its own module (URL-safe characters are
    /// kept as they are, anything else is escaped). Passed through untouched; empty for none.
    pub overlay: String,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            version: VERSION,
            selection: Selection::None,
            second: None,
            filters: Filters::default(),
            map: None,
            graph: None,
            expanded: Vec::new(),
            graph_all: false,
            panel: Panel::None,
            views: Flags::all(),
            data: String::new(),
            overlay: String::new(),
        }
    }
}

/// What is selected. Keys are the model's stable keys, never indices, so a link survives
/// re-extraction and other corpora.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    #[default]
    None,
    /// `Actor::key` ("KOR", "org:nis").
    Actor(String),
    /// `Place::key` ("capital:KOR").
    Place(String),
    /// An event key from [`event_key`].
    Event(String),
    /// A document by `DocumentInfo::id`, optionally a byte span in it (a mention).
    Document { id: String, span: Option<Span> },
}

/// Which events, actors and documents are shown. An empty set means "no filter".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub quads: Flags<Quad>,
    pub modalities: Flags<Modality>,
    pub kinds: Flags<ActorKind>,
    /// Document ids.
    pub documents: BTreeSet<String>,
    /// First day shown, inclusive (years 1–9999).
    pub from: Option<Date>,
    /// Last day shown, inclusive; not before `from`.
    pub to: Option<Date>,
    /// Free-text search; empty for none.
    pub text: String,
}

/// The map's centre (degrees) and zoom level, quantised so that links stay short and
/// `decode(encode(s)) == s` holds: longitude and latitude to 4 decimals (about 10 m), zoom to 2.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub lon: f32,
    pub lat: f32,
    pub zoom: f32,
}

/// The graph camera: centre in layout units (2 decimals) and zoom ratio (3 decimals).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphCamera {
    pub x: f32,
    pub y: f32,
    pub zoom: f32,
}

/// Range and decimals of one quantised coordinate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Axis {
    pub name: &'static str,
    pub min: f64,
    pub max: f64,
    pub decimals: u8,
}

impl Axis {
    /// Clamps into range (NaN counts as 0) and rounds to the axis's decimals.
    pub(crate) fn quantise(self, v: f64) -> f32 {
        let v = if v.is_nan() {
            0f64.clamp(self.min, self.max)
        } else {
            v.clamp(self.min, self.max)
        };
        let scale = 10f64.powi(i32::from(self.decimals));
        let q = (v * scale).round() / scale;
        // No "-0" in links.
        if q == 0.0 { 0.0 } else { q as f32 }
    }
    pub(crate) fn contains(self, v: f64) -> bool {
        v.is_finite() && v >= self.min && v <= self.max
    }
}

pub(crate) const MAP_AXES: [Axis; 3] = [
    Axis {
        name: "longitude",
        min: -180.0,
        max: 180.0,
        decimals: 4,
    },
    Axis {
        name: "latitude",
        min: -90.0,
        max: 90.0,
        decimals: 4,
    },
    Axis {
        name: "zoom",
        min: 0.0,
        max: 24.0,
        decimals: 2,
    },
];
pub(crate) const GRAPH_AXES: [Axis; 3] = [
    Axis {
        name: "x",
        min: -100_000.0,
        max: 100_000.0,
        decimals: 2,
    },
    Axis {
        name: "y",
        min: -100_000.0,
        max: 100_000.0,
        decimals: 2,
    },
    Axis {
        name: "zoom",
        min: 0.001,
        max: 1_000.0,
        decimals: 3,
    },
];

impl MapView {
    /// A viewport from any numbers: clamped into range and quantised, so it round-trips.
    pub fn new(lon: f64, lat: f64, zoom: f64) -> MapView {
        let [a, b, c] = MAP_AXES;
        MapView {
            lon: a.quantise(lon),
            lat: b.quantise(lat),
            zoom: c.quantise(zoom),
        }
    }
    pub(crate) fn values(self) -> [f32; 3] {
        [self.lon, self.lat, self.zoom]
    }
}

impl GraphCamera {
    /// A camera from any numbers: clamped into range and quantised, so it round-trips.
    pub fn new(x: f64, y: f64, zoom: f64) -> GraphCamera {
        let [a, b, c] = GRAPH_AXES;
        GraphCamera {
            x: a.quantise(x),
            y: b.quantise(y),
            zoom: c.quantise(zoom),
        }
    }
    pub(crate) fn values(self) -> [f32; 3] {
        [self.x, self.y, self.zoom]
    }
}

/// The side panel that is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Panel {
    #[default]
    None,
    Details,
    Table,
    Evidence,
    Conflicts,
    /// The library: the articles in the corpus, adding and removing them.
    Articles,
}

/// The main views, each of which can be shown or hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Reader,
    Map,
    Graph,
    Timeline,
}

/// A closed set of values with a short, stable name each: what the fragment writes.
pub trait Token: Copy + PartialEq + 'static {
    /// Every value, in the order the fragment lists them. At most 32.
    const ALL: &'static [Self];
    fn token(self) -> &'static str;
    fn from_token(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.token() == s)
    }
}

impl Token for Quad {
    const ALL: &'static [Quad] = &[
        Quad::VerbalCooperation,
        Quad::MaterialCooperation,
        Quad::VerbalConflict,
        Quad::MaterialConflict,
    ];
    fn token(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "1",
            Quad::MaterialCooperation => "2",
            Quad::VerbalConflict => "3",
            Quad::MaterialConflict => "4",
        }
    }
}

impl Token for Modality {
    const ALL: &'static [Modality] = &[
        Modality::Asserted,
        Modality::Alleged,
        Modality::Reported,
        Modality::Predicted,
        Modality::Hypothetical,
        Modality::Opinion,
    ];
    fn token(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Alleged => "alleged",
            Modality::Reported => "reported",
            Modality::Predicted => "predicted",
            Modality::Hypothetical => "hypothetical",
            Modality::Opinion => "opinion",
        }
    }
}

impl Token for ActorKind {
    const ALL: &'static [ActorKind] = &[
        ActorKind::State,
        ActorKind::Igo,
        ActorKind::Agency,
        ActorKind::Company,
        ActorKind::Media,
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Group,
    ];
    fn token(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Igo => "igo",
            ActorKind::Agency => "agency",
            ActorKind::Company => "company",
            ActorKind::Media => "media",
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }
}

impl Token for Panel {
    const ALL: &'static [Panel] = &[
        Panel::None,
        Panel::Details,
        Panel::Table,
        Panel::Evidence,
        Panel::Conflicts,
        Panel::Articles,
    ];
    fn token(self) -> &'static str {
        match self {
            Panel::None => "none",
            Panel::Details => "details",
            Panel::Table => "table",
            Panel::Evidence => "evidence",
            Panel::Conflicts => "conflicts",
            Panel::Articles => "articles",
        }
    }
}

impl Token for View {
    const ALL: &'static [View] = &[View::Reader, View::Map, View::Graph, View::Timeline];
    fn token(self) -> &'static str {
        match self {
            View::Reader => "reader",
            View::Map => "map",
            View::Graph => "graph",
            View::Timeline => "timeline",
        }
    }
}

/// A set of [`Token`] values, as a bit mask (cheap to copy and compare, ordered by `T::ALL`).
pub struct Flags<T> {
    bits: u32,
    _of: PhantomData<T>,
}

impl<T: Token> Flags<T> {
    pub fn empty() -> Self {
        Flags {
            bits: 0,
            _of: PhantomData,
        }
    }
    pub fn all() -> Self {
        let n = T::ALL.len().min(32);
        let bits = if n == 32 { u32::MAX } else { (1u32 << n) - 1 };
        Flags { bits, _of: PhantomData }
    }
    fn bit(v: T) -> u32 {
        T::ALL.iter().position(|&x| x == v).map_or(0, |i| 1 << i)
    }
    pub fn insert(&mut self, v: T) {
        self.bits |= Self::bit(v);
    }
    pub fn remove(&mut self, v: T) {
        self.bits &= !Self::bit(v);
    }
    pub fn contains(&self, v: T) -> bool {
        self.bits & Self::bit(v) != 0
    }
    pub fn is_empty(&self) -> bool {
        self.bits == 0
    }
    pub fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }
    /// The members, in `T::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| self.bits & (1 << i) != 0)
            .map(|(_, &v)| v)
    }
    /// True when the set is empty (no filter) or holds `v`.
    pub fn admits(&self, v: T) -> bool {
        self.is_empty() || self.contains(v)
    }
}

impl<T: Token> FromIterator<T> for Flags<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut f = Flags::empty();
        for v in iter {
            f.insert(v);
        }
        f
    }
}

impl<T> Clone for Flags<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Flags<T> {}
impl<T> PartialEq for Flags<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<T> Eq for Flags<T> {}
impl<T: Token> Default for Flags<T> {
    /// The empty set.
    fn default() -> Self {
        Flags::empty()
    }
}
impl<T: Token> fmt::Debug for Flags<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Token::token)).finish()
    }
}
