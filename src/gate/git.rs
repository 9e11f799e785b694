//! What changed in git: the staged documents (`check --staged`, read from the index,
//! not the working tree) or the documents changed since a revision
//! (`check --changed-since REV`).
//!
//! Uses the `git` command line through `std::process::Command`: it is what the user's
//! hooks and CI already run, so it reads the index, `core.*` settings, worktrees and
//! hooks paths exactly as git itself does, and it adds no build cost (gix and git2 are
//! large builds on a 2-core machine, and git2 links C libgit2).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;
use crate::corpus::Overrides;

/// The object id of git's empty tree: what the index is compared with before the
/// first commit.
const EMPTY_TREE: &str = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/// Documents that changed, as absolute paths, and the overrides that make the corpus
/// see their changed contents.
#[derive(Debug, Default)]
pub struct Changes {
    /// Added or modified files (absolute paths); findings are reported only here.
    pub changed: Vec<PathBuf>,
    /// Contents to read instead of the working tree, and deleted files to leave out.
    pub overrides: Overrides,
}

/// Which changes a run is about.
#[derive(Debug, Clone)]
pub enum Scope {
    /// The index against `HEAD` (or the empty tree before the first commit).
    Staged,
    /// The working tree (tracked and untracked, not ignored) against a revision.
    ChangedSince(String),
}

/// Collects the changes of `scope` in the repository that contains `cwd`.
pub fn changes(cwd: &Path, scope: &Scope) -> Result<Changes, Error> {
    let root = toplevel(cwd)?;
    let mut out = Changes::default();
    match scope {
        Scope::Staged => {
            let base = if git(&root, &["rev-parse", "--verify", "--quiet", "HEAD"]).is_ok() {
                "HEAD"
            } else {
                EMPTY_TREE
            };
            let listing = git(
                &root,
                &[
                    "diff",
                    "--cached",
                    "--name-status",
                    "--no-renames",
                    "-z",
                    base,
                ],
            )?;
            for (status, path) in parse_name_status(&listing) {
                let absolute = root.join(&path);
                if status == 'D' {
                    out.overrides.remove(&absolute);
                    continue;
                }
                let spec = format!(":{}", path.display());
                let bytes = git(&root, &["cat-file", "blob", &spec])?;
                out.overrides.replace(&absolute, bytes);
                out.changed.push(absolute);
            }
        }
        Scope::ChangedSince(rev) => {
            let commit = format!("{rev}^{{commit}}");
            git(&root, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
                Error::Usage {
                    message: format!("--changed-since: `{rev}` is not a commit in this repository"),
                    help: Some("give a branch, tag or commit id (e.g. origin/main)".into()),
                }
            })?;
            let listing = git(
                &root,
                &["diff", "--name-status", "--no-renames", "-z", rev, "--"],
            )?;
            for (status, path) in parse_name_status(&listing) {
                if status != 'D' {
                    out.changed.push(root.join(path));
                }
            }
            let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
            for path in untracked.split(|&b| b == 0).filter(|p| !p.is_empty()) {
                out.changed.push(root.join(bytes_to_path(path)));
            }
        }
    }
    out.changed.sort();
    out.changed.dedup();
    Ok(out)
}

/// The top directory of the work tree containing `cwd`.
fn toplevel(cwd: &Path) -> Result<PathBuf, Error> {
    let out = git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|_| Error::Usage {
        message: "not inside a git repository (--staged and --changed-since need one)".into(),
        help: Some("run factlint from a git work tree, or check paths without --staged".into()),
    })?;
    let text = String::from_utf8_lossy(&out);
    let root = PathBuf::from(text.trim_end_matches(['\n', '\r']));
    Ok(std::fs::canonicalize(&root).unwrap_or(root))
}

/// Runs `git ARGS` in `dir`; stdout on success, a usage error with git's message otherwise.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, Error> {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|err| Error::Usage {
            message: format!("cannot run git: {err}"),
            help: Some("install git and make sure it is on PATH".into()),
        })?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(Error::Usage {
            message: format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            ),
            help: None,
        })
    }
}

/// Parses `git diff --name-status -z --no-renames`: `STATUS\0PATH\0` records.
fn parse_name_status(listing: &[u8]) -> Vec<(char, PathBuf)> {
    let mut fields = listing.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut out = Vec::new();
    while let (Some(status), Some(path)) = (fields.next(), fields.next()) {
        let status = status.first().map_or('?', |&b| char::from(b));
        out.push((status, bytes_to_path(path)));
    }
    out
}

#[cfg(unix)]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn bytes_to_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_name_status_records() {
        let listing = b"M\0seeds/a.txt\0D\0old name.txt\0A\0t\xc3\xb4.md\0";
        let parsed = parse_name_status(listing);
        assert_eq!(
            parsed,
            vec![
                ('M', PathBuf::from("seeds/a.txt")),
                ('D', PathBuf::from("old name.txt")),
                ('A', PathBuf::from("tô.md")),
            ]
        );
    }
}
