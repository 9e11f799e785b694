//! One value read out of a short text, as `factlint parse` reports it.
//!
//! A side door into the value layer (`fold` → `value::parse_any`) for pipelines and for
//! checking how factlint reads a phrase: the result is plain data in base units
//! (1.5e9, not "1.5 billion"), with the span of the value in the ORIGINAL text.
//! The JSON shape is documented in docs/cli.md.

use chrono::NaiveDate;
use serde::Serialize;

use crate::check::Span;
use crate::value::{DateSpan, Hedge, ParseCtx, Quantity, Value, ValueKind};

/// A value as `factlint parse` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reading {
    /// `money`, `number`, `percent`, `change`, `duration`, `year`, `period`, `date`,
    /// `daterange`, `yearspan`, `ordinal` or `rank`.
    pub kind: &'static str,
    /// The nominal number in base units, when the value is a number.
    pub value: Option<f64>,
    /// Lower end of the interval the text stands for.
    pub low: Option<f64>,
    /// Upper end of that interval.
    pub high: Option<f64>,
    /// `USD`, `VND`, `EUR`, `KZT`, `%`, `year`, or none.
    pub unit: Option<String>,
    /// `exact`, `about`, `nearly`, `more_than`, `less_than`, `at_least`, `at_most`,
    /// `range` or `none`.
    pub hedge: &'static str,
    /// A single date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or period key.
    pub date: Option<String>,
    /// Start of a range.
    pub start: Option<String>,
    /// End of a range.
    pub end: Option<String>,
    /// Byte span of the value in the text given.
    pub span: Span,
}

/// The value kinds `--kind` accepts, by name (`duration` is an alias of `count`).
pub fn kind_by_name(name: &str) -> Option<ValueKind> {
    match name {
        "duration" => Some(ValueKind::Count),
        other => ValueKind::from_placeholder(other),
    }
}

/// Reads the most specific value in `text` (language `lang`; relative dates resolve
/// against `doc_date`). The error says why nothing could be read.
pub fn read(
    text: &str,
    lang: &str,
    doc_date: Option<NaiveDate>,
    hint: Option<ValueKind>,
) -> Result<Reading, String> {
    let pack = crate::lang::pack(lang).ok_or_else(|| {
        format!(
            "no language pack for `{lang}` (known: {})",
            crate::lang::known_codes().join(", ")
        )
    })?;
    let folded = crate::fold::fold(text);
    let ctx = ParseCtx {
        written: Some(crate::value::Written {
            original: text,
            folded: &folded,
            typed_plain: pack.typed_without_diacritics,
        }),
        ..ParseCtx::new(pack, doc_date)
    };
    let (range, value) =
        crate::value::parse_any(&folded.text, &ctx, hint).map_err(|e| e.message)?;
    let span = Span::new(folded.to_original(range));
    Ok(reading(&value, span))
}

fn reading(value: &Value, span: Span) -> Reading {
    let empty = Reading {
        kind: "",
        value: None,
        low: None,
        high: None,
        unit: None,
        hedge: "none",
        date: None,
        start: None,
        end: None,
        span,
    };
    let quantity = |kind, q: &Quantity| Reading {
        kind,
        value: Some(q.nominal),
        low: Some(q.interval.low),
        high: Some(q.interval.high),
        unit: q.unit.clone(),
        hedge: hedge(q.hedge),
        ..empty.clone()
    };
    match value {
        Value::Money(q) => quantity("money", q),
        Value::Number(q) => quantity("number", q),
        Value::Measure(q) => quantity("measure", q),
        Value::Percent(q) => quantity("percent", q),
        Value::Change(q) => quantity("change", q),
        Value::Count(q) => quantity("duration", q),
        Value::Rank(q) => quantity("rank", q),
        Value::Year(year) => Reading {
            kind: "year",
            value: Some(f64::from(*year)),
            date: Some(year.to_string()),
            ..empty
        },
        Value::Period(period) => Reading {
            kind: "period",
            date: Some(period.key()),
            ..empty
        },
        Value::Date(d) => Reading {
            kind: "date",
            date: Some(d.precision.format(d.start)),
            start: (d.start != d.end).then(|| d.start.to_string()),
            end: (d.start != d.end).then(|| d.end.to_string()),
            ..empty
        },
        Value::DateRange(d) => range("daterange", d, empty),
        Value::YearSpan { start, end } => Reading {
            kind: "yearspan",
            start: Some(start.to_string()),
            end: Some(end.to_string()),
            ..empty
        },
        Value::Ordinal(n) => Reading {
            kind: "ordinal",
            value: Some(f64::from(*n)),
            low: Some(f64::from(*n)),
            high: Some(f64::from(*n)),
            hedge: "exact",
            ..empty
        },
    }
}

fn range(kind: &'static str, d: &DateSpan, empty: Reading) -> Reading {
    Reading {
        kind,
        start: Some(d.precision.format(d.start)),
        end: Some(d.precision.format(d.end)),
        ..empty
    }
}

fn hedge(h: Hedge) -> &'static str {
    match h {
        Hedge::None => "none",
        Hedge::Exact => "exact",
        Hedge::About => "about",
        Hedge::Nearly => "nearly",
        Hedge::MoreThan => "more_than",
        Hedge::LessThan => "less_than",
        Hedge::AtLeast => "at_least",
        Hedge::AtMost => "at_most",
        Hedge::Range => "range",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_base_units_with_original_span() {
        let r = read("Kim ngạch đạt gần 1 tỷ USD.", "vi", None, None).expect("reads");
        assert_eq!(r.kind, "money");
        assert_eq!(
            (r.value, r.low, r.high),
            (Some(1e9), Some(0.9e9), Some(1e9))
        );
        assert_eq!(r.hedge, "nearly");
        assert_eq!(
            &"Kim ngạch đạt gần 1 tỷ USD."[r.span.range()],
            "gần 1 tỷ USD"
        );
    }

    #[test]
    fn dates_need_the_document_date_for_relative_words() {
        let date = NaiveDate::from_ymd_opt(2023, 8, 21);
        let r = read("Chiều 21/8", "vi", date, Some(ValueKind::Date)).expect("reads");
        assert_eq!(r.date.as_deref(), Some("2023-08-21"));
        assert!(read("hôm qua", "vi", None, Some(ValueKind::Date)).is_err());
    }

    #[test]
    fn unknown_language_is_an_error() {
        assert!(
            read("1", "xx", None, None)
                .expect_err("no pack")
                .contains("xx")
        );
    }
}
