//! The world map: the bundled Natural Earth basemap in the Equal Earth projection (computed in
//! the core), countries shaded by involvement, actors at their seats (clustered, never
//! jittered), places mentioned, and relations as great-circle arcs coloured by quad class and
//! as wide as they are reported. Wheel, drag, pinch and keyboard pan and zoom; the viewport
//! lives in the URL.

use crate::format::{is_uncertain, kind_class, quad_class};
use crate::state::{ctx, picked};
use entente_core::geo::{self, BBox, Viewport, arcs, cluster, projection::equal_earth, svg};
use entente_core::graph::QUADS;
use entente_core::model::ActorId;
use entente_core::view_state::MapView as MapState;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

const W: f64 = 960.0;
const H: f64 = 480.0;
const CLUSTER_PX: f64 = 16.0;

fn viewport_of(state: Option<MapState>, fit: BBox) -> Viewport {
    let mut v = Viewport::new(W, H);
    match state {
        Some(m) => {
            v.center = equal_earth(f64::from(m.lon), f64::from(m.lat));
            v.zoom = f64::from(m.zoom);
            v.clamp();
        }
        // Wide enough for the labels beside the outermost markers.
        None => v.fit(fit, 60.0),
    }
    v
}

fn state_of(v: &Viewport) -> Option<MapState> {
    let (lon, lat) = geo::projection::equal_earth_inverse(v.center.0, v.center.1)?;
    Some(MapState::new(lon, lat, v.zoom))
}

#[component]
pub fn MapView() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    let map = geo::basemap();
    let filters = c.filters();
    let visible = Memo::new(move |_| c.data.with(|d| d.visible_events(&filters.get())));
    // Actors on the map: those in shown events that have a seat.
    let seated = Memo::new(move |_| {
        let ev = visible.get();
        c.data.with(|d| {
            let mut weight: BTreeMap<ActorId, f64> = BTreeMap::new();
            for &e in &ev {
                let e = &d.model.events[e as usize];
                for a in std::iter::once(e.actor).chain(e.recipient) {
                    if d.model.actors[a as usize].seat.is_some() {
                        *weight.entry(a).or_default() += e.mentions.len() as f64;
                    }
                }
            }
            weight.into_iter().collect::<Vec<_>>()
        })
    });
    let fit = Memo::new(move |_| {
        let s = seated.get();
        c.data.with(|d| {
            let pts: Vec<(f64, f64)> = s
                .iter()
                .filter_map(|(a, _)| d.model.actors[*a as usize].seat.as_ref())
                .map(|st| equal_earth(st.lon, st.lat))
                .collect();
            if pts.is_empty() {
                BBox::WORLD
            } else {
                BBox::of_points(&pts).expand(0.05)
            }
        })
    });
    let view = Memo::new(move |_| viewport_of(c.view.with(|v| v.map), fit.get()));
    let set_view = move |v: Viewport| {
        if let Some(m) = state_of(&v) {
            c.view.update(|s| s.map = Some(m));
        }
    };
    // How involved each country is: events its state (or bodies of it) take part in.
    let involvement = Memo::new(move |_| {
        let ev = visible.get();
        c.data.with(|d| {
            let mut by_iso: BTreeMap<String, usize> = BTreeMap::new();
            for &e in &ev {
                let e = &d.model.events[e as usize];
                for a in std::iter::once(e.actor).chain(e.recipient) {
                    let actor = &d.model.actors[a as usize];
                    let state = actor.country.map(|s| &d.model.actors[s as usize]).unwrap_or(actor);
                    if let Some(iso) = &state.codes.iso3 {
                        *by_iso.entry(iso.clone()).or_default() += 1;
                    }
                }
            }
            by_iso
        })
    });
    let countries = move || {
        let inv = involvement.get();
        let v = view.get();
        let selected_iso = c.data.with(|d| {
            pick.get().actor.and_then(|a| {
                let actor = &d.model.actors[a as usize];
                actor
                    .country
                    .map(|s| &d.model.actors[s as usize])
                    .unwrap_or(actor)
                    .codes
                    .iso3
                    .clone()
            })
        });
        map.countries
            .iter()
            .filter(|s| !s.point_only())
            .map(|shape| {
                let n = shape.iso3.as_ref().and_then(|i| inv.get(i)).copied().unwrap_or(0);
                let level = match n {
                    0 => 0,
                    1..=2 => 1,
                    3..=6 => 2,
                    7..=15 => 3,
                    _ => 4,
                };
                let selected = shape.iso3.is_some() && shape.iso3 == selected_iso;
                let d = svg::country_path(shape, &v);
                let name = shape.name.clone();
                let title = if n > 0 { format!("{name}: {n} event roles") } else { name };
                view! { <path class=format!("country inv{level}") class:selected=selected d=d><title>{title}</title></path> }
            })
            .collect_view()
    };
    // Sources before what derives from them: `view` derives from `visible`.
    let arcs_view = move || {
        let ev = visible.get();
        let p = pick.get();
        let v = view.get();
        c.data.with(|d| {
            // One arc per pair and quad class: width by reports, dashed when all uncertain.
            let mut pairs: BTreeMap<(ActorId, ActorId, usize), (usize, bool, Vec<u32>)> = BTreeMap::new();
            for &id in &ev {
                let e = &d.model.events[id as usize];
                let Some(r) = e.recipient else { continue };
                if d.model.actors[e.actor as usize].seat.is_none() || d.model.actors[r as usize].seat.is_none() {
                    continue;
                }
                let entry = pairs.entry((e.actor, r, entente_core::graph::quad_index(e.code.quad))).or_insert((0, true, Vec::new()));
                entry.0 += e.mentions.len();
                entry.1 &= is_uncertain(e.modality);
                entry.2.push(id);
            }
            pairs.into_iter().filter_map(|((a, b, q), (reports, uncertain, events))| {
                let (sa, sb) = (d.model.actors[a as usize].seat.as_ref()?, d.model.actors[b as usize].seat.as_ref()?);
                if (sa.lat - sb.lat).abs() < 1e-6 && (sa.lon - sb.lon).abs() < 1e-6 {
                    return None; // same seat (a state and its agency): no arc
                }
                let lines = arcs::great_circle((sa.lon, sa.lat), (sb.lon, sb.lat), 48);
                let path = svg::lines_path(&lines, &v);
                let width = 1.0 + (reports as f64).log2().max(0.0);
                let involved = p.actor.is_some_and(|x| x == a || x == b) || p.event.is_some_and(|e| events.contains(&e));
                let faded = (p.actor.is_some() || p.event.is_some()) && !involved;
                let first = events[0];
                let title = format!("{} → {}: {} events, {} reports", d.actor_label(a), d.actor_label(b), events.len(), reports);
                let aria = title.clone();
                Some(view! {
                    <path class=format!("arc {}", quad_class(QUADS[q])) class:uncertain=uncertain class:faded=faded class:selected=involved
                        d=path stroke-width=width tabindex="0" role="button" aria-label=aria
                        on:click=move |_| c.select_event(first)>
                        <title>{title}</title>
                    </path>
                })
            }).collect_view()
        })
    };
    // A cluster clicked: its members, listed where it is, to pick one.
    let open_cluster: RwSignal<Option<(f64, f64, Vec<ActorId>)>> = RwSignal::new(None);
    let markers = move || {
        let actors = seated.get();
        let p = pick.get();
        let v = view.get();
        c.data.with(|d| {
            let ms: Vec<cluster::Marker> = actors.iter().filter_map(|(a, w)| {
                let s = d.model.actors[*a as usize].seat.as_ref()?;
                let (x, y) = equal_earth(s.lon, s.lat);
                Some(cluster::Marker { id: *a, x, y, weight: *w })
            }).collect();
            cluster::cluster(&ms, &v, CLUSTER_PX).into_iter().map(|cl| {
                let (sx, sy) = v.to_screen((cl.x, cl.y));
                let lead = cl.members[0];
                let actor = &d.model.actors[lead as usize];
                let selected = cl.members.iter().any(|m| p.actor == Some(*m));
                let r = 4.0 + cl.weight.sqrt().min(9.0);
                let names: Vec<String> = cl.members.iter().map(|m| d.actor_label(*m)).collect();
                let title = if cl.count() == 1 { format!("{} — {}", actor.name, actor.seat.as_ref().map(|s| s.label.clone()).unwrap_or_default()) } else { format!("{} actors here: {}", cl.count(), names.join(", ")) };
                let label = if cl.count() == 1 { d.actor_label(lead) } else { format!("{} +{}", d.actor_label(lead), cl.count() - 1) };
                let members = cl.members.clone();
                let aria = title.clone();
                view! {
                    <g class=format!("marker {}", kind_class(actor.kind)) class:selected=selected transform=format!("translate({sx:.1},{sy:.1})")
                        tabindex="0" role="button" aria-label=aria data-actor=actor.key.clone()
                        on:click=move |ev| {
                            ev.stop_propagation();
                            if members.len() == 1 {
                                open_cluster.set(None);
                                c.select_actor(members[0]);
                            } else {
                                open_cluster.set(Some((sx, sy, members.clone())));
                            }
                        }
                        on:keydown=move |ev| if ev.key() == "Enter" { c.select_actor(lead) }>
                        <circle r=r></circle>
                        {(cl.count() > 1).then(|| view! { <text class="count" y=4>{cl.count().to_string()}</text> })}
                        <text class="label" x=r + 3.0 y=4>{label}</text>
                        <title>{title}</title>
                    </g>
                }
            }).collect_view()
        })
    };
    // Places mentioned that have coordinates of their own (cities).
    let places = move || {
        let v = view.get();
        c.data.with(|d| {
            d.model
                .places
                .iter()
                .filter(|pl| pl.precision == Some("city") && pl.mention_count > 0)
                .filter_map(|pl| {
                    let (sx, sy) = v.to_screen(equal_earth(pl.lon?, pl.lat?));
                    let id = pl.id;
                    Some(view! {
                        <g class="place" transform=format!("translate({sx:.1},{sy:.1})") on:click=move |_| c.select_place(id)>
                            <rect x=-3 y=-3 width=6 height=6 transform="rotate(45)"></rect>
                            <title>{format!("{} (place mentioned)", pl.name)}</title>
                        </g>
                    })
                })
                .collect_view()
        })
    };
    // Pointer interaction: drag pans, a second pointer pinches, the wheel zooms at the cursor.
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let to_svg = move |cx: f64, cy: f64| -> (f64, f64) {
        let Some(el) = svg_ref.get_untracked() else { return (cx, cy) };
        let r = el.get_bounding_client_rect();
        // preserveAspectRatio="xMidYMid meet": one scale, centred.
        let s = (r.width() / W).min(r.height() / H);
        (
            (cx - r.left() - (r.width() - W * s) / 2.0) / s,
            (cy - r.top() - (r.height() - H * s) / 2.0) / s,
        )
    };
    let pointers: StoredValue<Vec<(i32, f64, f64)>> = StoredValue::new(Vec::new());
    let moved = StoredValue::new(false);
    let on_down = move |ev: web_sys::PointerEvent| {
        let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        pointers.update_value(|p| p.push((ev.pointer_id(), x, y)));
        moved.set_value(false);
        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = t.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let ps = pointers.get_value();
        let Some(i) = ps.iter().position(|p| p.0 == ev.pointer_id()) else {
            return;
        };
        let mut v = view.get_untracked();
        if ps.len() >= 2 {
            let other = ps[1 - i.min(1)];
            let before = ((ps[i].1 - other.1).powi(2) + (ps[i].2 - other.2).powi(2)).sqrt();
            let after = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
            if before > 1.0 {
                v.zoom_at(((x + other.1) / 2.0, (y + other.2) / 2.0), after / before);
            }
        } else {
            let (dx, dy) = (x - ps[i].1, y - ps[i].2);
            if dx.abs() + dy.abs() < 2.0 && !moved.get_value() {
                return;
            }
            v.pan(dx, dy);
        }
        moved.set_value(true);
        pointers.update_value(|p| p[i] = (ev.pointer_id(), x, y));
        set_view(v);
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
        let mut v = view.get_untracked();
        v.zoom_at((x, y), if ev.delta_y() < 0.0 { 1.25 } else { 0.8 });
        set_view(v);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let mut v = view.get_untracked();
        match ev.key().as_str() {
            "ArrowLeft" => v.pan(60.0, 0.0),
            "ArrowRight" => v.pan(-60.0, 0.0),
            "ArrowUp" => v.pan(0.0, 60.0),
            "ArrowDown" => v.pan(0.0, -60.0),
            "+" | "=" => v.zoom_at((W / 2.0, H / 2.0), 1.25),
            "-" => v.zoom_at((W / 2.0, H / 2.0), 0.8),
            "0" => {
                c.view.update(|s| s.map = None);
                return;
            }
            _ => return,
        }
        ev.prevent_default();
        set_view(v);
    };
    let sphere = move || svg::sphere_path(&view.get());
    view! {
        <section class="map" aria-label="World map">
            <svg node_ref=svg_ref class="map-svg" viewBox=format!("0 0 {W} {H}") preserveAspectRatio="xMidYMid meet" tabindex="0"
                role="application" aria-label="World map: arrow keys pan, + and - zoom, 0 fits the data"
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:wheel=on_wheel on:keydown=on_key
                on:click=move |ev| {
                    // A click on a country (not a drag) selects its state when the model has it.
                    // Clicks on markers, arcs and the cluster list are theirs (delegated events
                    // reach this handler too).
                    let on_item = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.closest(".marker, .cluster-pop, .arc, .place").ok().flatten().is_some());
                    if on_item { return; }
                    open_cluster.set(None);
                    if moved.get_value() { return; }
                    let (x, y) = to_svg(f64::from(ev.client_x()), f64::from(ev.client_y()));
                    if let Some(i) = map.hit_test(&view.get_untracked(), (x, y)) {
                        if let Some(iso) = &map.countries[i].iso3 {
                            let id = c.data.with_untracked(|d| d.index.actor(iso));
                            if let Some(id) = id { c.select_actor(id) }
                        }
                    }
                }>
                <path class="sphere" d=sphere></path>
                <g class="countries">{countries}</g>
                <g class="arcs">{arcs_view}</g>
                <g class="places">{places}</g>
                <g class="markers">{markers}</g>
                {move || open_cluster.get().map(|(x, y, members)| {
                    let h = 10.0 + 22.0 * members.len() as f64;
                    let (fx, fy) = ((x + 10.0).min(W - 190.0), (y - 10.0).min(H - h).max(0.0));
                    view! {
                        <foreignObject x=fx y=fy width=180 height=h class="cluster-pop">
                            <div class="cluster-list" role="menu" aria-label="Actors at this place">
                                {members.into_iter().map(|m| {
                                    let (label, class, key) = c.data.with_untracked(|d| (d.actor_label(m), kind_class(d.model.actors[m as usize].kind), d.model.actors[m as usize].key.clone()));
                                    view! { <button role="menuitem" class=format!("cluster-item {class}") data-actor=key on:click=move |ev| { ev.stop_propagation(); open_cluster.set(None); c.select_actor(m); }>{label}</button> }
                                }).collect_view()}
                            </div>
                        </foreignObject>
                    }
                })}
            </svg>
            <div class="map-controls">
                <button aria-label="Zoom in" on:click=move |_| { let mut v = view.get_untracked(); v.zoom_at((W / 2.0, H / 2.0), 1.5); set_view(v); }>"+"</button>
                <button aria-label="Zoom out" on:click=move |_| { let mut v = view.get_untracked(); v.zoom_at((W / 2.0, H / 2.0), 1.0 / 1.5); set_view(v); }>"−"</button>
                <button aria-label="Fit to the data" on:click=move |_| c.view.update(|s| s.map = None)>"Fit"</button>
            </div>
            <div class="legend" aria-label="Map legend">
                <span class="lg q1">"verbal coop."</span>
                <span class="lg q2">"material coop."</span>
                <span class="lg q3">"verbal conflict"</span>
                <span class="lg q4">"material conflict"</span>
                <span class="lg dashed">"alleged / predicted"</span>
                <span class="lg shade">"country shade: events involving it"</span>
            </div>
        </section>
    }
}
