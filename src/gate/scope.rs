//! Restricting a report to the changed documents (`--staged`, `--changed-since`):
//! the whole corpus is checked — so a staged document conflicting with a committed
//! one is found — but only findings in changed documents are reported and fail.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::corpus::{Corpus, absolute_path as canonical};
use crate::report::Report;

/// Keeps the findings whose file is one of `changed` (absolute paths).
pub fn restrict(report: Report, corpus: &Corpus, changed: &[PathBuf]) -> Report {
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| canonical(p)).collect();
    let names: BTreeSet<&str> = corpus
        .documents
        .iter()
        .map(|d| d.name.as_str())
        .filter(|name| changed.contains(&canonical(Path::new(name))))
        .collect();
    let mentions = report.summary.mentions;
    let findings = report
        .findings
        .into_iter()
        .filter(|f| names.contains(f.file.as_str()))
        .collect();
    Report::new(findings, &corpus.documents, mentions)
}

/// How many corpus documents are among `changed`.
pub fn changed_documents(corpus: &Corpus, changed: &[PathBuf]) -> usize {
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| canonical(p)).collect();
    corpus
        .documents
        .iter()
        .filter(|d| changed.contains(&canonical(Path::new(&d.name))))
        .count()
}
