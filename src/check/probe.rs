//! Probes for rule self-tests (`factlint test`): what a checker sees in one document
//! besides its findings — which claims matched and which entities were named.
//!
//! Sits beside [`Checker::check`](super::Checker::check) and reuses its extractor and
//! name index; a claim that matches and agrees produces no finding, so the self-tests
//! need this to tell "ok" from "no match".

use super::Checker;
use crate::corpus::Document;
use crate::names::MarkerWords;

/// One match of a claim in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimMatch {
    /// Index of the claim in `Rules::claims`.
    pub claim: usize,
    /// The filled fact key.
    pub key: String,
    /// The matched text.
    pub text: String,
}

impl Checker<'_> {
    /// Every match of every claim in `doc`: stated and derived values, temporal
    /// claims, and claims
    /// that matched but could not be read (no document date).
    pub(crate) fn claim_matches(&self, doc: &Document) -> Vec<ClaimMatch> {
        let extraction = self.extractor.extract(doc, &crate::fold::fold(doc.body()));
        let text = |span: super::Span| doc.text.get(span.range()).unwrap_or("").to_string();
        let mentions = extraction.mentions.iter().map(|m| ClaimMatch {
            claim: m.claim,
            key: m.key.clone(),
            text: text(m.span),
        });
        let temporal = extraction.temporal.iter().map(|m| ClaimMatch {
            claim: m.claim,
            key: self.rules.claims[m.claim]
                .kind
                .temporal_key()
                .unwrap_or_default(),
            text: text(m.span),
        });
        let unresolved = extraction.unresolved.iter().map(|u| ClaimMatch {
            claim: u.claim,
            key: String::new(),
            text: text(u.span),
        });
        mentions.chain(temporal).chain(unresolved).collect()
    }

    /// Indices (into `Rules::entities`) of the entities named in `doc`, correctly or
    /// not, in document order.
    pub(crate) fn entity_matches(&self, doc: &Document) -> Vec<usize> {
        let folded = crate::fold::fold(doc.body());
        self.names
            .find(doc.body(), &folded, doc.date, &MarkerWords::default())
            .into_iter()
            .map(|hit| hit.entity)
            .collect()
    }
}
