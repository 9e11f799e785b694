//! Round 16 of the held-out evaluation, on a topic of its own: Vietnam–Germany
//! relations (ties with the GDR in 1954 and the FRG in 1975, the 2011 Strategic
//! Partnership, Scholz's 2022 and Steinmeier's 2024 visits, the EVFTA, trade in
//! dollars by Vietnamese customs and in euros by Destatis, the Vietnamese community
//! and nurses in Germany, the 50th anniversary in 2025 and a Comprehensive Strategic
//! Partnership signed in Berlin in October 2026), in 12 articles dated November 2022
//! to November 2026 (4 each in vi, en, de). 38 planted errors, 48 traps
//! (`tests/fixtures/newsroom-de-truth.tsv`). The articles and their fact sheet were
//! written by one helper in session 28; the rule pack (`tests/fixtures/newsroom-de-rules/`,
//! with the fact sheet and the pack author's `NOTES.md`; the scripts that generated
//! most of its files are left out) by another who saw only the fact sheet and the
//! documentation, with a binary of the session's first hour.
//!
//! First run, with that binary: 29 of 38, 2 traps flagged (a conversion in brackets,
//! "€14.9 billion ($16.2 billion)", and "five years ago last Friday, on August 1,
//! 2020" as a wrong weekday), 5 findings on no listed span. Fixed since: conversions
//! in brackets are no figures; a weekday placed by "last" beside a date of another
//! week is the anniversary's; a union named last in the sentence before ("… trong
//! Liên minh châu Âu") is no other side; "seit 2013 Pflegekräfte" is a year; a range
//! from the event to its anniversary names the event rightly; "will mark 50 years …
//! next year" counts to that year. The two findings left are the pack's: date claims
//! without `parties` read "Peking-Besuch Anfang November" and France's partnership
//! "(tháng 10/2024)".
//!
//! A gap that closes fails the test, so the list only shrinks.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "bereits 1956": cue date claims read no year written alone, and the pack's
    // pattern wants "seit", "im Jahr" or "Dezember" before it.
    ("de_01.txt", "bereits 1956 diplomatische"),
    // The pack's cue claim wants "Steinmeier" in the sentence; it says "der
    // Bundespräsident".
    ("de_02.txt", "am Montag in Hanoi"),
    // No pattern of the pack reads "Menschen … einen vietnamesischen Pass".
    ("de_03.txt", "rund 130.000 Menschen"),
    // The pack's `false` claim of the venue has no English pattern for this phrasing.
    ("en_03.txt", "signed in Brussels in June 2019"),
    // The pack's claim of Vietnam's tariff lines does not read "removed duties on".
    ("en_03.txt", "removed duties on 71 percent"),
    // The pack's anniversary pattern wants "kỷ niệm" before the count ("tròn 15 năm").
    (
        "vi_03.txt",
        "tròn 15 năm thiết lập quan hệ Đối tác chiến lược",
    ),
    // The pack's elapsed pattern wants the count right before "strategische
    // Partnerschaft" ("die vor zehn Jahren vereinbarte …").
    ("de_04.txt", "vor zehn Jahren vereinbarte"),
    // No `false` claim of the pack reads this phrasing.
    ("en_04.txt", "already the largest European investor"),
];

/// Correct statements the pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_16: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-de",
    truth: "tests/fixtures/newsroom-de-truth.tsv",
    rules: Some("tests/fixtures/newsroom-de-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    ROUND_16.assert_score((38, 48), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_de_report() {
    ROUND_16.snapshot("newsroom_de_report");
}
