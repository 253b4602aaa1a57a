//! The embedded country basemap: decoding `data/basemap/countries-50m.bin` (format in
//! `data/basemap/SOURCE.txt`), repairing the antimeridian, projecting once, labels and
//! hit-testing.
//!
//! The file is a lossless re-encoding of world-atlas 2.0.2's TopoJSON (Natural Earth 1:50m),
//! shared borders stored once as arcs. Rings are assembled from arcs here, in longitude and
//! latitude, then made planar: Natural Earth cuts most shapes at ±180°, but a few rings still
//! cross it (Chukotka and Wrangel Island in Russia, one Fijian island) and Antarctica's
//! coastline wraps all the way round the South Pole. Those rings are unwrapped, closed along
//! the pole where they encircle it, cut into one piece per side of the antimeridian, and the
//! cut edges along ±180° densified so they follow the map's curved edge. Only then are they
//! projected, so no projected edge ever jumps across the map.

use super::projection::{equal_earth, equal_earth_inverse};
use super::{BBox, MIN_SHAPE_AREA_PX2, POINT_HIT_RADIUS_PX, Viewport, ring_area, ring_contains};
use std::fmt;
use std::sync::OnceLock;

/// The encoded basemap, as built by `scripts/data/build-basemap.mjs`.
pub static BASEMAP_BYTES: &[u8] = include_bytes!("../../../data/basemap/countries-50m.bin");

/// Area of the Earth in km², the authalic sphere that Equal Earth's 4π square units stand for.
const EARTH_AREA_KM2: f64 = 510_065_622.0;

/// The basemap, decoded and projected on first use (a few milliseconds) and kept for the
/// life of the program, so every view and every frame shares the same projected rings.
pub fn basemap() -> &'static Basemap {
    static MAP: OnceLock<Basemap> = OnceLock::new();
    MAP.get_or_init(|| Basemap::decode(BASEMAP_BYTES).expect("the embedded basemap decodes (checked by the unit tests)"))
}

/// Every country and territory of the map, in the file's order, plus a point-only entry for
/// each ISO 3166-1 country Natural Earth draws no shape for at 1:50m.
#[derive(Debug, Clone)]
pub struct Basemap {
    pub countries: Vec<CountryShape>,
    /// The union of all shapes' boxes (world units).
    pub bbox: BBox,
}

/// One country or territory, projected.
#[derive(Debug, Clone)]
pub struct CountryShape {
    /// ISO 3166-1 numeric code; `None` for shapes with none (Kosovo, Somaliland, N. Cyprus...).
    pub isonum: Option<u16>,
    /// ISO 3166-1 alpha-3 code, or Kosovo's user-assigned XKX; `None` where there is none.
    pub iso3: Option<String>,
    /// The name from `data/countries/countries.tsv` where the shape has a code (the names the
    /// rest of Entente uses), else Natural Earth's.
    pub name: String,
    /// Projected polygons; empty for a point-only entry.
    pub polygons: Vec<Polygon>,
    /// Bounding box of the polygons, or of the label point for a point-only entry.
    pub bbox: BBox,
    /// The box to show when focusing on the country ([`Viewport::fit`]): its largest polygon
    /// and the polygons near it. The full `bbox` can span the world: France's includes French
    /// Guiana and Réunion, and Russia's and Fiji's reach both edges of the map.
    pub focus: BBox,
    /// Projected area in square world units (0 for point-only entries). Equal Earth is
    /// equal-area, so this is proportional to the true area: see [`CountryShape::area_km2`].
    pub area: f64,
    /// Where a label or a point marker goes, as (longitude, latitude): inside the largest
    /// polygon (its centroid, or the middle of the widest span across it when the centroid
    /// falls outside, as for crescents); the capital for point-only entries.
    pub label: (f64, f64),
    /// [`CountryShape::label`] projected.
    pub label_xy: (f64, f64),
}

/// One projected polygon: `rings[0]` is the outer ring, counter-clockwise (y up), the rest are
/// holes, clockwise, so SVG's default nonzero fill rule and even-odd agree. Rings are open
/// (the last point is not repeated).
#[derive(Debug, Clone)]
pub struct Polygon {
    pub rings: Vec<Vec<(f64, f64)>>,
    pub bbox: BBox,
    /// Outer area minus holes, in square world units.
    pub area: f64,
}

impl Polygon {
    /// Whether a world point lies inside (even-odd over all rings, after a bbox check).
    pub fn contains(&self, p: (f64, f64)) -> bool {
        self.bbox.contains(p) && self.rings.iter().filter(|r| ring_contains(r, p)).count() % 2 == 1
    }
}

impl CountryShape {
    /// True for entries with no shape at all (e.g. Tuvalu, Gibraltar at 1:50m).
    pub fn point_only(&self) -> bool {
        self.polygons.is_empty()
    }

    /// Area in km², from the equal-area projection.
    pub fn area_km2(&self) -> f64 {
        self.area / (4.0 * std::f64::consts::PI) * EARTH_AREA_KM2
    }

    /// Whether the renderer should draw this country as a point at [`CountryShape::label_xy`]
    /// rather than as a shape in this view: it has no shape, or its shape would cover fewer
    /// than [`MIN_SHAPE_AREA_PX2`] square pixels.
    pub fn shows_as_point(&self, view: &Viewport) -> bool {
        let s = view.scale();
        self.point_only() || self.area * s * s < MIN_SHAPE_AREA_PX2
    }

    /// Whether a world point lies inside one of the polygons.
    pub fn contains(&self, p: (f64, f64)) -> bool {
        self.bbox.contains(p) && self.polygons.iter().any(|poly| poly.contains(p))
    }

    /// Number of projected vertices.
    pub fn point_count(&self) -> usize {
        self.polygons.iter().flat_map(|p| &p.rings).map(Vec::len).sum()
    }
}

impl Basemap {
    pub fn by_iso3(&self, iso3: &str) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.iso3.as_deref() == Some(iso3))
    }

    pub fn by_isonum(&self, isonum: u16) -> Option<&CountryShape> {
        self.countries.iter().find(|c| c.isonum == Some(isonum))
    }

    /// The country whose shape contains a world point (bounding boxes first).
    pub fn country_at(&self, p: (f64, f64)) -> Option<usize> {
        self.countries.iter().position(|c| c.contains(p))
    }

    /// The country under a screen point in this view: a country drawn as a point within
    /// [`POINT_HIT_RADIUS_PX`] wins (the nearest one), since it is drawn on top of its
    /// neighbours' shapes; otherwise the shape containing the point.
    pub fn hit_test(&self, view: &Viewport, screen: (f64, f64)) -> Option<usize> {
        let r2 = POINT_HIT_RADIUS_PX * POINT_HIT_RADIUS_PX;
        let mut best: Option<(f64, usize)> = None;
        for (i, c) in self.countries.iter().enumerate() {
            if c.shows_as_point(view) {
                let (x, y) = view.to_screen(c.label_xy);
                let d2 = (x - screen.0).powi(2) + (y - screen.1).powi(2);
                if d2 <= r2 && best.is_none_or(|(b, _)| d2 < b) {
                    best = Some((d2, i));
                }
            }
        }
        best.map(|(_, i)| i).or_else(|| self.country_at(view.to_world(screen)))
    }

    /// Total number of projected vertices.
    pub fn point_count(&self) -> usize {
        self.countries.iter().map(CountryShape::point_count).sum()
    }

    /// Decodes and projects an encoded basemap. Malformed input is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Basemap, DecodeError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"EBM1" {
            return Err(r.err("not an Entente basemap (magic EBM1)"));
        }
        let (sx, sy, tx, ty) = (r.f64()?, r.f64()?, r.f64()?, r.f64()?);
        if ![sx, sy, tx, ty].iter().all(|v| v.is_finite()) {
            return Err(r.err("bad transform"));
        }
        let arc_count = r.count()?;
        let mut arcs: Vec<Vec<(f64, f64)>> = Vec::with_capacity(arc_count);
        for _ in 0..arc_count {
            let n = r.count()?;
            let mut arc = Vec::with_capacity(n);
            let (mut qx, mut qy) = (0i64, 0i64);
            for _ in 0..n {
                qx = qx.wrapping_add(r.zigzag()?);
                qy = qy.wrapping_add(r.zigzag()?);
                arc.push((snap_lon(qx as f64 * sx + tx), qy as f64 * sy + ty));
            }
            arcs.push(arc);
        }
        let country_count = r.count()?;
        let mut countries = Vec::with_capacity(country_count);
        for _ in 0..country_count {
            let isonum = match r.varint()? {
                0 => None,
                n @ 1..=999 => Some(n as u16),
                _ => return Err(r.err("ISO numeric code out of range")),
            };
            let iso3 = match r.u8()? {
                0 => None,
                1 => {
                    let code = r.take(3)?;
                    if !code.iter().all(u8::is_ascii_uppercase) {
                        return Err(r.err("bad alpha-3 code"));
                    }
                    Some(String::from_utf8_lossy(code).into_owned())
                }
                _ => return Err(r.err("bad alpha-3 flag")),
            };
            let len = r.count()?;
            let name = std::str::from_utf8(r.take(len)?)
                .map_err(|_| r.err("name is not UTF-8"))?
                .to_owned();
            let mut polygons = Vec::new();
            for _ in 0..r.count()? {
                let mut rings = Vec::new();
                for _ in 0..r.count()? {
                    let mut ring: Vec<(f64, f64)> = Vec::new();
                    for k in 0..r.count()? {
                        let a = r.zigzag()?;
                        let (index, reversed) = if a < 0 { (!a, true) } else { (a, false) };
                        let arc = usize::try_from(index)
                            .ok()
                            .and_then(|i| arcs.get(i))
                            .ok_or_else(|| r.err("arc index out of range"))?;
                        let skip = usize::from(k > 0);
                        if reversed {
                            ring.extend(arc.iter().rev().skip(skip));
                        } else {
                            ring.extend(arc.iter().skip(skip));
                        }
                    }
                    if ring.len() > 1 && ring.first() == ring.last() {
                        ring.pop();
                    }
                    rings.push(ring);
                }
                polygons.extend(planar_polygons(rings));
            }
            let point = match r.u8()? {
                0 => None,
                1 => Some((r.zigzag()? as f64 / 1e5, r.zigzag()? as f64 / 1e5)),
                _ => return Err(r.err("bad point flag")),
            };
            countries.push(CountryShape::new(isonum, iso3, name, polygons, point));
        }
        if r.pos != bytes.len() {
            return Err(r.err("trailing bytes"));
        }
        let bbox = countries.iter().fold(BBox::EMPTY, |b, c| b.union(c.bbox));
        Ok(Basemap { countries, bbox })
    }
}

impl CountryShape {
    fn new(
        isonum: Option<u16>,
        iso3: Option<String>,
        name: String,
        polygons: Vec<Polygon>,
        point: Option<(f64, f64)>,
    ) -> CountryShape {
        let area = polygons.iter().map(|p| p.area).sum();
        let bbox = polygons.iter().fold(BBox::EMPTY, |b, p| b.union(p.bbox));
        let largest = polygons.iter().max_by(|a, b| a.area.total_cmp(&b.area));
        let (label, label_xy) = match (largest, point) {
            (Some(poly), _) => {
                let xy = label_point(poly);
                (equal_earth_inverse(xy.0, xy.1).unwrap_or((0.0, 0.0)), xy)
            }
            (None, Some((lon, lat))) => ((lon, lat), equal_earth(lon, lat)),
            (None, None) => ((0.0, 0.0), (0.0, 0.0)),
        };
        let bbox = if bbox.is_empty() { BBox::of_points(&[label_xy]) } else { bbox };
        let focus = match largest {
            Some(main) => {
                let near = main.bbox.expand(main.bbox.width().max(main.bbox.height()));
                polygons
                    .iter()
                    .filter(|p| p.bbox.intersects(&near))
                    .fold(main.bbox, |b, p| b.union(p.bbox))
            }
            None => bbox,
        };
        CountryShape {
            isonum,
            iso3,
            name,
            polygons,
            bbox,
            focus,
            area,
            label,
            label_xy,
        }
    }
}

/// A point inside the polygon: its centroid if inside, else the middle of the widest span of
/// the horizontal line through the centroid (centroids of crescents fall outside).
fn label_point(poly: &Polygon) -> (f64, f64) {
    let (ox, oy) = poly.rings[0][0];
    let (mut a, mut mx, mut my) = (0.0, 0.0, 0.0);
    for ring in &poly.rings {
        for i in 0..ring.len() {
            let (x0, y0) = (ring[i].0 - ox, ring[i].1 - oy);
            let (x1, y1) = (ring[(i + 1) % ring.len()].0 - ox, ring[(i + 1) % ring.len()].1 - oy);
            let cross = x0 * y1 - x1 * y0;
            a += cross;
            mx += (x0 + x1) * cross;
            my += (y0 + y1) * cross;
        }
    }
    let c = if a.abs() > 0.0 {
        (ox + mx / (3.0 * a), oy + my / (3.0 * a))
    } else {
        poly.bbox.center()
    };
    if poly.contains(c) {
        return c;
    }
    let y = c.1;
    let mut xs: Vec<f64> = Vec::new();
    for ring in &poly.rings {
        for i in 0..ring.len() {
            let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
            if (p.1 > y) != (q.1 > y) {
                xs.push(p.0 + (y - p.1) * (q.0 - p.0) / (q.1 - p.1));
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs.chunks_exact(2)
        .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
        .map(|w| ((w[0] + w[1]) / 2.0, y))
        .unwrap_or(poly.rings[0][0])
}

/// Source longitudes on the ±180° seam come out of the quantisation a hair off; make them exact.
fn snap_lon(lon: f64) -> f64 {
    if (lon.abs() - 180.0).abs() < 1e-9 {
        180f64.copysign(lon)
    } else {
        lon
    }
}

fn on_seam(lon: f64) -> bool {
    lon.abs() >= 180.0
}

/// Wraps a longitude difference into [-180, 180].
fn wrap(d: f64) -> f64 {
    if d > 180.0 {
        d - 360.0
    } else if d < -180.0 {
        d + 360.0
    } else {
        d
    }
}

/// Turns one source polygon (longitude/latitude rings, ring 0 outer) into projected planar
/// polygons. Polygons away from ±180° keep their structure; the few that touch it are cut
/// (see the module doc) and their pieces regrouped into outers and holes by containment.
fn planar_polygons(rings: Vec<Vec<(f64, f64)>>) -> Vec<Polygon> {
    let touches_seam = rings.iter().any(|ring| {
        ring.iter().any(|p| on_seam(p.0))
            || ring
                .iter()
                .zip(ring.iter().cycle().skip(1))
                .any(|(a, b)| (a.0 - b.0).abs() > 180.0)
    });
    if !touches_seam {
        let mut rings = rings.into_iter().filter(|r| r.len() >= 3).map(|r| project(&r));
        let Some(outer) = rings.next() else { return Vec::new() };
        return vec![make_polygon(outer, rings.collect())];
    }
    let mut pieces = Vec::new();
    for ring in rings {
        // world-atlas closes Antarctica with a ring of points all at -89.999° round the pole:
        // on a sphere it cuts out a tiny polar cap, on a planar map it has no area at all.
        if ring.len() < 3 || ring.iter().all(|p| p.1.abs() > 89.99) {
            continue;
        }
        for piece in split_at_antimeridian(&ring) {
            pieces.push(project(&densify_seam(&piece)));
        }
    }
    group_by_containment(pieces)
}

fn project(ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
    ring.iter().map(|&(lon, lat)| equal_earth(lon, lat)).collect()
}

/// Orients an outer ring counter-clockwise and its holes clockwise, and measures the polygon.
fn make_polygon(mut outer: Vec<(f64, f64)>, holes: Vec<Vec<(f64, f64)>>) -> Polygon {
    let mut area = ring_area(&outer);
    if area < 0.0 {
        outer.reverse();
        area = -area;
    }
    let bbox = BBox::of_points(&outer);
    let mut rings = vec![outer];
    for mut hole in holes {
        let a = ring_area(&hole);
        if a > 0.0 {
            hole.reverse();
        }
        area -= a.abs();
        rings.push(hole);
    }
    Polygon { rings, bbox, area }
}

type Ring = Vec<(f64, f64)>;

/// Largest ring first; each ring inside an earlier outer becomes its hole, else a new outer.
fn group_by_containment(mut rings: Vec<Ring>) -> Vec<Polygon> {
    rings.sort_by(|a, b| ring_area(b).abs().total_cmp(&ring_area(a).abs()));
    let mut groups: Vec<(Ring, Vec<Ring>)> = Vec::new();
    for ring in rings {
        match groups.iter_mut().rev().find(|(outer, _)| ring_contains(outer, ring[0])) {
            Some((_, holes)) => holes.push(ring),
            None => groups.push((ring, Vec::new())),
        }
    }
    groups.into_iter().map(|(outer, holes)| make_polygon(outer, holes)).collect()
}

/// Cuts an open longitude/latitude ring that crosses ±180° (or encircles a pole) into planar
/// rings within [-180°, 180°]: longitudes are unwrapped so the ring is continuous, a ring
/// whose longitudes wind a full turn is closed along the pole it encircles, and the result is
/// clipped to each 360° strip it spans and shifted back.
pub(crate) fn split_at_antimeridian(ring: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    let mut u: Vec<(f64, f64)> = Vec::with_capacity(n + 3);
    let mut lon = ring[0].0;
    u.push(ring[0]);
    for i in 1..n {
        lon += wrap(ring[i].0 - ring[i - 1].0);
        u.push((lon, ring[i].1));
    }
    let turn = lon + wrap(ring[0].0 - ring[n - 1].0) - ring[0].0;
    if turn.abs() > 180.0 {
        let mean_lat = ring.iter().map(|p| p.1).sum::<f64>() / n as f64;
        let pole = 90f64.copysign(mean_lat);
        let end = ring[0].0 + turn;
        u.extend([(end, ring[0].1), (end, pole), (ring[0].0, pole)]);
    }
    let lo = u.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let hi = u.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let (k_lo, k_hi) = (((lo + 180.0) / 360.0).floor() as i64, ((hi - 180.0) / 360.0).ceil() as i64);
    let mut out = Vec::new();
    for k in k_lo..=k_hi {
        let shift = 360.0 * k as f64;
        let clipped = clip_lon(&clip_lon(&u, shift - 180.0, true), shift + 180.0, false);
        let mut piece: Vec<(f64, f64)> = Vec::with_capacity(clipped.len());
        for (lon, lat) in clipped {
            let p = (snap_lon(lon - shift), lat);
            if piece.last() != Some(&p) {
                piece.push(p);
            }
        }
        while piece.len() > 1 && piece.first() == piece.last() {
            piece.pop();
        }
        if piece.len() >= 3 && ring_area(&piece).abs() > 1e-12 {
            out.push(piece);
        }
    }
    out
}

/// Sutherland–Hodgman clip of a ring to the half-plane lon ≥ x (`keep_above`) or lon ≤ x.
fn clip_lon(ring: &[(f64, f64)], x: f64, keep_above: bool) -> Vec<(f64, f64)> {
    let inside = |p: (f64, f64)| if keep_above { p.0 >= x } else { p.0 <= x };
    let cut = |a: (f64, f64), b: (f64, f64)| (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1));
    let mut out = Vec::with_capacity(ring.len() + 4);
    for i in 0..ring.len() {
        let (prev, cur) = (ring[(i + ring.len() - 1) % ring.len()], ring[i]);
        match (inside(prev), inside(cur)) {
            (true, true) => out.push(cur),
            (true, false) => out.push(cut(prev, cur)),
            (false, true) => out.extend([cut(prev, cur), cur]),
            (false, false) => {}
        }
    }
    out
}

/// Adds a point every degree along edges that run down the ±180° meridian: that meridian is
/// the map's curved edge, and a long straight chord would cut across it.
fn densify_seam(ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(ring.len());
    for i in 0..ring.len() {
        let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
        out.push(a);
        if on_seam(a.0) && a.0 == b.0 {
            let steps = (b.1 - a.1).abs().ceil() as usize;
            for s in 1..steps {
                out.push((a.0, a.1 + (b.1 - a.1) * s as f64 / steps as f64));
            }
        }
    }
    out
}

/// Why an encoded basemap could not be read, and the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub message: &'static str,
    pub offset: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "basemap: {} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for DecodeError {}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, message: &'static str) -> DecodeError {
        DecodeError {
            message,
            offset: self.pos,
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| self.err("unexpected end of data"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn f64(&mut self) -> Result<f64, DecodeError> {
        let b = self.take(8)?;
        Ok(f64::from_le_bytes(b.try_into().expect("8 bytes")))
    }

    /// Unsigned LEB128.
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(self.err("varint too long"))
    }

    fn zigzag(&mut self) -> Result<i64, DecodeError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count of items that each take at least one byte, so it cannot exceed what is left
    /// (this keeps garbage input from asking for huge allocations).
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.pos) as u64 {
            return Err(self.err("count larger than the data"));
        }
        Ok(n as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::super::projection::{X_MAX, Y_MAX};
    use super::*;

    fn map() -> &'static Basemap {
        basemap()
    }

    #[test]
    fn geo_basemap_decodes_with_expected_counts() {
        let m = map();
        // 240 Natural Earth shapes (241 less Ashmore and Cartier merged into Australia) and
        // 14 point-only ISO countries; see data/basemap/SOURCE.txt.
        assert_eq!(m.countries.len(), 254);
        assert_eq!(m.countries.iter().filter(|c| c.point_only()).count(), 14);
        let polygons: usize = m.countries.iter().map(|c| c.polygons.len()).sum();
        let rings: usize = m.countries.iter().flat_map(|c| &c.polygons).map(|p| p.rings.len()).sum();
        // Sanity check of the geometry's size (counts, not timing): 99 539 source vertices in
        // 1 629 rings, less each ring's repeated closing point, plus the seam cuts, minus
        // Antarctica's polar cap ring (see the module doc).
        assert_eq!((polygons, rings, m.point_count()), (1_619, 1_631, 97_678));
        assert!(m.bbox.min_x >= -X_MAX - 1e-9 && m.bbox.max_x <= X_MAX + 1e-9 && m.bbox.min_y >= -Y_MAX - 1e-9);
    }

    #[test]
    fn geo_basemap_every_iso_country_has_an_entry() {
        let tsv = include_str!("../../../data/countries/countries.tsv");
        for line in tsv.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let c = map().by_iso3(cols[1]).unwrap_or_else(|| panic!("{} missing", cols[1]));
            assert_eq!(c.isonum, cols[2].parse().ok(), "{}", cols[1]);
            assert!(c.label.0.abs() <= 180.0 && c.label.1.abs() <= 90.0);
        }
        assert_eq!(map().by_iso3("XKX").map(|c| c.name.as_str()), Some("Kosovo"));
        assert_eq!(map().by_isonum(410).and_then(|c| c.iso3.as_deref()), Some("KOR"));
        assert!(map().by_iso3("TUV").unwrap().point_only());
    }

    #[test]
    fn geo_basemap_no_projected_edge_jumps_across_the_map() {
        for c in &map().countries {
            for ring in c.polygons.iter().flat_map(|p| &p.rings) {
                for i in 0..ring.len() {
                    let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                    // The only long edge allowed is along the South Pole, a line in Equal Earth.
                    let along_pole = a.1 == -Y_MAX && b.1 == -Y_MAX;
                    assert!((a.0 - b.0).abs() < 1.0 || along_pole, "{}: edge {a:?} → {b:?}", c.name);
                }
            }
        }
        // Russia's far east (east of 180°) is on the western edge, Wrangel Island on both.
        let m = map();
        let rus = m.by_iso3("RUS").unwrap();
        assert!(rus.bbox.min_x < -X_MAX * 0.4 && rus.bbox.max_x > X_MAX * 0.4);
        assert_eq!(
            m.country_at(equal_earth(-175.0, 66.0)),
            m.countries.iter().position(|c| c.name == "Russia")
        );
        assert_eq!(
            m.country_at(equal_earth(179.5, 71.2)).map(|i| &*m.countries[i].name),
            Some("Russia")
        );
        assert_eq!(
            m.country_at(equal_earth(-179.6, 71.2)).map(|i| &*m.countries[i].name),
            Some("Russia")
        );
    }

    #[test]
    fn geo_basemap_areas_match_known_sizes() {
        let km2 = |iso3| map().by_iso3(iso3).unwrap().area_km2();
        // Natural Earth's admin-0 Antarctica leaves out the ice shelves: ~12.3 million km².
        for (iso3, known) in [
            ("RUS", 17.1e6),
            ("CAN", 9.98e6),
            ("BRA", 8.5e6),
            ("AUS", 7.7e6),
            ("ATA", 12.3e6),
            ("KOR", 0.1e6),
            ("EST", 45_000.0),
        ] {
            let a = km2(iso3);
            assert!((a / known - 1.0).abs() < 0.08, "{iso3}: {a:.0} km², known {known}");
        }
        let total: f64 = map().countries.iter().map(CountryShape::area_km2).sum();
        assert!((140e6..155e6).contains(&total), "land area {total:.3e} km²");
        // Every polygon's outer ring is counter-clockwise and holes are clockwise.
        for p in map().countries.iter().flat_map(|c| &c.polygons) {
            assert!(ring_area(&p.rings[0]) > 0.0);
            assert!(p.rings[1..].iter().all(|h| ring_area(h) < 0.0));
        }
    }

    #[test]
    fn geo_basemap_labels_lie_inside_and_hit_their_country() {
        let m = map();
        for (i, c) in m.countries.iter().enumerate() {
            if c.point_only() {
                continue;
            }
            let largest = c.polygons.iter().max_by(|a, b| a.area.total_cmp(&b.area)).unwrap();
            assert!(largest.contains(c.label_xy), "{}: label {:?} outside", c.name, c.label);
            let mut view = Viewport::new(800.0, 600.0);
            view.fit(largest.bbox, 10.0);
            assert_eq!(m.hit_test(&view, view.to_screen(c.label_xy)), Some(i), "{}", c.name);
        }
        // Focus boxes leave out far-flung pieces.
        let focus = |iso3| m.by_iso3(iso3).unwrap().focus;
        assert!(focus("FRA").min_y > equal_earth(0.0, 40.0).1 && focus("FRA").min_x > equal_earth(-6.0, 45.0).0);
        assert!(focus("RUS").min_x > 0.0 && focus("RUS").max_x > equal_earth(179.0, 66.0).0 - 1e-9);
        assert!(
            focus("FJI").width() < 0.1 && focus("USA").max_y > equal_earth(-150.0, 65.0).1,
            "Alaska is near enough"
        );
        // Norway's centroid is in Sweden; its label must not be.
        let nor = m.by_iso3("NOR").unwrap();
        assert_eq!(m.country_at(nor.label_xy).map(|i| &*m.countries[i].name), Some("Norway"));
    }

    #[test]
    fn geo_basemap_micro_states_show_as_points_at_world_scale() {
        let m = map();
        let world = Viewport::new(1000.0, 520.0);
        for iso3 in [
            "SGP", "BHR", "MLT", "AND", "LIE", "MCO", "SMR", "VAT", "TUV", "NRU", "MDV", "KNA",
        ] {
            let c = m.by_iso3(iso3).unwrap_or_else(|| panic!("{iso3}"));
            assert!(c.shows_as_point(&world), "{iso3}");
            // The point is clickable even where a larger neighbour's shape lies beneath it.
            let hit = m
                .hit_test(&world, world.to_screen(c.label_xy))
                .map(|i| m.countries[i].iso3.as_deref());
            assert!(hit.flatten().is_some(), "{iso3}");
        }
        for iso3 in ["FRA", "KOR", "EST", "BRA"] {
            assert!(!m.by_iso3(iso3).unwrap().shows_as_point(&world), "{iso3}");
        }
        let mut europe = world;
        europe.fit(m.by_iso3("SMR").unwrap().bbox, 100.0);
        assert!(!m.by_iso3("SMR").unwrap().shows_as_point(&europe));
        let seoul = world.to_screen(equal_earth(126.978, 37.5665));
        assert_eq!(m.hit_test(&world, seoul).map(|i| &*m.countries[i].name), Some("South Korea"));
        assert_eq!(m.hit_test(&world, world.to_screen(equal_earth(-150.0, -30.0))), None);
        assert_eq!(
            m.country_at(equal_earth(0.0, -89.5)).map(|i| &*m.countries[i].name),
            Some("Antarctica")
        );
    }

    #[test]
    fn geo_basemap_antimeridian_split_handles_crossing_and_polar_rings() {
        // A square from 170°E to 170°W: two pieces, one each side, same total width.
        let sq = [(170.0, 10.0), (-170.0, 10.0), (-170.0, 20.0), (170.0, 20.0)];
        let pieces = split_at_antimeridian(&sq);
        assert_eq!(pieces.len(), 2);
        let spans: Vec<(f64, f64)> = pieces
            .iter()
            .map(|p| {
                (
                    p.iter().map(|q| q.0).fold(f64::INFINITY, f64::min),
                    p.iter().map(|q| q.0).fold(f64::NEG_INFINITY, f64::max),
                )
            })
            .collect();
        assert!(
            spans.contains(&(170.0, 180.0)) && spans.contains(&(-180.0, -170.0)),
            "{spans:?}"
        );
        // A ring round the South Pole is closed along the pole.
        let polar: Vec<(f64, f64)> = (0..36).map(|i| (-180.0 + 10.0 * i as f64, -70.0)).collect();
        let pieces = split_at_antimeridian(&polar);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].contains(&(180.0, -90.0)) && pieces[0].contains(&(-180.0, -90.0)));
        // A ring away from the seam is unchanged.
        let plain = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)];
        assert_eq!(split_at_antimeridian(&plain), vec![plain.to_vec()]);
    }

    #[test]
    fn geo_basemap_rejects_garbage_without_panicking() {
        assert!(Basemap::decode(b"").is_err());
        assert!(Basemap::decode(b"EBM2").is_err());
        for cut in [4, 20, 36, 37, 1000, BASEMAP_BYTES.len() / 2, BASEMAP_BYTES.len() - 1] {
            assert!(Basemap::decode(&BASEMAP_BYTES[..cut]).is_err(), "prefix {cut}");
        }
        let mut extra = BASEMAP_BYTES.to_vec();
        extra.push(0);
        assert_eq!(Basemap::decode(&extra).unwrap_err().message, "trailing bytes");
        let mut junk = b"EBM1".to_vec();
        junk.extend([0u8; 32]);
        junk.extend([0xff; 12]);
        assert!(Basemap::decode(&junk).is_err());
    }
}
