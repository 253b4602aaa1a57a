//! GEXF 1.3 and GraphML: actors as nodes, one directed edge per event.
//!
//! Both formats carry the same attributes. Nodes: `kind`, `cameo`, `iso3`, `country`, `lat`,
//! `lng` (the seat, under the names Gephi Lite's geo layout and GDELT GeoNet use) and
//! `mentions`. Edges: `cameo`, `plover`, `quad`, `goldstein`, `modality`, `mentions` and
//! `documents`, plus the edge's `kind` (PLOVER type, else CAMEO code, else trigger, so parallel
//! edges of different kinds stay apart), `weight` (the number of mentions, at least 1) and, for dated events, the
//! interval the date covers. Events without a recipient have no edge.

use super::xml::{end, escape_into, tag};
use super::{Events, actor, chosen_actors, node_ids, period_end, serde_name, valid_lat_lon};
use crate::model::{Actor, Event, Model};
use crate::view_state::ModelIndex;

#[derive(Clone, Copy)]
enum Ty {
    Str,
    Int,
    Double,
}

const NODE_ATTRS: [(&str, Ty); 7] = [
    ("kind", Ty::Str),
    ("cameo", Ty::Str),
    ("iso3", Ty::Str),
    ("country", Ty::Str),
    ("lat", Ty::Double),
    ("lng", Ty::Double),
    ("mentions", Ty::Int),
];

const EDGE_ATTRS: [(&str, Ty); 7] = [
    ("cameo", Ty::Str),
    ("plover", Ty::Str),
    ("quad", Ty::Int),
    ("goldstein", Ty::Double),
    ("modality", Ty::Str),
    ("mentions", Ty::Int),
    ("documents", Ty::Int),
];

fn node_values(model: &Model, a: &Actor) -> [Option<String>; 7] {
    let seat = a.seat.as_ref().filter(|s| valid_lat_lon(s.lat, s.lon));
    [
        Some(serde_name(&a.kind)),
        a.codes.cameo.clone(),
        a.codes.iso3.clone(),
        a.country.and_then(|c| actor(model, c)).map(|c| c.name.clone()),
        seat.map(|s| s.lat.to_string()),
        seat.map(|s| s.lon.to_string()),
        Some(a.mention_count.to_string()),
    ]
}

fn edge_values(e: &Event) -> [Option<String>; 7] {
    [
        e.code.cameo.clone(),
        e.code.plover.clone(),
        Some((e.code.quad as u8).to_string()),
        e.code.goldstein.filter(|g| g.is_finite()).map(|g| g.to_string()),
        Some(serde_name(&e.modality)),
        Some(e.mentions.len().to_string()),
        Some(e.document_count.to_string()),
    ]
}

/// The edge's type: PLOVER type, else CAMEO code, else the trigger lemma.
fn edge_kind(e: &Event) -> &str {
    e.code.plover.as_deref().or(e.code.cameo.as_deref()).unwrap_or(&e.trigger)
}

fn edge_label(e: &Event) -> &str {
    e.code.cameo_name.as_deref().unwrap_or(&e.trigger)
}

/// An edge as both formats write it.
struct Edge<'a> {
    id: &'a str,
    source: &'a str,
    target: &'a str,
    event: &'a Event,
    start: Option<String>,
    end: Option<String>,
}

fn edges<'a>(events: &[&'a Event], index: &'a ModelIndex, ids: &'a [String]) -> Vec<Edge<'a>> {
    events
        .iter()
        .filter_map(|&e| {
            let source = ids.get(e.actor as usize)?;
            let target = ids.get(e.recipient? as usize)?;
            Some(Edge {
                id: index.event_key(e.id)?,
                source,
                target,
                event: e,
                start: e.date.as_ref().map(|d| d.value.date.to_string()),
                end: e.date.as_ref().map(|d| period_end(d.value).to_string()),
            })
        })
        .collect()
}

/// GEXF 1.3 (`mode="dynamic"`, `timeformat="date"`, intervals only). Dated edges get `start`
/// and `end` (the last day of the stated day, month or year); undated edges and all nodes are
/// present throughout.
pub fn gexf(model: &Model, which: &Events<'_>) -> String {
    let events = which.select(model);
    let actors = chosen_actors(model, which, &events);
    let ids = node_ids(model);
    let index = ModelIndex::new(model);
    let mut o = String::with_capacity(512 + 400 * (actors.len() + events.len()));
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    tag(
        &mut o,
        0,
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
        false,
    );
    tag(&mut o, 1, "meta", &[], false);
    o.push_str("    <creator>Entente</creator>\n    <description>Actors and events extracted by ");
    escape_into(&mut o, &model.extractor);
    o.push_str("</description>\n");
    end(&mut o, 1, "meta");
    tag(
        &mut o,
        1,
        "graph",
        &[
            ("mode", "dynamic"),
            ("defaultedgetype", "directed"),
            ("timeformat", "date"),
            ("timerepresentation", "interval"),
        ],
        false,
    );
    let gexf_type = |t: Ty| match t {
        Ty::Str => "string",
        Ty::Int => "integer",
        Ty::Double => "double",
    };
    for (class, attrs) in [("node", &NODE_ATTRS), ("edge", &EDGE_ATTRS)] {
        tag(&mut o, 2, "attributes", &[("class", class), ("mode", "static")], false);
        for (id, ty) in attrs {
            tag(
                &mut o,
                3,
                "attribute",
                &[("id", id), ("title", id), ("type", gexf_type(*ty))],
                true,
            );
        }
        end(&mut o, 2, "attributes");
    }

    tag(&mut o, 2, "nodes", &[], false);
    for a in &actors {
        let Some(id) = ids.get(a.id as usize) else { continue };
        tag(&mut o, 3, "node", &[("id", id), ("label", &a.name)], false);
        attvalues(&mut o, &NODE_ATTRS, node_values(model, a));
        end(&mut o, 3, "node");
    }
    end(&mut o, 2, "nodes");

    tag(&mut o, 2, "edges", &[], false);
    for e in edges(&events, &index, &ids) {
        let weight = e.event.mentions.len().max(1).to_string();
        let mut attrs = vec![
            ("id", e.id),
            ("source", e.source),
            ("target", e.target),
            ("kind", edge_kind(e.event)),
            ("label", edge_label(e.event)),
            ("weight", weight.as_str()),
        ];
        if let (Some(s), Some(t)) = (&e.start, &e.end) {
            attrs.push(("start", s));
            attrs.push(("end", t));
        }
        tag(&mut o, 3, "edge", &attrs, false);
        attvalues(&mut o, &EDGE_ATTRS, edge_values(e.event));
        end(&mut o, 3, "edge");
    }
    end(&mut o, 2, "edges");
    end(&mut o, 1, "graph");
    end(&mut o, 0, "gexf");
    o
}

fn attvalues(o: &mut String, attrs: &[(&str, Ty)], values: [Option<String>; 7]) {
    tag(o, 4, "attvalues", &[], false);
    for ((id, _), v) in attrs.iter().zip(values) {
        if let Some(v) = v {
            tag(o, 5, "attvalue", &[("for", id), ("value", &v)], true);
        }
    }
    end(o, 4, "attvalues");
}

/// GraphML with a declared `<key>` per attribute (`n_…` for nodes, `e_…` for edges; the
/// `attr.name` is the plain name), directed edges, dates as `start`/`end` strings.
pub fn graphml(model: &Model, which: &Events<'_>) -> String {
    let events = which.select(model);
    let actors = chosen_actors(model, which, &events);
    let ids = node_ids(model);
    let index = ModelIndex::new(model);
    let mut o = String::with_capacity(1024 + 400 * (actors.len() + events.len()));
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    tag(
        &mut o,
        0,
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
        false,
    );
    let ty = |t: Ty| match t {
        Ty::Str => "string",
        Ty::Int => "int",
        Ty::Double => "double",
    };
    let extra_node = [("label", Ty::Str)];
    let extra_edge = [
        ("label", Ty::Str),
        ("kind", Ty::Str),
        ("weight", Ty::Double),
        ("start", Ty::Str),
        ("end", Ty::Str),
    ];
    for (class, prefix, attrs) in [
        ("node", "n_", extra_node.iter().chain(&NODE_ATTRS).collect::<Vec<_>>()),
        ("edge", "e_", extra_edge.iter().chain(&EDGE_ATTRS).collect::<Vec<_>>()),
    ] {
        for (name, t) in attrs {
            let id = format!("{prefix}{name}");
            tag(
                &mut o,
                1,
                "key",
                &[("id", &id), ("for", class), ("attr.name", name), ("attr.type", ty(*t))],
                true,
            );
        }
    }
    tag(&mut o, 1, "graph", &[("id", "entente"), ("edgedefault", "directed")], false);
    for a in &actors {
        let Some(id) = ids.get(a.id as usize) else { continue };
        tag(&mut o, 2, "node", &[("id", id)], false);
        data(&mut o, "n_label", &a.name);
        for ((name, _), v) in NODE_ATTRS.iter().zip(node_values(model, a)) {
            if let Some(v) = v {
                data(&mut o, &format!("n_{name}"), &v);
            }
        }
        end(&mut o, 2, "node");
    }
    for e in edges(&events, &index, &ids) {
        tag(
            &mut o,
            2,
            "edge",
            &[("id", e.id), ("source", e.source), ("target", e.target)],
            false,
        );
        data(&mut o, "e_label", edge_label(e.event));
        data(&mut o, "e_kind", edge_kind(e.event));
        data(&mut o, "e_weight", &e.event.mentions.len().max(1).to_string());
        if let (Some(s), Some(t)) = (&e.start, &e.end) {
            data(&mut o, "e_start", s);
            data(&mut o, "e_end", t);
        }
        for ((name, _), v) in EDGE_ATTRS.iter().zip(edge_values(e.event)) {
            if let Some(v) = v {
                data(&mut o, &format!("e_{name}"), &v);
            }
        }
        end(&mut o, 2, "edge");
    }
    end(&mut o, 1, "graph");
    end(&mut o, 0, "graphml");
    o
}

fn data(o: &mut String, key: &str, value: &str) {
    o.push_str("      <data key=\"");
    escape_into(o, key);
    o.push_str("\">");
    escape_into(o, value);
    o.push_str("</data>\n");
}
