// Corrections as a person makes them: rename an actor and reject an event from the details
// panel; undo and redo; the correction is in the link, kept across a reload, and a fresh browser
// opening the link sees it too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, ready, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const heading = (page) => page.locator('.details h2').textContent();
const eventCount = async (page) => Number((await page.getByTestId('counts').textContent()).match(/of (\d+) events/)[1]);

test('renaming an actor is undoable, in the link, kept on reload and seen by a fresh browser', async () => {
  const { page, context, problems } = await openPage(env);
  await ready(page);
  await page.locator('.reader .mention', { hasText: 'NIS' }).first().click();
  await page.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.doesNotMatch(await hash(page), /ov=/, 'no correction yet');

  await page.locator('.details .correct summary').click();
  await page.locator('#correct-name').fill('Korean spy agency');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.locator('.details h2', { hasText: 'Korean spy agency' }).waitFor();
  assert.equal(await page.getByTestId('corrections').textContent(), '1 correction');
  assert.match(await hash(page), /ov=.+/, 'the link carries the correction');
  await shot(page, 'correction-rename');

  await page.locator('#undo').click();
  await page.locator('.details h2', { hasText: 'National Intelligence Service' }).waitFor();
  assert.equal(await page.getByTestId('corrections').textContent(), '');
  assert.doesNotMatch(await hash(page), /ov=/, 'undone: the link no longer carries it');
  await page.keyboard.press('Control+Shift+Z');
  await page.locator('.details h2', { hasText: 'Korean spy agency' }).waitFor();
  const link = page.url();

  await page.reload();
  await ready(page);
  assert.match(await heading(page), /Korean spy agency/, 'kept across a reload');
  assert.equal(await page.getByTestId('corrections').textContent(), '1 correction');

  // A fresh browser profile (no IndexedDB) opening the link sees the correction.
  const other = await openPage(env);
  await other.page.goto(link);
  await ready(other.page);
  assert.match(await heading(other.page), /Korean spy agency/);
  assert.deepEqual(other.problems, []);
  await other.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a rejected event leaves every view and comes back with undo', async () => {
  const { page, context, problems } = await openPage(env);
  await ready(page);
  const before = await eventCount(page);
  const edge = page.locator('.graph .edge[aria-label*="NIS"][aria-label*="CCDCOE"]');
  await edge.first().click();
  await page.locator('.details .evidence-list li').first().waitFor();
  const selected = (await hash(page)).match(/sel=e:([^&]+)/)[1];
  await page.getByRole('button', { name: 'Reject this event' }).click();
  await page.getByTestId('counts').filter({ hasText: `of ${before - 1} events` }).waitFor();
  assert.doesNotMatch(await hash(page), /sel=e:/, 'the rejected event is no longer selected');
  assert.match(await hash(page), /ov=.+/);
  // The link naming the rejected event now gives a notice, not a crash.
  const other = await openPage(env);
  await other.page.goto(`${page.url().split('#')[0]}#${(await page.evaluate(() => location.hash.slice(1)))}&sel=e:${selected}`);
  await ready(other.page);
  assert.equal(await eventCount(other.page), before - 1, 'a fresh browser applies the rejection from the link');
  assert.deepEqual(other.problems, []);
  await other.context.close();

  await page.keyboard.press('Control+z');
  await page.getByTestId('counts').filter({ hasText: `of ${before} events` }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
