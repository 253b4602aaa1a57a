// Adding articles in the app itself: the release build, its Articles panel's file input given a
// corpus of files at once (the evaluation texts and seeds joined into articles of about 5 kB, as
// in bench 30), timed from the choice of files to the batch's report, with the page's main-thread
// long tasks meanwhile. Bench 30 times the worker alone; this adds what the page does with the
// worker's answer (reading the bundle into the model, indexing it, drawing the views), which is
// where a long task can come from. Goal: no main-thread task over 100 ms.
//
// The files are served beside the app and made into File objects in the page before the clock
// starts, then given to the input as a user's choice would be (a FileList, then 'change').
// Playwright's setInputFiles would build them inside the page's clock instead: at 20 MB that
// alone is a main-thread task of several seconds that is the harness's, not the app's.
import { articles } from './pages/articles.js';
import { QUICK, fmt, gumTexts, launchBrowser, log, mb, ms, ploverTexts, re3dTexts, seeds, serveSite, table, verdict } from './lib/common.mjs';

const SIZES = QUICK ? [1e6] : [1e6, 5e6, 20e6, 50e6];
const ARTICLE_BYTES = 3500;
const GOAL_TASK_MS = 100;
const TIMEOUT_MS = 10 * 60 * 1000;

const base = [...seeds(), ...re3dTexts(), ...gumTexts(), ...ploverTexts()].map((t) => ({ ...t, bytes: Buffer.byteLength(t.text) }));

/// Files of at least ARTICLE_BYTES each, built as bench 30's page builds its articles.
function corpus(target) {
  const files = [];
  let bytes = 0;
  for (const a of articles(base, { minBytes: ARTICLE_BYTES })) {
    if (bytes >= target) break;
    const buffer = Buffer.from(a.text);
    files.push({ name: a.name.endsWith('.txt') ? a.name : `${a.name}.txt`, mimeType: 'text/plain', buffer });
    bytes += buffer.length;
  }
  return { files, bytes };
}

const LONG_TASKS = () => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

/// The corpora as served: all the files' bytes in one file, and their names and lengths.
const corpora = SIZES.map(corpus);
const served = Object.fromEntries(
  corpora.flatMap(({ files }, i) => [
    [`ingest-${i}.bin`, Buffer.concat(files.map((f) => f.buffer))],
    [`ingest-${i}.json`, JSON.stringify(files.map((f) => [f.name, f.buffer.length]))],
  ]),
);

/// In the page: the served corpus `i` as a FileList of File objects, kept for CHOOSE.
const PREPARE = async (i) => {
  const [blob, index] = await Promise.all([fetch(`ingest-${i}.bin`).then((r) => r.blob()), fetch(`ingest-${i}.json`).then((r) => r.json())]);
  const chosen = new DataTransfer();
  let at = 0;
  for (const [name, length] of index) {
    chosen.items.add(new File([blob.slice(at, at + length)], name, { type: 'text/plain' }));
    at += length;
  }
  window.__chosen = chosen.files;
};

/// In the page: the user's choice of the prepared files in the Articles panel's file input.
const CHOOSE = () => {
  const input = document.querySelector('#add-files');
  input.files = window.__chosen;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};

const server = await serveSite('app-ingest', served);
const browser = await launchBrowser();
const rows = [];
try {
  for (const [i, { files, bytes }] of corpora.entries()) {
    log(`app ingest: ${mb(bytes)} in ${files.length} files`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addInitScript(LONG_TASKS);
      await page.goto(server.url);
      await page.locator('html[data-entente="ready"]').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Articles', exact: true }).click();
      await page.locator('.articles').waitFor();
      await page.evaluate(PREPARE, i);
      // Let the load's and the preparation's own long tasks end before the clock starts.
      await page.waitForTimeout(500);
      const t0 = await page.evaluate(() => performance.now());
      await page.evaluate(CHOOSE);
      await page.locator('.report').waitFor({ timeout: TIMEOUT_MS });
      await page.locator('#ingest-progress').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      // The views draw the new model in the frames after the report; wait for two of them.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const t1 = await page.evaluate(() => performance.now());
      await page.waitForTimeout(100);
      const r = await page.evaluate(
        ([a, b]) => {
          const during = window.__long.filter((t) => t.start >= a && t.start < b);
          return {
            longest: Math.max(0, ...during.map((t) => t.duration)),
            over: during.filter((t) => t.duration > 100).length,
            total: during.reduce((s, t) => s + t.duration, 0),
            counts: document.querySelector('[data-testid="counts"]')?.textContent ?? '',
            report: [...document.querySelectorAll('.report li')].slice(0, 2).map((li) => li.textContent),
          };
        },
        [t0, t1],
      );
      const added = Number(r.counts.match(/([\d,]+) articles/)?.[1].replace(/,/g, '') ?? 0) - 2;
      rows.push({ bytes, files: files.length, added, ms: t1 - t0, ...r, error: errors[0] ?? (added === files.length ? null : `the app shows ${r.counts}; report: ${r.report.join(' / ')}`) });
    } catch (e) {
      rows.push({ bytes, files: files.length, error: e.message.split('\n')[0] });
    } finally {
      await context.close().catch(() => {});
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const lines = [
  '## Adding articles in the app',
  '',
  `The release build's Articles panel is given all the files at once through its file input, as a user's choice of files (File objects made in the page before the clock starts, so that building them is not counted; articles of at least ${fmt(ARTICLE_BYTES / 1000)} kB joined from ` +
    `the seeds and the evaluation texts, as in the section above). Timed in the page from the choice of files to the report of the batch, ` +
    'two frames after it, so the views have drawn the new model; long tasks are the main thread\'s (PerformanceObserver \'longtask\'). ' +
    'This includes what the worker benchmark leaves out: the page reading the worker\'s bundle into its model and indexing it.',
  '',
  table(
    ['corpus added', 'time to the report', 'MB/s', 'longest main-thread task', 'tasks over 100 ms (their total)', `goal: no task over ${GOAL_TASK_MS} ms`],
    rows.map((r) =>
      r.ms == null || r.error
        ? [`${mb(r.bytes)}, ${r.files.toLocaleString('en-US')} files`, `failed: ${r.error}`, '–', '–', '–', '**not met**']
        : [
            `${mb(r.bytes)}, ${r.files.toLocaleString('en-US')} files`,
            ms(r.ms),
            fmt(r.bytes / 1e6 / (r.ms / 1000), 2),
            ms(r.longest),
            `${r.over} (${ms(r.total)})`,
            verdict(r.longest <= GOAL_TASK_MS),
          ],
    ),
  ),
  '',
];
console.log(lines.join('\n'));
