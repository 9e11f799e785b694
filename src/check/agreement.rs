// The module documentation lives in doc/agreement.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/agreement.md")]

use super::describe;
use super::verdict::Step;
use super::{Finding, Located, Related, Severity};
use crate::rules::Rules;

/// Most related locations listed under one finding.
const MAX_RELATED: usize = 5;

pub(crate) fn check(rules: &Rules, key: &str, mentions: &[Located], out: &mut Vec<Finding>) {
    let first_doc = mentions[0].doc;
    if mentions.iter().all(|l| l.doc == first_doc) {
        return;
    }
    let covering = |point: f64| -> Vec<usize> {
        (0..mentions.len())
            .filter(|&i| {
                let iv = mentions[i].mention.value.interval;
                iv.low <= point && point <= iv.high
            })
            .collect()
    };
    // Sweep: every maximal-depth point is the low end of some interval.
    let mut best: Vec<Vec<usize>> = Vec::new();
    for l in mentions {
        let group = covering(l.mention.value.interval.low);
        match best.first().map(Vec::len) {
            Some(depth) if group.len() < depth => {}
            Some(depth) if group.len() == depth => {
                if !best.contains(&group) {
                    best.push(group);
                }
            }
            _ => best = vec![group],
        }
    }
    let unique_majority = best.len() == 1 && best[0].len() > 1;
    for (i, located) in mentions.iter().enumerate() {
        let reference: Vec<usize> = if unique_majority {
            if best[0].contains(&i) {
                continue;
            }
            best[0].clone()
        } else {
            let iv = located.mention.value.interval;
            (0..mentions.len())
                .filter(|&j| !mentions[j].mention.value.interval.overlaps(&iv))
                .collect()
        };
        let reference: Vec<&Located> = reference
            .iter()
            .map(|&j| &mentions[j])
            .filter(|other| other.doc != located.doc)
            .collect();
        if reference.is_empty() {
            continue;
        }
        out.push(disagreement(
            rules,
            key,
            located,
            &reference,
            unique_majority,
        ));
    }
}

/// The arithmetic and verdict for each of `mentions` (of a key without a fact): the
/// cross-document comparison of [`check`] decides.
pub(crate) fn assess_all(rules: &Rules, key: &str, mentions: &[Located]) -> Vec<Step> {
    let mut findings = Vec::new();
    check(rules, key, mentions, &mut findings);
    mentions
        .iter()
        .map(|l| {
            let arithmetic = format!("{}; {}", reading(l), compared_with(key, l, mentions));
            match findings
                .iter()
                .position(|f| f.file == l.doc && f.span == l.mention.span)
            {
                Some(i) => Step::finding(arithmetic, findings.swap_remove(i)),
                None => Step::ok(arithmetic),
            }
        })
        .collect()
}

/// "`X` reads as A – B", or for a derived value "`up 5%` implies A – B for `KEY` (…)".
fn reading(l: &Located) -> String {
    let m = &l.mention;
    let text = l.text;
    let interval = describe::interval(&m.value.interval, m.value.unit.as_deref());
    match &m.derived {
        None => format!("`{text}` reads as {interval}"),
        Some(d) => format!(
            "`{text}` implies {interval} for `{}` ({} for `{}`, {:+}%)",
            m.key,
            describe::quantity(&d.stated),
            d.stated_key,
            d.change.nominal
        ),
    }
}

/// What a mention of a key without a fact is compared with.
fn compared_with(key: &str, l: &Located, mentions: &[Located]) -> String {
    let mut others: Vec<&str> = mentions
        .iter()
        .map(|o| o.doc)
        .filter(|name| *name != l.doc)
        .collect();
    let count = others.len();
    others.sort_unstable();
    others.dedup();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if count == 0 {
        format!("no fact for `{key}` and no other document states it")
    } else {
        format!(
            "no fact for `{key}`: compared with {count} mention{} in {} other document{}",
            plural(count),
            others.len(),
            plural(others.len())
        )
    }
}

fn disagreement(
    rules: &Rules,
    key: &str,
    located: &Located,
    reference: &[&Located],
    majority: bool,
) -> Finding {
    let m = &located.mention;
    let claim = &rules.claims[m.claim];
    let unit = m.value.unit.as_deref();
    let others: Vec<String> = reference
        .iter()
        .map(|o| describe::quantity(&o.mention.value))
        .collect();
    let expected = others.first().cloned().unwrap_or_default();
    let text = located.text;
    let found = describe::found(m);
    let who = if majority {
        "the majority of documents"
    } else {
        "another document"
    };
    Finding {
        rule: claim.id.clone(),
        kind: "agreement".to_string(),
        severity: Severity::Warning,
        key: Some(key.to_string()),
        file: located.doc.to_string(),
        span: m.span,
        message: describe::message(
            claim,
            m,
            &found,
            &expected,
            format!(
                "`{text}` disagrees with {who} on `{key}` ({})",
                others.join(", ")
            ),
        ),
        found: Some(found),
        expected: Some(expected),
        help: Some(format!(
            "`{text}` reads as {}; no fact exists for `{key}`: check a primary source and add a [[fact]]",
            describe::interval(&m.value.interval, unit)
        )),
        related: reference
            .iter()
            .take(MAX_RELATED)
            .map(|o| Related {
                file: o.doc.to_string(),
                span: o.mention.span,
                note: format!("states {}", describe::quantity(&o.mention.value)),
            })
            .collect(),
        source: None,
        fix: None,
    }
}
