//! Baselines: record the findings a corpus has today (`factlint baseline`) so that
//! `check --baseline FILE` reports only new ones — adopt factlint on an archive
//! without fixing it first.
//!
//! Entries are matched by their fingerprint (`gate::fingerprint`: rule, key, folded matched
//! text, file; never a line number) as a multiset: a misspelling that occurs three
//! times is recorded with `count = 3`, and a fourth occurrence is new. Entries that no
//! longer occur are counted so the caller can say the baseline can be refreshed.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::fingerprint::fingerprint;
use crate::Error;
use crate::report::Report;

/// Version of the baseline file format.
const BASELINE_VERSION: u32 = 1;

/// The default file name of `factlint baseline`.
pub const DEFAULT_PATH: &str = "factlint-baseline.json";

/// A recorded set of findings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// One entry per distinct fingerprint, sorted by file, rule, text.
    pub findings: Vec<Entry>,
}

/// One recorded finding (or several identical ones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The stable fingerprint that is matched.
    pub fingerprint: String,
    /// Rule id (for people reading the file).
    pub rule: String,
    /// Document name (for people reading the file).
    pub file: String,
    /// The matched text (for people reading the file).
    pub text: String,
    /// How many findings share this fingerprint.
    pub count: usize,
}

/// The outcome of applying a baseline.
#[derive(Debug)]
pub struct Applied {
    /// The report without the baselined findings.
    pub report: Report,
    /// Findings left out because the baseline has them.
    pub matched: usize,
    /// Baseline findings that no longer occur.
    pub stale: usize,
}

impl Baseline {
    /// Records every finding of `report`.
    pub fn from_report(report: &Report) -> Self {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for finding in &report.findings {
            let text = report.text(&finding.file);
            let text = text.as_deref().unwrap_or("");
            let fp = fingerprint(finding, text);
            entries
                .entry(fp.clone())
                .and_modify(|e| e.count += 1)
                .or_insert_with(|| Entry {
                    fingerprint: fp,
                    rule: finding.rule.clone(),
                    file: finding.file.clone(),
                    text: crate::report::escape_controls(finding.text_in(text)),
                    count: 1,
                });
        }
        let mut findings: Vec<Entry> = entries.into_values().collect();
        findings.sort_by(|a, b| {
            (&a.file, &a.rule, &a.text, &a.fingerprint).cmp(&(
                &b.file,
                &b.rule,
                &b.text,
                &b.fingerprint,
            ))
        });
        Baseline {
            version: BASELINE_VERSION,
            findings,
        }
    }

    /// The baseline as pretty JSON.
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("baseline always serialises");
        out.push('\n');
        out
    }

    /// Reads a baseline file; a malformed file is a usage error naming line and column.
    pub fn load(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let baseline: Baseline = serde_json::from_str(&text).map_err(|err| Error::Usage {
            message: format!(
                "{}:{}:{}: not a factlint baseline: {err}",
                path.display(),
                err.line(),
                err.column()
            ),
            help: Some("regenerate it with `factlint baseline`".into()),
        })?;
        if baseline.version != BASELINE_VERSION {
            return Err(Error::Usage {
                message: format!(
                    "{}: baseline version {} is not supported (expected {BASELINE_VERSION})",
                    path.display(),
                    baseline.version
                ),
                help: Some("regenerate it with `factlint baseline`".into()),
            });
        }
        Ok(baseline)
    }

    /// Keeps the entries of the documents of the sources named in `files` (a run
    /// that reports only on changed documents counts matches and stale entries among
    /// them only).
    pub fn restrict(&mut self, files: &BTreeSet<String>) {
        self.findings
            .retain(|entry| super::scope::in_changed(&entry.file, files));
    }

    /// Removes the baselined findings from `report`.
    pub fn apply(&self, report: Report) -> Applied {
        let mut budget: BTreeMap<&str, usize> = self
            .findings
            .iter()
            .map(|e| (e.fingerprint.as_str(), e.count))
            .collect();
        let mut matched = 0;
        let mut kept = Vec::new();
        for finding in &report.findings {
            let text = report.text(&finding.file);
            let fp = fingerprint(finding, text.as_deref().unwrap_or(""));
            match budget.get_mut(fp.as_str()) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    matched += 1;
                }
                _ => kept.push(finding.clone()),
            }
        }
        let stale = budget.values().sum();
        let report = report.with_findings(kept);
        Applied {
            report,
            matched,
            stale,
        }
    }
}
