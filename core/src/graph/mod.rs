//! The actor graph: who is tied to whom by the events the model holds, laid out and searched
//! for the explorer.
//!
//! * [`ActorGraph`]: one node per actor, one [`Edge`] per unordered pair of actors with the
//!   events between them counted by quad class, direction and modality. Built from a
//!   [`Model`] through a filter on events ([`ActorGraph::from_model`]), so the UI lays out
//!   exactly the events it shows, or from raw weighted edges ([`ActorGraph::from_edges`]) for
//!   generated benchmark graphs.
//! * [`layout`]: a ForceAtlas2 force-directed layout with a Barnes-Hut quadtree, stepped one
//!   iteration at a time so the UI can animate it or run it in chunks between frames.
//! * [`algo`]: ego networks, expanding a node, shortest and strongest paths, degrees and
//!   connected components.
//! * [`generate`]: a seeded scale-free graph generator for tests and benchmarks.
//!
//! Everything is deterministic: the same model and filter give the same graph, the same graph
//! and settings give the same positions, bit for bit. Nothing reads a clock or an entropy
//! source, so a shared link reproduces the picture its author saw.
//!
//! ```
//! use entente_core::graph::{ActorGraph, Layout, LayoutSettings};
//!
//! // Two triangles joined by one light edge.
//! let g = ActorGraph::from_edges(6, &[(0, 1, 3.0), (1, 2, 3.0), (0, 2, 3.0),
//!                                     (3, 4, 3.0), (4, 5, 3.0), (3, 5, 3.0), (2, 3, 1.0)]);
//! let mut layout = Layout::new(&g, LayoutSettings::default());
//! let report = layout.run(2_000);
//! assert!(report.converged);
//! assert_eq!(layout.positions().len(), 6);
//! let path = g.shortest_path(0, 5, |_| true).unwrap();
//! assert_eq!(path.nodes, vec![0, 2, 3, 5]);
//! ```

pub mod algo;
pub mod generate;
pub mod hit;
pub mod layout;
mod quadtree;

pub use algo::{Components, Ego, Path};
pub use hit::NodeGrid;
pub use layout::{Layout, LayoutSettings, RunReport, StepStats};

use crate::lexicon::codes::Quad;
use crate::model::{ActorId, Event, EventId, Modality, Model};
use rustc_hash::FxHashMap;

/// Index of a node in an [`ActorGraph`] (dense, `0..node_count()`), not an [`ActorId`].
pub type NodeIx = u32;
/// Index of an edge in an [`ActorGraph`] (dense, `0..edge_count()`).
pub type EdgeIx = u32;

/// The quad classes in the order [`Edge::quads`] stores them.
pub const QUADS: [Quad; 4] = [
    Quad::VerbalCooperation,
    Quad::MaterialCooperation,
    Quad::VerbalConflict,
    Quad::MaterialConflict,
];

/// The modalities in the order [`Edge::modalities`] stores them.
pub const MODALITIES: [Modality; 6] = [
    Modality::Asserted,
    Modality::Alleged,
    Modality::Reported,
    Modality::Predicted,
    Modality::Hypothetical,
    Modality::Opinion,
];

/// Position of a quad class in [`QUADS`] and in the rows of [`Edge::quads`].
pub fn quad_index(q: Quad) -> usize {
    q as usize - 1
}

/// Position of a modality in [`MODALITIES`] and [`Edge::modalities`].
pub fn modality_index(m: Modality) -> usize {
    match m {
        Modality::Asserted => 0,
        Modality::Alleged => 1,
        Modality::Reported => 2,
        Modality::Predicted => 3,
        Modality::Hypothetical => 4,
        Modality::Opinion => 5,
    }
}

/// The events between one unordered pair of actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The endpoint with the smaller node index.
    pub a: NodeIx,
    /// The endpoint with the larger node index (`a < b`: self loops are not edges).
    pub b: NodeIx,
    /// Events by direction and quad class: `quads[0]` counts events from `a` to `b`,
    /// `quads[1]` from `b` to `a`; each row is indexed by [`quad_index`].
    pub quads: [[u32; 4]; 2],
    /// Events by modality, both directions, indexed by [`modality_index`].
    pub modalities: [u32; 6],
    /// Sentences reporting these events (sum of the events' mentions).
    pub mentions: u32,
    /// The strength of the tie used by the layout and by [`ActorGraph::strongest_path`]: the
    /// number of events for a model graph, the given weight for a raw one.
    pub weight: f32,
}

impl Edge {
    /// The other endpoint.
    pub fn other(&self, n: NodeIx) -> NodeIx {
        if n == self.a { self.b } else { self.a }
    }

    /// Events from `from` to the other endpoint in quad class `q`.
    pub fn count(&self, from: NodeIx, q: Quad) -> u32 {
        self.quads[usize::from(from != self.a)][quad_index(q)]
    }

    /// Events from `from` to the other endpoint, all quad classes.
    pub fn events_from(&self, from: NodeIx) -> u32 {
        self.quads[usize::from(from != self.a)].iter().sum()
    }

    /// Events in quad class `q`, both directions.
    pub fn quad_total(&self, q: Quad) -> u32 {
        self.quads[0][quad_index(q)] + self.quads[1][quad_index(q)]
    }

    /// Events in both directions (0 for an edge of a raw graph).
    pub fn events(&self) -> u32 {
        self.quads[0].iter().chain(&self.quads[1]).sum()
    }

    /// Events with modality `m`.
    pub fn modality(&self, m: Modality) -> u32 {
        self.modalities[modality_index(m)]
    }

    /// Whether every event of the edge is alleged, predicted, hypothetical or opinion: nothing
    /// the article states or reports as having happened. A path finder that should follow only
    /// ties that happened passes `|e| !e.is_speculative()` as its edge filter. Raw edges (no
    /// events) are not speculative.
    pub fn is_speculative(&self) -> bool {
        let factual = self.modality(Modality::Asserted) + self.modality(Modality::Reported);
        factual == 0 && self.modalities.iter().sum::<u32>() > 0
    }
}

/// The graph of actors and the events between them.
///
/// Nodes are sorted by [`ActorId`], edges by `(a, b)`, and each node's neighbours by node
/// index, so the graph (and everything computed on it) does not depend on the order in which
/// the events were listed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorGraph {
    actors: Vec<ActorId>,
    /// Events touching each node (as actor or recipient, with or without a recipient).
    node_events: Vec<u32>,
    edges: Vec<Edge>,
    /// Event ids of edge `e` are `edge_events[edge_event_start[e]..edge_event_start[e + 1]]`.
    edge_event_start: Vec<u32>,
    edge_events: Vec<EventId>,
    /// Neighbours of node `n` are `adj[adj_start[n]..adj_start[n + 1]]`, as (neighbour, edge).
    adj_start: Vec<u32>,
    adj: Vec<(NodeIx, EdgeIx)>,
}

/// An edge while the graph is assembled.
struct EdgeAcc {
    edge: Edge,
    events: Vec<EventId>,
}

impl ActorGraph {
    /// The graph of the events of `model` that pass `filter`.
    ///
    /// The nodes are the actors of those events, recipients included; an actor that only acts
    /// alone ("X warned") is a node without edges. Each event with a recipient other than its
    /// actor counts once on the edge of the pair, in its direction, quad class and modality.
    pub fn from_model(model: &Model, filter: impl Fn(&Event) -> bool) -> ActorGraph {
        let kept: Vec<&Event> = model.events.iter().filter(|e| filter(e)).collect();
        let mut actors: Vec<ActorId> = kept
            .iter()
            .flat_map(|e| std::iter::once(e.actor).chain(e.recipient))
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let node = |a: ActorId| actors.binary_search(&a).expect("actor collected above") as NodeIx;

        let mut node_events = vec![0u32; actors.len()];
        let mut pairs: FxHashMap<(NodeIx, NodeIx), usize> = FxHashMap::default();
        let mut acc: Vec<EdgeAcc> = Vec::new();
        for e in kept {
            let from = node(e.actor);
            node_events[from as usize] += 1;
            let Some(r) = e.recipient else { continue };
            let to = node(r);
            if to == from {
                continue;
            }
            node_events[to as usize] += 1;
            let (a, b) = (from.min(to), from.max(to));
            let slot = *pairs.entry((a, b)).or_insert_with(|| {
                acc.push(EdgeAcc {
                    edge: empty_edge(a, b, 0.0),
                    events: Vec::new(),
                });
                acc.len() - 1
            });
            let edge = &mut acc[slot].edge;
            edge.quads[usize::from(from != a)][quad_index(e.code.quad)] += 1;
            edge.modalities[modality_index(e.modality)] += 1;
            edge.mentions += e.mentions.len() as u32;
            edge.weight += 1.0;
            acc[slot].events.push(e.id);
        }
        Self::assemble(actors, node_events, acc)
    }

    /// A graph on nodes `0..n` (actor ids equal node indices) from `(a, b, weight)` edges, for
    /// generated graphs. Self loops are dropped, repeated pairs merged (weights added), and
    /// negative or non-finite weights count as 0.
    ///
    /// # Panics
    /// If an endpoint is not below `n`.
    pub fn from_edges(n: u32, edges: &[(u32, u32, f32)]) -> ActorGraph {
        let mut pairs: FxHashMap<(NodeIx, NodeIx), usize> = FxHashMap::default();
        let mut acc: Vec<EdgeAcc> = Vec::new();
        for &(x, y, w) in edges {
            assert!(x < n && y < n, "edge ({x}, {y}) outside 0..{n}");
            if x == y {
                continue;
            }
            let w = if w.is_finite() && w > 0.0 { w } else { 0.0 };
            let (a, b) = (x.min(y), x.max(y));
            let slot = *pairs.entry((a, b)).or_insert_with(|| {
                acc.push(EdgeAcc {
                    edge: empty_edge(a, b, 0.0),
                    events: Vec::new(),
                });
                acc.len() - 1
            });
            acc[slot].edge.weight += w;
        }
        Self::assemble((0..n).collect(), vec![0; n as usize], acc)
    }

    /// The subgraph induced by `nodes` (indices into `self`; order and repeats do not matter):
    /// those nodes and every edge between two of them, with their counts and events. This is
    /// the graph of what the explorer shows (an ego network, a node expanded), to lay out.
    pub fn induced(&self, nodes: &[NodeIx]) -> ActorGraph {
        let mut keep: Vec<NodeIx> = nodes.to_vec();
        keep.sort_unstable();
        keep.dedup();
        let mut new_ix = vec![NodeIx::MAX; self.actors.len()];
        for (i, &n) in keep.iter().enumerate() {
            new_ix[n as usize] = i as NodeIx;
        }
        let mut acc = Vec::new();
        for (e, edge) in self.edges.iter().enumerate() {
            let (a, b) = (new_ix[edge.a as usize], new_ix[edge.b as usize]);
            if a == NodeIx::MAX || b == NodeIx::MAX {
                continue;
            }
            // Node order follows actor order in both graphs, so a < b still holds.
            let mut copy = edge.clone();
            copy.a = a;
            copy.b = b;
            acc.push(EdgeAcc {
                edge: copy,
                events: self.edge_events(e as EdgeIx).to_vec(),
            });
        }
        let actors = keep.iter().map(|&n| self.actors[n as usize]).collect();
        let node_events = keep.iter().map(|&n| self.node_events[n as usize]).collect();
        Self::assemble(actors, node_events, acc)
    }

    fn assemble(actors: Vec<ActorId>, node_events: Vec<u32>, mut acc: Vec<EdgeAcc>) -> ActorGraph {
        acc.sort_unstable_by_key(|x| (x.edge.a, x.edge.b));
        let n = actors.len();
        let mut edge_event_start = Vec::with_capacity(acc.len() + 1);
        let mut edge_events = Vec::new();
        let mut edges = Vec::with_capacity(acc.len());
        let mut degree = vec![0u32; n];
        for x in acc {
            edge_event_start.push(edge_events.len() as u32);
            edge_events.extend_from_slice(&x.events);
            degree[x.edge.a as usize] += 1;
            degree[x.edge.b as usize] += 1;
            edges.push(x.edge);
        }
        edge_event_start.push(edge_events.len() as u32);

        let mut adj_start = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        for d in &degree {
            adj_start.push(total);
            total += d;
        }
        adj_start.push(total);
        // Edges are sorted by (a, b), so filling in edge order lists every node's neighbours in
        // increasing order: those below it (as `b`) come first, by increasing `a`, then those
        // above it (as `a`), by increasing `b`.
        let mut fill: Vec<u32> = adj_start[..n].to_vec();
        let mut adj = vec![(0, 0); total as usize];
        for (e, edge) in edges.iter().enumerate() {
            adj[fill[edge.a as usize] as usize] = (edge.b, e as EdgeIx);
            fill[edge.a as usize] += 1;
            adj[fill[edge.b as usize] as usize] = (edge.a, e as EdgeIx);
            fill[edge.b as usize] += 1;
        }
        ActorGraph {
            actors,
            node_events,
            edges,
            edge_event_start,
            edge_events,
            adj_start,
            adj,
        }
    }

    pub fn node_count(&self) -> usize {
        self.actors.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// The actor of each node, in node order (increasing).
    pub fn actors(&self) -> &[ActorId] {
        &self.actors
    }

    pub fn actor(&self, n: NodeIx) -> ActorId {
        self.actors[n as usize]
    }

    /// The node of an actor, if the actor is in the graph.
    pub fn node(&self, actor: ActorId) -> Option<NodeIx> {
        self.actors.binary_search(&actor).ok().map(|i| i as NodeIx)
    }

    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    pub fn edge(&self, e: EdgeIx) -> &Edge {
        &self.edges[e as usize]
    }

    /// The edge between two nodes, if any.
    pub fn edge_between(&self, x: NodeIx, y: NodeIx) -> Option<EdgeIx> {
        let list = self.neighbour_slice(x);
        list.binary_search_by_key(&y, |&(m, _)| m).ok().map(|i| list[i].1)
    }

    /// The ids of the events counted on edge `e`, in model order (empty for raw graphs).
    pub fn edge_events(&self, e: EdgeIx) -> &[EventId] {
        let e = e as usize;
        &self.edge_events[self.edge_event_start[e] as usize..self.edge_event_start[e + 1] as usize]
    }

    /// Events touching node `n` (0 for raw graphs).
    pub fn node_events(&self, n: NodeIx) -> u32 {
        self.node_events[n as usize]
    }

    /// Neighbours of `n` with the edge to each, by increasing neighbour index.
    pub fn neighbours(&self, n: NodeIx) -> impl ExactSizeIterator<Item = (NodeIx, EdgeIx)> + '_ {
        self.neighbour_slice(n).iter().copied()
    }

    fn neighbour_slice(&self, n: NodeIx) -> &[(NodeIx, EdgeIx)] {
        let n = n as usize;
        &self.adj[self.adj_start[n] as usize..self.adj_start[n + 1] as usize]
    }

    /// Number of neighbours (edges) of `n`.
    pub fn degree(&self, n: NodeIx) -> usize {
        let n = n as usize;
        (self.adj_start[n + 1] - self.adj_start[n]) as usize
    }

    /// Sum of the weights of `n`'s edges (its events with other actors, for a model graph).
    pub fn weighted_degree(&self, n: NodeIx) -> f32 {
        self.neighbour_slice(n)
            .iter()
            .map(|&(_, e)| self.edges[e as usize].weight)
            .sum()
    }
}

fn empty_edge(a: NodeIx, b: NodeIx, weight: f32) -> Edge {
    Edge {
        a,
        b,
        quads: [[0; 4]; 2],
        modalities: [0; 6],
        mentions: 0,
        weight,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EventCode, Polarity};

    pub(crate) fn event(id: EventId, actor: ActorId, recipient: Option<ActorId>, quad: Quad, modality: Modality) -> Event {
        Event {
            id,
            actor,
            recipient,
            code: EventCode {
                cameo: None,
                cameo_name: None,
                goldstein: None,
                quad,
                quad_source: String::new(),
                cameo_note: None,
                plover: None,
                plover_mode: None,
                plover_context: Vec::new(),
            },
            trigger: "meet".into(),
            polarity: Polarity::Positive,
            modality,
            source: None,
            date: None,
            place: None,
            mentions: Vec::new(),
            document_count: 1,
        }
    }

    fn model() -> Model {
        use Modality::*;
        use Quad::*;
        let events = vec![
            event(0, 10, Some(20), VerbalCooperation, Asserted),
            event(1, 20, Some(10), MaterialConflict, Alleged),
            event(2, 10, Some(20), VerbalCooperation, Reported),
            event(3, 30, None, VerbalConflict, Asserted),
            event(4, 20, Some(40), MaterialCooperation, Predicted),
            event(5, 40, Some(40), VerbalCooperation, Asserted),
            event(6, 50, Some(10), VerbalConflict, Opinion),
        ];
        Model {
            events,
            ..Model::default()
        }
    }

    #[test]
    fn model_graph_counts_by_pair_direction_quad_and_modality() {
        let g = ActorGraph::from_model(&model(), |_| true);
        assert_eq!(g.actors(), &[10, 20, 30, 40, 50]);
        assert_eq!(g.edge_count(), 3);
        let (n10, n20, n40) = (g.node(10).unwrap(), g.node(20).unwrap(), g.node(40).unwrap());
        let e = g.edge(g.edge_between(n20, n10).unwrap());
        assert_eq!((e.a, e.b), (n10, n20));
        assert_eq!(e.count(n10, Quad::VerbalCooperation), 2);
        assert_eq!(e.count(n20, Quad::MaterialConflict), 1);
        assert_eq!(e.count(n20, Quad::VerbalCooperation), 0);
        assert_eq!(e.events_from(n10), 2);
        assert_eq!(e.events(), 3);
        assert_eq!(e.weight, 3.0);
        assert_eq!(e.modality(Modality::Alleged), 1);
        assert!(!e.is_speculative());
        assert_eq!(g.edge_events(g.edge_between(n10, n20).unwrap()), &[0, 1, 2]);
        let e24 = g.edge(g.edge_between(n20, n40).unwrap());
        assert!(e24.is_speculative());
        // 30 acts alone and 40's self loop is no edge; both are still nodes.
        assert_eq!(g.degree(g.node(30).unwrap()), 0);
        assert_eq!(g.degree(n40), 1);
        assert_eq!(g.node_events(n40), 2);
        assert_eq!(g.degree(n10), 2);
        assert_eq!(g.weighted_degree(n10), 4.0);
        let nb: Vec<_> = g.neighbours(n10).map(|(m, _)| m).collect();
        assert_eq!(nb, vec![n20, g.node(50).unwrap()]);
    }

    #[test]
    fn filter_selects_events_and_their_actors() {
        let g = ActorGraph::from_model(&model(), |e| e.modality == Modality::Asserted);
        assert_eq!(g.actors(), &[10, 20, 30, 40]);
        assert_eq!(g.edge_count(), 1);
        assert_eq!(g.edges()[0].weight, 1.0);
        assert!(ActorGraph::from_model(&model(), |_| false).is_empty());
    }

    #[test]
    fn event_order_does_not_change_the_graph() {
        let mut m = model();
        let g1 = ActorGraph::from_model(&m, |_| true);
        m.events.reverse();
        let mut g2 = ActorGraph::from_model(&m, |_| true);
        // Only the order of the event ids listed on an edge follows the model.
        for e in 0..g2.edge_count() {
            let (s, t) = (g2.edge_event_start[e] as usize, g2.edge_event_start[e + 1] as usize);
            g2.edge_events[s..t].sort_unstable();
        }
        assert_eq!(g1, g2);
    }

    #[test]
    fn raw_edges_merge_and_drop_self_loops() {
        let g = ActorGraph::from_edges(4, &[(1, 0, 2.0), (0, 1, 1.5), (2, 2, 9.0), (3, 1, f32::NAN)]);
        assert_eq!(g.node_count(), 4);
        assert_eq!(g.edge_count(), 2);
        assert_eq!(g.edges()[0].weight, 3.5);
        assert_eq!(g.edges()[1].weight, 0.0);
        assert_eq!(g.degree(2), 0);
        assert_eq!(g.edge_between(2, 2), None);
    }

    #[test]
    fn induced_subgraph_keeps_actor_ids_and_counts() {
        let g = ActorGraph::from_model(&model(), |_| true);
        let sub = g.induced(&[
            g.node(50).unwrap(),
            g.node(10).unwrap(),
            g.node(20).unwrap(),
            g.node(10).unwrap(),
        ]);
        assert_eq!(sub.actors(), &[10, 20, 50]);
        assert_eq!(sub.edge_count(), 2);
        let e = sub.edge(sub.edge_between(0, 1).unwrap());
        assert_eq!(e.events(), 3);
        assert_eq!(sub.edge_events(sub.edge_between(0, 1).unwrap()), &[0, 1, 2]);
        assert_eq!(sub.edge_events(sub.edge_between(0, 2).unwrap()), &[6]);
    }
}
