//! The details panel: everything known about the selected actor, event or place, with every
//! claim leading back to its sentences.

use crate::data::Data;
use crate::format::{date_label, is_uncertain, kind_class, modality_label, quad_class, quad_label};
use crate::state::{Ctx, ctx, picked};
use entente_core::graph::QUADS;
use entente_core::model::{ActorId, EventId, PlaceId, ReferenceSource};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn Details() -> impl IntoView {
    let c = ctx();
    let pick = picked(c);
    let body = move || {
        let p = pick.get();
        let d = c.data.get();
        if let Some(e) = p.event {
            event_details(c, &d, e).into_any()
        } else if let Some(a) = p.actor {
            actor_details(c, &d, a).into_any()
        } else if let Some(pl) = p.place {
            place_details(c, &d, pl).into_any()
        } else {
            overview(c, &d).into_any()
        }
    };
    view! { <div class="details" data-testid="details">{body}</div> }
}

fn actor_link(c: Ctx, d: &Data, id: ActorId) -> impl IntoView + use<> {
    let a = &d.model.actors[id as usize];
    let label = d.actor_label(id);
    view! { <button class=format!("link {}", kind_class(a.kind)) on:click=move |_| c.select_actor(id)>{label}</button> }
}

fn event_link(c: Ctx, d: &Data, id: EventId) -> impl IntoView + use<> {
    let e = &d.model.events[id as usize];
    let what = e
        .code
        .cameo_name
        .clone()
        .or_else(|| e.code.plover.clone())
        .unwrap_or_else(|| e.trigger.clone());
    let date = e
        .date
        .as_ref()
        .map(|x| format!(" · {}", date_label(&x.value)))
        .unwrap_or_default();
    let label = format!(
        "{} → {}: {}{}",
        d.actor_label(e.actor),
        e.recipient.map(|r| d.actor_label(r)).unwrap_or_else(|| "—".into()),
        what.to_lowercase(),
        date
    );
    let class = format!(
        "link event {}{}",
        quad_class(e.code.quad),
        if is_uncertain(e.modality) { " uncertain" } else { "" }
    );
    view! { <button class=class on:click=move |_| c.select_event(id)>{label}</button> }
}

fn overview(c: Ctx, d: &Data) -> impl IntoView + use<> {
    let top: Vec<ActorId> = {
        let mut ids: Vec<ActorId> = d
            .model
            .actors
            .iter()
            .filter(|a| !d.events_of[a.id as usize].is_empty())
            .map(|a| a.id)
            .collect();
        ids.sort_by_key(|&a| std::cmp::Reverse(d.events_of[a as usize].len()));
        ids.truncate(8);
        ids
    };
    view! {
        <h2>"Who does what to whom"</h2>
        <p class="hint">"Click an actor, a line or a highlighted word to see the sentences behind it. Most active actors:"</p>
        <ul class="plain">
            {top.into_iter().map(|a| view! { <li>{actor_link(c, d, a)}{format!(" — {} events", d.events_of[a as usize].len())}</li> }).collect_view()}
        </ul>
    }
}

fn row(label: &'static str, value: Option<String>) -> impl IntoView {
    value.map(|v| view! { <tr><th scope="row">{label}</th><td>{v}</td></tr> })
}

fn actor_details(c: Ctx, d: &Data, id: ActorId) -> impl IntoView + use<> {
    let a = &d.model.actors[id as usize];
    let codes = &a.codes;
    // Relations grouped by counterpart, with counts per quad class.
    let mut by_other: BTreeMap<ActorId, Vec<EventId>> = BTreeMap::new();
    let mut alone = Vec::new();
    for &e in &d.events_of[id as usize] {
        let ev = &d.model.events[e as usize];
        let other = if ev.actor == id { ev.recipient } else { Some(ev.actor) };
        match other {
            Some(o) => by_other.entry(o).or_default().push(e),
            None => alone.push(e),
        }
    }
    let mut groups: Vec<(ActorId, Vec<EventId>)> = by_other.into_iter().collect();
    groups.sort_by_key(|(_, es)| std::cmp::Reverse(es.len()));
    let relations = groups.into_iter().map(|(other, events)| {
        let counts: Vec<(usize, &'static str)> = QUADS.iter().map(|&q| (events.iter().filter(|&&e| d.model.events[e as usize].code.quad == q).count(), quad_class(q))).collect();
        let docs: usize = { let mut ds: Vec<u32> = events.iter().flat_map(|&e| d.model.events[e as usize].mentions.iter().map(|m| m.doc)).collect(); ds.sort(); ds.dedup(); ds.len() };
        view! {
            <li class="relation">
                <div class="relation-head">
                    {actor_link(c, d, other)}
                    <span class="quad-bar" aria-hidden="true">{counts.iter().filter(|(n, _)| *n > 0).map(|(n, q)| view! { <span class=format!("seg {q}") data-n=n.to_string()>{n.to_string()}</span> }).collect_view()}</span>
                    <span class="muted">{format!("{} events · {} articles", events.len(), docs)}</span>
                </div>
                <ul class="plain events">{events.iter().map(|&e| view! { <li>{event_link(c, d, e)}</li> }).collect_view()}</ul>
            </li>
        }
    }).collect_view();
    let parent = a.parent.filter(|p| Some(*p) != a.country);
    view! {
        <h2 class=format!("title {}", kind_class(a.kind))>{a.name.clone()}{a.short.clone().filter(|s| *s != a.name).map(|s| format!(" ({s})"))}</h2>
        <p class="muted">{format!("{}{}", a.kind.label(), a.sector.as_ref().map(|s| format!(" · sector {s}")).unwrap_or_default())}</p>
        <table class="facts">
            {row("CAMEO", codes.cameo.clone().map(|c| match &codes.cameo_note { Some(n) => format!("{c} ({n})"), None => c }))}
            {row("ISO 3166", codes.iso3.clone().map(|i3| format!("{i3} · {} · {}", codes.iso2.clone().unwrap_or_default(), codes.isonum.clone().unwrap_or_default())))}
            {row("FIPS 10-4", codes.fips.clone())}
            {row("Seat", a.seat.as_ref().map(|s| format!("{} ({:.2}, {:.2})", s.label, s.lat, s.lon)))}
            {row("Mentions", Some(format!("{} in {} articles", a.mention_count, a.document_count)))}
        </table>
        {a.country.map(|country| view! { <p>"Country: " {actor_link(c, d, country)}</p> })}
        {parent.map(|p| view! { <p>"Part of: " {actor_link(c, d, p)}</p> })}
        {a.affiliation.as_ref().map(|af| view! { <p>{format!("{}{} of ", if af.former { "former " } else { "" }, af.role)} {actor_link(c, d, af.actor)}</p> })}
        <p class="aliases">"Also called: " {a.aliases.iter().filter(|x| **x != a.name).cloned().collect::<Vec<_>>().join(" · ")}</p>
        <h3>"Relations"</h3>
        <ul class="plain relations">{relations}</ul>
        {(!alone.is_empty()).then(|| view! { <h3>"Other events"</h3><ul class="plain">{alone.iter().map(|&e| view! { <li>{event_link(c, d, e)}</li> }).collect_view()}</ul> })}
        {crate::views::correct::actor_corrections(c, d, id)}
    }
}

fn event_details(c: Ctx, d: &Data, id: EventId) -> impl IntoView + use<> {
    let e = &d.model.events[id as usize];
    let code = &e.code;
    let cameo = match (&code.cameo, &code.cameo_name) {
        (Some(k), Some(n)) => format!("{k} — {n}"),
        (Some(k), None) => k.clone(),
        (None, _) => format!(
            "no CAMEO equivalent{}",
            code.cameo_note.as_ref().map(|n| format!(" ({n})")).unwrap_or_default()
        ),
    };
    let plover = code.plover.as_ref().map(|p| {
        let mode = code.plover_mode.as_ref().map(|m| format!(", mode {m}")).unwrap_or_default();
        let ctx = if code.plover_context.is_empty() {
            String::new()
        } else {
            format!(", context {}", code.plover_context.join(", "))
        };
        format!("{p}{mode}{ctx}")
    });
    let date = e.date.as_ref().map(|dt| {
        let anchor = dt.anchor.as_ref().map(|a| format!("from “{a}”: ")).unwrap_or_default();
        let precision = format!("{:?}", dt.value.precision).to_lowercase();
        format!("{} ({precision} precision) — {anchor}{}", date_label(&dt.value), dt.rule)
    });
    let conflict = e.date.as_ref().and_then(|dt| dt.conflict.clone());
    let mut docs: Vec<u32> = e.mentions.iter().map(|m| m.doc).collect();
    docs.sort();
    docs.dedup();
    let publishers: Vec<String> = docs
        .iter()
        .map(|&doc| {
            d.corpus.documents[doc as usize]
                .meta
                .publisher
                .clone()
                .unwrap_or_else(|| d.corpus.documents[doc as usize].name.clone())
        })
        .collect();
    let sentences: Vec<u32> = {
        let mut s: Vec<u32> = e.mentions.iter().map(|m| m.sentence).collect();
        s.dedup();
        s
    };
    let evidence = sentences
        .iter()
        .map(|&s| {
            let doc = d.model.sentences[s as usize].doc as usize;
            let title = d.corpus.documents[doc].meta.title.clone();
            let text = d.sentence_text(s).to_string();
            view! {
                <li>
                    <blockquote>
                        <button class="quote" on:click=move |_| c.focus.set(Some(s))>{format!("“{text}”")}</button>
                        <cite>{title}</cite>
                    </blockquote>
                </li>
            }
        })
        .collect_view();
    // Claims about this event that other sources contradict, side by side.
    let claims = d.model.claims.iter().filter(|g| g.claims.iter().any(|cl| sentences.contains(&cl.sentence))).map(|g| {
        view! {
            <div class="conflict">
                <h4>{format!("Sources disagree: {}", g.subject)}</h4>
                <div class="side-by-side">
                    {g.claims.iter().map(|cl| {
                        let doc = &d.corpus.documents[cl.doc as usize];
                        view! { <div class="claim"><strong>{cl.value.clone()}</strong><p>{format!("“{}”", d.sentence_text(cl.sentence))}</p><cite>{doc.meta.title.clone()}</cite></div> }
                    }).collect_view()}
                </div>
            </div>
        }
    }).collect_view();
    let header_note = docs
        .iter()
        .filter_map(|&doc| {
            let info = &d.model.documents[doc as usize];
            info.reference_date
                .as_ref()
                .filter(|r| r.source == ReferenceSource::Content)
                .and_then(|r| r.note.clone())
        })
        .next();
    view! {
        <h2 class=format!("title event {}", quad_class(code.quad))>
            {actor_link(c, d, e.actor)} " → " {e.recipient.map(|r| actor_link(c, d, r).into_any()).unwrap_or_else(|| "no recipient".into_any())}
        </h2>
        <p class="muted">{format!("{} sentences · {} articles · {} sources → 1 event", sentences.len(), docs.len(), publishers.len())}</p>
        <table class="facts">
            {row("CAMEO", Some(cameo))}
            {row("Goldstein", code.goldstein.map(|g| format!("{g:+.1}{}", if code.cameo.is_none() { " (of the nearest code)" } else { "" })))}
            {row("Quad class", Some(format!("{} — {} ({})", code.quad as u8, quad_label(code.quad), code.quad_source)))}
            {row("PLOVER", plover)}
            {row("Modality", Some(format!("{}{}", modality_label(e.modality), if e.polarity == entente_core::model::Polarity::Negative { ", negated" } else { "" })))}
            {row("According to", e.source.filter(|s| *s != e.actor).map(|s| d.actor_label(s)))}
            {row("Date", date.or(Some("not stated".into())))}
            {row("Place", e.place.map(|p| d.model.places[p as usize].name.clone()))}
            {row("Trigger", Some(e.trigger.clone()))}
        </table>
        {conflict.map(|cf| view! { <p class="warning">{format!("Dates disagree: {cf}")}</p> })}
        {header_note.map(|n| view! { <p class="note">{format!("Article date: {n}")}</p> })}
        <h3>"Evidence"</h3>
        <ul class="plain evidence-list">{evidence}</ul>
        {claims}
        {crate::views::correct::event_corrections(c, d, id)}
    }
}

fn place_details(c: Ctx, d: &Data, id: PlaceId) -> impl IntoView + use<> {
    let p = &d.model.places[id as usize];
    let events: Vec<EventId> = d.model.events.iter().filter(|e| e.place == Some(id)).map(|e| e.id).collect();
    view! {
        <h2 class="title k-place">{p.name.clone()}</h2>
        <p class="muted">{format!("{:?} · {} mentions", p.kind, p.mention_count).to_lowercase()}</p>
        <table class="facts">
            {row("Coordinates", p.lat.zip(p.lon).map(|(la, lo)| format!("{la:.3}, {lo:.3} ({} precision)", p.precision.unwrap_or("unknown"))))}
        </table>
        {p.country.map(|country| view! { <p>"In: " {actor_link(c, d, country)}</p> })}
        {(!events.is_empty()).then(|| view! { <h3>"Events here"</h3><ul class="plain">{events.iter().map(|&e| view! { <li>{event_link(c, d, e)}</li> }).collect_view()}</ul> })}
    }
}
