// A person's own articles: added from files or pasted, read in the worker, kept in IndexedDB
// across reloads byte for byte, removed, reset; bad files named with their reason; a full disk
// reported with nothing lost; a bundle exported and opened again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { addFiles, file, launch, openArticles, openPage, ready, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const MARKDOWN = `---
title: Tallinn hosts a cyber exercise
date: 2023-04-20
---

# Tallinn hosts a cyber exercise

Estonia hosted Locked Shields in Tallinn on Thursday. Japan joined the exercise, and China criticised NATO for it.
`;
const HTML = `<!DOCTYPE html><html><head><title>Seoul and Tokyo talk cyber</title>
<meta property="article:published_time" content="2023-05-02"></head>
<body><article><h1>Seoul and Tokyo talk cyber</h1><p>South Korea and Japan agreed on Tuesday to share threat data.</p></article></body></html>`;
const TEXT = 'Canberra, May 3, 2023\n\nAustralia condemned North Korea on Wednesday for a missile launch.\n';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);

/// Every stored document as {name, format, bytes (array)}, straight from IndexedDB.
function storedDocuments(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('entente');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('documents').objectStore('documents').getAll();
          get.onsuccess = () => {
            ok(get.result.map((d) => ({ name: d.name, format: d.format, bytes: Array.from(d.bytes) })));
            open.result.close();
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );
}

test('files are added with a reason for each refusal, kept byte for byte across a reload, removed and reset', async () => {
  const { page, context, problems } = await openPage(env);
  page.on('dialog', (d) => d.accept());
  await ready(page);
  const seed = await readFile(new URL('../../data/corpus/000_south-korea-joins-ccdcoe.txt', import.meta.url));
  // A file name with no break opportunity, as exported or scraped files often have.
  const empty = `empty_${'draft_v2_'.repeat(14)}final.txt`;
  await addFiles(page, [
    file('exercise.md', MARKDOWN, 'text/markdown'),
    file('talks.html', HTML, 'text/html'),
    file('canberra.txt', TEXT),
    file(empty, '  \n\n '),
    file('photo.txt', PNG),
    file('copy.txt', seed),
  ]);
  const lines = await page.locator('.report li').allTextContents();
  assert.equal(lines.length, 6, lines.join('\n'));
  const line = (name) => lines.find((l) => l.startsWith(name)) ?? '';
  for (const ok of ['exercise.md', 'talks.html', 'canberra.txt']) assert.match(line(ok), /— added$/, line(ok));
  assert.match(line(empty), /not added: the file is empty/);
  const side = await page.locator('aside.side').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  assert.ok(side.scroll <= side.client, `a long file name widens the side panel: ${side.scroll} px of content in ${side.client} px`);
  assert.match(line('photo.txt'), /not added: this is not text: it is a PNG image/);
  assert.match(line('copy.txt'), /not added: the same text as "000_south-korea-joins-ccdcoe\.txt"/);
  assert.match(await page.getByTestId('counts').textContent(), /5 articles/);
  // Markup gave the titles; the reader lists the five articles.
  const titles = await page.locator('.article-title').allTextContents();
  assert.ok(titles.includes('Tallinn hosts a cyber exercise'), titles.join(' | '));
  assert.ok(titles.includes('Seoul and Tokyo talk cyber'), titles.join(' | '));
  await page.locator('.article-title', { hasText: 'Tallinn hosts a cyber exercise' }).click();
  await page.locator('.reader-title', { hasText: 'Tallinn hosts a cyber exercise' }).waitFor();
  assert.equal(await page.locator('.reader .reader-scroll').textContent().then((t) => t.includes('---')), false, 'front matter is not shown as text');
  await shot(page, 'library-added');

  const sent = { 'exercise.md': Buffer.from(MARKDOWN), 'talks.html': Buffer.from(HTML), 'canberra.txt': Buffer.from(TEXT) };
  const check = async () => {
    const stored = await storedDocuments(page);
    assert.deepEqual(stored.map((d) => d.name).sort(), Object.keys(sent).sort());
    for (const d of stored) assert.deepEqual(Buffer.from(d.bytes), sent[d.name], `${d.name} is stored byte for byte`);
    assert.deepEqual(Object.fromEntries(stored.map((d) => [d.name, d.format])), { 'exercise.md': 'markdown', 'talks.html': 'html', 'canberra.txt': 'text' });
  };
  await check();
  await page.reload();
  await ready(page);
  await check();
  await openArticles(page);
  assert.match(await page.getByTestId('library-summary').textContent(), /5 articles: the default articles, 3 added/);

  // Remove one added article and one default article; both stay removed after a reload.
  await page.getByRole('button', { name: 'Remove Seoul and Tokyo talk cyber' }).click();
  await page.locator('.article-title', { hasText: 'Seoul and Tokyo talk cyber' }).waitFor({ state: 'detached' });
  await page.locator('.article.base .remove').first().click();
  await page.getByTestId('counts').filter({ hasText: /3 articles/ }).waitFor();
  await page.reload();
  await ready(page);
  await openArticles(page);
  assert.match(await page.getByTestId('library-summary').textContent(), /3 articles: the default articles, 2 added \(.+\), 1 removed/);
  assert.equal((await storedDocuments(page)).length, 2);

  await page.getByRole('button', { name: 'Reset to the default articles' }).click();
  await page.getByTestId('counts').filter({ hasText: /2 articles/ }).waitFor();
  await page.reload();
  await ready(page);
  assert.match(await page.getByTestId('counts').textContent(), /2 articles/);
  assert.equal((await storedDocuments(page)).length, 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted text is an article too, and a file over the limit is refused without reading it', async () => {
  const { page, context, problems } = await openPage(env);
  await ready(page);
  await openArticles(page);
  await page.locator('.paste summary').click();
  await page.locator('#paste-text').fill('Wellington, June 1, 2023\n\nNew Zealand praised South Korea on Thursday for joining the centre.');
  await page.locator('#paste-add').click();
  await page.locator('.report li', { hasText: 'pasted text 1' }).waitFor();
  assert.match(await page.locator('.report li').first().textContent(), /pasted text 1 — added/);
  await page.locator('#add-files').setInputFiles([file('huge.txt', Buffer.alloc(17 * 1024 * 1024, 97))]);
  await page.locator('.report li', { hasText: 'huge.txt' }).waitFor();
  assert.match(await page.locator('.report li').first().textContent(), /huge\.txt — not added: the file is 17\.8 MB, over the 16\.8 MB limit/);
  assert.match(await page.getByTestId('counts').textContent(), /3 articles/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('one worker serves batch after batch, and each batch keeps the articles added before', async () => {
  const { page, context, problems } = await openPage(env, {
    // Counts the workers the page creates.
    setup: (_, p) =>
      p.addInitScript(() => {
        const Native = window.Worker;
        window.__workersCreated = 0;
        window.Worker = class extends Native {
          constructor(...args) {
            super(...args);
            window.__workersCreated++;
          }
        };
      }),
  });
  await ready(page);
  await addFiles(page, [file('canberra.txt', TEXT)]);
  await addFiles(page, [file('exercise.md', MARKDOWN, 'text/markdown')]);
  await addFiles(page, [file('talks.html', HTML, 'text/html')]);
  assert.match(await page.getByTestId('counts').textContent(), /5 articles/);
  const listed = await page.locator('.articles').textContent();
  for (const title of ['Tallinn hosts a cyber exercise', 'Seoul and Tokyo talk cyber']) assert.ok(listed.includes(title), `${title} in ${listed}`);
  assert.equal(await page.evaluate(() => window.__workersCreated), 1, 'the worker of the first batch served the next two');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a full disk is reported and what was stored before is kept', async () => {
  // Chromium's DevTools protocol shrinks this origin's quota (set before the page first uses
  // storage): a small article fits, a 2 MB one does not.
  const setup = async (context, page) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(env.url).origin, quotaSize: 400 * 1024 });
  };
  const { page, context, problems } = await openPage(env, { setup });
  await ready(page);
  await addFiles(page, [file('canberra.txt', TEXT)]);
  assert.match(await page.locator('.report li').first().textContent(), /canberra\.txt — added$/);
  const big = 'Tokyo, May 9, 2023\n\n' + 'Japan thanked Estonia on Tuesday for the training. '.repeat(40000);
  await addFiles(page, [file('big.txt', big)]);
  const report = await page.locator('.report li').first().textContent();
  assert.match(report, /big\.txt — added, not saved: Storage full: .*earlier articles are safe/, report);
  await shot(page, 'library-quota');
  await page.reload();
  await ready(page);
  const stored = await storedDocuments(page);
  assert.deepEqual(stored.map((d) => d.name), ['canberra.txt'], 'the earlier article is still stored');
  assert.match(await page.getByTestId('counts').textContent(), /3 articles/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bundle exported with added articles opens again after a reset, titles and all', async () => {
  const { page, context, problems } = await openPage(env);
  page.on('dialog', (d) => d.accept());
  await ready(page);
  await addFiles(page, [file('exercise.md', MARKDOWN, 'text/markdown')]);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="bundle"]').click()]);
  const bundle = await readFile(await download.path());
  await page.getByRole('button', { name: 'Reset to the default articles' }).click();
  await page.getByTestId('counts').filter({ hasText: /2 articles/ }).waitFor();

  await page.locator('#open-bundle').setInputFiles([file('junk.json', '{"not": "a bundle"}', 'application/json')]);
  await page.locator('.report li', { hasText: 'junk.json' }).waitFor();
  assert.match(await page.locator('.report li').first().textContent(), /not added: this is not an Entente bundle/);

  await page.locator('#open-bundle').setInputFiles([file('entente.json', bundle, 'application/json')]);
  await page.getByTestId('counts').filter({ hasText: /3 articles/ }).waitFor();
  assert.match(await page.getByTestId('library-summary').textContent(), /the bundle entente\.json/);
  assert.ok((await page.locator('.article-title').allTextContents()).includes('Tallinn hosts a cyber exercise'));
  // The opened bundle is kept too.
  await page.reload();
  await ready(page);
  assert.match(await page.getByTestId('counts').textContent(), /3 articles/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link can carry the added articles, up to its stated size, and a damaged one is named', async () => {
  const { page, context, problems } = await openPage(env);
  await ready(page);
  await addFiles(page, [file('exercise.md', MARKDOWN, 'text/markdown'), file('canberra.txt', TEXT)]);
  await page.locator('#share-articles').click();
  const link = await page.locator('#share-link').inputValue();
  assert.match(link, /#.*art=[A-Za-z0-9_-]+$/);
  assert.match(await page.locator('.share-articles .hint').textContent(), /your 2 added articles \(\d+\.\d kB of the 32\.8 kB a link can carry\)/);
  assert.doesNotMatch(page.url(), /art=/, 'article text never enters the address bar by itself');

  // A fresh browser (nothing stored) opening the link gets the articles, saved in its library.
  const other = await openPage(env);
  await other.page.goto(link);
  await ready(other.page);
  assert.match(await other.page.locator('.notices').textContent(), /This link carried 2 articles/);
  assert.doesNotMatch(other.page.url(), /art=/, 'once added, the articles leave the address bar');
  await openArticles(other.page);
  assert.match(await other.page.getByTestId('library-summary').textContent(), /^4 articles: the default articles, 2 added/);
  assert.ok(await other.page.locator('.article-list .added', { hasText: 'Tallinn hosts a cyber exercise' }).count());
  await other.page.reload();
  await ready(other.page);
  await openArticles(other.page);
  assert.match(await other.page.getByTestId('library-summary').textContent(), /^4 articles: the default articles, 2 added/, 'kept after a reload');
  assert.deepEqual(other.problems, []);
  await other.context.close();

  // A cut link: a notice, the rest of the view, nothing added.
  const cut = await openPage(env);
  await cut.page.goto(link.slice(0, -40) + '!!');
  await ready(cut.page);
  assert.match(await cut.page.locator('.notices').textContent(), /The articles in this link could not be read/);
  await openArticles(cut.page);
  assert.match(await cut.page.getByTestId('library-summary').textContent(), /^2 articles: the default articles\.$/);
  assert.deepEqual(cut.problems, []);
  await cut.context.close();

  // Too much for a link: the size, the limit and the way out.
  let x = 2463534242;
  const noise = Array.from({ length: 120_000 }, () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return 'abcdefghijklmnopqrstuvwxyz '[x % 27];
  }).join('');
  await addFiles(page, [file('noise.txt', `Noise\n\n${noise}\n`)]);
  await page.locator('#share-articles').click();
  assert.match(await page.locator('#share-refused').textContent(), /^Your 3 added articles do not fit in a link: they take \d+\.\d kB compressed, over the 32\.8 kB a link can carry\. Export a bundle instead/);
  await shot(page, 'share-articles-refused');
  assert.deepEqual(problems, []);
  await context.close();
});
