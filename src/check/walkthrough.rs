//! Every mention of one claim in a corpus, with the arithmetic and verdict of each —
//! agreeing ones included. Behind `factlint explain CLAIM PATHS…`.
//!
//! Sits beside [`Checker::check`](super::Checker::check) and runs the same stages:
//! extraction per document (under the same panic guard), then each claim kind's
//! `assess` step — the one `check` keeps the findings of. A quantity mention is
//! assessed against its fact, or, for a key without one, by the cross-document
//! comparison over every mention of the key (any claim's). Suppression comments in a
//! document mark a finding as suppressed, as `check` would drop it.

use super::verdict::{Step, Verdict};
use super::{Aggregate, Checker, DocSummary, Finding, Span, agreement, describe, guard, quantity};
use crate::corpus::Corpus;
use crate::extract::Extraction;

/// One mention of the claim: where, and what checking it concluded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Walked {
    /// Document name.
    pub file: String,
    /// Byte span of the mention in the original file.
    pub span: Span,
    /// The steps of its check, in order.
    pub steps: Vec<Step>,
}

impl Checker<'_> {
    /// Every mention of claim `claim` (an index into `Rules::claims`) in `corpus`,
    /// sorted by document and offset.
    pub(crate) fn walkthrough(&self, corpus: &Corpus, claim: usize) -> Vec<Walked> {
        let extractions: Vec<Extraction> = corpus
            .documents
            .iter()
            .map(|doc| {
                guard::per_document(doc, || {
                    self.extractor.extract(doc, &crate::fold::fold(doc.body()))
                })
                .unwrap_or_default()
            })
            .collect();
        let mut walked = Vec::new();
        for (doc, extraction) in corpus.documents.iter().zip(&extractions) {
            for u in extraction.unresolved.iter().filter(|u| u.claim == claim) {
                let note = describe::unresolved(self.rules, doc, u);
                walked.push(one(
                    &doc.name,
                    u.span,
                    vec![Step::finding(String::new(), note)],
                ));
            }
            for m in extraction.temporal.iter().filter(|m| m.claim == claim) {
                walked.push(one(&doc.name, m.span, self.assess_temporal(doc, m)));
            }
        }
        walked.extend(self.quantity_walk(corpus, &extractions, claim));
        for w in &mut walked {
            mark_suppressed(corpus, w);
        }
        walked.sort_by(|a, b| (&a.file, a.span).cmp(&(&b.file, b.span)));
        walked
    }

    /// The claim's quantity mentions (stated and derived), each against the fact of
    /// its key or, without one, against every other mention of the key.
    fn quantity_walk(
        &self,
        corpus: &Corpus,
        extractions: &[Extraction],
        claim: usize,
    ) -> Vec<Walked> {
        let mut aggregate = Aggregate::default();
        for (position, (doc, extraction)) in corpus.documents.iter().zip(extractions).enumerate() {
            aggregate.add(
                0,
                position,
                DocSummary::new(doc, Vec::new(), extraction.clone()),
            );
        }
        aggregate.finish(Vec::new());
        let mut walked = Vec::new();
        aggregate.each_key(|key, mentions| {
            if mentions.iter().all(|l| l.mention.claim != claim) {
                return;
            }
            let steps: Vec<Step> = match self.rules.fact(key) {
                Some(fact) => mentions
                    .iter()
                    .map(|l| quantity::assess(self.rules, fact, l))
                    .collect(),
                None => agreement::assess_all(self.rules, key, mentions),
            };
            for (l, step) in mentions.iter().zip(steps) {
                if l.mention.claim == claim {
                    walked.push(one(l.doc, l.mention.span, vec![step]));
                }
            }
        });
        walked
    }
}

fn one(file: &str, span: Span, steps: Vec<Step>) -> Walked {
    Walked {
        file: file.to_string(),
        span,
        steps,
    }
}

/// Findings that a suppression comment of their document removes become
/// `Verdict::Suppressed`.
fn mark_suppressed(corpus: &Corpus, walked: &mut Walked) {
    let Some(doc) = corpus.documents.iter().find(|d| d.name == walked.file) else {
        return;
    };
    let directives = crate::gate::suppress::parse(doc);
    for step in &mut walked.steps {
        if let Verdict::Finding(finding) = &step.verdict {
            let finding: Finding = (**finding).clone();
            let kept = crate::gate::suppress::apply(
                std::iter::once((doc.name.as_str(), directives.as_slice())),
                vec![finding.clone()],
            );
            if !kept.contains(&finding) {
                step.verdict = Verdict::Suppressed(Box::new(finding));
            }
        }
    }
}
