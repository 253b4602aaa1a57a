// Cold load to interactive of the release build served by scripts/serve-dist.mjs: a fresh
// browser context each run (empty cache, service workers blocked), from navigation start to the
// frame that shows both seed articles' titles in the reader and the map's basemap. Baseline: a
// trivial static page from the same server, measured the same way, runs interleaved.
import { QUICK, fmt, launchBrowser, log, median, ms, serveSite, table, verdict } from './lib/common.mjs';
import { APP_READY, TRIVIAL_READY, readyTimes, watchReady } from './lib/ready.mjs';

const RUNS = QUICK ? 3 : 9;
const GOAL_MS = 1500;

const server = await serveSite('load');
const browser = await launchBrowser();
const app = [];
const trivial = [];
async function once(path, condition) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchReady(page, condition);
  await page.goto(server.url + path);
  const t = await readyTimes(page);
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    return { dcl: n.domContentLoadedEventEnd, wasmEnd: wasm?.responseEnd ?? null, started: window.__started ?? null };
  });
  await context.close();
  if (errors.length) throw new Error(`${path || 'index'}: ${errors.join('; ')}`);
  return { ...t, ...nav };
}
try {
  // One warm-up of each, not counted: the first launch of a renderer pays for the browser itself.
  await once('', APP_READY);
  await once('trivial.html', TRIVIAL_READY);
  for (let i = 0; i < RUNS; i++) {
    log(`load: run ${i + 1}/${RUNS}`);
    app.push(await once('', APP_READY));
    trivial.push(await once('trivial.html', TRIVIAL_READY));
  }
} finally {
  await browser.close();
  await server.close();
}

const m = (xs, k) => median(xs.map((x) => x[k]));
const appMs = m(app, 'frame');
const baseMs = m(trivial, 'frame');
console.log(
  [
    '## Cold load to interactive',
    '',
    `The release build served by \`scripts/serve-dist.mjs\` (127.0.0.1, production CSP, pre-compressed files), viewport 1400×900. ` +
      `Each run is a fresh browser context (empty HTTP cache, service workers blocked); time from navigation start to the animation frame ` +
      `after both seed articles' titles are in the reader and the map shows its basemap (timed inside the page by a MutationObserver). ` +
      `Median of ${RUNS} runs, app and baseline interleaved, after one uncounted warm-up of each.`,
    '',
    table(
      ['page', 'median', 'min', 'max', 'ratio', 'goal'],
      [
        ['trivial static page, same server (baseline)', ms(baseMs), ms(Math.min(...trivial.map((x) => x.frame))), ms(Math.max(...trivial.map((x) => x.frame))), '1.0×', ''],
        [
          'Entente: both titles in the reader and the map drawn',
          ms(appMs),
          ms(Math.min(...app.map((x) => x.frame))),
          ms(Math.max(...app.map((x) => x.frame))),
          `${fmt(appMs / baseMs, 1)}×`,
          `< ${fmt(GOAL_MS, 0)} ms: ${verdict(appMs < GOAL_MS)}`,
        ],
      ],
    ),
    '',
    `Where the app's time goes (medians): DOMContentLoaded ${ms(m(app, 'dcl'))}, the wasm file fully received ${ms(m(app, 'wasmEnd'))}, ` +
      `Trunk's start event (wasm compiled and the app's \`main\` returned) ${ms(m(app, 'started'))}, ready in the DOM ${ms(m(app, 'dom'))}, painted frame ${ms(appMs)}.`,
  ].join('\n'),
);
