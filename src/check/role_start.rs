//! When a person took office: "Deputy Prime Minister Tran Hong Ha, who took office in
//! January 2022", "Premierminister Pham Minh Chinh, seit 2016 im Amt", "Thủ tướng Phạm
//! Minh Chính, người nhậm chức từ tháng 4/2021". The clause right after a name (after
//! one comma, bracket or dash at most) that holds an office-start word of the
//! document's language ("took office", "im Amt", "nhậm chức") and a date or a year says
//! when the person's role began. That date must hold the first day (`from`) of the role
//! whose title stands right before the name, or of one of the person's roles when none
//! does; a date that holds none is a `role-start` warning. A title of the person's
//! beside a since-word and the date ("X, chairman since 2021", "Y, seit 2021
//! Ministerin") is an office-start cue too, and says which role began. Not judged, as
//! the role the text means may be one the rules do not date: an entity with a role of
//! no known start, and a clause or words just before the name that hold a title of
//! the rules (another person's, or one this person never held) that is none of this
//! person's ("ông Tô Lâm được bầu giữ chức Chủ tịch nước ngày 22/5/2024", with rules
//! that give him only the party's lead). Nor a clause that states a duration ("who
//! last month marked a decade at the helm"): its date is of an anniversary.

use std::ops::Range;

use chrono::NaiveDate;

use super::{Finding, Severity, Span};
use crate::corpus::Document;
use crate::extract::prefilter::contains_word;
use crate::fold::{fold, fold_str};
use crate::lang::LangPack;
use crate::rules::Entity;
use crate::value::{self, DatePrecision, DateSpan, ParseCtx, Value, ValueKind};

/// The longest clause read after a name, in bytes: a relative clause or apposition.
const CLAUSE_LIMIT: usize = 160;

/// How far before a name a title is looked for, in bytes ("Deputy Prime Minister ").
const TITLE_REACH: usize = 80;

/// The `role-start` finding for the name at `name` (a byte range of `doc`'s body) of
/// `entity`, when the clause after it dates the start of a role wrongly. Its title is
/// looked for after byte `after_other_name`, where the name before it ends ("Prime
/// Minister X and Y": the title is X's).
pub(crate) fn check(
    doc: &Document,
    pack: &LangPack,
    entities: &[Entity],
    entity: &Entity,
    (name, after_other_name): (&Range<usize>, usize),
) -> Option<Finding> {
    if (pack.office_start_words.is_empty() && pack.office_since_words.is_empty())
        || entity.roles.is_empty()
    {
        return None;
    }
    let body = doc.body();
    let (clause_start, folded, (range, stated)) = clauses_after(body, name.end)
        .into_iter()
        .map(|(start, clause)| (start, fold(clause)))
        .find_map(|(start, folded)| {
            let text = &folded.text;
            let words = |list: &[String]| list.iter().any(|word| contains_word(text, word));
            let office_word = words(&pack.office_start_words);
            if !office_word && !words(&pack.office_since_words) {
                return None;
            }
            let dated = stated_date(text, pack, doc.date)?;
            let dated = (dated.0.clone(), of_the_past(text, dated, pack, doc.date));
            let cued = office_word || titled_since(text, entity, pack, &dated.0);
            (cued && !states_a_duration(text, pack, doc.date)).then_some((start, folded, dated))
        })?;
    let before = fold_str(words_before(body, name.start, after_other_name));
    if names_another_title(entities, entity, &[&folded.text, &before]) {
        return None;
    }
    let named = |title: &String| names_title(&folded.text, title) || names_title(&before, title);
    // (first day, title named, titled right before the name) of each role.
    let starts: Vec<(NaiveDate, Option<&str>, bool)> = entity
        .roles
        .iter()
        .map(|role| {
            let title = role.titles.iter().find(|t| named(t)).map(String::as_str);
            let before_name = role.titles.iter().any(|t| names_title(&before, t));
            role.from.map(|from| (from, title, before_name))
        })
        .collect::<Option<_>>()?;
    // The role titled right before the name is the one meant ("Tổng Bí thư Tô Lâm,
    // người đảm nhận cương vị đứng đầu Đảng từ tháng 5/2024": the party's lead, not
    // the presidency he took that May); with none, any of them. A title in the
    // clause may be another conjunct's ("seit August 2024 an der Spitze der Partei
    // und 2024 für einige Monate auch Staatspräsident").
    let titled = starts.iter().any(|&(_, _, before_name)| before_name);
    // A title of the person's right before the date says which role began then,
    // whatever the title before the name: "Tổng Bí thư Tô Lâm, người giữ chức Chủ tịch
    // nước từ ngày 22/5", "Tran Thanh Man, National Assembly chairman since 2021".
    let dated: Vec<(NaiveDate, Option<&str>)> = entity
        .roles
        .iter()
        .filter_map(|role| {
            let title = role
                .titles
                .iter()
                .find(|t| titled_beside(&folded.text, t, &range))?;
            Some((role.from?, Some(title.as_str())))
        })
        .collect();
    let meant: Vec<(NaiveDate, Option<&str>)> = if dated.is_empty() {
        starts
            .into_iter()
            .filter(|&(_, _, before_name)| before_name || !titled)
            .map(|(from, title, _)| (from, title))
            .collect()
    } else {
        dated
    };
    if meant.iter().any(|(from, _)| within(*from, &stated)) {
        return None;
    }
    let original = folded.to_original(range);
    let span = doc.body_span(clause_start + original.start..clause_start + original.end);
    Some(finding(doc, entity, span, &stated, &meant))
}

/// The most words between a title and the date of its start ("since", "từ ngày",
/// "als").
const TITLE_TO_DATE_WORDS: usize = 2;

/// Whether `title` (folded) stands in folded `text` right before the date at `date`
/// ("chairman since 2021") or right after it ("seit 2021 Ministerin"): at most
/// [`TITLE_TO_DATE_WORDS`] words and no punctuation between.
fn titled_beside(text: &str, title: &str, date: &Range<usize>) -> bool {
    let title = fold_str(title);
    let (Some(before), Some(after)) = (text.get(..date.start), text.get(date.end..)) else {
        return false;
    };
    if title.is_empty() {
        return false;
    }
    let whole_at = |start: usize, end: usize| {
        let open = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let closed = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        open && closed
    };
    let plain_gap = |gap: &str| {
        gap.chars().all(|c| c.is_alphanumeric() || c == ' ')
            && gap.split_whitespace().count() <= TITLE_TO_DATE_WORDS
    };
    let right_before = before.match_indices(title.as_str()).any(|(start, _)| {
        let end = start + title.len();
        let gap = &before[end..];
        whole_at(start, end) && gap.starts_with(' ') && plain_gap(gap)
    });
    right_before
        || after.match_indices(title.as_str()).any(|(start, _)| {
            let gap = &after[..start];
            let at = date.end + start;
            whole_at(at, at + title.len()) && gap.starts_with(' ') && plain_gap(gap)
        })
}

/// Whether a title of `entity`'s stands beside the date at `date` of folded `text`
/// with a since-word of the pack before the date: "National Assembly chairman since
/// 2021", "seit 2021 Bundestagspräsidentin", "Chủ tịch Quốc hội từ năm 2021".
fn titled_since(text: &str, entity: &Entity, pack: &LangPack, date: &Range<usize>) -> bool {
    let before_date = text.get(..date.start).unwrap_or("");
    let mut last_words: Vec<&str> = before_date
        .split_whitespace()
        .rev()
        .take(TITLE_TO_DATE_WORDS)
        .collect();
    last_words.reverse();
    let last_words = last_words.join(" ");
    let since = pack
        .office_since_words
        .iter()
        .any(|word| contains_word(&last_words, word));
    since
        && entity
            .roles
            .iter()
            .flat_map(|role| &role.titles)
            .any(|title| titled_beside(text, title, date))
}

/// Whether folded `text` holds `title` as whole words.
fn names_title(text: &str, title: &str) -> bool {
    let title = fold_str(title);
    !title.is_empty() && contains_word(text, &title)
}

/// Whether one of the folded `texts` holds a title of the rules (a role title of any
/// entity, or one this entity never held) that is none of `entity`'s. It is looked
/// for where the entity's own titles are not: "Prime Minister" inside its own
/// "Deputy Prime Minister" is no other title.
fn names_another_title(entities: &[Entity], entity: &Entity, texts: &[&str]) -> bool {
    let own_titles: Vec<String> = entity
        .roles
        .iter()
        .flat_map(|r| r.titles.iter().map(|t| fold_str(t)))
        .filter(|t| !t.is_empty())
        .collect();
    let rests: Vec<String> = texts
        .iter()
        .map(|text| {
            own_titles.iter().fold(text.to_string(), |text, title| {
                text.replace(title.as_str(), " ")
            })
        })
        .collect();
    entities
        .iter()
        .flat_map(|e| {
            e.roles
                .iter()
                .flat_map(|r| &r.titles)
                .chain(&e.never_titles)
        })
        .any(|title| rests.iter().any(|rest| names_title(rest, title)))
}

/// The clauses that may tell of the name ending at byte `end` of `body`, with where
/// they start: the one right after it, and when a short aside in brackets follows the
/// name ("Alexander Schweitzer (SPD), der … im Juli 2023 … nachgefolgt war"), the one
/// after the aside.
fn clauses_after(body: &str, end: usize) -> Vec<(usize, &str)> {
    let mut clauses: Vec<(usize, &str)> = clause_after(body, end).into_iter().collect();
    let aside_end = body.get(end..).and_then(|rest| {
        let opened = rest.trim_start_matches([' ', '\u{a0}']).strip_prefix('(')?;
        let close = opened.find(')').filter(|&close| close <= ASIDE_LIMIT)?;
        let at = end + (rest.len() - opened.len()) + close + 1;
        Some(at)
    });
    clauses.extend(aside_end.and_then(|at| clause_after(body, at)));
    clauses
}

/// The longest aside in brackets after a name that the clause after it may follow, in
/// bytes: a party, an age, a constituency ("(SPD)", "(52)", "(CDU/CSU)").
const ASIDE_LIMIT: usize = 40;

/// The clause after byte `end` of `body`, with where it starts: one comma, bracket or
/// dash may open it; it ends at the next clause or sentence end.
fn clause_after(body: &str, end: usize) -> Option<(usize, &str)> {
    let rest = body.get(end..)?;
    let opened = rest.trim_start_matches([' ', '\u{a0}']);
    let opened = opened
        .strip_prefix([',', '(', '–', '—'])
        .unwrap_or(opened)
        .trim_start_matches([' ', '\u{a0}']);
    let start = end + (rest.len() - opened.len());
    let bytes = opened.as_bytes();
    let cut = opened
        .char_indices()
        .find(|&(i, c)| {
            matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '\n' | '!' | '?' | '–' | '—'
            ) || (c == '.' && ends_sentence(bytes, i + 1))
        })
        .map_or(opened.len(), |(i, _)| i);
    let cut = opened.floor_char_boundary(cut.min(CLAUSE_LIMIT));
    (cut > 0).then(|| (start, &opened[..cut]))
}

/// Whether a full stop before byte `after` ends its sentence: the text ends, or a
/// space and a capital follow ("in Jan. 2022" goes on).
fn ends_sentence(bytes: &[u8], after: usize) -> bool {
    match bytes.get(after..) {
        None | Some([]) => true,
        Some([b' ', next, ..]) => next.is_ascii_uppercase() || *next >= 0x80,
        Some(_) => false,
    }
}

/// The words of `body`'s sentence before byte `start`, [`TITLE_REACH`] bytes at most
/// and none before byte `after` (the end of another name): where a title of the name
/// stands ("Deputy Prime Minister Tran Hong Ha").
fn words_before(body: &str, start: usize, after: usize) -> &str {
    let from = start.saturating_sub(TITLE_REACH).max(after.min(start));
    let reach = body.get(body.floor_char_boundary(from)..start);
    let reach = reach.unwrap_or("");
    reach
        .rfind(['.', '!', '?', '\n'])
        .map_or(reach, |end| &reach[end + 1..])
}

/// Whether folded `clause` states a duration ("who last month marked a decade at the
/// helm", "nach zehn Jahren im Amt"): its date is of an anniversary or a later
/// event, not of the start.
fn states_a_duration(clause: &str, pack: &LangPack, doc_date: Option<NaiveDate>) -> bool {
    let ctx = ParseCtx::new(pack, doc_date);
    !value::scan(ValueKind::Count, clause, &ctx).is_empty()
}

/// The first date of `folded` (a month, a day, a year), with its range. A template
/// opening with a word ("since {month}" of a user pack) may read a shorter date than
/// the one starting at its date or a word later: "since April last year" is April of
/// last year.
fn stated_date(
    folded: &str,
    pack: &LangPack,
    doc_date: Option<NaiveDate>,
) -> Option<(Range<usize>, DateSpan)> {
    let ctx = ParseCtx::new(pack, doc_date);
    let first_date = |from: usize| {
        value::scan(ValueKind::Date, folded.get(from..)?, &ctx)
            .into_iter()
            .find_map(|(range, value)| match value {
                Value::Date(date) => Some((from + range.start..from + range.end, date)),
                _ => None,
            })
    };
    let date = first_date(0).map(|(range, date)| {
        let next_word = folded[range.clone()]
            .find(' ')
            .map(|space| range.start + space + 1);
        // The date itself, read again without the since-word that placed it: "since
        // April" of a user template leaves "April last year" unread.
        let longer = [Some(range.start), next_word]
            .into_iter()
            .flatten()
            .filter_map(first_date)
            .find(|longer| longer.0.start < range.end && longer.0.end > range.end);
        longer.unwrap_or((range, date))
    });
    let year = || {
        value::scan(ValueKind::Year, folded, &ctx)
            .into_iter()
            .find_map(|(range, value)| match value {
                Value::Year(year) => DateSpan::year(year).map(|date| (range, date)),
                _ => None,
            })
    };
    date.or_else(year)
}

/// A month or a day written without its year (`range` of `clause`) that is still to
/// come on the document's date: the one of the year before, as a role is taken up in
/// the past ("who took office as Director-General in November", in a piece of
/// January), unless a future word stands before it in the clause ("sẽ nhậm chức vào
/// tháng 11").
fn of_the_past(
    clause: &str,
    (range, date): (Range<usize>, DateSpan),
    pack: &LangPack,
    doc_date: Option<NaiveDate>,
) -> DateSpan {
    let written = &clause[range.clone()];
    let yearless = date.precision != DatePrecision::Year
        && !value::date::names_a_year(written)
        && !crate::extract::placed_by_a_word(written, pack);
    let future = || {
        pack.future_words
            .iter()
            .any(|word| contains_word(&clause[..range.start], word))
    };
    match doc_date {
        Some(doc) if yearless && date.start > doc && !future() => {
            date.in_year_shifted(-1).unwrap_or(date)
        }
        _ => date,
    }
}

fn within(day: NaiveDate, span: &DateSpan) -> bool {
    span.start <= day && day <= span.end
}

fn finding(
    doc: &Document,
    entity: &Entity,
    span: Span,
    stated: &DateSpan,
    starts: &[(NaiveDate, Option<&str>)],
) -> Finding {
    let text = doc.text.get(span.range()).unwrap_or("").to_string();
    // Each start once: two roles of one day ("head coach", "U22 coach") name it once.
    let distinct = |items: Vec<String>| {
        let mut seen = Vec::new();
        for item in items {
            if !seen.contains(&item) {
                seen.push(item);
            }
        }
        seen.join(" or ")
    };
    let took_office = distinct(
        starts
            .iter()
            .map(|(from, title)| match title {
                Some(title) => format!("as `{title}` on {from}"),
                None => format!("on {from}"),
            })
            .collect(),
    );
    let expected = distinct(starts.iter().map(|(from, _)| from.to_string()).collect());
    let stated = super::describe::date_span(stated);
    warning(
        doc,
        entity,
        span,
        (stated.clone(), expected),
        format!(
            "`{text}` ({stated}) is not when {} took office: {took_office}",
            entity.name
        ),
        format!(
            "`{text}` reads as {stated}; the rules date the start of {}'s role {took_office}",
            entity.name
        ),
    )
}

/// A `role-start` warning about `entity` on `span` of `doc`: what the text says
/// (`found`) against when the rules have the person take office (`expected`).
pub(crate) fn warning(
    doc: &Document,
    entity: &Entity,
    span: Span,
    (found, expected): (String, String),
    message: String,
    help: String,
) -> Finding {
    Finding {
        rule: "role-start".to_string(),
        kind: "name".to_string(),
        severity: Severity::Warning,
        key: Some(entity.id.clone()),
        file: doc.name.clone(),
        span,
        found: Some(found),
        expected: Some(expected),
        message,
        help: Some(help),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause after the name at the end of `before`, as `clause_after` reads it.
    fn clause(before: &str, after: &str) -> Option<String> {
        let body = format!("{before}{after}");
        clause_after(&body, before.len()).map(|(start, text)| {
            assert_eq!(&body[start..start + text.len()], text);
            text.to_string()
        })
    }

    #[test]
    fn the_clause_after_a_name() {
        let name = "Prime Minister Ottokar Vlk";
        assert_eq!(
            clause(name, ", who took office in Jan. 2022, spoke.").as_deref(),
            Some("who took office in Jan. 2022")
        );
        assert_eq!(
            clause(name, " (in office since 2019) spoke.").as_deref(),
            Some("in office since 2019")
        );
        assert_eq!(
            clause(name, " took office in 2021. He then spoke.").as_deref(),
            Some("took office in 2021")
        );
        assert_eq!(
            clause(name, " – seit 2016 im Amt – sprach.").as_deref(),
            Some("seit 2016 im Amt ")
        );
        assert_eq!(clause(name, ".").as_deref(), None);
        assert_eq!(clause(name, "").as_deref(), None);
    }

    #[test]
    fn a_long_clause_is_cut_at_a_character() {
        let long = format!(", người nhậm chức {}", "đã lâu ".repeat(60));
        let text = clause("Thủ tướng X", &long).expect("a clause");
        assert!(text.len() <= CLAUSE_LIMIT, "{}", text.len());
    }

    #[test]
    fn only_the_sentence_before_the_name_holds_its_title() {
        let body = "Prime Minister Y spoke. Ottokar Vlk, in office since 2019";
        let start = body.find("Ottokar").expect("name");
        assert_eq!(words_before(body, start, 0), " ");
        let body = "Deputy Prime Minister Ottokar Vlk";
        assert_eq!(words_before(body, 22, 0), "Deputy Prime Minister ");
        let body = "Prime Minister Y and Ottokar Vlk";
        let start = body.find("Ottokar").expect("name");
        assert_eq!(words_before(body, start, "Prime Minister Y".len()), " and ");
    }
}
