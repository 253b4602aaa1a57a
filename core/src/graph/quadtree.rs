//! The Barnes-Hut quadtree behind the layout's repulsion.
//!
//! Repulsion acts between every pair of nodes, O(n²) per iteration if computed exactly. The
//! quadtree groups far-away nodes into cells and lets a node feel a whole cell as one mass at
//! its centre of mass when the cell looks small from the node (width / distance < θ), which
//! makes an iteration O(n log n). The tree is rebuilt every iteration into the same flat
//! buffers, so after the first iterations building it allocates nothing.

/// No body / no children.
const NONE: u32 = u32::MAX;

/// Below this depth cells keep splitting; at it, the bodies that still share a cell (nodes at
/// the same point, or closer than 2⁻²⁰ of the layout's width) are kept as a list and repel
/// each other exactly. It bounds the tree's depth whatever the positions.
const MAX_DEPTH: u32 = 20;

#[derive(Debug, Clone, Copy)]
struct Cell {
    x0: f32,
    y0: f32,
    size: f32,
    mass: f32,
    /// Mass-weighted sum of positions while building, centre of mass after [`QuadTree::build`].
    cx: f32,
    cy: f32,
    /// Index of the first of four consecutive children, or [`NONE`] for a leaf.
    children: u32,
    /// First body of a leaf's list (linked through [`QuadTree::next`]), or [`NONE`].
    head: u32,
}

#[derive(Debug, Default, Clone)]
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    /// Next body in the same leaf, per body.
    next: Vec<u32>,
    /// Traversal stack, kept between calls.
    stack: Vec<u32>,
}

impl QuadTree {
    /// Rebuild the tree over `pos` with masses `mass`, reusing the buffers.
    pub(crate) fn build(&mut self, pos: &[(f32, f32)], mass: &[f32]) {
        self.cells.clear();
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
        self.cells.push(Cell { x0, y0, size, mass: 0.0, cx: 0.0, cy: 0.0, children: NONE, head: NONE });
        for (b, (&p, &m)) in pos.iter().zip(mass).enumerate() {
            self.insert(b as u32, p, m, pos, mass);
        }
        for c in &mut self.cells {
            if c.mass > 0.0 {
                c.cx /= c.mass;
                c.cy /= c.mass;
            }
        }
    }

    fn insert(&mut self, body: u32, (x, y): (f32, f32), m: f32, pos: &[(f32, f32)], mass: &[f32]) {
        let mut c = 0usize;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            cell.mass += m;
            cell.cx += m * x;
            cell.cy += m * y;
            if cell.children != NONE {
                c = cell.children as usize + quadrant(cell, x, y);
                depth += 1;
                continue;
            }
            if cell.head == NONE {
                cell.head = body;
                return;
            }
            if depth >= MAX_DEPTH {
                self.next[body as usize] = cell.head;
                cell.head = body;
                return;
            }
            // Split: above MAX_DEPTH a leaf holds one body; move it down a level, then go on
            // inserting `body` into the child it falls in (whose mass the loop adds).
            let (cx0, cy0, half) = (cell.x0, cell.y0, cell.size * 0.5);
            let old = cell.head;
            cell.head = NONE;
            let first = self.cells.len() as u32;
            self.cells[c].children = first;
            for q in 0..4u32 {
                let (qx, qy) = ((q & 1) as f32, (q >> 1) as f32);
                self.cells.push(Cell {
                    x0: cx0 + qx * half,
                    y0: cy0 + qy * half,
                    size: half,
                    mass: 0.0,
                    cx: 0.0,
                    cy: 0.0,
                    children: NONE,
                    head: NONE,
                });
            }
            let (ox, oy) = pos[old as usize];
            let om = mass[old as usize];
            let oc = first as usize + quadrant(&self.cells[c], ox, oy);
            let child = &mut self.cells[oc];
            child.mass = om;
            child.cx = om * ox;
            child.cy = om * oy;
            child.head = old;
            c = first as usize + quadrant(&self.cells[c], x, y);
            depth += 1;
        }
    }

    /// The repulsion felt by body `i` at `p` with mass `m`: `kr · m · m' / d` from every other
    /// body (or cell seen under `theta`), pointing away from it.
    pub(crate) fn repulsion(&mut self, i: u32, p: (f32, f32), m: f32, kr: f32, theta: f32, pos: &[(f32, f32)], mass: &[f32]) -> (f32, f32) {
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        if self.cells.is_empty() {
            return (fx, fy);
        }
        let theta2 = theta * theta;
        let krm = kr * m;
        self.stack.clear();
        self.stack.push(0);
        while let Some(c) = self.stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.mass <= 0.0 {
                continue;
            }
            if cell.children == NONE {
                let mut b = cell.head;
                while b != NONE {
                    if b != i {
                        let q = pos[b as usize];
                        let (dx, dy) = pair_force(i, b, p.0 - q.0, p.1 - q.1, krm * mass[b as usize]);
                        fx += dx;
                        fy += dy;
                    }
                    b = self.next[b as usize];
                }
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
            } else {
                // Children pushed in reverse so they are visited in order 0..4: a fixed order
                // keeps float sums, and so positions, reproducible.
                for q in (0..4).rev() {
                    self.stack.push(cell.children + q);
                }
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
    // Coincident (or nearly): a direction that depends on the unordered pair, opposite for the
    // two bodies, so the pair's forces cancel like any other pair's.
    let (lo, hi) = (i.min(j) as u64, i.max(j) as u64);
    let angle = (super::generate::mix64(lo << 32 | hi) >> 40) as f32 * (std::f32::consts::TAU / (1u64 << 24) as f32);
    let sign = if i < j { 1.0 } else { -1.0 };
    let f = sign * k / MIN_DISTANCE;
    (angle.cos() * f, angle.sin() * f)
}
