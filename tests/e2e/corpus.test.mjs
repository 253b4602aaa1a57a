// The first screen: both seed articles listed with title, date and source, and readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('first screen lists both articles with titles, dates and sources', async () => {
  const { page, context, problems, requests } = await openPage(env);
  const cards = page.locator('.doc-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2);
  const titles = await page.locator('.doc-title').allTextContents();
  assert.deepEqual(titles.map((t) => t.slice(0, 30)), ['South Korea joins CCDCOE', '1st Asian Country To Join NATO']);
  const metas = await page.locator('.doc-meta').allTextContents();
  assert.match(metas[1], /2023-06-02/);
  assert.match((await page.locator('.doc-source').allTextContents()).join(' '), /publisher not stated/);
  // The reader shows the first article's text.
  await assert.doesNotReject(page.getByText('South Korea’s top spy agency, the National Intelligence Service (NIS)').waitFor());
  await shot(page, 'corpus-first-screen');
  assert.deepEqual(problems, []);
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), [], 'no request leaves the origin');
  await context.close();
});

test('clicking the second article shows it in the reader', async () => {
  const { page, context, problems } = await openPage(env);
  await page.locator('.doc-card').nth(1).click();
  await page.locator('.reader-title', { hasText: '1st Asian Country To Join NATO' }).waitFor();
  assert.equal(await page.locator('.doc-card').nth(1).getAttribute('aria-pressed'), 'true');
  await assert.doesNotReject(page.getByText('Hu Xijin, the former editor of the Chinese state-owned media house Global Times').waitFor());
  await shot(page, 'corpus-second-article');
  assert.deepEqual(problems, []);
  await context.close();
});
