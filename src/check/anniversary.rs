// The module documentation lives in doc/anniversary.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/anniversary.md")]

use chrono::{Datelike, NaiveDate};

use super::describe;
use super::verdict::Step;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention, WrittenSpan};
use crate::rules::{Claim, Event};
use crate::value::calendar::{accepted_years, calendar_years, completed_years, shifted};

/// The arithmetic and verdict for one mention: the count, then the written span if any.
pub(crate) fn assess(
    claim: &Claim,
    event: &Event,
    doc: &Document,
    m: &TemporalMention,
) -> Vec<Step> {
    let Stated::Count {
        amount: years,
        written_span,
        calendar,
        reference_shift,
        named_years,
    } = &m.stated
    else {
        return Vec::new();
    };
    let Some(doc_date) = doc.date else {
        return vec![Step::finding(
            String::new(),
            describe::needs_date(claim, doc, m.span),
        )];
    };
    let doc_date = shifted(doc_date, *reference_shift);
    let (low, high) = if *calendar {
        let calendar = calendar_years(event.date.start, doc_date);
        (calendar, calendar)
    } else {
        accepted_years(event.date.start, event.date.end, doc_date)
    };
    let states = |(low, high): (i32, i32)| {
        (low..=high)
            .any(|n| years.interval.low <= f64::from(n) && f64::from(n) <= years.interval.high)
    };
    let mut arithmetic = arithmetic(event, doc_date, *reference_shift);
    let mut stated_ok = states((low, high));
    if !stated_ok
        && let Some(year) = named_years
            .iter()
            .copied()
            .find(|&year| year_counts(event, year, doc_date, *calendar).is_some_and(states))
    {
        stated_ok = true;
        arithmetic = format!(
            "{arithmetic}; the sentence names {year}: {} calendar years",
            year - event.date.start.year()
        );
    }
    let text = describe::text(doc, m.span);
    let count = format!("{arithmetic}; stated {}", years.nominal);
    let mut steps = vec![if stated_ok {
        Step::ok(count)
    } else {
        Step::finding(
            count.clone(),
            describe::event_finding(
                claim,
                doc,
                m.span,
                format!("{} years", years.nominal),
                expected_years(low, high),
                format!(
                    "`{text}` since {} does not match the document date",
                    event.label
                ),
                count,
                event,
            ),
        )
    }];
    if let Some((span, written)) = written_span {
        let written_text = describe::text(doc, *span);
        steps.push(
            match span_problem(written, event, doc_date, years.nominal) {
                None => Step::ok(format!(
                    "span `{written_text}`: {}",
                    span_reading(written, event, doc_date)
                )),
                Some((expected, why)) => Step::finding(
                    format!("span `{written_text}`: {why}"),
                    describe::event_finding(
                        claim,
                        doc,
                        *span,
                        written_text.to_string(),
                        expected,
                        format!("`{written_text}` is not the span since {}", event.label),
                        format!("{why}; {arithmetic}"),
                        event,
                    ),
                ),
            },
        );
    }
    steps
}

/// The counts accepted as of `year`, a year the sentence names ("in 2022, the 30th
/// anniversary"): from its first day to its last. `None` for a year that cannot be
/// the sentence's time: not after the event, or over a decade past the document.
fn year_counts(
    event: &Event,
    year: i32,
    doc_date: NaiveDate,
    calendar: bool,
) -> Option<(i32, i32)> {
    if year <= event.date.end.year() || year > doc_date.year() + 10 {
        return None;
    }
    if calendar {
        let years = year - event.date.start.year();
        return Some((years, years));
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    let (low, _) = accepted_years(event.date.start, event.date.end, first);
    let (_, high) = accepted_years(event.date.start, event.date.end, last);
    Some((low, high))
}

/// Why an agreeing written span agrees: where it starts and ends.
fn span_reading(written: &WrittenSpan, event: &Event, doc_date: NaiveDate) -> String {
    let end_year = match written {
        WrittenSpan::Years { end, .. } => *end,
        WrittenSpan::Dates(dates) => dates.end.year(),
    };
    let end = if end_year == doc_date.year() {
        "the document's year"
    } else {
        "the anniversary year"
    };
    format!(
        "starts at the event ({}), ends in {end_year} ({end})",
        describe::date_span(&event.date)
    )
}

/// "event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years";
/// a sentence that speaks of another year ("last year") says so.
fn arithmetic(event: &Event, reference: NaiveDate, shift: i32) -> String {
    let reference_text = if shift == 0 {
        format!("document {reference}")
    } else {
        format!("the sentence's time {reference} (document date {shift:+} years)")
    };
    format!(
        "event {}, {reference_text}: {} completed years, {} calendar years",
        describe::date_span(&event.date),
        completed_years(event.date.end, reference),
        calendar_years(event.date.start, reference)
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
