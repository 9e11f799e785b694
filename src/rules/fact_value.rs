//! Values as rule authors write them in facts (`"1e9 USD"`, `979.2e6`, `"6.3%"`,
//! `{ amount = 1e9, unit = "USD" }`, a measure in a unit of
//! [`crate::value::measure::UNITS`]: `"4400 MW"`), tolerances (`"15%"`, `50e6`), and the one place
//! quantities are formatted for people ("US$1 billion").

use super::schema::{RawTolerance, RawValue};
use crate::value::quantity::{POINTS_UNIT, RANK_UNIT};

/// A fact value: amount and optional unit. A measure is held in its base unit
/// ("4400 MW" is 4.4e9 W); `size` is how many base units its written unit is (1
/// otherwise), so a tolerance in that unit can be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FactValue {
    pub amount: f64,
    pub unit: Option<String>,
    pub size: f64,
}

impl FactValue {
    /// `amount` in `unit` (normalised, a measure in its base unit).
    fn new(amount: f64, unit: Option<&str>) -> Result<FactValue, String> {
        let amount = finite(amount)?;
        let measure = unit.and_then(|u| {
            crate::value::measure::by_symbol(u)
                .or_else(|| crate::value::measure::time_unit_named(u))
        });
        Ok(match measure {
            Some(measure) => FactValue {
                amount: crate::value::interval::tidy(amount * measure.size),
                unit: Some(measure.base.to_string()),
                size: measure.size,
            },
            None => FactValue {
                amount,
                unit: unit.map(normalise_unit),
                size: 1.0,
            },
        })
    }
}

/// Parses a fact value; the error says what was expected.
pub(crate) fn parse_value(raw: &RawValue) -> Result<FactValue, String> {
    match raw {
        RawValue::Float(amount) => FactValue::new(*amount, None),
        RawValue::Integer(amount) => FactValue::new(*amount as f64, None),
        RawValue::Table { amount, unit } => FactValue::new(*amount, unit.as_deref()),
        RawValue::Text(text) => parse_text(text),
    }
}

/// English scale words a text value may put between its number and its unit
/// ("86.4 billion USD").
const SCALES: [(&str, f64); 8] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("m", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];

fn parse_text(text: &str) -> Result<FactValue, String> {
    let text = text.trim();
    let (number, rest) = match text.strip_suffix('%') {
        Some(number) => (number.trim(), Some("%")),
        None => match text.split_once(char::is_whitespace) {
            Some((number, rest)) => (number, Some(rest.trim())),
            None => (text, None),
        },
    };
    let mut amount: f64 = number.replace('_', "").parse().map_err(|_| {
        format!("`{text}` is not a value: write a number with an optional unit, e.g. \"1e9 USD\" or \"6.3%\"")
    })?;
    let mut unit = rest;
    if let Some(rest) = rest {
        let (word, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        // "519 m" is metres; "5 m USD" five million dollars.
        let metres = word == "m" && after.trim().is_empty();
        if let Some((_, scale)) = SCALES
            .iter()
            .find(|(w, _)| !metres && word.eq_ignore_ascii_case(w))
        {
            amount *= scale;
            unit = Some(after.trim()).filter(|u| !u.is_empty());
        }
    }
    if let Some(unit) = unit
        && unit.contains(char::is_whitespace)
        && !matches!(unit, "per cent")
    {
        return Err(format!(
            "`{text}` is not a value: the unit must be one word (\"USD\", \"EUR\", \"%\"), e.g. \"86.4e9 USD\" or \"86.4 billion USD\""
        ));
    }
    FactValue::new(amount, unit)
}

fn finite(amount: f64) -> Result<f64, String> {
    if amount.is_finite() {
        Ok(amount)
    } else {
        Err("value must be a finite number".to_string())
    }
}

/// A fact's unit as mentions carry it: `%`, a currency code, or a duration unit of
/// counts ("7.86 days" is in `day`, as "7 ngày" is).
fn normalise_unit(unit: &str) -> String {
    match unit {
        "%" | "percent" | "per cent" => "%".to_string(),
        "US$" | "$" | "usd" => "USD".to_string(),
        other => crate::value::quantity::duration_unit_named(&other.to_ascii_lowercase())
            .map_or_else(|| other.to_ascii_uppercase(), str::to_string),
    }
}

/// Half-width of the accepted interval around `amount`.
pub(crate) fn parse_tolerance(raw: &RawTolerance, amount: f64) -> Result<f64, String> {
    let value = match raw {
        RawTolerance::Float(v) => *v,
        RawTolerance::Integer(v) => *v as f64,
        RawTolerance::Text(text) => {
            let text = text.trim();
            match text.strip_suffix('%') {
                Some(pct) => {
                    let pct: f64 = pct.trim().parse().map_err(|_| bad_tolerance(text))?;
                    amount.abs() * pct / 100.0
                }
                None => text.parse().map_err(|_| bad_tolerance(text))?,
            }
        }
    };
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err("tolerance must be a non-negative number or percentage".to_string())
    }
}

fn bad_tolerance(text: &str) -> String {
    format!(
        "`{text}` is not a tolerance: write a percentage (\"15%\") or an absolute amount (50e6)"
    )
}

/// Formats an amount for people: "US$1 billion", "US$124.1 million", "6.3%", "1,200".
pub(crate) fn format_quantity(amount: f64, unit: Option<&str>) -> String {
    if let Some(shown) = unit.and_then(|base| crate::value::measure::shown_in(amount, base)) {
        return format!("{} {}", trim_number(amount / shown.size), shown.symbol);
    }
    let (scaled, scale) = match amount.abs() {
        a if a >= 1e12 => (amount / 1e12, " trillion"),
        a if a >= 1e9 => (amount / 1e9, " billion"),
        a if a >= 1e6 => (amount / 1e6, " million"),
        _ => (amount, ""),
    };
    let number = trim_number(scaled);
    match unit {
        Some("USD") => format!("US${number}{scale}"),
        Some("EUR") => format!("€{number}{scale}"),
        Some("%") => format!("{number}%"),
        Some(unit) if crate::value::quantity::is_duration_unit(unit) => format!("{number} {unit}s"),
        Some(RANK_UNIT) => format!("No. {number}"),
        Some(POINTS_UNIT) => format!("{number} percentage points"),
        Some(other) => format!("{number}{scale} {other}"),
        None => format!("{number}{scale}"),
    }
}

/// A number with at most 4 significant digits (and at most 3 decimals), no
/// trailing zeros: 146.3, 402, 1.1, 969.4.
fn trim_number(value: f64) -> String {
    let magnitude = if value == 0.0 {
        0
    } else {
        value.abs().log10().floor() as i32
    };
    let decimals = (3 - magnitude).clamp(0, 3) as usize;
    let text = format!("{value:.decimals$}");
    // Zeros after a decimal point only: "2200" keeps its own.
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text.as_str()
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duration_fact_is_in_a_count_unit() {
        let v = parse_value(&RawValue::Text("7.86 days".into())).expect("value");
        assert_eq!((v.amount, v.unit.as_deref()), (7.86, Some("day")));
        let v = parse_value(&RawValue::Text("3 Years".into())).expect("value");
        assert_eq!(v.unit.as_deref(), Some("year"));
    }

    #[test]
    fn parses_text_values() {
        let v = parse_value(&RawValue::Text("979.2e6 USD".into())).expect("value");
        assert_eq!(v.amount, 979.2e6);
        assert_eq!(v.unit.as_deref(), Some("USD"));
        let p = parse_value(&RawValue::Text("6.3%".into())).expect("percent");
        assert_eq!((p.amount, p.unit.as_deref()), (6.3, Some("%")));
        assert!(parse_value(&RawValue::Text("about a billion".into())).is_err());
        // A scale word is read, not taken for a unit ("BILLION USD").
        let b = parse_value(&RawValue::Text("86.4 billion USD".into())).expect("scaled");
        assert_eq!((b.amount, b.unit.as_deref()), (86.4e9, Some("USD")));
        let m = parse_value(&RawValue::Text("800 million".into())).expect("no unit");
        assert_eq!((m.amount, m.unit), (800e6, None));
        assert!(parse_value(&RawValue::Text("86.4 billion US dollars".into())).is_err());
        assert!(parse_value(&RawValue::Text("inf".into())).is_err());
    }

    #[test]
    fn measures_are_held_in_their_base_unit() {
        let text = |t: &str| parse_value(&RawValue::Text(t.into())).expect(t);
        let mw = text("4400 MW");
        assert_eq!(
            (mw.amount, mw.unit.as_deref(), mw.size),
            (4.4e9, Some("W"), 1e6)
        );
        assert_eq!(text("4.4 GW").amount, mw.amount);
        let twh = text("308 billion kWh");
        assert_eq!((twh.amount, twh.unit.as_deref()), (308e12, Some("Wh")));
        // A lone "m" after the number is metres, not millions.
        let metres = text("519 m");
        assert_eq!((metres.amount, metres.unit.as_deref()), (519.0, Some("m")));
        assert_eq!(text("5 m USD").amount, 5e6);
        let table = parse_value(&RawValue::Table {
            amount: 519.0,
            unit: Some("km".into()),
        })
        .expect("table");
        assert_eq!((table.amount, table.unit.as_deref()), (519e3, Some("m")));
    }

    #[test]
    fn tolerances() {
        assert_eq!(
            parse_tolerance(&RawTolerance::Text("10%".into()), 1e9),
            Ok(1e8)
        );
        assert_eq!(parse_tolerance(&RawTolerance::Float(5e6), 1e9), Ok(5e6));
        assert!(parse_tolerance(&RawTolerance::Text("-1".into()), 1.0).is_err());
    }

    #[test]
    fn formats_for_people() {
        assert_eq!(format_quantity(1e9, Some("USD")), "US$1 billion");
        assert_eq!(format_quantity(124.1e6, Some("USD")), "US$124.1 million");
        assert_eq!(format_quantity(401.5e6, Some("USD")), "US$401.5 million");
        assert_eq!(format_quantity(402.01e6, Some("USD")), "US$402 million");
        assert_eq!(format_quantity(969.408e6, Some("USD")), "US$969.4 million");
        assert_eq!(format_quantity(1234.0, None), "1234");
        assert_eq!(format_quantity(2200.0, None), "2200");
        assert_eq!(format_quantity(5000.0, None), "5000");
        assert_eq!(format_quantity(7.86, Some("day")), "7.86 days");
        assert_eq!(format_quantity(2020.4, Some("year")), "2020 years");
        assert_eq!(format_quantity(6.3, Some("%")), "6.3%");
        assert_eq!(format_quantity(4.0, Some("rank")), "No. 4");
        assert_eq!(format_quantity(4.4e9, Some("W")), "4.4 GW");
        assert_eq!(format_quantity(308e12, Some("Wh")), "308 TWh");
        assert_eq!(format_quantity(519e3, Some("m")), "519 km");
        assert_eq!(format_quantity(800.0, Some("m")), "800 m");
        assert_eq!(format_quantity(170e6, Some("t")), "170 Mt");
    }
}
