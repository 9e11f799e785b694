//! The literal prefilter of extraction (issue 7): which claim patterns can match a
//! folded document, found with one Aho-Corasick pass over the literals every match
//! of a pattern must contain.
//!
//! Part of the extraction stage. It replaced a `RegexSet`: the patterns use Unicode
//! word boundaries, which the set's DFAs cannot run on non-ASCII text, so the set
//! fell back to the PikeVM and cost 70% of a run (benches/compare.sh numbers in the
//! issue). A pattern without a usable required literal is always run, so the
//! prefilter never changes what is extracted, only how much work it takes.

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use regex_syntax::hir::{Hir, HirKind};

/// Shortest literal worth searching for; shorter ones match almost everywhere.
const MIN_LITERAL: usize = 3;

/// Patterns of one language, selected by their required literals.
pub(crate) struct Prefilter {
    matcher: Option<AhoCorasick>,
    /// Pattern index (into the language's pattern list) of each literal.
    owner: Vec<usize>,
    /// Patterns that have no required literal and always run.
    always: Vec<usize>,
    patterns: usize,
}

impl Prefilter {
    /// Builds the prefilter for regex sources, in pattern order.
    pub(crate) fn new(sources: &[String]) -> Self {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = Vec::new();
        // Parsing the (large, expanded) patterns is most of the build: in parallel.
        let sets: Vec<Option<Vec<Vec<u8>>>> = sources
            .par_iter()
            .map(|source| {
                regex_syntax::parse(source)
                    .ok()
                    .and_then(|hir| required(&hir))
                    .filter(|set| set.iter().all(|l| l.len() >= MIN_LITERAL))
            })
            .collect();
        for (index, required) in sets.into_iter().enumerate() {
            match required {
                Some(set) => {
                    for literal in set {
                        literals.push(literal);
                        owner.push(index);
                    }
                }
                None => always.push(index),
            }
        }
        // A matcher that cannot be built only disables the prefilter.
        let matcher = AhoCorasick::new(&literals).ok();
        if matcher.is_none() {
            always = (0..sources.len()).collect();
        }
        Prefilter {
            matcher,
            owner,
            always,
            patterns: sources.len(),
        }
    }

    /// Indices of the patterns that may match `text`, ascending.
    pub(crate) fn candidates(&self, text: &str) -> Vec<usize> {
        let mut hit = vec![false; self.patterns];
        for &index in &self.always {
            hit[index] = true;
        }
        if let Some(matcher) = &self.matcher {
            for m in matcher.find_overlapping_iter(text) {
                hit[self.owner[m.pattern().as_usize()]] = true;
            }
        }
        (0..self.patterns).filter(|&i| hit[i]).collect()
    }
}

/// A set of literals one of which every match of `hir` contains; `None` when there
/// is no such set (or it would be empty).
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Capture(cap) => required(&cap.sub),
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                all.extend(required(alt)?);
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut run: Vec<u8> = Vec::new();
            let consider = |candidate: Vec<Vec<u8>>, best: &mut Option<Vec<Vec<u8>>>| {
                if better(&candidate, best.as_ref()) {
                    *best = Some(candidate);
                }
            };
            for part in parts {
                if let HirKind::Literal(lit) = part.kind() {
                    run.extend_from_slice(&lit.0);
                    continue;
                }
                if !run.is_empty() {
                    consider(vec![std::mem::take(&mut run)], &mut best);
                }
                if let Some(set) = required(part) {
                    consider(set, &mut best);
                }
            }
            if !run.is_empty() {
                consider(vec![run], &mut best);
            }
            best
        }
        _ => None,
    }
}

/// Prefers the set whose shortest literal is longest (fewer false candidates).
fn better(candidate: &[Vec<u8>], best: Option<&Vec<Vec<u8>>>) -> bool {
    let shortest = |set: &[Vec<u8>]| set.iter().map(Vec::len).min().unwrap_or(0);
    match best {
        None => !candidate.is_empty(),
        Some(best) => shortest(candidate) > shortest(best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(source: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(source).ok()?;
        required(&hir).map(|set| {
            set.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect()
        })
    }

    #[test]
    fn picks_the_longest_required_run() {
        assert_eq!(
            literals(r"in \d{4}, two-way trade reached \$\d+"),
            Some(vec![", two-way trade reached $".to_string()])
        );
        assert_eq!(
            literals("(?:kim ngạch|xuất nhập khẩu) đạt"),
            Some(vec!["kim ngạch".to_string(), "xuất nhập khẩu".to_string()])
        );
        assert_eq!(literals(r"(?:ab)?\d+"), None);
    }

    #[test]
    fn candidates_keep_pattern_order_and_always_run_literal_free_patterns() {
        let sources = vec![
            "zebra \\d".to_string(),
            "\\d+".to_string(),
            "kim ngạch".to_string(),
        ];
        let prefilter = Prefilter::new(&sources);
        assert_eq!(prefilter.candidates("kim ngạch 5"), vec![1, 2]);
        assert_eq!(prefilter.candidates("a zebra 5"), vec![0, 1]);
    }
}
