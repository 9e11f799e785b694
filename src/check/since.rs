// The module documentation lives in doc/since.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/since.md")]

use chrono::NaiveDate;

use super::Finding;
use super::describe;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention};
use crate::rules::{Claim, ClaimKind, Event, Rules};
use crate::value::calendar::{calendar_years, completed_years};

/// Days ahead of the document date within which an upcoming event is "current".
const PREVIEW_DAYS: i64 = 31;

pub(crate) fn check(
    rules: &Rules,
    claim: &Claim,
    doc: &Document,
    mentions: &[&TemporalMention],
    out: &mut Vec<Finding>,
) {
    let (ClaimKind::Since { tags } | ClaimKind::First { tags }) = &claim.kind else {
        return;
    };
    let mut events: Vec<&Event> = rules
        .events
        .iter()
        .filter(|e| tags.iter().all(|t| e.tags.contains(t)))
        .collect();
    events.sort_by_key(|e| (e.date.start, e.id.as_str()));
    for m in mentions {
        let Some(doc_date) = doc.date else {
            out.push(describe::needs_date(claim, doc, m.span));
            continue;
        };
        let Some(current) = current_event(&events, doc_date) else {
            continue;
        };
        let previous = events
            .iter()
            .rev()
            .find(|e| e.date.start < current.date.start);
        match (&claim.kind, &m.stated, previous) {
            (ClaimKind::First { .. }, _, Some(previous)) => out.push(describe::event_finding(
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
                format!(
                    "{} ({}) came before {} ({}); tags: {}",
                    previous.label,
                    describe::date_span(&previous.date),
                    current.label,
                    describe::date_span(&current.date),
                    tags.join(", ")
                ),
                previous,
            )),
            (ClaimKind::Since { .. }, Stated::Count { years, .. }, previous) => {
                since(claim, doc, m, years, current, previous, tags, out);
            }
            _ => {}
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn since(
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
    years: &crate::value::Quantity,
    current: &Event,
    previous: Option<&&Event>,
    tags: &[String],
    out: &mut Vec<Finding>,
) {
    let text = describe::text(doc, m.span);
    let Some(previous) = previous else {
        out.push(describe::event_finding(
            claim,
            doc,
            m.span,
            format!("{} years", years.nominal),
            "no earlier event".to_string(),
            format!("`{text}` implies an earlier event, but none carries the tags"),
            format!(
                "no event before {} carries all of: {}; add it to the rules or correct the copy",
                current.label,
                tags.join(", ")
            ),
            current,
        ));
        return;
    };
    let counts = [
        completed_years(previous.date.start, current.date.start),
        completed_years(previous.date.end, current.date.start),
        calendar_years(previous.date.start, current.date.start),
    ];
    let low = counts.iter().copied().min().unwrap_or(0);
    let high = counts.iter().copied().max().unwrap_or(0);
    let fits = (low..=high)
        .any(|n| years.interval.low <= f64::from(n) && f64::from(n) <= years.interval.high);
    if fits {
        return;
    }
    let expected = if low == high {
        format!("{low} years")
    } else {
        format!("{low} or {high} years")
    };
    out.push(describe::event_finding(
        claim,
        doc,
        m.span,
        format!("{} years", years.nominal),
        expected.clone(),
        format!("`{text}` does not match the gap since {}", previous.label),
        format!(
            "previous {} ({}), this {} ({}): {expected}; stated {}",
            previous.label,
            describe::date_span(&previous.date),
            current.label,
            describe::date_span(&current.date),
            years.nominal
        ),
        previous,
    ));
}

/// The event a document dated `date` speaks of (see the module docs).
fn current_event<'a>(events: &[&'a Event], date: NaiveDate) -> Option<&'a Event> {
    let ongoing = events
        .iter()
        .find(|e| e.date.start <= date && date <= e.date.end);
    let upcoming = || {
        events
            .iter()
            .find(|e| e.date.start > date && (e.date.start - date).num_days() <= PREVIEW_DAYS)
    };
    let latest = || events.iter().rev().find(|e| e.date.start <= date);
    ongoing.or_else(upcoming).or_else(latest).copied()
}
