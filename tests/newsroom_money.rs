//! Round 27 of the held-out evaluation, in another genre: money — central banks,
//! policy rates, inflation, currencies and their bands, devaluations, a bank fraud
//! trial and a payments insolvency, in Vietnam, Kazakhstan and Germany/the euro area.
//! The fact sheet was written by a helper in session 42, the two corpora by another
//! from the sheet alone, and the rule pack (`tests/fixtures/newsroom-money-rules/`,
//! with the fact sheet, the author's `NOTES.md`, the corpus writer's
//! `CORPUS-NOTES.md` and a helper's `DIAGNOSIS.md`) by a third who saw only the fact
//! sheet and the documentation, with a binary of session 42. The pack is cut down to
//! the claims that report anything on either corpus (`PINNED.md`): the full one takes
//! a minute to check.
//!
//! - Corpus A (`newsroom-money`, 12 articles, 48 planted errors, 60 traps): the pack
//!   was not written on it. First run: 23 of 48, three traps flagged, six findings on
//!   no listed span.
//! - Corpus B (`newsroom-money-b`, 6 articles, 24 errors, 24 traps): 11 of 24, one
//!   trap flagged, seven other findings.
//!
//! `DIAGNOSIS.md` traces 50 of the 55 lines to the pack (with them fixed on a copy:
//! 48/48 and 24/24, no trap, no unlisted finding) and five to the engine, and checks
//! the engine problems of `NOTES.md`. Fixed in session 43: a title in a clause a
//! when-word opens is of the time the clause before names ("below zero since June
//! 2014, when then-President Trichet …"); figures that are set, not measured, can be
//! read exactly (`exact = true`: "5%" is no 4.5%); a group of words opening a pattern
//! gets a word boundary (`(?:refinanzierungssatz|…)` inside
//! "Hauptrefinanzierungssatz"); a year inside a document number ("24/2012/NĐ-CP"), a
//! dateline without an agency ("ALMATY, Feb 10 -") and the since-date of a record
//! ("the first cut since June 2024") are no event's date; a minus outside the
//! placeholder, "negative 0.5%"; "a quarter point" is no 25%. Not fixed: a referent
//! or a time named paragraphs before (the headline's Kazakhstan, the float's date
//! for "Prime Minister Karim Massimov"), and the elapsed-year rounding of the sheet.
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find; `DIAGNOSIS.md` gives the fix of
/// each.
const KNOWN_GAPS_A: &[(&str, &str)] = &[
    // `doc_dates` from the effective day, not the decision; "mỗi lần" excluded.
    ("vi_01.txt", "tổng cộng 2 điểm phần trăm"),
    // No claim reads the band before 11 Feb 2011.
    ("vi_02.txt", "từ ±5% xuống ±1%"),
    // No verb "lên tới"; no "năm 2008, khi lạm phát …" order.
    ("vi_02.txt", "lên tới gần 20%"),
    // No claim counts from the 2009 devaluation.
    ("vi_02.txt", "cách đây ba năm"),
    // 60 characters at most from "giai đoạn 2" to the sentence.
    ("vi_03.txt", "mức án tử hình về tội lừa đảo"),
    // No claim on the founding decree's number.
    ("vi_04.txt", "Sắc lệnh số 51/SL"),
    // No claim on the 2014 corridor.
    ("en_01.txt", "plus or minus 5 tenge"),
    // "He" for the governor named in the sentence before.
    ("en_01.txt", "He became chairman in November"),
    // "The currency, introduced in …": the pattern needs "tenge".
    ("en_01.txt", "introduced in November 1992"),
    // "last year" for 2021 is never read.
    ("en_02.txt", "averaged 2.9 percent last year"),
    // No "from {percent} at the end of 2022" order.
    ("en_03.txt", "21.3% at the end of 2022"),
    // The exclude word "not" later in the sentence.
    ("en_04.txt", "a Frankfurt court"),
    // The pattern wants "insolvent" first.
    ("en_04.txt", "the second DAX member"),
    // "who was then 52, was arrested": no such order.
    ("en_04.txt", "then 52"),
    // The verb before "zum neunten Mal in Folge" (headline).
    ("de_01.txt", "zum neunten Mal in Folge"),
    // 50 characters at most to the record word.
    ("de_01.txt", "Rekordniveau von 4,5 Prozent"),
    // The year in the clause before the semicolon.
    ("de_01.txt", "waren es 9,7 Prozent"),
    // The level claims exclude month names.
    ("de_02.txt", "auf 2,5 Prozent gesenkt"),
    // "sie sind die größten der Welt": the reserves named in the sentence before.
    ("de_02.txt", "die größten der Welt"),
    // The exclude word "Geschäftsbanken".
    ("de_03.txt", "auf minus 0,6 Prozent"),
    // "Kaufprogramm" is none of the programme words.
    ("de_03.txt", "80 Milliarden Euro pro Monat"),
    // The place patterns need the English "whatever it takes".
    ("de_03.txt", "Frankfurter Rede"),
    // The pattern ends on "besuch", a word of its own: "besucht" fails.
    ("de_04.txt", "Erstmals seit neun Jahren"),
    // The level is in the sentence before.
    ("de_04.txt", "im September vergangenen Jahres"),
];

/// Traps of corpus A the pack flags; `DIAGNOSIS.md` traces each to the pack.
const FLAGGED_TRAPS_A: &[&str] = &[
    "vi_03.txt: \"hơn hai năm sau khi bị bắt\" by [\"gap-lan-arrest-verdict-more\"]",
    "en_01.txt: \"about 16 percent of its value\" by [\"fx-kzt-2015-size\"]",
    "en_02.txt: \"more than a decade\" by [\"since-ecb-hike-2022\", \"since-ecb-hike-2022-count-more\"]",
];

/// Planted errors of corpus B the pack does not find.
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // The verb before "lần thứ" (headline).
    ("vi_b2.txt", "lần thứ ba trong năm"),
    // No "%" allowed between the rate's name and the level.
    ("vi_b2.txt", "từ 3,5% lên 5%/năm"),
    // A ")" between "SCB" and the apposition.
    ("vi_b2.txt", "một ngân hàng thương mại nhà nước"),
    // No claim on the corridor abandoned at the float.
    ("en_b1.txt", "170 to 188"),
    // Kazakhstan is named in the headline and lead only.
    ("en_b1.txt", "September 12, 2015"),
    // The patterns embed "Kazakhstan"; the claim has no `subject`.
    ("en_b1.txt", "8.6 percent in 2023"),
    // No band word.
    ("en_b2.txt", "5 percent either side"),
    // The ECB date claims exclude "Kazakhstan": the sentence names it.
    ("en_b2.txt", "minus 0.2 percent last month"),
    // The patterns want a noun ("Zinssenkung").
    ("de_b1.txt", "erstmals seit 2016"),
    // 110 characters between the rate and "auf"; the pattern allows 45.
    ("de_b1.txt", "auf 3,5 Prozent"),
    // The pattern needs "Lagarde" and excludes "Frau".
    ("de_b1.txt", "die dritte Präsidentin der EZB"),
    // The English phrase only.
    ("de_b2.txt", "am Mittwoch"),
    // Genitive "Bargelds".
    ("de_b2.txt", "Euro-Bargelds im Jahr 1999"),
];

/// Traps of corpus B the pack flags.
const FLAGGED_TRAPS_B: &[&str] =
    &["de_b2.txt: \"seit neun Monaten im Amt\" by [\"tenure-draghi\"]"];

const ROUND_27_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-money",
    truth: "tests/fixtures/newsroom-money-truth.tsv",
    rules: Some("tests/fixtures/newsroom-money-rules"),
};

const ROUND_27_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-money-b",
    truth: "tests/fixtures/newsroom-money-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-money-rules"),
};

#[test]
fn the_user_pack_on_a_corpus_of_its_fact_sheet() {
    ROUND_27_A.assert_score((48, 60), KNOWN_GAPS_A, FLAGGED_TRAPS_A);
}

#[test]
fn the_user_pack_on_articles_written_after_it() {
    ROUND_27_B.assert_score((24, 24), KNOWN_GAPS_B, FLAGGED_TRAPS_B);
}

#[test]
fn newsroom_money_report() {
    ROUND_27_A.snapshot("newsroom_money_report");
}

#[test]
fn newsroom_money_b_report() {
    ROUND_27_B.snapshot("newsroom_money_b_report");
}

/// The shipped pack (Vietnam–Kazakhstan relations) knows none of these facts: on
/// corpus A it flags only the two planted wrong weekdays ("Friday, June 18, 2020", a
/// Thursday; "thứ Năm (6/5)" of 2026, a Wednesday), which need no rule, and nothing
/// on corpus B.
#[test]
fn the_shipped_pack_flags_only_wrong_weekdays() {
    let shipped = ROUND_27_A.with_shipped_pack();
    assert_eq!(shipped.finding_count(), 2);
    assert_eq!(shipped.score().flagged_traps, Vec::<String>::new());
    assert_eq!(shipped.score().missed().len(), 46);
    assert_eq!(ROUND_27_B.with_shipped_pack().finding_count(), 0);
}
