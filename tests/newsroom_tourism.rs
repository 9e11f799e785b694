//! Round 23 of the held-out evaluation, in another genre: tourism, travel and cultural
//! heritage in Vietnam and Germany, 2014–2026 (arrivals and overnight stays by year,
//! their rises and falls, records, UNESCO inscriptions and their anniversaries, visa
//! rules, the Oktoberfest, ministers and heads of tourism boards). The fact sheet and
//! two corpora were written by a helper in session 36; the rule pack
//! (`tests/fixtures/newsroom-tourism-rules/`, with the fact sheet, the author's
//! `NOTES.md` and a helper's `DIAGNOSIS.md`) by another who saw only the fact sheet
//! and the documentation, with a binary of the session's first minutes. The author
//! generated the TOML files with Python scripts, which are not shipped: the TOML is
//! the pack.
//!
//! - Corpus A (`newsroom-tourism`, 12 articles, 48 planted errors, 60 traps): the pack
//!   was not written on it. First run: 28 of 48, six traps flagged, six findings on
//!   no listed span.
//! - Corpus B (`newsroom-tourism-b`, 6 articles, 24 errors, 24 traps): 12 of 24, one
//!   trap flagged, two findings on no listed span.
//!
//! `DIAGNOSIS.md` traces 43 of the 47 lines to the pack (25 fixes tested on copies:
//! 37/48 and 16/24 with one group of them, no trap and no unlisted finding left but
//! the engine's with the other) and four to the engine, fixed in session 36 with
//! what the same pack showed besides: a "former" title is a conflict only at a date
//! before its terms, and a quotation opening the sentence ("Köln hat damals
//! gelernt …", sagt die frühere Ministerin X) marks no title; a year written right
//! after another figure is that figure's ("tăng 20,6% … và vượt xa kỷ lục 18 triệu
//! lượt năm 2018"); a fronted "Từ X năm 2019, … giảm xuống Y" spans its comma; a
//! title in commas before the name is the name's ("die Kulturstaatsministerin, Monika
//! Grütters,"); "có." and "nó." no longer read as the abbreviations "Co." and "No."
//! (they kept two Vietnamese sentences as one); an anniversary read by cues takes no
//! "first" (another thing's rank) and no "a year earlier"; two events dated by their
//! years alone are their years apart ("the first record in six years", 2019 to 2025);
//! seasons with a year are spans of months ("im Frühjahr 2025"). Dropping the
//! anniversary's "first" loses en_01 "Vietnam's first World Heritage site", which the
//! pack found only through that misreading.
//!
//! Session 37: a pattern's umlaut matches its transcription, which closes en_04
//! "Soeder, 59," (the age pattern writes "söder").
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find; `DIAGNOSIS.md` gives the fix of
/// each (all pack gaps).
const KNOWN_GAPS_A: &[(&str, &str)] = &[
    // The sentence has no cue word of arrivals ("khách quốc tế" is in the one before).
    ("vi_01.txt", "8,4 triệu lượt"),
    // The Tràng An date excludes Hạ Long and Phong Nha, listed in the same sentence.
    ("vi_01.txt", "ghi danh năm 2015"),
    // No ordinal claim for the run of record years.
    ("de_01.txt", "achte Rekordjahr in Folge"),
    // The foreign stays claim lacks "Gäste aus dem Ausland buchten N Übernachtungen".
    ("de_01.txt", "98,9 Millionen"),
    // No party claims (the author ran out of time).
    ("de_01.txt", "Thomas Bareiß (CSU)"),
    // No claim for Germany's rank among Vietnam's European markets.
    ("de_01.txt", "Vietnams größter europäischer Quellmarkt"),
    // S02 has no apposition pattern ("Ha Long Bay, Vietnam's first …").
    ("en_01.txt", "Vietnam's first World Heritage site"),
    // No claim for the fall of foreign stays in 2020.
    ("de_02.txt", "Minus von 46 Prozent"),
    // No date claim for the passage of the visa law.
    ("en_02.txt", "June 24 last year"),
    // A comma between "arrivals" and "tăng gấp ba lần" stops the pattern.
    ("vi_03.txt", "tăng gấp ba lần"),
    // The site ordinal pattern stops at a comma.
    ("en_03.txt", "Germany's 51st World Heritage site"),
    // The Rhine date takes the year before its subject (1998); 2004 is only related.
    ("en_03.txt", "inscribed in 2004"),
    // No claim for the session's ordinal.
    ("de_03.txt", "46. Sitzung"),
    // The sentence names the "Märchenkönig", not the palaces.
    ("de_03.txt", "die 52. Welterbestätte"),
    // No party claims.
    ("de_03.txt", "Markus Söder (CDU)"),
    // F38 (172 days in Neuschwanstein) is not written.
    ("de_03.txt", "mehr als zwei Jahre lebte"),
    // S05 excludes "cancelled", which the same sentence says of 2020.
    ("en_04.txt", "held with restrictions in 2021"),
    // Arrivals are cued by "khách quốc tế" in the sentence before.
    ("vi_04.txt", "17,8 triệu lượt"),
    // T12 (tallest building 1880–1884) is not written.
    ("de_04.txt", "bis 1890"),
    // The count of German sites lacks "Deutschland, das mit N Welterbestätten".
    ("de_04.txt", "54 Welterbestätten"),
];

/// Correct statements of corpus A the pack flags (all pack: a duration read as a
/// visitor count, a target not excluded, Dresden's delisting read as Cologne's
/// anniversary, a Korean figure read for China).
const KNOWN_FLAGGED_TRAPS_A: &[&str] = &[
    "de_01.txt: \"16 Tage lang\" by [\"wiesn-visitors\"]",
    "en_02.txt: \"targeted 5 million\" by [\"vn-arrivals\"]",
    "en_03.txt: \"15 years ago\" by [\"t06-koeln\"]",
    "vi_04.txt: \"4,6 triệu lượt khách\" by [\"vn-market-china\"]",
];

/// Planted errors of corpus B the pack does not find.
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // The ninth-site claim needs "Cát Bà" nearby; the sentence says "the complex".
    ("en_b1.txt", "Vietnam's ninth World Heritage site"),
    // A list of years with no cue word in its sentence (the headline says "nights").
    ("en_b2.txt", "405.8 million in 2022"),
    // No rank claim for Germany's source markets.
    (
        "en_b2.txt",
        "the United States, Germany's second-largest foreign market",
    ),
    // No party claims.
    ("en_b2.txt", "Ploss, a Social Democrat"),
    // No `since` claim for "die letzte Wiesn, jene von 2018".
    ("de_b1.txt", "jene von 2018"),
    // No event for the strategic partnership.
    ("de_b2.txt", "2013 vereinbart"),
    // "Ankünfte" is no cue word of arrivals in German.
    ("de_b2.txt", "18,6 Millionen internationale Ankünfte"),
    // No event for the Frankfurt route.
    ("de_b2.txt", "seit 2005 anfliegt"),
    // No pattern for "Site (YEAR)" in a list.
    ("vi_b1.txt", "Phong Nha - Kẻ Bàng (2005)"),
    // The fall excludes "năm 2019", which opens the sentence.
    ("vi_b2.txt", "lên tới 78,7%"),
    // The natural-site claim lacks the order "di sản thiên nhiên thế giới Tràng An".
    ("vi_b2.txt", "di sản thiên nhiên thế giới Tràng An"),
];

/// Correct statements of corpus B the pack flags: a claim the article quotes to
/// refute (the `false` claims exclude no denial words).
const KNOWN_FLAGGED_TRAPS_B: &[&str] = &[
    "en_b1.txt: \"Ha Long was Vietnam's first World Heritage site\" by [\"r10-vn-ord-halong\", \"s02-first-whs\"]",
];

const ROUND_23_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-tourism",
    truth: "tests/fixtures/newsroom-tourism-truth.tsv",
    rules: Some("tests/fixtures/newsroom-tourism-rules"),
};

const ROUND_23_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-tourism-b",
    truth: "tests/fixtures/newsroom-tourism-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-tourism-rules"),
};

#[test]
fn the_user_pack_on_a_corpus_of_its_fact_sheet() {
    ROUND_23_A.assert_score((48, 60), KNOWN_GAPS_A, KNOWN_FLAGGED_TRAPS_A);
}

#[test]
fn the_user_pack_on_articles_written_after_it() {
    ROUND_23_B.assert_score((24, 24), KNOWN_GAPS_B, KNOWN_FLAGGED_TRAPS_B);
}

#[test]
fn newsroom_tourism_report() {
    ROUND_23_A.snapshot("newsroom_tourism_report");
}

#[test]
fn newsroom_tourism_b_report() {
    ROUND_23_B.snapshot("newsroom_tourism_b_report");
}
