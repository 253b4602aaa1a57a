// The extraction worker (src/bin/worker.rs) as built into the release bundle: it loads under
// the app's Content-Security-Policy as a module worker, reads a batch of 200 added articles with
// progress by phase, a verdict for each file in order, and returns the model as entente-lines/1
// JSON lines while the page's main thread stays free (no long task over 100 ms).
// The page is a fixture (tests/e2e/fixtures/) served beside dist/, so this tests the worker
// and its protocol without the app's UI for adding articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage } from './harness.mjs';
import { startServer } from '../../scripts/serve-dist.mjs';

const SITE = join(ROOT, 'target/e2e-worker-site');
const SEEDS = ['000_south-korea-joins-ccdcoe.txt', '002_first-asian-country-joins-nato-cdg.txt'].map((name) => ({
  name,
  text: readFileSync(join(ROOT, 'data/corpus', name), 'utf8'),
}));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

let env;
let server;
before(async () => {
  // dist/ plus the fixture page, served by the app's own server (same headers, same CSP).
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  cpSync(join(ROOT, 'dist'), SITE, { recursive: true });
  for (const f of readdirSync(join(import.meta.dirname, 'fixtures'))) cpSync(join(import.meta.dirname, 'fixtures', f), join(SITE, f));
  server = await startServer(SITE, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  env = { url: server.url, browser };
});
after(async () => {
  await env?.browser.close();
  await server?.close();
});

test('the release index.html names the hashed worker loader, and its files are served', async () => {
  const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
  const loader = html.match(/<meta name="entente-worker" content="\.\/(worker_loader-[0-9a-f]{16}\.js)">/)?.[1];
  assert.ok(loader, 'index.html has <meta name="entente-worker">');
  const files = readdirSync(join(ROOT, 'dist'));
  assert.deepEqual(files.filter((f) => /^worker(_loader)?\.js$|^worker_bg\.wasm$/.test(f)), [], 'no unhashed worker file is left');
  const res = await fetch(server.url + loader);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/javascript/);
  assert.match(await res.text(), /^import init from '\.\/worker-[0-9a-f]{16}\.js';await init\(\);/);
});

test('200 articles are read in the worker, with progress, errors by name, and no long task', async () => {
  const { page, context, problems } = await openPage(env, { path: 'worker.html' });
  await page.waitForFunction(() => typeof window.runBatch === 'function');
  const extras = [
    { name: 'empty.txt', bytes: [] },
    { name: 'photo.png', bytes: PNG },
    { name: 'copy-of-seed.txt', bytes: [...Buffer.from(SEEDS[0].text)] },
  ];
  const r = await page.evaluate(([seeds, extras]) => window.runBatch(seeds, 200, extras), [SEEDS, extras]);
  const total = 200 + extras.length;
  console.log(
    `worker: ready in ${r.readyMs.toFixed(0)} ms; ${total} files in ${r.workerMs.toFixed(0)} ms ` +
      `(ingest ≈${r.ingestMs.toFixed(0)} ms, extract + answer ≈${r.extractMs.toFixed(0)} ms, answer ${(r.last.answerBytes / 1e6).toFixed(1)} MB); ` +
      `main thread: ${r.longTasks.length} long tasks, longest ${r.longestTaskMs.toFixed(0)} ms; JSON.parse of the answer ${r.parseMs.toFixed(0)} ms`,
  );

  assert.ok(r.detached, 'the articles were transferred, not copied');
  assert.deepEqual(r.kinds, ['3:progress', '3:done']);
  for (const [phase, total] of [['reading', 200 + extras.length], ['analysing', SEEDS.length + 200]]) {
    const of = r.progress.filter((p) => p.phase === phase);
    assert.ok(of.length >= 2 && of.length <= 102, `${of.length} ${phase} messages: enough to move a bar, few enough to be cheap`);
    assert.ok(of.every((p) => p.total === total), `${phase}: total ${total}`);
    assert.ok(of.every((p, i) => i === 0 || p.done > of[i - 1].done), `${phase}: done only grows`);
    assert.equal(of[of.length - 1].done, total, `${phase} ends at its total`);
  }
  assert.ok(
    r.progress.findIndex((p) => p.phase === 'analysing') > r.progress.findLastIndex((p) => p.phase === 'reading'),
    'reading comes before analysing',
  );

  assert.equal(r.last.kind, 'done');
  assert.equal(r.last.verdicts.length, total, 'one verdict per article, in order');
  assert.ok(r.last.verdicts.slice(0, 200).every((v) => /^[0-9a-f]{10}$/.test(v.id) && !v.reason), 'the 200 articles are added');
  const reasons = r.last.verdicts.slice(200).map((v) => v.reason);
  assert.match(reasons[0], /the file is empty/);
  assert.match(reasons[1], /this is not text: it is a PNG image/);
  assert.equal(reasons[2], 'the same text as "000_south-korea-joins-ccdcoe.txt", which is already in the corpus');
  assert.ok(r.last.answerIsBytes, 'the answer arrives as bytes (transferred), not as a string to copy');
  assert.equal(r.schema, 'entente-lines/1');
  assert.equal(r.answerDocuments.length, SEEDS.length + 200, 'the default articles first, then the added ones');
  assert.deepEqual(r.answerDocuments.slice(0, 2), SEEDS.map((s) => s.name));
  assert.ok(r.answerEvents > 0, 'the model has events');

  assert.ok(r.longestTaskMs <= 100, `the longest main-thread task took ${r.longestTaskMs} ms`);
  assert.deepEqual(problems, [], 'no page error, console error or CSP violation');
  await context.close();
});

test('a request the worker cannot serve is answered with a failure, not silence', async () => {
  const { page, context, problems } = await openPage(env, { path: 'worker.html' });
  await page.waitForFunction(() => typeof window.sendRaw === 'function');
  const request = (articles, more = {}) => ({ v: 3, kind: 'extract', base: null, removed: [], articles, ...more });
  const older = await page.evaluate((r) => window.sendRaw(r), { ...request([]), v: 1 });
  assert.equal(older.kind, 'failed');
  assert.match(older.error, /protocol version/);
  const malformed = await page.evaluate((r) => window.sendRaw(r), request('nope'));
  assert.deepEqual(malformed, { v: 3, kind: 'failed', error: "the request's `articles` is not an array" });
  const badBase = await page.evaluate((r) => window.sendRaw(r), request([], { base: '{"schema":"something else"}' }));
  assert.equal(badBase.kind, 'failed');
  assert.match(badBase.error, /^the opened bundle cannot be read/);
  const bytes = (s) => [...Buffer.from(s)];
  const send = (articles, more) =>
    page.evaluate(
      ([articles, more, huge]) => {
        const list = articles.map((a) => ({ ...a, bytes: a.huge ? new Uint8Array(huge) : new Uint8Array(a.bytes) }));
        return window.sendRaw({ v: 3, kind: 'extract', base: null, removed: [], articles: list, ...more });
      },
      [articles, more ?? {}, 16 * 1024 * 1024 + 1],
    );
  const badFormat = await send([{ name: 'a.rtf', format: 'rtf', bytes: [65] }]);
  assert.deepEqual(badFormat.verdicts, [{ reason: 'the format "rtf" is not one Entente reads' }]);
  const said = bytes('Seoul said so on Friday.');
  const twiceAndHuge = await send([
    { name: 'a.txt', format: 'text', bytes: said },
    { name: 'b.html', format: 'html', bytes: said },
    { name: 'huge.txt', format: 'text', huge: true },
  ]);
  assert.match(twiceAndHuge.verdicts[0].id, /^[0-9a-f]{10}$/);
  assert.equal(twiceAndHuge.verdicts[1].reason, 'the same text as "a.txt", which is already in the corpus');
  assert.match(twiceAndHuge.verdicts[2].reason, /^the file is 16\.8 MB, over the 16\.8 MB limit/);
  const markup = await send([
    { name: 'note.html', format: 'html', bytes: bytes('<!DOCTYPE html><html><head><title>Seoul note</title></head><body><p>Seoul said so on <b>Friday</b>.</p></body></html>') },
    { name: 'note.md', format: 'markdown', bytes: bytes('# Tokyo note\n\nTokyo said **so** on Monday.\n') },
  ]);
  assert.ok(markup.verdicts.every((v) => v.id), JSON.stringify(markup.verdicts));
  const added = markup.answer.documents.slice(2);
  assert.deepEqual(added.map((d) => d.name), ['note.html', 'note.md']);
  assert.ok(added.every((d) => !/[<*]/.test(d.text)), `markup is read, not kept: ${JSON.stringify(added.map((d) => d.text))}`);
  // Removing a default article by id leaves only the other one as the base.
  const firstId = markup.answer.documents[0].id;
  const removed = await send([], { removed: [firstId] });
  assert.deepEqual(removed.answer.documents.map((d) => d.name), [SEEDS[1].name]);
  assert.deepEqual(problems, []);
  await context.close();
});
