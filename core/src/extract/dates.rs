//! Temporal expressions in a sentence and their resolution against a reference date.

use super::view::TokenView;
use crate::time::{Date, Precision, StatedDate, month_number, weekday_number};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    LastYear,
    ThisYear,
    NextYear,
    Yesterday,
    Today,
    LastMonth,
    LastWeek,
}

/// A date as written, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Full(Date),
    MonthDay { month: u8, day: u8 },
    MonthYear { year: i32, month: u8 },
    Year(i32),
    Month(u8),
    Weekday(u8),
    Relative(Relative),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub tokens: Range<usize>,
    pub kind: TimeKind,
    /// "since 2019": the event started then and goes on.
    pub since: bool,
}

fn year_of(v: &TokenView, i: usize) -> Option<i32> {
    let r = v.raw(i);
    (r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()))
        .then(|| r.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

// Asked of every token: only a digit (or the '+' a number may start with) can start a day.
// That test is inlined where it is asked; the parse, for the few tokens that pass, is not.
#[inline(always)]
fn day_of(v: &TokenView, i: usize) -> Option<u8> {
    let r = v.raw(i);
    if !r.as_bytes().first().is_some_and(|b| b.is_ascii_digit() || *b == b'+') {
        return None;
    }
    parse_day(r)
}

#[inline(never)]
fn parse_day(r: &str) -> Option<u8> {
    let digits = r.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The month token `i` names, if capitalised ("May", "Sept."); the view's shape bits rule out
/// most tokens without comparing them to the names.
fn month_of(v: &TokenView, i: usize) -> Option<u8> {
    (v.is_capitalized(i) && v.may_be_calendar_name(i))
        .then(|| month_number(v.raw(i)))
        .flatten()
}

/// False for a token none of `find_times`' rules can start at: no spelling of a month or
/// weekday (the view's calendar bit, which the month and weekday rules require), no leading
/// digit or '+' (so no day or year), and not the first word of a relative expression. Most
/// tokens, capitalised names included, at the cost of a few tests.
fn may_start_time(v: &TokenView, i: usize) -> bool {
    if v.may_be_calendar_name(i) || v.raw_bytes(i).first().is_some_and(|b| b.is_ascii_digit() || *b == b'+') {
        return true;
    }
    matches!(v.lower_bytes(i), b"last" | b"this" | b"next" | b"yesterday" | b"today")
}

/// All temporal expressions of a token range, left to right.
pub fn find_times(v: &TokenView, range: Range<usize>) -> Vec<TimeExpr> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if !may_start_time(v, i) {
            i += 1;
            continue;
        }
        let since = i > range.start && v.is(i - 1, "since");
        let month = month_of(v, i).filter(|_| {
            v.lower(i) != "may"
                || v.is_sentence_start(i)
                || i + 1 < range.end && (day_of(v, i + 1).is_some() || year_of(v, i + 1).is_some())
                || i > range.start && v.is_any(i - 1, &["in", "of", "since", "until", "by", "early", "late", "mid"])
        });
        if let Some(m) = month {
            // "May 5, 2022", "May 5", "April 2019", "2 June 2023", "in March".
            if i + 1 < range.end {
                if let Some(d) = day_of(v, i + 1) {
                    let mut j = i + 2;
                    if v.is(j, ",") {
                        j += 1;
                    }
                    if j < range.end {
                        if let Some(y) = year_of(v, j) {
                            if let Some(date) = Date::new(y, m, d) {
                                out.push(TimeExpr {
                                    tokens: i..j + 1,
                                    kind: TimeKind::Full(date),
                                    since,
                                });
                                i = j + 1;
                                continue;
                            }
                        }
                    }
                    out.push(TimeExpr {
                        tokens: i..i + 2,
                        kind: TimeKind::MonthDay { month: m, day: d },
                        since,
                    });
                    i += 2;
                    continue;
                }
                if let Some(y) = year_of(v, i + 1) {
                    out.push(TimeExpr {
                        tokens: i..i + 2,
                        kind: TimeKind::MonthYear { year: y, month: m },
                        since,
                    });
                    i += 2;
                    continue;
                }
            }
            if i > range.start && day_of(v, i - 1).is_some() {
                // "2 June 2023" handled when the day comes first.
            }
            out.push(TimeExpr {
                tokens: i..i + 1,
                kind: TimeKind::Month(m),
                since,
            });
            i += 1;
            continue;
        }
        if let (Some(d), true) = (day_of(v, i), i + 1 < range.end) {
            if let Some(m) = month_of(v, i + 1) {
                if let Some(y) = (i + 2 < range.end).then(|| year_of(v, i + 2)).flatten() {
                    if let Some(date) = Date::new(y, m, d) {
                        out.push(TimeExpr {
                            tokens: i..i + 3,
                            kind: TimeKind::Full(date),
                            since,
                        });
                        i += 3;
                        continue;
                    }
                }
            }
        }
        if let Some(y) = year_of(v, i) {
            // A year is a date after "in", "since", "by", "of" or a comma, not a count ("2019 people").
            let cue = i > range.start
                && v.is_any(
                    i - 1,
                    &[
                        "in", "since", "by", "of", "until", ",", "from", "and", "early", "late", "mid", "before", "after",
                        "during", "year",
                    ],
                );
            let follows_noun = i + 1 < range.end
                && v.is_word(i + 1)
                && !v.is_capitalized(i + 1)
                && !v.is_any(i + 1, &["and", "to", "or", "when", "which", "after", "before"]);
            if cue && !follows_noun {
                out.push(TimeExpr {
                    tokens: i..i + 1,
                    kind: TimeKind::Year(y),
                    since,
                });
            }
            i += 1;
            continue;
        }
        if v.is_capitalized(i)
            || v.lower(i).ends_with("day")
                && v.is_any(
                    i,
                    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
                )
        {
            if let Some(w) = (v.raw(i).len() > 4 && v.may_be_calendar_name(i))
                .then(|| weekday_number(v.raw(i)))
                .flatten()
            {
                out.push(TimeExpr {
                    tokens: i..i + 1,
                    kind: TimeKind::Weekday(w),
                    since,
                });
                i += 1;
                continue;
            }
        }
        let rel = match (v.lower(i), if i + 1 < range.end { v.lower(i + 1) } else { "" }) {
            ("last", "year") => Some((Relative::LastYear, 2)),
            ("this", "year") => Some((Relative::ThisYear, 2)),
            ("next", "year") => Some((Relative::NextYear, 2)),
            ("last", "month") => Some((Relative::LastMonth, 2)),
            ("last", "week") => Some((Relative::LastWeek, 2)),
            ("yesterday", _) => Some((Relative::Yesterday, 1)),
            ("today", _) => Some((Relative::Today, 1)),
            _ => None,
        };
        if let Some((r, n)) = rel {
            out.push(TimeExpr {
                tokens: i..i + n,
                kind: TimeKind::Relative(r),
                since,
            });
            i += n;
            continue;
        }
        i += 1;
    }
    out
}

/// A resolved date with the rule that produced it, in words a user can check.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub value: StatedDate,
    pub rule: String,
}

fn stated(date: Date, precision: Precision) -> StatedDate {
    StatedDate { date, precision }
}

/// Resolves an expression against the document's reference date (`None` when the document
/// has none: then only expressions with a year resolve).
pub fn resolve_time(kind: TimeKind, reference: Option<Date>) -> Option<Resolution> {
    let r = reference;
    let res = |value, rule: String| Some(Resolution { value, rule });
    match kind {
        TimeKind::Full(d) => res(stated(d, Precision::Day), "stated in full".into()),
        TimeKind::MonthYear { year, month } => res(
            stated(Date::new(year, month, 1)?, Precision::Month),
            "month and year stated".into(),
        ),
        TimeKind::Year(y) => res(stated(Date::new(y, 1, 1)?, Precision::Year), "year stated".into()),
        TimeKind::MonthDay { month, day } => {
            let r = r?;
            // The most recent such day on or before a week after the reference: news reports
            // the recent past, and sometimes the coming days.
            let this_year = Date::new(r.year, month, day)?;
            let date = if this_year.days_since_epoch() > r.days_since_epoch() + 7 {
                Date::new(r.year - 1, month, day)?
            } else {
                this_year
            };
            res(
                stated(date, Precision::Day),
                format!("month and day against the reference date {r}"),
            )
        }
        TimeKind::Month(month) => {
            let r = r?;
            let date = Date::new(r.year, month, 1)?;
            res(
                stated(date, Precision::Month),
                format!("month in the reference year {}", r.year),
            )
        }
        TimeKind::Weekday(w) => {
            let r = r?;
            // The last such weekday before the reference date.
            let back = (i64::from(r.weekday()) - i64::from(w)).rem_euclid(7);
            let back = if back == 0 { 7 } else { back };
            res(
                stated(r.add_days(-back), Precision::Day),
                format!("the {} before the reference date {r}", {
                    let d = crate::time::WEEKDAYS[w as usize];
                    format!("{}{}", d[..1].to_uppercase(), &d[1..])
                }),
            )
        }
        TimeKind::Relative(rel) => {
            let r = r?;
            let (date, precision, what) = match rel {
                Relative::LastYear => (Date::new(r.year - 1, 1, 1)?, Precision::Year, "the year before"),
                Relative::ThisYear => (Date::new(r.year, 1, 1)?, Precision::Year, "the year of"),
                Relative::NextYear => (Date::new(r.year + 1, 1, 1)?, Precision::Year, "the year after"),
                Relative::Yesterday => (r.add_days(-1), Precision::Day, "the day before"),
                Relative::Today => (r, Precision::Day, "the day of"),
                Relative::LastMonth => {
                    let (y, m) = if r.month == 1 {
                        (r.year - 1, 12)
                    } else {
                        (r.year, r.month - 1)
                    };
                    (Date::new(y, m, 1)?, Precision::Month, "the month before")
                }
                Relative::LastWeek => (r.add_days(-7), Precision::Day, "a week before"),
            };
            res(stated(date, precision), format!("{what} the reference date {r}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn weekday_before_reference() {
        // "On Thursday" in an article dated Friday 2 June 2023 is 1 June 2023.
        let r = resolve_time(TimeKind::Weekday(3), Some(d(2023, 6, 2))).unwrap();
        assert_eq!(r.value.date, d(2023, 6, 1));
        // ... and against Friday 6 May 2022, 5 May 2022.
        assert_eq!(
            resolve_time(TimeKind::Weekday(3), Some(d(2022, 5, 6))).unwrap().value.date,
            d(2022, 5, 5)
        );
    }

    #[test]
    fn relative_and_partial_dates() {
        let r = Some(d(2022, 5, 5));
        assert_eq!(
            resolve_time(TimeKind::Relative(Relative::LastYear), r)
                .unwrap()
                .value
                .to_string(),
            "2021"
        );
        assert_eq!(
            resolve_time(TimeKind::MonthDay { month: 4, day: 29 }, r)
                .unwrap()
                .value
                .to_string(),
            "2022-04-29"
        );
        assert_eq!(
            resolve_time(TimeKind::MonthDay { month: 12, day: 25 }, r)
                .unwrap()
                .value
                .to_string(),
            "2021-12-25"
        );
        assert_eq!(
            resolve_time(TimeKind::MonthYear { year: 2019, month: 4 }, None)
                .unwrap()
                .value
                .to_string(),
            "2019-04"
        );
        assert!(resolve_time(TimeKind::MonthDay { month: 5, day: 5 }, None).is_none());
    }
}
