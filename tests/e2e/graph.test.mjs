// The graph of a large corpus: a generated bundle of 600 actors opens with its best connected
// actors as SVG; "Show all" draws every actor on a canvas (kept in the URL); a click on a drawn
// node selects that actor; dragging and the arrow keys move the camera in the URL; a reload
// keeps both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, ready, file, openArticles, shot } from './harness.mjs';
import { actorName, graphBundle, scaleFreeEdges } from '../../bench/lib/graph-bundle.mjs';

const ACTORS = 600;
const BUNDLE = graphBundle(ACTORS, scaleFreeEdges(ACTORS, 2, 7));

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const hash = (page) => decodeURIComponent(new URL(page.url()).hash);
/// The URL once camera movements have reached it (they are written at most every 100 ms).
async function settledHash(page) {
  let before = hash(page);
  for (;;) {
    await page.waitForTimeout(250);
    const now = hash(page);
    if (now === before) return now;
    before = now;
  }
}
const camera = (page) => hash(page).match(/[#&]g=([^&]*)/)?.[1] ?? null;

/// Canvas pixels (device pixels) that are drawn, and the centre of a node: a pixel of a node
/// colour whose neighbours two pixels away have it too, so it lies inside a node, not on its rim.
const CANVAS_PIXELS = () => {
  const canvas = document.querySelector('canvas.graph-canvas');
  const g = canvas.getContext('2d');
  const { width, height } = canvas;
  const data = g.getImageData(0, 0, width, height).data;
  const css = getComputedStyle(document.documentElement);
  const hex = (v) => v.trim().replace('#', '');
  const nodeColours = new Set(['--k-state', '--k-igo', '--k-agency', '--k-person', '--k-media', '--k-company', '--k-org', '--k-group'].map((k) => hex(css.getPropertyValue(k))));
  const colour = (x, y) => {
    const i = (y * width + x) * 4;
    if (data[i + 3] !== 255) return null;
    return [data[i], data[i + 1], data[i + 2]].map((c) => c.toString(16).padStart(2, '0')).join('');
  };
  let drawn = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]) drawn++;
  let node = null;
  for (let y = 2; y < height - 2 && !node; y += 1) {
    for (let x = 2; x < width - 2; x += 1) {
      const c = colour(x, y);
      if (c && nodeColours.has(c) && [[2, 0], [-2, 0], [0, 2], [0, -2]].every(([dx, dy]) => colour(x + dx, y + dy) === c)) {
        const r = canvas.getBoundingClientRect();
        node = { x: r.left + (x * r.width) / width, y: r.top + (y * r.height) / height };
        break;
      }
    }
  }
  return { drawn, total: width * height, node };
};

test('a large graph is drawn on a canvas: select by click, pan by drag and keys, kept in the URL', async () => {
  const { page, context, problems } = await openPage(env);
  await ready(page);
  // The seed corpus is small: SVG, no canvas, no "show all".
  await page.locator('.graph-svg .node').first().waitFor();
  assert.equal(await page.locator('canvas.graph-canvas').count(), 0);
  assert.equal(await page.locator('.graph-scope').count(), 0);

  await openArticles(page);
  await page.locator('#open-bundle').setInputFiles([file('graph.json', BUNDLE, 'application/json')]);
  await page.getByTestId('counts').filter({ hasText: `${ACTORS} actors` }).waitFor({ timeout: 60_000 });
  // Closing the Articles panel leaves the side panel to the details of what is selected.
  await page.getByRole('button', { name: 'Articles', exact: true }).click();
  await page.locator('.articles').waitFor({ state: 'detached' });
  // 600 actors: the 150 best connected, as SVG, and a button to show them all.
  await page.locator('section.graph[data-nodes="150"] .graph-svg').waitFor({ timeout: 60_000 });
  const scope = page.locator('.graph-scope');
  assert.equal(await scope.textContent(), `Show all ${ACTORS} actors`);
  await scope.click();
  await page.locator(`section.graph[data-nodes="${ACTORS}"] canvas.graph-canvas`).waitFor({ timeout: 60_000 });
  assert.match(hash(page), /[#&]gall=1(&|$)/);
  assert.equal(await scope.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => Number(document.querySelector('canvas.graph-canvas')?.dataset.frames) > 0);
  assert.equal(await page.locator('.graph-svg').count(), 0);

  const pixels = await page.evaluate(CANVAS_PIXELS);
  // Edges and nodes cover a fair part of the picture, and there is a node to click.
  assert.ok(pixels.drawn > pixels.total * 0.02, `only ${pixels.drawn} of ${pixels.total} pixels drawn`);
  assert.ok(pixels.node, 'no node found on the canvas');
  await shot(page, 'graph-canvas-600');

  // Clicking the node selects its actor: in the URL, and in the details panel.
  await page.mouse.click(pixels.node.x, pixels.node.y);
  await page.waitForFunction(() => /[#&]sel=a:/.test(location.hash));
  const key = hash(page).match(/[#&]sel=a:org:actor-(\d+)/);
  assert.ok(key, `selection ${hash(page)}`);
  await page.locator('.details h2.title', { hasText: actorName(Number(key[1])) }).waitFor();
  // Selecting does not lay the graph out again (a canvas of all actors stays).
  assert.equal(await page.locator(`section.graph[data-nodes="${ACTORS}"] canvas.graph-canvas`).count(), 1);

  // Dragging the background pans: the camera goes to the URL and moves the other way.
  const box = await page.locator('canvas.graph-canvas').boundingBox();
  const before = camera(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.3 + 20 * i, box.y + box.height * 0.5 + 5 * i);
  await page.mouse.up();
  await page.waitForFunction(() => /[#&]g=/.test(location.hash));
  await settledHash(page);
  const [x1, y1] = camera(page).split(',').map(Number);
  assert.notEqual(camera(page), before);
  // The selection is unchanged by a drag.
  assert.match(hash(page), new RegExp(`sel=a:org:actor-${key[1]}(&|$)`));

  // The arrow keys pan too.
  await page.locator('canvas.graph-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((x) => Number(decodeURIComponent(location.hash).match(/[#&]g=([^,&]*)/)?.[1]) > x, x1);
  const [x2, y2] = camera(page).split(',').map(Number);
  assert.ok(x2 > x1 && y2 === y1, `${x1},${y1} -> ${x2},${y2}`);

  // A pan beyond what the last drawing covers (a fling) is drawn anew in its own frame,
  // straight onto the canvas: it shows as much of the graph as the drawing that follows once
  // the camera rests.
  const jump = await page.evaluate(async () => {
    const c = document.querySelector('canvas.graph-canvas');
    const r = c.getBoundingClientRect();
    const at = (x, buttons) => ({ pointerId: 9, pointerType: 'mouse', isPrimary: true, button: 0, buttons, clientX: x, clientY: r.y + r.height / 2, bubbles: true, cancelable: true });
    // How many pixels are drawn, and the mean x of them (as a share of the width).
    const drawn = () => {
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      let sx = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]) { n++; sx += ((i - 3) / 4) % c.width; }
      return { n, x: n ? sx / n / c.width : 0 };
    };
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const before = Number(c.dataset.drawings);
    c.dispatchEvent(new PointerEvent('pointerdown', at(r.x + r.width * 0.9, 1)));
    c.dispatchEvent(new PointerEvent('pointermove', at(r.x + r.width * 0.2, 1)));
    await frames();
    const moving = { drawings: Number(c.dataset.drawings) - before, drawn: drawn() };
    c.dispatchEvent(new PointerEvent('pointerup', at(r.x + r.width * 0.2, 0)));
    await new Promise((ok) => setTimeout(ok, 400));
    await frames();
    return { moving, rested: drawn() };
  });
  assert.ok(jump.moving.drawings >= 1, `the jump was not drawn anew: ${JSON.stringify(jump)}`);
  const { moving, rested } = { moving: jump.moving.drawn, rested: jump.rested };
  assert.ok(rested.n > 0 && Math.abs(moving.n - rested.n) < 0.25 * rested.n && Math.abs(moving.x - rested.x) < 0.05, `moving and rested frames differ: ${JSON.stringify(jump)}`);
  await settledHash(page);

  // The wheel zooms.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -120);
  await page.waitForFunction((z) => Number(decodeURIComponent(location.hash).match(/[#&]g=[^,]*,[^,]*,([^&]*)/)?.[1]) > z, Number(camera(page).split(',')[2]));

  // The PNG export saves what the canvas shows.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="graph-png"]').click()]);
  const png = await readFile(await download.path());
  assert.equal(download.suggestedFilename(), 'entente-graph.png');
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(png.length > 5_000, `a PNG of ${png.length} bytes`);

  // A reload opens the same view: all actors on the canvas, the same camera and selection.
  const url = await settledHash(page);
  await page.reload();
  await ready(page);
  await page.locator(`section.graph[data-nodes="${ACTORS}"] canvas.graph-canvas`).waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => Number(document.querySelector('canvas.graph-canvas')?.dataset.frames) > 0);
  assert.equal(hash(page), url);
  await shot(page, 'graph-canvas-600-reloaded');

  // Back to the best connected actors: SVG again.
  await page.locator('.graph-scope').click();
  await page.locator('.graph-svg').waitFor();
  assert.doesNotMatch(hash(page), /gall=/);
  assert.deepEqual(problems, []);
  await context.close();
});
