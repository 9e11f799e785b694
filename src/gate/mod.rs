//! Gating editorial commits: everything that decides *which* documents a run looks at
//! and which findings it reports and fails on, around the pure check.
//!
//! - `fingerprint`: a stable identity for a finding (baselines, SARIF).
//! - [`baseline`]: record today's findings; report only new ones.
//! - [`git`]: staged documents from the index, documents changed since a revision.
//! - [`scope`]: keep only the findings in changed documents.
//! - [`hook`]: install the pre-commit hook.
//! - `suppress`: `factlint-disable…` comments in documents.

pub mod baseline;
pub(crate) mod fingerprint;
pub mod git;
pub mod hook;
pub mod scope;
pub(crate) mod suppress;
