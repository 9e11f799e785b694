//! Round 17 of the held-out evaluation, in another genre: Vietnamese football and
//! sport, 2008–2026 (the ASEAN Championship titles of 2008, 2018 and the 2024
//! edition won in Bangkok on 5 January 2025, the coaches Park Hang-seo, Troussier and
//! Kim Sang-sik, SEA Games medal tables, FIFA rankings by list date, prize money in
//! dollars and bonuses in dong, stadium capacities and crowds), in 12 articles dated
//! December 2019 to November 2026 (4 each in vi, en, de). 38 planted errors, 47 traps
//! (`tests/fixtures/newsroom-sport-truth.tsv`). The articles and their fact sheet were
//! written by one helper in session 29; the rule pack
//! (`tests/fixtures/newsroom-sport-rules/`, with the fact sheet and the pack author's
//! `NOTES.md`; its generator scripts and scratch documents are left out) by another
//! who saw only the fact sheet and the documentation, with a binary of the session's
//! first hour.
//!
//! First run, with that binary: 17 of 38, no trap flagged, 2 findings on no listed
//! span. Fixed since: a weekday beside its date is checked in every language with a
//! pack, also in apposition ("am 19. Dezember, einem Donnerstag") and after "Tối"
//! (evening), which folds like "tới" (coming); "Sơn" of "Đông-Sơn-Kultur" is no
//! misspelled "Son" when the rules write that form only without diacritics. The
//! finding left on no listed span is the pack's: its false statement "return leg in
//! Hanoi" is about the 2024 edition, the sentence about 2008.
//!
//! A gap that closes fails the test, so the list only shrinks.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // The pack's attendance patterns want the stadium or match named with the crowd.
    ("de_01.txt", "Vor rund 40.000 Zuschauern"),
    // No pattern of the pack reads "zum dritten Mal in Folge" for the SEA Games gold.
    ("de_01.txt", "zum dritten Mal in Folge"),
    // Engine: a past marker ("frühere") excuses a title the person still holds on the
    // document date (the pack's NOTES, B11).
    ("de_01.txt", "der frühere Nationaltrainer Park Hang-seo"),
    // The pack's venue statements do not read "Bangkok's Rajamangala Stadium" for the
    // 2023 second leg.
    ("en_01.txt", "Bangkok's Rajamangala Stadium"),
    // Not encoded: the count of lost finals.
    ("en_01.txt", "first defeat in a regional final"),
    // The medal-table rank patterns do not read "auf Rang zwei".
    ("de_02.txt", "auf Rang zwei"),
    // The tenure patterns need Troussier's name in the sentence; it names "nhà cầm
    // quân người Pháp".
    ("vi_02.txt", "Sau hai năm dẫn dắt"),
    // The title-gap claims are `elapsed` claims whose patterns do not read "first
    // title in seven years".
    ("en_02.txt", "first title in seven years"),
    // The prize-money patterns do not read "a $1.5 million prize".
    ("en_02.txt", "$1.5 million prize"),
    // No false statement of the pack names the Labour Order's class.
    ("vi_03.txt", "Huân chương Lao động hạng Nhì"),
    // The VFF-bonus patterns do not read "VFF công bố thưởng 10 tỷ đồng".
    ("vi_03.txt", "VFF công bố thưởng 10 tỷ đồng"),
    // The ancestry statements do not read "Sohn einer vietnamesischen Mutter".
    ("de_03.txt", "Der Sohn einer vietnamesischen Mutter"),
    // The goal patterns want the player named with the count; the sentence says "Am
    // Ende standen in nur fünf Einsätzen acht Tore … zu Buche".
    ("de_03.txt", "acht Tore"),
    // No pattern of the pack reads "third straight SEA Games soccer gold".
    ("en_03.txt", "third straight SEA Games soccer gold"),
    // The penalties statement is not read in "winning on penalties".
    ("en_03.txt", "winning on penalties"),
    // The anniversary claims' patterns do not read "the 15th anniversary of Vietnam's
    // first regional title".
    ("en_03.txt", "15th anniversary"),
    // The capacity patterns do not read "Stadion mit knapp 40.000 Plätzen".
    ("de_04.txt", "knapp 40.000 Plätzen"),
    // No pattern of the pack reads "zum vierten Mal die Südostasienmeisterschaft
    // gewann".
    ("de_04.txt", "zum vierten Mal"),
    // The birthplace statements do not read "Dang Van Lam, who was born in Hanoi" (a
    // relative clause).
    ("en_04.txt", "born in Hanoi"),
];

/// Correct statements the pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_17: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-sport",
    truth: "tests/fixtures/newsroom-sport-truth.tsv",
    rules: Some("tests/fixtures/newsroom-sport-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    ROUND_17.assert_score((38, 47), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_sport_report() {
    ROUND_17.snapshot("newsroom_sport_report");
}
