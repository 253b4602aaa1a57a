//! The Equal Earth projection (Šavrič, Patterson & Jenny, 2018), on a sphere of radius 1.
//!
//! Equal Earth is equal-area, so a country's projected area is proportional to its true area
//! (the whole sphere is 4π square units): the map can say "too small to see" from areas alone.
//! The projected plane has y pointing north; [`crate::geo::Viewport`] flips it for the screen.
//!
//! Reference: B. Šavrič, T. Patterson, B. Jenny, "The Equal Earth map projection",
//! International Journal of Geographical Information Science 33 (2019), doi:10.1080/13658816.2018.1504949.

use std::f64::consts::PI;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2: the parametric latitude θ is defined by sin θ = M sin φ.
const M: f64 = 0.866_025_403_784_438_6;

/// Half the width of the map: the x of (±180°, 0°).
pub const X_MAX: f64 = 2.706_629_983_696_074_8;
/// Half the height of the map: the y of the poles (which are lines, not points, in Equal Earth).
pub const Y_MAX: f64 = 1.317_362_759_157_413_3;

/// Projects (longitude, latitude) in degrees to Equal Earth (x, y), with x east and y north.
/// Longitudes outside ±180° are not wrapped: they project beyond the map's edge, which the
/// antimeridian handling in the basemap and the arcs relies on never happening.
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let theta = (M * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Inverts [`equal_earth`]: (x, y) back to (longitude, latitude) in degrees, by Newton's method
/// on the polynomial in θ (it converges in a handful of steps; the round trip is exact to well
/// under 1e-9°). Returns `None` for points off the map (beyond the poles or the ±180° edges),
/// so a screen point over the ocean outside the map's outline has no coordinates.
pub fn equal_earth_inverse(x: f64, y: f64) -> Option<(f64, f64)> {
    if !x.is_finite() || !y.is_finite() || y.abs() > Y_MAX + 1e-12 {
        return None;
    }
    let y = y.clamp(-Y_MAX, Y_MAX);
    let mut theta = y;
    for _ in 0..20 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let step = f / df;
        theta -= step;
        if step.abs() < 1e-15 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let lambda = M * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
    if lambda.abs() > PI + 1e-9 {
        return None;
    }
    let lat = (theta.sin() / M).clamp(-1.0, 1.0).asin().to_degrees();
    Some((lambda.to_degrees().clamp(-180.0, 180.0), lat))
}

#[cfg(test)]
mod tests {
    use super::*;

    type Case = ((f64, f64), (f64, f64));

    /// Reference values from d3-geo 3.1's `geoEqualEarthRaw` (an independent implementation),
    /// copied as printed (17 significant digits).
    #[allow(clippy::excessive_precision)]
    const D3: &[Case] = &[
        ((0.0, 0.0), (0.0, 0.0)),
        ((180.0, 0.0), (2.706_629_983_696_074_8, 0.0)),
        ((0.0, 90.0), (0.0, 1.317_362_759_157_413_3)),
        ((-180.0, -90.0), (-1.603_588_648_284_051_6, -1.317_362_759_157_413_3)),
        ((45.0, 45.0), (0.579_927_249_551_491_77, 0.860_231_085_522_010_22)),
        ((-73.9857, 40.7484), (-0.981_368_869_120_863_3, 0.787_683_685_922_469_85)),
        ((126.978, 37.5665), (1.717_328_317_975_718_6, 0.731_588_709_291_304_71)),
        ((139.69, -35.5), (1.911_424_850_288_171_7, -0.694_412_535_890_358_34)),
        ((10.0, -60.0), (0.113_281_115_976_197_75, -1.088_300_835_505_319_4)),
    ];

    #[test]
    fn geo_projection_matches_reference_values() {
        for &((lon, lat), (x, y)) in D3 {
            let (px, py) = equal_earth(lon, lat);
            assert!(
                (px - x).abs() < 1e-12 && (py - y).abs() < 1e-12,
                "({lon},{lat}) → ({px},{py}), want ({x},{y})"
            );
        }
        assert_eq!(equal_earth(180.0, 0.0).0, X_MAX);
        assert_eq!(equal_earth(0.0, 90.0).1, Y_MAX);
    }

    #[test]
    fn geo_projection_round_trips_within_1e_9_degrees() {
        // A 1° grid including the edges and poles, plus 20 000 pseudo-random points.
        let mut points: Vec<(f64, f64)> = (0..=360)
            .flat_map(|i| (0..=180).map(move |j| (i as f64 - 180.0, j as f64 - 90.0)))
            .collect();
        let mut seed: u64 = 0x5eed;
        let mut next = || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..20_000 {
            points.push((next() * 360.0 - 180.0, next() * 180.0 - 90.0));
        }
        let mut worst: f64 = 0.0;
        for (lon, lat) in points {
            let (x, y) = equal_earth(lon, lat);
            let (lon2, lat2) = equal_earth_inverse(x, y).expect("on the map");
            // Equal Earth's poles are lines, so longitude survives even there.
            worst = worst.max((lat2 - lat).abs()).max((lon2 - lon).abs());
        }
        assert!(worst < 1e-9, "worst round-trip error {worst}°");
    }

    #[test]
    fn geo_projection_inverse_rejects_points_off_the_map() {
        assert_eq!(equal_earth_inverse(0.0, Y_MAX + 0.01), None);
        assert_eq!(equal_earth_inverse(X_MAX + 0.01, 0.0), None);
        // Beyond the curved edge at high latitude, though inside the bounding box.
        assert_eq!(equal_earth_inverse(X_MAX - 0.1, 1.2), None);
        assert_eq!(equal_earth_inverse(f64::NAN, 0.0), None);
        assert!(equal_earth_inverse(0.0, -Y_MAX).is_some());
    }
}
