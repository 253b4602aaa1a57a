//! `entente-cli mentions FILE`: prints each sentence with the mentions found in it.

use entente_core::extract::events::document_events;
use entente_core::extract::mentions::{Referent, sentence_mentions};
use entente_core::extract::resolve::{is_live, resolve};
use entente_core::extract::view::TokenView;
use entente_core::ingest::{Format, Source, ingest};
use entente_core::lexicon::lexicon;
use entente_core::text::{split_sentences, tokenize};

pub fn mentions(path: &str) -> Result<(), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let doc = ingest(
        Source {
            name: path,
            bytes: &bytes,
        },
        Format::Text,
    )
    .map_err(|e| format!("{path}: {e}"))?;
    let lex = lexicon();
    let tokens = tokenize(&doc.text);
    let sentences = split_sentences(&doc.text, &tokens, &doc.blocks);
    let v = TokenView::new(&doc.text, tokens, sentences, doc.blocks.iter().map(|b| b.kind).collect(), lex);
    let mut all = Vec::new();
    for s in 0..v.sentences.len() {
        let block = doc.blocks[v.sentences[s].block].kind;
        println!("\n[{s}] {}", &doc.text[v.sentences[s].span.range()]);
        let found = sentence_mentions(&v, lex, s, block);
        all.extend(found.iter().cloned());
        for m in found {
            let what = match &m.referent {
                Referent::Country { country, form } => format!("country {} ({form:?})", lex.countries[*country as usize].iso3),
                Referent::Dict(d) => {
                    let a = &lex.dictionary[*d as usize];
                    format!("dict {:?} {} {}", a.kind, a.code, a.name)
                }
                Referent::Sector { country, sector } => format!(
                    "sector {}{}",
                    country.map_or("---".into(), |c| lex.countries[c as usize].iso3.clone()),
                    lex.sectors[*sector as usize]
                ),
                other => format!("{other:?}"),
            };
            let extra = [
                m.country.map(|c| format!("country={}", lex.countries[c as usize].iso3)),
                m.sector.map(|s| format!("sector={}", lex.sectors[s as usize])),
                m.alias.as_ref().map(|a| format!("alias={a}")),
            ];
            let extra: Vec<String> = extra.into_iter().flatten().collect();
            println!(
                "    {:<40} {:?} {} {}",
                v.slice(m.tokens.clone()),
                m.role,
                what,
                extra.join(" ")
            );
        }
    }
    let res = resolve(&v, lex, all);
    println!("\n== entities");
    for (i, e) in res.entities.iter().enumerate().filter(|(_, e)| is_live(e)) {
        let forms: Vec<String> = res
            .mentions
            .iter()
            .filter(|r| r.entity == Some(i))
            .map(|r| format!("{}:{}", r.mention.sentence, v.slice(r.mention.tokens.clone())))
            .collect();
        println!(
            "{i:>3} {:?} names={:?} acr={:?} country={:?} sector={:?} owner={:?} role={:?}\n      {}",
            e.kind,
            e.names,
            e.acronym,
            e.country.map(|c| lex.countries[c as usize].iso3.clone()),
            e.sector.map(|s| lex.sectors[s as usize].clone()),
            e.owner,
            e.role,
            forms.join(" | ")
        );
    }
    println!("\n== events");
    let name = |e: usize| res.entities[e].names.first().cloned().unwrap_or_default();
    for e in document_events(&v, lex, &res) {
        println!(
            "[{}] {} -> {} | {} ({}) cameo={:?} nearest={:?} plover={:?} {:?} {:?} source={:?}",
            e.sentence,
            name(e.actor),
            e.recipient.map(name).unwrap_or("-".into()),
            v.slice(e.trigger.clone()),
            e.lemma,
            e.coding.cameo,
            e.coding.nearest,
            e.coding.plover,
            e.modality,
            e.polarity,
            e.source.map(name)
        );
    }
    Ok(())
}
