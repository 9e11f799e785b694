//! Round 8 of the held-out evaluation, on the shipped pack's own topic: 12 articles
//! on Vietnam–Kazakhstan relations (vi, en, de; four control articles on Vietnam's
//! ties with Uzbekistan, Armenia, Russia and Germany and on Kazakhstan–China trade),
//! written for evaluation by a writer who saw only `FACTS.md`, never the rules, with
//! 33 planted errors and 290 traps (`tests/fixtures/newsroom-kz8-truth.tsv`; four
//! traps whose text occurs more than once in their article were left out).
//!
//! The first run of the session-20 pack found 15 of 33 and flagged 8 traps (the
//! control articles' relations dates, anniversaries and trade figures, Nazarbayev's
//! 2011 visit dates, a change attached to the wrong figure) plus one near miss
//! inside another name. The engine fixes that followed are general (the country
//! guard looks back to the sentence that names the countries, a figure's clause is
//! checked on its own, a change is not carried over another period, a one-word near
//! miss is not read inside a longer name); the pack gained phrasings the first run
//! missed ("thương mại hai chiều", "unterhalten seit dem … diplomatische
//! Beziehungen", arrival dates, "Kim Ngân hồi tháng 10/2017"; in session 21, "im ersten
//! Quartal 2025 wurden Waren im Wert von … umgesetzt"). So this round is no longer
//! held out: it guards what those fixes reached.
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the shipped pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // 65 years since July 1959 in a piece of May 2025 is the completed-years count,
    // which anniversaries accept beside the calendar-year difference (66).
    ("vi_02.txt", "65 năm chuyến thăm"),
    // When a person took office is a role's start date, no claim kind.
    ("de_02.txt", "seit August 2023"),
];

/// Correct statements the shipped pack flags ("file: text by [rules]").
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_8: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kz8",
    truth: "tests/fixtures/newsroom-kz8-truth.tsv",
    rules: None,
};

#[test]
fn the_shipped_pack_finds_the_planted_errors() {
    ROUND_8.assert_score((33, 290), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_kz8_report() {
    ROUND_8.snapshot("newsroom_kz8_report");
}
