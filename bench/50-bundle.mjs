// Bundle sizes: every file of dist/ that a first load fetches (found by loading the app once and
// logging its requests), raw, gzip -9 and brotli -q 11 (the files build_release writes beside each
// asset), with the bytes this server actually sent; then the files a first load does not fetch.
// Goal: the first load under 1 MB compressed.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, fmt, kb, launchBrowser, log, requireDist, serveSite, table, verdict } from './lib/common.mjs';
import { APP_READY, readyTimes, watchReady } from './lib/ready.mjs';

const GOAL = 1_000_000;
requireDist();

// One cold load, logging what it fetches and how each response came.
const server = await serveSite('bundle');
const browser = await launchBrowser();
const fetched = new Map(); // file name → {encoding, bodyBytes}
let workerRequested = [];
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const pending = [];
  page.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const url = new URL(req.url());
        if (url.origin !== new URL(server.url).origin) return;
        const name = decodeURIComponent(url.pathname.slice(1)) || 'index.html';
        const res = await req.response();
        // scripts/serve-dist.mjs sets content-length to the body it sends (compressed or not).
        const headers = res?.headers() ?? {};
        fetched.set(name, { encoding: headers['content-encoding'] ?? 'identity', bodyBytes: Number(headers['content-length'] ?? NaN), status: res?.status() });
      })(),
    );
  });
  page.on('worker', (w) => workerRequested.push(w.url()));
  await watchReady(page, APP_READY);
  await page.goto(server.url);
  await readyTimes(page);
  // Anything the app fetches lazily right after showing itself is part of the first load too.
  await page.waitForTimeout(2000);
  await Promise.all(pending);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
log(`bundle: first load fetched ${[...fetched.keys()].join(', ')}`);

const size = (f) => (existsSync(join(DIST, f)) ? statSync(join(DIST, f)).size : null);
const assets = readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f) && statSync(join(DIST, f)).isFile()).sort();
const isWorker = (f) => /^worker/.test(f);
const row = (f) => {
  const served = fetched.get(f);
  return {
    f,
    raw: size(f),
    gz: size(`${f}.gz`) ?? size(f),
    br: size(`${f}.br`) ?? size(f),
    served,
  };
};
const first = assets.filter((f) => fetched.has(f)).map(row);
const notFound = [...fetched.keys()].filter((f) => !assets.includes(f));
const workers = assets.filter((f) => isWorker(f) && !fetched.has(f)).map(row);
const others = assets.filter((f) => !isWorker(f) && !fetched.has(f)).map(row);
const sum = (rows, k) => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
const sent = (rows) => rows.reduce((s, r) => s + (r.served?.bodyBytes ?? 0), 0);
const kind = (f) => (f.endsWith('.wasm') ? 'wasm' : f.endsWith('.js') ? 'JS' : f.endsWith('.css') ? 'CSS' : f.endsWith('.html') ? 'HTML' : f.endsWith('.svg') ? 'icon' : f.split('.').pop());
const lines = (rows, withServed) =>
  rows.map((r) => [
    `\`${r.f.replace(/-[0-9a-f]{16}/, '-…')}\``,
    kind(r.f),
    kb(r.raw),
    kb(r.gz),
    kb(r.br),
    ...(withServed ? [r.served ? `${kb(r.served.bodyBytes)} (${r.served.encoding})` : '–'] : []),
  ]);
const total = (label, rows, withServed) => [`**${label}**`, '', `**${kb(sum(rows, 'raw'))}**`, `**${kb(sum(rows, 'gz'))}**`, `**${kb(sum(rows, 'br'))}**`, ...(withServed ? [`**${kb(sent(rows))}**`] : [])];

const brTotal = sum(first, 'br');
const gzTotal = sum(first, 'gz');
const out = [
  '## Bundle sizes',
  '',
  `dist/ as \`build_release\` leaves it; gzip is \`gzip -9\` and brotli \`brotli -q 11\`, the files served beside each asset. ` +
    `"First load" is what a cold load of the app actually requested (logged in Chromium until the app was ready, plus 2 s); ` +
    `"sent" is the response body this server sent to Chromium for it, with its content-encoding. kB = 1,000 bytes.`,
  '',
  'First load:',
  '',
  table(['file', 'kind', 'raw', 'gzip', 'brotli', 'sent'], [...lines(first, true), total('total', first, true)]),
  '',
  table(
    ['first load, compressed', 'total', 'goal', ''],
    [
      ['brotli', kb(brTotal), `< ${kb(GOAL)}`, verdict(brTotal < GOAL)],
      ['gzip', kb(gzTotal), `< ${kb(GOAL)}`, verdict(gzTotal < GOAL)],
      ['as sent to Chromium by this server', kb(sent(first)), `< ${kb(GOAL)}`, verdict(sent(first) < GOAL)],
    ],
  ),
  '',
];
if (notFound.length) out.push(`Requested but not in dist/: ${notFound.map((f) => `\`${f}\``).join(', ')}.`, '');
// Who starts the worker: src/worker_client.rs's start_extraction, called from the app's code.
const callers = readdirSync(join(ROOT, 'src'), { recursive: true })
  .filter((f) => f.endsWith('.rs') && !f.endsWith('worker_client.rs'))
  .filter((f) => /start_extraction\s*\(/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
out.push(
  `The extraction worker's files, which the first load ${workers.length && !workerRequested.length ? 'did not fetch' : 'fetched or started: ' + workerRequested.join(', ')}. ` +
    'The app creates the worker only through `start_extraction` in `src/worker_client.rs`, to read articles a user adds; ' +
    (callers.length ? `it is called from ${callers.map((f) => `\`src/${f}\``).join(', ')}.` : 'no code in `src/` calls it yet, so at present the app never loads these files.'),
  '',
  table(['file', 'kind', 'raw', 'gzip', 'brotli'], [...lines(workers, false), total('worker total', workers, false)]),
  '',
);
if (others.length) {
  out.push(
    'Other files in dist/ that a first load does not fetch (`entente-offline.html` is the single-file build, opened from disk instead of served):',
    '',
    table(['file', 'kind', 'raw', 'gzip', 'brotli'], lines(others, false)),
  );
}
console.log(out.join('\n'));
