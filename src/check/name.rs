// The module documentation lives in doc/name.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/name.md")]

use super::{Applicability, Edit, Finding, Fix, Severity, Span};
use super::{role_start, role_time};
use crate::corpus::Document;
use crate::fold;
use crate::names::{
    EntityInput, EntityKind as NameKind, FormerName, MarkerWords, Misspelling, NameHit, NameIndex,
    Role, Verdict,
};
use crate::rules::{Entity, EntityKind, Life, Rules, WrongForm};
use crate::value::DateSpan;

/// The name index of a rule base.
pub(crate) fn index(rules: &Rules) -> NameIndex {
    let inputs: Vec<EntityInput> = rules.entities.iter().map(input).collect();
    NameIndex::new(&inputs)
}

fn input(entity: &Entity) -> EntityInput {
    let wrong = |forms: &[WrongForm]| {
        forms
            .iter()
            .map(|w| Misspelling {
                form: w.form.clone(),
                fix: w.fix.clone(),
            })
            .collect()
    };
    EntityInput {
        id: entity.id.clone(),
        canonical: entity.name.clone(),
        kind: match entity.kind {
            EntityKind::Person => NameKind::Person,
            EntityKind::Place => NameKind::Place,
            EntityKind::Organisation => NameKind::Organisation,
            EntityKind::Other => NameKind::Other,
        },
        aliases: entity.aliases.values().flatten().cloned().collect(),
        short_forms: entity.short_forms.clone(),
        titled_forms: entity.titled_forms.clone(),
        misspellings: wrong(&entity.misspellings),
        discouraged: wrong(&entity.discouraged),
        ascii_fold: entity.ascii_fold,
        roles: entity
            .roles
            .iter()
            .map(|r| Role {
                titles: r.titles.clone(),
                from: r.from,
                until: r.until,
            })
            .collect(),
        former_names: entity
            .former_names
            .iter()
            .flat_map(|former| {
                former.names.iter().map(|form| FormerName {
                    form: form.clone(),
                    until: former.until,
                })
            })
            .collect(),
        never_titles: entity.never_titles.clone(),
    }
}

/// Name findings of one document; `folded` is its folded body.
pub(crate) fn check(
    rules: &Rules,
    index: &NameIndex,
    doc: &Document,
    folded: &fold::Folded,
) -> Vec<Finding> {
    if rules.entities.is_empty() {
        return Vec::new();
    }
    let pack = crate::lang::pack(&doc.lang);
    let words = pack.map_or_else(MarkerWords::default, |p| MarkerWords {
        apposition_words: &p.apposition_words,
        former_markers: &p.former_markers,
        past_markers: &p.past_markers,
        deceased_markers: &p.deceased_markers,
        occupation_words: &p.occupation_words,
        honorifics: &p.honorifics,
        capitalised_nouns: p.capitalised_nouns,
    });
    let hits = index.find(doc.body(), folded, doc.date, &words);
    let site = |hit: &NameHit| role_time::NameSite {
        body: doc.body(),
        folded,
        pack,
        range: hit.range.clone(),
        doc_date: doc.date,
    };
    let of_the_past =
        |hit: &NameHit, held: &[role_time::Term]| role_time::of_the_past(&site(hit), held);
    // "Tổng cục Thống kê (nay là Cục Thống kê)": a former name beside the current
    // one is a deliberate reference to the old name.
    let beside_current_name = |hit: &NameHit| {
        let sentence = role_time::sentence_of(folded, pack, &hit.range);
        sentence.is_some_and(|sentence| {
            hits.iter().any(|other| {
                other.entity == hit.entity
                    && other.verdict == Verdict::Ok
                    && sentence.contains(&other.range.start)
            })
        })
    };
    let mut findings: Vec<Finding> = hits
        .iter()
        .filter(|hit| match hit.verdict {
            // "the late chairman X": a title of the past, whether or not X had died.
            Verdict::RoleConflict {
                ref title,
                ref terms,
            } => {
                hit.deceased.is_none()
                    && !of_the_past(hit, terms)
                    && !role_time::designated(&site(hit), (title, terms))
            }
            Verdict::FormerName { until } => {
                !of_the_past(hit, &[(None, Some(until))])
                    && !beside_current_name(hit)
                    && !role_time::tells_of_renaming(doc.body(), folded, pack, &hit.range)
            }
            _ => true,
        })
        .cloned()
        .filter_map(|hit| {
            let named = match &hit.verdict {
                Verdict::RoleConflict { terms, .. } => {
                    role_time::date_outside_terms(&site(&hit), terms)
                }
                _ => None,
            };
            let span = doc.body_span(hit.range);
            finding(doc, &rules.entities[hit.entity], span, hit.verdict, named)
        })
        .collect();
    // "Tháng 10/2020, Phó Thủ tướng khi đó Trần Hồng Hà": a title held on the
    // document's date, of a time before its term.
    let then_titles = hits.iter().filter_map(|hit| {
        let held = hit.held_title.as_ref().filter(|_| hit.deceased.is_none())?;
        let named = role_time::then_title_outside_terms(&site(hit), &held.terms)?;
        let verdict = Verdict::RoleConflict {
            title: held.title.clone(),
            terms: held.terms.clone(),
        };
        let span = doc.body_span(hit.range.clone());
        finding(doc, &rules.entities[hit.entity], span, verdict, Some(named))
    });
    findings.extend(then_titles);
    // "the new Minister X" of one whose term began long before the document.
    let long_held = hits.iter().filter_map(|hit| {
        let held = hit.held_title.as_ref().filter(|_| hit.deceased.is_none())?;
        let (began, marker) = role_time::new_but_long_held(&site(hit), (&held.title, &held.terms))?;
        let span = doc.body_span(marker.min(hit.range.start)..hit.range.end);
        Some(new_title_finding(
            doc,
            &rules.entities[hit.entity],
            span,
            &held.title,
            began,
        ))
    });
    findings.extend(long_held);
    let all_hits = &hits;
    let role_starts = pack.into_iter().flat_map(|pack| {
        all_hits
            .iter()
            .filter(|hit| !matches!(hit.verdict, Verdict::NearMiss { .. }))
            .filter_map(move |hit| {
                let entity = &rules.entities[hit.entity];
                // "Prime Minister X and Y": the title before X is none of Y's.
                let after_other_name = all_hits
                    .iter()
                    .map(|other| other.range.end)
                    .filter(|&end| end <= hit.range.start)
                    .max()
                    .unwrap_or(0);
                role_start::check(
                    doc,
                    pack,
                    &rules.entities,
                    entity,
                    (&hit.range, after_other_name),
                )
            })
    });
    findings.extend(role_starts);
    findings.extend(
        hits.iter()
            .filter_map(|hit| deceased_marker(doc, &rules.entities[hit.entity], hit)),
    );
    findings
}

/// The finding of a title called new ("the new minister X") of one who took it up
/// on `began`, months before the document's date: a `role-start` warning.
fn new_title_finding(
    doc: &Document,
    entity: &Entity,
    span: Span,
    title: &str,
    began: chrono::NaiveDate,
) -> Finding {
    let days = doc.date.map_or(0, |date| (date - began).num_days());
    role_start::warning(
        doc,
        entity,
        span,
        (format!("new `{title}`"), began.to_string()),
        format!(
            "{} is called new as `{title}`, but took office on {began}, {days} days before \
             the document",
            entity.name
        ),
        format!(
            "drop the new-word, or date the start: {} took office as `{title}` on {began}",
            entity.name
        ),
    )
}

/// The finding of a marker saying the person had died ("the late X", "cố Thủ tướng
/// X") before the name of one who, as the rules know, was alive on the document's
/// date.
fn deceased_marker(doc: &Document, entity: &Entity, hit: &NameHit) -> Option<Finding> {
    let marker = hit.deceased.clone()?;
    let date = doc.date?;
    // Only hits of a form the entity is spelled with carry a marker (no near misses).
    if !entity.life.alive_on(date) {
        return None;
    }
    let written = doc.body().get(marker.clone())?;
    let span = doc.body_span(marker.start..hit.range.end);
    let alive = match entity.life {
        Life::Died(died) => format!(
            "{} died on {died}, after the document's date ({date})",
            entity.name
        ),
        _ => format!("the rules have {} alive (`living = true`)", entity.name),
    };
    let after = doc.body().get(marker.end..hit.range.end)?;
    let unmarked = after.trim_start();
    let cut = doc.body_span(marker.start..hit.range.end - unmarked.len());
    Some(Finding {
        rule: "deceased-marker".to_string(),
        kind: "name".to_string(),
        severity: entity.severity,
        key: Some(entity.id.clone()),
        file: doc.name.clone(),
        span,
        found: doc.text.get(span.range()).map(str::to_string),
        expected: Some(unmarked.to_string()),
        message: format!("`{written}` says {} had died; {alive}", entity.name),
        help: Some(format!("drop `{written}`")),
        related: Vec::new(),
        source: None,
        fix: Some(Fix {
            edits: vec![Edit {
                span: cut,
                replacement: String::new(),
            }],
            applicability: Applicability::Unsafe,
        }),
    })
}

/// Whether `text` starts with a capital where the name it resembles does.
fn capitalised_like(text: &str, name: &str) -> bool {
    let starts_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    starts_upper(text) || !starts_upper(name)
}

/// The finding of a name `verdict`; `named` is the date the text speaks of (the
/// title's clause, or the sentence before a "then" title) for a role conflict found at
/// that date rather than at the document's.
fn finding(
    doc: &Document,
    entity: &Entity,
    span: Span,
    verdict: Verdict,
    named: Option<DateSpan>,
) -> Option<Finding> {
    let text = doc.text.get(span.range()).unwrap_or("");
    let (rule, severity, message, help, fix) = match verdict {
        Verdict::Ok => return None,
        Verdict::Misspelling { fix } => (
            "misspelled-name",
            entity.severity,
            format!("`{text}` is a misspelling of {}", entity.name),
            format!("write `{fix}`"),
            Some((fix, Applicability::Safe)),
        ),
        Verdict::Discouraged { fix } => (
            "discouraged-name",
            Severity::Warning,
            format!("`{text}` is a discouraged form of {}", entity.name),
            format!("write `{fix}`"),
            Some((fix, Applicability::Safe)),
        ),
        Verdict::NearMiss { suggestion, .. } if !plausible_near_miss(text, &suggestion) => {
            return None;
        }
        Verdict::NearMiss {
            suggestion,
            distance,
        } => (
            "near-miss-name",
            Severity::Warning,
            format!(
                "`{text}` looks like a misspelling of {} (edit distance {distance})",
                entity.name
            ),
            format!("did you mean `{suggestion}`?"),
            Some((suggestion, Applicability::Unsafe)),
        ),
        // "các tổ lâm nghiệp" (forestry teams) is no "Tô Lâm": names are capitalised.
        Verdict::Diacritics { suggestion } if !capitalised_like(text, &suggestion) => {
            return None;
        }
        Verdict::Diacritics { suggestion } => (
            "near-miss-name",
            Severity::Warning,
            if text.is_ascii() {
                format!(
                    "`{text}` is written without the diacritics of {}",
                    entity.name
                )
            } else {
                format!(
                    "`{text}` differs from {} only in its diacritics",
                    entity.name
                )
            },
            format!("did you mean `{suggestion}`? (another person may bear this name)"),
            Some((suggestion, Applicability::Unsafe)),
        ),
        Verdict::FormerName { until } => {
            let current = entity
                .aliases
                .get(&doc.lang)
                .and_then(|forms| forms.first())
                .unwrap_or(&entity.name)
                .clone();
            (
                "former-name",
                Severity::Warning,
                format!(
                    "`{text}` is a former name of {} (its name until {until})",
                    entity.name
                ),
                format!(
                    "write `{current}`: the document is dated {}; a sentence about the \
                     time before the change names a year or says \"then\"",
                    doc.date.map_or_else(|| "?".to_string(), |d| d.to_string())
                ),
                Some((current, Applicability::Unsafe)),
            )
        }
        Verdict::StillHeld { title } => (
            "role-conflict",
            Severity::Warning,
            format!(
                "`{title}` is marked as no longer held, but {} held it on the document's date",
                entity.name
            ),
            format!(
                "\"former\" says {} had left the role by {}; drop the marker, or write \
                 \"then\" for a time of the past",
                entity.name,
                doc.date
                    .map_or_else(|| "the document's date".to_string(), |d| d.to_string())
            ),
            None,
        ),
        Verdict::NeverHeld { title } => (
            "role-conflict",
            Severity::Warning,
            format!("{} never held the title `{title}`", entity.name),
            format!(
                "the rules list `{title}` among the titles {} never held: check the title",
                entity.name
            ),
            None,
        ),
        Verdict::OthersTitle { title, own } => (
            "role-conflict",
            Severity::Warning,
            format!("{} never held the title `{title}`", entity.name),
            format!(
                "the rules give `{title}` to others only; {} held `{own}` of another \
                 body: check whose title it is",
                entity.name
            ),
            None,
        ),
        Verdict::RoleConflict { title, terms } => {
            let held = terms
                .iter()
                .map(|&(from, until)| role_dates(from, until))
                .collect::<Vec<_>>()
                .join(" and ");
            let document = doc.date.map_or_else(|| "?".to_string(), |d| d.to_string());
            let (when, dated) = match named {
                Some(date) => {
                    let date = super::describe::date_span(&date);
                    (
                        format!("in {date}, the time the text speaks of"),
                        format!("the text around it speaks of {date}"),
                    )
                }
                None => (
                    "on the document's date".to_string(),
                    format!("the document is dated {document}"),
                ),
            };
            (
                "role-conflict",
                Severity::Warning,
                format!("`{title}` {} did not hold this role {when}", entity.name),
                format!("{} held `{title}` {held}; {dated}", entity.name),
                None,
            )
        }
    };
    Some(Finding {
        rule: rule.to_string(),
        kind: "name".to_string(),
        severity,
        key: Some(entity.id.clone()),
        file: doc.name.clone(),
        span,
        found: Some(text.to_string()),
        expected: fix
            .as_ref()
            .map(|(f, _)| f.clone())
            .or_else(|| Some(entity.name.clone())),
        message,
        help: Some(help),
        related: Vec::new(),
        source: None,
        fix: fix.map(|(replacement, applicability)| Fix {
            edits: vec![Edit { span, replacement }],
            applicability,
        }),
    })
}

/// Shortest single word that is guessed as a misspelling: Vietnamese syllables
/// ("Trung" / "Trọng") and short words differ by one letter far too often.
const MIN_SINGLE_WORD_NEAR_MISS: usize = 6;

/// Endings German adds to a name's words: the genitive "s" ("Vietnams") and the
/// adjective endings ("das Südchinesische Meer" for "Südchinesisches Meer"),
/// longest first.
const INFLECTION_ENDINGS: &[&str] = &["es", "en", "er", "em", "e", "s"];

/// Shortest stem an inflection ending is taken from: Vietnamese syllables are
/// shorter ("Nguyen" is no inflection of "Nguye").
const MIN_INFLECTED_STEM: usize = 5;

/// A word without its inflection ending, when its stem is long enough to carry one.
fn stem(word: &str) -> &str {
    INFLECTION_ENDINGS
        .iter()
        .find_map(|ending| word.strip_suffix(ending))
        .filter(|stem| stem.chars().count() >= MIN_INFLECTED_STEM)
        .unwrap_or(word)
}

/// Guards on top of the index's near-miss detection, from real copy: a guess must be
/// capitalised as written, must not be an inflection of the suggestion (German
/// genitive "Kasachstans", "Vietnams", an adjective ending "Südchinesische Meer"),
/// and a single word must not be short.
fn plausible_near_miss(text: &str, suggestion: &str) -> bool {
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    let (found, wanted) = (fold::fold_str(text), fold::fold_str(suggestion));
    let inflected = |a: &str, b: &str| a == b || stem(a) == stem(b);
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let (found_words, wanted_words) = (words(&found), words(&wanted));
    let inflection = found.starts_with(&wanted)
        || wanted.starts_with(&found)
        || found_words.len() == wanted_words.len()
            && found_words
                .iter()
                .zip(&wanted_words)
                .all(|(f, w)| inflected(f, w));
    let single_word = !found.contains([' ', '-', '.']);
    capitalised
        && !inflection
        && !(single_word && found.chars().count() < MIN_SINGLE_WORD_NEAR_MISS)
}

fn role_dates(from: Option<chrono::NaiveDate>, until: Option<chrono::NaiveDate>) -> String {
    match (from, until) {
        (Some(f), Some(u)) => format!("from {f} until {u}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(u)) => format!("until {u}"),
        (None, None) => "at no recorded time".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::plausible_near_miss;

    #[test]
    fn near_miss_guards() {
        assert!(plausible_near_miss("Kassym-Jomrat", "Kassym-Jomart"));
        assert!(plausible_near_miss("Tumish", "Tumysh"));
        assert!(!plausible_near_miss("Kasachstans", "Kasachstan"));
        assert!(!plausible_near_miss("Vietnams", "Vietnam"));
        assert!(!plausible_near_miss("Trung", "Trọng"));
        assert!(!plausible_near_miss("biết", "Việt"));
        assert!(!plausible_near_miss(
            "Südchinesische Meer",
            "Südchinesisches Meer"
        ));
        assert!(!plausible_near_miss(
            "Südchinesischen Meer",
            "Südchinesisches Meer"
        ));
        assert!(plausible_near_miss(
            "Südchinesisches Mer",
            "Südchinesisches Meer"
        ));
        assert!(plausible_near_miss(
            "Kassym-Jomar Tokayev",
            "Kassym-Jomart Tokayev"
        ));
        assert!(plausible_near_miss("Tô Lân", "Tô Lâm"));
    }
}
