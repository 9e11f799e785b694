//! Money and plain numbers: an amount (number + optional scale word), a hedge and, for
//! money, a currency. Integer trailing zeros are not significant ("800 million" =
//! [750, 850] million), but a bare number without a scale word is rounded by at most
//! 5% ("10 stations" = [9.5, 10.5]).

use regex::Captures;

use super::interval::{Hedge, Interval, Quantity};
use super::number::{Amount, finish, parse_amount, parse_num};
use super::quantity::{err, hedge_of};
use super::{Value, ValueError, cap, lookup};
use crate::lang::LangPack;

/// Money: an amount plus a currency (required by the templates). A bare amount's
/// trailing zeros count when `zeros_significant` (a claim whose figures are never
/// rounded).
pub(crate) fn money(
    caps: &Captures,
    pack: &LangPack,
    zeros_significant: bool,
) -> Result<Value, ValueError> {
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
    let Some(amount) = parse_amount(text, pack, true, zeros_significant) else {
        return Err(err(format!("cannot read the amount {text:?}")));
    };
    let looks_like_year = text.len() == 4
        && text.chars().all(|c| c.is_ascii_digit())
        && (1900.0..=2100.0).contains(&amount.nominal);
    if looks_like_year && cur.start() > amount_m.start() {
        return Err(err(format!("{text:?} looks like a year, not an amount")));
    }
    let hedge = hedge_of(caps, pack);
    let Some(lower) = cap(caps, "num") else {
        return Ok(Value::Money(Quantity::new(
            amount.nominal,
            amount.rounding,
            hedge,
            Some(iso),
            false,
        )));
    };
    Ok(Value::Money(range(lower, text, &amount, pack, Some(iso))?))
}

/// A range, "20-25 tỷ USD", "$20-25 billion", "20 bis 25 Mrd. Euro", from the text
/// of its `lower` end and of its upper end (`text`, read as `amount`): the first
/// number takes the second's scale word, and both ends are read to the last digit
/// of the more precise one ("1 bis 1,2 Mrd." = 0.95–1.25 bn, "20-25" = 19.5–25.5).
pub(crate) fn range(
    lower: &str,
    text: &str,
    amount: &Amount,
    pack: &LangPack,
    unit: Option<String>,
) -> Result<Quantity, ValueError> {
    let ends = parse_num(lower, pack).and_then(|n| finish(n, amount.scale, true));
    let Some((low, high)) = ends.zip(finish(amount.num, amount.scale, true)) else {
        return Err(err(format!("cannot read the amount {lower:?}")));
    };
    if low.nominal >= high.nominal {
        return Err(err(format!(
            "a range must end above its start: {lower} to {text}"
        )));
    }
    let half = |a: &Amount| (a.rounding.high - a.rounding.low) / 2.0;
    let margin = half(&low).min(half(&high));
    Ok(Quantity::new(
        (low.nominal + high.nominal) / 2.0,
        Interval::new(low.nominal - margin, high.nominal + margin),
        // A range states its own spread; a hedge before it ("about") adds none.
        Hedge::Range,
        unit,
        false,
    ))
}

/// A plain number with an optional scale word; its trailing zeros count when
/// `zeros_significant`.
pub(crate) fn number(
    caps: &Captures,
    pack: &LangPack,
    zeros_significant: bool,
) -> Result<Value, ValueError> {
    let text = cap(caps, "amount")
        .or_else(|| cap(caps, "num"))
        .ok_or_else(|| err("no number"))?;
    let amount = parse_amount(text, pack, false, zeros_significant)
        .ok_or_else(|| err(format!("cannot read the number {text:?}")))?;
    if let (Some(lower), Some(_)) = (cap(caps, "num"), cap(caps, "amount")) {
        // "20.000 - 25.000 ca", "zwischen 150 und 200 Kliniken"; not "2019-2023"
        // (but "1000-2000 people").
        let year =
            |t: &str| t.len() == 4 && t.parse::<i32>().is_ok_and(|y| (1800..=2100).contains(&y));
        let close = amount.nominal - parse_num(lower, pack).map_or(f64::MAX, |n| n.value) <= 100.0;
        if year(lower) && year(text) && close {
            return Err(err(format!("{lower}-{text} is a span of years")));
        }
        return range(lower, text, &amount, pack, None).map(Value::Number);
    }
    let hedge = hedge_of(caps, pack);
    let rounding = if hedge == Hedge::None && amount.scale == 1.0 {
        bare_rounding(&amount)
    } else {
        amount.rounding
    };
    Ok(Value::Number(Quantity::new(
        amount.nominal,
        rounding,
        hedge,
        None,
        false,
    )))
}

/// Most a bare whole number without a scale word is taken to be rounded by: 5% of
/// its value either way.
const BARE_ROUNDING: f64 = 0.05;

/// The interval of a bare number written without a scale word ("10 nhà ga", "120
/// km/h", "2.000 km"): its rounding interval, but no wider than [`BARE_ROUNDING`]
/// either way, nor narrower than the number's last digit. Writers who round a count
/// or a measure say so ("about 10", "hơn 2.000 km"); read as rounded to its tens, a
/// bare "10 stations" would agree with 5 to 15 and "100 km/h" with 50 to 150.
/// Figures with a scale word ("800 million", "1 tỷ") keep their rounding interval.
pub(crate) fn bare_rounding(amount: &Amount) -> Interval {
    let wide = amount.rounding;
    let half = (amount.nominal.abs() * BARE_ROUNDING).max(0.5);
    Interval::new(
        wide.low.max(amount.nominal - half),
        wide.high.min(amount.nominal + half),
    )
}

#[cfg(test)]
mod tests {
    use super::super::ValueKind;
    use super::super::testutil::{approx, interval, reads};

    #[test]
    fn money_fragment_and_parse_agree() {
        let cases = [
            ("en", "$146.3 million", (146.25e6, 146.35e6)),
            ("en", "nearly $1 billion", (0.9e9, 1e9)),
            ("vi", "gần 1 tỷ USD", (0.9e9, 1e9)),
            ("vi", "hơn 142 triệu USD", (142e6, 147e6)),
            ("vi", "20.000 tỷ đồng", (1.5e13, 2.5e13)),
            ("de", "800 Mio. US-Dollar", (750e6, 850e6)),
            ("fr", "près d'un milliard de dollars", (0.9e9, 1e9)),
            ("ru", "1 млрд долларов", (0.5e9, 1.5e9)),
        ];
        for (lang, input, want) in cases {
            approx(interval(&reads(lang, ValueKind::Money, input, None)), want);
        }
    }

    #[test]
    fn unrounded_figures_keep_their_trailing_zeros() {
        use super::super::{ParseCtx, parse};
        use crate::fold::fold_str;
        let pack = crate::lang::pack("vi").expect("pack");
        let exact = ParseCtx {
            rounded: false,
            ..ParseCtx::new(pack, None)
        };
        let read =
            |kind, text: &str| interval(&parse(kind, &fold_str(text), &exact).expect("reads"));
        approx(read(ValueKind::Number, "10"), (9.5, 10.5));
        approx(read(ValueKind::Number, "1.000"), (999.5, 1000.5));
        approx(read(ValueKind::Number, "13,05"), (13.045, 13.055));
        approx(read(ValueKind::Number, "khoảng 10"), (9.0, 11.0));
        approx(read(ValueKind::Money, "800 triệu USD"), (799.5e6, 800.5e6));
    }

    #[test]
    fn numbers_fragment_and_parse_agree() {
        approx(
            interval(&reads("en", ValueKind::Number, "800 million", None)),
            (750e6, 850e6),
        );
        // A bare number without a scale word is rounded by at most 5%.
        approx(
            interval(&reads("vi", ValueKind::Number, "1.000", None)),
            (950.0, 1050.0),
        );
        approx(
            interval(&reads("vi", ValueKind::Number, "10", None)),
            (9.5, 10.5),
        );
        approx(
            interval(&reads("en", ValueKind::Number, "about 10", None)),
            (9.0, 11.0),
        );
        approx(
            interval(&reads("en", ValueKind::Number, "8.5", None)),
            (8.45, 8.55),
        );
        approx(
            interval(&reads("de", ValueKind::Number, "dreiunddreißig", None)),
            (32.5, 33.5),
        );
    }
}
