//! `check --fix` / `--diff`: exactly the planted name errors change, a second run is a
//! no-op, a read-only file is reported and the others are still fixed.

mod common;

use common::{factlint, seeded_copy};

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join("seeds").join(name)).expect("read")
}

const SEED_000: &str = "000_2123b4a668890d27.txt";
const SEED_002: &str = "002_31cbe1c235b66155.txt";
const SEED_004: &str = "004_9a9ded03198a3f9c.txt";

#[test]
fn fix_changes_exactly_the_planted_spans_and_is_idempotent() {
    let dir = seeded_copy();
    let before: Vec<String> = [SEED_000, SEED_002, SEED_004]
        .iter()
        .map(|n| read(dir.path(), n))
        .collect();
    let (_, stderr, _) = factlint(dir.path(), &["check", "--fix", "--format", "json"]);
    assert!(
        stderr.contains(&format!("fixed seeds/{SEED_000} (4 edits)")),
        "{stderr}"
    );
    assert_eq!(
        read(dir.path(), SEED_000),
        before[0]
            .replace("Kassym-Jormat", "Kassym-Jomart")
            .replace("K.Tumush", "K.Tumysh")
    );
    assert_eq!(
        read(dir.path(), SEED_002),
        before[1].replace("Việt Namese", "Vietnamese")
    );
    assert_eq!(
        read(dir.path(), SEED_004),
        before[2].replace("Kassym - Jomart", "Kassym-Jomart")
    );
    let untouched =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/001_daa83f813ff2a179.txt"))
            .expect("read");
    assert_eq!(
        std::fs::read(dir.path().join("seeds/001_daa83f813ff2a179.txt")).expect("read"),
        untouched
    );

    let after_first: Vec<String> = [SEED_000, SEED_002, SEED_004]
        .iter()
        .map(|n| read(dir.path(), n))
        .collect();
    let (stdout, stderr, _) = factlint(dir.path(), &["check", "--fix", "--format", "json"]);
    assert!(
        !stderr.contains("fixed"),
        "second run changes nothing: {stderr}"
    );
    let after_second: Vec<String> = [SEED_000, SEED_002, SEED_004]
        .iter()
        .map(|n| read(dir.path(), n))
        .collect();
    assert_eq!(after_first, after_second);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let names = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["kind"] == "name")
        .count();
    assert_eq!(names, 0, "the remaining report has no name findings");
}

#[test]
fn read_only_file_is_reported_and_others_are_fixed() {
    let dir = seeded_copy();
    let path = dir.path().join("seeds").join(SEED_002);
    let before = read(dir.path(), SEED_002);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let (_, stderr, _) = factlint(dir.path(), &["check", "--fix"]);
    assert!(
        stderr.contains(&format!("cannot fix seeds/{SEED_002}: read-only")),
        "{stderr}"
    );
    assert_eq!(read(dir.path(), SEED_002), before);
    assert!(!read(dir.path(), SEED_000).contains("Kassym-Jormat"));
    let mode = std::fs::metadata(dir.path().join("seeds").join(SEED_000))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640, "permissions are kept");
}

#[test]
fn diff_writes_nothing() {
    let dir = seeded_copy();
    let before = read(dir.path(), SEED_000);
    let (stdout, _, code) = factlint(dir.path(), &["check", "--diff"]);
    assert_eq!(code, 1);
    assert_eq!(read(dir.path(), SEED_000), before);
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("seeds_fix_diff", stdout);
    });
}
