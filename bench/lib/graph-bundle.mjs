// A bundle the app opens (schema entente-bundle/1, see docs/model-schema.md) whose actor graph
// is a given list of relations, so the real app can be measured and tested on generated graphs
// of any size. Actor i is "Actor i"; each relation [a, b] is one event of a on b, written as one
// sentence of a plain-text article ("Actor 12 meets Actor 3."), 2,000 events per article. The
// kinds of actor and the quad classes cycle, so the drawing uses every colour.

const KINDS = ['state', 'igo', 'agency', 'company', 'media', 'person', 'organization', 'group'];
const QUADS = [
  ['VerbalCooperation', '042', 'Make a visit', 1.9, 'meets'],
  ['MaterialCooperation', '070', 'Provide aid', 7, 'aids'],
  ['VerbalConflict', '111', 'Criticize or denounce', -2, 'criticises'],
  ['MaterialConflict', '190', 'Use conventional military force', -10, 'attacks'],
];
const PER_DOC = 2000;

/// The key of actor i, as in the URL's `sel=a:` (actor keys are the model's own).
export const actorKey = (i) => `org:actor-${i}`;
export const actorName = (i) => `Actor ${i}`;

/// FNV-1a over the text, as the app's ingest names documents.
function documentId(text) {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return (h >> 24n).toString(16).padStart(10, '0');
}

/// The bundle's JSON text for `nodes` actors and `edges` ([a, b, ...] pairs; self loops skipped).
export function graphBundle(nodes, edges) {
  const relations = edges.filter(([a, b]) => a !== b);
  const degree = new Array(nodes).fill(0);
  for (const [a, b] of relations) { degree[a]++; degree[b]++; }
  const documents = [];
  const infos = [];
  const sentences = [];
  const events = [];
  for (let start = 0; start < relations.length; start += PER_DOC) {
    const doc = documents.length;
    let text = '';
    for (const [a, b] of relations.slice(start, start + PER_DOC)) {
      const id = events.length;
      const [quad, cameo, cameoName, goldstein, verb] = QUADS[(a + b) % 4];
      const from = Buffer.byteLength(text);
      const actor = actorName(a);
      const sentence = `${actor} ${verb} ${actorName(b)}.`;
      text += `${sentence}\n\n`;
      const at = (s, len) => ({ start: from + s, end: from + s + len });
      sentences.push({ doc, span: at(0, sentence.length), block: 'paragraph' });
      events.push({
        id, actor: a, recipient: b,
        code: { cameo, cameo_name: cameoName, goldstein, quad, quad_source: `CAMEO root ${cameo.slice(0, 2)}`, cameo_note: null, plover: null, plover_mode: null, plover_context: [] },
        trigger: verb, polarity: 'positive', modality: 'asserted', source: null, date: null, place: null,
        mentions: [{
          doc, sentence: sentences.length - 1,
          actor_span: at(0, actor.length), trigger_span: at(actor.length + 1, verb.length),
          recipient_span: at(actor.length + verb.length + 2, actorName(b).length),
          modality: 'asserted', polarity: 'positive',
        }],
        document_count: 1,
      });
    }
    const name = `generated-${String(doc).padStart(3, '0')}.txt`;
    const id = documentId(text);
    documents.push({ id, name, text });
    infos.push({ id, name, title: `Generated relations ${start + 1}–${start + PER_DOC}`, reference_date: null });
  }
  const actors = Array.from({ length: nodes }, (_, i) => ({
    id: i, key: actorKey(i), name: actorName(i), short: null, kind: KINDS[i % KINDS.length], sector: null,
    codes: { cameo: null, cameo_note: null, iso3: null, iso2: null, isonum: null, fips: null },
    country: null, parent: null, affiliation: null, aliases: [], seat: null,
    mention_count: degree[i], document_count: 1,
  }));
  const model = {
    schema: 'entente-model/1', extractor: 'generated graph', documents: infos, sentences, actors,
    places: [], mentions: [], events, claims: [],
  };
  return JSON.stringify({ schema: 'entente-bundle/1', model, documents });
}

/// A small seeded scale-free graph (preferential attachment, each node linked to `perNode`
/// earlier ones), for tests that need a large graph without the native CLI.
export function scaleFreeEdges(nodes, perNode, seed = 1) {
  let x = seed >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
  const edges = [];
  const ends = [];
  const seen = new Set();
  for (let v = 1; v < nodes; v++) {
    for (let k = 0; k < Math.min(perNode, v); k++) {
      const t = ends.length && next() > 0.2 ? ends[Math.floor(next() * ends.length)] : Math.floor(next() * v);
      const key = `${Math.min(v, t)}-${Math.max(v, t)}`;
      if (t === v || seen.has(key)) continue;
      seen.add(key);
      edges.push([v, t]);
      ends.push(v, t);
    }
  }
  return edges;
}
