//! Whether a role title is used of the past: "then-President Võ Văn Thưởng", or
//! "President Tokayev met General Secretary Nguyễn Phú Trọng in August 2023" in a
//! piece of 2025. Such a title is right, and a role conflict on it is not reported.
//!
//! The sentence holding the name is read as written (lowercase NFC words, not folded:
//! folding merges Vietnamese "nguyên", former, with the surname "Nguyễn"). It speaks of
//! the past when the name's clause holds a past marker of the document's language
//! ("then", "former", "khi đó", "damalige"; see [`marker_scope`]), or the sentence
//! names a year before the document's own in which the role was held — written as a number ("năm 2024") or relative to the document date
//! ("năm ngoái", "last year"), but not as the base of a comparison ("so với năm
//! trước"). The document's own year says nothing of the past: "Minister X said 2025
//! will be hard" in February 2025, after X left in January, is a conflict. Neither
//! a marker nor a year excuses a title whose clause names a month or day within none
//! of its terms ("im Februar 2025 der damalige Staatspräsident Tô Lâm").

use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use crate::extract::introduced_by_comparison;
use crate::extract::sentence::{Abbreviations, sentences};
use crate::fold::{Folded, fold_str};
use crate::lang::{LangPack, holds_any, written_words as words};
use crate::names::whole_word;
use crate::value::DateSpan;

/// A term of a role: its first and last day, either open.
pub(crate) type Term = (Option<NaiveDate>, Option<NaiveDate>);

/// A name with a role title, where a document writes it: the document's body, its
/// folded form, language pack and date, and the name's byte range in the body.
#[derive(Clone)]
pub(crate) struct NameSite<'a> {
    /// The document's body.
    pub body: &'a str,
    /// The folded body.
    pub folded: &'a Folded,
    /// The document's language pack, if any.
    pub pack: Option<&'a LangPack>,
    /// The name's byte range in `body`.
    pub range: Range<usize>,
    /// The document's date, if any.
    pub doc_date: Option<NaiveDate>,
}

/// What a [`NameSite`] holds: body, folded body, pack, the name's range, date.
type SiteParts<'s, 'a> = (
    &'a str,
    &'a Folded,
    Option<&'a LangPack>,
    &'s Range<usize>,
    Option<NaiveDate>,
);

impl<'a> NameSite<'a> {
    /// The site's parts, the range borrowed.
    fn parts(&self) -> SiteParts<'_, 'a> {
        (
            self.body,
            self.folded,
            self.pack,
            &self.range,
            self.doc_date,
        )
    }
}

/// The earliest and latest years read as years in a sentence.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Whether the sentence of `body` around `range` (a name preceded by a role title)
/// speaks of a time when the role was held (`from`..=`until`, open ends allowed).
pub(crate) fn of_the_past(site: &NameSite, held: &[Term]) -> bool {
    let (body, folded, pack, range, doc_date) = site.parts();
    let (sentence, scope, marked) = title_clause(body, folded, pack, range);
    let words = words(sentence.text);
    // "im Februar 2025 der damalige Staatspräsident Tô Lâm", "in November 2016,
    // Prime Minister X" (who left in April): the past the title speaks of is the date
    // its clause names (or, for a marked title in a sentence naming no time, the
    // sentence before); a title held at no time of it is a conflict at that date,
    // whatever a marker or the year says.
    if let Some(pack) = pack
        && spoken_of_outside_terms(
            (body, folded, pack),
            (&sentence, &scope, marked),
            range,
            doc_date,
            held,
        )
        .is_some()
    {
        return false;
    }
    let doc_year = doc_date.map(|d| d.year());
    let earlier_year_held = |year: i32| {
        doc_year.is_none_or(|doc| year < doc)
            && held
                .iter()
                .any(|&(from, until)| year_within(year, from, until))
    };
    let relative = match (pack, doc_year) {
        (Some(pack), Some(doc)) => relative_years(sentence.text, pack)
            .into_iter()
            .any(|shift| earlier_year_held(doc.saturating_add(shift))),
        _ => false,
    };
    // "General Secretary Nguyen Phu Trong died in July 2024", in copy of September: a
    // month or day of a term that the sentence names, before the document date, is the
    // past too.
    let dated_within = pack.is_some_and(|pack| {
        named_dates(&[sentence.text], pack, doc_date, false)
            .iter()
            .any(|date| within_a_term(date, held))
    });
    // "Ngày 18/10/2020, núi đổ ập xuống doanh trại. Phó Thủ tướng Trịnh Đình Dũng chỉ
    // đạo …": a sentence naming no time goes on with the time the one before tells of.
    let told_before = || {
        pack.is_some_and(|pack| {
            !names_a_time(sentence.text, pack, doc_date)
                && told_before_within_terms((body, folded, pack), range, doc_date, held)
        })
    };
    marked
        || relative
        || dated_within
        || words.iter().filter_map(|w| year(w)).any(earlier_year_held)
        || told_before()
}

/// The sentence of the title at `range`, the parts of it a past marker speaks of the
/// name from (see [`marker_scope`]), and whether one of them holds a past marker.
fn title_clause<'a>(
    body: &'a str,
    folded: &Folded,
    pack: Option<&LangPack>,
    range: &Range<usize>,
) -> (Sentence<'a>, Vec<&'a str>, bool) {
    let sentence = sentence_around(body, folded, pack, range);
    let name = range.start.saturating_sub(sentence.start)..range.end - sentence.start;
    let when_words = pack.map_or(&[][..], |pack| &pack.when_words[..]);
    let scope = marker_scope(sentence.text, name, when_words);
    let marked = pack.is_some_and(|pack| {
        scope
            .iter()
            .any(|part| holds_any(&words(part), &pack.past_markers))
    });
    (sentence, scope, marked)
}

/// The date before the document's that the title at `range` speaks of, when it falls
/// within none of the `held` terms: the date a role conflict found there is at.
pub(crate) fn date_outside_terms(site: &NameSite, held: &[Term]) -> Option<DateSpan> {
    let (body, folded, pack, range, doc_date) = site.parts();
    let pack = pack?;
    let (sentence, scope, marked) = title_clause(body, folded, Some(pack), range);
    spoken_of_outside_terms(
        (body, folded, pack),
        (&sentence, &scope, marked),
        range,
        doc_date,
        held,
    )
}

/// The date a title speaks of, when it falls within none of the `held` terms: a month
/// or day its clause (`scope`) names ("im Februar 2025 der damalige
/// Staatspräsident"; for a title marked "former" only, one before all its terms); for
/// a title `marked` as of the past (by a marker other than a "former" one) in a
/// sentence that names no date or year, a time the sentence before it names ("Im
/// November 2016 stoppte das Parlament das Projekt. Der damalige Ministerpräsident X
/// …": "damalige" is the time just told of).
fn spoken_of_outside_terms(
    (body, folded, pack): (&str, &Folded, &LangPack),
    (sentence, scope, marked): (&Sentence, &[&str], bool),
    range: &Range<usize>,
    doc_date: Option<NaiveDate>,
    held: &[(Option<NaiveDate>, Option<NaiveDate>)],
) -> Option<DateSpan> {
    // "sagt die frühere Kulturstaatsministerin X, die am Sonntag …": a former title
    // is right at any time after one of its terms began; only a time before them all
    // is a conflict.
    if marked && only_former(scope, pack) {
        return named_dates(scope, pack, doc_date, false)
            .into_iter()
            .find(|date| before_every_term(date, held));
    }
    if let Some(date) = dated_outside_terms(scope, pack, doc_date, held, false) {
        return Some(date);
    }
    if !marked || names_a_time(sentence.text, pack, doc_date) || only_former(scope, pack) {
        return None;
    }
    told_before_outside_terms((body, folded, pack), range, doc_date, held)
}

/// The time before its term that a title held on the document's date speaks of, when
/// a "then" marker says it is of another time ("Tháng 10/2020, Phó Thủ tướng khi đó
/// Trần Hồng Hà …" of one in office since 2023): a month, day or year the sentence
/// names, or for a sentence naming none, the sentence before. Without such a marker
/// a title held now is not read so ("Prime Minister X said the plant, opened in
/// 2019, …" names a time of the plant), nor with a "former" marker alone.
pub(crate) fn then_title_outside_terms(site: &NameSite, held: &[Term]) -> Option<DateSpan> {
    let (body, folded, pack, range, doc_date) = site.parts();
    let pack = pack?;
    // Most titles held now have no marker near: the sentences are not split for them.
    if !then_marker_near(body, range, pack) {
        return None;
    }
    let sentence = sentence_around(body, folded, Some(pack), range);
    let name = range.start.saturating_sub(sentence.start)..range.end - sentence.start;
    // The title written with the name is the one marked, not one of an apposition
    // ("Phó Thủ tướng X, khi đó là Bộ trưởng …"); "former" alone is no other time.
    let own_clause = own_clause_of(sentence.text, &name)?;
    if only_former(&own_clause, pack) {
        return None;
    }
    if names_a_time(sentence.text, pack, doc_date) {
        return dated_outside_terms(&[sentence.text], pack, doc_date, held, true);
    }
    told_before_outside_terms((body, folded, pack), range, doc_date, held)
}

/// Whether the sentence before the one at `range`, in its paragraph, names times
/// before the document's date, each within one of the `held` terms.
fn told_before_within_terms(
    (body, folded, pack): (&str, &Folded, &LangPack),
    range: &Range<usize>,
    doc_date: Option<NaiveDate>,
    held: &[(Option<NaiveDate>, Option<NaiveDate>)],
) -> bool {
    let Some(before) = previous_sentence(folded, Some(pack), range) else {
        return false;
    };
    let within_paragraph = body
        .get(before.end..range.start)
        .is_some_and(|gap| !gap.contains('\n'));
    let dates = body
        .get(before)
        .map(|text| named_dates(&[text], pack, doc_date, true))
        .unwrap_or_default();
    within_paragraph && !dates.is_empty() && dates.iter().all(|date| within_a_term(date, held))
}

/// How long after the document's date a term may begin for a title with a designate
/// marker to be right: an election result and the oath are up to about ten weeks
/// apart (5 November to 20 January; 23 February to 6 May).
const DESIGNATE_DAYS: i64 = 120;

/// Whether the role `title`, written right before the name at `range`, follows a
/// designate marker of the document's language ("der designierte Bundeskanzler
/// Merz", "tân Chủ tịch Quốc hội X", "incoming Chancellor X") and one of its `held`
/// terms begins within [`DESIGNATE_DAYS`] after the document's date: the person is
/// to take it up.
pub(crate) fn designated(site: &NameSite, (title, held): (&str, &[Term])) -> bool {
    let (body, folded, pack, range, doc_date) = site.parts();
    let (Some(pack), Some(doc)) = (pack, doc_date) else {
        return false;
    };
    let soon = doc + chrono::Duration::days(DESIGNATE_DAYS);
    if !held
        .iter()
        .any(|&(from, _)| from.is_some_and(|from| doc < from && from <= soon))
    {
        return false;
    }
    let sentence = sentence_around(body, folded, Some(pack), range);
    let name = range.start.saturating_sub(sentence.start)..range.end - sentence.start;
    let Some([before, _]) = own_clause_of(sentence.text, &name) else {
        return false;
    };
    let before = words(before);
    let Some(rest) = before.len().checked_sub(words(title).len()) else {
        return false;
    };
    pack.designate_markers
        .iter()
        .any(|marker| before[..rest].ends_with(&words(marker)))
}

/// How long after the start of a term a title may still be called new ("the new
/// culture minister X"): a quarter of a year.
const NEW_DAYS: i64 = 90;

/// When the term of the role `title`, written right before the name at `range`
/// after a new-marker of the document's language ("the new Minister of State for
/// Culture X", "tân Bộ trưởng X", "die neue Ministerin X"), began, when that term
/// holds the document's date and began over [`NEW_DAYS`] before it: "new" is
/// wrong; with where the marker starts in the body. `None` otherwise (no marker, a
/// recent term, no held term, or a time written before the name in its sentence).
pub(crate) fn new_but_long_held(
    site: &NameSite,
    (title, held): (&str, &[Term]),
) -> Option<(NaiveDate, usize)> {
    let (body, folded, pack, range, doc_date) = site.parts();
    let (pack, doc) = (pack?, doc_date?);
    let began = held.iter().find_map(|&(from, until)| {
        let from = from?;
        (from <= doc && until.is_none_or(|until| doc <= until)).then_some(from)
    })?;
    if (doc - began).num_days() <= NEW_DAYS || !new_marker_near(body, range, pack) {
        return None;
    }
    let sentence = sentence_around(body, folded, Some(pack), range);
    let name = range.start.saturating_sub(sentence.start)..range.end - sentence.start;
    // "In June, the new Chancellor X": new as of the time written before the name
    // (not "…, who took office in May", which dates the term).
    if names_a_time(&sentence.text[..name.start], pack, Some(doc)) {
        return None;
    }
    let [clause, _] = own_clause_of(sentence.text, &name)?;
    let before = words(clause);
    let rest = before.len().checked_sub(words(title).len())?;
    let marker = pack
        .new_markers
        .iter()
        .find(|marker| before[..rest].ends_with(&words(marker)))?;
    // Where the marker is written: the last time before the name, in any case.
    let clause_at = (clause.as_ptr() as usize).saturating_sub(body.as_ptr() as usize);
    let written = clause
        .char_indices()
        .rev()
        .map(|(at, _)| at)
        .find(|&at| {
            clause[at..]
                .get(..marker.len())
                .is_some_and(|part| part.to_lowercase() == *marker)
        })
        .map_or(range.start, |at| clause_at + at);
    Some((began, written))
}

/// How far before a name a new-marker is looked for, in bytes, before the sentence
/// is read (a marker, then a title of a few words).
const NEW_MARKER_NEAR_BYTES: usize = 120;

/// Whether a new-marker is written (in any case) within [`NEW_MARKER_NEAR_BYTES`]
/// before the name at `range` of `body`: a cheap test that must hold for one to
/// stand right before the title.
fn new_marker_near(body: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    let mut start = range.start.saturating_sub(NEW_MARKER_NEAR_BYTES);
    while !body.is_char_boundary(start) {
        start -= 1;
    }
    let before = body.get(start..range.start).unwrap_or("").to_lowercase();
    pack.new_markers
        .iter()
        .any(|marker| before.contains(marker.as_str()))
}

/// How far before and after a name a then-marker of its clause is looked for, in
/// bytes, before the sentence is read.
const MARKER_NEAR_BYTES: (usize, usize) = (240, 60);

/// Whether a past marker that is no former marker is written (in any case) within
/// [`MARKER_NEAR_BYTES`] of the name at `range` of `body`: a cheap test that must
/// hold for the name's own clause to hold one.
fn then_marker_near(body: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    let mut start = range.start.saturating_sub(MARKER_NEAR_BYTES.0);
    while !body.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (range.end + MARKER_NEAR_BYTES.1).min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    let near = body[start..end].nfc().collect::<String>().to_lowercase();
    pack.past_markers
        .iter()
        .filter(|marker| !pack.former_markers.contains(marker))
        .any(|marker| near.contains(marker.as_str()))
}

/// Whether `sentence` names a year or a date.
fn names_a_time(sentence: &str, pack: &LangPack, doc_date: Option<NaiveDate>) -> bool {
    let ctx = crate::value::ParseCtx::new(pack, doc_date);
    words(sentence).iter().any(|w| year(w).is_some())
        || !crate::value::scan(crate::value::ValueKind::Date, &fold_str(sentence), &ctx).is_empty()
}

/// A time the sentence before the one at `range` names, before the document's date,
/// when none such falls within one of the `held` terms.
fn told_before_outside_terms(
    (body, folded, pack): (&str, &Folded, &LangPack),
    range: &Range<usize>,
    doc_date: Option<NaiveDate>,
    held: &[(Option<NaiveDate>, Option<NaiveDate>)],
) -> Option<DateSpan> {
    let before = previous_sentence(folded, Some(pack), range)?;
    dated_outside_terms(&[body.get(before)?], pack, doc_date, held, true)
}

/// Whether the past markers of `scope` all say "no longer" ("former", "nguyên",
/// "ehemalige"): a former chairman held the role at some time before, not at the
/// time the sentence before tells of ("damalige", "khi đó" do speak of that time).
fn only_former(scope: &[&str], pack: &LangPack) -> bool {
    let then_markers: Vec<String> = pack
        .past_markers
        .iter()
        .filter(|marker| !pack.former_markers.contains(marker))
        .cloned()
        .collect();
    !scope
        .iter()
        .any(|part| holds_any(&words(part), &then_markers))
}

/// The first month or day before the document date that `parts` (the clause of a
/// title, see [`marker_scope`]) name — or with `years`, also a year before the
/// document's — when none such falls within one of the `held` terms.
fn dated_outside_terms(
    parts: &[&str],
    pack: &LangPack,
    doc_date: Option<NaiveDate>,
    held: &[(Option<NaiveDate>, Option<NaiveDate>)],
    years: bool,
) -> Option<DateSpan> {
    let dates = named_dates(parts, pack, doc_date, years);
    if dates.iter().any(|date| within_a_term(date, held)) {
        return None;
    }
    dates.into_iter().next()
}

/// The months and days before the document date that `parts` name — with `years`,
/// also the years before the document's.
fn named_dates(
    parts: &[&str],
    pack: &LangPack,
    doc_date: Option<NaiveDate>,
    years: bool,
) -> Vec<DateSpan> {
    use crate::value::{Value, ValueKind, scan};
    let Some(doc) = doc_date else {
        return Vec::new();
    };
    let ctx = crate::value::ParseCtx::new(pack, doc_date);
    let mut dates: Vec<DateSpan> = Vec::new();
    for part in parts {
        let folded = fold_str(part);
        let found = scan(ValueKind::Date, &folded, &ctx);
        let read_years = if years {
            scan(ValueKind::Year, &folded, &ctx)
        } else {
            Vec::new()
        };
        for (range, value) in found.iter().chain(&read_years) {
            let date = match value {
                Value::Date(date) => Some(date.clone()),
                // A year inside a date read already ("im November 2016") is that date's.
                Value::Year(y)
                    if !found
                        .iter()
                        .any(|(r, _)| r.start <= range.start && range.end <= r.end) =>
                {
                    DateSpan::year(*y)
                }
                _ => None,
            };
            dates.extend(date.filter(|d| d.end < doc));
        }
    }
    dates
}

/// Whether `date` ends before each of the `held` terms begins.
fn before_every_term(date: &DateSpan, held: &[(Option<NaiveDate>, Option<NaiveDate>)]) -> bool {
    held.iter()
        .all(|&(from, _)| from.is_some_and(|f| date.end < f))
}

/// Whether `date` shares a day with one of the `held` terms.
fn within_a_term(date: &DateSpan, held: &[(Option<NaiveDate>, Option<NaiveDate>)]) -> bool {
    held.iter().any(|&(from, until)| {
        from.is_none_or(|f| f <= date.end) && until.is_none_or(|u| date.start <= u)
    })
}

/// Whether the sentence of `body` around `range` tells of a renaming or a merger
/// (a renaming word of the document's language): "the ministry was formed by
/// merging the Ministry of Agriculture with the Ministry of Natural Resources" names
/// the old bodies on purpose.
pub(crate) fn tells_of_renaming(
    body: &str,
    folded: &Folded,
    pack: Option<&LangPack>,
    range: &Range<usize>,
) -> bool {
    let Some(pack) = pack else {
        return false;
    };
    let words = words(sentence_around(body, folded, Some(pack), range).text);
    holds_any(&words, &pack.renaming_words)
}

/// The year shifts of the relative-year phrases of `sentence` ("last year" = -1),
/// except those introduced by a comparison word ("so với năm trước").
fn relative_years(sentence: &str, pack: &LangPack) -> Vec<i32> {
    let folded = fold_str(sentence);
    let mut shifts = Vec::new();
    for (phrase, shift) in &pack.relative_years {
        for (at, _) in folded.match_indices(phrase.as_str()) {
            if whole_word(&folded, at, at + phrase.len())
                && !introduced_by_comparison(&folded[..at], pack.comparison_words())
            {
                shifts.push(*shift);
            }
        }
    }
    shifts
}

/// A sentence of a document body: its original text and where that starts.
struct Sentence<'a> {
    text: &'a str,
    start: usize,
}

/// The original text of the sentence holding `range`; empty (nothing of the past),
/// starting at the name, when the sentences cannot be mapped back.
fn sentence_around<'a>(
    body: &'a str,
    folded: &Folded,
    pack: Option<&LangPack>,
    range: &Range<usize>,
) -> Sentence<'a> {
    sentence_of(folded, pack, range)
        .and_then(|s| {
            Some(Sentence {
                text: body.get(s.clone())?,
                start: s.start,
            })
        })
        .unwrap_or(Sentence {
            text: "",
            start: range.start,
        })
}

/// Characters that end a clause within a sentence.
const CLAUSE_ENDS: &[char] = &[',', ';', ':', '(', ')', '[', ']', '–', '—'];

/// Marks that open a quotation.
const QUOTATION_MARKS: &[char] = &['"', '\'', '“', '”', '„', '«', '»', '‹', '›', '‘', '‚', '「'];

/// The longest opening clause read as an adverbial of the whole sentence ("At the
/// time,", "Khi đó,", "His predecessor,"), in words.
const OPENING_ADVERBIAL_WORDS: usize = 4;

/// Words after a name within which a past marker of its clause speaks of it.
const MARKER_AFTER_NAME_WORDS: usize = 2;

/// The parts of `sentence` whose past marker speaks of the name at `name` (a range
/// within it): the name's own clause before it, and its first words after it ("the
/// then President X", "Chủ tịch Quốc hội khi đó là bà X", "Trọng khi đó"); the clause right after or before it when the name ends or opens its
/// clause, as an apposition ("X, then President,"; "The then Speaker, X,"), or when a
/// when-word opens its clause ("in June 2014, when then-President X"); and a short
/// opening clause ("At the time, …"). A marker elsewhere speaks of someone
/// else: "… bà Kim Ngân khi đó …, và Quốc hội do Chủ tịch Quốc hội Vương Đình Huệ
/// đứng đầu" still says Huệ chairs it.
fn marker_scope<'s>(sentence: &'s str, name: Range<usize>, when_words: &[String]) -> Vec<&'s str> {
    let clauses = clauses(sentence);
    let Some(own) = clauses.iter().position(|c| name.start < c.end) else {
        return vec![sentence];
    };
    let text = |r: &Range<usize>| sentence.get(r.clone()).unwrap_or("");
    let clause = &clauses[own];
    let mut parts = own_clause_parts(sentence, clause, &name).to_vec();
    let blank = |r: Range<usize>| sentence.get(r).is_none_or(|t| t.trim().is_empty());
    if blank(name.end.min(clause.end)..clause.end) {
        parts.extend(clauses.get(own + 1).map(text));
    }
    // "fell below zero in June 2014, when then-President X …": a clause a when-word
    // opens is at the time of the clause before.
    let opens_with_when = || {
        let before_name = text(&(clause.start..name.start.max(clause.start)));
        before_name
            .split_whitespace()
            .next()
            .is_some_and(|first| when_words.contains(&fold_str(first)))
    };
    if own > 0 && (blank(clause.start..name.start.max(clause.start)) || opens_with_when()) {
        parts.push(text(&clauses[own - 1]));
    }
    // A quotation that opens the sentence is what someone said, not an adverbial of
    // it ("\"Köln hat damals gelernt, …\", sagt die frühere Ministerin X").
    let opening = text(&clauses[0]);
    if own > 0
        && words(opening).len() <= OPENING_ADVERBIAL_WORDS
        && !opening.trim_start().starts_with(QUOTATION_MARKS)
    {
        parts.push(opening);
    }
    parts
}

/// The clauses of `sentence` (split at [`CLAUSE_ENDS`]), as ranges.
fn clauses(sentence: &str) -> Vec<Range<usize>> {
    let mut clauses = Vec::new();
    let mut start = 0;
    for (at, c) in sentence.match_indices(CLAUSE_ENDS) {
        clauses.push(start..at);
        start = at + c.len();
    }
    clauses.push(start..sentence.len());
    clauses
}

/// In the name's own `clause`, what stands before the name, and the words right
/// after it ("Tổng Bí thư Nguyễn Phú Trọng khi đó"): a marker further on qualifies
/// something else ("wirbt seit Jahren für Beziehungen zu den früheren
/// Sowjetrepubliken").
fn own_clause_parts<'a>(
    sentence: &'a str,
    clause: &Range<usize>,
    name: &Range<usize>,
) -> [&'a str; 2] {
    let text = |r: Range<usize>| sentence.get(r).unwrap_or("");
    let before = text(clause.start..name.start.max(clause.start));
    let after = text(name.end.min(clause.end)..clause.end);
    let right_after = after
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i > 0 && !after[..i].trim().is_empty())
        .nth(MARKER_AFTER_NAME_WORDS - 1)
        .map_or(after, |(i, _)| &after[..i]);
    [before, right_after]
}

/// The parts of the name's own clause of `sentence` (see [`own_clause_parts`]).
fn own_clause_of<'a>(sentence: &'a str, name: &Range<usize>) -> Option<[&'a str; 2]> {
    let clauses = clauses(sentence);
    let clause = clauses.iter().find(|c| name.start < c.end)?;
    Some(own_clause_parts(sentence, clause, name))
}

/// The sentence before the one holding `range`, if any.
fn previous_sentence(
    folded: &Folded,
    pack: Option<&LangPack>,
    range: &Range<usize>,
) -> Option<Range<usize>> {
    let abbreviations = pack.map_or_else(|| Abbreviations::new(&[], false), Abbreviations::of);
    let all: Vec<Range<usize>> = sentences(&folded.text, &abbreviations)
        .into_iter()
        .map(|s| folded.to_original(s))
        .collect();
    let at = all
        .iter()
        .position(|s| s.start <= range.start && range.start < s.end)?;
    all.get(at.checked_sub(1)?).cloned()
}

/// The byte range in the original body of the sentence holding `range`.
pub(crate) fn sentence_of(
    folded: &Folded,
    pack: Option<&LangPack>,
    range: &Range<usize>,
) -> Option<Range<usize>> {
    let abbreviations = pack.map_or_else(|| Abbreviations::new(&[], false), Abbreviations::of);
    sentences(&folded.text, &abbreviations)
        .into_iter()
        .map(|s| folded.to_original(s))
        .find(|s| s.start <= range.start && range.start < s.end)
}

/// The year `word` names, if it is a four-digit year.
fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse::<i32>().ok().filter(|y| YEARS.contains(y))
}

/// Whether the role was held at some time in `year`.
fn year_within(year: i32, from: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
    from.is_none_or(|f| f.year() <= year) && until.is_none_or(|u| year <= u.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    /// Whether the role (2011-01-19 – 2024-07-19) is used of the past at `name`, in
    /// a document of 2025-07-10.
    fn past(lang: &str, body: &str, name: &str) -> bool {
        past_on(lang, body, name, d(2025, 7, 10))
    }

    fn past_on(lang: &str, body: &str, name: &str, doc_date: NaiveDate) -> bool {
        let folded = fold(body);
        let start = body.find(name).expect("name in body");
        let range = start..start + name.len();
        let pack = crate::lang::pack(lang);
        let site = NameSite {
            body,
            folded: &folded,
            pack,
            range,
            doc_date: Some(doc_date),
        };
        of_the_past(&site, &[(Some(d(2011, 1, 19)), Some(d(2024, 7, 19)))])
    }

    /// A relative year resolves against the document date; the base of a
    /// comparison does not count, nor does the document's own year.
    #[test]
    fn relative_years_and_the_documents_own_year() {
        assert!(past(
            "vi",
            "Năm ngoái, Tổng Bí thư Nguyễn Phú Trọng cho biết FDI tăng.",
            "Nguyễn Phú"
        ));
        assert!(past(
            "en",
            "Last year General Secretary Nguyen Phu Trong said so.",
            "Nguyen"
        ));
        assert!(!past(
            "vi",
            "Tổng Bí thư Nguyễn Phú Trọng cho biết FDI tăng 10% so với năm trước.",
            "Nguyễn Phú"
        ));
        // Two years ago, in a document of 2026: the role had ended.
        assert!(!past_on(
            "en",
            "Last year General Secretary Nguyen Phu Trong said so.",
            "Nguyen",
            d(2026, 3, 1)
        ));
        // The document's own year, held until July: still the present.
        assert!(!past_on(
            "vi",
            "Tổng Bí thư Nguyễn Phú Trọng cho biết năm 2024 sẽ khó khăn.",
            "Nguyễn Phú",
            d(2024, 9, 1)
        ));
        assert!(past_on(
            "vi",
            "Tổng Bí thư Nguyễn Phú Trọng cho biết năm 2023 đã khó khăn.",
            "Nguyễn Phú",
            d(2024, 9, 1)
        ));
    }

    #[test]
    fn past_markers_of_each_language() {
        assert!(past(
            "en",
            "He met then-General Secretary Nguyen Phu Trong.",
            "Nguyen"
        ));
        assert!(past(
            "en",
            "Former General Secretary Nguyen Phu Trong spoke.",
            "Nguyen"
        ));
        assert!(past(
            "vi",
            "Ông gặp nguyên Tổng Bí thư Nguyễn Phú Trọng.",
            "Nguyễn Phú"
        ));
        assert!(past(
            "de",
            "Er traf den damaligen Generalsekretär Nguyễn Phú Trọng.",
            "Nguyễn"
        ));
        // "Cựu", the usual Vietnamese "former"; a predecessor; a removal from office.
        assert!(past(
            "vi",
            "Cựu Tổng Bí thư Nguyễn Phú Trọng từng thăm Seoul.",
            "Nguyễn Phú"
        ));
        assert!(past(
            "en",
            "His predecessor, General Secretary Nguyen Phu Trong, had visited.",
            "Nguyen"
        ));
        assert!(past(
            "de",
            "Der abgesetzte Generalsekretär Nguyễn Phú Trọng schwieg.",
            "Nguyễn"
        ));
    }

    /// A marker speaks of the name in its clause, in an apposition beside it, or
    /// opening the sentence; not of a name in another clause.
    #[test]
    fn a_past_marker_speaks_of_its_own_clause() {
        assert!(past(
            "en",
            "Nguyen Phu Trong, then General Secretary, received him.",
            "Nguyen Phu Trong"
        ));
        assert!(past(
            "en",
            "The then party chief, Nguyen Phu Trong, received him.",
            "Nguyen Phu Trong"
        ));
        // Not an apposition: the marker's clause ends before the name's.
        assert!(!past(
            "en",
            "Nguyen Phu Trong, then General Secretary, received him.",
            "Nguyen"
        ));
        assert!(past(
            "vi",
            "Khi đó, Tổng Bí thư Nguyễn Phú Trọng đã tiếp đoàn.",
            "Nguyễn Phú"
        ));
        assert!(past(
            "de",
            "Damals empfing Generalsekretär Nguyễn Phú Trọng die Delegation.",
            "Nguyễn"
        ));
        assert!(!past(
            "vi",
            "Ông nhắc lại chuyến thăm của Chủ tịch Quốc hội khi đó là bà Kim Ngân hồi \
             tháng 10, và cho biết Đảng, do Tổng Bí thư Nguyễn Phú Trọng đứng đầu, \
             luôn ủng hộ hợp tác.",
            "Nguyễn Phú"
        ));
        assert!(!past(
            "en",
            "Former President Nguyen Xuan Phuc attended, and General Secretary \
             Nguyen Phu Trong spoke.",
            "Nguyen Phu"
        ));
        // A marker further on in the name's clause qualifies another noun.
        assert!(!past(
            "de",
            "Vietnams Parteichef Nguyễn Phú Trọng wirbt seit Jahren für engere \
             Beziehungen zu den früheren Sowjetrepubliken.",
            "Nguyễn Phú Trọng"
        ));
        assert!(past(
            "vi",
            "Tổng Bí thư Nguyễn Phú Trọng khi đó đã tiếp Tổng thống Tokayev.",
            "Nguyễn Phú Trọng"
        ));
    }

    #[test]
    fn a_year_of_the_role_in_the_sentence() {
        assert!(past(
            "vi",
            "Chủ tịch nước Võ Văn Thưởng thăm Nhật Bản vào cuối tháng 11/2023.",
            "Võ"
        ));
        assert!(past(
            "en",
            "In August 2023 General Secretary Nguyen Phu Trong received him.",
            "Nguyen"
        ));
    }

    #[test]
    fn present_tense_copy_stays_a_conflict() {
        // A year outside the role, or in another sentence, does not help.
        assert!(!past(
            "en",
            "General Secretary Nguyen Phu Trong arrived in Astana on May 5, 2025.",
            "Nguyen"
        ));
        assert!(!past(
            "en",
            "That was in 2023. Today General Secretary Nguyen Phu Trong speaks.",
            "Nguyen"
        ));
        // Folding would read the surname as the marker "nguyên".
        assert!(!past(
            "vi",
            "Tổng Bí thư Nguyễn Phú Trọng phát biểu hôm nay.",
            "Nguyễn"
        ));
        // "then" inside another word is not the marker.
        assert!(!past(
            "en",
            "Athens hosted General Secretary Nguyen Phu Trong.",
            "Nguyen"
        ));
    }
}
