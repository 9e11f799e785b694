//! The events a `since`, `first` or `ordinal` claim compares, and the one a document
//! speaks of.
//!
//! Shared by those check modules (see `doc/since.md` and `doc/ordinal.md`): the
//! candidates are the `[[event]]`s carrying all of a claim's tags (and, for `ordinal`,
//! listing all of its participants), sorted by start date; the event current at a
//! document date is the one ongoing then, else one starting (or, if postponed, first
//! planned to start) within the next [`PREVIEW_DAYS`] (a preview), else the latest
//! one not after it.

use chrono::NaiveDate;

use crate::rules::{Event, Rules};

/// Days ahead of the document date within which an upcoming event is "current".
const PREVIEW_DAYS: i64 = 31;

/// The events carrying every tag and listing every participant, by start date
/// (ties: by id, so the order never depends on the rule file's order).
pub(crate) fn matching<'r>(
    rules: &'r Rules,
    tags: &[String],
    participants: &[String],
) -> Vec<&'r Event> {
    let mut events: Vec<&Event> = rules
        .events
        .iter()
        .filter(|e| tags.iter().all(|t| e.tags.contains(t)))
        .filter(|e| participants.iter().all(|p| e.participants.contains(p)))
        .collect();
    events.sort_by_key(|e| (e.date.start, e.id.as_str()));
    events
}

/// The event a document dated `date` speaks of (see the module docs).
pub(crate) fn current<'a>(events: &[&'a Event], date: NaiveDate) -> Option<&'a Event> {
    let ongoing = events
        .iter()
        .find(|e| e.date.start <= date && date <= e.date.end);
    // A postponed event is upcoming at the dates first planned too: a preview of a
    // visit written before it was put off speaks of it.
    let soon = |start: NaiveDate| start > date && (start - date).num_days() <= PREVIEW_DAYS;
    let upcoming = || {
        events
            .iter()
            .find(|e| soon(e.date.start) || e.planned_date.as_ref().is_some_and(|p| soon(p.start)))
    };
    let latest = || events.iter().rev().find(|e| e.date.start <= date);
    ongoing.or_else(upcoming).or_else(latest).copied()
}

/// The events that started strictly before `event`, oldest first.
pub(crate) fn before<'a>(events: &[&'a Event], event: &Event) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.date.start < event.date.start)
        .copied()
        .collect()
}
