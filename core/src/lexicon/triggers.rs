//! Entente's own event triggers (data/lexicon/event_triggers.tsv): verbs and nouns of
//! international news with their CAMEO and PLOVER coding, taking precedence over the CAMEO verb
//! dictionary, and saying so when CAMEO has no code.

use super::verbs::inflections;
use rustc_hash::FxHashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Verb,
    Noun,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TriggerDef {
    pub pos: Pos,
    pub lemma: String,
    /// A word that must follow within the clause ("withdraw from", "strike down").
    pub particle: Option<String>,
    pub cameo: Option<String>,
    /// The closest CAMEO code when `cameo` is `None`.
    pub nearest: Option<String>,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub context: Option<String>,
    pub needs_recipient: bool,
    pub note: Option<String>,
}

#[derive(Debug, Default)]
pub struct Triggers {
    /// Single-word forms → definitions.
    by_form: FxHashMap<String, Vec<TriggerDef>>,
    /// Two-word noun forms ("missile tests") keyed by their first word.
    pairs: FxHashMap<String, Vec<(String, TriggerDef)>>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

impl Triggers {
    pub fn parse(tsv: &str) -> Triggers {
        let mut t = Triggers::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 9 {
                continue;
            }
            let pos = if c[0] == "verb" { Pos::Verb } else { Pos::Noun };
            for form in c[1].split('|') {
                let def = TriggerDef {
                    pos,
                    lemma: form.to_string(),
                    particle: opt(c[2]),
                    cameo: opt(c[3]),
                    nearest: opt(c[4]),
                    plover: opt(c[5]),
                    mode: opt(c[6]),
                    context: opt(c[7]),
                    needs_recipient: c[8].trim() != "no",
                    note: c.get(9).and_then(|s| opt(s)),
                };
                let forms = if pos == Pos::Verb {
                    inflections(form)
                } else {
                    vec![form.to_lowercase()]
                };
                for f in forms {
                    match f.split_once(' ') {
                        Some((first, second)) => t
                            .pairs
                            .entry(first.to_string())
                            .or_default()
                            .push((second.to_string(), def.clone())),
                        None => t.by_form.entry(f).or_default().push(def.clone()),
                    }
                }
            }
        }
        t
    }

    /// Every single-word form that has a definition.
    pub fn single_forms(&self) -> impl Iterator<Item = &str> {
        self.by_form
            .iter()
            .filter(|(_, defs)| !defs.is_empty())
            .map(|(f, _)| f.as_str())
    }

    /// Every first word of a two-word trigger.
    pub fn pair_starts(&self) -> impl Iterator<Item = &str> {
        self.pairs
            .iter()
            .filter(|(_, defs)| !defs.is_empty())
            .map(|(f, _)| f.as_str())
    }

    pub fn single(&self, lower: &str) -> &[TriggerDef] {
        self.by_form.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Two-word triggers starting with `first` whose second word is `second`.
    pub fn pair(&self, first: &str, second: &str) -> Option<&TriggerDef> {
        self.pairs.get(first)?.iter().find(|(s, _)| s == second).map(|(_, d)| d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_triggers_parse() {
        let t = Triggers::parse(include_str!("../../../data/lexicon/event_triggers.tsv"));
        let join = &t.single("joined")[0];
        assert_eq!(join.cameo, None);
        assert_eq!(join.nearest.as_deref(), Some("057"));
        assert_eq!(t.single("cyberattacks")[0].plover.as_deref(), Some("COERCE"));
        assert_eq!(t.pair("missile", "tests").unwrap().cameo.as_deref(), Some("150"));
        assert!(t.single("withdrew").iter().any(|d| d.particle.as_deref() == Some("from")));
    }
}
