// Shared set-up of the end-to-end tests: serve dist/ on 127.0.0.1, launch Debian's Chromium
// through playwright-core, and record what a test must check on every page (errors, requests).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../../scripts/serve-dist.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'target/e2e-screenshots');
mkdirSync(SHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/// Starts the server and the browser once per test file.
export async function launch() {
  const server = await startServer(join(ROOT, 'dist'), 0);
  // Playwright gives every launch a fresh, empty profile directory.
  const browser = await chromium
    .launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    .catch(async (e) => { await server.close(); throw e; });
  return {
    url: server.url,
    browser,
    async close() { await browser.close(); await server.close(); },
  };
}

/// A fresh page that records page errors, console errors, CSP violations and every request.
/// `setup(context, page)` runs before the first navigation (for DevTools overrides).
export async function openPage(env, { path = '', viewport = { width: 1400, height: 900 }, setup } = {}) {
  const context = await env.browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await setup?.(context, page);
  await page.goto(env.url + path);
  return { page, context, problems, requests };
}

export function shot(page, name) {
  return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/// Waits until the app has read the user's stored articles and applied the URL.
export async function ready(page) {
  await page.locator('html[data-entente="ready"]').waitFor();
}

/// A file for `setInputFiles`.
export const file = (name, text, mimeType = 'text/plain') => ({ name, mimeType, buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

export async function openArticles(page) {
  if (!(await page.locator('.articles').count())) await page.getByRole('button', { name: 'Articles', exact: true }).click();
  await page.locator('.articles').waitFor();
}

/// Adds files through the Articles panel's file input and waits for the batch's report.
export async function addFiles(page, files) {
  await openArticles(page);
  // The last batch's report goes first, so the wait below is for this batch's.
  if (await page.locator('.report').count()) await page.locator('.report .dismiss').click();
  await page.locator('#add-files').setInputFiles(files);
  await page.locator('.report').waitFor();
  await page.locator('#ingest-progress').waitFor({ state: 'detached' });
}
