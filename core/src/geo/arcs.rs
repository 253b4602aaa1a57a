//! Great-circle arcs between two places, for lines between actors on the map.
//!
//! The shortest path on the sphere is sampled by spherical linear interpolation, cut where it
//! crosses the antimeridian (the map's left and right edges: Seoul to Washington leaves on the
//! right and comes back on the left), and projected. The result is polylines in world units,
//! for [`super::svg::lines_path`].

use super::projection::equal_earth;

/// The great-circle arc from `a` to `b`, both (longitude, latitude) in degrees, sampled at
/// `segments + 1` evenly spaced points (at least 2 segments; about one per 2° of arc is smooth
/// at any zoom this map allows), as projected polylines: one, or two when the arc crosses
/// ±180°, each piece ending exactly on the edge. Identical points give a single one-point
/// line; antipodal points (joined by every great circle alike) get the one heading north
/// from `a` (or, from within 26° of a pole, towards 0°E), so the choice is at least stable.
pub fn great_circle(a: (f64, f64), b: (f64, f64), segments: usize) -> Vec<Vec<(f64, f64)>> {
    let (pa, pb) = (to_vec(a), to_vec(b));
    let cos = dot(pa, pb).clamp(-1.0, 1.0);
    let ortho = sub(pb, scale(pa, cos));
    let omega = norm(cross(pa, pb)).atan2(cos);
    if omega < 1e-12 {
        return vec![vec![equal_earth(a.0, a.1)]];
    }
    // The unit vector perpendicular to `pa` in the arc's plane; any will do when antipodal.
    let v = if norm(ortho) > 1e-12 {
        scale(ortho, 1.0 / norm(ortho))
    } else {
        let axis = if pa.2.abs() < 0.9 { (0.0, 0.0, 1.0) } else { (1.0, 0.0, 0.0) };
        let t = sub(axis, scale(pa, dot(axis, pa)));
        scale(t, 1.0 / norm(t))
    };
    let n = segments.max(2);
    let points: Vec<(f64, f64, f64)> = (0..=n)
        .map(|i| {
            let t = omega * i as f64 / n as f64;
            add(scale(pa, t.cos()), scale(v, t.sin()))
        })
        .collect();
    let mut lines: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    for (i, &p) in points.iter().enumerate() {
        // Keep the exact endpoints the caller gave (the samples differ in the last bits).
        let ll = if i == 0 {
            a
        } else if i == n {
            b
        } else {
            to_lonlat(p)
        };
        if i > 0 {
            let prev = to_lonlat(points[i - 1]);
            let prev_lon = if i == 1 { a.0 } else { prev.0 };
            if (ll.0 - prev_lon).abs() > 180.0 {
                // The chord between two samples, normalised, stays on the great circle: find
                // where it meets the antimeridian half-plane (y = 0, x < 0).
                let q = points[i - 1];
                let s = q.1 / (q.1 - p.1);
                let lat = to_lonlat(add(scale(q, 1.0 - s), scale(p, s))).1;
                lines
                    .last_mut()
                    .expect("one line")
                    .push(equal_earth(180f64.copysign(prev_lon), lat));
                lines.push(vec![equal_earth(180f64.copysign(ll.0), lat)]);
            }
        }
        lines.last_mut().expect("one line").push(equal_earth(ll.0, ll.1));
    }
    lines
}

type V3 = (f64, f64, f64);

fn to_vec((lon, lat): (f64, f64)) -> V3 {
    let (l, p) = (lon.to_radians(), lat.to_radians());
    (p.cos() * l.cos(), p.cos() * l.sin(), p.sin())
}

fn to_lonlat((x, y, z): V3) -> (f64, f64) {
    (y.atan2(x).to_degrees(), z.atan2(x.hypot(y)).to_degrees())
}

fn dot(a: V3, b: V3) -> f64 {
    a.0 * b.0 + a.1 * b.1 + a.2 * b.2
}

fn cross(a: V3, b: V3) -> V3 {
    (a.1 * b.2 - a.2 * b.1, a.2 * b.0 - a.0 * b.2, a.0 * b.1 - a.1 * b.0)
}

fn norm(a: V3) -> f64 {
    dot(a, a).sqrt()
}

fn scale(a: V3, k: f64) -> V3 {
    (a.0 * k, a.1 * k, a.2 * k)
}

fn add(a: V3, b: V3) -> V3 {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

fn sub(a: V3, b: V3) -> V3 {
    (a.0 - b.0, a.1 - b.1, a.2 - b.2)
}

#[cfg(test)]
mod tests {
    use super::super::projection::{X_MAX, equal_earth_inverse};
    use super::*;

    const SEOUL: (f64, f64) = (126.978, 37.5665);
    const TALLINN: (f64, f64) = (24.7536, 59.437);
    const WASHINGTON: (f64, f64) = (-77.0369, 38.9072);

    #[test]
    fn geo_arcs_stay_on_one_side_when_they_can() {
        let lines = great_circle(SEOUL, TALLINN, 50);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), 51);
        assert_eq!(lines[0][0], equal_earth(SEOUL.0, SEOUL.1));
        assert_eq!(lines[0][50], equal_earth(TALLINN.0, TALLINN.1));
        // A great circle bows poleward of the straight line: the midpoint is north of both ends.
        let mid = equal_earth_inverse(lines[0][25].0, lines[0][25].1).unwrap();
        assert!(mid.1 > TALLINN.1, "{mid:?}");
        // Along the equator it stays on the equator, evenly spaced.
        let eq = great_circle((0.0, 0.0), (90.0, 0.0), 3);
        assert!(eq[0].iter().all(|p| p.1.abs() < 1e-12));
        let lon = equal_earth_inverse(eq[0][1].0, 0.0).unwrap().0;
        assert!((lon - 30.0).abs() < 1e-9);
    }

    #[test]
    fn geo_arcs_split_at_the_antimeridian() {
        let lines = great_circle(SEOUL, WASHINGTON, 90);
        assert_eq!(lines.len(), 2, "Seoul–Washington crosses the Pacific over the Bering Sea");
        let (end, start) = (*lines[0].last().unwrap(), lines[1][0]);
        assert!(end.0 > 0.0 && start.0 < 0.0);
        assert_eq!(end.1, start.1, "both pieces meet the edge at the same latitude");
        let lat = equal_earth_inverse(end.0, end.1).unwrap();
        assert!((lat.0 - 180.0).abs() < 1e-9 && lat.1 > 50.0, "{lat:?}");
        assert!(lines.iter().flatten().all(|p| p.0.abs() <= X_MAX + 1e-12));
        for line in &lines {
            for w in line.windows(2) {
                assert!((w[0].0 - w[1].0).abs() < 0.2, "no jump across the map");
            }
        }
        assert_eq!(lines[0].len() + lines[1].len(), 91 + 2);
    }

    #[test]
    fn geo_arcs_degenerate_cases_do_not_produce_nan() {
        assert_eq!(great_circle(SEOUL, SEOUL, 10), vec![vec![equal_earth(SEOUL.0, SEOUL.1)]]);
        for (a, b) in [
            ((10.0, 20.0), (-170.0, -20.0)),
            ((0.0, 90.0), (0.0, -90.0)),
            ((180.0, 0.0), (-180.0, 0.0)),
        ] {
            let lines = great_circle(a, b, 8);
            assert!(
                lines.iter().flatten().all(|p| p.0.is_finite() && p.1.is_finite()),
                "{a:?} {b:?}"
            );
        }
        assert_eq!(great_circle((180.0, 0.0), (-180.0, 0.0), 8).len(), 1, "the same point");
        assert_eq!(great_circle((0.0, 0.0), (1.0, 0.0), 0)[0].len(), 3, "at least two segments");
    }
}
