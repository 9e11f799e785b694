//! Fuzz target: the whole check of one document with the seed rules, then rendering.
//!
//! The first input byte picks the language (en, vi, de, fr, ru) and whether the
//! document has a date; the rest is the document, decoded lossily. Invariants: no
//! panic, the JSON report is valid JSON, and neither report echoes a raw control
//! character (terminal escapes) from the document.

#![no_main]

use std::sync::LazyLock;

use chrono::NaiveDate;
use factlint::{Checker, Corpus, Document, Format, Rules};
use libfuzzer_sys::fuzz_target;

const LANGS: &[&str] = &["en", "vi", "de", "fr", "ru"];

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    Rules::from_toml("vn-kz.toml", include_str!("../../rules/vn-kz.toml"))
        .expect("the seed rules load")
});
static CHECKER: LazyLock<Checker<'static>> = LazyLock::new(|| Checker::new(&RULES));

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let lang = LANGS[usize::from(selector) % LANGS.len()];
    let date = (selector & 0x80 != 0)
        .then(|| NaiveDate::from_ymd_opt(2025, 5, 5))
        .flatten();
    let text = String::from_utf8_lossy(body);
    let corpus = Corpus::from_documents(vec![Document::new("fuzz.txt", lang, date, text)]);
    let report = CHECKER.check(&corpus);
    let human = report.render(Format::Human);
    assert!(
        !human
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "raw control character in the human report"
    );
    let json = report.render(Format::Json);
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["version"], 1);
});
