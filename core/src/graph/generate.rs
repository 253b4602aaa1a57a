//! Seeded generation of test graphs, and the hashing the layout seeds its positions with.
//!
//! News actor graphs are scale-free-ish: a few actors (the United States, the UN, China) take
//! part in a large share of the events, most appear once or twice. The generator reproduces
//! that with preferential attachment, so tests and benchmarks exercise the hubs and the long
//! tail a real corpus has. Its PRNG is written here (SplitMix64) rather than taken from a crate
//! so the sequence, and every benchmark graph, is fixed forever by the seed.

use super::ActorGraph;
use rustc_hash::FxHashSet;

/// SplitMix64's output function: a bijective 64-bit mix with good avalanche. Used as a hash of
/// node ids for initial positions, and as the step of [`SplitMix64`].
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good enough for generating test
/// data. Not for anything that needs unpredictability.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix64(self.state)
    }

    /// Uniform in `[0, 1)`, with 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (`n > 0`), by Lemire's multiply-shift; the bias is below n / 2⁶⁴.
    pub fn below(&mut self, n: u64) -> u64 {
        debug_assert!(n > 0);
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }
}

/// Share of attachments that pick a uniform node instead of a degree-proportional one: without
/// it the first nodes take almost everything; with it the degree tail stays heavy but every
/// node can still gain edges.
const UNIFORM_SHARE: f64 = 0.2;

/// The edges of a scale-free-ish graph on `n` nodes with `m` edges (fewer only if `m` exceeds
/// the `n(n-1)/2` possible pairs, or on a dense graph whose last pairs the random fill fails to
/// hit), as `(a, b, weight)`.
///
/// Nodes arrive one by one and each links to `m / n` earlier nodes (at least one, so the graph
/// is connected when `m ≥ n - 1`) chosen mostly in proportion to their degree (preferential
/// attachment, Barabási and Albert 1999); the remaining edges join degree-chosen pairs. Weights
/// stand for event counts: integers ≥ 1 from a Pareto tail (P(w ≥ k) ≈ k^-1.4, capped at 1000),
/// mostly 1 and 2 with a few heavy ties, like pairs of actors in the news.
pub fn scale_free_edges(n: u32, m: usize, seed: u64) -> Vec<(u32, u32, f32)> {
    let possible = n as u64 * n.saturating_sub(1) as u64 / 2;
    let m = (m as u64).min(possible) as usize;
    let mut rng = SplitMix64::new(seed);
    let mut edges: Vec<(u32, u32, f32)> = Vec::with_capacity(m);
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    // Each edge lists both endpoints here, so a uniform pick is a degree-proportional node.
    let mut ends: Vec<u32> = Vec::with_capacity(2 * m);

    let weight = |rng: &mut SplitMix64| {
        let u = rng.next_f64();
        (1.0 / (1.0 - u)).powf(0.7).floor().min(1000.0) as f32
    };
    let mut add = |a: u32, b: u32, rng: &mut SplitMix64, edges: &mut Vec<(u32, u32, f32)>, ends: &mut Vec<u32>| {
        if a == b || !seen.insert(pair_key(a, b)) {
            return false;
        }
        edges.push((a, b, weight(rng)));
        ends.push(a);
        ends.push(b);
        true
    };
    let pick = |rng: &mut SplitMix64, ends: &[u32], below: u32| {
        if ends.is_empty() || rng.next_f64() < UNIFORM_SHARE {
            rng.below(below as u64) as u32
        } else {
            ends[rng.below(ends.len() as u64) as usize]
        }
    };

    let per_node = (m / n.max(1) as usize).max(1);
    for v in 1..n {
        let want = per_node.min(v as usize).min(m - edges.len());
        let mut made = 0;
        let mut tries = 0;
        while made < want && tries < 8 * want {
            tries += 1;
            let t = pick(&mut rng, &ends, v);
            if add(v, t, &mut rng, &mut edges, &mut ends) {
                made += 1;
            }
        }
    }
    let mut tries = 0usize;
    while edges.len() < m && tries < 64 * m {
        tries += 1;
        let a = pick(&mut rng, &ends, n);
        let b = pick(&mut rng, &ends, n);
        add(a, b, &mut rng, &mut edges, &mut ends);
    }
    edges
}

/// [`scale_free_edges`] as an [`ActorGraph`].
pub fn scale_free(n: u32, m: usize, seed: u64) -> ActorGraph {
    ActorGraph::from_edges(n, &scale_free_edges(n, m, seed))
}

fn pair_key(a: u32, b: u32) -> u64 {
    (a.min(b) as u64) << 32 | a.max(b) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_reference_values() {
        // First outputs for seed 1234567 of the reference C implementation (Vigna).
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
        let mut r = SplitMix64::new(7);
        for _ in 0..1000 {
            let x = r.next_f64();
            assert!((0.0..1.0).contains(&x));
            assert!(r.below(3) < 3);
        }
    }

    #[test]
    fn generator_is_deterministic_and_sized() {
        let a = scale_free_edges(1000, 4000, 42);
        assert_eq!(a, scale_free_edges(1000, 4000, 42));
        assert_ne!(a, scale_free_edges(1000, 4000, 43));
        assert_eq!(a.len(), 4000);
        let g = scale_free(1000, 4000, 42);
        assert_eq!(g.edge_count(), 4000);
        // Connected, heavy-tailed degrees.
        assert_eq!(g.components(|_| true).sizes, vec![1000]);
        let max_degree = (0..1000).map(|n| g.degree(n)).max().unwrap();
        assert!(max_degree > 60, "max degree {max_degree}");
        assert!(g.edges().iter().all(|e| e.weight >= 1.0 && e.weight <= 1000.0));
    }

    #[test]
    fn generator_handles_tiny_and_dense_requests() {
        assert!(scale_free_edges(0, 10, 1).is_empty());
        assert!(scale_free_edges(1, 10, 1).is_empty());
        assert_eq!(scale_free_edges(2, 10, 1).len(), 1);
        let full = scale_free_edges(6, 100, 1);
        assert_eq!(full.len(), 15);
    }
}
