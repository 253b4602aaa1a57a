// Extraction throughput in wasm inside headless Chromium: the release build's extraction worker
// reads exactly the corpus of `entente-cli bench MB` (bench/10-extract-native.mjs) in one request,
// and the figure is set against the native one of the same run (or measured here when this file
// runs alone).
import { execFileSync } from 'node:child_process';
import { QUICK, ROOT, cliBenchCorpus, cliBenchTexts, cliPath, fmt, launchBrowser, loadResult, log, ms, serveSite, table } from './lib/common.mjs';

const MB = QUICK ? 5 : 20;
const ROUNDS = QUICK ? 1 : 3;

let native = loadResult('native');
let nativeNote = 'measured by the native section of this run';
if (!native || native.mb !== MB) {
  log(`wasm: no native figure from this run; running entente-cli bench ${MB}`);
  const out = execFileSync(cliPath(), ['bench', String(MB)], { cwd: ROOT, encoding: 'utf8' });
  const m = out.match(/seconds \(best of 3\): baseline ([\d.]+), map ([\d.]+), full ([\d.]+); bytes (\d+)/);
  if (!m) throw new Error(`unexpected entente-cli bench output:\n${out}`);
  const bytes = Number(m[4]);
  native = { mb: MB, bytes, baselineMBs: bytes / 1e6 / Number(m[1]), mapMBs: bytes / 1e6 / Number(m[2]), fullMBs: bytes / 1e6 / Number(m[3]) };
  nativeNote = 'measured by this section just before (the native section did not run first)';
}

const corpus = cliBenchCorpus(MB);
const server = await serveSite('wasm', { 'texts-cli.json': JSON.stringify(cliBenchTexts()) });
const browser = await launchBrowser();
const runs = [];
let error = null;
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  await page.goto(server.url + 'bench-worker.html');
  await page.waitForFunction(() => typeof window.runCorpus === 'function');
  for (let i = 0; i < ROUNDS; i++) {
    log(`wasm: worker round ${i + 1}/${ROUNDS}, ${MB} MB`);
    const r = await page.evaluate((a) => window.runCorpus(a), { textsUrl: 'texts-cli.json', targetBytes: MB * 1e6, marker: 'cli', warmup: true });
    if (r.error) { error = r.error; break; }
    runs.push(r.batches[0]);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const lines = ['## Extraction throughput, wasm in Chromium', ''];
if (!runs.length) {
  lines.push(`**Not measured:** ${error}`);
} else {
  const b = runs.reduce((x, y) => (y.extractMs < x.extractMs ? y : x));
  const bt = runs.reduce((x, y) => (y.totalMs < x.totalMs ? y : x));
  if (b.bytes !== corpus.bytes || b.accepted !== corpus.docs.length) {
    throw new Error(`the page built ${b.accepted} documents / ${b.bytes} bytes, entente-cli bench ${corpus.docs.length} / ${corpus.bytes}`);
  }
  const wasmExtract = b.bytes / 1e6 / (b.extractMs / 1000);
  const wasmTotal = bt.bytes / 1e6 / (bt.totalMs / 1000);
  lines.push(
    `The extraction worker of the release bundle (\`src/bin/worker.rs\` as \`build_release\` ships it) in headless Chromium, driven by ` +
      `\`bench/pages/bench-worker.js\`: the same ${fmt(b.bytes / 1e6)} MB corpus as the native section (${b.accepted.toLocaleString('en-US')} documents, ` +
      `identical texts) sent as one request of new documents, best of ${ROUNDS}. Native figure ${nativeNote}. ` +
      `Each round starts a fresh worker and first sends it a one-sentence request, as the native passes are timed after the lexicon is built: ` +
      `that warm-up took ${runs.map((r) => ms(r.warmupMs)).join(', ')} (what the first request to a fresh worker pays once on top of the figures below).`,
    '',
    table(
      ['what', 'time', 'MB/s', 'ratio to native'],
      [
        ['native: extraction + merge (entente-cli, baseline)', ms((native.bytes / 1e6 / native.fullMBs) * 1000), fmt(native.fullMBs, 2), '1.00×'],
        ['wasm worker: extraction + merge + JSON lines + reply', ms(b.extractMs), fmt(wasmExtract, 2), `${fmt(wasmExtract / native.fullMBs, 2)}×`],
        ['wasm worker: the whole request (ingest of every file, the above)', ms(bt.totalMs), fmt(wasmTotal, 2), `${fmt(wasmTotal / native.fullMBs, 2)}×`],
      ],
    ),
    '',
    `Phases of the best request: ingest ${ms(bt.ingestMs)} (until the last progress message; the worker itself started in ${ms(bt.readyMs)}, not counted), ` +
      `then ${ms(bt.extractMs)} to the \`done\` message carrying the model as JSON lines, ${fmt(bt.bundleBytes / 1e6)} MB (UTF-8, transferred as bytes). ` +
      `The wasm row includes serialising that answer and posting it, which the native row does not; ` +
      `all rounds: ${runs.map((r) => ms(r.extractMs)).join(', ')}.`,
  );
  if (error) lines.push('', `A later round failed: ${error}`);
}
console.log(lines.join('\n'));
