//! Round 9 of the held-out evaluation, on the shipped pack's own topic: 12 articles
//! on Vietnam–Kazakhstan relations of 2023–2025 (4 each in vi, en, de), written for
//! evaluation by a writer who saw only `FACTS.md` and round 8's articles as a model
//! of form, never the rules, with 30 planted errors and 30 traps
//! (`tests/fixtures/newsroom-kz9-truth.tsv`).
//!
//! The first run (session 22, after the planned-date and role-start work) found 14
//! of 30 and flagged 2 traps: two statements of one sentence parted by a semicolon
//! had their periods crossed ("năm 2022, … gần 600 triệu USD; riêng 4 tháng đầu năm
//! nay, … 124,1 triệu USD"). The engine fixes that followed are general (a figure
//! takes the period of its own statement; "… ở Trung Á." ends a sentence, a letter
//! word being no initial; a sentence saying "con số này", "this figure", "diese
//! Zahl" takes the cue words of the sentence before; a name with diacritics on some
//! words and none on another, "Nguyễn Phú Trong", misses a mark); the pack gained titles as news
//! writes them ("President", "Parlamentspräsident", "Parteichef") and
//! phrasings ("lần đầu tiên một nguyên thủ Kazakhstan đặt chân tới Việt Nam sau N
//! năm", "the Aug. 21-23 visit", "Tokajew hatte Vietnam im Oktober 2023 besucht",
//! "feiern beide Länder das 35. Jubiläum"). So this round is no longer held out: it
//! guards what those fixes reached.
//!
//! The gaps below are the pack's and the engine's, each with why; a gap that
//! closes fails the test, so the lists only shrink.

mod common;

use common::heldout::Heldout;

/// Planted errors the shipped pack does not find.
const KNOWN_GAPS: &[(&str, &str)] = &[
    // "Vietnamese customs … recorded $584 million in 2021": the sentence says
    // neither "bilateral" nor Kazakhstan, which the cue claim asks for.
    ("en_02.txt", "$584 million in 2021"),
    // "Staatspräsident Vo Van Thuong, der Anfang 2022 von der Nationalversammlung an
    // die Staatsspitze gewählt worden war": "gewählt" is no office-start word (an
    // election is often to another body than the role).
    ("de_01.txt", "Anfang 2022"),
    // "2017 hatte der Warenaustausch nach vietnamesischen Zolldaten bei 584 Mio. US$
    // gelegen": no word saying the trade is bilateral or Kazakhstan's.
    ("de_03.txt", "bei 584 Mio. US$ gelegen"),
];

/// Correct statements the shipped pack flags ("file: text by [rules]").
const KNOWN_FLAGGED_TRAPS: &[&str] = &[];

const ROUND_9: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-kz9",
    truth: "tests/fixtures/newsroom-kz9-truth.tsv",
    rules: None,
};

#[test]
fn the_shipped_pack_finds_the_planted_errors() {
    ROUND_9.assert_score((30, 30), KNOWN_GAPS, KNOWN_FLAGGED_TRAPS);
}

#[test]
fn newsroom_kz9_report() {
    ROUND_9.snapshot("newsroom_kz9_report");
}
