//! Cue claims: editors' rules without regexes.
//!
//! A sentence holding one word of every cue group and a value of the claim's kind is a
//! mention. The value binds to the nearest period of the sentence, preferring one in
//! the same clause; a period introduced by a comparison word ("from", "so với",
//! "gegenüber") is the reference of a derived check, not the value's own period. The
//! figure after a base word ("up from"), or the first of a pair ("von X auf Y"), is
//! a comparison's base, read with the period written after it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::carry::context_period;
use super::sentence::{ClauseIndex, clause_breaks};
use super::{
    Extraction, Locator, Mention, QuantityRead, SPECIFICITY_RANGE, SPECIFICITY_RELATIVE, Stated,
    TemporalMention, Unresolved, bind, date_specificity, derive, fill_key, quantity, weekday,
};
use crate::rules::{ClaimKind, CueSet, Rules};
use crate::value::{self, DatePrecision, DateSpan, ParseCtx, Period, Quantity, Value, ValueKind};

/// How many words may stand between a comparison word and the period it introduces
/// ("so với cùng kỳ năm 2022").
const COMPARISON_REACH_WORDS: usize = 4;

pub(crate) fn run(
    rules: &Rules,
    claim_index: usize,
    cues: &CueSet,
    at: &Locator,
    ctx: &ParseCtx,
    out: &mut Extraction,
) {
    let claim = &rules.claims[claim_index];
    let text = &at.folded.text;
    let (exclude, subject, other_subject) = claim.scope_in(&cues.lang).sentence_words();
    // A sentence holds a word of every group only if the document holds them all:
    // most documents stop here.
    let holds = |range: &Range<usize>, w: &str| at.holds_word(range.clone(), w);
    if !every_group(&cues.groups, |w| holds(&(0..text.len()), w)) {
        return;
    }
    let sentences = at.sentences();
    // Most documents refer back nowhere (the words are in the prefilter's index).
    let refers_back_somewhere = ctx
        .pack
        .back_references
        .iter()
        .any(|w| holds(&(0..text.len()), w));
    let read = QuantityRead::of(claim_index, claim, &cues.lang);
    // An exclude word inside a longer cue word is the cue's ("nhập khẩu" of "xuất
    // nhập khẩu").
    let cue_words: Vec<&str> = cues.groups.iter().flatten().map(String::as_str).collect();
    let near = at.sentences_near_groups(&cues.groups);
    for (i, whole) in sentences.iter().enumerate() {
        if near.as_ref().is_some_and(|near| !near[i]) {
            continue;
        }
        let cued = |sentence: &Range<usize>| {
            every_group(&cues.groups, |w| holds(sentence, w))
                || (refers_back_somewhere
                    && i.checked_sub(1).is_some_and(|before| {
                        let with_before = sentences[before].start..sentence.end;
                        refers_back(at, sentence, &sentences[before], ctx)
                            && every_group(&cues.groups, |w| holds(&with_before, w))
                    }))
        };
        // Most sentences hold no cue word: the exclude words are looked for after.
        if !cued(whole) {
            continue;
        }
        // For a figure, the clauses before the first exclude word are read as a
        // sentence of their own, and those from a later cue word that names whose
        // figure follows (see `Locator::resumed_after`).
        let excluded = at.first_excluded_clause(whole.clone(), exclude, &cue_words);
        let kept = excluded.as_ref().map(|clause| match read {
            Some(_) => clause.start,
            None => whole.start,
        });
        // Only a clause that states a figure of its own is a statement about something
        // else that a later clause may follow: "In its target, total trade …" and
        // "… away from China, whose trade …" go on speaking of what was excluded.
        let resumed = match (excluded, &read) {
            (Some(clause), Some(read))
                if !value::scan(read.value_kind, &text[clause.clone()], ctx).is_empty() =>
            {
                at.resumed_after(whole.clone(), clause, exclude, &cue_words)
            }
            _ => None,
        };
        let sentence = &(whole.start
            ..resumed
                .as_ref()
                .map_or(kept.unwrap_or(whole.end), |r| r.end));
        if (kept.is_some() && resumed.is_none() && (sentence.is_empty() || !cued(sentence)))
            || !at.names_subject(
                whole.clone(),
                (subject, other_subject),
                super::headline_names_subject(&claim.kind),
            )
        {
            continue;
        }
        let s = &text[sentence.clone()];
        if let Some(read) = &read {
            // Whether the value at this offset is about other countries, or in the
            // clauses an exclude word drops.
            let elsewhere = |value_at: usize| {
                resumed.as_ref().is_some_and(|resumed| {
                    kept.is_some_and(|cut| (cut..resumed.start).contains(&value_at))
                }) || at.about_other_countries(sentence.clone(), value_at, &claim.parties, ctx.pack)
            };
            quantity_sentence(read, s, sentence.start, at, ctx, &elsewhere, out);
            continue;
        }
        // Validation allows cues only for quantity, date, since and anniversary claims.
        if at.about_other_countries(sentence.clone(), sentence.start, &claim.parties, ctx.pack) {
            continue;
        }
        match &claim.kind {
            ClaimKind::Date { .. } => {
                date_sentence(claim_index, &cues.groups, s, sentence.start, at, ctx, out);
            }
            ClaimKind::Since { .. } => {
                let counts = Counts::Years { cues: &cues.groups };
                count_sentence(claim_index, counts, s, sentence.start, at, ctx, out);
            }
            ClaimKind::Anniversary { .. } => {
                let counts = Counts::YearsOrOrdinals;
                count_sentence(claim_index, counts, s, sentence.start, at, ctx, out);
            }
            ClaimKind::Elapsed { hedges, .. } => {
                let counts = Counts::AnyUnit;
                let ctx = &ParseCtx {
                    hedges: hedges.unwrap_or(ctx.hedges),
                    ..*ctx
                };
                count_sentence(claim_index, counts, s, sentence.start, at, ctx, out);
            }
            _ => {}
        }
    }
}

/// Drops the amounts of `values` (ranges of `s`) that convert the one before them
/// into another currency, in brackets: "€14.9 billion ($16.2 billion)", "190.000 tỷ
/// đồng (tương đương 7,3 tỷ USD)". A conversion is the writer's arithmetic at some
/// rate, not a figure of its own.
fn drop_conversions(s: &str, values: &mut Vec<(Range<usize>, Quantity)>) {
    let converts = |before: &(Range<usize>, Quantity), after: &(Range<usize>, Quantity)| {
        let between = s.get(before.0.end..after.0.start).unwrap_or("");
        let words_in_brackets = between
            .trim_start()
            .strip_prefix('(')
            .map(|inside| inside.split_whitespace().count());
        before.1.unit != after.1.unit
            && words_in_brackets.is_some_and(|words| words <= 3)
            && !between.bytes().any(|b| b.is_ascii_digit())
    };
    let conversions: Vec<bool> = (0..values.len())
        .map(|i| i > 0 && converts(&values[i - 1], &values[i]))
        .collect();
    let mut index = 0;
    values.retain(|_| {
        index += 1;
        !conversions[index - 1]
    });
}

/// Whether `sentence` refers back to the figure of `before`, the sentence before it in
/// its paragraph ("Năm 2024, kim ngạch … đạt gần 1 tỷ USD. Quý I/2025, con số này
/// đạt 146,3 triệu USD"): it holds a back reference of the language.
fn refers_back(
    at: &Locator,
    sentence: &Range<usize>,
    before: &Range<usize>,
    ctx: &ParseCtx,
) -> bool {
    let same_paragraph = at
        .folded
        .text
        .get(before.end..sentence.start)
        .is_some_and(|between| !between.contains('\n'));
    same_paragraph
        && ctx
            .pack
            .back_references
            .iter()
            .any(|w| at.holds_word(sentence.clone(), w))
}

/// Mentions of a quantity cue claim in one sentence `s` starting at `start`; a
/// value at a folded offset `elsewhere` takes is about other countries.
fn quantity_sentence(
    read: &QuantityRead,
    s: &str,
    start: usize,
    at: &Locator,
    ctx: &ParseCtx,
    elsewhere: &dyn Fn(usize) -> bool,
    out: &mut Extraction,
) {
    let &QuantityRead {
        claim: claim_index,
        key,
        value_kind: kind,
        carry_period,
        rounded,
        exact,
        hedges,
        not_after,
        followed_by,
        ..
    } = read;
    let ctx = &ParseCtx {
        rounded,
        exact,
        hedges,
        ..*ctx
    };
    let mut values: Vec<(Range<usize>, Quantity)> = value::scan(kind, s, ctx)
        .into_iter()
        .filter_map(|(r, v)| quantity(v).map(|q| (r, q)))
        .filter(|(r, q)| {
            !at.introduced_by(start + r.start, not_after)
                && (followed_by.is_empty()
                    || at.followed_by(start + r.end, followed_by)
                    // "9 ngày" with `followed_by = ["ngày"]`: a count's own unit.
                    || followed_by
                        .iter()
                        .any(|word| at.first_word(start + r.start..start + r.end, word).is_some()))
                && !at.ranks_a_group(start + r.start, q, ctx.pack)
                && !elsewhere(start + r.start)
        })
        .collect();
    if kind == ValueKind::Money {
        drop_conversions(s, &mut values);
    }
    // A plain number that is also a year or period ("in 2024", "4 tháng đầu năm")
    // is the period; money, percentages and counts carry units and win. A number
    // that is part of an amount, a percentage or a change written in words
    // ("39.5 percent", "39,5 Prozent"), or of a date (the 24 of "Dec. 24, 2022"), is
    // not a plain number either.
    let scan_changes = || -> Vec<(Range<usize>, Quantity)> {
        value::scan(ValueKind::Change, s, ctx)
            .into_iter()
            .filter_map(|(r, v)| match v {
                Value::Change(q) => Some((r, q)),
                _ => None,
            })
            .collect()
    };
    let mut changes = None;
    let periods = if kind == ValueKind::Number {
        let periods = periods(s, ctx, &[]);
        let found_changes = changes.insert(scan_changes());
        let united: Vec<Range<usize>> = ranges_of(
            &[
                ValueKind::Money,
                ValueKind::Percent,
                ValueKind::Date,
                ValueKind::DateRange,
            ],
            s,
            ctx,
        )
        .into_iter()
        .chain(found_changes.iter().map(|(r, _)| r.clone()))
        .collect();
        values.retain(|(r, _)| {
            let overlaps = |o: &Range<usize>| r.start < o.end && o.start < r.end;
            !periods.iter().any(|p| overlaps(&p.range)) && !united.iter().any(overlaps)
        });
        periods
    } else {
        periods(s, ctx, &values)
    };
    if values.is_empty() {
        return;
    }
    let changes = changes.unwrap_or_else(scan_changes);
    let timeless = !key.contains("{period}") && !key.contains("{year}");
    let offset = |r: &Range<usize>| start + r.start..start + r.end;
    let clauses = ClauseIndex::new(s);
    let bases: Vec<bool> = (0..values.len())
        .map(|i| {
            let before = &s[..values[i].0.start];
            base_word_introduces(before, ctx.pack)
                || first_of_a_pair(s, &values, i, ctx.pack.base_pairs())
        })
        .collect();
    let elsewhere = of_other_figures(s, &values, &periods, ctx);
    let chosen = of_the_time_before(
        s,
        &values,
        own_periods(
            &clauses,
            &values,
            (&bases, &relative_clause_ends(s, &values, ctx.pack)),
            (&periods, &elsewhere),
        ),
        &periods,
        ctx.pack,
    );
    let named = at.sources_named_at(start);
    let among_figures = values.len() > 1;
    let own = stated_periods(&chosen, &values, &bases, &periods, ctx);
    let to_date_words = holds_year_to_date_words(s, ctx.pack);
    for ((range, quantity), period) in values.iter().zip(own) {
        // Only a sentence stating no period of its own leans on the ones before.
        let carried = || {
            (carry_period && periods.iter().all(|p| p.reference))
                .then(|| context_period(at, start + range.start, ctx))
                .flatten()
        };
        // A key that names no period ("a ranking as it stands") needs none.
        let period = period.or_else(carried);
        if to_date_words
            && matches!(period, None | Some(Period::Year(_)))
            && counted_to_date(s, range, &periods, (at, ctx.pack))
        {
            continue;
        }
        let bindings = match &period {
            Some(period) => bind(key, Some(period)),
            None if timeless => Vec::new(),
            None => match read.undated_bindings(ctx) {
                Some(bindings) => bindings,
                None => continue,
            },
        };
        let Some(filled) = fill_key(key, &bindings) else {
            continue;
        };
        let span = at.span(offset(range));
        // The change right after this value (before the next value) refers to it,
        // unless another period is stated between them: "reached $1.8 billion in
        // 2024, while in the first quarter of 2025 it rose 18.4%".
        let next_value = values
            .iter()
            .map(|(r, _)| r.start)
            .filter(|&st| st > range.start)
            .min();
        let another_period_before = |change_start: usize| {
            periods.iter().any(|found| {
                !found.reference
                    && Some(&found.period) != period.as_ref()
                    && found.range.start >= range.end
                    && found.range.end <= change_start
            })
        };
        // Nor one after a word opening a clause of another subject: "rose to 2.61
        // million in 2023 as the economy shrank by 0.3%".
        let another_subject_before = |change_start: usize| {
            let between = &s[range.end..change_start];
            ctx.pack
                .subordinators
                .iter()
                .any(|word| super::prefilter::contains_word(between, word))
        };
        if let Some(period) = &period
            && let Some((change_range, change)) = changes.iter().find(|(r, _)| {
                r.start >= range.end
                    && next_value.is_none_or(|n| r.start < n)
                    && !another_period_before(r.start)
                    && !another_subject_before(r.start)
            })
        {
            // A relative reference ("from a year earlier", "so với cùng kỳ năm trước")
            // counts from the stated period, not from the document date: it is the
            // period before the stated one, as when no reference is written.
            let stated_base = periods
                .iter()
                .filter(|p| p.reference && p.range.start >= change_range.end)
                .min_by_key(|p| p.range.start)
                .filter(|p| s[p.range.clone()].bytes().any(|b| b.is_ascii_digit()))
                .map(|p| &p.period);
            let base = derive::base_period(period, stated_base);
            let change_span = at.span(offset(change_range));
            if let Some(m) = derive::derived(
                claim_index,
                key,
                &filled,
                span,
                quantity,
                change_span,
                change,
                &base,
            ) {
                out.mentions.push(Mention {
                    named,
                    among_figures,
                    ..m
                });
            }
        }
        out.mentions.push(Mention {
            claim: claim_index,
            key: filled,
            bindings,
            span,
            value: quantity.clone(),
            derived: None,
            named,
            among_figures,
        });
    }
}

/// Mentions of a date cue claim: the most specific dates of the sentence (a range
/// wins over the single dates inside it).
fn date_sentence(
    claim_index: usize,
    groups: &[Vec<String>],
    s: &str,
    start: usize,
    at: &Locator,
    ctx: &ParseCtx,
    out: &mut Extraction,
) {
    let mut found: Vec<(Range<usize>, DateSpan, u8)> = Vec::new();
    let mut names_a_date = false;
    for kind in [ValueKind::DateRange, ValueKind::Date] {
        match scan_dates(kind, s, ctx) {
            Ok(values) => {
                names_a_date |= !values.is_empty();
                for (range, value) in values {
                    let (date, specificity) = match value {
                        Value::DateRange(d) => (d, SPECIFICITY_RANGE),
                        // "by the end of 2030" beside the cue words is most often a
                        // target, as a bare year is: neither is read.
                        Value::Date(d) if d.precision == DatePrecision::YearPart => continue,
                        Value::Date(d) => {
                            let written = &s[range.clone()];
                            let specificity = date_specificity(&d, written);
                            let d =
                                super::placed_by_tense(at, start + range.start, written, d, ctx);
                            (d, specificity)
                        }
                        _ => continue,
                    };
                    let folded = start + range.start..start + range.end;
                    if (specificity == SPECIFICITY_RELATIVE
                        && super::weekday::ordinal_not_weekday(at, folded.clone(), ctx))
                        || dates_another_office(at, folded.start, groups, ctx)
                    {
                        continue;
                    }
                    if !found
                        .iter()
                        .any(|(r, _, _)| r.start < range.end && range.start < r.end)
                    {
                        found.push((range, date, specificity));
                    }
                }
            }
            Err(unresolved) => {
                for range in unresolved {
                    out.unresolved.push(Unresolved {
                        claim: claim_index,
                        span: at.span(start + range.start..start + range.end),
                        reason: "needs the document date to resolve a relative date".to_string(),
                    });
                }
            }
        }
    }
    if !names_a_date && let Some((range, year)) = event_year(groups, s, start, at, ctx) {
        let specificity = date_specificity(&year, &s[range.clone()]);
        found.push((range, year, specificity));
    }
    // A weekday or relative word beside a written date is that date's ("on Monday,
    // September 9", "am Morgen des 10. September"), not a date of its own.
    let written: Vec<Range<usize>> = found
        .iter()
        .filter(|(_, _, specificity)| *specificity > SPECIFICITY_RELATIVE)
        .map(|(r, _, _)| r.clone())
        .collect();
    found.retain(|(r, _, specificity)| {
        *specificity > SPECIFICITY_RELATIVE || !written.iter().any(|w| weekday::beside(s, r, w))
    });
    for (range, date, specificity) in found {
        out.temporal.push(TemporalMention {
            claim: claim_index,
            span: at.span(start + range.start..start + range.end),
            stated: Stated::Date { date, specificity },
            by_cues: true,
            of_a_changed_plan: at.tells_of_a_changed_plan(start + range.start, ctx.pack),
        });
    }
}

/// The most words of an opening clause read as an adverbial of the whole sentence.
const OPENING_ADVERBIAL_WORDS: usize = 4;

/// The year a date cue sentence that names no date states its event took place in:
/// its one year written after a word of the pack's `event_year_words` ("joined the
/// SkyTeam alliance in 2012", "Năm 2012, Vietnam Airlines gia nhập SkyTeam"), in a
/// clause holding a cue word or opening the sentence. A sentence with two such
/// years, a year after another word ("by 2030", "since 2011") or one dating an office
/// ("took office in 2020") says nothing a cue can place.
fn event_year(
    groups: &[Vec<String>],
    s: &str,
    start: usize,
    at: &Locator,
    ctx: &ParseCtx,
) -> Option<(Range<usize>, DateSpan)> {
    let mut years = value::scan(ValueKind::Year, s, ctx)
        .into_iter()
        .filter_map(|(range, value)| match value {
            Value::Year(year) => Some((range, year)),
            _ => None,
        })
        .filter(|(range, _)| value::follows_one_of(&s[..range.start], &ctx.pack.event_year_words));
    let (range, year) = years.next()?;
    if years.next().is_some() {
        return None;
    }
    let folded = start + range.start;
    let clause = at.clause_around(folded);
    // An opening adverbial ("In 2012, …", "Năm 2012, …") dates the whole sentence.
    let opening = clause.start <= start
        && s[..(clause.end - start).min(s.len())]
            .split_whitespace()
            .count()
            <= OPENING_ADVERBIAL_WORDS;
    let cued = opening
        || groups
            .iter()
            .flatten()
            .any(|cue| at.holds_word(clause.clone(), cue));
    if !cued || dates_another_office(at, folded, groups, ctx) {
        return None;
    }
    Some((range, DateSpan::year(year)?))
}

/// Whether the date at folded offset `at_date` follows an office-start word of its
/// clause that is none of the claim's cue words: "talks with Prime Minister Pham
/// Minh Chinh, who took office in April 2020" dates his office, not the visit the
/// cue words name (the role's start is checked by `role-start`).
fn dates_another_office(
    at: &Locator,
    at_date: usize,
    groups: &[Vec<String>],
    ctx: &ParseCtx,
) -> bool {
    let before = at.clause_before(at_date);
    ctx.pack.office_start_words.iter().any(|word| {
        !groups.iter().flatten().any(|cue| cue == word)
            && super::prefilter::contains_word(before, word)
    })
}

/// The counts a cue sentence of a claim kind is read for.
#[derive(Clone, Copy, PartialEq)]
enum Counts<'c> {
    /// Counts of years (`since`) in a clause holding the language's "first" or
    /// words of two of the `cues`' groups (of the one, if only one): "In the 31
    /// years since, … made the first-ever visit by a Vietnamese parliamentary
    /// leader" and "the first by a Kazakh president since 2011 – was followed within
    /// two years by a return visit" count no gap between visits; "the visit, the
    /// first of its kind in 12 years," does.
    Years { cues: &'c [Vec<String>] },
    /// Counts of years, or an ordinal (`anniversary`: "the 33rd anniversary").
    YearsOrOrdinals,
    /// Durations in any unit (`elapsed`: "hơn 3 tháng", "knapp neun Monate").
    AnyUnit,
}

/// Whether `clause` holds the language's word for "first" ("first", "đầu tiên",
/// "erste"): its ordinal words for 1, or its words that open a "first ever".
fn first_in(clause: &str, pack: &crate::lang::LangPack) -> bool {
    let ones = pack
        .ordinals
        .iter()
        .filter(|(_, n)| *n == 1)
        .map(|(w, _)| w);
    pack.first_ordinals
        .iter()
        .chain(ones)
        .any(|w| super::prefilter::contains_word(clause, w))
}

/// The count of a `since`, `anniversary` or `elapsed` cue sentence ("the first by a
/// Kazakh president to Viet Nam in 11 years", "kỷ niệm 33 năm thiết lập quan hệ
/// ngoại giao", "seit zwölf Jahren", "the 33rd anniversary", "ba tháng sau trận lũ"):
/// the one count of the kinds `counts` names it holds. A sentence with two counts
/// ("32 năm quan hệ ngoại giao và 65 năm chuyến thăm"), or none, says nothing a cue
/// can place; a year ("since 2011") is left to patterns, since any year of the
/// sentence might be the date of the event itself.
fn count_sentence(
    claim_index: usize,
    counts: Counts<'_>,
    s: &str,
    start: usize,
    at: &Locator,
    ctx: &ParseCtx,
    out: &mut Extraction,
) {
    let any_unit = counts == Counts::AnyUnit;
    let ordinals = counts == Counts::YearsOrOrdinals;
    let in_cued_clause = |range: &Range<usize>| match counts {
        Counts::Years { cues } => {
            let clause = at.clause_around(start + range.start);
            let held = cues
                .iter()
                .filter(|group| group.iter().any(|w| at.holds_word(clause.clone(), w)))
                .count();
            held >= cues.len().min(2) || first_in(&at.folded.text[clause.clone()], ctx.pack)
        }
        _ => true,
    };
    let mut counts: Vec<(Range<usize>, Quantity, bool)> = value::scan(ValueKind::Count, s, ctx)
        .into_iter()
        .filter_map(|(range, value)| match value {
            Value::Count(q) if any_unit || q.unit.as_deref() == Some("year") => {
                Some((range, q, false))
            }
            _ => None,
        })
        .filter(|(range, ..)| in_cued_clause(range) && !within_relative_year(s, range, ctx))
        .collect();
    if ordinals {
        // A German day is an ordinal too ("am 29. Juni 1992"): not one inside a date.
        let dates = ranges_of(&[ValueKind::Date, ValueKind::DateRange], s, ctx);
        counts.extend(
            value::scan(ValueKind::Ordinal, s, ctx)
                .into_iter()
                .filter(|(range, _)| {
                    !dates
                        .iter()
                        .any(|d| d.start < range.end && range.start < d.end)
                })
                .filter_map(|(range, value)| match value {
                    // "the first mixed heritage site", "di sản hỗn hợp đầu tiên": in a
                    // sentence about an anniversary, "first" is nearly always another
                    // thing's rank, and a first anniversary is written "one year".
                    Value::Ordinal(n) if n > 1 => {
                        Some((range, super::exact_years(f64::from(n)), true))
                    }
                    _ => None,
                }),
        );
    }
    let [(range, years, ordinal)] = counts.as_slice() else {
        return;
    };
    let at_byte = start + range.start;
    out.temporal.push(TemporalMention {
        claim: claim_index,
        span: at.span(at_byte..start + range.end),
        stated: Stated::Count {
            amount: years.clone(),
            written_span: None,
            calendar: *ordinal || super::this_year_before(at, at_byte, ctx),
            reference_shift: super::relative_year_of(at, at_byte..start + range.end, ctx),
            named_years: super::years_in_sentence(at, at_byte),
        },
        by_cues: true,
        of_a_changed_plan: false,
    });
}

/// Ranges of values that need the document date to be read.
type NeedsDate = Vec<Range<usize>>;

/// Dates of `kind` in `s`; when the document has no date, `Err` with the ranges of
/// the values that would need it (relative words, day-month without a year).
fn scan_dates(
    kind: ValueKind,
    s: &str,
    ctx: &ParseCtx,
) -> Result<Vec<(Range<usize>, Value)>, NeedsDate> {
    let found = value::scan(kind, s, ctx);
    if ctx.doc_date.is_some() {
        return Ok(found);
    }
    let probe = ParseCtx {
        doc_date: chrono::NaiveDate::from_ymd_opt(2000, 1, 1),
        ..*ctx
    };
    let needing: Vec<Range<usize>> = value::scan(kind, s, &probe)
        .into_iter()
        .map(|(r, _)| r)
        .filter(|r| !found.iter().any(|(f, _)| f == r))
        .collect();
    if needing.is_empty() {
        Ok(found)
    } else {
        Err(needing)
    }
}

/// A period stated in a sentence.
pub(super) struct FoundPeriod {
    pub range: Range<usize>,
    pub period: Period,
    /// Introduced by a comparison word: the reference of a change, not a value's own.
    pub reference: bool,
    /// Written as a word relative to the document's date ("im Vorjahr", "last year").
    relative: bool,
}

/// The periods and years stated in sentence `s`, outside `values`. A relative year
/// inside one of the pack's `previous_years` phrases ("năm trước" in "năm trước đó")
/// is not one, unless a comparison's reference: the phrase names the year before the
/// one last spoken of.
pub(super) fn periods(
    s: &str,
    ctx: &ParseCtx,
    values: &[(Range<usize>, Quantity)],
) -> Vec<FoundPeriod> {
    let mut found: Vec<FoundPeriod> = Vec::new();
    for (range, period) in month_periods(s, ctx) {
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        if values.iter().any(|(r, _)| overlaps(r)) {
            continue;
        }
        found.push(FoundPeriod {
            reference: compared_outside_values(&s[..range.start], ctx.pack, values),
            // "up from X in June": a month without a year is placed by the document's
            // date already, not counted from the figure it is compared with.
            relative: false,
            range,
            period,
        });
    }
    let scanned = value::scan(ValueKind::Period, s, ctx)
        .into_iter()
        .chain(value::scan(ValueKind::Year, s, ctx));
    for (range, value) in scanned {
        let period = match value {
            Value::Period(p) => p,
            Value::Year(y) => Period::Year(y),
            _ => continue,
        };
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        if values.iter().any(|(r, _)| overlaps(r)) || found.iter().any(|f| overlaps(&f.range)) {
            continue;
        }
        let reference = compared_outside_values(&s[..range.start], ctx.pack, values);
        let relative = !s[range.clone()].bytes().any(|b| b.is_ascii_digit());
        if relative && !reference && within_previous_year_phrase(s, &range, ctx) {
            continue;
        }
        found.push(FoundPeriod {
            range,
            period,
            reference,
            relative,
        });
    }
    for (range, year, has_day) in numeric_date_years(s) {
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        if values.iter().any(|(r, _)| overlaps(r)) || found.iter().any(|f| overlaps(&f.range)) {
            continue;
        }
        // "Từ ngày 1/7/2024, lương cơ sở là …": a day is when a figure starts to hold,
        // not the reference of a comparison.
        let reference = !has_day && compared_outside_values(&s[..range.start], ctx.pack, values);
        found.push(FoundPeriod {
            range,
            period: Period::Year(year),
            reference,
            relative: false,
        });
    }
    found
}

/// Whether the figure at `range` of sentence `s` (a slice of the folded text) is
/// counted from the start of the year to the document's day, by a phrase of the
/// pack's `year_to_date_words`:
/// - before it in its sentence, with no period of `periods` from there to the end of
///   the figure's clause but one right after the phrase ("So far this year, trade
///   has reached …", "so far in 2024, …", "Từ đầu năm đến nay, kim ngạch đạt …"; not
///   "So far this year, exports rose; trade reached X in 2024");
/// - or after it in its clause, with no period between ("… reached US$700 million
///   so far this year"; not "… US$700 million in 2024 and US$90 million so far this
///   year").
///
/// Such a figure is part of a year, and no year's fact is its.
fn counted_to_date(
    s: &str,
    range: &Range<usize>,
    periods: &[FoundPeriod],
    (at, pack): (&Locator, &crate::lang::LangPack),
) -> bool {
    let spelled =
        |part: &str| at.spells_a_word(part, &pack.year_to_date_words, &pack.year_to_date_spellings);
    let before = &s[..range.start];
    let clause_end = s[range.end..]
        .find([',', ';', '(', ')'])
        .map_or(s.len(), |at| range.end + at);
    let phrase_end = pack
        .year_to_date_words
        .iter()
        .filter_map(|word| super::prefilter::word_ends(before, word).last())
        .max();
    let before_it = phrase_end.is_some_and(|end| {
        spelled(before)
            && !periods
                .iter()
                .any(|p| !p.reference && p.range.start > end + 1 && p.range.end <= clause_end)
    });
    let after = &s[range.end..clause_end];
    let phrase_start = pack
        .year_to_date_words
        .iter()
        .filter_map(|word| {
            super::prefilter::word_ends(after, word)
                .next()
                .map(|end| range.end + end - word.len())
        })
        .min();
    let after_it = phrase_start.is_some_and(|start| {
        spelled(after)
            && !periods
                .iter()
                .any(|p| !p.reference && p.range.start >= range.end && p.range.end <= start)
    });
    before_it || after_it
}

/// Whether folded `s` holds one of the pack's `year_to_date_words` (most sentences
/// hold none, and their figures need no closer look).
fn holds_year_to_date_words(s: &str, pack: &crate::lang::LangPack) -> bool {
    pack.year_to_date_words
        .iter()
        .any(|word| super::prefilter::contains_word(s, word))
}

/// [`counted_to_date`] for the figure at the folded range `figure`, in a sentence
/// that holds a `year_to_date_words` phrase (most hold none: their periods are not
/// read).
pub(super) fn counted_to_date_at(at: &Locator, figure: Range<usize>, ctx: &ParseCtx) -> bool {
    let Some(sentence) = at.sentence_at(figure.start) else {
        return false;
    };
    let s = &at.folded.text[sentence.clone()];
    if !holds_year_to_date_words(s, ctx.pack) {
        return false;
    }
    let range = figure.start - sentence.start..figure.end - sentence.start;
    counted_to_date(s, &range, &periods(s, ctx, &[]), (at, ctx.pack))
}

/// The months `s` names as periods, each a run of months of one year: "July 2024",
/// "tháng 7/2024", "im Juli" (a month after the document's date without a year is
/// last year's), and two months joined as a range ("from January to July 2024",
/// "từ tháng 1 đến tháng 7/2024": January to July). A figure stated for a month is
/// not the year's: "trade in July 2024 reached US$80 million" says nothing of the
/// year 2024's trade. A date with a day ("on July 5, 2024") is when something
/// happened, not a period, and is left to the year scan.
fn month_periods(s: &str, ctx: &ParseCtx) -> Vec<(Range<usize>, Period)> {
    use chrono::Datelike;
    let months: Vec<(Range<usize>, DateSpan)> = value::scan(ValueKind::Date, s, ctx)
        .into_iter()
        .filter_map(|(range, value)| match value {
            Value::Date(date) if date.precision == DatePrecision::Month => Some((range, date)),
            _ => None,
        })
        .collect();
    let year_written = |range: &Range<usize>| value::date::names_a_year(&s[range.clone()]);
    // A month written without a year that starts after the document's date is of
    // the year before ("in November" in copy of March).
    let placed_year = |range: &Range<usize>, date: &DateSpan| {
        let later = ctx.doc_date.is_some_and(|doc| date.start > doc);
        date.start.year() - i32::from(!year_written(range) && later)
    };
    let month = |date: &DateSpan| u8::try_from(date.start.month()).unwrap_or(1);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((range, date)) = months.get(at) {
        let run_to = months.get(at + 1).filter(|(next_range, next)| {
            joined_as_range(&s[range.end..next_range.start])
                && (!year_written(range) || date.start.year() == next.start.year())
                && date.start.month() < next.start.month()
        });
        let (whole, last, year) = match run_to {
            Some((next_range, next)) => (
                with_opening_word(s, range.start, ctx.pack)..next_range.end,
                month(next),
                placed_year(next_range, next),
            ),
            None => (range.clone(), month(date), placed_year(range, date)),
        };
        out.push((
            whole,
            Period::Months {
                year,
                first: month(date),
                last,
            },
        ));
        at += if run_to.is_some() { 2 } else { 1 };
    }
    out
}

/// `start`, or the start of the comparison word right before it: the "from" that
/// opens a range of months ("từ tháng 1 đến tháng 7/2024", "von Januar bis Juli")
/// is the range's own, not a comparison's.
fn with_opening_word(s: &str, start: usize, pack: &crate::lang::LangPack) -> usize {
    let before = s[..start].trim_end();
    let word_start = before.rfind(' ').map_or(0, |space| space + 1);
    let word = &before[word_start..];
    if pack.comparison_words().iter().any(|w| w == word) {
        word_start
    } else {
        start
    }
}

/// Whether the text between two months joins them as a range: a short word or a
/// dash ("to", "đến", "bis", "-"), no figure and no clause break.
fn joined_as_range(between: &str) -> bool {
    let between = between.trim();
    !between.is_empty()
        && between.len() <= 10
        && !between
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, ',' | ';' | ':' | '.' | '(' | ')'))
}

/// How far before a year the month it ends may begin ("thang muoi hai nam ").
const MONTH_REACH: usize = 24;

/// Whether a year or period a pattern's placeholder matched at `range` of the folded
/// `text` is the year of a month that begins before the pattern's match (at
/// `match_start`): "Riêng tháng 3/2024, kim ngạch … đạt 80 triệu USD" or "tháng 7
/// năm 2024, kim ngạch …" read by `{period}, kim ngạch … đạt {money}`; "July 2024".
/// The figure is the month's, not the year's (see [`month_periods`]). A month the
/// pattern takes in itself ("since (?:[a-z]+ )?{year}") is the author's choice, and
/// the year of a day ("1/7/2024", "July 5, 2024") dates the figure in its year.
pub(super) fn year_of_a_month(
    kind: ValueKind,
    text: &str,
    (range, match_start): (&Range<usize>, usize),
    ctx: &ParseCtx,
) -> bool {
    if !matches!(kind, ValueKind::Year | ValueKind::Period)
        || !text[range.clone()].starts_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let mut start = range.start.saturating_sub(MONTH_REACH);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    // The two characters after the year tell a document number ("3/2024/NĐ-CP").
    let mut end = (range.end + 2).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = &text[start..end];
    let month_in_digits = numeric_date_years(window).any(|(found, _, has_day)| {
        !has_day && start + found.end == range.end && start + found.start < match_start
    });
    let named_month = || {
        value::scan(ValueKind::Date, &text[start..range.end], ctx)
            .iter()
            .any(|(found, value)| {
                matches!(value, Value::Date(date) if date.precision == DatePrecision::Month)
                    && start + found.start < range.start.min(match_start)
                    && start + found.end == range.end
            })
    };
    month_in_digits || named_month()
}

/// Dates written in digits with a year ("1/7/2024", "7/2024", "1.7.2024"): their
/// ranges, years and whether they give a day. Their year is glued to the rest, so the
/// year scan does not see it. Not a document number ("12/2024/QH15", "74/2024/NĐ-CP")
/// nor part of a longer run of digits and separators.
fn numeric_date_years(s: &str) -> impl Iterator<Item = (Range<usize>, i32, bool)> + '_ {
    static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:(\d{1,2})[./-])?(\d{1,2})[./-](\d{4})\b").expect("valid regex")
    });
    NUMERIC_DATE.captures_iter(s).filter_map(move |caps| {
        let whole = caps.get(0)?;
        let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (day, month, year) = (number(1), number(2)?, number(3)?);
        let glued = |c: Option<char>| c.is_some_and(|c| matches!(c, '/' | '.' | '-'));
        let before = s[..whole.start()].chars().next_back();
        let mut after = s[whole.end()..].chars();
        let continues = glued(after.next()) && after.next().is_some_and(char::is_alphanumeric);
        let valid = (1..=12).contains(&month)
            && day.is_none_or(|d| (1..=31).contains(&d))
            && (1900..=2100).contains(&year);
        if !valid || glued(before) || continues {
            return None;
        }
        Some((whole.range(), i32::try_from(year).ok()?, day.is_some()))
    })
}

/// Whether `range` of `s` lies inside a phrase naming a year relative to another
/// ("inscribed a year earlier", "ein Jahr zuvor", "a year ago"): a place in time, not
/// a count of years.
fn within_relative_year(s: &str, range: &Range<usize>, ctx: &ParseCtx) -> bool {
    within_previous_year_phrase(s, range, ctx)
        || ctx
            .pack
            .relative_years
            .iter()
            .any(|(phrase, _)| phrase_covers(s, phrase, range))
}

/// Whether `range` of `s` lies inside a `previous_years` phrase of the pack.
fn within_previous_year_phrase(s: &str, range: &Range<usize>, ctx: &ParseCtx) -> bool {
    ctx.pack
        .previous_years
        .iter()
        .any(|phrase| phrase_covers(s, phrase, range))
}

/// Whether an occurrence of `phrase` in `s`, as a word, holds `range`.
fn phrase_covers(s: &str, phrase: &str, range: &Range<usize>) -> bool {
    super::prefilter::word_ends(s, phrase)
        .any(|end| end - phrase.len() <= range.start && range.end <= end)
}

/// Whether a comparison word introduces what follows `before` (see
/// [`introduced_by_comparison`]) that is not part of one of `values`: the "than" of
/// "more than $150 billion in 2024" is the figure's hedge, and 2024 is its own year.
/// Nor does a comparison word before a country's name: "imports from Vietnam in
/// 2024" come from a place, and 2024 is their year.
fn compared_outside_values(
    before: &str,
    pack: &crate::lang::LangPack,
    values: &[(Range<usize>, Quantity)],
) -> bool {
    pack.comparison_words().iter().any(|word| {
        words_after(before, word).is_some_and(|between| {
            let at = before.len() - between.len() - word.len();
            !values.iter().any(|(r, _)| r.contains(&at)) && !pack.countries.opens(between)
        })
    })
}

pub(crate) fn introduced_by_comparison(before: &str, words: &[String]) -> bool {
    words.iter().any(|word| introduced_by(before, word))
}

/// Whether a base word of the pack introduces the figure that follows `before`
/// ("nach 584 Mio. im Vorjahr"), with no word closing a pair between them ("nach
/// kasachischen Angaben auf rund 584 Mio.": "auf" introduces the figure, and "nach"
/// is "according to") and no source word ("nach amerikanischen Zahlen fast 200
/// Milliarden": "nach" is "according to" again), nor a country's name right after
/// it ("imports from Vietnam in 2024 totalled €12 billion").
fn base_word_introduces(before: &str, pack: &crate::lang::LangPack) -> bool {
    pack.base_words().iter().any(|word| {
        words_after(before, word).is_some_and(|between| {
            let closes = pack.base_pairs().iter().any(|(_, closer)| {
                between
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == closer)
            });
            let names_a_source = pack
                .source_words
                .iter()
                .any(|w| crate::extract::prefilter::contains_word(between, w));
            !closes && !names_a_source && !pack.countries.opens(between)
        })
    })
}

/// Whether the last `word` of `before` is a whole word standing at most
/// [`COMPARISON_REACH_WORDS`] words before its end, in the same clause.
fn introduced_by(before: &str, word: &str) -> bool {
    words_after(before, word).is_some()
}

/// The text between the last `word` of `before` and its end, when that word
/// introduces what follows `before` (see [`introduced_by`]).
fn words_after<'b>(before: &'b str, word: &str) -> Option<&'b str> {
    let (at, _) = before.rmatch_indices(word).next()?;
    let between = &before[at + word.len()..];
    let boundary_before = before[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    // "auf" in "aufwärts" is no word; "vs." or "d'" end a word themselves.
    let boundary_after = !word.ends_with(char::is_alphanumeric)
        || between.chars().next().is_none_or(|c| !c.is_alphanumeric());
    (boundary_before
        && boundary_after
        && clause_breaks(between) == 0
        && between.split_whitespace().count() <= COMPARISON_REACH_WORDS)
        .then_some(between)
}

/// Whether value `i` of sentence `s` is the first figure of a change written as a
/// pair of words ("von 584 Mio. … auf 979 Mio.", "from … to …"): introduced by the
/// pair's first word, with another value of its clause introduced by the second,
/// after it or before it ("вырос до 979 млн … с 584 млн").
fn first_of_a_pair(
    s: &str,
    values: &[(Range<usize>, Quantity)],
    i: usize,
    pairs: &[(String, String)],
) -> bool {
    let here = &values[i].0;
    pairs.iter().any(|(first, second)| {
        // "Từ 18 triệu lượt năm 2019, lượng khách giảm xuống 3,8 triệu", "From 18
        // million in 2019, arrivals fell to 3.8 million": a pair whose first word opens
        // the sentence spans the comma after the fronted figure.
        let fronted = s
            .trim_start()
            .strip_prefix(first.as_str())
            .is_some_and(|rest| rest.starts_with(' '));
        introduced_by(&s[..here.start], first)
            && values.iter().enumerate().any(|(j, (other, _))| {
                if j > i {
                    (fronted || clause_breaks(&s[here.end..other.start]) == 0)
                        && introduced_by(&s[here.end..other.start], second)
                } else {
                    j < i
                        && clause_breaks(&s[other.end..here.start]) == 0
                        && introduced_by(&s[..other.start], second)
                }
            })
    })
}

/// Where values of `kinds` stand in `s`.
fn ranges_of(kinds: &[ValueKind], s: &str, ctx: &ParseCtx) -> Vec<Range<usize>> {
    kinds
        .iter()
        .flat_map(|&kind| value::scan(kind, s, ctx))
        .map(|(r, _)| r)
        .collect()
}

/// Words between another figure and the period written right after it that still
/// make the period that figure's ("18 triệu lượt năm 2018", "6.3 million visitors
/// in 2018").
const FIGURE_PERIOD_REACH_WORDS: usize = 3;

/// Of each of `periods`, whether it is the year of another figure of sentence `s`
/// than `values`, written right before it: "Năm 2025, … tăng 20,6% so với năm 2024 và
/// vượt xa kỷ lục 18 triệu lượt năm 2018" gives 2018 to the 18 million, and the 20.6%
/// takes 2025. Only a sentence with another period of the values' own is read so. A
/// figure that a change leads to ("rose 20% to 18 million in 2018": the second word
/// of a pair) shares its year with the change, and a value of `values` between the
/// figure and the period takes it back.
fn of_other_figures(
    s: &str,
    values: &[(Range<usize>, Quantity)],
    periods: &[FoundPeriod],
    ctx: &ParseCtx,
) -> Vec<bool> {
    let mut elsewhere = vec![false; periods.len()];
    // A period is given to another figure only when the values have another one to
    // take, and one of them stands before it: most sentences have neither, and the
    // other figures are read only then.
    let after_a_value = |p: &FoundPeriod| values.iter().any(|(r, _)| r.end < p.range.start);
    let own = periods.iter().filter(|p| !p.reference).count();
    if own < 2 || !periods.iter().any(after_a_value) {
        return elsewhere;
    }
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let figures = [
        ValueKind::Number,
        ValueKind::Money,
        ValueKind::Percent,
        ValueKind::Change,
    ];
    // The day of a date is no figure ("ngày 15/3/2025").
    let dates = ranges_of(&[ValueKind::Date, ValueKind::DateRange], s, ctx);
    let others: Vec<Range<usize>> = ranges_of(&figures, s, ctx)
        .into_iter()
        .filter(|r| {
            !values.iter().any(|(v, _)| overlaps(v, r))
                && !periods.iter().any(|p| overlaps(&p.range, r))
                && !dates.iter().any(|d| overlaps(d, r))
        })
        .collect();
    let targets: Vec<&str> = ctx
        .pack
        .base_pairs()
        .iter()
        .map(|(_, to)| to.as_str())
        .collect();
    for (p, period) in periods.iter().enumerate() {
        let Some(figure) = others
            .iter()
            .filter(|r| r.end <= period.range.start)
            .max_by_key(|r| r.end)
        else {
            continue;
        };
        let between = &s[figure.end..period.range.start];
        let value_between = values
            .iter()
            .any(|(v, _)| figure.end <= v.start && v.end <= period.range.start);
        elsewhere[p] = !value_between
            && clause_breaks(between) == 0
            && between.split_whitespace().count() <= FIGURE_PERIOD_REACH_WORDS
            && !targets
                .iter()
                .any(|to| introduced_by(&s[..figure.start], to))
            && after_a_value(period);
    }
    elsewhere
}

/// The period of each value, from the periods [`own_periods`] chose for them.
///
/// A base figure's relative period counts from the figure it is compared with, not
/// from the document's date: "979 Mio. im Jahr 2023, nach 584 Mio. im Vorjahr" puts
/// 584 in 2022 in a document of 2025. The compared figure is the nearest value that
/// is no base and has a period written out; without one, the period stays as read.
fn stated_periods(
    chosen: &[Option<usize>],
    values: &[(Range<usize>, Quantity)],
    bases: &[bool],
    periods: &[FoundPeriod],
    ctx: &ParseCtx,
) -> Vec<Option<Period>> {
    use chrono::Datelike;
    let is_base = |v: usize| bases.get(v).copied().unwrap_or(false);
    let written = |v: usize| chosen[v].filter(|&p| !periods[p].relative);
    let doc_year = ctx.doc_date.map(|d| d.year());
    (0..values.len())
        .map(|v| {
            let found = &periods[chosen[v]?];
            let (true, true, Some(doc_year)) = (is_base(v), found.relative, doc_year) else {
                return Some(found.period.clone());
            };
            let here = values[v].0.start;
            let compared = (0..values.len())
                .filter(|&w| !is_base(w))
                .filter_map(|w| written(w).map(|p| (values[w].0.start.abs_diff(here), p)))
                .min_by_key(|&(distance, _)| distance);
            Some(match compared {
                Some((_, p)) => {
                    let offset = found.period.year() - doc_year;
                    let compared = &periods[p].period;
                    compared.with_year(compared.year() + offset)
                }
                None => found.period.clone(),
            })
        })
        .collect()
}

/// `chosen` with the values of a clause opened by a `when_words` word right after a
/// period taken as of that period, reference or not: "172,000 cases last year, down
/// from 2022, when more than 367,000 people were infected" reads 367,000 for 2022.
fn of_the_time_before(
    s: &str,
    values: &[(Range<usize>, Quantity)],
    mut chosen: Vec<Option<usize>>,
    periods: &[FoundPeriod],
    pack: &crate::lang::LangPack,
) -> Vec<Option<usize>> {
    if pack.when_words.is_empty() {
        return chosen;
    }
    for (v, (range, _)) in values.iter().enumerate() {
        let before = &s[..range.start];
        let Some(comma) = clause_opened_by(before, &pack.when_words) else {
            continue;
        };
        let period_end = before[..comma].trim_end().len();
        if let Some(p) = periods.iter().position(|p| p.range.end == period_end) {
            chosen[v] = Some(p);
        }
    }
    chosen
}

/// The offset of the comma (semicolon, opening bracket) opening the clause that ends
/// `before`, when one of `words` opens that clause.
fn clause_opened_by(before: &str, words: &[String]) -> Option<usize> {
    let comma = before.rfind([',', ';', '('])?;
    let opening = before[comma + 1..].trim_start();
    words
        .iter()
        .any(|word| {
            opening
                .strip_prefix(word.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .then_some(comma)
}

/// For each value in a relative clause set off by commas ("The minimum wage, which
/// rose to 9.19 euros, will climb to …"), the end of that clause: the value takes
/// no period written after it (`relative_words`).
fn relative_clause_ends(
    s: &str,
    values: &[(Range<usize>, Quantity)],
    pack: &crate::lang::LangPack,
) -> Vec<Option<usize>> {
    values
        .iter()
        .map(|(range, _)| {
            clause_opened_by(&s[..range.start], &pack.relative_words)?;
            s[range.end..]
                .find([',', ';', ')'])
                .map(|at| range.end + at)
        })
        .collect()
}

/// The period each value is stated for, as an index into `periods`.
///
/// A comparison's base figure ("up from $79.4 billion in 2023", "so với mức 87,7 tỷ
/// USD của năm 2022", `bases`) takes the nearest period written after it in its
/// clause, whether or not a comparison word introduces that period; without one it
/// has none (it is not a mention). The other values take the nearest period that is
/// neither a reference nor a base's: in the same statement first (semicolons part
/// them), then fewest clause breaks, then fewest bytes.
/// Pairs are taken best first and a period goes to one value while another period is
/// left: in "in 2024, trade amounted to X, while in the first quarter of 2025 it
/// totaled Y" the quarter is Y's (no clause break), so X gets 2024 although the
/// quarter is nearer. A value left over shares the nearest period, unless it stands
/// in a relative clause the period comes after (`relative_ends`).
fn own_periods(
    clauses: &ClauseIndex,
    values: &[(Range<usize>, Quantity)],
    (bases, relative_ends): (&[bool], &[Option<usize>]),
    (periods, elsewhere): (&[FoundPeriod], &[bool]),
) -> Vec<Option<usize>> {
    let is_base = |v: usize| bases.get(v).copied().unwrap_or(false);
    let mut chosen: Vec<Option<usize>> = vec![None; values.len()];
    let mut taken = vec![false; periods.len()];
    for (v, (range, _)) in values.iter().enumerate() {
        if !is_base(v) {
            continue;
        }
        let after = periods
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.range.start >= range.end && clauses.breaks(range.end..p.range.start) == 0
            })
            .min_by_key(|(_, p)| p.range.start);
        if let Some((p, _)) = after {
            chosen[v] = Some(p);
            taken[p] = true;
        }
    }
    let own: Vec<usize> = (0..periods.len())
        .filter(|&p| {
            !periods[p].reference && !taken[p] && !elsewhere.get(p).copied().unwrap_or(false)
        })
        .collect();
    let distance = |value: &Range<usize>, p: &FoundPeriod| {
        let between = if p.range.end <= value.start {
            p.range.end..value.start
        } else {
            value.end..p.range.start.max(value.end)
        };
        (
            clauses.statement_breaks(between.clone()),
            clauses.breaks(between.clone()),
            between.len(),
        )
    };
    let mut pairs: Vec<((usize, usize, usize), usize, usize)> = values
        .iter()
        .enumerate()
        .filter(|&(v, _)| !is_base(v))
        .flat_map(|(v, (range, _))| {
            own.iter()
                .map(move |&p| (distance(range, &periods[p]), v, p))
        })
        .collect();
    pairs.sort_unstable();
    for &(_, v, p) in &pairs {
        if chosen[v].is_none() && !taken[p] {
            chosen[v] = Some(p);
            taken[p] = true;
        }
    }
    // More values than periods: the rest share their nearest period, but for a
    // period after the relative clause a value stands in.
    for &(_, v, p) in &pairs {
        let after_its_clause = relative_ends
            .get(v)
            .copied()
            .flatten()
            .is_some_and(|end| periods[p].range.start >= end);
        if chosen[v].is_none() && !after_its_clause {
            chosen[v] = Some(p);
        }
    }
    chosen
}

/// Whether some word of every group passes `holds` (cue groups, context groups).
pub(crate) fn every_group(groups: &[Vec<String>], holds: impl Fn(&str) -> bool) -> bool {
    groups.iter().all(|group| group.iter().any(|w| holds(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_of_a_month_in_digits_is_no_year_of_its_own() {
        let vi = ParseCtx::new(
            crate::lang::pack("vi").expect("vi"),
            chrono::NaiveDate::from_ymd_opt(2024, 8, 20),
        );
        let year_in = |text: &str| {
            let at = text.rfind("2024").expect("a year");
            year_of_a_month(ValueKind::Period, text, (&(at..at + 4), at), &vi)
        };
        assert!(year_in("rieng thang 3/2024, kim ngach"));
        assert!(year_in("im 07.2024"));
        assert!(year_in("12-2024"));
        assert!(year_in("rieng thang 7 nam 2024, kim ngach"));
        assert!(year_in("thang muoi hai nam 2024, kim ngach"));
        // A day's year, a year alone, a range of years, a document number: not months.
        assert!(!year_in("ngay 1/7/2024, luong"));
        assert!(!year_in("nam 2024, kim ngach"));
        assert!(!year_in("2023-2024"));
        assert!(!year_in("13/2024"));
        assert!(!year_in("so a5/2024"));
        assert!(!year_in("ngay 5 thang 7 nam 2024, kim ngach"));
        assert!(!year_of_a_month(
            ValueKind::Money,
            "3/2024",
            (&(2..6), 2),
            &vi
        ));
        // A month the match takes in itself is the pattern's choice.
        assert!(!year_of_a_month(
            ValueKind::Year,
            "since 3/2024",
            (&(8..12), 0),
            &vi
        ));
        let en = ParseCtx::new(
            crate::lang::pack("en").expect("en"),
            chrono::NaiveDate::from_ymd_opt(2024, 8, 20),
        );
        let in_en = |text: &str| {
            let at = text.rfind("2024").expect("a year");
            year_of_a_month(ValueKind::Year, text, (&(at..at + 4), at), &en)
        };
        assert!(in_en("in july 2024, trade reached"));
        assert!(!in_en("on july 5, 2024, trade reached"));
        assert!(!in_en("in 2024, trade reached"));
    }

    #[test]
    fn comparison_reach() {
        let words = vec!["so voi".to_string(), "from".to_string()];
        assert!(introduced_by_comparison(
            "tang 34,5% so voi cung ky nam ",
            &words
        ));
        assert!(introduced_by_comparison("up 99 per cent from ", &words));
        assert!(!introduced_by_comparison("from the ministry, in ", &words));
    }

    /// A comparison word is a whole word; one ending in punctuation ends itself.
    #[test]
    fn comparison_words_are_whole_words() {
        assert!(introduced_by("stieg von 5 mio. auf ", "auf"));
        assert!(!introduced_by("stieg aufwarts ", "auf"));
        assert!(!introduced_by("exports fromage ", "from"));
        assert!(introduced_by("800 million vs. ", "vs."));
        assert!(introduced_by("passees d'", "d'"));
    }
}
