//! Graph searches for the explorer: the neighbourhood of an actor, what to add when the user
//! expands a node, how two actors are connected, and which parts of the graph hang together.
//!
//! Every search takes an edge filter (`impl Fn(&Edge) -> bool`): the explorer can follow every
//! tie, or only those of some quad class, or skip ties that rest only on speculation
//! (`|e| !e.is_speculative()`), without rebuilding the graph. Neighbours are visited in node
//! order, so ties between equally good answers are always broken the same way.

use super::{ActorGraph, Edge, EdgeIx, NodeIx};
use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

/// The nodes within some hops of a centre and the edges between them.
#[derive(Debug, Clone, PartialEq)]
pub struct Ego {
    /// `(node, hops from the centre)`, by increasing hops then node index; the centre first.
    pub nodes: Vec<(NodeIx, u32)>,
    /// Every edge passing the filter between two of these nodes, by index.
    pub edges: Vec<EdgeIx>,
}

impl Ego {
    /// The node indices alone, sorted, for [`ActorGraph::induced`].
    pub fn node_set(&self) -> Vec<NodeIx> {
        let mut v: Vec<NodeIx> = self.nodes.iter().map(|&(n, _)| n).collect();
        v.sort_unstable();
        v
    }
}

/// A path between two nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    /// From the start to the end, both included.
    pub nodes: Vec<NodeIx>,
    /// `edges[i]` joins `nodes[i]` and `nodes[i + 1]`.
    pub edges: Vec<EdgeIx>,
    /// Number of edges for [`ActorGraph::shortest_path`], sum of `1 / (1 + weight)` for
    /// [`ActorGraph::strongest_path`].
    pub cost: f64,
}

/// Connected components.
#[derive(Debug, Clone, PartialEq)]
pub struct Components {
    /// Component of each node. Components are numbered in order of their smallest node.
    pub of: Vec<u32>,
    /// Number of nodes in each component.
    pub sizes: Vec<u32>,
}

impl Components {
    pub fn count(&self) -> usize {
        self.sizes.len()
    }

    /// The component with the most nodes (the first such), if the graph has nodes.
    pub fn largest(&self) -> Option<u32> {
        let mut best: Option<(u32, u32)> = None;
        for (c, &s) in self.sizes.iter().enumerate() {
            if best.is_none_or(|(_, bs)| s > bs) {
                best = Some((c as u32, s));
            }
        }
        best.map(|(c, _)| c)
    }

    /// The nodes of component `c`, sorted.
    pub fn nodes(&self, c: u32) -> Vec<NodeIx> {
        (0..self.of.len() as NodeIx).filter(|&n| self.of[n as usize] == c).collect()
    }
}

impl ActorGraph {
    /// The ego network of `center`: the nodes at most `hops` edges away (through edges passing
    /// `edge_ok`), with their distance, and the edges among them.
    pub fn ego(&self, center: NodeIx, hops: u32, edge_ok: impl Fn(&Edge) -> bool) -> Ego {
        let n = self.node_count();
        let mut dist = vec![u32::MAX; n];
        let mut order = vec![center];
        dist[center as usize] = 0;
        let mut head = 0;
        while head < order.len() {
            let u = order[head];
            head += 1;
            let du = dist[u as usize];
            if du == hops {
                continue;
            }
            for (v, e) in self.neighbours(u) {
                if dist[v as usize] == u32::MAX && edge_ok(self.edge(e)) {
                    dist[v as usize] = du + 1;
                    order.push(v);
                }
            }
        }
        let mut nodes: Vec<(NodeIx, u32)> = order.iter().map(|&v| (v, dist[v as usize])).collect();
        nodes.sort_unstable_by_key(|&(v, d)| (d, v));
        let mut edges: Vec<EdgeIx> = Vec::new();
        for &(u, _) in &nodes {
            for (v, e) in self.neighbours(u) {
                if u < v && dist[v as usize] != u32::MAX && edge_ok(self.edge(e)) {
                    edges.push(e);
                }
            }
        }
        edges.sort_unstable();
        Ego { nodes, edges }
    }

    /// Expand `node` in a view showing `visible`: add its neighbours (through edges passing
    /// `edge_ok`) that were not shown. `visible` is left sorted and deduplicated; the nodes
    /// added are returned, sorted, so the layout can place them near `node`.
    pub fn expand(&self, visible: &mut Vec<NodeIx>, node: NodeIx, edge_ok: impl Fn(&Edge) -> bool) -> Vec<NodeIx> {
        visible.sort_unstable();
        visible.dedup();
        let mut added = Vec::new();
        if visible.binary_search(&node).is_err() {
            added.push(node);
        }
        for (v, e) in self.neighbours(node) {
            if visible.binary_search(&v).is_err() && edge_ok(self.edge(e)) {
                added.push(v);
            }
        }
        added.sort_unstable();
        visible.extend_from_slice(&added);
        visible.sort_unstable();
        added
    }

    /// The path with fewest edges from `from` to `to` through edges passing `edge_ok`
    /// (breadth-first search), or `None` if they are not connected.
    pub fn shortest_path(&self, from: NodeIx, to: NodeIx, edge_ok: impl Fn(&Edge) -> bool) -> Option<Path> {
        let n = self.node_count();
        let mut parent: Vec<(NodeIx, EdgeIx)> = vec![(NodeIx::MAX, EdgeIx::MAX); n];
        parent[from as usize] = (from, EdgeIx::MAX);
        let mut queue = VecDeque::from([from]);
        while let Some(u) = queue.pop_front() {
            if u == to {
                break;
            }
            for (v, e) in self.neighbours(u) {
                if parent[v as usize].0 == NodeIx::MAX && edge_ok(self.edge(e)) {
                    parent[v as usize] = (u, e);
                    queue.push_back(v);
                }
            }
        }
        let path = trace(&parent, from, to)?;
        let cost = path.edges.len() as f64;
        Some(Path { cost, ..path })
    }

    /// The path from `from` to `to` with least total cost `1 / (1 + weight)` per edge
    /// (Dijkstra), through edges passing `edge_ok`, or `None` if they are not connected.
    ///
    /// The cost makes a tie backed by many events cheap and a tie of a single event dear, so
    /// the path prefers well-attested chains of relations to the few-hop chains through
    /// one-off mentions that [`shortest_path`](Self::shortest_path) may find. The `1 +` keeps
    /// every cost at most 1 and finite for edges of weight 0.
    pub fn strongest_path(&self, from: NodeIx, to: NodeIx, edge_ok: impl Fn(&Edge) -> bool) -> Option<Path> {
        let n = self.node_count();
        let mut dist = vec![f64::INFINITY; n];
        let mut parent: Vec<(NodeIx, EdgeIx)> = vec![(NodeIx::MAX, EdgeIx::MAX); n];
        let mut done = vec![false; n];
        dist[from as usize] = 0.0;
        parent[from as usize] = (from, EdgeIx::MAX);
        // Non-negative f64s order like their bit patterns; ties go to the lower node index.
        let mut heap = BinaryHeap::from([Reverse((0.0f64.to_bits(), from))]);
        while let Some(Reverse((bits, u))) = heap.pop() {
            if done[u as usize] {
                continue;
            }
            done[u as usize] = true;
            if u == to {
                break;
            }
            let du = f64::from_bits(bits);
            for (v, e) in self.neighbours(u) {
                let edge = self.edge(e);
                if done[v as usize] || !edge_ok(edge) {
                    continue;
                }
                let dv = du + 1.0 / (1.0 + edge.weight as f64);
                if dv < dist[v as usize] {
                    dist[v as usize] = dv;
                    parent[v as usize] = (u, e);
                    heap.push(Reverse((dv.to_bits(), v)));
                }
            }
        }
        let path = trace(&parent, from, to)?;
        Some(Path {
            cost: dist[to as usize],
            ..path
        })
    }

    /// Connected components through edges passing `edge_ok`.
    pub fn components(&self, edge_ok: impl Fn(&Edge) -> bool) -> Components {
        let n = self.node_count();
        let mut of = vec![u32::MAX; n];
        let mut sizes = Vec::new();
        let mut stack = Vec::new();
        for start in 0..n as NodeIx {
            if of[start as usize] != u32::MAX {
                continue;
            }
            let c = sizes.len() as u32;
            let mut size = 0;
            of[start as usize] = c;
            stack.push(start);
            while let Some(u) = stack.pop() {
                size += 1;
                for (v, e) in self.neighbours(u) {
                    if of[v as usize] == u32::MAX && edge_ok(self.edge(e)) {
                        of[v as usize] = c;
                        stack.push(v);
                    }
                }
            }
            sizes.push(size);
        }
        Components { of, sizes }
    }
}

/// The path to `to` recorded in `parent` (each node's predecessor and the edge from it; the
/// start is its own parent), with cost 0.
fn trace(parent: &[(NodeIx, EdgeIx)], from: NodeIx, to: NodeIx) -> Option<Path> {
    if parent[to as usize].0 == NodeIx::MAX {
        return None;
    }
    let (mut nodes, mut edges) = (vec![to], Vec::new());
    let mut v = to;
    while v != from {
        let (u, e) = parent[v as usize];
        nodes.push(u);
        edges.push(e);
        v = u;
    }
    nodes.reverse();
    edges.reverse();
    Some(Path { nodes, edges, cost: 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::tests::event;
    use crate::lexicon::codes::Quad;
    use crate::model::{Modality, Model};

    /// 0 - 1 - 2 - 3 - 4 in a line (weight 1), a heavy detour 0 = 5 = 6 = 4 (weight 20),
    /// and 7 - 8 apart.
    fn sample() -> ActorGraph {
        ActorGraph::from_edges(
            9,
            &[
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 3, 1.0),
                (3, 4, 1.0),
                (0, 5, 20.0),
                (5, 6, 20.0),
                (6, 4, 20.0),
                (7, 8, 1.0),
            ],
        )
    }

    #[test]
    fn bfs_finds_fewest_hops() {
        let g = sample();
        let p = g.shortest_path(0, 4, |_| true).unwrap();
        assert_eq!(p.nodes, vec![0, 5, 6, 4]);
        assert_eq!(p.cost, 3.0);
        assert_eq!(p.edges.len(), 3);
        for (i, &e) in p.edges.iter().enumerate() {
            let edge = g.edge(e);
            assert_eq!(
                (edge.a.min(edge.b), edge.a.max(edge.b)),
                (p.nodes[i].min(p.nodes[i + 1]), p.nodes[i].max(p.nodes[i + 1]))
            );
        }
        // Without the heavy edges, the line.
        let p = g.shortest_path(0, 4, |e| e.weight < 10.0).unwrap();
        assert_eq!(p.nodes, vec![0, 1, 2, 3, 4]);
        assert_eq!(g.shortest_path(0, 8, |_| true), None);
        assert_eq!(g.shortest_path(3, 3, |_| true).unwrap().nodes, vec![3]);
    }

    #[test]
    fn bfs_breaks_ties_by_node_order() {
        // Square 0-1-3, 0-2-3: both two hops; the lower neighbour wins.
        let g = ActorGraph::from_edges(4, &[(0, 2, 1.0), (2, 3, 1.0), (0, 1, 1.0), (1, 3, 1.0)]);
        assert_eq!(g.shortest_path(0, 3, |_| true).unwrap().nodes, vec![0, 1, 3]);
    }

    #[test]
    fn dijkstra_prefers_strong_ties() {
        let g = ActorGraph::from_edges(
            5,
            // Direct but weak 0-4 (cost 1/2), or three strong hops (3 × 1/11).
            &[(0, 4, 1.0), (0, 1, 10.0), (1, 2, 10.0), (2, 4, 10.0), (0, 3, 0.0)],
        );
        let p = g.strongest_path(0, 4, |_| true).unwrap();
        assert_eq!(p.nodes, vec![0, 1, 2, 4]);
        assert!((p.cost - 3.0 / 11.0).abs() < 1e-12);
        assert_eq!(g.shortest_path(0, 4, |_| true).unwrap().nodes, vec![0, 4]);
        let p = g.strongest_path(0, 4, |e| e.weight < 5.0).unwrap();
        assert_eq!(p.nodes, vec![0, 4]);
        assert_eq!(p.cost, 0.5);
        // Weight 0 costs 1, not infinity.
        assert_eq!(g.strongest_path(0, 3, |_| true).unwrap().cost, 1.0);
        assert_eq!(g.strongest_path(1, 1, |_| true).unwrap().cost, 0.0);
        let sample = sample();
        assert_eq!(sample.strongest_path(0, 7, |_| true), None);
        // The heavy detour costs 3/21 against 4/2 for the line.
        assert_eq!(sample.strongest_path(0, 4, |_| true).unwrap().nodes, vec![0, 5, 6, 4]);
    }

    #[test]
    fn speculative_edges_can_be_skipped() {
        use Modality::*;
        use Quad::*;
        // 1 → 2 → 3 asserted, 1 → 3 only predicted or alleged.
        let events = vec![
            event(0, 1, Some(2), VerbalCooperation, Asserted),
            event(1, 2, Some(3), VerbalCooperation, Reported),
            event(2, 1, Some(3), MaterialConflict, Predicted),
            event(3, 3, Some(1), MaterialConflict, Alleged),
        ];
        let g = ActorGraph::from_model(
            &Model {
                events,
                ..Model::default()
            },
            |_| true,
        );
        let (a, c) = (g.node(1).unwrap(), g.node(3).unwrap());
        assert_eq!(g.shortest_path(a, c, |_| true).unwrap().nodes.len(), 2);
        let p = g.shortest_path(a, c, |e| !e.is_speculative()).unwrap();
        assert_eq!(p.nodes.iter().map(|&n| g.actor(n)).collect::<Vec<_>>(), vec![1, 2, 3]);
        let p = g.strongest_path(a, c, |e| !e.is_speculative()).unwrap();
        assert_eq!(p.nodes.len(), 3);
    }

    #[test]
    fn ego_network_by_hops() {
        let g = sample();
        let ego = g.ego(2, 1, |_| true);
        assert_eq!(ego.nodes, vec![(2, 0), (1, 1), (3, 1)]);
        assert_eq!(ego.edges.len(), 2);
        let ego = g.ego(0, 2, |_| true);
        assert_eq!(ego.nodes, vec![(0, 0), (1, 1), (5, 1), (2, 2), (6, 2)]);
        assert_eq!(ego.node_set(), vec![0, 1, 2, 5, 6]);
        let pairs: Vec<_> = ego.edges.iter().map(|&e| (g.edge(e).a, g.edge(e).b)).collect();
        assert_eq!(pairs, vec![(0, 1), (0, 5), (1, 2), (5, 6)]);
        // The induced edges include those between nodes at the same distance.
        let tri = ActorGraph::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
        let ego = tri.ego(0, 1, |_| true);
        assert_eq!(ego.node_set(), vec![0, 1, 2]);
        assert_eq!(ego.edges.len(), 3);
        assert_eq!(g.ego(4, 0, |_| true).nodes, vec![(4, 0)]);
        assert_eq!(g.ego(0, 9, |e| e.weight < 10.0).node_set(), vec![0, 1, 2, 3, 4]);
        assert_eq!(g.ego(7, 9, |_| true).node_set(), vec![7, 8]);
    }

    #[test]
    fn expand_adds_unseen_neighbours() {
        let g = sample();
        let mut visible = vec![1, 0];
        assert_eq!(g.expand(&mut visible, 0, |_| true), vec![5]);
        assert_eq!(visible, vec![0, 1, 5]);
        assert_eq!(g.expand(&mut visible, 0, |_| true), Vec::<NodeIx>::new());
        assert_eq!(g.expand(&mut visible, 3, |e| e.weight > 5.0), vec![3]);
        assert_eq!(g.expand(&mut visible, 3, |_| true), vec![2, 4]);
        assert_eq!(visible, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn degrees_and_components() {
        let g = sample();
        assert_eq!(g.degree(0), 2);
        assert_eq!(g.weighted_degree(0), 21.0);
        assert_eq!(g.degree(7), 1);
        let c = g.components(|_| true);
        assert_eq!(c.sizes, vec![7, 2]);
        assert_eq!(c.of[8], 1);
        assert_eq!(c.largest(), Some(0));
        assert_eq!(c.nodes(1), vec![7, 8]);
        let c = g.components(|e| e.weight < 10.0);
        assert_eq!(c.sizes, vec![5, 1, 1, 2]);
        assert_eq!(c.nodes(1), vec![5]);
        let empty = ActorGraph::from_edges(0, &[]);
        assert_eq!(empty.components(|_| true).count(), 0);
        assert_eq!(empty.components(|_| true).largest(), None);
    }
}
