//! Table-driven tests for value reading: `tests/values.tsv`.
//!
//! Every row is folded with `fold::fold_str`, read with `value::parse_any` and compared
//! with the expected value; all failing rows are reported before the test fails. For
//! every successful row the kind's `fragment` must match the matched text exactly
//! (with the since-word of a date placed by one: "seit Juli").

use chrono::NaiveDate;
use factlint::fold::fold;
use factlint::lang::pack;
use factlint::value::{
    DatePrecision, ParseCtx, Value, ValueKind, Written, fragment, parse, parse_any,
};
use regex::Regex;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

const TABLE: &str = include_str!("values.tsv");

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn num(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .map_err(|e| format!("bad number {s:?} in table: {e}"))
}

fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("bad date {s:?}: {e}"))
}

fn check(expected: &[&str], got: &Value) -> Result<(), String> {
    let (kind, rest) = expected.split_first().ok_or("empty expectation")?;
    if got.kind().placeholder() != *kind {
        return Err(format!("expected {kind}, got {got:?}"));
    }
    match got {
        Value::Money(q)
        | Value::Number(q)
        | Value::Measure(q)
        | Value::Percent(q)
        | Value::Change(q)
        | Value::Count(q)
        | Value::Rank(q) => {
            let low = num(rest.first().ok_or("missing low")?)?;
            let high = num(rest.get(1).ok_or("missing high")?)?;
            if !close(q.interval.low, low) || !close(q.interval.high, high) {
                return Err(format!("expected [{low}, {high}], got {q:?}"));
            }
            if let Some(unit) = rest.get(2)
                && q.unit.as_deref() != Some(*unit)
            {
                return Err(format!("expected unit {unit}, got {q:?}"));
            }
        }
        Value::Year(y) => {
            let want: i32 = rest
                .first()
                .ok_or("missing year")?
                .parse()
                .map_err(|_| "bad year")?;
            if *y != want {
                return Err(format!("expected year {want}, got {y}"));
            }
        }
        Value::YearSpan { start, end } => {
            let a: i32 = rest
                .first()
                .ok_or("missing start")?
                .parse()
                .map_err(|_| "bad")?;
            let b: i32 = rest
                .get(1)
                .ok_or("missing end")?
                .parse()
                .map_err(|_| "bad")?;
            if (*start, *end) != (a, b) {
                return Err(format!("expected {a}-{b}, got {start}-{end}"));
            }
        }
        Value::Period(p) => {
            let key = rest.first().ok_or("missing key")?;
            if p.key() != *key {
                return Err(format!("expected period {key}, got {}", p.key()));
            }
        }
        Value::Date(span) | Value::DateRange(span) => {
            let start = date(rest.first().ok_or("missing start")?)?;
            let end = date(rest.get(1).ok_or("missing end")?)?;
            if span.start != start || span.end != end {
                return Err(format!("expected {start}..{end}, got {span:?}"));
            }
            if let Some(p) = rest.get(2) {
                let want = match *p {
                    "day" => DatePrecision::Day,
                    "month" => DatePrecision::Month,
                    "monthpart" => DatePrecision::MonthPart,
                    "yearpart" => DatePrecision::YearPart,
                    "year" => DatePrecision::Year,
                    other => return Err(format!("bad precision {other}")),
                };
                if span.precision != want {
                    return Err(format!("expected precision {p}, got {span:?}"));
                }
            }
        }
        Value::Ordinal(n) => {
            let want: u32 = rest
                .first()
                .ok_or("missing ordinal")?
                .parse()
                .map_err(|_| "bad")?;
            if *n != want {
                return Err(format!("expected ordinal {want}, got {n}"));
            }
        }
    }
    Ok(())
}

/// Anchored fragment regexes, compiled once per (language, kind).
type Cache = HashMap<(String, ValueKind), Regex>;

fn run_row(cols: &[&str], cache: &mut Cache) -> Result<(), String> {
    let [lang, hint, doc, input, expected] = cols else {
        return Err(format!("row needs 5 columns, has {}", cols.len()));
    };
    let pack = pack(lang).ok_or_else(|| format!("no pack {lang}"))?;
    let hint = match *hint {
        "-" => None,
        h => Some(ValueKind::from_placeholder(h).ok_or_else(|| format!("bad hint {h}"))?),
    };
    let doc_date = match *doc {
        "-" => None,
        d => Some(date(d)?),
    };
    let text: String = match input.strip_prefix("NFD:") {
        Some(rest) => rest.nfd().collect(),
        None => (*input).to_string(),
    };
    let folding = fold(&text);
    let folded = &folding.text;
    // As in a document: hedge words count only as the pack writes them.
    let ctx = ParseCtx {
        written: Some(Written {
            original: &text,
            folded: &folding,
            typed_plain: pack.typed_without_diacritics,
        }),
        ..ParseCtx::new(pack, doc_date)
    };
    let expected: Vec<&str> = expected.split_whitespace().collect();
    let result = parse_any(folded, &ctx, hint);
    if expected.first() == Some(&"ERR") {
        return match result {
            Ok(v) => Err(format!("expected an error, got {v:?}")),
            Err(e) => {
                let prefix = expected[1..].join(" ");
                if e.message.starts_with(&prefix) {
                    Ok(())
                } else {
                    Err(format!(
                        "expected error starting {prefix:?}, got {:?}",
                        e.message
                    ))
                }
            }
        };
    }
    let (range, value) = result.map_err(|e| format!("unexpected error: {}", e.message))?;
    check(&expected, &value)?;
    let key = ((*lang).to_string(), value.kind());
    if !cache.contains_key(&key) {
        let re = Regex::new(&format!("^(?:{})$", fragment(value.kind(), pack)))
            .map_err(|e| format!("fragment does not compile: {e}"))?;
        cache.insert(key.clone(), re);
    }
    let re = cache.get(&key).ok_or("cache")?;
    // A date's since-word ("seit Juli") places it but stays outside its range.
    let since_word = value.kind() == ValueKind::Date
        && pack
            .since_words
            .iter()
            .any(|word| folded.get(..range.start).map(str::trim_end) == Some(word.as_str()));
    let with_since = folded.get(..range.end).ok_or("bad range")?;
    let matched = if since_word && re.is_match(with_since) {
        with_since
    } else {
        folded.get(range.clone()).ok_or("bad range")?
    };
    if !re.is_match(matched) {
        return Err(format!("fragment does not match {matched:?} exactly"));
    }
    let again = parse(value.kind(), matched, &ctx).map_err(|e| format!("parse: {}", e.message))?;
    if again != value {
        return Err(format!(
            "parse({matched:?}) = {again:?} differs from {value:?}"
        ));
    }
    Ok(())
}

#[test]
fn value_table() {
    let mut failures = Vec::new();
    let mut rows = 0;
    let mut negatives = 0;
    let mut langs = std::collections::BTreeMap::new();
    let mut cache = Cache::new();
    for (i, line) in TABLE.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        rows += 1;
        if cols.get(4).is_some_and(|e| e.starts_with("ERR")) {
            negatives += 1;
        }
        *langs
            .entry(cols.first().copied().unwrap_or(""))
            .or_insert(0) += 1;
        if let Err(e) = run_row(&cols, &mut cache) {
            failures.push(format!(
                "line {}: {:?}: {e}",
                i + 1,
                cols.get(3).unwrap_or(&"")
            ));
        }
    }
    for f in &failures {
        eprintln!("{f}");
    }
    eprintln!(
        "{rows} rows ({negatives} negative), {} failed; per language {langs:?}",
        failures.len()
    );
    assert!(rows >= 400, "table must have at least 400 rows");
    assert!(negatives >= 60, "table must have at least 60 negative rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed",
        failures.len()
    );
}
