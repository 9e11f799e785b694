//! Per-document results and the cross-document stage, split so documents can be
//! streamed (issue 7).
//!
//! Third stage of the pipeline. A [`DocSummary`] is all that survives of a document
//! once it has been extracted and checked on its own: the findings that need only
//! that document (names, temporal claims, unresolved claims, the language), its
//! quantity mentions with the text of their spans, and its suppression comments.
//! Summaries go into an [`Aggregate`], and the cross-document stage ([`cross_check`])
//! compares the quantity mentions of one key across the corpus and needs nothing
//! else, so document texts can be dropped as soon as they are read.
//! Summaries are plain data (serde) so the cache can store them.

use serde::{Deserialize, Serialize};

use super::{Aggregate, Finding, Span, agreement, describe, other_period, quantity};
use crate::corpus::{Document, LangOrigin};
use crate::extract::{Derived, Extraction, Mention};
use crate::gate::suppress::{self, Directive};
use crate::rules::Rules;
use crate::value::Quantity;

/// What the cross-document stage and the report need from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct DocSummary {
    /// Display name of the document.
    pub name: String,
    /// Findings that need only this document, in the order they were made.
    pub findings: Vec<Finding>,
    /// Quantity mentions, in document order.
    pub mentions: Vec<Mention>,
    /// The original text of each mention's span (same order as `mentions`).
    pub snippets: Vec<String>,
    /// Claims counted for the summary line (temporal + stated quantity mentions).
    pub mention_count: usize,
    /// The document's suppression comments.
    pub suppressions: Vec<Directive>,
    /// The language detected for it, when it declares none (the report's second
    /// read of the document takes it instead of detecting again).
    pub detected_lang: Option<String>,
}

impl DocSummary {
    /// The summary of an extracted and checked document.
    pub(crate) fn new(doc: &Document, findings: Vec<Finding>, extraction: Extraction) -> Self {
        let mention_count = extraction.temporal.len()
            + extraction
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
            suppressions: suppress::parse(doc),
            detected_lang: detected_lang(doc),
        }
    }

    /// The summary of a document whose check failed with `internal` (a panic).
    pub(crate) fn failed(doc: &Document, internal: Finding) -> Self {
        DocSummary {
            name: doc.name.clone(),
            findings: vec![internal],
            mentions: Vec::new(),
            snippets: Vec::new(),
            mention_count: 0,
            suppressions: Vec::new(),
            detected_lang: detected_lang(doc),
        }
    }
}

/// The language detected for `doc`, when it was.
fn detected_lang(doc: &Document) -> Option<String> {
    (doc.lang_origin == LangOrigin::Detected).then(|| doc.lang.clone())
}

/// A quantity mention together with the document it was found in.
#[derive(Debug, Clone)]
pub(crate) struct Located<'a> {
    /// The document's name.
    pub doc: &'a str,
    pub mention: MentionView<'a>,
    /// The original text of the mention's span.
    pub text: &'a str,
}

/// A quantity mention as the cross-document checks see it: a [`Mention`] made of
/// what the aggregate holds, borrowing what many mentions share.
#[derive(Debug, Clone)]
pub(crate) struct MentionView<'a> {
    /// Index of the claim in `Rules::claims`.
    pub claim: usize,
    /// The filled fact key.
    pub key: &'a str,
    /// Key placeholder values, for message templates.
    pub bindings: &'a [(String, String)],
    /// Byte span of the value in the original file.
    pub span: Span,
    /// The value, as an interval.
    pub value: Quantity,
    /// Set when the value is implied by a stated value and a percentage change.
    pub derived: Option<&'a Derived>,
    /// The sources its sentence names ([`Mention::named`]).
    pub named: u64,
    /// Whether its sentence states other figures ([`Mention::among_figures`]).
    pub among_figures: bool,
}

impl<'a> MentionView<'a> {
    /// The view of a whole mention.
    pub(crate) fn of(mention: &'a Mention) -> Self {
        MentionView {
            claim: mention.claim,
            key: &mention.key,
            bindings: &mention.bindings,
            span: mention.span,
            value: mention.value.clone(),
            derived: mention.derived.as_ref(),
            named: mention.named,
            among_figures: mention.among_figures,
        }
    }
}

/// Compares the quantity mentions of every key with its fact, or with each other;
/// the aggregate must be finished (documents in name order).
pub(crate) fn cross_check(rules: &Rules, aggregate: &Aggregate, out: &mut Vec<Finding>) {
    aggregate.each_key(|key, mentions| match rules.fact(key) {
        Some(fact) => quantity::check(rules, fact, mentions, out),
        None => {
            other_period::check(rules, key, mentions, out);
            agreement::check(rules, key, mentions, out);
        }
    });
}
