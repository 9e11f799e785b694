//! Checking: mentions → findings. Pure: no IO, same output for any thread count.
//!
//! Third stage of the pipeline (`Mention` → `Finding`). Documents are extracted in
//! parallel (rayon); mentions are then grouped by fact key, and each claim kind's
//! module compares them with the rules and with each other. The exhaustive `match`
//! over [`ClaimKind`] in [`Checker::check`] is the registry
//! of claim kinds.

mod aggregate;
mod agreement;
mod anniversary;
mod date;
mod describe;
mod elapsed;
mod false_statement;
mod finding;
mod guard;
mod name;
mod ordinal;
mod other_period;
mod probe;
mod quantity;
mod role_start;
mod role_time;
mod since;
mod snapshot;
mod stream;
mod summary;
mod timeline;
mod verdict;
mod walkthrough;
mod weekday;

use std::collections::BTreeMap;

use rayon::prelude::*;

pub use finding::{Applicability, Edit, Finding, Fix, Related, Severity, Span};
pub(crate) use probe::ClaimMatch;
pub(crate) use verdict::{Step, Verdict};
pub(crate) use walkthrough::Walked;

use crate::corpus::{Corpus, Document, InputProblem};
use crate::extract::{Extractor, TemporalMention};
use crate::report::Report;
use crate::rules::{Claim, ClaimKind, Rules};

pub(crate) use aggregate::Aggregate;
pub use stream::RunStats;
pub(crate) use stream::SourceSummary;
pub(crate) use summary::{DocSummary, Located, MentionView};

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
    ///
    /// A panic while checking one document becomes an `internal-error` finding for it
    /// (see `guard`); the other documents are still checked.
    pub fn check(&self, corpus: &Corpus) -> Report {
        self.check_with(corpus, |doc| self.summarize(doc))
    }

    /// [`Checker::check`] with the per-document stage passed in: the seam through which
    /// tests inject a failing stage (not reachable from any input).
    pub(crate) fn check_with<F>(&self, corpus: &Corpus, per_document: F) -> Report
    where
        F: Fn(&Document) -> DocSummary + Sync,
    {
        let summaries: Vec<DocSummary> = corpus
            .documents
            .par_iter()
            .map(|doc| self.guarded(doc, || per_document(doc)))
            .collect();
        let mut aggregate = Aggregate::default();
        for (position, summary) in summaries.into_iter().enumerate() {
            aggregate.add(0, position, summary);
        }
        let problems = corpus.problems.iter().map(input_finding).collect();
        let (findings, mentions) = self.finish(problems, &mut aggregate);
        Report::new(findings, &corpus.documents, mentions)
    }

    /// Runs the per-document stage under the panic guard.
    fn guarded(&self, doc: &Document, work: impl FnOnce() -> DocSummary) -> DocSummary {
        guard::per_document(doc, work).unwrap_or_else(|internal| DocSummary::failed(doc, *internal))
    }

    /// Extracts one document and checks everything that needs only that document:
    /// names, temporal claims, unresolved claims, the language. Its quantity mentions
    /// are kept for the cross-document stage ([`Checker::finish`]).
    pub(crate) fn summarize(&self, doc: &Document) -> DocSummary {
        // One fold per document, shared by extraction and the name check.
        let folded = crate::fold::fold(doc.body());
        let extraction = self.extractor.extract(doc, &folded);
        let mut findings = name::check(self.rules, &self.names, doc, &folded);
        findings.extend(weekday::check(doc, &folded, &extraction.wrong_weekdays));
        findings.extend(weekday::check_relative(
            doc,
            &folded,
            &extraction.wrong_relative_days,
        ));
        drop(folded);
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
        for (claim, mentions) in temporal {
            self.check_temporal(&self.rules.claims[claim], doc, &mentions, &mut findings);
        }
        DocSummary::new(doc, findings, extraction)
    }

    /// The cross-document stage: every per-document finding (input problems in
    /// source order, then each document's findings in name order) after `findings`,
    /// the quantity findings, then the documents' suppression comments. Returns the
    /// findings and the number of claims read.
    pub(crate) fn finish(
        &self,
        findings: Vec<Finding>,
        aggregate: &mut Aggregate,
    ) -> (Vec<Finding>, usize) {
        let finished = aggregate.finish(findings);
        let mut findings = finished.findings;
        summary::cross_check(self.rules, aggregate, &mut findings);
        let findings = crate::gate::suppress::apply(aggregate.suppressions(), findings);
        (findings, finished.mentions)
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
            // Overlapping conflicting dates of one document make one finding.
            ClaimKind::Date { event } => {
                if let Some(event) = self.rules.event(event) {
                    date::check(claim, event, &self.rules.events, doc, mentions, out);
                }
            }
            _ => {
                for m in mentions {
                    out.extend(verdict::findings(self.assess_temporal(doc, m)));
                }
            }
        }
    }

    /// The steps of one temporal mention: the registry of temporal kinds' `assess`.
    pub(crate) fn assess_temporal(&self, doc: &Document, m: &TemporalMention) -> Vec<Step> {
        let claim = &self.rules.claims[m.claim];
        let missing = |event: &str| {
            vec![Step::unchecked(
                String::new(),
                format!("no event `{event}` in the rules"),
            )]
        };
        match &claim.kind {
            ClaimKind::Quantity { .. } => Vec::new(),
            ClaimKind::Date { event } => match self.rules.event(event) {
                Some(e) => date::assess(claim, e, &self.rules.events, doc, m)
                    .into_iter()
                    .collect(),
                None => missing(event),
            },
            ClaimKind::Anniversary { event } => match self.rules.event(event) {
                Some(e) => anniversary::assess(claim, e, doc, m),
                None => missing(event),
            },
            ClaimKind::Elapsed { event, until, .. } => {
                let until_event = until.as_deref().map(|id| (id, self.rules.event(id)));
                match (self.rules.event(event), until_event) {
                    (Some(from), None) => elapsed::assess(claim, from, None, doc, m),
                    (Some(from), Some((_, Some(to)))) => {
                        elapsed::assess(claim, from, Some(to), doc, m)
                    }
                    (None, _) => missing(event),
                    (Some(_), Some((id, None))) => missing(id),
                }
            }
            ClaimKind::Since { .. } | ClaimKind::First { .. } => {
                since::assess(self.rules, claim, doc, m)
            }
            ClaimKind::Ordinal { .. } => ordinal::assess(self.rules, claim, doc, m),
            ClaimKind::False { .. } => false_statement::assess(claim, doc, m),
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
