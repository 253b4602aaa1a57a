// Offline: the served app asks nothing of other origins, and the single-file build works
// opened straight from disk with no server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, shot, ROOT } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('every request of a full session stays on the app origin', async () => {
  const { page, context, problems, requests } = await openPage(env);
  await page.locator('.graph .node').first().waitFor();
  await page.locator('.reader .mention', { hasText: 'NIS' }).first().click();
  await page.locator('.doc-tab').nth(1).click();
  await page.getByRole('button', { name: 'Conflicts' }).click();
  const origin = new URL(env.url).origin;
  assert.ok(requests.length >= 4, 'the page loaded its files');
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the single-file build works from a file URL', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(ROOT, 'dist/entente-offline.html')).href);
  await page.locator('.graph .node').first().waitFor();
  assert.equal(await page.locator('.doc-tab').count(), 2);
  assert.ok(await page.locator('.map .country').count() > 200);
  await page.locator('.reader .mention', { hasText: 'NIS' }).first().click();
  await page.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  await shot(page, 'offline-file');
  assert.deepEqual(errors, []);
  await context.close();
});
