//! The corpus: documents discovered on disk (or built in memory), with their metadata.
//!
//! First stage of the pipeline (files → `Document`). Metadata comes from, in order:
//! a `corpus.toml` manifest in the document's directory or a parent up to the corpus
//! root, the file itself (front matter, HTML `<meta>`, JSONL fields), or detection
//! (language only). Files that cannot be read as text become [`InputProblem`]s —
//! reported as findings, never skipped silently — and the rest of the corpus is still
//! checked.
//!
//! One module per input format ([`InputFormat`]): `text` is read as is, `markdown` and
//! `html` build a [`CheckedText`] (the prose, mapped back to original byte offsets),
//! `jsonl` makes one document per line.

mod checked;
mod decode;
mod detect;
mod discover;
mod format;
mod front_matter;
mod html;
mod jsonl;
mod manifest;
mod markdown;
mod overrides;
mod sources;

use std::path::Path;

use chrono::NaiveDate;

use crate::Error;
use crate::check::{Severity, Span};

pub use checked::CheckedText;
pub use format::InputFormat;
pub use jsonl::JsonlFields;

pub(crate) use discover::display_name as display_path;
pub use overrides::Overrides;
pub(crate) use overrides::absolute as absolute_path;
pub use sources::{Loaded, Sources, Walked};

/// Files larger than this (64 MiB) are not read unless a larger limit is given.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

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
    /// The checked text when it is not the plain slice `text[body_start..]`
    /// (Markdown prose, HTML page text), with its map back to offsets of `text`.
    /// Everything that reads claims or names goes through [`Document::body`] and
    /// [`Document::body_span`], so both agree on it.
    pub checked: Option<CheckedText>,
    /// For a record of a JSON Lines file: its 1-based line. `text` is then the
    /// record's text field and reports give this line with the character offset in
    /// the field as the column.
    pub record_line: Option<usize>,
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
            checked: None,
            record_line: None,
            lang_origin: LangOrigin::Declared,
        }
    }

    /// The checked text: the prose of a Markdown or HTML file, otherwise the text
    /// after any front matter. Map offsets in it back with [`Document::body_span`].
    pub fn body(&self) -> &str {
        match &self.checked {
            Some(checked) => checked.as_str(),
            None => &self.text[self.body_start..],
        }
    }

    /// The span of the original text that a byte range of [`Document::body`] covers.
    pub fn body_span(&self, range: std::ops::Range<usize>) -> Span {
        match &self.checked {
            Some(checked) => Span::new(checked.to_original(range)),
            None => Span::new(self.body_start + range.start..self.body_start + range.end),
        }
    }
}

/// How a corpus is read: options that are not in the files themselves.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Language used when a document declares none and detection is unsure.
    pub default_lang: String,
    /// Field names of JSON Lines records.
    pub jsonl_fields: JsonlFields,
    /// Larger files are not read (a `file-too-large` problem).
    pub max_file_size: u64,
    /// Contents taken from elsewhere than the disk (the git index for `--staged`), or
    /// files left out.
    pub overrides: Overrides,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            default_lang: "en".to_string(),
            jsonl_fields: JsonlFields::default(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            overrides: Overrides::new(),
        }
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
        Self::from_paths_with(
            paths,
            &LoadOptions {
                default_lang: default_lang.to_string(),
                ..LoadOptions::default()
            },
        )
    }

    /// Like [`Corpus::from_paths`], with explicit [`LoadOptions`].
    pub fn from_paths_with<P: AsRef<Path>>(
        paths: &[P],
        options: &LoadOptions,
    ) -> Result<Self, Error> {
        Ok(Self::from_sources(&Sources::discover(paths, options)?))
    }

    /// Reads every document of already discovered `sources` (which a caller may
    /// have narrowed, e.g. by the configuration's excludes).
    pub fn from_sources(sources: &Sources) -> Self {
        let mut corpus = Corpus {
            documents: Vec::new(),
            problems: sources.walk_problems().to_vec(),
        };
        for index in 0..sources.len() {
            let loaded = sources.load(index);
            corpus.documents.extend(loaded.documents);
            corpus.problems.extend(loaded.problems);
        }
        corpus.documents.sort_by(|a, b| a.name.cmp(&b.name));
        corpus
            .problems
            .sort_by(|a, b| (a.file.as_str(), a.offset).cmp(&(b.file.as_str(), b.offset)));
        corpus
    }
}

/// A text, Markdown or HTML document: the format's reader gives the checked text and
/// the in-file metadata; a manifest entry overrides the latter field by field.
fn build_document(
    name: String,
    format: InputFormat,
    text: String,
    entry: Option<&manifest::Entry>,
    default_lang: &str,
    problems: &mut Vec<InputProblem>,
) -> Option<Document> {
    let (checked, fm) = match format {
        InputFormat::Markdown => {
            let (checked, fm) = markdown::read(&text);
            (Some(checked), fm)
        }
        InputFormat::Html => match html::read(&text) {
            Ok((checked, fm)) => (Some(checked), fm),
            Err(message) => {
                problems.push(InputProblem {
                    file: name,
                    severity: Severity::Error,
                    offset: None,
                    code: "unreadable-file",
                    message,
                });
                return None;
            }
        },
        InputFormat::Text | InputFormat::JsonLines => (None, front_matter::parse(&text)),
    };
    let mut doc = Document::new(name, default_lang, None, text);
    doc.lang_origin = LangOrigin::Default;
    doc.checked = checked;
    doc.body_start = fm.body_start;
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
    let mut declared_lang = fm.lang;
    if let Some(entry) = entry {
        declared_lang = entry.lang.as_deref().map(str::to_string).or(declared_lang);
        doc.date = entry.date.or(doc.date);
        doc.outlet = entry.outlet.as_deref().map(str::to_string).or(doc.outlet);
        doc.title = entry.title.as_deref().map(str::to_string).or(doc.title);
    }
    if let Some(lang) = declared_lang {
        doc.lang = lang;
        doc.lang_origin = LangOrigin::Declared;
    }
    Some(doc)
}

/// Gives `doc` the language `language` names for it when it declares none (the
/// default language stays when `language` names none).
fn with_language<'a>(
    mut doc: Document,
    language: &dyn Fn(&Document) -> Option<&'a str>,
) -> Document {
    if doc.lang_origin == LangOrigin::Default
        && let Some(lang) = language(&doc)
    {
        doc.lang = lang.to_string();
        doc.lang_origin = LangOrigin::Detected;
    }
    doc
}

/// The detected language of a document that declares none.
fn detected(doc: &Document) -> Option<&'static str> {
    detect::detect(doc.body())
}

/// A TOML date (or date-time) as a calendar date; `None` for a bare time.
pub(crate) fn toml_date(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    manifest::datetime_to_date(dt)
}
