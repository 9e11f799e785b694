//! The shipped rule pack on a newsroom corpus it was not written from: 20 articles
//! (vi, en, de; on Vietnam–Kazakhstan relations and, as controls, on other
//! countries) written for evaluation by writers who never saw the rules, with 17
//! planted errors and 103 correct statements a naive checker would flag ("traps"),
//! listed in `tests/fixtures/newsroom-truth.tsv` with their exact text.
//!
//! Every planted error must be found (but the two known gaps below), no finding may
//! touch a trap, and the whole report is a snapshot.

mod common;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// Planted errors the pack does not find yet, with why. A gap that closes fails the
/// test, so this list only shrinks.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // The visit's planned dates recalled in a 2025 piece: the Tokayev visit-date claim
    // is limited to copy of 2023 (a later visit would be another event).
    ("en_04.txt", "official visit to Vietnam on June 11-13, 2023"),
    // The year is in the previous sentence ("Den Sprung brachte das Jahr 2023.").
    ("de_03.txt", "897,2 Mio. US$"),
];

struct Row {
    file: String,
    error: bool,
    span: String,
}

fn truth() -> Vec<Row> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/newsroom-truth.tsv");
    let text = std::fs::read_to_string(path).expect("truth file");
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 3, "truth row {line:?}");
            assert!(matches!(fields[1], "error" | "trap"), "kind of {line:?}");
            Row {
                file: fields[0].to_string(),
                error: fields[1] == "error",
                span: fields[2].to_string(),
            }
        })
        .collect()
}

/// Byte ranges of the findings (and of their related spans in the same file) by file
/// name, from the JSON report.
fn finding_ranges() -> BTreeMap<String, Vec<(Range<usize>, String)>> {
    let (stdout, stderr, code) = common::in_project(&[
        "check",
        "--no-cache",
        "--format",
        "json",
        "tests/fixtures/newsroom",
    ]);
    assert_eq!(code, 1, "findings expected; stderr: {stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("json report");
    let mut out: BTreeMap<String, Vec<(Range<usize>, String)>> = BTreeMap::new();
    for f in report["findings"].as_array().expect("findings") {
        let file = f["file"].as_str().expect("file");
        let name = file.rsplit('/').next().expect("name").to_string();
        let start = f["span"]["start"].as_u64().expect("start") as usize;
        let end = f["span"]["end"].as_u64().expect("end") as usize;
        let rule = f["rule"].as_str().expect("rule").to_string();
        out.entry(name).or_default().push((start..end, rule));
    }
    out
}

/// The byte range of `span` in the fixture `file` (it must occur exactly once).
fn locate(file: &str, span: &str) -> Range<usize> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/newsroom")
        .join(file);
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut found = text.match_indices(span);
    let (at, _) = found
        .next()
        .unwrap_or_else(|| panic!("{span:?} not in {file}"));
    assert!(found.next().is_none(), "{span:?} twice in {file}");
    at..at + span.len()
}

#[test]
fn planted_errors_are_found_and_traps_are_not_flagged() {
    let findings = finding_ranges();
    let rows = truth();
    assert_eq!(rows.iter().filter(|r| r.error).count(), 17);
    assert_eq!(rows.iter().filter(|r| !r.error).count(), 103);
    let mut missed = Vec::new();
    let mut flagged_traps = Vec::new();
    for row in &rows {
        let range = locate(&row.file, &row.span);
        let hits: Vec<&String> = findings
            .get(&row.file)
            .into_iter()
            .flatten()
            .filter(|(r, _)| r.start < range.end && range.start < r.end)
            .map(|(_, rule)| rule)
            .collect();
        match (row.error, hits.is_empty()) {
            (true, true) => missed.push((row.file.as_str(), row.span.as_str())),
            (false, false) => {
                flagged_traps.push(format!("{}: {:?} by {hits:?}", row.file, row.span))
            }
            _ => {}
        }
    }
    assert_eq!(missed, KNOWN_GAPS, "planted errors not found");
    assert!(
        flagged_traps.is_empty(),
        "correct statements flagged: {flagged_traps:#?}"
    );
}

#[test]
fn newsroom_report() {
    let run = common::in_project(&[
        "check",
        "--no-cache",
        "--format",
        "snapshot",
        "tests/fixtures/newsroom",
    ]);
    common::snapshot("newsroom_report", &run);
}
