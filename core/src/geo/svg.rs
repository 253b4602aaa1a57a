//! SVG path data for a view: countries, lines (arcs) and the map's outline.
//!
//! Coordinates are screen pixels rounded to 0.1 px, written as relative moves (`l`) between
//! rounded points, so the path stays exact (no drift) and short. Each ring is first simplified
//! for the view, within [`SIMPLIFY_PX`] of the original: 1:50m data has several vertices per
//! pixel at world scale, and a radial-distance pass followed by Douglas–Peucker brings the
//! world's ~98k vertices down to ~15k (path data from ~550 KB to ~100 KB at 960 px) with no
//! visible change; zoomed in, the same tolerance keeps all the detail there is. Neighbours are
//! simplified apart, so a shared border may differ by up to that sub-pixel tolerance. Rings are
//! clipped to the screen (plus [`CLIP_MARGIN_PX`]) when they reach outside it, so a deep zoom
//! into Russia yields a path the size of the screen, not of Russia.

use super::basemap::CountryShape;
use super::projection::equal_earth;
use super::{BBox, Viewport};
use std::fmt::Write;

/// How far beyond the screen edges rings are kept before clipping: wider than any stroke, so
/// the clip's own edges are never seen.
pub const CLIP_MARGIN_PX: f64 = 8.0;

/// How far (pixels) a simplified ring or line may stray from the data (see the module doc).
pub const SIMPLIFY_PX: f64 = 0.35;

/// The `d` attribute for a country in this view; empty when no part of it is on screen (or it
/// has no shape). Fill with either fill rule: holes wind opposite to their outer ring.
pub fn country_path(shape: &CountryShape, view: &Viewport) -> String {
    let mut out = String::new();
    let clip = view.visible().expand(CLIP_MARGIN_PX / view.scale());
    if !shape.bbox.intersects(&clip) {
        return out;
    }
    for poly in &shape.polygons {
        if !poly.bbox.intersects(&clip) {
            continue;
        }
        let inside = clip.contains((poly.bbox.min_x, poly.bbox.min_y)) && clip.contains((poly.bbox.max_x, poly.bbox.max_y));
        for ring in &poly.rings {
            push_ring(&mut out, ring, view, !inside);
        }
    }
    out
}

/// The `d` attribute for open polylines in world units (e.g. [`super::arcs::great_circle`]'s),
/// skipping those entirely off screen.
pub fn lines_path(lines: &[Vec<(f64, f64)>], view: &Viewport) -> String {
    let mut out = String::new();
    let clip = view.visible().expand(CLIP_MARGIN_PX / view.scale());
    for line in lines {
        if !BBox::of_points(line).intersects(&clip) {
            continue;
        }
        let screen: Vec<(f64, f64)> = line.iter().map(|&p| view.to_screen(p)).collect();
        let pts = round_dedup(simplify(&screen, false).into_iter());
        if pts.len() >= 2 {
            push_points(&mut out, &pts);
        }
    }
    out
}

/// The `d` attribute for the outline of the whole map (the sphere in Equal Earth: two curved
/// meridians joined by the flat poles), for the ocean background.
pub fn sphere_path(view: &Viewport) -> String {
    let mut ring: Vec<(f64, f64)> = (-90..=90).map(|lat| equal_earth(-180.0, lat as f64)).collect();
    ring.extend((-90..=90).rev().map(|lat| equal_earth(180.0, lat as f64)));
    let mut out = String::new();
    push_ring(&mut out, &ring, view, true);
    out
}

fn push_ring(out: &mut String, ring: &[(f64, f64)], view: &Viewport, clip: bool) {
    let screen: Vec<(f64, f64)> = ring.iter().map(|&p| view.to_screen(p)).collect();
    let screen = if clip {
        let m = CLIP_MARGIN_PX;
        clip_to_rect(
            &screen,
            BBox {
                min_x: -m,
                min_y: -m,
                max_x: view.width + m,
                max_y: view.height + m,
            },
        )
    } else {
        screen
    };
    let mut pts = round_dedup(simplify(&screen, true).into_iter());
    while pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    if pts.len() >= 3 {
        push_points(out, &pts);
        out.push('z');
    }
}

/// Points in tenths of a pixel, consecutive duplicates removed.
fn round_dedup(points: impl Iterator<Item = (f64, f64)>) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (x, y) in points {
        let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Simplifies screen points within [`SIMPLIFY_PX`]: drops points closer than that to the last
/// one kept (cheap, and most of the gain at world scale), then Douglas–Peucker on the rest. A
/// closed ring is split at its first point and the point farthest from it, so both anchors
/// are real vertices; an open line keeps its ends.
fn simplify(points: &[(f64, f64)], closed: bool) -> Vec<(f64, f64)> {
    let tol = SIMPLIFY_PX;
    let mut radial: Vec<(f64, f64)> = Vec::with_capacity(points.len());
    for (i, &p) in points.iter().enumerate() {
        let last = i + 1 == points.len();
        match radial.last() {
            Some(&q) if (closed || !last) && (p.0 - q.0).hypot(p.1 - q.1) < tol => {}
            _ => radial.push(p),
        }
    }
    if radial.len() < 3 {
        return radial;
    }
    let mut keep = vec![false; radial.len()];
    let last = radial.len() - 1;
    keep[0] = true;
    if closed {
        let far = (1..radial.len())
            .max_by(|&a, &b| dist2(radial[0], radial[a]).total_cmp(&dist2(radial[0], radial[b])))
            .unwrap_or(last);
        keep[far] = true;
        douglas_peucker(&radial, 0, far, tol, &mut keep);
        radial.push(radial[0]);
        keep.push(false);
        douglas_peucker(&radial, far, last + 1, tol, &mut keep);
        radial.pop();
        keep.pop();
    } else {
        keep[last] = true;
        douglas_peucker(&radial, 0, last, tol, &mut keep);
    }
    radial.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect()
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

/// Marks the points between `a` and `b` (exclusive) that must stay for the polyline to stay
/// within `tol` of them (iterative, so long coastlines cannot overflow the stack).
fn douglas_peucker(p: &[(f64, f64)], a: usize, b: usize, tol: f64, keep: &mut [bool]) {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (ax, ay) = p[a];
        let (dx, dy) = (p[b].0 - ax, p[b].1 - ay);
        let len2 = dx * dx + dy * dy;
        let (mut worst, mut at) = (0.0, a);
        for (i, &(x, y)) in p.iter().enumerate().take(b).skip(a + 1) {
            let t = if len2 > 0.0 {
                (((x - ax) * dx + (y - ay) * dy) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            let d = (x - ax - t * dx).powi(2) + (y - ay - t * dy).powi(2);
            if d > worst {
                (worst, at) = (d, i);
            }
        }
        if worst > tol * tol {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
}

fn push_points(out: &mut String, pts: &[(i64, i64)]) {
    out.push('M');
    push_num(out, pts[0].0, false);
    push_num(out, pts[0].1, true);
    out.push('l');
    for (i, w) in pts.windows(2).enumerate() {
        push_num(out, w[1].0 - w[0].0, i > 0);
        push_num(out, w[1].1 - w[0].1, true);
    }
}

/// Writes tenths of a pixel as a short decimal: 15 → "1.5", -5 → "-.5", 20 → "2". A space
/// separates it from the previous number unless its minus sign does.
fn push_num(out: &mut String, tenths: i64, separate: bool) {
    if tenths < 0 {
        out.push('-');
    } else if separate {
        out.push(' ');
    }
    let a = tenths.unsigned_abs();
    let (int, frac) = (a / 10, a % 10);
    if int > 0 || frac == 0 {
        let _ = write!(out, "{int}");
    }
    if frac > 0 {
        let _ = write!(out, ".{frac}");
    }
}

/// Sutherland–Hodgman clip of a closed ring to a rectangle (the result may run along the
/// rectangle's edges where the ring went round outside, which the margin keeps out of sight).
fn clip_to_rect(ring: &[(f64, f64)], r: BBox) -> Vec<(f64, f64)> {
    type Edge = (
        fn((f64, f64), f64) -> bool,
        fn((f64, f64), (f64, f64), f64) -> (f64, f64),
        f64,
    );
    let at_x = |a: (f64, f64), b: (f64, f64), x: f64| (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1));
    let at_y = |a: (f64, f64), b: (f64, f64), y: f64| (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y);
    let edges: [Edge; 4] = [
        (|p, v| p.0 >= v, at_x, r.min_x),
        (|p, v| p.0 <= v, at_x, r.max_x),
        (|p, v| p.1 >= v, at_y, r.min_y),
        (|p, v| p.1 <= v, at_y, r.max_y),
    ];
    let mut pts = ring.to_vec();
    for (inside, cut, v) in edges {
        if pts.is_empty() {
            break;
        }
        let mut next = Vec::with_capacity(pts.len() + 4);
        for i in 0..pts.len() {
            let (prev, cur) = (pts[(i + pts.len() - 1) % pts.len()], pts[i]);
            match (inside(prev, v), inside(cur, v)) {
                (true, true) => next.push(cur),
                (true, false) => next.push(cut(prev, cur, v)),
                (false, true) => next.extend([cut(prev, cur, v), cur]),
                (false, false) => {}
            }
        }
        pts = next;
    }
    pts
}

#[cfg(test)]
mod tests {
    use super::super::basemap::basemap;
    use super::*;

    /// The absolute points of each subpath of a path written by this module.
    fn parse(d: &str) -> Vec<Vec<(f64, f64)>> {
        let mut subpaths: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut nums: Vec<f64> = Vec::new();
        let mut cmd = ' ';
        let flush = |cmd: char, nums: &mut Vec<f64>, subpaths: &mut Vec<Vec<(f64, f64)>>| {
            for pair in nums.chunks(2) {
                match cmd {
                    'M' => subpaths.push(vec![(pair[0], pair[1])]),
                    'l' => {
                        let sp = subpaths.last_mut().unwrap();
                        let last = *sp.last().unwrap();
                        sp.push((last.0 + pair[0], last.1 + pair[1]));
                    }
                    _ => panic!("numbers before a command"),
                }
            }
            nums.clear();
        };
        let mut tok = String::new();
        for ch in d.chars().chain(std::iter::once(' ')) {
            if ch.is_ascii_digit() || ch == '.' || (ch == '-' && tok.is_empty()) {
                tok.push(ch);
                continue;
            }
            if !tok.is_empty() {
                nums.push(tok.parse().unwrap_or_else(|_| panic!("bad number {tok:?}")));
                tok.clear();
            }
            match ch {
                '-' => tok.push('-'),
                ' ' => {}
                'M' | 'l' | 'z' => {
                    flush(cmd, &mut nums, &mut subpaths);
                    cmd = ch;
                }
                _ => panic!("unexpected {ch:?} in path"),
            }
        }
        flush(cmd, &mut nums, &mut subpaths);
        subpaths
    }

    #[test]
    fn geo_svg_numbers_are_short_and_exact() {
        let mut s = String::new();
        for (v, sep) in [(15, false), (-5, true), (20, true), (0, true), (5, true), (-120, true)] {
            push_num(&mut s, v, sep);
        }
        assert_eq!(s, "1.5-.5 2 0 .5-12");
        let pts = [(0, 0), (15, -5), (35, -5)];
        let mut d = String::new();
        push_points(&mut d, &pts);
        assert_eq!(d, "M0 0l1.5-.5 2 0");
        assert_eq!(parse(&d), vec![vec![(0.0, 0.0), (1.5, -0.5), (3.5, -0.5)]]);
    }

    #[test]
    fn geo_svg_country_paths_at_world_scale() {
        let m = basemap();
        let view = Viewport::new(960.0, 500.0);
        let kor = country_path(m.by_iso3("KOR").unwrap(), &view);
        assert!(kor.starts_with('M') && kor.ends_with('z'), "{kor}");
        let subpaths = parse(&kor);
        let seoul = view.to_screen(equal_earth(126.978, 37.5665));
        assert!(
            subpaths
                .iter()
                .flatten()
                .any(|p| (p.0 - seoul.0).abs() < 5.0 && (p.1 - seoul.1).abs() < 5.0)
        );
        let total: usize = m.countries.iter().map(|c| country_path(c, &view).len()).sum();
        // The whole world at 960 px, simplified: ~100 KB, not the ~550 KB of every vertex.
        assert!((50_000..160_000).contains(&total), "{total} bytes of path data");
        assert_eq!(country_path(m.by_iso3("TUV").unwrap(), &view), "");
        let sphere = parse(&sphere_path(&view));
        assert_eq!(sphere.len(), 1);
        let b = BBox::of_points(&sphere[0]);
        assert!(
            b.min_x.abs() <= SIMPLIFY_PX && (b.max_x - 960.0).abs() <= SIMPLIFY_PX,
            "{b:?}"
        );
    }

    #[test]
    fn geo_svg_skips_and_clips_to_the_view() {
        let m = basemap();
        let mut view = Viewport::new(800.0, 600.0);
        view.fit(m.by_iso3("DEU").unwrap().bbox, 0.0);
        assert_eq!(country_path(m.by_iso3("AUS").unwrap(), &view), "", "Australia is off screen");
        // Deep inside Russia: the clipped path is a screen-sized rectangle, not all of Russia.
        view.zoom = 32.0;
        view.center = equal_earth(100.0, 62.0);
        view.clamp();
        let rus = country_path(m.by_iso3("RUS").unwrap(), &view);
        assert!(rus.len() < 200, "{rus}");
        let b = BBox::of_points(&parse(&rus).concat());
        assert_eq!((b.min_x, b.min_y, b.max_x, b.max_y), (-8.0, -8.0, 808.0, 608.0));
        for c in ["DEU", "FRA", "POL", "NOR"] {
            view.fit(m.by_iso3("DEU").unwrap().bbox, 0.0);
            let pts = parse(&country_path(m.by_iso3(c).unwrap(), &view)).concat();
            let r = BBox {
                min_x: -8.0,
                min_y: -8.0,
                max_x: 808.0,
                max_y: 608.0,
            }
            .expand(1e-9);
            let bad: Vec<_> = pts.iter().filter(|&&p| !r.contains(p)).collect();
            assert!(bad.is_empty(), "{c}: {bad:?}");
        }
    }

    #[test]
    fn geo_svg_simplify_stays_within_tolerance() {
        // A wiggly circle of radius 100 px, 2000 points: most go, the shape stays.
        let ring: Vec<(f64, f64)> = (0..2000)
            .map(|i| {
                let a = i as f64 / 2000.0 * std::f64::consts::TAU;
                let r = 100.0 + 0.1 * (i % 3) as f64;
                (200.0 + r * a.cos(), 200.0 + r * a.sin())
            })
            .collect();
        let s = simplify(&ring, true);
        assert!(s.len() < 150 && s.len() > 20, "{} points", s.len());
        for &(x, y) in &ring {
            let d = (0..s.len())
                .map(|i| {
                    let (a, b) = (s[i], s[(i + 1) % s.len()]);
                    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                    let t = (((x - a.0) * dx + (y - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
                    (x - a.0 - t * dx).hypot(y - a.1 - t * dy)
                })
                .fold(f64::INFINITY, f64::min);
            assert!(d <= 2.0 * SIMPLIFY_PX, "{d}");
        }
        let line = [(0.0, 0.0), (0.1, 0.0), (0.2, 0.0)];
        assert_eq!(
            simplify(&line, false),
            vec![(0.0, 0.0), (0.2, 0.0)],
            "an open line keeps its ends"
        );
    }

    #[test]
    fn geo_svg_lines_path() {
        let view = Viewport::new(800.0, 400.0);
        let d = lines_path(
            &[
                vec![(0.0, 0.0), (0.1, 0.0), (0.1, 0.0)],
                vec![(0.0, 0.0)],
                vec![(9.0, 9.0), (9.5, 9.0)],
            ],
            &view,
        );
        assert_eq!(parse(&d).len(), 1, "{d}");
        assert!(!d.contains('z'));
    }
}
