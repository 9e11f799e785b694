//! Round 26 of the held-out evaluation, in another genre: cultural heritage in
//! Vietnam, Kazakhstan and Germany (World Heritage inscriptions and delistings,
//! anniversaries of sites, festivals and institutes, film prizes, composers and
//! painters with their ages, ministers of culture, museum costs, false statements).
//! The fact sheet was written by a helper in session 40, the two corpora by another
//! from the sheet alone, and the rule pack (`tests/fixtures/newsroom-heritage-rules/`,
//! with the fact sheet, the author's `NOTES.md`, the corpus writer's
//! `CORPUS-NOTES.md` and a helper's `DIAGNOSIS.md`) by a third who saw only the fact
//! sheet and the documentation, with a binary of session 40.
//!
//! - Corpus A (`newsroom-heritage`, 12 articles, 48 planted errors, 60 traps): the
//!   pack was not written on it. First run: 27 of 48, no trap flagged, one finding on
//!   no listed span.
//! - Corpus B (`newsroom-heritage-b`, 6 articles, 24 errors, 24 traps): 13 of 24, no
//!   trap flagged, no other finding.
//!
//! `DIAGNOSIS.md` traces 23 of the 33 lines to the pack (with them fixed on a copy:
//! 48/48 and 24/24, no trap, no unlisted finding) and ten to the engine. Fixed in
//! session 41: a yearless month after an office-start word is of the past ("took
//! office … in November" in copy of January); a headline names the subject of every
//! claim kind but dates ("… liên hoan được tổ chức hằng năm" under a headline naming
//! the festival); an undated figure stays the latest fact's when the earlier year of
//! its sentence is another event's ("following the Western Tien-Shan in 2016, … brings
//! the country's tally to seven"); a listed misspelling with diacritics beside a
//! plain alias that folds alike ("Monika Grüters"); German exclude words with umlauts
//! never match plain text ("würde"/"wurde"); front matter that does not parse, a
//! pattern of another value kind than its claim and a pack template with no value
//! placeholder are reported instead of silently dropped; an ordinal is judged against
//! the edition of a year written beside it ("the 75th Berlinale in 2025"); "new"
//! before a title held for over 90 days is a `role-start` warning ("Germany's new
//! Minister of State for Culture Wolfram Weimer", 140 days in). Not fixed: a referent
//! named paragraphs before the figure, ordinals read as figures (`{rank}`), and the
//! elapsed-year rounding of the sheet (R5).
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find; `DIAGNOSIS.md` gives the fix of
/// each.
const KNOWN_GAPS_A: &[(&str, &str)] = &[
    // The gap from "điện Long An" to "viện goethe" is 60 characters at most.
    ("vi_01.txt", "do Viện Goethe tài trợ"),
    // The pattern needs Yên Tử's name, which only the headline and lead give.
    ("vi_02.txt", "di sản liên tỉnh đầu tiên"),
    // The patterns need "Văn Cao" in the sentence; the claim has no `subject`.
    ("vi_03.txt", "hưởng thọ 72 tuổi"),
    // The vi age patterns need a space after "(".
    ("vi_04.txt", "đạo diễn Trần Anh Hùng (62 tuổi)"),
    // The claim's `subject` names the director and the 2023 film only.
    ("vi_04.txt", "phim đoạt Cành cọ vàng năm 1993"),
    // The figure stands before the site; no pattern has that order.
    ("en_01.txt", "18,395-hectare"),
    // Date, committee, verb, site: no date-first form with the committee.
    ("en_01.txt", "On Saturday"),
    // The count stands after the delisting, far from the name.
    ("en_02.txt", "just three years after it was listed"),
    // No site named; "extended" before the rank.
    ("en_03.txt", "extended 46th session"),
    // No "tally to N" form.
    ("en_03.txt", "brings the country's tally to seven"),
    // The ordinal comes first, in apposition.
    (
        "en_03.txt",
        "Kazakhstan's first listing, the petroglyphs of Tamgaly",
    ),
    // The gap from the name to the ordinal refuses commas.
    ("en_03.txt", "marked its 25th anniversary on the list"),
    // The pattern wants "aberkannt" right after "überhaupt".
    ("de_01.txt", "die erste Stätte überhaupt"),
    // The anniversary patterns need the festival's name in the sentence.
    ("de_02.txt", "seinen 75. Geburtstag"),
    // "für" is none of the cue claim's cost words.
    ("de_03.txt", "143 Millionen Euro"),
    // 30 characters at most between the date and the verb.
    ("de_03.txt", "das 2010 nach jahrzehntelanger Ruinenzeit"),
    // Verb first; the patterns want the cathedral, then the verb.
    ("de_04.txt", "15. Oktober 1888"),
    // The site fragment needs "Kölner Dom" or "Dom zu Köln".
    ("de_04.txt", "die höchste Kirche Deutschlands"),
];

/// Planted errors of corpus B the pack does not find.
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // The bay is named paragraphs before ("vịnh" alone).
    ("vi_b1.txt", "gần 3.000 hòn đảo"),
    // The year-first pattern's gap refuses the brackets of "(Australia)".
    ("vi_b1.txt", "Năm 2002"),
    // Sixth paragraph: "vịnh" alone.
    ("vi_b1.txt", "5 triệu lượt khách"),
    // The name is in the sentence before; the claim has no `subject`.
    ("vi_b2.txt", "ông đã tròn 88 tuổi"),
    // The Huế fragment needs "Huế"; "Cố đô" alone.
    ("vi_b2.txt", "cách đây 30 năm"),
    // The cue claim needs "Thái Hòa" in the sentence.
    ("vi_b2.txt", "128 triệu đồng"),
    // The claim needs a year in the sentence.
    ("en_b1.txt", "75th Cannes Film Festival"),
    // The date must stand before "Zweigstelle" or "eröffnet".
    ("de_b1.txt", "folgte 2005"),
    // The patterns need the citadel's name, which only the headline and lead give.
    ("de_b2.txt", "Provinz Ninh Bình"),
    // Same sentence; a date claim never takes its subject from the headline.
    ("de_b2.txt", "1497 erbaut"),
    // "Diese" stands for the citadel named in the sentence before.
    ("de_b2.txt", "im Oktober 2010 zum Welterbe erklärt"),
];

const ROUND_26_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-heritage",
    truth: "tests/fixtures/newsroom-heritage-truth.tsv",
    rules: Some("tests/fixtures/newsroom-heritage-rules"),
};

const ROUND_26_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-heritage-b",
    truth: "tests/fixtures/newsroom-heritage-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-heritage-rules"),
};

#[test]
fn the_user_pack_on_a_corpus_of_its_fact_sheet() {
    ROUND_26_A.assert_score((48, 60), KNOWN_GAPS_A, &[]);
}

#[test]
fn the_user_pack_on_articles_written_after_it() {
    ROUND_26_B.assert_score((24, 24), KNOWN_GAPS_B, &[]);
}

#[test]
fn newsroom_heritage_report() {
    ROUND_26_A.snapshot("newsroom_heritage_report");
}

#[test]
fn newsroom_heritage_b_report() {
    ROUND_26_B.snapshot("newsroom_heritage_b_report");
}

/// The shipped pack (Vietnam–Kazakhstan relations) knows none of these facts: it
/// flags only the planted wrong weekday of corpus B ("Saturday, May 28" of 2023, a
/// Sunday), which needs no rule, and nothing on corpus A.
#[test]
fn the_shipped_pack_flags_only_a_wrong_weekday() {
    assert_eq!(ROUND_26_A.with_shipped_pack().finding_count(), 0);
    let shipped = ROUND_26_B.with_shipped_pack();
    assert_eq!(shipped.finding_count(), 1);
    assert_eq!(shipped.score().flagged_traps, Vec::<String>::new());
}
