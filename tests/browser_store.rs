//! The IndexedDB store (src/store.rs) in headless Chromium (wasm-bindgen-test). Natively this
//! file is empty. Run with
//! `cargo test --target wasm32-unknown-unknown -p entente --test browser_store`.
//!
//! The module is compiled into this test by path, since the app keeps it private. Each test
//! uses its own database and deletes it at the end, so tests cannot see each other's data.
#![cfg(target_arch = "wasm32")]

#[path = "../src/store.rs"]
mod store;

use std::cell::RefCell;
use std::rc::Rc;
use store::{Notice, Store, StoreError, StoredDoc};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::js_sys::{Date, Object, Reflect};
use web_sys::{DomException, Event, IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbVersionChangeEvent};

wasm_bindgen_test_configure!(run_in_browser);

fn doc(id: &str, format: &str, bytes: Vec<u8>) -> StoredDoc {
    StoredDoc::new(id, format!("{id}.{format}"), format, bytes)
}

fn three_docs() -> Vec<StoredDoc> {
    vec![
        doc("a1", "text", b"Seoul joined the CCDCOE.\n".to_vec()),
        // Not UTF-8, with every byte value: stored as a Uint8Array, read back exactly.
        doc("b2", "html", (0..=255u8).cycle().take(70_000).collect()),
        doc("c3", "markdown", Vec::new()),
    ]
}

fn by_id(mut docs: Vec<StoredDoc>) -> Vec<StoredDoc> {
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

fn ids(docs: &[StoredDoc]) -> Vec<&str> {
    let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    ids.sort();
    ids
}

fn factory() -> IdbFactory {
    web_sys::window().unwrap().indexed_db().unwrap().unwrap()
}

/// Opens `name` at `version` without the store, creating `stores` on upgrade: stands in for
/// another tab, or for a later Entente.
async fn raw_open(name: &str, version: u32, stores: &'static [&'static str]) -> IdbDatabase {
    let req: IdbOpenDbRequest = factory().open_with_u32(name, version).unwrap();
    let on_upgrade = Closure::<dyn FnMut(Event)>::new({
        let req = req.clone();
        move |_: Event| {
            let db: IdbDatabase = req.result().unwrap().unchecked_into();
            for s in stores {
                db.create_object_store(s).unwrap();
            }
        }
    });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    store::first_event(&req, &["success"], &["error"]).await.expect("raw open");
    req.set_onupgradeneeded(None);
    req.result().unwrap().unchecked_into()
}

async fn raw_get(db: &IdbDatabase, store_name: &str, key: &str) -> JsValue {
    let tx = db.transaction_with_str(store_name).unwrap();
    let req = tx.object_store(store_name).unwrap().get(&key.into()).unwrap();
    store::first_event(&req, &["success"], &["error"]).await.expect("raw get");
    req.result().unwrap()
}

async fn raw_put(db: &IdbDatabase, store_name: &str, key: &str, value: &str) {
    let tx = db
        .transaction_with_str_and_mode(store_name, web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    tx.object_store(store_name)
        .unwrap()
        .put_with_key(&value.into(), &key.into())
        .unwrap();
    store::first_event(&tx, &["complete"], &["abort"]).await.expect("raw put");
}

async fn cleanup(name: &str) {
    store::delete_database(name).await.expect("delete the test database");
}

#[wasm_bindgen_test]
async fn documents_round_trip_byte_identical_then_delete_and_clear() {
    let name = "entente-test-docs";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    let docs = three_docs();
    store.put_documents(&docs).await.unwrap();
    assert_eq!(by_id(store.list().await.unwrap()), docs);

    // A second handle (a reload) sees the same bytes; the schema version is recorded.
    drop(store);
    let store = Store::open_named(name).await.unwrap();
    assert_eq!(by_id(store.list().await.unwrap()), docs);
    let raw = raw_open(name, store::SCHEMA_VERSION, &[]).await;
    assert_eq!(raw_get(&raw, "meta", "schema").await.as_f64(), Some(1.0));
    let record = raw_get(&raw, "documents", "b2").await;
    assert_eq!(Reflect::get(&record, &"size".into()).unwrap().as_f64(), Some(70_000.0));
    raw.close();

    // Re-adding an article replaces it rather than duplicating it.
    let mut renamed = docs[0].clone();
    renamed.name = "renamed.txt".into();
    store.put_documents(std::slice::from_ref(&renamed)).await.unwrap();
    let listed = by_id(store.list().await.unwrap());
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].name, "renamed.txt");

    store.delete("b2").await.unwrap();
    store.delete("no-such-id").await.unwrap();
    assert_eq!(ids(&store.list().await.unwrap()), ["a1", "c3"]);

    store.put_corrections("kept across a reset").await.unwrap();
    store.clear_documents().await.unwrap();
    assert!(store.list().await.unwrap().is_empty());
    assert_eq!(store.get_corrections().await.unwrap().as_deref(), Some("kept across a reset"));
    drop(store);
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn corrections_round_trip() {
    let name = "entente-test-corrections";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    assert_eq!(store.get_corrections().await.unwrap(), None);
    let log = "{\"v\":1,\"edits\":[\"merge org:nis org:nis-kr\"]}\n…ünïcode";
    store.put_corrections(log).await.unwrap();
    assert_eq!(store.get_corrections().await.unwrap().as_deref(), Some(log));
    store.put_corrections("").await.unwrap();
    assert_eq!(store.get_corrections().await.unwrap().as_deref(), Some(""));
    drop(store);
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn a_failing_batch_writes_nothing_and_the_store_keeps_working() {
    let name = "entente-test-atomic";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    let earlier = doc("x0", "text", b"earlier".to_vec());
    store.put_documents(std::slice::from_ref(&earlier)).await.unwrap();

    // The third record is invalid: the batch is refused before anything is written.
    let mut batch = three_docs();
    batch[2].format = "pdf".into();
    let err = store.put_documents(&batch).await.unwrap_err();
    assert!(matches!(err, StoreError::Other(ref m) if m.contains("pdf")), "{err:?}");
    assert_eq!(store.list().await.unwrap(), vec![earlier.clone()]);

    // The failure dropped the connection; the next calls reopen it and work.
    batch[2].format = "markdown".into();
    store.put_documents(&batch).await.unwrap();
    assert_eq!(ids(&store.list().await.unwrap()), ["a1", "b2", "c3", "x0"]);
    drop(store);
    cleanup(name).await;
}

/// A batch of a few MB is written in steps (each a task of the page), in one transaction: all
/// of it arrives, byte for byte, whatever the step it was in.
#[wasm_bindgen_test]
async fn a_batch_larger_than_a_write_step_is_written_whole() {
    let name = "entente-test-steps";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    let batch: Vec<StoredDoc> = (0..24u8)
        .map(|i| doc(&format!("d{i:02}"), "text", vec![b'a' + i % 26; 100_000 + usize::from(i)]))
        .collect();
    store.put_documents(&batch).await.unwrap();
    assert_eq!(by_id(store.list().await.unwrap()), batch);
    drop(store);
    cleanup(name).await;
}

/// The abort paths under `put_documents`, driven with records the typed API cannot produce:
/// a duplicate key fails asynchronously (the way a full disk does), an uncloneable value fails
/// at once.
#[wasm_bindgen_test]
async fn a_transaction_aborted_by_the_browser_is_undone_whole() {
    let name = "entente-test-abort";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    let earlier = doc("x0", "text", b"earlier".to_vec());
    store.put_documents(std::slice::from_ref(&earlier)).await.unwrap();
    let [a, b, _] = three_docs().try_into().unwrap();

    let err = store
        .write(&["documents"], |tx| {
            let s = tx.object_store("documents").unwrap();
            s.add(&a.to_js()?).unwrap();
            s.add(&b.to_js()?).unwrap();
            s.add(&earlier.to_js()?).unwrap(); // x0 exists: ConstraintError after the others
            Ok(())
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Aborted(ref m) if m.contains("ConstraintError")),
        "{err:?}"
    );
    assert_eq!(store.list().await.unwrap(), vec![earlier.clone()]);

    let err = store
        .write(&["documents"], |tx| {
            let s = tx.object_store("documents").unwrap();
            s.put(&a.to_js()?).unwrap();
            let uncloneable = a.to_js()?;
            Reflect::set(&uncloneable, &"bytes".into(), &web_sys::js_sys::Function::new_no_args("")).unwrap();
            s.put(&uncloneable).map_err(|e| StoreError::from_js(&e, None))?;
            Ok(())
        })
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Other(ref m) if m.contains("DataCloneError")),
        "{err:?}"
    );
    assert_eq!(store.list().await.unwrap(), vec![earlier]);
    drop(store);
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn works_after_close() {
    let name = "entente-test-close";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    let docs = three_docs();
    store.put_documents(&docs).await.unwrap();
    store.close();
    store.close(); // twice is harmless
    assert_eq!(by_id(store.list().await.unwrap()), docs, "reopens by itself");
    store.close();
    let other = Store::open_named(name).await.unwrap();
    assert_eq!(by_id(other.list().await.unwrap()), docs);
    store.delete("a1").await.unwrap();
    assert_eq!(ids(&other.list().await.unwrap()), ["b2", "c3"]);
    drop((store, other));
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn reconnects_when_the_browser_closed_the_connection() {
    let name = "entente-test-reconnect";
    cleanup(name).await;
    let store = Store::open_named(name).await.unwrap();
    store.put_corrections("before").await.unwrap();
    // As after a Firefox quota error or a cleared site: the handle is dead but nobody said so.
    store.connection().unwrap().close();
    assert_eq!(store.get_corrections().await.unwrap().as_deref(), Some("before"));
    store.connection().unwrap().close();
    store.put_corrections("after").await.unwrap();
    assert_eq!(store.get_corrections().await.unwrap().as_deref(), Some("after"));
    drop(store);
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn a_newer_database_is_reported_and_left_alone() {
    let name = "entente-test-newer";
    cleanup(name).await;
    let future = raw_open(name, store::SCHEMA_VERSION + 1, &["documents", "v2-only"]).await;
    raw_put(&future, "v2-only", "k", "v2 data").await;
    future.close();

    let err = Store::open_named(name)
        .await
        .err()
        .expect("a v1 app must refuse a v2 database");
    assert_eq!(err, StoreError::VersionTooNew);
    assert!(err.to_string().contains("newer version of Entente"), "{err}");

    let future = raw_open(name, store::SCHEMA_VERSION + 1, &[]).await;
    assert_eq!(future.version(), (store::SCHEMA_VERSION + 1) as f64);
    assert_eq!(raw_get(&future, "v2-only", "k").await.as_string().as_deref(), Some("v2 data"));
    future.close();
    cleanup(name).await;
}

#[wasm_bindgen_test]
async fn another_tabs_upgrade_is_not_blocked() {
    let name = "entente-test-versionchange";
    cleanup(name).await;
    let notices = Rc::new(RefCell::new(Vec::new()));
    let store = Store::open_with(name, {
        let notices = notices.clone();
        move |n| notices.borrow_mut().push(n)
    })
    .await
    .unwrap();
    store.put_documents(&three_docs()[..1]).await.unwrap();

    // "Tab B" upgrades to v2 and migrates. It would wait forever (blocked) if the store kept
    // its connection open; it runs the `oldVersion` == 1 branch.
    let req: IdbOpenDbRequest = factory().open_with_u32(name, store::SCHEMA_VERSION + 1).unwrap();
    let seen_old = Rc::new(RefCell::new(None));
    let on_upgrade = Closure::<dyn FnMut(Event)>::new({
        let seen_old = seen_old.clone();
        move |e: Event| *seen_old.borrow_mut() = Some(e.unchecked_into::<IdbVersionChangeEvent>().old_version())
    });
    let blocked = Rc::new(RefCell::new(false));
    let on_blocked = Closure::<dyn FnMut(Event)>::new({
        let blocked = blocked.clone();
        move |_: Event| *blocked.borrow_mut() = true
    });
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    req.set_onblocked(Some(on_blocked.as_ref().unchecked_ref()));
    let t0 = Date::now();
    // `blocked` counts as failure: it fires at once if tab A kept its connection.
    store::first_event(&req, &["success"], &["error", "blocked"])
        .await
        .expect("tab B's upgrade");
    let took = Date::now() - t0;
    assert!(!*blocked.borrow(), "tab A must close on versionchange before blocked fires");
    assert!(took < 2000.0, "tab B waited {took} ms");
    assert_eq!(*seen_old.borrow(), Some(1.0));
    assert_eq!(*notices.borrow(), vec![Notice::VersionChange]);

    // Tab A now says it is out of date instead of failing obscurely.
    assert_eq!(store.list().await.unwrap_err(), StoreError::VersionTooNew);
    let db: IdbDatabase = req.result().unwrap().unchecked_into();
    db.close();
    drop(store);
    cleanup(name).await;
}

fn dom_error(name: &str) -> JsValue {
    DomException::new_with_message_and_name("injected", name).unwrap().into()
}

#[wasm_bindgen_test]
fn browser_errors_map_to_what_the_user_is_told() {
    let quota = dom_error("QuotaExceededError");
    assert_eq!(StoreError::from_js(&quota, None), StoreError::QuotaExceeded { needed: None });
    assert_eq!(
        StoreError::from_js(&dom_error("VersionError"), None),
        StoreError::VersionTooNew
    );
    // A request in a transaction aborted for lack of space fails with AbortError; the
    // transaction's error says why.
    assert_eq!(
        StoreError::from_js(&dom_error("AbortError"), Some(&quota)),
        StoreError::QuotaExceeded { needed: None }
    );
    assert_eq!(
        StoreError::from_js(&dom_error("AbortError"), None),
        StoreError::Aborted("injected".into())
    );
    assert_eq!(
        StoreError::from_js(&dom_error("AbortError"), Some(&dom_error("ConstraintError"))),
        StoreError::Aborted("injected".into())
    );
    assert_eq!(
        StoreError::from_js(&dom_error("SecurityError"), None),
        StoreError::Unavailable
    );
    assert_eq!(
        StoreError::from_js(&dom_error("UnknownError"), None),
        StoreError::Other("UnknownError: injected".into())
    );
    assert!(matches!(StoreError::from_js(&JsValue::UNDEFINED, None), StoreError::Other(_)));

    // Newer browsers throw a QuotaExceededError object carrying the requested size.
    let sized = Object::new();
    Reflect::set(&sized, &"name".into(), &"QuotaExceededError".into()).unwrap();
    Reflect::set(&sized, &"requested".into(), &(5.0 * 1048576.0).into()).unwrap();
    let err = StoreError::from_js(&sized, None);
    assert_eq!(err, StoreError::QuotaExceeded { needed: Some(5 << 20) });
    let shown = err.to_string();
    assert!(
        shown.starts_with("Storage full") && shown.contains("5.0 MB") && shown.contains("earlier articles are safe"),
        "{shown}"
    );
    assert!(StoreError::Unavailable.to_string().contains("private browsing"));
}

#[wasm_bindgen_test]
async fn estimate_and_persistence_answer() {
    let name = "entente-test-estimate";
    cleanup(name).await;
    let before = Store::estimate()
        .await
        .expect("navigator.storage.estimate() on a secure origin");
    let store = Store::open_named(name).await.unwrap();
    store.put_documents(&[doc("big", "text", vec![b'x'; 1 << 20])]).await.unwrap();
    let after = Store::estimate().await.unwrap();
    let persisted = Store::request_persistence().await;
    console_log!("estimate: before {before:?}, after a 1 MiB write {after:?}; persist() -> {persisted}");
    assert!(after.1 > 0 && after.0 <= after.1, "{after:?}");
    drop(store);
    cleanup(name).await;
}
