//! Round 6 of the held-out evaluation: 9 articles on Vietnam's rice exports (vi, en,
//! de) — a topic of tonnes, prices, shares and contests rather than diplomacy —
//! written for evaluation, with 27 planted errors and 181 traps
//! (`tests/fixtures/newsroom-rice-truth.tsv`), checked with a rule pack written from
//! the documentation alone by an author who did not see the articles
//! (`tests/fixtures/newsroom-rice-rules/`, with the fact sheet and the author's notes;
//! no round of fixes after the first run).
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "Ấn Độ – nước xuất khẩu gạo lớn nhất thế giới – cấm …": the pack's patterns
    // want the verb right after the country, not after an apposition.
    ("vi_01.txt", "từ ngày 20/6/2023, khiến giá"),
    // Two changes in one clause ("tăng 12,9% về lượng và tăng 21,3% về trị giá"):
    // the pack reads neither.
    ("vi_02.txt", "tăng 21,3% về trị giá"),
    // "tròn 36 năm Việt Nam tham gia thị trường gạo thế giới": not among the pack's
    // anniversary phrasings.
    ("vi_02.txt", "năm tròn 36 năm Việt Nam"),
    // "thị trường lớn thứ ba": the pack's rank patterns name buyers, not markets.
    ("vi_02.txt", "Indonesia, thị trường lớn thứ ba"),
    // The pack has no claim on the date the ministry was formed.
    ("vi_03.txt", "thành lập từ ngày 1/4/2025"),
    // The 2022 figure given for 2021: no fact for 2021, and no other article states
    // a 2021 figure to disagree with.
    ("en_01.txt", "7.1 million tonnes of rice in 2021"),
    // "Export revenue last year reached $3.54 billion": no "rice" in the sentence,
    // which the pack's context asks for.
    (
        "en_01.txt",
        "Export revenue last year reached $3.54 billion",
    ),
    // "The average export price rose to about $557 a tonne": no "rice" in the
    // sentence, and no period in its paragraph to carry.
    ("en_02.txt", "about $557 a tonne"),
    // "approved a plan to develop one million hectares": the pattern ends in
    // "hectare", and a pattern ends at a word boundary ("hectares" does not match).
    ("en_02.txt", "On Nov. 17, Prime Minister"),
    // "the third time the variety has won": the pack's ordinal patterns need "ST25"
    // after "time", not "the variety".
    ("en_02.txt", "the third time the variety has won"),
    // The pack has no claim on the project's target year.
    ("en_03.txt", "in the Mekong Delta by 2035"),
    // "Das Verbot hatte seit dem 20. Juli 2022 gegolten": India is named only in
    // the sentence before.
    ("de_01.txt", "seit dem 20. Juli 2022"),
    // "hatte … 8,31 Millionen Tonnen Reis exportiert": the verb comes last; the
    // pack's patterns want "exportierte".
    ("de_01.txt", "8,31 Millionen Tonnen Reis exportiert"),
    // "festigt Vietnam seine Position als zweitgrößter Reisexporteur": a verb the
    // pack's rank patterns do not list.
    (
        "de_02.txt",
        "zweitgrößter Reisexporteur der Welt hinter Indien",
    ),
    // "Sie kauften … rund 48 Prozent": the Philippines are named in the sentence
    // before; and "rund 48" reads as 43.2–52.8%, overlapping 46%.
    ("de_02.txt", "rund 48 Prozent der gesamten Exportmenge"),
    // "Landwirtschaftsminister" is neither among Đỗ Đức Duy's role titles nor
    // among the titles the pack says he never held.
    ("de_02.txt", "sagte Landwirtschaftsminister Đỗ Đức Duy"),
    // "Im ersten Halbjahr führte das Land nach Zolldaten 4,27 Millionen Tonnen Reis
    // aus": a separable verb and an inserted source the pack's patterns do not read.
    ("de_03.txt", "4,27 Millionen Tonnen Reis aus"),
];

const WITH_USER_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-rice",
    truth: "tests/fixtures/newsroom-rice-truth.tsv",
    rules: Some("tests/fixtures/newsroom-rice-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    WITH_USER_PACK.assert_score((27, 181), KNOWN_GAPS, &[]);
}

/// The shipped Vietnam–Kazakhstan pack on copy about rice: no finding at all.
#[test]
fn the_shipped_pack_stays_quiet_on_another_topic() {
    assert_eq!(WITH_USER_PACK.with_shipped_pack().finding_count(), 0);
}

#[test]
fn newsroom_rice_report() {
    WITH_USER_PACK.snapshot("newsroom_rice_report");
}
