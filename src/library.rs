//! The user's library in the page: the articles they added (kept in IndexedDB as the original
//! files), the default articles they removed, an opened bundle, and the batch being read.
//! Every change is read by the extraction worker (or, in a build without one, by the same core
//! code on this thread) and ends in new `Data` for every view.

use crate::data::Data;
use crate::slices::Slices;
use crate::state::Ctx;
use crate::store::{Store, StoreError, StoredDoc};
use crate::worker_client::{self, Cancel, ExtractError, NewDoc, Phase, Progress, Request};
use entente_core::corpus::{Corpus, default_corpus};
use entente_core::export::{ImportError, LinesReader, import_bundle};
use entente_core::ingest::{Format, MAX_DOCUMENT_BYTES};
use entente_core::library::{Article, Verdict, assemble};
use entente_core::model::Model;
use entente_core::share;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::js_sys::Uint8Array;

/// Settings kept beside the documents (see `store::Store::get_setting`).
const REMOVED: &str = "removed";
const BASE: &str = "base";
const BASE_NAME: &str = "base-name";

thread_local! {
    /// The open database, `None` when this browser gives the page none.
    static STORE: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
    /// Stops the batch being read.
    static CANCEL: RefCell<Cancel> = RefCell::new(Cancel::default());
}

pub fn store() -> Option<Rc<Store>> {
    STORE.with(|s| s.borrow().clone())
}

/// An opened bundle: the base of the library instead of the default articles.
pub struct Base {
    pub name: String,
    pub json: Arc<str>,
}

/// What became of one file of a batch, for the report under the add buttons.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub outcome: FileOutcome,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileOutcome {
    Added,
    /// Added for this visit, but the browser did not keep it.
    NotSaved(String),
    Refused(String),
}

/// The batch being read: what it is doing, for the progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub label: String,
    pub progress: Option<Progress>,
}

#[derive(Clone, Copy)]
pub struct Library {
    /// Added articles, oldest first, with their original bytes.
    pub added: RwSignal<Vec<StoredDoc>>,
    /// Ids of base documents the user removed.
    pub removed: RwSignal<Vec<String>>,
    pub base: RwSignal<Option<Arc<Base>>>,
    pub batch: RwSignal<Option<Batch>>,
    pub report: RwSignal<Vec<FileReport>>,
    /// Why the library cannot be kept across visits, when it cannot.
    pub unsaved: RwSignal<Option<String>>,
}

impl Library {
    pub fn new() -> Library {
        Library {
            added: RwSignal::new(Vec::new()),
            removed: RwSignal::new(Vec::new()),
            base: RwSignal::new(None),
            batch: RwSignal::new(None),
            report: RwSignal::new(Vec::new()),
            unsaved: RwSignal::new(None),
        }
    }

    pub fn busy(self) -> bool {
        self.batch.with_untracked(Option::is_some)
    }
}

/// Opens the store and brings back what the user had: added articles, removed defaults, an
/// opened bundle, corrections (returned, for the caller to apply when the link has none).
pub async fn restore(ctx: Ctx) -> Option<String> {
    let lib = ctx.library;
    let notices = ctx.notices;
    let opened = Store::open_with(crate::store::DB_NAME, move |n| notices.update(|v| v.push(n.to_string()))).await;
    let store = match opened {
        Ok(s) => Rc::new(s),
        Err(e) => {
            lib.unsaved.set(Some(e.to_string()));
            if !matches!(e, StoreError::Unavailable) {
                ctx.notices.update(|n| n.push(e.to_string()));
            }
            return None;
        }
    };
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    let (docs, removed, base, base_name, corrections) = (
        store.list().await,
        store.get_setting(REMOVED).await,
        store.get_setting(BASE).await,
        store.get_setting(BASE_NAME).await,
        store.get_corrections().await,
    );
    let docs = docs.unwrap_or_else(|e| {
        ctx.notices
            .update(|n| n.push(format!("Your saved articles could not be read: {e}")));
        Vec::new()
    });
    let removed: Vec<String> = removed
        .ok()
        .flatten()
        .map(|s| s.split(',').filter(|x| !x.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    if let Some(json) = base.ok().flatten() {
        let name = base_name.ok().flatten().unwrap_or_else(|| "an opened bundle".into());
        lib.base.set(Some(Arc::new(Base { name, json: json.into() })));
    }
    let restoring = !docs.is_empty() || !removed.is_empty() || lib.base.with_untracked(Option::is_some);
    lib.added.set(docs);
    lib.removed.set(removed);
    if restoring {
        let label = format!("Reading your {} saved articles", lib.added.with_untracked(Vec::len));
        if let Err(e) = rebuild(ctx, &[], label).await {
            ctx.notices.update(|n| n.push(e));
        }
    }
    corrections.ok().flatten().filter(|c| !c.is_empty())
}

/// Reads `files` into the library: the worker reads them with the rest, the accepted ones are
/// saved, and each file gets a line in the report, after those refused before reading.
pub fn add(ctx: Ctx, files: Vec<NewDoc>, refused: Vec<FileReport>) {
    if files.is_empty() {
        ctx.library.report.set(refused);
        return;
    }
    if ctx.library.busy() {
        ctx.notices
            .update(|n| n.push("Still reading the previous articles; add these once it has finished.".into()));
        return;
    }
    leptos::task::spawn_local(add_now(ctx, files, refused));
}

/// [`add`], finished when the articles are in (or refused); the caller checks `busy` first.
pub async fn add_now(ctx: Ctx, files: Vec<NewDoc>, refused: Vec<FileReport>) {
    let lib = ctx.library;
    let label = match files.len() {
        1 => format!("Reading {}", files[0].name),
        n => format!("Reading {n} articles"),
    };
    let verdicts = match rebuild(ctx, &files, label).await {
        Ok(v) => v,
        Err(e) => {
            let failed = files.iter().map(|f| FileReport {
                name: f.name.clone(),
                outcome: FileOutcome::Refused(e.clone()),
            });
            lib.report.set(refused.into_iter().chain(failed).collect());
            return;
        }
    };
    // The views draw the new model in this task; the saving starts in the next one.
    Slices::new().pause().await;
    let mut accepted = Vec::new();
    let mut report = refused;
    for (file, verdict) in files.into_iter().zip(verdicts) {
        match verdict {
            Ok(id) => {
                report.push(FileReport {
                    name: file.name.clone(),
                    outcome: FileOutcome::Added,
                });
                accepted.push(StoredDoc::new(id, file.name, file.format.name(), file.bytes));
            }
            Err(why) => report.push(FileReport {
                name: file.name,
                outcome: FileOutcome::Refused(why),
            }),
        }
    }
    if let Err(why) = save(&accepted).await {
        for r in report.iter_mut().filter(|r| r.outcome == FileOutcome::Added) {
            r.outcome = FileOutcome::NotSaved(why.clone());
        }
    }
    lib.added.update(|a| a.extend(accepted));
    lib.report.set(report);
}

/// Adds the articles a link carries (`share::KEY` in the fragment), then drops them from the
/// address bar: the view state stays, the articles now live in this browser's library.
pub async fn add_from_link(ctx: Ctx) {
    let location = window().location();
    let hash = location.hash().unwrap_or_default();
    let (rest, Some(art)) = share::split_fragment(hash.trim_start_matches('#')) else {
        return;
    };
    let unpacked = share::unpack(art);
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{rest}")));
    }
    match unpacked {
        Err(e) => ctx.notices.update(|n| {
            n.push(format!(
                "The articles in this link could not be read: {e}. The rest of the link is shown."
            ))
        }),
        Ok(articles) if articles.is_empty() => {}
        Ok(articles) => {
            let n = articles.len();
            let files = articles
                .into_iter()
                .map(|a| NewDoc {
                    name: a.name,
                    format: a.format,
                    bytes: a.bytes,
                })
                .collect();
            add_now(ctx, files, Vec::new()).await;
            ctx.notices.update(|v| {
                v.push(format!(
                    "This link carried {n} articles; they are now in this browser's library (see Articles)."
                ))
            });
        }
    }
}

/// Saves accepted articles in one transaction; the error is for the user.
async fn save(docs: &[StoredDoc]) -> Result<(), String> {
    match store() {
        None => Err("this browser keeps nothing here, so it is gone after a reload".into()),
        Some(s) => s.put_documents(docs).await.map_err(|e| e.to_string()),
    }
}

/// Removes a document: an added article is deleted, a base document is remembered as removed.
pub fn remove(ctx: Ctx, id: String) {
    let lib = ctx.library;
    if lib.busy() {
        return;
    }
    leptos::task::spawn_local(async move {
        let was_added = lib.added.with_untracked(|a| a.iter().any(|d| d.id == id));
        let saved = if was_added {
            lib.added.update(|a| a.retain(|d| d.id != id));
            match store() {
                Some(s) => s.delete(&id).await.map_err(|e| e.to_string()),
                None => Ok(()),
            }
        } else {
            lib.removed.update(|r| r.push(id.clone()));
            put_setting(REMOVED, Some(&lib.removed.with_untracked(|r| r.join(",")))).await
        };
        if let Err(e) = saved {
            ctx.notices
                .update(|n| n.push(format!("The article was removed for this visit, but: {e}")));
        }
        if let Err(e) = rebuild(ctx, &[], "Updating the model".into()).await {
            ctx.notices.update(|n| n.push(e));
        }
    });
}

async fn put_setting(key: &str, value: Option<&str>) -> Result<(), String> {
    match store() {
        Some(s) => s.put_setting(key, value).await.map_err(|e| e.to_string()),
        None => Ok(()),
    }
}

/// Back to the default articles with no corrections; the saved library is cleared.
pub fn reset(ctx: Ctx) {
    let lib = ctx.library;
    if lib.busy() {
        return;
    }
    leptos::task::spawn_local(async move {
        if let Some(s) = store()
            && let Err(e) = s.reset(&[REMOVED, BASE, BASE_NAME]).await
        {
            ctx.notices.update(|n| {
                n.push(format!(
                    "The saved articles could not be cleared, so nothing was changed: {e}"
                ))
            });
            return;
        }
        lib.added.set(Vec::new());
        lib.removed.set(Vec::new());
        lib.base.set(None);
        lib.report.set(Vec::new());
        crate::corrections::clear(ctx);
        ctx.data.set(Data::default_corpus());
    });
}

/// Opens a bundle (an export of Entente, or a snapshot made by `entente-cli snapshot`) as the
/// base of the library, in place of the default articles. Added articles stay on top of it.
pub fn open_bundle(ctx: Ctx, name: String, bytes: Vec<u8>) {
    let lib = ctx.library;
    if lib.busy() {
        ctx.notices
            .update(|n| n.push("Still reading articles; open the bundle once it has finished.".into()));
        return;
    }
    leptos::task::spawn_local(async move {
        lib.batch.set(Some(Batch {
            label: format!("Opening {name}"),
            progress: None,
        }));
        // Let the progress bar paint before the parse, which holds this thread.
        next_frame().await;
        let parsed = import_bundle(&bytes);
        let (corpus, model) = match parsed {
            Ok(x) => x,
            Err(e) => {
                lib.batch.set(None);
                lib.report.set(vec![FileReport {
                    name,
                    outcome: FileOutcome::Refused(e.to_string()),
                }]);
                return;
            }
        };
        let json: Arc<str> = String::from_utf8_lossy(&bytes).into();
        let kept = put_setting(BASE, Some(&json))
            .await
            .and(put_setting(BASE_NAME, Some(&name)).await)
            .and(put_setting(REMOVED, None).await);
        let documents = corpus.documents.len();
        lib.base.set(Some(Arc::new(Base {
            name: name.clone(),
            json,
        })));
        lib.removed.set(Vec::new());
        lib.report.set(vec![FileReport {
            name: format!("{name} ({documents} articles)"),
            outcome: match kept {
                Ok(()) => FileOutcome::Added,
                Err(e) => FileOutcome::NotSaved(e),
            },
        }]);
        if lib.added.with_untracked(Vec::is_empty) {
            install(ctx, corpus, model).await;
            lib.batch.set(None);
        } else if let Err(e) = rebuild(ctx, &[], "Reading your added articles over the bundle".into()).await {
            ctx.notices.update(|n| n.push(e));
        }
    });
}

pub fn cancel() {
    CANCEL.with(|c| c.borrow().cancel());
}

/// Builds the library with `new` articles on top and installs its model; returns a verdict per
/// new article (its document id, or why it was refused).
async fn rebuild(ctx: Ctx, new: &[NewDoc], label: String) -> Result<Vec<Result<String, String>>, String> {
    let lib = ctx.library;
    let stored = lib.added.get_untracked();
    let removed = lib.removed.get_untracked();
    let base = lib.base.get_untracked();
    let n_stored = stored.len();
    let articles: Vec<Article> = stored
        .iter()
        .map(|d| Article {
            name: &d.name,
            format: Format::from_token(&d.format).unwrap_or(Format::Text),
            bytes: &d.bytes,
        })
        .chain(new.iter().map(|d| Article {
            name: &d.name,
            format: d.format,
            bytes: &d.bytes,
        }))
        .collect();
    // Nothing to read: the base alone.
    if articles.is_empty() && removed.is_empty() {
        let (corpus, model) = match &base {
            None => (default_corpus(), None),
            Some(b) => import_bundle(b.json.as_bytes())
                .map(|(c, m)| (c, Some(m)))
                .map_err(|e| format!("The opened bundle cannot be read: {e}"))?,
        };
        let model = model.unwrap_or_else(|| entente_core::extract::extract(&corpus));
        install(ctx, corpus, model).await;
        return Ok(Vec::new());
    }
    lib.batch.set(Some(Batch { label, progress: None }));
    let result = if worker_client::available() {
        in_worker(lib.batch, &articles, &removed, base.as_deref()).await
    } else {
        next_frame().await;
        on_this_thread(&articles, &removed, base.as_deref())
    };
    lib.batch.set(None);
    let (corpus, model, verdicts) = result?;
    install(ctx, corpus, model).await;
    Ok(verdicts.into_iter().skip(n_stored).collect())
}

type Built = (Corpus, Model, Vec<Result<String, String>>);

async fn in_worker(
    batch: RwSignal<Option<Batch>>,
    articles: &[Article<'_>],
    removed: &[String],
    base: Option<&Base>,
) -> Result<Built, String> {
    let request = Request {
        base: base.map(|b| &*b.json),
        removed,
        articles,
    };
    let message = worker_client::prepare(&request).await;
    let (cancel, outcome) = worker_client::start_extraction(message, move |p| {
        batch.update(|b| {
            if let Some(b) = b {
                b.progress = Some(p);
            }
        });
    });
    CANCEL.with(|c| *c.borrow_mut() = cancel);
    let outcome = match outcome.await {
        Ok(o) => o,
        Err(ExtractError::Cancelled) => return Err("Cancelled: the library is as it was.".into()),
        Err(e) => return Err(e.to_string()),
    };
    let (corpus, model) = load(&outcome.lines, |done, total| {
        batch.update(|b| {
            if let Some(b) = b {
                b.progress = Some(Progress {
                    phase: Phase::Loading,
                    done: (done / 1_000_000) as u32,
                    total: total.div_ceil(1_000_000) as u32,
                });
            }
        })
    })
    .await
    .map_err(|e| format!("The worker's answer could not be read: {e}"))?;
    Ok((corpus, model, outcome.verdicts))
}

/// Bytes copied out of the answer per step: a step stays far under a slice however slow the
/// machine.
const STEP_BYTES: u32 = 64 * 1024;

/// Reads the worker's answer into the corpus and model a slice at a time (see [`Slices`]).
async fn load(lines: &Uint8Array, progress: impl Fn(usize, usize)) -> Result<(Corpus, Model), ImportError> {
    let total = lines.length();
    let mut reader = LinesReader::new();
    let mut buf = Vec::new();
    let mut at = 0;
    let mut slices = Slices::new();
    while at < total {
        let end = (at + STEP_BYTES).min(total);
        buf.resize((end - at) as usize, 0);
        lines.subarray(at, end).copy_to(&mut buf);
        reader.read(&buf)?;
        at = end;
        if slices.over() {
            progress(at as usize, total as usize);
            slices.pause().await;
        }
    }
    reader.finish()
}

/// The same work as the worker, on this thread (a build without the worker, such as the
/// single-file page).
fn on_this_thread(articles: &[Article<'_>], removed: &[String], base: Option<&Base>) -> Result<Built, String> {
    let base_docs = match base {
        None => default_corpus().documents,
        Some(b) => {
            import_bundle(b.json.as_bytes())
                .map_err(|e| format!("The opened bundle cannot be read: {e}"))?
                .0
                .documents
        }
    };
    let library = assemble(base_docs, removed, articles.iter().copied(), |_, _| {});
    let model = entente_core::extract::extract(&library.corpus);
    let verdicts = library
        .verdicts
        .into_iter()
        .map(|v| match v {
            Verdict::Added { id } => Ok(id),
            Verdict::Refused(r) => Err(r.to_string()),
        })
        .collect();
    Ok((library.corpus, model, verdicts))
}

/// New data for every view, with the corrections in force. The views draw it in a task of
/// their own, after the one that indexes it.
async fn install(ctx: Ctx, corpus: Corpus, model: Model) {
    let log = ctx.corrections.with_untracked(|l| l.active().to_vec());
    let data = Data::new(Arc::new(corpus), Arc::new(model), &log);
    Slices::new().pause().await;
    ctx.data.set(data);
}

/// Resolves on the next animation frame, so what was set before it is painted.
async fn next_frame() {
    let (tx, rx) = futures_channel_oneshot();
    request_animation_frame(move || tx());
    rx.await;
}

/// A one-shot wake-up from a callback, without a channel crate.
fn futures_channel_oneshot() -> (impl FnOnce(), impl std::future::Future<Output = ()>) {
    let mut resolve = None;
    let promise = web_sys::js_sys::Promise::new(&mut |res, _| resolve = Some(res));
    let fire = move || {
        if let Some(r) = resolve {
            let _ = r.call0(&wasm_bindgen::JsValue::NULL);
        }
    };
    (fire, async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    })
}

/// Reads dropped or picked files; files over the size limit are refused without reading them.
pub async fn read_files(files: Vec<web_sys::File>) -> (Vec<NewDoc>, Vec<FileReport>) {
    let mut docs = Vec::new();
    let mut refused = Vec::new();
    // Thousands of small files resolve one after another without a break; let the page draw.
    let mut slices = Slices::new();
    for f in files {
        slices.tick().await;
        let name = f.name();
        let size = f.size() as usize;
        if size > MAX_DOCUMENT_BYTES {
            let why = entente_core::ingest::IngestError::TooLarge {
                bytes: size,
                limit: MAX_DOCUMENT_BYTES,
            }
            .to_string();
            refused.push(FileReport {
                name,
                outcome: FileOutcome::Refused(why),
            });
            continue;
        }
        match wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
            Ok(buf) => {
                let bytes = web_sys::js_sys::Uint8Array::new(&buf).to_vec();
                let format = Format::detect(&name, &bytes);
                docs.push(NewDoc { name, format, bytes });
            }
            Err(_) => refused.push(FileReport {
                name,
                outcome: FileOutcome::Refused("the browser could not read the file".into()),
            }),
        }
    }
    (docs, refused)
}

/// Everything about a phase of reading, for the progress line.
pub fn describe(b: &Batch) -> (String, Option<(u32, u32)>) {
    match b.progress {
        None => (format!("{}…", b.label), None),
        Some(p) => {
            let (label, done, total) = (&b.label, p.done, p.total);
            let text = match p.phase {
                Phase::Reading => format!("{label}: reading {done} of {total}"),
                Phase::Analysing => format!("{label}: analysing {done} of {total}"),
                Phase::Loading => format!("{label}: loading the model, {done} of {total} MB"),
            };
            (text, Some((done, total)))
        }
    }
}
