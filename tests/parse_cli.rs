//! `factlint parse`: one value from the command line, and `--jsonl` batches answered
//! line for line, in order, with no crash and no dropped line.

use std::io::Write;
use std::process::{Command, Stdio};

fn factlint(args: &[&str], stdin: &str) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run factlint");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("write stdin");
    drop(input);
    let output = child.wait_with_output().expect("wait");
    (
        String::from_utf8(output.stdout).expect("utf-8"),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn single_value() {
    let (out, code) = factlint(&["parse", "--lang", "vi", "gần 1 tỷ USD"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        (v["kind"].as_str(), v["low"].as_f64(), v["high"].as_f64()),
        (Some("money"), Some(9e8), Some(1e9))
    );
    assert_eq!(v["hedge"], "nearly");
    let (out, code) = factlint(
        &["parse", "--lang", "en", "--kind", "money", "G7 summit"],
        "",
    );
    assert_eq!(code, 1);
    assert!(out.contains("\"error\""), "{out}");
}

#[test]
fn thousand_line_mixed_batch_is_answered_in_order() {
    let table = include_str!("values.tsv");
    let inputs: Vec<(String, String)> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() > 3).then(|| (cols[0].to_string(), cols[3].to_string()))
        })
        .collect();
    assert!(inputs.len() > 300, "table rows: {}", inputs.len());
    let mut batch = String::new();
    for i in 0..1000 {
        match i % 10 {
            7 => batch.push_str("not json at all\n"),
            8 => batch.push_str(&format!(
                "{{\"id\": {i}, \"lang\": \"xx\", \"text\": \"1\"}}\n"
            )),
            _ => {
                let (lang, text) = &inputs[i % inputs.len()];
                let line = serde_json::json!({ "id": i, "lang": lang, "text": text, "doc_date": "2025-05-05" });
                batch.push_str(&line.to_string());
                batch.push('\n');
            }
        }
    }
    let (out, code) = factlint(&["parse", "--jsonl"], &batch);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 1000);
    let mut read = 0;
    for (i, line) in lines.iter().enumerate() {
        match i % 10 {
            7 => assert!(line["error"].is_string() && line["id"].is_null()),
            8 => assert_eq!(
                (line["id"].as_u64(), line["error"].is_string()),
                (Some(i as u64), true)
            ),
            _ => {
                assert_eq!(line["id"].as_u64(), Some(i as u64), "order kept");
                read += usize::from(line["kind"].is_string());
            }
        }
    }
    assert!(read > 600, "most table inputs are read as values ({read})");
}

/// `--rules` applies the language packs of a rule directory, as `check` does: the
/// round-14 pack reads Vietnamese number words alone ("hai tổ máy"), the built-in
/// pack does not.
#[test]
fn rules_bring_their_language_packs() {
    let text = "hai tổ máy";
    let (out, code) = factlint(&["parse", "--lang", "vi", "--kind", "number", text], "");
    assert_eq!(code, 1, "{out}");
    let rules = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/newsroom-nuclear-rules"
    );
    let args = [
        "parse", "--rules", rules, "--lang", "vi", "--kind", "number", text,
    ];
    let (out, code) = factlint(&args, "");
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["value"].as_f64(), Some(2.0));
    // "hàng trăm sinh viên" (hundreds of students) is no figure, even there.
    let args = [
        "parse",
        "--rules",
        rules,
        "--lang",
        "vi",
        "--kind",
        "number",
        "hàng trăm sinh viên",
    ];
    assert_eq!(factlint(&args, "").1, 1);
}

/// `parse --rules` needs only the language packs: a directory holding nothing but
/// `lang/` will do (it failed with "no rule files found"); one holding neither rules
/// nor packs is a usage error.
#[test]
fn a_directory_of_language_packs_alone_will_do() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lang-only");
    let text = "so um die 20 Prozent";
    let args = ["parse", "--rules", dir, "--lang", "de", text];
    let (out, code) = factlint(&args, "");
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["hedge"].as_str(), Some("about"));
    // A directory of directories: no rule file, no `lang/`.
    let none = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cases");
    let (_, code) = factlint(&["parse", "--rules", none, "--lang", "de", text], "");
    assert_eq!(code, 2);
}
