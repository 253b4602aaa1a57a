//! Named-entity scoring shared by re3d and GUM, and by Entente and spaCy: one scorer for all.
//!
//! Spans are byte offsets into the ingested text (`Document::text`). Before any comparison,
//! gold and predicted spans alike are trimmed of surrounding whitespace, of a leading
//! "the "/"The " and of a trailing possessive "'s"/"’s" (the gold sets disagree on these,
//! e.g. GUM's mention "Labour's" or re3d's "the Kurdish YPG"), then deduplicated.
//! - strict: same span and same class;
//! - lenient: the spans overlap and the class is the same; each gold and each prediction is
//!   used at most once, pairs taken greedily by overlap length (longest first).

use super::Score;
use entente_core::document::Document;
use entente_core::extract::ner::EntityClass;
use entente_core::ingest::{Format, Source, ingest};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Per,
    Org,
    Loc,
}

pub const CLASSES: [Class; 3] = [Class::Per, Class::Org, Class::Loc];

impl Class {
    pub fn label(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Org => "ORG",
            Class::Loc => "LOC",
        }
    }
    pub fn parse(s: &str) -> Option<Class> {
        CLASSES.into_iter().find(|c| c.label() == s)
    }
    pub fn of(c: EntityClass) -> Class {
        match c {
            EntityClass::Person => Class::Per,
            EntityClass::Organization => Class::Org,
            EntityClass::Location => Class::Loc,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ent {
    pub start: usize,
    pub end: usize,
    pub class: Class,
}

/// One evaluation document: the ingested text and its gold entities (byte offsets).
pub struct NerDoc {
    pub id: String,
    pub doc: Document,
    pub gold: Vec<Ent>,
}

/// A dataset ready to score, with what was noticed while reading it.
pub struct NerSet {
    pub name: &'static str,
    pub docs: Vec<NerDoc>,
    pub notes: Vec<String>,
}

/// How a gold file counts characters.
#[derive(Debug, Clone, Copy)]
pub enum Unit {
    /// UTF-16 code units (Java, JavaScript).
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    Scalar,
}

/// Ingests `text` as the CLI would a .txt file, and maps offsets counted in `unit` on the
/// original text to byte offsets in `Document::text` (`map[i]`, `i` up to the length in units).
/// Ingest strips a BOM and turns "\r\n" and "\r" into "\n"; the map follows that, and any other
/// difference is an error rather than silently shifted offsets.
pub fn ingest_mapped(name: &str, text: &str, unit: Unit) -> Result<(Document, Vec<usize>), String> {
    let doc = ingest(
        Source {
            name,
            bytes: text.as_bytes(),
        },
        Format::Text,
    )
    .map_err(|e| format!("{name}: {e}"))?;
    let mut normal = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut chars = text.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let width = match unit {
            Unit::Utf16 => c.len_utf16(),
            Unit::Scalar => 1,
        };
        map.extend(std::iter::repeat_n(normal.len(), width));
        match c {
            '\u{FEFF}' if first => {}
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => normal.push('\n'),
            c => normal.push(c),
        }
        first = false;
    }
    map.push(normal.len());
    if normal != doc.text {
        return Err(format!(
            "{name}: the ingested text differs from the source beyond newline normalisation; offsets cannot be mapped"
        ));
    }
    Ok((doc, map))
}

/// The span as compared: trimmed, without a leading "the " or a trailing "'s"; `None` if empty.
pub fn clean(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let (mut s, mut e) = (start, end);
    let trim = |s: &mut usize, e: &mut usize| {
        let t = &text[*s..*e];
        *s += t.len() - t.trim_start().len();
        *e = *s + t.trim().len();
    };
    trim(&mut s, &mut e);
    if let Some(rest) = ["the ", "The ", "THE "].iter().find_map(|p| text[s..e].strip_prefix(p)) {
        s = e - rest.len();
    }
    if let Some(rest) = ["'s", "’s"].iter().find_map(|p| text[s..e].strip_suffix(p)) {
        e = s + rest.len();
    }
    trim(&mut s, &mut e);
    (s < e).then_some((s, e))
}

/// Cleans and deduplicates entities; those whose span is out of range or off a character
/// boundary are dropped and counted.
pub fn prepare(text: &str, ents: impl IntoIterator<Item = Ent>) -> (Vec<Ent>, usize) {
    let mut invalid = 0;
    let mut out: Vec<Ent> = Vec::new();
    for e in ents {
        if e.start > e.end || e.end > text.len() || !text.is_char_boundary(e.start) || !text.is_char_boundary(e.end) {
            invalid += 1;
            continue;
        }
        if let Some((start, end)) = clean(text, e.start, e.end) {
            out.push(Ent {
                start,
                end,
                class: e.class,
            });
        }
    }
    out.sort();
    out.dedup();
    (out, invalid)
}

/// Strict and lenient counts per class (in `CLASSES` order).
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub strict: [Score; 3],
    pub lenient: [Score; 3],
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        for i in 0..3 {
            for (a, b) in [(&mut self.strict[i], o.strict[i]), (&mut self.lenient[i], o.lenient[i])] {
                a.tp += b.tp;
                a.fp += b.fp;
                a.fn_ += b.fn_;
            }
        }
    }
}

pub fn micro(scores: &[Score; 3]) -> Score {
    scores.iter().fold(Score::default(), |a, s| Score {
        tp: a.tp + s.tp,
        fp: a.fp + s.fp,
        fn_: a.fn_ + s.fn_,
    })
}

/// What went wrong in one document, as indices into gold and predictions.
#[derive(Debug, Default)]
pub struct DocErrors {
    /// Gold with no overlapping prediction of its class.
    pub missed: Vec<usize>,
    /// Predictions with no overlapping gold of their class.
    pub spurious: Vec<usize>,
    /// (gold, prediction) matched leniently but not strictly.
    pub boundary: Vec<(usize, usize)>,
}

/// Scores prepared (clean, deduplicated) gold and predictions of one document.
pub fn score_doc(gold: &[Ent], pred: &[Ent]) -> (Counts, DocErrors) {
    let mut c = Counts::default();
    for (k, class) in CLASSES.into_iter().enumerate() {
        let g = gold.iter().filter(|e| e.class == class).count();
        let p = pred.iter().filter(|e| e.class == class).count();
        let tp = pred.iter().filter(|e| e.class == class && gold.contains(e)).count();
        c.strict[k] = Score {
            tp,
            fp: p - tp,
            fn_: g - tp,
        };
    }
    // Lenient: greedy one-to-one matching by overlap length.
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let overlap = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            if g.class == p.class && overlap > 0 {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut g_used, mut p_used) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut errors = DocErrors::default();
    for (_, gi, pi) in pairs {
        if !g_used[gi] && !p_used[pi] {
            g_used[gi] = true;
            p_used[pi] = true;
            if gold[gi] != pred[pi] {
                errors.boundary.push((gi, pi));
            }
        }
    }
    for (k, class) in CLASSES.into_iter().enumerate() {
        let tp = (0..gold.len()).filter(|&i| g_used[i] && gold[i].class == class).count();
        let g = gold.iter().filter(|e| e.class == class).count();
        let p = pred.iter().filter(|e| e.class == class).count();
        c.lenient[k] = Score {
            tp,
            fp: p - tp,
            fn_: g - tp,
        };
    }
    errors.missed = (0..gold.len()).filter(|&i| !g_used[i]).collect();
    errors.spurious = (0..pred.len()).filter(|&i| !p_used[i]).collect();
    (c, errors)
}

/// `P 0.xxx R 0.xxx F1 0.xxx`
pub fn prf(s: &Score) -> String {
    format!("P {:.3} R {:.3} F1 {:.3}", s.precision(), s.recall(), s.f1())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, class: Class) -> Ent {
        Ent { start, end, class }
    }

    #[test]
    fn clean_drops_article_possessive_and_space() {
        let t = "the Kurdish YPG's  ";
        assert_eq!(clean(t, 0, t.len()), Some((4, 15)));
        assert_eq!(clean(t, 3, 4), None);
        assert_eq!(clean("The Hague", 0, 9), Some((4, 9)));
    }

    #[test]
    fn maps_utf16_and_crlf_to_bytes() {
        let text = "A\r\n😀 Zoë said so.";
        let (doc, map) = ingest_mapped("t.txt", text, Unit::Utf16).unwrap();
        // "Zoë" starts after A, \r, \n, two surrogates and a space: unit 6.
        assert_eq!(&doc.text[map[6]..map[9]], "Zoë");
        let (doc, map) = ingest_mapped("t.txt", text, Unit::Scalar).unwrap();
        assert_eq!(&doc.text[map[5]..map[8]], "Zoë");
    }

    #[test]
    fn strict_and_lenient_are_one_to_one() {
        let gold = [e(0, 10, Class::Per), e(20, 30, Class::Org)];
        let pred = [
            e(0, 10, Class::Per),
            e(2, 8, Class::Per),
            e(22, 30, Class::Org),
            e(40, 45, Class::Loc),
        ];
        let (c, err) = score_doc(&gold, &pred);
        assert_eq!(c.strict[0], Score { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(c.lenient[0], Score { tp: 1, fp: 1, fn_: 0 });
        assert_eq!(c.strict[1], Score { tp: 0, fp: 1, fn_: 1 });
        assert_eq!(c.lenient[1], Score { tp: 1, fp: 0, fn_: 0 });
        assert_eq!(c.lenient[2], Score { tp: 0, fp: 1, fn_: 0 });
        assert_eq!(err.boundary, vec![(1, 2)]);
        assert_eq!(err.spurious, vec![1, 3]);
    }
}
