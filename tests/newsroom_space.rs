//! Round 25 of the held-out evaluation, in another genre: spaceflight in Vietnam,
//! Kazakhstan and Germany, 1955–2026 (Baikonur and its lease, the first cosmonaut of
//! each country, German ESA astronauts, Vietnam's and Kazakhstan's satellites, German
//! launch start-ups, agency heads, flight durations, budgets, anniversaries and
//! "first in N years"). The fact sheet was written by a helper in session 39, the
//! two corpora by another from the sheet alone, and the rule pack
//! (`tests/fixtures/newsroom-space-rules/`, with the fact sheet, the author's
//! `NOTES.md`, the corpus writer's `CORPUS-NOTES.md` and a helper's `DIAGNOSIS.md`)
//! by a third who saw only the fact sheet and the documentation, with a binary of the
//! session's first minutes. The author generated the TOML files with Python scripts,
//! which are not shipped: the TOML is the pack.
//!
//! - Corpus A (`newsroom-space`, 12 articles, 48 planted errors, 60 traps): the pack
//!   was not written on it. First run: 17 of 48, three traps flagged, four findings
//!   on no listed span.
//! - Corpus B (`newsroom-space-b`, 6 articles, 24 errors, 24 traps): 10 of 24, no
//!   trap flagged, two findings on no listed span.
//!
//! `DIAGNOSIS.md` traces 51 of the 54 lines to the pack (with them fixed on a copy:
//! 48/48 and 24/24, no trap, no unlisted finding) and three to the engine, fixed in
//! session 39 with five more it found: a wire dateline ("BAIKONUR, Kazakhstan
//! (Reuters) -") is read by no claim; Vietnamese "trái với" (contrary to) denies a
//! false statement, and a negation word right before one ("dù không phải người gốc
//! Việt duy nhất") does too; an `elapsed` claim counts down to an event still to come
//! ("còn 24 năm nữa"); a year the pattern reads for itself does not make an
//! `undated = "latest"` figure that year's; a fact in a duration unit ("7.86 days")
//! is not compared with counts in another ("45 năm"); a count's own unit is a
//! `followed_by` word. Not fixed: a referent named paragraphs before ("Der heute
//! 72-Jährige"), ordinals of persons ("der zwölfte Deutsche") checked against the
//! event the sentence names, compound durations ("7 ngày 22 giờ") and time units
//! (minutes, seconds).
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find; `DIAGNOSIS.md` gives the fix of
/// each (all pack gaps).
const KNOWN_GAPS_A: &[(&str, &str)] = &[
    // No claim for orbital positions.
    ("vi_01.txt", "131,8 độ Đông"),
    // No claim; `{rank}` reads no "thứ năm" of a country.
    ("vi_01.txt", "nước thứ năm ở Đông Nam Á"),
    // The patterns want "cách đây N" or "kỷ niệm N".
    ("vi_01.txt", "Gần 30 năm trước"),
    // No claim for the wrong launch craft.
    ("de_01.txt", "Mit Sojus 29 starteten"),
    // No age claims; the sentence names nobody (Jähn is two paragraphs up).
    ("de_01.txt", "Der heute 72-Jährige"),
    // The patterns need "Jähn" in the sentence.
    ("de_01.txt", "der erste Interkosmos-Kosmonaut überhaupt"),
    // Only "{count} nach Jähn" is read.
    ("de_01.txt", "Erst sieben Jahre später folgte"),
    // No claim (a bare-number fact would do).
    ("en_01.txt", "98 minutes after launch"),
    // `subject` "baikonur": the paragraph says "the cosmodrome".
    ("en_01.txt", "$155 million a year in rent"),
    // No claim counts from the lease extension.
    ("en_01.txt", "extended eight years ago"),
    // No "after independence" form.
    ("en_01.txt", "months after Kazakhstan's independence"),
    // No claim for the orbit.
    ("vi_02.txt", "bay trên quỹ đạo địa tĩnh"),
    // The patterns need the satellite's name and a cost word.
    ("vi_02.txt", "hơn 60 triệu euro vốn vay ODA"),
    // No age claims.
    ("de_02.txt", "der 39-jährige Geophysiker"),
    // Word order: "Erstmals seit N Jahren fliegt wieder ein Deutscher".
    ("de_02.txt", "Erstmals seit fünf Jahren"),
    // The pattern has "in {count}", not "for {count}".
    ("en_02.txt", "the first Kazakh in space for 12 years"),
    // No age claims.
    ("en_02.txt", "Aimbetov, 42,"),
    // "newly" breaks the pattern.
    ("en_02.txt", "as a citizen of newly independent Kazakhstan"),
    // The sentence says "er"; every pattern needs "Gerst".
    ("de_03.txt", "hatte er Anfang September übernommen"),
    // The patterns need "Kommandant".
    ("de_03.txt", "der erste Europäer an der Spitze der ISS"),
    // The figure stands before the name; the pattern wants the name first.
    ("de_03.txt", "insgesamt 372 Tagen"),
    // The name is in the sentence before.
    ("vi_03.txt", "người đầu tiên ngoài Liên Xô và Mỹ"),
    // No age claims.
    ("vi_03.txt", "năm nay 74 tuổi"),
    // No age claims.
    ("en_03.txt", "Maurer, 52,"),
    // The gap from the name to the ordinal is 30 characters at most.
    ("en_03.txt", "the 11th German to fly in space"),
    // No age claims.
    ("vi_04.txt", "nay 79 tuổi"),
    // The date-first pattern reads 2008 across ")" and reports that one.
    ("vi_04.txt", "VINASAT-2 (phóng năm 2013)"),
    // No cue word and no figure of the key in the sentence.
    ("de_04.txt", "ein Plus von rund 40 Prozent"),
    // No event for the start of the VAST term.
    ("en_04.txt", "since early February"),
    // No tenure claim.
    ("en_04.txt", "after 16 years at the helm"),
    // No "a CubeSat of …" form; the exclude "rocket" drops the clause.
    ("en_04.txt", "a CubeSat of about 10 kg"),
];

/// Planted errors of corpus B the pack does not find.
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // No claim for the engineers.
    ("vi_b1.txt", "46 kỹ sư"),
    // The gaps refuse digits, and "(12/4/1961)" stands between.
    ("vi_b2.txt", "Ngày này tròn 60 năm trước"),
    // The pattern wants "từ plesetsk".
    ("vi_b2.txt", "sân bay vũ trụ Plesetsk"),
    // Sputnik is named in the sentence before.
    ("vi_b2.txt", "nặng 84,6 kg"),
    // No claim counts to the end of the lease (the engine now counts down to an event still to come).
    ("vi_b2.txt", "còn 25 năm nữa"),
    // No height claim.
    ("en_b1.txt", "The 38-metre Spectrum rocket"),
    // No claim (a bare-number fact would do).
    ("en_b1.txt", "terminated after some 40 seconds"),
    // No event for Isar's founding.
    ("en_b1.txt", "co-founded in 2016"),
    // No age claims.
    ("en_b2.txt", "Aubakirov, now 79,"),
    // The gap refuses digits; "at the age of 74" stands between.
    ("en_b2.txt", "a total of 351 days in space"),
    // No claim for the wrong shuttle.
    ("de_b1.txt", "an Bord der Raumfähre Challenger"),
    // No age claims.
    ("de_b1.txt", "Merbold, heute 83 Jahre alt"),
    // Word order: "Den deutschen Rekord … hält Thomas Reiter".
    ("de_b1.txt", "im All hält Thomas Reiter"),
    // Word order, as in de_02.
    ("de_b2.txt", "erstmals seit zwei Jahren"),
];

const ROUND_25_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-space",
    truth: "tests/fixtures/newsroom-space-truth.tsv",
    rules: Some("tests/fixtures/newsroom-space-rules"),
};

const ROUND_25_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-space-b",
    truth: "tests/fixtures/newsroom-space-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-space-rules"),
};

#[test]
fn the_user_pack_on_a_corpus_of_its_fact_sheet() {
    ROUND_25_A.assert_score((48, 60), KNOWN_GAPS_A, &[]);
}

#[test]
fn the_user_pack_on_articles_written_after_it() {
    ROUND_25_B.assert_score((24, 24), KNOWN_GAPS_B, &[]);
}

/// The shipped pack (Vietnam–Kazakhstan relations) knows none of these facts: on
/// corpus A it flags only the planted wrong weekday ("thứ Sáu (4/5)" of 2013, a
/// Saturday), which needs no rule, and nothing on corpus B.
#[test]
fn the_shipped_pack_flags_only_a_wrong_weekday() {
    let shipped = ROUND_25_A.with_shipped_pack();
    assert_eq!(shipped.finding_count(), 1);
    assert_eq!(shipped.score().flagged_traps, Vec::<String>::new());
    assert_eq!(ROUND_25_B.with_shipped_pack().finding_count(), 0);
}

#[test]
fn newsroom_space_report() {
    ROUND_25_A.snapshot("newsroom_space_report");
}

#[test]
fn newsroom_space_b_report() {
    ROUND_25_B.snapshot("newsroom_space_b_report");
}
