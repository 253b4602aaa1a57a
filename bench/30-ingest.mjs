// Ingest of a large corpus through the browser's extraction worker: the seed articles and the
// evaluation texts (re3d documents, GUM news texts, PLOVER example sentences 20 to a text),
// joined into articles of about 5 kB, each with a distinguishing line, up to 50 MB (about
// 10,000 articles). Sent the way the app adds files (one request per batch, with every article
// added before sent again, over the default articles, to a worker kept between batches) in two
// ways: in batches of 1,000 articles, and all in one request. The baseline, in the same run:
// the same batches with a new worker for each (no analyses kept), as the app did before.
// Goals: 50 MB in under 10 s, and no main-thread task over 100 ms.
// When a request fails (e.g. out of memory) the section says so and gives the largest size that
// worked.
import { QUICK, fmt, launchBrowser, log, mb, ms, pssSampler, re3dTexts, gumTexts, ploverTexts, seeds, serveSite, table, verdict } from './lib/common.mjs';

const TARGET = (QUICK ? 5 : 50) * 1e6;
const ARTICLE_BYTES = 3500; // joined texts overshoot it: articles average about 5 kB
const BATCH = QUICK ? 250 : 1000;
const BUDGET_MS = (QUICK ? 5 : 15) * 60 * 1000;
const GOAL_MS = 10_000 * (TARGET / 50e6); // 50 MB in 10 s (scaled down in quick mode)
const GOAL_TASK_MS = 100;

const texts = [...seeds(), ...re3dTexts(), ...gumTexts(), ...ploverTexts()];
const sources = { seeds: seeds().length, re3d: re3dTexts().length, gum: gumTexts().length, plover: ploverTexts().length };
const server = await serveSite('ingest', { 'texts-ingest.json': JSON.stringify(texts) });
// --expose-gc: the page collects each answer it has read before the next batch (bench-worker.js).
const browser = await launchBrowser(['--js-flags=--expose-gc']);

/// One run in a fresh context: `batch` articles per request, up to `target` bytes; `keepWorker`:
/// one worker for all batches.
async function run(target, batch, keepWorker = true) {
  const pss = pssSampler();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && log(`console: ${m.text()}`));
    await page.goto(server.url + 'bench-worker.html');
    await page.waitForFunction(() => typeof window.runCorpus === 'function');
    log(`ingest: ${fmt(target / 1e6)} MB, ${Number.isFinite(batch) ? `batches of ${batch} articles, ${keepWorker ? 'one worker' : 'a new worker each'}` : 'one request'}`);
    const r = await page.evaluate((a) => window.runCorpus(a), {
      textsUrl: 'texts-ingest.json',
      targetBytes: target,
      minBytes: ARTICLE_BYTES,
      batchArticles: batch ?? Infinity,
      parse: true,
      budgetMs: BUDGET_MS,
      keepWorker,
    });
    return summarise(r, target, pss.stop());
  } catch (e) {
    // The page itself died (e.g. the renderer ran out of memory).
    return { batches: [], error: `the page failed: ${e.message.split('\n')[0]}`, reached: 0, complete: false, peakPss: pss.stop() };
  } finally {
    await context.close().catch(() => {});
  }
}

function summarise(r, target, peakPss) {
  const bs = r.batches;
  const last = bs[bs.length - 1];
  const reached = last?.corpusBytes ?? 0;
  return {
    ...r,
    target,
    peakPss,
    reached,
    articles: last?.corpusArticles ?? 0,
    complete: !r.error && reached >= target * 0.999,
    workerMs: bs.reduce((s, b) => s + b.totalMs, 0),
    parseMs: bs.reduce((s, b) => s + (b.parseMs ?? 0), 0),
    longest: Math.max(0, ...bs.map((b) => b.longestTaskMs)),
    longestReply: Math.max(0, ...bs.map((b) => b.replyTaskMs)),
    longestOther: Math.max(0, ...bs.map((b) => b.longestOtherTaskMs)),
    longestParse: Math.max(0, ...bs.map((b) => b.parseMs ?? 0)),
  };
}

let batched;
let fresh;
let single;
const singleTries = [];
try {
  batched = await run(TARGET, BATCH);
  fresh = await run(TARGET, BATCH, false);
  single = await run(TARGET, Infinity);
  // One request that fails: halve the size until one works (three tries at most).
  let size = TARGET;
  while (!single.complete && singleTries.length < 3) {
    singleTries.push(single);
    size /= 2;
    single = await run(size, Infinity);
  }
} finally {
  await browser.close();
  await server.close();
}

const label = (v) => (v.complete ? `${mb(v.reached)}, ${v.articles.toLocaleString('en-US')} articles` : `did not finish; ${mb(v.reached)} had worked`);
const col = (v, f) => (v.batches.length ? f(v) : '–');
const lines = [
  '## Ingest of a large corpus in the browser worker',
  '',
  `The texts: ${sources.seeds} seed articles, ${sources.re3d} re3d documents, ${sources.gum} GUM news texts and ${sources.plover} texts of PLOVER example sentences ` +
    `(20 sentences each), ${texts.length} texts, ${mb(texts.reduce((s, t) => s + Buffer.byteLength(t.text), 0), 2)} in all. Consecutive texts are joined into ` +
    `articles of at least ${fmt(ARTICLE_BYTES / 1000)} kB (${fmt(batched.articles ? batched.reached / batched.articles / 1000 : 0)} kB on average), each ending with a distinguishing line, until the corpus reaches ${mb(TARGET, 0)}. ` +
    `\`bench/pages/bench-worker.js\` sends them as a page adding files would: one worker kept between requests (as \`src/worker_client.rs\` does), ` +
    `the files as transferred bytes, every article added before sent again with the new ones over the two default articles; the worker reads the whole corpus, analyses the articles it has not seen, merges the model ` +
    `and replies with it as JSON lines (\`entente-lines/1\`), which the page then parses line by line, in one go here; the app reads them a slice at a time between frames (bench 35 times that). ` +
    `Long tasks are the page's main thread's (PerformanceObserver 'longtask'); memory is the proportional set size of all the browser's processes, sampled every 250 ms.`,
  '',
  table(
    ['measure', `in batches of ${BATCH.toLocaleString('en-US')} articles`, 'in one request', 'goal'],
    [
      ['corpus read', label(batched), label(single), mb(TARGET, 0)],
      ['time in the worker (all requests)', col(batched, (v) => ms(v.workerMs)), col(single, (v) => ms(v.workerMs)), `< ${fmt(GOAL_MS / 1000, 0)} s for ${mb(TARGET, 0)}`],
      [
        'baseline: the same batches, a new worker for each',
        fresh.complete
          ? `${ms(fresh.workerMs)}; kept worker **${fmt(fresh.workerMs / batched.workerMs, 1)}×** faster`
          : `did not finish: ${fresh.error}`,
        '',
        '',
      ],
      [
        'throughput (corpus MB ÷ that time)',
        col(batched, (v) => `${fmt(v.reached / 1e6 / (v.workerMs / 1000), 2)} MB/s`),
        col(single, (v) => `${fmt(v.reached / 1e6 / (v.workerMs / 1000), 2)} MB/s`),
        `≥ ${fmt(TARGET / 1e6 / (GOAL_MS / 1000), 0)} MB/s`,
      ],
      ['goal: the whole corpus in time', batched.complete ? verdict(batched.workerMs < GOAL_MS) : '**not met**', single.complete && single.target === TARGET ? verdict(single.workerMs < GOAL_MS) : '**not met**', ''],
      ['longest main-thread task while the worker ran', col(batched, (v) => ms(v.longest)), col(single, (v) => ms(v.longest)), `≤ ${GOAL_TASK_MS} ms`],
      ['… the task delivering the reply (the answer, transferred bytes)', col(batched, (v) => ms(v.longestReply)), col(single, (v) => ms(v.longestReply)), ''],
      ['… any other task (worker start, request, progress)', col(batched, (v) => ms(v.longestOther)), col(single, (v) => ms(v.longestOther)), ''],
      ['goal: no long task while the worker ran', col(batched, (v) => verdict(v.longest <= GOAL_TASK_MS)), col(single, (v) => verdict(v.longest <= GOAL_TASK_MS)), ''],
      ['then JSON.parse of every line of an answer and collecting it (longest; the app reads in slices)', col(batched, (v) => ms(v.longestParse)), col(single, (v) => ms(v.longestParse)), ''],
      ['answer (largest)', col(batched, (v) => `${fmt(Math.max(...v.batches.map((b) => b.bundleBytes)) / 1e6)} MB`), col(single, (v) => `${fmt(Math.max(...v.batches.map((b) => b.bundleBytes)) / 1e6)} MB`), ''],
      ['peak memory of the browser (PSS)', mb(batched.peakPss, 0), mb(single.peakPss, 0), ''],
    ],
  ),
  '',
];
if (batched.error) lines.push(`**In batches, the run stopped:** ${batched.error}. The largest corpus that worked: ${mb(batched.reached)} (${batched.articles} articles).`, '');
for (const t of singleTries) {
  lines.push(`**One request of ${mb(t.target)} failed:** ${t.error ?? 'it did not finish'} (peak memory ${mb(t.peakPss, 0)}).`, '');
}
if (singleTries.length) lines.push(single.complete ? `One request of ${mb(single.reached)} (${single.articles} articles) worked; the table shows it.` : `No smaller single request worked either: ${single.error}.`, '');

lines.push(
  `Each batch (batches of ${BATCH.toLocaleString('en-US')} articles):`,
  '',
  table(
    ['batch', 'corpus after it', 'worker start', 'ingest', 'extract + answer + reply', 'batch total', 'MB/s of corpus', 'answer', 'longest main-thread task (reply / other)', 'JSON.parse + GC'],
    [...batched.batches.map((b, i) => [i + 1, b]), ...single.batches.map((b) => ['one request', b])].map(([i, b]) => [
      i,
      `${mb(b.corpusBytes)}, ${b.corpusArticles.toLocaleString('en-US')} articles`,
      ms(b.readyMs),
      ms(b.ingestMs),
      ms(b.extractMs),
      ms(b.totalMs),
      fmt(b.corpusBytes / 1e6 / (b.totalMs / 1000), 2),
      `${fmt(b.bundleBytes / 1e6)} MB`,
      `${ms(b.replyTaskMs)} / ${ms(b.longestOtherTaskMs)}${b.longestOtherPhase ? ` (${b.longestOtherPhase})` : ''}`,
      ms(b.parseMs),
    ]),
  ),
  '',
  `The last row is the single request, for comparison. A batch still reads every article it is sent and merges the whole model, so its time grows with ` +
    `the corpus; the kept worker analyses only the articles it has not seen (in all, ${mb(batched.reached, 0)} analysed once; a new worker per batch analysed ` +
    `${mb(fresh.batches.reduce((s, b) => s + b.corpusBytes, 0), 0)}). ` +
    'JSON.parse times include a forced GC of the answer (Chromium runs with `--expose-gc`), so its garbage is not collected during, and blamed on, the next batch; ' +
    'they are not in the worker times above.',
);
console.log(lines.join('\n'));
