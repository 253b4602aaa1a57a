// Builds data/basemap/countries-50m.bin, the world map the core embeds (entente_core::geo),
// from the npm package world-atlas 2.0.2 (Natural Earth 1:50m admin-0 countries, public domain).
// Run once, by hand; the output is committed and the package is not:
//
//   mkdir -p /tmp/world-atlas && npm install --prefix /tmp/world-atlas world-atlas@2.0.2
//   node scripts/data/build-basemap.mjs /tmp/world-atlas/node_modules/world-atlas
//
// The output is a lossless re-encoding of countries-50m.json's `countries` object: the same
// quantised, delta-coded TopoJSON arcs (shared borders are stored once), the same rings as lists
// of arc references, with each shape joined to data/countries/countries.tsv for its ISO codes and
// name, plus point-only entries for the ISO 3166-1 countries that have no shape of their own at
// 1:50m. All geometry work (antimeridian, projection, labels) happens in Rust at startup.
// data/basemap/SOURCE.txt documents the byte format; core/src/geo/basemap.rs reads it.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgDir = process.argv[2];
if (!pkgDir) throw new Error('usage: node scripts/data/build-basemap.mjs <path to node_modules/world-atlas>');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'world-atlas' || pkg.version !== '2.0.2') {
  throw new Error(`expected world-atlas 2.0.2, found ${pkg.name} ${pkg.version}`);
}
const topo = JSON.parse(readFileSync(join(pkgDir, 'countries-50m.json'), 'utf8'));

// ISO table: isonum → row; Kosovo (no ISO numeric) comes from the non-ISO table by name.
const readTsv = (file) => {
  const [head, ...rows] = readFileSync(join(root, 'data/countries', file), 'utf8').trimEnd().split('\n');
  const cols = head.split('\t');
  return rows.map((line) => Object.fromEntries(line.split('\t').map((v, i) => [cols[i], v])));
};
const iso = readTsv('countries.tsv');
const nonIso = readTsv('countries_non_iso.tsv');
const byNum = new Map(iso.map((r) => [r.isonum, r]));
const byName = new Map(nonIso.map((r) => [r.name, r]));

// --- byte writer -------------------------------------------------------------------------------
const bytes = [];
const u8 = (b) => bytes.push(b & 0xff);
const varint = (n) => {
  if (!Number.isInteger(n) || n < 0) throw new Error(`varint out of range: ${n}`);
  while (n >= 0x80) { u8((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
  u8(n);
};
const zigzag = (n) => varint(n >= 0 ? 2 * n : -2 * n - 1);
const f64 = (x) => { const b = Buffer.alloc(8); b.writeDoubleLE(x); for (const v of b) u8(v); };
const str = (s) => { const b = Buffer.from(s, 'utf8'); varint(b.length); for (const v of b) u8(v); };
const ascii3 = (s) => { if (!/^[A-Z]{3}$/.test(s)) throw new Error(`bad iso3 ${s}`); for (const c of s) u8(c.charCodeAt(0)); };

// --- header and arcs ---------------------------------------------------------------------------
for (const c of 'EBM1') u8(c.charCodeAt(0));
const { scale, translate } = topo.transform;
f64(scale[0]); f64(scale[1]); f64(translate[0]); f64(translate[1]);
varint(topo.arcs.length);
let arcPoints = 0;
for (const arc of topo.arcs) {
  varint(arc.length);
  for (const [dx, dy] of arc) { zigzag(dx); zigzag(dy); }
  arcPoints += arc.length;
}

// --- countries ---------------------------------------------------------------------------------
// Shapes sharing an ISO numeric code are merged into one (Natural Earth draws "Ashmore and
// Cartier Is." apart from Australia, but both are ISO 036): the first shape in the file order
// of largest point count gives the entry its place.
const entries = [];
const seen = new Map();
for (const g of topo.objects.countries.geometries) {
  const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  const row = g.id !== undefined ? byNum.get(g.id) : byName.get(g.properties.name);
  if (g.id !== undefined && !row) throw new Error(`id ${g.id} (${g.properties.name}) not in countries.tsv`);
  const key = row ? row.iso3 : `name:${g.properties.name}`;
  if (seen.has(key)) {
    const e = seen.get(key);
    e.merged.push(g.properties.name);
    e.polys.push(...polys);
    continue;
  }
  const e = {
    isonum: row && row.isonum ? Number(row.isonum) : 0,
    iso3: row ? row.iso3 : null,
    name: row ? row.name : g.properties.name,
    sourceName: g.properties.name,
    merged: [],
    polys,
    point: null,
  };
  seen.set(key, e);
  entries.push(e);
}
const pointOnly = [];
for (const row of iso) {
  if (seen.has(row.iso3)) continue;
  const lat = Number(row.lat), lon = Number(row.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`no coordinates for ${row.iso3}`);
  const e = { isonum: Number(row.isonum), iso3: row.iso3, name: row.name, polys: [], point: [lon, lat], merged: [] };
  entries.push(e);
  pointOnly.push(`${row.iso3} ${row.name}`);
}

varint(entries.length);
let rings = 0, refs = 0;
for (const e of entries) {
  varint(e.isonum);
  if (e.iso3) { u8(1); ascii3(e.iso3); } else u8(0);
  str(e.name);
  varint(e.polys.length);
  for (const poly of e.polys) {
    varint(poly.length);
    for (const ring of poly) {
      varint(ring.length);
      for (const a of ring) zigzag(a);
      rings++; refs += ring.length;
    }
  }
  if (e.point) { u8(1); zigzag(Math.round(e.point[0] * 1e5)); zigzag(Math.round(e.point[1] * 1e5)); } else u8(0);
}

const out = join(root, 'data/basemap/countries-50m.bin');
writeFileSync(out, Buffer.from(bytes));
console.log(JSON.stringify({
  out: 'data/basemap/countries-50m.bin', bytes: bytes.length, arcs: topo.arcs.length, arcPoints,
  entries: entries.length, shapes: entries.length - pointOnly.length, pointOnly: pointOnly.length,
  rings, arcRefs: refs,
  merged: entries.filter((e) => e.merged.length).map((e) => `${e.name} + ${e.merged.join(', ')}`),
  noIso: entries.filter((e) => !e.iso3).map((e) => e.name),
  pointOnlyList: pointOnly,
}, null, 1));
