// Map render and pan/zoom frame rate and memory: time to the first drawn basemap, then pans
// (drags) and zooms (wheel) over the map for a few seconds while the page counts its
// requestAnimationFrame frames; JS heap after load and after the interaction. Baseline: the same
// input and frame counting on a trivial static page in the same run, which shows what this
// headless, GPU-less machine can do at all.
//
// Two ways of driving the input:
// - real input through Playwright's mouse (CDP Input events). Playwright sends the next event
//   only once Chromium has acknowledged the previous one, so a page that is slow to handle
//   input receives fewer events: the input rate is a figure in itself;
// - synthetic events dispatched by the page itself, one per animation frame (60 Hz), so every
//   frame has a pan or zoom to draw: the frame rate is then the rate the map can redraw at.
import { QUICK, fmt, launchBrowser, log, mb, median, ms, serveSite, table } from './lib/common.mjs';
import { APP_READY, MAP_READY, TRIVIAL_READY, readyTimes, watchReady } from './lib/ready.mjs';

const SECONDS = QUICK ? 3 : 6;
const ROUNDS = QUICK ? 1 : 3;

const server = await serveSite('map');
const browser = await launchBrowser();

/// Counts animation frames and the pan/zoom input events that reach the page, until __stopFrames().
const FRAME_COUNTER = () => {
  const stamps = [];
  let inputs = 0;
  const onInput = () => inputs++;
  // Map redraws: batches of DOM changes inside the map (one per view update).
  let redraws = 0;
  const map = document.querySelector('.map-svg');
  const mutations = new MutationObserver(() => redraws++);
  if (map) mutations.observe(map, { subtree: true, childList: true, attributes: true });
  for (const t of ['pointermove', 'wheel']) addEventListener(t, onInput, { capture: true, passive: true });
  let on = true;
  const tick = (t) => {
    stamps.push(t);
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.__stopFrames = () => {
    on = false;
    for (const t of ['pointermove', 'wheel']) removeEventListener(t, onInput, { capture: true });
    if (mutations.takeRecords().length) redraws++;
    mutations.disconnect();
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]).sort((a, b) => a - b);
    const spanMs = stamps[stamps.length - 1] - stamps[0];
    return {
      fps: ((stamps.length - 1) * 1000) / spanMs,
      medianMs: gaps[gaps.length >> 1],
      p95Ms: gaps[Math.floor(gaps.length * 0.95)],
      worstMs: gaps[gaps.length - 1],
      inputsPerS: (inputs * 1000) / spanMs,
      redraws,
      redrawsPerS: (redraws * 1000) / spanMs,
    };
  };
};

/// Real input for SECONDS: a drag of 300 px in 15 steps, then one wheel turn in and one out,
/// the direction alternating so the view stays near the data. Returns how long Chromium took to
/// acknowledge each event.
async function realInput(page, box) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const acks = [];
  const timed = async (f) => {
    const t = performance.now();
    await f();
    acks.push(performance.now() - t);
  };
  const t0 = Date.now();
  let sign = 1;
  while (Date.now() - t0 < SECONDS * 1000) {
    await page.mouse.move(cx - sign * 150, cy - sign * 40);
    await page.mouse.down();
    for (let i = 1; i <= 15; i++) await timed(() => page.mouse.move(cx - sign * 150 + sign * 20 * i, cy - sign * 40 + sign * (80 / 15) * i));
    await page.mouse.up();
    await page.mouse.move(cx, cy);
    await timed(() => page.mouse.wheel(0, sign * -120));
    await timed(() => page.mouse.wheel(0, sign * 120));
    sign = -sign;
  }
  acks.sort((a, b) => a - b);
  return { ackMedianMs: acks[acks.length >> 1], ackP95Ms: acks[Math.floor(acks.length * 0.95)], ackWorstMs: acks[acks.length - 1] };
}

/// Synthetic input for SECONDS, one event per animation frame on `selector`: 15 pointermoves of
/// a drag, then a wheel turn in and one out, the direction alternating.
const SYNTHETIC = ([selector, seconds]) =>
  new Promise((done) => {
    const el = document.querySelector(selector);
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const pointer = (type, x, y) =>
      el.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'mouse', isPrimary: true, clientX: x, clientY: y, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, cancelable: true, composed: true }));
    const wheel = (dy) => el.dispatchEvent(new WheelEvent('wheel', { deltaY: dy, clientX: cx, clientY: cy, bubbles: true, cancelable: true, composed: true }));
    const t0 = performance.now();
    let step = 0;
    let sign = 1;
    const frame = () => {
      if (performance.now() - t0 > seconds * 1000) {
        pointer('pointerup', cx, cy);
        return done();
      }
      const k = step % 17;
      if (k === 0) pointer('pointerdown', cx - sign * 150, cy - sign * 40);
      if (k < 15) pointer('pointermove', cx - sign * 150 + sign * 20 * (k + 1), cy - sign * 40 + sign * (80 / 15) * (k + 1));
      if (k === 14) pointer('pointerup', cx + sign * 150, cy + sign * 40);
      if (k === 15) wheel(sign * -120);
      if (k === 16) { wheel(sign * 120); sign = -sign; }
      step++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function measure(path, condition, target) {
  const app = path === '';
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchReady(page, condition);
  if (app) await watchReady(page, MAP_READY, '__mapReady');
  await page.goto(server.url + path);
  const ready = await readyTimes(page);
  const mapReady = app ? await readyTimes(page, '__mapReady') : null;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.waitForTimeout(500);
  const loaded = await metrics(cdp);
  const wasmLoaded = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  const box = await page.locator(target).boundingBox();
  await page.evaluate(FRAME_COUNTER);
  const acks = await realInput(page, box);
  const real = { ...(await page.evaluate(() => window.__stopFrames())), ...acks };

  await page.evaluate(FRAME_COUNTER);
  await page.evaluate(SYNTHETIC, [target, SECONDS]);
  const synthetic = await page.evaluate(() => window.__stopFrames());

  const interacted = await metrics(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const collected = await metrics(cdp);
  const wasmAfter = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  await context.close();
  if (errors.length) throw new Error(`${path || 'app'}: ${errors.join('; ')}`);
  if (app && (real.redraws < 10 || synthetic.redraws < 10)) throw new Error(`the map hardly moved (${real.redraws} and ${synthetic.redraws} redraws): the input missed it`);
  return { ready, mapReady, loaded, interacted, collected, wasmLoaded, wasmAfter, real, synthetic };
}

const app = [];
const base = [];
try {
  for (let i = 0; i < ROUNDS; i++) {
    log(`map: round ${i + 1}/${ROUNDS} (${SECONDS} s of real and ${SECONDS} s of synthetic input each)`);
    app.push(await measure('', APP_READY, '.map-svg'));
    base.push(await measure('trivial.html', TRIVIAL_READY, 'h1'));
  }
} finally {
  await browser.close();
  await server.close();
}

// For each figure, the median over the rounds.
const med = (runs, f) => median(runs.map(f));
const frameRows = (mode) => {
  const row = (label, runs, ref) => [
    label,
    fmt(med(runs, (r) => r[mode].fps), 1),
    `${fmt(med(runs, (r) => r[mode].fps) / med(ref, (r) => r[mode].fps), 2)}×`,
    ms(med(runs, (r) => r[mode].medianMs)),
    ms(med(runs, (r) => r[mode].p95Ms)),
    ms(med(runs, (r) => r[mode].worstMs)),
    fmt(med(runs, (r) => r[mode].inputsPerS), 0),
    runs === app ? fmt(med(runs, (r) => r[mode].redrawsPerS), 0) : '–',
    ...(mode === 'real' ? [`${ms(med(runs, (r) => r.real.ackMedianMs))} / ${ms(med(runs, (r) => r.real.ackP95Ms))} / ${ms(med(runs, (r) => r.real.ackWorstMs))}`] : []),
  ];
  return [row('trivial page (baseline)', base, base), row('Entente map', app, base)];
};
const header = ['page', 'fps', 'ratio', 'median frame', 'p95 frame', 'worst frame', 'input events/s reaching the page', 'map redraws/s'];
const a = (f) => med(app, f);
const heapRow = (label, k, fmtf = mb) => [label, fmtf(a((r) => r.loaded[k])), fmtf(a((r) => r.interacted[k])), fmtf(a((r) => r.collected[k])), fmtf(med(base, (r) => r.collected[k]))];
console.log(
  [
    '## Map: first render, pan and zoom frame rate, memory',
    '',
    `The release build, viewport 1400×900, a fresh context per round; ${ROUNDS} rounds of the app and of the baseline (a trivial static page, ` +
      `same input, same counting), interleaved; each figure is the median over the rounds. Headless Chromium without a GPU on a shared 2-core machine, ` +
      `so the baseline shows what the machine can do at all. Frames are requestAnimationFrame callbacks (the main thread's frame rate; ` +
      `rasterising and compositing happen on other threads and are not seen by it). Map redraws are the batches of DOM changes inside the map ` +
      `(a MutationObserver on it): one per view update, so they show how often the map actually moved.`,
    '',
    table(
      ['time from navigation start', 'median'],
      [
        ['map basemap drawn (first render)', ms(a((r) => r.mapReady.frame))],
        ['app ready (both titles in the reader, map drawn)', ms(a((r) => r.ready.frame))],
        ['trivial page shown (baseline)', ms(med(base, (r) => r.ready.frame))],
      ],
    ),
    '',
    `**Real input** (${SECONDS} s): Playwright's mouse drags the map 300 px in 15 steps, then turns the wheel in and out, over and over. ` +
      `Playwright sends each event once Chromium has acknowledged the one before, so a page that handles input slowly receives fewer events; ` +
      `the last column is how long that acknowledgement took.`,
    '',
    table([...header, 'acknowledged after (median / p95 / worst)'], frameRows('real')),
    '',
    `**Synthetic input at the frame rate** (${SECONDS} s): the page dispatches one event per animation frame itself (pointer events of the same drags, ` +
      `then the wheel turns), so every frame has a pan or a zoom to draw; the frame rate is what the map sustains under continuous panning.`,
    '',
    table(header, frameRows('synthetic')),
    '',
    table(
      ['memory (Chromium metrics over CDP)', 'after load', 'after pan and zoom', 'after a forced GC', 'baseline page, after GC'],
      [
        heapRow('JS heap used', 'JSHeapUsedSize'),
        heapRow('JS heap total', 'JSHeapTotalSize'),
        heapRow('DOM nodes', 'Nodes', (x) => fmt(x, 0)),
        ['wasm linear memory (outside the JS heap)', mb(a((r) => r.wasmLoaded)), mb(a((r) => r.wasmAfter)), mb(a((r) => r.wasmAfter)), '–'],
      ],
    ),
  ].join('\n'),
);
