//! Suppression comments end to end: a suppressed conflict does not fail the run, and a
//! suppression that matches nothing is reported as `unused-suppression`.

use std::process::Command;

fn check(name: &str, text: &str) -> (String, i32) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(name), text).expect("write");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", name, "--rules", rules, "--format", "json"])
        .current_dir(dir.path())
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule"))
        .collect();
    (rules.join(","), out.status.code().unwrap_or(-1))
}

const HEAD: &str = "---\nlang: en\ndate: 2025-05-05\n---\n";
const BAD: &str = "Kazakhstan and Vietnam. In 2024, two-way trade reached US$800 million.\n";

#[test]
fn plain_text_ignore_line() {
    let text = format!("{HEAD}factlint: ignore trade-volume\n{BAD}");
    assert_eq!(check("a.txt", &text), (String::new(), 0));
    let text = format!("{HEAD}factlint: ignore other-rule\n{BAD}");
    assert_eq!(
        check("a.txt", &text),
        ("unused-suppression,trade-volume".to_string(), 1)
    );
}

#[test]
fn markdown_comments() {
    let text = format!("{HEAD}<!-- factlint-disable-next-line -->\n{BAD}");
    assert_eq!(check("a.md", &text), (String::new(), 0));
    let text = format!(
        "{HEAD}<!-- factlint-disable trade-volume -->\n{BAD}<!-- factlint-enable -->\n{BAD}"
    );
    assert_eq!(check("a.md", &text), ("trade-volume".to_string(), 1));
}
