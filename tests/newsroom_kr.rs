//! Another topic, another rule author: 12 articles on Vietnam–South Korea relations
//! (vi, en, de; one control article per language on another topic) written for
//! evaluation by writers who never saw factlint, with 12 planted errors and 208
//! traps (`tests/fixtures/newsroom-kr-truth.tsv`), checked with a rule pack
//! written from the documentation alone by an author who never saw the articles
//! (`tests/fixtures/newsroom-kr-rules/`, with the author's notes).
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // The pack's vi "first … in N years" patterns do not read "chuyến thăm Hàn Quốc
    // đầu tiên của một Tổng Bí thư … sau 17 năm".
    ("vi_01.txt", "sau 17 năm"),
    // The pack's per-year anniversary claims skip a sentence naming an earlier year
    // ("tính đến cuối năm 2024"), a work-around for the named-year reading fixed since.
    ("vi_02.txt", "Sau 33 năm thiết lập quan hệ ngoại giao"),
    // "Seuk" for "Suk": the name's three-letter token has no near-miss index.
    ("vi_03.txt", "Yoon Seuk Yeol"),
    // "Das Niveau des Jahres 2022, als 89,7 Mrd. USD erzielt wurden": no trade word
    // in the sentence.
    ("de_02.txt", "als 89,7 Mrd. USD erzielt wurden"),
];

/// Correct statements the user-written pack flags, both through its own patterns.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[
    // "ngày 5/12/2022, trong chuyến thăm … từ ngày 4 đến 7/12, hai nước đã nâng cấp
    // quan hệ": the pack's partnership-date pattern reads the visit's last day; the
    // visit overlaps the upgrade, so it is not taken for another event's date.
    "vi_03.txt: \"Chủ tịch nước Nguyễn Xuân Phúc từ ngày 4 đến 7/12\" by [\"kr-csp-date\"]",
    // The pack's Yoon visit-date pattern reads the month of his removal from office.
    "de_02.txt: \"Sein Vorgänger Yoon Suk Yeol war im April 2025 des Amtes enthoben worden\" by [\"yoon-visit-date\"]",
];

const WITH_USER_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kr",
    truth: "tests/fixtures/newsroom-kr-truth.tsv",
    rules: Some("tests/fixtures/newsroom-kr-rules"),
};

const WITH_SHIPPED_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kr",
    truth: "tests/fixtures/newsroom-kr-truth.tsv",
    rules: None,
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    WITH_USER_PACK.assert_score((12, 208), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

/// The shipped Vietnam–Kazakhstan pack on copy about Korea: nothing but the two
/// planted errors about people it knows (Tô Lâm called General Secretary before he
/// was, Võ Văn Thưởng called "Staatspräsident" after he left).
#[test]
fn the_shipped_pack_stays_quiet_on_another_topic() {
    let findings = WITH_SHIPPED_PACK.findings();
    let all: Vec<(&String, &String)> = findings
        .iter()
        .flat_map(|(file, found)| found.iter().map(move |(_, rule)| (file, rule)))
        .collect();
    assert_eq!(all.len(), 2, "{findings:?}");
    let score = WITH_SHIPPED_PACK.score();
    assert_eq!(score.missed.len(), 10);
    assert!(
        !score.missed.iter().any(|(file, _)| file == "en_01.txt"),
        "the role conflict is found"
    );
    assert!(score.flagged_traps.is_empty(), "{:#?}", score.flagged_traps);
}

#[test]
fn newsroom_kr_report() {
    WITH_USER_PACK.snapshot("newsroom_kr_report");
}
