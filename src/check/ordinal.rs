// The module documentation lives in doc/ordinal.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/ordinal.md")]

use super::describe;
use super::timeline;
use super::verdict::Step;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention};
use crate::rules::{Claim, ClaimKind, Event, Rules};

/// The arithmetic and verdict for one mention of an `ordinal` claim.
pub(crate) fn assess(
    rules: &Rules,
    claim: &Claim,
    doc: &Document,
    m: &TemporalMention,
) -> Vec<Step> {
    let ClaimKind::Ordinal { tags, participants } = &claim.kind else {
        return Vec::new();
    };
    // `{ordinal}` slots arrive as exact counts (extract reads them like "33rd
    // anniversary"); the rules only let `ordinal` patterns bind `{ordinal}`.
    let Stated::Count { amount: stated, .. } = &m.stated else {
        return Vec::new();
    };
    let Some(doc_date) = doc.date else {
        return vec![Step::finding(
            String::new(),
            describe::needs_date(claim, doc, m.span),
        )];
    };
    let stated = stated.nominal.round().max(0.0) as u32;
    let events = timeline::matching(rules, tags, participants);
    // "The 75th Berlinale in 2025": a year written beside the ordinal names the
    // event, in later copy too; otherwise the one current on the document's date.
    let pack = crate::lang::pack(&doc.lang);
    let current = event_of_a_year_beside(&events, &doc.text, m.span, pack)
        .or_else(|| timeline::current(&events, doc_date));
    let earlier: Vec<&Event> = match current {
        Some(current) => timeline::before(&events, current),
        None => events
            .iter()
            .filter(|e| e.date.start < doc_date)
            .copied()
            .collect(),
    };
    let expected = u32::try_from(earlier.len()).map_or(u32::MAX, |n| n.saturating_add(1));
    let filter = filter_text(tags, participants);
    let this = match current {
        Some(current) => format!("{} ({})", current.label, describe::date_span(&current.date)),
        None => format!("the document date {doc_date} (no recorded event is current)"),
    };
    let listed = if earlier.is_empty() {
        "none".to_string()
    } else {
        earlier
            .iter()
            .map(|e| format!("{} ({})", e.label, describe::date_span(&e.date)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let arithmetic = format!(
        "events {filter} before {this}: {listed}; 1 + {} = {expected}; stated {stated}",
        earlier.len()
    );
    if stated == expected {
        return vec![Step::ok(arithmetic)];
    }
    let text = describe::text(doc, m.span);
    let what = current.map_or_else(|| "the event".to_string(), |e| e.label.clone());
    let finding = describe::temporal_finding(
        claim,
        doc,
        describe::TemporalParts {
            severity: claim.severity,
            span: m.span,
            found: describe::ordinal(stated),
            expected: describe::ordinal(expected),
            message: format!(
                "`{text}` ({}) does not match the record: {what} is the {} event {filter}",
                describe::ordinal(stated),
                describe::ordinal(expected)
            ),
            help: arithmetic.clone(),
            source: earlier
                .last()
                .copied()
                .or(current)
                .and_then(|e| e.source.clone()),
            related: Vec::new(),
        },
    );
    vec![Step::finding(arithmetic, finding)]
}

/// How far from an ordinal, before or after it, a year names its event ("the 75th
/// Berlinale in 2025", "Berlinale 2025, die 75.", "lần thứ VII (2024)").
const YEAR_REACH: usize = 48;

/// The one event of `events` held in a year written within [`YEAR_REACH`] bytes of
/// the ordinal at `span` of `text`, in its sentence (the nearest such year first);
/// none when no year stands there or a year holds several events.
fn event_of_a_year_beside<'a>(
    events: &[&'a Event],
    text: &str,
    span: crate::check::Span,
    pack: Option<&crate::lang::LangPack>,
) -> Option<&'a Event> {
    use chrono::Datelike;
    let range = span.range();
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let from = floor(range.start.saturating_sub(YEAR_REACH));
    let to = floor((range.end + YEAR_REACH).min(text.len()));
    // Within the ordinal's sentence: from the last sentence end before it to the
    // first after it.
    let ends = |c: char| matches!(c, '\n' | '.' | '!' | '?');
    let from = text[from..range.start]
        .rfind(ends)
        .map_or(from, |at| from + at + 1);
    let to = text[range.end..to]
        .find(ends)
        .map_or(to, |at| range.end + at);
    let window = text.get(from..to)?;
    let mut years: Vec<(usize, i32)> = Vec::new();
    let bytes = window.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run == 4 && matches!(bytes[at], b'1' | b'2') && !dated_by_a_word(&window[..at], pack) {
            let year: i32 = window[at..at + 4].parse().ok()?;
            let distance = (from + at)
                .abs_diff(range.start)
                .min((from + at).abs_diff(range.end));
            years.push((distance, year));
        }
        at += run.max(1);
    }
    years.sort_unstable();
    years.iter().find_map(|&(_, year)| {
        let held: Vec<&&Event> = events
            .iter()
            .filter(|e| e.date.start.year() <= year && year <= e.date.end.year())
            .collect();
        match held.as_slice() {
            [one] => Some(**one),
            _ => None,
        }
    })
}

/// How many words before a year an after- or since-word makes it another event's.
const AFTER_WORD_REACH: usize = 4;

/// Whether one of the pack's after- or since-words stands in the last words of
/// `before` (the text before a year): "sau chuyến thăm năm 2010", "after the 2019
/// edition" date another event.
fn dated_by_a_word(before: &str, pack: Option<&crate::lang::LangPack>) -> bool {
    let Some(pack) = pack else {
        return false;
    };
    let last = crate::extract::prefilter::last_words(before, AFTER_WORD_REACH);
    let folded = crate::fold::fold_str(last);
    pack.after_words
        .iter()
        .chain(&pack.since_words)
        .any(|word| crate::extract::prefilter::contains_word(&folded, word))
}

/// "tagged visit, kz-to-vn" or "tagged visit with participant tokayev".
fn filter_text(tags: &[String], participants: &[String]) -> String {
    match participants {
        [] => format!("tagged {}", tags.join(", ")),
        [one] => format!("tagged {} with participant {one}", tags.join(", ")),
        many => format!(
            "tagged {} with participants {}",
            tags.join(", "),
            many.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::{Checker, Corpus, Document, Rules};

    const RULES: &str = r#"
[[event]]
id = "a"
label = "visit A"
date = 2001-05-01
tags = ["visit"]
participants = ["rudolf"]
source = "court circular"

[[event]]
id = "b"
label = "visit B"
date = "2010-05"
tags = ["visit"]

[[event]]
id = "c"
label = "visit C"
date = { start = 2024-09-10, end = 2024-09-12 }
tags = ["visit"]
participants = ["rudolf"]

[[claim]]
id = "visit-ordinal"
kind = "ordinal"
tags = ["visit"]
[claim.patterns]
en = ["the {ordinal} visit"]

[[claim]]
id = "rudolf-ordinal"
kind = "ordinal"
tags = ["visit"]
participants = ["rudolf"]
[claim.patterns]
en = ["his {ordinal} trip"]
"#;

    /// (rule, found, expected) of each finding for `text` dated `date`.
    fn run(text: &str, date: Option<(i32, u32, u32)>) -> Vec<(String, String, String)> {
        let rules = Rules::from_toml("t.toml", RULES).expect("rules");
        let date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let doc = Document::new("d.txt", "en", date, text);
        let report = Checker::new(&rules).check(&Corpus::from_documents(vec![doc]));
        report
            .findings
            .iter()
            .map(|f| {
                (
                    f.rule.clone(),
                    f.found.clone().unwrap_or_default(),
                    f.expected.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn finding(rule: &str, found: &str, expected: &str) -> (String, String, String) {
        (rule.to_string(), found.to_string(), expected.to_string())
    }

    #[test]
    fn counts_the_earlier_events_of_the_current_one() {
        let during = Some((2024, 9, 11));
        assert_eq!(run("It is the third visit.", during), []);
        assert_eq!(
            run("It is the second visit.", during),
            [finding("visit-ordinal", "2nd", "3rd")]
        );
        // Between B and C (more than 31 days before C): B is current.
        assert_eq!(run("It was the second visit.", Some((2015, 1, 1))), []);
        // A preview: C starts within 31 days.
        assert_eq!(run("It will be the 3rd visit.", Some((2024, 8, 20))), []);
    }

    #[test]
    fn participants_narrow_the_events() {
        let during = Some((2024, 9, 11));
        assert_eq!(run("He is on his second trip.", during), []);
        assert_eq!(
            run("He is on his third trip.", during),
            [finding("rudolf-ordinal", "3rd", "2nd")]
        );
    }

    #[test]
    fn before_any_event_the_expected_ordinal_is_first() {
        assert_eq!(
            run("It is the second visit.", Some((1999, 1, 1))),
            [finding("visit-ordinal", "2nd", "1st")]
        );
        assert_eq!(run("It is the first visit.", Some((1999, 1, 1))), []);
    }

    #[test]
    fn help_lists_the_events_counted() {
        let rules = Rules::from_toml("t.toml", RULES).expect("rules");
        let date = NaiveDate::from_ymd_opt(2024, 9, 11);
        let doc = Document::new("d.txt", "en", date, "It is the fourth visit.");
        let report = Checker::new(&rules).check(&Corpus::from_documents(vec![doc]));
        let f = &report.findings[0];
        assert_eq!(
            f.help.as_deref(),
            Some(
                "events tagged visit before visit C (2024-09-10 – 2024-09-12): visit A (2001-05-01); visit B (2010-05); 1 + 2 = 3; stated 4"
            )
        );
        assert_eq!(f.source, None, "visit B has no source");
        assert!(f.message.contains("visit C is the 3rd"), "{}", f.message);
    }

    #[test]
    fn undated_documents_get_a_note() {
        let rules = Rules::from_toml("t.toml", RULES).expect("rules");
        let doc = Document::new("d.txt", "en", None, "It is the second visit.");
        let report = Checker::new(&rules).check(&Corpus::from_documents(vec![doc]));
        assert_eq!(report.summary.notes, 1);
        assert!(report.findings[0].message.contains("has no date"));
    }

    #[test]
    fn unknown_participants_and_missing_ordinals_are_rule_errors() {
        let bad = RULES.replace(
            "participants = [\"rudolf\"]\n[claim",
            "participants = [\"rudolph\"]\n[claim",
        );
        let err = Rules::from_toml("t.toml", &bad).expect_err("unknown participant");
        let text = format!("{err:?}");
        assert!(
            text.contains("no [[event]] lists the participant `rudolph`"),
            "{text}"
        );
        assert!(text.contains("did you mean `rudolf`?"), "{text}");
        let bad = RULES.replace("his {ordinal} trip", "his trip");
        let err = Rules::from_toml("t.toml", &bad).expect_err("no ordinal slot");
        assert!(format!("{err:?}").contains("must bind {ordinal}"));
        let bad = RULES.replace(
            "kind = \"ordinal\"\ntags = [\"visit\"]\n[claim.patterns]\nen = [\"the",
            "kind = \"since\"\ntags = [\"visit\"]\nparticipants = [\"rudolf\"]\n[claim.patterns]\nen = [\"the",
        );
        let err = Rules::from_toml("t.toml", &bad).expect_err("participants on since");
        assert!(format!("{err:?}").contains("`participants` applies to `ordinal` claims"));
    }
}
