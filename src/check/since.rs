// The module documentation lives in doc/since.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/since.md")]

use super::describe;
use super::timeline;
use super::verdict::Step;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention};
use crate::rules::{Claim, ClaimKind, Event, Rules};
use crate::value::calendar::{calendar_years, completed_years};
use crate::value::date::DateSpan;
use crate::value::{DatePrecision, Hedge};

/// The arithmetic and verdict for one mention of a `since` or `first` claim.
pub(crate) fn assess(
    rules: &Rules,
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
) -> Vec<Step> {
    let (ClaimKind::Since { tags } | ClaimKind::First { tags }) = &claim.kind else {
        return Vec::new();
    };
    let events = timeline::matching(rules, tags, &[]);
    let Some(doc_date) = doc.date else {
        return vec![Step::finding(
            String::new(),
            describe::needs_date(claim, doc, m.span),
        )];
    };
    let Some(current) = timeline::current(&events, doc_date) else {
        return vec![Step::unchecked(
            format!(
                "document {doc_date}: no event carrying all of {} is current",
                tags.join(", ")
            ),
            "no event to compare with",
        )];
    };
    let previous = timeline::before(&events, current).last().copied();
    let step = match (&claim.kind, &m.stated, previous) {
        (ClaimKind::First { .. }, _, Some(previous)) => Step::finding(
            first_arithmetic(current, Some(previous), tags),
            describe::event_finding(
                claim,
                doc,
                m.span,
                "claimed first ever".to_string(),
                format!(
                    "not the first: {} ({})",
                    previous.label,
                    describe::date_span(&previous.date)
                ),
                format!(
                    "`{}`: an earlier event carries the same tags",
                    describe::text(doc, m.span)
                ),
                first_arithmetic(current, Some(previous), tags),
                previous,
            ),
        ),
        (ClaimKind::First { .. }, _, None) => Step::ok(first_arithmetic(current, None, tags)),
        (ClaimKind::Since { .. }, Stated::Count { amount: years, .. }, previous) => {
            since(claim, doc, m, years, current, previous, tags)
        }
        (ClaimKind::Since { .. }, Stated::Date { date, .. }, previous) => {
            since_date(claim, doc, m, date, current, previous, tags)
        }
        _ => return Vec::new(),
    };
    vec![step]
}

/// "A (date) came before B (date); tags: …" or "no event before B (date) carries all of: …".
fn first_arithmetic(current: &Event, previous: Option<&Event>, tags: &[String]) -> String {
    match previous {
        Some(previous) => format!(
            "{} ({}) came before {} ({}); tags: {}",
            previous.label,
            describe::date_span(&previous.date),
            current.label,
            describe::date_span(&current.date),
            tags.join(", ")
        ),
        None => format!(
            "no event before {} ({}) carries all of: {}",
            current.label,
            describe::date_span(&current.date),
            tags.join(", ")
        ),
    }
}

/// "The first … since 2018": the previous event must fall within the stated span.
fn since_date(
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
    stated: &DateSpan,
    current: &Event,
    previous: Option<&Event>,
    tags: &[String],
) -> Step {
    let text = describe::text(doc, m.span);
    let written = describe::date_span(stated);
    let Some(previous) = previous else {
        let found = format!("since {written}");
        return no_previous(claim, doc, m, (found.clone(), found), current, tags);
    };
    let arithmetic = format!(
        "{}; stated since {written}",
        previous_and_current(previous, current)
    );
    let fits = previous.date.start <= stated.end && stated.start <= previous.date.end;
    let expected = describe::date_span(&as_written(&previous.date, stated));
    verdict(
        (claim, doc, m),
        fits,
        arithmetic,
        (format!("since {written}"), format!("since {expected}")),
        format!(
            "`{text}` does not name the time of the previous event, {}",
            previous.label
        ),
        previous,
    )
}

/// "previous A (date), this B (date)".
fn previous_and_current(previous: &Event, current: &Event) -> String {
    format!(
        "previous {} ({}), this {} ({})",
        previous.label,
        describe::date_span(&previous.date),
        current.label,
        describe::date_span(&current.date),
    )
}

/// The step of a `since` mention compared with the previous event: ok when it
/// `fits`, else a finding with the `(found, expected)` pair and `message`.
fn verdict(
    (claim, doc, m): (&Claim, &Document, &TemporalMention),
    fits: bool,
    arithmetic: String,
    (found, expected): (String, String),
    message: String,
    previous: &Event,
) -> Step {
    if fits {
        return Step::ok(arithmetic);
    }
    Step::finding(
        arithmetic.clone(),
        describe::event_finding(
            claim, doc, m.span, found, expected, message, arithmetic, previous,
        ),
    )
}

/// `date` at the precision `written` has ("since 2018" expects a year).
fn as_written(date: &DateSpan, written: &DateSpan) -> DateSpan {
    let precision = match (date.precision, written.precision) {
        (_, DatePrecision::Year) | (DatePrecision::Year, _) => DatePrecision::Year,
        (_, DatePrecision::Month | DatePrecision::YearPart)
        | (DatePrecision::Month | DatePrecision::YearPart, _) => DatePrecision::Month,
        _ => DatePrecision::Day,
    };
    DateSpan {
        precision,
        ..date.clone()
    }
}

/// A `since` mention with no earlier event carrying the tags.
fn no_previous(
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
    (found, stated): (String, String),
    current: &Event,
    tags: &[String],
) -> Step {
    let text = describe::text(doc, m.span);
    let help = format!(
        "no event before {} carries all of: {}; add it to the rules or correct the copy",
        current.label,
        tags.join(", ")
    );
    Step::finding(
        format!("{help}; stated {stated}"),
        describe::event_finding(
            claim,
            doc,
            m.span,
            found,
            "no earlier event".to_string(),
            format!("`{text}` implies an earlier event, but none carries the tags"),
            help,
            current,
        ),
    )
}

fn since(
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
    years: &crate::value::Quantity,
    current: &Event,
    previous: Option<&Event>,
    tags: &[String],
) -> Step {
    let text = describe::text(doc, m.span);
    let Some(previous) = previous else {
        let found = (
            format!("{} years", years.nominal),
            years.nominal.to_string(),
        );
        return no_previous(claim, doc, m, found, current, tags);
    };
    // Two events known only by their years (annual figures: "the first record in six
    // years", 2019 to 2025) are as many years apart as their years.
    let yearly = [&previous.date, &current.date]
        .iter()
        .all(|date| date.precision == DatePrecision::Year);
    let counts = if yearly {
        vec![calendar_years(previous.date.start, current.date.start)]
    } else {
        vec![
            completed_years(previous.date.start, current.date.start),
            completed_years(previous.date.end, current.date.start),
            calendar_years(previous.date.start, current.date.start),
        ]
    };
    let low = counts.iter().copied().min().unwrap_or(0);
    let high = counts.iter().copied().max().unwrap_or(0);
    // A hedged count is held to the time to the day, as an `elapsed` claim's: "nearly
    // six years" is under six, "more than ten years" over ten. A bare one may be
    // either whole count.
    let hedged = !matches!(years.hedge, Hedge::None | Hedge::Exact);
    let fits = if hedged {
        super::elapsed::hedged_years_fit(years, &previous.date, current.date.start)
    } else {
        (low..=high)
            .any(|n| years.interval.low <= f64::from(n) && f64::from(n) <= years.interval.high)
    };
    let expected = if hedged {
        let to_the_day = super::elapsed::years_between(previous.date.start, current.date.start);
        format!("{to_the_day:.1} years")
    } else if low == high {
        format!("{low} years")
    } else {
        format!("{low} or {high} years")
    };
    let arithmetic = format!(
        "{}: {expected}; stated {}",
        previous_and_current(previous, current),
        years.nominal
    );
    verdict(
        (claim, doc, m),
        fits,
        arithmetic,
        (format!("{} years", years.nominal), expected),
        format!("`{text}` does not match the gap since {}", previous.label),
        previous,
    )
}
