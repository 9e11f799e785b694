//! The seed pack's temporal claims on the seeds' own sentences: each must be READ (a
//! mention exists — silence because nothing matched would prove nothing) and must agree
//! or conflict exactly as FACTS.md says.

use chrono::NaiveDate;
use factlint::{Checker, Corpus, Document, Rules};

fn rules() -> Rules {
    Rules::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/rules")]).expect("rules")
}

/// (mentions, texts of temporal findings) for one sentence.
fn check(
    rules: &Rules,
    lang: &str,
    date: Option<(i32, u32, u32)>,
    text: &str,
) -> (usize, Vec<String>) {
    let date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    let doc = Document::new("doc.txt", lang, date, text);
    let report = Checker::new(rules).check(&Corpus::from_documents(vec![doc]));
    let findings = report
        .findings
        .iter()
        .filter(|f| f.kind != "name")
        .map(|f| format!("{}:{}", f.rule, f.text_in(text)))
        .collect();
    (report.summary.mentions, findings)
}

/// (language, document date, sentence).
type Case = (&'static str, Option<(i32, u32, u32)>, &'static str);

const KZ_2025: Option<(i32, u32, u32)> = Some((2025, 5, 5));

#[test]
fn seed_sentences_that_must_not_be_reported_are_read_and_agree() {
    let rules = rules();
    let cases: &[Case] = &[
        (
            "vi",
            KZ_2025,
            "Kazakhstan: kỷ niệm 66 năm chuyến thăm Kazakhstan của Chủ tịch Hồ Chí Minh (1959-2025).",
        ),
        (
            "vi",
            KZ_2025,
            "Kazakhstan: 33 năm ngày thiết lập quan hệ ngoại giao (1992-2025).",
        ),
        (
            "vi",
            Some((2023, 6, 11)),
            "Việt Nam và Kazakhstan chính thức thiết lập quan hệ ngoại giao cách đây 31 năm (29/6/1992-29/6/2023).",
        ),
        (
            "de",
            KZ_2025,
            "Kasachstan: der höchstrangige Besuch Vietnams in Kasachstan in den 33 Jahren seit der Aufnahme diplomatischer Beziehungen.",
        ),
        (
            "en",
            KZ_2025,
            "This marks the first state visit by a key Vietnamese leader to Kazakhstan in 13 years.",
        ),
        (
            "en",
            KZ_2025,
            "Kazakhstan: the visit is the first ever by a CPV General Secretary.",
        ),
        (
            "de",
            KZ_2025,
            "Dies ist der erste Besuch des Generalsekretärs der Kommunistischen Partei Vietnams in Kasachstan.",
        ),
        (
            "vi",
            Some((2023, 8, 21)),
            "Chiều 21/8, tại Trụ sở Trung ương Đảng, Tổng Bí thư Nguyễn Phú Trọng đã tiếp Tổng thống Cộng hòa Kazakhstan Kassym-Jomart Tokayev.",
        ),
    ];
    for (lang, date, text) in cases {
        // "cách đây 31 năm" is read twice: as the count of years since the ties and,
        // "31 years ago", as their date.
        let read = if text.contains("cách đây") { 2 } else { 1 };
        assert_eq!(check(&rules, lang, *date, text), (read, vec![]), "{text}");
    }
}

#[test]
fn postponed_visit_dates_are_an_error() {
    let text = "Tổng thống Kazakhstan Kassym-Jomart Tokayev hôm nay đến Hà Nội, bắt đầu chuyến thăm thăm chính thức Việt Nam từ ngày 11-13/6/2023.";
    let (mentions, findings) = check(&rules(), "vi", Some((2023, 6, 11)), text);
    assert_eq!(mentions, 1);
    assert_eq!(findings, vec!["tokayev-visit-date:11-13/6/2023"]);
}

#[test]
fn wrong_counts_and_spans_are_errors() {
    let rules = rules();
    let (_, f) = check(
        &rules,
        "vi",
        KZ_2025,
        "Kazakhstan: 35 năm ngày thiết lập quan hệ ngoại giao (1992-2025).",
    );
    assert_eq!(f, vec!["ties-anniversary:35 năm"]);
    let (_, f) = check(
        &rules,
        "vi",
        KZ_2025,
        "Kazakhstan: 33 năm ngày thiết lập quan hệ ngoại giao (1991-2025).",
    );
    assert_eq!(f, vec!["ties-anniversary:1991-2025"]);
    let (_, f) = check(
        &rules,
        "en",
        KZ_2025,
        "Kazakhstan: the first state visit by a Vietnamese leader to Kazakhstan in 10 years.",
    );
    assert_eq!(f, vec!["state-visit-gap:10 years"]);
}

#[test]
fn undated_documents_get_a_note_not_silence() {
    let rules = rules();
    let (_, f) = check(
        &rules,
        "vi",
        None,
        "Kazakhstan: 33 năm ngày thiết lập quan hệ ngoại giao (1992-2025).",
    );
    assert_eq!(f, vec!["ties-anniversary:33 năm"]);
}
