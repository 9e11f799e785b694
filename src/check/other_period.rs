//! A precise figure stated for one period that the rules record for another:
//! "Back in 2018, when two-way trade was $542.7 million" (the 2017 figure). A key
//! with no fact gets a warning (for a figure alone in its sentence, of a period of
//! the same kind: a year's figure for another year); a conflict with a fact says
//! whose figure it is.
//!
//! Only figures written with three or more significant digits, the last not 0 or 5
//! (542.7 million, 623 million), are matched, against recorded values written as
//! precisely: two round figures ("800 million") agree by coincidence too often.

use super::describe;
use super::{Finding, Located, Severity};
use crate::rules::{Accepted, Fact, Rules};
use crate::value::{Hedge, Quantity};

/// The fact of another period of `key` (a key that differs only in its last part)
/// that records `value` with the same precision, if exactly one does.
pub(crate) fn recorded_for<'r>(
    rules: &'r Rules,
    key: &str,
    value: &Quantity,
) -> Option<(&'r Fact, &'r Accepted)> {
    if matches!(
        value.hedge,
        Hedge::MoreThan | Hedge::LessThan | Hedge::AtLeast | Hedge::AtMost
    ) || !precise(value.nominal)
    {
        return None;
    }
    let (family, period) = key.rsplit_once('/')?;
    let mut found = rules.facts.iter().filter(|f| f.key != key).filter_map(|f| {
        let (other_family, other_period) = f.key.rsplit_once('/')?;
        (other_family == family && same_shape(period, other_period)).then_some(())?;
        let accepted = f.accepted.iter().find(|a| {
            !a.only_where_named
                && a.unit == value.unit
                && precise(a.nominal)
                && a.interval.contains(value.nominal)
        })?;
        Some((f, accepted))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// "… is the figure the rules record for `trade/vn-kz/2017` (US$542.7 million)".
pub(crate) fn note(fact: &Fact, accepted: &Accepted) -> String {
    let unit = accepted.unit.as_deref();
    format!(
        "it is the figure the rules record for `{}` ({}{})",
        fact.key,
        crate::rules::format_quantity(accepted.nominal, unit),
        accepted
            .source
            .as_ref()
            .map(|s| format!(", {s}"))
            .unwrap_or_default()
    )
}

/// Warns on each mention of `key` (a key without a fact) whose figure the rules
/// record for another period. Only a figure alone in its sentence: beside others
/// ("… so với mức bình quân khoảng 627 USD/tấn của cả năm 2024") it may be the base
/// of a comparison, of the period the sentence names.
pub(crate) fn check(rules: &Rules, key: &str, mentions: &[Located], out: &mut Vec<Finding>) {
    for located in mentions {
        let m = &located.mention;
        if m.derived.is_some() || m.among_figures {
            continue;
        }
        let Some((fact, accepted)) = recorded_for(rules, key, &m.value) else {
            continue;
        };
        let claim = &rules.claims[m.claim];
        let text = located.text;
        let found = describe::found(m);
        // The claim's `message` template speaks of a recorded fact, which `key` lacks:
        // there is no expected value either.
        out.push(Finding {
            rule: claim.id.clone(),
            kind: claim.kind.name().to_string(),
            severity: Severity::Warning,
            key: Some(key.to_string()),
            file: located.doc.to_string(),
            span: m.span,
            message: format!("`{text}` is stated for `{key}`, but {}", note(fact, accepted)),
            found: Some(found),
            expected: None,
            help: Some(format!(
                "no fact exists for `{key}`; check the period of the figure, or add a [[fact]] for `{key}` if it is right"
            )),
            related: Vec::new(),
            source: None,
            fix: None,
        });
    }
}

/// Whether two periods are of one kind (two years, two quarters): a half-year's
/// figure beside the whole year's ("6 tháng đầu năm … so với khoảng 627 USD/tấn
/// của cả năm 2024") is a comparison, not a figure moved to another year.
fn same_shape(a: &str, b: &str) -> bool {
    let shape = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect()
    };
    shape(a) == shape(b)
}

/// Whether a figure is written precisely enough to be recognised: three or more
/// significant digits, the last neither 0 nor 5.
fn precise(x: f64) -> bool {
    if !(x.is_finite() && x > 0.0) {
        return false;
    }
    let digits = format!("{:.6e}", x);
    let mantissa: String = digits
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let significant = mantissa.trim_end_matches('0');
    significant.len() >= 3 && !significant.ends_with('5')
}

#[cfg(test)]
mod tests {
    use super::precise;

    #[test]
    fn periods_of_one_kind() {
        assert!(super::same_shape("2018", "2017"));
        assert!(super::same_shape("2025-H1", "2024-H1"));
        assert!(!super::same_shape("2025-H1", "2024"));
    }

    #[test]
    fn precise_figures_have_three_significant_digits() {
        assert!(precise(542.7e6));
        assert!(precise(623e6));
        assert!(precise(146.3e6));
        assert!(!precise(800e6));
        assert!(!precise(1.5e9));
        assert!(!precise(1e9));
        assert!(!precise(525e6));
        assert!(!precise(42.0));
    }
}
