//! The actor graph: ForceAtlas2 with Barnes-Hut, computed in the core and deterministic for the
//! same data. One edge per actor pair shows its mix of quad classes as parallel strands, wide as
//! the number of events, with an arrowhead for the direction that dominates; uncertain ties are
//! dashed. Click selects and highlights the ego network; double-click (or Enter on a focused
//! node, then "Expand") opens a node's neighbours in large graphs; shift-click picks the other
//! end of a shortest path. Drag nodes to move them; wheel and drag the background to zoom and pan.
//!
//! Graphs of more than [`CANVAS_ABOVE`] nodes are drawn on a canvas instead (see
//! `graph_canvas.rs`): one SVG element per node and edge cannot pan at the frame rate with
//! thousands of them. Both share the layout, the camera (kept in the URL) and the selection.

use super::graph_canvas::GraphCanvas;
use crate::format::{kind_class, quad_class};
use crate::state::{Ctx, ctx, picked};
use entente_core::graph::{ActorGraph, Layout, LayoutSettings, NodeGrid, QUADS};
use entente_core::model::ActorKind;
use entente_core::view_state::GraphCamera;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The drawing's size in its own units; it is fitted and centred in the graph's box.
pub(crate) const W: f64 = 960.0;
pub(crate) const H: f64 = 440.0;
/// Above this many actors the graph starts from the selection's neighbourhood and expanded
/// nodes, unless the user asks for all of them.
const FULL_GRAPH_LIMIT: usize = 150;
/// Above this many nodes the graph is drawn on a canvas. At 300 SVG nodes and their edges a
/// pan already redraws thousands of elements; below, the SVG keeps a focusable element per node
/// and edge for keyboard and screen-reader users.
const CANVAS_ABOVE: usize = 300;

/// A laid-out graph ready to draw.
#[derive(PartialEq)]
pub(crate) struct Drawn {
    pub graph: ActorGraph,
    pub pos: Vec<(f32, f32)>,
    pub bounds: (f32, f32, f32, f32),
    /// For hit tests on the canvas.
    pub grid: NodeGrid,
    /// Actors in the graph of the shown events, before it is cut to a neighbourhood.
    pub total: usize,
    /// How long the layout took (shown as data attributes, read by the benchmark).
    pub layout_ms: f64,
    pub iterations: u32,
}

/// The selected node, its ego network and the nodes of the path to the second actor.
pub(crate) type Highlight = (Option<u32>, Vec<u32>, Vec<u32>);

fn node_shape(kind: ActorKind, r: f64) -> String {
    match kind {
        ActorKind::State => format!("M{} 0A{r} {r} 0 1 0 {} 0A{r} {r} 0 1 0 {} 0Z", -r, r, -r),
        ActorKind::Igo => format!("M{} {}h{}v{}h{}Z", -r, -r, 2.0 * r, 2.0 * r, -2.0 * r),
        ActorKind::Person => format!("M0 {}L{} {}L{} {}Z", -r * 1.2, r * 1.1, r * 0.8, -r * 1.1, r * 0.8),
        ActorKind::Media | ActorKind::Company => format!("M{} {}h{}v{}h{}Z", -r * 1.1, -r * 0.7, 2.2 * r, 1.4 * r, -2.2 * r),
        _ => format!("M0 {}L{} 0L0 {}L{} 0Z", -r * 1.25, r * 1.25, r * 1.25, -r * 1.25),
    }
}

/// Scale and offsets of the W × H drawing fitted and centred in a box of `w` × `h` pixels
/// (SVG's "xMidYMid meet").
pub(crate) fn fit(w: f64, h: f64) -> (f64, f64, f64) {
    let s = (w / W).min(h / H);
    (s, (w - W * s) / 2.0, (h - H * s) / 2.0)
}

/// Where a client point falls in the drawing shown in `el`.
pub(crate) fn to_drawing(el: &web_sys::Element, cx: f64, cy: f64) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    let (s, ox, oy) = fit(r.width(), r.height());
    ((cx - r.left() - ox) / s, (cy - r.top() - oy) / s)
}

/// The layout position under a point of the drawing.
pub(crate) fn to_world(cam: GraphCamera, (x, y): (f64, f64)) -> (f64, f64) {
    let z = f64::from(cam.zoom);
    (f64::from(cam.x) + (x - W / 2.0) / z, f64::from(cam.y) + (y - H / 2.0) / z)
}

/// Moves the camera so the drawing follows the pointer from `from` to `to` (drawing units).
pub(crate) fn pan(c: Ctx, cam: GraphCamera, from: (f64, f64), to: (f64, f64)) {
    let z = f64::from(cam.zoom);
    let (x, y) = (f64::from(cam.x) - (to.0 - from.0) / z, f64::from(cam.y) - (to.1 - from.1) / z);
    c.view.update(|v| v.graph = Some(GraphCamera::new(x, y, z)));
}

/// Zooms by a wheel turn, keeping the layout point under the pointer where it is.
pub(crate) fn wheel_zoom(c: Ctx, cam: GraphCamera, at: (f64, f64), delta_y: f64) {
    let f = if delta_y < 0.0 { 1.2 } else { 1.0 / 1.2 };
    let (wx, wy) = to_world(cam, at);
    let nz = f64::from(cam.zoom) * f;
    c.view
        .update(|v| v.graph = Some(GraphCamera::new(wx - (at.0 - W / 2.0) / nz, wy - (at.1 - H / 2.0) / nz, nz)));
}

/// Arrow keys pan, + and - zoom, 0 fits.
pub(crate) fn camera_key(c: Ctx, cam: GraphCamera, ev: &web_sys::KeyboardEvent) {
    let (x, y, z) = (f64::from(cam.x), f64::from(cam.y), f64::from(cam.zoom));
    let step = 60.0 / z;
    let next = match ev.key().as_str() {
        "ArrowLeft" => (x - step, y, z),
        "ArrowRight" => (x + step, y, z),
        "ArrowUp" => (x, y - step, z),
        "ArrowDown" => (x, y + step, z),
        "+" | "=" => (x, y, z * 1.2),
        "-" => (x, y, z / 1.2),
        "0" => {
            c.view.update(|v| v.graph = None);
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    c.view.update(|v| v.graph = Some(GraphCamera::new(next.0, next.1, next.2)));
}

/// Opens or closes a node's neighbourhood (large graphs).
pub(crate) fn toggle_expanded(c: Ctx, actor: u32) {
    let k = c.data.with_untracked(|d| d.model.actors[actor as usize].key.clone());
    c.view.update(|v| {
        if let Some(i) = v.expanded.iter().position(|x| *x == k) {
            v.expanded.remove(i);
        } else {
            v.expanded.push(k)
        }
    });
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// A straight segment as a path (one attribute to set instead of a line's four).
fn segment(a: (f64, f64), b: (f64, f64)) -> String {
    format!("M{:.1} {:.1}L{:.1} {:.1}", a.0, a.1, b.0, b.1)
}

/// The number in attribute `name` of the element an event happened in, or of its nearest
/// ancestor carrying one. The graph listens once on the group of its nodes and once on that of
/// its edges instead of on each of them: hundreds of listeners cost more to attach than to
/// draw what they listen on.
fn index_at(ev: &web_sys::Event, name: &str) -> Option<u32> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let el = target.closest(&format!("[{name}]")).ok()??;
    el.get_attribute(name)?.parse().ok()
}

/// The node index (see [`index_at`]).
fn node_at(ev: &web_sys::Event) -> Option<u32> {
    index_at(ev, "data-node")
}

/// The event an edge's click selects (see [`index_at`]).
fn edge_at(ev: &web_sys::Event) -> Option<u32> {
    index_at(ev, "data-event")
}

#[component]
pub fn GraphView() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    let filters = c.filters();
    // Narrow slices of the view state, so a pan (which changes the state) does not lay out again.
    let expanded = Memo::new(move |_| c.view.with(|v| v.expanded.clone()));
    let selection = Memo::new(move |_| c.view.with(|v| v.selection.clone()));
    let show_all = Memo::new(move |_| c.view.with(|v| v.graph_all));
    let second = Memo::new(move |_| c.view.with(|v| v.second.clone()));
    // The graph of the shown events.
    let full = Memo::new(move |_| {
        let f = filters.get();
        c.data
            .with(|d| Arc::new(ActorGraph::from_model(&d.model, |e| d.event_passes(&f, e))))
    });
    // What is shown, laid out once per change of the filters, expansions or (when only a
    // neighbourhood is shown) the selection.
    let drawn = Memo::new(move |_| {
        let full = full.get();
        let total = full.node_count();
        let graph = if total <= FULL_GRAPH_LIMIT || show_all.get() {
            ActorGraph::clone(&full)
        } else {
            c.data.with(|d| {
                // Large corpora: the selected actor's ego network plus expanded nodes' neighbours.
                let mut nodes: Vec<u32> = Vec::new();
                let mut open = expanded.with(|x| x.iter().filter_map(|k| d.index.actor(k)).collect::<Vec<_>>());
                if let entente_core::view_state::Selection::Actor(k) = &selection.get() {
                    open.extend(d.index.actor(k));
                }
                for a in open {
                    if let Some(n) = full.node(a) {
                        nodes.extend(full.ego(n, 1, |_| true).node_set());
                    }
                }
                if nodes.is_empty() {
                    let mut by_degree: Vec<u32> = (0..total as u32).collect();
                    by_degree.sort_by_key(|&n| std::cmp::Reverse(full.node_events(n)));
                    nodes = by_degree.into_iter().take(FULL_GRAPH_LIMIT).collect();
                }
                full.induced(&nodes)
            })
        };
        // Strong gravity keeps small components (two actors tied by one event) near the rest,
        // and a larger scale leaves room for labels.
        let settings = LayoutSettings {
            strong_gravity: true,
            scaling: 12.0,
            gravity: 0.6,
            ..LayoutSettings::default()
        };
        let t0 = now_ms();
        let mut layout = Layout::new(&graph, settings);
        let report = layout.run(1_500);
        let layout_ms = now_ms() - t0;
        let pos = layout.positions().to_vec();
        let bounds = layout.bounds().unwrap_or((-1.0, -1.0, 1.0, 1.0));
        let grid = NodeGrid::new(&pos);
        Arc::new(Drawn {
            graph,
            pos,
            bounds,
            grid,
            total,
            layout_ms,
            iterations: report.iterations,
        })
    });
    // Nodes the user dragged keep their place until the layout is recomputed.
    let dragged: RwSignal<HashMap<u32, (f32, f32)>> = RwSignal::new(HashMap::new());
    Effect::new(move |_| {
        drawn.track();
        dragged.set(HashMap::new());
    });
    // Camera: fit the layout unless the URL says otherwise.
    let camera = Memo::new(move |_| {
        let dr = drawn.get();
        c.view.with(|v| v.graph).unwrap_or_else(|| {
            let (x0, y0, x1, y1) = dr.bounds;
            let (w, h) = (f64::from(x1 - x0).max(1e-3), f64::from(y1 - y0).max(1e-3));
            let zoom = ((W - 120.0) / w).min((H - 60.0) / h);
            GraphCamera::new(f64::from(x0 + x1) / 2.0, f64::from(y0 + y1) / 2.0, zoom)
        })
    });
    let to_screen = move |(x, y): (f32, f32), cam: GraphCamera| -> (f64, f64) {
        (
            W / 2.0 + (f64::from(x) - f64::from(cam.x)) * f64::from(cam.zoom),
            H / 2.0 + (f64::from(y) - f64::from(cam.y)) * f64::from(cam.zoom),
        )
    };
    let position = move |dr: &Drawn, n: usize| dragged.with(|m| m.get(&(n as u32)).copied()).unwrap_or(dr.pos[n]);
    // The ego network of the selection, and the shortest path to the second actor.
    let highlight = Memo::new(move |_| {
        let dr = drawn.get();
        let p = pick.get();
        let second = second.get();
        c.data.with(|d| {
            let sel = p
                .actor
                .and_then(|a| dr.graph.node(a))
                .or_else(|| p.event.and_then(|e| dr.graph.node(d.model.events[e as usize].actor)));
            let ego: Vec<u32> = sel.map(|n| dr.graph.ego(n, 1, |_| true).node_set()).unwrap_or_default();
            let path: Vec<u32> = match (sel, second.and_then(|k| d.index.actor(&k)).and_then(|a| dr.graph.node(a))) {
                (Some(a), Some(b)) => dr.graph.shortest_path(a, b, |_| true).map(|p| p.nodes).unwrap_or_default(),
                _ => Vec::new(),
            };
            (sel, ego, path)
        })
    });
    let edges = move || {
        // Sources before what derives from them (see the reader).
        let p = pick.get();
        let dr = drawn.get();
        let cam = camera.get();
        let (sel, _, path) = highlight.get();
        dr.graph.edges().iter().enumerate().map(|(ei, e)| {
            let (a, b) = (to_screen(position(&dr, e.a as usize), cam), to_screen(position(&dr, e.b as usize), cam));
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len = (dx * dx + dy * dy).sqrt().max(1e-6);
            let (nx, ny) = (-dy / len, dx / len);
            // One strand per quad class present, side by side.
            let present: Vec<(usize, u32)> = QUADS.iter().enumerate().map(|(i, &q)| (i, e.quad_total(q))).filter(|(_, n)| *n > 0).collect();
            let k = present.len() as f64;
            let on_path = path.windows(2).any(|w| (w[0] == e.a && w[1] == e.b) || (w[0] == e.b && w[1] == e.a));
            let in_ego = sel.is_some_and(|s| e.a == s || e.b == s);
            let events = dr.graph.edge_events(ei as u32).to_vec();
            let selected_event = p.event.is_some_and(|x| events.contains(&x));
            let faded = sel.is_some() && !in_ego && !on_path && !selected_event;
            let forward = e.events_from(e.a) >= e.events_from(e.b);
            let (from, to) = if forward { (a, b) } else { (b, a) };
            let title = c.data.with_untracked(|d| {
                let q: Vec<String> = present.iter().map(|(i, n)| format!("{n} {}", QUADS[*i].label())).collect();
                format!("{} — {}: {} events ({})", d.actor_label(dr.graph.actor(e.a)), d.actor_label(dr.graph.actor(e.b)), e.events(), q.join(", "))
            });
            let first = events[0];
            let aria = title.clone();
            let strands = present.iter().enumerate().map(|(j, (qi, n))| {
                let off = (j as f64 - (k - 1.0) / 2.0) * 2.5;
                let w = 1.0 + (f64::from(*n)).log2().max(0.0);
                let d = segment((from.0 + nx * off, from.1 + ny * off), (to.0 + nx * off, to.1 + ny * off));
                view! { <path class=format!("strand {}", quad_class(QUADS[*qi])) d=d stroke-width=w></path> }
            }).collect_view();
            // Arrowhead a little before the target node.
            let (ux, uy) = ((to.0 - from.0) / len, (to.1 - from.1) / len);
            let tip = (to.0 - ux * 12.0, to.1 - uy * 12.0);
            let arrow = format!("M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", tip.0, tip.1, tip.0 - ux * 7.0 + uy * 3.5, tip.1 - uy * 7.0 - ux * 3.5, tip.0 - ux * 7.0 - uy * 3.5, tip.1 - uy * 7.0 + ux * 3.5);
            view! {
                <g class="edge" class:uncertain=e.is_speculative() class:faded=faded class:path=on_path class:selected=selected_event
                    tabindex="0" role="button" aria-label=aria data-event=first>
                    <path class="hit" d=segment(a, b)></path>
                    {strands}
                    <path class="arrow" d=arrow></path>
                    <title>{title}</title>
                </g>
            }
        }).collect_view()
    };
    let drag_node: StoredValue<Option<(u32, i32)>> = StoredValue::new(None);
    let nodes = move || {
        let dr = drawn.get();
        let cam = camera.get();
        let (sel, ego, path) = highlight.get();
        c.data.with(|d| {
            (0..dr.graph.node_count()).map(|n| {
                let actor = dr.graph.actor(n as u32);
                let a = &d.model.actors[actor as usize];
                let (x, y) = to_screen(position(&dr, n), cam);
                let r = 5.0 + (f64::from(a.mention_count)).sqrt().min(12.0);
                let selected = sel == Some(n as u32);
                let faded = sel.is_some() && !ego.contains(&(n as u32)) && !path.contains(&(n as u32));
                let label = d.actor_label(actor);
                let title = format!("{} — {}, {} mentions", a.name, a.kind.label(), a.mention_count);
                let aria = title.clone();
                view! {
                    <g class=format!("node {}", kind_class(a.kind)) class:selected=selected class:faded=faded class:path=path.contains(&(n as u32))
                        transform=format!("translate({x:.1},{y:.1})") tabindex="0" role="button" aria-label=aria data-actor=a.key.clone() data-node=n>
                        <path class="shape" d=node_shape(a.kind, r)></path>
                        <text class="label" x=r + 3.0 y=4>{label}</text>
                        <title>{title}</title>
                    </g>
                }
            }).collect_view()
        })
    };
    // Pan and zoom of the camera; dragging a node moves it.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let to_svg = move |cx: f64, cy: f64| -> (f64, f64) {
        match svg_ref.get_untracked() {
            Some(el) => to_drawing(&el, cx, cy),
            None => (cx, cy),
        }
    };
    let last: StoredValue<Option<(f64, f64)>> = StoredValue::new(None);
    let on_move = move |ev: web_sys::PointerEvent| {
        let p = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let cam = camera.get_untracked();
        if let Some((n, _)) = drag_node.get_value() {
            let (x, y) = to_world(cam, p);
            dragged.update(|m| {
                m.insert(n, (x as f32, y as f32));
            });
            return;
        }
        if let Some(from) = last.get_value() {
            pan(c, cam, from, p);
            last.set_value(Some(p));
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let at = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        wheel_zoom(c, camera.get_untracked(), at, ev.delta_y());
    };
    let path_note = move || {
        let (_, _, path) = highlight.get();
        let dr = drawn.get();
        (path.len() > 1).then(|| c.data.with(|d| {
            let names: Vec<String> = path.iter().map(|&n| d.actor_label(dr.graph.actor(n))).collect();
            view! { <p class="path-note">{format!("Shortest path: {}", names.join(" → "))} <button class="link" on:click=move |_| c.view.update(|v| v.second = None)>"clear"</button></p> }
        }))
    };
    // The actor of a node index of what is drawn now (the handlers below are the nodes').
    let actor_of = move |n: u32| drawn.with_untracked(|d| d.graph.actor(n));
    let on_canvas = Memo::new(move |_| drawn.with(|d| d.graph.node_count() > CANVAS_ABOVE));
    let svg = move || {
        view! {
            <svg node_ref=svg_ref class="graph-svg" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="xMidYMid meet" tabindex="0"
                role="application" aria-label="Actor graph: arrow keys pan, + and - zoom, 0 fits; shift-click a second actor for the shortest path"
                on:pointerdown=move |ev| { last.set_value(Some(to_svg(f64::from(ev.client_x()), f64::from(ev.client_y())))); }
                on:pointermove=on_move
                on:pointerup=move |_| { last.set_value(None); drag_node.set_value(None); }
                on:pointerleave=move |_| { last.set_value(None); drag_node.set_value(None); }
                on:wheel=on_wheel on:keydown=move |ev| camera_key(c, camera.get_untracked(), &ev)>
                <g class="edges" on:click=move |ev| if let Some(e) = edge_at(&ev) { c.select_event(e) }
                    on:keydown=move |ev| if ev.key() == "Enter" && let Some(e) = edge_at(&ev) { c.select_event(e) }>{edges}</g>
                <g class="nodes"
                    on:pointerdown=move |ev| if let Some(n) = node_at(&ev) {
                        ev.stop_propagation();
                        drag_node.set_value(Some((n, ev.pointer_id())));
                    }
                    on:click=move |ev| if let Some(actor) = node_at(&ev).map(actor_of) {
                        if ev.shift_key() {
                            let k = c.data.with_untracked(|d| d.model.actors[actor as usize].key.clone());
                            c.view.update(|v| v.second = Some(k));
                        } else {
                            c.select_actor(actor);
                        }
                    }
                    on:dblclick=move |ev| if let Some(actor) = node_at(&ev).map(actor_of) { toggle_expanded(c, actor) }
                    on:keydown=move |ev| if ev.key() == "Enter" && let Some(actor) = node_at(&ev).map(actor_of) { c.select_actor(actor) }>{nodes}</g>
            </svg>
        }
    };
    // Large corpora: all actors, or the neighbourhood / best connected ones.
    let scope = move || {
        let total = drawn.with(|d| d.total);
        (total > FULL_GRAPH_LIMIT).then(|| {
            let all = show_all.get();
            let label = if all {
                format!("Show the {FULL_GRAPH_LIMIT} best connected actors")
            } else {
                format!("Show all {total} actors")
            };
            view! {
                <button class="graph-scope" aria-pressed=move || if all { "true" } else { "false" }
                    on:click=move |_| c.view.update(|v| { v.graph_all = !all; v.graph = None; })>{label}</button>
            }
        })
    };
    view! {
        <section class="graph" aria-label="Actor graph"
            data-nodes=move || drawn.with(|d| d.graph.node_count())
            data-layout-ms=move || drawn.with(|d| format!("{:.1}", d.layout_ms))
            data-layout-iterations=move || drawn.with(|d| d.iterations)>
            {move || if on_canvas.get() {
                view! { <GraphCanvas drawn=drawn camera=camera highlight=highlight/> }.into_any()
            } else {
                svg().into_any()
            }}
            {path_note}
            {scope}
            <div class="legend graph-legend" aria-label="Graph legend">
                <span class="lg-node k-state">"state"</span>
                <span class="lg-node k-igo">"int. organisation"</span>
                <span class="lg-node k-agency">"government body"</span>
                <span class="lg-node k-person">"person"</span>
                <span class="lg-node k-media">"media / company"</span>
                <span class="lg-node k-group">"group"</span>
                <span class="lg dashed">"uncertain tie"</span>
                <span class="hint">"shift-click: path · double-click: expand"</span>
            </div>
        </section>
    }
}
