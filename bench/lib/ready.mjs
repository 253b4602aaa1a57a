// When a page is "ready", timed inside the page from navigation start (performance.now() is
// relative to it): an init script watches the DOM with a MutationObserver and stamps the first
// moment a condition holds, then the next animation frame (the frame that paints it).

/// The app is ready once the reader lists both seed articles' titles and the map has its basemap.
export const APP_READY = `(() => {
  const titles = document.querySelectorAll('.reader .doc-tab .doc-title');
  return titles.length >= 2 && [...titles].every((t) => t.textContent.trim()) &&
    document.querySelectorAll('.map-svg path.country').length > 100;
})()`;
export const TRIVIAL_READY = `!!document.querySelector('h1')`;

/// The map has drawn its basemap (whatever the reader shows).
export const MAP_READY = `document.querySelectorAll('.map-svg path.country').length > 100`;

/// Adds the init script that stamps window[key] = {dom, frame} once `condition` holds.
export async function watchReady(page, condition, key = '__ready') {
  await page.addInitScript(`(() => {
    const check = () => ${condition};
    let done = false;
    const stamp = () => {
      if (done || !check()) return;
      done = true;
      const dom = performance.now();
      requestAnimationFrame(() => { window[${JSON.stringify(key)}] = { dom, frame: performance.now() }; });
    };
    new MutationObserver(stamp).observe(document, { childList: true, subtree: true, characterData: true });
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__started = performance.now();
      window.__wasmMemory = e.detail?.wasm?.memory;
      stamp();
    });
    stamp();
  })()`);
}

/// Waits for the stamp; returns {dom, frame} in ms from navigation start.
export async function readyTimes(page, key = '__ready', timeout = 60_000) {
  await page.waitForFunction((k) => window[k], key, { timeout, polling: 50 });
  return page.evaluate((k) => window[k], key);
}
