//! Round 5 of the held-out evaluation: 9 articles on Vietnam–Australia relations (vi,
//! en, de) written for evaluation, with 27 planted errors and 115 traps
//! (`tests/fixtures/newsroom-au-truth.tsv`), checked with a rule pack written from the
//! documentation alone by an author who did not see the articles
//! (`tests/fixtures/newsroom-au-rules/`, with the fact sheet and the author's notes;
//! no round of fixes after the first run).
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "ngày 6/3 chính thức nâng cấp": the pack's vi patterns put the date after the
    // verb. (Read by a pattern, 6/3 would now be wrong though the ASEAN–Australia
    // summit ended that day; the case `date-placed-by-pattern` covers it.)
    ("vi_01.txt", "ngày 6/3 chính thức nâng cấp"),
    // The pack's ordinal patterns do not read "chuyến thăm Australia thứ hai của ông".
    ("vi_01.txt", "chuyến thăm Australia thứ hai của ông"),
    // After 2023 the pack checks the anniversary only in present-tense phrasing
    // ("năm nay … 52 năm"), its guard against "the 50th anniversary" of 2023.
    ("vi_02.txt", "kỷ niệm 51 năm"),
    // August 2019 to June 2023 is 3 completed years and 4 calendar years; both
    // counts are accepted.
    ("vi_03.txt", "sau 3 năm"),
    // 16.2 / 1.156 = 14.0 for 2023, within the pack's 2% tolerance around 13.9.
    ("vi_03.txt", "tăng 15,6% so với năm 2023"),
    // "The figure was up 16.5% from 2022": the figure is named in the sentence before.
    ("en_02.txt", "up 16.5% from 2022"),
    // The pack has no claim on the upgrade's anniversary.
    ("en_03.txt", "second anniversary of the upgrade"),
    // Completed years again (see "sau 3 năm").
    ("en_03.txt", "in three years"),
    // The pack's German trade patterns do not read a change split from its verb
    // ("stieg … 2024 um 14,5 Prozent … auf 16,2 Milliarden").
    ("de_01.txt", "um 14,5 Prozent gegenüber dem Vorjahr"),
    // "Im Jahr 2022 hatte das Volumen bei …": no trade word of the pack's.
    ("de_01.txt", "bei 16,7 Milliarden Dollar"),
    // "rangierte Vietnam als achtgrößter Handelspartner": a verb the pack's rank
    // patterns do not list.
    ("de_01.txt", "achtgrößter Handelspartner Australiens"),
    // Present-tense anniversary phrasing only (see "kỷ niệm 51 năm").
    ("de_02.txt", "den 53. Jahrestag"),
    // "Albanese hatte Vietnam im Juni 2022 besucht": not in the visit-date patterns.
    ("de_03.txt", "im Juni 2022 besucht"),
    // Present-tense anniversary phrasing only.
    ("de_03.txt", "den 50. Jahrestag"),
];

const WITH_USER_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-au",
    truth: "tests/fixtures/newsroom-au-truth.tsv",
    rules: Some("tests/fixtures/newsroom-au-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    WITH_USER_PACK.assert_score((27, 115), KNOWN_GAPS, &[]);
}

/// The shipped Vietnam–Kazakhstan pack on copy about Australia: nothing but the two
/// planted errors about people it knows (Võ Văn Thưởng called "Staatspräsident"
/// in 2025; "Chủ tịch nước Tô Lâm" in February 2025, months after his presidency).
#[test]
fn the_shipped_pack_stays_quiet_on_another_topic() {
    let shipped = WITH_USER_PACK.with_shipped_pack();
    assert_eq!(shipped.finding_count(), 2);
    let score = shipped.score();
    assert!(score.flagged_traps.is_empty(), "{:?}", score.flagged_traps);
    for planted in [
        ("de_02.txt", "Staatspräsident Vo Van Thuong"),
        ("vi_02.txt", "Chủ tịch nước Tô Lâm"),
    ] {
        assert!(
            !score.missed().contains(&planted),
            "the outdated title is found: {planted:?}"
        );
    }
}

#[test]
fn newsroom_au_report() {
    WITH_USER_PACK.snapshot("newsroom_au_report");
}
