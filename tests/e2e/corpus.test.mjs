// The first screen: both seed articles, readable, dated, and nothing fetched from elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('first screen shows both articles, the map, the graph and the timeline', async () => {
  const { page, context, problems, requests } = await openPage(env);
  await page.locator('.graph .node').first().waitFor();
  const titles = await page.locator('.doc-tab .doc-title').allTextContents();
  assert.deepEqual(titles.map((t) => t.slice(0, 30)), ['South Korea joins CCDCOE', '1st Asian Country To Join NATO']);
  // Both articles are dated from their content (May 2022), not from the second one's 2023 header.
  const dates = await page.locator('.doc-tab .doc-date').allTextContents();
  assert.ok(dates.every((d) => d.startsWith('2022-05')), dates.join());
  await assert.doesNotReject(page.getByText('South Korea’s top spy agency').first().waitFor());
  assert.ok(await page.locator('.map .country').count() > 200, 'the basemap is drawn');
  assert.ok(await page.locator('.map .arc').count() > 3, 'relations are drawn as arcs');
  assert.ok(await page.locator('.timeline .bar').count() > 3, 'the timeline has bars');
  assert.match(await page.locator('[data-testid=counts]').textContent(), /of \d+ events/);
  // The search box suggests actor names while it has focus (and only then: they are built
  // on focus, not with every new model).
  assert.equal(await page.locator('#actor-names option').count(), 0);
  await page.locator('#search').focus();
  await page.locator('#actor-names option[value="National Intelligence Service"]').waitFor({ state: 'attached' });
  await page.locator('#search').blur();
  await page.locator('#actor-names option').first().waitFor({ state: 'detached' });
  await shot(page, 'overview');
  assert.deepEqual(problems, []);
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), [], 'no request leaves the origin');
  await context.close();
});

test('the second article opens in the reader', async () => {
  const { page, context, problems } = await openPage(env);
  await page.locator('.doc-tab').nth(1).click();
  await page.locator('.reader-title', { hasText: '1st Asian Country To Join NATO' }).waitFor();
  await assert.doesNotReject(page.getByText('the former editor of the Chinese state-owned media house').waitFor());
  assert.deepEqual(problems, []);
  await context.close();
});
