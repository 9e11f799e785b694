//! Dates and date ranges: assembling [`DateSpan`]s from template captures, resolving
//! missing years, weekdays and relative words against the document date.

use chrono::{Datelike, NaiveDate, TimeDelta};
use regex::Captures;
use serde::Serialize;

use super::quantity::year_number;
use super::{ParseCtx, Value, ValueError, cap, lookup};
use crate::lang::LangPack;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DatePrecision {
    /// A single day (or a range of days).
    Day,
    /// A whole month.
    Month,
    /// A whole year.
    Year,
    /// A third of a month: "early", "mid-" or "late November" (days 1–10, 11–20, 21 to
    /// the end).
    MonthPart,
    /// A third of a year: "early", "mid-" or "late 2024" (January–April, May–August,
    /// September–December); or a season ("spring 2025": March–May).
    YearPart,
}

impl DatePrecision {
    /// `date` written to this precision: "2023-08-21", "2023-08", "1959".
    pub fn format(self, date: NaiveDate) -> String {
        match self {
            DatePrecision::Day | DatePrecision::MonthPart => date.format("%Y-%m-%d").to_string(),
            DatePrecision::Month | DatePrecision::YearPart => date.format("%Y-%m").to_string(),
            DatePrecision::Year => date.format("%Y").to_string(),
        }
    }
}

/// An inclusive span of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateSpan {
    /// First day (inclusive).
    #[serde(serialize_with = "ser_date")]
    pub start: NaiveDate,
    /// Last day (inclusive).
    #[serde(serialize_with = "ser_date")]
    pub end: NaiveDate,
    /// Precision as written.
    pub precision: DatePrecision,
}

fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&d.format("%Y-%m-%d"))
}

impl DateSpan {
    /// The same days `shift` years later (earlier when negative); the 29th of
    /// February becomes the 28th in a year without one. `None` outside chrono's
    /// range.
    pub(crate) fn in_year_shifted(&self, shift: i32) -> Option<DateSpan> {
        use chrono::Datelike;
        let moved = |d: NaiveDate| {
            d.with_year(d.year() + shift)
                .or_else(|| d.with_day(28).and_then(|d| d.with_year(d.year() + shift)))
        };
        Some(DateSpan {
            start: moved(self.start)?,
            end: moved(self.end)?,
            precision: self.precision,
        })
    }

    /// A one-day span.
    pub fn day(d: NaiveDate) -> Self {
        DateSpan {
            start: d,
            end: d,
            precision: DatePrecision::Day,
        }
    }

    /// The span of a whole calendar year; `None` outside chrono's range.
    pub fn year(year: i32) -> Option<Self> {
        Some(DateSpan {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: DatePrecision::Year,
        })
    }
}

fn err(message: impl Into<String>) -> ValueError {
    ValueError {
        message: message.into(),
    }
}

/// Whether a written date names its year: four digits in a row.
pub(crate) fn names_a_year(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// The error returned when a value can only be resolved with a document date.
pub(crate) fn needs_doc_date(what: &str) -> ValueError {
    err(format!("needs the document date to resolve {what:?}"))
}

fn doc_date(ctx: &ParseCtx, what: &str) -> Result<NaiveDate, ValueError> {
    ctx.doc_date.ok_or_else(|| needs_doc_date(what))
}

/// Reads a month: digits 1..=12 or a month name.
pub(crate) fn month_of(text: &str, pack: &LangPack) -> Option<u32> {
    if text.chars().all(|c| c.is_ascii_digit()) {
        let m: u32 = text.parse().ok()?;
        return (1..=12).contains(&m).then_some(m);
    }
    lookup(&pack.months, text)
}

fn day_of(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, ValueError> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| err(format!("{y}-{m:02}-{d:02} is not a date")))
}

fn month_span(y: i32, m: u32) -> Result<DateSpan, ValueError> {
    let start = ymd(y, m, 1)?;
    let next = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    let end = next.pred_opt().ok_or_else(|| err("date out of range"))?;
    Ok(DateSpan {
        start,
        end,
        precision: DatePrecision::Month,
    })
}

fn month_cap(caps: &Captures, pack: &LangPack, names: &[&str]) -> Result<Option<u32>, ValueError> {
    for name in names {
        if let Some(t) = cap(caps, name) {
            return month_of(t, pack)
                .map(Some)
                .ok_or_else(|| err(format!("{t:?} is not a month")));
        }
    }
    Ok(None)
}

fn year_cap(caps: &Captures, name: &str) -> Result<Option<i32>, ValueError> {
    cap(caps, name).map(year_number).transpose()
}

fn day_cap(caps: &Captures, name: &str) -> Result<Option<u32>, ValueError> {
    cap(caps, name)
        .map(|t| day_of(t).ok_or_else(|| err(format!("{t:?} is not a day"))))
        .transpose()
}

/// A single date (day or month precision).
pub(crate) fn date(caps: &Captures, pack: &LangPack, ctx: &ParseCtx) -> Result<Value, ValueError> {
    let whole = caps.get(0).map_or("", |m| m.as_str());
    if let Some(word) = cap(caps, "relday") {
        let offset =
            lookup(&pack.relative_days, word).ok_or_else(|| err("unknown relative day"))?;
        let doc = doc_date(ctx, whole)?;
        let d = doc
            .checked_add_signed(TimeDelta::try_days(offset).ok_or_else(|| err("offset too large"))?)
            .ok_or_else(|| err("date out of range"))?;
        return Ok(Value::Date(DateSpan::day(d)));
    }
    if let Some(phrase) = cap(caps, "calmonth") {
        let shift =
            lookup(&pack.calendar_months, phrase).ok_or_else(|| err("unknown relative month"))?;
        let doc = doc_date(ctx, whole)?;
        let months = doc.year() * 12 + doc.month0() as i32 + shift;
        let month = u32::try_from(months.rem_euclid(12) + 1).unwrap_or(1);
        return Ok(Value::Date(month_span(months.div_euclid(12), month)?));
    }
    if let Some(count) = cap(caps, "ago") {
        let doc = doc_date(ctx, whole)?;
        if cap(caps, "monthunit").is_some() {
            return months_ago(count, pack, doc);
        }
        // "June 29 two years ago", "am 29. Juni vor zwei Jahren": that day of the
        // year so many years before the document's.
        if let Some(month) = month_cap(caps, pack, &["mon", "month", "monum"])? {
            let n = ago_count(count, pack, 200.0)?;
            let year = doc.year() - i32::try_from(n).unwrap_or(i32::MAX);
            return Ok(Value::Date(match day_cap(caps, "day")? {
                Some(d) => DateSpan::day(ymd(year, month, d)?),
                None => month_span(year, month)?,
            }));
        }
        return years_ago(count, pack, doc);
    }
    if let Some(word) = cap(caps, "season") {
        let months = lookup(&pack.seasons, word).ok_or_else(|| err("unknown season"))?;
        let year = year_of(caps, pack, ctx, None)?;
        return season_in(year, months).map(Value::Date);
    }
    let month = month_cap(caps, pack, &["mon", "month", "monum"])?;
    if let Some(word) = cap(caps, "part") {
        let third =
            lookup(&pack.date_parts, word).ok_or_else(|| err("unknown part of a period"))?;
        return parts_of_months(caps, pack, ctx, (month, third)).map(Value::Date);
    }
    let day = day_cap(caps, "day")?;
    if month.is_none() {
        if let Some(word) = cap(caps, "weekday") {
            let target = lookup(&pack.weekdays, word).ok_or_else(|| err("unknown weekday"))?;
            let doc = doc_date(ctx, whole)?;
            let today = doc.weekday().num_days_from_monday();
            let back = (today + 7 - target % 7) % 7;
            let d = doc
                .checked_sub_signed(TimeDelta::days(i64::from(back)))
                .ok_or_else(|| err("date out of range"))?;
            return Ok(Value::Date(DateSpan::day(d)));
        }
        return Err(err("a date needs a month"));
    }
    let month = month.ok_or_else(|| err("a date needs a month"))?;
    let year = year_of(caps, pack, ctx, Some(month))?;
    let unplaced = ["year", "relmonth", "relyear"]
        .iter()
        .all(|name| cap(caps, name).is_none());
    // "since July", "seit dem 1. Juli": the latest such day or month not after the
    // document's date.
    let since = match ctx.doc_date {
        Some(doc) if unplaced && cap(caps, "since").is_some() => Some(doc),
        _ => None,
    };
    match day {
        Some(d) => {
            let date = ymd(year, month, d)?;
            let date = match (since, ctx.doc_date) {
                (Some(doc), _) if date > doc => ymd(year - 1, month, d)?,
                (None, Some(doc)) if unplaced => across_the_new_year(date, doc),
                _ => date,
            };
            Ok(Value::Date(DateSpan::day(date)))
        }
        None => {
            let year = match since {
                Some(doc) if month > doc.month() => year - 1,
                _ => year,
            };
            Ok(Value::Date(month_span(year, month)?))
        }
    }
}

/// How far from the document's date (days) a day and month written without a year
/// may lie in the document's year before the neighbouring year's is meant: "29/12"
/// in copy of 3 January is last December's, "thứ Năm (2/1)" in copy of 30 December
/// next January's.
const NEW_YEAR_REACH_DAYS: i64 = 305;

/// `date` (a day and month of the document's year, `doc`'s) moved to the year before
/// or after when that is far nearer the document date (see [`NEW_YEAR_REACH_DAYS`]).
fn across_the_new_year(date: NaiveDate, doc: NaiveDate) -> NaiveDate {
    let days = (date - doc).num_days();
    let shift = if days > NEW_YEAR_REACH_DAYS {
        -1
    } else if days < -NEW_YEAR_REACH_DAYS {
        1
    } else {
        return date;
    };
    date.with_year(date.year() + shift).unwrap_or(date)
}

/// The year of a date: written, placed by a relative word ("last August", "tháng 5
/// năm ngoái", "late last year"), or the document's.
fn year_of(
    caps: &Captures,
    pack: &LangPack,
    ctx: &ParseCtx,
    month: Option<u32>,
) -> Result<i32, ValueError> {
    if let Some(y) = year_cap(caps, "year")? {
        return Ok(y);
    }
    let whole = caps.get(0).map_or("", |m| m.as_str());
    let doc = doc_date(ctx, whole)?;
    Ok(match (cap(caps, "relmonth"), cap(caps, "relyear")) {
        (Some(word), _) => {
            let shift =
                lookup(&pack.relative_months, word).ok_or_else(|| err("unknown relative month"))?;
            year_of_relative_month(month.unwrap_or(doc.month()), shift, doc)
        }
        (None, Some(word)) => {
            let shift =
                lookup(&pack.relative_years, word).ok_or_else(|| err("unknown relative year"))?;
            doc.year() + shift
        }
        (None, None) => doc.year(),
    })
}

/// A part of a month or year, or two parts of months in a row written as one
/// span: "cuối tháng 10, đầu tháng 11/2011", "late October and early November 2011"
/// (21 October to 10 November; the year written once is the later month's).
fn parts_of_months(
    caps: &Captures,
    pack: &LangPack,
    ctx: &ParseCtx,
    (month, third): (Option<u32>, u32),
) -> Result<DateSpan, ValueError> {
    let later = match (
        month_cap(caps, pack, &["mon2", "month2"])?,
        cap(caps, "part2"),
    ) {
        (Some(m2), Some(word)) => {
            let third2 =
                lookup(&pack.date_parts, word).ok_or_else(|| err("unknown part of a period"))?;
            part_of(caps, pack, ctx, Some(m2), third2)?
        }
        _ => return part_of(caps, pack, ctx, month, third),
    };
    let month = month.ok_or_else(|| err("a span of two months needs the first month"))?;
    let year = if month > later.start.month() {
        later.start.year() - 1
    } else {
        later.start.year()
    };
    let first = part_in(year, month, third)?;
    Ok(DateSpan {
        start: first.start,
        end: later.end,
        precision: DatePrecision::MonthPart,
    })
}

/// "late November 2024", "Mitte Januar", "cuối tháng 11/2024": a third of a month
/// (days 1–10, 11–20, 21 to the end); "early 2025", "Ende 2024", "cuối năm nay": a
/// third of a year (January–April, May–August, September–December). `third` is 1, 2
/// or 3.
fn part_of(
    caps: &Captures,
    pack: &LangPack,
    ctx: &ParseCtx,
    month: Option<u32>,
    third: u32,
) -> Result<DateSpan, ValueError> {
    if !(1..=3).contains(&third) {
        return Err(err("a part of a period is 1, 2 or 3"));
    }
    let year = year_of(caps, pack, ctx, month)?;
    Ok(match month {
        Some(m) => part_in(year, m, third)?,
        None => {
            let first = 4 * (third - 1) + 1;
            DateSpan {
                start: ymd(year, first, 1)?,
                end: month_span(year, first + 3)?.end,
                precision: DatePrecision::YearPart,
            }
        }
    })
}

/// The season of `months` (first and last month) in `year`: "spring 2025" is March to
/// May 2025. A season across the new year ("winter 2024", [12, 2]) is read loosely,
/// as news writes it of either end: from the December before `year` to the February
/// after it.
fn season_in(year: i32, [first, last]: [u32; 2]) -> Result<DateSpan, ValueError> {
    let (start, end) = if first <= last {
        (ymd(year, first, 1)?, month_span(year, last)?.end)
    } else {
        (ymd(year - 1, first, 1)?, month_span(year + 1, last)?.end)
    };
    Ok(DateSpan {
        start,
        end,
        precision: DatePrecision::YearPart,
    })
}

/// The whole count of a "… ago" phrase: digits, a number word or a word for one.
fn ago_count(count: &str, pack: &LangPack, most: f64) -> Result<u32, ValueError> {
    let one = pack.one_words.iter().any(|w| w == count).then_some(1.0);
    one.or_else(|| super::number::parse_num(count, pack).map(|n| n.value))
        .filter(|n| n.fract() == 0.0 && (1.0..=most).contains(n))
        .map(|n| n as u32)
        .ok_or_else(|| err(format!("{count:?} is no count for \"ago\"")))
}

/// "three months ago", "vor drei Monaten", "cách đây ba tháng": the days from half a
/// month before to half a month after the day that many months before the document
/// date (a loose count, as news writes it).
fn months_ago(count: &str, pack: &LangPack, doc: NaiveDate) -> Result<Value, ValueError> {
    let n = ago_count(count, pack, 600.0)?;
    let day = doc
        .checked_sub_months(chrono::Months::new(n))
        .ok_or_else(|| err("date out of range"))?;
    let half = TimeDelta::days(15);
    let (Some(start), Some(end)) = (day.checked_sub_signed(half), day.checked_add_signed(half))
    else {
        return Err(err("date out of range"));
    };
    Ok(Value::Date(DateSpan {
        start,
        end,
        precision: DatePrecision::MonthPart,
    }))
}

/// "two years ago", "vor zwei Jahren", "hai năm trước": the twelve months around
/// the day that many years before the document date (in June 2026, "two years ago"
/// is December 2023 to December 2024: a loose count, not a calendar year).
fn years_ago(years: &str, pack: &LangPack, doc: NaiveDate) -> Result<Value, ValueError> {
    let n = ago_count(years, pack, 200.0)?;
    let months = |m: i64| chrono::Months::new(u32::try_from(m).unwrap_or(0));
    let back = i64::from(n) * 12;
    let start = doc
        .checked_sub_months(months(back + 6))
        .and_then(|d| d.with_day(1))
        .ok_or_else(|| err("date out of range"))?;
    let end = doc
        .checked_sub_months(months(back - 6))
        .ok_or_else(|| err("date out of range"))?;
    let end = month_span(end.year(), end.month())?.end;
    Ok(Value::Date(DateSpan {
        start,
        end,
        precision: DatePrecision::Month,
    }))
}

/// The `third` (1, 2 or 3) of month `m` of `year`: days 1–10, 11–20, 21 to the end.
fn part_in(year: i32, m: u32, third: u32) -> Result<DateSpan, ValueError> {
    let start = ymd(year, m, 10 * (third - 1) + 1)?;
    let end = if third == 3 {
        month_span(year, m)?.end
    } else {
        ymd(year, m, 10 * third)?
    };
    Ok(DateSpan {
        start,
        end,
        precision: DatePrecision::MonthPart,
    })
}

/// The year of `month` placed by a relative-month word of `shift` from the document's
/// date: -1 the latest such month before the document's month ("last August" in
/// November 2024 is August 2024, in August 2024 August 2023), 0 the one of its
/// year, 1 the first one after it.
fn year_of_relative_month(month: u32, shift: i32, doc: NaiveDate) -> i32 {
    match shift.signum() {
        -1 if month < doc.month() => doc.year(),
        -1 => doc.year() - 1,
        1 if month > doc.month() => doc.year(),
        1 => doc.year() + 1,
        _ => doc.year(),
    }
}

/// A range of days "11-13/6/2023", "from 20 to 22 August 2023", "29/6/1992-29/6/2023".
pub(crate) fn date_range(
    caps: &Captures,
    pack: &LangPack,
    ctx: &ParseCtx,
) -> Result<Value, ValueError> {
    let whole = caps.get(0).map_or("", |m| m.as_str());
    let d1 = day_cap(caps, "day")?.ok_or_else(|| err("a range needs a first day"))?;
    let d2 = day_cap(caps, "day2")?.ok_or_else(|| err("a range needs a last day"))?;
    let m1 = month_cap(caps, pack, &["mon", "month"])?;
    let m2 = month_cap(caps, pack, &["mon2", "month2"])?;
    let (m1, m2) = match (m1, m2) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) | (None, Some(a)) => (a, a),
        (None, None) => return Err(err("a range needs a month")),
    };
    let y1 = year_cap(caps, "year")?;
    let y2 = year_cap(caps, "year2")?;
    let (y1, y2, inherited) = match (y1, y2) {
        (Some(a), Some(b)) => (a, b, false),
        (Some(a), None) => (a, a, true),
        (None, Some(b)) => (b, b, true),
        (None, None) => {
            let y = doc_date(ctx, whole)?.year();
            (y, y, true)
        }
    };
    let end = ymd(y2, m2, d2)?;
    let mut start = ymd(y1, m1, d1)?;
    if start > end && inherited && m1 > m2 {
        start = ymd(y1 - 1, m1, d1)?;
    }
    if start >= end {
        return Err(err(format!("{start} is not before {end}")));
    }
    Ok(Value::DateRange(DateSpan {
        start,
        end,
        precision: DatePrecision::Day,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::testutil::reads;
    use super::super::{Value, ValueKind};
    use super::*;

    fn span(v: &Value) -> (String, String) {
        match v {
            Value::Date(s) | Value::DateRange(s) => (s.start.to_string(), s.end.to_string()),
            other => panic!("not a date: {other:?}"),
        }
    }

    #[test]
    fn dates_fragment_and_parse_agree() {
        let doc = Some("2025-06-18");
        let day = |s: &str| (s.to_string(), s.to_string());
        assert_eq!(
            span(&reads("vi", ValueKind::Date, "ngày 29/6/1992", None)),
            day("1992-06-29")
        );
        assert_eq!(
            span(&reads("vi", ValueKind::Date, "chiều 21/8", doc)),
            day("2025-08-21")
        );
        assert_eq!(
            span(&reads("en", ValueKind::Date, "Monday afternoon", doc)),
            day("2025-06-16")
        );
        assert_eq!(
            span(&reads("de", ValueKind::Date, "29. Juni 1992", None)),
            day("1992-06-29")
        );
        assert_eq!(
            span(&reads("fr", ValueKind::Date, "le 1er mai", doc)),
            day("2025-05-01")
        );
        assert_eq!(
            span(&reads("ru", ValueKind::Date, "29 июня 1992 года", None)),
            day("1992-06-29")
        );
        assert_eq!(
            span(&reads("vi", ValueKind::Date, "tháng 7/1959", None)),
            ("1959-07-01".into(), "1959-07-31".into())
        );
    }

    #[test]
    fn ranges_fragment_and_parse_agree() {
        let r = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            span(&reads(
                "vi",
                ValueKind::DateRange,
                "từ ngày 11-13/6/2023",
                None
            )),
            r("2023-06-11", "2023-06-13")
        );
        assert_eq!(
            span(&reads(
                "en",
                ValueKind::DateRange,
                "from 20 to 22 August 2023",
                None
            )),
            r("2023-08-20", "2023-08-22")
        );
        assert_eq!(
            span(&reads(
                "de",
                ValueKind::DateRange,
                "vom 5. bis 7. Mai 2025",
                None
            )),
            r("2025-05-05", "2025-05-07")
        );
        assert_eq!(
            span(&reads(
                "fr",
                ValueKind::DateRange,
                "du 5 au 7 mai 2025",
                None
            )),
            r("2025-05-05", "2025-05-07")
        );
        assert_eq!(
            span(&reads(
                "ru",
                ValueKind::DateRange,
                "с 5 по 7 мая 2025 года",
                None
            )),
            r("2025-05-05", "2025-05-07")
        );
        assert_eq!(
            span(&reads(
                "vi",
                ValueKind::DateRange,
                "29/6/1992-29/6/2023",
                None
            )),
            r("1992-06-29", "2023-06-29")
        );
    }

    #[test]
    fn month_names() {
        let vi = crate::lang::pack("vi").expect("vi");
        assert_eq!(month_of("sau", vi), Some(6));
        assert_eq!(month_of("12", vi), Some(12));
        assert_eq!(month_of("13", vi), None);
    }
}
