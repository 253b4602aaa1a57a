//! GUM news: `gum_news_entities.tsv` (doc, split, start, end, mention_text, etype, identity,
//! all_tokens_propn, contains_propn) over `text/<doc>.txt`. `start`/`end` are Python string
//! indices (Unicode scalars, `end` exclusive); they agree with `mention_text`.
//!
//! GUM annotates every mention, pronouns and common nouns included ("the team", "she"). A
//! NER system only finds names, so the gold keeps the mentions with `contains_propn` = True
//! whose etype is person → PER, organization → ORG, place → LOC. That still keeps long
//! descriptions around a name ("celebrity guests like Stan Lee, ...") and nested mentions,
//! which a flat tagger cannot all match strictly.

use super::ner_score::{Class, Ent, NerDoc, NerSet, Unit, ingest_mapped};
use std::collections::HashMap;
use std::path::Path;

fn class_of(t: &str) -> Option<Class> {
    match t {
        "person" => Some(Class::Per),
        "organization" => Some(Class::Org),
        "place" => Some(Class::Loc),
        _ => None,
    }
}

pub fn load(dir: &Path) -> Result<NerSet, String> {
    let tsv = dir.join("gum_news_entities.tsv");
    let table = std::fs::read_to_string(&tsv).map_err(|e| format!("{}: {e}", tsv.display()))?;
    let mut lines = table.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{}: no column {name}", tsv.display()))
    };
    let (c_doc, c_start, c_end, c_text, c_type, c_propn) = (
        col("doc")?,
        col("start")?,
        col("end")?,
        col("mention_text")?,
        col("etype")?,
        col("contains_propn")?,
    );
    // Every text, including any without a named mention (its predictions still count).
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("text"))
        .map_err(|e| format!("{}: {e}", dir.join("text").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut docs: Vec<NerDoc> = Vec::new();
    let mut maps: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for path in &paths {
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let (doc, map) = ingest_mapped(&id, &text, Unit::Scalar)?;
        index.insert(id.clone(), docs.len());
        docs.push(NerDoc {
            id,
            doc,
            gold: Vec::new(),
        });
        maps.push(map);
    }
    let (mut candidates, mut kept, mut mismatched) = (0, 0, Vec::new());
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < header.len() {
            return Err(format!(
                "{} line {}: {} fields, expected {}",
                tsv.display(),
                n + 2,
                f.len(),
                header.len()
            ));
        }
        let Some(class) = class_of(f[c_type]) else { continue };
        candidates += 1;
        if f[c_propn] != "True" {
            continue;
        }
        let Some(&d) = index.get(f[c_doc]) else {
            return Err(format!("{} line {}: no text/{}.txt", tsv.display(), n + 2, f[c_doc]));
        };
        let parse = |s: &str| {
            s.parse::<usize>()
                .map_err(|e| format!("{} line {}: {s:?}: {e}", tsv.display(), n + 2))
        };
        let (b, e) = (parse(f[c_start])?, parse(f[c_end])?);
        if b >= e || e >= maps[d].len() {
            return Err(format!(
                "{} line {}: offsets {b}..{e} outside {}",
                tsv.display(),
                n + 2,
                f[c_doc]
            ));
        }
        let (start, end) = (maps[d][b], maps[d][e]);
        if docs[d].doc.text[start..end] != *f[c_text] {
            mismatched.push(format!(
                "{} {b}..{e}: {:?} but text {:?}",
                f[c_doc],
                f[c_text],
                &docs[d].doc.text[start..end]
            ));
        }
        docs[d].gold.push(Ent { start, end, class });
        kept += 1;
    }
    let mut notes = vec![format!(
        "{} documents; {kept} of {candidates} person/organization/place mentions kept (contains_propn = True)",
        docs.len()
    )];
    if !mismatched.is_empty() {
        notes.push(format!(
            "{} mention_texts differ from the text at their offsets, e.g. {}",
            mismatched.len(),
            mismatched[0]
        ));
    }
    Ok(NerSet {
        name: "gum",
        docs,
        notes,
    })
}
