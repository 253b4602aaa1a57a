//! The timeline: dated events by year, as bars stacked by quad class. Dragging across it
//! brushes a date range that filters every view; a click on empty track clears it.

use crate::format::quad_class;
use crate::state::ctx;
use entente_core::graph::QUADS;
use entente_core::time::Date;
use leptos::prelude::*;

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 70.0;
const PAD: f64 = 30.0;

#[component]
pub fn Timeline() -> impl IntoView {
    let c = ctx();
    // The year range of all dated events (not only the filtered ones, so brushing stays stable).
    let range = Memo::new(move |_| {
        c.data.with(|d| {
            let years: Vec<i32> = d
                .model
                .events
                .iter()
                .filter_map(|e| e.date.as_ref().map(|x| x.value.date.year))
                .collect();
            match (years.iter().min(), years.iter().max()) {
                (Some(&a), Some(&b)) => Some((a, b.max(a))),
                _ => None,
            }
        })
    });
    let x_of = move |year: f64| {
        let (a, b) = range.get().unwrap_or((2000, 2001));
        PAD + (year - f64::from(a)) / (f64::from(b - a + 1)) * (WIDTH - 2.0 * PAD)
    };
    let year_at = move |x: f64| {
        let (a, b) = range.get_untracked().unwrap_or((2000, 2001));
        (f64::from(a) + (x - PAD) / (WIDTH - 2.0 * PAD) * f64::from(b - a + 1)).floor() as i32
    };
    let bars = move || {
        let f = c.view.with(|v| {
            let mut f = v.filters.clone();
            f.from = None;
            f.to = None;
            f
        });
        let Some((a, b)) = range.get() else { return Vec::new() };
        c.data.with(|d| {
            let shown = d.visible_events(&f);
            let mut counts = vec![[0usize; 4]; (b - a + 1) as usize];
            for id in shown {
                if let Some(dt) = &d.model.events[id as usize].date {
                    counts[(dt.value.date.year - a) as usize][entente_core::graph::quad_index(d.model.events[id as usize].code.quad)] += 1;
                }
            }
            let max = counts.iter().map(|c| c.iter().sum::<usize>()).max().unwrap_or(1).max(1) as f64;
            let w = (WIDTH - 2.0 * PAD) / f64::from(b - a + 1);
            counts.into_iter().enumerate().flat_map(|(i, cs)| {
                let mut y = HEIGHT - 18.0;
                QUADS.iter().zip(cs).filter(|(_, n)| *n > 0).map(|(q, n)| {
                    let h = n as f64 / max * (HEIGHT - 26.0);
                    y -= h;
                    let year = a + i as i32;
                    view! { <rect class=format!("bar {}", quad_class(*q)) x=PAD + i as f64 * w + 1.0 y=y width=(w - 2.0).max(1.0) height=h><title>{format!("{year}: {n} events")}</title></rect> }
                }).collect::<Vec<_>>()
            }).collect::<Vec<_>>()
        })
    };
    let ticks = move || {
        let Some((a, b)) = range.get() else { return Vec::new() };
        let step = ((b - a) / 8).max(1);
        (a..=b)
            .step_by(step as usize)
            .map(|y| view! { <text class="tick" x=x_of(f64::from(y)) y=HEIGHT - 4.0>{y.to_string()}</text> })
            .collect()
    };
    let brush = move || {
        c.view.with(|v| match (v.filters.from, v.filters.to) {
            (None, None) => None,
            (from, to) => {
                let (a, b) = range.get().unwrap_or((2000, 2001));
                let x1 = x_of(f64::from(from.map_or(a, |d| d.year)));
                let x2 = x_of(f64::from(to.map_or(b, |d| d.year)) + 1.0);
                Some(view! { <rect class="brush" x=x1 y=2 width=(x2 - x1).max(2.0) height=HEIGHT - 20.0></rect> })
            }
        })
    };
    let drag_from = RwSignal::new(None::<f64>);
    let svg_x = |ev: &web_sys::PointerEvent| {
        let target: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(ev.current_target().expect("the svg"));
        let rect = target.get_bounding_client_rect();
        (f64::from(ev.client_x()) - rect.left()) / rect.width() * WIDTH
    };
    let label = move || {
        c.view.with(|v| match (v.filters.from, v.filters.to) {
            (None, None) => "All dates. Drag across the timeline to filter by years.".to_string(),
            (f, t) => format!(
                "Showing {} to {}. Click the timeline to clear.",
                f.map_or("the start".into(), |d| d.year.to_string()),
                t.map_or("the end".into(), |d| d.year.to_string())
            ),
        })
    };
    view! {
        <section class="timeline" aria-label="Timeline">
            <p class="timeline-label">{label}</p>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") preserveAspectRatio="none" role="img" aria-label="Events per year, stacked by quad class"
                on:pointerdown=move |ev| { drag_from.set(Some(svg_x(&ev))); }
                on:pointerup=move |ev| {
                    if let Some(x0) = drag_from.get_untracked() {
                        let x1 = svg_x(&ev);
                        drag_from.set(None);
                        if (x1 - x0).abs() < 4.0 {
                            c.view.update(|v| { v.filters.from = None; v.filters.to = None; });
                        } else {
                            let (y0, y1) = (year_at(x0.min(x1)), year_at(x0.max(x1)));
                            c.view.update(|v| {
                                v.filters.from = Date::new(y0, 1, 1);
                                v.filters.to = Date::new(y1, 12, 31);
                            });
                        }
                    }
                }>
                {brush}
                {bars}
                {ticks}
            </svg>
        </section>
    }
}
