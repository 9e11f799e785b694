//! Round 4 of the held-out evaluation: 9 articles on Vietnam–Japan relations (vi, en,
//! de) written for evaluation, with 27 planted errors and 37 traps
//! (`tests/fixtures/newsroom-jp-truth.tsv`), checked with a rule pack written from
//! the documentation by an author who did not see the articles before the pack was
//! written (`tests/fixtures/newsroom-jp-rules/`, with the author's notes; the pack
//! had one round of fixes after the first run). One file is not the author's:
//! `40-ranks.toml`, the rankings the pack could not express, written by the engine's
//! author after seeing the articles to try the `{rank}` value kind on copy written
//! by someone else (3 planted errors found, no trap flagged); those three are not
//! held-out results.
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "Im Jahr zuvor … ein Minus von 7,5 Prozent gegenüber 2022": the year is the one
    // before the previous sentence's, and relative years count from the document date.
    ("de_02.txt", "ein Minus von 7,5 Prozent gegenüber 2022"),
    // Events have no place: Hanoi for Tokyo cannot be checked.
    (
        "de_03.txt",
        "Am 27. November 2023 hatten beide Länder in Hanoi",
    ),
];

/// Correct statements the user-written pack flags.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const WITH_USER_PACK: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-jp",
    truth: "tests/fixtures/newsroom-jp-truth.tsv",
    rules: Some("tests/fixtures/newsroom-jp-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    WITH_USER_PACK.assert_score((27, 37), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

/// The shipped Vietnam–Kazakhstan pack on copy about Japan: no claim of its applies,
/// and the two findings it makes are planted errors about a person it knows (Võ Văn
/// Thưởng called President in 2025, and misspelled "Thương").
#[test]
fn the_shipped_pack_stays_quiet_on_another_topic() {
    let shipped = WITH_USER_PACK.with_shipped_pack();
    assert_eq!(shipped.finding_count(), 2);
    let score = shipped.score();
    assert!(score.flagged_traps.is_empty(), "{:?}", score.flagged_traps);
    assert_eq!(score.missed.len(), 25);
}
