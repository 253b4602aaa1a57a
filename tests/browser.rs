//! Components rendered in headless Chromium (wasm-bindgen-test). Natively this file is empty;
//! `scripts/test` runs it with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use entente::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app into a fresh container and returns the container.
fn mount_app() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(host.clone(), App).forget();
    host
}

fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn lists_both_seed_articles_with_titles_dates_and_sources() {
    let host = mount_app();
    leptos::task::tick().await;
    let cards = all(&host, ".doc-card");
    assert_eq!(cards.len(), 2);
    let titles: Vec<String> = all(&host, ".doc-title").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(titles[0], "South Korea joins CCDCOE");
    assert!(titles[1].starts_with("1st Asian Country To Join NATO"), "{titles:?}");
    let metas: Vec<String> = all(&host, ".doc-meta").iter().map(|e| e.text_content().unwrap()).collect();
    assert!(metas[1].contains("2023-06-02"), "{metas:?}");
    assert!(metas[0].contains("no date in header"), "{metas:?}");
    assert!(text(&host, ".doc-source").contains("AFP / Jung Yeon-je"));
}

#[wasm_bindgen_test]
async fn clicking_an_article_opens_it_in_the_reader() {
    let host = mount_app();
    leptos::task::tick().await;
    assert_eq!(text(&host, ".reader-title"), "South Korea joins CCDCOE");
    all(&host, ".doc-card")[1].click();
    leptos::task::tick().await;
    assert!(text(&host, ".reader-title").starts_with("1st Asian Country To Join NATO"));
    assert!(text(&host, ".reader").contains("Hu Xijin, the former editor"));
    assert_eq!(all(&host, ".doc-card.selected").len(), 1);
    assert_eq!(all(&host, ".doc-card")[1].get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn article_text_is_rendered_as_text_not_html() {
    let host = mount_app();
    leptos::task::tick().await;
    // Headings and captions of the seed keep their block types.
    assert!(all(&host, ".reader .block.heading").iter().any(|h| h.text_content().unwrap() == "North Korean cyberattacks"));
    assert!(all(&host, ".reader .block.caption").len() >= 3);
    assert!(all(&host, ".reader script").is_empty());
}
