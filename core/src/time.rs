//! Calendar dates with an explicit precision, and parsing of the date forms news text uses.

use serde::Serialize;
use std::fmt;

/// A proleptic Gregorian calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// How much of a date the text actually states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date as stated: the first day of the stated period plus its precision
/// ("April 2019" is 2019-04-01 at month precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct StatedDate {
    pub date: Date,
    pub precision: Precision,
}

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

impl Date {
    /// A valid date, or `None` for impossible ones such as February 30.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|&n| day >= 1 && day <= n)
            .map(|_| Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        ((self.days_since_epoch() + 3).rem_euclid(7)) as u8
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for StatedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date;
        match self.precision {
            Precision::Day => write!(f, "{d}"),
            Precision::Month => write!(f, "{:04}-{:02}", d.year, d.month),
            Precision::Year => write!(f, "{:04}", d.year),
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Month number (1–12) of an English month name or its usual abbreviation ("Sept.", "Jan").
pub fn month_number(word: &str) -> Option<u8> {
    name_index(word, &MONTHS).map(|i| i as u8 + 1)
}

/// Weekday index (0 = Monday) of an English weekday name or abbreviation.
pub fn weekday_number(word: &str) -> Option<u8> {
    name_index(word, &WEEKDAYS).map(|i| i as u8)
}

/// Every lower-case spelling [`month_number`] or [`weekday_number`] accepts with at most one
/// final period: each name in full and cut to three or four letters, with and without the
/// period. The lexicon marks these words, so the extractor asks those functions only of the few
/// tokens that can be names of months or days.
pub fn calendar_forms() -> impl Iterator<Item = String> {
    MONTHS.iter().chain(&WEEKDAYS).flat_map(|name| {
        [3, 4.min(name.len()), name.len()]
            .into_iter()
            .flat_map(move |n| [name[..n].to_string(), format!("{}.", &name[..n])])
    })
}

/// Position in `names` (lower-case ASCII) of `word` written in full or cut to an abbreviation
/// of three or four letters, in any case and with or without a final period. Compares ASCII
/// case-insensitively instead of lower-casing a copy: the extractor asks this of every
/// capitalised word.
fn name_index(word: &str, names: &[&str]) -> Option<usize> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    // The first letter settles most names at the cost of one byte comparison.
    let first = w.as_bytes()[0].to_ascii_lowercase();
    names.iter().position(|n| {
        n.as_bytes()[0] == first
            && (n.eq_ignore_ascii_case(w) || (w.len() <= 4 && n.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))))
    })
}

/// Parses a whole string that is nothing but a full date, as found in article headers:
/// "Friday, June 2, 2023", "June 2, 2023", "2 June 2023", "2023-06-02", "Jun. 2, 2023".
/// A weekday that contradicts the date makes it fail: it is then not a reliable header.
pub fn parse_full_date(s: &str) -> Option<Date> {
    let s = s.trim().trim_end_matches('.');
    if let Some(d) = parse_iso(s) {
        return Some(d);
    }
    // At most four words (weekday, day, month, year): a longer line is read no further.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(5)
        .collect();
    if words.len() > 4 {
        return None;
    }
    let (weekday, rest) = match words.split_first() {
        Some((w, rest)) if weekday_number(w).is_some() => (weekday_number(w), rest),
        _ => (None, &words[..]),
    };
    let date = match rest {
        [m, d, y] if month_number(m).is_some() => Date::new(year(y)?, month_number(m)?, day(d)?),
        [d, m, y] if month_number(m).is_some() => Date::new(year(y)?, month_number(m)?, day(d)?),
        _ => None,
    }?;
    match weekday {
        Some(w) if w != date.weekday() => None,
        _ => Some(date),
    }
}

fn parse_iso(s: &str) -> Option<Date> {
    let s = s.get(..10).filter(|_| s.len() == 10 || s[10..].starts_with('T'))?;
    let mut it = s.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok())?
}

fn day(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 2nd, 21st
    (1..=2).contains(&digits.len()).then(|| digits.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_forms_hold_every_accepted_spelling() {
        let forms: Vec<String> = calendar_forms().collect();
        for name in MONTHS.iter().chain(&WEEKDAYS) {
            for n in 1..=name.len() {
                for word in [name[..n].to_string(), format!("{}.", &name[..n]), name[..n].to_uppercase()] {
                    if month_number(&word).is_some() || weekday_number(&word).is_some() {
                        assert!(forms.contains(&word.to_ascii_lowercase()), "{word}");
                    }
                }
            }
        }
    }

    #[test]
    fn epoch_round_trip_and_weekdays() {
        for days in [-800_000, -1, 0, 1, 19_000, 19_482, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        // 5 May 2022 was a Thursday; 2 June 2023 a Friday.
        assert_eq!(Date::new(2022, 5, 5).unwrap().weekday(), 3);
        assert_eq!(Date::new(2023, 6, 2).unwrap().weekday(), 4);
    }

    #[test]
    fn impossible_dates_are_refused() {
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 13, 1).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
    }

    #[test]
    fn header_dates() {
        let d = |y, m, d| Some(Date::new(y, m, d).unwrap());
        assert_eq!(parse_full_date("Friday, June 2, 2023"), d(2023, 6, 2));
        assert_eq!(parse_full_date("June 2, 2023"), d(2023, 6, 2));
        assert_eq!(parse_full_date("2 June 2023"), d(2023, 6, 2));
        assert_eq!(parse_full_date("Sept. 21, 2015"), d(2015, 9, 21));
        assert_eq!(parse_full_date("2023-06-02"), d(2023, 6, 2));
        assert_eq!(parse_full_date("2023-06-02T10:00:00Z"), d(2023, 6, 2));
        // A weekday that does not match the date is not a trustworthy header.
        assert_eq!(parse_full_date("Monday, June 2, 2023"), None);
        assert_eq!(parse_full_date("South Korea joined on May 5"), None);
        assert_eq!(parse_full_date("March 2023"), None);
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Mar"), Some(3));
        assert_eq!(month_number("March"), Some(3));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayor"), None);
    }
}
