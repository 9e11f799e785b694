// The module documentation lives in doc/date.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/date.md")]

use super::describe::{self, TemporalParts};
use super::{Finding, Related};
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention};
use crate::rules::{Claim, Event, EventStatus};
use crate::value::DateSpan;

pub(crate) fn check(
    claim: &Claim,
    event: &Event,
    doc: &Document,
    mentions: &[&TemporalMention],
    out: &mut Vec<Finding>,
) {
    let mut conflicting: Vec<(&TemporalMention, &DateSpan, u8)> = mentions
        .iter()
        .filter_map(|m| match &m.stated {
            Stated::Date { date, specificity } if !overlaps(date, &event.date) => {
                Some((*m, date, *specificity))
            }
            _ => None,
        })
        .collect();
    // The most precisely written first; ties: the earliest.
    conflicting.sort_by_key(|(m, _, specificity)| (std::cmp::Reverse(*specificity), m.span.start));
    let Some(((reported, date, _), others)) = conflicting.split_first() else {
        return;
    };
    let related = others
        .iter()
        .map(|(m, d, _)| Related {
            file: doc.name.clone(),
            span: m.span,
            note: format!("also states {}", describe::date_span(d)),
        })
        .collect();
    out.push(conflict(claim, event, doc, reported, date, related));
}

fn conflict(
    claim: &Claim,
    event: &Event,
    doc: &Document,
    m: &TemporalMention,
    date: &DateSpan,
    related: Vec<Related>,
) -> Finding {
    let text = describe::text(doc, m.span);
    let stated = describe::date_span(date);
    let actual = describe::date_span(&event.date);
    let planned = event
        .planned_date
        .as_ref()
        .filter(|p| event.status == EventStatus::Postponed && overlaps(date, p));
    let help = match planned {
        Some(planned) => format!(
            "{} was planned for {} and postponed; it took place {actual}",
            event.label,
            describe::date_span(planned)
        ),
        None => format!("{} took place {actual}", event.label),
    };
    let doc_date = doc
        .date
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    describe::temporal_finding(
        claim,
        doc,
        TemporalParts {
            severity: claim.severity,
            span: m.span,
            found: stated.clone(),
            expected: actual.clone(),
            message: format!(
                "`{text}` ({stated}) conflicts with the dates of {}: {actual}",
                event.label
            ),
            help: format!("{help}; `{text}` reads as {stated} (document dated {doc_date})"),
            source: event.source.clone(),
            related,
        },
    )
}

fn overlaps(a: &DateSpan, b: &DateSpan) -> bool {
    a.start <= b.end && b.start <= a.end
}
