//! User language packs: `lang/<code>.toml` beside the rules adds (or overrides) a
//! language; a broken pack is a located rule error (exit 2), not a crash.

use std::process::Command;

const EN_PACK: &str = include_str!("../src/lang/packs/en.toml");

fn write_rules(dir: &std::path::Path, pack: &str) {
    std::fs::create_dir_all(dir.join("rules/lang")).expect("mkdir");
    std::fs::write(dir.join("rules/lang/xq.toml"), pack).expect("pack");
    std::fs::write(
        dir.join("rules/trade.toml"),
        r#"
[[fact]]
key = "trade/2024"
value = "1e9 USD"
tolerance = "10%"

[[claim]]
id = "trade"
kind = "quantity"
key = "trade/{year}"
[claim.patterns]
xq = ["in {year}, trade reached {money}"]
"#,
    )
    .expect("rules");
    std::fs::write(
        dir.join("doc.txt"),
        "---\nlang: xq\n---\nIn 2024, trade reached US$800 million.\n",
    )
    .expect("doc");
}

fn run(dir: &std::path::Path) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "doc.txt", "--rules", "rules", "--format", "json"])
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_user_pack_adds_a_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_rules(
        dir.path(),
        &EN_PACK.replacen("code = \"en\"", "code = \"xq\"", 1),
    );
    let (stdout, stderr, code) = run(dir.path());
    assert_eq!(code, 1, "{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["findings"][0]["text"], "US$800 million");
}

#[test]
fn a_broken_pack_is_a_located_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = EN_PACK
        .replacen("code = \"en\"", "code = \"xq\"", 1)
        .replacen("group = [\",\"]", "group = [\".\"]", 1);
    write_rules(dir.path(), &broken);
    let (stdout, stderr, code) = run(dir.path());
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("invalid language pack"), "{stderr}");
    assert!(stderr.contains("rules/lang/xq.toml:"), "{stderr}");
}
