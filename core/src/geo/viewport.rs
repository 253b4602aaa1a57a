//! The map's view: which part of the projected world is on screen, and how large.
//!
//! A view is a center in world units and a zoom factor relative to the "whole world fits"
//! scale, so the same view text (`"x,y,z"` in the URL) shows the same place on any window
//! size. Every pan and zoom is an affine transform of the already-projected basemap.

use super::BBox;
use super::projection::{X_MAX, Y_MAX};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The world point at the middle of the screen.
    pub center: (f64, f64),
    /// 1 shows the whole world; 2 shows it twice as large.
    pub zoom: f64,
    /// Screen size in CSS pixels.
    pub width: f64,
    pub height: f64,
}

impl Viewport {
    /// The whole world is the least one can see: zooming out further only adds empty margin.
    pub const MIN_ZOOM: f64 = 1.0;
    /// At 64 the world is 64 screens wide (a 1000-px window spans ~600 km), already far past
    /// the detail of 1:50m data; Andorra is then some 30 px across.
    pub const MAX_ZOOM: f64 = 64.0;
    /// Smallest box [`Viewport::fit`] zooms to (world units, ~640 km), so fitting a point or a
    /// micro-state shows its surroundings rather than the maximum zoom.
    pub const MIN_FIT_SIZE: f64 = 0.1;

    /// The whole world, centered, in a screen of this size.
    pub fn new(width: f64, height: f64) -> Viewport {
        let mut v = Viewport {
            center: (0.0, 0.0),
            zoom: 1.0,
            width: 1.0,
            height: 1.0,
        };
        v.resize(width, height);
        v
    }

    /// Pixels per world unit.
    pub fn scale(&self) -> f64 {
        self.zoom * (self.width / (2.0 * X_MAX)).min(self.height / (2.0 * Y_MAX))
    }

    /// World → screen (y down).
    pub fn to_screen(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let s = self.scale();
        (
            self.width / 2.0 + (x - self.center.0) * s,
            self.height / 2.0 - (y - self.center.1) * s,
        )
    }

    /// Screen → world.
    pub fn to_world(&self, (px, py): (f64, f64)) -> (f64, f64) {
        let s = self.scale();
        (
            self.center.0 + (px - self.width / 2.0) / s,
            self.center.1 - (py - self.height / 2.0) / s,
        )
    }

    /// The world rectangle on screen.
    pub fn visible(&self) -> BBox {
        let (hw, hh) = (self.width / 2.0 / self.scale(), self.height / 2.0 / self.scale());
        BBox {
            min_x: self.center.0 - hw,
            min_y: self.center.1 - hh,
            max_x: self.center.0 + hw,
            max_y: self.center.1 + hh,
        }
    }

    /// A new screen size; keeps center and zoom (and so the place shown).
    pub fn resize(&mut self, width: f64, height: f64) {
        let ok = |v: f64| if v.is_finite() { v.max(1.0) } else { 1.0 };
        self.width = ok(width);
        self.height = ok(height);
        self.clamp();
    }

    /// Drags the map by (dx, dy) pixels: content moves with the pointer.
    pub fn pan(&mut self, dx: f64, dy: f64) {
        let s = self.scale();
        if dx.is_finite() && dy.is_finite() {
            self.center = (self.center.0 - dx / s, self.center.1 + dy / s);
            self.clamp();
        }
    }

    /// Zooms by `factor` keeping the world point under the screen point `at` where it is
    /// (wheel and pinch around the cursor), except where clamping must move it.
    pub fn zoom_at(&mut self, at: (f64, f64), factor: f64) {
        if !(factor.is_finite() && factor > 0.0 && at.0.is_finite() && at.1.is_finite()) {
            return;
        }
        let anchor = self.to_world(at);
        self.zoom = (self.zoom * factor).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        let s = self.scale();
        self.center = (
            anchor.0 - (at.0 - self.width / 2.0) / s,
            anchor.1 + (at.1 - self.height / 2.0) / s,
        );
        self.clamp();
    }

    /// Shows a world box with `padding` pixels around it, as large as fits.
    pub fn fit(&mut self, bbox: BBox, padding: f64) {
        if bbox.is_empty() || !bbox.width().is_finite() || !bbox.height().is_finite() {
            return;
        }
        let pad = if padding.is_finite() { padding.max(0.0) } else { 0.0 };
        let (w, h) = (bbox.width().max(Self::MIN_FIT_SIZE), bbox.height().max(Self::MIN_FIT_SIZE));
        let base = (self.width / (2.0 * X_MAX)).min(self.height / (2.0 * Y_MAX));
        let fit = ((self.width - 2.0 * pad).max(1.0) / w).min((self.height - 2.0 * pad).max(1.0) / h);
        self.zoom = (fit / base).clamp(Self::MIN_ZOOM, Self::MAX_ZOOM);
        self.center = bbox.center();
        self.clamp();
    }

    /// Keeps zoom in range and the world on screen: along each axis, a world smaller than the
    /// screen is centered, and a larger one cannot be dragged to leave a gap at its edge.
    pub fn clamp(&mut self) {
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(Self::MIN_ZOOM, Self::MAX_ZOOM)
        } else {
            Self::MIN_ZOOM
        };
        let s = self.scale();
        let axis = |c: f64, half_screen: f64, half_world: f64| {
            let c = if c.is_finite() { c } else { 0.0 };
            if half_screen >= half_world - 1e-12 {
                0.0
            } else {
                c.clamp(-half_world + half_screen, half_world - half_screen)
            }
        };
        self.center = (
            axis(self.center.0, self.width / 2.0 / s, X_MAX),
            axis(self.center.1, self.height / 2.0 / s, Y_MAX),
        );
    }

    /// Compact text for URLs: `"x,y,z"`, center to 5 decimals (a pixel or less at maximum
    /// zoom), zoom to 3, trailing zeros dropped, e.g. `"1.61234,0.73,4.5"`.
    pub fn to_param(&self) -> String {
        format!("{},{},{}", trim(self.center.0, 5), trim(self.center.1, 5), trim(self.zoom, 3))
    }

    /// Reads [`Viewport::to_param`]'s text for a screen of this size. Anything else (wrong
    /// count, non-numbers, NaN, infinities, overlong text) is `None`; values in range but off
    /// the map are clamped, so a hand-edited link still shows something sensible.
    pub fn from_param(text: &str, width: f64, height: f64) -> Option<Viewport> {
        if text.len() > 64 {
            return None;
        }
        let mut parts = text
            .split(',')
            .map(|p| p.trim().parse::<f64>().ok().filter(|v| v.is_finite()));
        let (x, y, z) = (parts.next()??, parts.next()??, parts.next()??);
        if parts.next().is_some() {
            return None;
        }
        let mut v = Viewport {
            center: (x, y),
            zoom: z,
            width: 1.0,
            height: 1.0,
        };
        v.resize(width, height);
        Some(v)
    }
}

/// Formats with at most `decimals` decimals and no trailing zeros ("-0" becomes "0").
fn trim(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        &s
    };
    if s == "-0" { "0".to_owned() } else { s.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: (f64, f64), b: (f64, f64), eps: f64) -> bool {
        (a.0 - b.0).abs() < eps && (a.1 - b.1).abs() < eps
    }

    #[test]
    fn geo_viewport_world_view_and_round_trip() {
        let v = Viewport::new(1000.0, 500.0);
        assert_eq!(v.center, (0.0, 0.0));
        // The world's width limits the scale in a 2:1 screen (Equal Earth is ~2.05:1).
        assert!((v.scale() * 2.0 * X_MAX - 1000.0).abs() < 1e-9);
        assert!(close(v.to_screen((0.0, 0.0)), (500.0, 250.0), 1e-9));
        assert!(close(v.to_screen((-X_MAX, 0.0)), (0.0, 250.0), 1e-9));
        assert!(v.to_screen((0.0, Y_MAX)).1 < 250.0, "north is up");
        for p in [(0.0, 0.0), (13.5, 977.25), (-40.0, 12.0)] {
            assert!(close(v.to_screen(v.to_world(p)), p, 1e-9));
        }
    }

    #[test]
    fn geo_viewport_zoom_at_keeps_the_cursor_point_fixed() {
        let mut v = Viewport::new(800.0, 600.0);
        let cursor = (300.0, 200.0);
        let before = v.to_world(cursor);
        v.zoom_at(cursor, 3.0);
        assert_eq!(v.zoom, 3.0);
        assert!(close(v.to_world(cursor), before, 1e-12));
        v.zoom_at(cursor, 1e9);
        assert_eq!(v.zoom, Viewport::MAX_ZOOM);
        v.zoom_at(cursor, f64::NAN);
        assert_eq!(v.zoom, Viewport::MAX_ZOOM);
        v.zoom_at((0.0, 0.0), 1e-9);
        assert_eq!(
            (v.zoom, v.center),
            (1.0, (0.0, 0.0)),
            "zoomed out fully, the world is centered again"
        );
    }

    #[test]
    fn geo_viewport_pan_moves_content_with_the_pointer_and_clamps() {
        let mut v = Viewport::new(800.0, 600.0);
        v.zoom_at((400.0, 300.0), 4.0);
        let p = v.to_world((400.0, 300.0));
        v.pan(50.0, -20.0);
        assert!(close(v.to_screen(p), (450.0, 280.0), 1e-9));
        v.pan(1e9, 1e9);
        let vis = v.visible();
        assert!(
            (vis.min_x + X_MAX).abs() < 1e-9 && (vis.max_y - Y_MAX).abs() < 1e-9,
            "stops at the north-west corner: {vis:?}"
        );
        // At zoom 1 nothing moves.
        let mut w = Viewport::new(800.0, 600.0);
        w.pan(100.0, 100.0);
        assert_eq!(w.center, (0.0, 0.0));
    }

    #[test]
    fn geo_viewport_fit_shows_the_box() {
        let mut v = Viewport::new(800.0, 600.0);
        let b = BBox {
            min_x: 1.5,
            min_y: 0.6,
            max_x: 1.9,
            max_y: 0.9,
        };
        v.fit(b, 20.0);
        let (a, c) = (v.to_screen((b.min_x, b.max_y)), v.to_screen((b.max_x, b.min_y)));
        assert!(a.0 >= 19.999 && a.1 >= 19.999 && c.0 <= 780.001 && c.1 <= 580.001);
        assert!((a.0 - 20.0).abs() < 1e-6 || (a.1 - 20.0).abs() < 1e-6, "as large as fits");
        let mut p = Viewport::new(800.0, 600.0);
        p.fit(BBox::of_points(&[(0.3, 0.2)]), 10.0);
        assert!(p.zoom < Viewport::MAX_ZOOM && close(p.center, (0.3, 0.2), 1e-12));
    }

    #[test]
    fn geo_viewport_param_round_trips_and_rejects_garbage() {
        let mut v = Viewport::new(1200.0, 700.0);
        v.zoom_at((900.0, 200.0), 6.25);
        let text = v.to_param();
        assert!(text.len() <= 24, "{text}");
        let back = Viewport::from_param(&text, 1200.0, 700.0).unwrap();
        assert!(close(back.center, v.center, 1e-5) && (back.zoom - v.zoom).abs() < 1e-3);
        assert_eq!(Viewport::new(10.0, 10.0).to_param(), "0,0,1");
        assert_eq!(Viewport::from_param(" 0.5 , -0.25 ,2", 800.0, 600.0).unwrap().zoom, 2.0);
        for bad in [
            "",
            ",",
            "1,2",
            "1,2,3,4",
            "a,b,c",
            "1,,2",
            "nan,0,1",
            "0,0,inf",
            "1e400,0,1",
            "0x10,0,1",
            "1;2;3",
            &"9".repeat(100),
        ] {
            assert_eq!(Viewport::from_param(bad, 800.0, 600.0), None, "{bad:?}");
        }
        // In range syntactically but off the map: clamped, not rejected.
        let far = Viewport::from_param("99,-99,1000", 800.0, 600.0).unwrap();
        assert_eq!(far.zoom, Viewport::MAX_ZOOM);
        assert!(far.visible().max_x <= X_MAX + 1e-9 && far.visible().min_y >= -Y_MAX - 1e-9);
    }
}
