//! Which node is under a point: a uniform grid over laid-out positions.
//!
//! A large graph drawn on a canvas has no element per node to receive the click, so the view
//! asks which node is nearest the pointer. A grid with about two nodes per cell answers in time
//! proportional to the nodes near the point, and is built in one pass over the positions each
//! time the layout changes (the Barnes-Hut quadtree of the layout is rebuilt every iteration
//! and holds cells of mass, not the nodes themselves).

use super::NodeIx;

/// Nodes per cell the grid aims for.
const PER_CELL: f32 = 2.0;
/// Most cells along one side, so a degenerate layout (all nodes on a line) stays small.
const MAX_SIDE: usize = 1024;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeGrid {
    x0: f32,
    y0: f32,
    cell: f32,
    cols: usize,
    rows: usize,
    /// Nodes of cell `c` are `items[start[c]..start[c + 1]]`.
    start: Vec<u32>,
    items: Vec<NodeIx>,
}

impl NodeGrid {
    /// The grid of `pos` (node `i` at `pos[i]`). Non-finite positions are left out.
    pub fn new(pos: &[(f32, f32)]) -> NodeGrid {
        let finite = |p: &&(f32, f32)| p.0.is_finite() && p.1.is_finite();
        let (mut x0, mut y0, mut x1, mut y1) = (f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY);
        let mut count = 0usize;
        for p in pos.iter().filter(finite) {
            x0 = x0.min(p.0);
            y0 = y0.min(p.1);
            x1 = x1.max(p.0);
            y1 = y1.max(p.1);
            count += 1;
        }
        if count == 0 {
            return NodeGrid::default();
        }
        let (w, h) = ((x1 - x0).max(1e-6), (y1 - y0).max(1e-6));
        let cell = ((w * h * PER_CELL) / count as f32).sqrt().max(w.max(h) / MAX_SIDE as f32);
        let cols = ((w / cell) as usize + 1).min(MAX_SIDE);
        let rows = ((h / cell) as usize + 1).min(MAX_SIDE);
        let mut grid = NodeGrid {
            x0,
            y0,
            cell,
            cols,
            rows,
            start: vec![0; cols * rows + 1],
            items: vec![0; count],
        };
        // Counting sort by cell: counts, prefix sums, then placement.
        let cells: Vec<Option<usize>> = pos.iter().map(|p| finite(&p).then(|| grid.cell_of(*p))).collect();
        for c in cells.iter().flatten() {
            grid.start[c + 1] += 1;
        }
        for c in 0..cols * rows {
            grid.start[c + 1] += grid.start[c];
        }
        let mut next = grid.start.clone();
        for (n, c) in cells.iter().enumerate() {
            if let Some(c) = c {
                grid.items[next[*c] as usize] = n as NodeIx;
                next[*c] += 1;
            }
        }
        grid
    }

    fn coord(&self, v: f32, origin: f32, side: usize) -> usize {
        (((v - origin) / self.cell).max(0.0) as usize).min(side - 1)
    }

    fn cell_of(&self, p: (f32, f32)) -> usize {
        self.coord(p.1, self.y0, self.rows) * self.cols + self.coord(p.0, self.x0, self.cols)
    }

    /// The node of `pos` (the positions the grid was built from) nearest `p` and at most
    /// `max_dist` from it; the lower index on a tie.
    pub fn nearest(&self, pos: &[(f32, f32)], p: (f32, f32), max_dist: f32) -> Option<NodeIx> {
        if self.items.is_empty() || max_dist.is_nan() || max_dist < 0.0 {
            return None;
        }
        let (cx0, cx1) = (
            self.coord(p.0 - max_dist, self.x0, self.cols),
            self.coord(p.0 + max_dist, self.x0, self.cols),
        );
        let (cy0, cy1) = (
            self.coord(p.1 - max_dist, self.y0, self.rows),
            self.coord(p.1 + max_dist, self.y0, self.rows),
        );
        let mut best: Option<(f32, NodeIx)> = None;
        for cy in cy0..=cy1 {
            for cx in cx0..=cx1 {
                let c = cy * self.cols + cx;
                for &n in &self.items[self.start[c] as usize..self.start[c + 1] as usize] {
                    let q = pos[n as usize];
                    let d = (q.0 - p.0).hypot(q.1 - p.1);
                    if d <= max_dist && best.is_none_or(|(bd, bn)| d < bd || (d == bd && n < bn)) {
                        best = Some((d, n));
                    }
                }
            }
        }
        best.map(|(_, n)| n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::generate::SplitMix64;

    /// The answer of a scan over every node, to check the grid against.
    fn brute(pos: &[(f32, f32)], p: (f32, f32), max_dist: f32) -> Option<NodeIx> {
        let mut best: Option<(f32, NodeIx)> = None;
        for (n, q) in pos.iter().enumerate() {
            let d = (q.0 - p.0).hypot(q.1 - p.1);
            if d <= max_dist && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, n as NodeIx));
            }
        }
        best.map(|(_, n)| n)
    }

    #[test]
    fn finds_the_same_node_as_a_full_scan() {
        let mut rng = SplitMix64::new(7);
        let pos: Vec<(f32, f32)> = (0..3_000)
            .map(|_| ((rng.next_f64() * 800.0 - 400.0) as f32, (rng.next_f64() * 300.0) as f32))
            .collect();
        let grid = NodeGrid::new(&pos);
        for _ in 0..2_000 {
            let p = (
                (rng.next_f64() * 900.0 - 450.0) as f32,
                (rng.next_f64() * 400.0 - 50.0) as f32,
            );
            let r = (rng.next_f64() * 30.0) as f32;
            assert_eq!(grid.nearest(&pos, p, r), brute(&pos, p, r), "at {p:?} within {r}");
        }
    }

    #[test]
    fn nothing_beyond_the_distance_and_nothing_in_an_empty_grid() {
        let pos = [(0.0, 0.0), (10.0, 0.0)];
        let grid = NodeGrid::new(&pos);
        assert_eq!(grid.nearest(&pos, (4.0, 0.0), 5.0), Some(0));
        assert_eq!(grid.nearest(&pos, (6.0, 0.0), 5.0), Some(1));
        assert_eq!(grid.nearest(&pos, (5.0, 8.0), 5.0), None);
        assert_eq!(NodeGrid::new(&[]).nearest(&[], (0.0, 0.0), 100.0), None);
    }

    #[test]
    fn a_single_point_and_a_line_of_points_work() {
        let one = [(3.0, 3.0)];
        assert_eq!(NodeGrid::new(&one).nearest(&one, (3.5, 3.0), 1.0), Some(0));
        let line: Vec<(f32, f32)> = (0..5_000).map(|i| (i as f32, 0.0)).collect();
        let grid = NodeGrid::new(&line);
        assert_eq!(grid.nearest(&line, (1234.2, 0.3), 2.0), Some(1234));
        assert_eq!(grid.nearest(&line, (f32::NAN, 0.0), 2.0), None);
    }
}
