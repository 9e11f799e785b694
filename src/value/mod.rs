//! Value reading: money, numbers, percents, changes, counts, years, periods, dates.
//!
//! Everything runs on folded text (see [`crate::fold`]). The shapes a value may be
//! written in are *templates* in the language packs (see [`template`] for the syntax),
//! compiled once per pack into
//! - a non-capturing regex [`fragment`] per kind, to embed in larger patterns;
//! - anchored capturing regexes used by [`parse`] on the exact text a fragment matched.
//!
//! [`scan`] finds values in running text and rejects matches glued to other digits or
//! words (`COVID-19`, `v1.2.3`, `1-0`, phone numbers, English `1,5`);
//! [`parse_any`] picks the longest value of any kind (ties broken by kind order).
//!
//! Interval semantics: a bare number stands for its rounding interval (for money and
//! plain numbers an integer's trailing zeros are not significant: "800 million" =
//! [750, 850] million; for percents and changes they are: "10%" = [9.5, 10.5]); a hedge
//! replaces it (see [`Hedge::interval`]); counts of years are exact.

pub mod calendar;
pub mod date;
pub mod interval;
pub mod measure;
pub mod money;
pub mod number;
pub mod percent;
pub mod period;
pub mod quantity;
pub mod template;

use std::fmt;
use std::ops::Range;

use chrono::NaiveDate;
use regex::Captures;
use serde::Serialize;

pub use date::{DatePrecision, DateSpan};
pub use interval::{Hedge, HedgeWidths, Interval, Quantity};
pub use period::Period;

use crate::fold::Folded;
use crate::lang::LangPack;
use template::{NEVER, Tag};

/// The kinds of values a claim placeholder can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ValueKind {
    /// An amount of money with a currency.
    Money,
    /// A plain number.
    Number,
    /// An amount with a unit of measure ("4.400 MW"), in the unit's base.
    Measure,
    /// A percentage.
    Percent,
    /// A signed percent change.
    Change,
    /// A duration in years.
    Count,
    /// A calendar year.
    Year,
    /// A reporting period (quarter, half, first N months, year).
    Period,
    /// A date (day or month precision).
    Date,
    /// A range of days.
    DateRange,
    /// A span of years.
    YearSpan,
    /// An ordinal number.
    Ordinal,
    /// A place in a ranking ("fourth-largest", "lớn thứ ba", "viertgrößter"), or the
    /// top places ("top three"): a number of places counted from 1.
    Rank,
}

/// The order [`parse_any`] tries kinds in (ties in match length go to the earlier kind:
/// "-3%" read alone is a change, not a rate below zero).
pub const KIND_ORDER: [ValueKind; 13] = [
    ValueKind::DateRange,
    ValueKind::Date,
    ValueKind::Money,
    ValueKind::Measure,
    ValueKind::Change,
    ValueKind::Percent,
    ValueKind::YearSpan,
    ValueKind::Period,
    ValueKind::Count,
    ValueKind::Ordinal,
    ValueKind::Rank,
    ValueKind::Year,
    ValueKind::Number,
];

impl ValueKind {
    /// The kind named by a claim placeholder (`"money"`, `"daterange"`, ...).
    pub fn from_placeholder(name: &str) -> Option<Self> {
        KIND_ORDER.iter().copied().find(|k| k.placeholder() == name)
    }

    /// Whether a value of the kind places something in time: a date, a range of
    /// dates, a year or a period.
    pub(crate) fn names_a_time(self) -> bool {
        matches!(
            self,
            ValueKind::Date | ValueKind::DateRange | ValueKind::Year | ValueKind::Period
        )
    }

    /// The placeholder name of the kind.
    pub fn placeholder(&self) -> &'static str {
        match self {
            ValueKind::Money => "money",
            ValueKind::Number => "number",
            ValueKind::Measure => "measure",
            ValueKind::Percent => "percent",
            ValueKind::Change => "change",
            ValueKind::Count => "count",
            ValueKind::Year => "year",
            ValueKind::Period => "period",
            ValueKind::Date => "date",
            ValueKind::DateRange => "daterange",
            ValueKind::YearSpan => "yearspan",
            ValueKind::Ordinal => "ordinal",
            ValueKind::Rank => "rank",
        }
    }
}

/// A value read from text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Value {
    /// Money; `unit` is the ISO currency code.
    Money(Quantity),
    /// A plain number.
    Number(Quantity),
    /// A measure, in the base unit of its quantity (`unit` = `"W"`, `"Wh"`, `"m"`,
    /// …): "4,4 GW" → nominal 4.4e9.
    Measure(Quantity),
    /// A percentage: "99%" → nominal 99, interval [98.5, 99.5].
    Percent(Quantity),
    /// A signed percent change: "giảm 6,3%" → −6.3, interval [−6.35, −6.25].
    Change(Quantity),
    /// A duration in years (`unit` = `"year"`), exact unless hedged.
    Count(Quantity),
    /// A calendar year.
    Year(i32),
    /// A reporting period.
    Period(Period),
    /// A date.
    Date(DateSpan),
    /// A range of days.
    DateRange(DateSpan),
    /// A span of years.
    YearSpan {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    },
    /// An ordinal.
    Ordinal(u32),
    /// A place in a ranking (`unit` = `"rank"`): "fourth-largest" → [4, 4], "top
    /// three" → [1, 3].
    Rank(Quantity),
}

impl Value {
    /// The kind of the value.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Money(_) => ValueKind::Money,
            Value::Number(_) => ValueKind::Number,
            Value::Measure(_) => ValueKind::Measure,
            Value::Percent(_) => ValueKind::Percent,
            Value::Change(_) => ValueKind::Change,
            Value::Count(_) => ValueKind::Count,
            Value::Year(_) => ValueKind::Year,
            Value::Period(_) => ValueKind::Period,
            Value::Date(_) => ValueKind::Date,
            Value::DateRange(_) => ValueKind::DateRange,
            Value::YearSpan { .. } => ValueKind::YearSpan,
            Value::Ordinal(_) => ValueKind::Ordinal,
            Value::Rank(_) => ValueKind::Rank,
        }
    }

    /// The quantity of a quantity-valued kind.
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Value::Money(q)
            | Value::Number(q)
            | Value::Measure(q)
            | Value::Percent(q)
            | Value::Change(q)
            | Value::Count(q)
            | Value::Rank(q) => Some(q),
            _ => None,
        }
    }
}

/// Context for parsing: the language pack and the document date (for relative dates).
#[derive(Debug, Clone, Copy)]
pub struct ParseCtx<'a> {
    /// The language pack of the text.
    pub pack: &'a LangPack,
    /// The document's date, if known.
    pub doc_date: Option<NaiveDate>,
    /// Whether a bare figure stands for its rounding interval ("800" is 750–850):
    /// true unless the claim says its figures are never rounded (`rounded = false`),
    /// when the figure's trailing zeros count ("10 stations" is 9.5–10.5).
    pub rounded: bool,
    /// Whether a bare figure is exactly the value written ("5%" is 5%, not 4.5–5.5%):
    /// a claim's `exact = true`, for figures that are set, not measured (policy
    /// rates, fees). Hedges still widen it.
    pub exact: bool,
    /// The shares hedges widen a figure by (a claim's `hedges`).
    pub hedges: HedgeWidths,
    /// The document the scanned text was folded from, when known: a hedge word is
    /// then read only where it is written as the pack writes it (or without
    /// diacritics).
    pub written: Option<Written<'a>>,
}

/// A document's text and its folded form: what a word of folded text was written as.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    /// The document's text.
    pub original: &'a str,
    /// Its folded text, with the map back to `original`.
    pub folded: &'a Folded,
    /// Whether copy of its language is at times typed without diacritics (the
    /// pack's `typed_without_diacritics`): only then may a word without them stand
    /// for one with them.
    pub typed_plain: bool,
}

impl<'a> Written<'a> {
    /// The original text of `part[range]`, when `part` is a slice of the folded text
    /// (scans run on slices of it: a sentence, a clause); `None` for other text.
    fn of(&self, part: &str, range: Range<usize>) -> Option<&'a str> {
        let whole = self.folded.text.as_str();
        let at = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
        if at + range.end > whole.len() || range.end > part.len() {
            return None;
        }
        self.original
            .get(self.folded.to_original(at + range.start..at + range.end))
    }

    /// Whether the word at `part[range]`, which folds to `word`, is written as one of
    /// `spellings` (a pack's words in lower case) that fold to it, or without
    /// diacritics in text typed without any; true for text not folded from the
    /// document.
    pub(crate) fn spells(
        &self,
        part: &str,
        range: Range<usize>,
        word: &str,
        spellings: &[String],
    ) -> bool {
        let Some(as_written) = self.of(part, range.clone()) else {
            return true;
        };
        let plain = self.plain_around(part, range);
        spellings.iter().any(|listed| {
            crate::fold::fold_str(listed) == word
                && crate::names::word_spelled_alike(as_written, listed, plain)
        })
    }

    /// Whether the original text around `part[range]` (a few words either side) is
    /// written without diacritics, as text typed on a plain keyboard is: there a word
    /// without them may stand for one with them.
    fn plain_around(&self, part: &str, range: Range<usize>) -> bool {
        self.plain_within(part, range, 48)
    }

    /// Whether the original text within `reach` bytes either side of `part[range]`
    /// is written without diacritics (see [`Written::plain_around`]).
    pub(crate) fn plain_within(&self, part: &str, range: Range<usize>, reach: usize) -> bool {
        if !self.typed_plain {
            return false;
        }
        let whole = self.folded.text.as_str();
        let at = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
        let start = (at + range.start).saturating_sub(reach);
        let end = (at + range.end + reach).min(whole.len());
        let around = self.folded.to_original(start..end);
        self.original
            .get(around)
            .is_none_or(|text| !text.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
    }
}

impl<'a> ParseCtx<'a> {
    /// The context of text in `pack`'s language dated `doc_date`, figures rounded,
    /// hedges of the default widths.
    pub fn new(pack: &'a LangPack, doc_date: Option<NaiveDate>) -> Self {
        ParseCtx {
            pack,
            doc_date,
            rounded: true,
            exact: false,
            hedges: HedgeWidths::default(),
            written: None,
        }
    }
}

/// Why a value could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ValueError {}

pub(crate) fn cap<'h>(caps: &Captures<'h>, name: &str) -> Option<&'h str> {
    caps.name(name).map(|m| m.as_str())
}

pub(crate) fn lookup<T: Clone>(list: &[(String, T)], key: &str) -> Option<T> {
    list.iter().find(|(w, _)| w == key).map(|(_, v)| v.clone())
}

fn is_doc_date_error(e: &ValueError) -> bool {
    e.message.starts_with("needs the document date")
}

/// Keeps the more informative of two errors (document-date errors win).
fn keep_error(slot: &mut Option<ValueError>, e: ValueError) {
    match slot {
        Some(old) if is_doc_date_error(old) || !is_doc_date_error(&e) => {}
        _ => *slot = Some(e),
    }
}

/// Regex source matching one value of `kind` as written in `pack`'s language, on folded
/// text, hedge words and currency included. It has no capturing groups and no anchors.
pub fn fragment(kind: ValueKind, pack: &LangPack) -> &str {
    pack.compiled
        .get(kind)
        .map_or(NEVER, |t| t.fragment.as_str())
}

/// Reads one template match; `negative` is the direction of a change whose text
/// gives none.
fn assemble(
    kind: ValueKind,
    tag: Tag,
    caps: &Captures,
    ctx: &ParseCtx,
    negative: Option<bool>,
) -> Result<Value, ValueError> {
    let pack = ctx.pack;
    match kind {
        ValueKind::Money => money::money(caps, pack, !ctx.rounded),
        ValueKind::Number => money::number(caps, pack, !ctx.rounded),
        ValueKind::Measure => measure::measure(caps, pack, !ctx.rounded),
        ValueKind::Percent => percent::percent(caps, pack),
        ValueKind::Change => percent::change(caps, pack, negative),
        ValueKind::Count => quantity::count(caps, pack),
        ValueKind::Year => quantity::year(caps),
        ValueKind::YearSpan => quantity::year_span(caps),
        ValueKind::Ordinal => quantity::ordinal(caps, pack),
        ValueKind::Rank => quantity::rank(tag, caps, pack),
        ValueKind::Date => date::date(caps, pack, ctx),
        ValueKind::DateRange => date::date_range(caps, pack, ctx),
        ValueKind::Period => period::period(tag, caps, pack, ctx),
    }
}

/// Parses the exact folded text a `fragment(kind, pack)` match produced.
pub fn parse(kind: ValueKind, folded: &str, ctx: &ParseCtx) -> Result<Value, ValueError> {
    parse_in(kind, folded, ctx, None)
}

/// Parses a change written without its direction ("um 2,9 Prozent"), whose direction
/// its clause gives ("Der Handel stieg 2024 um 2,9 Prozent"): decrease if `negative`.
pub fn parse_change_in_direction(
    folded: &str,
    ctx: &ParseCtx,
    negative: bool,
) -> Result<Value, ValueError> {
    parse_in(ValueKind::Change, folded, ctx, Some(negative))
}

impl ValueError {
    /// Whether this is a change that failed for want of a direction only.
    pub(crate) fn needs_direction(&self) -> bool {
        self.message == percent::NO_DIRECTION
    }
}

fn parse_in(
    kind: ValueKind,
    folded: &str,
    ctx: &ParseCtx,
    negative: Option<bool>,
) -> Result<Value, ValueError> {
    let text = folded.trim();
    let Some(templates) = ctx.pack.compiled.get(kind) else {
        return Err(ValueError {
            message: format!(
                "language {:?} has no {} templates",
                ctx.pack.code,
                kind.placeholder()
            ),
        });
    };
    let mut error = None;
    for (tag, re) in &templates.parsers {
        if let Some(caps) = re.captures(text) {
            match assemble(kind, *tag, &caps, ctx, negative) {
                Ok(v) => {
                    let v = if ctx.hedges == HedgeWidths::default() {
                        v
                    } else {
                        with_hedge_widths(v, &ctx.hedges)
                    };
                    let v = if ctx.exact { as_written_exactly(v) } else { v };
                    // "minus 0,5 Prozent", "-0.5%": the hedge keeps its sense on the
                    // figure as written, below zero.
                    return Ok(match caps.name("minus") {
                        Some(_) => below_zero(v),
                        None => v,
                    });
                }
                Err(e) => keep_error(&mut error, e),
            }
        }
    }
    Err(error.unwrap_or_else(|| ValueError {
        message: format!("{text:?} is not a {} value", kind.placeholder()),
    }))
}

/// `value` below zero when a minus stands right before it in `text` and the value
/// did not read one itself: a pattern such as `-?{percent}` or `(?:minus )?{percent}`
/// takes the sign outside its placeholder ("stood at -0.5%").
pub(crate) fn with_minus_before(value: Value, text: &str, at: usize, pack: &LangPack) -> Value {
    let before = text.get(..at).unwrap_or("");
    let sign = before.strip_suffix('-').is_some_and(|rest| {
        !rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '-')
    });
    let word = || follows_one_of(before, &pack.minus_words);
    let positive = |q: &Quantity| q.nominal > 0.0;
    let unsigned = match &value {
        Value::Money(q) | Value::Number(q) | Value::Measure(q) | Value::Percent(q) => positive(q),
        _ => false,
    };
    if unsigned && (sign || word()) {
        below_zero(value)
    } else {
        value
    }
}

/// `value`, when it is a bare figure (no hedge, no range), as exactly the value
/// written: its interval the one point.
fn as_written_exactly(value: Value) -> Value {
    let exactly = |q: Quantity| match q.hedge {
        Hedge::None => Quantity {
            interval: Interval::point(q.nominal),
            ..q
        },
        _ => q,
    };
    match value {
        Value::Money(q) => Value::Money(exactly(q)),
        Value::Number(q) => Value::Number(exactly(q)),
        Value::Measure(q) => Value::Measure(exactly(q)),
        Value::Percent(q) => Value::Percent(exactly(q)),
        Value::Change(q) => Value::Change(exactly(q)),
        other => other,
    }
}

/// `value` (a figure written with a minus) below zero.
fn below_zero(value: Value) -> Value {
    match value {
        Value::Money(q) => Value::Money(q.negated()),
        Value::Number(q) => Value::Number(q.negated()),
        Value::Measure(q) => Value::Measure(q.negated()),
        Value::Percent(q) => Value::Percent(q.negated()),
        other => other,
    }
}

/// `value` with its hedge read by `widths` (a quantity; other values as they are).
fn with_hedge_widths(value: Value, widths: &HedgeWidths) -> Value {
    match value {
        Value::Money(q) => Value::Money(q.with_hedge_widths(widths)),
        Value::Number(q) => Value::Number(q.with_hedge_widths(widths)),
        Value::Measure(q) => Value::Measure(q.with_hedge_widths(widths)),
        Value::Percent(q) => Value::Percent(q.with_hedge_widths(widths)),
        Value::Change(q) => Value::Change(q.with_hedge_widths(widths)),
        Value::Count(q) => Value::Count(q.with_hedge_widths(widths)),
        other => other,
    }
}

fn prev_chars(text: &str, at: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(..at).unwrap_or("").chars().rev();
    (it.next(), it.next())
}

fn next_chars(text: &str, at: usize) -> (Option<char>, Option<char>) {
    let mut it = text.get(at..).unwrap_or("").chars();
    (it.next(), it.next())
}

fn is_phone_byte(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b' ' | b'+' | b'(' | b')' | b'-' | b'.')
}

/// Whether the match lies inside a phone-number-like run of digit groups.
fn phone_like(text: &str, range: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let mut s = range.start.min(bytes.len());
    while s > 0 && is_phone_byte(bytes[s - 1]) {
        s -= 1;
    }
    let mut e = range.end.min(bytes.len());
    while e < bytes.len() && is_phone_byte(bytes[e]) {
        e += 1;
    }
    let run = text.get(s..e).unwrap_or("").trim();
    let groups: Vec<&str> = run
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    let matched = text
        .get(range.clone())
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if digits < 8 || matched == digits {
        return false;
    }
    run.starts_with('+')
        || run.starts_with('(')
        || groups.len() >= 4
        || groups
            .first()
            .is_some_and(|g| g.starts_with('0') && g.len() >= 2)
}

/// Whether a four-digit number (a year) follows `at` after an optional space.
fn year_follows(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let lead: String = rest.chars().take(5).collect();
    let four = lead.chars().take(4).filter(char::is_ascii_digit).count() == 4;
    four && !lead.chars().nth(4).is_some_and(|c| c.is_ascii_digit())
}

/// Whether a plain number at `range` of the folded `text` is a year after a word
/// that introduces one ("seit 2013 Pflegekräfte vermitteln", "since 2013"): four
/// digits from 1900 to 2100 written without a separator, after one of the pack's
/// `year_prepositions`.
pub(crate) fn year_after_preposition(
    kind: ValueKind,
    text: &str,
    range: &Range<usize>,
    pack: &LangPack,
) -> bool {
    let Some(written) = text.get(range.clone()) else {
        return false;
    };
    if kind != ValueKind::Number
        || written.len() != 4
        || !written.bytes().all(|b| b.is_ascii_digit())
        || !written
            .parse::<u32>()
            .is_ok_and(|n| (1900..=2100).contains(&n))
    {
        return false;
    }
    follows_one_of(
        text.get(..range.start).unwrap_or(""),
        &pack.year_prepositions,
    )
}

/// Whether `before` ends with one of `words` as a whole word (spaces after it aside).
pub(crate) fn follows_one_of(before: &str, words: &[String]) -> bool {
    let before = before.trim_end_matches(' ');
    words.iter().any(|word| {
        before
            .strip_suffix(word.as_str())
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric))
    })
}

/// Whether a count at `at` follows a month word: "tháng 9 năm sau" is September of
/// the next year, not nine years.
fn count_after_month_word(kind: ValueKind, text: &str, at: usize, pack: &LangPack) -> bool {
    if kind != ValueKind::Count {
        return false;
    }
    let before = text.get(..at).unwrap_or("").trim_end_matches(' ');
    pack.month_units.iter().any(|word| {
        before
            .strip_suffix(word.as_str())
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether a count written with the word for one ("a year", "một năm") stands right
/// after a figure: then it is a rate ("$2 billion a year", "20% a year"), not a
/// duration.
fn rate_per_unit(kind: ValueKind, text: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    if kind != ValueKind::Count {
        return false;
    }
    let matched = &text[range.clone()];
    let first = matched.split(' ').next().unwrap_or("");
    if !pack.one_words.iter().any(|w| w == first) {
        return false;
    }
    let last = word_before(text, range.start);
    last.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || pack.percent_words.iter().any(|w| w == last)
        || pack.scales.iter().any(|(w, _)| w == last)
        || pack.money_scales.iter().any(|(w, _)| w == last)
        || pack.currencies.iter().any(|(w, _)| w == last)
}

/// The word (text between spaces) that ends right before `at`, spaces skipped.
fn word_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("").trim_end();
    before.rsplit(' ').next().unwrap_or("")
}

/// Whether a count of months or days is the day of a written date: a number follows
/// it ("ngày 7 tháng 9": the seventh of September, not seven months).
fn day_of_a_date(value: &Value, text: &str, at: usize) -> bool {
    let Value::Count(q) = value else {
        return false;
    };
    let rest = text.get(at..).unwrap_or("");
    q.unit.as_deref() != Some("year")
        && rest
            .trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
}

/// Rejects matches glued to neighbouring digits or words.
fn context_ok(kind: ValueKind, text: &str, range: &Range<usize>) -> bool {
    let (prev, prevprev) = prev_chars(text, range.start);
    let (next, nextnext) = next_chars(text, range.end);
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let glue = |c: Option<char>| matches!(c, Some('-' | '.' | '/' | ',' | ':'));
    if alnum(prev) || prev == Some('+') || prev == Some('_') {
        return false;
    }
    if glue(prev) && (digit(prevprev) || (prev == Some('-') && alnum(prevprev))) {
        return false;
    }
    if glue(next) && digit(nextnext) {
        return false;
    }
    // "4.000-Megawatt-Kraftwerk", "a 519-km-long line": a measure opens a compound.
    let opens_compound = kind == ValueKind::Measure && nextnext.is_some_and(char::is_alphabetic);
    if next == Some('-') && alnum(nextnext) && !opens_compound {
        return false;
    }
    // "in June 2024": a month name read alone ("in June") when a number follows is
    // the start of a longer date, read from the month on.
    if kind == ValueKind::Date
        && text[range.clone()].ends_with(char::is_alphabetic)
        && next == Some(' ')
        && digit(nextnext)
    {
        return false;
    }
    // "Nghị định 10/2024/NĐ-CP", "Nghị quyết 41/2009/QH12": a document number, not
    // October 2024.
    if matches!(kind, ValueKind::Date | ValueKind::DateRange)
        && next == Some('/')
        && alnum(nextnext)
    {
        return false;
    }
    let percent_follows = next == Some('%') || (next == Some(' ') && nextnext == Some('%'));
    if kind == ValueKind::Number && percent_follows {
        return false;
    }
    if kind == ValueKind::Count && year_follows(text, range.end) {
        return false;
    }
    if matches!(
        kind,
        ValueKind::Number
            | ValueKind::Money
            | ValueKind::Measure
            | ValueKind::Year
            | ValueKind::Count
    ) && phone_like(text, range)
    {
        return false;
    }
    true
}

/// Whether a date or year a pattern's placeholder matched is part of a document's
/// number ("Nghị định 24/2012/NĐ-CP", "Nghị quyết 41/2009/QH12"): it names no time.
pub(crate) fn in_document_number(kind: ValueKind, text: &str, range: &Range<usize>) -> bool {
    if !kind.names_a_time() || !text[range.clone()].ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let (prev, prevprev) = prev_chars(text, range.start);
    let (next, nextnext) = next_chars(text, range.end);
    let numbered = next == Some('/') && nextnext.is_some_and(char::is_alphanumeric);
    let year_of_a_number = prev == Some('/') && prevprev.is_some_and(|c| c.is_ascii_digit());
    numbered && (kind != ValueKind::Year && kind != ValueKind::Period || year_of_a_number)
}

/// Whether a relative-year phrase that begins with the language's year word follows
/// a number: then the number counts years ("15 năm trước", fifteen years ago; "trong
/// 15 năm qua"), and the phrase is no year of its own.
fn counted_years(kind: ValueKind, text: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    if !matches!(kind, ValueKind::Period | ValueKind::Year) {
        return false;
    }
    let matched = &text[range.clone()];
    if matched.bytes().any(|b| b.is_ascii_digit()) {
        // "tháng 6 năm 2024": a year written out, not a relative phrase.
        return false;
    }
    let starts_with_year_word = pack.year_words().iter().any(|w| {
        matched
            .strip_prefix(w.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    });
    starts_with_year_word
        && text[..range.start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit())
}

/// Whether the value is a multiplier word alone, with no word for one before it: the
/// vague "hàng trăm sinh viên" (hundreds of students), "phần trăm", not 100 ("a
/// hundred students" is).
pub(crate) fn lone_multiplier(text: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    let matched = text[range.clone()].trim();
    if !pack.multipliers.iter().any(|(w, _)| w == matched) {
        return false;
    }
    let previous = word_before(text, range.start);
    !pack.one_words.iter().any(|w| w == previous)
}

/// Whether a fraction in words is no share: a half or quarter of a period ("the first
/// half of 2024", "nửa đầu năm"), of an amount ("half a million"), or of a point ("a
/// quarter point", "nửa điểm phần trăm": a change of a rate, read as such by `{change}`).
fn fraction_of_other(kind: ValueKind, text: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    if kind != ValueKind::Percent || pack.fractions.is_empty() {
        return false;
    }
    let matched = &text[range.clone()];
    if matched.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let previous = word_before(text, range.start);
    let after = text.get(range.end..).unwrap_or("").trim_start();
    let next = after.split([' ', ',', '.']).next().unwrap_or("");
    let ordinal = |word: &str| {
        pack.ordinals.iter().any(|(w, _)| w == word)
            || pack.period_ordinals.iter().any(|(w, _)| w == word)
    };
    let unit = |word: &str| {
        [&pack.year_units, &pack.month_units, &pack.day_units]
            .into_iter()
            .flatten()
            .any(|w| w == word)
    };
    let of_a_point = |rest: &str| {
        let rest = rest.trim_start_matches(['-', ' ']);
        pack.point_words
            .iter()
            .chain(&pack.basis_point_words)
            .any(|w| starts_with_word(rest, w))
    };
    ordinal(previous)
        || ordinal(next)
        || unit(next)
        || pack.one_words.iter().any(|w| w == next)
        || pack.scales.iter().any(|(w, _)| w == next)
        || of_a_point(after)
}

/// Whether `text` begins with `word` as a whole word (no letter or digit right after it).
fn starts_with_word(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// Whether a whole-month phrase that begins with the language's month word follows a
/// number: then the number counts months ("ba tháng trước", three months ago), and
/// the phrase names no month of its own.
fn counted_months(kind: ValueKind, text: &str, range: &Range<usize>, pack: &LangPack) -> bool {
    if kind != ValueKind::Date {
        return false;
    }
    let matched = &text[range.clone()];
    let starts_with_month_word = pack.month_units.iter().any(|w| {
        matched
            .strip_prefix(w.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
    });
    let last = word_before(text, range.start);
    starts_with_month_word
        && (last.ends_with(|c: char| c.is_ascii_digit())
            || (pack.number_words.iter().any(|(w, _)| w == last)
                && !pack.not_first.iter().any(|w| w == last))
            || pack.one_words.iter().any(|w| w == last))
}

fn next_boundary(text: &str, at: usize) -> usize {
    let mut i = at + 1;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

type Found = Vec<(Range<usize>, Value)>;

fn scan_inner(kind: ValueKind, folded: &str, ctx: &ParseCtx) -> (Found, Option<ValueError>) {
    let mut out = Vec::new();
    let mut error = None;
    let Some(templates) = ctx.pack.compiled.get(kind) else {
        return (out, error);
    };
    let mut pos = 0;
    while pos <= folded.len() {
        let Some(m) = templates.scan.find_at(folded, pos) else {
            break;
        };
        let range = m.range();
        if !range.is_empty()
            && context_ok(kind, folded, &range)
            && !counted_years(kind, folded, &range, ctx.pack)
            && !counted_months(kind, folded, &range, ctx.pack)
            && !fraction_of_other(kind, folded, &range, ctx.pack)
            && !lone_multiplier(folded, &range, ctx.pack)
            && !count_after_month_word(kind, folded, range.start, ctx.pack)
            && !year_after_preposition(kind, folded, &range, ctx.pack)
            && !rate_per_unit(kind, folded, &range, ctx.pack)
        {
            match parse(kind, m.as_str(), ctx) {
                Ok(v) if day_of_a_date(&v, folded, range.end) => {}
                Ok(v) if hedge_not_as_written(&v, folded, &range, ctx) => {
                    pos = next_boundary(folded, range.start);
                    continue;
                }
                Ok(v) => {
                    let start =
                        range.start + since_word_len(kind, &folded[range.clone()], ctx.pack);
                    out.push((start..range.end, v));
                }
                // A run of number words that composes no number may start a word
                // later: "sau hai năm" folds like "sáu hai năm", but "sau" is "after".
                Err(e) if starts_with_number_word(m.as_str(), ctx.pack) => {
                    keep_error(&mut error, e);
                    pos = next_boundary(folded, range.start);
                    continue;
                }
                // An invalid value ("30. Februar") must not leave a shorter reading
                // ("Februar 2024") behind: skip the whole match.
                Err(e) => keep_error(&mut error, e),
            }
            pos = range.end;
            continue;
        }
        pos = next_boundary(folded, range.start);
    }
    (out, error)
}

/// The length of the since-word a date opens with ("seit dem " of "seit dem 1. Juli"),
/// spaces included: it places the date but is not part of it, and stays before the
/// value for the checks that look for it there.
fn since_word_len(kind: ValueKind, text: &str, pack: &LangPack) -> usize {
    if kind != ValueKind::Date {
        return 0;
    }
    pack.since_words
        .iter()
        .filter(|word| {
            text.strip_prefix(word.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .map(|word| {
            let rest = &text[word.len()..];
            word.len() + rest.len() - rest.trim_start().len()
        })
        .max()
        .unwrap_or(0)
}

/// Whether the value at `range` opens with a hedge word written with other diacritics
/// than the pack's: "sử dụng 500 tỷ đồng" (used 500 billion dong) folds like "sử đúng
/// 500 tỷ đồng" (exactly), "đường sắt 67 tỷ USD" (railway) like "sát 67 tỷ" (close to).
/// The scan then reads the value from the next word on, unhedged.
fn hedge_not_as_written(value: &Value, text: &str, range: &Range<usize>, ctx: &ParseCtx) -> bool {
    let Some(written) = ctx.written else {
        return false;
    };
    if value
        .quantity()
        .is_none_or(|q| matches!(q.hedge, Hedge::None | Hedge::Range))
    {
        return false;
    }
    let opening = &text[range.clone()];
    let Some(hedge) = ctx
        .pack
        .hedges
        .iter()
        .map(|(word, _)| word.as_str())
        .filter(|word| {
            opening.strip_prefix(word).is_some_and(|rest| {
                !rest.starts_with(char::is_alphanumeric)
                    || word.ends_with(|c: char| !c.is_alphanumeric())
            })
        })
        .max_by_key(|word| word.len())
    else {
        return false;
    };
    !written.spells(
        text,
        range.start..range.start + hedge.len(),
        hedge,
        &ctx.pack.hedge_spellings,
    )
}

/// Whether `text` opens with a number word of the pack followed by more words.
fn starts_with_number_word(text: &str, pack: &LangPack) -> bool {
    text.split_once(' ')
        .is_some_and(|(first, _)| pack.number_words.iter().any(|(word, _)| word == first))
}

/// Finds all non-overlapping values of `kind` in folded text, leftmost first.
pub fn scan(kind: ValueKind, folded: &str, ctx: &ParseCtx) -> Vec<(Range<usize>, Value)> {
    scan_inner(kind, folded, ctx).0
}

/// Reads the single most specific value in `folded`: the longest first match over the
/// kinds (only `hint` when given; ties go to the earlier kind in [`KIND_ORDER`]).
pub fn parse_any(
    folded: &str,
    ctx: &ParseCtx,
    hint: Option<ValueKind>,
) -> Result<(Range<usize>, Value), ValueError> {
    let kinds: Vec<ValueKind> = match hint {
        Some(k) => vec![k],
        None => KIND_ORDER.to_vec(),
    };
    let mut best: Option<(Range<usize>, Value)> = None;
    let mut error = None;
    for kind in kinds {
        let (found, e) = scan_inner(kind, folded, ctx);
        if let Some(e) = e {
            keep_error(&mut error, e);
        }
        if let Some((r, v)) = found.into_iter().next()
            && best.as_ref().is_none_or(|(br, _)| r.len() > br.len())
        {
            best = Some((r, v));
        }
    }
    if let Some(b) = best {
        return Ok(b);
    }
    Err(match error {
        Some(e) if is_doc_date_error(&e) => e,
        _ => ValueError {
            message: match hint {
                Some(k) => format!("no {} value found in {folded:?}", k.placeholder()),
                None => format!("no value found in {folded:?}"),
            },
        },
    })
}

/// Test helpers shared by the value modules.
#[cfg(test)]
pub(crate) mod testutil {
    use super::*;
    use crate::fold::fold_str;
    use regex::Regex;

    /// Folds `input`, checks that `fragment(kind)` matches all of it and that `parse`
    /// and `parse_any(hint)` agree; returns the value.
    pub(crate) fn reads(lang: &str, kind: ValueKind, input: &str, doc: Option<&str>) -> Value {
        let pack = crate::lang::pack(lang).expect("pack");
        let doc_date = doc.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"));
        let ctx = ParseCtx::new(pack, doc_date);
        let folded = fold_str(input);
        let frag = fragment(kind, pack);
        let re = Regex::new(&format!("^(?:{frag})$")).expect("fragment compiles");
        assert!(
            re.is_match(&folded),
            "{lang} {kind:?}: fragment must match {folded:?}"
        );
        let v = parse(kind, &folded, &ctx).unwrap_or_else(|e| panic!("{lang} {folded:?}: {e}"));
        let (range, any) = parse_any(&folded, &ctx, Some(kind)).expect("parse_any");
        assert_eq!(range, 0..folded.len(), "{lang} {folded:?}");
        assert_eq!(any, v);
        v
    }

    /// The interval of a quantity value.
    pub(crate) fn interval(v: &Value) -> (f64, f64) {
        let q = v.quantity().expect("quantity");
        (q.interval.low, q.interval.high)
    }

    /// Approximate equality of interval bounds.
    pub(crate) fn approx(got: (f64, f64), want: (f64, f64)) {
        let ok = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
        assert!(
            ok(got.0, want.0) && ok(got.1, want.1),
            "{got:?} != {want:?}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::fold::fold_str;
    use crate::lang::{builtin_codes, pack};
    use regex::Regex;

    #[test]
    fn placeholders_round_trip() {
        for kind in KIND_ORDER {
            assert_eq!(ValueKind::from_placeholder(kind.placeholder()), Some(kind));
        }
        assert_eq!(ValueKind::from_placeholder("bogus"), None);
        assert_eq!(
            ValueKind::from_placeholder("daterange"),
            Some(ValueKind::DateRange)
        );
    }

    #[test]
    fn fragments_have_no_groups_and_embed() {
        for code in builtin_codes() {
            let p = pack(code).expect("pack");
            for kind in KIND_ORDER {
                let frag = fragment(kind, p);
                let re = Regex::new(frag).expect("compiles");
                assert_eq!(re.captures_len(), 1, "{code} {kind:?} has capturing groups");
                let outer = format!(r"(?P<before>\w+) (?P<v>{frag})(?: (?P<after>\w+))?");
                assert!(Regex::new(&outer).is_ok(), "{code} {kind:?} does not embed");
            }
        }
        let vi = pack("vi").expect("vi");
        let re = Regex::new(&format!(
            r"kim ngach dat (?P<v>{})",
            fragment(ValueKind::Money, vi)
        ))
        .expect("compiles");
        let folded = fold_str("Kim ngạch đạt gần 1 tỷ USD trong năm");
        let caps = re.captures(&folded).expect("match");
        assert_eq!(caps.name("v").map(|m| m.as_str()), Some("gan 1 ty usd"));
    }

    #[test]
    fn folding_makes_spellings_equivalent() {
        let plain = reads("vi", ValueKind::Money, "gần 1 tỷ USD", None);
        let bare = reads("vi", ValueKind::Money, "gan 1 ty usd", None);
        let nfd: String =
            unicode_normalization::UnicodeNormalization::nfd("gần 1 tỷ USD").collect();
        let decomposed = reads("vi", ValueKind::Money, &nfd, None);
        assert_eq!(plain, bare);
        assert_eq!(plain, decomposed);
        let eth = reads("vi", ValueKind::Money, "200 triệu Ðồng", None);
        let d = reads("vi", ValueKind::Money, "200 triệu đồng", None);
        assert_eq!(eth, d);
        let nbsp = reads("fr", ValueKind::Money, "1\u{a0}000\u{a0}000\u{a0}€", None);
        let space = reads("fr", ValueKind::Money, "1 000 000 €", None);
        assert_eq!(nbsp, space);
    }

    #[test]
    fn scan_finds_all_and_rejects_glued_numbers() {
        let p = pack("en").expect("en");
        let ctx = ParseCtx::new(p, None);
        let text = fold_str("COVID-19 cost $5 billion in 2020 and $7.5 billion in G7 states, 1-0.");
        let money = scan(ValueKind::Money, &text, &ctx);
        assert_eq!(money.len(), 2);
        let numbers: Vec<String> = scan(ValueKind::Number, &text, &ctx)
            .into_iter()
            .map(|(r, _)| text[r].to_string())
            .collect();
        // "in 2020" is a year (`year_prepositions`), not the number 2020.
        assert_eq!(numbers, vec!["5 billion", "7.5 billion"]);
    }

    #[test]
    fn parse_any_prefers_the_longest_reading() {
        let p = pack("vi").expect("vi");
        let ctx = ParseCtx::new(p, None);
        let (_, v) = parse_any("giam 6,3%", &ctx, None).expect("change");
        assert_eq!(v.kind(), ValueKind::Change);
        let (_, v) = parse_any("33 nam", &ctx, None).expect("count");
        assert_eq!(v.kind(), ValueKind::Count);
        let (_, v) = parse_any("2025", &ctx, None).expect("year");
        assert_eq!(v, Value::Year(2025));
    }

    #[test]
    fn missing_doc_date_is_reported() {
        let p = pack("en").expect("en");
        let ctx = ParseCtx::new(p, None);
        let e = parse(ValueKind::Date, "yesterday", &ctx).expect_err("needs doc date");
        assert!(e.message.starts_with("needs the document date"), "{e}");
        let e = parse_any("on monday", &ctx, None).expect_err("needs doc date");
        assert!(e.message.starts_with("needs the document date"), "{e}");
    }

    #[test]
    fn values_serialize() {
        let v = reads("en", ValueKind::Date, "June 29, 1992", None);
        let json = serde_json::to_string(&v).expect("json");
        assert!(json.contains("1992-06-29"), "{json}");
        let v = reads("en", ValueKind::Money, "$5 million", None);
        let json = serde_json::to_string(&v).expect("json");
        assert!(json.contains("USD"), "{json}");
    }
}
