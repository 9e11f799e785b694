//! Assembling counts of years and the small scalar kinds (year, year span, ordinal)
//! from template captures, plus helpers shared by [`super::money`] and [`super::percent`].

use regex::Captures;

use super::interval::{Hedge, Interval, Quantity};
use super::number::{Num, parse_digits, parse_num};
use super::template::Tag;
use super::{Value, ValueError, cap, lookup};
use crate::lang::LangPack;

pub(crate) fn hedge_of(caps: &Captures, pack: &LangPack) -> Hedge {
    cap(caps, "hedge")
        .and_then(|h| lookup(&pack.hedges, h))
        .unwrap_or(Hedge::None)
}

pub(crate) fn err(message: impl Into<String>) -> ValueError {
    ValueError {
        message: message.into(),
    }
}

/// A duration in years: exact unless hedged.
pub(crate) fn count(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    if let Some(words) = cap(caps, "duration") {
        return fixed_duration(words, caps, pack);
    }
    // "a decade", "một thập kỷ", "einem Jahrzehnt": the pack's words for one.
    let mut n = if cap(caps, "one").is_some() {
        Num::integer(1.0)
    } else {
        let text = cap(caps, "num")
            .or_else(|| cap(caps, "int"))
            .ok_or_else(|| err("no number"))?;
        let n =
            parse_num(text, pack).ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
        if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) && n.value >= 1000.0 {
            return Err(err(format!("{text:?} looks like a year, not a duration")));
        }
        n
    };
    // "a year and a half", "ba năm rưỡi".
    if cap(caps, "andhalf").is_some() {
        n.value += 0.5;
    }
    // "Three decades" is a round figure: 25 to 35 years. "A decade" is ten years,
    // as "10 years" is: eleven are "more than a decade". "7 days and 22 hours" is
    // exact to the hour.
    const DAY_SECONDS: f64 = 86_400.0;
    let smaller = super::measure::smaller_time_part(caps, pack)?;
    let (amount, rounding) = if let Some(part) = smaller {
        let days = n.value + part.seconds / DAY_SECONDS;
        let half = part.unit_size / DAY_SECONDS / 2.0;
        (days, Interval::new(days - half, days + half))
    } else if cap(caps, "decadeunit").is_some() {
        let years = n.value * 10.0;
        let half_width = if cap(caps, "one").is_some() { 0.0 } else { 5.0 };
        (years, Interval::new(years - half_width, years + half_width))
    } else {
        (n.value, Interval::point(n.value))
    };
    Ok(Value::Count(Quantity::new(
        amount,
        rounding,
        hedge_of(caps, pack),
        Some(duration_unit(caps).into()),
        false,
    )))
}

/// A duration in the pack's fixed words ("half a century", "nửa năm"): a round
/// figure, 5% either way.
fn fixed_duration(words: &str, caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let duration = lookup(&pack.durations, words)
        .ok_or_else(|| err(format!("{words:?} is not a duration of the language pack")))?;
    let amount = duration.amount;
    Ok(Value::Count(Quantity::new(
        amount,
        Interval::new(amount * 0.95, amount * 1.05),
        hedge_of(caps, pack),
        Some(duration.unit.into()),
        false,
    )))
}

/// The unit of a count: the unit word its template captured ("year" for decades,
/// which are counted in years).
fn duration_unit(caps: &Captures) -> &'static str {
    [
        ("monthunit", "month"),
        ("weekunit", "week"),
        ("dayunit", "day"),
    ]
    .into_iter()
    .find(|(group, _)| cap(caps, group).is_some())
    .map_or("year", |(_, unit)| unit)
}

/// The unit of a count a duration unit's English name stands for ("years", "day"):
/// `year`, `month`, `week` or `day`.
pub(crate) fn duration_unit_named(word: &str) -> Option<&'static str> {
    match word.trim().trim_end_matches('s') {
        "year" => Some("year"),
        "month" => Some("month"),
        "week" => Some("week"),
        "day" => Some("day"),
        _ => None,
    }
}

/// Whether `unit` is a count's duration unit (see [`duration_unit_named`]).
pub(crate) fn is_duration_unit(unit: &str) -> bool {
    matches!(unit, "year" | "month" | "week" | "day")
}

/// Reads a four-digit year in the accepted range.
pub(crate) fn year_number(text: &str) -> Result<i32, ValueError> {
    let y: i32 = text
        .parse()
        .map_err(|_| err(format!("{text:?} is not a year")))?;
    if (1000..=2199).contains(&y) {
        Ok(y)
    } else {
        Err(err(format!("{y} is out of the year range")))
    }
}

/// A calendar year.
pub(crate) fn year(caps: &Captures) -> Result<Value, ValueError> {
    let text = cap(caps, "year").ok_or_else(|| err("no year"))?;
    Ok(Value::Year(year_number(text)?))
}

/// A span of years "1992-2025".
pub(crate) fn year_span(caps: &Captures) -> Result<Value, ValueError> {
    let start = year_number(cap(caps, "year").ok_or_else(|| err("no start year"))?)?;
    let end = year_number(cap(caps, "year2").ok_or_else(|| err("no end year"))?)?;
    if start >= end {
        return Err(err(format!("{start}-{end} is not an increasing year span")));
    }
    Ok(Value::YearSpan { start, end })
}

/// An ordinal: an ordinal word, a digit ordinal ("2nd", "2.", "2e"), "thứ 2", or a
/// word for "first" that stands alone ("đầu tiên").
pub(crate) fn ordinal(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let n = if let Some(word) = cap(caps, "ord") {
        match lookup(&pack.ordinals, word) {
            Some(n) => n as f64,
            None => {
                let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
                parse_digits(&digits, pack)
                    .map(|n| n.value)
                    .ok_or_else(|| err(format!("cannot read the ordinal {word:?}")))?
            }
        }
    } else if cap(caps, "first").is_some() {
        1.0
    } else if let Some(text) = cap(caps, "int").or_else(|| cap(caps, "num")) {
        parse_num(text, pack)
            .map(|n| n.value)
            .ok_or_else(|| err(format!("cannot read the ordinal {text:?}")))?
    } else {
        return Err(err("no ordinal"));
    };
    if (1.0..=1000.0).contains(&n) && n.fract() == 0.0 {
        Ok(Value::Ordinal(n as u32))
    } else {
        Err(err(format!("{n} is not an ordinal")))
    }
}

/// A place in a ranking: "fourth-largest" and "lớn thứ tư" (an ordinal), German
/// "viertgrößter" (a place prefix), "the largest" (a superlative alone: 1), or the
/// top places of a `rank_top` template ("top three", "the five largest": 1 to 3, 1
/// to 5).
pub(crate) fn rank(tag: Tag, caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let n = if let Some(prefix) = cap(caps, "rpre") {
        lookup(&pack.rank_prefixes, prefix)
            .ok_or_else(|| err(format!("{prefix:?} is not a place of the language")))?
            as f64
    } else if cap(caps, "ord").is_some() || cap(caps, "int").is_some() {
        match ordinal(caps, pack)? {
            Value::Ordinal(n) => n as f64,
            _ => return Err(err("no place")),
        }
    } else if cap(caps, "sup").is_some() {
        1.0
    } else {
        return Err(err("no place"));
    };
    let interval = if tag == Tag::Top {
        Interval::new(1.0, n)
    } else {
        Interval::point(n)
    };
    Ok(Value::Rank(Quantity::new(
        n,
        interval,
        Hedge::None,
        Some(RANK_UNIT.into()),
        false,
    )))
}

/// The unit of a [`Value::Rank`].
pub const RANK_UNIT: &str = "rank";

/// The unit of a [`Value::Change`] in percentage points ("rose 0.3 percentage
/// points"); a change in percent has `"%"`.
pub const POINTS_UNIT: &str = "pp";

#[cfg(test)]
mod tests {
    use super::super::testutil::{approx, interval, reads};
    use super::super::{Value, ValueKind};

    #[test]
    fn counts_years_ordinals_fragment_and_parse_agree() {
        approx(
            interval(&reads("vi", ValueKind::Count, "ba mươi ba năm", None)),
            (33.0, 33.0),
        );
        approx(
            interval(&reads("de", ValueKind::Count, "33 Jahren", None)),
            (33.0, 33.0),
        );
        approx(
            interval(&reads("en", ValueKind::Count, "nearly 20 years", None)),
            (18.0, 20.0),
        );
        assert_eq!(
            reads("ru", ValueKind::Year, "2025 года", None),
            Value::Year(2025)
        );
        assert_eq!(
            reads("vi", ValueKind::YearSpan, "1992-2025", None),
            Value::YearSpan {
                start: 1992,
                end: 2025
            }
        );
        assert_eq!(
            reads("vi", ValueKind::Ordinal, "lần thứ hai", None),
            Value::Ordinal(2)
        );
        assert_eq!(
            reads("fr", ValueKind::Ordinal, "deuxième", None),
            Value::Ordinal(2)
        );
        assert_eq!(
            reads("ru", ValueKind::Ordinal, "второй", None),
            Value::Ordinal(2)
        );
    }
}
