//! `factlint baseline` and `check --baseline`: findings survive moved paragraphs and
//! unrelated edits; a changed conflicting value is a new finding; stale entries are
//! counted; a malformed baseline is a usage error.

mod common;

use common::{factlint, seeded_copy};

use std::path::Path;

const SEED: &str = "seeds/002_31cbe1c235b66155.txt";

fn edit(dir: &Path, f: impl FnOnce(&mut Vec<String>)) {
    let path = dir.join(SEED);
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    f(&mut lines);
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn baseline_survives_moves_and_unrelated_edits() {
    let dir = seeded_copy();
    let (_, stderr, code) = factlint(dir.path(), &["baseline"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("recorded 10 findings"), "{stderr}");
    assert!(dir.path().join("factlint-baseline.json").is_file());

    // Move the paragraph with the conflicting figure to the top; edit another line.
    edit(dir.path(), |lines| {
        let index = lines
            .iter()
            .position(|l| l.contains("US$800 million"))
            .expect("the conflicting paragraph");
        let paragraph = lines.remove(index);
        lines.insert(1, paragraph);
        lines.insert(2, String::new());
        let last = lines.len() - 1;
        lines[last].push_str(" An unrelated sentence was added here.");
    });
    let args = ["check", "--baseline", "factlint-baseline.json"];
    let (stdout, stderr, code) = factlint(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.starts_with("0 errors, 0 warnings"), "{stdout}");
    assert!(
        stderr.contains("10 findings matched the baseline"),
        "{stderr}"
    );

    // Editing the conflicting value makes the finding new; the old entries are stale.
    edit(dir.path(), |lines| {
        for line in lines.iter_mut() {
            *line = line.replace("US$800 million", "US$700 million");
        }
    });
    let (stdout, stderr, code) = factlint(dir.path(), &args);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains("US$700 million"), "{stdout}");
    assert!(stdout.contains("1 error"), "{stdout}");
    // Only the edited figure's entry is stale: the derived "up 99 per cent" finding
    // keeps its matched text, so it still matches its entry.
    assert!(
        stderr.contains("1 baseline finding no longer occurs"),
        "{stderr}"
    );
}

#[test]
fn malformed_baseline_is_a_usage_error() {
    let dir = seeded_copy();
    std::fs::write(
        dir.path().join("b.json"),
        "{\"version\": 1, \"findings\": [}",
    )
    .expect("w");
    let (_, stderr, code) = factlint(dir.path(), &["check", "--baseline", "b.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("b.json:1:"), "{stderr}");
}
