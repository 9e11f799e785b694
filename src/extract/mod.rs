//! Extraction: one document → the typed mentions of every claim it makes.
//!
//! Second stage of the pipeline (`Document` → `Mention`). The document body is folded
//! once; an Aho-Corasick prefilter per language over the literals each pattern
//! requires selects the claim patterns that can match, only those run; cue claims look at sentences holding a word of every cue group. Every
//! value is parsed into a typed interval and every span is mapped back to bytes of the
//! original file. A percentage change ("up 99% from 2023") yields a derived mention:
//! the value it implies for the reference period.

mod carry;
mod cues;
mod dateline;
mod derive;
pub(crate) mod folded_classes;
mod sign;
pub(crate) use cues::introduced_by_comparison;
pub(crate) use derive::implied;
pub(crate) mod pattern;
mod pattern_regex;
pub(crate) mod prefilter;
pub(crate) mod sentence;
pub(crate) mod weekday;
mod word_edges;

use std::collections::HashMap;
use std::rc::Rc;

use crate::check::Span;
use crate::corpus::Document;
use crate::fold::Folded;
use crate::lang::{self, LangPack};
use crate::names::whole_word;
use crate::rules::{Claim, ClaimKind, Rules, SUBJECT_REACH};
use crate::value::quantity::RANK_UNIT;
use crate::value::{DatePrecision, DateSpan, ParseCtx, Period, Quantity, Value, ValueKind};
use pattern_regex::PatternCaptures;

/// A claim made by a document: which claim, which fact key, where, and what value.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Mention {
    /// Index of the claim in `Rules::claims`.
    pub claim: usize,
    /// The filled fact key (`trade/vn-kz/2024`).
    pub key: String,
    /// Key placeholder values (`year` → `2024`), for message templates.
    pub bindings: Vec<(String, String)>,
    /// Byte span of the value in the original file.
    pub span: Span,
    /// The value, as an interval.
    pub value: Quantity,
    /// Set when the value is implied by a stated value and a percentage change.
    pub derived: Option<Derived>,
    /// The sources its sentence names: bit `i` is set when a word of
    /// `Rules::named_sources[i]` stands in it (an `accept` value with `named`
    /// counts only then).
    pub named: u64,
    /// Its sentence states other figures of its kind too: a source the sentence
    /// names may be theirs, so the figure is not taken as credited to it.
    pub among_figures: bool,
}

/// How a derived mention's value was computed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Derived {
    /// The stated value and its span.
    pub stated: Quantity,
    pub stated_span: Span,
    /// The stated change (signed percent) and the key of the stated value.
    pub change: Quantity,
    pub stated_key: String,
}

/// A claim that could not be read for lack of context (e.g. no document date).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unresolved {
    pub claim: usize,
    pub span: Span,
    pub reason: String,
}

/// A temporal claim made by a document (`date`, `anniversary`, `since`, `first`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TemporalMention {
    /// Index of the claim in `Rules::claims`.
    pub claim: usize,
    /// Byte span of the stated value (or of the whole match for `first`).
    pub span: Span,
    /// What the document states.
    pub stated: Stated,
    /// Read by the claim's cue words, which tie a value to the claim only by
    /// sharing its sentence, rather than by a pattern that places it.
    pub by_cues: bool,
    /// A date in a sentence telling of a changed plan ("originally scheduled for
    /// 11–13 June"): it may be the dates a postponed event was first planned for.
    pub of_a_changed_plan: bool,
}

/// The value of a temporal mention.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Stated {
    /// A date or date range; `specificity` ranks how precisely it was written
    /// (range > full date > day-month > month > relative word).
    Date { date: DateSpan, specificity: u8 },
    /// A duration, with the span of years or dates written beside it ("33 năm …
    /// (1992-2025)"): a number of years, or of the months, weeks or days its
    /// `Quantity::unit` names ("hơn 3 tháng", an `elapsed` claim's).
    Count {
        amount: Quantity,
        written_span: Option<(Span, WrittenSpan)>,
        /// A count of calendar years: written as an ordinal ("the 33rd
        /// anniversary"), or in a sentence that speaks of this year before it ("Năm
        /// nay, hai nước kỷ niệm 30 năm …": the anniversary of this year).
        calendar: bool,
        /// Years by which the sentence moves its time from the document's date
        /// ("last year they marked the 30th anniversary": -1).
        reference_shift: i32,
        /// The years the sentence names ("in 2022, the 30th anniversary …"): the
        /// count may be meant as of one of them.
        named_years: Vec<i32>,
    },
    /// The claim was made ("the first ever …"); nothing else to read.
    Occurrence,
}

/// A span of time written out beside a count.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum WrittenSpan {
    /// "(1992-2025)".
    Years { start: i32, end: i32 },
    /// "(29/6/1992-29/6/2023)".
    Dates(DateSpan),
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extraction {
    pub mentions: Vec<Mention>,
    pub temporal: Vec<TemporalMention>,
    pub unresolved: Vec<Unresolved>,
    /// Weekdays written beside a date of another weekday.
    pub wrong_weekdays: Vec<weekday::WrongWeekday>,
    /// Relative days ("yesterday") written beside a date of another day.
    pub wrong_relative_days: Vec<weekday::WrongRelativeDay>,
}

/// Compiled claim matchers, grouped by language.
pub(crate) struct Extractor<'r> {
    rules: &'r Rules,
    by_lang: HashMap<String, LangMatchers>,
}

struct LangMatchers {
    pack: &'static LangPack,
    /// The pack's abbreviations, indexed for sentence splitting.
    abbreviations: sentence::Abbreviations<'static>,
    /// Prefilter over every pattern and scope or cue word of the language.
    prefilter: prefilter::Prefilter,
    /// (claim index, pattern index in the claim) per pattern of the prefilter.
    patterns: Vec<(usize, usize)>,
    /// (claim index, cue set index) of cue claims.
    cues: Vec<(usize, usize)>,
    /// How the rules write the scope and cue words that carry diacritics (folded
    /// word → spellings), for the words no list writes without them.
    spellings: crate::hash::FxMap<String, Vec<String>>,
}

impl<'r> Extractor<'r> {
    pub(crate) fn new(rules: &'r Rules) -> Self {
        let mut by_lang: HashMap<String, LangMatchers> = HashMap::new();
        let mut literals: HashMap<String, Vec<Vec<prefilter::Literals>>> = HashMap::new();
        for (ci, claim) in rules.claims.iter().enumerate() {
            for (pi, pattern) in claim.patterns.iter().enumerate() {
                if let Some(m) = matchers(&mut by_lang, &pattern.lang) {
                    m.patterns.push((ci, pi));
                    literals
                        .entry(pattern.lang.clone())
                        .or_default()
                        .push(pattern.literals.clone());
                }
            }
            for (si, cue) in claim.cues.iter().enumerate() {
                if let Some(m) = matchers(&mut by_lang, &cue.lang) {
                    m.cues.push((ci, si));
                }
            }
        }
        // Weekdays beside dates are checked in every language with a pack, whether or
        // not a claim reads it.
        for code in lang::known_codes() {
            matchers(&mut by_lang, &code);
        }
        // Scope and cue words, searched in the same pass as the pattern literals.
        let mut words: HashMap<&str, Vec<&str>> = HashMap::new();
        for claim in &rules.claims {
            for (lang, scope) in &claim.scope {
                let list = words.entry(lang.as_str()).or_default();
                list.extend(scope.context.iter().flatten().map(String::as_str));
                list.extend(scope.exclude.iter().map(String::as_str));
                list.extend(scope.followed_by.iter().map(String::as_str));
                list.extend(scope.subject.iter().map(String::as_str));
                list.extend(scope.other_subject.iter().map(String::as_str));
            }
            for cue in &claim.cues {
                let list = words.entry(cue.lang.as_str()).or_default();
                list.extend(cue.groups.iter().flatten().map(String::as_str));
                // A sentence referring back takes the cues of the one before it.
                let pack = lang::pack(&cue.lang);
                list.extend(
                    pack.iter()
                        .flat_map(|p| &p.back_references)
                        .map(String::as_str),
                );
            }
        }
        for (lang, m) in &mut by_lang {
            let literals = literals.remove(lang).unwrap_or_default();
            let mut words = words.remove(lang.as_str()).unwrap_or_default();
            // Weekdays and relative days, checked against the dates beside them.
            words.extend(m.pack.weekdays.iter().map(|(w, _)| w.as_str()));
            words.extend(m.pack.relative_days.iter().map(|(w, _)| w.as_str()));
            // Words naming a source may stand in copy of any language.
            words.extend(
                rules
                    .named_sources
                    .iter()
                    .flat_map(|s| &s.words)
                    .map(String::as_str),
            );
            m.prefilter = prefilter::Prefilter::new(literals, words);
            m.spellings = marked_spellings(rules, lang);
        }
        Extractor { rules, by_lang }
    }

    /// Whether a language pack exists for the document's language.
    pub(crate) fn knows_language(lang: &str) -> bool {
        lang::pack(lang).is_some()
    }

    /// All mentions of `doc`, in document order, without duplicates.
    /// `folded` is `fold::fold(doc.body())`, computed once per document by the caller
    /// and shared with the name check.
    pub(crate) fn extract(&self, doc: &Document, folded: &Folded) -> Extraction {
        let mut out = Extraction::default();
        let Some(matchers) = self.by_lang.get(&doc.lang) else {
            return out;
        };
        // A wire dateline tells where and when the story was filed: no claim reads it.
        let masked = dateline::without_datelines(folded, doc.body());
        let folded = masked.as_ref().unwrap_or(folded);
        // Durations and counts are hedged as the pack's figures are (`[meta] hedges`);
        // a quantity claim reads its own figures with its own `hedges`.
        let ctx = ParseCtx {
            hedges: self.rules.meta.hedges.unwrap_or_default(),
            written: Some(crate::value::Written {
                original: doc.body(),
                folded,
                typed_plain: matchers.pack.typed_without_diacritics,
            }),
            ..ParseCtx::new(matchers.pack, doc.date)
        };
        let scan = matchers.prefilter.scan(&folded.text);
        let located = Locator {
            folded,
            doc,
            pack: matchers.pack,
            words: scan.words,
            abbreviations: &matchers.abbreviations,
            spellings: &matchers.spellings,
            named_sources: &self.rules.named_sources,
            countries: std::cell::RefCell::default(),
            sentences: std::cell::OnceCell::new(),
            opening: std::cell::OnceCell::new(),
        };
        out.wrong_weekdays = weekday::wrong_weekdays(&located, &ctx);
        out.wrong_relative_days = weekday::wrong_relative_days(&located, &ctx);
        // Whether a claim applies to this document, computed once per claim: its
        // context words are searched in the whole text.
        let mut scope_memo: Vec<Option<bool>> = vec![None; self.rules.claims.len()];
        let whole = 0..folded.text.len();
        let mut in_scope = |ci: usize| {
            *scope_memo[ci].get_or_insert_with(|| {
                let claim = &self.rules.claims[ci];
                let dated = claim.doc_dates.as_ref().is_none_or(|window| {
                    doc.date
                        .is_some_and(|d| window.start <= d && d <= window.end)
                });
                dated
                    && claim.scope.get(&doc.lang).is_none_or(|scope| {
                        cues::every_group(&scope.context, |w| located.holds_word(whole.clone(), w))
                    })
            })
        };
        let candidates: Vec<(usize, usize)> = scan
            .candidates
            .into_iter()
            .map(|index| matchers.patterns[index])
            .filter(|&(ci, _)| in_scope(ci))
            .collect();
        self.compile_in_parallel(&candidates);
        for (ci, pi) in candidates {
            self.run_pattern(ci, pi, &located, &ctx, &mut out);
        }
        for &(ci, si) in &matchers.cues {
            if in_scope(ci) {
                cues::run(
                    self.rules,
                    ci,
                    &self.rules.claims[ci].cues[si],
                    &located,
                    &ctx,
                    &mut out,
                );
            }
        }
        sign::resolve(self.rules, &located, matchers.pack, &mut out.mentions);
        out.mentions.sort_by(|a, b| {
            (a.span, a.derived.is_some(), a.claim).cmp(&(b.span, b.derived.is_some(), b.claim))
        });
        // The same value read by two claims for the same key counts once, whatever
        // other claims read it for other keys (they sort between).
        let mut read_for_key = std::collections::HashSet::new();
        out.mentions
            .retain(|m| read_for_key.insert((m.span, m.key.clone())));
        drop_broader_readings(&mut out.mentions);
        out.temporal.sort_by_key(|m| (m.span, m.claim));
        out.temporal
            .dedup_by(|b, a| a.span == b.span && a.claim == b.claim);
        drop_nested_dates(&mut out.temporal);
        drop_overlapping_statements(&mut out.temporal);
        out
    }

    /// Compiles the patterns of `candidates` not compiled yet on all threads: the
    /// first documents of a run (or the only one) would otherwise compile them one
    /// after another, and compiling a large pattern costs more than matching it.
    fn compile_in_parallel(&self, candidates: &[(usize, usize)]) {
        use rayon::prelude::*;
        let mut pending: Vec<&pattern::Pattern> = candidates
            .iter()
            .map(|&(ci, pi)| &self.rules.claims[ci].patterns[pi])
            .filter(|p| !p.regex.is_compiled())
            .collect();
        // Claims that write the same pattern share its regex: compile it once.
        pending.sort_by_key(|p| std::sync::Arc::as_ptr(&p.regex));
        pending.dedup_by_key(|p| std::sync::Arc::as_ptr(&p.regex));
        if pending.len() > 1 {
            pending.par_iter().for_each(|p| {
                // A failure is kept in the pattern, for the end of the run.
                let _ = p.regex.compile();
            });
        }
    }

    fn run_pattern(
        &self,
        ci: usize,
        pi: usize,
        at: &Locator,
        ctx: &ParseCtx,
        out: &mut Extraction,
    ) {
        let claim = &self.rules.claims[ci];
        let pattern = &claim.patterns[pi];
        let (exclude, subject, other_subject) = claim.scope_in(&pattern.lang).sentence_words();
        let by_sentence = !exclude.is_empty()
            || !subject.is_empty()
            || !other_subject.is_empty()
            || !claim.parties.is_empty();
        let text = &at.folded.text;
        let mut pos = 0;
        while pos <= text.len() {
            let Some(caps) = pattern.regex.captures_at(text, pos) else {
                break;
            };
            let caps = nearest_to_the_words(pattern, caps, text);
            let whole = caps.whole();
            pos = if whole.is_empty() {
                next_char(text, whole.end)
            } else {
                whole.end
            };
            // The sentence of the match's first word: a pattern may begin with the
            // previous sentence's full stop ("(?:^|[.!?] )").
            let first_word = at.folded.text[whole.clone()]
                .find(char::is_alphanumeric)
                .map_or(whole.start, |offset| whole.start + offset);
            let read = QuantityRead::of(ci, claim, &pattern.lang);
            let skipped = by_sentence
                && at.sentence_at(first_word).is_some_and(|sentence| {
                    at.excluded_from(sentence.clone(), exclude, read.is_some(), &[])
                        .is_some_and(|cut| whole.end > cut)
                        || !at.names_subject(
                            sentence.clone(),
                            (subject, other_subject),
                            headline_names_subject(&claim.kind),
                        )
                        || at.about_other_countries(
                            at.through_clause(sentence, whole.end, ctx.pack),
                            whole.end,
                            &claim.parties,
                            ctx.pack,
                        )
                });
            if skipped {
                continue;
            }
            match read {
                Some(read) => quantity_match(&read, pattern, &caps, at, ctx, out),
                None => {
                    temporal_match(ci, &claim.kind, pattern, &caps, at, ctx, out);
                }
            }
        }
    }
}

/// Whether a `subject` word of the headline names the subject of a claim of `kind`
/// in the lead and the paragraph after it (see [`Locator::names_subject`]): of every
/// kind but dates, as copy gives many dates of other events there ("Bế mạc Liên hoan
/// phim Quốc tế Hà Nội" over "… liên hoan được tổ chức hằng năm" speaks of the
/// festival; its lead's dates may be any event's).
fn headline_names_subject(kind: &ClaimKind) -> bool {
    !matches!(kind, ClaimKind::Date { .. })
}

/// The match of a pattern that writes its value before its words ("{date},? … special
/// mechanisms"): when the words stand in a later clause than the value and another
/// match ends with the same words and holds its value in their clause, that one ("Ende
/// 2024 beschloss das Parlament den Neustart, im März 2025 folgten Sondermechanismen"
/// speaks of March 2025). The leftmost match would read the first date of the sentence.
fn nearest_to_the_words<'t>(
    pattern: &pattern::Pattern,
    caps: PatternCaptures<'t>,
    text: &'t str,
) -> PatternCaptures<'t> {
    let first_value = |caps: &PatternCaptures| {
        pattern
            .slots
            .iter()
            .filter_map(|slot| caps.name(&slot.group))
            .min_by_key(|m| m.start())
            .map(|m| m.range())
    };
    let whole = caps.whole();
    let Some(value) = first_value(&caps) else {
        return caps;
    };
    if sentence::clause_breaks(&text[value.end..whole.end]) == 0 {
        return caps;
    }
    // Searched up to the match's end only: a later match must end there too.
    let nearer = pattern
        .regex
        .captures_at(&text[..whole.end], value.end)
        .filter(|later| later.whole().end == whole.end)
        .filter(|later| {
            first_value(later).is_some_and(|v| {
                v.start >= value.end && sentence::clause_breaks(&text[v.end..whole.end]) == 0
            })
        });
    nearer.unwrap_or(caps)
}

/// The byte offset after the character at `at` (the end of `text` at its end).
fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| at + c.len_utf8())
}

/// How many words before a since-word a record word may stand ("the first rate cut
/// in the euro area since").
const RECORD_REACH: usize = 8;

/// Reads one match of a quantity pattern: the value, its period, a derived mention
/// when a percentage change is stated, and a mention of the base period when the
/// base figure itself is written (`{money:base}`: "up from $355 billion in 2023").
fn quantity_match(
    read: &QuantityRead,
    pattern: &pattern::Pattern,
    caps: &PatternCaptures,
    at: &Locator,
    ctx: &ParseCtx,
    out: &mut Extraction,
) {
    let &QuantityRead {
        claim: ci,
        key,
        value_kind,
        carry_period,
        rounded,
        exact,
        hedges,
        not_after,
        ..
    } = read;
    let ctx = &ParseCtx {
        rounded,
        exact,
        hedges,
        ..*ctx
    };
    let mut main: Option<(Span, Quantity)> = None;
    let mut main_at = 0;
    let mut main_end = 0;
    let mut base_value: Option<(Span, Quantity)> = None;
    let mut period: Option<Period> = None;
    let mut base: Option<Period> = None;
    let mut change: Option<(Span, Quantity)> = None;
    let mut failed = false;
    for slot in &pattern.slots {
        let Some(m) = caps.name(&slot.group) else {
            continue;
        };
        // "hàng trăm sinh viên" (hundreds of students) states no figure, nor does
        // "seit 2013 Pflegekräfte" (a year).
        if crate::value::lone_multiplier(&at.folded.text, &m.range(), ctx.pack)
            || crate::value::in_document_number(slot.kind, &at.folded.text, &m.range())
            || cues::year_of_a_month(
                slot.kind,
                &at.folded.text,
                (&m.range(), caps.whole().start),
                ctx,
            )
            || slot.kind.names_a_time() && at.since_a_record(m.range(), ctx.pack)
            || crate::value::year_after_preposition(
                slot.kind,
                &at.folded.text,
                &m.range(),
                ctx.pack,
            )
        {
            return;
        }
        let span = at.span(m.range());
        let parsed = match pattern::parse_slot(slot, m.as_str(), ctx) {
            // "stieg 2024 um 2,9 Prozent": the direction is the clause's verb's; a
            // change with none is not read, the value still is.
            Err(err) if err.needs_direction() => match at.change_direction(m.start(), ctx.pack) {
                Some(negative) => {
                    crate::value::parse_change_in_direction(m.as_str(), ctx, negative)
                }
                None => continue,
            },
            parsed => parsed,
        };
        match parsed {
            Ok(value) => match (slot.label.as_deref(), value) {
                (None, Value::Year(y)) => period = Some(Period::Year(y)),
                (None, Value::Period(p)) => {
                    let shift = implied_year_shift(at, m.range(), ctx);
                    period = Some(p.with_year(p.year().saturating_add(shift)));
                }
                (Some(_), Value::Year(y)) => base = Some(Period::Year(y)),
                (Some(_), Value::Period(p)) => base = Some(p),
                (_, Value::Change(q)) => change = Some((span, q)),
                // "one of the largest trading partners" names no place.
                (None, Value::Rank(q)) if at.ranks_a_group(m.start(), &q, ctx.pack) => return,
                // "tăng khoảng 40%" is no count of kilometres.
                (None, _)
                    if slot.kind == ValueKind::Number
                        && at.followed_by_percent(m.end(), ctx.pack) =>
                {
                    return;
                }
                (None, value) if slot.kind == value_kind && main.is_none() => {
                    let value = crate::value::with_minus_before(
                        value,
                        &at.folded.text,
                        m.start(),
                        ctx.pack,
                    );
                    main = quantity(value).map(|q| (span, q));
                    main_at = m.start();
                    main_end = m.end();
                }
                (Some(_), value) if slot.kind == value_kind && base_value.is_none() => {
                    base_value = quantity(value).map(|q| (span, q));
                }
                _ => {}
            },
            Err(err) => {
                note_unresolved(out, ci, span, err);
                failed = true;
            }
        }
    }
    if failed || main.is_some() && at.introduced_by(main_at, not_after) {
        return;
    }
    // "So far in 2024, trade reached …": a figure counted to date is part of a year.
    if main.is_some()
        && matches!(period, None | Some(Period::Year(_)))
        && cues::counted_to_date_at(at, main_at..main_end, ctx)
    {
        return;
    }
    if period.is_none() && carry_period && main.is_some() {
        period = carry::context_period(at, main_at, ctx);
    }
    let named = at.sources_named_at(main_at);
    // Only a sentence naming a source needs its figures counted.
    let among_figures = named != 0 && at.figures_in_sentence(main_at, value_kind, ctx) > 1;
    let credit = (named, among_figures);
    if let (Some((span, value)), Some(period)) = (base_value, period.as_ref()) {
        let base = derive::base_period(period, base.as_ref());
        push_quantity(out, ci, key, bind(key, Some(&base)), span, value, credit);
    }
    let Some((span, value)) = main else {
        return;
    };
    if let (Some((change_span, change)), Some(period)) = (change, period.as_ref()) {
        let base = derive::base_period(period, base.as_ref());
        if let Some(filled) = fill_key(key, &bind(key, Some(period)))
            && let Some(m) =
                derive::derived(ci, key, &filled, span, &value, change_span, &change, &base)
        {
            out.mentions.push(Mention {
                named,
                among_figures,
                ..m
            });
        }
    }
    let bindings = match &period {
        Some(period) => bind(key, Some(period)),
        // A figure of a sentence that states an earlier period than the latest
        // fact's ("Năm 2020, vùng II là 3,92 triệu đồng") is that period's.
        None if read.latest_year(ctx).is_some_and(|latest| {
            carry::periods_stated_for(at, main_at..main_end, caps.whole(), ctx)
                .iter()
                .any(|p| p.year() < latest)
        }) =>
        {
            return;
        }
        None => read.undated_bindings(ctx).unwrap_or_default(),
    };
    push_quantity(out, ci, key, bindings, span, value, credit);
}

/// What a quantity claim reads: its key template, value kind and whether a value
/// without a period takes one from its context.
pub(super) struct QuantityRead<'a> {
    pub claim: usize,
    pub key: &'a str,
    pub value_kind: ValueKind,
    pub carry_period: bool,
    /// Whether bare figures stand for their rounding interval (`rounded`).
    pub rounded: bool,
    /// Whether a bare figure is exactly the value written (`exact`).
    pub exact: bool,
    /// The shares hedges widen a figure by (`hedges`).
    pub hedges: crate::value::HedgeWidths,
    /// Words whose value is not read (`not_after` of the document's language).
    pub not_after: &'a [String],
    /// Words one of which must follow a cue-read value (`followed_by`).
    pub followed_by: &'a [String],
    /// The facts an undated figure may be read for (`undated = "latest"`).
    pub latest: Option<&'a [crate::rules::LatestFact]>,
}

impl QuantityRead<'_> {
    /// The latest of the claim's `latest` facts known on the document's date.
    fn latest_fact(&self, ctx: &ParseCtx) -> Option<&crate::rules::LatestFact> {
        let doc_date = ctx.doc_date?;
        self.latest?.iter().rev().find(|fact| fact.from <= doc_date)
    }

    /// The year of the latest fact known on the document's date (`2024` of
    /// `2024-07-01` or of `2024-H1`).
    pub(super) fn latest_year(&self, ctx: &ParseCtx) -> Option<i32> {
        self.latest_fact(ctx)?.binding.get(..4)?.parse().ok()
    }

    /// The key bindings of a figure stating no period: those of the latest of the
    /// claim's `latest` facts known on the document's date.
    pub(super) fn undated_bindings(&self, ctx: &ParseCtx) -> Option<Vec<(String, String)>> {
        let fact = self.latest_fact(ctx)?;
        let name = if self.key.contains("{period}") {
            "period"
        } else {
            "year"
        };
        Some(vec![(name.to_string(), fact.binding.clone())])
    }
}

impl<'a> QuantityRead<'a> {
    /// What claim `claim` (at index `index`) reads in language `lang`, if it is a
    /// quantity claim.
    pub(super) fn of(index: usize, claim: &'a Claim, lang: &str) -> Option<Self> {
        let not_after = claim.scope.get(lang).map_or(&[][..], |s| &s.not_after[..]);
        let followed_by = claim
            .scope
            .get(lang)
            .map_or(&[][..], |s| &s.followed_by[..]);
        match &claim.kind {
            ClaimKind::Quantity {
                key,
                value,
                carry_period,
                latest,
                rounded,
                exact,
                hedges,
                ..
            } => Some(QuantityRead {
                claim: index,
                key: key.as_str(),
                value_kind: *value,
                carry_period: *carry_period,
                latest: latest.as_deref(),
                rounded: *rounded,
                exact: *exact,
                hedges: *hedges,
                not_after,
                followed_by,
            }),
            _ => None,
        }
    }
}

/// Pushes a direct mention of `value` with the key's `bindings`, unless they do not
/// fill it;
/// `named` and `among_figures`: what its sentence says of sources ([`Mention::named`],
/// [`Mention::among_figures`]).
fn push_quantity(
    out: &mut Extraction,
    claim: usize,
    key: &str,
    bindings: Vec<(String, String)>,
    span: Span,
    value: Quantity,
    (named, among_figures): (u64, bool),
) {
    let Some(filled) = fill_key(key, &bindings) else {
        return;
    };
    out.mentions.push(Mention {
        claim,
        key: filled,
        bindings,
        span,
        value,
        derived: None,
        named,
        among_figures,
    });
}

/// Two patterns of one claim that read a range ("from Oct. 31 to Nov. 1, 2011") and
/// a date at its start ("Oct. 31", then of the document's year) read one statement;
/// the longer reading is the one written, so a date inside another date of the same
/// claim goes. `temporal` is sorted by span.
fn drop_nested_dates(temporal: &mut Vec<TemporalMention>) {
    let is_date = |m: &TemporalMention| matches!(m.stated, Stated::Date { .. });
    let nested: Vec<bool> = temporal
        .iter()
        .map(|inner| {
            is_date(inner)
                && temporal.iter().any(|outer| {
                    is_date(outer)
                        && outer.claim == inner.claim
                        && outer.span != inner.span
                        && outer.span.start <= inner.span.start
                        && inner.span.end <= outer.span.end
                })
        })
        .collect();
    let mut flags = nested.into_iter();
    temporal.retain(|_| !flags.next().unwrap_or(false));
}

/// Two patterns of one claim that match overlapping text ("Troussier … giúp U22 Việt
/// Nam giành HCV SEA Games 32", "U22 Việt Nam giành HCV SEA Games 32") read one
/// statement: the first match stays. `temporal` is sorted by span.
fn drop_overlapping_statements(temporal: &mut Vec<TemporalMention>) {
    let is_statement = |m: &TemporalMention| matches!(m.stated, Stated::Occurrence);
    let mut kept: Vec<(usize, Span)> = Vec::new();
    temporal.retain(|m| {
        if !is_statement(m) {
            return true;
        }
        let overlaps = kept.iter().any(|&(claim, span)| {
            claim == m.claim && span.start < m.span.end && m.span.start < span.end
        });
        if !overlaps {
            kept.push((m.claim, m.span));
        }
        !overlaps
    });
}

/// Two patterns of one claim that read the same value for a year and for a part of
/// it ("riêng quý IV/2024, GDP tăng 7,55% so với cùng kỳ năm trước": Q4 2024, and 2024
/// from "năm trước") disagree on the period; the part is the one written at the
/// value, so the year's reading goes. `mentions` is sorted by span.
fn drop_broader_readings(mentions: &mut Vec<Mention>) {
    let narrower_than =
        |part: &Mention, whole: &Mention| {
            part.claim == whole.claim
                && part.span == whole.span
                && part.derived.is_none()
                && whole.derived.is_none()
                && part.bindings.len() == whole.bindings.len()
                && part.bindings.iter().zip(&whole.bindings).all(
                    |((name, part), (other, whole))| {
                        name == other
                            && (part == whole
                                || name == "period"
                                    && part
                                        .strip_prefix(whole.as_str())
                                        .is_some_and(|rest| rest.starts_with('-')))
                    },
                )
        };
    let broader: Vec<bool> = mentions
        .iter()
        .enumerate()
        .map(|(i, whole)| {
            mentions[..i]
                .iter()
                .rev()
                .take_while(|m| m.span == whole.span)
                .chain(
                    mentions[i + 1..]
                        .iter()
                        .take_while(|m| m.span == whole.span),
                )
                .any(|part| part.key != whole.key && narrower_than(part, whole))
        })
        .collect();
    let mut flags = broader.into_iter();
    mentions.retain(|_| !flags.next().unwrap_or(false));
}

/// Reads one match of a temporal pattern of claim `ci`, of kind `kind`.
fn temporal_match(
    ci: usize,
    kind: &crate::rules::ClaimKind,
    pattern: &pattern::Pattern,
    caps: &PatternCaptures,
    at: &Locator,
    ctx: &ParseCtx,
    out: &mut Extraction,
) {
    use crate::rules::ClaimKind;
    let whole = caps.whole();
    // A false statement is the whole match, whatever its placeholders read; one
    // its sentence denies or calls a rumour is refuted, not made.
    if matches!(kind, ClaimKind::False { .. }) {
        if at.denied_around(whole.clone(), ctx.pack) || at.negated(whole.start, ctx.pack) {
            return;
        }
        out.temporal.push(TemporalMention {
            claim: ci,
            span: at.span(whole),
            stated: Stated::Occurrence,
            by_cues: false,
            of_a_changed_plan: false,
        });
        return;
    }
    // An ordinal or `first` claim: an ordinal "first" followed by a count of years in
    // its sentence is not read.
    let counts_from_first = matches!(kind, ClaimKind::Ordinal { .. } | ClaimKind::First { .. });
    // Only an `elapsed` claim counts months, weeks or days, with its own hedges.
    let any_unit = matches!(kind, ClaimKind::Elapsed { .. });
    let own_hedges;
    let ctx = match kind {
        ClaimKind::Elapsed {
            hedges: Some(hedges),
            ..
        } => {
            own_hedges = ParseCtx {
                hedges: *hedges,
                ..*ctx
            };
            &own_hedges
        }
        _ => ctx,
    };
    let mut date: Option<(Span, DateSpan, u8)> = None;
    let mut count: Option<(Span, Quantity)> = None;
    let mut ordinal = false;
    let mut written: Option<(Span, WrittenSpan)> = None;
    let mut year: Option<(Span, i32)> = None;
    for slot in &pattern.slots {
        let Some(m) = caps.name(&slot.group) else {
            continue;
        };
        // A record's starting point is no event's date; a `since` or `first` claim
        // reads it as the start of its span.
        let record_start = matches!(kind, ClaimKind::Date { .. })
            && slot.kind.names_a_time()
            && at.since_a_record(m.range(), ctx.pack);
        if record_start || crate::value::in_document_number(slot.kind, &at.folded.text, &m.range())
        {
            return;
        }
        let span = at.span(m.range());
        let value = match pattern::parse_slot(slot, m.as_str(), ctx) {
            Ok(value) => value,
            Err(err) => {
                note_unresolved(out, ci, span, err);
                return;
            }
        };
        match value {
            Value::Count(q) if any_unit || q.unit.as_deref() == Some("year") => {
                count = Some((span, q));
            }
            Value::Count(_) => return,
            Value::Ordinal(n) => {
                count = Some((span, exact_years(f64::from(n))));
                ordinal = true;
            }
            Value::YearSpan { start, end } => {
                written = Some((span, WrittenSpan::Years { start, end }))
            }
            Value::DateRange(d) if count.is_some() || written.is_some() || slot.label.is_some() => {
                written = Some((span, WrittenSpan::Dates(d)));
            }
            Value::DateRange(d) => date = Some((span, d, SPECIFICITY_RANGE)),
            Value::Date(_) if weekday::ordinal_not_weekday(at, m.range(), ctx) => return,
            Value::Date(d) => {
                let specificity = date_specificity(&d, m.as_str());
                let d = placed_by_tense(at, m.start(), m.as_str(), d, ctx);
                date = Some((span, d, specificity));
            }
            Value::Year(y) if slot.label.is_none() => year = Some((span, y)),
            _ => {}
        }
    }
    // A bare year is the stated date only where nothing else is ("the first visit
    // since 2018", a `since` claim); beside a count or a date it is context.
    if date.is_none()
        && count.is_none()
        && let Some((span, y)) = year
        && let Some(whole_year) = DateSpan::year(y)
    {
        date = Some((span, whole_year, 1));
    }
    let mention = match (&out_kind(pattern), date, count) {
        (_, Some((span, date, specificity)), None) => TemporalMention {
            claim: ci,
            span,
            stated: Stated::Date { date, specificity },
            by_cues: false,
            of_a_changed_plan: at.tells_of_a_changed_plan(whole.start, ctx.pack),
        },
        (_, None, Some((_, years)))
            if ordinal
                && years.nominal == 1.0
                && counts_from_first
                && years_follow_in_sentence(at, whole.end, ctx) =>
        {
            return;
        }
        // "The first visit by an Australian prime minister in four years" is no
        // claim of a first ever.
        (true, None, None) if counts_from_first && years_follow_in_sentence(at, whole.end, ctx) => {
            return;
        }
        (_, None, Some((span, years))) => TemporalMention {
            claim: ci,
            span,
            stated: Stated::Count {
                amount: years,
                written_span: written,
                calendar: ordinal || this_year_before(at, whole.start, ctx),
                reference_shift: relative_year_of(at, whole.clone(), ctx),
                named_years: years_in_sentence(at, whole.start),
            },
            by_cues: false,
            of_a_changed_plan: false,
        },
        (true, None, None) => TemporalMention {
            claim: ci,
            span: at.span(whole),
            stated: Stated::Occurrence,
            by_cues: false,
            of_a_changed_plan: false,
        },
        _ => return,
    };
    out.temporal.push(mention);
}

/// A day written without a year (nor a word placing it) after a full date in its
/// sentence, placed in that date's year: "cleared the vaccine on Dec. 12, 2020, and
/// the first shots were given on Dec. 27" speaks of 27 December 2020, whenever the
/// piece appeared.
fn in_the_year_of_an_earlier_date(
    at: &Locator,
    start: usize,
    written: &str,
    date: &DateSpan,
    ctx: &ParseCtx,
) -> Option<DateSpan> {
    use chrono::Datelike;
    if date.precision != DatePrecision::Day
        || crate::value::date::names_a_year(written)
        || placed_by_a_word(written, ctx.pack)
    {
        return None;
    }
    let sentence = at.sentence_at(start)?;
    let before = at.folded.text.get(sentence.start..start)?;
    let year = crate::value::scan(ValueKind::Date, before, ctx)
        .into_iter()
        .rev()
        .find_map(|(range, value)| match value {
            Value::Date(earlier)
                if earlier.precision == DatePrecision::Day
                    && crate::value::date::names_a_year(&before[range]) =>
            {
                Some(earlier.start.year())
            }
            _ => None,
        })?;
    let shift = year - date.start.year();
    (shift != 0).then(|| date.in_year_shifted(shift)).flatten()
}

/// Whether a written date holds a word that places it from the document date ("next
/// May", "tháng 5 năm ngoái", "last month"): its year is set already.
pub(crate) fn placed_by_a_word(written: &str, pack: &LangPack) -> bool {
    let words = |list: &[(String, i32)]| {
        list.iter()
            .any(|(word, _)| prefilter::contains_word(written, word))
    };
    words(&pack.relative_months) || words(&pack.relative_years) || words(&pack.calendar_months)
}

/// How many words after a weekday written alone a future word still puts it in the
/// coming week ("am Freitag beginnen soll").
const FUTURE_REACH: usize = 2;

/// How many words before a false statement a negation word may stand ("not the
/// only …", "không phải là …").
const NEGATION_REACH: usize = 3;

/// A date written without a year, placed by the tense of its clause. A weekday read
/// alone (no day written beside it) as the last one on or before the document date moves to the coming one when a
/// future word stands earlier in its clause ("Ishiba will arrive on Sunday" in a piece
/// of Friday 25 April speaks of 27 April, not 20 April). A month or part of a month
/// written without a year is of the document's year, but of the year before when it
/// starts after the document date and no future word stands before it ("the assembly
/// voted in late November" in a piece of March 2025), and of the year after when it
/// is over and one does ("takes effect in January" in a piece of September). So is a
/// day written without a year that is over when a future word stands before it ("will
/// be sworn in on Jan. 20" in a piece of November speaks of next January).
pub(crate) fn placed_by_tense(
    at: &Locator,
    start: usize,
    written: &str,
    date: DateSpan,
    ctx: &ParseCtx,
) -> DateSpan {
    if let Some(placed) = in_the_year_of_an_earlier_date(at, start, written, &date, ctx) {
        return placed;
    }
    let Some(doc) = ctx.doc_date else {
        return date;
    };
    // A weekday alone: "thứ Hai (9/9)" is the day it writes, wherever the tense.
    let weekday = || {
        !written.bytes().any(|b| b.is_ascii_digit())
            && ctx
                .pack
                .weekdays
                .iter()
                .any(|(word, _)| prefilter::contains_word(written, word))
    };
    let spelled_future =
        |part: &str| at.spells_a_word(part, &ctx.pack.future_words, &ctx.pack.future_spellings);
    let future = || spelled_future(at.clause_before(start));
    // A future word in the next words of its clause counts for a weekday alone too:
    // German puts the verb after a fronted time ("Am Mittwoch will das Kabinett …")
    // and at the end of a short subordinate clause ("der am Freitag beginnen soll").
    let future_next = || spelled_future(at.next_words(start + written.len(), FUTURE_REACH));
    use chrono::Datelike;
    // "On Monday, Sept. 9" after the document date, a Monday only the year before.
    let written_weekday = || {
        ctx.pack
            .weekdays
            .iter()
            .find(|(word, _)| prefilter::contains_word(written, word))
            .map(|&(_, day)| day)
    };
    let year_before = || {
        (date.precision == DatePrecision::Day && !crate::value::date::names_a_year(written))
            .then(written_weekday)
            .flatten()
            .and_then(|day| weekday::in_the_year_before(date.start, doc, day))
    };
    let moved = if date.precision == DatePrecision::Day
        && date.start < doc
        && weekday()
        && (future() || future_next())
    {
        let week = chrono::TimeDelta::days(7);
        date.start
            .checked_add_signed(week)
            .zip(date.end.checked_add_signed(week))
    } else if let Some(before) = year_before() {
        Some((before, before))
    } else if date.precision == DatePrecision::Day
        && date.end < doc
        && written.bytes().any(|b| b.is_ascii_digit())
        && !crate::value::date::names_a_year(written)
        && !placed_by_a_word(written, ctx.pack)
        && (future() || future_next())
    {
        // "Trump will be sworn in on Jan. 20" in a piece of November: the coming one
        // (a day written with its number: "gestern" is placed by the word).
        date.in_year_shifted(1).map(|d| (d.start, d.end))
    } else if matches!(
        date.precision,
        DatePrecision::MonthPart | DatePrecision::Month
    ) && date.start.month() == date.end.month()
        && !crate::value::date::names_a_year(written)
        && !placed_by_a_word(written, ctx.pack)
    {
        let shift = match (date.start > doc, date.end < doc) {
            (true, _) if !future() => -1,
            (_, true) if future() => 1,
            _ => 0,
        };
        (shift != 0)
            .then(|| date.in_year_shifted(shift))
            .flatten()
            .map(|d| (d.start, d.end))
    } else {
        None
    };
    moved.map_or(date.clone(), |(start, end)| DateSpan { start, end, ..date })
}

/// Whether a count of years stands later in the sentence of `from` ("the first visit
/// … in 12 years", "chuyến thăm đầu tiên … sau 10 năm", "der erste Besuch seit 12
/// Jahren"): a first qualified by a time window counts within the window, which is a
/// `since` claim's business, not the count of all events an ordinal or a `first`
/// claim checks.
fn years_follow_in_sentence(at: &Locator, from: usize, ctx: &ParseCtx) -> bool {
    let end = at.sentence_at(from).map_or(from, |s| s.end.max(from));
    let Some(after) = at.folded.text.get(from..end) else {
        return false;
    };
    let Some(templates) = ctx.pack.compiled.get(ValueKind::Count) else {
        return false;
    };
    templates.scan.find_iter(after).any(|m| {
        crate::value::parse(ValueKind::Count, m.as_str(), ctx)
            .ok()
            .and_then(quantity)
            .is_some_and(|q| q.unit.as_deref() == Some("year"))
    })
}

/// The year shift of a count at the folded `span`: of the last relative-year phrase
/// ("last year", "năm ngoái", "im vergangenen Jahr") between the start of its
/// sentence and the count, else of the first one after it in its clause ("will mark
/// 50 years of diplomatic relations next year"); 0 without one.
pub(super) fn relative_year_of(at: &Locator, span: std::ops::Range<usize>, ctx: &ParseCtx) -> i32 {
    let text = &at.folded.text;
    let start = at
        .sentence_at(span.start)
        .map_or(span.start, |s| s.start.min(span.start));
    let before = text.get(start..span.start).unwrap_or("");
    let shift = last_relative_year(before, ctx, |_| true);
    if shift != 0 {
        return shift;
    }
    let clause_end = at.clause_around(span.end).end.max(span.end);
    let after = text.get(span.end..clause_end).unwrap_or("");
    relative_years_in(after, ctx)
        .min_by_key(|&(position, _)| position)
        .map_or(0, |(_, shift)| shift)
}

/// Whether the sentence at folded offset `at_byte` says "this year" ("năm nay",
/// "dieses Jahr") before it.
pub(super) fn this_year_before(at: &Locator, at_byte: usize, ctx: &ParseCtx) -> bool {
    let start = at
        .sentence_at(at_byte)
        .map_or(at_byte, |s| s.start.min(at_byte));
    let before = at.folded.text.get(start..at_byte).unwrap_or("");
    relative_years_in(before, ctx).any(|(_, shift)| shift == 0)
}

/// Every relative-year phrase of the pack in `text`, as a whole word: its offset and
/// year shift.
fn relative_years_in<'t>(
    text: &'t str,
    ctx: &'t ParseCtx,
) -> impl Iterator<Item = (usize, i32)> + 't {
    ctx.pack
        .relative_years
        .iter()
        .flat_map(move |(phrase, shift)| {
            text.match_indices(phrase.as_str())
                .filter(move |(i, _)| whole_word(text, *i, i + phrase.len()))
                .map(move |(i, _)| (i, *shift))
        })
}

/// The shift of the last relative-year phrase of `before` whose preceding text
/// passes `keep`; 0 without one.
fn last_relative_year(before: &str, ctx: &ParseCtx, keep: impl Fn(&str) -> bool) -> i32 {
    relative_years_in(before, ctx)
        .filter(|&(position, _)| keep(&before[..position]))
        .max_by_key(|&(position, _)| position)
        .map_or(0, |(_, shift)| shift)
}

/// The year shift of a period written without its year ("nửa đầu năm", "the first
/// half"), read against the document date: the last relative-year phrase earlier in
/// its sentence that is not a comparison's base ("Cùng kỳ năm ngoái, GDP nửa đầu năm
/// chỉ tăng 6,42%" speaks of last year's first half; "tăng 10% so với cùng kỳ năm
/// trước, riêng quý II …" of this year's second quarter). 0 for a period with its
/// year or a relative year of its own.
fn implied_year_shift(at: &Locator, slot: std::ops::Range<usize>, ctx: &ParseCtx) -> i32 {
    let text = &at.folded.text;
    let Some(written) = text.get(slot.clone()) else {
        return 0;
    };
    let has_year = written
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    let relative = &ctx.pack.relative_years;
    if has_year
        || relative
            .iter()
            .any(|(phrase, _)| written.contains(phrase.as_str()))
    {
        return 0;
    }
    let start = at
        .sentence_at(slot.start)
        .map_or(slot.start, |s| s.start.min(slot.start));
    let before = text.get(start..slot.start).unwrap_or("");
    let comparison = ctx.pack.comparison_words();
    last_relative_year(before, ctx, |preceding| {
        !cues::introduced_by_comparison(preceding, comparison)
    })
}

/// The four-digit years (1000–2999) written as words of their own in the sentence
/// holding `at_byte`, in order ("12/2022" names 2022 too).
pub(super) fn years_in_sentence(at: &Locator, at_byte: usize) -> Vec<i32> {
    let text = &at.folded.text;
    let Some(sentence) = at.sentence_at(at_byte) else {
        return Vec::new();
    };
    let Some(sentence_text) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    sentence_text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4 && matches!(run.as_bytes()[0], b'1' | b'2'))
        .filter_map(|run| run.parse().ok())
        .collect()
}

/// Records a slot that could not be read for lack of the document date (the value
/// layer says so with a "needs the document date" error); other errors just mean the
/// match was not a value.
fn note_unresolved(out: &mut Extraction, claim: usize, span: Span, err: crate::value::ValueError) {
    if err.message.starts_with("needs the document date") {
        out.unresolved.push(Unresolved {
            claim,
            span,
            reason: err.message,
        });
    }
}

/// Whether a pattern states a bare occurrence (no value placeholder at all).
fn out_kind(pattern: &pattern::Pattern) -> bool {
    pattern.slots.iter().all(|s| {
        !matches!(
            s.kind,
            ValueKind::Date | ValueKind::DateRange | ValueKind::Count | ValueKind::Ordinal
        )
    })
}

/// Specificity of a written date range.
pub(crate) const SPECIFICITY_RANGE: u8 = 4;

/// Specificity of a day and month written without a year ("29/6", "June 29").
pub(crate) const SPECIFICITY_DAY_MONTH: u8 = 2;

/// Specificity of a date written without digits: a weekday or a relative word
/// ("on Monday", "hôm qua").
pub(crate) const SPECIFICITY_RELATIVE: u8 = 0;

/// How precisely a single date was written: a full date (3), day and month (2), a
/// month (1), a relative word or weekday (0).
pub(crate) fn date_specificity(date: &DateSpan, folded_text: &str) -> u8 {
    let digits = folded_text.chars().filter(char::is_ascii_digit).count();
    match date.precision {
        DatePrecision::Day if digits >= 5 => 3,
        DatePrecision::Day if digits >= 1 => SPECIFICITY_DAY_MONTH,
        DatePrecision::Day => SPECIFICITY_RELATIVE,
        DatePrecision::Month
        | DatePrecision::Year
        | DatePrecision::MonthPart
        | DatePrecision::YearPart => 1,
    }
}

/// A count of years read from an ordinal ("33rd anniversary").
pub(super) fn exact_years(n: f64) -> Quantity {
    Quantity {
        nominal: n,
        interval: crate::value::Interval::point(n),
        unit: Some("year".to_string()),
        hedge: crate::value::Hedge::None,
    }
}

/// How far either side of a list word the text is looked at for diacritics: a word
/// written without them stands for one a list writes with them only where the text
/// around has none (German copy may go a sentence without an umlaut).
const LIST_WORD_PLAIN_REACH: usize = 160;

/// The scope, cue and source-naming words of `lang` that every list writes with diacritics, with
/// their spellings (lowercase NFC): a word some list writes plainly matches any.
fn marked_spellings(rules: &Rules, lang: &str) -> crate::hash::FxMap<String, Vec<String>> {
    let named = rules
        .named_sources
        .iter()
        .flat_map(|s| s.words.iter().zip(&s.written));
    let listed = rules
        .claims
        .iter()
        .filter_map(|claim| claim.spellings.get(lang))
        .flatten()
        .map(|(folded, written)| (folded, written))
        .chain(named);
    let mut marked: crate::hash::FxMap<String, Vec<String>> = crate::hash::FxMap::default();
    let mut plain: Vec<&str> = Vec::new();
    for (folded, written) in listed {
        if written.is_ascii() {
            plain.push(folded);
        } else {
            let spellings = marked.entry(folded.clone()).or_default();
            if !spellings.contains(written) {
                spellings.push(written.clone());
            }
        }
    }
    for word in plain {
        marked.remove(word);
    }
    marked
}

fn matchers<'a>(
    by_lang: &'a mut HashMap<String, LangMatchers>,
    lang: &str,
) -> Option<&'a mut LangMatchers> {
    let pack = lang::pack(lang)?;
    Some(
        by_lang
            .entry(lang.to_string())
            .or_insert_with(|| LangMatchers {
                pack,
                abbreviations: sentence::Abbreviations::of(pack),
                prefilter: prefilter::Prefilter::new(Vec::new(), []),
                patterns: Vec::new(),
                cues: Vec::new(),
                spellings: crate::hash::FxMap::default(),
            }),
    )
}

/// The codes of the countries a stretch of text names, in order.
type Countries = Rc<[Box<str>]>;

/// How many lines a document's opening may span: a headline, a line of a source or a
/// byline, and the lead.
const OPENING_LINES: usize = 3;

/// A document's opening, in its folded text: its first lines up to the first that
/// holds a sentence end (a headline, then the lead paragraph), [`OPENING_LINES`] at
/// most. News copy names its subject in the headline and gives the figures in the
/// lead or the next paragraph without naming it again.
#[derive(Debug, Clone)]
struct Opening {
    /// The opening's text.
    range: std::ops::Range<usize>,
    /// Its first line, when that is a headline followed by a lead: it ends no
    /// sentence and a later line of the opening does. A document that starts with a
    /// paragraph of sentences has none, and one whose first lines all end none (a
    /// headline, a subheading and a byline) shows no lead.
    headline: Option<std::ops::Range<usize>>,
    /// The end of the paragraph (line) after the opening.
    next_paragraph_end: usize,
}

impl Opening {
    fn of(text: &str) -> Opening {
        let ends_sentence = |line: &str| {
            line.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{bb}']) || line.contains(". ")
        };
        let mut lines = text
            .split_inclusive('\n')
            .scan(0, |offset, line| {
                let start = *offset;
                *offset += line.len();
                Some(start..start + line.trim_end().len())
            })
            .filter(|line| !line.is_empty());
        let mut end = 0;
        let mut first = None;
        let mut headline = None;
        for line in lines.by_ref().take(OPENING_LINES) {
            end = line.end;
            let ends = ends_sentence(&text[line.clone()]);
            match first {
                None if ends => break,
                None => first = Some(line),
                Some(_) if ends => {
                    headline = first.take();
                    break;
                }
                Some(_) => {}
            }
        }
        let next_paragraph_end = lines.next().map_or(end, |line| line.end);
        Opening {
            range: 0..end,
            headline,
            next_paragraph_end,
        }
    }
}

/// Maps folded ranges of a document body to original-file spans.
pub(crate) struct Locator<'a> {
    pub folded: &'a Folded,
    pub doc: &'a Document,
    /// The document language's pack.
    pack: &'a LangPack,
    /// Where the language's scope and cue words occur in the folded text.
    pub words: prefilter::WordHits<'a>,
    /// The language's abbreviations (they do not end sentences).
    abbreviations: &'a sentence::Abbreviations<'static>,
    /// Spellings of the scope and cue words written with diacritics.
    spellings: &'a crate::hash::FxMap<String, Vec<String>>,
    /// The words naming the sources of `accept` values.
    named_sources: &'a [crate::rules::NamedSource],
    /// The countries named in folded ranges, read once per document.
    countries: std::cell::RefCell<crate::hash::FxMap<(usize, usize), Countries>>,
    /// The folded text's sentences, split once per document on first use.
    sentences: std::cell::OnceCell<Vec<std::ops::Range<usize>>>,
    /// The folded text's opening (headline and lead) and the end of the paragraph
    /// after it, found once per document on first use.
    opening: std::cell::OnceCell<Opening>,
}

impl Locator<'_> {
    /// Whether the scope or cue word `word` (folded) occurs in the folded `range`
    /// as a whole word, with the diacritics the rules write it with, or none
    /// (Vietnamese "từ" is not the "tư" of "đầu tư", nor "đầu" "dầu").
    pub(crate) fn holds_word(&self, range: std::ops::Range<usize>, word: &str) -> bool {
        self.first_word(range, word).is_some()
    }

    /// The folded offset of the first occurrence of `word` in `range`, counted as
    /// [`Locator::holds_word`] counts them.
    fn first_word(&self, range: std::ops::Range<usize>, word: &str) -> Option<usize> {
        let mut first = None;
        self.spelled_hits(range, word, |hit| {
            first = Some(hit.start);
            true
        });
        first
    }

    /// [`Locator::first_word`], not counting an occurrence inside one of a longer
    /// word of `longer` that holds it: "nhập khẩu" (imports) inside "xuất nhập khẩu"
    /// (trade).
    fn first_word_outside(
        &self,
        range: std::ops::Range<usize>,
        word: &str,
        longer: &[&str],
    ) -> Option<usize> {
        // Most words do not occur: the longer ones are looked for only after a hit.
        let mut covers: Option<Vec<std::ops::Range<usize>>> = None;
        let mut first = None;
        self.spelled_hits(range.clone(), word, |hit| {
            let covers = covers.get_or_insert_with(|| {
                let mut found = Vec::new();
                for cover in longer
                    .iter()
                    .filter(|cover| cover.len() > word.len() && cover.contains(word))
                {
                    self.spelled_hits(range.clone(), cover, |hit| {
                        found.push(hit);
                        false
                    });
                }
                found
            });
            let counts = !covers
                .iter()
                .any(|cover| cover.start <= hit.start && hit.end <= cover.end);
            if counts {
                first = Some(hit.start);
            }
            counts
        });
        first
    }

    /// Calls `each` on the occurrences of `word` in `range`, in text order, written
    /// with the diacritics the rules write it with, until it returns true.
    fn spelled_hits(
        &self,
        range: std::ops::Range<usize>,
        word: &str,
        mut each: impl FnMut(std::ops::Range<usize>) -> bool,
    ) {
        let text = &self.folded.text;
        let spellings = self.spellings.get(word);
        self.words.within_where(text, range, word, |hit| {
            let spelled = spellings.is_none_or(|spellings| {
                let original = self.folded.to_original(hit.clone());
                // A word without diacritics stands for one with them only in text
                // typed without any: German "wurde" is no "würde". A phrase of
                // several words is told apart by its words ("bao Borduria" is "báo
                // Borduria" with an accent left out).
                let plain = word.contains(' ')
                    || self
                        .written()
                        .plain_within(text, hit.clone(), LIST_WORD_PLAIN_REACH);
                self.doc.body().get(original).is_some_and(|written| {
                    spellings
                        .iter()
                        .any(|listed| crate::names::word_spelled_alike(written, listed, plain))
                })
            });
            spelled && each(hit)
        });
    }

    /// Where the folded `sentence` stops counting for a claim that excludes the
    /// words `exclude` (`None` when none stands in it): its start, or for a figure
    /// (`by_clause`) the start of the clause of the first of them. An exclude word
    /// speaks of its own clause and of what follows ("the target for 2030 is …"),
    /// not of a figure before it: "Trade reached $150 billion, while the deficit
    /// widened to $123 billion" reads the trade figure and drops the deficit's. A
    /// statement or date is qualified by a later clause too ("…, as Astana was then
    /// called"). An exclude word standing inside one of the longer `cue_words` is
    /// part of that cue: "nhập khẩu" does not exclude "kim ngạch xuất nhập khẩu".
    pub(crate) fn excluded_from(
        &self,
        sentence: std::ops::Range<usize>,
        exclude: &[String],
        by_clause: bool,
        cue_words: &[&str],
    ) -> Option<usize> {
        let clause = self.first_excluded_clause(sentence.clone(), exclude, cue_words)?;
        Some(if by_clause {
            clause.start
        } else {
            sentence.start
        })
    }

    /// The clause of the first of the words `exclude` in the folded `sentence` (see
    /// [`Locator::excluded_from`]), within the sentence.
    pub(crate) fn first_excluded_clause(
        &self,
        sentence: std::ops::Range<usize>,
        exclude: &[String],
        cue_words: &[&str],
    ) -> Option<std::ops::Range<usize>> {
        let first = exclude
            .iter()
            .filter_map(|w| self.first_word_outside(sentence.clone(), w, cue_words))
            .min()?;
        let clause = self.clause_around(first);
        Some(clause.start.max(sentence.start)..clause.end.min(sentence.end))
    }

    /// Where a figure's sentence counts again after its `excluded` clause (see
    /// [`Locator::excluded_from`]): from a cue word that the excluded clause does not
    /// hold, standing in a later clause that holds no exclude word, up to the clause of
    /// the next exclude word or the sentence's end. "Vietnam Airlines carried 24.3
    /// million passengers, while Vietjet carried 25.3 million" reads 25.3 million for
    /// Vietjet: "Vietjet" names whose figure follows. A figure before the word is not
    /// read ("…, 3 million more than Vietjet").
    pub(crate) fn resumed_after(
        &self,
        sentence: std::ops::Range<usize>,
        excluded: std::ops::Range<usize>,
        exclude: &[String],
        cue_words: &[&str],
    ) -> Option<std::ops::Range<usize>> {
        let text = &self.folded.text;
        let excluded_words = |range: &std::ops::Range<usize>| {
            exclude
                .iter()
                .filter_map(|w| self.first_word_outside(range.clone(), w, cue_words))
                .min()
        };
        let mut at = excluded.end;
        while at < sentence.end {
            let next = text.get(at..sentence.end)?.find(char::is_alphanumeric)? + at;
            let clause = next..self.clause_around(next).end.min(sentence.end);
            if clause.is_empty() {
                return None;
            }
            let resume = cue_words
                .iter()
                .filter(|w| !self.holds_word(excluded.clone(), w))
                .filter_map(|w| self.first_word(clause.clone(), w))
                .min();
            if let (Some(from), None) = (resume, excluded_words(&clause)) {
                let end = excluded_words(&(from..sentence.end)).map_or(sentence.end, |e| {
                    self.clause_around(e).start.clamp(from, sentence.end)
                });
                return Some(from..end);
            }
            at = clause.end;
        }
        None
    }

    /// The sources named in the sentence at folded offset `at`, as a
    /// [`Mention::named`] bit set.
    pub(crate) fn sources_named_at(&self, at: usize) -> u64 {
        if self.named_sources.is_empty() {
            return 0;
        }
        self.sentence_at(at)
            .map_or(0, |sentence| self.sources_named_in(sentence))
    }

    /// The sources named in the folded `range`, as a [`Mention::named`] bit set.
    pub(crate) fn sources_named_in(&self, range: std::ops::Range<usize>) -> u64 {
        self.named_sources
            .iter()
            .enumerate()
            .filter(|(_, source)| {
                source
                    .words
                    .iter()
                    .any(|word| self.holds_word(range.clone(), word))
            })
            .fold(0, |bits, (i, _)| bits | 1 << i)
    }

    /// How many values of `kind` the sentence at folded offset `at` states.
    pub(crate) fn figures_in_sentence(&self, at: usize, kind: ValueKind, ctx: &ParseCtx) -> usize {
        self.sentence_at(at).map_or(0, |sentence| {
            crate::value::scan(kind, &self.folded.text[sentence], ctx).len()
        })
    }

    /// The sentences of the folded text.
    pub(crate) fn sentences(&self) -> &[std::ops::Range<usize>] {
        self.sentences
            .get_or_init(|| sentence::sentences(&self.folded.text, self.abbreviations))
    }

    /// Whether the sentence of the folded `range` holds, outside it, a denial word
    /// of `pack` as written ("The ministry denied that …", "Thông tin … là sai sự
    /// thật", "Gerüchte, wonach …"): what `range` states is reported as refuted.
    /// Whether one of the pack's `negation_words` stands among the
    /// [`NEGATION_REACH`] words right before folded offset `at`, in its clause:
    /// "dù không phải người gốc Việt duy nhất", "not the only …".
    fn negated(&self, at: usize, pack: &LangPack) -> bool {
        if pack.negation_words.is_empty() {
            return false;
        }
        let before = self.clause_before(at);
        let start = at - before.len();
        let Some(text) = self.doc.body().get(self.folded.to_original(start..at)) else {
            return false;
        };
        let words = crate::lang::written_words(text);
        let last = &words[words.len().saturating_sub(NEGATION_REACH)..];
        crate::lang::holds_any(last, &pack.negation_words)
    }

    fn denied_around(&self, range: std::ops::Range<usize>, pack: &LangPack) -> bool {
        if pack.denial_words.is_empty() {
            return false;
        }
        let Some(sentence) = self.sentence_at(range.start) else {
            return false;
        };
        let body = self.doc.body();
        [
            sentence.start..range.start,
            range.end..sentence.end.max(range.end),
        ]
        .into_iter()
        .filter(|part| !part.is_empty())
        .any(|part| {
            body.get(self.folded.to_original(part))
                .is_some_and(|text| crate::lang::holds_words_as_written(text, &pack.denial_words))
        })
    }

    /// Which sentences may hold a word of every group of `groups` on their own or
    /// read together with the sentence before: those where an occurrence of a word
    /// of the group with the fewest occurrences starts, or that follow one (an
    /// occurrence between two sentences marks both sides). Every other sentence
    /// holds no word of that group. `None` when a word is not in the prefilter's
    /// index: then any sentence may.
    pub(crate) fn sentences_near_groups(&self, groups: &[Vec<String>]) -> Option<Vec<bool>> {
        let mut fewest: Option<Vec<usize>> = None;
        for group in groups {
            let mut starts = Vec::new();
            for word in group {
                starts.extend(self.words.starts(word)?);
            }
            if fewest.as_ref().is_none_or(|f| starts.len() < f.len()) {
                fewest = Some(starts);
            }
        }
        let sentences = self.sentences();
        let mut near = vec![fewest.is_none(); sentences.len()];
        for at in fewest.unwrap_or_default() {
            let last_begun = sentences.partition_point(|s| s.start <= at);
            for index in [last_begun.checked_sub(1), Some(last_begun)] {
                if let Some(slot) = index.and_then(|i| near.get_mut(i)) {
                    *slot = true;
                }
            }
        }
        Some(near)
    }

    /// Whether one of `words` (folded) introduces the value at folded offset `at`:
    /// it stands earlier in the value's clause (after its sentence's start and the
    /// last comma, semicolon, colon or bracket), with no other figure between but
    /// years ("mục tiêu tăng trưởng 6-6,5%", "target for 2025 of 8%"; not the 7.1%
    /// of "the 6.5% target was beaten as GDP grew 7.1%").
    pub(crate) fn introduced_by(&self, at: usize, words: &[String]) -> bool {
        if words.is_empty() {
            return false;
        }
        let window = self.clause_before(at);
        let window_start = at - window.len();
        words.iter().any(|word| {
            prefilter::word_ends(window, word).any(|end| {
                let start = end - prefilter::searched(word).0.len();
                !holds_figure_but_years(&window[end..])
                    && self.holds_word(window_start + start..window_start + end, word)
            })
        })
    }

    /// Whether one of `words` follows folded offset `at` (a value's end) in its
    /// sentence, with at most [`FOLLOWED_BY_REACH`] words between: "43 dengue deaths",
    /// "30 ca tử vong".
    ///
    /// [`FOLLOWED_BY_REACH`]: crate::rules::FOLLOWED_BY_REACH
    pub(crate) fn followed_by(&self, at: usize, words: &[String]) -> bool {
        let Some(sentence) = self.sentence_at(at.saturating_sub(1)) else {
            return false;
        };
        let text = &self.folded.text;
        let after = at..sentence.end.max(at);
        words.iter().any(|word| {
            self.first_word(after.clone(), word).is_some_and(|start| {
                text.get(at..start).is_some_and(|between| {
                    between.split_whitespace().count() <= crate::rules::FOLLOWED_BY_REACH
                })
            })
        })
    }

    /// The folded range of the clause holding offset `at`, within its sentence:
    /// between the commas, semicolons, colons, brackets or spaced dashes around it.
    pub(crate) fn clause_around(&self, at: usize) -> std::ops::Range<usize> {
        let text = &self.folded.text;
        let sentence = self.sentence_at(at).unwrap_or(at..at);
        let before = self.clause_before(at);
        let start = at - before.len() + before.rfind(" - ").map_or(0, |i| i + 3);
        let after = text.get(at..sentence.end.max(at)).unwrap_or("");
        let end = after
            .char_indices()
            .find(|&(i, c)| {
                matches!(c, ';' | ':' | '(' | ')' | '[' | ']')
                    || c == ',' && after[i + 1..].starts_with(char::is_whitespace)
                    || after[i..].starts_with(" - ")
            })
            .map_or(after.len(), |(i, _)| i);
        start..at + end
    }

    /// The folded text of at most `words` words from offset `at` on, up to the end of
    /// its clause (a comma, semicolon, colon, bracket or the end of the sentence).
    fn next_words(&self, at: usize, words: usize) -> &str {
        let text = &self.folded.text;
        let Some(after) = text.get(at..) else {
            return "";
        };
        let clause_end = after
            .find([',', ';', ':', '(', ')', '.', '!', '?', '\n'])
            .unwrap_or(after.len());
        let clause = &after[..clause_end];
        let end = clause
            .char_indices()
            .filter(|&(i, c)| c == ' ' && i > 0)
            .nth(words)
            .map_or(clause.len(), |(i, _)| i);
        &clause[..end]
    }

    /// The document's text with its folded form, to check words as written.
    /// Whether one of `words` (folded) stands in `part` (a slice of the folded text)
    /// as a word, written as one of `spellings` (lower case as the pack writes them)
    /// or without diacritics in plain-typed text.
    pub(crate) fn spells_a_word(&self, part: &str, words: &[String], spellings: &[String]) -> bool {
        let as_written = self.written();
        words.iter().any(|word| {
            prefilter::word_ends(part, word)
                .any(|end| as_written.spells(part, end - word.len()..end, word, spellings))
        })
    }

    fn written(&self) -> crate::value::Written<'_> {
        crate::value::Written {
            original: self.doc.body(),
            folded: self.folded,
            typed_plain: self.pack.typed_without_diacritics,
        }
    }

    /// The folded text of the clause holding offset `at`, up to `at`: from its
    /// sentence's start or the last comma, semicolon, colon or bracket before it.
    pub(super) fn clause_before(&self, at: usize) -> &str {
        let text = &self.folded.text;
        let sentence = self.sentence_at(at).map_or(0, |s| s.start).min(at);
        let Some(before) = text.get(sentence..at) else {
            return "";
        };
        let clause = before
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                matches!(c, ';' | ':' | '(' | ')' | '[' | ']')
                    || c == ',' && before[i + 1..].starts_with(char::is_whitespace)
            })
            .map_or(0, |(i, c)| i + c.len_utf8());
        &before[clause..]
    }

    /// The direction a verb earlier in its clause gives a change at offset `at` that
    /// is written without one ("stieg 2024 um 2,9 Prozent"): whether it is a decrease,
    /// after the last of the pack's increase and decrease verbs; `None` without one.
    fn change_direction(&self, at: usize, pack: &LangPack) -> Option<bool> {
        let window = self.clause_before(at);
        let last = |verbs: &[String]| {
            verbs
                .iter()
                .filter_map(|verb| prefilter::word_ends(window, verb).last())
                .max()
        };
        match (last(&pack.increase_verbs), last(&pack.decrease_verbs)) {
            (Some(up), Some(down)) => Some(down > up),
            (up, down) => up.map(|_| false).or(down.map(|_| true)),
        }
    }

    /// Whether the single place in a ranking `value` at folded offset `at` is one of
    /// a group: one of the pack's `[ranks] groups` words introduces it ("one of the
    /// largest", "one of Japan's biggest", "một trong những … lớn nhất"; see
    /// [`Locator::introduced_by`]). The top places ("among the top three") are not a
    /// single place.
    pub(crate) fn ranks_a_group(&self, at: usize, value: &Quantity, pack: &LangPack) -> bool {
        value.unit.as_deref() == Some(RANK_UNIT)
            && value.interval.low == value.interval.high
            && self.introduced_by(at, &pack.rank_groups)
    }

    /// Whether the sentence holding folded offset `at` holds an original-plan word of
    /// `pack` ("originally", "ban đầu", "ursprünglich").
    pub(crate) fn tells_of_a_changed_plan(&self, at: usize, pack: &LangPack) -> bool {
        let sentence = self.sentence_at(at).and_then(|s| self.folded.text.get(s));
        sentence.is_some_and(|text| {
            pack.original_plan_words
                .iter()
                .any(|word| prefilter::contains_word(text, word))
        })
    }

    /// Whether the date or year a placeholder read at folded `range` is what a record
    /// is measured from: a since-word of `pack` opens it or stands before it (one word,
    /// such as a year word, may come between), and a record word stands in its clause
    /// before that ("the lowest since 2008", "for the eighth time since June 2024",
    /// "thấp nhất kể từ năm 2008"). A count ("ten times since July 2022")
    /// is no record: its since-date is where the count starts.
    pub(crate) fn since_a_record(&self, range: std::ops::Range<usize>, pack: &LangPack) -> bool {
        if pack.record_words.is_empty() {
            return false;
        }
        let since_words = &pack.since_words;
        let before = self.clause_before(range.start);
        let written = self.folded.text.get(range).unwrap_or("");
        let opens = since_words.iter().find_map(|word| {
            written
                .strip_prefix(word.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
                .then_some(before.len())
        });
        let trimmed = before.trim_end_matches(' ');
        let one_word_less = trimmed.rfind(' ').map_or("", |i| &trimmed[..i]);
        let since_at = opens.or_else(|| {
            [trimmed, one_word_less].into_iter().find_map(|text| {
                since_words.iter().find_map(|word| {
                    text.strip_suffix(word.as_str())
                        .filter(|rest| !rest.ends_with(char::is_alphanumeric))
                        .map(str::len)
                })
            })
        });
        let Some(since_at) = since_at else {
            return false;
        };
        let window = &before[..since_at];
        let from = window
            .char_indices()
            .rev()
            .filter(|&(_, c)| c == ' ')
            .nth(RECORD_REACH)
            .map_or(0, |(i, _)| i);
        pack.record_words
            .iter()
            .any(|word| prefilter::contains_word_or_digits(&window[from..], word))
    }

    /// The sentence of the folded text holding byte `at`.
    pub(crate) fn sentence_at(&self, at: usize) -> Option<std::ops::Range<usize>> {
        self.sentences()
            .iter()
            .find(|s| s.start <= at && at < s.end.max(s.start + 1))
            .cloned()
    }

    /// Whether a percent word of `pack` ("%", "Prozent") follows folded offset `at`,
    /// a space at most between, or the other end of a range before it ("60-70%",
    /// "60 - 70 Prozent"): the figure before it is a percentage.
    pub(crate) fn followed_by_percent(&self, at: usize, pack: &LangPack) -> bool {
        let Some(rest) = self.folded.text.get(at..) else {
            return false;
        };
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        let rest = match rest.strip_prefix('-') {
            Some(range_end) => {
                let range_end = range_end.strip_prefix(' ').unwrap_or(range_end);
                let digits = range_end
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                    .unwrap_or(range_end.len());
                if digits == 0 {
                    return false;
                }
                let after = &range_end[digits..];
                after.strip_prefix(' ').unwrap_or(after)
            }
            None => rest,
        };
        pack.percent_words.iter().any(|word| {
            rest.strip_prefix(word.as_str()).is_some_and(|after| {
                !word.ends_with(char::is_alphanumeric) || !after.starts_with(char::is_alphanumeric)
            })
        })
    }

    /// Whether a match in `sentence` is about the claim's subject. One of its
    /// `subject` words (folded; none: always) must stand in `sentence`, in one of the
    /// [`SUBJECT_REACH`] sentences before it within its paragraph (no line break
    /// between), or, when `headline_counts`, in the document's
    /// headline when the headline is followed by a lead and `sentence` is in the
    /// lead or the paragraph after it (a claim of any kind but dates: see
    /// [`headline_names_subject`]). When one of its
    /// `other_subject` words stands in `sentence`, the sentences before it or
    /// anywhere in the opening (an article about a state election), only a `subject`
    /// word in the sentence or the ones before it will do, and a claim without
    /// `subject` words is not read.
    pub(crate) fn names_subject(
        &self,
        sentence: std::ops::Range<usize>,
        (subject, other_subject): (&[String], &[String]),
        headline_counts: bool,
    ) -> bool {
        if subject.is_empty() && other_subject.is_empty() {
            return true;
        }
        let start = self
            .earlier_in_paragraph(sentence.start)
            .take(SUBJECT_REACH)
            .last()
            .map_or(sentence.start, |earlier| earlier.start);
        let near = |words: &[String]| {
            words
                .iter()
                .any(|w| self.holds_word(start..sentence.end, w))
        };
        let opening = self.opening();
        let within = |words: &[String], range: &std::ops::Range<usize>| {
            words.iter().any(|w| self.holds_word(range.clone(), w))
        };
        if !other_subject.is_empty()
            && (near(other_subject) || within(other_subject, &opening.range))
        {
            return !subject.is_empty() && near(subject);
        }
        subject.is_empty()
            || near(subject)
            || (headline_counts
                && opening.headline.as_ref().is_some_and(|headline| {
                    sentence.start < opening.next_paragraph_end && within(subject, headline)
                }))
    }

    /// The document's opening: see [`Opening`].
    fn opening(&self) -> &Opening {
        self.opening.get_or_init(|| Opening::of(&self.folded.text))
    }

    /// The sentences before the one starting at folded offset `start`, closest
    /// first, within its paragraph (no line break between).
    pub(crate) fn earlier_in_paragraph(
        &self,
        start: usize,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let sentences = self.sentences();
        let before = sentences.partition_point(|s| s.start < start);
        sentences[..before]
            .iter()
            .rev()
            .scan(start, |next_start, earlier| {
                let gap = self.folded.text.get(earlier.end..*next_start)?;
                *next_start = earlier.start;
                (!gap.contains('\n')).then(|| earlier.clone())
            })
    }

    /// Whether a match or value at folded offset `at` of `sentence` is about other
    /// countries than `parties`. Its part of the sentence (between semicolons) is
    /// when it names a country that is not a party and does not name every party
    /// ("trade between Kazakhstan and China" for a Vietnam–Kazakhstan claim), and
    /// so is its clause up to `at` ("năm 2023, thương mại Việt Nam - Uzbekistan đạt
    /// 160 triệu USD", whatever the rest of the sentence names). A part that names
    /// no country ("The two countries established relations in 1950") is about the
    /// countries the closest earlier part or sentence of its paragraph names: other
    /// ones when that names a non-party and not every party, or names a non-party
    /// last ("… besides Kazakhstan, Vietnam has ties with Uzbekistan. The two
    /// countries …"). Countries are read from the original text with the
    /// language's gazetteer.
    pub(crate) fn about_other_countries(
        &self,
        sentence: std::ops::Range<usize>,
        at: usize,
        parties: &[String],
        pack: &LangPack,
    ) -> bool {
        if parties.is_empty() || pack.countries.is_empty() {
            return false;
        }
        let named = self.countries_in(sentence.clone(), pack);
        if !named.is_empty() && named.iter().all(|c| parties.iter().any(|p| **p == **c)) {
            // Only parties: no part or clause of the sentence names another.
            return false;
        }
        let parts = self.semicolon_parts(sentence.clone());
        let index = parts.iter().rposition(|p| p.start <= at).unwrap_or(0);
        let named = if parts.len() == 1 {
            named
        } else {
            self.countries_in(parts[index].clone(), pack)
        };
        if !named.is_empty() {
            let clause = self.clause_before(at);
            return names_others(&named, parties)
                || names_others(&self.countries_in(at - clause.len()..at, pack), parties);
        }
        let earlier = parts[..index]
            .iter()
            .rev()
            .cloned()
            .chain(self.earlier_in_paragraph(sentence.start));
        for unit in earlier {
            let named = self.countries_in(unit, pack);
            // "… Germany, Vietnam's largest partner in the EU": a union named last
            // is the scope of the statement, not one side of it.
            let last = named.iter().rev().find(|c| !is_a_union(c)).or(named.last());
            if let Some(last) = last {
                let last_is_other = !parties.iter().any(|p| **p == **last);
                return names_others(&named, parties) || last_is_other;
            }
        }
        false
    }

    /// `sentence` up to the end of the clause holding folded offset `at` (the next
    /// comma or semicolon) when that part names a country itself: a later clause
    /// then speaks of something else ("Tokayev visited Hanoi last August, …,
    /// including rail freight via China"). A part naming none leans on the whole
    /// sentence ("Trade stood at $3.5 billion, a fraction of Vietnam's trade with
    /// China" is about another pair).
    fn through_clause(
        &self,
        sentence: std::ops::Range<usize>,
        at: usize,
        pack: &LangPack,
    ) -> std::ops::Range<usize> {
        let end = self
            .folded
            .text
            .get(at..sentence.end)
            .and_then(|rest| rest.find([',', ';']))
            .map_or(sentence.end, |offset| at + offset);
        let clause = sentence.start..end;
        if self.countries_in(clause.clone(), pack).is_empty() {
            sentence
        } else {
            clause
        }
    }

    /// The parts of the folded `sentence` between semicolons.
    fn semicolon_parts(&self, sentence: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
        let text = self.folded.text.get(sentence.clone()).unwrap_or("");
        let mut parts = Vec::new();
        let mut start = sentence.start;
        for (i, _) in text.match_indices(';') {
            parts.push(start..sentence.start + i);
            start = sentence.start + i + 1;
        }
        parts.push(start..sentence.end);
        parts
    }

    /// The countries the original text of the folded `range` names, in order.
    /// Each range is read once per document: the checks of every match and value
    /// of a sentence, and of the sentences after it, ask again.
    fn countries_in(&self, range: std::ops::Range<usize>, pack: &LangPack) -> Countries {
        if range.is_empty() {
            return Rc::from([]);
        }
        let key = (range.start, range.end);
        if let Some(named) = self.countries.borrow().get(&key) {
            return Rc::clone(named);
        }
        let original = self.folded.to_original(range);
        let named: Countries = self
            .doc
            .body()
            .get(original)
            .map(|text| {
                pack.countries
                    .named_in(text)
                    .into_iter()
                    .map(Box::from)
                    .collect()
            })
            .unwrap_or_else(|| Rc::from([]));
        self.countries.borrow_mut().insert(key, Rc::clone(&named));
        named
    }

    pub(crate) fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.doc.body_span(self.folded.to_original(range))
    }

    /// The folded offset of the character a span starting at file offset `start`
    /// begins with (the inverse of [`Locator::span`]).
    pub(crate) fn folded_offset_of(&self, start: usize) -> Option<usize> {
        // File offsets grow with folded ones: the first folded byte not before it.
        let (mut low, mut high) = (0, self.folded.text.len());
        while low < high {
            let mid = low + (high - low) / 2;
            if self.span(mid..mid + 1).start < start {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        (low < self.folded.text.len()).then_some(low)
    }
}

/// Whether the gazetteer code `code` names a union of countries (the EU), not one.
fn is_a_union(code: &str) -> bool {
    code == "EU"
}

/// Whether `named` (country codes) holds a country that is not a party and not
/// every party.
fn names_others(named: &[Box<str>], parties: &[String]) -> bool {
    let other = named.iter().any(|c| !parties.iter().any(|p| **p == **c));
    other && !parties.iter().all(|p| named.iter().any(|c| **c == **p))
}

/// The quantity inside a quantity-like value.
pub(crate) fn quantity(value: Value) -> Option<Quantity> {
    match value {
        Value::Money(q)
        | Value::Number(q)
        | Value::Measure(q)
        | Value::Percent(q)
        | Value::Count(q)
        | Value::Rank(q) => Some(q),
        _ => None,
    }
}

/// Key placeholder bindings from the claim's period.
pub(crate) fn bind(key: &str, period: Option<&Period>) -> Vec<(String, String)> {
    let mut bindings = Vec::new();
    if let Some(period) = period {
        if key.contains("{period}") {
            bindings.push(("period".to_string(), period.key()));
        }
        if key.contains("{year}")
            && let Period::Year(year) = period
        {
            bindings.push(("year".to_string(), year.to_string()));
        }
    }
    bindings
}

/// Fills a key template; `None` when a placeholder has no binding.
pub(crate) fn fill_key(key: &str, bindings: &[(String, String)]) -> Option<String> {
    let mut filled = key.to_string();
    for (name, value) in bindings {
        filled = filled.replace(&format!("{{{name}}}"), value);
    }
    (!filled.contains('{')).then_some(filled)
}

/// Whether `text` holds a figure other than a year (a run of digits that is not four
/// digits from 1800 to 2199).
fn holds_figure_but_years(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .any(|run| !(run.len() == 4 && ("1800".."2200").contains(&run)))
}
