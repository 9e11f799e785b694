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

/// Keeps the findings in the documents of the sources named `changed` (see
/// [`changed_names`]).
pub fn restrict(report: Report, changed: &BTreeSet<String>) -> Report {
    let mut report = report;
    let findings = std::mem::take(&mut report.findings)
        .into_iter()
        .filter(|f| in_changed(&f.file, changed))
        .collect();
    report.with_findings(findings)
}

/// Whether the document `name` is one of the sources named `changed`, or a record
/// of one (`FILE#ID`, a JSON Lines record).
pub fn in_changed(name: &str, changed: &BTreeSet<String>) -> bool {
    changed.contains(name)
        || name
            .match_indices('#')
            .any(|(at, _)| changed.contains(&name[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_a_changed_source_are_in_it() {
        let changed = BTreeSet::from(["news/wire.jsonl".to_string(), "a.txt".to_string()]);
        assert!(in_changed("a.txt", &changed));
        assert!(in_changed("news/wire.jsonl#w1", &changed));
        assert!(in_changed("news/wire.jsonl#7", &changed));
        assert!(in_changed("news/wire.jsonl#id#with#hashes", &changed));
        assert!(!in_changed("news/wire.jsonl2#w1", &changed));
        assert!(!in_changed("b.txt", &changed));
        assert!(!in_changed("a.tx", &changed));
    }
}
