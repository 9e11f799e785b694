//! Round 14 of the held-out evaluation, on a topic of its own: Vietnam's nuclear
//! power programme (Ninh Thuận 1 and 2: the 2009 approval, the 2016 cancellation,
//! the November 2024 restart, the 2025 agreements with Rosatom), in 12 articles
//! dated November 2024 to November 2026 (4 each in vi, en, de). 36 planted errors,
//! 43 traps (`tests/fixtures/newsroom-nuclear-truth.tsv`). The articles and their
//! fact sheet were written by one helper in session 26; the rule pack
//! (`tests/fixtures/newsroom-nuclear-rules/`, with the fact sheet and the pack
//! author's `NOTES.md`) by another who saw only the fact sheet and the
//! documentation, with the binary of the session's start (no `false` claims yet:
//! the pack writes false statements with its own workaround).
//!
//! First run: 25 of 36, no trap flagged, 5 findings on no listed span. Three of
//! those were engine bugs, fixed since: the Reuters dateline "HANOI, Dec 3 (Reuters)
//! -" read as the date of the vote the sentence reports; "Hàng trăm sinh viên"
//! (hundreds of students) read as 100 under the pack's `standalone_words`; and "die
//! Provinz Ninh Thuan ist inzwischen in … Khanh Hoa aufgegangen" reported as a former
//! name ("aufgegangen" tells of the merger). The two left are the pack's: a figure of
//! Ninh Thuận 2 read by a claim of the whole project, and a date of the 2010 Japanese
//! agreement read by a cue claim of the 2025 memorandum.
//!
//! The gaps below are not diagnosed one by one yet, except where a reason is given;
//! a gap that closes fails the test, so the list only shrinks.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    ("vi_03.txt", "cách đây 18 năm"),
    ("en_01.txt", "Japan had been lined up to build Ninh Thuan 1"),
    ("en_01.txt", "headed by Sergei Kiriyenko"),
    ("en_02.txt", "Vinh Hai Commune"),
    ("en_03.txt", "assigned in February to state utility EVN"),
    ("en_03.txt", "first unit running by 2032"),
    ("en_04.txt", "Chernobyl's 30th anniversary"),
    (
        "de_03.txt",
        "nach den Philippinen das zweite Land Südostasiens",
    ),
];

/// Correct statements the pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_14: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-nuclear",
    truth: "tests/fixtures/newsroom-nuclear-truth.tsv",
    rules: Some("tests/fixtures/newsroom-nuclear-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    ROUND_14.assert_score((36, 43), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_nuclear_report() {
    ROUND_14.snapshot("newsroom_nuclear_report");
}
