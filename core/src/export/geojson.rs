//! A GeoJSON FeatureCollection (RFC 7946: WGS 84, positions as `[longitude, latitude]`) with
//! three layers, told apart by the `layer` property:
//!
//! * `actor`: a Point at each actor's seat;
//! * `place`: a Point at each place with coordinates, with its `precision`;
//! * `arc`: for each (actor, recipient) pair whose seats are known and distinct, the great
//!   circle between them as a LineString (a MultiLineString cut at the antimeridian, as
//!   RFC 7946 §3.1.9 asks), with the pair's events in `events`.
//!
//! With [`Events::All`] every actor and place is written; otherwise only the actors the
//! chosen events connect and the places they happen at.

use super::{Events, chosen_actors, node_ids, serde_name, valid_lat_lon};
use crate::model::{Event, Model};
use crate::view_state::ModelIndex;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Positions keep 6 decimals (about 10 cm): more is noise, and files stay small.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn point(lon: f64, lat: f64) -> Value {
    json!({ "type": "Point", "coordinates": [round6(lon), round6(lat)] })
}

pub fn geojson(model: &Model, which: &Events<'_>) -> String {
    let events = which.select(model);
    let ids = node_ids(model);
    let index = ModelIndex::new(model);
    let mut features = Vec::new();

    for a in chosen_actors(model, which, &events) {
        let Some(seat) = a.seat.as_ref().filter(|s| valid_lat_lon(s.lat, s.lon)) else {
            continue;
        };
        features.push(json!({
            "type": "Feature",
            "id": ids.get(a.id as usize),
            "geometry": point(seat.lon, seat.lat),
            "properties": {
                "layer": "actor",
                "key": a.key,
                "name": a.name,
                "kind": serde_name(&a.kind),
                "cameo": a.codes.cameo,
                "iso3": a.codes.iso3,
                "seat": seat.label,
                "mentions": a.mention_count,
                "documents": a.document_count,
            },
        }));
    }

    let mut place_used = vec![matches!(which, Events::All); model.places.len()];
    for e in &events {
        if let Some(u) = e.place.and_then(|p| place_used.get_mut(p as usize)) {
            *u = true;
        }
    }
    for (p, _) in model.places.iter().zip(place_used).filter(|(_, u)| *u) {
        let (Some(lat), Some(lon)) = (p.lat, p.lon) else { continue };
        if !valid_lat_lon(lat, lon) {
            continue;
        }
        features.push(json!({
            "type": "Feature",
            "id": p.key,
            "geometry": point(lon, lat),
            "properties": {
                "layer": "place",
                "key": p.key,
                "name": p.name,
                "kind": serde_name(&p.kind),
                "precision": p.precision,
                "mentions": p.mention_count,
            },
        }));
    }

    // One arc per directed pair, in the order of the pair's first event.
    let mut pairs: BTreeMap<(u32, u32), Vec<&Event>> = BTreeMap::new();
    for e in &events {
        if let Some(r) = e.recipient {
            pairs.entry((e.actor, r)).or_default().push(e);
        }
    }
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    pairs.sort_by_key(|(_, es)| es[0].id);
    for ((from, to), es) in pairs {
        let seat = |id: u32| {
            model
                .actors
                .get(id as usize)
                .and_then(|a| a.seat.as_ref())
                .filter(|s| valid_lat_lon(s.lat, s.lon))
        };
        let (Some(a), Some(b)) = (seat(from), seat(to)) else {
            continue;
        };
        let Some(parts) = great_circle((a.lon, a.lat), (b.lon, b.lat)) else {
            continue;
        };
        let coords = |part: &Vec<(f64, f64)>| {
            part.iter()
                .map(|&(lon, lat)| json!([round6(lon), round6(lat)]))
                .collect::<Vec<_>>()
        };
        let geometry = if parts.len() == 1 {
            json!({ "type": "LineString", "coordinates": coords(&parts[0]) })
        } else {
            json!({ "type": "MultiLineString", "coordinates": parts.iter().map(coords).collect::<Vec<_>>() })
        };
        let mut quads: Vec<u8> = es.iter().map(|e| e.code.quad as u8).collect();
        quads.sort_unstable();
        quads.dedup();
        let dates: Vec<String> = es
            .iter()
            .filter_map(|e| e.date.as_ref())
            .map(|d| d.value.date.to_string())
            .collect();
        let name = |id: u32| model.actors.get(id as usize).map(|a| a.name.as_str());
        features.push(json!({
            "type": "Feature",
            "geometry": geometry,
            "properties": {
                "layer": "arc",
                "source": ids.get(from as usize),
                "target": ids.get(to as usize),
                "source_name": name(from),
                "target_name": name(to),
                "event_count": es.len(),
                "mentions": es.iter().map(|e| e.mentions.len()).sum::<usize>(),
                "quads": quads,
                "first_date": dates.iter().min(),
                "last_date": dates.iter().max(),
                "events": es.iter().map(|e| json!({
                    "id": index.event_key(e.id),
                    "cameo": e.code.cameo,
                    "cameo_name": e.code.cameo_name,
                    "plover": e.code.plover,
                    "quad": e.code.quad as u8,
                    "goldstein": e.code.goldstein.filter(|g| g.is_finite()),
                    "modality": serde_name(&e.modality),
                    "date": e.date.as_ref().map(|d| d.value.to_string()),
                    "mentions": e.mentions.len(),
                })).collect::<Vec<_>>(),
            },
        }));
    }

    json!({ "type": "FeatureCollection", "features": features }).to_string()
}

type V3 = [f64; 3];

fn to_vec(lon: f64, lat: f64) -> V3 {
    let (lon, lat) = (lon.to_radians(), lat.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Any non-zero vector (not only unit ones) to (lon, lat).
fn to_lon_lat(v: V3) -> (f64, f64) {
    (v[1].atan2(v[0]).to_degrees(), v[2].atan2(v[0].hypot(v[1])).to_degrees())
}

fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

/// Samples the great circle from `a` to `b` ((lon, lat) in degrees) every 2° or less, cut
/// into parts where it crosses the antimeridian (each cut ends at ±180° and the next part
/// starts at ∓180° at the same latitude). `None` when the points coincide.
/// ([`crate::geo::arcs::great_circle`] samples the same way but returns projected map
/// coordinates; GeoJSON needs degrees.)
pub(crate) fn great_circle(a: (f64, f64), b: (f64, f64)) -> Option<Vec<Vec<(f64, f64)>>> {
    let (va, vb) = (to_vec(a.0, a.1), to_vec(b.0, b.1));
    let omega = norm(cross(va, vb)).atan2(dot(va, vb));
    if omega < 1e-9 {
        return None;
    }
    // The unit vector at 90° from `a` towards `b`; for antipodes any perpendicular will do.
    let d = dot(va, vb);
    let mut u = [vb[0] - d * va[0], vb[1] - d * va[1], vb[2] - d * va[2]];
    if norm(u) < 1e-12 {
        let axis = if va[2].abs() < 0.9 { [0.0, 0.0, 1.0] } else { [1.0, 0.0, 0.0] };
        u = cross(va, axis);
    }
    let n = norm(u);
    let u = [u[0] / n, u[1] / n, u[2] / n];
    let steps = (omega.to_degrees() / 2.0).ceil().clamp(1.0, 90.0) as usize;
    let samples: Vec<V3> = (0..=steps)
        .map(|i| {
            let (s, c) = (omega * i as f64 / steps as f64).sin_cos();
            [va[0] * c + u[0] * s, va[1] * c + u[1] * s, va[2] * c + u[2] * s]
        })
        .collect();
    // The exact endpoints the caller gave (the samples differ in the last bits).
    let lon_lat = |i: usize| match i {
        0 => a,
        i if i == steps => b,
        i => to_lon_lat(samples[i]),
    };

    let mut parts = vec![vec![a]];
    for i in 1..=steps {
        let ((lon1, _), (lon2, lat2)) = (lon_lat(i - 1), lon_lat(i));
        if (lon2 - lon1).abs() > 180.0 {
            // The chord between the two samples meets the plane y = 0 at a point whose
            // direction is on the great circle, at the antimeridian.
            let (q, p) = (samples[i - 1], samples[i]);
            let s = if q[1] == p[1] { 0.5 } else { q[1] / (q[1] - p[1]) };
            let (_, lat) = to_lon_lat([q[0] + s * (p[0] - q[0]), 0.0, q[2] + s * (p[2] - q[2])]);
            let edge = 180f64.copysign(lon1);
            if let Some(part) = parts.last_mut() {
                part.push((edge, lat));
            }
            parts.push(vec![(-edge, lat)]);
        }
        if let Some(part) = parts.last_mut() {
            part.push((lon2, lat2));
        }
    }
    // A cut exactly at an endpoint leaves a one-point part: drop it.
    parts.retain(|p| p.len() >= 2);
    Some(parts)
}
