//! Restricting a report to the changed documents (`--staged`, `--changed-since`):
//! the whole corpus is checked — so a staged document conflicting with a committed
//! one is found — but only findings in changed documents are reported and fail.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::corpus::absolute_path as canonical;
use crate::report::Report;

/// The names among `names` of documents that are among `changed` (absolute paths).
pub fn changed_names<'a>(
    names: impl Iterator<Item = &'a str>,
    changed: &[PathBuf],
) -> BTreeSet<String> {
    let changed: BTreeSet<PathBuf> = changed.iter().map(|p| canonical(p)).collect();
    // Canonicalising is a few system calls; only names with a changed file name need it.
    let file_names: BTreeSet<&OsStr> = changed.iter().filter_map(|p| p.file_name()).collect();
    names
        .filter(|name| {
            Path::new(name)
                .file_name()
                .is_some_and(|n| file_names.contains(n))
        })
        .filter(|name| changed.contains(&canonical(Path::new(name))))
        .map(str::to_string)
        .collect()
}

/// Keeps the findings in the documents named `changed` (see [`changed_names`]).
pub fn restrict(report: Report, changed: &BTreeSet<String>) -> Report {
    let mut report = report;
    let findings = std::mem::take(&mut report.findings)
        .into_iter()
        .filter(|f| changed.contains(&f.file))
        .collect();
    report.with_findings(findings)
}
