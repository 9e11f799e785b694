//! The binary on the seed corpus: exit codes, human and JSON reports (insta
//! snapshots of stdout, stderr and exit code together), and bad rule files.

use std::path::Path;
mod common;

use common::in_project as factlint;
use common::snapshot;

#[test]
fn seeds_human_report() {
    let run = factlint(&["check"]);
    assert_eq!(run.2, 1, "errors must fail the run");
    snapshot("seeds_human", &run);
}

#[test]
fn seeds_json_report_matches_schema_and_bytes() {
    let run = factlint(&["check", "--format", "json"]);
    assert_eq!(run.2, 1);
    let report: serde_json::Value = serde_json::from_str(&run.0).expect("valid JSON");
    assert_eq!(report["version"], 1);
    for field in ["documents", "mentions", "errors", "warnings", "notes"] {
        assert!(report["summary"][field].is_u64(), "summary.{field}");
    }
    let findings = report["findings"].as_array().expect("findings");
    assert!(!findings.is_empty());
    for finding in findings {
        for field in [
            "rule", "kind", "severity", "key", "file", "line", "column", "span", "text", "found",
            "expected", "message", "help", "related", "source",
        ] {
            assert!(
                finding.get(field).is_some(),
                "finding lacks {field}: {finding}"
            );
        }
        check_span(finding);
        for related in finding["related"].as_array().expect("related") {
            check_span(related);
        }
    }
    snapshot("seeds_json", &run);
}

/// `span` slices the original file to exactly `text`.
fn check_span(item: &serde_json::Value) {
    let file = item["file"].as_str().expect("file");
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).expect("read");
    let start = item["span"]["start"].as_u64().expect("start") as usize;
    let end = item["span"]["end"].as_u64().expect("end") as usize;
    assert_eq!(
        std::str::from_utf8(&bytes[start..end]).expect("utf-8 span"),
        item["text"].as_str().expect("text")
    );
}

#[test]
fn seed_findings_are_the_expected_ones() {
    let (stdout, _, _) = factlint(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let findings = report["findings"].as_array().expect("findings");
    let find = |file: &str, text: &str| {
        findings
            .iter()
            .find(|f| f["file"].as_str().is_some_and(|f| f.ends_with(file)) && f["text"] == text)
    };
    let trade_2024 = find("002_31cbe1c235b66155.txt", "US$800 million").expect("800M finding");
    assert_eq!(trade_2024["severity"], "error");
    assert_eq!(trade_2024["key"], "trade/vn-kz/2024");
    let related: Vec<&str> = trade_2024["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| r["text"].as_str().expect("text"))
        .collect();
    assert_eq!(related, ["gần 1 tỷ USD", "etwa 1 Milliarde US-Dollar"]);
    let months = find("001_daa83f813ff2a179.txt", "hơn 142 triệu USD").expect("142M finding");
    assert_eq!(months["severity"], "error");
    assert_eq!(months["key"], "trade/vn-kz/2023-M01..M04");
    let derived = find("002_31cbe1c235b66155.txt", "up 99 per cent").expect("derived finding");
    assert_eq!(derived["key"], "trade/vn-kz/2023");
    for quiet in [
        "gần 1 tỷ USD",
        "etwa 1 Milliarde US-Dollar",
        "584 triệu USD",
        "$146.3 million",
    ] {
        assert!(
            findings.iter().all(|f| f["text"] != quiet),
            "`{quiet}` must not be reported"
        );
    }
}

#[test]
fn fail_on_levels() {
    assert_eq!(factlint(&["check", "--fail-on", "never"]).2, 0);
    assert_eq!(factlint(&["check", "--fail-on", "warning"]).2, 1);
}

#[test]
fn three_rule_mistakes_exit_2_with_three_diagnostics() {
    let run = factlint(&[
        "check",
        "--rules",
        "tests/fixtures/rule-errors/three-mistakes.toml",
    ]);
    assert_eq!(run.2, 2);
    assert!(
        run.0.is_empty(),
        "no report on stdout when rules are invalid"
    );
    assert_eq!(
        run.1.matches("Error: factlint::rule").count(),
        3,
        "{}",
        run.1
    );
}

#[test]
fn missing_path_is_a_usage_error() {
    let run = factlint(&["check", "no/such/dir"]);
    assert_eq!(run.2, 2);
    assert!(run.1.contains("no/such/dir"), "{}", run.1);
}

#[test]
fn unknown_format_is_a_usage_error() {
    assert_eq!(factlint(&["check", "--format", "yaml"]).2, 2);
}

/// A title the person did not hold yet: the label speaks of the role, not of a
/// spelling (the name "To Lam" is right).
#[test]
fn role_conflict_label_speaks_of_the_role() {
    let dir = common::seeded_copy();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    std::fs::write(
        docs.join("a.txt"),
        "Yoon conveyed an invitation from Vietnamese General Secretary To Lam to visit Hanoi.\n",
    )
    .expect("write");
    std::fs::write(
        docs.join("corpus.toml"),
        "[[document]]\npath = \"a.txt\"\nlang = \"en\"\ndate = 2024-07-01\n",
    )
    .expect("write");
    let (stdout, stderr, code) = common::factlint(dir.path(), &["check", "--no-cache", "docs"]);
    assert_eq!(code, 0, "a warning only: {stdout}{stderr}");
    assert!(stdout.contains("role-conflict"), "{stdout}");
    assert!(stdout.contains("not in this role on this date"), "{stdout}");
    assert!(!stdout.contains("should be"), "{stdout}");
}
