// The explorer as a person uses it: from a dot, a line or a word to the sentences behind it,
// and links that restore exactly what was on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

test('clicking NIS on the map shows its relations in the graph and its mentions in the reader', async () => {
  const { page, context, problems } = await openPage(env);
  await page.locator('.map .marker').first().waitFor();
  // NIS sits in Seoul with South Korea's other bodies: its cluster lists them.
  const seoul = page.locator('.map .marker', { hasText: /South Korea/ }).first();
  await seoul.locator('circle').click();
  await page.locator('.cluster-item[data-actor="org:nis"]').click();
  await page.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.equal(await page.locator('.graph .node.selected').getAttribute('data-actor'), 'org:nis');
  // Its ego network stays lit; unrelated nodes fade.
  assert.ok(await page.locator('.graph .node.faded').count() > 0);
  assert.ok(await page.locator('.graph .node:not(.faded)').count() >= 2);
  // Its mentions are highlighted in the reader (waiting for the second one).
  await page.locator('.reader .mention.selected').nth(1).waitFor();
  assert.match(await hash(page), /sel=a:org:nis/);
  assert.ok(await page.locator('.details .relation').count() >= 1, 'relations grouped by counterpart');
  await shot(page, 'map-nis-selected');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the NIS–CCDCOE relation leads to the sentences of both articles', async () => {
  const { page, context, problems } = await openPage(env);
  const edge = page.locator('.graph .edge[aria-label*="NIS"][aria-label*="CCDCOE"]');
  await edge.first().waitFor();
  await edge.first().click();
  await page.locator('.details .evidence-list li').first().waitFor();
  const cites = await page.locator('.details .evidence-list cite').allTextContents();
  assert.ok(cites.some((c) => c.startsWith('South Korea joins CCDCOE')), cites.join(' | '));
  assert.ok(cites.some((c) => c.startsWith('1st Asian Country')), cites.join(' | '));
  const facts = await page.locator('.details .facts').textContent();
  assert.match(facts, /no CAMEO equivalent/);
  assert.match(facts, /PLOVER/);
  assert.match(facts, /5 May 2022/);
  // The evidence is marked in the reader.
  assert.ok(await page.locator('.reader .sentence.evidence').count() >= 1);
  assert.match(await hash(page), /sel=e:/);
  await shot(page, 'relation-evidence');
  // A quote leads to its sentence in the other article.
  await page.locator('.details .quote').last().click();
  await page.locator('.reader-title', { hasText: /.+/ }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a copied link restores the same view in a new page, and Back returns', async () => {
  const { page, context, problems } = await openPage(env);
  await page.locator('.reader .mention', { hasText: 'Japan' }).first().click();
  await page.locator('.details h2', { hasText: 'Japan' }).waitFor();
  await page.locator('.chip.q2').click();
  const map = page.locator('.map-svg');
  await map.focus();
  await page.keyboard.press('+');
  await page.locator('.reader .mention', { hasText: 'NIS' }).first().click();
  await page.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  const url = page.url();
  assert.match(decodeURIComponent(url), /sel=a:org:nis/);
  assert.match(url, /q=2/);
  assert.match(url, /map=/);
  // Back: the previous selection.
  await page.goBack();
  await page.locator('.details h2', { hasText: 'Japan' }).waitFor();
  // The link in a new page shows the same thing.
  const second = await context.newPage();
  await second.goto(url);
  await second.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.equal(await second.locator('.chip.q2').getAttribute('aria-pressed'), 'true');
  assert.equal(await second.locator('.graph .node.selected').getAttribute('data-actor'), 'org:nis');
  // Reload keeps it too.
  await second.reload();
  await second.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a garbage or stale link gives the default view and a notice, never a crash', async () => {
  for (const bad of ['#%ZZ%C3%28', '#v=9', '#sel=a:nobody&map=1,2', '#' + 'x'.repeat(20000), '#v=1&sel=e:ffffffffffff']) {
    const { page, context, problems } = await openPage(env, { path: bad });
    await page.locator('.notices').waitFor();
    await page.locator('.details h2', { hasText: 'Who does what to whom' }).waitFor();
    assert.deepEqual(problems, [], bad.slice(0, 30));
    await context.close();
  }
});

test('the timeline brushes a date range that filters every view', async () => {
  const { page, context, problems } = await openPage(env);
  const svg = page.locator('.timeline svg');
  await svg.waitFor();
  const box = await svg.boundingBox();
  const before = await page.locator('[data-testid=counts]').textContent();
  await page.mouse.move(box.x + box.width * 0.93, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.99, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash.includes('from='));
  const after = await page.locator('[data-testid=counts]').textContent();
  assert.notEqual(after, before);
  await shot(page, 'timeline-brushed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the table twin and the conflicts view', async () => {
  const { page, context, problems } = await openPage(env);
  await page.getByRole('button', { name: 'Table' }).click();
  const rows = page.locator('.events-table tbody tr');
  await rows.first().waitFor();
  assert.ok(await rows.count() > 10);
  assert.match(await rows.first().textContent(), /sources?/);
  await shot(page, 'table');
  await page.getByRole('button', { name: 'Conflicts' }).click();
  await page.locator('.conflicts .conflict').first().waitFor();
  const text = await page.locator('.conflicts').textContent();
  assert.match(text, /first/);
  assert.match(text, /second/);
  assert.match(text, /2018/);
  assert.match(text, /2019/);
  await shot(page, 'conflicts');
  assert.deepEqual(problems, []);
  await context.close();
});
