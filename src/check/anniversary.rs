// The module documentation lives in doc/anniversary.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/anniversary.md")]

use chrono::{Datelike, NaiveDate};

use super::Finding;
use super::describe;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention, WrittenSpan};
use crate::rules::{Claim, Event};
use crate::value::calendar::{accepted_years, calendar_years, completed_years};

pub(crate) fn check(
    claim: &Claim,
    event: &Event,
    doc: &Document,
    mentions: &[&TemporalMention],
    out: &mut Vec<Finding>,
) {
    for m in mentions {
        let Stated::Count {
            years,
            written_span,
        } = &m.stated
        else {
            continue;
        };
        let Some(doc_date) = doc.date else {
            out.push(describe::needs_date(claim, doc, m.span));
            continue;
        };
        let (low, high) = accepted_years(event.date.start, event.date.end, doc_date);
        let arithmetic = arithmetic(event, doc_date);
        let stated_ok = (low..=high)
            .any(|n| years.interval.low <= f64::from(n) && f64::from(n) <= years.interval.high);
        let text = describe::text(doc, m.span);
        if !stated_ok {
            out.push(describe::event_finding(
                claim,
                doc,
                m.span,
                format!("{} years", years.nominal),
                expected_years(low, high),
                format!(
                    "`{text}` since {} does not match the document date",
                    event.label
                ),
                format!("{arithmetic}; stated {}", years.nominal),
                event,
            ));
        }
        if let Some((span, written)) = written_span
            && let Some(problem) = span_problem(written, event, doc_date, years.nominal)
        {
            out.push(describe::event_finding(
                claim,
                doc,
                *span,
                describe::text(doc, *span).to_string(),
                problem.0,
                format!(
                    "`{}` is not the span since {}",
                    describe::text(doc, *span),
                    event.label
                ),
                format!("{}; {arithmetic}", problem.1),
                event,
            ));
        }
    }
}

/// "event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years".
fn arithmetic(event: &Event, doc_date: NaiveDate) -> String {
    format!(
        "event {}, document {doc_date}: {} completed years, {} calendar years",
        describe::date_span(&event.date),
        completed_years(event.date.end, doc_date),
        calendar_years(event.date.start, doc_date)
    )
}

fn expected_years(low: i32, high: i32) -> String {
    if low == high {
        format!("{low} years")
    } else {
        format!("{low} or {high} years")
    }
}

/// What is wrong with a written span, if anything: (expected, explanation).
fn span_problem(
    written: &WrittenSpan,
    event: &Event,
    doc_date: NaiveDate,
    stated: f64,
) -> Option<(String, String)> {
    let event_year = event.date.start.year();
    let anniversary_year = event_year + stated.round() as i32;
    let good_end = |year: i32| year == doc_date.year() || year == anniversary_year;
    match written {
        WrittenSpan::Years { start, end } => {
            let ok =
                (event.date.start.year()..=event.date.end.year()).contains(start) && good_end(*end);
            (!ok).then(|| {
                (
                    format!("({event_year}-{})", doc_date.year()),
                    format!(
                        "the span should start in {event_year} (the event) and end in {} (the document) or {anniversary_year} (the anniversary)",
                        doc_date.year()
                    ),
                )
            })
        }
        WrittenSpan::Dates(dates) => {
            let starts_on_event = dates.start >= event.date.start && dates.start <= event.date.end;
            let ok = starts_on_event && good_end(dates.end.year());
            (!ok).then(|| {
                (
                    format!("from {}", describe::date_span(&event.date)),
                    format!(
                        "the span should start on {} (the event) and end in {} or {anniversary_year}",
                        describe::date_span(&event.date),
                        doc_date.year()
                    ),
                )
            })
        }
    }
}
