// Trunk post-build hook: moves the inline module script Trunk writes into index.html into its
// own hashed file, so the page runs under a Content-Security-Policy with no inline script.
// It also gives the extraction worker's files content-hashed names (see below).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const index = join(dir, 'index.html');
let html = readFileSync(index, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html: has Trunk changed its output?');
const code = match[1].trim() + '\n';
const hash = (data) => createHash('sha256').update(data).digest('hex').slice(0, 16);
const name = `boot-${hash(code)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(dir, name), code);
html = html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);
console.log(`boot script moved to ${name}`);

// The worker (index.html's data-type="worker" link, with data-loader-shim): Trunk names its
// files after the binary with no hash (worker.js, worker_bg.wasm, worker_loader.js), but the
// server marks every asset immutable, so an update would keep running a cached worker. Each
// file gets a content hash and the loader is named in <meta name="entente-worker">, which
// src/worker_client.rs reads (index.html itself is never cached).
if (existsSync(join(dir, 'worker_loader.js'))) {
  const rename = (from, to, text) => {
    writeFileSync(join(dir, to), text);
    unlinkSync(join(dir, from));
  };
  const replaceOnce = (text, from, to, file) => {
    const parts = text.split(from);
    if (parts.length !== 2) throw new Error(`${file}: expected "${from}" once, found it ${parts.length - 1} times: has Trunk or wasm-bindgen changed its output?`);
    return parts.join(to);
  };
  const wasm = readFileSync(join(dir, 'worker_bg.wasm'));
  const wasmName = `worker-${hash(wasm)}_bg.wasm`;
  const js = replaceOnce(readFileSync(join(dir, 'worker.js'), 'utf8'), `'worker_bg.wasm'`, `'${wasmName}'`, 'worker.js');
  const jsName = `worker-${hash(js)}.js`;
  const loader = replaceOnce(readFileSync(join(dir, 'worker_loader.js'), 'utf8'), `'./worker.js'`, `'./${jsName}'`, 'worker_loader.js');
  const loaderName = `worker_loader-${hash(loader)}.js`;
  rename('worker_bg.wasm', wasmName, wasm);
  rename('worker.js', jsName, js);
  rename('worker_loader.js', loaderName, loader);
  html = replaceOnce(html, '</head>', `<meta name="entente-worker" content="./${loaderName}"></head>`, 'index.html');
  console.log(`worker files renamed to ${loaderName}, ${jsName}, ${wasmName}`);
}
writeFileSync(index, html);
