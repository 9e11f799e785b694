//! Streaming access to a corpus on disk: discover the files first, read each one only
//! when it is checked (issue 7).
//!
//! First stage of the pipeline, like [`Corpus::from_paths`](super::Corpus), but
//! without holding every text: a [`Sources`] knows the paths and their manifest
//! entries; [`Sources::load`] reads and decodes one document, which the caller drops
//! after extraction. The report reads a document's text again with
//! [`Sources::read_text`] when it needs an excerpt.

use std::path::Path;

use super::discover::{self, FoundFile};
use super::manifest::{Entry, Manifest};
use super::{Document, InputProblem, build_document, decode};
use crate::Error;

/// The documents of a run, discovered but not read, sorted by name.
pub struct Sources {
    files: Vec<FoundFile>,
    manifests: Vec<Manifest>,
    problems: Vec<InputProblem>,
    default_lang: String,
}

/// One document read from disk, with the problems found while reading it
/// (front-matter warnings), or the problem that kept it from being read.
pub type Loaded = Result<(Document, Vec<InputProblem>), InputProblem>;

impl Sources {
    /// Finds the documents under `paths` (see [`Corpus::from_paths`](super::Corpus::from_paths)).
    pub fn discover<P: AsRef<Path>>(paths: &[P], default_lang: &str) -> Result<Self, Error> {
        let found = discover::discover(paths)?;
        let mut files = found.files;
        files.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Sources {
            files,
            manifests: found.manifests,
            problems: found.problems,
            default_lang: default_lang.to_string(),
        })
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Display name of document `index`.
    pub fn name(&self, index: usize) -> &str {
        &self.files[index].name
    }

    /// Problems found while walking the paths (unreadable directories, skipped files).
    pub fn walk_problems(&self) -> &[InputProblem] {
        &self.problems
    }

    /// The raw bytes of document `index`.
    pub(crate) fn read_bytes(&self, index: usize) -> Result<Vec<u8>, InputProblem> {
        let file = &self.files[index];
        std::fs::read(&file.path).map_err(|err| InputProblem {
            file: file.name.clone(),
            severity: crate::Severity::Error,
            offset: None,
            code: "unreadable-file",
            message: format!("cannot read file: {err}"),
        })
    }

    /// What the manifest says about document `index`, as a stable string (part of
    /// the cache key: language and date change what is extracted).
    pub(crate) fn metadata_fingerprint(&self, index: usize) -> String {
        match self.entry(index) {
            Some(e) => format!("{:?}|{:?}|{:?}|{:?}", e.lang, e.date, e.outlet, e.title),
            None => String::from("-"),
        }
    }

    /// Builds document `index` from its bytes (read with `read_bytes`).
    pub(crate) fn load_from(&self, index: usize, bytes: &[u8]) -> Loaded {
        let file = &self.files[index];
        let text = decode::decode(bytes, &file.name)?;
        let mut problems = Vec::new();
        let doc = build_document(
            file.name.clone(),
            text,
            self.entry(index),
            &self.default_lang,
            &mut problems,
        );
        Ok((doc, problems))
    }

    /// Reads and builds document `index`.
    pub fn load(&self, index: usize) -> Loaded {
        let bytes = self.read_bytes(index)?;
        self.load_from(index, &bytes)
    }

    /// The decoded text of the document named `name` (for report excerpts).
    pub fn read_text(&self, name: &str) -> Option<String> {
        let index = self
            .files
            .binary_search_by(|f| f.name.as_str().cmp(name))
            .ok()?;
        let bytes = self.read_bytes(index).ok()?;
        decode::decode(&bytes, name).ok()
    }

    fn entry(&self, index: usize) -> Option<&Entry> {
        let file = &self.files[index];
        file.manifest
            .and_then(|m| self.manifests[m].entry_for(&file.path))
    }
}
