//! [`ViewState`] to and from the URL fragment.
//!
//! The grammar: `key=value` pairs joined by `&`, keys in a fixed order, only what differs from
//! the default (plus `v`, always first). Lists are comma-separated; each piece is escaped by
//! [`percent`](super::percent), so separators inside a piece are always escaped.
//!
//! | key | value | example |
//! |---|---|---|
//! | `v` | format version | `v=1` |
//! | `sel` | `a:`actor, `p:`place, `e:`event key, `d:`document id with an optional `@start-end` byte span | `sel=a:KOR`, `sel=d:5f2c0e11aa@120-141` |
//! | `sel2` | the other end of a path, an actor key | `sel2=org:nis` |
//! | `q` | quad classes | `q=1,2` |
//! | `mod` | modalities | `mod=asserted,alleged` |
//! | `kind` | actor kinds | `kind=state,igo` |
//! | `docs` | document ids | `docs=5f2c0e11aa` |
//! | `from`, `to` | inclusive dates | `from=2022-01-01` |
//! | `text` | search text | `text=cyber%20defence` |
//! | `map` | longitude, latitude, zoom | `map=126.978,37.5665,5.5` |
//! | `g` | graph camera x, y, zoom ratio | `g=10.5,-3,1.25` |
//! | `exp` | expanded graph nodes, actor keys | `exp=KOR,org:nis` |
//! | `gall` | the graph shows every actor of a large corpus | `gall=1` |
//! | `panel` | `details`, `table`, `evidence`, `conflicts`, `articles` | `panel=details` |
//! | `show` | visible views when not all (`reader`, `map`, `graph`, `timeline`) | `show=map,graph` |
//! | `data` | `Model::extractor` of the data behind the link | `data=entente-0.1` |
//! | `ov` | the corrections overlay, passed through | `ov=...` |

use super::error::{StateError, Warning};
use super::percent::{self, Unescape};
use super::*;
use std::fmt::Write;

const KEYS: [&str; 18] = [
    "v", "sel", "sel2", "q", "mod", "kind", "docs", "from", "to", "text", "map", "g", "exp", "gall", "panel", "show", "data",
    "ov",
];

/// Writes the fragment (without the leading `#`) for `state`: `v=1` and every field that
/// differs from the default. The output is at most a few hundred bytes for typical states;
/// a state within the documented limits stays under [`MAX_FRAGMENT_BYTES`] unless its keys
/// are long and mostly non-ASCII.
pub fn encode(state: &ViewState) -> String {
    let mut out = String::with_capacity(64);
    let _ = write!(out, "v={}", state.version);
    let mut key = |out: &mut String, k: &str| {
        out.push('&');
        out.push_str(k);
        out.push('=');
    };
    match &state.selection {
        Selection::None => {}
        sel => {
            key(&mut out, "sel");
            write_selection(&mut out, sel);
        }
    }
    if let Some(second) = &state.second {
        key(&mut out, "sel2");
        percent::encode_into(&mut out, second);
    }
    let f = &state.filters;
    write_flags(&mut out, &mut key, "q", f.quads, Flags::empty());
    write_flags(&mut out, &mut key, "mod", f.modalities, Flags::empty());
    write_flags(&mut out, &mut key, "kind", f.kinds, Flags::empty());
    if !f.documents.is_empty() {
        key(&mut out, "docs");
        write_list(&mut out, f.documents.iter());
    }
    if let Some(d) = f.from {
        key(&mut out, "from");
        let _ = write!(out, "{d}");
    }
    if let Some(d) = f.to {
        key(&mut out, "to");
        let _ = write!(out, "{d}");
    }
    if !f.text.is_empty() {
        key(&mut out, "text");
        percent::encode_into(&mut out, &f.text);
    }
    if let Some(m) = state.map {
        key(&mut out, "map");
        write_numbers(&mut out, m.values(), MAP_AXES);
    }
    if let Some(g) = state.graph {
        key(&mut out, "g");
        write_numbers(&mut out, g.values(), GRAPH_AXES);
    }
    if !state.expanded.is_empty() {
        key(&mut out, "exp");
        write_list(&mut out, state.expanded.iter());
    }
    if state.graph_all {
        key(&mut out, "gall");
        out.push('1');
    }
    if state.panel != Panel::None {
        key(&mut out, "panel");
        out.push_str(state.panel.token());
    }
    write_flags(&mut out, &mut key, "show", state.views, Flags::all());
    if !state.data.is_empty() {
        key(&mut out, "data");
        percent::encode_into(&mut out, &state.data);
    }
    if !state.overlay.is_empty() {
        key(&mut out, "ov");
        percent::encode_into(&mut out, &state.overlay);
    }
    out
}

fn write_selection(out: &mut String, sel: &Selection) {
    let (tag, k) = match sel {
        Selection::None => return,
        Selection::Actor(k) => ("a:", k),
        Selection::Place(k) => ("p:", k),
        Selection::Event(k) => ("e:", k),
        Selection::Document { id, .. } => ("d:", id),
    };
    out.push_str(tag);
    percent::encode_into(out, k);
    if let Selection::Document { span: Some(s), .. } = sel {
        let _ = write!(out, "@{}-{}", s.start, s.end);
    }
}

fn write_flags<T: Token>(out: &mut String, key: &mut impl FnMut(&mut String, &str), k: &str, flags: Flags<T>, default: Flags<T>) {
    if flags != default {
        key(out, k);
        for (i, v) in flags.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(v.token());
        }
    }
}

fn write_list<'a>(out: &mut String, items: impl Iterator<Item = &'a String>) {
    for (i, s) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        percent::encode_into(out, s);
    }
}

fn write_numbers(out: &mut String, values: [f32; 3], axes: [Axis; 3]) {
    for (i, (v, axis)) in values.into_iter().zip(axes).enumerate() {
        if i > 0 {
            out.push(',');
        }
        let start = out.len();
        let _ = write!(out, "{:.*}", usize::from(axis.decimals), v);
        // Drop trailing zeros and a bare point: "2.5000" → "2.5", "3.00" → "3".
        if out[start..].contains('.') {
            let trimmed = out[start..].trim_end_matches('0').trim_end_matches('.').len();
            out.truncate(start + trimmed);
        }
        if &out[start..] == "-0" {
            out.truncate(start);
            out.push('0');
        }
    }
}

/// Reads a fragment (with or without the leading `#`). Never panics; linear in the input.
/// Unknown parameters and values are skipped; see [`decode_with_warnings`] to list them.
pub fn decode(fragment: &str) -> Result<ViewState, StateError> {
    decode_with_warnings(fragment).map(|(state, _)| state)
}

/// [`decode`], also returning what was ignored.
pub fn decode_with_warnings(fragment: &str) -> Result<(ViewState, Vec<Warning>), StateError> {
    if fragment.len() > MAX_FRAGMENT_BYTES {
        return Err(StateError::TooLong {
            bytes: fragment.len(),
            limit: MAX_FRAGMENT_BYTES,
        });
    }
    let body = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut warnings = Vec::new();
    let chars = fragment.chars().count();
    if chars > WARN_FRAGMENT_CHARS {
        warnings.push(Warning::Long { chars });
    }

    // Split once, so the version is checked before anything else is interpreted.
    let mut pairs: Vec<(&'static str, &str)> = Vec::new();
    let mut seen = [false; KEYS.len()];
    for part in body.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, value) = part.split_once('=').unwrap_or((part, ""));
        let name = unescape(raw_key, "a parameter name")?;
        match KEYS.iter().position(|k| *k == name) {
            Some(i) => {
                if seen[i] {
                    push_warning(&mut warnings, Warning::DuplicateKey(KEYS[i]));
                }
                seen[i] = true;
                pairs.push((KEYS[i], value));
            }
            None => push_warning(&mut warnings, Warning::UnknownKey(shorten(&name))),
        }
    }
    if let Some((_, v)) = pairs.iter().rev().find(|(k, _)| *k == "v") {
        let found = unescape(v, "v")?;
        if found.parse::<u32>().ok() != Some(VERSION) {
            return Err(StateError::UnsupportedVersion { found: shorten(&found) });
        }
    }

    let mut s = ViewState::default();
    for (key, value) in pairs {
        match key {
            "v" => {}
            "sel" => s.selection = selection(value, &mut warnings)?,
            "sel2" => s.second = Some(key_text(value, "sel2")?),
            "q" => s.filters.quads = flags(value, "q", &mut warnings)?,
            "mod" => s.filters.modalities = flags(value, "mod", &mut warnings)?,
            "kind" => s.filters.kinds = flags(value, "kind", &mut warnings)?,
            "docs" => s.filters.documents = list(value, "docs")?.into_iter().collect(),
            "from" => s.filters.from = Some(date(value, "from")?),
            "to" => s.filters.to = Some(date(value, "to")?),
            "text" => s.filters.text = text(value, "text", MAX_TEXT_BYTES)?,
            "map" => {
                let [lon, lat, zoom] = numbers(value, "map", MAP_AXES)?;
                s.map = Some(MapView { lon, lat, zoom });
            }
            "g" => {
                let [x, y, zoom] = numbers(value, "g", GRAPH_AXES)?;
                s.graph = Some(GraphCamera { x, y, zoom });
            }
            "exp" => s.expanded = list(value, "exp")?,
            "gall" => match &*unescape(value, "gall")? {
                "1" => s.graph_all = true,
                "0" => {}
                other => push_warning(
                    &mut warnings,
                    Warning::UnknownValue {
                        key: "gall",
                        value: shorten(other),
                    },
                ),
            },
            "panel" => {
                let v = unescape(value, "panel")?;
                match Panel::from_token(&v) {
                    Some(p) => s.panel = p,
                    None => push_warning(
                        &mut warnings,
                        Warning::UnknownValue {
                            key: "panel",
                            value: shorten(&v),
                        },
                    ),
                }
            }
            "show" => s.views = flags(value, "show", &mut warnings)?,
            "data" => s.data = text(value, "data", MAX_DATA_BYTES)?,
            "ov" => s.overlay = text(value, "ov", MAX_OVERLAY_BYTES)?,
            _ => {}
        }
    }
    if let (Some(from), Some(to)) = (s.filters.from, s.filters.to)
        && to < from
    {
        return Err(StateError::ReversedDates { from, to });
    }
    Ok((s, warnings))
}

/// Warnings are capped so a hostile link cannot make a long list of them.
fn push_warning(warnings: &mut Vec<Warning>, w: Warning) {
    const MAX_WARNINGS: usize = 20;
    if warnings.len() < MAX_WARNINGS {
        warnings.push(w);
    }
}

/// Input echoed into messages is cut to 40 characters.
fn shorten(s: &str) -> String {
    const MAX: usize = 40;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn unescape<'a>(s: &'a str, key: &str) -> Result<std::borrow::Cow<'a, str>, StateError> {
    percent::decode(s).map_err(|e| match e {
        Unescape::BadEscape(escape) => StateError::BadEscape {
            key: shorten(key),
            escape,
        },
        Unescape::InvalidUtf8 => StateError::InvalidUtf8 { key: shorten(key) },
    })
}

fn text(value: &str, key: &'static str, limit: usize) -> Result<String, StateError> {
    let v = unescape(value, key)?;
    if v.len() > limit {
        return Err(StateError::ValueTooLong {
            key,
            bytes: v.len(),
            limit,
        });
    }
    Ok(v.into_owned())
}

/// A non-empty key of at most [`MAX_KEY_BYTES`].
fn key_text(value: &str, key: &'static str) -> Result<String, StateError> {
    let v = text(value, key, MAX_KEY_BYTES)?;
    if v.is_empty() {
        return Err(StateError::BadSelection {
            key,
            value: String::new(),
        });
    }
    Ok(v)
}

/// A comma-separated list of keys; empty pieces (a trailing comma) are skipped.
fn list(value: &str, key: &'static str) -> Result<Vec<String>, StateError> {
    let pieces = value.split(',').filter(|p| !p.is_empty());
    let count = pieces.clone().count();
    if count > MAX_ITEMS {
        return Err(StateError::TooMany {
            key,
            count,
            limit: MAX_ITEMS,
        });
    }
    pieces.map(|p| key_text(p, key)).collect()
}

fn flags<T: Token>(value: &str, key: &'static str, warnings: &mut Vec<Warning>) -> Result<Flags<T>, StateError> {
    let mut set = Flags::empty();
    for piece in value.split(',').filter(|p| !p.is_empty()) {
        let v = unescape(piece, key)?;
        match T::from_token(&v) {
            Some(t) => set.insert(t),
            None => push_warning(warnings, Warning::UnknownValue { key, value: shorten(&v) }),
        }
    }
    Ok(set)
}

fn selection(value: &str, warnings: &mut Vec<Warning>) -> Result<Selection, StateError> {
    let bad = || StateError::BadSelection {
        key: "sel",
        value: shorten(value),
    };
    let (tag, rest) = value.split_once(':').ok_or_else(bad)?;
    let sel = match tag {
        "a" => Selection::Actor(key_text(rest, "sel")?),
        "p" => Selection::Place(key_text(rest, "sel")?),
        "e" => Selection::Event(key_text(rest, "sel")?),
        "d" => {
            let (id, span) = match rest.rsplit_once('@') {
                Some((id, span)) => (id, Some(span)),
                None => (rest, None),
            };
            let span = match span {
                None => None,
                Some(s) => {
                    let (a, b) = s.split_once('-').ok_or_else(bad)?;
                    let (start, end) = (a.parse::<u32>().map_err(|_| bad())?, b.parse::<u32>().map_err(|_| bad())?);
                    if start > end {
                        return Err(bad());
                    }
                    Some(Span { start, end })
                }
            };
            Selection::Document {
                id: key_text(id, "sel")?,
                span,
            }
        }
        _ => {
            push_warning(
                warnings,
                Warning::UnknownValue {
                    key: "sel",
                    value: shorten(value),
                },
            );
            Selection::None
        }
    };
    Ok(sel)
}

fn date(value: &str, key: &'static str) -> Result<Date, StateError> {
    let bad = || StateError::BadDate {
        key,
        value: shorten(value),
    };
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return Err(bad());
    }
    // All ASCII digits and dashes from here, so slicing is on char boundaries.
    let year: i32 = value[0..4].parse().map_err(|_| bad())?;
    let month: u8 = value[5..7].parse().map_err(|_| bad())?;
    let day: u8 = value[8..10].parse().map_err(|_| bad())?;
    if year < 1 {
        return Err(bad());
    }
    Date::new(year, month, day).ok_or_else(bad)
}

fn numbers(value: &str, key: &'static str, axes: [Axis; 3]) -> Result<[f32; 3], StateError> {
    let mut out = [0f32; 3];
    let mut pieces = value.split(',');
    for (slot, axis) in out.iter_mut().zip(axes) {
        let piece = pieces.next().unwrap_or("");
        let text = unescape(piece, key)?;
        // Bounded: the whole fragment is at most 8 KiB.
        let v: f64 = text.trim().parse().map_err(|_| StateError::BadNumber {
            key,
            value: shorten(&text),
        })?;
        if !axis.contains(v) {
            return Err(StateError::OutOfRange {
                key,
                axis: axis.name,
                value: shorten(&text),
                min: axis.min,
                max: axis.max,
            });
        }
        *slot = axis.quantise(v);
    }
    if let Some(extra) = pieces.next() {
        return Err(StateError::BadNumber {
            key,
            value: shorten(extra),
        });
    }
    Ok(out)
}
