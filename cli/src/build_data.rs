//! `entente-cli build-data`: compiles the Phoenix/PETRARCH dictionaries and the CAMEO tables in
//! ../shared/data into the compact files under data/ that the core embeds.
//! The output is committed; rerun this only when the sources or the rules here change.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

type Result<T> = std::result::Result<T, String>;

fn read(path: &Path) -> Result<String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn write(path: &Path, text: &str) -> Result<()> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!(
        "wrote {} ({} bytes, {} lines)",
        path.display(),
        text.len(),
        text.lines().count()
    );
    Ok(())
}

pub fn run(shared: &Path, out: &Path) -> Result<()> {
    let phoenix = shared.join("data/cameo/phoenix");
    let actors = compile_actors(&[
        read(&phoenix.join("Phoenix.International.actors.txt"))?,
        read(&phoenix.join("Phoenix.MilNonState.actors.txt"))?,
        read(&phoenix.join("Phoenix.Countries.actors.txt"))?,
    ]);
    write(&out.join("lexicon/actors.tsv"), &actors)?;
    write(
        &out.join("lexicon/agents.tsv"),
        &compile_agents(&read(&phoenix.join("Phoenix.agents.txt"))?),
    )?;
    write(
        &out.join("lexicon/verbs.txt"),
        &compile_verbs(&read(&phoenix.join("CAMEO.2.0.txt"))?),
    )?;
    let events = compile_event_codes(
        &read(&shared.join("data/cameo/cameo_eventcodes_merged.tsv"))?,
        &read(&shared.join("eval/plover/CAMEO2PLOVER-2021.txt"))?,
    );
    write(&out.join("cameo/event_codes.tsv"), &events)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Actors

/// One dictionary entry: its names and the codes with their validity.
#[derive(Default)]
struct Entry {
    names: Vec<String>,
    codes: Vec<(String, Option<u32>, Option<u32>)>, // code, from, until (yyyymmdd)
    person: bool,
}

/// "VLADIMIR_V._PUTIN_" → "VLADIMIR V. PUTIN"; refuses names using PETRARCH substitution syntax.
fn clean_name(raw: &str) -> Option<String> {
    let s = raw.trim().trim_start_matches('+');
    if s.is_empty() || s.contains(['!', '&', '{', '}', '[', ']', '^', '$', '%', '=']) {
        return None;
    }
    let s = s.replace('_', " ");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (s.chars().any(char::is_alphabetic)).then_some(s)
}

/// PETRARCH date "yymmdd" or "yyyymmdd" → yyyymmdd (two-digit years pivot at 30).
fn parse_date(s: &str) -> Option<u32> {
    let s = s.trim();
    match s.len() {
        6 => {
            let yy: u32 = s[..2].parse().ok()?;
            let year = if yy < 30 { 2000 + yy } else { 1900 + yy };
            Some(year * 10_000 + s[2..].parse::<u32>().ok()?)
        }
        7 => parse_date(&s[1..]), // a known typo form ("2004017")
        8 => s.parse().ok(),
        _ => None,
    }
}

/// Parses "[KORGOV 070501-080731]" etc. into (code, from, until).
fn parse_codes(line: &str) -> Vec<(String, Option<u32>, Option<u32>)> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']') else { break };
        let inner = rest[open + 1..open + close].trim();
        rest = &rest[open + close + 1..];
        let mut parts = inner.split_whitespace();
        let Some(code) = parts.next() else { continue };
        if code.starts_with('~') || code == "---" || !code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let range = parts.next().unwrap_or("");
        let (from, until) = if let Some(d) = range.strip_prefix('>') {
            (parse_date(d), None)
        } else if let Some(d) = range.strip_prefix('<') {
            (None, parse_date(d))
        } else if let Some((a, b)) = range.split_once('-') {
            (parse_date(a), parse_date(b))
        } else {
            (None, None)
        };
        out.push((code.to_string(), from, until));
    }
    out
}

fn parse_actor_file(text: &str, entries: &mut Vec<Entry>) {
    let mut current: Option<Entry> = None;
    for raw in text.lines() {
        let (line, comment) = raw.split_once('#').unwrap_or((raw, ""));
        if line.trim().is_empty() {
            if let Some(e) = current.as_mut() {
                e.person |= comment.contains("CountryInfo") || comment.contains("rulers");
            }
            continue;
        }
        let first = line.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            if let Some(e) = current.as_mut() {
                e.codes.extend(parse_codes(line));
            }
            continue;
        }
        let name_part = line.split('[').next().unwrap_or("");
        if first == '+' {
            if let Some(e) = current.as_mut() {
                e.names.extend(name_part.split_whitespace().take(1).filter_map(clean_name));
                e.codes.extend(parse_codes(line));
            }
            continue;
        }
        if let Some(done) = current.take() {
            entries.push(done);
        }
        let mut e = Entry {
            person: comment.contains("CountryInfo") || comment.contains("rulers"),
            ..Entry::default()
        };
        // A name may have a tab-separated qualifier ("OSMAN_OLCAY\t_TURKEY_"): keep the first field.
        if let Some(name) = name_part.split('\t').next().and_then(clean_name) {
            e.names.push(name);
        }
        e.codes.extend(parse_codes(line));
        current = Some(e);
    }
    entries.extend(current);
}

/// The code an actor has now: an open-ended one if any, else the one valid last.
fn current_code(codes: &[(String, Option<u32>, Option<u32>)]) -> Option<(&str, Option<u32>)> {
    codes
        .iter()
        .max_by_key(|(_, from, until)| (until.is_none(), until.unwrap_or(0), from.unwrap_or(0)))
        .map(|(c, _, until)| (c.as_str(), *until))
}

/// Words that mark a dictionary name as an institution rather than a person.
const INSTITUTION_WORDS: [&str; 36] = [
    "MINISTRY",
    "COUNCIL",
    "PARTY",
    "ARMY",
    "COURT",
    "BANK",
    "COMPANY",
    "AGENCY",
    "COMMITTEE",
    "FORCES",
    "POLICE",
    "GOVERNMENT",
    "OFFICE",
    "DEPARTMENT",
    "ASSEMBLY",
    "PARLIAMENT",
    "CONGRESS",
    "SERVICE",
    "COMMISSION",
    "FRONT",
    "MOVEMENT",
    "NAVY",
    "GUARD",
    "UNION",
    "MILITARY",
    "STATES",
    "NATIONAL",
    "REPUBLIC",
    "FEDERAL",
    "CENTRAL",
    "ARMED",
    "ROYAL",
    "AIR",
    "SECURITY",
    "INTELLIGENCE",
    "MARINES",
];

fn looks_like_person(name: &str, code: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    code.len() > 3
        && (2..=4).contains(&words.len())
        && !words
            .iter()
            .any(|w| INSTITUTION_WORDS.contains(w) || *w == "OF" || *w == "THE")
}

fn actor_kind(code: &str, person: bool) -> &'static str {
    if person {
        return "person";
    }
    match code.get(..3) {
        Some("IGO") => "igo",
        Some("NGO") | Some("NGM") => "ngo",
        Some("MNC") if code.ends_with("MED") => "media",
        Some("MNC") => "company",
        _ if code.ends_with("MED") => "media",
        _ if ["REB", "INS", "SEP", "UAF"].iter().any(|s| code.contains(s)) => "group",
        _ if code.len() > 3 => "body",
        _ => "other",
    }
}

/// Proper-cases an upper-case dictionary name: "NORTH ATLANTIC TREATY ORGANIZATION" →
/// "North Atlantic Treaty Organization"; short single words stay acronyms ("NATO").
fn display_name(name: &str) -> String {
    const SMALL: [&str; 9] = ["of", "the", "and", "for", "in", "on", "de", "to", "at"];
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() == 1 && name.len() <= 5 && !name.contains('.') {
        return name.to_string();
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else if w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()) && !w.chars().any(|c| "AEIOU".contains(c)) {
                w.to_string() // consonant-only tokens are acronyms ("BBC")
            } else {
                let mut out = String::new();
                let mut capital = true;
                for c in lower.chars() {
                    if capital && c.is_alphabetic() {
                        out.extend(c.to_uppercase());
                        capital = false;
                    } else {
                        out.push(c);
                    }
                    if matches!(c, '-' | '.' | '\'' | '(') {
                        capital = true;
                    }
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// People whose last role ended before this date are left out: news about them is history.
const PERSON_CUTOFF: u32 = 2010_01_01;

fn compile_actors(files: &[String]) -> String {
    let mut entries = Vec::new();
    for f in files {
        parse_actor_file(f, &mut entries);
    }
    let mut out = String::from("# kind\tcode\tname\taliases (|)\tcode valid until (yyyymmdd, empty = open)\n");
    out.push_str("# Compiled by `entente-cli build-data` from the Phoenix dictionaries of openeventdata/petrarch2 (MIT, see data/lexicon/SOURCE.txt).\n");
    let mut seen = BTreeSet::new();
    let mut kept = 0;
    for e in entries {
        let Some((code, until)) = current_code(&e.codes) else {
            continue;
        };
        if e.names.is_empty() {
            continue;
        }
        // Country headers ("SOUTH_KOREA_ [KOR]") come from data/countries instead.
        if code.len() == 3 && !code.starts_with("IGO") && !e.person {
            continue;
        }
        let person = e.person
            || (!code.starts_with("IGO")
                && !code.starts_with("NGO")
                && !code.starts_with("MNC")
                && looks_like_person(&e.names[0], code));
        let kind = actor_kind(code, person);
        if kind == "person" && until.is_some_and(|u| u < PERSON_CUTOFF) {
            continue;
        }
        let mut names: Vec<String> = Vec::new();
        for n in &e.names {
            // Single-word person aliases ("PUTIN") are resolved from full names in context instead.
            if kind == "person" && !n.contains(' ') {
                continue;
            }
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        let Some(first) = names.first() else { continue };
        if !seen.insert((first.clone(), code.to_string())) {
            continue;
        }
        let aliases: Vec<String> = names[1..].iter().map(|n| display_name(n)).collect();
        let until = until.map_or(String::new(), |u| u.to_string());
        let _ = writeln!(out, "{kind}\t{code}\t{}\t{}\t{until}", display_name(first), aliases.join("|"));
        kept += 1;
    }
    eprintln!("actors: {kept} entries");
    out
}

// ---------------------------------------------------------------------------------------------
// Agents (sector nouns)

fn plural(word: &str) -> String {
    let w = word;
    if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
        format!("{}IES", &w[..w.len() - 1])
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with("ch")
        || w.ends_with("sh")
        || w.ends_with('S')
        || w.ends_with('X')
        || w.ends_with("CH")
        || w.ends_with("SH")
    {
        format!("{w}ES")
    } else if w.ends_with('Y') && !w.ends_with("AY") && !w.ends_with("EY") && !w.ends_with("OY") {
        format!("{}IES", &w[..w.len() - 1])
    } else if w.ends_with("MAN") {
        format!("{}MEN", &w[..w.len() - 3])
    } else {
        format!("{w}S")
    }
}

fn compile_agents(text: &str) -> String {
    let mut subs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut rows: BTreeMap<String, String> = BTreeMap::new();
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some((name, values)) = line.split_once('=').filter(|_| line.starts_with('!')) {
            subs.insert(
                name.trim().to_string(),
                values.split(',').map(|v| v.trim().to_string()).collect(),
            );
            continue;
        }
        let Some(open) = line.find("[~") else { continue };
        let code = line[open + 2..].split(']').next().unwrap_or("").trim().to_string();
        if code.is_empty() {
            continue;
        }
        let head = line[..open].trim();
        let (name, irregular) = match head.find('{') {
            Some(b) => (
                head[..b].trim(),
                head[b + 1..].trim_end_matches('}').split_whitespace().collect::<Vec<_>>(),
            ),
            None => (head, Vec::new()),
        };
        let mut forms: Vec<String> = Vec::new();
        match subs.iter().find(|(k, _)| name.contains(k.as_str())) {
            Some((k, values)) => forms.extend(values.iter().map(|v| name.replace(k.as_str(), v))),
            None => {
                forms.push(name.to_string());
                if irregular.is_empty() {
                    let trimmed = name.trim_end_matches('_');
                    let mut parts: Vec<&str> = trimmed.split('_').collect();
                    if let Some(last) = parts.pop() {
                        let p = plural(last);
                        parts.push(&p);
                        forms.push(parts.join("_"));
                    }
                }
                forms.extend(irregular.iter().map(|s| s.to_string()));
            }
        }
        for f in forms {
            if let Some(clean) = clean_name(&f) {
                // "EMBASSY_IN" is a pattern fragment, not a noun phrase: skip phrases ending in a function word.
                let last = clean.rsplit(' ').next().unwrap_or("").to_lowercase();
                if clean.contains(' ')
                    && ["in", "of", "the", "and", "for", "to", "on", "at", "ins", "ofs"].contains(&last.as_str())
                {
                    continue;
                }
                rows.entry(clean.to_lowercase()).or_insert_with(|| code.clone());
            }
        }
    }
    let mut out = String::from(
        "# phrase\tCAMEO sector code\n# Compiled by `entente-cli build-data` from Phoenix.agents.txt (openeventdata/petrarch2, MIT); regular plurals generated.\n",
    );
    for (phrase, code) in rows {
        let _ = writeln!(out, "{phrase}\t{code}");
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Verbs

/// The verb dictionary in a simpler line format the core reads:
///   `S NAME word|word...`        a synonym set (&NAME in patterns)
///   `B NAME CODE`                a verb block and its default code
///   `V CODE lemma[ particle] [irregular forms|...]`  a verb of the current block (CODE may be ---)
///   `P CODE pre... * post...`    a pattern of the current block; `(`, `)`, `{`, `}` removed,
///                                `+`/`$`/`^`/`%` (actor slots) removed
fn compile_verbs(text: &str) -> String {
    let mut out = String::from(
        "# Compiled by `entente-cli build-data` from CAMEO.2.0.txt (openeventdata/petrarch2, MIT). Format: see cli/src/build_data.rs.\n",
    );
    let mut in_sets = true;
    let mut set_name: Option<String> = None;
    let mut set_words: Vec<String> = Vec::new();
    let flush_set = |out: &mut String, name: &mut Option<String>, words: &mut Vec<String>| {
        if let Some(n) = name.take() {
            if !words.is_empty() {
                let _ = writeln!(out, "S {n} {}", words.join("|"));
            }
        }
        words.clear();
    };
    for raw in text.lines() {
        let line = raw.split('#').next().unwrap_or("").trim_end();
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with("---") {
            if in_sets {
                flush_set(&mut out, &mut set_name, &mut set_words);
                in_sets = false;
            }
            let inner: Vec<&str> = t.trim_matches('-').split_whitespace().collect();
            if let [name, code, ..] = inner.as_slice() {
                let _ = writeln!(out, "B {} {}", name, code.trim_matches(['[', ']']));
            }
            continue;
        }
        if in_sets {
            if let Some(name) = t.strip_prefix('&') {
                flush_set(&mut out, &mut set_name, &mut set_words);
                set_name = Some(name.trim_end_matches('_').to_string());
            } else if let Some(word) = t.strip_prefix('+') {
                set_words.push(word.trim().trim_end_matches('_').replace('_', " "));
            }
            continue;
        }
        if let Some(pattern) = t.strip_prefix('-') {
            let Some(open) = pattern.rfind('[') else { continue };
            let code = pattern[open + 1..].split([']', ':']).next().unwrap_or("---").trim();
            let body: String = pattern[..open].chars().filter(|c| !"(){}+$^%".contains(*c)).collect();
            let words: Vec<String> = body
                .split_whitespace()
                .map(|w| w.trim_end_matches('_').replace('_', " "))
                .filter(|w| !w.is_empty())
                .collect();
            if words.iter().any(|w| w == "*") && words.len() > 1 {
                let _ = writeln!(out, "P {code} {}", words.join(" "));
            }
            continue;
        }
        // A verb line: WORD or +PHRASAL_VERB, optional {forms}, optional [code].
        let code = t
            .find('[')
            .map(|i| t[i + 1..].split([']', ':']).next().unwrap_or("---").trim().to_string())
            .unwrap_or_else(|| "---".into());
        let head = t
            .split(['[', '{'])
            .next()
            .unwrap_or("")
            .trim()
            .trim_start_matches('+')
            .trim_end_matches('_');
        if head.is_empty() || head.contains(' ') {
            continue;
        }
        let irregular: Vec<String> = t
            .find('{')
            .map(|i| {
                t[i + 1..]
                    .split('}')
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .map(|w| w.trim_start_matches('+').trim_end_matches('_').replace('_', " "))
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "V {} {}{}",
            if code.is_empty() { "---" } else { &code },
            head.replace('_', " "),
            if irregular.is_empty() {
                String::new()
            } else {
                format!(" [{}]", irregular.join("|"))
            }
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Event codes

fn compile_event_codes(merged: &str, plover: &str) -> String {
    let mut crosswalk: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    for line in plover.lines() {
        let line = line.trim();
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let Some((code, rest)) = line.split_once(':') else { continue };
        let rest = rest.split('#').next().unwrap_or("");
        let mut parts = rest.split(',').map(str::trim);
        let event = parts.next().unwrap_or("").to_string();
        let mode = parts.next().unwrap_or("").to_string();
        let context = parts.next().unwrap_or("").to_string();
        crosswalk.insert(code.trim().to_string(), (event, mode, context));
    }
    let mut out = String::from("# code\tname\tgoldstein\tquad\tplover\tplover_mode\tplover_context\n");
    out.push_str("# Compiled by `entente-cli build-data` from cameo_eventcodes_merged.tsv (GDELT names and Goldstein values) and CAMEO2PLOVER-2021.txt (PLOVER, CC BY-SA 4.0).\n");
    for line in merged.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 {
            continue;
        }
        let code = cols[0];
        let name = if cols[3].is_empty() { cols[4] } else { cols[3] };
        let goldstein = cols[5];
        let quad = cols[7];
        // The crosswalk lists some codes only at a coarser level: fall back to the parent code.
        let (ev, mode, ctx) = (0..=code.len().saturating_sub(2))
            .map(|cut| &code[..code.len() - cut])
            .find_map(|c| crosswalk.get(c))
            .cloned()
            .unwrap_or_default();
        let _ = writeln!(out, "{code}\t{name}\t{goldstein}\t{quad}\t{ev}\t{mode}\t{ctx}");
    }
    out
}
