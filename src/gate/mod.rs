//! Gating editorial commits: everything that decides *which* findings a run reports
//! and fails on, around the pure check.
//!
//! - `fingerprint`: a stable identity for a finding (baselines, SARIF).
pub(crate) mod fingerprint;
