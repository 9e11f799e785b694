//! The shipped rule pack on a newsroom corpus it was not written from: 20 articles
//! (vi, en, de; on Vietnam–Kazakhstan relations and, as controls, on other
//! countries) written for evaluation by writers who never saw the rules, with 17
//! planted errors and 103 correct statements a naive checker would flag ("traps"),
//! listed in `tests/fixtures/newsroom-truth.tsv` with their exact text.
//!
//! Every planted error must be found (but the two known gaps below), no finding may
//! touch a trap, and the whole report is a snapshot.

mod common;

use common::heldout::Heldout;

/// Planted errors the pack does not find yet, with why. A gap that closes fails the
/// test, so this list only shrinks.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // The year is in the previous sentence ("Den Sprung brachte das Jahr 2023.").
    ("de_03.txt", "897,2 Mio. US$"),
];

const NEWSROOM: Heldout = Heldout {
    dir: "tests/fixtures/newsroom",
    truth: "tests/fixtures/newsroom-truth.tsv",
    rules: None,
};

#[test]
fn planted_errors_are_found_and_traps_are_not_flagged() {
    NEWSROOM.assert_score((17, 103), KNOWN_GAPS, &[]);
}

#[test]
fn newsroom_report() {
    NEWSROOM.snapshot("newsroom_report");
}
