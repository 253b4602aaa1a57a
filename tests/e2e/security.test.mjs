// The Content-Security-Policy is in force (PERF-RELIABILITY B-1): the app runs under it with no
// violation, and without 'wasm-unsafe-eval' it cannot even compile its module. A hostile article
// (script tags, event-handler attributes, javascript: links) is read as text: nothing runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { addFiles, file, launch, openPage, ready, ROOT, shot } from './harness.mjs';
import { startServer, CSP } from '../../scripts/serve-dist.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the page is served with the strict policy and runs under it', async () => {
  const { page, context, problems } = await openPage(env);
  const response = await page.goto(env.url);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  await page.locator('.graph .node').first().waitFor();
  // No inline script anywhere in the served page.
  assert.equal(await page.locator('script:not([src])').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('negative control: without wasm-unsafe-eval the module does not compile', async () => {
  const strict = await startServer(join(ROOT, 'dist'), 0, { csp: CSP.replace(" 'wasm-unsafe-eval'", '') });
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(strict.url);
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.graph .node').count(), 0, 'the app must not start');
  assert.ok(errors.some((e) => /WebAssembly|wasm|CompileError|unsafe-eval/i.test(e)), errors.join(' | '));
  await context.close();
  await strict.close();
});

const HOSTILE_HTML = `<!DOCTYPE html><html><head><title>Seoul <script>window.pwned = 'title'</script> note</title>
<script>window.pwned = 'head';</script><meta http-equiv="refresh" content="0;url=javascript:window.pwned='meta'"></head>
<body onload="window.pwned = 'onload'"><h1>Seoul note</h1>
<p>South Korea <img src="x" onerror="window.pwned = 'img'"> criticised Pyongyang on Friday.
<a href="javascript:window.pwned = 'link'">Read more</a> <svg onload="window.pwned = 'svg'"></svg>
<iframe src="javascript:window.pwned = 'iframe'"></iframe></p></body></html>`;
const HOSTILE_TEXT = 'Tokyo, May 4, 2023\n\nJapan warned China on Thursday. <script>window.pwned = "text"</script> <img src=x onerror="window.pwned = \'text-img\'">\n';
const HOSTILE_MD = '# Moscow note\n\nRussia accused NATO on Monday. [click](javascript:window.pwned=\'md\') <script>window.pwned = "md-script"</script>\n';

test('a hostile article is shown as text and nothing in it runs', async () => {
  const { page, context, problems } = await openPage(env);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await ready(page);
  await addFiles(page, [file('hostile.html', HOSTILE_HTML, 'text/html'), file('hostile.txt', HOSTILE_TEXT), file('hostile.md', HOSTILE_MD, 'text/markdown')]);
  assert.match(await page.locator('.report').textContent(), /3 added/);
  const reader = page.locator('.reader');
  // Five articles: the reader lists them in a select; the added ones come last.
  const values = await page.locator('#doc-select option').evaluateAll((os) => os.map((o) => o.value));
  assert.equal(values.length, 5);
  const texts = [];
  for (const value of values.slice(2)) {
    await page.locator('#doc-select').selectOption(value);
    await page.waitForFunction((v) => document.querySelector('#doc-select').value === v, value);
    await reader.locator('.sentence').first().waitFor();
    assert.equal(await reader.locator('script, img, iframe, svg, a[href^="javascript"], [onerror], [onload]').count(), 0, 'no element from the article');
    // Click over the text as a curious reader would.
    await reader.locator('.sentence').first().click();
    texts.push(await reader.textContent());
  }
  // Markup in a plain-text article is shown literally, as the text it is.
  assert.ok(texts.some((t) => t.includes('<script>window.pwned = "text"</script>')), texts.join('\n---\n'));
  // Markup in HTML is read, not shown or run: its visible words are there.
  assert.ok(texts.some((t) => /South Korea\s+criticised Pyongyang on Friday/.test(t)), texts.join('\n---\n'));
  await shot(page, 'hostile-article');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script of the article ran');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(problems.filter((p) => !/CSP violation/.test(p)), []);
  assert.deepEqual(problems, [], 'not even a blocked attempt: nothing was injected for the CSP to stop');
  await context.close();
});
