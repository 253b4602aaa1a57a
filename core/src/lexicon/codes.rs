//! CAMEO event codes with their GDELT name, Goldstein value and quad class, and the PLOVER
//! type, mode and context of the CAMEO→PLOVER crosswalk (data/cameo/event_codes.tsv).

use rustc_hash::FxHashMap;
use serde::Serialize;

/// GDELT's quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Quad {
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

impl Quad {
    pub fn from_number(n: u8) -> Option<Quad> {
        match n {
            1 => Some(Quad::VerbalCooperation),
            2 => Some(Quad::MaterialCooperation),
            3 => Some(Quad::VerbalConflict),
            4 => Some(Quad::MaterialConflict),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Quad::VerbalCooperation => "verbal cooperation",
            Quad::MaterialCooperation => "material cooperation",
            Quad::VerbalConflict => "verbal conflict",
            Quad::MaterialConflict => "material conflict",
        }
    }
    /// Quad class of a CAMEO root code (01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4).
    pub fn of_root(root: u8) -> Option<Quad> {
        match root {
            1..=5 => Some(Quad::VerbalCooperation),
            6..=9 => Some(Quad::MaterialCooperation),
            10..=14 => Some(Quad::VerbalConflict),
            15..=20 => Some(Quad::MaterialConflict),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad: Quad,
    pub plover: String,
    pub plover_mode: String,
    pub plover_context: String,
}

#[derive(Debug, Default)]
pub struct EventCodes {
    by_code: FxHashMap<String, CameoCode>,
}

impl EventCodes {
    pub fn parse(tsv: &str) -> EventCodes {
        let by_code = tsv
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let c: Vec<&str> = l.split('\t').collect();
                let quad = Quad::from_number(c.get(3)?.trim().parse().ok()?)?;
                Some((
                    c[0].to_string(),
                    CameoCode {
                        code: c[0].to_string(),
                        name: c[1].to_string(),
                        goldstein: c[2].parse().ok()?,
                        quad,
                        plover: c.get(4).unwrap_or(&"").to_string(),
                        plover_mode: c.get(5).unwrap_or(&"").to_string(),
                        plover_context: c.get(6).unwrap_or(&"").to_string(),
                    },
                ))
            })
            .collect();
        EventCodes { by_code }
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.by_code.get(code)
    }

    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}
