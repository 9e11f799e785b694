//! A third topic, not diplomacy: 12 articles on Vietnam's economy in 2024 and the
//! first half of 2025 (vi, en, de; one control article per language on another
//! topic) written for evaluation by a writer who never saw factlint, with 12
//! planted errors and their traps (`tests/fixtures/newsroom-vneco-truth.tsv`),
//! checked with a rule pack written from the documentation alone by an author who
//! never saw the articles (`tests/fixtures/newsroom-vneco-rules/`, with the
//! author's notes and the fact sheet both worked from).
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "kim ngạch nhập khẩu năm qua đạt 380,76 tỷ USD, tăng 17,6%": "năm qua" (the
    // past year) is no relative year of the vi pack ("trong 15 năm qua" makes it
    // unsafe as one), and the pack's patterns do not read it either.
    ("vi_02.txt", "tăng 17,6% so với năm trước"),
    // "Đây là mức tăng cao nhất của 6 tháng đầu năm trong 15 năm qua": the pack's
    // pattern wants the half before "cao nhất".
    ("vi_03.txt", "6 tháng đầu năm trong 15 năm qua"),
    // "the record of 18.5 million visitors in 2019": the pack has the fact but no
    // pattern for "record of N visitors in YEAR".
    ("en_02.txt", "record of 18.5 million visitors in 2019"),
    // "celebrated 25 years since normalising diplomatic relations": the pack's
    // pattern reads "normalisation" and "normalised", not "normalising".
    (
        "en_03.txt",
        "25 years since normalising diplomatic relations",
    ),
    // "Vietnams Warenexporte sind 2024 auf 395,5 Mrd. US-Dollar gestiegen": the
    // pack's German patterns know "Exporte", not the compound "Warenexporte".
    ("de_01.txt", "auf 395,5 Mrd. US-Dollar gestiegen"),
];

/// Correct statements the user-written pack flags.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const WITH_USER_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-vneco",
    truth: "tests/fixtures/newsroom-vneco-truth.tsv",
    rules: Some("tests/fixtures/newsroom-vneco-rules"),
};

const WITH_SHIPPED_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-vneco",
    truth: "tests/fixtures/newsroom-vneco-truth.tsv",
    rules: None,
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    let rows = WITH_USER_PACK.truth();
    assert_eq!(rows.iter().filter(|r| r.error).count(), 12);
    let score = WITH_USER_PACK.score();
    assert_eq!(score.missed(), KNOWN_GAPS, "planted errors not found");
    assert_eq!(score.flagged_traps, KNOWN_FLAGGED_TRAPS);
}

/// The shipped Vietnam–Kazakhstan pack on economic copy: no finding at all (it
/// knows Tô Lâm and Phạm Minh Chính, named here with their right titles).
#[test]
fn the_shipped_pack_stays_quiet_on_another_topic() {
    let findings = WITH_SHIPPED_PACK.findings();
    assert!(findings.is_empty(), "{findings:?}");
}
