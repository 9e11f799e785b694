//! Round 10 of the held-out evaluation, on the shipped pack's own topic: 12 articles
//! on Vietnam–Kazakhstan relations of 2023–2025 (4 each in vi, en, de), written in
//! session 23 by a writer who saw only `FACTS.md` (never the rules, the engine or
//! earlier rounds), in genres the earlier rounds lack: a timeline, a Q&A with an
//! ambassador, an op-ed, a press release, a business page, a feature. 30 planted
//! errors, 36 traps (`tests/fixtures/newsroom-kz10-truth.tsv`; one span widened from
//! the title "Staats- und Parteichef" to the title and the name, where a title
//! finding stands).
//!
//! The first run (after the session's first commits) found 17 of 30 and flagged one
//! trap (and two findings on no listed span, both gone since). The fixes that
//! followed are general: `since` claims read by cue words ("the first by a President
//! of Kazakhstan to Viet Nam in 11 years"), "a decade" read as a count, a role start
//! judged against the role titled before the name; the pack gained the presidencies
//! of Tô Lâm (2024) and Nguyễn Phú Trọng (2018–2021), the year of the US$5 billion
//! target, Hồ Chí Minh's 1959 visit, timeline entries ("October 31 – November 1,
//! 2012 – …") and the adjective "kasachischen" beside a trade figure. So this round
//! is no longer held out: it guards what those fixes reached.
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the shipped pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "chuẩn bị kỷ niệm 32 năm" in May 2025, before the 33rd anniversary in June:
    // anniversaries accept the completed-years count (32) beside the calendar-year
    // difference (33), as DESIGN.md asks; "preparing to mark" names the coming one.
    ("vi_01.txt", "kỷ niệm 32 năm"),
    // "Tổng thống hội kiến Tổng Bí thư Tô Lâm … trong chuyến thăm ấy" (2023) in a
    // piece of 2025: a title is judged at the document's date, not at the date of
    // the event the sentence refers back to.
    ("vi_02.txt", "hội kiến Tổng Bí thư Tô Lâm"),
    // "the first by a President of Kazakhstan to Viet Nam in 11 years": Oct 2011 to
    // Aug 2023 is 11 completed years, which `since` accepts beside 12.
    ("en_03.txt", "in 11 years"),
];

/// Correct statements the shipped pack flags ("file: text by [rules]"): none. The
/// attributed "Viet Nam News … put 2024 trade at $800 million, up 99 percent" is
/// accepted because the sentence names the source (`named` on the fact's
/// alternative); unattributed, the same figure is the seeds' headline error.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_10: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kz10",
    truth: "tests/fixtures/newsroom-kz10-truth.tsv",
    rules: None,
};

#[test]
fn the_shipped_pack_finds_the_planted_errors() {
    ROUND_10.assert_score((30, 36), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_kz10_report() {
    ROUND_10.snapshot("newsroom_kz10_report");
}
