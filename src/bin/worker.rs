//! The extraction worker: reads the user's articles and extracts the model over the whole
//! library off the page's main thread, so the page stays responsive. Trunk builds it from
//! `<link data-trunk rel="rust" data-bin="worker" data-type="worker" ...>` in index.html; the app
//! starts it through `src/worker_client.rs`, which keeps it between batches. The worker keeps
//! the analyses of the documents of its last request (`entente_core::extract::cache`), so a
//! request that adds articles to the library analyses only the new ones.
//!
//! Protocol version 3 (every message carries `v: 3`):
//!
//! | direction | message |
//! |---|---|
//! | worker → page | `{v, kind: "ready"}` once the module is running; the page sends its request then |
//! | page → worker | `{v, kind: "extract", base: null \| bundle JSON string, removed: [document id], articles: [{name, format: "text"\|"markdown"\|"html", bytes: Uint8Array}]}` |
//! | worker → page | `{v, kind: "progress", phase: "reading"\|"analysing", done, total}`, at most about 100 per phase |
//! | worker → page | `{v, kind: "done", lines: Uint8Array (UTF-8 JSON lines, transferred), verdicts: [{id} \| {reason}]}`, one verdict per article in order |
//! | worker → page | `{v, kind: "failed", error}` when the request itself cannot be served |
//!
//! The library is `entente_core::library::assemble` of the base (the default articles when
//! `base` is null, else the bundle's documents) without `removed`, then the articles; `lines`
//! is `entente_core::export::bundle_lines` of it and its model: the page reads it a slice at a
//! time (`entente_core::export::LinesReader`), so no single task of the page holds the model.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    wasm::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the extraction worker runs in a browser: Trunk builds it with the app (see index.html)");
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use entente_core::corpus::default_corpus;
    use entente_core::export::{bundle_lines, import_bundle};
    use entente_core::extract::cache::{AnalysisCache, extract_cached};
    use entente_core::ingest::{Format, IngestError, MAX_DOCUMENT_BYTES};
    use entente_core::library::{Article, Verdict, assemble};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;
    use web_sys::js_sys::{Array, Object, Reflect, Uint8Array};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// The protocol version this worker speaks.
    const V: u32 = 3;

    thread_local! {
        /// The analyses of the last request's library, for the next request.
        static CACHE: RefCell<AnalysisCache> = RefCell::new(AnalysisCache::default());
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = web_sys::js_sys::global().unchecked_into();
        let handler_scope = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = match serve(&handler_scope, &ev.data()) {
                Ok(done) => done,
                Err(error) => message("failed", &[("error", error.into())]),
            };
            // The answer's buffer moves to the page instead of being copied.
            match get(&reply, "lines").dyn_into::<Uint8Array>() {
                Ok(bytes) => {
                    let _ = handler_scope.post_message_with_transfer(&reply, &Array::of1(&bytes.buffer()));
                }
                Err(_) => post(&handler_scope, &reply),
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as its handler: it is terminated by the page, never unloaded.
        on_message.forget();
        post(&scope, &message("ready", &[]));
    }

    fn post(scope: &DedicatedWorkerGlobalScope, msg: &JsValue) {
        // Posting plain objects of strings, numbers and arrays cannot fail to clone.
        let _ = scope.post_message(msg);
    }

    fn message(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
        let obj = Object::new();
        set(&obj, "v", V.into());
        set(&obj, "kind", kind.into());
        for (key, value) in fields {
            set(&obj, key, value.clone());
        }
        obj.into()
    }

    fn set(obj: &Object, key: &str, value: JsValue) {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(obj, &key.into(), &value);
    }

    fn get(obj: &JsValue, key: &str) -> JsValue {
        Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn array(obj: &JsValue, key: &str) -> Result<Array, String> {
        get(obj, key)
            .dyn_into::<Array>()
            .map_err(|_| format!("the request's `{key}` is not an array"))
    }

    /// Posts progress when the percentage changes, so a batch of 10,000 articles sends about
    /// 100 messages per phase, not 10,000.
    fn progress(scope: &DedicatedWorkerGlobalScope, phase: &str, done: usize, total: usize) {
        let percent = |n: usize| n * 100 / total.max(1);
        if done == total || done == 1 || percent(done) != percent(done - 1) {
            post(
                scope,
                &message(
                    "progress",
                    &[("phase", phase.into()), ("done", done.into()), ("total", total.into())],
                ),
            );
        }
    }

    /// An article of the request: its name and format, and its bytes copied out of the message,
    /// or why it is refused before reading (an unknown format, too many bytes to copy).
    struct Received {
        name: String,
        article: Result<(Format, Vec<u8>), String>,
    }

    fn receive(item: &JsValue, i: usize) -> Received {
        let name = get(item, "name").as_string().unwrap_or_else(|| format!("article {}", i + 1));
        let format_name = get(item, "format").as_string().unwrap_or_default();
        let article = Format::from_token(&format_name)
            .ok_or_else(|| format!("the format \"{format_name}\" is not one Entente reads"))
            .and_then(|format| {
                let bytes = get(item, "bytes")
                    .dyn_into::<Uint8Array>()
                    .map_err(|_| "its bytes were not sent".to_string())?;
                let len = bytes.length() as usize;
                if len > MAX_DOCUMENT_BYTES {
                    return Err(IngestError::TooLarge {
                        bytes: len,
                        limit: MAX_DOCUMENT_BYTES,
                    }
                    .to_string());
                }
                Ok((format, bytes.to_vec()))
            });
        Received { name, article }
    }

    /// Serves one request: progress is posted as it goes; the `done` message is returned.
    fn serve(scope: &DedicatedWorkerGlobalScope, req: &JsValue) -> Result<JsValue, String> {
        let v = get(req, "v").as_f64();
        if v != Some(f64::from(V)) {
            return Err(format!("the page speaks protocol version {v:?}; this worker speaks {V}"));
        }
        if get(req, "kind").as_string().as_deref() != Some("extract") {
            return Err("the request's `kind` is not \"extract\"".into());
        }
        let base = match get(req, "base").as_string() {
            None => default_corpus().documents,
            Some(json) => {
                import_bundle(json.as_bytes())
                    .map_err(|e| format!("the opened bundle cannot be read: {e}"))?
                    .0
                    .documents
            }
        };
        let removed: Vec<String> = array(req, "removed")?.iter().filter_map(|s| s.as_string()).collect();
        let received: Vec<Received> = array(req, "articles")?
            .iter()
            .enumerate()
            .map(|(i, item)| receive(&item, i))
            .collect();
        let total = received.iter().filter(|r| r.article.is_ok()).count();

        // Articles refused before reading get their verdict here; the rest are assembled in
        // order, so the verdicts line up with the request's articles.
        let readable = received.iter().filter_map(|r| {
            r.article.as_ref().ok().map(|(format, bytes)| Article {
                name: &r.name,
                format: *format,
                bytes,
            })
        });
        let library = assemble(base, &removed, readable, |i, _| progress(scope, "reading", i + 1, total));
        let mut verdicts = library.verdicts.into_iter();
        let out = Array::new();
        for r in &received {
            let v = Object::new();
            match r.article.as_ref().map(|_| verdicts.next()) {
                Err(why) => set(&v, "reason", why.as_str().into()),
                Ok(Some(Verdict::Added { id })) => set(&v, "id", id.into()),
                Ok(Some(Verdict::Refused(why))) => set(&v, "reason", why.to_string().into()),
                Ok(None) => set(&v, "reason", "it was not read".into()),
            }
            out.push(&v);
        }

        let corpus = library.corpus;
        let documents = corpus.documents.len();
        let model = CACHE
            .with_borrow_mut(|cache| extract_cached(&corpus, cache, |done, _| progress(scope, "analysing", done, documents)));
        // As bytes, transferred: a string of hundreds of megabytes would be copied, and converted
        // from UTF-16, on the page's main thread.
        let bytes = Uint8Array::from(bundle_lines(&model, &corpus).as_slice());
        Ok(message("done", &[("lines", bytes.into()), ("verdicts", out.into())]))
    }
}
