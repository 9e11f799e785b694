//! Template compiler: turns a pack's value templates into regexes.
//!
//! Template syntax (the text is folded when the pack is loaded):
//! - `{name}` a placeholder (listed on `placeholder_pattern`); a trailing `2` (`{day2}`,
//!   `{mon2}`, `{year2}`, `{cur2}`) is the same placeholder captured under another name;
//!   `{cur}{amount}` written together reads a currency code against its digits
//!   ("VND81.5 trillion"); a percent template with `{num2}` reads a range ("6,5-7%");
//! - `[ ... ]` an optional part, `( a | b )` alternatives;
//! - a space matches one optional space (folded text has no whitespace runs);
//! - every other character matches itself.
//!
//! Each template compiles to an anchored capturing regex (for [`super::parse`]) and a
//! non-capturing fragment; the fragments of one kind are joined into the kind's
//! [`super::fragment`].

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use regex_syntax::hir::Hir;

use super::ValueKind;
use crate::fold::fold_str;
use crate::lang::LangPack;
use crate::lazy_regex::LazyRegex;

/// Which sub-kind a template produces (periods come in several shapes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// The kind itself.
    Plain,
    /// A quarter period.
    Quarter,
    /// A half-year period.
    Half,
    /// "The first N months" period.
    Months,
    /// A whole-year period.
    YearPeriod,
    /// The top places of a ranking ("top three", "the five largest").
    Top,
}

/// Compiled templates of one kind.
#[derive(Debug, Clone)]
pub(crate) struct KindTemplates {
    /// Non-capturing regex source matching any of the kind's templates.
    pub fragment: String,
    /// `fragment` compiled (on first use), for scanning.
    pub scan: LazyRegex,
    /// Anchored capturing regexes, in template order (compiled on first use).
    pub parsers: Vec<(Tag, LazyRegex)>,
    /// `fragment`'s syntax tree, parsed when a pattern first asks: claim patterns are
    /// assembled from it instead of parsing the fragment again in each one.
    tree: OnceLock<Option<Arc<Hir>>>,
    /// `tree` with its classes narrowed to the characters folded text holds, what
    /// claim patterns are compiled from.
    folded_tree: OnceLock<Option<Arc<Hir>>>,
    /// Literals one of which every match of `fragment` contains (the prefilter's
    /// share of a pattern's placeholder), read once from the fragment's syntax tree
    /// when a pattern first asks.
    required: OnceLock<Option<Vec<Vec<u8>>>>,
}

impl KindTemplates {
    /// Literals one of which every match of the fragment contains; `None` when
    /// there is no such set (see [`crate::extract::prefilter`]).
    pub fn required_literals(&self) -> Option<&[Vec<u8>]> {
        self.required
            .get_or_init(|| crate::extract::prefilter::required(self.syntax_tree()?))
            .as_deref()
    }

    /// The fragment's syntax tree; `None` if it does not parse (the pack's own
    /// check reports that).
    pub fn syntax_tree(&self) -> Option<&Arc<Hir>> {
        self.tree
            .get_or_init(|| crate::lazy_regex::parse(&self.fragment).ok().map(Arc::new))
            .as_ref()
    }

    /// [`KindTemplates::syntax_tree`] with its classes narrowed to the characters
    /// folded text holds (see [`crate::extract::folded_classes`]).
    pub fn folded_syntax_tree(&self) -> Option<&Arc<Hir>> {
        self.folded_tree
            .get_or_init(|| {
                let tree = self.syntax_tree()?;
                Some(Arc::new(
                    crate::extract::folded_classes::narrowed_to_folded(tree),
                ))
            })
            .as_ref()
    }
}

/// All compiled templates of a pack, by kind.
#[derive(Debug, Clone, Default)]
pub(crate) struct CompiledTemplates {
    kinds: Vec<(ValueKind, KindTemplates)>,
}

impl CompiledTemplates {
    /// Templates of `kind`, if the pack defines any.
    pub fn get(&self, kind: ValueKind) -> Option<&KindTemplates> {
        self.kinds.iter().find(|(k, _)| *k == kind).map(|(_, t)| t)
    }

    /// Compiles every regex now: the first one that fails (only compiling finds a
    /// regex too large; the syntax was checked when the templates were read).
    pub fn compile_all(&self) -> Result<(), TemplateError> {
        for (kind, templates) in &self.kinds {
            let parsers = templates.parsers.iter().map(|(_, re)| re);
            for regex in std::iter::once(&templates.scan).chain(parsers) {
                regex.compile().map_err(|e| TemplateError {
                    message: format!("{} templates: {e}", kind.placeholder()),
                    source: kind.placeholder().to_string(),
                })?;
            }
        }
        Ok(())
    }
}

/// A pattern that never matches.
pub(crate) const NEVER: &str = r"(?:\b\B)";

fn table_key(key: &str) -> Option<(ValueKind, Tag)> {
    Some(match key {
        "period_quarter" => (ValueKind::Period, Tag::Quarter),
        "period_half" => (ValueKind::Period, Tag::Half),
        "period_months" => (ValueKind::Period, Tag::Months),
        "period_year" => (ValueKind::Period, Tag::YearPeriod),
        "rank_top" => (ValueKind::Rank, Tag::Top),
        "period" => return None,
        other => (ValueKind::from_placeholder(other)?, Tag::Plain),
    })
}

/// A template that does not compile.
#[derive(Debug, Clone)]
pub(crate) struct TemplateError {
    /// What is wrong.
    pub message: String,
    /// The offending template or table name, as written in the pack.
    pub source: String,
}

/// Compiles every template table of a pack. The regexes of a `trusted` pack (a
/// built-in one: a test compiles them all) are not parsed now; the others' syntax
/// is checked.
pub(crate) fn compile_pack_templates(
    pack: &LangPack,
    tables: &BTreeMap<String, Vec<String>>,
    trusted: bool,
) -> Result<CompiledTemplates, TemplateError> {
    let regex = |source: String| match trusted {
        true => Ok(LazyRegex::unchecked(source)),
        false => LazyRegex::new(source),
    };
    let mut grouped: Vec<(ValueKind, Vec<(Tag, String)>)> = Vec::new();
    for (key, templates) in tables {
        let Some((kind, tag)) = table_key(key) else {
            return Err(TemplateError {
                message: format!("unknown template table {key:?}"),
                source: key.clone(),
            });
        };
        let entry = match grouped.iter_mut().find(|(k, _)| *k == kind) {
            Some(e) => e,
            None => {
                grouped.push((kind, Vec::new()));
                let last = grouped.len() - 1;
                &mut grouped[last]
            }
        };
        for t in templates {
            entry.1.push((tag, t.clone()));
        }
    }
    let mut kinds = Vec::new();
    for (kind, templates) in grouped {
        let mut alternatives = Vec::new();
        let mut parsers = Vec::new();
        for (tag, template) in &templates {
            let folded = fold_str(template);
            let fail = |e: String| TemplateError {
                message: format!("template {template:?}: {e}"),
                source: template.clone(),
            };
            let (frag, capture) = compile_one(pack, kind, &folded).map_err(fail)?;
            let anchored = regex(format!("^(?:{capture})$")).map_err(|e| fail(e.to_string()))?;
            alternatives.push(frag);
            parsers.push((*tag, anchored));
        }
        let fragment = if alternatives.is_empty() {
            NEVER.to_string()
        } else {
            format!("(?:{})", alternatives.join("|"))
        };
        let scan = regex(fragment.clone()).map_err(|e| TemplateError {
            message: format!("{} templates: {e}", kind.placeholder()),
            source: kind.placeholder().to_string(),
        })?;
        kinds.push((
            kind,
            KindTemplates {
                fragment,
                scan,
                parsers,
                tree: OnceLock::new(),
                folded_tree: OnceLock::new(),
                required: OnceLock::new(),
            },
        ));
    }
    Ok(CompiledTemplates { kinds })
}

/// Compiles one folded template into `(fragment, capturing source)`.
fn compile_one(
    pack: &LangPack,
    kind: ValueKind,
    template: &str,
) -> Result<(String, String), String> {
    let mut frag = String::new();
    let mut cap = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut depth_sq = 0i32;
    let mut depth_par = 0i32;
    let all: Vec<char> = template.chars().collect();
    let mut chars = template.chars().peekable();
    let mut index = 0usize;
    while let Some(c) = chars.next() {
        let at = index;
        index += 1;
        match c {
            '{' => {
                let mut name = String::new();
                loop {
                    index += 1;
                    match chars.next() {
                        Some('}') => break,
                        Some(ch) if ch.is_ascii_alphanumeric() || ch == '_' => name.push(ch),
                        _ => return Err(format!("bad placeholder near {name:?}")),
                    }
                }
                let base = name.strip_suffix('2').unwrap_or(&name);
                // "{cur}{amount}": a currency code written against its digits
                // ("VND81.5 trillion"), with no word boundary between them.
                let glued_after = chars.peek() == Some(&'{');
                let glued_before = at.checked_sub(1).and_then(|i| all.get(i)) == Some(&'}');
                let pat = match base {
                    "cur" if glued_after => Some(glued_currency(pack)),
                    "amount" if glued_before => Some(glued_amount(pack, kind)),
                    // "{rpre}{sup}": German writes the place and the superlative as
                    // one word ("viertgrößter").
                    "sup" if glued_before => Some(words_re_edges(
                        pack.rank_superlatives.iter().map(String::as_str),
                        false,
                        true,
                    )),
                    _ => placeholder_pattern(pack, kind, base),
                };
                let Some(pat) = pat else {
                    return Err(format!("unknown placeholder {{{name}}}"));
                };
                if seen.contains(&name) {
                    return Err(format!("placeholder {{{name}}} used twice"));
                }
                seen.push(name.clone());
                frag.push_str(&format!("(?:{pat})"));
                cap.push_str(&format!("(?P<{name}>{pat})"));
            }
            '[' => {
                depth_sq += 1;
                frag.push_str("(?:");
                cap.push_str("(?:");
            }
            ']' => {
                depth_sq -= 1;
                frag.push_str(")?");
                cap.push_str(")?");
            }
            '(' => {
                depth_par += 1;
                frag.push_str("(?:");
                cap.push_str("(?:");
            }
            ')' => {
                depth_par -= 1;
                frag.push(')');
                cap.push(')');
            }
            '|' => {
                frag.push('|');
                cap.push('|');
            }
            ' ' | '\n' => {
                frag.push_str(" ?");
                cap.push_str(" ?");
            }
            // "{weekday} \\({day}/{mon}\\)": a bracket written as text.
            '\\' => {
                let Some(next) = chars.next() else {
                    return Err("a template ends in a backslash".into());
                };
                index += 1;
                let esc = regex::escape(&next.to_string());
                frag.push_str(&esc);
                cap.push_str(&esc);
            }
            other => {
                let mut esc = String::new();
                let word = is_word_char(other);
                let prev = at.checked_sub(1).and_then(|i| all.get(i)).copied();
                let next = all.get(at + 1).copied();
                if word && !prev.is_some_and(|p| is_word_char(p) || p == '}') {
                    esc.push_str(r"\b");
                }
                esc.push_str(&regex::escape(&other.to_string()));
                if word && !next.is_some_and(|n| is_word_char(n) || n == '{') {
                    esc.push_str(r"\b");
                }
                frag.push_str(&esc);
                cap.push_str(&esc);
            }
        }
        if depth_sq < 0 || depth_par < 0 {
            return Err("unbalanced brackets".into());
        }
    }
    if depth_sq != 0 || depth_par != 0 {
        return Err("unbalanced brackets".into());
    }
    if seen.is_empty() {
        return Err("a template needs at least one placeholder".into());
    }
    let carriers = value_placeholders(kind);
    let carries = |name: &String| carriers.contains(&name.strip_suffix('2').unwrap_or(name));
    if !seen.iter().any(carries) {
        let names: Vec<String> = carriers.iter().map(|n| format!("{{{n}}}")).collect();
        return Err(format!(
            "a {} template reads its value from {}: this one has none of them, so it \
             would match and read nothing",
            kind.placeholder(),
            names.join(", ")
        ));
    }
    Ok((frag, cap))
}

/// The placeholders the reader of a `kind` value takes the value from (see
/// `assemble` in the value module and the readers it calls): a template needs one.
/// The others ({hedge}, {cur}, {unit}, {dir} …) only qualify it.
fn value_placeholders(kind: ValueKind) -> &'static [&'static str] {
    match kind {
        ValueKind::Money | ValueKind::Measure => &["amount"],
        ValueKind::Number => &["amount", "num"],
        ValueKind::Percent | ValueKind::Change => &["frac", "num", "amount"],
        ValueKind::Count => &["duration", "one", "num", "int"],
        ValueKind::Year | ValueKind::YearSpan => &["year"],
        ValueKind::Ordinal => &["ord", "first", "int", "num"],
        ValueKind::Rank => &["rpre", "ord", "int", "sup"],
        ValueKind::Date => &[
            "day", "mon", "month", "monum", "year", "season", "part", "weekday", "relday",
            "relmonth", "relyear", "calmonth", "ago",
        ],
        ValueKind::DateRange => &["day"],
        ValueKind::Period => &["year", "relyear", "q", "h", "pord", "int"],
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Alternation of literal words, longest first, with `\b` where a word edge is a word char.
///
/// Consecutive words with the same boundaries share them (`\b(?:ungefahr|etwa)\b`
/// rather than `\bungefahr\b|\betwa\b`, `(?:millionen|million)\b`): the same matches in
/// the same order of preference, but a backtracking capture search tests each
/// boundary once instead of once per word (Unicode `\b` tests were a fifth of its
/// cost).
pub(crate) fn words_re<'a>(
    words: impl IntoIterator<Item = &'a str>,
    lead_boundary: bool,
) -> String {
    words_re_edges(words, lead_boundary, true)
}

/// [`words_re`], with `\b` after a word only where `trail_boundary` allows it.
fn words_re_edges<'a>(
    words: impl IntoIterator<Item = &'a str>,
    lead_boundary: bool,
    trail_boundary: bool,
) -> String {
    let mut list: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
    if list.is_empty() {
        return NEVER.to_string();
    }
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    list.dedup();
    let edges = |word: &str| {
        (
            lead_boundary && word.chars().next().is_some_and(is_word_char),
            trail_boundary && word.chars().last().is_some_and(is_word_char),
        )
    };
    let mut alts: Vec<String> = Vec::new();
    for run in list.chunk_by(|a, b| edges(a) == edges(b)) {
        let (lead, trail) = edges(run[0]);
        let lead = if lead { r"\b" } else { "" };
        let trail = if trail { r"\b" } else { "" };
        let escaped: Vec<String> = run.iter().map(|w| regex::escape(w)).collect();
        match escaped.as_slice() {
            [word] => alts.push(format!("{lead}{word}{trail}")),
            words => alts.push(format!("{lead}(?:{}){trail}", words.join("|"))),
        }
    }
    format!("(?:{})", alts.join("|"))
}

/// Bare alternation (no boundaries), longest first; may contain the empty string.
fn bare_alt<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut list: Vec<&str> = words.into_iter().collect();
    list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    list.dedup();
    if list.is_empty() {
        return NEVER.to_string();
    }
    let alts: Vec<String> = list.iter().map(|w| regex::escape(w)).collect();
    format!("(?:{})", alts.join("|"))
}

fn char_class(chars: &[char]) -> String {
    let mut s = String::from("[");
    for c in chars {
        s.push_str(&regex::escape(&c.to_string()));
    }
    s.push(']');
    s
}

/// Digits with the pack's separators (no trailing boundary). Digits are ASCII, as
/// the value parser reads them (a Unicode `\d` also made every claim regex a third
/// larger, and resolving its groups cost in proportion).
pub(crate) fn digits_core(pack: &LangPack) -> String {
    format!(r"\b{}", digits_alternatives(pack))
}

/// [`digits_core`] without the boundary before it.
fn digits_alternatives(pack: &LangPack) -> String {
    let mut alts = Vec::new();
    if !pack.group.is_empty() {
        alts.push(format!(
            r"[0-9]{{1,3}}(?:{}[0-9]{{3}})+(?:{}[0-9]+)?",
            char_class(&pack.group),
            char_class(&pack.decimal)
        ));
    }
    let mut dec: Vec<char> = pack.decimal.clone();
    dec.extend(pack.ambiguous_group.iter().copied());
    alts.push(format!(r"[0-9]+{}[0-9]+", char_class(&dec)));
    alts.push(r"[0-9]+".to_string());
    format!(r"(?:{})", alts.join("|"))
}

/// The currency words that end in a letter, without a boundary after them: the
/// `{cur}` of `{cur}{amount}` ("VND81.5 trillion").
fn glued_currency(pack: &LangPack) -> String {
    let words = pack
        .currencies
        .iter()
        .map(|(word, _)| word.as_str())
        .filter(|word| word.chars().last().is_some_and(is_word_char));
    words_re_edges(words, true, false)
}

/// Digits, with an optional scale word, without a boundary before them: the
/// `{amount}` of `{cur}{amount}`.
fn glued_amount(pack: &LangPack, kind: ValueKind) -> String {
    let digits = digits_alternatives(pack);
    let scales = scale_words(pack, kind == ValueKind::Money);
    format!(r"(?:{digits} ?{scales}|{digits}\b)")
}

/// Number written in words (`restricted`: at least two tokens).
fn word_number(pack: &LangPack, restricted: bool) -> String {
    if pack.number_words.is_empty() {
        return NEVER.to_string();
    }
    // Number words and multipliers, but those of `skip`.
    let words_but = |skip: &[&[String]]| {
        bare_alt(
            pack.number_words
                .iter()
                .map(|(w, _)| w.as_str())
                .chain(pack.multipliers.iter().map(|(w, _)| w.as_str()))
                .filter(|w| !skip.iter().any(|list| list.iter().any(|n| n == w))),
        )
    };
    let tokens = words_but(&[]);
    let first = words_but(&[&pack.not_first]);
    let joiners = bare_alt(pack.joiners.iter().map(String::as_str));
    if restricted {
        return format!(r"\b{first}(?:{joiners}{tokens})+\b");
    }
    if pack.not_alone.is_empty() {
        return format!(r"\b{first}(?:{joiners}{tokens})*\b");
    }
    // A word of `not_alone` only starts a longer number ("einundzwanzig").
    let alone = words_but(&[&pack.not_first, &pack.not_alone]);
    format!(r"\b(?:{first}(?:{joiners}{tokens})+|{alone})\b")
}

fn scale_words(pack: &LangPack, money: bool) -> String {
    let mut words: Vec<&str> = pack.scales.iter().map(|(w, _)| w.as_str()).collect();
    if money {
        words.extend(pack.money_scales.iter().map(|(w, _)| w.as_str()));
    }
    words_re(words, false)
}

/// The regex source of a placeholder, or `None` if the name is unknown.
///
/// Placeholders: `hedge`, `cur`, `unit` (a unit of measure), `timeunit` (a unit of
/// time: seconds, minutes, hours), `pct`, `dir` (increase/decrease word), `yearunit`,
/// `decadeunit`, `monthunit`, `weekunit`, `dayunit` (duration units), `andhalf` (half a
/// unit more: "and a half", "rưỡi"), `duration` (a duration in fixed words: "half a century"),
/// `month` (name), `mon` (number or name), `monum` (number only), `day`, `year`, `weekday`, `daypart`,
/// `relday`, `relyear`, `relmonth` (a word placing a month: "last"), `calmonth` (a whole month from the
/// document's: "last month"), `since` (a word placing a date on or before the document's: "since"), `part` (a third of a month or year: "late", "Ende", "cuối"), `frac` (a fraction in words: "two-thirds"), `ord` (ordinal word or digits + suffix), `pord` (period
/// ordinal), `sup` (superlative of a ranking), `rpre` (place written before a
/// superlative in one word: German "viert-"), `top` ("top" of "top three"), `q` (quarter 1-4 / I-IV), `h` (half 1-2), `sign` (`+`/`-`), `int` (small
/// integer in digits or words; `ago`: the same, a number of years before the document
/// date), `num` (number without scale), `amount` (number with an
/// optional scale word; money templates also admit the money-only abbreviations).
pub(crate) fn placeholder_pattern(pack: &LangPack, kind: ValueKind, name: &str) -> Option<String> {
    fn kw<T>(v: &[(String, T)]) -> Vec<&str> {
        v.iter().map(|(w, _)| w.as_str()).collect()
    }
    Some(match name {
        "hedge" => words_re(kw(&pack.hedges), true),
        "cur" => words_re(kw(&pack.currencies), true),
        "unit" => words_re(kw(&pack.units), true),
        // The pack's words for units of time ("hours", "phút"), for the smaller part
        // of a compound duration ("7 days and 22 hours", "1 giờ 48 phút").
        "timeunit" => words_re(
            pack.units
                .iter()
                .filter(|(_, symbol)| super::measure::is_time(symbol))
                .map(|(w, _)| w.as_str()),
            true,
        ),
        // A change may be in percentage points ("rose 0.3 percentage points").
        "pct" if kind == ValueKind::Change => words_re(
            pack.percent_words
                .iter()
                .chain(&pack.point_words)
                .chain(&pack.basis_point_words)
                .map(String::as_str),
            true,
        ),
        // A figure below zero: a minus sign with no word character before it (not
        // the hyphen of "COVID-19" or of a range "3-4%"), or a minus word.
        "minus"
            if matches!(
                kind,
                ValueKind::Money | ValueKind::Number | ValueKind::Measure | ValueKind::Percent
            ) =>
        {
            if pack.minus_words.is_empty() {
                r"\B-".to_string()
            } else {
                format!(
                    r"(?:\B-|{} ?)",
                    words_re(pack.minus_words.iter().map(String::as_str), true)
                )
            }
        }
        "pct" => words_re(pack.percent_words.iter().map(String::as_str), true),
        "dir" => words_re(
            pack.increase_words
                .iter()
                .chain(pack.decrease_words.iter())
                .map(String::as_str),
            true,
        ),
        "yearunit" => words_re(pack.year_units.iter().map(String::as_str), true),
        "decadeunit" => words_re(pack.decade_units.iter().map(String::as_str), true),
        "monthunit" => words_re(pack.month_units.iter().map(String::as_str), true),
        "weekunit" => words_re(pack.week_units.iter().map(String::as_str), true),
        "dayunit" => words_re(pack.day_units.iter().map(String::as_str), true),
        "andhalf" => words_re(pack.and_a_half.iter().map(String::as_str), true),
        "duration" => words_re(kw(&pack.durations), true),
        "one" => words_re(pack.one_words.iter().map(String::as_str), true),
        "month" => words_re(kw(&pack.months), true),
        "weekday" => words_re(kw(&pack.weekdays), true),
        "daypart" => words_re(pack.dayparts.iter().map(String::as_str), true),
        "relday" => words_re(kw(&pack.relative_days), true),
        "relyear" => words_re(kw(&pack.relative_years), true),
        "relmonth" => words_re(kw(&pack.relative_months), true),
        "calmonth" => words_re(kw(&pack.calendar_months), true),
        "since" => words_re(pack.since_words.iter().map(String::as_str), true),
        "part" => words_re(kw(&pack.date_parts), true),
        "season" => words_re(kw(&pack.seasons), true),
        "frac" => words_re(kw(&pack.fractions), true),
        "pord" => words_re(kw(&pack.period_ordinals), true),
        "first" => words_re(pack.first_ordinals.iter().map(String::as_str), true),
        "sup" => words_re(pack.rank_superlatives.iter().map(String::as_str), true),
        "rpre" => words_re_edges(kw(&pack.rank_prefixes), true, false),
        "top" => words_re(pack.rank_top.iter().map(String::as_str), true),
        "ord" => {
            let words = words_re(kw(&pack.ordinals), true);
            let suffixes = words_re(pack.ordinal_suffixes.iter().map(String::as_str), false);
            format!(r"(?:{words}|\b[0-9]{{1,3}}{suffixes})")
        }
        "day" => {
            let suffixes = bare_alt(pack.day_suffixes.iter().map(String::as_str));
            format!(r"\b(?:3[01]|[12][0-9]|0?[1-9])(?:{suffixes})?\b")
        }
        "monum" => r"\b(?:1[0-2]|0?[1-9])\b".to_string(),
        "mon" => format!(
            r"(?:\b(?:1[0-2]|0?[1-9])\b|{})",
            words_re(kw(&pack.months), true)
        ),
        "year" => r"\b[12][0-9]{3}\b".to_string(),
        "q" => r"(?:[1-4]|iv|iii|ii|i)\b".to_string(),
        "h" => r"[12]\b".to_string(),
        "sign" => r"[+-]".to_string(),
        "int" => format!(r"(?:\b[0-9]{{1,4}}\b|{})", word_number(pack, false)),
        // "vor einem Jahr", "một năm trước": the words for one too.
        "ago" => format!(
            r"(?:\b[0-9]{{1,4}}\b|{}|{})",
            word_number(pack, false),
            words_re(pack.one_words.iter().map(String::as_str), true)
        ),
        "num" => {
            let restricted = kind == ValueKind::Number && !pack.standalone_words;
            format!(
                r"(?:{}\b|{})",
                digits_core(pack),
                word_number(pack, restricted)
            )
        }
        "amount" => {
            let money = kind == ValueKind::Money;
            let restricted = kind == ValueKind::Number && !pack.standalone_words;
            let core = digits_core(pack);
            let words = word_number(pack, false);
            let scales = scale_words(pack, money);
            let one = words_re(pack.one_words.iter().map(String::as_str), true);
            // "hai tỷ rưỡi": half a scale unit more (the pack's `and_a_half`).
            let half = match pack.and_a_half.is_empty() {
                true => String::new(),
                false => format!(
                    "(?: {})?",
                    words_re(pack.and_a_half.iter().map(String::as_str), true)
                ),
            };
            format!(
                r"(?:(?:{core}|{words}) ?{scales}{half}|{one} ?{scales}{half}|{core}\b|{})",
                word_number(pack, restricted)
            )
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::pack;

    #[test]
    fn template_syntax() {
        let en = pack("en").expect("en");
        let (frag, cap) = compile_one(en, ValueKind::Date, "[on ]{month} {day}").expect("ok");
        assert!(!frag.contains("?P<"));
        assert!(cap.contains("?P<month>") && cap.contains("?P<day>"));
        assert!(compile_one(en, ValueKind::Date, "{day} {day}").is_err());
        assert!(compile_one(en, ValueKind::Date, "[{day}").is_err());
        assert!(compile_one(en, ValueKind::Date, "no placeholder").is_err());
        assert!(compile_one(en, ValueKind::Date, "{bogus}").is_err());
        // A placeholder the kind's reader takes no value from: it would match and
        // read nothing ("thứ {num}" as a rank).
        let err = compile_one(en, ValueKind::Rank, "place {num}").expect_err("no place");
        assert!(err.contains("{int}") && err.contains("{ord}"), "{err}");
        assert!(compile_one(en, ValueKind::Rank, "place {int}").is_ok());
        assert!(compile_one(en, ValueKind::Money, "{cur} {num}").is_err());
    }

    #[test]
    fn words_re_orders_longest_first() {
        let re = words_re(["a", "a b", "$"], true);
        assert_eq!(re, r"(?:\ba b\b|\$|\ba\b)");
        // A word not bounded on both sides splits the run: "ca." is still tried before "ca".
        let re = words_re(["ca", "ca.", "etwa", "zirka", "~"], true);
        assert_eq!(re, r"(?:\b(?:zirka|etwa)\b|\bca\.|\bca\b|\~)");
        let re = words_re(["mio.", "million", "millionen", "mrd."], false);
        assert_eq!(re, r"(?:(?:millionen|million)\b|(?:mio\.|mrd\.))");
        assert_eq!(words_re(std::iter::empty(), true), NEVER);
    }
}
