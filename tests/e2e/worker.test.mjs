// The extraction worker (src/bin/worker.rs) as built into the release bundle: it loads under
// the app's Content-Security-Policy as a module worker, reads a batch of 200 added articles with
// a progress message for each, reports bad files by name, and returns an entente-bundle/1
// while the page's main thread stays free (no long task over 100 ms).
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
      `(ingest ≈${r.ingestMs.toFixed(0)} ms, extract + bundle ≈${r.extractMs.toFixed(0)} ms, bundle ${(r.last.bundleBytes / 1e6).toFixed(1)} MB); ` +
      `main thread: ${r.longTasks.length} long tasks, longest ${r.longestTaskMs.toFixed(0)} ms; JSON.parse of the bundle ${r.parseMs.toFixed(0)} ms`,
  );

  assert.ok(r.detached, 'the documents were transferred, not copied');
  assert.deepEqual(r.kinds, ['1:progress', '1:done']);
  assert.equal(r.progress.length, total, 'one progress message per file');
  assert.deepEqual(r.progress.map((p) => p.done), Array.from({ length: total }, (_, i) => i + 1));
  assert.ok(r.progress.every((p) => p.total === total));
  const errors = Object.fromEntries(r.progress.filter((p) => p.error).map((p) => [p.name, p.error]));
  assert.deepEqual(Object.keys(errors), ['empty.txt', 'photo.png', 'copy-of-seed.txt']);
  assert.match(errors['empty.txt'], /the file is empty/);
  assert.match(errors['photo.png'], /this is not text: it is a PNG image/);
  assert.match(errors['copy-of-seed.txt'], /^it duplicates 000_south-korea-joins-ccdcoe\.txt: the same text, so the same document id [0-9a-f]{10}$/);

  assert.equal(r.last.kind, 'done');
  assert.equal(r.last.accepted.length, 200);
  assert.deepEqual(r.last.rejected.map((x) => x.name), ['empty.txt', 'photo.png', 'copy-of-seed.txt']);
  assert.deepEqual(r.last.rejected.map((x) => x.reason), Object.values(errors));
  assert.equal(r.schema, 'entente-bundle/1');
  assert.deepEqual(r.bundleDocuments, [...SEEDS.map((s) => s.name), ...r.last.accepted], 'base first, then the accepted files');
  assert.ok(r.bundleEvents > 0, 'the model has events');

  assert.ok(r.longestTaskMs <= 100, `the longest main-thread task took ${r.longestTaskMs} ms`);
  assert.deepEqual(problems, [], 'no page error, console error or CSP violation');
  await context.close();
});

test('a request the worker cannot serve is answered with a failure, not silence', async () => {
  const { page, context, problems } = await openPage(env, { path: 'worker.html' });
  await page.waitForFunction(() => typeof window.sendRaw === 'function');
  const newer = await page.evaluate(() => window.sendRaw({ v: 2, kind: 'extract', documents: [], base: [] }));
  assert.equal(newer.kind, 'failed');
  assert.match(newer.error, /protocol version/);
  const malformed = await page.evaluate(() => window.sendRaw({ v: 1, kind: 'extract', documents: 'nope', base: [] }));
  assert.deepEqual(malformed, { v: 1, kind: 'failed', error: 'the request\'s `documents` is not an array' });
  const badFormat = await page.evaluate(() =>
    window.sendRaw({ v: 1, kind: 'extract', documents: [{ name: 'a.rtf', format: 'rtf', bytes: new Uint8Array([65]) }], base: [] }),
  );
  assert.deepEqual(badFormat.rejected, [{ name: 'a.rtf', reason: 'the format "rtf" is not one Entente reads' }]);
  const twiceAndHuge = await page.evaluate(() => {
    const text = () => new TextEncoder().encode('Seoul said so on Friday.');
    const documents = [
      { name: 'a.txt', format: 'text', bytes: text() },
      { name: 'b.html', format: 'html', bytes: text() },
      { name: 'huge.txt', format: 'text', bytes: new Uint8Array(16 * 1024 * 1024 + 1) },
    ];
    return window.sendRaw({ v: 1, kind: 'extract', documents, base: [] });
  });
  const markup = await page.evaluate(() => {
    const bytes = (s) => new TextEncoder().encode(s);
    const documents = [
      { name: 'note.html', format: 'html', bytes: bytes('<!DOCTYPE html><html><head><title>Seoul note</title></head><body><p>Seoul said so on <b>Friday</b>.</p></body></html>') },
      { name: 'note.md', format: 'markdown', bytes: bytes('# Tokyo note\n\nTokyo said **so** on Monday.\n') },
    ];
    return window.sendRaw({ v: 1, kind: 'extract', documents, base: [] });
  });
  assert.deepEqual(markup.accepted, ['note.html', 'note.md']);
  const texts = JSON.parse(markup.bundle).documents.map((d) => d.text);
  assert.ok(texts.every((t) => !/[<*]/.test(t)), `markup is read, not kept: ${JSON.stringify(texts)}`);
  assert.deepEqual(twiceAndHuge.accepted, ['a.txt']);
  assert.deepEqual(twiceAndHuge.rejected.map((x) => x.name), ['b.html', 'huge.txt']);
  assert.match(twiceAndHuge.rejected[0].reason, /^it duplicates a\.txt/);
  assert.match(twiceAndHuge.rejected[1].reason, /^the file is 16\.8 MB, over the 17 MB limit/);
  assert.deepEqual(problems, []);
  await context.close();
});
