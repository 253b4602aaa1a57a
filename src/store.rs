//! Persistent storage for what the user adds: their articles and their corrections log.
//!
//! IndexedDB rather than localStorage: localStorage is synchronous and capped near 5 MiB,
//! and articles are kept as the original file bytes (PERF-RELIABILITY B-10).
//!
//! Database `entente`, schema version 1:
//! - `documents`: one record per added article, keyed by its `id` (the core's `Document::id`,
//!   a hash of the text, so adding the same article twice overwrites rather than duplicates):
//!   `{id, name, format, bytes: Uint8Array, added: ISO date, size}`;
//! - `corrections`: one opaque string under the key `"log"`;
//! - `meta`: `"schema"` → the schema version that last wrote the database, and the library's
//!   settings as strings ([`Store::get_setting`]).
//!
//! Reliability rules this module keeps (B-11, B-12):
//! - a batch of articles is written in one transaction, so a full disk leaves the earlier
//!   articles as they were and never a partial batch;
//! - after any failure the connection is dropped and reopened on the next call, because
//!   Firefox can leave a connection unusable after a quota error;
//! - another tab upgrading the schema gets `versionchange`: this connection closes at once so
//!   that upgrade is not left `blocked`, and the next call reports [`StoreError::VersionTooNew`];
//! - a database written by a newer Entente is never wiped, only reported.
//!
//! Every wait is on an IndexedDB event turned into a promise; all requests of a transaction are
//! issued before the first `.await`, so no transaction commits early under our feet.

// Until the app calls the store, only the tests (which include this file by path) use it.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use web_sys::{
    Event, EventTarget, IdbDatabase, IdbFactory, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest, IdbRequest,
    IdbTransaction, IdbVersionChangeEvent, StorageEstimate, StorageManager,
};

/// The database the app uses. Tests open others with [`Store::open_named`].
pub const DB_NAME: &str = "entente";
/// The schema this build writes. Raise it with a new branch in [`upgrade`].
pub const SCHEMA_VERSION: u32 = 1;

const DOCUMENTS: &str = "documents";
const CORRECTIONS: &str = "corrections";
const META: &str = "meta";

/// Why storage failed, worded for the person using the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB: private browsing, a page opened from a file, or storage blocked by settings.
    Unavailable,
    /// The browser refused the space. `needed` is the size it was asked for, when it says.
    QuotaExceeded {
        needed: Option<u64>,
    },
    /// The database was written by a newer Entente; it is left untouched.
    VersionTooNew,
    /// The write was cancelled and nothing of it was kept.
    Aborted(String),
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str(
                "This browser does not let Entente save data here (private browsing, a page opened \
                 from a file, or site data blocked), so added articles last only until the tab closes.",
            ),
            StoreError::QuotaExceeded { needed } => {
                f.write_str("Storage full: the browser refused to save")?;
                if let Some(n) = needed {
                    write!(f, " {}", human_size(*n))?;
                }
                f.write_str(". Nothing from this batch was saved and earlier articles are safe; remove some added articles and try again.")
            }
            StoreError::VersionTooNew => f.write_str(
                "Your saved articles were written by a newer version of Entente. They have been left \
                 untouched: reload to get the newer version.",
            ),
            StoreError::Aborted(why) => write!(f, "Saving was cancelled and nothing was changed ({why})."),
            StoreError::Other(why) => write!(f, "Storage failed: {why}."),
        }
    }
}

impl std::error::Error for StoreError {}

fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.0} KB", b as f64 / (1 << 10) as f64),
        b => format!("{b} bytes"),
    }
}

impl StoreError {
    /// Maps an IndexedDB exception (a `DOMException`, or any `Error`) to a [`StoreError`].
    ///
    /// `cause` is the transaction's error when `err` came from one of its requests: requests
    /// of an aborted transaction fail with a bare `AbortError`, and only the transaction says
    /// the disk was full.
    pub fn from_js(err: &JsValue, cause: Option<&JsValue>) -> StoreError {
        let text = |key: &str| {
            Reflect::get(err, &key.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let (name, message) = (text("name"), text("message"));
        match name.as_str() {
            // Newer browsers throw a `QuotaExceededError` object that says how much was asked for.
            "QuotaExceededError" => StoreError::QuotaExceeded {
                needed: Reflect::get(err, &"requested".into())
                    .ok()
                    .and_then(|v| v.as_f64())
                    .map(|n| n as u64),
            },
            "VersionError" => StoreError::VersionTooNew,
            "SecurityError" | "NotAllowedError" => StoreError::Unavailable,
            "AbortError" => match cause.map(|c| StoreError::from_js(c, None)) {
                Some(inner @ (StoreError::QuotaExceeded { .. } | StoreError::Unavailable)) => inner,
                _ => StoreError::Aborted(if message.is_empty() { name } else { message }),
            },
            "" if message.is_empty() => StoreError::Other(err.as_string().unwrap_or_else(|| format!("{err:?}"))),
            _ => StoreError::Other(format!("{name}: {message}")),
        }
    }
}

/// Something the app may want to tell the user that is not the answer to a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// Another tab is upgrading the database: this tab let go of it, and will report
    /// [`StoreError::VersionTooNew`] until reloaded.
    VersionChange,
    /// Opening waits for another tab that still holds an older version open.
    Blocked,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Notice::VersionChange => "Entente was updated in another tab. Reload this tab to keep saving articles.",
            Notice::Blocked => "Another Entente tab is using an older version of your saved articles; close it to continue.",
        })
    }
}

/// A user-added article as stored: the original file, so it can be re-read by a later core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDoc {
    pub id: String,
    pub name: String,
    /// "text", "markdown" or "html".
    pub format: String,
    /// Shared, not copied, as the library is read again at every batch.
    pub bytes: Arc<Vec<u8>>,
    /// When it was added, as an ISO 8601 date-time (UTC).
    pub added: String,
}

impl StoredDoc {
    /// A document added now.
    pub fn new(id: impl Into<String>, name: impl Into<String>, format: impl Into<String>, bytes: Vec<u8>) -> StoredDoc {
        let added = web_sys::js_sys::Date::new_0().to_iso_string().into();
        StoredDoc {
            id: id.into(),
            name: name.into(),
            format: format.into(),
            bytes: Arc::new(bytes),
            added,
        }
    }

    /// Whether the record can be written: it has an id and a format this build reads.
    fn valid(&self) -> Result<(), StoreError> {
        if self.id.is_empty() || entente_core::ingest::Format::from_token(&self.format).is_none() {
            return Err(StoreError::Other(format!(
                "{:?} has no id or an unknown format {:?}",
                self.name, self.format
            )));
        }
        Ok(())
    }

    pub(crate) fn to_js(&self) -> Result<JsValue, StoreError> {
        self.valid()?;
        let obj = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&obj, &k.into(), v).map(drop);
        set("id", &self.id.as_str().into())
            .and(set("name", &self.name.as_str().into()))
            .and(set("format", &self.format.as_str().into()))
            .and(set("bytes", &Uint8Array::from(self.bytes.as_slice())))
            .and(set("added", &self.added.as_str().into()))
            .and(set("size", &(self.bytes.len() as f64).into()))
            .map_err(|e| StoreError::from_js(&e, None))?;
        Ok(obj.into())
    }

    /// `None` for a record this build cannot read (one written by a later schema, say).
    fn from_js(v: &JsValue) -> Option<StoredDoc> {
        let text = |k: &str| Reflect::get(v, &k.into()).ok()?.as_string();
        let bytes = Reflect::get(v, &"bytes".into()).ok()?.dyn_into::<Uint8Array>().ok()?.to_vec();
        Some(StoredDoc {
            id: text("id")?,
            name: text("name")?,
            format: text("format")?,
            bytes: Arc::new(bytes),
            added: text("added")?,
        })
    }
}

/// One open connection, with the handlers that must live as long as it does.
struct Conn {
    db: IdbDatabase,
    /// Set by the browser's `versionchange` or `close`: the connection must not be used again.
    stale: Rc<Cell<bool>>,
    _handlers: [Closure<dyn FnMut(Event)>; 2],
}

/// A handle on the database. Cheap to keep for the page's life; reconnects by itself.
pub struct Store {
    name: String,
    conn: RefCell<Option<Conn>>,
    notify: Rc<dyn Fn(Notice)>,
    persistence_asked: Cell<bool>,
}

impl Store {
    /// Opens the app's database, creating or upgrading it.
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_with(DB_NAME, |n| web_sys::console::warn_1(&n.to_string().into())).await
    }

    /// Opens another database with the same schema (tests use one per test).
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        Store::open_with(name, |_| {}).await
    }

    /// Opens `name`, calling `notify` when another tab needs this one to step aside.
    pub async fn open_with(name: &str, notify: impl Fn(Notice) + 'static) -> Result<Store, StoreError> {
        let store = Store {
            name: name.to_string(),
            conn: RefCell::new(None),
            notify: Rc::new(notify),
            persistence_asked: Cell::new(false),
        };
        store.db().await?;
        Ok(store)
    }

    /// Closes the connection now (another tab's upgrade can proceed). The next call reopens it.
    pub fn close(&self) {
        if let Some(conn) = self.conn.take() {
            conn.db.close();
        }
    }

    /// Writes all `docs` or none of them, replacing any stored under the same id. The first
    /// write of a Store also asks the browser to keep the data ([`Store::request_persistence`]).
    pub async fn put_documents(&self, docs: &[StoredDoc]) -> Result<(), StoreError> {
        if docs.is_empty() {
            return Ok(());
        }
        // Checked before the transaction: a write that fails in a later step cannot say why.
        docs.iter().try_for_each(StoredDoc::valid)?;
        let docs: Rc<[StoredDoc]> = docs.into();
        self.write(&[DOCUMENTS], |tx| {
            let store = tx.object_store(DOCUMENTS).map_err(|e| StoreError::from_js(&e, None))?;
            put_from(store, tx.clone(), docs, 0)
        })
        .await?;
        if !self.persistence_asked.replace(true) {
            Store::request_persistence().await;
        }
        Ok(())
    }

    /// Every stored document, oldest first.
    pub async fn list(&self) -> Result<Vec<StoredDoc>, StoreError> {
        let all = self.read(DOCUMENTS, |s| s.get_all()).await?;
        let mut docs: Vec<StoredDoc> = Array::from(&all).iter().filter_map(|v| StoredDoc::from_js(&v)).collect();
        docs.sort_by(|a, b| (&a.added, &a.name).cmp(&(&b.added, &b.name)));
        Ok(docs)
    }

    /// Removes one document; removing an unknown id is not an error.
    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.write(&[DOCUMENTS], |tx| {
            tx.object_store(DOCUMENTS)
                .and_then(|s| s.delete(&id.into()))
                .map(drop)
                .map_err(|e| StoreError::from_js(&e, None))
        })
        .await
    }

    /// Removes every added document (back to the default corpus). Corrections are kept.
    pub async fn clear_documents(&self) -> Result<(), StoreError> {
        self.write(&[DOCUMENTS], |tx| {
            tx.object_store(DOCUMENTS)
                .and_then(|s| s.clear())
                .map(drop)
                .map_err(|e| StoreError::from_js(&e, None))
        })
        .await
    }

    /// The corrections log, if one was saved.
    pub async fn get_corrections(&self) -> Result<Option<String>, StoreError> {
        Ok(self.read(CORRECTIONS, |s| s.get(&"log".into())).await?.as_string())
    }

    pub async fn put_corrections(&self, log: &str) -> Result<(), StoreError> {
        self.write(&[CORRECTIONS], |tx| {
            tx.object_store(CORRECTIONS)
                .and_then(|s| s.put_with_key(&log.into(), &"log".into()))
                .map(drop)
                .map_err(|e| StoreError::from_js(&e, None))
        })
        .await
    }

    /// A library setting kept beside the documents (for instance the ids of the default
    /// articles the user removed, or an opened bundle), if one was saved.
    pub async fn get_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.read(META, |s| s.get(&key.into())).await?.as_string())
    }

    /// Saves a setting, or removes it when `value` is `None`.
    pub async fn put_setting(&self, key: &str, value: Option<&str>) -> Result<(), StoreError> {
        self.write(&[META], |tx| {
            let store = tx.object_store(META).map_err(|e| StoreError::from_js(&e, None))?;
            match value {
                Some(v) => store.put_with_key(&v.into(), &key.into()),
                None => store.delete(&key.into()),
            }
            .map(drop)
            .map_err(|e| StoreError::from_js(&e, None))
        })
        .await
    }

    /// Back to the default corpus in one transaction: every added document, the corrections
    /// and the given settings are removed, or nothing is.
    pub async fn reset(&self, settings: &[&str]) -> Result<(), StoreError> {
        self.write(&[DOCUMENTS, CORRECTIONS, META], |tx| {
            let js = |e: JsValue| StoreError::from_js(&e, None);
            tx.object_store(DOCUMENTS).and_then(|s| s.clear()).map_err(js)?;
            tx.object_store(CORRECTIONS).and_then(|s| s.clear()).map_err(js)?;
            let meta = tx.object_store(META).map_err(js)?;
            for key in settings {
                meta.delete(&(*key).into()).map_err(js)?;
            }
            Ok(())
        })
        .await
    }

    /// (usage, quota) in bytes for this origin, when the browser says (it rounds and pads both).
    pub async fn estimate() -> Option<(u64, u64)> {
        let estimate: StorageEstimate = JsFuture::from(storage_manager()?.estimate().ok()?)
            .await
            .ok()?
            .unchecked_into();
        Some((estimate.get_usage()? as u64, estimate.get_quota()? as u64))
    }

    /// Asks the browser not to evict this origin's data under storage pressure. Returns whether
    /// it is (now) persistent. Firefox may prompt, so this runs on a user action (adding an
    /// article), and not again once granted.
    pub async fn request_persistence() -> bool {
        let Some(manager) = storage_manager() else { return false };
        let ask = |p: Result<Promise, JsValue>| async move {
            match p {
                Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()).unwrap_or(false),
                Err(_) => false,
            }
        };
        ask(manager.persisted()).await || ask(manager.persist()).await
    }

    /// The open connection, reopened if the browser or another tab closed it.
    async fn db(&self) -> Result<IdbDatabase, StoreError> {
        if let Some(conn) = self.conn.borrow().as_ref().filter(|c| !c.stale.get()) {
            return Ok(conn.db.clone());
        }
        let fresh = connect(&self.name, &self.notify).await?;
        let mut slot = self.conn.borrow_mut();
        match &*slot {
            // Another call reconnected while this one waited: keep one connection.
            Some(conn) if !conn.stale.get() => {
                fresh.db.close();
                Ok(conn.db.clone())
            }
            _ => {
                let db = fresh.db.clone();
                if let Some(old) = slot.replace(fresh) {
                    old.db.close();
                }
                Ok(db)
            }
        }
    }

    /// Starts a transaction, reconnecting once if the connection turns out to be closed.
    async fn transaction(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, StoreError> {
        let db = self.db().await?;
        match begin(&db, stores, write) {
            Ok(tx) => Ok(tx),
            Err(_) => {
                self.close();
                begin(&self.db().await?, stores, write).map_err(|e| StoreError::from_js(&e, None))
            }
        }
    }

    async fn read(
        &self,
        store: &str,
        request: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
    ) -> Result<JsValue, StoreError> {
        let tx = self.transaction(&[store], false).await?;
        let req = tx
            .object_store(store)
            .and_then(|s| request(&s))
            .map_err(|e| self.failed(StoreError::from_js(&e, None)))?;
        match first_event(&req, &["success"], &["error"]).await {
            Ok(()) => req.result().map_err(|e| StoreError::from_js(&e, None)),
            Err(()) => {
                let err = req.error().ok().flatten().map(JsValue::from).unwrap_or(JsValue::UNDEFINED);
                Err(self.failed(StoreError::from_js(&err, tx.error().map(JsValue::from).as_ref())))
            }
        }
    }

    /// Runs `fill` in one read-write transaction and waits until it is on disk or undone.
    pub(crate) async fn write(
        &self,
        stores: &[&str],
        fill: impl FnOnce(&IdbTransaction) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let tx = self.transaction(stores, true).await?;
        let filled = fill(&tx);
        if filled.is_err() {
            tx.abort().ok();
        }
        let done = first_event(&tx, &["complete"], &["abort"]).await;
        match (filled, done) {
            (Ok(()), Ok(())) => Ok(()),
            (Err(e), _) => Err(self.failed(e)),
            // No error on the transaction means it was aborted without a cause, which only
            // `abort()` does, and this module calls it only with an error in hand.
            (Ok(()), Err(())) => Err(self.failed(match tx.error().map(|e| StoreError::from_js(&e, None)) {
                Some(StoreError::Other(why)) => StoreError::Aborted(why),
                Some(e) => e,
                None => StoreError::Aborted("the browser cancelled the transaction".into()),
            })),
        }
    }

    /// The live connection, so tests can close it behind the store's back as a browser may.
    #[cfg(test)]
    pub(crate) fn connection(&self) -> Option<IdbDatabase> {
        self.conn.borrow().as_ref().map(|c| c.db.clone())
    }

    /// Drops the connection after a failure so the next call starts on a fresh one.
    fn failed(&self, err: StoreError) -> StoreError {
        self.close();
        err
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        self.close();
    }
}

/// Deletes a database (tests clean up with it). Waits while other connections let go.
/// Bytes of documents put in one step of [`put_from`]: the browser copies each document as it
/// is put, and a step is one task of the page.
const PUT_STEP_BYTES: usize = 256 * 1024;

/// Puts `docs[from..]` in steps of about [`PUT_STEP_BYTES`], each step issued when the last put
/// of the one before has succeeded, so the transaction stays open (all or nothing) while no task
/// of the page copies more than a step. A put that fails aborts the transaction, which undoes the
/// puts already made.
fn put_from(store: IdbObjectStore, tx: IdbTransaction, docs: Rc<[StoredDoc]>, from: usize) -> Result<(), StoreError> {
    let mut bytes = 0;
    let mut next = from;
    let mut last = None;
    while next < docs.len() && (next == from || bytes < PUT_STEP_BYTES) {
        last = Some(store.put(&docs[next].to_js()?).map_err(|e| StoreError::from_js(&e, None))?);
        bytes += docs[next].bytes.len();
        next += 1;
    }
    if let (true, Some(request)) = (next < docs.len(), last) {
        let step = Closure::once_into_js(move || {
            if put_from(store, tx.clone(), docs, next).is_err() {
                let _ = tx.abort();
            }
        });
        request.set_onsuccess(Some(step.unchecked_ref()));
    }
    Ok(())
}

pub async fn delete_database(name: &str) -> Result<(), StoreError> {
    let req = factory()?.delete_database(name).map_err(|e| StoreError::from_js(&e, None))?;
    first_event(&req, &["success"], &["error"])
        .await
        .map_err(|()| StoreError::from_js(&req.error().ok().flatten().map(JsValue::from).unwrap_or_default(), None))
}

fn factory() -> Result<IdbFactory, StoreError> {
    // `indexedDB` throws SecurityError in some sandboxed or file:// contexts and is null in others.
    web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)
}

fn storage_manager() -> Option<StorageManager> {
    // `navigator.storage` is missing outside secure contexts; web-sys would assume it is there.
    let manager = Reflect::get(&web_sys::window()?.navigator(), &"storage".into()).ok()?;
    (!manager.is_undefined() && !manager.is_null()).then(|| manager.unchecked_into())
}

/// Creates or migrates the schema, from whatever version the database is at. Each branch moves
/// one version up, so a database several versions behind runs them all in order.
fn upgrade(db: &IdbDatabase, tx: &IdbTransaction, old_version: u32) -> Result<(), JsValue> {
    if old_version < 1 {
        let by_id = IdbObjectStoreParameters::new();
        by_id.set_key_path(&"id".into());
        db.create_object_store_with_optional_parameters(DOCUMENTS, &by_id)?;
        db.create_object_store(CORRECTIONS)?;
        db.create_object_store(META)?;
    }
    // Version 2 goes here: `if old_version < 2 { ... }`, reading through `tx`.
    tx.object_store(META)?
        .put_with_key(&SCHEMA_VERSION.into(), &"schema".into())?;
    Ok(())
}

async fn connect(name: &str, notify: &Rc<dyn Fn(Notice)>) -> Result<Conn, StoreError> {
    let req: IdbOpenDbRequest = factory()?.open_with_u32(name, SCHEMA_VERSION).map_err(|e| open_error(&e))?;

    // The upgrade must run inside the `upgradeneeded` dispatch, while its transaction is live.
    let on_upgrade = Closure::<dyn FnMut(Event)>::new({
        let req = req.clone();
        move |e: Event| {
            let old = e.unchecked_into::<IdbVersionChangeEvent>().old_version() as u32;
            let (Ok(db), Some(tx)) = (req.result(), req.transaction()) else {
                return;
            };
            if let Err(err) = upgrade(&db.unchecked_into(), &tx, old) {
                web_sys::console::error_2(&"Entente: storage upgrade failed".into(), &err);
                tx.abort().ok();
            }
        }
    });
    let on_blocked = Closure::<dyn FnMut(Event)>::new({
        let notify = notify.clone();
        move |_: Event| notify(Notice::Blocked)
    });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    req.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
    let opened = first_event(&req, &["success"], &["error"]).await;
    req.set_onupgradeneeded(None);
    req.set_onblocked(None);
    if opened.is_err() {
        return Err(open_error(&req.error().ok().flatten().map(JsValue::from).unwrap_or_default()));
    }
    let db: IdbDatabase = req.result().map_err(|e| StoreError::from_js(&e, None))?.unchecked_into();

    let stale = Rc::new(Cell::new(false));
    let on_versionchange = Closure::<dyn FnMut(Event)>::new({
        let (db, stale, notify) = (db.clone(), stale.clone(), notify.clone());
        move |_: Event| {
            db.close();
            stale.set(true);
            notify(Notice::VersionChange);
        }
    });
    // `close` fires when the browser drops the connection (site data cleared, disk error).
    let on_close = Closure::<dyn FnMut(Event)>::new({
        let stale = stale.clone();
        move |_: Event| stale.set(true)
    });
    db.set_onversionchange(Some(on_versionchange.as_ref().unchecked_ref()));
    db.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok(Conn {
        db,
        stale,
        _handlers: [on_versionchange, on_close],
    })
}

/// Opening fails for reasons a user reads differently from a failed write: anything but a
/// newer schema or a full disk means storage is not available here.
fn open_error(err: &JsValue) -> StoreError {
    match StoreError::from_js(err, None) {
        e @ (StoreError::VersionTooNew | StoreError::QuotaExceeded { .. } | StoreError::Aborted(_)) => e,
        _ => StoreError::Unavailable,
    }
}

/// `db.transaction(stores, mode, {durability})`, called through JS because the options
/// argument is still behind web-sys's unstable flag. Writes ask for `strict`: since Chromium
/// 121 the default lets `complete` fire before the data reaches the disk.
fn begin(db: &IdbDatabase, stores: &[&str], write: bool) -> Result<IdbTransaction, JsValue> {
    let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
    let options = Object::new();
    if write {
        Reflect::set(&options, &"durability".into(), &"strict".into())?;
    }
    let transaction: Function = Reflect::get(db, &"transaction".into())?.unchecked_into();
    let mode = if write { "readwrite" } else { "readonly" };
    transaction
        .call3(db, &names, &mode.into(), &options)
        .map(JsCast::unchecked_into)
}

/// Waits for the first of `ok` (→ `Ok`) or `fail` (→ `Err`) events at `target`. The listeners
/// are removed when this returns or is dropped.
pub(crate) async fn first_event(target: &EventTarget, ok: &[&'static str], fail: &[&'static str]) -> Result<(), ()> {
    type Listener = (&'static str, Closure<dyn FnMut(Event)>);
    struct Listeners(EventTarget, Vec<Listener>);
    impl Drop for Listeners {
        fn drop(&mut self) {
            for (kind, f) in &self.1 {
                self.0
                    .remove_event_listener_with_callback(kind, f.as_ref().unchecked_ref())
                    .ok();
            }
        }
    }
    let mut settle = None;
    let promise = Promise::new(&mut |resolve, reject| settle = Some((resolve, reject)));
    let (resolve, reject) = settle.expect("the Promise executor runs at once");
    let mut listeners = Listeners(target.clone(), Vec::new());
    for (kinds, settle, value) in [(ok, resolve, JsValue::TRUE), (fail, reject, JsValue::FALSE)] {
        for &kind in kinds {
            let (settle, value) = (settle.clone(), value.clone());
            let f = Closure::<dyn FnMut(Event)>::new(move |_: Event| drop(settle.call1(&JsValue::UNDEFINED, &value)));
            target.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref()).ok();
            listeners.1.push((kind, f));
        }
    }
    JsFuture::from(promise).await.map(drop).map_err(drop)
}
