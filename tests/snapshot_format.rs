//! The binary's stable outputs: the seed report in `--format snapshot`, its
//! determinism across thread counts and input orders, and the rule commands
//! (`test`, `explain`, `rules`). Snapshots hold stdout, stderr and exit code together.

mod common;

use std::process::Command;

use common::snapshot;

fn factlint_with(args: &[&str], threads: &str) -> (String, String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("run factlint");
    (
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
        output.status.code().unwrap_or(-1),
    )
}

fn factlint(args: &[&str]) -> (String, String, i32) {
    factlint_with(args, "2")
}

/// The seed documents, sorted by name.
fn seed_files() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("seeds/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .map(|name| format!("seeds/{name}"))
        .collect();
    files.sort();
    files
}

#[test]
fn seeds_snapshot_report() {
    let run = factlint(&["check", "--format", "snapshot"]);
    assert_eq!(run.2, 1);
    assert!(!run.0.contains('\x1b'), "no colours");
    assert!(
        !run.0.contains(env!("CARGO_MANIFEST_DIR")),
        "no absolute paths"
    );
    snapshot("seeds_snapshot", &run);
}

#[test]
fn snapshot_report_is_identical_for_any_thread_count_and_input_order() {
    let one = factlint_with(&["check", "--format", "snapshot"], "1");
    let eight = factlint_with(&["check", "--format", "snapshot"], "8");
    assert_eq!(one, eight, "RAYON_NUM_THREADS=1 vs 8");
    let mut forward = vec!["check", "--format", "snapshot"];
    let files = seed_files();
    assert_eq!(files.len(), 5);
    forward.extend(files.iter().map(String::as_str));
    let mut reverse = vec!["check", "--format", "snapshot"];
    reverse.extend(files.iter().rev().map(String::as_str));
    let forward = factlint_with(&forward, "8");
    assert_eq!(forward, factlint_with(&reverse, "8"), "reversed inputs");
    assert_eq!(forward, one, "files given one by one vs the directory");
}

#[test]
fn snapshot_report_escapes_terminal_sequences() {
    let dir = tempfile::tempdir().expect("tempdir");
    let doc = dir.path().join("evil.txt");
    std::fs::write(
        &doc,
        "---\nlang: en\n---\nKazakhstan: in 2024, two-way trade reached \x1b]52;c;aGk=\x07US$800 million.\n\
         In 2024, two-way trade reached US$800 million.\n",
    )
    .expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "snapshot", "--rules"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .arg(&doc)
        .output()
        .expect("run");
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert!(stdout.contains("error[trade-volume]"), "{stdout}");
    assert!(
        !stdout.contains('\x1b') && !stdout.contains('\x07'),
        "{stdout:?}"
    );
}

#[test]
fn shipped_rule_examples_pass() {
    let run = factlint(&["test"]);
    assert_eq!(run.2, 0, "{}", run.0);
    assert!(run.0.ends_with(" passed, 0 failed\n"), "{}", run.0);
}

#[test]
fn failing_examples_are_located_in_the_rule_file() {
    let run = factlint(&["test", "tests/fixtures/selftest/failing.toml"]);
    assert_eq!(run.2, 1);
    assert!(run.0.ends_with("1 passed, 11 failed\n"), "{}", run.0);
    snapshot("selftest_failing", &run);
}

#[test]
fn test_with_broken_rules_exits_2() {
    let run = factlint(&["test", "tests/fixtures/rule-errors/syntax.toml"]);
    assert_eq!(run.2, 2);
    assert!(run.0.is_empty());
}

#[test]
fn explain_a_claim() {
    let run = factlint(&["explain", "trade-volume-cues"]);
    assert_eq!(run.2, 0);
    snapshot("explain_trade_volume_cues", &run);
}

#[test]
fn explain_every_builtin_code() {
    for code in [
        "misspelled-name",
        "discouraged-name",
        "near-miss-name",
        "role-conflict",
        "agreement",
    ] {
        let (stdout, _, status) = factlint(&["explain", code]);
        assert_eq!(status, 0, "{code}");
        assert!(
            stdout.starts_with(&format!("{code} (built-in rule")),
            "{stdout}"
        );
        assert!(stdout.contains("## What it checks"), "{stdout}");
    }
    snapshot("explain_agreement", &factlint(&["explain", "agreement"]));
}

#[test]
fn explain_an_entity() {
    let run = factlint(&["explain", "tokayev"]);
    assert_eq!(run.2, 0);
    snapshot("explain_tokayev", &run);
}

#[test]
fn explain_unknown_id_suggests_the_closest() {
    let run = factlint(&["explain", "trade-volme"]);
    assert_eq!(run.2, 2);
    assert!(run.1.contains("did you mean `trade-volume`?"), "{}", run.1);
}

#[test]
fn rules_table_and_check() {
    let run = factlint(&["rules"]);
    assert_eq!(run.2, 0);
    snapshot("rules_table", &run);
    let checked = factlint(&["rules", "--check"]);
    assert_eq!((checked.0.as_str(), checked.2), ("", 0));
    let bad = factlint(&[
        "rules",
        "--check",
        "tests/fixtures/rule-errors/duplicate-id.toml",
    ]);
    assert_eq!(bad.2, 2);
    assert!(bad.1.contains("duplicate"), "{}", bad.1);
}
