// The module documentation lives in doc/date.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/date.md")]

use super::describe::{self, TemporalParts};
use super::verdict::Step;
use super::{Finding, Related};
use crate::corpus::Document;
use crate::extract::{
    SPECIFICITY_DAY_MONTH, SPECIFICITY_RANGE, SPECIFICITY_RELATIVE, Stated, TemporalMention,
};
use crate::rules::{Claim, Event, EventStatus};
use crate::value::date::names_a_year;
use crate::value::{DatePrecision, DateSpan};
use chrono::Datelike;

pub(crate) fn check(
    claim: &Claim,
    event: &Event,
    events: &[Event],
    doc: &Document,
    mentions: &[&TemporalMention],
    out: &mut Vec<Finding>,
) {
    let mut conflicting: Vec<(&TemporalMention, &DateSpan, u8, Finding)> = mentions
        .iter()
        .filter_map(
            |m| match (&m.stated, assess(claim, event, events, doc, m)) {
                (Stated::Date { date, specificity }, Some(step)) => step
                    .into_finding()
                    .map(|finding| (*m, date, *specificity, finding)),
                _ => None,
            },
        )
        .collect();
    // The most precisely written first; ties: the earliest.
    conflicting
        .sort_by_key(|(m, _, specificity, _)| (std::cmp::Reverse(*specificity), m.span.start));
    let mut conflicting = conflicting.into_iter();
    let Some((_, _, _, mut reported)) = conflicting.next() else {
        return;
    };
    reported.related = conflicting
        .map(|(m, d, _, _)| Related {
            file: doc.name.clone(),
            span: m.span,
            note: format!("also states {}", describe::date_span(d)),
        })
        .collect();
    out.push(reported);
}

/// The arithmetic and verdict for one mention: the stated span against the event's.
/// A date within the dates of another event of `events` speaks of that event ("Tổng
/// thống Nazarbayev thăm chính thức Việt Nam từ ngày 31/10 đến 1/11/2011" in a piece
/// on Tokayev's visit), as does a month or year holding all of it: no conflict —
/// when that event is akin to this one (a shared tag or participant) or, for a date
/// that only shares a sentence with the claim's cue words, lasted less than a month.
/// A date a pattern places ("upgraded ties on 6 March") is this event's, even on the
/// last day of an unrelated summit. A wrong day that merely falls in an unrelated
/// year-long event ("1994", a helper of a `since` claim) is wrong,
/// and so is one within an event overlapping this one, unless it covers this one.
/// A date in a sentence telling of a changed plan ("originally scheduled for 11–13
/// June") may also be the dates a postponed event was first planned for; one that is
/// neither those nor the held dates is compared with the planned ones.
pub(crate) fn assess(
    claim: &Claim,
    event: &Event,
    events: &[Event],
    doc: &Document,
    m: &TemporalMention,
) -> Option<Step> {
    let Stated::Date { date, specificity } = &m.stated else {
        return None;
    };
    let doc_date = doc
        .date
        .map_or_else(|| "unknown".to_string(), |d| d.to_string());
    let text = describe::text(doc, m.span);
    let arithmetic = format!(
        "`{}` reads as {} (document dated {doc_date}); {} {} {}",
        text,
        describe::date_span(date),
        event.label,
        when_verb(event),
        describe::date_span(&event.date)
    );
    // Written without a year, of an event in an earlier year, a day-month date, a
    // range or a month names that event's days or month ("ties set up on 29/6", "the
    // visit of 6–9 March", "Tháng 8/2023, … ban đầu dự kiến diễn ra vào tháng 6").
    let month_without_year = matches!(
        date.precision,
        DatePrecision::Month | DatePrecision::MonthPart
    ) && date.start.month() == date.end.month()
        && !names_a_year(text)
        && !crate::lang::pack(&doc.lang).is_some_and(|pack| {
            crate::extract::placed_by_a_word(&crate::fold::fold_str(text), pack)
        });
    let by_day_and_month = |held: &DateSpan| {
        held.end.year() < date.start.year()
            && (*specificity == SPECIFICITY_DAY_MONTH
                || (*specificity == SPECIFICITY_RANGE && !names_a_year(text))
                || month_without_year)
    };
    let agrees_with = |held: &DateSpan| {
        if by_day_and_month(held) && *specificity == SPECIFICITY_DAY_MONTH {
            same_day_of_year(date, held)
        } else if by_day_and_month(held) && month_without_year {
            [held.start.year(), held.end.year()]
                .into_iter()
                .filter_map(|year| in_year(date, year))
                .any(|d| overlaps(&d, held))
        } else if by_day_and_month(held) {
            in_year(date, held.start.year()).is_some_and(|d| within(&d, held))
        } else if *specificity == SPECIFICITY_RANGE {
            // A range written day by day says when the event began and ended: one
            // day off at either end ("23–25/6" for 22–24/6) is wrong, though it
            // overlaps.
            within(date, held)
        } else {
            overlaps(date, held)
        }
    };
    let agrees = agrees_with(&event.date);
    let first_planned = first_planned(event, m);
    let agrees_with_plan = first_planned.is_some_and(agrees_with);
    // An event overlapping this one (the visit during which ties were upgraded)
    // counts only for a stated span that also covers this event's dates ("during the
    // visit from 27 to 30 November"): a wrong day within the visit is still wrong.
    let other = events
        .iter()
        .filter(|e| e.id != event.id)
        .filter(|e| !overlaps(&e.date, &event.date) || within(&event.date, date))
        .filter(|e| akin(e, event) || (m.by_cues && lasted_under_a_month(e)))
        .find(|e| within(date, &e.date) || names_the_month_or_year_of(date, &e.date));
    // "On Monday", "hôm qua": the document's own days, not an event of years ago.
    let relative_to_earlier_year = *specificity == SPECIFICITY_RELATIVE
        && doc.date.is_some_and(|d| event.date.end.year() < d.year());
    Some(if agrees {
        Step::ok(arithmetic)
    } else if *specificity == SPECIFICITY_RANGE && from_event_to_anniversary(date, &event.date) {
        Step::ok(format!(
            "{arithmetic}; the range runs from the event to its anniversary: the years since, not the event's dates"
        ))
    } else if let Some(planned) = first_planned.filter(|_| agrees_with_plan) {
        Step::ok(format!(
            "{arithmetic}; the sentence tells of a changed plan, and it was first planned for {}",
            describe::date_span(planned)
        ))
    } else if relative_to_earlier_year {
        Step::ok(format!(
            "{arithmetic}; a relative date speaks of the document's days, not of an earlier year's event"
        ))
    } else if let Some(other) = other {
        Step::ok(format!("{arithmetic}; it is the date of {}", other.label))
    } else {
        let compared = first_planned.unwrap_or(&event.date);
        let finding = conflict(claim, event, doc, m, (date, by_day_and_month(compared)));
        Step::finding(arithmetic, finding)
    })
}

/// The dates a postponed `event` was first planned for, when `m` stands in a sentence
/// telling of a changed plan. A preview of the dates first planned, written before
/// the postponement, is still a conflict: the event was not held then.
fn first_planned<'e>(event: &'e Event, m: &TemporalMention) -> Option<&'e DateSpan> {
    event
        .planned_date
        .as_ref()
        .filter(|_| m.of_a_changed_plan && event.status == EventStatus::Postponed)
}

/// Whether `stated`, a month or a year ("won in 2019", "in November 2019"), holds
/// all of `event`: it names that event's time as precisely as it is written.
fn names_the_month_or_year_of(stated: &DateSpan, event: &DateSpan) -> bool {
    stated.precision != DatePrecision::Day && within(event, stated)
}

/// Whether an event lasted less than a month: a summit, a visit, a signing.
fn lasted_under_a_month(e: &Event) -> bool {
    e.date.end - e.date.start < chrono::Duration::days(31)
}

/// `span` moved, whole, to start in `year`; `None` for a 29 February that year lacks.
fn in_year(span: &DateSpan, year: i32) -> Option<DateSpan> {
    let shift = year - span.start.year();
    Some(DateSpan {
        start: span.start.with_year(year)?,
        end: span.end.with_year(span.end.year() + shift)?,
        precision: span.precision,
    })
}

/// Whether two events share a tag or a participant.
fn akin(a: &Event, b: &Event) -> bool {
    a.tags.iter().any(|t| b.tags.contains(t))
        || a.participants.iter().any(|p| b.participants.contains(p))
}

fn conflict(
    claim: &Claim,
    event: &Event,
    doc: &Document,
    m: &TemporalMention,
    (date, by_day_and_month): (&DateSpan, bool),
) -> Finding {
    let text = describe::text(doc, m.span);
    let stated = describe::date_span(date);
    let actual = describe::date_span(&event.date);
    let of_the_plan = first_planned(event, m);
    let planned = event.planned_date.as_ref().filter(|p| {
        event.status == EventStatus::Postponed && (of_the_plan.is_some() || overlaps(date, p))
    });
    let help = match planned {
        Some(planned) => format!(
            "{} was planned for {} and postponed; it took place {actual}",
            event.label,
            describe::date_span(planned)
        ),
        None => format!("{} {} {actual}", event.label, when_verb(event)),
    };
    let (expected, message) = match of_the_plan {
        Some(planned) => {
            let planned = describe::date_span(planned);
            let message = format!(
                "`{text}` ({stated}) conflicts with the dates first planned for {}: {planned}",
                event.label
            );
            (planned, message)
        }
        None => {
            let message = format!(
                "`{text}` ({stated}) conflicts with the dates of {}: {actual}",
                event.label
            );
            (actual, message)
        }
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
            expected,
            message,
            help: format!(
                "{help}; `{text}` reads as {stated} (document dated {doc_date}){}",
                if by_day_and_month {
                    "; written without a year, it is compared by day and month"
                } else {
                    ""
                }
            ),
            source: event.source.clone(),
            related: Vec::new(),
        },
    )
}

/// Whether `a` lies within `b`.
fn within(a: &DateSpan, b: &DateSpan) -> bool {
    b.start <= a.start && a.end <= b.end
}

fn overlaps(a: &DateSpan, b: &DateSpan) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// Whether the range `stated` starts on a day of `event` and ends on its anniversary
/// in a later year ("kỷ niệm 50 năm … (23/9/1975 - 23/9/2025)"): the years since the
/// event, whose dates it names rightly.
fn from_event_to_anniversary(stated: &DateSpan, event: &DateSpan) -> bool {
    within(&DateSpan::day(stated.start), event)
        && stated.end.year() > event.end.year()
        && same_day_of_year(&DateSpan::day(stated.end), event)
}

/// Whether the day-month `stated` (resolved to the document's year) names a day of
/// `event`, which lies in an earlier year: a yearless date of an event years ago
/// is its anniversary day ("thiết lập quan hệ ngoại giao ngày 29/6").
fn same_day_of_year(stated: &DateSpan, event: &DateSpan) -> bool {
    let day = |d: chrono::NaiveDate| (d.month(), d.day());
    event
        .start
        .iter_days()
        .take_while(|d| *d <= event.end)
        .take(366)
        .any(|d| day(d) == day(stated.start))
}

/// How the event's dates are told: a planned event ("the target of US$5 billion") is
/// set for them, any other took place on them.
fn when_verb(event: &Event) -> &'static str {
    match event.status {
        EventStatus::Planned => "is set for",
        _ => "took place",
    }
}
