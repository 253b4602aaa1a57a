//! The Barnes-Hut quadtree behind the layout's repulsion.
//!
//! Repulsion acts between every pair of nodes, O(n²) per iteration if computed exactly. The
//! quadtree groups far-away nodes into cells and lets a node feel a whole cell as one mass at
//! its centre of mass when the cell looks small from the node (width / distance < θ), which
//! makes an iteration O(n log n) (Barnes and Hut 1986).
//!
//! Built for speed and for reuse:
//! * the tree is rebuilt every iteration into the same flat buffers, so after the first
//!   iterations building it allocates nothing;
//! * leaves hold up to [`LEAF_SIZE`] bodies, copied next to each other with their masses, so
//!   the exact interactions at the bottom of the tree read contiguous memory;
//! * each cell stores where the walk goes when it does not enter the cell (`skip`), so a walk
//!   is a loop over an index with no stack;
//! * [`QuadTree::bodies_in_order`] lists the bodies leaf by leaf, and the layout computes
//!   forces in that order: consecutive nodes are neighbours in space and walk nearly the same
//!   cells, which stay in cache. Each node's force is computed on its own, so the order does
//!   not change the result.

/// No cell.
const NONE: u32 = u32::MAX;

/// Bodies a leaf holds before it splits. Larger leaves mean a shallower tree and more exact
/// pair interactions, which also read memory in order; 8 was faster than 4 and 16 on the
/// benchmark graphs.
pub(crate) const LEAF_SIZE: u32 = 8;

/// Below this depth overfull leaves split; at it, a leaf keeps however many bodies fall in it
/// (nodes at one point, or closer than 2⁻²⁰ of the layout's width). It bounds the tree's depth
/// whatever the positions.
const MAX_DEPTH: u32 = 20;

#[derive(Debug, Clone, Copy)]
struct Cell {
    x0: f32,
    y0: f32,
    size: f32,
    mass: f32,
    /// Centre of mass (set by `finish`).
    cx: f32,
    cy: f32,
    /// Index of the first of four consecutive children, or [`NONE`] for a leaf.
    children: u32,
    /// The cell the walk visits after this one and everything under it.
    skip: u32,
    /// A leaf's bodies: while building, the head of a list linked through `QuadTree::next`
    /// (`start`) and its length; after, a range of `QuadTree::leaf_bodies`.
    start: u32,
    len: u32,
}

impl Cell {
    fn leaf(x0: f32, y0: f32, size: f32) -> Cell {
        Cell {
            x0,
            y0,
            size,
            mass: 0.0,
            cx: 0.0,
            cy: 0.0,
            children: NONE,
            skip: NONE,
            start: NONE,
            len: 0,
        }
    }
}

/// A body as a leaf stores it.
#[derive(Debug, Clone, Copy)]
struct Body {
    x: f32,
    y: f32,
    mass: f32,
    id: u32,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    /// Next body in the same leaf while building, per body.
    next: Vec<u32>,
    /// The bodies leaf by leaf, in walk order.
    leaf_bodies: Vec<Body>,
    /// Cells to split while building.
    pending: Vec<(u32, u32)>,
}

impl QuadTree {
    /// Rebuild the tree over `pos` with masses `mass`, reusing the buffers.
    pub(crate) fn build(&mut self, pos: &[(f32, f32)], mass: &[f32]) {
        self.cells.clear();
        self.leaf_bodies.clear();
        self.next.clear();
        self.next.resize(pos.len(), NONE);
        if pos.is_empty() {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        // A square a little larger than the bounding box, never of zero width.
        let size = ((x1 - x0).max(y1 - y0) * 1.0001).max(1e-6);
        self.cells.push(Cell::leaf(x0, y0, size));
        for (b, &(x, y)) in pos.iter().enumerate() {
            self.insert(b as u32, x, y, pos);
        }
        self.finish(pos, mass);
    }

    /// Put a body in the leaf its position falls in. Masses are summed once all bodies are in,
    /// by [`finish`](Self::finish).
    fn insert(&mut self, body: u32, x: f32, y: f32, pos: &[(f32, f32)]) {
        let mut c = 0usize;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            if cell.children == NONE {
                self.next[body as usize] = cell.start;
                cell.start = body;
                cell.len += 1;
                if cell.len > LEAF_SIZE && depth < MAX_DEPTH {
                    self.split(c as u32, depth, pos);
                }
                return;
            }
            c = cell.children as usize + quadrant(cell, x, y);
            depth += 1;
        }
    }

    /// Turn an overfull leaf into four children sharing its bodies, and split those that are
    /// still overfull (all the bodies in one quarter).
    fn split(&mut self, c: u32, depth: u32, pos: &[(f32, f32)]) {
        self.pending.clear();
        self.pending.push((c, depth));
        while let Some((c, depth)) = self.pending.pop() {
            let first = self.cells.len() as u32;
            let parent = self.cells[c as usize];
            let half = parent.size * 0.5;
            for q in 0..4u32 {
                let (qx, qy) = ((q & 1) as f32, (q >> 1) as f32);
                self.cells
                    .push(Cell::leaf(parent.x0 + qx * half, parent.y0 + qy * half, half));
            }
            self.cells[c as usize].children = first;
            self.cells[c as usize].start = NONE;
            self.cells[c as usize].len = 0;
            let mut b = parent.start;
            while b != NONE {
                let after = self.next[b as usize];
                let (x, y) = pos[b as usize];
                let child = &mut self.cells[first as usize + quadrant(&parent, x, y)];
                self.next[b as usize] = child.start;
                child.start = b;
                child.len += 1;
                b = after;
            }
            for q in 0..4 {
                if self.cells[(first + q) as usize].len > LEAF_SIZE && depth + 1 < MAX_DEPTH {
                    self.pending.push((first + q, depth + 1));
                }
            }
        }
    }

    /// Recompute the masses of cells made by splits, centres of mass, skip links, and lay the
    /// bodies out leaf by leaf in walk order.
    fn finish(&mut self, pos: &[(f32, f32)], mass: &[f32]) {
        // Walk in depth-first order with the skip links, which are set from parent to child.
        self.cells[0].skip = NONE;
        let mut c = 0u32;
        while c != NONE {
            let cell = self.cells[c as usize];
            if cell.children != NONE {
                for q in 0..4 {
                    self.cells[(cell.children + q) as usize].skip = if q < 3 { cell.children + q + 1 } else { cell.skip };
                }
                c = cell.children;
                continue;
            }
            // A leaf: copy its bodies (in the order of their list, which insertion by increasing
            // id fixes).
            let start = self.leaf_bodies.len();
            let mut b = cell.start;
            while b != NONE {
                let (x, y) = pos[b as usize];
                self.leaf_bodies.push(Body {
                    x,
                    y,
                    mass: mass[b as usize],
                    id: b,
                });
                b = self.next[b as usize];
            }
            let leaf = &mut self.cells[c as usize];
            leaf.start = start as u32;
            leaf.len = (self.leaf_bodies.len() - start) as u32;
            c = cell.skip;
        }
        // Masses and centres, children before parents (children come after their parent).
        for i in (0..self.cells.len()).rev() {
            let cell = self.cells[i];
            let (mut m, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
            if cell.children == NONE {
                for b in &self.leaf_bodies[cell.start as usize..(cell.start + cell.len) as usize] {
                    m += b.mass;
                    sx += b.mass * b.x;
                    sy += b.mass * b.y;
                }
            } else {
                for q in 0..4 {
                    let child = &self.cells[(cell.children + q) as usize];
                    m += child.mass;
                    sx += child.mass * child.cx;
                    sy += child.mass * child.cy;
                }
            }
            let cell = &mut self.cells[i];
            cell.mass = m;
            (cell.cx, cell.cy) = if m > 0.0 { (sx / m, sy / m) } else { (0.0, 0.0) };
        }
    }

    /// The bodies leaf by leaf, in the order the walk meets them: nearby bodies together.
    pub(crate) fn bodies_in_order(&self) -> impl Iterator<Item = u32> + '_ {
        self.leaf_bodies.iter().map(|b| b.id)
    }

    /// The repulsion felt by body `i` at `p` with mass `m`: `kr · m · m' / d` from every other
    /// body (or cell seen under `theta`), pointing away from it.
    pub(crate) fn repulsion(&self, i: u32, p: (f32, f32), m: f32, kr: f32, theta: f32) -> (f32, f32) {
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let theta2 = theta * theta;
        let krm = kr * m;
        let mut c = if self.cells.is_empty() { NONE } else { 0 };
        while c != NONE {
            let cell = &self.cells[c as usize];
            if cell.children == NONE {
                for b in &self.leaf_bodies[cell.start as usize..(cell.start + cell.len) as usize] {
                    if b.id != i {
                        let (dx, dy) = pair_force(i, b.id, p.0 - b.x, p.1 - b.y, krm * b.mass);
                        fx += dx;
                        fy += dy;
                    }
                }
                c = cell.skip;
                continue;
            }
            let (dx, dy) = (p.0 - cell.cx, p.1 - cell.cy);
            let d2 = dx * dx + dy * dy;
            // A cell holding the node itself is always opened: its centre of mass includes the
            // node's own mass, which must not push the node.
            let inside = p.0 >= cell.x0 && p.0 <= cell.x0 + cell.size && p.1 >= cell.y0 && p.1 <= cell.y0 + cell.size;
            if !inside && cell.size * cell.size < theta2 * d2 {
                let f = krm * cell.mass / d2;
                fx += dx * f;
                fy += dy * f;
                c = cell.skip;
            } else {
                c = cell.children;
            }
        }
        (fx, fy)
    }

    #[cfg(test)]
    pub(crate) fn cell_capacity(&self) -> usize {
        self.cells.capacity()
    }
}

fn quadrant(cell: &Cell, x: f32, y: f32) -> usize {
    let half = cell.size * 0.5;
    usize::from(x >= cell.x0 + half) | (usize::from(y >= cell.y0 + half) << 1)
}

/// Bodies closer than this repel as if they were this far apart, along a direction fixed by
/// their indices, so that coincident nodes separate instead of producing an infinite force.
pub(crate) const MIN_DISTANCE: f32 = 0.01;

/// Repulsion on `i` from `j` at offset `(dx, dy) = p_i - p_j`, with `k = kr · m_i · m_j`:
/// magnitude `k / d`, away from `j`.
#[inline]
pub(crate) fn pair_force(i: u32, j: u32, dx: f32, dy: f32, k: f32) -> (f32, f32) {
    let d2 = dx * dx + dy * dy;
    if d2 >= MIN_DISTANCE * MIN_DISTANCE {
        let f = k / d2;
        return (dx * f, dy * f);
    }
    coincident_force(i, j, k)
}

/// The push between two bodies at (nearly) the same point: a direction that depends on the
/// unordered pair, opposite for the two bodies, so the pair's forces cancel like any other's.
#[cold]
fn coincident_force(i: u32, j: u32, k: f32) -> (f32, f32) {
    let (lo, hi) = (i.min(j) as u64, i.max(j) as u64);
    let angle = (super::generate::mix64(lo << 32 | hi) >> 40) as f32 * (std::f32::consts::TAU / (1u64 << 24) as f32);
    let sign = if i < j { 1.0 } else { -1.0 };
    let f = sign * k / MIN_DISTANCE;
    (angle.cos() * f, angle.sin() * f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_holds_every_body_once_with_the_total_mass() {
        let mut rng = crate::graph::generate::SplitMix64::new(3);
        let mut pos: Vec<(f32, f32)> = (0..500)
            .map(|_| (rng.next_f64() as f32 * 100.0, rng.next_f64() as f32 * 50.0))
            .collect();
        // Some coincident points, more than a leaf holds.
        pos.extend(std::iter::repeat_n((7.0, 7.0), 20));
        let mass: Vec<f32> = (0..pos.len()).map(|i| 1.0 + (i % 5) as f32).collect();
        let mut tree = QuadTree::default();
        for _ in 0..2 {
            tree.build(&pos, &mass);
            let mut ids: Vec<u32> = tree.bodies_in_order().collect();
            ids.sort_unstable();
            assert_eq!(ids, (0..pos.len() as u32).collect::<Vec<_>>());
            let total: f32 = mass.iter().sum();
            assert!((tree.cells[0].mass - total).abs() < 1e-3 * total);
            assert!(
                tree.cells
                    .iter()
                    .all(|c| c.children != NONE || c.len <= LEAF_SIZE || c.size < 1e-3)
            );
        }
    }
}
