//! ForceAtlas2 force-directed layout (Jacomy, Venturini, Heymann and Bastian 2014, "ForceAtlas2,
//! a continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6)), with
//! Barnes-Hut repulsion.
//!
//! Why ForceAtlas2: it is made for the graphs the explorer shows, scale-free with a few hubs and
//! a long tail, and for interaction. Its forces are simple (below), its adaptive speed settles
//! without a cooling schedule to tune per graph, and it is *continuous*: the UI can run it a
//! few iterations per frame, drag and pin nodes, or add nodes next to a settled layout and let
//! it move on from there, without restarting.
//!
//! The forces on a node `n` of mass `m(n) = degree(n) + 1`:
//!
//! * repulsion from every other node `n'`: `kr · m(n) · m(n') / d`. Weighting by degree pushes
//!   hubs apart and gives them room, so the leaves around each hub do not pile onto other hubs
//!   (the "(deg + 1)(deg + 1)" of the paper); the `+ 1` makes leaves and isolated nodes repel
//!   too. Far-away nodes are grouped by a Barnes-Hut quadtree (see `quadtree.rs`).
//! * attraction along each edge: `w^δ · d`, linear in distance. Linear attraction with `1 / d`
//!   repulsion is the (attraction, repulsion) = (1, -1) model whose layouts show the graph's
//!   communities as distinct groups (Noack 2009) while keeping a readable spread; `w` is the
//!   number of events between the two actors, so ties reported often pull harder.
//! * gravity toward the origin, so that disconnected groups (actors of unrelated stories) stay
//!   in view instead of drifting away under repulsion: `kg · m(n) · d` by default (the paper's
//!   "strong gravity"), or the constant `kg · m(n)` (see [`LayoutSettings::strong_gravity`]).
//!
//! Each iteration moves every node along its force, with ForceAtlas2's adaptive speeds: a
//! global speed raised while the nodes move consistently and cut when they oscillate ("swing"),
//! and a node's own speed lowered by its own swinging. Per the reference implementation
//! (Gephi's `ForceAtlas2.java`).
//!
//! Deterministic: initial positions come from a hash of the actor id and
//! [`LayoutSettings::seed`], nodes and quadtree cells are visited in a fixed order, and nothing
//! reads a clock or an entropy source. The arithmetic is IEEE single precision without fused
//! operations, so native and wasm builds compute the same positions.

use super::generate::mix64;
use super::quadtree::{QuadTree, pair_force};
use super::{ActorGraph, NodeIx};
use crate::model::ActorId;

/// Parameters of the layout. [`Default`] suits every graph size the explorer handles.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutSettings {
    /// `kr`, the repulsion's strength. It sets the scale of the drawing (distances grow as
    /// √kr) more than its shape. 2 is Gephi's value for graphs of 100 nodes and more.
    pub scaling: f32,
    /// `kg`, the pull toward the centre. With strong gravity, 0.1 puts isolated actors and
    /// small components just outside the big component (on a graph of 20 planted communities,
    /// at 1.1 times the distance of its outermost node) while grouping communities as well as
    /// constant gravity does (83% of the nodes nearest their own community's centre, against
    /// 84%); 1 squeezes the big component (77%).
    pub gravity: f32,
    /// Gravity proportional to the distance from the centre (`kg · m · d`) instead of constant
    /// (`kg · m`, Gephi's default). Under constant gravity an actor with no tie to the big
    /// component settles where the big component's repulsion, which grows with its total mass,
    /// equals the constant pull: at a distance proportional to the number of nodes, while the
    /// big component's radius grows as its square root. A corpus of 20,000 actors would show
    /// its isolated actors about ten radii away and the big component as a dot once the view is
    /// fitted to all nodes. Under strong gravity both distances grow as √n, so the picture
    /// keeps its proportions at every size.
    pub strong_gravity: bool,
    /// `δ`: attraction is `w^δ · d` for an edge of weight `w`. 1 lets the number of events
    /// count fully; 0 ignores weights; 0.5 softens a few very heavy ties.
    pub edge_weight_influence: f32,
    /// Divide an edge's attraction by its source's mass (the paper's "dissuade hubs", Gephi's
    /// "outbound attraction distribution"): hubs go to the centre of their leaves less, which
    /// puts authorities (actors many others act upon) in the middle and hubs on the edges.
    pub dissuade_hubs: bool,
    /// How much swinging the global speed tolerates; above 1 is faster and less precise.
    pub jitter_tolerance: f32,
    /// Barnes-Hut accuracy: a cell of width `s` at distance `d` is taken as one mass when
    /// `s / d < theta`. On the benchmark graphs 1.0 keeps the repulsion's error (summed over
    /// the nodes, relative to the exact forces) below 1%; Gephi's 1.2 doubles the error for
    /// about 10% less time, 0.8 saves a third of the error for 20% more. 0 computes every pair
    /// exactly.
    pub theta: f32,
    /// Graphs with fewer nodes compute repulsion exactly: for small graphs the n²/2 pairs cost
    /// less than building and walking the tree.
    pub exact_below: usize,
    /// Convergence threshold on the drift: the layout has settled when, over the last
    /// [`DRIFT_WINDOW`] iterations, nodes have moved on average less than `epsilon` times the
    /// drawing's radius per iteration (net, from where they were [`DRIFT_WINDOW`] iterations
    /// before; see [`StepStats::drift`]). At 5·10⁻⁴, on the benchmark graphs and on a graph of
    /// planted communities, the grouping of the drawing no longer improves: what moves after
    /// is the slow wandering of an equally good drawing, which stopping at 2·10⁻⁴ costs two to
    /// three times the iterations to reduce.
    pub epsilon: f32,
    /// Seed of the initial positions.
    pub seed: u64,
}

impl Default for LayoutSettings {
    fn default() -> LayoutSettings {
        LayoutSettings {
            scaling: 2.0,
            gravity: 0.1,
            strong_gravity: true,
            edge_weight_influence: 1.0,
            dissuade_hubs: false,
            jitter_tolerance: 1.0,
            theta: 1.0,
            exact_below: 200,
            epsilon: 5e-4,
            seed: 0x00e7_e7e0,
        }
    }
}

/// The lowest global speed (see `Layout::adjust_speed`).
const MIN_SPEED: f64 = 1e-6;

/// Iterations over which the drift is measured. ForceAtlas2 never stops moving altogether: its
/// nodes keep trembling around their place, some back and forth at every iteration, while
/// the drawing as a whole may still be slowly unfolding. The net movement over a window of
/// iterations sees the unfolding and not the trembling, which a per-iteration displacement
/// cannot tell apart.
pub const DRIFT_WINDOW: u32 = 25;

/// What one iteration did.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StepStats {
    /// Iterations run since the layout was made, this one included.
    pub iteration: u32,
    /// Mean distance moved by the nodes that are not pinned.
    pub mean_displacement: f32,
    /// [`mean_displacement`](Self::mean_displacement) over the drawing's radius (or over 1 if
    /// the radius is smaller).
    pub relative_displacement: f32,
    /// The drawing's radius: root mean square distance of the nodes to their centroid.
    pub radius: f32,
    /// The last measured drift: mean net movement of the unpinned nodes over the last
    /// [`DRIFT_WINDOW`] iterations, per iteration, over the radius (or over 1 if the radius is
    /// smaller). Infinite until a window has passed.
    pub drift: f32,
    /// ForceAtlas2's global swinging (mass-weighted change of the forces) and traction
    /// (mass-weighted consistent force); the global speed follows their ratio.
    pub swing: f64,
    pub traction: f64,
    pub speed: f64,
    pub converged: bool,
}

/// What [`Layout::run`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunReport {
    /// Iterations run by this call.
    pub iterations: u32,
    pub converged: bool,
    pub last: StepStats,
}

/// A layout in progress: positions, pins, and the state of the adaptive speed.
///
/// It copies what it needs from the graph (actors, masses, edges), so it can live in the UI's
/// state independently of the graph it was made from.
#[derive(Debug, Clone)]
pub struct Layout {
    settings: LayoutSettings,
    actors: Vec<ActorId>,
    pos: Vec<(f32, f32)>,
    mass: Vec<f32>,
    pinned: Vec<bool>,
    /// `(a, b, w^δ)` per edge.
    edges: Vec<(NodeIx, NodeIx, f32)>,
    /// The graph's edge weights, kept to recompute `w^δ` when the settings change.
    weights: Vec<f32>,
    force: Vec<(f32, f32)>,
    old_force: Vec<(f32, f32)>,
    tree: QuadTree,
    speed: f64,
    speed_efficiency: f64,
    iterations: u32,
    /// Positions at iteration `anchor_iteration`, the start of the current drift window.
    anchor: Vec<(f32, f32)>,
    anchor_iteration: u32,
    drift: f32,
    converged: bool,
    last: StepStats,
}

impl Layout {
    /// A layout of `graph` from seeded initial positions.
    pub fn new(graph: &ActorGraph, settings: LayoutSettings) -> Layout {
        Layout::with_initial(graph, settings, |_| None)
    }

    /// A layout of `graph` that starts from `previous`: actors it placed keep their positions
    /// and pins, new ones start next to their placed neighbours. This is how the explorer keeps
    /// the picture stable when it expands a node or changes the filter.
    pub fn warm_start(graph: &ActorGraph, settings: LayoutSettings, previous: &Layout) -> Layout {
        let mut layout = Layout::with_initial(graph, settings, |a| previous.position_of(a));
        for (n, &a) in graph.actors().iter().enumerate() {
            if let Some(p) = previous.node_of(a) {
                layout.pinned[n] = previous.pinned[p as usize];
            }
        }
        layout
    }

    /// A layout of `graph` with the positions `initial` gives by actor id. Actors it leaves out
    /// are placed near the mean of their already placed neighbours (breadth-first from the
    /// placed ones, so a chain of new actors unrolls from where it attaches), or, with no placed
    /// neighbour, at seeded positions over the area of the placed ones.
    pub fn with_initial(graph: &ActorGraph, settings: LayoutSettings, initial: impl Fn(ActorId) -> Option<(f32, f32)>) -> Layout {
        let n = graph.node_count();
        let actors = graph.actors().to_vec();
        let mut pos = vec![(0.0f32, 0.0f32); n];
        let mut placed = vec![false; n];
        let mut queue: Vec<NodeIx> = Vec::new();
        for (i, &a) in actors.iter().enumerate() {
            if let Some((x, y)) = initial(a).filter(|p| p.0.is_finite() && p.1.is_finite()) {
                pos[i] = (x, y);
                placed[i] = true;
                queue.push(i as NodeIx);
            }
        }
        let spread = if queue.is_empty() {
            initial_radius(n)
        } else {
            rms_radius(&pos, &placed).max(1.0)
        };
        // New nodes go at a fraction of the mean placed edge length from their neighbours, so
        // they start where they will end up, without landing on top of one another.
        let (mut len, mut count) = (0.0f64, 0u32);
        for e in graph.edges() {
            if placed[e.a as usize] && placed[e.b as usize] {
                let (p, q) = (pos[e.a as usize], pos[e.b as usize]);
                len += ((p.0 - q.0) as f64).hypot((p.1 - q.1) as f64);
                count += 1;
            }
        }
        let offset = if count > 0 {
            (0.5 * len / count as f64) as f32
        } else {
            0.1 * spread
        };
        let mut head = 0;
        while head < queue.len() {
            let u = queue[head];
            head += 1;
            for (v, _) in graph.neighbours(u) {
                if placed[v as usize] {
                    continue;
                }
                let (mut sx, mut sy, mut k) = (0.0f32, 0.0f32, 0.0f32);
                for (w, _) in graph.neighbours(v) {
                    if placed[w as usize] {
                        sx += pos[w as usize].0;
                        sy += pos[w as usize].1;
                        k += 1.0;
                    }
                }
                let (jx, jy) = hashed_point(actors[v as usize], settings.seed, offset);
                pos[v as usize] = (sx / k + jx, sy / k + jy);
                placed[v as usize] = true;
                queue.push(v);
            }
        }
        for i in 0..n {
            if !placed[i] {
                pos[i] = hashed_point(actors[i], settings.seed, spread);
            }
        }

        let mass = (0..n as NodeIx).map(|i| graph.degree(i) as f32 + 1.0).collect();
        let weights: Vec<f32> = graph.edges().iter().map(|e| e.weight).collect();
        let edges = graph.edges().iter().map(|e| (e.a, e.b, 0.0)).collect();
        let mut layout = Layout {
            settings,
            actors,
            pos,
            mass,
            pinned: vec![false; n],
            edges,
            weights,
            force: vec![(0.0, 0.0); n],
            old_force: vec![(0.0, 0.0); n],
            tree: QuadTree::default(),
            speed: 1.0,
            speed_efficiency: 1.0,
            iterations: 0,
            anchor: Vec::new(),
            anchor_iteration: 0,
            drift: f32::INFINITY,
            converged: n == 0,
            last: StepStats::default(),
        };
        layout.apply_edge_weights();
        layout.anchor.clone_from(&layout.pos);
        layout
    }

    fn apply_edge_weights(&mut self) {
        let delta = self.settings.edge_weight_influence;
        for (e, &w) in self.edges.iter_mut().zip(&self.weights) {
            e.2 = if delta == 1.0 {
                w
            } else if delta == 0.0 {
                1.0
            } else {
                w.powf(delta)
            };
        }
    }

    pub fn settings(&self) -> &LayoutSettings {
        &self.settings
    }

    /// Change the settings and let the layout move on from where it is.
    pub fn set_settings(&mut self, settings: LayoutSettings) {
        self.settings = settings;
        self.apply_edge_weights();
        self.reheat();
    }

    /// Positions by node index of the graph the layout was made from.
    pub fn positions(&self) -> &[(f32, f32)] {
        &self.pos
    }

    /// The actor of each node (the graph's node order).
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    pub fn node_of(&self, actor: ActorId) -> Option<NodeIx> {
        self.actors.binary_search(&actor).ok().map(|i| i as NodeIx)
    }

    pub fn position_of(&self, actor: ActorId) -> Option<(f32, f32)> {
        self.node_of(actor).map(|n| self.pos[n as usize])
    }

    /// The bounding box `(min x, min y, max x, max y)`, for fitting the view; `None` without
    /// nodes.
    pub fn bounds(&self) -> Option<(f32, f32, f32, f32)> {
        let first = *self.pos.first()?;
        Some(self.pos.iter().fold((first.0, first.1, first.0, first.1), |b, &(x, y)| {
            (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
        }))
    }

    /// Fix a node at `p` (the user drags or drops it): it keeps acting on the others but no
    /// longer moves. The layout resumes if it had settled.
    pub fn pin(&mut self, n: NodeIx, p: (f32, f32)) {
        if p.0.is_finite() && p.1.is_finite() {
            self.pos[n as usize] = p;
        }
        self.pinned[n as usize] = true;
        self.reheat();
    }

    /// Let a pinned node move again.
    pub fn unpin(&mut self, n: NodeIx) {
        self.pinned[n as usize] = false;
        self.reheat();
    }

    pub fn is_pinned(&self, n: NodeIx) -> bool {
        self.pinned[n as usize]
    }

    /// Move a node without pinning it.
    pub fn set_position(&mut self, n: NodeIx, p: (f32, f32)) {
        if p.0.is_finite() && p.1.is_finite() {
            self.pos[n as usize] = p;
            self.reheat();
        }
    }

    /// Mark the layout as unsettled and restart the adaptive speed from its initial value, so
    /// that a change (a dragged node) is absorbed gently rather than at the high speed a
    /// settled layout reaches.
    pub fn reheat(&mut self) {
        self.converged = self.pos.is_empty();
        self.anchor.clone_from(&self.pos);
        self.anchor_iteration = self.iterations;
        self.drift = f32::INFINITY;
        self.speed = 1.0;
        self.speed_efficiency = 1.0;
    }

    pub fn is_converged(&self) -> bool {
        self.converged
    }

    /// Iterations run since the layout was made.
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// The statistics of the last iteration.
    pub fn last_step(&self) -> StepStats {
        self.last
    }

    /// Run iterations until the layout settles or `max_iters` have run.
    pub fn run(&mut self, max_iters: u32) -> RunReport {
        let mut report = RunReport {
            iterations: 0,
            converged: self.converged,
            last: self.last,
        };
        while !report.converged && report.iterations < max_iters {
            report.last = self.step();
            report.iterations += 1;
            report.converged = report.last.converged;
        }
        report
    }

    /// One iteration: compute the forces, adapt the speed, move the nodes.
    pub fn step(&mut self) -> StepStats {
        self.iterations += 1;
        let n = self.pos.len();
        if n == 0 {
            self.converged = true;
            self.last = StepStats {
                iteration: self.iterations,
                converged: true,
                ..StepStats::default()
            };
            return self.last;
        }
        std::mem::swap(&mut self.force, &mut self.old_force);
        self.force.fill((0.0, 0.0));
        self.repulsion();
        self.gravity();
        self.attraction();

        // Global swinging and traction (Gephi's ForceAtlas2.java). Accumulated in f64: they sum
        // thousands of terms of different magnitudes.
        let (mut swing, mut traction) = (0.0f64, 0.0f64);
        let mut movable = 0u32;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            movable += 1;
            let ((fx, fy), (ox, oy)) = (self.force[i], self.old_force[i]);
            let m = self.mass[i] as f64;
            swing += m * ((ox - fx) as f64).hypot((oy - fy) as f64);
            traction += m * 0.5 * ((ox + fx) as f64).hypot((oy + fy) as f64);
        }
        self.adjust_speed(swing, traction, n);

        // Move each node, slowed by its own swinging.
        let speed = self.speed;
        let mut moved = 0.0f64;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let ((fx, fy), (ox, oy)) = (self.force[i], self.old_force[i]);
            let node_swing = self.mass[i] as f64 * ((ox - fx) as f64).hypot((oy - fy) as f64);
            let factor = (speed / (1.0 + (speed * node_swing).sqrt())) as f32;
            let (dx, dy) = (fx * factor, fy * factor);
            if dx.is_finite() && dy.is_finite() {
                let (x, y) = (self.pos[i].0 + dx, self.pos[i].1 + dy);
                if x.is_finite() && y.is_finite() {
                    self.pos[i] = (x, y);
                    moved += (dx as f64).hypot(dy as f64);
                }
            }
        }

        let radius = rms_radius(&self.pos, &[]);
        // Movements are measured against the radius, or against 1 for a drawing smaller than
        // that (one node, nodes at one point), where a relative movement means nothing.
        let scale = radius.max(1.0);
        let mean = if movable > 0 { (moved / movable as f64) as f32 } else { 0.0 };
        let relative = mean / scale;
        if self.iterations - self.anchor_iteration >= DRIFT_WINDOW {
            let mut net = 0.0f64;
            for i in 0..n {
                if !self.pinned[i] {
                    let (p, q) = (self.pos[i], self.anchor[i]);
                    net += ((p.0 - q.0) as f64).hypot((p.1 - q.1) as f64);
                }
            }
            let per_iteration = net / movable.max(1) as f64 / (self.iterations - self.anchor_iteration) as f64;
            self.drift = (per_iteration / scale as f64) as f32;
            self.anchor.copy_from_slice(&self.pos);
            self.anchor_iteration = self.iterations;
            self.converged = self.drift < self.settings.epsilon;
        }
        self.converged |= movable == 0;
        self.last = StepStats {
            iteration: self.iterations,
            mean_displacement: mean,
            relative_displacement: relative,
            radius,
            drift: self.drift,
            swing,
            traction,
            speed,
            converged: self.converged,
        };
        self.last
    }

    /// ForceAtlas2's global speed: aim at a speed where the swinging is a tolerated fraction of
    /// the traction, lower it at once when the nodes oscillate, raise it by at most half per
    /// iteration. The constants are those of the reference implementation.
    fn adjust_speed(&mut self, swing: f64, traction: f64, n: usize) {
        let n = n as f64;
        let estimated = 0.05 * n.sqrt();
        let min_jt = estimated.sqrt();
        let max_jt = 10.0f64;
        let base = self.settings.jitter_tolerance as f64;
        let mut jt = base * min_jt.max(max_jt.min(estimated * traction / (n * n)));
        let min_efficiency = 0.05;
        if traction > 0.0 && swing / traction > 2.0 {
            if self.speed_efficiency > min_efficiency {
                self.speed_efficiency *= 0.5;
            }
            jt = jt.max(base);
        }
        let max_rise = 0.5;
        if swing <= 0.0 || !traction.is_finite() {
            // Nothing swings (no force at all, or forces that did not change): nothing to adapt
            // to, and the target below would be infinite.
            return;
        }
        let target = jt * self.speed_efficiency * traction / swing;
        if swing > jt * traction {
            if self.speed_efficiency > min_efficiency {
                self.speed_efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.speed_efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(max_rise * self.speed);
        // A speed of 0 could never rise again (each rise is a fraction of the speed): Gephi's
        // layout stalls there when the traction vanishes. Keep a floor it recovers from in a few
        // dozen iterations.
        self.speed = self.speed.max(MIN_SPEED);
    }

    fn repulsion(&mut self) {
        let n = self.pos.len();
        let kr = self.settings.scaling;
        if self.settings.theta <= 0.0 || n < self.settings.exact_below {
            self.exact_repulsion(kr);
            return;
        }
        self.tree.build(&self.pos, &self.mass);
        let theta = self.settings.theta;
        // Nodes in tree order: consecutive nodes are close and walk the same cells.
        for i in self.tree.bodies_in_order() {
            let i = i as usize;
            if self.pinned[i] {
                continue;
            }
            let (fx, fy) = self.tree.repulsion(i as u32, self.pos[i], self.mass[i], kr, theta);
            self.force[i].0 += fx;
            self.force[i].1 += fy;
        }
    }

    fn exact_repulsion(&mut self, kr: f32) {
        let n = self.pos.len();
        for i in 0..n {
            let (p, m) = (self.pos[i], self.mass[i]);
            let (mut fx, mut fy) = (0.0f32, 0.0f32);
            for j in i + 1..n {
                let q = self.pos[j];
                let (dx, dy) = pair_force(i as u32, j as u32, p.0 - q.0, p.1 - q.1, kr * m * self.mass[j]);
                fx += dx;
                fy += dy;
                self.force[j].0 -= dx;
                self.force[j].1 -= dy;
            }
            self.force[i].0 += fx;
            self.force[i].1 += fy;
        }
    }

    fn gravity(&mut self) {
        let kg = self.settings.gravity;
        for (i, &(x, y)) in self.pos.iter().enumerate() {
            let d = (x * x + y * y).sqrt();
            if d <= 0.0 {
                continue;
            }
            let f = if self.settings.strong_gravity {
                kg * self.mass[i]
            } else {
                kg * self.mass[i] / d
            };
            self.force[i].0 -= x * f;
            self.force[i].1 -= y * f;
        }
    }

    fn attraction(&mut self) {
        // With hubs dissuaded, a hub's edges pull by 1/mass each; Gephi multiplies by the mean
        // mass to keep the overall attraction comparable.
        let compensation = if self.settings.dissuade_hubs {
            self.mass.iter().map(|&m| m as f64).sum::<f64>() as f32 / self.mass.len() as f32
        } else {
            1.0
        };
        for &(a, b, w) in &self.edges {
            let (a, b) = (a as usize, b as usize);
            let (p, q) = (self.pos[a], self.pos[b]);
            let (dx, dy) = (p.0 - q.0, p.1 - q.1);
            let f = if self.settings.dissuade_hubs {
                compensation * w / self.mass[a]
            } else {
                w
            };
            self.force[a].0 -= dx * f;
            self.force[a].1 -= dy * f;
            self.force[b].0 += dx * f;
            self.force[b].1 += dy * f;
        }
    }

    /// Repulsion alone, exact or by the quadtree, for the tests.
    #[cfg(test)]
    fn repulsion_forces(&mut self, exact: bool) -> Vec<(f32, f32)> {
        self.force.fill((0.0, 0.0));
        if exact {
            self.exact_repulsion(self.settings.scaling);
        } else {
            let saved = self.settings.exact_below;
            self.settings.exact_below = 0;
            self.repulsion();
            self.settings.exact_below = saved;
        }
        self.force.clone()
    }
}

/// About the radius (root mean square distance to the centroid) ForceAtlas2 settles to with
/// the default settings, measured on the generated graphs: 4.2 √n. Starting at that size, the
/// first iterations do not spend themselves expanding or collapsing the cloud.
fn settled_radius(n: usize) -> f32 {
    4.2 * (n.max(1) as f32).sqrt()
}

/// The radius of the disc seeded positions fill for `n` nodes: a uniform disc of radius R has
/// a root mean square radius of R / √2.
fn initial_radius(n: usize) -> f32 {
    std::f32::consts::SQRT_2 * settled_radius(n)
}

/// A point of the disc of radius `r` around the origin, from a hash of the actor id and seed
/// (uniform over the disc's area).
fn hashed_point(actor: ActorId, seed: u64, r: f32) -> (f32, f32) {
    let h = mix64(seed ^ mix64(actor as u64 ^ 0x005e_ed0f_ac70));
    let u = (h >> 40) as f32 / (1u64 << 24) as f32;
    let v = (h & 0xff_ffff) as f32 / (1u64 << 24) as f32;
    let (s, c) = (v * std::f32::consts::TAU).sin_cos();
    let rr = r * u.sqrt();
    (rr * c, rr * s)
}

/// Root mean square distance to the centroid of the positions (those marked in `only`, or all
/// if it is empty).
fn rms_radius(pos: &[(f32, f32)], only: &[bool]) -> f32 {
    let keep = |i: usize| only.is_empty() || only[i];
    let (mut sx, mut sy, mut k) = (0.0f64, 0.0f64, 0.0f64);
    for (i, &(x, y)) in pos.iter().enumerate() {
        if keep(i) {
            sx += x as f64;
            sy += y as f64;
            k += 1.0;
        }
    }
    if k == 0.0 {
        return 0.0;
    }
    let (cx, cy) = (sx / k, sy / k);
    let mut s2 = 0.0f64;
    for (i, &(x, y)) in pos.iter().enumerate() {
        if keep(i) {
            s2 += (x as f64 - cx).powi(2) + (y as f64 - cy).powi(2);
        }
    }
    (s2 / k).sqrt() as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::generate::scale_free;

    fn centroid(pos: &[(f32, f32)], nodes: impl Iterator<Item = usize>) -> (f32, f32) {
        let (mut x, mut y, mut k) = (0.0, 0.0, 0.0);
        for i in nodes {
            x += pos[i].0;
            y += pos[i].1;
            k += 1.0;
        }
        (x / k, y / k)
    }

    fn dist(p: (f32, f32), q: (f32, f32)) -> f32 {
        (p.0 - q.0).hypot(p.1 - q.1)
    }

    fn all_finite(l: &Layout) -> bool {
        l.positions().iter().all(|p| p.0.is_finite() && p.1.is_finite())
    }

    #[test]
    fn same_input_same_positions() {
        let g = scale_free(600, 2000, 5);
        let run = || {
            let mut l = Layout::new(&g, LayoutSettings::default());
            l.run(300);
            l.positions().to_vec()
        };
        let (a, b) = (run(), run());
        assert!(
            a.iter()
                .zip(&b)
                .all(|(p, q)| p.0.to_bits() == q.0.to_bits() && p.1.to_bits() == q.1.to_bits())
        );
        let mut other = Layout::new(
            &g,
            LayoutSettings {
                seed: 99,
                ..LayoutSettings::default()
            },
        );
        other.run(300);
        assert_ne!(a, other.positions());
    }

    #[test]
    fn barnes_hut_agrees_with_exact_repulsion() {
        let g = scale_free(300, 900, 11);
        for (theta, tolerance) in [(0.5, 0.005), (1.0, 0.02), (1.2, 0.035)] {
            let mut l = Layout::new(
                &g,
                LayoutSettings {
                    theta,
                    ..LayoutSettings::default()
                },
            );
            l.run(50); // A layout with structure, not only the seeded disc.
            let exact = l.repulsion_forces(true);
            let approx = l.repulsion_forces(false);
            // Error relative to the force's magnitude, summed over the nodes.
            let (mut err, mut norm) = (0.0f64, 0.0f64);
            for (e, a) in exact.iter().zip(&approx) {
                err += ((e.0 - a.0) as f64).hypot((e.1 - a.1) as f64);
                norm += (e.0 as f64).hypot(e.1 as f64);
            }
            let relative = err / norm;
            assert!(relative < tolerance, "theta {theta}: relative error {relative}");
        }
    }

    fn clique(n: u32, offset: u32) -> Vec<(u32, u32, f32)> {
        let mut e = Vec::new();
        for i in 0..n {
            for j in i + 1..n {
                e.push((offset + i, offset + j, 1.0));
            }
        }
        e
    }

    #[test]
    fn disconnected_cliques_separate() {
        let mut edges = clique(8, 0);
        edges.extend(clique(8, 8));
        let g = ActorGraph::from_edges(16, &edges);
        for theta in [0.0, 1.0] {
            let mut l = Layout::new(
                &g,
                LayoutSettings {
                    theta,
                    exact_below: 0,
                    ..LayoutSettings::default()
                },
            );
            let report = l.run(5_000);
            assert!(report.converged, "theta {theta}: {report:?}");
            let p = l.positions();
            let (ca, cb) = (centroid(p, 0..8), centroid(p, 8..16));
            let spread = |c, r: std::ops::Range<usize>| r.map(|i| dist(p[i], c)).fold(0.0f32, f32::max);
            let (ra, rb) = (spread(ca, 0..8), spread(cb, 8..16));
            // Every node is nearer its own clique's centre than the other clique's, and the
            // cliques' discs do not overlap.
            assert!(
                dist(ca, cb) > ra + rb,
                "theta {theta}: centres {} apart, radii {ra} {rb}",
                dist(ca, cb)
            );
        }
    }

    /// Four groups of 40 nodes, each node linked to about 6 others of its group, and 12 edges
    /// between groups.
    fn communities() -> (ActorGraph, Vec<usize>) {
        let mut rng = crate::graph::generate::SplitMix64::new(17);
        let (groups, size) = (4u32, 40u32);
        let mut edges = Vec::new();
        for g in 0..groups {
            for _ in 0..size * 3 {
                let (a, b) = (rng.below(size as u64) as u32, rng.below(size as u64) as u32);
                edges.push((g * size + a, g * size + b, 1.0));
            }
        }
        for _ in 0..12 {
            let (a, b) = (
                rng.below((groups * size) as u64) as u32,
                rng.below((groups * size) as u64) as u32,
            );
            edges.push((a, b, 1.0));
        }
        let g = ActorGraph::from_edges(groups * size, &edges);
        (g, (0..(groups * size) as usize).map(|i| i / size as usize).collect())
    }

    #[test]
    fn communities_come_out_as_groups() {
        let (g, group) = communities();
        for theta in [0.0, 1.0] {
            let mut l = Layout::new(
                &g,
                LayoutSettings {
                    theta,
                    exact_below: 0,
                    ..LayoutSettings::default()
                },
            );
            assert!(l.run(5_000).converged);
            let p = l.positions();
            let centres: Vec<(f32, f32)> = (0..4).map(|k| centroid(p, (0..p.len()).filter(|&i| group[i] == k))).collect();
            let nearest_own = (0..p.len())
                .filter(|&i| (0..4).all(|k| k == group[i] || dist(p[i], centres[group[i]]) < dist(p[i], centres[k])))
                .count();
            assert!(
                nearest_own as f32 >= 0.95 * p.len() as f32,
                "theta {theta}: {nearest_own} of {} nearest their group",
                p.len()
            );
            // Edges are short: well under the distance between random nodes.
            let linked = g.edges().iter().map(|e| dist(p[e.a as usize], p[e.b as usize])).sum::<f32>() / g.edge_count() as f32;
            let mut rng = crate::graph::generate::SplitMix64::new(1);
            let n = p.len() as u64;
            let random = (0..2000)
                .map(|_| dist(p[rng.below(n) as usize], p[rng.below(n) as usize]))
                .sum::<f32>()
                / 2000.0;
            assert!(linked * 2.0 < random, "theta {theta}: linked {linked}, random pairs {random}");
        }
    }

    #[test]
    fn degenerate_inputs_stay_finite() {
        let settings = LayoutSettings::default();
        // No nodes.
        let empty = ActorGraph::from_edges(0, &[]);
        let mut l = Layout::new(&empty, settings.clone());
        assert!(l.is_converged());
        assert!(l.run(10).converged);
        assert_eq!(l.step().mean_displacement, 0.0);
        assert_eq!(l.bounds(), None);
        // One node, with a self loop (dropped).
        let one = ActorGraph::from_edges(1, &[(0, 0, 5.0)]);
        let mut l = Layout::new(&one, settings.clone());
        assert!(l.run(1_000).converged);
        assert!(all_finite(&l));
        // Every node at the same point, exact and Barnes-Hut.
        let g = ActorGraph::from_edges(300, &[(0, 1, 1.0), (1, 2, 1.0), (5, 5, 1.0)]);
        for exact_below in [0, 1_000] {
            let mut l = Layout::with_initial(
                &g,
                LayoutSettings {
                    exact_below,
                    ..settings.clone()
                },
                |_| Some((3.0, 3.0)),
            );
            for _ in 0..200 {
                let s = l.step();
                assert!(s.mean_displacement.is_finite() && s.speed.is_finite() && s.speed > 0.0);
            }
            assert!(all_finite(&l));
            let p = l.positions();
            assert!(dist(p[0], p[1]) > 0.0 && dist(p[7], p[8]) > 0.0);
        }
        // Two coincident nodes with zero-weight and heavy edges, no gravity.
        let g = ActorGraph::from_edges(3, &[(0, 1, 0.0), (1, 2, 1e6)]);
        let mut l = Layout::with_initial(
            &g,
            LayoutSettings {
                gravity: 0.0,
                ..settings.clone()
            },
            |_| Some((0.0, 0.0)),
        );
        l.run(500);
        assert!(all_finite(&l));
        // Non-finite initial positions are ignored.
        let mut l = Layout::with_initial(&g, settings, |_| Some((f32::NAN, 1.0)));
        l.run(100);
        assert!(all_finite(&l));
    }

    #[test]
    fn every_option_settles() {
        let (g, _) = communities();
        let base = LayoutSettings::default();
        for settings in [
            LayoutSettings {
                strong_gravity: false,
                gravity: 1.0,
                ..base.clone()
            },
            LayoutSettings {
                dissuade_hubs: true,
                ..base.clone()
            },
            LayoutSettings {
                edge_weight_influence: 0.5,
                ..base.clone()
            },
            LayoutSettings {
                edge_weight_influence: 0.0,
                jitter_tolerance: 2.0,
                ..base.clone()
            },
            LayoutSettings {
                theta: 0.0,
                ..base.clone()
            },
        ] {
            let mut l = Layout::new(&g, settings.clone());
            let report = l.run(5_000);
            assert!(report.converged && all_finite(&l), "{settings:?}: {report:?}");
            // Changing the settings resumes the layout from where it is.
            l.set_settings(base.clone());
            assert!(!l.is_converged());
            assert!(l.run(5_000).converged);
        }
    }

    #[test]
    fn pinned_nodes_stay_and_others_settle_around_them() {
        let g = scale_free(50, 100, 8);
        let mut l = Layout::new(&g, LayoutSettings::default());
        l.run(2_000);
        assert!(l.is_converged());
        // Drag node 0 out to twice the radius and drop it there.
        let to = (2.0 * l.last_step().radius, 0.0);
        let neighbours: Vec<usize> = g.neighbours(0).map(|(m, _)| m as usize).collect();
        let before = dist(centroid(l.positions(), neighbours.iter().copied()), to);
        l.pin(0, to);
        assert!(!l.is_converged());
        assert!(l.is_pinned(0));
        let report = l.run(3_000);
        assert!(report.converged);
        assert_eq!(l.positions()[0], to);
        // Its neighbours followed it.
        let after = dist(centroid(l.positions(), neighbours.iter().copied()), to);
        assert!(after < 0.8 * before, "neighbours {before} then {after} from the pinned node");
        l.unpin(0);
        assert!(!l.is_pinned(0));
        l.run(3_000);
        assert_ne!(l.positions()[0], to);
    }

    #[test]
    fn warm_start_keeps_placed_nodes_and_puts_new_ones_nearby() {
        let (g, _) = communities();
        // Show the neighbourhood of node 5, lay it out, pin one node.
        let shown = g.ego(5, 2, |_| true).node_set();
        let small = g.induced(&shown);
        let mut first = Layout::new(&small, LayoutSettings::default());
        assert!(first.run(5_000).converged);
        let pinned = small.actor(1);
        first.pin(1, first.positions()[1]);
        first.run(5_000);
        // Expand one of its nodes.
        let mut visible = shown.clone();
        let expanded = shown
            .iter()
            .copied()
            .find(|&n| g.expand(&mut visible.clone(), n, |_| true).len() >= 3)
            .unwrap();
        let added = g.expand(&mut visible, expanded, |_| true);
        let big = g.induced(&visible);
        let mut second = Layout::warm_start(&big, LayoutSettings::default(), &first);
        for &a in small.actors() {
            assert_eq!(second.position_of(a), first.position_of(a));
        }
        assert!(second.is_pinned(second.node_of(pinned).unwrap()));
        // New nodes start around the mean of their shown neighbours (the expanded node among
        // them), within a fraction of the drawing.
        let radius = first.last_step().radius;
        for &n in &added {
            let placed: Vec<(f32, f32)> = g.neighbours(n).filter_map(|(m, _)| first.position_of(g.actor(m))).collect();
            assert!(placed.contains(&first.position_of(g.actor(expanded)).unwrap()));
            let mean = centroid(&placed, 0..placed.len());
            let p = second.position_of(g.actor(n)).unwrap();
            assert!(
                dist(p, mean) < 0.5 * radius,
                "new node {n} starts {} from its neighbours (radius {radius})",
                dist(p, mean)
            );
        }
        // Settled again, the old nodes keep their arrangement, better than from a cold start.
        assert!(second.run(5_000).converged);
        assert_eq!(second.position_of(pinned), first.position_of(pinned));
        let mut cold = Layout::new(&big, LayoutSettings::default());
        cold.run(5_000);
        // Compared as the view shows them, fitted to the window: centred and scaled alike.
        let fitted = |l: &Layout| -> Vec<(f32, f32)> {
            let p: Vec<(f32, f32)> = small.actors().iter().map(|&a| l.position_of(a).unwrap()).collect();
            let c = centroid(&p, 0..p.len());
            let r = (p.iter().map(|q| dist(*q, c).powi(2)).sum::<f32>() / p.len() as f32).sqrt();
            p.iter().map(|q| ((q.0 - c.0) / r, (q.1 - c.1) / r)).collect()
        };
        let moved =
            |l: &Layout| fitted(l).iter().zip(fitted(&first)).map(|(p, q)| dist(*p, q)).sum::<f32>() / small.node_count() as f32;
        let (warm, cold) = (moved(&second), moved(&cold));
        // (A cold start keeps some of the picture too: it seeds each actor's position from its
        // id, so the old actors start where they started the first time.)
        assert!(
            warm < 0.3 && warm < cold,
            "old nodes moved {warm} (warm start), {cold} (cold start) of the radius"
        );
    }

    #[test]
    fn iterations_reuse_the_quadtree() {
        let g = scale_free(2_000, 6_000, 4);
        let mut l = Layout::new(&g, LayoutSettings::default());
        l.run(20);
        let capacity = l.tree.cell_capacity();
        assert!(capacity > 0);
        l.run(30);
        // The tree's buffers grow only if the tree needs more cells than ever before.
        assert!(l.tree.cell_capacity() <= 2 * capacity);
    }

    /// Settling times for the benchmark sizes: iterations and time until the drift first falls
    /// below a few thresholds, the default [`LayoutSettings::epsilon`] among them. Run with
    /// `cargo test -p entente-core --release settle_timings -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn settle_timings() {
        let thresholds = [1e-3f32, LayoutSettings::default().epsilon, 2e-4];
        for (n, m) in [(1_000u32, 4_000usize), (5_000, 20_000), (20_000, 80_000)] {
            let g = scale_free(n, m, 2014);
            let t = std::time::Instant::now();
            let mut l = Layout::new(
                &g,
                LayoutSettings {
                    epsilon: 0.0,
                    ..LayoutSettings::default()
                },
            );
            let mut reached = vec![None; thresholds.len()];
            while reached.iter().any(Option::is_none) && l.iterations() < 5_000 {
                let s = l.step();
                for (k, &eps) in thresholds.iter().enumerate() {
                    if reached[k].is_none() && s.drift < eps {
                        reached[k] = Some((s.iteration, t.elapsed().as_secs_f64() * 1e3, s.radius));
                    }
                }
            }
            let per = t.elapsed().as_secs_f64() * 1e3 / l.iterations() as f64;
            for (eps, r) in thresholds.iter().zip(&reached) {
                match r {
                    Some((it, ms, radius)) => {
                        println!("{n} nodes / {m} edges, drift < {eps}: {it} iterations, {ms:.0} ms (radius {radius:.0})")
                    }
                    None => println!("{n} nodes / {m} edges, drift < {eps}: not within 5000 iterations"),
                }
            }
            println!("{n} nodes / {m} edges: {per:.2} ms per iteration on average");
        }
    }
}
