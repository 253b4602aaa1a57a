// Trusted Types default policy: the one place where strings become markup or script URLs.
// Leptos builds its view templates from static markup compiled into the app, and the app
// starts its parsing worker from its own origin; nothing else may pass. Article text never
// comes here: it is always inserted as text. Served with
// `require-trusted-types-for 'script'; trusted-types default` (scripts/serve-dist.mjs).
if (window.trustedTypes && window.trustedTypes.createPolicy) {
  const forbidden = /<\s*(script|iframe|object|embed|link|meta|base|form|frame)\b|\son[a-z]+\s*=|javascript:/i;
  window.trustedTypes.createPolicy('default', {
    createHTML(s) {
      if (forbidden.test(s)) throw new TypeError('Entente refused to insert markup: ' + String(s).slice(0, 80));
      return s;
    },
    createScriptURL(u) {
      const url = new URL(u, document.baseURI);
      if (url.origin !== location.origin && url.protocol !== 'blob:') throw new TypeError('Entente refused a script from ' + url.origin);
      return u;
    },
  });
}
