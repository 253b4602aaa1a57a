// Graph layout and pan/zoom frame rate in the browser: the app itself against sigma.js +
// graphology-layout-forceatlas2, on the generated graphs of bench 70 (1,000, 5,000 and 20,000
// actors; --quick skips 20,000), in the same headless Chromium.
//
// Entente: the release build opens a bundle whose actor graph is the generated graph (one event
// per relation, bench/lib/graph-bundle.mjs), then "Show all N actors": the app lays the graph
// out with the core's ForceAtlas2 compiled to wasm (timed by the app, reported in data
// attributes of the graph) and draws it on its canvas. graphology-layout-forceatlas2 then runs
// in a page of the same browser on the same graph from the same start positions (Entente's
// seeded ones) with the app's settings, for as many iterations as the app's layout took to
// settle, and sigma.js draws the result with WebGL (SwiftShader, as this machine has no GPU).
//
// Pan and zoom: as bench 60 does for the map, the page dispatches one input event per
// animation frame (15 steps of a drag, then a wheel turn in and one out, over and over) and
// counts requestAnimationFrame callbacks and the renderer's own redraws.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { QUICK, OUT, ROOT, chromiumVersion, cliPath, fmt, forceAtlas2Settings, launchBrowser, log, ms, serveSite, table, verdict } from './lib/common.mjs';
import { graphBundle } from './lib/graph-bundle.mjs';

const SECONDS = QUICK ? 3 : 5;
const VIEWPORT = { width: 1400, height: 900 };
/// The app's layout settings (src/views/graph.rs), in graphology's names.
const SETTINGS = forceAtlas2Settings({ scaling: 12, gravity: 0.6 });
/// The issue's goal at 5,000 actors.
const GOAL_FPS = 50;

const require = createRequire(import.meta.url);
const pkg = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

/// A CommonJS module and what it requires, as one browser script that sets window[name]: enough
/// for graphology-layout-forceatlas2, which ships no browser build.
function cjsBundle(entry, name) {
  const ids = new Map();
  const defs = [];
  const add = (file) => {
    if (ids.has(file)) return ids.get(file);
    const id = defs.length;
    ids.set(file, id);
    defs.push(null);
    const resolve = createRequire(file).resolve;
    const src = readFileSync(file, 'utf8').replace(/require\((['"])([^'"]+)\1\)/g, (_, q, spec) => `__req(${add(resolve(spec))})`);
    defs[id] = `function (module, exports, __req) {\n${src}\n}`;
    return id;
  };
  add(require.resolve(entry));
  return `(function () {\nvar defs = [${defs.join(',\n')}];\nvar cache = [];\nfunction __req(i) {\n  if (!cache[i]) { var m = { exports: {} }; cache[i] = m; defs[i](m, m.exports, __req); }\n  return cache[i].exports;\n}\nwindow.${name} = __req(0);\n})();\n`;
}

const dir = join(OUT, 'layout');
log('entente-cli bench-layout: the generated graphs');
const graphs = execFileSync(cliPath(), ['bench-layout', dir], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l))
  .filter((r) => !QUICK || r.nodes <= 5000);
const files = {
  'graphology.js': readFileSync(join(ROOT, 'node_modules/graphology/dist/graphology.umd.min.js')),
  'sigma.js': readFileSync(join(ROOT, 'node_modules/sigma/dist/sigma.min.js')),
  'forceatlas2.js': cjsBundle('graphology-layout-forceatlas2', 'forceAtlas2'),
};
for (const g of graphs) files[`graph-${g.nodes}.json`] = readFileSync(g.file);
const server = await serveSite('graph', files);
const browser = await launchBrowser();

/// Counts animation frames until __stopFrames(); `redraws` reads the renderer's count of frames
/// drawn, `drawings` its count of full drawings (the app; sigma draws every frame in full).
const FRAME_COUNTER = ([redraws, drawings]) => {
  const count = new Function(`return (${redraws})`);
  const full = new Function(`return (${drawings})`);
  const stamps = [];
  const first = count();
  const firstFull = full();
  let on = true;
  const tick = (t) => {
    stamps.push(t);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__stopFrames = () => {
    on = false;
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
    const spanMs = stamps[stamps.length - 1] - stamps[0];
    return {
      fps: ((stamps.length - 1) * 1000) / spanMs,
      medianMs: gaps[gaps.length >> 1],
      p95Ms: gaps[Math.floor(gaps.length * 0.95)],
      worstMs: gaps[gaps.length - 1],
      redrawsPerS: ((count() - first) * 1000) / spanMs,
      drawingsPerS: ((full() - firstFull) * 1000) / spanMs,
    };
  };
};

/// One input event per animation frame for `seconds` on the element under the box's centre:
/// pointer events for the app, mouse events for sigma (what each listens to).
const SYNTHETIC = ([box, seconds, kind]) =>
  new Promise((done) => {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const el = document.elementFromPoint(cx, cy);
    const names = kind === 'pointer' ? ['pointerdown', 'pointermove', 'pointerup'] : ['mousedown', 'mousemove', 'mouseup'];
    const Ctor = kind === 'pointer' ? PointerEvent : MouseEvent;
    const send = (i, x, y) =>
      el.dispatchEvent(new Ctor(names[i], { pointerId: 7, pointerType: 'mouse', isPrimary: true, button: 0, buttons: i === 2 ? 0 : 1, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true }));
    const wheel = (dy) => el.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, deltaMode: 0, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    const t0 = performance.now();
    let step = 0;
    let sign = 1;
    const frame = () => {
      if (performance.now() - t0 > seconds * 1000) {
        send(2, cx, cy);
        return done();
      }
      const k = step % 17;
      if (k === 0) send(0, cx - sign * 150, cy - sign * 40);
      if (k < 15) send(1, cx - sign * 150 + sign * 20 * (k + 1), cy - sign * 40 + sign * (80 / 15) * (k + 1));
      if (k === 14) send(2, cx + sign * 150, cy + sign * 40);
      if (k === 15) wheel(sign * -120);
      if (k === 16) { wheel(sign * 120); sign = -sign; }
      step++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

/// The app's worst case: a drag of 1.2 canvas widths per animation frame, back and forth, always
/// beyond the margin its last drawing covers (half a width), so every frame draws every node and
/// edge anew.
const FLING = ([box, seconds]) =>
  new Promise((done) => {
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const el = document.elementFromPoint(cx, cy);
    const send = (type, x) =>
      el.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    const t0 = performance.now();
    let step = 0;
    send('pointerdown', cx);
    const frame = () => {
      if (performance.now() - t0 > seconds * 1000) {
        send('pointerup', cx);
        return done();
      }
      send('pointermove', cx + (step % 2 ? 0.6 : -0.6) * box.width);
      step++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

async function frameRate(page, box, kind, redraws, drawings = redraws) {
  await page.evaluate(FRAME_COUNTER, [redraws, drawings]);
  await page.evaluate(kind === 'fling' ? FLING : SYNTHETIC, [box, SECONDS, kind]);
  return page.evaluate(() => window.__stopFrames());
}

async function newPage() {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

/// The app on the bundle of graph `g`: import, "Show all", layout and first frame, then pan/zoom.
async function entente(g, bundle) {
  const { context, page, errors } = await newPage();
  await page.goto(server.url);
  await page.locator('html[data-entente="ready"]').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  let t = Date.now();
  await page.locator('#open-bundle').setInputFiles(bundle);
  const scope = page.locator('.graph-scope', { hasText: `Show all ${g.nodes} actors` });
  await scope.waitFor({ timeout: 900_000 });
  const importMs = Date.now() - t;
  // The articles panel closed again, so the graph has the room it has on a first visit.
  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  t = Date.now();
  await scope.click({ timeout: 900_000 });
  await page.locator(`section.graph[data-nodes="${g.nodes}"] canvas.graph-canvas`).waitFor({ timeout: 900_000 });
  await page.waitForFunction(() => Number(document.querySelector('canvas.graph-canvas')?.dataset.frames) > 0, null, { timeout: 900_000 });
  const shownMs = Date.now() - t;
  const layout = await page.evaluate(() => {
    const s = document.querySelector('section.graph').dataset;
    return { ms: Number(s.layoutMs), iterations: Number(s.layoutIterations) };
  });
  const box = await page.locator('canvas.graph-canvas').boundingBox();
  await page.screenshot({ path: join(OUT, `graph-entente-${g.nodes}.png`) });
  const canvas = "document.querySelector('canvas.graph-canvas').dataset";
  const fps = await frameRate(page, box, 'pointer', `Number(${canvas}.frames)`, `Number(${canvas}.drawings)`);
  await page.screenshot({ path: join(OUT, `graph-entente-${g.nodes}-moved.png`) });
  await page.waitForTimeout(500);
  const fling = await frameRate(page, box, 'fling', `Number(${canvas}.frames)`, `Number(${canvas}.drawings)`);
  await context.close();
  if (errors.length) throw new Error(`Entente, ${g.nodes} actors: ${errors.join('; ')}`);
  if (fps.redrawsPerS < 1) throw new Error(`Entente, ${g.nodes} actors: the canvas did not redraw under the input`);
  if (fling.drawingsPerS < 1) throw new Error(`Entente, ${g.nodes} actors: the flings did not make full drawings`);
  return { importMs, shownMs, layout, box, fps, fling };
}

/// graphology FA2 for `iterations`, then sigma.js in a box of the app's graph size.
async function sigma(g, iterations, box) {
  const { context, page, errors } = await newPage();
  await page.goto(`${server.url}graph-sigma.html`);
  const layout = await page.evaluate(([file, n, s]) => window.__layout(file, n, s), [`graph-${g.nodes}.json`, iterations, SETTINGS]);
  let drawn = null;
  let fps = null;
  let failure = null;
  try {
    await page.evaluate(([w, h]) => window.__draw(w, h), [box.width, box.height]);
    await page.screenshot({ path: join(OUT, `graph-sigma-${g.nodes}.png`), clip: { x: 0, y: 0, width: box.width, height: box.height } });
    drawn = true;
    fps = await frameRate(page, { x: 0, y: 0, width: box.width, height: box.height }, 'mouse', 'window.__renders');
    await page.screenshot({ path: join(OUT, `graph-sigma-${g.nodes}-moved.png`), clip: { x: 0, y: 0, width: box.width, height: box.height } });
  } catch (e) {
    failure = e.message.split('\n')[0];
  }
  await context.close();
  if (errors.length && !failure) failure = errors.join('; ');
  return { layout, drawn, fps, failure };
}

/// The same input on a trivial page: what the machine does at all.
async function baseline() {
  const { context, page } = await newPage();
  await page.goto(`${server.url}trivial.html`);
  const fps = await frameRate(page, { x: 0, y: 0, width: 800, height: 400 }, 'mouse', '0', '0');
  await context.close();
  return fps;
}

const rows = [];
let base;
try {
  base = await baseline();
  for (const g of graphs) {
    const bundle = join(OUT, `graph-${g.nodes}.bundle.json`);
    writeFileSync(bundle, graphBundle(g.nodes, JSON.parse(readFileSync(g.file, 'utf8')).edges));
    log(`Entente: ${g.nodes} actors`);
    const ours = await entente(g, bundle);
    log(`Entente: layout ${fmt(ours.layout.ms, 0)} ms, ${ours.layout.iterations} iterations; ${fmt(ours.fps.fps, 1)} fps`);
    log(`graphology + sigma.js: ${g.nodes} actors, ${ours.layout.iterations} iterations`);
    const theirs = await sigma(g, ours.layout.iterations, ours.box);
    log(`graphology: layout ${fmt(theirs.layout.ms, 0)} ms; sigma: ${theirs.fps ? fmt(theirs.fps.fps, 1) + ' fps' : theirs.failure}`);
    rows.push({ g, ours, theirs });
  }
} finally {
  await browser.close();
  await server.close();
}

const size = (g) => `${g.nodes.toLocaleString('en-US')} actors, ${g.edges.toLocaleString('en-US')} relations`;
const fpsCell = (f) => (f ? fmt(f.fps, 1) : '–');
const at5k = rows.find((r) => r.g.nodes === 5000);
console.log(
  [
    '## Graph in the browser: layout and pan/zoom frame rate, Entente against sigma.js',
    '',
    `${chromiumVersion()}, headless, no GPU (WebGL on SwiftShader, Chromium's software renderer), viewport ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `on a shared 2-core machine; one run per graph. The graphs are those of the layout section above (\`entente-cli bench-layout\`, seed 2014), ` +
      `every relation one event (weight 1). **Entente** is the release build: it opens the graph as a bundle and shows all actors; its layout ` +
      `(the core's ForceAtlas2, Barnes-Hut θ = 1, scaling 12, strong gravity 0.6, compiled to wasm) runs until it settles by its own criterion ` +
      `(at most 1,500 iterations) and is timed by the app; the canvas renderer draws it. **graphology-layout-forceatlas2** ${pkg('graphology-layout-forceatlas2')} ` +
      `runs in a page of the same browser with the same settings, from the same start positions, for the same number of iterations; ` +
      `**sigma.js** ${pkg('sigma')} (WebGL) draws its result in a box of the size of the app's graph (${rows[0] ? `${fmt(rows[0].ours.box.width, 0)}×${fmt(rows[0].ours.box.height, 0)}` : '–'} CSS pixels) with its default settings. ` +
      `Pan and zoom: ${SECONDS} s of synthetic input, one event per animation frame (drags of 15 steps, then a wheel turn in and out); ` +
      `fps counts requestAnimationFrame callbacks; frames drawn/s the renderer's own frames (the app's canvas frames; sigma's afterRender events). ` +
      `While the camera moves, the app's frames copy its last full drawing shifted and scaled (the drawing covers half the canvas's size more on every side, ` +
      `and is made again when the camera rests for 120 ms; a frame whose pan leaves it or whose zoom scales it beyond 1.5× is drawn anew straight onto ` +
      `the canvas, without the margin): "full drawings/s" counts the drawings of every node and edge in view; sigma.js renders every node and edge in ` +
      `every frame (WebGL). The app's worst case is measured apart: a drag of 1.2 canvas widths per frame, back and forth, so that every frame draws ` +
      `every node and edge in view anew. ` +
      `Same input on a trivial page: ${fmt(base?.fps, 1)} fps.`,
    '',
    table(
      ['graph', 'iterations', 'Entente layout (wasm)', 'graphology FA2, same iterations', 'speed-up', 'Entente: bundle opened / all actors shown'],
      rows.map(({ g, ours, theirs }) => [
        size(g),
        ours.layout.iterations,
        ms(ours.layout.ms),
        ms(theirs.layout.ms),
        `${fmt(theirs.layout.ms / ours.layout.ms, 2)}×`,
        `${ms(ours.importMs)} / ${ms(ours.shownMs)}`,
      ]),
    ),
    '',
    table(
      ['graph', 'Entente canvas fps', 'median / p95 / worst frame', 'frames drawn/s (full drawings/s)', 'Entente, every frame a full drawing: fps (full drawings/s)', 'sigma.js fps', 'median / p95 / worst frame', 'renders/s'],
      rows.map(({ g, ours, theirs }) => [
        size(g),
        fpsCell(ours.fps),
        `${ms(ours.fps.medianMs)} / ${ms(ours.fps.p95Ms)} / ${ms(ours.fps.worstMs)}`,
        `${fmt(ours.fps.redrawsPerS, 0)} (${fmt(ours.fps.drawingsPerS, 1)})`,
        `${fpsCell(ours.fling)} (${fmt(ours.fling.drawingsPerS, 0)})`,
        theirs.fps ? fpsCell(theirs.fps) : `did not render: ${theirs.failure}`,
        theirs.fps ? `${ms(theirs.fps.medianMs)} / ${ms(theirs.fps.p95Ms)} / ${ms(theirs.fps.worstMs)}` : '–',
        theirs.fps ? fmt(theirs.fps.redrawsPerS, 0) : '–',
      ]),
    ),
    '',
    at5k
      ? `Goal at 5,000 actors and 20,000 relations: pan and zoom at ${GOAL_FPS} fps or more: ${fmt(at5k.ours.fps.fps, 1)} fps, ${verdict(at5k.ours.fps.fps >= GOAL_FPS)}; ` +
        `when every frame is a full drawing (flings beyond the drawn margin) ${fmt(at5k.ours.fling.fps, 1)} fps, ` +
        `${verdict(at5k.ours.fling.fps >= GOAL_FPS)}${at5k.ours.fling.fps < GOAL_FPS ? ` (${fmt(GOAL_FPS / at5k.ours.fling.fps, 2)}× short: Chromium rasterises the 2D canvas in software here)` : ''}; ` +
        `layout settled faster than graphology's ForceAtlas2 on the same graph: ${ms(at5k.ours.layout.ms)} against ${ms(at5k.theirs.layout.ms)}, ` +
        `${verdict(at5k.ours.layout.ms < at5k.theirs.layout.ms)}.`
      : '',
  ].join('\n'),
);
