// Trunk post-build hook: moves the inline module script Trunk writes into index.html into its
// own hashed file, so the page runs under a Content-Security-Policy with no inline script.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const index = join(dir, 'index.html');
const html = readFileSync(index, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) throw new Error('no inline module script in index.html: has Trunk changed its output?');
const code = match[1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(dir, name), code);
writeFileSync(index, html.replace(inline, `<script type="module" src="./${name}" integrity="${integrity}"></script>`));
console.log(`boot script moved to ${name}`);
