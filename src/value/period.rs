//! Reporting periods: years, quarters, halves and "the first N months" of a year.
//!
//! "The first N months" is normalised: 3 months → Q1, 6 months → H1, 12 months → the year.

use chrono::Datelike;
use regex::Captures;
use serde::Serialize;

use super::date::needs_doc_date;
use super::number::parse_num;
use super::quantity::year_number;
use super::{ParseCtx, Value, ValueError, cap, lookup};
use crate::lang::LangPack;
use crate::value::template::Tag;

/// A reporting period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Period {
    /// A whole year.
    Year(i32),
    /// A quarter 1..=4.
    Quarter {
        /// The year.
        year: i32,
        /// Quarter number 1..=4.
        quarter: u8,
    },
    /// A half 1..=2.
    Half {
        /// The year.
        year: i32,
        /// Half number 1..=2.
        half: u8,
    },
    /// Months `first..=last` of a year.
    Months {
        /// The year.
        year: i32,
        /// First month 1..=12.
        first: u8,
        /// Last month 1..=12.
        last: u8,
    },
}

impl Period {
    /// A stable key: `"2024"`, `"2025-Q1"`, `"2024-H1"`, `"2023-M01..M04"`.
    pub fn key(&self) -> String {
        match self {
            Period::Year(y) => format!("{y}"),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::Half { year, half } => format!("{year}-H{half}"),
            Period::Months { year, first, last } => format!("{year}-M{first:02}..M{last:02}"),
        }
    }

    /// Reads a [`Period::key`] back: `"2024"`, `"2025-Q1"`, `"2024-H1"`,
    /// `"2023-M01..M04"`; `None` for anything else.
    pub fn from_key(key: &str) -> Option<Period> {
        let (year, rest) = key.split_once('-').unwrap_or((key, ""));
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let number =
            |text: &str, max: u8| text.parse::<u8>().ok().filter(|n| (1..=max).contains(n));
        let period = if rest.is_empty() {
            Period::Year(year)
        } else if let Some(quarter) = rest.strip_prefix('Q') {
            Period::Quarter {
                year,
                quarter: number(quarter, 4)?,
            }
        } else if let Some(half) = rest.strip_prefix('H') {
            Period::Half {
                year,
                half: number(half, 2)?,
            }
        } else {
            let (first, last) = rest.strip_prefix('M')?.split_once("..M")?;
            let (first, last) = (number(first, 12)?, number(last, 12)?);
            if first > last {
                return None;
            }
            Period::Months { year, first, last }
        };
        (period.key() == key).then_some(period)
    }

    /// The period's first month, 1..=12.
    pub fn first_month(&self) -> u8 {
        match *self {
            Period::Year(_) => 1,
            Period::Quarter { quarter, .. } => quarter * 3 - 2,
            Period::Half { half, .. } => half * 6 - 5,
            Period::Months { first, .. } => first,
        }
    }

    /// The period's last month, 1..=12.
    pub fn last_month(&self) -> u8 {
        match *self {
            Period::Year(_) => 12,
            Period::Quarter { quarter, .. } => quarter * 3,
            Period::Half { half, .. } => half * 6,
            Period::Months { last, .. } => last,
        }
    }

    /// The first day after the period.
    pub fn day_after(&self) -> Option<chrono::NaiveDate> {
        match self.last_month() {
            12 => chrono::NaiveDate::from_ymd_opt(self.year().checked_add(1)?, 1, 1),
            last => chrono::NaiveDate::from_ymd_opt(self.year(), u32::from(last) + 1, 1),
        }
    }

    /// The same period in another year.
    pub fn with_year(&self, year: i32) -> Period {
        match *self {
            Period::Year(_) => Period::Year(year),
            Period::Quarter { quarter, .. } => Period::Quarter { year, quarter },
            Period::Half { half, .. } => Period::Half { year, half },
            Period::Months { first, last, .. } => Period::Months { year, first, last },
        }
    }

    /// The period's year.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Year(y) => y,
            Period::Quarter { year, .. }
            | Period::Half { year, .. }
            | Period::Months { year, .. } => year,
        }
    }

    /// The same period one year earlier.
    pub fn previous(&self) -> Period {
        self.with_year(self.year().saturating_sub(1))
    }

    /// "The first `n` months of `year`", normalised to a quarter/half/year where one fits.
    pub fn first_months(year: i32, n: u8) -> Option<Period> {
        Some(match n {
            3 => Period::Quarter { year, quarter: 1 },
            6 => Period::Half { year, half: 1 },
            12 => Period::Year(year),
            1..=11 => Period::Months {
                year,
                first: 1,
                last: n,
            },
            _ => return None,
        })
    }
}

fn err(message: impl Into<String>) -> ValueError {
    ValueError {
        message: message.into(),
    }
}

fn roman_or_digit(text: &str) -> Option<u8> {
    Some(match text {
        "1" | "i" => 1,
        "2" | "ii" => 2,
        "3" | "iii" => 3,
        "4" | "iv" => 4,
        _ => return None,
    })
}

fn period_year(caps: &Captures, pack: &LangPack, ctx: &ParseCtx) -> Result<i32, ValueError> {
    if let Some(y) = cap(caps, "year") {
        return year_number(y);
    }
    let whole = caps.get(0).map_or("", |m| m.as_str());
    let doc = ctx.doc_date.ok_or_else(|| needs_doc_date(whole))?;
    let offset = match cap(caps, "relyear") {
        Some(w) => lookup(&pack.relative_years, w).ok_or_else(|| err("unknown relative year"))?,
        None => 0,
    };
    Ok(doc.year().saturating_add(offset))
}

fn ordinal_in(caps: &Captures, pack: &LangPack, max: u8) -> Result<u8, ValueError> {
    let n = if let Some(t) = cap(caps, "q").or_else(|| cap(caps, "h")) {
        roman_or_digit(t)
    } else if let Some(w) = cap(caps, "pord") {
        lookup(&pack.period_ordinals, w).and_then(|n| u8::try_from(n).ok())
    } else {
        None
    };
    match n {
        Some(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(err("period number out of range")),
    }
}

/// Assembles a period from a template of the given tag.
pub(crate) fn period(
    tag: Tag,
    caps: &Captures,
    pack: &LangPack,
    ctx: &ParseCtx,
) -> Result<Value, ValueError> {
    let p = match tag {
        Tag::Quarter => {
            let quarter = ordinal_in(caps, pack, 4)?;
            Period::Quarter {
                year: period_year(caps, pack, ctx)?,
                quarter,
            }
        }
        Tag::Half => {
            let half = ordinal_in(caps, pack, 2)?;
            Period::Half {
                year: period_year(caps, pack, ctx)?,
                half,
            }
        }
        Tag::Months => {
            let text = cap(caps, "int").ok_or_else(|| err("no month count"))?;
            let n = parse_num(text, pack)
                .map(|n| n.value)
                .filter(|v| v.fract() == 0.0 && (1.0..=12.0).contains(v))
                .ok_or_else(|| err(format!("{text:?} is not a month count")))?;
            Period::first_months(period_year(caps, pack, ctx)?, n as u8)
                .ok_or_else(|| err("bad month count"))?
        }
        Tag::YearPeriod | Tag::Plain | Tag::Top => Period::Year(period_year(caps, pack, ctx)?),
    };
    Ok(Value::Period(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_years() {
        let q = Period::Quarter {
            year: 2025,
            quarter: 1,
        };
        assert_eq!(q.key(), "2025-Q1");
        assert_eq!(q.previous().key(), "2024-Q1");
        assert_eq!(Period::Year(2024).key(), "2024");
        assert_eq!(
            Period::Half {
                year: 2024,
                half: 1
            }
            .key(),
            "2024-H1"
        );
        let m = Period::first_months(2023, 4).expect("months");
        assert_eq!(m.key(), "2023-M01..M04");
        assert_eq!(m.with_year(2022).year(), 2022);
        assert_eq!(
            Period::first_months(2023, 6).map(|p| p.key()),
            Some("2023-H1".into())
        );
        assert_eq!(Period::first_months(2023, 13), None);
    }

    #[test]
    fn keys_read_back() {
        for key in [
            "2024",
            "2025-Q1",
            "2024-H2",
            "2023-M01..M04",
            "2023-M05..M05",
        ] {
            assert_eq!(
                Period::from_key(key).map(|p| p.key()),
                Some(key.to_string())
            );
        }
        for key in [
            "24",
            "2024-Q5",
            "2024-H0",
            "2023-M04..M01",
            "2023-M1..M4",
            "x2024",
            "",
        ] {
            assert_eq!(Period::from_key(key), None, "{key}");
        }
    }

    #[test]
    fn a_period_ends_with_its_last_month() {
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
        let h1 = Period::Half {
            year: 2024,
            half: 1,
        };
        assert_eq!((h1.first_month(), h1.last_month()), (1, 6));
        assert_eq!(h1.day_after(), Some(date(2024, 7, 1)));
        assert_eq!(Period::Year(2024).day_after(), Some(date(2025, 1, 1)));
        let q3 = Period::Quarter {
            year: 2025,
            quarter: 3,
        };
        assert_eq!((q3.first_month(), q3.last_month()), (7, 9));
        assert_eq!(q3.day_after(), Some(date(2025, 10, 1)));
    }
}
