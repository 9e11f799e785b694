//! `factlint.toml` (found by walking up; flags win) and `factlint init`.

mod common;

use common::{factlint, seeded_copy};

fn rules_in(json: &str) -> Vec<(String, String, String)> {
    let report: serde_json::Value = serde_json::from_str(json).expect("JSON");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            (s("file"), s("rule"), s("severity"))
        })
        .collect()
}

#[test]
fn init_writes_a_working_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, stderr, code) = factlint(dir.path(), &["init"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("factlint.toml").is_file());
    let (stdout, stderr, code) = factlint(dir.path(), &["test"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("2 passed, 0 failed"), "{stdout}");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(
        dir.path().join("articles/a.txt"),
        "---\nlang: en\ndate: 2025-01-10\n---\nExampleland's population reached 6.1 million in 2024. Officials in Examplelnad agreed.\n",
    )
    .expect("doc");
    let (stdout, _, code) = factlint(dir.path(), &["check", "--format", "json"]);
    assert_eq!(code, 1);
    let rules: Vec<String> = rules_in(&stdout).into_iter().map(|r| r.1).collect();
    assert_eq!(rules, ["population", "misspelled-name"]);
    let (_, stderr, code) = factlint(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
}

#[test]
fn severity_overrides_ignore_and_exclude() {
    let dir = seeded_copy();
    std::fs::write(
        dir.path().join("factlint.toml"),
        r#"format = "json"
exclude = ["seeds/004_*"]
[severity]
trade-volume = "note"
[[ignore]]
path = "seeds/000_*"
rules = ["misspelled-name"]
"#,
    )
    .expect("config");
    std::fs::create_dir_all(dir.path().join("sub/deeper")).expect("mkdir");
    // Run from the repository root: format comes from the config.
    let (stdout, stderr, code) = factlint(dir.path(), &["check"]);
    assert!(!stdout.is_empty(), "{stderr}");
    let findings = rules_in(&stdout);
    assert!(
        findings.iter().all(|(file, _, _)| !file.contains("004_")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .all(|(file, rule, _)| !(file.contains("000_") && rule == "misspelled-name"))
    );
    assert!(
        findings
            .iter()
            .any(|(_, rule, severity)| rule == "trade-volume" && severity == "note")
    );
    // The 001 date error and the 002 800M error (now a note)… the date error still fails.
    assert_eq!(code, 1);
    // From a subdirectory the same file is found and its paths still resolve.
    let (stdout_sub, _, _) = factlint(&dir.path().join("sub/deeper"), &["check"]);
    assert_eq!(rules_in(&stdout_sub).len(), findings.len());
    // Flags win over the file.
    let (stdout, _, _) = factlint(dir.path(), &["check", "--format", "snapshot"]);
    assert!(
        stdout.starts_with("error[")
            || stdout.starts_with("note[")
            || stdout.starts_with("warning["),
        "{stdout}"
    );
}

#[test]
fn a_bad_config_is_a_located_error() {
    let dir = seeded_copy();
    std::fs::write(
        dir.path().join("factlint.toml"),
        "format = \"json\"\nfail_no = \"error\"\n",
    )
    .expect("config");
    let (stdout, stderr, code) = factlint(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("factlint.toml:2:1") && stderr.contains("unknown field `fail_no`"),
        "{stderr}"
    );
}

/// `explain`, `test` and `rules` read the rules factlint.toml names, as `check`
/// does, from any directory below it.
#[test]
fn every_command_reads_the_configured_rules() {
    let dir = seeded_copy();
    std::fs::rename(dir.path().join("rules"), dir.path().join("pack")).expect("move rules");
    std::fs::write(dir.path().join("factlint.toml"), "rules = [\"pack\"]\n").expect("config");
    let sub = dir.path().join("sub");
    std::fs::create_dir_all(&sub).expect("mkdir");
    let (stdout, stderr, code) = factlint(&sub, &["explain", "trade-volume"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Vietnam and Kazakhstan"), "{stdout}");
    let (stdout, stderr, code) = factlint(&sub, &["explain", "trade-volume", "../seeds"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("seeds/002_"), "{stdout}");
    let (stdout, stderr, code) = factlint(&sub, &["rules", "--check"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let (stdout, stderr, code) = factlint(&sub, &["test"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    // Without the configuration there is no rules/ to fall back on.
    std::fs::remove_file(dir.path().join("factlint.toml")).expect("remove config");
    let (_, stderr, code) = factlint(&sub, &["explain", "trade-volume"]);
    assert_eq!(code, 2, "{stderr}");
}

/// `explain CLAIM PATHS` walks the documents `check` would read: the configuration's
/// excludes apply to it too.
#[test]
fn explain_in_documents_leaves_out_the_excluded_ones() {
    let dir = seeded_copy();
    let (stdout, stderr, code) = factlint(dir.path(), &["explain", "trade-volume", "seeds"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("seeds/002_"), "{stdout}");
    std::fs::write(
        dir.path().join("factlint.toml"),
        "exclude = [\"seeds/002_*\"]\n",
    )
    .expect("config");
    let (stdout, stderr, code) = factlint(dir.path(), &["explain", "trade-volume", "seeds"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stdout.contains("seeds/002_"), "{stdout}");
    assert!(stdout.contains("seeds/00"), "{stdout}");
}
