//! Round 12 of the held-out evaluation, on the shipped pack's own topic: 12 articles
//! on Vietnam–Kazakhstan relations dated 2023 to November 2026 (4 each in vi, en,
//! de), written in session 25 by a writer who saw only `FACTS.md` and the seeds
//! (never the rules, the engine or earlier rounds): wire briefs, a feature with a
//! photo caption, a Q&A, an op-ed, economy pages, a timeline, a press release.
//! 32 planted errors, 48 traps (`tests/fixtures/newsroom-kz12-truth.tsv`).
//!
//! The first run found 14 of 32 and flagged two traps ("In the 31 years since, …
//! made the first-ever visit", read as a gap between visits; "the first visit of a
//! Kazakh head of state since 2011" in a story of the postponed June 2023 visit, judged
//! against the wrong current visit) and one finding on no listed span ("… was
//! followed within two years by a return visit"). The fixes that followed are
//! general: a `since` cue count must share its clause with words of two cue groups;
//! a postponed event is the current one at its first planned dates; "N years ago"
//! is a date; a past marker further on in a name's clause qualifies another noun;
//! a base word ("nach") does not reach across "bei"/"auf"; a precise figure stated
//! for a year the rules have no fact for, that is another year's figure, is flagged.
//! The pack gained the arrival and talks days of the visits, "cách đây N năm" of Hồ
//! Chí Minh's visit, "since Nazarbayev came in 2011", timeline bullets, and copy of
//! 2026 for the 2025 visit. So this round is no longer held out.
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the shipped pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "vượt mốc 1 tỷ USD" (more than $1 billion) for 2024's "nearly $1 billion": the
    // fact's accepted interval reaches $1.1 billion ("about"), so "more than 1
    // billion" overlaps it.
    ("vi_02.txt", "vượt mốc 1 tỷ USD"),
    // "Đối tác chiến lược toàn diện" for a strategic partnership: the level of a
    // relation is no claim kind.
    ("vi_03.txt", "Đối tác chiến lược toàn diện"),
    // "Năm ngoái … gần 1 tỷ USD" (and "last year's nearly $1 billion" below) in
    // copy of 2026: last year is 2025, for which the rules have no figure; "nearly
    // $1 billion" is too round to be recognised as 2024's.
    (
        "vi_03.txt",
        "Năm ngoái, kim ngạch hai chiều đạt gần 1 tỷ USD",
    ),
    // "The $5 billion target was set during Tokayev's visit": when a target was set
    // is no claim of the pack.
    (
        "en_03.txt",
        "$5 billion target was set during Tokayev's visit",
    ),
    (
        "en_04.txt",
        "last year's nearly $1 billion in two-way trade",
    ),
    // "Noch 2022 lag der Warenaustausch bei rund 623 Mio.": no word of the pair
    // ("Kasachstan", "bilateral", "nach vietnamesischen Angaben") in the sentence.
    (
        "de_04.txt",
        "Noch 2022 lag der Warenaustausch bei rund 623 Mio.",
    ),
    // "Für 2023 meldete der vietnamesische Zoll dann 979,2 Mio.": no trade word in
    // the sentence, so no trade figure to credit.
    (
        "de_04.txt",
        "meldete der vietnamesische Zoll dann 979,2 Mio.",
    ),
];

/// Correct statements the shipped pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_12: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kz12",
    truth: "tests/fixtures/newsroom-kz12-truth.tsv",
    rules: None,
};

#[test]
fn the_shipped_pack_finds_the_planted_errors() {
    ROUND_12.assert_score((32, 48), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_kz12_report() {
    ROUND_12.snapshot("newsroom_kz12_report");
}
