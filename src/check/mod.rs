//! Checking: mentions → findings. Pure: no IO, same output for any thread count.
//!
//! Third stage of the pipeline (`Mention` → `Finding`). Documents are extracted in
//! parallel (rayon); mentions are then grouped by fact key, and each claim kind's
//! module compares them with the rules and with each other. The exhaustive `match`
//! over [`ClaimKind`](crate::rules::ClaimKind) in [`Checker::check`] is the registry
//! of claim kinds.

mod agreement;
mod anniversary;
mod date;
mod describe;
mod finding;
mod name;
mod quantity;
mod since;
mod stream;
mod summary;

use std::collections::BTreeMap;

use rayon::prelude::*;

pub use finding::{Applicability, Edit, Finding, Fix, Related, Severity, Span};

use crate::corpus::{Corpus, Document, InputProblem};
use crate::extract::{Extractor, TemporalMention};
use crate::report::Report;
use crate::rules::{Claim, ClaimKind, Rules};

pub use stream::RunStats;
pub(crate) use summary::{DocSummary, Located};

/// Checks corpora against one rule base.
pub struct Checker<'r> {
    rules: &'r Rules,
    extractor: Extractor<'r>,
    names: crate::names::NameIndex,
}

impl<'r> Checker<'r> {
    /// Prepares the matchers of every claim (done once per rule base).
    pub fn new(rules: &'r Rules) -> Self {
        Checker {
            rules,
            extractor: Extractor::new(rules),
            names: name::index(rules),
        }
    }

    /// Checks every document of `corpus` against the rules and against each other.
    pub fn check(&self, corpus: &Corpus) -> Report {
        let summaries: Vec<DocSummary> = corpus
            .documents
            .par_iter()
            .map(|doc| self.summarize(doc, &[]))
            .collect();
        let mut findings: Vec<Finding> = corpus.problems.iter().map(input_finding).collect();
        let mentions = self.finish(&summaries, &mut findings);
        Report::new(findings, &corpus.documents, mentions)
    }

    /// Extracts one document and checks what needs only that document; `problems`
    /// are the document's own input problems (front matter), reported first.
    pub(crate) fn summarize(&self, doc: &Document, problems: &[InputProblem]) -> DocSummary {
        let folded = crate::fold::fold(doc.body());
        let extraction = self.extractor.extract_folded(doc, &folded);
        let mut findings: Vec<Finding> = problems.iter().map(input_finding).collect();
        findings.extend(name::check(self.rules, &self.names, doc, &folded));
        if !Extractor::knows_language(&doc.lang) {
            findings.push(unknown_language(doc));
        }
        for unresolved in &extraction.unresolved {
            findings.push(describe::unresolved(self.rules, doc, unresolved));
        }
        let mut temporal: BTreeMap<usize, Vec<&TemporalMention>> = BTreeMap::new();
        for mention in &extraction.temporal {
            temporal.entry(mention.claim).or_default().push(mention);
        }
        let mut mention_count = extraction.temporal.len();
        for (claim, mentions) in temporal {
            self.check_temporal(&self.rules.claims[claim], doc, &mentions, &mut findings);
        }
        mention_count += extraction
            .mentions
            .iter()
            .filter(|m| m.derived.is_none())
            .count();
        let snippets = extraction
            .mentions
            .iter()
            .map(|m| describe::text(doc, m.span).to_string())
            .collect();
        DocSummary {
            name: doc.name.clone(),
            findings,
            mentions: extraction.mentions,
            snippets,
            mention_count,
        }
    }

    /// The cross-document stage: appends every per-document finding (in document
    /// order) and the quantity findings to `findings`; returns the claim count.
    pub(crate) fn finish(&self, summaries: &[DocSummary], findings: &mut Vec<Finding>) -> usize {
        let mut mentions = 0;
        for summary in summaries {
            findings.extend(summary.findings.iter().cloned());
            mentions += summary.mention_count;
        }
        summary::cross_check(self.rules, summaries, findings);
        mentions
    }

    /// The registry of temporal claim kinds: one module each.
    fn check_temporal(
        &self,
        claim: &Claim,
        doc: &Document,
        mentions: &[&TemporalMention],
        out: &mut Vec<Finding>,
    ) {
        match &claim.kind {
            // Quantity mentions are checked per key, across documents (above).
            ClaimKind::Quantity { .. } => {}
            ClaimKind::Date { event } => {
                if let Some(event) = self.rules.event(event) {
                    date::check(claim, event, doc, mentions, out);
                }
            }
            ClaimKind::Anniversary { event } => {
                if let Some(event) = self.rules.event(event) {
                    anniversary::check(claim, event, doc, mentions, out);
                }
            }
            ClaimKind::Since { .. } | ClaimKind::First { .. } => {
                since::check(self.rules, claim, doc, mentions, out);
            }
        }
    }
}

pub(crate) fn input_finding(problem: &InputProblem) -> Finding {
    let offset = problem.offset.unwrap_or(0);
    Finding {
        rule: problem.code.to_string(),
        kind: "input".to_string(),
        severity: problem.severity,
        key: None,
        file: problem.file.clone(),
        span: Span::new(offset..offset),
        found: None,
        expected: None,
        message: problem.message.clone(),
        help: None,
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

fn unknown_language(doc: &Document) -> Finding {
    Finding {
        rule: "unknown-language".to_string(),
        kind: "input".to_string(),
        severity: Severity::Note,
        key: None,
        file: doc.name.clone(),
        span: Span::new(doc.body_start..doc.body_start),
        found: Some(doc.lang.clone()),
        expected: None,
        message: format!(
            "no language pack for `{}`: claims in this document were not checked",
            doc.lang
        ),
        help: Some(format!(
            "declare the language in corpus.toml or front matter (built-in: {})",
            crate::lang::builtin_codes().join(", ")
        )),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}
