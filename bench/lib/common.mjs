// Shared by the benchmarks in bench/*.mjs: paths, quick mode, the texts they read, the browser,
// the server for dist/ plus the bench pages, and small helpers for tables and statistics.
//
// The contract of a benchmark: bench/<name>.mjs runs on its own (`node bench/<name>.mjs`,
// `--quick` for smaller sizes), prints one markdown section starting with `## ` to stdout and
// nothing else there (progress goes to stderr). scripts/bench runs them all in name order.
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startServer } from '../../scripts/serve-dist.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHARED = join(ROOT, '../shared');
export const DIST = join(ROOT, 'dist');
/// Scratch space of the benchmarks, and where one benchmark leaves figures for another of the
/// same run (scripts/bench sets BENCH_RUN to one stamp for the whole run).
export const OUT = join(ROOT, 'target/bench');
mkdirSync(OUT, { recursive: true });

export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
export const RUN = process.env.BENCH_RUN ?? null;

export const log = (...a) => console.error('[bench]', ...a);

/// The native CLI built with `--profile native` (scripts/bench builds it; CARGO_TARGET_DIR honoured).
export function cliPath() {
  const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  const cli = join(target, 'native/entente-cli');
  if (!existsSync(cli)) throw new Error(`${cli} is missing: cargo build -p entente-cli --profile native`);
  return cli;
}

export function requireDist() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ has no build: run scripts/bench (or build_release from scripts/common.sh)');
}

/// Figures a benchmark leaves for a later one in the same run; `null` if absent or from another run.
export function saveResult(name, value) {
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify({ run: RUN, value }));
}
export function loadResult(name) {
  try {
    const r = JSON.parse(readFileSync(join(OUT, `${name}.json`), 'utf8'));
    return RUN && r.run === RUN ? r.value : null;
  } catch {
    return null;
  }
}

// ---- texts ------------------------------------------------------------------------------------

/// As Entente's ingest normalises text: no leading BOM, "\r\n" and "\r" become "\n".
const normalise = (t) => t.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/// The seed articles, in the order of entente_core::corpus::SEED_ARTICLES.
export function seeds() {
  return ['000_south-korea-joins-ccdcoe.txt', '002_first-asian-country-joins-nato-cdg.txt'].map((name) => ({
    name,
    text: readFileSync(join(ROOT, 'data/corpus', name), 'utf8'),
  }));
}

/// GUM news texts, as `entente-cli bench` reads them (path order, names as displayed paths).
export function gumTexts() {
  const dir = join(SHARED, 'eval/gum_news/text');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((f) => ({ name: `../shared/eval/gum_news/text/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/// The distinct texts of `entente-cli bench`: the seeds, then the GUM news texts.
export function cliBenchTexts() {
  return [...seeds(), ...gumTexts()];
}

/// The corpus `entente-cli bench MB` extracts: its texts repeated, each copy with a marker line,
/// until the total reaches `mb` MB (1e6 bytes). Same construction and order as cli/src/bench.rs.
export function cliBenchCorpus(mb) {
  const base = cliBenchTexts();
  const docs = [];
  let bytes = 0;
  for (let i = 0; bytes < mb * 1e6; i++) {
    const b = base[i % base.length];
    const text = `${b.text}\n\nCopy ${i}.\n`;
    bytes += Buffer.byteLength(text);
    docs.push({ name: `${String(i).padStart(6, '0')}-${b.name.split('/').pop()}`, text });
  }
  return { base, docs, bytes };
}

/// re3d documents (the `text` of every line of every source's documents.json).
export function re3dTexts() {
  const dir = join(SHARED, 'eval/re3d');
  if (!existsSync(dir)) return [];
  const out = [];
  for (const src of readdirSync(dir).sort()) {
    const file = join(dir, src, 'documents.json');
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const l = line.replace(/^\uFEFF/, '').trim();
      if (!l) continue;
      const d = JSON.parse(l);
      out.push({ name: `re3d-${d._id}.txt`, text: normalise(d.text) });
    }
  }
  return out;
}

/// The PLOVER gold-standard sentences, grouped 20 to a text (each alone is one short sentence).
export function ploverTexts() {
  const file = join(SHARED, 'eval/plover/PLOVER_GSR_CAMEO.json');
  if (!existsSync(file)) return [];
  const sentences = JSON.parse(readFileSync(file, 'utf8')).map((r) => r.text).filter((t) => typeof t === 'string' && t.trim());
  const out = [];
  for (let i = 0; i < sentences.length; i += 20) {
    out.push({ name: `plover-${String(i / 20).padStart(2, '0')}.txt`, text: sentences.slice(i, i + 20).join('\n\n') + '\n' });
  }
  return out;
}

/// Words as spaCy's baseline and this bench count them: whitespace-separated tokens.
export const countWords = (t) => {
  let n = 0;
  for (const w of t.split(/\s+/)) if (w) n++;
  return n;
};

// ---- browser and server -----------------------------------------------------------------------

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/// dist/ plus bench/pages/, served by the app's own server (same headers, same CSP), from a copy
/// under target/bench so dist/ is left as built.
/// `files`: more files to serve, name → content (e.g. the texts a bench page builds its corpus from).
export async function serveSite(name, files = {}) {
  requireDist();
  const site = join(OUT, `site-${name}`);
  rmSync(site, { recursive: true, force: true });
  cpSync(DIST, site, { recursive: true });
  const pages = join(ROOT, 'bench/pages');
  for (const f of readdirSync(pages)) cpSync(join(pages, f), join(site, f));
  for (const [f, content] of Object.entries(files)) writeFileSync(join(site, f), content);
  const server = await startServer(site, 0);
  return { ...server, site };
}

// ---- figures ----------------------------------------------------------------------------------

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const fmt = (x, digits = 1) =>
  x == null || Number.isNaN(x) ? '–' : Number(x).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const ms = (x) => (x == null ? '–' : `${fmt(x, 0)} ms`);
export const mb = (bytes, digits = 1) => `${fmt(bytes / 1e6, digits)} MB`;
export const kb = (bytes) => `${fmt(bytes / 1e3, 1)} kB`;

/// A markdown table from a header row and body rows.
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '–').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/// Pass or miss against a goal, for the tables.
export const verdict = (ok) => (ok ? 'met' : '**not met**');

// ---- memory -----------------------------------------------------------------------------------

/// Processes started by this node process, at any depth (the browser and its children).
function descendants(root = process.pid) {
  const children = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {}
  }
  const out = [];
  const stack = [root];
  while (stack.length) for (const c of children.get(stack.pop()) ?? []) { out.push(c); stack.push(c); }
  return out;
}

/// Proportional set size (bytes) of all the processes this node process started: the browser's
/// memory as the system sees it (wasm linear memory included), shared pages counted once.
export function browserPss() {
  let kb = 0;
  for (const pid of descendants()) {
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb * 1024;
}

/// Samples browserPss() every `everyMs` until stop(); stop() returns the peak in bytes.
export function pssSampler(everyMs = 250) {
  let peak = browserPss();
  const timer = setInterval(() => { peak = Math.max(peak, browserPss()); }, everyMs);
  return { stop() { clearInterval(timer); return Math.max(peak, browserPss()); } };
}

/// graphology-layout-forceatlas2 settings equal to Entente's `LayoutSettings` with the given
/// scaling and gravity (strong gravity, edge weights, Barnes-Hut θ = 1), in graphology's names.
export const forceAtlas2Settings = ({ scaling, gravity }) => ({
  scalingRatio: scaling,
  gravity,
  strongGravityMode: true,
  edgeWeightInfluence: 1,
  outboundAttractionDistribution: false,
  linLogMode: false,
  adjustSizes: false,
  slowDown: 1,
  barnesHutOptimize: true,
  barnesHutTheta: 1.0,
});
