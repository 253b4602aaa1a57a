// Writes dist/entente-offline.html: the whole app (wasm, glue, styles, icon, corpus) in one file
// that works opened from disk with no server. Run after `trunk build` (scripts/common.sh does).
// The module and the styles are inlined; the wasm travels as base64 and is compiled from bytes.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const files = readdirSync(dist);
const pick = (re) => {
  const f = files.find((n) => re.test(n));
  if (!f) throw new Error(`no ${re} in ${dist}: run trunk build first`);
  return join(dist, f);
};
const css = readFileSync(pick(/^main-.*\.css$/), 'utf8');
const glue = readFileSync(pick(/^entente-[0-9a-f]+\.js$/), 'utf8');
const wasm = readFileSync(pick(/^entente-[0-9a-f]+_bg\.wasm$/)).toString('base64');
const icon = readFileSync(pick(/^favicon-.*\.svg$/)).toString('base64');

// `</script` inside the module text would end the script element early.
const safe = (s) => s.replace(/<\/script/gi, '<\\/script');
const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entente (offline file)</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon}">
<style>${css}</style>
</head>
<body>
<noscript>Entente runs in your browser and needs JavaScript and WebAssembly enabled.</noscript>
<script type="module">
${safe(glue)}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
</script>
</body>
</html>
`;
writeFileSync(join(dist, 'entente-offline.html'), html);
console.log(`wrote ${join(dist, 'entente-offline.html')} (${(html.length / 1e6).toFixed(1)} MB)`);
