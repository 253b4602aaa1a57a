//! The world map: an embedded Natural Earth 1:50m country basemap, the Equal Earth projection,
//! a pan/zoom [`Viewport`], SVG path data, great-circle arcs, marker clustering and hit-testing.
//!
//! Everything is computed here, in plain Rust, so the browser only draws strings and the same
//! code is tested natively. The basemap is decoded and projected **once** ([`basemap`]); panning
//! and zooming are only an affine view transform of the projected coordinates, never a
//! re-projection per frame.
//!
//! Coordinates come in two spaces: geographic (longitude, latitude) in degrees, and *world*
//! units, the Equal Earth plane on a unit sphere (x east in ±[`projection::X_MAX`], y north in
//! ±[`projection::Y_MAX`]). Screen pixels (y down) appear only through a [`Viewport`].
//!
//! ```
//! use entente_core::geo::{self, Viewport};
//!
//! let map = geo::basemap();
//! let korea = map.by_iso3("KOR").expect("South Korea is on the map");
//! let mut view = Viewport::new(960.0, 500.0);
//! view.fit(korea.focus, 20.0);
//! assert!(geo::svg::country_path(korea, &view).starts_with('M'));
//! let seoul = view.to_screen(geo::projection::equal_earth(126.978, 37.5665));
//! assert_eq!(map.hit_test(&view, seoul).map(|i| map.countries[i].name.as_str()), Some("South Korea"));
//! ```

pub mod arcs;
pub mod basemap;
pub mod cluster;
pub mod projection;
pub mod svg;
pub mod viewport;

pub use basemap::{Basemap, CountryShape, DecodeError, Polygon, basemap};
pub use viewport::Viewport;

/// A country whose shape covers fewer square pixels than this is drawn as a point at its
/// label instead (Singapore, Bahrain, Malta, Andorra... at world scale): a shape that small
/// can be neither seen nor clicked. See [`CountryShape::shows_as_point`].
pub const MIN_SHAPE_AREA_PX2: f64 = 16.0;

/// How close (in pixels) a click must be to a country drawn as a point to hit it.
pub const POINT_HIT_RADIUS_PX: f64 = 8.0;

/// An axis-aligned rectangle in world units (or pixels, where said). Empty when min > max.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl BBox {
    /// Contains nothing; extending it by a point gives that point's box.
    pub const EMPTY: BBox = BBox {
        min_x: f64::INFINITY,
        min_y: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        max_y: f64::NEG_INFINITY,
    };

    /// The whole Equal Earth map.
    pub const WORLD: BBox = BBox {
        min_x: -projection::X_MAX,
        min_y: -projection::Y_MAX,
        max_x: projection::X_MAX,
        max_y: projection::Y_MAX,
    };

    pub fn of_points(points: &[(f64, f64)]) -> BBox {
        let mut b = BBox::EMPTY;
        for &p in points {
            b.extend(p);
        }
        b
    }

    pub fn extend(&mut self, (x, y): (f64, f64)) {
        self.min_x = self.min_x.min(x);
        self.min_y = self.min_y.min(y);
        self.max_x = self.max_x.max(x);
        self.max_y = self.max_y.max(y);
    }

    pub fn union(self, o: BBox) -> BBox {
        BBox {
            min_x: self.min_x.min(o.min_x),
            min_y: self.min_y.min(o.min_y),
            max_x: self.max_x.max(o.max_x),
            max_y: self.max_y.max(o.max_y),
        }
    }

    /// Grown by `d` on every side.
    pub fn expand(self, d: f64) -> BBox {
        BBox {
            min_x: self.min_x - d,
            min_y: self.min_y - d,
            max_x: self.max_x + d,
            max_y: self.max_y + d,
        }
    }

    pub fn is_empty(&self) -> bool {
        !(self.min_x <= self.max_x && self.min_y <= self.max_y)
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.min_x && x <= self.max_x && y >= self.min_y && y <= self.max_y
    }

    pub fn intersects(&self, o: &BBox) -> bool {
        self.min_x <= o.max_x && o.min_x <= self.max_x && self.min_y <= o.max_y && o.min_y <= self.max_y
    }

    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    pub fn center(&self) -> (f64, f64) {
        ((self.min_x + self.max_x) / 2.0, (self.min_y + self.max_y) / 2.0)
    }
}

/// Even-odd point-in-ring test (crossing number); the ring is open (last ≠ first).
pub(crate) fn ring_contains(ring: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, &(xi, yi)) in ring.iter().enumerate() {
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Signed area of an open ring (shoelace), positive when counter-clockwise with y up.
pub(crate) fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let Some(&(ox, oy)) = ring.first() else { return 0.0 };
    let mut sum = 0.0;
    for i in 0..ring.len() {
        let (x0, y0) = ring[i];
        let (x1, y1) = ring[(i + 1) % ring.len()];
        sum += (x0 - ox) * (y1 - oy) - (x1 - ox) * (y0 - oy);
    }
    sum / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_bbox_and_ring_helpers() {
        let square = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)];
        assert_eq!(ring_area(&square), 4.0);
        let mut cw = square;
        cw.reverse();
        assert_eq!(ring_area(&cw), -4.0);
        assert!(ring_contains(&square, (1.0, 1.0)));
        assert!(!ring_contains(&square, (3.0, 1.0)));
        assert!(!ring_contains(&[], (0.0, 0.0)));
        let b = BBox::of_points(&square);
        assert_eq!((b.width(), b.height(), b.center()), (2.0, 2.0, (1.0, 1.0)));
        assert!(BBox::EMPTY.is_empty() && !b.is_empty());
        assert!(b.intersects(&BBox::WORLD) && !b.intersects(&b.expand(-0.5).union(BBox::EMPTY).expand(-10.0)));
    }
}
