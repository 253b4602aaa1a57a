use super::geojson::great_circle;
use super::*;
use crate::corpus::{Corpus, default_corpus};
use crate::extract::extract;
use crate::view_state::ModelIndex;
use proptest::prelude::*;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn seed() -> &'static (Corpus, Model) {
    static SEED: OnceLock<(Corpus, Model)> = OnceLock::new();
    SEED.get_or_init(|| {
        let corpus = default_corpus();
        let model = extract(&corpus);
        (corpus, model)
    })
}

fn with_recipient(model: &Model) -> usize {
    model.events.iter().filter(|e| e.recipient.is_some()).count()
}

// ---------------------------------------------------------------------------------------
// A tiny XML well-formedness checker: one root, balanced and properly nested tags, quoted and
// unique attributes, no raw `<` or `&` outside markup, only the predefined entities and
// character references, only XML 1.0 characters.

#[derive(Debug)]
struct Element {
    name: String,
    attrs: HashMap<String, String>,
    text: String,
}

fn unescape_xml(s: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';').ok_or_else(|| format!("unterminated entity in {s:?}"))? + i;
        let ent = &rest[i + 1..end];
        let c = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ if ent.starts_with("#x") => u32::from_str_radix(&ent[2..], 16)
                .ok()
                .and_then(char::from_u32)
                .ok_or("bad ref")?,
            _ if ent.starts_with('#') => ent[1..].parse().ok().and_then(char::from_u32).ok_or("bad ref")?,
            _ => return Err(format!("unknown entity &{ent};")),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn check_xml(s: &str) -> Result<Vec<Element>, String> {
    if let Some(c) = s
        .chars()
        .find(|&c| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..))
    {
        return Err(format!("character {c:?} is not allowed in XML"));
    }
    let mut rest = s
        .strip_prefix("<?xml")
        .map_or(Ok(s), |r| r.find("?>").map(|i| &r[i + 2..]).ok_or("open prolog"))?;
    let mut stack: Vec<usize> = Vec::new();
    let mut elements: Vec<Element> = Vec::new();
    let mut roots = 0;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = unescape_xml(&rest[..lt])?;
        match stack.last() {
            Some(&top) => elements[top].text.push_str(&text),
            None if !text.trim().is_empty() => return Err(format!("text outside the root: {text:?}")),
            None => {}
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->").ok_or("open comment")? + 3..];
        } else if let Some(r) = rest.strip_prefix("</") {
            let gt = r.find('>').ok_or("open end tag")?;
            let name = r[..gt].trim_end();
            let top = stack.pop().ok_or_else(|| format!("</{name}> closes nothing"))?;
            if elements[top].name != name {
                return Err(format!("</{name}> closes <{}>", elements[top].name));
            }
            rest = &r[gt + 1..];
        } else {
            let r = &rest[1..];
            let name_end = r
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .ok_or("open tag")?;
            let name = &r[..name_end];
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
            {
                return Err(format!("bad element name {name:?}"));
            }
            let mut r = &r[name_end..];
            let mut attrs = HashMap::new();
            let closed;
            loop {
                r = r.trim_start();
                if let Some(x) = r.strip_prefix("/>") {
                    closed = true;
                    r = x;
                    break;
                }
                if let Some(x) = r.strip_prefix('>') {
                    closed = false;
                    r = x;
                    break;
                }
                let eq = r.find('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
                let key = r[..eq].trim();
                if key.is_empty() || key.contains(|c: char| c.is_whitespace() || c == '<' || c == '>') {
                    return Err(format!("bad attribute name {key:?} in <{name}>"));
                }
                let after = r[eq + 1..].trim_start();
                let quote = after
                    .chars()
                    .next()
                    .filter(|c| *c == '"' || *c == '\'')
                    .ok_or("unquoted attribute")?;
                let close = after[1..].find(quote).ok_or("open attribute value")? + 1;
                let raw = &after[1..close];
                if raw.contains('<') {
                    return Err(format!("'<' in attribute {key}"));
                }
                if attrs.insert(key.to_string(), unescape_xml(raw)?).is_some() {
                    return Err(format!("duplicate attribute {key} in <{name}>"));
                }
                r = &after[close + 1..];
            }
            if stack.is_empty() {
                roots += 1;
            }
            elements.push(Element {
                name: name.to_string(),
                attrs,
                text: String::new(),
            });
            if !closed {
                stack.push(elements.len() - 1);
            }
            rest = r;
        }
    }
    if let Some(&open) = stack.last() {
        return Err(format!("<{}> is never closed", elements[open].name));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(elements)
}

fn named<'a>(els: &'a [Element], name: &str) -> Vec<&'a Element> {
    els.iter().filter(|e| e.name == name).collect()
}

#[test]
fn the_xml_checker_rejects_what_it_should() {
    for bad in [
        "<a>",
        "<a></b>",
        "<a><b></a></b>",
        "<a x=1/>",
        "<a x=\"1\" x=\"2\"/>",
        "<a>&foo;</a>",
        "<a>x & y</a>",
        "<a/><b/>",
        "text<a/>",
        "<a x=\"<\"/>",
        "<a>\u{1}</a>",
    ] {
        assert!(check_xml(bad).is_err(), "{bad}");
    }
    let ok = check_xml("<?xml version=\"1.0\"?>\n<a x='1' y=\"&lt;&#10;\"><!-- c --><b/>t&amp;</a>\n").unwrap();
    assert_eq!((ok[0].attrs["y"].as_str(), ok[0].text.as_str()), ("<\n", "t&"));
}

// ---------------------------------------------------------------------------------------
// GEXF and GraphML

#[test]
fn gexf_is_well_formed_dynamic_and_has_an_edge_per_event() {
    let (_, model) = seed();
    let xml = gexf(model, &Events::All);
    let els = check_xml(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    let root = &els[0];
    assert_eq!(
        (
            root.name.as_str(),
            root.attrs["xmlns"].as_str(),
            root.attrs["version"].as_str()
        ),
        ("gexf", "http://gexf.net/1.3", "1.3")
    );
    let graph = named(&els, "graph")[0];
    assert_eq!(graph.attrs["mode"], "dynamic");
    assert_eq!(graph.attrs["timeformat"], "date");
    assert_eq!(graph.attrs["defaultedgetype"], "directed");

    let nodes = named(&els, "node");
    assert_eq!(nodes.len(), model.actors.len());
    let node_ids: HashSet<&str> = nodes.iter().map(|n| n.attrs["id"].as_str()).collect();
    assert_eq!(node_ids.len(), nodes.len(), "node ids are unique");

    let edges = named(&els, "edge");
    assert!(!edges.is_empty(), "the seed corpus has events between actors");
    assert_eq!(edges.len(), with_recipient(model));
    let index = ModelIndex::new(model);
    let mut edge_ids = HashSet::new();
    for e in &edges {
        assert!(edge_ids.insert(e.attrs["id"].as_str()), "edge ids are unique");
        let event = &model.events[index.event(&e.attrs["id"]).expect("edge id is an event key") as usize];
        assert!(node_ids.contains(e.attrs["source"].as_str()) && node_ids.contains(e.attrs["target"].as_str()));
        assert_eq!(e.attrs["weight"], event.mentions.len().max(1).to_string());
        assert!(!e.attrs["kind"].is_empty());
        // One time representation: intervals, both ends or neither.
        assert!(!e.attrs.contains_key("timestamp") && !e.attrs.contains_key("timestamps"));
        assert_eq!(e.attrs.contains_key("start"), event.date.is_some());
        if let (Some(s), Some(t)) = (e.attrs.get("start"), e.attrs.get("end")) {
            assert!(s.len() == 10 && t.len() == 10 && s <= t, "{s}..{t}");
        }
    }
    // Every attvalue refers to a declared attribute of its class.
    let declared: HashSet<&str> = named(&els, "attribute").iter().map(|a| a.attrs["id"].as_str()).collect();
    assert!(
        named(&els, "attvalue")
            .iter()
            .all(|v| declared.contains(v.attrs["for"].as_str()))
    );
    for key in [
        "kind",
        "cameo",
        "iso3",
        "country",
        "lat",
        "lng",
        "mentions",
        "plover",
        "quad",
        "goldstein",
        "modality",
        "documents",
    ] {
        assert!(declared.contains(key), "{key}");
    }
}

#[test]
fn filtered_graphs_keep_only_chosen_events_and_their_actors() {
    let (_, model) = seed();
    let first = model
        .events
        .iter()
        .find(|e| e.recipient.is_some())
        .expect("an event with a recipient");
    let xml = gexf(model, &Events::Ids(&[first.id, u32::MAX]));
    let els = check_xml(&xml).unwrap();
    assert_eq!(named(&els, "edge").len(), 1);
    assert!(named(&els, "node").len() <= 2);
    let none = gexf(model, &Events::Matching(&|_| false));
    let els = check_xml(&none).unwrap();
    assert_eq!((named(&els, "node").len(), named(&els, "edge").len()), (0, 0));
    let els = check_xml(&graphml(model, &Events::Matching(&|e| e.id == first.id))).unwrap();
    assert_eq!(named(&els, "edge").len(), 1);
}

#[test]
fn graphml_is_well_formed_with_declared_keys() {
    let (_, model) = seed();
    let xml = graphml(model, &Events::All);
    let els = check_xml(&xml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(els[0].attrs["xmlns"], "http://graphml.graphdrawing.org/xmlns");
    assert_eq!(named(&els, "graph")[0].attrs["edgedefault"], "directed");
    let keys: HashMap<&str, &str> = named(&els, "key")
        .iter()
        .map(|k| (k.attrs["id"].as_str(), k.attrs["for"].as_str()))
        .collect();
    let names: HashSet<&str> = named(&els, "key").iter().map(|k| k.attrs["attr.name"].as_str()).collect();
    for n in [
        "label",
        "kind",
        "cameo",
        "lat",
        "lng",
        "quad",
        "goldstein",
        "modality",
        "mentions",
        "documents",
        "weight",
        "start",
    ] {
        assert!(names.contains(n), "{n}");
    }
    assert_eq!(named(&els, "node").len(), model.actors.len());
    assert_eq!(named(&els, "edge").len(), with_recipient(model));
    // Each <data> uses a key declared for its parent's kind.
    let mut parent = "";
    for e in &els {
        match e.name.as_str() {
            "node" | "edge" => parent = if e.name == "node" { "node" } else { "edge" },
            "data" => assert_eq!(keys.get(e.attrs["key"].as_str()), Some(&parent), "{:?}", e.attrs),
            _ => {}
        }
    }
}

/// A model with hostile text everywhere text goes.
fn hostile() -> Model {
    let (_, model) = seed();
    let mut m = model.clone();
    m.extractor = "x</description><evil/>&".into();
    for a in &mut m.actors {
        a.name = format!("<b>\"{}\" & 'co',\r\n\u{1}</b>", a.name);
    }
    if let Some(e) = m.events.first_mut() {
        e.code.cameo_name = Some("=HYPERLINK(\"x\"),\"".into());
    }
    m
}

#[test]
fn hostile_text_is_escaped_in_xml() {
    let m = hostile();
    for xml in [gexf(&m, &Events::All), graphml(&m, &Events::All)] {
        let els = check_xml(&xml).unwrap_or_else(|e| panic!("{e}"));
        assert!(named(&els, "evil").is_empty());
        let labels: Vec<String> = named(&els, "node")
            .iter()
            .filter_map(|n| n.attrs.get("label").cloned())
            .chain(
                named(&els, "data")
                    .iter()
                    .filter(|d| d.attrs["key"] == "n_label")
                    .map(|d| d.text.clone()),
            )
            .collect();
        assert_eq!(labels.len(), m.actors.len());
        for (label, a) in labels.iter().zip(&m.actors) {
            assert_eq!(label, &a.name.replace('\u{1}', "\u{FFFD}"));
        }
    }
}

// ---------------------------------------------------------------------------------------
// CSV

/// RFC 4180: CRLF between records, quoted fields may hold anything with quotes doubled.
fn parse_csv(s: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start && field.is_empty() => loop {
                match chars.next().ok_or("unterminated quoted field")? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        at_start = false;
                        if !matches!(chars.peek(), None | Some(',') | Some('\r')) {
                            return Err("text after a closing quote".into());
                        }
                        break;
                    }
                    c => field.push(c),
                }
            },
            '"' => return Err("quote inside an unquoted field".into()),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("CR without LF".into());
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_start = true;
            }
            '\n' => return Err("bare LF".into()),
            c => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if !field.is_empty() || !record.is_empty() {
        return Err("last record does not end with CRLF".into());
    }
    Ok(records)
}

#[test]
fn events_csv_has_a_header_and_a_row_per_event() {
    let (corpus, model) = seed();
    let csv = events_csv(model, corpus, &Events::All);
    let rows = parse_csv(&csv).unwrap();
    assert_eq!(rows[0], EVENT_COLUMNS);
    assert_eq!(rows.len(), model.events.len() + 1);
    assert_eq!(
        csv.lines().count(),
        model.events.len() + 1,
        "one line per record for the seed corpus"
    );
    let col = |name: &str| EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    for (row, e) in rows[1..].iter().zip(&model.events) {
        assert_eq!(row.len(), EVENT_COLUMNS.len());
        assert_eq!(
            row[col("cameo_code")],
            e.code.cameo.clone().unwrap_or_default(),
            "codes stay text"
        );
        assert_eq!(row[col("quad_class")], (e.code.quad as u8).to_string());
        assert_eq!(row[col("mentions")], e.mentions.len().to_string());
        assert!(!row[col("evidence")].is_empty(), "every event has a sentence");
        assert!(!row[col("actor_name")].is_empty());
    }
    let n = model.events.iter().filter(|e| e.date.is_some()).count();
    let dated = events_csv(model, corpus, &Events::Matching(&|e| e.date.is_some()));
    assert_eq!(parse_csv(&dated).unwrap().len(), n + 1);
}

#[test]
fn csv_quotes_per_rfc_4180() {
    let (corpus, _) = seed();
    let m = hostile();
    let rows = parse_csv(&events_csv(&m, corpus, &Events::All)).unwrap();
    assert_eq!(rows.len(), m.events.len() + 1);
    let e = &m.events[0];
    assert_eq!(rows[1][3], m.actors[e.actor as usize].name);
    assert_eq!(rows[1][10], "=HYPERLINK(\"x\"),\"");
    let rows = parse_csv(&actors_csv(&m, &Events::All)).unwrap();
    assert_eq!(rows[0], ACTOR_COLUMNS);
    assert_eq!(rows.len(), m.actors.len() + 1);
    for (row, a) in rows[1..].iter().zip(&m.actors) {
        assert_eq!(row.len(), ACTOR_COLUMNS.len());
        assert_eq!((row[1].as_str(), row[2].as_str()), (a.key.as_str(), a.name.as_str()));
    }
}

// ---------------------------------------------------------------------------------------
// GeoJSON

fn positions(geometry: &Value) -> Vec<(f64, f64)> {
    let c = &geometry["coordinates"];
    let pos = |p: &Value| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap());
    match geometry["type"].as_str().unwrap() {
        "Point" => vec![pos(c)],
        "LineString" => c.as_array().unwrap().iter().map(pos).collect(),
        "MultiLineString" => c
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|l| l.as_array().unwrap().iter().map(pos))
            .collect(),
        t => panic!("unexpected geometry {t}"),
    }
}

#[test]
fn geojson_is_a_feature_collection_in_lon_lat_order() {
    let (_, model) = seed();
    let v: Value = serde_json::from_str(&geojson(model, &Events::All)).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    let layer = |l: &str| features.iter().filter(|f| f["properties"]["layer"] == l).count();
    assert_eq!(layer("actor"), model.actors.iter().filter(|a| a.seat.is_some()).count());
    assert_eq!(
        layer("place"),
        model.places.iter().filter(|p| p.lat.is_some() && p.lon.is_some()).count()
    );
    for f in features {
        assert_eq!(f["type"], "Feature");
        let pts = positions(&f["geometry"]);
        assert!(
            pts.iter().all(|&(lon, lat)| lon.abs() <= 180.0 && lat.abs() <= 90.0),
            "{pts:?}"
        );
        if f["geometry"]["type"] == "LineString" {
            assert!(pts.len() >= 2);
        }
        if f["properties"]["layer"] == "arc" {
            assert!(f["properties"]["events"].as_array().is_some_and(|e| !e.is_empty()));
        }
    }
    // Actors at their seats, longitude first.
    for a in model.actors.iter().filter(|a| a.seat.is_some()) {
        let s = a.seat.as_ref().unwrap();
        let f = features
            .iter()
            .find(|f| f["properties"]["layer"] == "actor" && f["properties"]["key"] == a.key.as_str())
            .unwrap();
        let (lon, lat) = positions(&f["geometry"])[0];
        assert!((lon - s.lon).abs() < 1e-6 && (lat - s.lat).abs() < 1e-6);
    }
}

#[test]
fn great_circles_are_sampled_and_cut_at_the_antimeridian() {
    let seoul = (126.978, 37.5665);
    let san_francisco = (-122.4194, 37.7749);
    let tallinn = (24.7536, 59.437);
    let parts = great_circle(seoul, san_francisco).unwrap();
    assert_eq!(parts.len(), 2);
    let (end, start) = (*parts[0].last().unwrap(), parts[1][0]);
    assert_eq!((end.0, start.0), (180.0, -180.0));
    assert!(
        (end.1 - start.1).abs() < 1e-12 && end.1 > 37.5,
        "the route bows north: {end:?}"
    );
    assert_eq!((parts[0][0], *parts[1].last().unwrap()), (seoul, san_francisco));

    // Every point (the cuts included) lies on the plane through the centre and both ends,
    // and neighbours are at most 2° apart.
    let v = |(lon, lat): (f64, f64)| {
        let (lon, lat) = (f64::to_radians(lon), f64::to_radians(lat));
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    };
    let on_circle = |from: (f64, f64), to: (f64, f64), parts: &[Vec<(f64, f64)>]| {
        let (a, b) = (v(from), v(to));
        let n = [
            a[1] * b[2] - a[2] * b[1],
            a[2] * b[0] - a[0] * b[2],
            a[0] * b[1] - a[1] * b[0],
        ];
        for line in parts {
            assert!(line.iter().all(|&p| {
                let p = v(p);
                (p[0] * n[0] + p[1] * n[1] + p[2] * n[2]).abs() < 1e-9
            }));
            for w in line.windows(2) {
                let (p, q) = (v(w[0]), v(w[1]));
                let cos = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
                assert!(cos.clamp(-1.0, 1.0).acos().to_degrees() <= 2.0 + 1e-9);
            }
        }
    };
    on_circle(seoul, san_francisco, &parts);
    let parts = great_circle(seoul, tallinn).unwrap();
    assert_eq!(parts.len(), 1);
    on_circle(seoul, tallinn, &parts);
    assert!(
        parts[0].iter().any(|p| p.1 > 60.0),
        "the short way from Seoul to Tallinn passes north of both"
    );

    assert!(great_circle(seoul, seoul).is_none());
    let antipode = (seoul.0 - 180.0, -seoul.1);
    let parts = great_circle(seoul, antipode).unwrap();
    assert!(
        parts
            .iter()
            .flatten()
            .all(|&(lon, lat)| lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0)
    );
    assert!(great_circle((0.0, 90.0), (0.0, -90.0)).is_some());
}

// ---------------------------------------------------------------------------------------
// The bundle

#[test]
fn bundle_round_trips_to_the_same_model_and_corpus() {
    let (corpus, model) = seed();
    let json = bundle(model, corpus);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], BUNDLE_SCHEMA);
    assert_eq!(v["model"]["schema"], crate::model::SCHEMA);
    assert_eq!(v["documents"].as_array().unwrap().len(), corpus.documents.len());
    let (corpus2, model2) = import_bundle(json.as_bytes()).unwrap();
    assert_eq!(serde_json::to_string(&model2).unwrap(), serde_json::to_string(model).unwrap());
    assert_eq!(&corpus2, corpus);
    assert_eq!(bundle(&model2, &corpus2), json);
}

/// Reads JSON lines in slices of `size` bytes.
fn read_lines(lines: &[u8], size: usize) -> Result<(Corpus, Model), ImportError> {
    let mut reader = LinesReader::new();
    for slice in lines.chunks(size) {
        reader.read(slice)?;
    }
    reader.finish()
}

#[test]
fn bundle_lines_read_back_in_slices_of_any_size_as_the_bundle_does() {
    let (corpus, model) = seed();
    let lines = bundle_lines(model, corpus);
    let expected = serde_json::to_string(model).unwrap();
    let newlines = lines.iter().filter(|&&b| b == b'\n').count();
    let items = 1
        + 2 * corpus.documents.len()
        + model.sentences.len()
        + model.actors.len()
        + model.places.len()
        + model.mentions.len()
        + model.events.len()
        + model.claims.len();
    assert_eq!(newlines, items, "one line per item, after the header");
    for size in [1, 7, 4096, lines.len()] {
        let (corpus2, model2) = read_lines(&lines, size).unwrap();
        assert_eq!(&corpus2, corpus, "slices of {size} bytes");
        assert_eq!(serde_json::to_string(&model2).unwrap(), expected, "slices of {size} bytes");
    }
}

#[test]
fn damaged_bundle_lines_are_refused_with_the_reason() {
    let (corpus, model) = seed();
    let lines = String::from_utf8(bundle_lines(model, corpus)).unwrap();
    let cut = &lines[..lines.len() * 2 / 3];
    let cut = &cut[..cut.rfind('\n').unwrap() + 1];
    assert!(
        matches!(read_lines(cut.as_bytes(), 1000), Err(ImportError::Inconsistent(why)) if why.starts_with("the answer is cut short: it ends after"))
    );
    assert!(matches!(read_lines(b"", 10), Err(ImportError::NotABundle(_))));
    let junk = lines.replacen("\n{", "\n{]", 1);
    assert!(matches!(read_lines(junk.as_bytes(), 1000), Err(ImportError::NotABundle(why)) if why.starts_with("line 2:")));
    let newer = lines.replacen(LINES_SCHEMA, "entente-lines/9", 1);
    assert!(matches!(
        read_lines(newer.as_bytes(), 1000),
        Err(ImportError::UnsupportedSchema { .. })
    ));
    // A mention pointing past the actors is refused, as in a whole bundle.
    let first_mention = serde_json::to_string(&model.mentions[0]).unwrap();
    let crate::model::Target::Actor(a) = model.mentions[0].target else {
        panic!("the first mention is of an actor")
    };
    let bad = first_mention.replace(&format!("\"id\":{a}}}"), &format!("\"id\":{}}}", model.actors.len()));
    assert_ne!(bad, first_mention);
    let damaged = lines.replacen(&first_mention, &bad, 1);
    assert!(
        matches!(read_lines(damaged.as_bytes(), 1000), Err(ImportError::Inconsistent(why)) if why.contains("points to actor"))
    );
    // Counts no answer could hold allocate nothing and end in an error.
    let header_end = lines.find('\n').unwrap();
    let huge = lines[..header_end].replace(
        &format!("\"mentions\":{}", model.mentions.len()),
        "\"mentions\":1000000000000",
    );
    assert!(matches!(read_lines(huge.as_bytes(), 1000), Err(ImportError::Inconsistent(_))));
}

#[test]
fn bundle_keeps_what_markup_said_about_a_document() {
    use crate::ingest::{Format, Source, ingest};
    let md = "---\ntitle: Seoul joins the centre\ndate: 2022-05-05\n---\n\n## Reactions\n\nChina criticised South Korea on Thursday.\n";
    let doc = ingest(
        Source {
            name: "a.md",
            bytes: md.as_bytes(),
        },
        Format::Markdown,
    )
    .unwrap();
    assert_eq!(doc.meta.title, "Seoul joins the centre");
    let corpus = Corpus { documents: vec![doc] };
    let model = extract(&corpus);
    let (corpus2, _) = import_bundle(bundle(&model, &corpus).as_bytes()).unwrap();
    assert_eq!(corpus2, corpus, "title, date and headings survive the bundle");
}

#[test]
fn bundles_with_text_only_documents_are_still_read() {
    let (corpus, model) = seed();
    let mut v: Value = serde_json::from_str(&bundle(model, corpus)).unwrap();
    for d in v["documents"].as_array_mut().unwrap() {
        let d = d.as_object_mut().unwrap();
        d.retain(|k, _| ["id", "name", "text"].contains(&k.as_str()));
    }
    let (corpus2, _) = import_bundle(v.to_string().as_bytes()).unwrap();
    assert_eq!(
        &corpus2, corpus,
        "plain-text documents read again give the same blocks and metadata"
    );
}

#[test]
fn saved_blocks_outside_their_text_are_refused() {
    let err = edited(|v| v["documents"][0]["blocks"][0]["span"]["end"] = 9_999_999.into()).unwrap_err();
    assert!(matches!(err, ImportError::Document { index: 0, .. }), "{err}");
    let err = edited(|v| v["documents"][1]["meta"]["published"]["date"]["month"] = 13.into()).unwrap_err();
    assert!(err.to_string().contains("not a real day"), "{err}");
}

fn edited(f: impl FnOnce(&mut Value)) -> Result<(Corpus, Model), ImportError> {
    let (corpus, model) = seed();
    let mut v: Value = serde_json::from_str(&bundle(model, corpus)).unwrap();
    f(&mut v);
    import_bundle(v.to_string().as_bytes())
}

#[test]
fn import_refuses_damaged_bundles_with_reasons() {
    use ImportError::*;
    assert!(matches!(import_bundle(b""), Err(NotABundle(_))));
    assert!(matches!(import_bundle(b"\x89PNG\r\n"), Err(NotABundle(_))));
    assert!(
        matches!(import_bundle(br#"{"schema":"entente-bundle/2","whatever":1}"#), Err(UnsupportedSchema { found }) if found == "entente-bundle/2")
    );
    assert!(matches!(
        edited(|v| v["model"]["schema"] = "entente-model/9".into()),
        Err(UnsupportedModelSchema { .. })
    ));
    assert!(matches!(edited(|v| v["model"]["events"] = 3.into()), Err(NotABundle(_))));
    assert!(matches!(
        edited(|v| v["model"]["sentences"][0]["span"]["end"] = 1_000_000_000.into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["model"]["sentences"][0]["doc"] = 7.into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["model"]["events"][0]["actor"] = 100_000.into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["model"]["events"][0]["id"] = 5_000.into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["model"]["mentions"][0]["sentence"] = 1_000_000.into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["model"]["actors"][0]["seat"] = serde_json::json!({"lat": 91.0, "lon": 0.0, "label": "x"})),
        Err(Inconsistent(_))
    ));
    if !seed().1.places.is_empty() {
        assert!(matches!(
            edited(|v| v["model"]["places"][0]["precision"] = "street".into()),
            Err(Inconsistent(_))
        ));
    }
    assert!(matches!(
        edited(|v| {
            v["documents"].as_array_mut().unwrap().pop();
        }),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["documents"][0]["id"] = "0000000000".into()),
        Err(Inconsistent(_))
    ));
    assert!(matches!(
        edited(|v| v["documents"][0]["text"] = "".into()),
        Err(Document { index: 0, .. })
    ));
    assert!(matches!(
        edited(|v| v["documents"][0]["text"] = "a\r\nb".into()),
        Err(Document { index: 0, .. })
    ));

    // A span that cuts a multi-byte character.
    let (corpus, model) = seed();
    let (d, at) = corpus
        .documents
        .iter()
        .enumerate()
        .find_map(|(i, d)| d.text.char_indices().find(|(_, c)| c.len_utf8() > 1).map(|(at, _)| (i, at)))
        .expect("the seed texts have a non-ASCII character");
    let s = model.sentences.iter().position(|s| s.doc as usize == d).unwrap();
    let err = edited(|v| {
        v["model"]["sentences"][s]["span"] = serde_json::json!({"start": at + 1, "end": at + 2});
    })
    .unwrap_err();
    assert!(err.to_string().contains("do not lie on characters"), "{err}");

    // Dates that are not calendar dates.
    if let Some(i) = model.events.iter().position(|e| e.date.is_some()) {
        assert!(matches!(
            edited(|v| v["model"]["events"][i]["date"]["value"]["date"]["month"] = 13.into()),
            Err(Inconsistent(_))
        ));
    }
}

/// Byte offsets of the numbers in a JSON text, to damage them.
fn number_spans(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && i > 0 && matches!(b[i - 1], b':' | b',' | b'[') {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

proptest! {
    #[test]
    fn import_of_arbitrary_bytes_is_an_error(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        prop_assert!(import_bundle(&bytes).is_err());
    }

    #[test]
    fn import_of_damaged_bundles_never_panics(which in any::<prop::sample::Index>(), value in any::<u32>(), cut in any::<prop::sample::Index>()) {
        static JSON: OnceLock<String> = OnceLock::new();
        let json = JSON.get_or_init(|| bundle(&seed().1, &seed().0));
        let spans = number_spans(json);
        let (a, b) = spans[which.index(spans.len())];
        let damaged = format!("{}{value}{}", &json[..a], &json[b..]);
        if let Ok((c, m)) = import_bundle(damaged.as_bytes()) {
            // What was accepted is safe to use: every export indexes it.
            let _ = (gexf(&m, &Events::All), graphml(&m, &Events::All), geojson(&m, &Events::All));
            let _ = (events_csv(&m, &c, &Events::All), actors_csv(&m, &Events::All), bundle(&m, &c));
        }
        // A truncated bundle is never accepted.
        let at = cut.index(json.len());
        if json.is_char_boundary(at) {
            prop_assert!(import_bundle(&json.as_bytes()[..at]).is_err());
        }
    }
}
