// The page side of bench/20-extract-wasm.mjs and bench/30-ingest.mjs: builds a corpus from base
// texts (fetched from the same origin, so no megabytes cross the driver's connection), sends it
// to the extraction worker (src/bin/worker.rs, protocol 2) the way src/library.rs does (bytes
// transferred, every article added so far sent again over the default articles as base, as the
// app keeps added articles and not their analysis; with `keepWorker`, one worker kept between
// batches as src/worker_client.rs does, else a new worker per batch), and records the phases
// and the main thread's long tasks.

import { articles } from './articles.js';

const longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

const encoder = new TextEncoder();

async function workerUrl() {
  const html = await (await fetch('./index.html')).text();
  const url = html.match(/<meta name="entente-worker" content="([^"]+)">/)?.[1];
  if (!url) throw new Error('index.html names no extraction worker');
  return url;
}

async function startWorker() {
  const t0 = performance.now();
  const worker = new Worker(await workerUrl(), { type: 'module' });
  await new Promise((ok, fail) => {
    worker.onmessage = (e) => (e.data?.v === 3 && e.data.kind === 'ready' ? ok() : fail(new Error(`unexpected first message ${JSON.stringify(e.data)}`)));
    worker.onerror = (e) => fail(new Error(`worker error: ${e.message || 'its script did not load'}`));
  });
  return { worker, readyMs: performance.now() - t0 };
}

/// One request; resolves with the final message and the arrival time of the last progress.
function send(worker, request, transfer) {
  return new Promise((ok, fail) => {
    let lastProgressAt = null;
    let progressCount = 0;
    worker.onmessage = (e) => {
      const d = e.data;
      if (d.kind === 'progress' && d.phase === 'reading') {
        lastProgressAt = performance.now();
        progressCount++;
      } else if (d.kind === 'done' || d.kind === 'failed') {
        ok({ last: d, lastProgressAt, progressCount, doneAt: performance.now() });
      }
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      fail(new Error(`worker error: ${e.message || 'unknown (the worker died: out of memory or a panic?)'}`));
    };
    worker.onmessageerror = () => fail(new Error('unreadable message from the worker'));
    worker.postMessage(request, transfer);
  });
}

let texts = null;
async function baseTexts(url) {
  texts ??= {};
  if (!texts[url]) {
    texts[url] = (await (await fetch(url)).json()).map((t) => ({ ...t, bytes: encoder.encode(t.text).length }));
  }
  return texts[url];
}

/// Runs a corpus of `targetBytes` through the worker in batches of `batchArticles` articles.
/// Each batch is one request, with everything accepted before sent again. `keepWorker`: the
/// worker of a batch serves the next one (and keeps its analyses), else each batch has its own.
/// `parse`: JSON.parse every line of each answer on this thread afterwards (what a page does with it), timed
/// apart from the batch. Stops at the first failure, or before a batch once `budgetMs` is spent.
/// `warmup`: before each batch, send the worker a one-sentence request, so the batch's figures
/// leave out what the first extraction in a fresh worker pays once (e.g. building the lexicon).
window.runCorpus = async ({ textsUrl, targetBytes, minBytes = 0, marker = 'bench', batchArticles = Infinity, parse = false, budgetMs = Infinity, warmup = false, keepWorker = false }) => {
  const base = await baseTexts(textsUrl);
  const gen = articles(base, { minBytes, marker });
  const held = []; // what the page holds after each batch: {name, text}
  let heldBytes = 0;
  const batches = [];
  let bytesSent = 0;
  const t0 = performance.now();
  let error = null;
  let kept = null;
  while (bytesSent < targetBytes) {
    if (performance.now() - t0 > budgetMs) { error = `stopped: the time budget of ${(budgetMs / 1000).toFixed(0)} s was spent`; break; }
    const batch = [];
    let bytes = 0;
    while (batch.length < batchArticles && bytesSent + bytes < targetBytes) {
      const a = gen.next().value;
      batch.push(a);
      bytes += encoder.encode(a.text).length;
    }
    const articles = [...held, ...batch].map((a) => ({ name: a.name, format: 'text', bytes: encoder.encode(a.text) }));
    // Making up the articles is this page's own work, not a page's: measure from a fresh task.
    await new Promise((ok) => setTimeout(ok, 0));
    const start = performance.now();
    let worker = kept;
    kept = null;
    try {
      const fresh = !worker;
      if (fresh) worker = (await startWorker()).worker;
      let warmupMs = null;
      // A kept worker has warmed up already; a request now would replace its analyses.
      if (warmup && fresh) {
        const w0 = performance.now();
        const bytes = encoder.encode('Seoul said so on Friday.');
        const r = await send(worker, { v: 3, kind: 'extract', base: null, removed: [], articles: [{ name: 'warm-up.txt', format: 'text', bytes }] }, [bytes.buffer]);
        if (r.last.kind !== 'done') throw new Error(`the warm-up request failed: ${r.last.error}`);
        warmupMs = performance.now() - w0;
      }
      const posted = performance.now();
      const r = await send(worker, { v: 3, kind: 'extract', base: null, removed: [], articles }, articles.map((d) => d.bytes.buffer));
      const end = performance.now();
      if (keepWorker) kept = worker;
      else worker.terminate();
      if (r.last.kind !== 'done') throw new Error(`the worker answered "${r.last.kind}": ${r.last.error}`);
      // Long tasks are reported after they end: give the observer a moment.
      await new Promise((ok) => setTimeout(ok, 50));
      // The tasks of this batch: from the one that stamped `start` (begun a moment before it).
      const during = longTasks.filter((t) => t.start >= start - 2 && t.start < end);
      // The task that delivered the reply (receiving the answer) contains doneAt.
      const isReply = (t) => t.start <= r.doneAt && r.doneAt <= t.start + t.duration;
      const replyTask = during.find(isReply);
      const others = during.filter((t) => !isReply(t));
      const longestOther = others.reduce((x, t) => (!x || t.duration > x.duration ? t : x), null);
      const phase = (t) =>
        !t ? null : t.start < posted ? 'start + request' : t.start < (r.lastProgressAt ?? posted) ? 'ingest' : 'extraction';
      let answer = r.last.lines;
      r.last.lines = null;
      const bundleBytes = answer.byteLength;
      let parseMs = null;
      const p0 = performance.now();
      // Every line of the answer (entente-lines/1), as the app reads it but in one go: the cost
      // of reading, not a task of the app, which reads a slice at a time (bench 35).
      if (parse) for (const line of new TextDecoder().decode(answer).split('\n')) if (line) JSON.parse(line);
      answer = null;
      // Collect the answer now (Chromium runs with --js-flags=--expose-gc), so its garbage is not
      // collected during, and counted against, the next batch.
      window.gc?.();
      if (parse) parseMs = performance.now() - p0;
      for (const a of batch) held.push(a);
      heldBytes += bytes;
      bytesSent += bytes;
      batches.push({
        articles: batch.length,
        bytes,
        corpusArticles: held.length,
        corpusBytes: heldBytes,
        accepted: r.last.verdicts.filter((v) => v.id).length,
        rejected: r.last.verdicts.filter((v) => v.reason).length,
        freshWorker: fresh,
        readyMs: posted - start - (warmupMs ?? 0),
        warmupMs,
        ingestMs: (r.lastProgressAt ?? posted) - posted,
        extractMs: end - (r.lastProgressAt ?? posted),
        totalMs: end - start - (warmupMs ?? 0),
        bundleBytes,
        longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
        replyTaskMs: replyTask?.duration ?? 0,
        longestOtherTaskMs: longestOther?.duration ?? 0,
        longestOtherPhase: phase(longestOther),
        otherLongTasks: others.length,
        longTasks: during.length,
        parseMs,
      });
    } catch (e) {
      worker?.terminate();
      error = `batch ${batches.length + 1} (${batch.length} articles, ${(bytes / 1e6).toFixed(1)} MB over a base of ${(heldBytes / 1e6).toFixed(1)} MB): ${e.message ?? e}`;
      break;
    }
  }
  kept?.terminate();
  return { batches, totalMs: performance.now() - t0, error };
};
