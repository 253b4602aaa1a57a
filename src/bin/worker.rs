//! The extraction worker: reads the articles a user adds and extracts the model over the whole
//! corpus off the page's main thread, so the page stays responsive. Trunk builds it from
//! `<link data-trunk rel="rust" data-bin="worker" data-type="worker" ...>` in index.html; the app
//! starts it through `src/worker_client.rs`, one worker per batch.
//!
//! Protocol version 1 (every message carries `v: 1`):
//!
//! | direction | message |
//! |---|---|
//! | worker → page | `{v, kind: "ready"}` once the module is running; the page sends its request then |
//! | page → worker | `{v, kind: "extract", documents: [{name, format: "text"\|"markdown"\|"html", bytes: Uint8Array}], base: [{name, text}]}` |
//! | worker → page | `{v, kind: "progress", done, total, name, error?}` after each new document |
//! | worker → page | `{v, kind: "done", bundle, accepted: [name], rejected: [{name, reason}]}` |
//! | worker → page | `{v, kind: "failed", error}` when the request itself cannot be served |
//!
//! `base` is the corpus the page already shows (its text as stored); the model is extracted over
//! `base` followed by the accepted documents, and `bundle` is `entente_core::export::bundle` of it.
//! A document is rejected, with the ingest error's message, when it is empty, binary, too large,
//! or has the same text (so the same id) as a document before it.

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
    use entente_core::corpus::Corpus;
    use entente_core::document::Document;
    use entente_core::export::bundle;
    use entente_core::extract::extract;
    use entente_core::ingest::{Format, IngestError, MAX_DOCUMENT_BYTES, Source, ingest};
    use std::collections::HashMap;
    use wasm_bindgen::prelude::*;
    use web_sys::js_sys::{Array, Object, Reflect, Uint8Array};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// The protocol version this worker speaks.
    const V: u32 = 1;

    /// The ingest format a request's `format` names (what `worker_client` sends for each).
    fn format_from_name(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = web_sys::js_sys::global().unchecked_into();
        let handler_scope = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
            let reply = match serve(&handler_scope, &ev.data()) {
                Ok(done) => done,
                Err(error) => message("failed", &[("error", error.into())]),
            };
            post(&handler_scope, &reply);
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

    /// Serves one request: progress is posted as it goes; the `done` message is returned.
    fn serve(scope: &DedicatedWorkerGlobalScope, req: &JsValue) -> Result<JsValue, String> {
        let v = get(req, "v").as_f64();
        if v != Some(f64::from(V)) {
            return Err(format!("the page speaks protocol version {v:?}; this worker speaks {V}"));
        }
        if get(req, "kind").as_string().as_deref() != Some("extract") {
            return Err("the request's `kind` is not \"extract\"".into());
        }
        let new = array(req, "documents")?;
        let base_in = array(req, "base")?;

        let mut documents: Vec<Document> = Vec::with_capacity(base_in.length() as usize + new.length() as usize);
        // Each document's id, to the name of the first document with it.
        let mut names_by_id: HashMap<String, String> = HashMap::new();
        for (i, item) in base_in.iter().enumerate() {
            let name = get(&item, "name")
                .as_string()
                .unwrap_or_else(|| format!("document {}", i + 1));
            let text = get(&item, "text")
                .as_string()
                .ok_or_else(|| format!("base document {name} has no text"))?;
            let doc = ingest(
                Source {
                    name: &name,
                    bytes: text.as_bytes(),
                },
                Format::Text,
            )
            .map_err(|e| format!("base document {name} cannot be read: {e}"))?;
            names_by_id.entry(doc.id.clone()).or_insert_with(|| name.clone());
            documents.push(doc);
        }

        let total = new.length();
        let accepted = Array::new();
        let rejected = Array::new();
        for (i, item) in new.iter().enumerate() {
            let name = get(&item, "name").as_string().unwrap_or_else(|| format!("file {}", i + 1));
            let result = read_new(&item, &name).and_then(|doc| match names_by_id.get(&doc.id) {
                Some(first) => Err(format!(
                    "it duplicates {first}: the same text, so the same document id {}",
                    doc.id
                )),
                None => Ok(doc),
            });
            let mut fields = vec![
                ("done", JsValue::from(i as u32 + 1)),
                ("total", total.into()),
                ("name", name.as_str().into()),
            ];
            match result {
                Ok(doc) => {
                    names_by_id.insert(doc.id.clone(), name.clone());
                    documents.push(doc);
                    accepted.push(&name.as_str().into());
                }
                Err(reason) => {
                    let r = Object::new();
                    set(&r, "name", name.as_str().into());
                    set(&r, "reason", reason.as_str().into());
                    rejected.push(&r);
                    fields.push(("error", reason.into()));
                }
            }
            post(scope, &message("progress", &fields));
        }

        let corpus = Corpus { documents };
        let model = extract(&corpus);
        let json = bundle(&model, &corpus);
        Ok(message(
            "done",
            &[
                ("bundle", json.into()),
                ("accepted", accepted.into()),
                ("rejected", rejected.into()),
            ],
        ))
    }

    /// One new document from the request, or why it cannot be added (the ingest error's message).
    fn read_new(item: &JsValue, name: &str) -> Result<Document, String> {
        let format_name = get(item, "format").as_string().unwrap_or_default();
        let format =
            format_from_name(&format_name).ok_or_else(|| format!("the format \"{format_name}\" is not one Entente reads"))?;
        let bytes = get(item, "bytes")
            .dyn_into::<Uint8Array>()
            .map_err(|_| "its bytes were not sent as a Uint8Array".to_string())?;
        let len = bytes.length() as usize;
        // Refused before copying it into the worker's memory.
        if len > MAX_DOCUMENT_BYTES {
            return Err(IngestError::TooLarge {
                bytes: len,
                limit: MAX_DOCUMENT_BYTES,
            }
            .to_string());
        }
        ingest(
            Source {
                name,
                bytes: &bytes.to_vec(),
            },
            format,
        )
        .map_err(|e| e.to_string())
    }
}
