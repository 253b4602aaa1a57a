//! Components rendered in headless Chromium (wasm-bindgen-test). Natively this file is empty;
//! `scripts/test` runs it with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use entente::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container (after resetting the URL) and returns the container
/// once the app says it is ready: it first reads the user's articles from IndexedDB. The app is
/// unmounted when the returned handle drops, so it no longer answers the next test's URL.
async fn mount_app(hash: &str) -> (HtmlElement, impl Drop) {
    let window = web_sys::window().unwrap();
    window.location().set_hash(hash).unwrap();
    let document = window.document().unwrap();
    let root = document.document_element().unwrap();
    root.remove_attribute("data-entente").unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), App);
    for _ in 0..500 {
        if root.get_attribute("data-entente").as_deref() == Some("ready") {
            leptos::task::tick().await;
            return (host, handle);
        }
        sleep_ms(10).await;
    }
    panic!("the app did not get ready in 5 s");
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn lists_both_seed_articles_and_reads_the_first() {
    let (host, _app) = mount_app("").await;
    let tabs = all(&host, ".doc-tab");
    assert_eq!(tabs.len(), 2);
    let titles: Vec<String> = all(&host, ".doc-tab .doc-title")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(titles[0], "South Korea joins CCDCOE");
    assert!(titles[1].starts_with("1st Asian Country To Join NATO"), "{titles:?}");
    // The content dates both articles to May 2022, not the second one's 2023 header.
    let dates: Vec<String> = all(&host, ".doc-tab .doc-date")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert!(dates.iter().all(|d| d.starts_with("2022-05")), "{dates:?}");
    assert_eq!(text(&host, ".reader-title"), "South Korea joins CCDCOE");
}

#[wasm_bindgen_test]
async fn clicking_a_mention_selects_its_actor_everywhere() {
    let (host, _app) = mount_app("").await;
    let nis = all(&host, ".reader .mention")
        .into_iter()
        .find(|m| m.text_content().unwrap() == "NIS")
        .expect("a mention of NIS");
    nis.click();
    leptos::task::tick().await;
    assert!(
        text(&host, ".details h2").contains("National Intelligence Service"),
        "{}",
        text(&host, ".details h2")
    );
    // The graph highlights the same actor, and the URL names it.
    let selected: Vec<String> = all(&host, ".graph .node.selected")
        .iter()
        .map(|n| n.get_attribute("data-actor").unwrap())
        .collect();
    assert_eq!(selected, vec!["org:nis".to_string()]);
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert!(hash.contains("sel=a:org:nis"), "{hash}");
}

#[wasm_bindgen_test]
async fn a_garbage_link_gives_the_default_view_and_a_notice() {
    let (host, _app) = mount_app("#v=1&map=%ZZ&sel=a:").await;
    assert!(
        text(&host, ".notices").contains("could not be read"),
        "{}",
        text(&host, ".notices")
    );
    assert!(text(&host, ".details h2").contains("Who does what to whom"));
}
