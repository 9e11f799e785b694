//! Round 24 of the held-out evaluation, in another genre: labour, wages, employment
//! and migration in Vietnam and Germany, 2015–2026 (Germany's hourly minimum wage by
//! step and Vietnam's regional monthly minimum wages, unemployment, workers sent
//! abroad and remittances, the skilled-immigration law and its stages, retirement
//! ages, the GDL rail strikes, labour ministers and agency heads, the merger of
//! Vietnam's labour ministry into the Ministry of Home Affairs). The fact sheet and
//! two corpora were written by a helper in session 37; the rule pack
//! (`tests/fixtures/newsroom-labour-rules/`, with the fact sheet, the author's
//! `NOTES.md` and a helper's `DIAGNOSIS.md`) by another who saw only the fact sheet
//! and the documentation, with a binary of the session's first minutes. The author
//! generated the TOML files with Python scripts, which are not shipped: the TOML is
//! the pack.
//!
//! - Corpus A (`newsroom-labour`, 12 articles, 48 planted errors, 60 traps): the pack
//!   was not written on it. First run: 24 of 48, no trap flagged, five findings on no
//!   listed span.
//! - Corpus B (`newsroom-labour-b`, 6 articles, 24 errors, 24 traps): 12 of 24, no
//!   trap flagged, three findings on no listed span.
//!
//! `DIAGNOSIS.md` traces 35 of the 44 lines to the pack (with them fixed on a copy:
//! 47/48 and 23/24, no trap, one unlisted finding each) and nine to the engine,
//! fixed in session 37 but for two: a figure in a relative clause set off by commas
//! takes no period written after it ("The minimum wage, which rose to 9.19 euros,
//! will climb to 9.35 euros in 2020"); a change after a word opening another
//! subject's clause is not the figure's ("rose to 2.61 million as the economy shrank
//! by 0.3%"); a German capitalised noun alone is no near miss of a one-word name
//! ("Schwelle" of "Scheele") unless the document names the person, and the last word
//! of an organisation's form is no surname ("Vietnamese" of "Innenministerium
//! Vietnams"); a date written in digits states its year for the figures beside it
//! ("Từ ngày 1/7/2024, lương cơ sở là …"); "June 29 two years ago" is a date two
//! years back; an `undated = "latest"` figure in a sentence stating an earlier year is
//! that year's. Also from this round: changes in percentage points ("tăng 0,74 điểm
//! phần trăm") imply the rate before by subtraction; "vượt năm 2018" is a
//! comparison; "không còn tồn tại" tells of a dissolved body. Not fixed: a time in
//! the sentence before excusing a present-tense title (en_04, Trà), kept as a gap
//! below. A role start written as a month without a year ("seit Juli Chefin") is read
//! since session 39: the latest July not after the document's date.
//!
//! A gap that opens fails the test, as does a trap flagged.

mod common;

use common::heldout::Heldout;

/// Planted errors of corpus A the pack does not find; `DIAGNOSIS.md` gives the fix of
/// each (pack gaps unless marked).
const KNOWN_GAPS_A: &[(&str, &str)] = &[
    // No year in the paragraph, and the pack's date-keyed claim reads only "hiện nay".
    ("vi_01.txt", "vùng II là 3,2 triệu đồng/tháng"),
    // No event for the adoption of the 2014 law.
    ("vi_01.txt", "được Quốc hội thông qua ngày 20/11/2013"),
    // The elapsed pattern wants the wage before the verb.
    ("vi_01.txt", "từ hai năm trước"),
    // No year and no "Mindestlohn" in the sentence.
    ("de_01.txt", "ein Plus von 3,4 Prozent"),
    // The text says "Lohnuntergrenze".
    ("de_01.txt", "vor drei Jahren eingeführt"),
    // No Taiwan figure claim without a year in the sentence.
    ("vi_02.txt", "Đài Loan 45.480"),
    // No cue word in the sentence of the average rise.
    ("vi_02.txt", "bình quân là 5,3%"),
    // "Er liegt seit dem 1. Januar bei 9,19 Euro": no cue word.
    ("de_02.txt", "seit dem 1. Januar bei 9,19 Euro"),
    // The pattern needs "labour code … passed".
    ("en_02.txt", "in November 2018"),
    // The exclusion of "men" drops the women's clause too.
    ("en_02.txt", "three months each year"),
    // No year in the sentence.
    ("vi_03.txt", "vùng III 3,46 triệu đồng"),
    // No year and no "Mindestlohn" in the sentence.
    ("de_03.txt", "ein Plus von 18,4 Prozent"),
    // The pattern needs "12 Euro"; the text says "zwölf Euro".
    (
        "de_03.txt",
        "Die von der Mindestlohnkommission beschlossene Erhöhung",
    ),
    // No date claim for the warning strike.
    ("en_03.txt", "warning strike in November"),
    // The stage-2 event has no claim.
    ("vi_04.txt", "từ ngày 1/3/2023"),
    // The rank pattern allows no comma after the country.
    ("vi_04.txt", "thị trường lớn thứ hai"),
    // "Từ 1/7" without a year (a coming day) gives the figure no period.
    ("vi_04.txt", "4,69 triệu đồng/tháng"),
    // The age pattern needs the name after "-jährige".
    ("de_04.txt", "56-jährige Sozialdemokratin"),
    // No pattern for "… gut acht Jahre lang geführt".
    ("de_04.txt", "gut acht Jahre lang"),
    // No year in the sentence.
    ("en_04.txt", "VND3.86 million in Region III"),
    // Engine: "last March" in the sentence before excuses the present-tense title.
    ("en_04.txt", "Minister of Home Affairs Pham Thi Thanh Tra"),
    // No anniversary claim for the Labour Code 2019.
    ("en_04.txt", "fourth anniversary"),
    // The year opens the sentence; the pattern wants it before "women".
    ("en_04.txt", "57 years and four months"),
];

/// Planted errors of corpus B the pack does not find.
const KNOWN_GAPS_B: &[(&str, &str)] = &[
    // A list split by ";", with no currency after "3,68 triệu".
    ("vi_b1.txt", "(vùng III: 3,68 triệu)"),
    // The cue "tỷ lệ thất nghiệp" is not in the list line.
    ("vi_b1.txt", "Thất nghiệp: 2,42% (2024)"),
    // No record claim.
    ("vi_b1.txt", "cao nhất từ trước tới nay"),
    // The sentence says "Chính sách này", not "thẻ cơ hội".
    ("vi_b2.txt", "(có hiệu lực từ 1/6/2023)"),
    // The rank pattern does not allow "hiện là nguồn".
    ("vi_b2.txt", "nguồn học viên điều dưỡng lớn nhất"),
    // "Bas" is only a `titled_forms` form.
    ("en_b1.txt", "co-leader of the Social Democrats in July"),
    // The exclusion of "13.90" drops the sentence.
    (
        "en_b1.txt",
        "the 12-euro floor that the commission itself set in 2022",
    ),
    // The date pattern needs "social insurance law" before "passed" (the engine now
    // reads "June 29 two years ago" as 2023-06-29).
    ("en_b2.txt", "on June 29 two years ago"),
    // The year is only in the heading line.
    ("en_b2.txt", "men, 61 years and six months"),
    // A bracket after "Region II".
    ("en_b2.txt", "Region II (VND4.14 million)"),
    // The titles list only the British "Labour".
    (
        "en_b2.txt",
        "Minister of Labor, Invalids and Social Affairs Dao Ngoc Dung",
    ),
    // The pattern gap cannot cross "1980".
    ("de_b2.txt", "also vor 45 Jahren"),
];

const ROUND_24_A: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-labour",
    truth: "tests/fixtures/newsroom-labour-truth.tsv",
    rules: Some("tests/fixtures/newsroom-labour-rules"),
};

const ROUND_24_B: Heldout = Heldout {
    dir: "tests/fixtures/newsroom-labour-b",
    truth: "tests/fixtures/newsroom-labour-b-truth.tsv",
    rules: Some("tests/fixtures/newsroom-labour-rules"),
};

#[test]
fn the_user_pack_on_a_corpus_of_its_fact_sheet() {
    ROUND_24_A.assert_score((48, 60), KNOWN_GAPS_A, &[]);
}

#[test]
fn the_user_pack_on_articles_written_after_it() {
    ROUND_24_B.assert_score((24, 24), KNOWN_GAPS_B, &[]);
}

#[test]
fn newsroom_labour_report() {
    ROUND_24_A.snapshot("newsroom_labour_report");
}

#[test]
fn newsroom_labour_b_report() {
    ROUND_24_B.snapshot("newsroom_labour_b_report");
}
