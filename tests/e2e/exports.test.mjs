// Exports a person would take to Gephi, a spreadsheet or QGIS: each downloads, parses and
// holds what the views show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { rows.at(-1).push(field); field = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i++; }
    else field += ch;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1);
}

async function exported(page, what) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${what}"]`).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

test('graph, table and geo exports download and parse', async () => {
  const { page, context, problems } = await openPage(env);
  await page.locator('.graph .node').first().waitFor();
  const gexf = (await exported(page, 'gexf')).bytes.toString();
  assert.match(gexf, /<gexf xmlns="http:\/\/gexf\.net\/1\.3"/);
  assert.match(gexf, /version="1\.3"/);
  assert.match(gexf, /mode="dynamic"/);
  assert.match(gexf, /ccdcoe/i);
  const graphml = (await exported(page, 'graphml')).bytes.toString();
  assert.match(graphml, /<graphml/);
  const csv = parseCsv((await exported(page, 'events')).bytes.toString());
  assert.equal(csv[0][0], 'event_id');
  assert.ok(csv[0].includes('cameo_code') && csv[0].includes('plover_type'));
  assert.ok(csv.length > 20, `${csv.length} rows`);
  assert.ok(csv.every((r) => r.length === csv[0].length), 'every row has every column');
  const geo = JSON.parse((await exported(page, 'geojson')).bytes.toString());
  assert.equal(geo.type, 'FeatureCollection');
  assert.ok(geo.features.some((f) => f.geometry.type.includes('LineString')), 'arcs');
  for (const f of geo.features) {
    const [lon, lat] = f.geometry.type === 'Point' ? f.geometry.coordinates : [0, 0];
    assert.ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 90);
  }
  const bundle = JSON.parse((await exported(page, 'bundle')).bytes.toString());
  assert.equal(bundle.schema, 'entente-bundle/1');
  assert.equal(bundle.documents.length, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('filtered exports hold only the shown events; pictures are SVG and PNG', async () => {
  const { page, context, problems } = await openPage(env, { path: '#v=1&q=4' });
  await page.locator('.graph .node').first().waitFor();
  const csv = parseCsv((await exported(page, 'events')).bytes.toString());
  const quad = csv[0].indexOf('quad_class');
  assert.ok(quad >= 0);
  assert.ok(csv.length >= 2 && csv.slice(1).every((r) => r[quad] === '4'), csv.map((r) => r[quad]).join());
  const svg = (await exported(page, 'map-svg')).bytes.toString();
  assert.match(svg, /^<svg/);
  assert.match(svg, /class="country/);
  assert.match(svg, /<style>/);
  const png = (await exported(page, 'graph-png')).bytes;
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(problems, []);
  await context.close();
});
