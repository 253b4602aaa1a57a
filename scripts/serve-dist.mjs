// A static file server for the release bundle, on 127.0.0.1 only.
// Sends the security headers the app is built for and pre-compressed files when present.
// Usage: node scripts/serve-dist.mjs [dir=dist] [port=8080]   (port 0 picks a free one)
// Also imported by the end-to-end tests: startServer(dir, port) -> { url, close }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/// The Content-Security-Policy of PERF-RELIABILITY B-1: scripts only from our origin,
/// wasm compilation allowed, nothing inline, no other origin reachable.
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
].join('; ');

export function startServer(dir = 'dist', port = 8080, { csp = CSP } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepts = req.headers['accept-encoding'] ?? '';
      let body = null;
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (accepts.includes(enc)) {
          body = await readFile(file + ext).catch(() => null);
          if (body) { encoding = enc; break; }
        }
      }
      body ??= await readFile(file).catch(() => null);
      if (!body) return send(res, 404, 'not found');
      const headers = {
        'content-type': type,
        'content-length': body.length,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      };
      if (csp) headers['content-security-policy'] = csp;
      if (encoding) { headers['content-encoding'] = encoding; headers['vary'] = 'accept-encoding'; }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      send(res, 400, 'bad request');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  startServer(dir, Number(port))
    .then(({ url }) => console.log(`Entente is served at ${url}  (Ctrl-C stops it)`))
    .catch((e) => {
      console.error(e.code === 'EADDRINUSE' ? `port ${port} is in use: pass another, e.g. scripts/serve 8081` : e.message);
      process.exit(1);
    });
}
