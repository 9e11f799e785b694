//! Assembling quantity values (money, number, percent, change, count) and the small
//! scalar kinds (year, year span, ordinal) from template captures.

use regex::Captures;

use super::interval::{Hedge, Interval, Quantity};
use super::number::{parse_amount, parse_digits, parse_num};
use super::{Value, ValueError, cap, lookup};
use crate::lang::LangPack;

fn hedge_of(caps: &Captures, pack: &LangPack) -> Hedge {
    cap(caps, "hedge")
        .and_then(|h| lookup(&pack.hedges, h))
        .unwrap_or(Hedge::None)
}

fn err(message: impl Into<String>) -> ValueError {
    ValueError {
        message: message.into(),
    }
}

/// Money: an amount plus a currency (required by the templates).
pub(crate) fn money(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let cur = caps.name("cur").or_else(|| caps.name("cur2"));
    let Some(cur) = cur else {
        return Err(err("money needs a currency"));
    };
    let Some(iso) = lookup(&pack.currencies, cur.as_str()) else {
        return Err(err(format!("unknown currency {:?}", cur.as_str())));
    };
    let Some(amount_m) = caps.name("amount") else {
        return Err(err("money needs an amount"));
    };
    let text = amount_m.as_str();
    let Some(amount) = parse_amount(text, pack, true, false) else {
        return Err(err(format!("cannot read the amount {text:?}")));
    };
    let looks_like_year = text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (1900.0..=2100.0).contains(&amount.nominal);
    if looks_like_year && cur.start() > amount_m.start() {
        return Err(err(format!("{text:?} looks like a year, not an amount")));
    }
    Ok(Value::Money(Quantity::new(
        amount.nominal,
        amount.rounding,
        hedge_of(caps, pack),
        Some(iso),
        false,
    )))
}

/// A plain number with an optional scale word.
pub(crate) fn number(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let text = cap(caps, "amount")
        .or_else(|| cap(caps, "num"))
        .ok_or_else(|| err("no number"))?;
    let amount = parse_amount(text, pack, false, false)
        .ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
    Ok(Value::Number(Quantity::new(
        amount.nominal,
        amount.rounding,
        hedge_of(caps, pack),
        None,
        false,
    )))
}

fn percent_amount(caps: &Captures, pack: &LangPack) -> Result<(f64, Interval), ValueError> {
    let text = cap(caps, "num")
        .or_else(|| cap(caps, "amount"))
        .ok_or_else(|| err("no number"))?;
    let n = parse_num(text, pack).ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
    Ok((n.value, n.rounding(true)))
}

/// A percentage: "99 per cent" → 99 ± 0.5.
pub(crate) fn percent(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let (v, rounding) = percent_amount(caps, pack)?;
    Ok(Value::Percent(Quantity::new(
        v,
        rounding,
        hedge_of(caps, pack),
        Some("%".into()),
        false,
    )))
}

/// A signed percent change: direction word or sign, then a percentage.
pub(crate) fn change(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let (v, rounding) = percent_amount(caps, pack)?;
    let negative = if let Some(dir) = cap(caps, "dir") {
        if pack.decrease_words.iter().any(|w| w == dir) {
            true
        } else if pack.increase_words.iter().any(|w| w == dir) {
            false
        } else {
            return Err(err(format!("unknown change word {dir:?}")));
        }
    } else if let Some(sign) = cap(caps, "sign") {
        sign == "-"
    } else {
        return Err(err("a change needs a direction"));
    };
    Ok(Value::Change(Quantity::new(
        v,
        rounding,
        hedge_of(caps, pack),
        Some("%".into()),
        negative,
    )))
}

/// A duration in years: exact unless hedged.
pub(crate) fn count(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let text = cap(caps, "num")
        .or_else(|| cap(caps, "int"))
        .ok_or_else(|| err("no number"))?;
    let n = parse_num(text, pack).ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
    if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) && n.value >= 1000.0 {
        return Err(err(format!("{text:?} looks like a year, not a duration")));
    }
    Ok(Value::Count(Quantity::new(
        n.value,
        Interval::point(n.value),
        hedge_of(caps, pack),
        Some("year".into()),
        false,
    )))
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

/// An ordinal: an ordinal word, a digit ordinal ("2nd", "2.", "2e") or "thứ 2".
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
