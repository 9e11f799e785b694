//! Round 21 of the held-out evaluation, in another genre: natural disasters and
//! extreme weather in Vietnam and Germany, 2017–2026 (typhoons Damrey and Yagi, the
//! central Vietnam floods of 2020, the Mekong drought, the Ahr flood of 2021 and its
//! rebuilding fund, the Bavarian floods of 2024, ministers and state premiers and their
//! terms). The fact sheet and two corpora were written by helpers in session 33; the
//! rule pack (`tests/fixtures/newsroom-disasters-rules/`, with the fact sheet and the
//! pack author's `NOTES.md`) by another who saw only the fact sheet, the
//! documentation and the first corpus, with a binary of the session's first minutes.
//! The author generated the TOML files with Python scripts (`_gen/` in the notes),
//! which are not shipped: the TOML is the pack.
//!
//! - Corpus A (`newsroom-disasters`, 12 articles, 48 planted errors, 47 traps) is the
//!   one the pack was written on: 48 of 48, no trap flagged (the author's binary
//!   flagged one: "On Monday, Sept. 9" in copy of 2025 about 2024, read in 2025).
//! - Corpus B (`newsroom-disasters-b`, 6 articles, 24 errors, 24 traps) was written
//!   afterwards, from the fact sheet only, in other phrasings; the pack was not changed
//!   for it. First run: 16 of 24, no trap flagged, four findings on no listed span. A
//!   helper traced 11 of the 12 to the pack (`newsroom-disasters-rules/DIAGNOSIS-B.md`)
//!   and one to the engine, fixed since: "cách làng cũ khoảng 500 m. Những ngôi nhà"
//!   was one sentence, the "m." read as an initial.
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find: none.
const KNOWN_GAPS_A: &[(&str, &str)] = &[];

/// Correct statements of corpus A the pack flags: none.
const KNOWN_FLAGGED_TRAPS_A: &[&str] = &[];

/// Planted errors of corpus B the pack does not find, each a pack gap
/// (`DIAGNOSIS-B.md` gives the claim and the word it lacks).
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // The landfall date's subject is only "Damrey"; the paragraph says "The storm".
    ("en_b1.txt", "before dawn on Sunday"),
    // The APEC-in-Hanoi `false` claim has no "the capital" before "Hanoi".
    ("en_b1.txt", "in the capital Hanoi"),
    // The drought aid's cues lack "Mrd." and "übernimmt"; no subject in the paragraph.
    ("de_b1.txt", "170 Mrd. Euro"),
    // The tenure claim wants Klöckner's name in the sentence ("die Ministerin").
    (
        "de_b1.txt",
        "seit gut einem Jahr an der Spitze des Agrarressorts",
    ),
    // No claim covers the states' €28 bn share.
    ("en_b2.txt", "The remaining 28 million euros"),
    // The emergency aid's date claim lacks "immediate help" and "Cabinet approved".
    ("en_b2.txt", "On July 28, the Cabinet approved"),
    // The Ahr valley toll's verbs lack "zählten die Behörden".
    ("de_b2.txt", "mehr als 140 Todesopfer"),
    // The 1910 elapsed claim drops a sentence naming 1804 too.
    ("de_b2.txt", "vor 106 Jahren"),
];

/// Correct statements of corpus B the pack flags: none.
const KNOWN_FLAGGED_TRAPS_B: &[&str] = &[];

const ROUND_21_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-disasters",
    truth: "tests/fixtures/newsroom-disasters-truth.tsv",
    rules: Some("tests/fixtures/newsroom-disasters-rules"),
};

const ROUND_21_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-disasters-b",
    truth: "tests/fixtures/newsroom-disasters-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-disasters-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors_of_its_corpus() {
    ROUND_21_A.assert_score((48, 47), KNOWN_GAPS_A, KNOWN_FLAGGED_TRAPS_A);
}

#[test]
fn the_user_pack_on_articles_it_was_not_written_for() {
    ROUND_21_B.assert_score((24, 24), KNOWN_GAPS_B, KNOWN_FLAGGED_TRAPS_B);
}

#[test]
fn newsroom_disasters_report() {
    ROUND_21_A.snapshot("newsroom_disasters_report");
}

#[test]
fn newsroom_disasters_b_report() {
    ROUND_21_B.snapshot("newsroom_disasters_b_report");
}
