//! Documents whose text comes from somewhere other than the working tree (the git
//! index for `check --staged`), or that must be left out (deleted in the index).
//!
//! Part of the corpus stage: discovery is unchanged; when a discovered file has an
//! override, its bytes are taken from the override instead of the disk, and files
//! that exist only in the override (staged, then removed from the working tree) are
//! added when they lie under one of the corpus paths.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Replacement contents keyed by absolute (canonical where possible) file path.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    entries: BTreeMap<PathBuf, Option<Vec<u8>>>,
    /// The file names of `entries`: a path whose file name is not among them has no
    /// override, which spares canonicalising every path of a large corpus.
    file_names: BTreeSet<OsString>,
}

impl Overrides {
    /// No overrides: every document is read from disk.
    pub fn new() -> Self {
        Overrides::default()
    }

    /// Reads `path` as `bytes` instead of from disk.
    pub fn replace(&mut self, path: impl AsRef<Path>, bytes: Vec<u8>) {
        self.insert(path.as_ref(), Some(bytes));
    }

    /// Leaves `path` out of the corpus even if it exists on disk.
    pub fn remove(&mut self, path: impl AsRef<Path>) {
        self.insert(path.as_ref(), None);
    }

    fn insert(&mut self, path: &Path, bytes: Option<Vec<u8>>) {
        let path = absolute(path);
        if let Some(name) = path.file_name() {
            self.file_names.insert(name.to_os_string());
        }
        self.entries.insert(path, bytes);
    }

    /// `None`: no override; `Some(None)`: left out; `Some(Some(bytes))`: replaced.
    pub(crate) fn lookup(&self, path: &Path) -> Option<Option<&[u8]>> {
        if !path
            .file_name()
            .is_some_and(|name| self.file_names.contains(name))
        {
            return None;
        }
        self.entries
            .get(&absolute(path))
            .map(|entry| entry.as_deref())
    }

    /// Replaced files that lie under `roots` but were not discovered, with the name
    /// discovery would have given them (the root as written, then the relative path).
    pub(crate) fn undiscovered<P: AsRef<Path>>(
        &self,
        roots: &[P],
        discovered: &[&Path],
    ) -> Vec<(String, &[u8])> {
        // Only discovered paths with an override's file name can be one of them.
        let known: BTreeSet<PathBuf> = discovered
            .iter()
            .filter(|p| {
                p.file_name()
                    .is_some_and(|name| self.file_names.contains(name))
            })
            .map(|p| absolute(p))
            .collect();
        let mut out = Vec::new();
        for (path, bytes) in &self.entries {
            let Some(bytes) = bytes else { continue };
            // Staged JSON Lines files are read from disk like the rest (one document per
            // line needs the field mapping of a full load).
            let readable = matches!(
                super::format::InputFormat::from_path(path),
                Some(
                    super::format::InputFormat::Text
                        | super::format::InputFormat::Markdown
                        | super::format::InputFormat::Html
                )
            );
            if known.contains(path) || !readable {
                continue;
            }
            for root in roots {
                let root = root.as_ref();
                if let Ok(rest) = path.strip_prefix(absolute(root)) {
                    let name = super::discover::clean(&root.join(rest));
                    out.push((super::discover::display_name(&name), bytes.as_slice()));
                    break;
                }
            }
        }
        out
    }
}

/// `path` made absolute and canonical (symlinks and `..` resolved); for a file that no
/// longer exists, its parent directory is canonicalised instead.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = std::fs::canonicalize(path) {
        return canonical;
    }
    let joined = match std::env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_path_buf(),
    };
    match (joined.parent(), joined.file_name()) {
        (Some(parent), Some(name)) => match std::fs::canonicalize(parent) {
            Ok(parent) => parent.join(name),
            Err(_) => joined,
        },
        _ => joined,
    }
}
