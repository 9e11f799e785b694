// The module documentation lives in doc/weekday.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/weekday.md")]

use super::{Finding, Severity};
use crate::corpus::Document;
use crate::extract::weekday::{WrongRelativeDay, WrongWeekday};
use crate::fold::Folded;

/// English weekday names, Monday first, for messages.
const NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The `wrong-weekday` findings of `doc`, whose folded body is `folded`: one per
/// weekday the extraction found beside a date of another weekday.
pub(crate) fn check(doc: &Document, folded: &Folded, wrong: &[WrongWeekday]) -> Vec<Finding> {
    wrong
        .iter()
        .map(|wrong| {
            use chrono::Datelike;
            let span = doc.body_span(folded.to_original(wrong.range.clone()));
            let text = super::describe::text(doc, span);
            let actual = NAMES[wrong.date.weekday().num_days_from_monday() as usize];
            let written = NAMES[wrong.written as usize % 7];
            Finding {
                rule: "wrong-weekday".to_string(),
                kind: "date".to_string(),
                severity: Severity::Error,
                key: None,
                file: doc.name.clone(),
                span,
                found: Some(written.to_string()),
                expected: Some(actual.to_string()),
                message: format!("`{text}`: {} is a {actual}, not a {written}", wrong.date),
                help: Some(format!(
                    "the weekday written beside the date is not the date's; correct the \
                     weekday or the date (the date is read in {}: one written without a \
                     year takes the year that puts it nearest the document's date)",
                    wrong.date.year()
                )),
                related: Vec::new(),
                source: None,
                fix: None,
            }
        })
        .collect()
}

/// The `wrong-relative-day` findings of `doc`: one per relative day ("yesterday",
/// "hôm qua") the extraction found beside a date of another day.
pub(crate) fn check_relative(
    doc: &Document,
    folded: &Folded,
    wrong: &[WrongRelativeDay],
) -> Vec<Finding> {
    wrong
        .iter()
        .map(|wrong| {
            let span = doc.body_span(folded.to_original(wrong.range.clone()));
            let text = super::describe::text(doc, span);
            let doc_date = doc
                .date
                .map_or_else(|| "unknown".to_string(), |d| d.to_string());
            Finding {
                rule: "wrong-relative-day".to_string(),
                kind: "date".to_string(),
                severity: Severity::Error,
                key: None,
                file: doc.name.clone(),
                span,
                found: Some(wrong.date.format("%m-%d").to_string()),
                expected: Some(wrong.named.format("%m-%d").to_string()),
                message: format!(
                    "`{text}`: the day it names is {}, not {}",
                    wrong.named,
                    wrong.date.format("%d %B")
                ),
                help: Some(format!(
                    "the relative day is counted from the document date ({doc_date}); \
                     correct the word, the date, or the document's date"
                )),
                related: Vec::new(),
                source: None,
                fix: None,
            }
        })
        .collect()
}
