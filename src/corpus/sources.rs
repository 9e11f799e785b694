//! The files of a run, discovered but not yet read: each one is read and turned into
//! documents only when it is checked, so a streaming run never holds the corpus.
//!
//! First stage of the pipeline. [`Sources::discover`] walks the paths (manifests,
//! formats, staged overrides); [`Sources::load`] reads one source — a text, Markdown
//! or HTML file, or a JSON Lines file of many records — into its [`Loaded`]
//! documents and problems. [`Corpus::from_paths_with`](super::Corpus::from_paths_with)
//! is this loop over every source, so both ways of reading give the same documents.

use std::borrow::Cow;
use std::path::Path;

use chrono::Datelike;

use super::discover::{self, FoundFile};
use super::manifest::Entry;
use super::{
    Document, InputFormat, InputProblem, LoadOptions, build_document, decode, detected, jsonl,
    with_language,
};
use crate::Error;
use crate::cache::Stamp;

/// The sources of a run, sorted by name, with the problems found while walking.
pub struct Sources {
    sources: Vec<Source>,
    problems: Vec<InputProblem>,
    options: LoadOptions,
    /// The load options besides the default language, as they enter every
    /// source's [`Sources::fingerprint`] (formatted once per run).
    options_fingerprint: String,
}

/// One file to read.
enum Source {
    /// A discovered file (read from disk unless an override replaces it), with what
    /// its manifest says about it.
    File(FoundFile),
    /// A file known only from the overrides (staged, then removed from the disk).
    Staged {
        name: Box<str>,
        format: InputFormat,
        bytes: Vec<u8>,
    },
}

impl Source {
    /// Display name (the path as given, then the relative path).
    fn name(&self) -> &str {
        match self {
            Source::File(file) => &file.name,
            Source::Staged { name, .. } => name,
        }
    }

    fn format(&self) -> InputFormat {
        match self {
            Source::File(file) => file.format,
            Source::Staged { format, .. } => *format,
        }
    }
}

/// What reading one source gave: its documents and the problems found on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The documents (one for most formats; one per record for JSON Lines).
    pub documents: Vec<Document>,
    /// Problems: the file could not be read, a record or the front matter is broken.
    pub problems: Vec<InputProblem>,
}

/// The files found under the paths of a run, before the [`LoadOptions`] (staged
/// contents, deleted files) apply to them: see [`Sources::walk`].
pub struct Walked(discover::Found);

impl Sources {
    /// Finds the sources under `paths` (files or directories).
    ///
    /// A path that does not exist, or a broken `corpus.toml`, is an [`Error`]; files
    /// that cannot be walked become problems ([`Sources::walk_problems`]).
    pub fn discover<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<Self, Error> {
        Ok(Self::from_walked(Self::walk(paths, false)?, paths, options))
    }

    /// The first half of [`Sources::discover`]: walks `paths`, which does not depend
    /// on the options (so a run can walk while it asks git what is staged). With
    /// `stamped`, the files' stamps are read on the way, for a run with a cache.
    pub fn walk<P: AsRef<Path>>(paths: &[P], stamped: bool) -> Result<Walked, Error> {
        discover::discover(paths, stamped).map(Walked)
    }

    /// The second half of [`Sources::discover`]: the sources of the walked files as
    /// `options` have them (`paths` are the walked paths).
    pub fn from_walked<P: AsRef<Path>>(walked: Walked, paths: &[P], options: &LoadOptions) -> Self {
        let Walked(found) = walked;
        let discovered: Vec<&Path> = found.files.iter().map(|f| f.path()).collect();
        let staged_only = options.overrides.undiscovered(paths, &discovered);
        drop(discovered);
        let staged_only: Vec<Source> = staged_only
            .into_iter()
            .map(|(name, bytes)| Source::Staged {
                format: InputFormat::from_path(Path::new(&name)).unwrap_or(InputFormat::Text),
                name: name.into_boxed_str(),
                bytes: bytes.to_vec(),
            })
            .collect();
        // Files deleted in the index are not part of the staged corpus.
        let mut sources: Vec<Source> = found
            .files
            .into_iter()
            .filter(|file| options.overrides.lookup(file.path()) != Some(None))
            .map(Source::File)
            .collect();
        sources.extend(staged_only);
        sources.sort_by(|a, b| a.name().cmp(b.name()));
        Sources {
            sources,
            problems: found.problems,
            options_fingerprint: format!("{:?}", options.jsonl_fields),
            options: options.clone(),
        }
    }

    /// Number of sources.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether there are no sources.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// Display name of source `index`.
    pub fn name(&self, index: usize) -> &str {
        self.sources[index].name()
    }

    /// The names of all sources, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(Source::name)
    }

    /// Keeps only the sources whose name `keep` accepts (`exclude` globs).
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.sources.retain(|s| keep(s.name()));
    }

    /// Problems found while walking the paths (unreadable directories, skipped files).
    pub fn walk_problems(&self) -> &[InputProblem] {
        &self.problems
    }

    /// Reads source `index` into its documents.
    pub fn load(&self, index: usize) -> Loaded {
        self.load_with(index, &detected)
    }

    /// Reads source `index`; `language` names the language of a document that
    /// declares none.
    fn load_with<'a>(
        &self,
        index: usize,
        language: &dyn Fn(&Document) -> Option<&'a str>,
    ) -> Loaded {
        match self.bytes(index) {
            Ok(bytes) => self.build_with(index, &bytes, language),
            Err(problem) => Loaded {
                documents: Vec::new(),
                problems: vec![problem],
            },
        }
    }

    /// The bytes of source `index`: the override, or the file (within the size limit).
    pub(crate) fn bytes(&self, index: usize) -> Result<Cow<'_, [u8]>, InputProblem> {
        match &self.sources[index] {
            Source::Staged { bytes, .. } => Ok(Cow::Borrowed(bytes)),
            Source::File(file) => match self.options.overrides.lookup(file.path()) {
                Some(Some(bytes)) => Ok(Cow::Borrowed(bytes)),
                _ => decode::read_bytes(file.path(), &file.name, self.options.max_file_size)
                    .map(Cow::Owned),
            },
        }
    }

    /// The stamp of source `index` on disk (`None` for staged contents, or when the
    /// file changed too recently before `now` to be trusted): the one read when it
    /// was found, if it was.
    pub(crate) fn stamp(&self, index: usize, now: std::time::SystemTime) -> Option<Stamp> {
        match &self.sources[index] {
            Source::File(FoundFile {
                stamp: Some(stamp), ..
            }) if self.stamped_when_found(index) => stamp.trusted(now),
            _ => self.fresh_stamp(index, now),
        }
    }

    /// The stamp of source `index` on disk, read now (see [`Sources::stamp`]): the
    /// one to record with contents read after it.
    pub(crate) fn fresh_stamp(&self, index: usize, now: std::time::SystemTime) -> Option<Stamp> {
        match &self.sources[index] {
            Source::File(file) if !self.overridden(index) => {
                Stamp::of(&std::fs::metadata(file.path()).ok()?, now)
            }
            _ => None,
        }
    }

    /// Whether [`Sources::stamp`] of source `index` is the one read when the file
    /// was found (not read at the call).
    pub(crate) fn stamped_when_found(&self, index: usize) -> bool {
        let found = matches!(
            &self.sources[index],
            Source::File(FoundFile { stamp: Some(_), .. })
        );
        found && !self.overridden(index)
    }

    /// Whether source `index` is a file whose contents the overrides replace.
    fn overridden(&self, index: usize) -> bool {
        match &self.sources[index] {
            Source::File(file) => self.options.overrides.lookup(file.path()).is_some(),
            Source::Staged { .. } => true,
        }
    }

    /// Sets the language of documents that declare none and whose language is not
    /// detected (the rules' `default_lang`; discovery does not depend on it).
    pub fn set_default_lang(&mut self, lang: &str) {
        self.options.default_lang = lang.to_string();
    }

    /// Everything besides the bytes that decides what source `index` reads as: its
    /// format, manifest entry and the load options (part of the cache key). Fields
    /// are length-prefixed, so no two different inputs give the same bytes.
    pub(crate) fn fingerprint(&self, index: usize) -> Vec<u8> {
        fn field(out: &mut Vec<u8>, value: Option<&str>) {
            match value {
                None => out.push(0),
                Some(value) => {
                    out.push(1);
                    out.extend_from_slice(&(value.len() as u64).to_le_bytes());
                    out.extend_from_slice(value.as_bytes());
                }
            }
        }
        let mut out = Vec::with_capacity(128);
        out.push(self.sources[index].format() as u8);
        match self.entry(index) {
            None => out.push(0),
            Some(entry) => {
                out.push(1);
                field(&mut out, entry.lang.as_deref());
                field(&mut out, entry.outlet.as_deref());
                field(&mut out, entry.title.as_deref());
                match entry.date {
                    None => out.push(0),
                    Some(date) => {
                        out.push(1);
                        out.extend_from_slice(&date.num_days_from_ce().to_le_bytes());
                    }
                }
            }
        }
        field(&mut out, Some(&self.options.default_lang));
        field(&mut out, Some(&self.options_fingerprint));
        out
    }

    /// Builds the documents of source `index` from its bytes (see [`Sources::bytes`]).
    pub(crate) fn build(&self, index: usize, bytes: &[u8]) -> Loaded {
        self.build_with(index, bytes, &detected)
    }

    /// Reads source `index` again, for the report: a document that declares no
    /// language takes the one `known` names for it (what the first read detected),
    /// and only a document `known` does not name is detected again.
    pub(crate) fn reload<'a>(
        &self,
        index: usize,
        known: &dyn Fn(&str) -> Option<&'a str>,
    ) -> Loaded {
        self.load_with(index, &|doc: &Document| {
            known(&doc.name).or_else(|| detected(doc))
        })
    }

    /// Builds the documents of source `index` from its bytes; `language` names the
    /// language of a document that declares none.
    fn build_with<'a>(
        &self,
        index: usize,
        bytes: &[u8],
        language: &dyn Fn(&Document) -> Option<&'a str>,
    ) -> Loaded {
        let source = &self.sources[index];
        let (name, format) = (source.name(), source.format());
        let mut loaded = Loaded::default();
        let text = match decode::decode(bytes, name) {
            Ok(text) => text,
            Err(problem) => {
                loaded.problems.push(problem);
                return loaded;
            }
        };
        if format == InputFormat::JsonLines {
            let (documents, problems) = jsonl::read(
                name,
                &text,
                &self.options.jsonl_fields,
                &self.options.default_lang,
            );
            loaded.problems = problems;
            loaded.documents = documents
                .into_iter()
                .map(|doc| with_language(doc, language))
                .collect();
            return loaded;
        }
        if let Some(doc) = build_document(
            name.to_string(),
            format,
            text,
            self.entry(index),
            &self.options.default_lang,
            &mut loaded.problems,
        ) {
            loaded.documents.push(with_language(doc, language));
        }
        loaded
    }

    fn entry(&self, index: usize) -> Option<&Entry> {
        match &self.sources[index] {
            Source::File(file) => file.entry.as_ref(),
            Source::Staged { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Sources;
    use crate::corpus::{LangOrigin, LoadOptions};

    /// The report's second read takes the language the first read detected (a
    /// wrong one here, to tell it from detection), and detects when none is known.
    #[test]
    fn reload_takes_the_known_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = "Im Jahr 2024 wird der Handelsumsatz zwischen den beiden Ländern etwa 1 Milliarde US-Dollar betragen.";
        std::fs::write(dir.path().join("a.txt"), text).expect("write");
        let sources = Sources::discover(&[dir.path()], &LoadOptions::default()).expect("sources");
        assert_eq!(sources.load(0).documents[0].lang, "de");
        let known = sources.reload(0, &|_: &str| Some("vi"));
        let doc = &known.documents[0];
        assert_eq!(
            (doc.lang.as_str(), doc.lang_origin),
            ("vi", LangOrigin::Detected)
        );
        let unknown = sources.reload(0, &|_: &str| None);
        assert_eq!(unknown.documents[0].lang, "de");
    }
}
