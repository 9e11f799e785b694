// The module documentation lives in doc/agreement.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/agreement.md")]

use std::collections::BTreeMap;
use std::ops::Range;

use super::describe;
use super::verdict::Step;
use super::{Finding, Located, Related, Severity};
use crate::rules::Rules;
use crate::value::Interval;

/// Most related locations listed under one finding.
const MAX_RELATED: usize = 5;

/// Warns on each mention of `key` (a key without a fact) that disagrees with the
/// other documents' mentions in the same unit (given in document order): with no
/// exchange rate, 24 billion Australian dollars neither agrees nor disagrees with
/// 16 billion US dollars.
pub(crate) fn check(rules: &Rules, key: &str, mentions: &[Located], out: &mut Vec<Finding>) {
    let mut found: Vec<(usize, Reference)> = Vec::new();
    for group in same_unit_groups(mentions) {
        let docs: Vec<&str> = group.iter().map(|&i| mentions[i].doc).collect();
        // Closed: two documents saying "more than 100" and "100" are not told
        // apart without a fact, and the sweep below counts closed ends.
        let intervals: Vec<Interval> = group
            .iter()
            .map(|&i| mentions[i].mention.value.interval)
            .map(|iv| Interval::new(iv.low, iv.high))
            .collect();
        for (i, mut reference) in disagreements(&docs, &intervals) {
            for j in &mut reference.first {
                *j = group[*j];
            }
            found.push((group[i], reference));
        }
    }
    found.sort_by_key(|(i, _)| *i);
    for (i, reference) in found {
        out.push(disagreement(rules, key, &mentions[i], &reference, mentions));
    }
}

/// The indices of `mentions` grouped by unit, each group in mention order.
fn same_unit_groups(mentions: &[Located]) -> Vec<Vec<usize>> {
    let mut groups: BTreeMap<Option<&str>, Vec<usize>> = BTreeMap::new();
    for (i, l) in mentions.iter().enumerate() {
        groups
            .entry(l.mention.value.unit.as_deref())
            .or_default()
            .push(i);
    }
    groups.into_values().collect()
}

/// The mentions that disagree with others (by index, in order) and what each is
/// compared with. `docs` and `intervals` describe the mentions of one key, in
/// document order.
///
/// The reference is the one majority group when there is one (mentions holding
/// the deepest point of a sweep over the interval ends), else every mention of
/// another document disjoint from the one judged. O(n log n) plus the scans for
/// the first few references of each disagreeing mention.
fn disagreements(docs: &[&str], intervals: &[Interval]) -> Vec<(usize, Reference)> {
    let mut found = Vec::new();
    if docs.iter().all(|d| Some(d) == docs.first()) {
        return found;
    }
    let documents = same_document_runs(docs);
    let endpoints = Endpoints::of(intervals);
    let majority = endpoints.unique_majority();
    let group: Vec<usize> = majority.map_or_else(Vec::new, |point| {
        (0..intervals.len())
            .filter(|&j| intervals[j].contains(point))
            .collect()
    });
    for (i, iv) in intervals.iter().enumerate() {
        let own = documents[i].clone();
        let other_doc = |j: &usize| !own.contains(j);
        let reference = match majority {
            Some(point) if iv.contains(point) => continue,
            Some(_) => {
                // The group is in mention order: this document's members are one run.
                let own_members = group.partition_point(|&j| j < own.end)
                    - group.partition_point(|&j| j < own.start);
                let others = group.iter().copied().filter(other_doc);
                Reference::gather(others, group.len() - own_members, true)
            }
            None => {
                // Counted by the sorted ends, so a mention disjoint from nothing
                // costs no scan.
                let own_disjoint = own.clone().filter(|&j| !intervals[j].overlaps(iv)).count();
                let count = endpoints.disjoint_from(iv) - own_disjoint;
                let others = (0..intervals.len())
                    .filter(|&j| !intervals[j].overlaps(iv))
                    .filter(other_doc);
                Reference::gather(others, count, false)
            }
        };
        found.extend(reference.map(|reference| (i, reference)));
    }
    found
}

/// For each mention, the range of mentions of its document (mentions come in
/// document order).
fn same_document_runs(docs: &[&str]) -> Vec<Range<usize>> {
    let mut runs = Vec::with_capacity(docs.len());
    let mut start = 0;
    for end in 1..=docs.len() {
        if end == docs.len() || docs[end] != docs[start] {
            runs.extend(std::iter::repeat_n(start..end, end - start));
            start = end;
        }
    }
    runs
}

/// The sorted ends of a key's intervals, for counting by binary search.
struct Endpoints {
    lows: Vec<f64>,
    highs: Vec<f64>,
}

impl Endpoints {
    fn of(intervals: &[Interval]) -> Self {
        let mut lows: Vec<f64> = intervals.iter().map(|iv| iv.low).collect();
        let mut highs: Vec<f64> = intervals.iter().map(|iv| iv.high).collect();
        lows.sort_by(f64::total_cmp);
        highs.sort_by(f64::total_cmp);
        Endpoints { lows, highs }
    }

    /// How many intervals contain `point`.
    fn depth(&self, point: f64) -> usize {
        self.lows.partition_point(|&low| low <= point)
            - self.highs.partition_point(|&high| high < point)
    }

    /// How many intervals are disjoint from `iv`.
    fn disjoint_from(&self, iv: &Interval) -> usize {
        self.highs.partition_point(|&high| high < iv.low)
            + (self.lows.len() - self.lows.partition_point(|&low| low <= iv.high))
    }

    /// A point held by the one majority group, when there is one: the deepest
    /// points (each the low end of some interval) all held by the same mentions,
    /// and more than one of them.
    ///
    /// Two deepest points `p < q` are held by the same mentions exactly when no
    /// interval ends in `[p, q)`: an interval ending there makes the depth drop
    /// just after its end, and without one every interval holding `p` also holds
    /// `q` (and the two depths are equal).
    fn unique_majority(&self) -> Option<f64> {
        let mut deepest: Vec<f64> = Vec::new();
        let mut depth = 0;
        for &low in &self.lows {
            let here = self.depth(low);
            if here > depth {
                depth = here;
                deepest.clear();
            }
            if here == depth && deepest.last() != Some(&low) {
                deepest.push(low);
            }
        }
        let ended_before = |point: f64| self.highs.partition_point(|&high| high < point);
        let one_group = deepest
            .windows(2)
            .all(|pair| ended_before(pair[1]) == ended_before(pair[0]));
        let point = *deepest.first()?;
        (one_group && depth > 1).then_some(point)
    }
}

/// What a disagreeing mention is compared with: the first few of the mentions it
/// disagrees with (in report order), how many there are in all, and whether they
/// are the majority group.
#[derive(Debug, PartialEq)]
struct Reference {
    first: Vec<usize>,
    count: usize,
    majority: bool,
}

impl Reference {
    /// The first [`MAX_RELATED`] of `others`, of `count` in all; `None` when there
    /// are none.
    fn gather(
        others: impl Iterator<Item = usize>,
        count: usize,
        majority: bool,
    ) -> Option<Reference> {
        if count == 0 {
            return None;
        }
        let first: Vec<usize> = others.take(MAX_RELATED).collect();
        (!first.is_empty()).then_some(Reference {
            first,
            count,
            majority,
        })
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
            "`{text}` implies {interval} for `{}` ({} for `{}`, {})",
            m.key,
            describe::quantity(&d.stated),
            d.stated_key,
            describe::change(&d.change)
        ),
    }
}

/// What a mention of a key without a fact is compared with.
fn compared_with(key: &str, l: &Located, mentions: &[Located]) -> String {
    let unit = l.mention.value.unit.as_deref();
    let mut others: Vec<&str> = mentions
        .iter()
        .filter(|o| o.doc != l.doc && o.mention.value.unit.as_deref() == unit)
        .map(|o| o.doc)
        .collect();
    let count = others.len();
    others.sort_unstable();
    others.dedup();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if count == 0 && mentions.iter().any(|o| o.doc != l.doc) {
        format!("no fact for `{key}`, and the other documents state it in other units only")
    } else if count == 0 {
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
    reference: &Reference,
    mentions: &[Located],
) -> Finding {
    let majority = reference.majority;
    let m = &located.mention;
    let claim = &rules.claims[m.claim];
    let unit = m.value.unit.as_deref();
    let count = reference.count;
    let reference: Vec<&Located> = reference.first.iter().map(|&j| &mentions[j]).collect();
    let mut others: Vec<String> = reference
        .iter()
        .map(|o| describe::quantity(&o.mention.value))
        .collect();
    let expected = others.first().cloned().unwrap_or_default();
    let more = count.saturating_sub(others.len());
    if more > 0 {
        others.push(format!("and {more} more"));
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The quadratic algorithm the sweep replaced: the deepest groups by testing
    /// every low end against every interval, the references in full.
    fn brute_force(docs: &[&str], intervals: &[Interval]) -> Vec<(usize, Vec<usize>, bool)> {
        let mut out = Vec::new();
        if docs.iter().all(|d| Some(d) == docs.first()) {
            return out;
        }
        let covering = |point: f64| -> Vec<usize> {
            (0..intervals.len())
                .filter(|&i| intervals[i].contains(point))
                .collect()
        };
        let mut best: Vec<Vec<usize>> = Vec::new();
        for iv in intervals {
            let group = covering(iv.low);
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
        let unique = best.len() == 1 && best[0].len() > 1;
        for (i, iv) in intervals.iter().enumerate() {
            let reference: Vec<usize> = if unique {
                if best[0].contains(&i) {
                    continue;
                }
                best[0].clone()
            } else {
                (0..intervals.len())
                    .filter(|&j| !intervals[j].overlaps(iv))
                    .collect()
            };
            let reference: Vec<usize> = reference
                .into_iter()
                .filter(|&j| docs[j] != docs[i])
                .collect();
            if !reference.is_empty() {
                out.push((i, reference, unique));
            }
        }
        out
    }

    proptest! {
        /// Same disagreements, same first references and the same counts as the
        /// quadratic algorithm, on small integer intervals (many ties and shared
        /// ends) spread over a few documents.
        #[test]
        fn sweep_equals_brute_force(
            raw in proptest::collection::vec((0u8..4, 0u8..12, 0u8..5), 1..24)
        ) {
            let mut raw = raw;
            raw.sort_by_key(|&(doc, _, _)| doc);
            let names = ["a", "b", "c", "d"];
            let docs: Vec<&str> = raw.iter().map(|&(doc, _, _)| names[doc as usize]).collect();
            let intervals: Vec<Interval> = raw
                .iter()
                .map(|&(_, low, width)| {
                    Interval::new(f64::from(low), f64::from(low) + f64::from(width))
                })
                .collect();
            let expected: Vec<(usize, Reference)> = brute_force(&docs, &intervals)
                .into_iter()
                .map(|(i, all, majority)| {
                    let count = all.len();
                    let first = all.into_iter().take(MAX_RELATED).collect();
                    (i, Reference { first, count, majority })
                })
                .collect();
            prop_assert_eq!(disagreements(&docs, &intervals), expected);
        }
    }

    /// A key stated by many documents is judged by the sweep: one outlier among
    /// 20,000 agreeing mentions is found, with five references and the count.
    #[test]
    fn many_mentions_one_outlier() {
        let names: Vec<String> = (0..20_001).map(|i| format!("doc{i:05}")).collect();
        let docs: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut intervals = vec![Interval::new(95.0, 105.0); 20_001];
        intervals[7_000] = Interval::new(750.0, 850.0);
        let found = disagreements(&docs, &intervals);
        assert_eq!(found.len(), 1);
        let (index, reference) = &found[0];
        assert_eq!(*index, 7_000);
        assert_eq!(reference.first, vec![0, 1, 2, 3, 4]);
        assert_eq!(reference.count, 20_000);
        assert!(reference.majority);
    }
}
