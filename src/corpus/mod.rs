//! The corpus: documents discovered on disk (or built in memory), with their metadata.
//!
//! First stage of the pipeline (files → `Document`). Metadata comes from, in order:
//! a `corpus.toml` manifest in the document's directory or a parent up to the corpus
//! root, a front-matter block at the top of the file, or detection (language only).
//! Files that cannot be read as text become [`InputProblem`]s — reported as findings,
//! never skipped silently — and the rest of the corpus is still checked.

mod decode;
mod detect;
mod discover;
mod front_matter;
mod manifest;
mod stream;

use std::path::Path;

use chrono::NaiveDate;

use crate::Error;
use crate::check::Severity;

pub(crate) use discover::display_name as display_path;
pub use stream::{Loaded, Sources};

/// One document of the corpus: its original text and what is known about it.
#[derive(Debug, Clone)]
pub struct Document {
    /// Display name: the path relative to the working directory, with `/` separators.
    pub name: String,
    /// Language code (`vi`, `en`, `de`, …).
    pub lang: String,
    /// Publication date, when known; relative and temporal claims need it.
    pub date: Option<NaiveDate>,
    /// Outlet (publisher), when known.
    pub outlet: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// The original text of the file, decoded; spans are byte offsets into it.
    pub text: String,
    /// Byte offset where the checked text starts (after any front matter).
    pub body_start: usize,
    /// Where the language came from.
    pub lang_origin: LangOrigin,
}

/// How a document's language was determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangOrigin {
    /// Given by a manifest, front matter or the caller.
    Declared,
    /// Detected from the text.
    Detected,
    /// Detection was not confident; the default language was used.
    Default,
}

impl Document {
    /// A document built in memory (no file): all of `text` is checked.
    pub fn new(
        name: impl Into<String>,
        lang: impl Into<String>,
        date: Option<NaiveDate>,
        text: impl Into<String>,
    ) -> Self {
        Document {
            name: name.into(),
            lang: lang.into(),
            date,
            outlet: None,
            title: None,
            text: text.into(),
            body_start: 0,
            lang_origin: LangOrigin::Declared,
        }
    }

    /// The checked part of the text (after front matter).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A file that could not be turned into a document (or only partly).
#[derive(Debug, Clone, PartialEq)]
pub struct InputProblem {
    /// Display name of the file.
    pub file: String,
    /// How serious: `error` for unreadable input, `note` for skipped files.
    pub severity: Severity,
    /// Byte offset the problem refers to, when there is one.
    pub offset: Option<usize>,
    /// Short rule-like code: `unreadable-file`, `invalid-utf8`, `binary-file`, …
    pub code: &'static str,
    /// What happened.
    pub message: String,
}

/// The documents of a run, sorted by name, plus the files that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The readable documents, sorted by name.
    pub documents: Vec<Document>,
    /// Per-file problems, sorted by file name.
    pub problems: Vec<InputProblem>,
}

impl Corpus {
    /// A corpus of in-memory documents.
    pub fn from_documents(mut documents: Vec<Document>) -> Self {
        documents.sort_by(|a, b| a.name.cmp(&b.name));
        Corpus {
            documents,
            problems: Vec::new(),
        }
    }

    /// Reads every document under `paths` (files or directories).
    ///
    /// A path that does not exist, or a broken `corpus.toml`, is an [`Error`]; a file
    /// that cannot be decoded becomes an [`InputProblem`] and the rest is read.
    pub fn from_paths<P: AsRef<Path>>(paths: &[P]) -> Result<Self, Error> {
        Self::from_paths_with_default_lang(paths, "en")
    }

    /// Like [`Corpus::from_paths`], with the language used when detection is unsure.
    pub fn from_paths_with_default_lang<P: AsRef<Path>>(
        paths: &[P],
        default_lang: &str,
    ) -> Result<Self, Error> {
        let found = discover::discover(paths)?;
        let mut corpus = Corpus::default();
        for file in found.files {
            let manifest_entry = file
                .manifest
                .and_then(|m| found.manifests[m].entry_for(&file.path));
            match decode::read_text(&file.path, &file.name) {
                Ok(text) => {
                    let doc = build_document(
                        file.name,
                        text,
                        manifest_entry,
                        default_lang,
                        &mut corpus.problems,
                    );
                    corpus.documents.push(doc);
                }
                Err(problem) => corpus.problems.push(problem),
            }
        }
        corpus.problems.extend(found.problems);
        corpus.documents.sort_by(|a, b| a.name.cmp(&b.name));
        corpus
            .problems
            .sort_by(|a, b| (a.file.as_str(), a.offset).cmp(&(b.file.as_str(), b.offset)));
        Ok(corpus)
    }
}

fn build_document(
    name: String,
    text: String,
    entry: Option<&manifest::Entry>,
    default_lang: &str,
    problems: &mut Vec<InputProblem>,
) -> Document {
    let mut doc = Document::new(name, default_lang, None, text);
    doc.lang_origin = LangOrigin::Default;
    let declared_lang;
    if let Some(entry) = entry {
        declared_lang = entry.lang.clone();
        doc.date = entry.date;
        doc.outlet = entry.outlet.clone();
        doc.title = entry.title.clone();
    } else {
        let fm = front_matter::parse(&doc.text);
        doc.body_start = fm.body_start;
        declared_lang = fm.lang;
        doc.date = fm.date;
        doc.outlet = fm.outlet;
        doc.title = fm.title;
        for (offset, message) in fm.problems {
            problems.push(InputProblem {
                file: doc.name.clone(),
                severity: Severity::Warning,
                offset: Some(offset),
                code: "front-matter",
                message,
            });
        }
    }
    match declared_lang {
        Some(lang) => {
            doc.lang = lang;
            doc.lang_origin = LangOrigin::Declared;
        }
        None => {
            if let Some(lang) = detect::detect(doc.body()) {
                doc.lang = lang.to_string();
                doc.lang_origin = LangOrigin::Detected;
            }
        }
    }
    doc
}

/// A TOML date (or date-time) as a calendar date; `None` for a bare time.
pub(crate) fn toml_date(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    manifest::datetime_to_date(dt)
}
