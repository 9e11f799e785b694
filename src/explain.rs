//! `factlint explain RULE_ID` and `factlint rules`: the rule base described for people.
//!
//! Sits beside the pipeline and reads only the loaded [`Rules`]: a claim's description,
//! kind, key, severity, patterns and cues per language, scope, the facts its key
//! template can reach and its examples; an entity's forms; and the built-in rule codes
//! (`misspelled-name`, `agreement`, …), explained with the same text that documents
//! their check modules (`src/check/doc/*.md`), so there is one source.

use std::fmt::Write as _;

use crate::Checker;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::rules::{Claim, ClaimKind, Entity, Example, Expect, Rules, Scope, format_quantity};

/// Documentation of the `quantity` claim kind (also the `//!` of `check/quantity.rs`).
const QUANTITY_DOC: &str = include_str!("check/doc/quantity.md");
/// What `date` claims check (the module docs of `check::date`).
const DATE_DOC: &str = include_str!("check/doc/date.md");
/// What `anniversary` claims check (the module docs of `check::anniversary`).
const ANNIVERSARY_DOC: &str = include_str!("check/doc/anniversary.md");
/// `elapsed` claims.
const ELAPSED_DOC: &str = include_str!("check/doc/elapsed.md");
/// What `since` and `first` claims check (the module docs of `check::since`).
const SINCE_DOC: &str = include_str!("check/doc/since.md");
/// What `ordinal` claims check (the module docs of `check::ordinal`).
const ORDINAL_DOC: &str = include_str!("check/doc/ordinal.md");
/// What a `false` claim checks.
const FALSE_DOC: &str = include_str!("check/doc/false.md");
/// Documentation of name checks (also the `//!` of `check/name.rs`).
const NAME_DOC: &str = include_str!("check/doc/name.md");
/// Documentation of cross-document agreement (also the `//!` of `check/agreement.rs`).
const AGREEMENT_DOC: &str = include_str!("check/doc/agreement.md");
/// Documentation of the weekday check (also the `//!` of `check/weekday.rs`).
const WEEKDAY_DOC: &str = include_str!("check/doc/weekday.md");

/// Rule codes that are not claim ids: the checks every rule base gets.
const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "misspelled-name",
        "error (the entity's severity)",
        "a known misspelling of an `[[entity]]` name",
    ),
    (
        "discouraged-name",
        "warning",
        "a discouraged style variant of an `[[entity]]` name",
    ),
    (
        "near-miss-name",
        "warning",
        "an unknown form close to a known name, in a name context",
    ),
    (
        "role-conflict",
        "warning",
        "a role title the entity did not hold on the document's date",
    ),
    (
        "role-start",
        "warning",
        "a date after a name, with an office-start word, that is not when the person took office",
    ),
    (
        "former-name",
        "warning",
        "a name the entity no longer bore on the document's date",
    ),
    (
        "deceased-marker",
        "error (the entity's severity)",
        "\"the late\" (or \"cố\", \"verstorbene\") before the name of a person who was alive",
    ),
    (
        "wrong-weekday",
        "error",
        "a weekday written beside a date that falls on another weekday",
    ),
    (
        "wrong-relative-day",
        "error",
        "a relative day (\"yesterday\") written beside a date of another day",
    ),
    (
        "agreement",
        "warning",
        "documents disagree on a key that has no `[[fact]]`",
    ),
];

/// One word list of a claim's [`Scope`] (`exclude`, `not_after`).
type ScopeWords = fn(&Scope) -> &[String];

/// Describes the claim, entity or built-in rule `id`; an unknown id is a usage error
/// that suggests the closest known id.
pub fn explain(rules: &Rules, id: &str) -> Result<String, Error> {
    if let Some(claim) = rules.claim(id) {
        return Ok(claim_text(rules, claim, None));
    }
    if let Some(entity) = rules.entities.iter().find(|e| e.id == id) {
        return Ok(entity_text(entity));
    }
    if let Some(&(code, severity, summary)) = BUILTIN.iter().find(|(code, ..)| *code == id) {
        let doc = match code {
            "agreement" => AGREEMENT_DOC,
            "wrong-weekday" | "wrong-relative-day" => WEEKDAY_DOC,
            _ => NAME_DOC,
        };
        return Ok(format!(
            "{code} (built-in rule, severity {severity})\n{summary}.\n\n{doc}"
        ));
    }
    Err(unknown(rules, id))
}

/// [`explain`] for a claim, with every mention of it in `corpus` listed after its
/// description: file:line:column, the quoted text, and the arithmetic with the verdict
/// ("…; stated 33 — ok", or the conflict's message). An id that is not a claim is a
/// usage error (entities and built-in codes have no mentions to walk through).
pub fn explain_in(rules: &Rules, id: &str, corpus: &Corpus) -> Result<String, Error> {
    let Some(index) = rules.claims.iter().position(|c| c.id == id) else {
        if rules.entities.iter().any(|e| e.id == id) || BUILTIN.iter().any(|(c, ..)| *c == id) {
            return Err(Error::Usage {
                message: format!("`{id}` is not a claim: only claims are walked through documents"),
                help: Some(format!(
                    "run `factlint explain {id}` without paths, or `factlint check PATHS` for its findings"
                )),
            });
        }
        return Err(unknown(rules, id));
    };
    let walked = Checker::new(rules).walkthrough(corpus, index);
    let mentions = crate::report::walkthrough::render(id, &walked, corpus);
    Ok(claim_text(rules, &rules.claims[index], Some(&mentions)))
}

fn unknown(rules: &Rules, id: &str) -> Error {
    let known = known_ids(rules);
    let closest = known
        .iter()
        .map(|k| (strsim::osa_distance(id, k), k))
        .min()
        .filter(|(distance, k)| *distance <= (k.chars().count() / 2).max(2));
    let help = match closest {
        Some((_, k)) => format!("did you mean `{k}`? (`factlint rules` lists every id)"),
        None => "`factlint rules` lists every id".to_string(),
    };
    Error::Usage {
        message: format!("no rule `{id}`"),
        help: Some(help),
    }
}

fn known_ids(rules: &Rules) -> Vec<String> {
    let claims = rules.claims.iter().map(|c| c.id.clone());
    let entities = rules.entities.iter().map(|e| e.id.clone());
    let builtin = BUILTIN.iter().map(|(code, ..)| code.to_string());
    claims.chain(entities).chain(builtin).collect()
}

/// The key template of a claim, when its kind checks a fact key.
fn key_template(kind: &ClaimKind) -> Option<&str> {
    match kind {
        ClaimKind::Quantity { key, .. } => Some(key),
        ClaimKind::Date { .. }
        | ClaimKind::Anniversary { .. }
        | ClaimKind::Elapsed { .. }
        | ClaimKind::Since { .. }
        | ClaimKind::First { .. }
        | ClaimKind::Ordinal { .. }
        | ClaimKind::False { .. } => None,
    }
}

/// The documentation of a claim kind.
fn kind_doc(kind: &ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Quantity { .. } => QUANTITY_DOC,
        ClaimKind::Date { .. } => DATE_DOC,
        ClaimKind::Anniversary { .. } => ANNIVERSARY_DOC,
        ClaimKind::Elapsed { .. } => ELAPSED_DOC,
        ClaimKind::Since { .. } | ClaimKind::First { .. } => SINCE_DOC,
        ClaimKind::Ordinal { .. } => ORDINAL_DOC,
        ClaimKind::False { .. } => FALSE_DOC,
    }
}

/// "event: ties — diplomatic relations established (1992-06-29..1992-06-29); source: …"
fn event_line(out: &mut String, rules: &Rules, role: &str, id: &str) {
    match rules.event(id) {
        Some(e) => {
            let _ = writeln!(
                out,
                "{role}: {} — {} ({}..{}){}",
                e.id,
                e.label,
                e.date.start,
                e.date.end,
                e.source
                    .as_ref()
                    .map(|s| format!("; source: {s}"))
                    .unwrap_or_default()
            );
        }
        None => {
            let _ = writeln!(out, "{role}: {id}");
        }
    }
}

/// The description of a claim; `mentions` (the rendered walk through documents) comes
/// right after the description line.
fn claim_text(rules: &Rules, claim: &Claim, mentions: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} (claim, kind {})", claim.id, claim.kind.name());
    if let Some(description) = &claim.description {
        let _ = writeln!(out, "{}", description.trim());
    }
    out.push('\n');
    if let Some(mentions) = mentions {
        out.push_str(mentions);
        out.push('\n');
    }
    if let Some(key) = key_template(&claim.kind) {
        let _ = writeln!(out, "key: {key}");
    }
    match &claim.kind {
        ClaimKind::Quantity {
            value,
            derived_severity,
            latest,
            ..
        } => {
            let _ = writeln!(out, "value: {}", value.placeholder());
            if let Some(latest) = latest {
                let known: Vec<String> = latest
                    .iter()
                    .map(|fact| format!("{} (from {})", fact.binding, fact.from))
                    .collect();
                let _ = writeln!(
                    out,
                    "undated figures: the latest known on the document's date of {}",
                    known.join(", ")
                );
            }
            let _ = writeln!(
                out,
                "severity: {} (derived from a stated change: {})",
                claim.severity.as_str(),
                derived_severity.as_str()
            );
        }
        ClaimKind::Date { event } | ClaimKind::Anniversary { event } => {
            event_line(&mut out, rules, "event", event);
            let _ = writeln!(out, "severity: {}", claim.severity.as_str());
        }
        ClaimKind::Elapsed { event, until, .. } => {
            event_line(&mut out, rules, "from", event);
            match until {
                Some(until) => event_line(&mut out, rules, "until", until),
                None => {
                    let _ = writeln!(out, "until: the document date");
                }
            }
            let _ = writeln!(out, "severity: {}", claim.severity.as_str());
        }
        ClaimKind::Since { tags } | ClaimKind::First { tags } => {
            events_tagged(&mut out, rules, tags, &[]);
            let _ = writeln!(out, "severity: {}", claim.severity.as_str());
        }
        ClaimKind::Ordinal { tags, participants } => {
            events_tagged(&mut out, rules, tags, participants);
            let _ = writeln!(out, "severity: {}", claim.severity.as_str());
        }
        ClaimKind::False { correct, source } => {
            let _ = writeln!(out, "correct: {correct}");
            if let Some(source) = source {
                let _ = writeln!(out, "source: {source}");
            }
            let _ = writeln!(out, "severity: {}", claim.severity.as_str());
        }
    }
    if let Some(message) = &claim.message {
        let _ = writeln!(out, "message: {message}");
    }
    if let Some(help) = &claim.help {
        let _ = writeln!(out, "help: {help}");
    }
    if !claim.patterns.is_empty() {
        out.push_str("\npatterns:\n");
        for pattern in &claim.patterns {
            let _ = writeln!(out, "  {}: {}", pattern.lang, pattern.source);
        }
    }
    if !claim.cues.is_empty() || claim.scope.values().any(|s| !s.is_empty()) {
        out.push_str(
            "\nWords below match in any case; one written with diacritics matches only \
             text with those diacritics, or with none in text typed without any.\n",
        );
    }
    if !claim.cues.is_empty() {
        out.push_str("\ncues (one word of every group):\n");
        for cue in &claim.cues {
            let shown = |word: &str| written(claim, &cue.lang, word);
            let _ = writeln!(out, "  {}: {}", cue.lang, groups(&cue.groups, shown));
        }
    }
    if claim.scope.values().any(|s| !s.context.is_empty()) {
        out.push_str("\ncontext (the document must contain one word of every group):\n");
        for (lang, scope) in claim.scope.iter().filter(|(_, s)| !s.context.is_empty()) {
            let shown = |word: &str| written(claim, lang, word);
            let _ = writeln!(out, "  {lang}: {}", groups(&scope.context, shown));
        }
    }
    let word_lists: [(&str, ScopeWords); 4] = [
        (
            "subject (one of these words must stand in the match's sentence or the two before it in its paragraph, or, for a figure, in the headline for a match in the lead or the paragraph after it)",
            |s| &s.subject,
        ),
        (
            "other_subject (where one of these words stands in the match's sentence, the two before it or the headline and lead, a subject word must stand in the sentence or the two before it)",
            |s| &s.other_subject,
        ),
        (
            "exclude (sentences with one of these words are skipped)",
            |s| &s.exclude,
        ),
        (
            "not_after (the value one of these words introduces is skipped)",
            |s| &s.not_after,
        ),
    ];
    for (title, words) in word_lists {
        if claim.scope.values().all(|s| words(s).is_empty()) {
            continue;
        }
        let _ = writeln!(out, "\n{title}:");
        for (lang, scope) in claim.scope.iter().filter(|(_, s)| !words(s).is_empty()) {
            let shown: Vec<String> = words(scope)
                .iter()
                .map(|word| written(claim, lang, word))
                .collect();
            let _ = writeln!(out, "  {lang}: {}", shown.join(", "));
        }
    }
    if !claim.parties.is_empty() {
        let _ = writeln!(
            out,
            "\nparties: {} (sentences naming another country and not all of these are skipped)",
            claim.parties.join(", ")
        );
    }
    if let Some(dates) = &claim.doc_dates {
        let _ = writeln!(
            out,
            "\ndoc_dates: {}..{} (documents dated otherwise, or undated, are not checked)",
            dates.start, dates.end
        );
    }
    let own_hedges = match &claim.kind {
        ClaimKind::Quantity { hedges, .. } => Some(hedges),
        ClaimKind::Elapsed { hedges, .. } => hedges.as_ref(),
        _ => None,
    };
    if let Some(hedges) = own_hedges
        && *hedges != crate::value::HedgeWidths::default()
    {
        let pct = |share: f64| format!("{}%", crate::value::interval::tidy(share * 100.0));
        let _ = writeln!(
            out,
            "
hedges: about ±{}, nearly up to {} below, more than up to {} above, less than up to {} below{}",
            pct(hedges.about),
            pct(hedges.nearly),
            pct(hedges.more_than),
            pct(hedges.less_than),
            if hedges.capped {
                ""
            } else {
                ", whatever the figure's written precision"
            }
        );
    }
    if let Some(key) = key_template(&claim.kind) {
        facts(&mut out, rules, key);
    }
    examples(&mut out, &claim.examples, "claim.example");
    let _ = write!(
        out,
        "\nAbout `{}` claims\n\n{}",
        claim.kind.name(),
        kind_doc(&claim.kind)
    );
    out
}

/// The events a `since`, `first` or `ordinal` claim compares.
fn events_tagged(out: &mut String, rules: &Rules, tags: &[String], participants: &[String]) {
    let _ = writeln!(out, "events tagged: {}", tags.join(", "));
    if !participants.is_empty() {
        let _ = writeln!(out, "with participants: {}", participants.join(", "));
    }
    for e in rules
        .events
        .iter()
        .filter(|e| tags.iter().all(|t| e.tags.contains(t)))
        .filter(|e| participants.iter().all(|p| e.participants.contains(p)))
    {
        let _ = writeln!(
            out,
            "  {} — {} ({}..{})",
            e.id, e.label, e.date.start, e.date.end
        );
    }
}

fn groups(groups: &[Vec<String>], shown: impl Fn(&str) -> String) -> String {
    let list: Vec<String> = groups
        .iter()
        .map(|g| {
            let words: Vec<String> = g.iter().map(|word| shown(word)).collect();
            format!("[{}]", words.join(" | "))
        })
        .collect();
    list.join(" + ")
}

/// A folded word of the claim's lists in `lang` as the rule file writes it
/// (lowercase); the spellings joined with `/` when its lists write it several ways.
fn written(claim: &Claim, lang: &str, folded: &str) -> String {
    let mut forms: Vec<&str> = Vec::new();
    let spellings = claim.spellings.get(lang).into_iter().flatten();
    for (word, form) in spellings.filter(|(word, _)| word == folded) {
        if !forms.contains(&form.as_str()) && !word.is_empty() {
            forms.push(form);
        }
    }
    match forms.is_empty() {
        true => folded.to_string(),
        false => forms.join("/"),
    }
}

/// The facts whose keys the template can produce, with every accepted value.
fn facts(out: &mut String, rules: &Rules, template: &str) {
    let reachable: Vec<_> = rules
        .facts
        .iter()
        .filter(|f| key_matches(template, &f.key))
        .collect();
    if reachable.is_empty() {
        let _ = writeln!(
            out,
            "\nfacts: none match `{template}`; mentions are compared across documents"
        );
        return;
    }
    out.push_str("\nfacts:\n");
    for fact in reachable {
        let _ = writeln!(out, "  {}", fact.key);
        for (i, accepted) in fact.accepted.iter().enumerate() {
            let unit = accepted.unit.as_deref();
            let interval = if accepted.interval.low == accepted.interval.high {
                String::new()
            } else {
                format!(
                    " (accepts {} – {})",
                    format_quantity(accepted.interval.low, unit),
                    format_quantity(accepted.interval.high, unit)
                )
            };
            let _ = writeln!(
                out,
                "    {} {}{interval}{}",
                if i == 0 { "value" } else { "also " },
                format_quantity(accepted.nominal, unit),
                accepted
                    .source
                    .as_ref()
                    .map_or(String::new(), |s| format!("; source: {s}")),
            );
            if let Some(source) = accepted.named.and_then(|i| rules.named_sources.get(i)) {
                let _ = writeln!(
                    out,
                    "      {}: {}",
                    if accepted.only_where_named {
                        "only in a sentence naming its source"
                    } else {
                        "its source is named by"
                    },
                    source.written.join(", ")
                );
            }
        }
    }
}

/// Whether `key` is one the template can fill: literal parts equal, each
/// placeholder one or more characters other than `/`.
pub(crate) fn key_matches(template: &str, key: &str) -> bool {
    let mut pattern = String::from("^");
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        pattern.push_str(&regex::escape(&rest[..open]));
        pattern.push_str("[^/]+");
        rest = &rest[open + close + 1..];
    }
    pattern.push_str(&regex::escape(rest));
    pattern.push('$');
    regex::Regex::new(&pattern).is_ok_and(|re| re.is_match(key))
}

/// The examples of a claim or entity; `table` is where they are written
/// (`claim.example`, `entity.example`).
fn examples(out: &mut String, examples: &[Example], table: &str) {
    if examples.is_empty() {
        let _ = writeln!(
            out,
            "\nexamples: none (add [[{table}]] tables; `factlint test` runs them)"
        );
        return;
    }
    out.push_str("\nexamples (`factlint test` runs them):\n");
    for example in examples {
        let expect = match example.expect {
            Expect::Conflict => "conflict",
            Expect::Ok => "ok",
            Expect::NoMatch => "no-match",
        };
        let date = example
            .doc_date
            .map_or(String::new(), |d| format!(" dated {d}"));
        let _ = writeln!(
            out,
            "  {expect:<8} [{}{date}] {}",
            example.lang, example.text
        );
    }
}

fn entity_text(entity: &Entity) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} (entity: {})", entity.id, entity.name);
    for (lang, aliases) in &entity.aliases {
        let _ = writeln!(out, "aliases {lang}: {}", aliases.join(", "));
    }
    if !entity.short_forms.is_empty() {
        let _ = writeln!(out, "short forms: {}", entity.short_forms.join(", "));
    }
    let wrong = |forms: &[crate::rules::WrongForm]| -> String {
        let list: Vec<String> = forms
            .iter()
            .map(|w| match &w.fix {
                Some(fix) => format!("{} → {fix}", w.form),
                None => w.form.clone(),
            })
            .collect();
        list.join(", ")
    };
    if !entity.misspellings.is_empty() {
        let _ = writeln!(
            out,
            "misspellings ({}): {}",
            entity.severity.as_str(),
            wrong(&entity.misspellings)
        );
    }
    if !entity.discouraged.is_empty() {
        let _ = writeln!(out, "discouraged (warning): {}", wrong(&entity.discouraged));
    }
    for role in &entity.roles {
        let _ = writeln!(
            out,
            "role: {} from {} until {}",
            role.titles.join(" / "),
            role.from.map_or("?".to_string(), |d| d.to_string()),
            role.until.map_or("today".to_string(), |d| d.to_string())
        );
    }
    if !entity.never_titles.is_empty() {
        let _ = writeln!(
            out,
            "never held (warning): {}",
            entity.never_titles.join(" / ")
        );
    }
    for former in &entity.former_names {
        let _ = writeln!(
            out,
            "former name (warning after {}): {}",
            former.until,
            former.names.join(" / ")
        );
    }
    examples(&mut out, &entity.examples, "entity.example");
    let _ = write!(out, "\nAbout name checks\n\n{NAME_DOC}");
    out
}

/// A table of every claim and entity: id, kind, key and languages.
pub fn rules_table(rules: &Rules) -> String {
    let mut rows = vec![[
        "ID".to_string(),
        "KIND".to_string(),
        "KEY".to_string(),
        "LANGUAGES".to_string(),
    ]];
    for claim in &rules.claims {
        let mut langs: Vec<&str> = claim
            .patterns
            .iter()
            .map(|p| p.lang.as_str())
            .chain(claim.cues.iter().map(|c| c.lang.as_str()))
            .collect();
        langs.sort_unstable();
        langs.dedup();
        rows.push([
            claim.id.clone(),
            claim.kind.name().to_string(),
            key_template(&claim.kind)
                .map(str::to_string)
                .or_else(|| claim.kind.temporal_key())
                .unwrap_or_else(|| "-".to_string()),
            langs.join(","),
        ]);
    }
    for entity in &rules.entities {
        let langs: Vec<&str> = entity.aliases.keys().map(String::as_str).collect();
        rows.push([
            entity.id.clone(),
            "entity".to_string(),
            "-".to_string(),
            if langs.is_empty() {
                "all".to_string()
            } else {
                format!("all (aliases: {})", langs.join(","))
            },
        ]);
    }
    let widths: Vec<usize> = (0..4)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                let _ = write!(line, "{cell:<width$}  ", width = widths[c]);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} claims, {} entities, {} facts, {} events",
        rules.claims.len(),
        rules.entities.len(),
        rules.facts.len(),
        rules.events.len()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_templates_match_fact_keys() {
        assert!(key_matches(
            "trade/vn-kz/{period}",
            "trade/vn-kz/2023-M01..M04"
        ));
        assert!(key_matches("trade/vn-kz/{year}", "trade/vn-kz/2024"));
        assert!(!key_matches("trade/vn-kz/{year}", "trade/vn-kz/"));
        assert!(!key_matches("trade/vn-kz/{year}", "trade/vn-kz/2024/x"));
        assert!(!key_matches("trade/{year}", "exports/2024"));
    }

    #[test]
    fn words_are_shown_as_the_rule_file_writes_them() {
        let rules = Rules::from_toml(
            "r.toml",
            r#"
[[claim]]
id = "c"
kind = "quantity"
key = "k/{year}"
[claim.patterns]
vi = ["năm {year} đạt {money}"]
[claim.exclude]
vi = ["Mục tiêu", "từ"]
[claim.not_after]
vi = ["tu"]
"#,
        )
        .expect("rules");
        let claim = &rules.claims[0];
        assert_eq!(written(claim, "vi", "muc tieu"), "mục tiêu");
        assert_eq!(written(claim, "vi", "tu"), "từ/tu", "two spellings");
        assert_eq!(written(claim, "en", "tu"), "tu", "no list in that language");
    }

    #[test]
    fn unknown_id_suggests_the_closest() {
        let rules = Rules::default();
        let err = explain(&rules, "misspeled-name").expect_err("unknown");
        match err {
            Error::Usage { message, help } => {
                assert_eq!(message, "no rule `misspeled-name`");
                assert!(help.is_some_and(|h| h.contains("`misspelled-name`")));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
}
