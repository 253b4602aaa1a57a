//! Marker clustering: markers closer than a radius on screen are drawn as one cluster.
//!
//! Greedy and deterministic: markers are taken heaviest first (ties by id), each unclaimed one
//! seeds a cluster that claims every unclaimed marker within the radius of the seed. Distances
//! are measured in world units times the view's scale, so the result depends on the zoom only:
//! panning never regroups markers, and the same input always gives the same clusters in the
//! same order. Positions are never jittered; a cluster sits at its members' weighted centre.

use super::Viewport;
use rustc_hash::FxHashMap;

/// A thing to place on the map: `x`, `y` in world units (project with
/// [`super::projection::equal_earth`]), and a weight (e.g. its mention count) that decides
/// who seeds clusters and pulls their centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub id: u32,
    pub x: f64,
    pub y: f64,
    pub weight: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The weighted mean of the members' positions (plain mean if no member weighs anything).
    pub x: f64,
    pub y: f64,
    /// Member ids, the seed first, then in the same heaviest-first order.
    pub members: Vec<u32>,
    /// Sum of the members' weights.
    pub weight: f64,
}

impl Cluster {
    pub fn count(&self) -> usize {
        self.members.len()
    }
}

/// Groups markers lying less than `radius_px` apart (from their cluster's seed) in this view.
/// Clusters come heaviest seed first. Markers with non-finite positions are left out;
/// negative or non-finite weights count as 0.
pub fn cluster(markers: &[Marker], view: &Viewport, radius_px: f64) -> Vec<Cluster> {
    let weight = |m: &Marker| if m.weight.is_finite() { m.weight.max(0.0) } else { 0.0 };
    let mut order: Vec<usize> = (0..markers.len())
        .filter(|&i| markers[i].x.is_finite() && markers[i].y.is_finite())
        .collect();
    order.sort_by(|&a, &b| {
        weight(&markers[b])
            .total_cmp(&weight(&markers[a]))
            .then(markers[a].id.cmp(&markers[b].id))
            .then(a.cmp(&b))
    });
    let r = if radius_px.is_finite() {
        radius_px.max(0.0) / view.scale()
    } else {
        0.0
    };
    // A grid of cells the size of the radius: neighbours lie in the 3×3 cells around a seed.
    let cell = |v: f64| if r > 0.0 { (v / r).floor() as i64 } else { 0 };
    let mut grid: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    let mut rank = vec![usize::MAX; markers.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i] = k;
        grid.entry((cell(markers[i].x), cell(markers[i].y))).or_default().push(i);
    }
    let mut taken = vec![false; markers.len()];
    let mut out = Vec::new();
    for &seed in &order {
        if taken[seed] {
            continue;
        }
        let s = markers[seed];
        let mut members = vec![seed];
        taken[seed] = true;
        if r > 0.0 {
            let (cx, cy) = (cell(s.x), cell(s.y));
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for &j in grid.get(&(gx, gy)).map(Vec::as_slice).unwrap_or(&[]) {
                        let m = markers[j];
                        if !taken[j] && (m.x - s.x).hypot(m.y - s.y) < r {
                            taken[j] = true;
                            members.push(j);
                        }
                    }
                }
            }
        }
        members[1..].sort_by_key(|&j| rank[j]);
        let total: f64 = members.iter().map(|&j| weight(&markers[j])).sum();
        let (x, y) = if total > 0.0 {
            let w = |j: usize| weight(&markers[j]) / total;
            (
                members.iter().map(|&j| markers[j].x * w(j)).sum(),
                members.iter().map(|&j| markers[j].y * w(j)).sum(),
            )
        } else {
            let n = members.len() as f64;
            (
                members.iter().map(|&j| markers[j].x).sum::<f64>() / n,
                members.iter().map(|&j| markers[j].y).sum::<f64>() / n,
            )
        };
        out.push(Cluster {
            x,
            y,
            members: members.iter().map(|&j| markers[j].id).collect(),
            weight: total,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: u32, x: f64, y: f64, weight: f64) -> Marker {
        Marker { id, x, y, weight }
    }

    #[test]
    fn geo_cluster_groups_close_markers_by_weight_then_id() {
        let view = Viewport::new(1000.0, 500.0);
        let s = view.scale();
        let px = |p: f64| p / s;
        let markers = [
            m(1, 0.0, 0.0, 1.0),
            m(2, px(10.0), 0.0, 3.0), // heaviest: seeds the first cluster
            m(3, px(25.0), 0.0, 1.0), // 15 px from the seed
            m(4, px(200.0), 0.0, 1.0),
            m(5, px(200.0), px(4.0), 1.0),
        ];
        let clusters = cluster(&markers, &view, 20.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![2, 1, 3]);
        assert_eq!(clusters[0].count(), 3);
        assert_eq!(clusters[0].weight, 5.0);
        assert!(
            (clusters[0].x - px(11.0)).abs() < 1e-12,
            "weighted centre: (0 + 30 + 25) / 5 = 11 px"
        );
        assert_eq!(clusters[1].members, vec![4, 5], "equal weights: lower id seeds");
        // Zoomed in, they separate.
        let mut close = view;
        close.zoom = 4.0;
        assert_eq!(cluster(&markers, &close, 20.0).len(), 4);
        assert_eq!(cluster(&markers, &view, 0.0).len(), 5);
    }

    #[test]
    fn geo_cluster_is_deterministic_and_ignores_pan_and_input_order() {
        let mut markers: Vec<Marker> = (0..300u32)
            .map(|i| {
                m(
                    i,
                    ((i * 7919) % 1000) as f64 / 300.0 - 1.6,
                    ((i * 104729) % 700) as f64 / 400.0 - 0.9,
                    (i % 5) as f64,
                )
            })
            .collect();
        let mut view = Viewport::new(900.0, 500.0);
        view.zoom_at((450.0, 250.0), 2.0);
        let a = cluster(&markers, &view, 24.0);
        markers.reverse();
        let b = cluster(&markers, &view, 24.0);
        assert_eq!(a, b);
        view.pan(123.0, -45.0);
        assert_eq!(cluster(&markers, &view, 24.0), a);
        assert_eq!(a.iter().map(Cluster::count).sum::<usize>(), 300);
        assert!(a.len() < 300 && a.len() > 10, "{} clusters", a.len());
    }

    #[test]
    fn geo_cluster_handles_odd_input() {
        let view = Viewport::new(100.0, 100.0);
        assert!(cluster(&[], &view, 10.0).is_empty());
        let odd = [m(1, f64::NAN, 0.0, 1.0), m(2, 0.0, 0.0, f64::NAN), m(3, 0.0, 0.0, -1.0)];
        let c = cluster(&odd, &view, 10.0);
        assert_eq!(
            cluster(&odd, &view, f64::INFINITY).len(),
            2,
            "a nonsense radius clusters nothing"
        );
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].members.clone(), c[0].x, c[0].weight), (vec![2, 3], 0.0, 0.0));
    }
}
