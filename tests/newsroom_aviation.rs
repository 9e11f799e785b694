//! Round 18 of the held-out evaluation, in another genre: Vietnam's aviation sector,
//! 2016–2026 (Vietnam Airlines, Vietjet, Bamboo Airways; Long Thanh airport and Tan
//! Son Nhat's Terminal 3; passenger numbers, fleets, Boeing and Airbus orders, state
//! rescue loans, profits and losses in dong, the first direct flights to the United
//! States and Germany, chairmen, chief executives and transport ministers), in 12
//! articles dated March 2017 to November 2026 (4 each in vi, en, de). 40 planted
//! errors, 50 traps (`tests/fixtures/newsroom-aviation-truth.tsv`). The articles and
//! their fact sheet were written by one helper in session 30; the rule pack
//! (`tests/fixtures/newsroom-aviation-rules/`, with the fact sheet and the pack
//! author's `NOTES.md`; its scratch documents are left out) by another who saw only
//! the fact sheet and the documentation, with a binary of the session's first hour.
//!
//! First run, with that binary: 21 of 40, one trap flagged, 2 findings on no listed
//! span. Fixed since: "nguyên Chủ tịch HĐQT X" (former chairman) in a sentence naming
//! no time is no longer held to the time the sentence before names, as "khi đó"
//! (then) is. The engine also reads what the pack's notes asked of it, although
//! this pack does not use it: "hai đường cất hạ cánh" before a pattern's counted word
//! (B20 of round 17), no day of a date as a cue claim's figure (B19), and no year
//! after "seit"/"since" as a figure's period (B20). The findings on no listed span
//! are the pack's: a closing share price read as the listing price, and "up to 20
//! aircraft" based at an airport read as an order.
//!
//! A gap that closes fails the test, so the list only shrinks.

mod common;

use common::heldout::Heldout;

/// Planted errors the user-written pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // The sentence names the airline as "hãng" (the carrier) only; the Vietjet
    // passenger claim wants "Vietjet" in it.
    ("vi_01.txt", "hơn 17 triệu lượt khách"),
    // The market passenger claim's cues do not include "Vietnamese carriers".
    (
        "en_01.txt",
        "flew more than 75 million passengers last year",
    ),
    // Not encoded: the time since the 2016 Boeing order.
    ("de_01.txt", "vor knapp zwei Jahren"),
    // Not encoded: Vietjet's founding year.
    ("de_01.txt", "Die 2011 gegründete Airline"),
    // Not encoded: the count of Long Thanh's runways (the engine reads "hai" before
    // the pattern's counted word now).
    ("vi_02.txt", "hai đường cất hạ cánh"),
    // The false statements of the pack do not read "the first direct flight by a
    // Vietnamese airline to the U.S." said of the scheduled service.
    (
        "en_02.txt",
        "also the first direct flight by a Vietnamese airline to the U.S.",
    ),
    // Not encoded: flights per week.
    ("en_02.txt", "twice a week at first"),
    // The false statement on Bamboo's US flight does not read "Linienflug".
    (
        "de_02.txt",
        "Damit war Bamboo die erste vietnamesische Fluglinie mit einem Linienflug",
    ),
    // The result claim's cues want "Vietnam Airlines" and "Verlust"; the sentence
    // says "die Fluggesellschaft" and "verloren".
    ("de_02.txt", "11,1 Milliarden Dong verloren"),
    // The false statement on Vietjet flying to Europe does not read "fliegt … direkt
    // nach Frankfurt".
    (
        "de_02.txt",
        "Vietjet fliegt seit vergangenem Jahr auch direkt nach Frankfurt",
    ),
    // The `first` claim on the Munich route does not read "first direct route to
    // Germany".
    (
        "vi_03.txt",
        "đường bay thẳng đầu tiên của Vietnam Airlines đến Đức",
    ),
    // The capacity patterns do not read "total annual capacity will rise to".
    ("en_03.txt", "total annual capacity will rise to 60 million"),
    // Not encoded: the runway's length.
    ("de_03.txt", "Start- und Landebahn von 3.000 Metern"),
    // No false statement of the pack says Tan Son Nhat closes.
    (
        "de_03.txt",
        "Flughafen Tan Son Nhat mitten in Ho-Chi-Minh-Stadt geschlossen werden",
    ),
    // The first-737-MAX date patterns do not read "the first of which arrived in
    // 2022".
    ("en_04.txt", "the first of which arrived in 2022"),
    // The investment claim's cues do not include "gekostet".
    ("de_04.txt", "109 Milliarden Dong gekostet"),
    // The market passenger claim's cues do not include "Menschen".
    ("de_04.txt", "als mehr als 80 Millionen Menschen"),
    // A loss said without a figure: no claim of the pack reads the sign of a result
    // (its NOTES, B5).
    (
        "de_04.txt",
        "Dabei hatte Vietjet 2023 noch einen Verlust geschrieben",
    ),
];

/// Correct statements the pack flags ("file: text by [rules]"): none.
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_18: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-aviation",
    truth: "tests/fixtures/newsroom-aviation-truth.tsv",
    rules: Some("tests/fixtures/newsroom-aviation-rules"),
};

#[test]
fn the_user_pack_finds_the_planted_errors() {
    ROUND_18.assert_score((40, 50), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_aviation_report() {
    ROUND_18.snapshot("newsroom_aviation_report");
}
