//! Countries with every code system users meet (ISO 3166 alpha-2/alpha-3/numeric, FIPS 10-4,
//! CAMEO) and the spellings news text uses for them (data/countries/countries.tsv).

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub isonum: String,
    pub fips: String,
    pub cameo: String,
    pub name: String,
    pub official: String,
    pub alt_names: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: String,
    pub capital_lat_lon: Option<(f64, f64)>,
}

/// Which spelling of a country a text used: the user sees the difference (a demonym is an
/// attribute, a capital may stand for the state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountryForm {
    Name,
    /// An alternative or official name ("Republic of Korea", "ROK").
    Alias,
    /// A code used as a name ("USA").
    Code,
    Demonym,
    Capital,
}

impl Country {
    /// Every spelling of the country with its form.
    pub fn spellings(&self) -> impl Iterator<Item = (CountryForm, &str)> {
        let name = std::iter::once((CountryForm::Name, self.name.as_str()));
        let official =
            (!self.official.is_empty() && self.official != self.name).then_some((CountryForm::Alias, self.official.as_str()));
        let alts = self.alt_names.iter().map(|a| (CountryForm::Alias, a.as_str()));
        let demonyms = self.demonyms.iter().map(|d| (CountryForm::Demonym, d.as_str()));
        let capital = (!self.capital.is_empty()).then_some((CountryForm::Capital, self.capital.as_str()));
        // "Washington, D.C." is "Washington" in running text.
        let short_capital = self
            .capital
            .split_once(',')
            .map(|(short, _)| (CountryForm::Capital, short.trim()));
        name.chain(official)
            .chain(alts)
            .chain(demonyms)
            .chain(capital)
            .chain(short_capital)
    }
}

pub fn parse(tsv: &str) -> Vec<Country> {
    let mut lines = tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header: Vec<&str> = lines.next().map(|h| h.split('\t').collect()).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let idx: Vec<Option<usize>> = [
        "iso2",
        "iso3",
        "isonum",
        "fips",
        "cameo",
        "name",
        "official",
        "alt_names",
        "demonyms",
        "capital",
        "lat",
        "lon",
    ]
    .iter()
    .map(|n| col(n))
    .collect();
    lines
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let get = |i: usize| idx[i].and_then(|c| cols.get(c)).map_or("", |s| s.trim());
            let list = |i: usize| {
                get(i)
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let lat_lon = get(10).parse().ok().zip(get(11).parse().ok());
            Country {
                iso2: get(0).into(),
                iso3: get(1).into(),
                isonum: get(2).into(),
                fips: get(3).into(),
                cameo: get(4).into(),
                name: get(5).into(),
                official: get(6).into(),
                alt_names: list(7),
                demonyms: list(8),
                capital: get(9).into(),
                capital_lat_lon: lat_lon,
            }
        })
        .collect()
}
