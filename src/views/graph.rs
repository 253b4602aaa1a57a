//! The actor graph: ForceAtlas2 with Barnes-Hut, computed in the core and deterministic for the
//! same data. One edge per actor pair shows its mix of quad classes as parallel strands, wide as
//! the number of events, with an arrowhead for the direction that dominates; uncertain ties are
//! dashed. Click selects and highlights the ego network; double-click (or Enter on a focused
//! node, then "Expand") opens a node's neighbours in large graphs; shift-click picks the other
//! end of a shortest path. Drag nodes to move them; wheel and drag the background to zoom and pan.

use crate::format::{kind_class, quad_class};
use crate::state::{ctx, picked};
use entente_core::graph::{ActorGraph, Layout, LayoutSettings, QUADS};
use entente_core::model::ActorKind;
use entente_core::view_state::GraphCamera;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

const W: f64 = 960.0;
const H: f64 = 440.0;
/// Above this many actors the graph starts from the selection's neighbourhood and expanded nodes.
const FULL_GRAPH_LIMIT: usize = 150;

/// A laid-out graph ready to draw.
#[derive(PartialEq)]
struct Drawn {
    graph: ActorGraph,
    pos: Vec<(f32, f32)>,
    bounds: (f32, f32, f32, f32),
}

fn node_shape(kind: ActorKind, r: f64) -> String {
    match kind {
        ActorKind::State => format!("M{} 0A{r} {r} 0 1 0 {} 0A{r} {r} 0 1 0 {} 0Z", -r, r, -r),
        ActorKind::Igo => format!("M{} {}h{}v{}h{}Z", -r, -r, 2.0 * r, 2.0 * r, -2.0 * r),
        ActorKind::Person => format!("M0 {}L{} {}L{} {}Z", -r * 1.2, r * 1.1, r * 0.8, -r * 1.1, r * 0.8),
        ActorKind::Media | ActorKind::Company => format!("M{} {}h{}v{}h{}Z", -r * 1.1, -r * 0.7, 2.2 * r, 1.4 * r, -2.2 * r),
        _ => format!("M0 {}L{} 0L0 {}L{} 0Z", -r * 1.25, r * 1.25, r * 1.25, -r * 1.25),
    }
}

#[component]
pub fn GraphView() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    let filters = c.filters();
    // The graph of the shown events, laid out once per change of the filters or expansions.
    let drawn = Memo::new(move |_| {
        let f = filters.get();
        let (expanded, selection) = c.view.with(|v| (v.expanded.clone(), v.selection.clone()));
        c.data.with(|d| {
            let full = ActorGraph::from_model(&d.model, |e| d.event_passes(&f, e));
            let graph = if full.node_count() <= FULL_GRAPH_LIMIT {
                full
            } else {
                // Large corpora: the selected actor's ego network plus expanded nodes' neighbours.
                let mut nodes: Vec<u32> = Vec::new();
                let mut open = expanded.iter().filter_map(|k| d.index.actor(k)).collect::<Vec<_>>();
                if let entente_core::view_state::Selection::Actor(k) = &selection {
                    open.extend(d.index.actor(k));
                }
                for a in open {
                    if let Some(n) = full.node(a) {
                        nodes.extend(full.ego(n, 1, |_| true).node_set());
                    }
                }
                if nodes.is_empty() {
                    let mut by_degree: Vec<u32> = (0..full.node_count() as u32).collect();
                    by_degree.sort_by_key(|&n| std::cmp::Reverse(full.node_events(n)));
                    nodes = by_degree.into_iter().take(FULL_GRAPH_LIMIT).collect();
                }
                full.induced(&nodes)
            };
            // Strong gravity keeps small components (two actors tied by one event) near the rest,
            // and a larger scale leaves room for labels.
            let settings = LayoutSettings {
                strong_gravity: true,
                scaling: 12.0,
                gravity: 0.6,
                ..LayoutSettings::default()
            };
            let mut layout = Layout::new(&graph, settings);
            layout.run(1_500);
            let pos = layout.positions().to_vec();
            let bounds = layout.bounds().unwrap_or((-1.0, -1.0, 1.0, 1.0));
            Arc::new(Drawn { graph, pos, bounds })
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
        let second = c.view.with(|v| v.second.clone());
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
                view! {
                    <line class=format!("strand {}", quad_class(QUADS[*qi])) x1=from.0 + nx * off y1=from.1 + ny * off x2=to.0 + nx * off y2=to.1 + ny * off stroke-width=w></line>
                }
            }).collect_view();
            // Arrowhead a little before the target node.
            let (ux, uy) = ((to.0 - from.0) / len, (to.1 - from.1) / len);
            let tip = (to.0 - ux * 12.0, to.1 - uy * 12.0);
            let arrow = format!("M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z", tip.0, tip.1, tip.0 - ux * 7.0 + uy * 3.5, tip.1 - uy * 7.0 - ux * 3.5, tip.0 - ux * 7.0 - uy * 3.5, tip.1 - uy * 7.0 + ux * 3.5);
            view! {
                <g class="edge" class:uncertain=e.is_speculative() class:faded=faded class:path=on_path class:selected=selected_event
                    tabindex="0" role="button" aria-label=aria
                    on:click=move |_| c.select_event(first)
                    on:keydown=move |ev| if ev.key() == "Enter" { c.select_event(first) }>
                    <line class="hit" x1=a.0 y1=a.1 x2=b.0 y2=b.1></line>
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
                let key = a.key.clone();
                let data_key = key.clone();
                view! {
                    <g class=format!("node {}", kind_class(a.kind)) class:selected=selected class:faded=faded class:path=path.contains(&(n as u32))
                        transform=format!("translate({x:.1},{y:.1})") tabindex="0" role="button" aria-label=aria data-actor=data_key
                        on:pointerdown=move |ev| {
                            ev.stop_propagation();
                            drag_node.set_value(Some((n as u32, ev.pointer_id())));
                        }
                        on:click=move |ev| {
                            if ev.shift_key() {
                                let k = key.clone();
                                c.view.update(|v| v.second = Some(k));
                            } else {
                                c.select_actor(actor);
                            }
                        }
                        on:dblclick=move |_| {
                            let k = c.data.with_untracked(|d| d.model.actors[actor as usize].key.clone());
                            c.view.update(|v| if let Some(i) = v.expanded.iter().position(|x| *x == k) { v.expanded.remove(i); } else { v.expanded.push(k) });
                        }
                        on:keydown=move |ev| if ev.key() == "Enter" { c.select_actor(actor) }>
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
        let Some(el) = svg_ref.get_untracked() else { return (cx, cy) };
        let r = el.get_bounding_client_rect();
        let s = (r.width() / W).min(r.height() / H);
        (
            (cx - r.left() - (r.width() - W * s) / 2.0) / s,
            (cy - r.top() - (r.height() - H * s) / 2.0) / s,
        )
    };
    let last: StoredValue<Option<(f64, f64)>> = StoredValue::new(None);
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let cam = camera.get_untracked();
        if let Some((n, _)) = drag_node.get_value() {
            let world = (
                (f64::from(cam.x) + (x - W / 2.0) / f64::from(cam.zoom)) as f32,
                (f64::from(cam.y) + (y - H / 2.0) / f64::from(cam.zoom)) as f32,
            );
            dragged.update(|m| {
                m.insert(n, world);
            });
            return;
        }
        if let Some((lx, ly)) = last.get_value() {
            let z = f64::from(cam.zoom);
            c.view.update(|v| {
                v.graph = Some(GraphCamera::new(
                    f64::from(cam.x) - (x - lx) / z,
                    f64::from(cam.y) - (y - ly) / z,
                    z,
                ))
            });
            last.set_value(Some((x, y)));
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let cam = camera.get_untracked();
        let f = if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 };
        let z = f64::from(cam.zoom);
        let (wx, wy) = (f64::from(cam.x) + (x - W / 2.0) / z, f64::from(cam.y) + (y - H / 2.0) / z);
        let nz = z * f;
        c.view
            .update(|v| v.graph = Some(GraphCamera::new(wx - (x - W / 2.0) / nz, wy - (y - H / 2.0) / nz, nz)));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let cam = camera.get_untracked();
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
    };
    let path_note = move || {
        let (_, _, path) = highlight.get();
        let dr = drawn.get();
        (path.len() > 1).then(|| c.data.with(|d| {
            let names: Vec<String> = path.iter().map(|&n| d.actor_label(dr.graph.actor(n))).collect();
            view! { <p class="path-note">{format!("Shortest path: {}", names.join(" → "))} <button class="link" on:click=move |_| c.view.update(|v| v.second = None)>"clear"</button></p> }
        }))
    };
    view! {
        <section class="graph" aria-label="Actor graph">
            <svg node_ref=svg_ref class="graph-svg" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="xMidYMid meet" tabindex="0"
                role="application" aria-label="Actor graph: arrow keys pan, + and - zoom, 0 fits; shift-click a second actor for the shortest path"
                on:pointerdown=move |ev| { last.set_value(Some(to_svg(f64::from(ev.client_x()), f64::from(ev.client_y())))); }
                on:pointermove=on_move
                on:pointerup=move |_| { last.set_value(None); drag_node.set_value(None); }
                on:pointerleave=move |_| { last.set_value(None); drag_node.set_value(None); }
                on:wheel=on_wheel on:keydown=on_key>
                <g class="edges">{edges}</g>
                <g class="nodes">{nodes}</g>
            </svg>
            {path_note}
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
