//! Validation: raw schema entries → the rule model, with every problem located.
//!
//! Checks duplicate ids and keys (across files), values and tolerances that do not
//! parse, dates, unknown languages, patterns that do not compile, unknown
//! placeholders, and key templates that a pattern does not bind.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::fact_value::{parse_tolerance, parse_value};
use super::fragments::Fragments;
use super::load::{At, ParsedFile};
use super::schema::*;
use super::*;
use crate::error::RuleDiagnostic;
use crate::extract::pattern::{self, Compile};
use crate::value::{DatePrecision, DateSpan, HedgeWidths, Interval, ValueKind};

/// Placeholders a key template may use.
const KEY_PLACEHOLDERS: &[&str] = &["year", "period"];

pub(super) struct Ctx<'a> {
    files: &'a [RuleFile],
    diagnostics: &'a mut Vec<RuleDiagnostic>,
    file: usize,
}

impl<'a> Ctx<'a> {
    /// Problems of file `file` (an index into `files`) go to `diagnostics`.
    pub(super) fn new(
        files: &'a [RuleFile],
        diagnostics: &'a mut Vec<RuleDiagnostic>,
        file: usize,
    ) -> Self {
        Ctx {
            files,
            diagnostics,
            file,
        }
    }

    pub(super) fn error(
        &mut self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: &str,
        help: Option<String>,
    ) {
        let file = &self.files[self.file];
        self.diagnostics.push(RuleDiagnostic::new(
            &file.name, &file.text, span, message, label, help,
        ));
    }

    pub(super) fn origin(&self, span: std::ops::Range<usize>) -> Origin {
        Origin {
            file: self.file,
            span,
        }
    }

    pub(super) fn location(&self, origin: &Origin) -> String {
        let file = &self.files[origin.file];
        let line = file.text[..origin.span.start.min(file.text.len())]
            .matches('\n')
            .count()
            + 1;
        format!("{}:{line}", file.name)
    }
}

pub(crate) fn compile(
    files: Vec<RuleFile>,
    parsed: Vec<ParsedFile>,
    diagnostics: &mut Vec<RuleDiagnostic>,
    when: Compile,
) -> Rules {
    let mut rules = Rules::default();
    let mut event_ids: HashMap<String, Origin> = HashMap::new();
    let mut entity_ids: HashMap<String, Origin> = HashMap::new();
    let mut claim_ids: HashMap<String, Origin> = HashMap::new();
    let mut fact_keys: HashMap<String, Origin> = HashMap::new();
    let mut pending_claims = Vec::new();
    let mut fragment_tables = Vec::new();
    for (index, file) in parsed.into_iter().enumerate() {
        let mut ctx = Ctx {
            files: &files,
            diagnostics,
            file: index,
        };
        if let Some(meta) = file.meta {
            if let Some(raw) = &meta.value.hedges {
                if rules.meta.hedges.is_some() {
                    ctx.error(
                        meta.span.clone(),
                        "`hedges` is set in the `[meta]` of another rule file too",
                        "second setting",
                        Some("set the rules' hedge widths once; a claim may set its own".into()),
                    );
                } else {
                    rules.meta.hedges = Some(hedge_widths(&mut ctx, raw, HedgeWidths::default()));
                }
            }
            merge_meta(&mut rules.meta, meta.value);
        }
        for fact in file.facts {
            if let Some(fact) =
                compile_fact(&mut ctx, fact, &mut fact_keys, &mut rules.named_sources)
            {
                rules
                    .fact_by_key
                    .insert(fact.key.clone(), rules.facts.len());
                rules.facts.push(fact);
            }
        }
        for event in file.events {
            if let Some(event) = compile_event(&mut ctx, event, &mut event_ids) {
                rules.events.push(event);
            }
        }
        for entity in file.entities {
            if let Some(entity) = compile_entity(&mut ctx, entity, &mut entity_ids) {
                rules.entities.push(entity);
            }
        }
        pending_claims.extend(file.claims.into_iter().map(|claim| (index, claim)));
        if !file.fragments.is_empty() {
            fragment_tables.push((index, file.fragments));
        }
    }
    let fragments = Fragments::collect(fragment_tables, &files, diagnostics);
    fragments.expand_claims(&mut pending_claims, &files, diagnostics);
    // Claims last: they may reference events of any file.
    let participants: std::collections::HashSet<String> = rules
        .events
        .iter()
        .flat_map(|e| e.participants.iter().cloned())
        .collect();
    let mut compiled = compile_patterns(&pending_claims, when);
    for (index, claim) in pending_claims {
        let mut ctx = Ctx {
            files: &files,
            diagnostics,
            file: index,
        };
        let known = Known {
            events: &event_ids,
            facts: &rules.facts,
            participants: &participants,
            hedges: rules.meta.hedges.unwrap_or_default(),
        };
        if let Some(claim) =
            compile_claim(&mut ctx, claim, &mut claim_ids, &known, &mut compiled, when)
        {
            rules.claims.push(claim);
        }
    }
    rules.files = files;
    rules
}

fn merge_meta(meta: &mut Meta, raw: RawMeta) {
    meta.name = meta.name.take().or(raw.name);
    meta.version = meta.version.take().or(raw.version);
    meta.description = meta.description.take().or(raw.description);
    meta.default_lang = meta.default_lang.take().or(raw.default_lang);
}

/// The hedge widths `raw` sets over `base`; a share that is no percentage in
/// (0%, 100%] is reported and keeps its `base` value.
fn hedge_widths(ctx: &mut Ctx, raw: &RawHedges, base: HedgeWidths) -> HedgeWidths {
    let mut widths = base;
    if let Some(capped) = raw.capped {
        widths.capped = capped;
    }
    for (field, slot) in [
        (&raw.about, &mut widths.about),
        (&raw.nearly, &mut widths.nearly),
        (&raw.more_than, &mut widths.more_than),
        (&raw.less_than, &mut widths.less_than),
    ] {
        let Some(field) = field else {
            continue;
        };
        match parse_tolerance(field.get_ref(), 1.0) {
            Ok(share) if share > 0.0 && share <= 1.0 => *slot = share,
            _ => ctx.error(
                field.span(),
                "a hedge width is a share of the figure between 0% and 100%",
                "not a share",
                Some("write it as a percentage: about = \"5%\"".into()),
            ),
        }
    }
    widths
}

/// Records `id` as seen; reports a duplicate at `span` with the first definition.
fn unique(
    ctx: &mut Ctx,
    seen: &mut HashMap<String, Origin>,
    what: &str,
    id: &str,
    span: std::ops::Range<usize>,
) -> bool {
    if let Some(first) = seen.get(id) {
        let help = format!(
            "first defined at {}; give each {what} a distinct id",
            ctx.location(first)
        );
        ctx.error(
            span,
            format!("duplicate {what} `{id}`"),
            "defined again here",
            Some(help),
        );
        return false;
    }
    seen.insert(id.to_string(), ctx.origin(span));
    true
}

fn compile_fact(
    ctx: &mut Ctx,
    At { value: raw, span }: At<RawFact>,
    keys: &mut HashMap<String, Origin>,
    named_sources: &mut Vec<NamedSource>,
) -> Option<Fact> {
    let key = raw.key.get_ref().clone();
    let unique = unique(ctx, keys, "fact key", &key, raw.key.span());
    let mut accepted = Vec::new();
    let mut named_ok = true;
    let mut named_index = |ctx: &mut Ctx, words: &Option<toml::Spanned<Vec<String>>>| {
        let words = words.as_ref()?;
        let index = named_source(ctx, words, named_sources);
        named_ok &= index.is_some();
        index
    };
    let named = named_index(ctx, &raw.named);
    let primary = accepted_value(ctx, &raw.value, raw.tolerance.as_ref(), raw.source.clone());
    accepted.extend(primary.map(|a| Accepted { named, ..a }));
    for alt in &raw.accept {
        let alt = alt.get_ref();
        let named = named_index(ctx, &alt.named);
        accepted.extend(
            accepted_value(ctx, &alt.value, alt.tolerance.as_ref(), alt.source.clone()).map(|a| {
                Accepted {
                    named,
                    only_where_named: named.is_some(),
                    ..a
                }
            }),
        );
    }
    if !unique || !named_ok || accepted.len() != 1 + raw.accept.len() {
        return None;
    }
    Some(Fact {
        key,
        accepted,
        as_of: raw.as_of.as_ref().and_then(crate::corpus::toml_date),
        note: raw.note,
        origin: ctx.origin(span),
    })
}

fn accepted_value(
    ctx: &mut Ctx,
    value: &toml::Spanned<RawValue>,
    tolerance: Option<&toml::Spanned<RawTolerance>>,
    source: Option<String>,
) -> Option<Accepted> {
    let parsed = match parse_value(value.get_ref()) {
        Ok(parsed) => parsed,
        Err(message) => {
            ctx.error(value.span(), message, "cannot read this value", None);
            return None;
        }
    };
    let half_width =
        // A tolerance is in the value's written unit ("50" of "4400 MW" is 50 MW).
        match tolerance.map(|t| (t.span(), parse_tolerance(t.get_ref(), parsed.amount / parsed.size))) {
            None => 0.0,
            Some((_, Ok(width))) => width * parsed.size,
            Some((span, Err(message))) => {
                ctx.error(span, message, "cannot read this tolerance", None);
                return None;
            }
        };
    Some(Accepted {
        nominal: parsed.amount,
        interval: Interval::new(parsed.amount - half_width, parsed.amount + half_width),
        unit: parsed.unit,
        source,
        named: None,
        only_where_named: false,
    })
}

/// The index in `named_sources` of an `accept` value's `named` words, added when no
/// earlier value names its source with the same words.
fn named_source(
    ctx: &mut Ctx,
    words: &toml::Spanned<Vec<String>>,
    named_sources: &mut Vec<NamedSource>,
) -> Option<usize> {
    use unicode_normalization::UnicodeNormalization;
    let listed = words.get_ref();
    if listed.is_empty() || listed.iter().any(|w| w.trim().is_empty()) {
        ctx.error(
            words.span(),
            "`named` must be a non-empty list of words",
            "here",
            Some("list the words that name the source in copy, e.g. [\"Viet Nam News\"]".into()),
        );
        return None;
    }
    let source = NamedSource {
        words: listed
            .iter()
            .map(|w| crate::fold::fold_str(w.trim()))
            .collect(),
        written: listed
            .iter()
            .map(|w| w.trim().nfc().collect::<String>().to_lowercase())
            .collect(),
        shown: listed[0].trim().to_string(),
    };
    if let Some(index) = named_sources.iter().position(|s| *s == source) {
        return Some(index);
    }
    if named_sources.len() == MAX_NAMED_SOURCES {
        ctx.error(
            words.span(),
            format!("more than {MAX_NAMED_SOURCES} distinct `named` lists"),
            "one too many",
            Some("reuse one list for every value of the same source".into()),
        );
        return None;
    }
    named_sources.push(source);
    Some(named_sources.len() - 1)
}

fn compile_event(
    ctx: &mut Ctx,
    At { value: raw, span }: At<RawEvent>,
    ids: &mut HashMap<String, Origin>,
) -> Option<Event> {
    let id = raw.id.get_ref().clone();
    let unique = unique(ctx, ids, "event", &id, raw.id.span());
    let date = event_date(ctx, &raw.date);
    let planned_date = match &raw.planned_date {
        Some(planned) => Some(event_date(ctx, planned)?),
        None => None,
    };
    let status = match raw.status {
        RawEventStatus::Held => EventStatus::Held,
        RawEventStatus::Postponed => EventStatus::Postponed,
        RawEventStatus::Planned => EventStatus::Planned,
        RawEventStatus::Cancelled => EventStatus::Cancelled,
    };
    let date = date?;
    unique.then(|| Event {
        label: raw.label.unwrap_or_else(|| id.clone()),
        id,
        date,
        status,
        planned_date,
        tags: raw.tags,
        participants: raw.participants,
        source: raw.source,
        origin: ctx.origin(span),
    })
}

fn event_date(ctx: &mut Ctx, raw: &toml::Spanned<RawDate>) -> Option<DateSpan> {
    match date_span(raw.get_ref()) {
        Ok(span) => Some(span),
        Err(message) => {
            ctx.error(
                raw.span(),
                message,
                "cannot read this date",
                Some("write 1992-06-29, \"2023-08\", \"1959\" or { start = 2023-08-20, end = 2023-08-22 }".into()),
            );
            None
        }
    }
}

/// A rule date (full, partial or range) as an inclusive span of days.
pub(crate) fn date_span(raw: &RawDate) -> Result<DateSpan, String> {
    match raw {
        RawDate::Date(dt) => {
            let date =
                crate::corpus::toml_date(dt).ok_or("date must include year, month and day")?;
            Ok(DateSpan {
                start: date,
                end: date,
                precision: DatePrecision::Day,
            })
        }
        RawDate::Partial(text) => partial_date(text),
        RawDate::Range { start, end } => {
            let (start, end) = (date_span(start)?, date_span(end)?);
            if end.end < start.start {
                return Err("date range ends before it starts".into());
            }
            Ok(DateSpan {
                start: start.start,
                end: end.end,
                precision: start.precision,
            })
        }
    }
}

fn partial_date(text: &str) -> Result<DateSpan, String> {
    let bad = || format!("`{text}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let num = |s: &str| s.parse::<u32>().map_err(|_| bad());
    match parts.as_slice() {
        [year] => {
            let year = num(year)? as i32;
            let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad)?;
            let end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad)?;
            Ok(DateSpan {
                start,
                end,
                precision: DatePrecision::Year,
            })
        }
        [year, month] => {
            let (year, month) = (num(year)? as i32, num(month)?);
            let start = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            };
            let end = next.and_then(|d| d.pred_opt()).ok_or_else(bad)?;
            Ok(DateSpan {
                start,
                end,
                precision: DatePrecision::Month,
            })
        }
        [_, _, _] => {
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| bad())?;
            Ok(DateSpan {
                start: date,
                end: date,
                precision: DatePrecision::Day,
            })
        }
        _ => Err(bad()),
    }
}

fn compile_entity(
    ctx: &mut Ctx,
    At { value: raw, span }: At<RawEntity>,
    ids: &mut HashMap<String, Origin>,
) -> Option<Entity> {
    let (id, id_span) = match &raw.id {
        Some(id) => (id.get_ref().clone(), id.span()),
        None => (raw.name.get_ref().clone(), raw.name.span()),
    };
    if !unique(ctx, ids, "entity", &id, id_span) {
        return None;
    }
    let wrong = |forms: Vec<RawMisspelling>| {
        forms
            .into_iter()
            .map(|m| match m {
                RawMisspelling::Form(form) => WrongForm { form, fix: None },
                RawMisspelling::WithFix { form, fix } => WrongForm { form, fix },
            })
            .collect()
    };
    let roles = raw
        .roles
        .into_iter()
        .map(|role| Role {
            titles: titles(role.title),
            from: role.from.as_ref().and_then(crate::corpus::toml_date),
            until: role.until.as_ref().and_then(crate::corpus::toml_date),
        })
        .collect();
    let former_names = raw
        .former_names
        .into_iter()
        .filter_map(|former| {
            let Some(until) = crate::corpus::toml_date(former.until.get_ref()) else {
                ctx.error(
                    former.until.span(),
                    "`until` of former names must be a date",
                    "not a calendar date",
                    Some("write the last day the names were current: `until = 2025-02-28`".into()),
                );
                return None;
            };
            Some(FormerName {
                names: titles(former.names),
                until,
            })
        })
        .collect();
    let life = life(ctx, raw.died.as_ref(), raw.living.as_ref());
    let examples = raw.example.into_iter().map(|e| example(ctx, e)).collect();
    let aliases_at = raw.aliases.as_ref().map(toml::Spanned::span);
    let aliases = raw
        .aliases
        .map(toml::Spanned::into_inner)
        .unwrap_or_default();
    for lang in aliases.keys() {
        language(ctx, lang, &aliases_at);
    }
    Some(Entity {
        examples,
        id,
        name: raw.name.into_inner(),
        kind: match raw.kind {
            RawEntityKind::Person => EntityKind::Person,
            RawEntityKind::Place => EntityKind::Place,
            RawEntityKind::Organisation => EntityKind::Organisation,
            RawEntityKind::Other => EntityKind::Other,
        },
        aliases,
        short_forms: raw.short_forms,
        titled_forms: raw.titled_forms,
        misspellings: wrong(raw.misspellings),
        discouraged: wrong(raw.discouraged),
        ascii_fold: raw.ascii_fold,
        roles,
        former_names,
        never_titles: raw.never_titles.map(titles).unwrap_or_default(),
        life,
        severity: raw.severity.unwrap_or(Severity::Error),
        origin: ctx.origin(span),
    })
}

/// What an entity's `died` and `living` say of its life; an error for a `died` that is
/// no date, or for both.
fn life(
    ctx: &mut Ctx,
    died: Option<&toml::Spanned<toml::value::Datetime>>,
    living: Option<&toml::Spanned<bool>>,
) -> Life {
    match (died, living) {
        (Some(_), Some(living)) if *living.get_ref() => {
            ctx.error(
                living.span(),
                "`living = true` contradicts `died`",
                "the entity also has a date of death",
                Some("keep `died` for a person who has died, or `living` for one alive".into()),
            );
            Life::Unknown
        }
        (Some(died), _) => match crate::corpus::toml_date(died.get_ref()) {
            Some(date) => Life::Died(date),
            None => {
                ctx.error(
                    died.span(),
                    "`died` must be a date",
                    "not a calendar date",
                    Some("write the day of death: `died = 2024-07-19`".into()),
                );
                Life::Unknown
            }
        },
        (None, Some(living)) if *living.get_ref() => Life::Living,
        _ => Life::Unknown,
    }
}

/// The names of a list or of per-language lists, in one list.
fn titles(raw: RawTitles) -> Vec<String> {
    match raw {
        RawTitles::List(titles) => titles,
        RawTitles::PerLang(map) => map.into_values().flatten().collect(),
    }
}

fn example(ctx: &mut Ctx, raw: toml::Spanned<RawExample>) -> Example {
    let span = raw.span();
    let raw = raw.into_inner();
    Example {
        text: raw.text,
        lang: raw.lang,
        doc_date: raw.doc_date.as_ref().and_then(crate::corpus::toml_date),
        expect: match raw.expect {
            RawExpect::Conflict => Expect::Conflict,
            RawExpect::Ok => Expect::Ok,
            RawExpect::NoMatch => Expect::NoMatch,
        },
        expect_found: raw.expect_found,
        origin: ctx.origin(span),
    }
}

/// Every claim pattern of every language compiled, in parallel (compiling the
/// regexes is most of the time it takes to load the rules), keyed by (language,
/// source). Unknown languages are left out; their claims report them.
fn compile_patterns(
    claims: &[(usize, At<RawClaim>)],
    when: Compile,
) -> HashMap<(String, String), PatternResult> {
    use rayon::prelude::*;
    let wanted: std::collections::BTreeSet<(&str, &str)> = claims
        .iter()
        .flat_map(|(_, claim)| {
            claim.value.patterns.iter().flat_map(|(lang, sources)| {
                sources
                    .iter()
                    .map(move |source| (lang.as_str(), source.get_ref().as_str()))
            })
        })
        .collect();
    crate::lang::preload(wanted.iter().map(|(lang, _)| *lang));
    wanted
        .into_par_iter()
        .filter_map(|(lang, source)| {
            let pack = crate::lang::pack(lang)?;
            Some((
                (lang.to_string(), source.to_string()),
                pattern::compile(source, pack, when),
            ))
        })
        .collect()
}

type PatternResult = Result<pattern::Pattern, pattern::PatternError>;

/// The events and participants a claim may refer to.
struct Known<'a> {
    events: &'a HashMap<String, Origin>,
    /// The facts, compiled before the claims.
    facts: &'a [Fact],
    participants: &'a std::collections::HashSet<String>,
    /// The rules' hedge widths (`[meta] hedges`, else the defaults).
    hedges: HedgeWidths,
}

fn compile_claim(
    ctx: &mut Ctx,
    At { value: raw, span }: At<RawClaim>,
    ids: &mut HashMap<String, Origin>,
    known: &Known,
    compiled: &mut HashMap<(String, String), PatternResult>,
    when: Compile,
) -> Option<Claim> {
    let Known {
        events,
        facts,
        participants,
        hedges,
    } = *known;
    let id = raw.id.get_ref().clone();
    let mut ok = unique(ctx, ids, "claim", &id, raw.id.span());
    let mut patterns = Vec::new();
    for (lang, sources) in &raw.patterns {
        let Some(pack) = language(ctx, lang, &sources.first().map(|s| s.span())) else {
            ok = false;
            continue;
        };
        for source in sources {
            // Claims that share a pattern share its regex (compiled once).
            let result = compiled
                .get(&(lang.clone(), source.get_ref().clone()))
                .cloned()
                .unwrap_or_else(|| pattern::compile(source.get_ref(), pack, when));
            match result {
                Ok(mut compiled) => {
                    compiled.at = source.span();
                    patterns.push((compiled, source.span()));
                }
                Err(err) => {
                    ok = false;
                    let string_span = source.span();
                    let at = err.offset.map_or(string_span.clone(), |offset| {
                        // +1 skips the opening quote; exact for strings without escapes.
                        let len = source.get_ref()[offset..].find('}').map_or(1, |i| i + 1);
                        let start = (string_span.start + 1 + offset).min(string_span.end);
                        start..(start + len).min(string_span.end)
                    });
                    ctx.error(at, err.message, "in this pattern", err.help);
                }
            }
        }
    }
    let mut cues = Vec::new();
    for (lang, groups) in &raw.cues {
        if language(ctx, lang, &Some(groups.span())).is_none() {
            ok = false;
            continue;
        }
        let folded = fold_groups(groups.get_ref());
        if folded.is_empty()
            || folded
                .iter()
                .any(|g| g.is_empty() || g.iter().any(String::is_empty))
        {
            ctx.error(
                groups.span(),
                "cue groups must be non-empty lists of words",
                "here",
                None,
            );
            ok = false;
            continue;
        }
        cues.push(CueSet {
            lang: lang.clone(),
            groups: folded,
        });
    }
    let mut scope: BTreeMap<String, Scope> = BTreeMap::new();
    for (lang, groups) in &raw.context {
        let folded = fold_groups(groups.get_ref());
        if folded.iter().any(|g| g.is_empty()) {
            ctx.error(
                groups.span(),
                "context groups must be non-empty lists of words",
                "here",
                None,
            );
            ok = false;
        }
        scope.entry(lang.clone()).or_default().context = folded;
    }
    let folded = |words: &toml::Spanned<Vec<String>>| -> Vec<String> {
        words
            .get_ref()
            .iter()
            .map(|w| crate::fold::fold_str(w))
            .collect()
    };
    for (lang, words) in &raw.exclude {
        scope.entry(lang.clone()).or_default().exclude = folded(words);
    }
    for (lang, words) in &raw.not_after {
        scope.entry(lang.clone()).or_default().not_after = folded(words);
    }
    for (lang, words) in &raw.followed_by {
        scope.entry(lang.clone()).or_default().followed_by = folded(words);
    }
    type SetWords = fn(&mut Scope, Vec<String>);
    let subject_lists: [(&str, _, SetWords); 2] = [
        ("subject", &raw.subject, |scope, words| {
            scope.subject = words
        }),
        ("other_subject", &raw.other_subject, |scope, words| {
            scope.other_subject = words;
        }),
    ];
    for (name, lists, set) in subject_lists {
        for (lang, words) in lists {
            if words.get_ref().iter().any(|w| w.trim().is_empty()) || words.get_ref().is_empty() {
                ctx.error(
                    words.span(),
                    format!("{name} words must be a non-empty list of non-empty words"),
                    "here",
                    None,
                );
                ok = false;
            }
            set(scope.entry(lang.clone()).or_default(), folded(words));
        }
    }
    if patterns.is_empty() && cues.is_empty() && ok {
        ctx.error(
            raw.id.span(),
            format!("claim `{id}` has neither patterns nor cues"),
            "this claim never matches",
            Some("add [claim.patterns] or [claim.cues] for at least one language".into()),
        );
        ok = false;
    }
    // Keys only quantity claims read: (key, where it is written, help).
    let quantity_only = [
        (
            "not_after",
            raw.not_after.values().next().map(|words| words.span()),
            "use `exclude` to skip sentences of other claims",
        ),
        (
            "followed_by",
            raw.followed_by.values().next().map(|words| words.span()),
            "a date, count or statement is tied to its words by the claim's patterns",
        ),
        (
            "rounded",
            raw.rounded.as_ref().map(|rounded| rounded.span()),
            "counts of years and dates are read as written already",
        ),
        (
            "exact",
            raw.exact.as_ref().map(|exact| exact.span()),
            "counts of years and dates are read as written already",
        ),
        (
            "signed",
            raw.signed.as_ref().map(|signed| signed.span()),
            "only the figures of quantity claims take a sign",
        ),
        (
            "hedges",
            raw.hedges
                .as_ref()
                .filter(|_| *raw.kind.get_ref() != RawClaimKind::Elapsed)
                .map(|hedges| hedges.span()),
            "hedge widths apply to the figures of quantity claims and the durations of \
             elapsed claims",
        ),
        (
            "undated",
            raw.undated.as_ref().map(|undated| undated.span()),
            "an event's date, not a fact's period, is what other kinds compare with",
        ),
    ];
    if *raw.kind.get_ref() != RawClaimKind::Quantity {
        for (key, span, help) in quantity_only {
            if let Some(span) = span {
                ctx.error(
                    span,
                    format!("`{key}` applies to quantity claims"),
                    "not read for this kind",
                    Some(help.into()),
                );
                ok = false;
            }
        }
    }
    if *raw.kind.get_ref() != RawClaimKind::False {
        let help = "remove it: facts and events carry the sources of the other kinds";
        for (key, span) in [
            ("correct", raw.correct.as_ref().map(|c| c.span())),
            ("source", raw.source.as_ref().map(|s| s.span())),
        ] {
            if let Some(span) = span {
                let kind = *raw.kind.get_ref();
                temporal::not_for_this_kind(ctx, span, key, RawClaimKind::False, kind, help);
                ok = false;
            }
        }
    }
    let kind = match raw.kind.get_ref() {
        RawClaimKind::Quantity => {
            quantity_kind(ctx, &raw, &patterns, !cues.is_empty(), hedges, facts)
        }
        kind => temporal::claim_kind(
            ctx,
            *kind,
            &raw,
            &patterns,
            !cues.is_empty(),
            events,
            participants,
        )
        .map(|kind| match kind {
            ClaimKind::Elapsed { event, until, .. } => ClaimKind::Elapsed {
                event,
                until,
                hedges: raw
                    .hedges
                    .as_ref()
                    .map(|own| hedge_widths(ctx, own.get_ref(), hedges)),
            },
            other => other,
        }),
    };
    let doc_dates = match &raw.doc_dates {
        Some(dates) => Some(event_date(ctx, dates)?),
        None => None,
    };
    let parties = raw
        .parties
        .as_ref()
        .map_or(Some(Vec::new()), |p| parties(ctx, p));
    let spellings = listed_spellings(&raw);
    if *raw.kind.get_ref() == RawClaimKind::False {
        for ok_example in raw
            .example
            .iter()
            .filter(|e| e.get_ref().expect == RawExpect::Ok)
        {
            ctx.error(
                ok_example.span(),
                "a `false` claim has no `ok` examples: every match is a finding",
                "expect = \"ok\"",
                Some("use expect = \"no-match\" for the true phrasings".into()),
            );
            ok = false;
        }
    }
    let examples = raw.example.into_iter().map(|e| example(ctx, e)).collect();
    let kind = kind?;
    let parties = parties?;
    ok.then(|| Claim {
        id,
        kind,
        severity: raw.severity.unwrap_or(Severity::Error),
        message: raw.message,
        help: raw.help,
        description: raw.description,
        patterns: patterns.into_iter().map(|(p, _)| p).collect(),
        cues,
        scope,
        doc_dates,
        parties,
        spellings,
        examples,
        origin: ctx.origin(span),
    })
}

/// The words of a claim's word lists per language, as folded and as written.
fn listed_spellings(raw: &RawClaim) -> BTreeMap<String, Vec<(String, String)>> {
    use unicode_normalization::UnicodeNormalization;
    let grouped = raw
        .cues
        .iter()
        .chain(&raw.context)
        .map(|(lang, groups)| (lang, groups.get_ref().iter().flatten().collect::<Vec<_>>()));
    let listed = [
        &raw.exclude,
        &raw.not_after,
        &raw.followed_by,
        &raw.subject,
        &raw.other_subject,
    ]
    .into_iter()
    .flatten()
    .map(|(lang, words)| (lang, words.get_ref().iter().collect::<Vec<_>>()));
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (lang, words) in grouped.chain(listed) {
        let spellings = out.entry(lang.clone()).or_default();
        for word in words {
            let written = word.trim().nfc().collect::<String>().to_lowercase();
            spellings.push((crate::fold::fold_str(word), written));
        }
    }
    out
}

/// The `parties` of a claim: country codes the built-in gazetteers know.
fn parties(ctx: &mut Ctx, raw: &toml::Spanned<Vec<String>>) -> Option<Vec<String>> {
    let gazetteer = crate::lang::pack("en").map(|pack| &pack.countries);
    let mut codes = Vec::new();
    for code in raw.get_ref() {
        let code = code.trim().to_uppercase();
        if !gazetteer.is_some_and(|g| g.knows(&code)) {
            ctx.error(
                raw.span(),
                format!("unknown country code `{code}` in `parties`"),
                "not a country of the language packs",
                Some(
                    "use ISO 3166-1 alpha-2 codes, as in the packs' [countries]: \"VN\", \"KZ\""
                        .into(),
                ),
            );
            return None;
        }
        codes.push(code);
    }
    if codes.is_empty() {
        ctx.error(
            raw.span(),
            "`parties` needs at least one country",
            "no country",
            Some(
                "list the country of a national figure (parties = [\"VN\"]) or both \
                 sides of a relation (parties = [\"VN\", \"KZ\"])"
                    .into(),
            ),
        );
        return None;
    }
    codes.sort();
    codes.dedup();
    Some(codes)
}

fn fold_groups(groups: &[Vec<String>]) -> Vec<Vec<String>> {
    groups
        .iter()
        .map(|group| group.iter().map(|w| crate::fold::fold_str(w)).collect())
        .collect()
}

fn language(
    ctx: &mut Ctx,
    lang: &str,
    span: &Option<std::ops::Range<usize>>,
) -> Option<&'static crate::lang::LangPack> {
    let pack = crate::lang::pack(lang);
    if pack.is_none() {
        ctx.error(
            span.clone().unwrap_or(0..0),
            format!("no language pack for `{lang}`"),
            "unknown language",
            Some(format!(
                "known languages: {} (add others as lang/<code>.toml beside the rules)",
                crate::lang::known_codes().join(", ")
            )),
        );
    }
    pack
}

fn quantity_kind(
    ctx: &mut Ctx,
    raw: &RawClaim,
    patterns: &[(pattern::Pattern, std::ops::Range<usize>)],
    has_cues: bool,
    hedges: HedgeWidths,
    facts: &[Fact],
) -> Option<ClaimKind> {
    let Some(key) = &raw.key else {
        ctx.error(
            raw.id.span(),
            "a quantity claim needs a `key`",
            "no key",
            Some("add key = \"topic/{year}\" naming the fact it is checked against".into()),
        );
        return None;
    };
    let key_names = key_placeholders(key.get_ref());
    let mut ok = true;
    for name in &key_names {
        if !KEY_PLACEHOLDERS.contains(&name.as_str()) {
            ctx.error(
                key.span(),
                format!("key template uses `{{{name}}}`, which cannot name a fact"),
                "in this key",
                Some("key templates may use {year} and {period}".into()),
            );
            ok = false;
        }
    }
    let value_kind = match &raw.value {
        Some(value) => match ValueKind::from_placeholder(value.get_ref()) {
            Some(kind) if is_quantity(kind) => Some(kind),
            _ => {
                ctx.error(
                    value.span(),
                    format!("`{}` is not a quantity value kind", value.get_ref()),
                    "here",
                    Some("use money, number, measure, percent, count or rank".into()),
                );
                return None;
            }
        },
        None => None,
    };
    let mut inferred = value_kind;
    for (pattern, span) in patterns {
        let bound: Vec<&str> = pattern
            .slots
            .iter()
            .filter(|s| s.label.is_none())
            .map(|s| s.kind.placeholder())
            .collect();
        for name in &key_names {
            let binds =
                bound.contains(&name.as_str()) || (name == "period" && bound.contains(&"year"));
            let elsewhere = raw.carry_period || raw.undated.is_some();
            if !binds && !elsewhere && KEY_PLACEHOLDERS.contains(&name.as_str()) {
                ctx.error(
                    span.clone(),
                    format!("the key uses `{{{name}}}` but this pattern does not bind it"),
                    "no such placeholder here",
                    Some(format!(
                        "add {{{name}}} to the pattern, remove it from the key, set \
                         `carry_period = true` to take the period from the sentence or \
                         the paragraph before, or `undated = \"latest\"` to take the \
                         latest fact's"
                    )),
                );
                ok = false;
            }
        }
        let first = pattern
            .slots
            .iter()
            .find(|s| s.label.is_none() && is_quantity(s.kind));
        match (first, inferred) {
            (None, _) => {
                ctx.error(
                    span.clone(),
                    "this pattern has no value to check",
                    "no {money}, {number}, {percent}, {count} or {rank}",
                    Some("add the placeholder of the value the claim states".into()),
                );
                ok = false;
            }
            (Some(slot), None) => inferred = Some(slot.kind),
            (Some(slot), Some(kind))
                if !pattern
                    .slots
                    .iter()
                    .any(|s| s.label.is_none() && s.kind == kind) =>
            {
                // Only values of the claim's kind are read: this pattern would
                // never yield one.
                ctx.error(
                    span.clone(),
                    format!(
                        "this pattern reads a {} value, but the claim reads {} values",
                        slot.kind.placeholder(),
                        kind.placeholder()
                    ),
                    "no value of the claim's kind",
                    Some(match value_kind {
                        Some(_) => format!(
                            "the claim's `value` is {}: write {{{}}} here, or split the \
                             claim in two",
                            kind.placeholder(),
                            kind.placeholder()
                        ),
                        None => format!(
                            "the claim's first pattern reads {{{}}}: write it here too, or \
                             split the claim in two",
                            kind.placeholder()
                        ),
                    }),
                );
                ok = false;
            }
            (Some(_), Some(_)) => {}
        }
    }
    if has_cues && value_kind.is_none() {
        ctx.error(
            raw.id.span(),
            "a claim with cues needs `value` (the kind of value to look for)",
            "no value kind",
            Some("add value = \"money\" (or number, percent, count, rank)".into()),
        );
        ok = false;
    }
    let value = inferred?;
    let latest = raw
        .undated
        .as_ref()
        .and_then(|undated| latest_facts(ctx, undated, key, &key_names, facts));
    ok &= raw.undated.is_none() || latest.is_some();
    ok.then(|| ClaimKind::Quantity {
        key: key.get_ref().clone(),
        value,
        derived_severity: raw.derived_severity.unwrap_or(Severity::Warning),
        carry_period: raw.carry_period,
        latest,
        rounded: raw.rounded.as_ref().is_none_or(|r| *r.get_ref()),
        exact: raw.exact.as_ref().is_some_and(|e| *e.get_ref()),
        signed: raw.signed.as_ref().is_some_and(|s| *s.get_ref()),
        hedges: raw
            .hedges
            .as_ref()
            .map_or(hedges, |own| hedge_widths(ctx, own.get_ref(), hedges)),
    })
}

/// The facts whose keys fit the `key` template, earliest known first, for
/// `undated = "latest"`: a period's fact is known from the day after the period, a
/// dated one (`{period}` only: `fifa-rank/2024-12-19`) from its date. `None`
/// (reported) when `undated` says something else, the key names no period or no
/// fact fits it.
fn latest_facts(
    ctx: &mut Ctx,
    undated: &toml::Spanned<String>,
    key: &toml::Spanned<String>,
    key_names: &[String],
    facts: &[Fact],
) -> Option<Vec<LatestFact>> {
    if undated.get_ref() != "latest" {
        ctx.error(
            undated.span(),
            format!(
                "`undated = {:?}` is not a way to read an undated figure",
                undated.get_ref()
            ),
            "unknown",
            Some(
                "write undated = \"latest\" to check a figure stating no period against the \
                 latest fact known on the document's date, or leave it out to skip such \
                 figures"
                    .into(),
            ),
        );
        return None;
    }
    let Some(name) = key_names.iter().find(|n| *n == "period" || *n == "year") else {
        ctx.error(
            key.span(),
            "`undated = \"latest\"` needs a key naming a period",
            "no {period} or {year}",
            Some("write the key as topic/{period}, one fact per period or date".into()),
        );
        return None;
    };
    let (before, after) = key.get_ref().split_once(&format!("{{{name}}}"))?;
    let known_from = |inside: &str| {
        if let Some(period) = crate::value::Period::from_key(inside) {
            let yearly = matches!(period, crate::value::Period::Year(_));
            return (name == "period" || yearly)
                .then(|| period.day_after())
                .flatten();
        }
        let date = NaiveDate::parse_from_str(inside, "%Y-%m-%d").ok()?;
        (name == "period" && date.format("%Y-%m-%d").to_string() == inside).then_some(date)
    };
    let mut latest: Vec<LatestFact> = facts
        .iter()
        .filter_map(|fact| {
            let inside = fact.key.strip_prefix(before)?.strip_suffix(after)?;
            Some(LatestFact {
                from: known_from(inside)?,
                binding: inside.to_string(),
            })
        })
        .collect();
    if latest.is_empty() {
        ctx.error(
            key.span(),
            format!("no fact's key fits `{}`", key.get_ref()),
            "undated figures are checked against these facts",
            Some(format!(
                "add facts keyed {before}2024{after} (one per period or date), or leave \
                 `undated` out"
            )),
        );
        return None;
    }
    latest.sort_by_key(|fact| fact.from);
    Some(latest)
}

fn is_quantity(kind: ValueKind) -> bool {
    matches!(
        kind,
        ValueKind::Money
            | ValueKind::Number
            | ValueKind::Measure
            | ValueKind::Percent
            | ValueKind::Count
            | ValueKind::Rank
    )
}

/// Names of the `{placeholders}` in a key template.
pub(crate) fn key_placeholders(key: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = key;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        names.push(rest[open + 1..open + close].to_string());
        rest = &rest[open + close + 1..];
    }
    names
}
