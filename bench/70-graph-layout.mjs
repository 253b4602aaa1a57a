// Graph layout time: Entente's ForceAtlas2 (Rust, Barnes-Hut; `entente-cli bench-layout`) against
// graphology-layout-forceatlas2 (the layout sigma.js uses) on the very same generated graphs,
// with the same force settings, in the same run. Entente's layout stops by its own criterion
// (drift below epsilon); graphology's has none, so it runs as many iterations as Entente needed.
// Both run outside the browser: Entente natively, graphology in Node's V8; Entente's wasm build
// is slower than native (the extraction sections give the ratio on text).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { QUICK, OUT, cliPath, fmt, forceAtlas2Settings, log, ms, table } from './lib/common.mjs';

const dir = join(OUT, 'layout');
log('native: entente-cli bench-layout');
const ours = execFileSync(cliPath(), ['bench-layout', dir], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .filter((r) => !QUICK || r.nodes <= 5000);

/// SplitMix64-free, fixed seeding for the start positions: a 32-bit xorshift.
function positions(n, seed) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
  return Array.from({ length: n }, () => [next() * 1000 - 500, next() * 1000 - 500]);
}

const rows = [];
for (const r of ours) {
  const { nodes, edges } = JSON.parse(readFileSync(r.file, 'utf8'));
  const g = new Graph({ type: 'undirected', multi: false });
  const start = positions(nodes, 2014);
  for (let i = 0; i < nodes; i++) g.addNode(i, { x: start[i][0], y: start[i][1] });
  for (const [a, b, w] of edges) {
    if (a === b) continue;
    if (g.hasEdge(a, b)) g.updateEdgeAttribute(a, b, 'weight', (x) => x + w);
    else g.addEdge(a, b, { weight: w });
  }
  if (g.size !== r.edges) throw new Error(`graph-${nodes}: graphology has ${g.size} edges, Entente ${r.edges}`);
  // Entente's LayoutSettings::default(), in graphology's names.
  const settings = forceAtlas2Settings({ scaling: 2, gravity: 0.1 });
  log(`graphology FA2: ${nodes} nodes, ${r.iterations} iterations`);
  const t = performance.now();
  forceAtlas2.assign(g, { iterations: r.iterations, settings, getEdgeWeight: 'weight' });
  const theirs = performance.now() - t;
  rows.push([
    `${nodes.toLocaleString('en-US')} actors, ${r.edges.toLocaleString('en-US')} relations`,
    `${r.iterations}${r.settled ? '' : ' (not settled)'}`,
    ms(r.settle_ms),
    `${fmt(r.ms_per_iteration, 2)} ms`,
    ms(theirs),
    `${fmt(theirs / r.iterations, 2)} ms`,
    `${fmt(theirs / r.settle_ms, 2)}×`,
  ]);
}

console.log(
  [
    '## Graph layout: Entente against graphology ForceAtlas2',
    '',
    `Generated scale-free graphs (preferential attachment, \`entente_core::graph::generate\`, seed 2014; edges written by \`entente-cli bench-layout\` ` +
      `and read by both). Entente's layout (\`entente_core::graph::layout\`, ForceAtlas2 with Barnes-Hut, θ = 1) runs natively until it settles ` +
      `by its own criterion; graphology-layout-forceatlas2 ${'0.10.1'} (the layout of sigma.js) runs in Node ${process.version} with the same forces ` +
      `(scaling 2, strong gravity 0.1, edge weights, Barnes-Hut θ = 1) for the same number of iterations. "Speed-up" is graphology's time over ` +
      `Entente's. The layout in wasm inside Chromium, against graphology in the same browser, and the pan and zoom frame rate of ` +
      `the app's canvas against sigma.js are in the next section.`,
    '',
    table(['graph', 'iterations to settle', 'Entente', 'per iteration', 'graphology FA2, same iterations', 'per iteration', 'speed-up'], rows),
  ].join('\n'),
);
