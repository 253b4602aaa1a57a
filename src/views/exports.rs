//! Exports of what the views show (the filtered events) in the formats the field uses: GEXF 1.3
//! and GraphML for Gephi and friends, CSV tables in the style of GDELT/ICEWS, GeoJSON, the whole
//! model as a JSON bundle, and pictures of the map and the graph (SVG, PNG). Everything is made
//! in the page and saved through a download; nothing leaves the machine.

use crate::state::ctx;
use entente_core::export::{self, Events};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Saves `bytes` as a file named `name` through a temporary object URL.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    save_blob(name, &blob);
}

fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let doc = document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoke after the download has started.
    let revoke = url.clone();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(5),
    );
}

/// The colours and strokes the pictures need, since an SVG saved alone has no stylesheet.
const PICTURE_STYLE: &str = "\
.sphere{fill:#eaf2f8;stroke:#c9d6df}.country{fill:#e2e0d8;stroke:#fff;stroke-width:.5}\
.country.inv1{fill:#d4dee7}.country.inv2{fill:#b7cbdc}.country.inv3{fill:#8fb0cb}.country.inv4{fill:#6592b5}\
.arc{fill:none;opacity:.85}.q1{stroke:#4a90c9}.q2{stroke:#17877b}.q3{stroke:#e08a2c}.q4{stroke:#c0392b}\
.arc.uncertain,.edge.uncertain .strand{stroke-dasharray:5 4}.faded{opacity:.18}\
.marker circle,.node .shape{stroke:#fff;stroke-width:1.5}.label{font:11px sans-serif;fill:#1d232b;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.count{font:bold 10px sans-serif;fill:#fff;text-anchor:middle}.edge .hit{stroke:transparent}.edge .arrow{fill:#5f6b78}\
.k-state{color:#34495e;fill:#34495e}.k-igo{color:#7d3c98;fill:#7d3c98}.k-agency{color:#1f5f8b;fill:#1f5f8b}\
.k-person{color:#b9770e;fill:#b9770e}.k-media,.k-company{color:#a04000;fill:#a04000}.k-org{color:#117a65;fill:#117a65}\
.k-group{color:#7b7d7d;fill:#7b7d7d}.place rect{fill:#5d6d7e}";

/// The canvas of a large graph, when the graph is drawn on one.
fn graph_canvas() -> Option<web_sys::HtmlCanvasElement> {
    document().query_selector(".graph-canvas").ok()??.dyn_into().ok()
}

/// The SVG of a view as a standalone document, with its styles.
fn picture(selector: &str) -> Option<String> {
    let el = document().query_selector(selector).ok()??;
    let clone: web_sys::Element = el.clone_node_with_deep(true).ok()?.unchecked_into();
    clone.set_attribute("xmlns", "http://www.w3.org/2000/svg").ok()?;
    let style = document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), "style")
        .ok()?;
    style.set_text_content(Some(PICTURE_STYLE));
    clone.prepend_with_node_1(&style).ok()?;
    let serializer = web_sys::XmlSerializer::new().ok()?;
    serializer.serialize_to_string(&clone).ok()
}

/// Renders an SVG string to a PNG at twice its size and saves it.
fn save_png(name: &'static str, svg: String) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&svg));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(img) = web_sys::HtmlImageElement::new() else { return };
    let img2 = img.clone();
    let onload = wasm_bindgen::closure::Closure::once(move || {
        let (w, h) = (img2.natural_width().max(960) * 2, img2.natural_height().max(480) * 2);
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(w);
        canvas.set_height(h);
        if let Some(ctx2d) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        {
            ctx2d.set_fill_style_str("#ffffff");
            ctx2d.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
            let _ = ctx2d.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, f64::from(w), f64::from(h));
        }
        let done = wasm_bindgen::closure::Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(b) = blob {
                save_blob(name, &b);
            }
        });
        let _ = canvas.to_blob(done.as_ref().unchecked_ref());
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&url);
}

#[component]
pub fn Exports() -> impl IntoView {
    let c = ctx();
    let open = RwSignal::new(false);
    let run = move |what: &'static str| {
        open.set(false);
        let f = c.view.with_untracked(|v| v.filters.clone());
        c.data.with_untracked(|d| {
            let ids = d.visible_events(&f);
            let which = Events::Ids(&ids);
            match what {
                "gexf" => download("entente.gexf", "application/xml", export::gexf(&d.model, &which).as_bytes()),
                "graphml" => download(
                    "entente.graphml",
                    "application/xml",
                    export::graphml(&d.model, &which).as_bytes(),
                ),
                "events" => download(
                    "entente-events.csv",
                    "text/csv",
                    export::events_csv(&d.model, &d.corpus, &which).as_bytes(),
                ),
                "actors" => download(
                    "entente-actors.csv",
                    "text/csv",
                    export::actors_csv(&d.model, &which).as_bytes(),
                ),
                "geojson" => download(
                    "entente.geojson",
                    "application/geo+json",
                    export::geojson(&d.model, &which).as_bytes(),
                ),
                "bundle" => download(
                    "entente-bundle.json",
                    "application/json",
                    export::bundle(&d.model, &d.corpus).as_bytes(),
                ),
                "map-svg" => {
                    if let Some(s) = picture(".map-svg") {
                        download("entente-map.svg", "image/svg+xml", s.as_bytes())
                    }
                }
                "graph-svg" => {
                    if let Some(s) = picture(".graph-svg") {
                        download("entente-graph.svg", "image/svg+xml", s.as_bytes())
                    } else if graph_canvas().is_some() {
                        c.notices.update(|n| {
                            n.push(
                                "A graph this large is drawn as a picture: export it as PNG, or as GEXF or GraphML for a graph tool."
                                    .into(),
                            )
                        });
                    }
                }
                "map-png" => {
                    if let Some(s) = picture(".map-svg") {
                        save_png("entente-map.png", s)
                    }
                }
                "graph-png" => {
                    if let Some(s) = picture(".graph-svg") {
                        save_png("entente-graph.png", s)
                    } else if let Some(canvas) = graph_canvas() {
                        // A large graph is drawn on a canvas: the picture is what it shows.
                        let save = wasm_bindgen::closure::Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                            if let Some(b) = blob {
                                save_blob("entente-graph.png", &b);
                            }
                        });
                        canvas.to_blob(save.unchecked_ref()).ok();
                    }
                }
                _ => {}
            }
        });
    };
    let item = move |what: &'static str, label: &'static str, hint: &'static str| {
        view! { <li><button role="menuitem" data-export=what on:click=move |_| run(what)>{label}<span class="muted">{hint}</span></button></li> }
    };
    view! {
        <div class="menu">
            <button class="tab" aria-haspopup="menu" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>"Export"</button>
            <Show when=move || open.get()>
                <ul class="menu-list" role="menu" aria-label="Export the shown events">
                    {item("gexf", "GEXF 1.3", " Gephi, dynamic, lat/lng")}
                    {item("graphml", "GraphML", "")}
                    {item("events", "Events CSV", " CAMEO and PLOVER columns")}
                    {item("actors", "Actors CSV", " codes and seats")}
                    {item("geojson", "GeoJSON", " actors, places, arcs")}
                    {item("bundle", "Model + texts (JSON)", " re-importable")}
                    {item("map-svg", "Map (SVG)", "")}
                    {item("map-png", "Map (PNG)", "")}
                    {item("graph-svg", "Graph (SVG)", "")}
                    {item("graph-png", "Graph (PNG)", "")}
                </ul>
            </Show>
        </div>
    }
}
