//! Wording shared by the claim-kind modules: how values, intervals and facts are shown.

use super::{Finding, MentionView, Severity, Span};
use crate::corpus::Document;
use crate::extract::Unresolved;
use crate::rules::{Accepted, Claim, Rules, format_quantity};
use crate::value::quantity::RANK_UNIT;
use crate::value::{Hedge, Interval, Quantity};

/// "US$800 million", "nearly US$1 billion", "top 3".
pub(crate) fn quantity(q: &Quantity) -> String {
    if let Some(top) = top_places(&q.interval, q.unit.as_deref()) {
        return top;
    }
    let hedge = match q.hedge {
        // "6,000 – 17,032", not its middle.
        Hedge::Range => return interval(&q.interval, q.unit.as_deref()),
        Hedge::None => "",
        Hedge::Exact => "exactly ",
        Hedge::About => "about ",
        Hedge::Nearly => "nearly ",
        Hedge::MoreThan => "more than ",
        Hedge::LessThan => "less than ",
        Hedge::AtLeast => "at least ",
        Hedge::AtMost => "at most ",
    };
    if q.nominal < 0.0 && !hedge.is_empty() {
        // "lỗ hơn 26.000 tỷ": more than 26,000 billion below zero, not "more than −26,000".
        let size = format_quantity(-q.nominal, q.unit.as_deref());
        return format!("{hedge}{size} below zero");
    }
    format!("{hedge}{}", format_quantity(q.nominal, q.unit.as_deref()))
}

/// A change with its sign: "+99%", "-6.3%", "+0.3 percentage points".
pub(crate) fn change(q: &Quantity) -> String {
    let sign = if q.nominal < 0.0 { "-" } else { "+" };
    format!(
        "{sign}{}",
        format_quantity(q.nominal.abs(), q.unit.as_deref())
    )
}

/// "US$750 million – US$850 million", "over 100 days – 150 days", "top 3".
pub(crate) fn interval(i: &Interval, unit: Option<&str>) -> String {
    if let Some(top) = top_places(i, unit) {
        return top;
    }
    if i.low == i.high {
        return format_quantity(i.low, unit);
    }
    // An end left out is marked: "over 100 days – 150 days", "90 – under 100".
    let end = |open: bool, word: &str, x: f64| {
        let shown = format_quantity(x, unit);
        if open {
            format!("{word} {shown}")
        } else {
            shown
        }
    };
    format!(
        "{} – {}",
        end(i.low_open, "over", i.low),
        end(i.high_open, "under", i.high)
    )
}

/// "top 3" for the ranks 1 to 3.
fn top_places(i: &Interval, unit: Option<&str>) -> Option<String> {
    (unit == Some(RANK_UNIT) && i.low == 1.0 && i.high > 1.0)
        .then(|| format!("top {}", format_quantity(i.high, None)))
}

/// What a mention states, for `found`.
pub(crate) fn found(m: &MentionView) -> String {
    match &m.derived {
        None => quantity(&m.value),
        Some(d) => format!(
            "≈ {} (implied by {}, {})",
            format_quantity(m.value.nominal, m.value.unit.as_deref()),
            quantity(&d.stated),
            change(&d.change)
        ),
    }
}

/// What a fact accepts, for `expected`: "≈ US$1 billion" or "US$124.1 million"; a
/// value the fact gives without a unit takes `unit`, the mention's ("No. 4").
pub(crate) fn expected(accepted: &[Accepted], unit: Option<&str>) -> String {
    accepted
        .iter()
        .map(|a| {
            let value = format_quantity(a.nominal, a.unit.as_deref().or(unit));
            let value = if a.interval.low < a.interval.high {
                format!("≈ {value}")
            } else {
                value
            };
            format!("{value}{}", where_named(a))
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// " where its source is named" after an alternative accepted only there.
pub(crate) fn where_named(accepted: &Accepted) -> &'static str {
    if accepted.only_where_named {
        " where its source is named"
    } else {
        ""
    }
}

/// The sources of a fact's accepted values.
pub(crate) fn sources(accepted: &[Accepted]) -> Option<String> {
    let sources: Vec<&str> = accepted
        .iter()
        .filter_map(|a| a.source.as_deref())
        .collect();
    (!sources.is_empty()).then(|| sources.join("; "))
}

/// Fills a claim's message template, or returns `default`.
pub(crate) fn message(
    claim: &Claim,
    m: &MentionView,
    found: &str,
    expected: &str,
    default: String,
) -> String {
    // Templates are written for stated values; derived ones use the default wording.
    let Some(template) = claim.message.as_ref().filter(|_| m.derived.is_none()) else {
        return default;
    };
    let mut text = template
        .replace("{found}", found)
        .replace("{expected}", expected)
        .replace("{key}", m.key);
    for (name, value) in m.bindings {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The original text of a span, when the span lies in the document.
pub(crate) fn text(doc: &Document, span: Span) -> &str {
    doc.text.get(span.range()).unwrap_or("")
}

/// A note for a claim that needs context the document lacks.
pub(crate) fn unresolved(rules: &Rules, doc: &Document, u: &Unresolved) -> Finding {
    Finding {
        rule: rules.claims[u.claim].id.clone(),
        kind: rules.claims[u.claim].kind.name().to_string(),
        severity: Severity::Note,
        key: None,
        file: doc.name.clone(),
        span: u.span,
        found: Some(text(doc, u.span).to_string()),
        expected: None,
        message: format!("`{}` could not be checked: {}", text(doc, u.span), u.reason),
        help: Some("give the document a date in corpus.toml or its front matter".to_string()),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

/// "2023-08-21", "2023-08-20 – 2023-08-22", "2023-08", "1959".
pub(crate) fn date_span(d: &crate::value::DateSpan) -> String {
    let (start, end) = (d.precision.format(d.start), d.precision.format(d.end));
    if start == end {
        start
    } else {
        format!("{start} – {end}")
    }
}

/// The parts of a temporal finding that differ between claim kinds.
pub(crate) struct TemporalParts {
    pub severity: Severity,
    pub span: Span,
    pub found: String,
    pub expected: String,
    pub message: String,
    pub help: String,
    pub source: Option<String>,
    pub related: Vec<super::Related>,
}

/// A finding of a temporal claim (`date`, `anniversary`, `since`, `first`, `ordinal`).
pub(crate) fn temporal_finding(claim: &Claim, doc: &Document, parts: TemporalParts) -> Finding {
    let key = claim.kind.temporal_key();
    // The claim's `message` template, as for quantity claims: `{found}`, `{expected}`
    // and `{key}`.
    let message = match &claim.message {
        Some(template) => template
            .replace("{found}", &parts.found)
            .replace("{expected}", &parts.expected)
            .replace("{key}", key.as_deref().unwrap_or("")),
        None => parts.message,
    };
    Finding {
        rule: claim.id.clone(),
        kind: claim.kind.name().to_string(),
        severity: parts.severity,
        key,
        file: doc.name.clone(),
        span: parts.span,
        found: Some(parts.found),
        expected: Some(parts.expected),
        message,
        help: Some(claim.help.clone().unwrap_or(parts.help)),
        related: parts.related,
        source: parts.source,
        fix: None,
    }
}

/// A temporal finding at the claim's severity, sourced from `event`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn event_finding(
    claim: &Claim,
    doc: &Document,
    span: Span,
    found: String,
    expected: String,
    message: String,
    help: String,
    event: &crate::rules::Event,
) -> Finding {
    temporal_finding(
        claim,
        doc,
        TemporalParts {
            severity: claim.severity,
            span,
            found,
            expected,
            message,
            help,
            source: event.source.clone(),
            related: Vec::new(),
        },
    )
}

/// A note for a temporal claim that needs the document's date, which is unknown.
pub(crate) fn needs_date(claim: &Claim, doc: &Document, span: Span) -> Finding {
    Finding {
        rule: claim.id.clone(),
        kind: claim.kind.name().to_string(),
        severity: Severity::Note,
        key: claim.kind.temporal_key(),
        file: doc.name.clone(),
        span,
        found: Some(text(doc, span).to_string()),
        expected: None,
        message: format!(
            "`{}` could not be checked: the document has no date",
            text(doc, span)
        ),
        help: Some("give the document a date in corpus.toml or its front matter".to_string()),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
pub(crate) fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn ordinals_take_english_suffixes() {
        let shown: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .into_iter()
            .map(super::ordinal)
            .collect();
        assert_eq!(
            shown,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
    }
}
