//! The actor graph on a canvas, for graphs too large for one SVG element per node and edge.
//!
//! Same layout, camera and selection as the SVG graph; drawn in one pass per frame, and only in
//! an animation frame after something changed (however many pan events arrive in between).
//! What keeps a frame cheap with thousands of nodes: edges are stroked as one path per quad
//! class and nodes filled as one path per actor kind (a few dozen canvas calls, not one per
//! item), anything outside the view is skipped, nodes smaller than about two pixels are
//! squares rather than arcs, and only the best connected visible actors get labels. Edges are
//! plain lines coloured by their dominant quad class (no strands, arrowheads or dashes: at this
//! density they would not be seen, only paid for). And while the camera moves, a frame copies
//! the last full drawing, shifted and scaled, instead of drawing anew: the drawing covers a
//! margin around the canvas, and is made again when the camera rests or when anything else
//! changes. A frame whose pan or zoom goes beyond what it covers is drawn straight onto the
//! canvas, without the margin (a quarter of the pixels), until the camera rests.
//!
//! Drag the background to pan, wheel to zoom, click a node to select it (shift-click: the other
//! end of a path), double-click to expand it; the keys of the SVG graph move the camera.

use super::graph::{Drawn, H, Highlight, W, camera_key, fit, pan, to_drawing, to_world, toggle_expanded, wheel_zoom};
use crate::state::{Ctx, ctx};
use entente_core::graph::QUADS;
use entente_core::model::ActorKind;
use entente_core::view_state::{GraphCamera, Token};
use leptos::prelude::*;
use std::f64::consts::TAU;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Labels drawn when many nodes are in view: the best connected ones.
const LABELS: usize = 30;
/// With at most this many nodes in view, every one is labelled.
const LABEL_ALL_BELOW: usize = 60;
/// Pointer travel (CSS pixels) under which a press and release is a click, not a pan.
const CLICK_SLOP: f64 = 4.0;
/// How far from a node's centre a click still hits it, in CSS pixels beyond its radius.
const HIT_SLOP: f64 = 4.0;
/// The drawing extends this share of the canvas's width and height beyond each side: while
/// the camera moves, frames shift and scale the last drawing (one bitmap copy, whatever the
/// graph's size) as long as it covers the canvas.
const CACHE_MARGIN: f64 = 0.5;
/// Most a frame scales the last drawing before drawing anew (it blurs as it grows).
const MAX_STRETCH: f64 = 1.5;
/// The full drawing follows once the camera has rested this long.
const SETTLE_MS: u64 = 120;

/// A pointer press on the canvas: where it was last (drawing units), where it started (client
/// pixels), and whether it has become a pan.
#[derive(Clone, Copy)]
struct Press {
    last: (f64, f64),
    client_start: (f64, f64),
    panning: bool,
}

/// Colours from the stylesheet's custom properties, read once, so the canvas matches the SVG
/// views and the legend.
struct Palette {
    quads: [String; 4],
    /// One per actor kind, in the order of `ActorKind::ALL`.
    kinds: Vec<String>,
    ink: String,
    panel: String,
}

impl Palette {
    fn read() -> Palette {
        let style = web_sys::window()
            .zip(
                web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.document_element()),
            )
            .and_then(|(w, el)| w.get_computed_style(&el).ok().flatten());
        let var = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_string())
        };
        Palette {
            quads: [
                var("--q1", "#4a90c9"),
                var("--q2", "#17877b"),
                var("--q3", "#e08a2c"),
                var("--q4", "#c0392b"),
            ],
            kinds: ActorKind::ALL
                .iter()
                .map(|&k| var(&format!("--{}", crate::format::kind_class(k)), "#5f6b78"))
                .collect(),
            ink: var("--ink", "#1d232b"),
            panel: var("--panel", "#ffffff"),
        }
    }
}

fn kind_index(k: ActorKind) -> usize {
    ActorKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

/// What the frames need per node and edge, computed once per layout.
#[derive(PartialEq)]
struct Style {
    /// Actor kind (index into `ActorKind::ALL`) and radius factor of each node.
    nodes: Vec<(u8, f32)>,
    /// Dominant quad class and line width factor of each edge.
    edges: Vec<(u8, f32)>,
    /// Nodes from the best connected down: the order labels are given in.
    by_degree: Vec<u32>,
    /// Node radius at the fitted zoom, in drawing units: smaller as the graph gets denser.
    base_radius: f64,
    fit_zoom: f64,
}

impl Style {
    fn new(c: Ctx, dr: &Drawn) -> Style {
        let n = dr.graph.node_count();
        let nodes = c.data.with_untracked(|d| {
            (0..n as u32)
                .map(|i| {
                    let a = &d.model.actors[dr.graph.actor(i) as usize];
                    (
                        kind_index(a.kind) as u8,
                        1.0 + (a.mention_count as f32).sqrt().min(12.0) / 6.0,
                    )
                })
                .collect()
        });
        let edges = dr
            .graph
            .edges()
            .iter()
            .map(|e| {
                let q = (0..4)
                    .max_by_key(|&i| (e.quad_total(QUADS[i]), std::cmp::Reverse(i)))
                    .unwrap_or(0);
                (q as u8, 1.0 + (e.events() as f32).log2().min(4.0) / 2.0)
            })
            .collect();
        let mut by_degree: Vec<u32> = (0..n as u32).collect();
        by_degree.sort_by_key(|&i| std::cmp::Reverse(dr.graph.node_events(i)));
        let (x0, y0, x1, y1) = dr.bounds;
        let (w, h) = (f64::from(x1 - x0).max(1e-3), f64::from(y1 - y0).max(1e-3));
        Style {
            nodes,
            edges,
            by_degree,
            base_radius: (0.15 * (W * H / n.max(1) as f64).sqrt()).clamp(1.0, 4.0),
            fit_zoom: ((W - 120.0) / w).min((H - 60.0) / h),
        }
    }

    /// Nodes grow as the view zooms in, more slowly than the zoom so the picture opens up.
    fn radius_scale(&self, cam: GraphCamera) -> f64 {
        (f64::from(cam.zoom) / self.fit_zoom).sqrt().clamp(1.0, 4.0) * self.base_radius
    }
}

fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok().flatten().and_then(|x| x.dyn_into().ok())
}

/// Where a drawing goes: the shown canvas's CSS box (`w` × `h`, device pixel ratio `dpr`) with
/// `margin` CSS pixels more on every side, so that a pan within the margin has something to show.
#[derive(Clone, Copy, PartialEq)]
struct Frame {
    w: f64,
    h: f64,
    dpr: f64,
    margin: (f64, f64),
}

impl Frame {
    fn pixels(&self) -> (u32, u32) {
        (
            ((self.w + 2.0 * self.margin.0) * self.dpr).round() as u32,
            ((self.h + 2.0 * self.margin.1) * self.dpr).round() as u32,
        )
    }
}

/// Draws the whole graph onto `canvas`, sized for `frame`.
#[allow(clippy::too_many_arguments)]
fn draw(
    c: Ctx,
    canvas: &HtmlCanvasElement,
    frame: Frame,
    dr: &Drawn,
    style: &Style,
    cam: GraphCamera,
    hl: &Highlight,
    pal: &Palette,
    reach: (f64, f64),
) {
    let Some(g) = context_2d(canvas) else { return };
    let (pw, ph) = frame.pixels();
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    g.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok();
    g.clear_rect(0.0, 0.0, f64::from(pw), f64::from(ph));
    // From here on, drawing units: the same W × H box the SVG graph uses, fitted and centred in
    // the shown canvas, which starts `margin` CSS pixels into this one.
    let (s, ox, oy) = fit(frame.w, frame.h);
    let (ox, oy) = (ox + frame.margin.0, oy + frame.margin.1);
    let dpr = frame.dpr;
    g.set_transform(dpr * s, 0.0, 0.0, dpr * s, dpr * ox, dpr * oy).ok();
    let px = 1.0 / s; // one CSS pixel in drawing units
    let (cw, ch) = (frame.w + 2.0 * frame.margin.0, frame.h + 2.0 * frame.margin.1);
    let (vx0, vy0, vx1, vy1) = (-ox / s, -oy / s, (cw - ox) / s, (ch - oy) / s);

    let z = f64::from(cam.zoom);
    let (cx, cy) = (f64::from(cam.x), f64::from(cam.y));
    let screen: Vec<(f64, f64)> = dr
        .pos
        .iter()
        .map(|&(x, y)| (W / 2.0 + (f64::from(x) - cx) * z, H / 2.0 + (f64::from(y) - cy) * z))
        .collect();
    let rs = style.radius_scale(cam);
    let margin = 14.0 * rs;
    let visible = |p: (f64, f64)| p.0 >= vx0 - margin && p.0 <= vx1 + margin && p.1 >= vy0 - margin && p.1 <= vy1 + margin;
    // Outlines and labels are chosen among the nodes within `reach` of the shown canvas, so a
    // frame drawn without the margin looks like the drawing with it that follows.
    let (ex, ey) = ((reach.0 - frame.margin.0) / s, (reach.1 - frame.margin.1) / s);
    let in_reach = |p: (f64, f64)| {
        p.0 >= vx0 - margin - ex && p.0 <= vx1 + margin + ex && p.1 >= vy0 - margin - ey && p.1 <= vy1 + margin + ey
    };

    let (sel, ego, path) = hl;
    let n = dr.graph.node_count();
    // Nodes in the selection's ego network or on the path are drawn on top; the rest fade.
    let mut lit = vec![sel.is_none(); n];
    for &i in ego.iter().chain(path) {
        lit[i as usize] = true;
    }
    let on_path = |a: u32, b: u32| path.windows(2).any(|w| (w[0] == a && w[1] == b) || (w[0] == b && w[1] == a));

    // Edges: one path per quad class, faded ones first.
    let width = (0.7 * px * (z / style.fit_zoom).sqrt()).min(2.0);
    let mut groups: [Vec<u32>; 8] = Default::default();
    for (i, e) in dr.graph.edges().iter().enumerate() {
        let (a, b) = (screen[e.a as usize], screen[e.b as usize]);
        if a.0.max(b.0) < vx0 || a.0.min(b.0) > vx1 || a.1.max(b.1) < vy0 || a.1.min(b.1) > vy1 {
            continue;
        }
        let strong = sel.is_some_and(|s| e.a == s || e.b == s) || on_path(e.a, e.b);
        groups[usize::from(style.edges[i].0) + if strong { 4 } else { 0 }].push(i as u32);
    }
    g.set_line_cap("round");
    for (k, group) in groups.iter().enumerate() {
        if group.is_empty() {
            continue;
        }
        let strong = k >= 4;
        g.set_global_alpha(match (strong, sel.is_some()) {
            (true, _) => 0.9,
            (false, true) => 0.12,
            (false, false) => 0.45,
        });
        g.set_stroke_style_str(&pal.quads[k % 4]);
        // Width buckets would cost a path each; the mean width factor keeps one path per class.
        let f = group.iter().map(|&i| style.edges[i as usize].1).sum::<f32>() / group.len() as f32;
        g.set_line_width(if strong { 2.0 * px } else { width * f64::from(f) });
        g.begin_path();
        for &i in group {
            let e = &dr.graph.edges()[i as usize];
            let (a, b) = (screen[e.a as usize], screen[e.b as usize]);
            g.move_to(a.0, a.1);
            g.line_to(b.0, b.1);
        }
        g.stroke();
    }

    // Nodes: one path per kind, faded ones first; tiny nodes as squares.
    // The nodes within reach, and of those the ones drawn (within reach is a wider box).
    let reached: Vec<u32> = (0..n as u32).filter(|&i| in_reach(screen[i as usize])).collect();
    let shown: Vec<u32> = reached.iter().copied().filter(|&i| visible(screen[i as usize])).collect();
    let outline = reached.len() < 2_000;
    for pass_lit in [false, true] {
        g.set_global_alpha(if pass_lit { 1.0 } else { 0.2 });
        for (k, colour) in pal.kinds.iter().enumerate() {
            let mut any = false;
            g.begin_path();
            for &i in &shown {
                let (kind, f) = style.nodes[i as usize];
                if usize::from(kind) != k || lit[i as usize] != pass_lit {
                    continue;
                }
                let (x, y) = screen[i as usize];
                let r = rs * f64::from(f);
                if r < 2.0 * px {
                    g.rect(x - r, y - r, 2.0 * r, 2.0 * r);
                } else {
                    g.move_to(x + r, y);
                    g.arc(x, y, r, 0.0, TAU).ok();
                }
                any = true;
            }
            if any {
                g.set_fill_style_str(colour);
                g.fill();
                if outline {
                    g.set_stroke_style_str(&pal.panel);
                    g.set_line_width(px);
                    g.stroke();
                }
            }
        }
    }
    // The selection and the path: rings.
    g.set_global_alpha(1.0);
    g.set_stroke_style_str(&pal.ink);
    g.set_line_width(2.5 * px);
    g.begin_path();
    for &i in sel.iter().chain(path) {
        let (x, y) = screen[i as usize];
        let r = rs * f64::from(style.nodes[i as usize].1) + 2.0 * px;
        g.move_to(x + r, y);
        g.arc(x, y, r, 0.0, TAU).ok();
    }
    g.stroke();

    // Labels: the best connected nodes in view, the selection and its neighbours.
    let mut labelled: Vec<u32> = if reached.len() <= LABEL_ALL_BELOW {
        reached
    } else {
        style
            .by_degree
            .iter()
            .copied()
            .filter(|&i| in_reach(screen[i as usize]) && lit[i as usize])
            .take(LABELS)
            .collect()
    };
    if ego.len() <= LABELS {
        labelled.extend(ego.iter().chain(path).copied().filter(|&i| in_reach(screen[i as usize])));
    }
    g.set_font("11px system-ui, sans-serif");
    g.set_line_width(3.0 * px);
    g.set_stroke_style_str(&pal.panel);
    g.set_fill_style_str(&pal.ink);
    g.set_line_join("round");
    // A label that would overlap one already placed is left out (the selection's go first).
    labelled.sort_by_key(|&i| (sel.is_none_or(|s| s != i), !path.contains(&i)));
    labelled.dedup();
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    c.data.with_untracked(|d| {
        for &i in &labelled {
            let (x, y) = screen[i as usize];
            let r = rs * f64::from(style.nodes[i as usize].1);
            let label = d.actor_label(dr.graph.actor(i));
            let (lx, ly) = (x + r + 3.0 * px, y + 4.0 * px);
            let w = g.measure_text(&label).map_or(0.0, |m| m.width());
            let rect = (lx, ly - 11.0, lx + w, ly + 2.0);
            if placed
                .iter()
                .any(|p| rect.0 < p.2 && p.0 < rect.2 && rect.1 < p.3 && p.1 < rect.3)
            {
                continue;
            }
            placed.push(rect);
            g.stroke_text(&label, lx, ly).ok();
            g.fill_text(&label, lx, ly).ok();
        }
    });
}

#[component]
pub fn GraphCanvas(drawn: Memo<Arc<Drawn>>, camera: Memo<GraphCamera>, highlight: Memo<Highlight>) -> impl IntoView {
    let c = ctx();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let style = Memo::new(move |_| Arc::new(Style::new(c, &drawn.get())));
    let cache_ref = NodeRef::<leptos::html::Canvas>::new();
    let palette: StoredValue<Option<Arc<Palette>>> = StoredValue::new(None);
    // Frames shown, and of them full drawings (the rest shift and scale the last drawing).
    let frames = RwSignal::new(0u32);
    let drawings = RwSignal::new(0u32);
    // What the cache canvas holds: the drawing of content generation `.0` for camera `.1` in
    // frame `.2`. The generation changes with the layout, the styles or the highlight.
    let generation = StoredValue::new(0u64);
    let cached: StoredValue<Option<(u64, GraphCamera, Frame)>> = StoredValue::new(None);
    // The full drawing after the camera has rested for SETTLE_MS: the count of camera frames
    // when the timer was set, so only the last timer draws.
    let moves = StoredValue::new(0u64);
    let settle = RwSignal::new(0u64);
    let scheduled = StoredValue::new(false);
    let force = StoredValue::new(false);
    let redraw = move || {
        scheduled.set_value(false);
        let (Some(canvas), Some(cache)) = (canvas_ref.get_untracked(), cache_ref.get_untracked()) else {
            return;
        };
        let (w, h) = (f64::from(canvas.client_width()), f64::from(canvas.client_height()));
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let frame = Frame {
            w,
            h,
            dpr,
            // Whole device pixels, so the full drawing is copied without resampling.
            margin: ((w * CACHE_MARGIN * dpr).round() / dpr, (h * CACHE_MARGIN * dpr).round() / dpr),
        };
        let cam = camera.get_untracked();
        let now = generation.get_value();
        // The cached drawing, shifted and scaled to the camera, if it still covers the canvas.
        let shifted = cached.get_value().and_then(|(made, at, f)| {
            if made != now || f != frame || force.get_value() {
                return None;
            }
            let k = f64::from(cam.zoom) / f64::from(at.zoom);
            if !(1.0 / MAX_STRETCH..=MAX_STRETCH).contains(&k) {
                return None;
            }
            // A drawing point p of the cached camera is at W/2 + (p - W/2)·k + (at - cam)·zoom now.
            let (s, ox, oy) = fit(w, h);
            let z = f64::from(cam.zoom);
            let e = ox + s * (W / 2.0 * (1.0 - k) + f64::from(at.x - cam.x) * z) - k * (ox + f.margin.0);
            let f_ = oy + s * (H / 2.0 * (1.0 - k) + f64::from(at.y - cam.y) * z) - k * (oy + f.margin.1);
            let (cw, ch) = (w + 2.0 * f.margin.0, h + 2.0 * f.margin.1);
            (e <= 0.0 && f_ <= 0.0 && e + k * cw >= w && f_ + k * ch >= h).then_some((k, e, f_))
        });
        // The full drawing follows once the camera rests.
        let settle_later = move || {
            let m = moves.get_value() + 1;
            moves.set_value(m);
            set_timeout(
                move || {
                    if moves.get_value() == m {
                        force.set_value(true);
                        settle.update(|x| *x = x.wrapping_add(1));
                    }
                },
                std::time::Duration::from_millis(SETTLE_MS),
            );
        };
        let pal = move || {
            palette.get_value().unwrap_or_else(|| {
                let p = Arc::new(Palette::read());
                palette.set_value(Some(p.clone()));
                p
            })
        };
        // The camera jumped beyond the drawing while nothing else changed (a fling): this frame
        // is drawn straight onto the canvas, without the margin, a quarter of the pixels of a
        // drawing with it; the drawing with the margin follows when the camera rests.
        let jumped = !force.get_value() && cached.get_value().is_some_and(|(made, _, f)| made == now && f == frame);
        if shifted.is_none() && jumped {
            settle_later();
            let direct = Frame {
                margin: (0.0, 0.0),
                ..frame
            };
            let (dr, st, hl) = (drawn.get_untracked(), style.get_untracked(), highlight.get_untracked());
            draw(c, &canvas, direct, &dr, &st, cam, &hl, &pal(), frame.margin);
            drawings.update(|d| *d = d.wrapping_add(1));
            frames.update(|x| *x = x.wrapping_add(1));
            return;
        }
        let (k, e, f) = match shifted {
            Some(t) => {
                settle_later();
                t
            }
            None => {
                force.set_value(false);
                let (dr, st, hl) = (drawn.get_untracked(), style.get_untracked(), highlight.get_untracked());
                draw(c, &cache, frame, &dr, &st, cam, &hl, &pal(), frame.margin);
                cached.set_value(Some((now, cam, frame)));
                drawings.update(|d| *d = d.wrapping_add(1));
                (1.0, -frame.margin.0, -frame.margin.1)
            }
        };
        let Some(g) = context_2d(&canvas) else { return };
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        if canvas.width() != pw || canvas.height() != ph {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        g.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok();
        g.clear_rect(0.0, 0.0, f64::from(pw), f64::from(ph));
        g.set_transform(k, 0.0, 0.0, k, e * dpr, f * dpr).ok();
        // Unscaled copies stay sharp; scaled ones are smoothed.
        g.set_image_smoothing_enabled(k != 1.0);
        g.draw_image_with_html_canvas_element(&cache, 0.0, 0.0).ok();
        frames.update(|x| *x = x.wrapping_add(1));
    };
    // One frame per animation frame at most, whatever changed in between.
    let schedule = move || {
        if !scheduled.get_value() {
            scheduled.set_value(true);
            request_animation_frame(redraw);
        }
    };
    Effect::new(move |_| {
        let _mounted = canvas_ref.get();
        style.track();
        highlight.track();
        generation.update_value(|g| *g += 1);
        schedule();
    });
    Effect::new(move |_| {
        camera.track();
        settle.track();
        // Any other change of the view state may resize the graph's box (a panel opens, a view
        // is hidden); the frame reads the new size.
        c.view.track();
        schedule();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| schedule());
    on_cleanup(move || resize.remove());

    let to_canvas = move |ev: &web_sys::MouseEvent| -> (f64, f64) {
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        canvas_ref.get_untracked().map_or((x, y), |el| to_drawing(&el, x, y))
    };
    // The node under a pointer event, if any.
    let hit = move |ev: &web_sys::MouseEvent| -> Option<u32> {
        let el = canvas_ref.get_untracked()?;
        let cam = camera.get_untracked();
        let dr = drawn.get_untracked();
        let st = style.get_untracked();
        let (x, y) = to_world(cam, to_canvas(ev));
        let s = fit(f64::from(el.client_width()), f64::from(el.client_height())).0;
        // The largest node radius plus the slop, in layout units.
        let reach = (st.radius_scale(cam) * 3.0 + HIT_SLOP / s) / f64::from(cam.zoom);
        let n = dr.grid.nearest(&dr.pos, (x as f32, y as f32), reach as f32)?;
        let (nx, ny) = dr.pos[n as usize];
        let r = (st.radius_scale(cam) * f64::from(st.nodes[n as usize].1) + HIT_SLOP / s) / f64::from(cam.zoom);
        ((f64::from(nx) - x).hypot(f64::from(ny) - y) <= r).then_some(n)
    };
    let press: StoredValue<Option<Press>> = StoredValue::new(None);
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(el) = canvas_ref.get_untracked() {
            el.set_pointer_capture(ev.pointer_id()).ok();
        }
        press.set_value(Some(Press {
            last: to_canvas(&ev),
            client_start: (f64::from(ev.client_x()), f64::from(ev.client_y())),
            panning: false,
        }));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(Press {
            last,
            client_start,
            panning,
        }) = press.get_value()
        else {
            return;
        };
        let client = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        if !panning && (client.0 - client_start.0).hypot(client.1 - client_start.1) < CLICK_SLOP {
            return;
        }
        let p = to_canvas(&ev);
        pan(c, camera.get_untracked(), last, p);
        press.set_value(Some(Press {
            last: p,
            client_start,
            panning: true,
        }));
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some(Press { panning, .. }) = press.get_value() else {
            return;
        };
        press.set_value(None);
        if panning {
            return;
        }
        if let Some(n) = hit(&ev) {
            let actor = drawn.with_untracked(|d| d.graph.actor(n));
            if ev.shift_key() {
                let k = c.data.with_untracked(|d| d.model.actors[actor as usize].key.clone());
                c.view.update(|v| v.second = Some(k));
            } else {
                c.select_actor(actor);
            }
        }
    };
    let on_dblclick = move |ev: web_sys::MouseEvent| {
        if let Some(n) = hit(&ev) {
            toggle_expanded(c, drawn.with_untracked(|d| d.graph.actor(n)));
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        wheel_zoom(c, camera.get_untracked(), to_canvas(&ev), ev.delta_y());
    };
    let label = move || {
        let n = drawn.with(|d| d.graph.node_count());
        format!(
            "Actor graph of {n} actors, drawn as a picture: arrow keys pan, + and - zoom, 0 fits; click an actor to select it. \
             The table lists the same actors and events as text."
        )
    };
    view! {
        <canvas node_ref=canvas_ref class="graph-canvas" tabindex="0" role="application" aria-label=label
            data-frames=move || frames.get() data-drawings=move || drawings.get()
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up
            on:pointercancel=move |_| press.set_value(None)
            on:dblclick=on_dblclick on:wheel=on_wheel
            on:keydown=move |ev| camera_key(c, camera.get_untracked(), &ev)></canvas>
        <canvas node_ref=cache_ref class="graph-cache" hidden aria-hidden="true"></canvas>
    }
}
