//! The actor dictionary compiled from Phoenix (data/lexicon/actors.tsv) and the agent
//! (sector noun) dictionary (data/lexicon/agents.tsv).

use serde::Serialize;

/// What kind of actor a dictionary entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DictKind {
    Igo,
    Ngo,
    Company,
    Media,
    Group,
    Person,
    /// A state institution ("United States Congress").
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictActor {
    pub kind: DictKind,
    pub code: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Last day the code was valid (yyyymmdd), when the dictionary says it ended.
    pub until: Option<u32>,
}

pub fn parse(tsv: &str) -> Vec<DictActor> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let kind = match cols.next()? {
                "igo" => DictKind::Igo,
                "ngo" => DictKind::Ngo,
                "company" => DictKind::Company,
                "media" => DictKind::Media,
                "group" => DictKind::Group,
                "person" => DictKind::Person,
                "body" => DictKind::Body,
                _ => return None,
            };
            let code = cols.next()?.to_string();
            let name = cols.next()?.to_string();
            let aliases = cols
                .next()
                .unwrap_or("")
                .split('|')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let until = cols.next().and_then(|s| s.parse().ok());
            Some(DictActor {
                kind,
                code,
                name,
                aliases,
                until,
            })
        })
        .collect()
}

/// (phrase, sector code) pairs.
pub fn parse_agents(tsv: &str) -> Vec<(String, String)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(p, s)| (p.to_string(), s.trim().to_string())))
        .collect()
}
