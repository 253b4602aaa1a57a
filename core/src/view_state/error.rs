//! What can go wrong reading a link, and what the UI tells the user about it.

use crate::time::Date;
use std::fmt;

/// Why a fragment was refused. The UI then shows the default view with this message.
#[derive(Debug, Clone, PartialEq)]
pub enum StateError {
    /// Over [`MAX_FRAGMENT_BYTES`](super::MAX_FRAGMENT_BYTES); refused before reading it.
    TooLong { bytes: usize, limit: usize },
    /// A `%` not followed by two hex digits, in the parameter `key`.
    BadEscape { key: String, escape: String },
    /// Escapes that decode to bytes that are not UTF-8, in the parameter `key`.
    InvalidUtf8 { key: String },
    /// A `v=` this build does not read.
    UnsupportedVersion { found: String },
    /// Not a number.
    BadNumber { key: &'static str, value: String },
    /// A number outside its range, NaN or infinite.
    OutOfRange {
        key: &'static str,
        axis: &'static str,
        value: String,
        min: f64,
        max: f64,
    },
    /// Not a `YYYY-MM-DD` calendar date between years 1 and 9999.
    BadDate { key: &'static str, value: String },
    /// `to` is before `from`.
    ReversedDates { from: Date, to: Date },
    /// A selection that does not have the `a:`/`p:`/`e:`/`d:` form, or an empty key.
    BadSelection { key: &'static str, value: String },
    /// A list longer than [`MAX_ITEMS`](super::MAX_ITEMS).
    TooMany { key: &'static str, count: usize, limit: usize },
    /// A value longer than its limit, in bytes.
    ValueTooLong { key: &'static str, bytes: usize, limit: usize },
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::TooLong { bytes, limit } => {
                write!(
                    f,
                    "the link's view state is {bytes} bytes long, over the {limit}-byte limit; it was not read"
                )
            }
            StateError::BadEscape { key, escape } => {
                write!(
                    f,
                    "the link has a broken escape \"{escape}\" in \"{key}\" (a % must be followed by two hex digits)"
                )
            }
            StateError::InvalidUtf8 { key } => write!(f, "the link's \"{key}\" does not decode to valid text (UTF-8)"),
            StateError::UnsupportedVersion { found } => write!(
                f,
                "the link uses view-state version \"{found}\", which this version of Entente does not read (it reads version {})",
                super::VERSION
            ),
            StateError::BadNumber { key, value } => write!(f, "the link's \"{key}\" has \"{value}\" where a number belongs"),
            StateError::OutOfRange {
                key,
                axis,
                value,
                min,
                max,
            } => {
                write!(f, "the link's \"{key}\" {axis} is {value}, outside {min} to {max}")
            }
            StateError::BadDate { key, value } => {
                write!(f, "the link's \"{key}\" is \"{value}\", not a date written YYYY-MM-DD")
            }
            StateError::ReversedDates { from, to } => write!(f, "the link's date range ends ({to}) before it starts ({from})"),
            StateError::BadSelection { key, value } => write!(
                f,
                "the link's \"{key}\" is \"{value}\"; a selection is a:ACTOR, p:PLACE, e:EVENT or d:DOCUMENT[@START-END]"
            ),
            StateError::TooMany { key, count, limit } => {
                write!(f, "the link's \"{key}\" lists {count} items, more than the {limit} allowed")
            }
            StateError::ValueTooLong { key, bytes, limit } => {
                write!(f, "the link's \"{key}\" is {bytes} bytes long, over its {limit}-byte limit")
            }
        }
    }
}

impl std::error::Error for StateError {}

/// Something in a fragment that was ignored; the rest was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A parameter this version does not know (a newer link, or a typo).
    UnknownKey(String),
    /// A value this version does not know in a list or choice ("mod=rumoured").
    UnknownValue { key: &'static str, value: String },
    /// A parameter given twice; the last one counts.
    DuplicateKey(&'static str),
    /// Over [`WARN_FRAGMENT_CHARS`](super::WARN_FRAGMENT_CHARS): some tools cut long links.
    Long { chars: usize },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UnknownKey(k) => write!(f, "ignored \"{k}\", which this version of Entente does not know"),
            Warning::UnknownValue { key, value } => {
                write!(f, "ignored \"{value}\" in \"{key}\", which this version does not know")
            }
            Warning::DuplicateKey(k) => write!(f, "\"{k}\" appears more than once; the last one counts"),
            Warning::Long { chars } => write!(f, "the link is {chars} characters long; some tools cut links over 2,000"),
        }
    }
}

/// What [`validate`](super::validate) changed: references the corpus cannot satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Actor keys dropped (selection, path end or expanded nodes).
    MissingActors(Vec<String>),
    MissingPlace(String),
    MissingEvent(String),
    /// Document ids dropped (selection or document filter): typically documents the sender
    /// added on their own machine, which a link never carries.
    MissingDocuments(Vec<String>),
    /// The selected span does not lie inside the document.
    SpanOutside {
        document: String,
    },
    /// The link was made with other data or another extractor.
    OtherData {
        link: String,
        here: String,
    },
}

fn list(f: &mut fmt::Formatter<'_>, what: &str, whats: &str, items: &[String]) -> fmt::Result {
    const SHOWN: usize = 5;
    if let [one] = items {
        return write!(f, "the link mentions {what} this corpus does not have: {one}");
    }
    write!(
        f,
        "the link mentions {} {whats} this corpus does not have: {}",
        items.len(),
        items[..items.len().min(SHOWN)].join(", ")
    )?;
    if items.len() > SHOWN {
        write!(f, " and {} more", items.len() - SHOWN)?;
    }
    Ok(())
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::MissingActors(keys) => list(f, "an actor", "actors", keys),
            Notice::MissingPlace(key) => write!(f, "the link mentions a place this corpus does not have: {key}"),
            Notice::MissingEvent(key) => write!(f, "the link mentions an event this corpus does not have: {key}"),
            Notice::MissingDocuments(ids) => list(f, "a document", "documents", ids),
            Notice::SpanOutside { document } => {
                write!(
                    f,
                    "the link points at a passage outside document {document}; the whole document is selected"
                )
            }
            Notice::OtherData { link, here } => write!(
                f,
                "the link was made with other data ({link}); this corpus was read by {here}, so some of what it shows may differ"
            ),
        }
    }
}
