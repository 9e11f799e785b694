//! Percentages and signed percent changes. Integer percents are read to the unit
//! ("10%" = [9.5, 10.5]), fractions in words as round shares ("half" = [45, 55]);
//! the sign of a change comes from an increase/decrease word or an explicit `+`/`-`.

use regex::Captures;

use super::interval::{Hedge, Interval, Quantity};
use super::number::parse_num;
use super::quantity::{POINTS_UNIT, err, hedge_of};
use super::{Value, ValueError, cap};
use crate::lang::LangPack;

fn percent_amount(caps: &Captures, pack: &LangPack) -> Result<(f64, Interval), ValueError> {
    // "two-thirds", "die Hälfte": a round share, 10% either way ("half" is 45–55%).
    if let Some(words) = cap(caps, "frac") {
        let share = super::lookup(&pack.fractions, words)
            .ok_or_else(|| err(format!("unknown fraction {words:?}")))?;
        let percent = share * 100.0;
        // The nominal is a whole percent, so that a hedge widens it as it would a
        // written "67%" ("more than two-thirds" is 67–72%, not 66.67–66.72%).
        return Ok((percent.round(), Interval::new(percent * 0.9, percent * 1.1)));
    }
    let text = cap(caps, "num")
        .or_else(|| cap(caps, "amount"))
        .ok_or_else(|| err("no number"))?;
    let n = parse_num(text, pack).ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
    Ok((n.value, n.rounding(true)))
}

/// A percentage: "99 per cent" → 99 ± 0.5; a range "6,5-7%" → [6.45, 7.5], its
/// midpoint nominal.
pub(crate) fn percent(caps: &Captures, pack: &LangPack) -> Result<Value, ValueError> {
    let (v, rounding) = percent_amount(caps, pack)?;
    let hedge = hedge_of(caps, pack);
    let mut first = Quantity::new(v, rounding, hedge, Some("%".into()), false);
    if cap(caps, "frac").is_some() {
        // A bound is the exact share: "more than two-thirds" holds for 66.91%.
        let exact = (rounding.low + rounding.high) / 2.0;
        let Interval { low, high, .. } = first.interval;
        first.interval = match hedge {
            Hedge::MoreThan => Interval::above(exact, high.max(exact)),
            Hedge::AtLeast => Interval::new(exact, high.max(exact)),
            Hedge::LessThan | Hedge::Nearly => Interval::below(low.min(exact), exact),
            Hedge::AtMost => Interval::new(low.min(exact), exact),
            _ => first.interval,
        };
    }
    let Some(upper) = cap(caps, "num2") else {
        return Ok(Value::Percent(first));
    };
    let n =
        parse_num(upper, pack).ok_or_else(|| err(format!("cannot read the number {upper:?}")))?;
    if n.value <= v {
        return Err(err(format!(
            "a range must end above its start: {v} to {}",
            n.value
        )));
    }
    let last = Quantity::new(n.value, n.rounding(true), hedge, Some("%".into()), false);
    let range = Interval::new(first.interval.low, last.interval.high);
    Ok(Value::Percent(Quantity::new(
        (v + n.value) / 2.0,
        range,
        Hedge::Range,
        Some("%".into()),
        false,
    )))
}

/// What a change without a direction word or sign fails with, unless its direction
/// is given by its context ([`super::parse_change_in_direction`]).
pub(crate) const NO_DIRECTION: &str = "a change needs a direction";

/// A signed percent change: direction word or sign, then a percentage; `negative`
/// gives the direction of a change that has neither (from its clause).
pub(crate) fn change(
    caps: &Captures,
    pack: &LangPack,
    negative: Option<bool>,
) -> Result<Value, ValueError> {
    let (v, rounding) = match cap(caps, "frac") {
        // "a quarter-point cut", "half a percent": a fraction of the unit, exactly.
        Some(words) => {
            let share = super::lookup(&pack.fractions, words)
                .ok_or_else(|| err(format!("unknown fraction {words:?}")))?;
            (share, Interval::point(share))
        }
        None => percent_amount(caps, pack)?,
    };
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
    } else if let Some(negative) = negative {
        negative
    } else {
        return Err(err(NO_DIRECTION));
    };
    // "tăng 0,3 điểm phần trăm": a difference of two rates, not a share of one; "cut
    // by 25 basis points" one of 0.25 points.
    let word = cap(caps, "pct");
    let basis = word.is_some_and(|word| pack.basis_point_words.iter().any(|p| p == word));
    let points = basis || word.is_some_and(|word| pack.point_words.iter().any(|p| p == word));
    let (v, rounding) = if basis {
        (v / 100.0, rounding.scale(0.01))
    } else {
        (v, rounding)
    };
    Ok(Value::Change(Quantity::new(
        v,
        rounding,
        hedge_of(caps, pack),
        Some(if points { POINTS_UNIT } else { "%" }.into()),
        negative,
    )))
}

#[cfg(test)]
mod tests {
    use super::super::ValueKind;
    use super::super::testutil::{approx, interval, reads};

    #[test]
    fn percent_and_change_fragment_and_parse_agree() {
        approx(
            interval(&reads("en", ValueKind::Percent, "99 per cent", None)),
            (98.5, 99.5),
        );
        approx(
            interval(&reads("vi", ValueKind::Percent, "6,3%", None)),
            (6.25, 6.35),
        );
        approx(
            interval(&reads("en", ValueKind::Change, "up 99 per cent", None)),
            (98.5, 99.5),
        );
        approx(
            interval(&reads("vi", ValueKind::Change, "giảm 6,3%", None)),
            (-6.35, -6.25),
        );
        approx(
            interval(&reads(
                "de",
                ValueKind::Change,
                "um 4 Prozent gesunken",
                None,
            )),
            (-4.5, -3.5),
        );
        approx(
            interval(&reads("fr", ValueKind::Change, "en hausse de 3,2 %", None)),
            (3.15, 3.25),
        );
        approx(
            interval(&reads("ru", ValueKind::Change, "снизился на 2%", None)),
            (-2.5, -1.5),
        );
    }
}
