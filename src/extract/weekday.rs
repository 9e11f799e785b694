//! Weekdays written beside a date: "Monday, September 9", "9. September (Dienstag)",
//! "thứ Hai (9/9)". Such a weekday (or a relative word: "am Morgen des 10.
//! September") belongs to the date beside it, so it is no date of its own; and the
//! weekday (or relative day: "hôm qua (19/12)") must be the date's, which needs no
//! rule to check.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::Locator;
use crate::corpus::Document;
use crate::fold::Folded;
use crate::value::{self, DatePrecision, ParseCtx, Value, ValueKind};

/// How far before and after a weekday a date beside it is looked for (bytes): the
/// longest joined date ("Dienstag, den 10. September 2024") fits.
const REACH: usize = 40;

/// Longest word that may stand between a weekday and its date ("des", "ngay").
const JOINING_WORD: usize = 4;

/// Longer articles that join a date to the weekday after it in apposition: "am 19.
/// Dezember, einem Donnerstag".
const JOINING_ARTICLES: [&str; 2] = ["einem", "einen"];

/// Whether `gap`, the folded text between a weekday (or relative word) and a date,
/// joins them: spaces, commas, brackets and dashes, and at most one short word
/// ("Dienstag, den 10.", "thứ Hai, ngày 9/9", "am Morgen des 10. September").
pub(crate) fn joins(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '[' | ']' | '-' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    match words.as_slice() {
        [] => true,
        [word] => {
            word.chars().count() <= JOINING_WORD && word.chars().all(char::is_alphabetic)
                || JOINING_ARTICLES.contains(word)
        }
        _ => false,
    }
}

/// Whether the folded ranges `a` and `b` of `text` stand together: they overlap, or
/// what lies between them [`joins`] them.
pub(crate) fn beside(text: &str, a: &Range<usize>, b: &Range<usize>) -> bool {
    if b.start >= a.end {
        joins(&text[a.end..b.start])
    } else if a.start >= b.end {
        joins(&text[b.end..a.start])
    } else {
        true
    }
}

/// A weekday written beside a date that falls on another weekday.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WrongWeekday {
    /// The folded range of the weekday and the date together.
    pub range: Range<usize>,
    /// The date as read.
    pub date: NaiveDate,
    /// The weekday written (0 = Monday).
    pub written: u32,
}

/// Every weekday of the document `at` reads written beside a date of another
/// weekday. A weekday counts only as written with a capital letter ("Monday", "thứ
/// Hai"): Vietnamese "thứ hai" in lower case is "second". The weekday words are
/// found by the extractor's one pass over the text ([`Locator::words`]).
pub(crate) fn wrong_weekdays(at: &Locator, ctx: &ParseCtx) -> Vec<WrongWeekday> {
    let (doc, folded) = (at.doc, at.folded);
    let text = folded.text.as_str();
    let mut out = Vec::new();
    for (word, written) in &ctx.pack.weekdays {
        at.words.within_where(text, 0..text.len(), word, |hit| {
            if capitalized(doc, folded, hit.clone())
                && let Some((range, date)) = date_beside(text, hit.clone(), ctx)
                && date.weekday().num_days_from_monday() != *written
                && !recent_day_beside_another(at, hit.clone(), date, ctx)
                && !fits_a_year_of_its_sentence(at, &range, date, *written)
                && !(ctx.doc_date.is_some_and(|doc| {
                    !crate::value::date::names_a_year(&text[range.clone()])
                        && in_the_year_before(date, doc, *written).is_some()
                }))
            {
                out.push(WrongWeekday {
                    range,
                    date,
                    written: *written,
                });
            }
            // Every occurrence is looked at.
            false
        });
    }
    out.sort_by_key(|w| w.range.start);
    out
}

/// Whether the weekday at folded `weekday`, placed by a word of the pack's
/// `relative_months` before or after it ("last Friday", "vergangenen Freitag", "thứ
/// Sáu vừa qua"), names a day of the document's week while `date` beside it lies
/// further away: "entered into force five years ago last Friday, on August 1, 2020"
/// dates the anniversary, not the event. The word must be written as the pack writes
/// it, or without diacritics: "Tối thứ Bảy" (Saturday evening) is not "tới" (coming).
fn recent_day_beside_another(
    at: &Locator,
    weekday: Range<usize>,
    date: NaiveDate,
    ctx: &ParseCtx,
) -> bool {
    let Some(doc_date) = ctx.doc_date else {
        return false;
    };
    if (date - doc_date).num_days().abs() <= 7 {
        return false;
    }
    let text = at.folded.text.as_str();
    let before = text
        .get(..weekday.start)
        .unwrap_or("")
        .trim_end_matches(' ');
    let after = text.get(weekday.end..).unwrap_or("");
    let after_start = weekday.end + (after.len() - after.trim_start_matches(' ').len());
    let after = after.trim_start_matches(' ');
    let spelled = |word: &str, range: Range<usize>| {
        let written = at
            .doc
            .body()
            .get(at.folded.to_original(range))
            .map(str::to_lowercase)
            .unwrap_or_default();
        ctx.pack.relative_month_spellings.iter().any(|listed| {
            crate::fold::fold_str(listed) == word && crate::names::spelled_alike(&written, listed)
        })
    };
    ctx.pack.relative_months.iter().any(|(word, _)| {
        let preceding = before
            .strip_suffix(word.as_str())
            .filter(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
            .map(|rest| rest.len()..before.len());
        let following = after
            .strip_prefix(word.as_str())
            .filter(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
            .map(|_| after_start..after_start + word.len());
        preceding
            .into_iter()
            .chain(following)
            .any(|range| spelled(word, range))
    })
}

/// Whether the date at folded `range`, written without a year (and so placed in the
/// year nearest the document's), falls on the `written` weekday in a year its
/// sentence or one of the two before it in its paragraph names: "cleared the vaccine
/// on Dec. 12, 2020, and the first shots were given on Sunday, Dec. 27" in copy of
/// December 2021 speaks of 27 December 2020, and so does a story told on: "On
/// Thursday, June 18, 2020, … resigned the next day. On Monday, June 22, …".
fn fits_a_year_of_its_sentence(
    at: &Locator,
    range: &Range<usize>,
    date: NaiveDate,
    written: u32,
) -> bool {
    let text = at.folded.text.as_str();
    let years_in = |s: &str| -> Vec<i32> {
        s.split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<i32>().ok())
            .filter(|y| (1800..=2200).contains(y))
            .collect()
    };
    if !years_in(text.get(range.clone()).unwrap_or("")).is_empty() {
        return false;
    }
    let Some(sentence) = at.sentence_at(range.start) else {
        return false;
    };
    let start = at
        .earlier_in_paragraph(sentence.start)
        .take(crate::rules::SUBJECT_REACH)
        .last()
        .map_or(sentence.start, |earlier| earlier.start);
    years_in(text.get(start..sentence.end).unwrap_or(""))
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, date.month(), date.day()))
        .any(|d| d.weekday().num_days_from_monday() == written)
}

/// The date written without a year one year earlier, when `date` (placed in the
/// document's year) lies after the document date and only the year before has it on
/// the `written` weekday: "On Monday, Sept. 9, the bridge collapsed" in copy of 6
/// September 2025 that looks back on 2024 speaks of 9 September 2024.
pub(crate) fn in_the_year_before(
    date: NaiveDate,
    doc: NaiveDate,
    written: u32,
) -> Option<NaiveDate> {
    if date <= doc || date.weekday().num_days_from_monday() == written {
        return None;
    }
    let before = date.with_year(date.year() - 1)?;
    (before.weekday().num_days_from_monday() == written).then_some(before)
}

/// A relative day ("yesterday", "hôm qua", "gestern") written beside a date of
/// another day: "hôm qua (18/12)" in copy of 20 December.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WrongRelativeDay {
    /// The folded range of the word and the date together.
    pub range: Range<usize>,
    /// The date as written.
    pub date: NaiveDate,
    /// The day the word names, from the document date.
    pub named: NaiveDate,
}

/// Every relative day of the document `at` reads written beside a date of another
/// day and month (a date without a year is not judged by its year: "hôm qua (31/12)"
/// in copy of 1 January). Needs the document date.
pub(crate) fn wrong_relative_days(at: &Locator, ctx: &ParseCtx) -> Vec<WrongRelativeDay> {
    let Some(doc_date) = ctx.doc_date else {
        return Vec::new();
    };
    let text = at.folded.text.as_str();
    let mut out = Vec::new();
    for (word, offset) in &ctx.pack.relative_days {
        let Some(named) = doc_date.checked_add_signed(chrono::TimeDelta::days(*offset)) else {
            continue;
        };
        at.words.within_where(text, 0..text.len(), word, |hit| {
            if !noun_in_mid_sentence(at, hit.clone())
                && let Some((range, date)) = date_beside(text, hit, ctx)
                && (date.month(), date.day()) != (named.month(), named.day())
            {
                out.push(WrongRelativeDay { range, date, named });
            }
            // Every occurrence is looked at.
            false
        });
    }
    out.sort_by_key(|w| w.range.start);
    out.dedup_by_key(|w| w.range.start);
    out
}

/// Whether the word at folded `range` is capitalised within its sentence: a noun,
/// not the relative day ("am Morgen des 9. September" is a morning, not "morgen").
fn noun_in_mid_sentence(at: &Locator, range: Range<usize>) -> bool {
    let opens_sentence = at.sentence_at(range.start).is_some_and(|sentence| {
        at.folded.text[sentence.start..range.start]
            .chars()
            .all(|c| !c.is_alphanumeric())
    });
    !opens_sentence && capitalized(at.doc, at.folded, range)
}

/// Whether the date at folded `range`, read from a weekday, is an ordinal written in
/// lower case instead: Vietnamese "thứ năm" is Thursday as "thứ Năm" and "fifth" as
/// written ("thành phố trực thuộc trung ương thứ năm").
pub(crate) fn ordinal_not_weekday(at: &Locator, range: Range<usize>, ctx: &ParseCtx) -> bool {
    let Some(text) = at.folded.text.get(range.clone()) else {
        return false;
    };
    let holds = |word: &String| super::prefilter::contains_word(text, word);
    let pack = ctx.pack;
    // "mùa thu năm 2024" (autumn 2024) folds to a weekday's letters ("thứ Năm") and an
    // ordinal's: a season names no weekday.
    pack.weekdays.iter().any(|(word, _)| holds(word))
        && !pack.seasons.iter().any(|(word, _)| holds(word))
        && !crate::value::scan(crate::value::ValueKind::Ordinal, text, ctx).is_empty()
        && !capitalized(at.doc, at.folded, range)
}

/// Whether a word of the weekday at folded `range` is written with a capital letter.
fn capitalized(doc: &Document, folded: &Folded, range: Range<usize>) -> bool {
    doc.body()
        .get(folded.to_original(range))
        .is_some_and(|written| {
            written
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// The day written beside the weekday at `weekday` (folded), with the range of both.
fn date_beside(
    text: &str,
    weekday: Range<usize>,
    ctx: &ParseCtx,
) -> Option<(Range<usize>, NaiveDate)> {
    let from = text.floor_char_boundary(weekday.start.saturating_sub(REACH));
    let to = text.ceil_char_boundary(weekday.end + REACH);
    // A written day has digits: most weekdays ("on Monday") stand without one, and
    // are not scanned.
    if !text[from..to].bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    value::scan(ValueKind::Date, &text[from..to], ctx)
        .into_iter()
        .filter_map(|(range, value)| {
            let range = from + range.start..from + range.end;
            let Value::Date(date) = value else {
                return None;
            };
            let written_day = date.precision == DatePrecision::Day
                && text[range.clone()].bytes().any(|b| b.is_ascii_digit());
            (written_day && beside(text, &weekday, &range)).then(|| {
                // "chiều thứ Bảy (10/9)": the weekday and its date, not the time of day.
                let start = if range.start <= weekday.start && weekday.end <= range.end {
                    weekday.start
                } else {
                    range.start.min(weekday.start)
                };
                let mut both = start..range.end.max(weekday.end);
                // "9. September (Dienstag)": the closing bracket too.
                if text[both.clone()].contains('(') && text[both.end..].starts_with(')') {
                    both.end += 1;
                }
                (both, date.start)
            })
        })
        .min_by_key(|(range, _)| range.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_or_punctuation_joins_a_weekday_to_its_date() {
        for gap in [
            ", ", " (", " ", ", den ", " des ", ", ngay ", ") – ", ", einem ",
        ] {
            assert!(joins(gap), "{gap:?}");
        }
        for gap in [", two days after ", " the landfall on ", " 2024 "] {
            assert!(!joins(gap), "{gap:?}");
        }
    }

    fn wrong(lang: &str, text: &str, doc_date: &str) -> Vec<(String, u32)> {
        let rules = crate::rules::Rules::from_toml(
            "rules.toml",
            &format!(
                "[[claim]]\nid = \"c\"\nkind = \"quantity\"\nkey = \"k\"\n\
                 [claim.patterns]\n{lang} = [\"volume of {{money}}\"]\n"
            ),
        )
        .expect("rules");
        let date = NaiveDate::parse_from_str(doc_date, "%Y-%m-%d").expect("date");
        let doc = Document::new("doc.txt", lang, Some(date), text);
        let folded = crate::fold::fold(doc.body());
        let extraction = crate::extract::Extractor::new(&rules).extract(&doc, &folded);
        extraction
            .wrong_weekdays
            .into_iter()
            .map(|w| (folded.text[w.range].to_string(), w.written))
            .collect()
    }

    /// 9 September 2024 was a Monday.
    #[test]
    fn a_weekday_beside_a_date_must_be_the_dates() {
        assert_eq!(
            wrong(
                "de",
                "Am 9. September (Dienstag) stürzte die Brücke ein.",
                "2024-09-20"
            ),
            vec![("am 9. september (dienstag)".to_string(), 1)]
        );
        assert!(
            wrong(
                "de",
                "Am Montag, den 9. September, stürzte sie ein.",
                "2024-09-20"
            )
            .is_empty()
        );
        assert_eq!(
            wrong(
                "en",
                "The bridge fell on Tuesday, September 9, 2024.",
                "2024-09-20"
            )
            .len(),
            1
        );
        assert!(
            wrong(
                "en",
                "The bridge fell on Monday, September 9.",
                "2024-09-20"
            )
            .is_empty()
        );
        assert_eq!(
            wrong("vi", "Cầu sập sáng thứ Ba (9/9).", "2024-09-10"),
            vec![("thu ba (9/9)".to_string(), 1)]
        );
        // An ordinal in lower case is no weekday.
        assert!(wrong("vi", "Kỳ họp thứ ba ngày 9/9/2024 bế mạc.", "2024-09-10").is_empty());
        // A weekday apart from the date is another day's.
        assert!(
            wrong(
                "en",
                "On Tuesday, two days after the landfall on September 7, it rained.",
                "2024-09-10"
            )
            .is_empty()
        );
    }

    /// 27 December 2020 was a Sunday; 27 December 2021 a Monday.
    #[test]
    fn a_date_without_a_year_may_be_in_a_year_its_sentence_names() {
        let text = "Regulators cleared it on Dec. 12, 2020, and the first shots were \
                    given on Sunday, Dec. 27, in Saxony-Anhalt.";
        assert!(wrong("en", text, "2021-12-09").is_empty());
        // Without that year the date is this year's, or the year before's when it
        // would lie ahead and only that year has the weekday (27 December 2020 was a
        // Sunday, 2021's a Monday); a weekday of neither is wrong.
        assert!(
            wrong(
                "en",
                "The first shots were given on Sunday, Dec. 27.",
                "2021-12-09"
            )
            .is_empty()
        );
        assert_eq!(
            wrong(
                "en",
                "The first shots were given on Saturday, Dec. 27.",
                "2021-12-09"
            )
            .len(),
            1
        );
        // A date with its own year is judged in that year.
        assert_eq!(
            wrong(
                "en",
                "In 2020 the first shots were given on Sunday, Dec. 27, 2021.",
                "2021-12-09"
            )
            .len(),
            1
        );
    }

    /// 22 June 2020 was a Monday; 22 June 2025 a Sunday.
    #[test]
    fn a_date_without_a_year_may_be_in_a_year_its_paragraph_just_named() {
        let story = "On Thursday, June 18, 2020, the auditor refused to sign. The chief \
                     executive resigned the next day. On Monday, June 22, the company \
                     said the money did not exist.";
        assert!(wrong("en", story, "2025-06-25").is_empty());
        // Three sentences back, or in the paragraph before, a year no longer reaches.
        let far = "On Thursday, June 18, 2020, the auditor refused to sign. The chief \
                   executive resigned. Shares fell. On Monday, June 22, the company spoke.";
        assert_eq!(wrong("en", far, "2025-06-25").len(), 1);
        let apart = "On Thursday, June 18, 2020, the auditor refused to sign.\n\nOn Monday, \
                     June 22, the company spoke.";
        assert_eq!(wrong("en", apart, "2025-06-25").len(), 1);
    }
}
