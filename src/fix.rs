//! Applying fixes: the edits findings carry (`Fix`) → new file contents, a unified
//! diff, or files rewritten in place.
//!
//! Sits after `report`: it reads the findings of a finished check. Only `Safe` fixes
//! are applied unless unsafe ones are asked for; edits are applied from the end of a
//! file backwards, overlapping edits are skipped (the first one wins), and a file that
//! changed since it was checked is not touched. Writing is atomic (temp file in the
//! same directory + rename) and keeps the file's permissions; a read-only file is
//! reported, not forced. Applying the fixes twice changes nothing the second time.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::check::{Applicability, Edit};
use crate::report::Report;

/// The planned new content of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileFix {
    /// Display name (as in the report).
    pub file: String,
    /// Path on disk.
    pub path: PathBuf,
    /// Content before.
    pub before: String,
    /// Content after the edits.
    pub after: String,
    /// How many edits were applied.
    pub edits: usize,
}

/// A file that could not be fixed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FixProblem {
    /// Display name.
    pub file: String,
    /// What went wrong.
    pub message: String,
}

/// Plans the fixes of `report`: files are read from disk (`root` joined with the
/// finding's file name) and must still hold the text that was checked.
pub fn plan(report: &Report, root: &Path, include_unsafe: bool) -> (Vec<FileFix>, Vec<FixProblem>) {
    let mut edits: BTreeMap<&str, Vec<&Edit>> = BTreeMap::new();
    for finding in &report.findings {
        let Some(fix) = &finding.fix else { continue };
        if fix.applicability == Applicability::Safe || include_unsafe {
            edits
                .entry(&finding.file)
                .or_default()
                .extend(fix.edits.iter());
        }
    }
    let mut fixes = Vec::new();
    let mut problems = Vec::new();
    for (file, mut file_edits) in edits {
        let path = root.join(file);
        let problem = |message: String| FixProblem {
            file: file.to_string(),
            message,
        };
        let before = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                problems.push(problem(format!("cannot read: {err}")));
                continue;
            }
        };
        if report.text(file).is_some_and(|checked| *checked != *before) {
            problems.push(problem(
                "changed since it was checked; run factlint again".into(),
            ));
            continue;
        }
        file_edits.sort_by_key(|e| (e.span.start, e.span.end));
        let mut kept: Vec<&Edit> = Vec::new();
        for edit in file_edits {
            let overlaps = kept
                .last()
                .is_some_and(|last| edit.span.start < last.span.end);
            let valid = edit.span.end <= before.len()
                && before.is_char_boundary(edit.span.start)
                && before.is_char_boundary(edit.span.end);
            if !overlaps && valid {
                kept.push(edit);
            }
        }
        let mut after = before.clone();
        for edit in kept.iter().rev() {
            after.replace_range(edit.span.range(), &edit.replacement);
        }
        if after != before {
            fixes.push(FileFix {
                file: file.to_string(),
                path,
                before,
                after,
                edits: kept.len(),
            });
        }
    }
    (fixes, problems)
}

/// A unified diff of the planned fixes (`--diff`).
pub fn diff(fixes: &[FileFix]) -> String {
    let mut out = String::new();
    for fix in fixes {
        let diff = similar::TextDiff::from_lines(&fix.before, &fix.after);
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(1)
                .header(&format!("a/{}", fix.file), &format!("b/{}", fix.file))
                .to_string(),
        );
    }
    out
}

/// Writes one fixed file atomically, keeping its permissions; refuses read-only files.
pub fn write(fix: &FileFix) -> Result<(), FixProblem> {
    let problem = |message: String| FixProblem {
        file: fix.file.clone(),
        message,
    };
    let meta = std::fs::metadata(&fix.path).map_err(|e| problem(format!("cannot read: {e}")))?;
    if meta.permissions().readonly() {
        return Err(problem("read-only; not fixed".into()));
    }
    let dir = fix
        .path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = fix
        .path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("file");
    let temp = dir.join(format!(".{name}.factlint-{}", std::process::id()));
    let result = std::fs::write(&temp, &fix.after)
        .and_then(|()| std::fs::set_permissions(&temp, meta.permissions()))
        .and_then(|()| std::fs::rename(&temp, &fix.path));
    if let Err(err) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(problem(format!("cannot write: {err}")));
    }
    Ok(())
}
