//! Typed values (provisional: replaced by the full multilingual value reader).

use std::ops::Range;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::lang::LangPack;

/// Value kinds, one per placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// money
    Money,
    /// number
    Number,
    /// percent
    Percent,
    /// change
    Change,
    /// count
    Count,
    /// year
    Year,
    /// period
    Period,
    /// date
    Date,
    /// daterange
    DateRange,
    /// yearspan
    YearSpan,
    /// ordinal
    Ordinal,
}

const KINDS: &[(&str, ValueKind)] = &[
    ("money", ValueKind::Money),
    ("number", ValueKind::Number),
    ("percent", ValueKind::Percent),
    ("change", ValueKind::Change),
    ("count", ValueKind::Count),
    ("year", ValueKind::Year),
    ("period", ValueKind::Period),
    ("date", ValueKind::Date),
    ("daterange", ValueKind::DateRange),
    ("yearspan", ValueKind::YearSpan),
    ("ordinal", ValueKind::Ordinal),
];

impl ValueKind {
    /// From a placeholder name.
    pub fn from_placeholder(name: &str) -> Option<Self> {
        KINDS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }
    /// The placeholder name.
    pub fn placeholder(&self) -> &'static str {
        KINDS
            .iter()
            .find(|(_, k)| k == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

/// Inclusive interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// low
    pub low: f64,
    /// high
    pub high: f64,
}

impl Interval {
    /// overlap
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Hedge.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Hedge {
    /// bare
    None,
    /// exact
    Exact,
    /// about
    About,
    /// nearly
    Nearly,
    /// more than
    MoreThan,
    /// less than
    LessThan,
}

/// A quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// nominal
    pub nominal: f64,
    /// interval
    pub interval: Interval,
    /// unit
    pub unit: Option<String>,
    /// hedge
    pub hedge: Hedge,
}

/// Date precision.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum DatePrecision {
    /// day
    Day,
    /// month
    Month,
    /// year
    Year,
}

/// Inclusive date span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateSpan {
    /// start
    pub start: NaiveDate,
    /// end
    pub end: NaiveDate,
    /// precision
    pub precision: DatePrecision,
}

/// A period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Period {
    /// year
    Year(i32),
    /// quarter
    Quarter {
        /// year
        year: i32,
        /// quarter
        quarter: u8,
    },
    /// half
    Half {
        /// year
        year: i32,
        /// half
        half: u8,
    },
    /// months
    Months {
        /// year
        year: i32,
        /// first
        first: u8,
        /// last
        last: u8,
    },
}

impl Period {
    /// key
    pub fn key(&self) -> String {
        match self {
            Period::Year(y) => y.to_string(),
            Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
            Period::Half { year, half } => format!("{year}-H{half}"),
            Period::Months { year, first, last } => format!("{year}-M{first:02}..M{last:02}"),
        }
    }
    /// year
    pub fn year(&self) -> i32 {
        match self {
            Period::Year(y) => *y,
            Period::Quarter { year, .. }
            | Period::Half { year, .. }
            | Period::Months { year, .. } => *year,
        }
    }
    /// with year
    pub fn with_year(&self, y: i32) -> Period {
        match self.clone() {
            Period::Year(_) => Period::Year(y),
            Period::Quarter { quarter, .. } => Period::Quarter { year: y, quarter },
            Period::Half { half, .. } => Period::Half { year: y, half },
            Period::Months { first, last, .. } => Period::Months {
                year: y,
                first,
                last,
            },
        }
    }
    /// previous
    pub fn previous(&self) -> Period {
        self.with_year(self.year() - 1)
    }
}

/// A value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Value {
    /// money
    Money(Quantity),
    /// number
    Number(Quantity),
    /// percent
    Percent(Quantity),
    /// change
    Change(Quantity),
    /// count
    Count(Quantity),
    /// year
    Year(i32),
    /// period
    Period(Period),
    /// date
    Date(DateSpan),
    /// range
    DateRange(DateSpan),
    /// yearspan
    YearSpan {
        /// start
        start: i32,
        /// end
        end: i32,
    },
    /// ordinal
    Ordinal(u32),
}

/// Parse context.
pub struct ParseCtx<'a> {
    /// pack
    pub pack: &'a LangPack,
    /// doc date
    pub doc_date: Option<NaiveDate>,
}

/// Value error.
#[derive(Debug)]
pub struct ValueError {
    /// message
    pub message: String,
}

impl std::fmt::Display for ValueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for ValueError {}

const NUM: &str = r"\d+(?:[.,]\d+)*";

/// Regex fragment.
pub fn fragment(kind: ValueKind, pack: &LangPack) -> String {
    let hedge = r"(?:(?:gan|hon|khoang|nearly|about|more than|etwa|fast|rund|uber) )?";
    let scale = r"(?: ?(?:million|billion|trieu|ty|mio\.|mrd\.|milliarden|milliarde|millionen))?";
    let cur = r"(?:us\$|\$|usd|us-dollar|dollar)";
    let pct = r"(?: ?(?:%|per cent|percent|prozent))";
    let _ = pack;
    match kind {
        ValueKind::Money => format!(r"{hedge}(?:{cur} ?{NUM}{scale}|{NUM}{scale} {cur})"),
        ValueKind::Percent => format!(r"{NUM}{pct}"),
        ValueKind::Change => {
            format!(r"(?:up|down|tang|giam|an increase of|ein plus von) {NUM}{pct}")
        }
        ValueKind::Year => r"\b(?:1[89]|20)\d\d\b".into(),
        ValueKind::Period => {
            r"(?:(?:the )?first quarter of |\d+ thang dau nam )?\b(?:1[89]|20)\d\d\b".into()
        }
        _ => r"\b\d+\b".into(),
    }
}

fn number(s: &str, lang: &str) -> Option<(f64, f64)> {
    let t = if lang == "en" {
        s.replace(',', "")
    } else {
        s.replace('.', "").replace(',', ".")
    };
    let v: f64 = t.parse().ok()?;
    let decimals = t.split('.').nth(1).map(|d| d.len()).unwrap_or(0);
    let unit = if decimals > 0 {
        10f64.powi(-(decimals as i32))
    } else {
        let zeros = t.len() - t.trim_end_matches('0').len();
        10f64.powi(zeros.min(t.len().saturating_sub(1)) as i32)
    };
    Some((v, unit))
}

/// Parse.
pub fn parse(kind: ValueKind, folded: &str, ctx: &ParseCtx) -> Result<Value, ValueError> {
    let err = || ValueError {
        message: format!("cannot read `{folded}`"),
    };
    let num_re = Regex::new(NUM).map_err(|_| err())?;
    let year_re = Regex::new(r"(?:1[89]|20)\d\d").map_err(|_| err())?;
    match kind {
        ValueKind::Year => Ok(Value::Year(folded.parse().map_err(|_| err())?)),
        ValueKind::Period => {
            let y: i32 = year_re
                .find(folded)
                .ok_or_else(err)?
                .as_str()
                .parse()
                .map_err(|_| err())?;
            if folded.contains("quarter") {
                return Ok(Value::Period(Period::Quarter {
                    year: y,
                    quarter: 1,
                }));
            }
            if folded.contains("thang dau") {
                let n: u8 = folded
                    .split(' ')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(err)?;
                return Ok(Value::Period(Period::Months {
                    year: y,
                    first: 1,
                    last: n,
                }));
            }
            Ok(Value::Period(Period::Year(y)))
        }
        _ => {
            let m = num_re.find(folded).ok_or_else(err)?;
            let (v, unit) = number(m.as_str(), &ctx.pack.code).ok_or_else(err)?;
            let rest = &folded[m.end()..];
            let scale = if rest.contains("billion")
                || rest.contains("ty")
                || rest.contains("milliard")
                || rest.contains("mrd")
            {
                1e9
            } else if rest.contains("million") || rest.contains("trieu") || rest.contains("mio") {
                1e6
            } else {
                1.0
            };
            let (v, unit) = (v * scale, unit * scale);
            let hedge = if folded.starts_with("gan")
                || folded.starts_with("nearly")
                || folded.starts_with("fast")
            {
                Hedge::Nearly
            } else if folded.starts_with("hon")
                || folded.starts_with("more")
                || folded.starts_with("uber")
            {
                Hedge::MoreThan
            } else if folded.starts_with("khoang")
                || folded.starts_with("about")
                || folded.starts_with("etwa")
                || folded.starts_with("rund")
            {
                Hedge::About
            } else {
                Hedge::None
            };
            let interval = match hedge {
                Hedge::Nearly => Interval {
                    low: 0.9 * v,
                    high: v,
                },
                Hedge::MoreThan => Interval {
                    low: v,
                    high: 1.5 * v,
                },
                Hedge::About => Interval {
                    low: 0.9 * v,
                    high: 1.1 * v,
                },
                _ => Interval {
                    low: v - unit / 2.0,
                    high: v + unit / 2.0,
                },
            };
            let sign = if folded.starts_with("down") || folded.starts_with("giam") {
                -1.0
            } else {
                1.0
            };
            match kind {
                ValueKind::Money => Ok(Value::Money(Quantity {
                    nominal: v,
                    interval,
                    unit: Some("USD".into()),
                    hedge,
                })),
                ValueKind::Percent => Ok(Value::Percent(Quantity {
                    nominal: v,
                    interval,
                    unit: None,
                    hedge,
                })),
                ValueKind::Change => Ok(Value::Change(Quantity {
                    nominal: sign * v,
                    interval: if sign < 0.0 {
                        Interval {
                            low: -interval.high,
                            high: -interval.low,
                        }
                    } else {
                        interval
                    },
                    unit: None,
                    hedge,
                })),
                _ => Ok(Value::Count(Quantity {
                    nominal: v,
                    interval,
                    unit: Some("year".into()),
                    hedge,
                })),
            }
        }
    }
}

/// Scan.
pub fn scan(kind: ValueKind, folded: &str, ctx: &ParseCtx) -> Vec<(Range<usize>, Value)> {
    let Ok(re) = Regex::new(&fragment(kind, ctx.pack)) else {
        return Vec::new();
    };
    re.find_iter(folded)
        .filter_map(|m| parse(kind, m.as_str(), ctx).ok().map(|v| (m.range(), v)))
        .collect()
}

/// Parse any.
pub fn parse_any(
    folded: &str,
    ctx: &ParseCtx,
    hint: Option<ValueKind>,
) -> Result<(Range<usize>, Value), ValueError> {
    let kind = hint.unwrap_or(ValueKind::Money);
    scan(kind, folded, ctx)
        .into_iter()
        .next()
        .ok_or(ValueError {
            message: "nothing".into(),
        })
}
