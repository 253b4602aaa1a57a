//! Runs the extraction worker (`src/bin/worker.rs`, protocol version 3): it reads the user's
//! articles and extracts the model over the whole library, so the page stays responsive.
//!
//! ```ignore
//! let message = worker_client::prepare(&request).await;
//! let (cancel, outcome) = worker_client::start_extraction(message, move |p| progress.set(Some(p)));
//! // keep `cancel` to stop the batch (a Cancel button); dropping `outcome` also stops it
//! match outcome.await {
//!     Ok(o) => { /* read o.lines a slice at a time with entente_core::export::LinesReader */ }
//!     Err(ExtractError::Cancelled) => {}
//!     Err(ExtractError::Failed(why)) => notice(why),
//! }
//! ```
//!
//! The worker is created for the first batch and sent the request once it says it is ready.
//! A batch that ends well leaves it idle for the next one, which it serves at once and faster:
//! it keeps the analyses of the library's documents and reads only the new articles again. A
//! batch that fails or is cancelled terminates it, and the next batch starts a fresh one. A worker that cannot load, panics
//! (the release build aborts on panic) or sends an unreadable message ends the batch with
//! [`ExtractError::Failed`]; it never leaves the future pending.

use crate::slices::Slices;
use entente_core::ingest::Format;
use entente_core::library::Article;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::future::Future;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use web_sys::{ErrorEvent, Event, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The protocol version, the `v` of every message (see `src/bin/worker.rs`).
const V: u32 = 3;

/// The `<meta name="entente-worker" content="…">` that the build's post-build hook
/// (`scripts/extract-boot-script.mjs`) writes into index.html: the worker's hashed loader.
const WORKER_META: &str = "meta[name=\"entente-worker\"]";

/// An article to read; `format` is typically `Format::detect(&name, &bytes)`.
#[derive(Debug, Clone)]
pub struct NewDoc {
    pub name: String,
    pub format: Format,
    pub bytes: Vec<u8>,
}

/// What the worker is asked to build: the base (`None`: the default articles; else an opened
/// bundle's JSON) without the `removed` document ids, then the `articles` in order.
pub struct Request<'a> {
    pub base: Option<&'a str>,
    pub removed: &'a [String],
    pub articles: &'a [Article<'a>],
}

/// Which pass a batch is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The worker reading the articles into documents.
    Reading,
    /// The worker's extraction, per document (its map step).
    Analysing,
    /// The page reading the worker's answer into its model (`done` and `total` in MB).
    Loading,
}

/// `done` of `total` in a phase; sent at most about 100 times per phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: u32,
    pub total: u32,
}

/// The result of a batch: the library and its model as `entente-lines/1` JSON lines (left in
/// JavaScript memory, to be read a slice at a time), and per article of the request, in order,
/// its document id or why it was refused.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub lines: Uint8Array,
    pub verdicts: Vec<Result<String, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// [`Cancel::cancel`] was called.
    Cancelled,
    /// The worker could not run the batch; the text is for the user.
    Failed(String),
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Cancelled => write!(f, "the articles were not added: cancelled"),
            ExtractError::Failed(why) => write!(f, "the articles could not be read: {why}"),
        }
    }
}

/// Stops a batch: terminates its worker and ends its future with [`ExtractError::Cancelled`].
/// Does nothing once the batch has ended.
#[derive(Clone, Default)]
pub struct Cancel(Weak<Job>);

impl Cancel {
    pub fn cancel(&self) {
        if let Some(job) = self.0.upgrade() {
            job.settle(Err(ExtractError::Cancelled));
        }
    }
}

/// Whether this build has the extraction worker. The served build does; the single-file
/// `entente-offline.html` (scripts/single-file.mjs) has none, and [`start_extraction`] there
/// ends at once with [`ExtractError::Failed`].
pub fn available() -> bool {
    worker_url().is_ok()
}

/// Starts a worker on a prepared request; `on_progress` is called on the main thread as it goes.
/// Dropping the returned future terminates the worker.
pub fn start_extraction<P: Fn(Progress) + 'static>(
    request: Message,
    on_progress: P,
) -> (Cancel, impl Future<Output = Result<Outcome, ExtractError>> + use<P>) {
    let Message { msg, transfer } = request;
    let started = Job::start(msg, transfer, Box::new(on_progress));
    let cancel = Cancel(started.as_ref().map(|(job, _)| Rc::downgrade(job)).unwrap_or_default());
    let outcome = async move {
        let (job, finished) = started?;
        // Resolved by `settle`, never rejected.
        let _ = JsFuture::from(finished).await;
        let result = job.result.borrow_mut().take();
        result.unwrap_or_else(|| Err(ExtractError::Failed("the extraction worker stopped without an answer".into())))
    };
    (cancel, outcome)
}

/// The `extract` message of a request and its transfer list, made by [`prepare`].
pub struct Message {
    msg: JsValue,
    transfer: Array,
}

/// Makes the request's `extract` message, a slice at a time: each article's bytes are copied
/// once out of wasm memory into a buffer that is then moved to the worker, not copied again.
pub async fn prepare(request: &Request<'_>) -> Message {
    let articles = Array::new();
    let transfer = Array::new();
    let mut slices = Slices::new();
    for doc in request.articles {
        slices.tick().await;
        let bytes = Uint8Array::from(doc.bytes);
        transfer.push(&bytes.buffer());
        articles.push(&object(&[
            ("name", doc.name.into()),
            ("format", doc.format.name().into()),
            ("bytes", bytes.into()),
        ]));
    }
    let removed: Array = request.removed.iter().map(|id| JsValue::from(id.as_str())).collect();
    let msg = object(&[
        ("v", V.into()),
        ("kind", "extract".into()),
        ("base", request.base.map_or(JsValue::NULL, JsValue::from)),
        ("removed", removed.into()),
        ("articles", articles.into()),
    ]);
    Message {
        msg: msg.into(),
        transfer,
    }
}

thread_local! {
    /// The worker of the last batch that ended well, with its analyses, for the next batch.
    static IDLE: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

struct Job {
    worker: Worker,
    /// Handed back to [`IDLE`] when the batch ended well: no longer this job's to stop.
    parked: Cell<bool>,
    /// The request, until the worker says it is ready.
    request: RefCell<Option<(JsValue, Array)>>,
    on_progress: Box<dyn Fn(Progress)>,
    settled: Cell<bool>,
    result: RefCell<Option<Result<Outcome, ExtractError>>>,
    /// Resolves the promise the outcome future awaits.
    resolve: Function,
    /// The worker's message, error and message-error handlers, alive as long as the job.
    _handlers: [Closure<dyn Fn(Event)>; 3],
}

impl Job {
    fn start(request: JsValue, transfer: Array, on_progress: Box<dyn Fn(Progress)>) -> Result<(Rc<Job>, Promise), ExtractError> {
        let idle = IDLE.with_borrow_mut(Option::take);
        let ready = idle.is_some();
        let worker = match idle {
            Some(worker) => worker,
            None => {
                let url = worker_url()?;
                let options = WorkerOptions::new();
                options.set_type(WorkerType::Module);
                Worker::new_with_options(&url, &options)
                    .map_err(|e| ExtractError::Failed(format!("the extraction worker could not be created: {}", describe(&e))))?
            }
        };
        let mut resolve = None;
        let finished = Promise::new(&mut |res, _rej| resolve = Some(res));
        let resolve = resolve.ok_or_else(|| ExtractError::Failed("a promise did not start".into()))?;
        let job = Rc::new_cyclic(|weak: &Weak<Job>| {
            let w = weak.clone();
            let on_message = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
                if let (Some(job), Ok(ev)) = (w.upgrade(), ev.dyn_into::<MessageEvent>()) {
                    job.on_message(&ev.data());
                }
            });
            let w = weak.clone();
            let on_error = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
                let Some(job) = w.upgrade() else { return };
                let why = match ev.dyn_ref::<ErrorEvent>().map(ErrorEvent::message) {
                    Some(m) if !m.is_empty() => format!("the extraction worker stopped: {m}"),
                    _ => "the extraction worker could not start (its script did not load)".to_string(),
                };
                job.settle(Err(ExtractError::Failed(why)));
            });
            let w = weak.clone();
            let on_message_error = Closure::<dyn Fn(Event)>::new(move |_: Event| {
                if let Some(job) = w.upgrade() {
                    job.settle(Err(ExtractError::Failed(
                        "a message from the extraction worker could not be read".into(),
                    )));
                }
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            worker.set_onmessageerror(Some(on_message_error.as_ref().unchecked_ref()));
            Job {
                worker,
                parked: Cell::new(false),
                request: RefCell::new(Some((request, transfer))),
                on_progress,
                settled: Cell::new(false),
                result: RefCell::new(None),
                resolve,
                _handlers: [on_message, on_error, on_message_error],
            }
        });
        // An idle worker said it was ready long ago.
        if ready {
            job.send_request();
        }
        Ok((job, finished))
    }

    fn send_request(&self) {
        let request = self.request.borrow_mut().take();
        if let Some((msg, transfer)) = request
            && let Err(e) = self.worker.post_message_with_transfer(&msg, &transfer)
        {
            self.settle(Err(ExtractError::Failed(format!(
                "the articles could not be sent to the worker: {}",
                describe(&e)
            ))));
        }
    }

    fn on_message(&self, data: &JsValue) {
        if self.settled.get() {
            return;
        }
        let v = get(data, "v").as_f64();
        if v != Some(f64::from(V)) {
            let why = format!("the extraction worker speaks protocol {v:?}, the page speaks {V}; reload the page");
            return self.settle(Err(ExtractError::Failed(why)));
        }
        match get(data, "kind").as_string().as_deref() {
            Some("ready") => self.send_request(),
            Some("progress") => (self.on_progress)(Progress {
                phase: if get(data, "phase").as_string().as_deref() == Some("analysing") {
                    Phase::Analysing
                } else {
                    Phase::Reading
                },
                done: number(data, "done"),
                total: number(data, "total"),
            }),
            Some("done") => {
                let result = match get(data, "lines").dyn_into::<Uint8Array>() {
                    Ok(lines) => Ok(Outcome {
                        lines,
                        verdicts: verdicts(&get(data, "verdicts")),
                    }),
                    Err(_) => Err(ExtractError::Failed("the extraction worker sent no model".into())),
                };
                self.settle(result);
            }
            Some("failed") => {
                let why = get(data, "error")
                    .as_string()
                    .unwrap_or_else(|| "the extraction worker failed".into());
                self.settle(Err(ExtractError::Failed(why)));
            }
            // Kinds a later worker may add are not this page's business.
            _ => {}
        }
    }

    /// Ends the batch once: parks the worker if the batch went well, else stops it; then wakes
    /// the outcome future.
    fn settle(&self, result: Result<Outcome, ExtractError>) {
        if self.settled.replace(true) {
            return;
        }
        if result.is_ok() {
            self.detach();
            self.parked.set(true);
            if let Some(older) = IDLE.with_borrow_mut(|idle| idle.replace(self.worker.clone())) {
                older.terminate();
            }
        } else {
            self.worker.terminate();
        }
        *self.result.borrow_mut() = Some(result);
        let _ = self.resolve.call0(&JsValue::NULL);
    }

    fn detach(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // A parked worker may already serve another job, with that job's handlers.
        if !self.parked.get() {
            self.worker.terminate();
            self.detach();
        }
    }
}

/// The worker's loader script, as named in index.html by the post-build hook.
fn worker_url() -> Result<String, ExtractError> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(WORKER_META).ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .ok_or_else(|| ExtractError::Failed("this build has no extraction worker (index.html names none)".into()))
}

fn object(fields: &[(&str, JsValue)]) -> Object {
    let obj = Object::new();
    for (key, value) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&obj, &(*key).into(), value);
    }
    obj
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn number(obj: &JsValue, key: &str) -> u32 {
    get(obj, key).as_f64().map_or(0, |n| n as u32)
}

fn verdicts(list: &JsValue) -> Vec<Result<String, String>> {
    let Some(list) = list.dyn_ref::<Array>() else {
        return Vec::new();
    };
    list.iter()
        .map(|v| match get(&v, "id").as_string() {
            Some(id) => Ok(id),
            None => Err(get(&v, "reason").as_string().unwrap_or_else(|| "it could not be read".into())),
        })
        .collect()
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<web_sys::js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| format!("{e:?}"))
}
