// The module documentation lives in doc/false.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/false.md")]

use super::describe::{self, TemporalParts};
use super::verdict::Step;
use crate::corpus::Document;
use crate::extract::TemporalMention;
use crate::rules::{Claim, ClaimKind};

/// The verdict on one match of a `false` claim: always a finding.
pub(crate) fn assess(claim: &Claim, doc: &Document, m: &TemporalMention) -> Vec<Step> {
    let ClaimKind::False { correct, source } = &claim.kind else {
        return Vec::new();
    };
    let text = describe::text(doc, m.span);
    let finding = describe::temporal_finding(
        claim,
        doc,
        TemporalParts {
            severity: claim.severity,
            span: m.span,
            found: text.to_string(),
            expected: correct.clone(),
            message: format!("`{text}` is false: {correct}"),
            help: "correct the statement; if it is true here, narrow the claim's patterns"
                .to_string(),
            source: source.clone(),
            related: Vec::new(),
        },
    );
    vec![Step::finding(
        "a statement listed as false".to_string(),
        finding,
    )]
}
