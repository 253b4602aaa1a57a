// Benchmark articles built from base texts, shared by the page that drives the worker
// (bench-worker.js, in the browser) and bench/35-app-ingest.mjs (in Node), so both read the
// same corpus. `base` is [{name, text, bytes}], `bytes` the UTF-8 length of `text`.

/// Articles built from base texts. `join` > 1 byte: consecutive base texts are joined until an
/// article reaches `minBytes`; every article ends with a distinguishing line.
export function* articles(base, { minBytes = 0, marker }) {
  let k = 0;
  for (let i = 0; ; i++) {
    const parts = [];
    let bytes = 0;
    do {
      const t = base[k % base.length];
      parts.push(t.text.trimEnd());
      bytes += t.bytes;
      k++;
    } while (bytes < minBytes);
    const name = `${String(i).padStart(6, '0')}-${base[(k - parts.length) % base.length].name.split('/').pop()}`;
    // `marker: 'cli'` is exactly entente-cli bench's document: the text, then "\n\nCopy {i}.\n".
    const text = marker === 'cli' ? `${base[(k - 1) % base.length].text}\n\nCopy ${i}.\n` : `${parts.join('\n\n')}\n\nBenchmark copy ${i}: this line makes the article distinct.\n`;
    yield { name, text };
  }
}
