// The Content-Security-Policy is in force (PERF-RELIABILITY B-1): the app runs under it with no
// violation, and without 'wasm-unsafe-eval' it cannot even compile its module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { launch, openPage, ROOT } from './harness.mjs';
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
