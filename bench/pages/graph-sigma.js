// The sigma.js + graphology side of bench/75-graph-render.mjs: builds the graph of a generated
// bundle's relations, lays it out with graphology-layout-forceatlas2 (timed), and draws it with
// sigma.js (WebGL) in a box the size of the app's graph, counting its renders.
'use strict';

/// Entente's seeded start positions (core/src/graph/layout.rs `hashed_point`, `initial_radius`):
/// the same start for both layouts. BigInt for the 64-bit hash; the rest in doubles, where the
/// core uses f32 (positions agree to about 1e-7 relative).
function startPosition(actor, n) {
  const M = (1n << 64n) - 1n;
  const mix64 = (z) => {
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
    return z ^ (z >> 31n);
  };
  const h = mix64(0x00e7e7e0n ^ mix64(BigInt(actor) ^ 0x005eed0fac70n));
  const u = Number(h >> 40n) / 2 ** 24;
  const v = Number(h & 0xffffffn) / 2 ** 24;
  const r = Math.SQRT2 * 4.2 * Math.sqrt(Math.max(n, 1)) * Math.sqrt(u);
  return [r * Math.cos(v * 2 * Math.PI), r * Math.sin(v * 2 * Math.PI)];
}

const KIND_COLOURS = ['#34495e', '#7d3c98', '#1f5f8b', '#6e7b8b', '#a04000', '#b9770e', '#117a65', '#7b7d7d'];
const QUAD_COLOURS = ['#4a90c9', '#17877b', '#e08a2c', '#c0392b'];

/// Builds the graph from `file` (the {nodes, edges} JSON of entente-cli bench-layout), every
/// relation weighing 1 as in the app's bundle, and runs ForceAtlas2 for `iterations` with the
/// app's layout settings. Returns the layout time.
window.__layout = async (file, iterations, settings) => {
  const { nodes, edges } = await (await fetch(file)).json();
  const Graph = graphology.Graph || graphology;
  const g = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < nodes; i++) {
    const [x, y] = startPosition(i, nodes);
    g.addNode(i, { x, y, color: KIND_COLOURS[i % 8] });
  }
  for (const [a, b] of edges) if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b, { weight: 1, color: QUAD_COLOURS[(a + b) % 4] });
  const t = performance.now();
  forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: 'weight' });
  const ms = performance.now() - t;
  g.forEachNode((n, a) => g.setNodeAttribute(n, 'size', 1.5 + Math.sqrt(g.degree(n)) / 2));
  window.__graph = g;
  return { ms, nodes: g.order, edges: g.size };
};

/// Draws the laid-out graph with sigma.js in a `width` × `height` box; resolves after its first
/// render. Throws if WebGL is missing.
window.__draw = (width, height) => {
  const box = document.getElementById('sigma');
  box.style.width = `${width}px`;
  box.style.height = `${height}px`;
  window.__renders = 0;
  const renderer = new Sigma(window.__graph, box);
  renderer.on('afterRender', () => window.__renders++);
  window.__sigma = renderer;
  renderer.refresh();
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.__renders))));
};
