//! Input formats (issue 11): Markdown, HTML and JSON Lines documents are checked on the
//! words a reader sees, and every span still slices the original file (or, for JSON
//! Lines, the decoded text field) to the finding's `text`. The seeds converted to each
//! format give the same findings as the seed files.

use std::path::{Path, PathBuf};

use factlint::corpus::{JsonlFields, LoadOptions};
use factlint::{Checker, Corpus, Format, Report, Rules};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn rules() -> Rules {
    Rules::load(&[Path::new(ROOT).join("rules")]).expect("rules")
}

fn check(paths: &[PathBuf], fields: JsonlFields) -> Report {
    let options = LoadOptions {
        jsonl_fields: fields,
        ..LoadOptions::default()
    };
    let corpus = Corpus::from_paths_with(paths, &options).expect("corpus");
    Checker::new(&rules()).check(&corpus)
}

fn json(report: &Report) -> Value {
    serde_json::from_str(&report.render(Format::Json)).expect("json")
}

/// The fixture as a path relative to the crate root (stable file names in snapshots).
fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(ROOT).unwrap_or(path).to_path_buf()
}

fn fields_for(path: &Path) -> JsonlFields {
    if path.to_string_lossy().contains("custom-fields") {
        "text=body,date=published_at,lang=meta.language,id=url"
            .parse()
            .expect("fields")
    } else {
        JsonlFields::default()
    }
}

/// The decoded text field of line `line` of a JSON Lines file.
fn jsonl_field(path: &Path, line: usize, field: &str) -> String {
    let text = std::fs::read_to_string(path).expect("read");
    let record: Value =
        serde_json::from_str(text.lines().nth(line - 1).expect("line")).expect("record");
    record[field].as_str().expect("text field").to_string()
}

#[test]
fn each_format_fixture_reports_spans_of_the_original() {
    insta::glob!("fixtures/formats/*.*", |path| {
        let path = relative(path);
        let report = check(std::slice::from_ref(&path), fields_for(&path));
        let value = json(&report);
        let original = std::fs::read_to_string(Path::new(ROOT).join(&path)).expect("read");
        let jsonl = path.extension().is_some_and(|e| e == "jsonl");
        let text_field = fields_for(&path).text;
        for f in value["findings"].as_array().expect("findings") {
            if f["kind"] == "input" {
                continue;
            }
            let (start, end) = (
                f["span"]["start"].as_u64().expect("start") as usize,
                f["span"]["end"].as_u64().expect("end") as usize,
            );
            let source = if jsonl {
                let line = f["line"].as_u64().expect("line") as usize;
                jsonl_field(&Path::new(ROOT).join(&path), line, &text_field)
            } else {
                original.clone()
            };
            assert_eq!(source[start..end], f["text"], "{path:?}: {f}");
        }
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("format", report.render(Format::Json));
        });
    });
}

fn findings(report: &Report) -> Vec<(String, usize, usize, String)> {
    json(report)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0) as usize,
                f["column"].as_u64().unwrap_or(0) as usize,
                f["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn markdown_code_is_not_checked_but_prose_is() {
    let path = PathBuf::from("tests/fixtures/formats/trade.md");
    let found = findings(&check(&[path], JsonlFields::default()));
    let trade: Vec<_> = found.iter().filter(|f| f.0 == "trade-volume").collect();
    // Line 11 is the prose; the code block (line 16), inline code, comment, URL and
    // image alt text state other figures and must stay silent.
    assert_eq!(trade.len(), 2, "{found:?}");
    assert_eq!(
        (trade[0].1, trade[0].2, trade[0].3.as_str()),
        (11, 37, "US$800 million")
    );
    assert!(trade.iter().all(|f| f.1 == 11), "{found:?}");
}

#[test]
fn html_article_sentence_is_flagged_at_its_line_and_column() {
    let path = PathBuf::from("tests/fixtures/formats/page.html");
    let report = check(&[path], JsonlFields::default());
    let found = findings(&report);
    let trade: Vec<_> = found.iter().filter(|f| f.0 == "trade-volume").collect();
    assert_eq!(trade.len(), 2, "{found:?}");
    assert_eq!(
        (trade[0].1, trade[0].2, trade[0].3.as_str()),
        (17, 38, "US$800&nbsp;<b>million")
    );
    assert_eq!(
        report.summary.mentions, 1,
        "nav, aside, footer, script stay silent"
    );
}

/// One seed document: file stem, manifest entry, text.
struct Seed {
    stem: String,
    lang: String,
    date: String,
    title: String,
    text: String,
}

fn seeds() -> Vec<Seed> {
    let dir = Path::new(ROOT).join("seeds");
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join("corpus.toml")).expect("manifest"))
            .expect("toml");
    let entries = manifest["document"].as_array().expect("documents");
    let seeds: Vec<Seed> = entries
        .iter()
        .map(|e| {
            let path = e["path"].as_str().expect("path");
            Seed {
                stem: path.trim_end_matches(".txt").to_string(),
                lang: e["lang"].as_str().expect("lang").to_string(),
                date: e.get("date").map(|d| d.to_string()).unwrap_or_default(),
                title: e
                    .get("title")
                    .and_then(|t| t.as_str())
                    .unwrap_or("")
                    .to_string(),
                text: std::fs::read_to_string(dir.join(path)).expect("seed"),
            }
        })
        .collect();
    assert_eq!(seeds.len(), 5);
    seeds
}

fn to_jsonl(seeds: &[Seed]) -> String {
    seeds
        .iter()
        .map(|s| {
            let mut record =
                serde_json::json!({"id": s.stem, "lang": s.lang, "title": s.title, "text": s.text});
            if !s.date.is_empty() {
                record["date"] = Value::from(s.date.clone());
            }
            format!("{record}\n")
        })
        .collect()
}

/// YAML front matter, then every line of the seed as its own paragraph.
fn to_markdown(seed: &Seed) -> String {
    let mut out = format!(
        "---\ntitle: {}\nlang: {}\n",
        serde_json::to_string(&seed.title).expect("quote"),
        seed.lang
    );
    if !seed.date.is_empty() {
        out.push_str(&format!("date: {}\n", seed.date));
    }
    out.push_str("---\n");
    for line in seed.text.lines() {
        out.push_str(line);
        out.push_str("\n\n");
    }
    out
}

/// A page with chrome around an `<article>`; every non-ASCII character is written as a
/// numeric entity, so spans must map across entities.
fn to_html(seed: &Seed) -> String {
    let encode = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                c if c.is_ascii() => c.to_string(),
                c => format!("&#{};", u32::from(c)),
            })
            .collect()
    };
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head><title>{}</title>\n",
        seed.lang,
        encode(&seed.title)
    );
    if !seed.date.is_empty() {
        out.push_str(&format!(
            "<meta property=\"article:published_time\" content=\"{}T08:00:00+07:00\">\n",
            seed.date
        ));
    }
    out.push_str("<script>document.title = 'In 2024, two-way trade reached US$500 million';</script></head>\n<body><nav>Kassym-Jormat Tokayev | US$500 million</nav>\n<article>\n");
    for line in seed.text.lines() {
        out.push_str(&format!("<p>{}</p>\n", encode(line)));
    }
    out.push_str("</article>\n<footer>Kassym-Jormat</footer></body></html>\n");
    out
}

/// (rule, key, text) of every finding, texts decoded for HTML, sorted; plus counts.
fn signature(report: &Report, decode: bool) -> (Vec<(String, String, String)>, [usize; 4]) {
    let mut found: Vec<_> = json(report)["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let text = f["text"].as_str().unwrap_or("");
            let text = if decode {
                html_escape::decode_html_entities(text).into_owned()
            } else {
                text.to_string()
            };
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["key"].as_str().unwrap_or("").to_string(),
                text,
            )
        })
        .collect();
    found.sort();
    let s = report.summary;
    (found, [s.mentions, s.errors, s.warnings, s.notes])
}

#[test]
fn seeds_as_jsonl_markdown_and_html_give_the_seed_findings() {
    let seeds = seeds();
    let expected = signature(
        &check(&[Path::new(ROOT).join("seeds")], JsonlFields::default()),
        false,
    );
    assert!(
        expected.0.len() >= 8,
        "the seeds have findings: {expected:?}"
    );
    let dir = tempfile::tempdir().expect("tempdir");

    let jsonl = dir.path().join("seeds.jsonl");
    std::fs::write(&jsonl, to_jsonl(&seeds)).expect("write");
    let report = check(&[jsonl], JsonlFields::default());
    assert_eq!(signature(&report, false), expected, "JSON Lines");

    let md_dir = dir.path().join("md");
    let html_dir = dir.path().join("html");
    std::fs::create_dir_all(&md_dir).expect("mkdir");
    std::fs::create_dir_all(&html_dir).expect("mkdir");
    for seed in &seeds {
        let md = md_dir.join(format!("{}.md", seed.stem));
        let html = html_dir.join(format!("{}.html", seed.stem));
        std::fs::write(&md, to_markdown(seed)).expect("write");
        std::fs::write(&html, to_html(seed)).expect("write");
    }
    let report = check(&[md_dir], JsonlFields::default());
    assert_eq!(signature(&report, false), expected, "Markdown");
    let report = check(&[html_dir], JsonlFields::default());
    assert_eq!(signature(&report, true), expected, "HTML");
}

fn factlint(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("run factlint")
}

#[test]
fn cli_reads_jsonl_fields_and_rejects_bad_ones() {
    let out = factlint(&[
        "check",
        "tests/fixtures/formats/custom-fields.jsonl",
        "--jsonl-fields",
        "text=body,date=published_at,lang=meta.language,id=url",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        report["findings"][0]["file"],
        "tests/fixtures/formats/custom-fields.jsonl#a1"
    );
    let out = factlint(&["check", "seeds", "--jsonl-fields", "txt=body"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown role `txt`"), "{stderr}");
}

#[test]
fn cli_writes_the_html_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = dir.path().join("report.html");
    let out = factlint(&[
        "check",
        "tests/fixtures/formats/page.html",
        "--format",
        "html",
        "--output",
        output.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(1), "the page has an error");
    let page = std::fs::read_to_string(&output).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    // The span is shown as the HTML source it is, escaped.
    assert!(
        page.contains("US$800&amp;nbsp;&lt;b&gt;million</mark>"),
        "{page}"
    );
}

/// The report is written as it is rendered; a write that fails on the way is an
/// error (exit code 2) naming the output, not a silently cut report.
#[test]
#[cfg(target_os = "linux")]
fn a_report_that_cannot_be_written_is_an_error() {
    for format in ["json", "html", "human"] {
        let out = factlint(&[
            "check",
            "seeds",
            "--format",
            format,
            "--output",
            "/dev/full",
        ]);
        assert_eq!(out.status.code(), Some(2), "{format}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("/dev/full"), "{format}: {stderr}");
    }
}
