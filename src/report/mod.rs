//! Reports: findings → text for people and programs.
//!
//! Last stage of the pipeline. A [`Report`] holds the sorted findings and the text of
//! every document they point into (for line/column and source excerpts — computed
//! only here), past a memory budget in a temporary file (`texts`). Renderers write
//! as they render (`output`): `human` (miette diagnostics), `json` (the stable
//! schema of DESIGN.md, `version: 1`), `snapshot` (stable plain text for snapshot
//! tests), `sarif`, `github` and `html` (a self-contained page for editors). Document
//! text is never written raw to a terminal: control characters are escaped.

mod github;
mod html;
mod human;
mod json;
mod output;
mod position;
mod sarif;
mod snapshot;
mod texts;
pub(crate) mod walkthrough;

use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;

use serde::Serialize;

use crate::check::{Finding, Severity};
use crate::corpus::Document;
use output::Output;
use texts::Texts;

pub use human::HumanOptions;

/// Output formats of `factlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// miette diagnostics for people (no colour).
    Human,
    /// The stable JSON schema (`version: 1`).
    Json,
    /// SARIF 2.1.0 (code-scanning tools); rule descriptions need [`Report::render_sarif`].
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// Stable plain text for snapshot tests: no colours, no widths, sorted.
    Snapshot,
    /// One self-contained HTML page for editors (highlighted texts, filters).
    Html,
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Summary {
    /// Documents checked.
    pub documents: usize,
    /// Claims found (stated values; derived values are not counted).
    pub mentions: usize,
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity note.
    pub notes: usize,
}

/// The findings of a run, sorted by file, byte offset and rule.
#[derive(Debug, Clone)]
pub struct Report {
    /// Sorted findings.
    pub findings: Vec<Finding>,
    /// Counts.
    pub summary: Summary,
    texts: Texts,
    docs: BTreeMap<String, DocInfo>,
}

/// What the renderers know about a document that findings point into.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct DocInfo {
    pub lang: String,
    pub title: Option<String>,
    /// JSON Lines record: its line (see `Document::record_line`).
    pub record_line: Option<usize>,
}

impl DocInfo {
    /// What the report needs of `doc` besides its text.
    pub(crate) fn of(doc: &Document) -> Self {
        DocInfo {
            lang: doc.lang.clone(),
            title: doc.title.clone(),
            record_line: doc.record_line,
        }
    }
}

/// A document's text and what the report shows of it, as [`Report::with_sources`]
/// asks for them.
pub(crate) type SourceText = (Arc<str>, DocInfo);

impl Report {
    /// Builds a report; keeps the text of the documents that findings point into.
    pub fn new(findings: Vec<Finding>, documents: &[Document], mentions: usize) -> Self {
        let mut by_name: BTreeMap<&str, &Document> = BTreeMap::new();
        for document in documents {
            // The first of two documents with one name, as a search in order finds.
            by_name.entry(&document.name).or_insert(document);
        }
        Self::with_sources(findings, documents.len(), mentions, |file| {
            let d = by_name.get(file)?;
            Some((Arc::from(d.text.as_str()), DocInfo::of(d)))
        })
    }

    /// Builds a report over `documents` checked documents, asking `source_of` for the
    /// text of each document that a finding points into (a streaming run reads it
    /// again from disk).
    pub(crate) fn with_sources(
        findings: Vec<Finding>,
        documents: usize,
        mentions: usize,
        source_of: impl FnMut(&str) -> Option<SourceText>,
    ) -> Self {
        let texts = Texts::with_budget(texts::MEMORY_BUDGET);
        Self::with_texts(findings, documents, mentions, texts, source_of)
    }

    /// [`Report::with_sources`] storing the texts in `texts`.
    fn with_texts(
        mut findings: Vec<Finding>,
        documents: usize,
        mentions: usize,
        mut texts: Texts,
        mut source_of: impl FnMut(&str) -> Option<SourceText>,
    ) -> Self {
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        let mut docs = BTreeMap::new();
        for finding in &findings {
            for file in cited_files(finding) {
                if texts.contains(file) {
                    continue;
                }
                if let Some((text, info)) = source_of(file) {
                    texts.insert(file.clone(), text);
                    docs.insert(file.clone(), info);
                }
            }
        }
        let count = |s| findings.iter().filter(|f| f.severity == s).count();
        let summary = Summary {
            documents,
            mentions,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
        };
        Report {
            findings,
            summary,
            texts,
            docs,
        }
    }

    /// The same run with other findings (a subset of these, or these changed):
    /// keeps the counts of documents and claims and the texts of the documents.
    pub fn with_findings(self, findings: Vec<Finding>) -> Self {
        let Report {
            summary,
            mut texts,
            docs,
            ..
        } = self;
        let cited: std::collections::BTreeSet<&str> = findings
            .iter()
            .flat_map(cited_files)
            .map(String::as_str)
            .collect();
        texts.retain(|file| cited.contains(file));
        // Every cited text is kept, so this asks for none.
        let mut report =
            Self::with_texts(findings, summary.documents, summary.mentions, texts, |_| {
                None
            });
        report.docs = docs;
        report.docs.retain(|file, _| report.texts.contains(file));
        report
    }

    /// The most severe finding, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Renders the report without colour.
    pub fn render(&self, format: Format) -> String {
        in_memory(|out| self.write(format, out))
    }

    /// Renders SARIF with rule descriptions (`description`, `help`) taken from `rules`.
    pub fn render_sarif(&self, rules: &crate::Rules) -> String {
        in_memory(|out| self.write_sarif(rules, out))
    }

    /// Renders the human report with explicit options (colour, width).
    pub fn render_human(&self, options: &HumanOptions) -> String {
        in_memory(|out| self.write_human(options, out))
    }

    /// Writes the report without colour to `out` as it is rendered: a large report is
    /// never held whole in memory (SARIF excepted: its document is built first).
    pub fn write(&self, format: Format, out: &mut dyn io::Write) -> io::Result<()> {
        match format {
            Format::Human => self.write_human(&HumanOptions::default(), out),
            Format::Json => json::render(self, out),
            Format::Sarif => write_text(out, |o| o.push_str(&sarif::render(self, None))),
            Format::Github => write_text(out, |o| github::render(self, o)),
            Format::Snapshot => write_text(out, |o| snapshot::render(self, o)),
            Format::Html => write_text(out, |o| html::render(self, o)),
        }
    }

    /// [`Report::render_sarif`], written to `out`.
    pub fn write_sarif(&self, rules: &crate::Rules, out: &mut dyn io::Write) -> io::Result<()> {
        write_text(out, |o| o.push_str(&sarif::render(self, Some(rules))))
    }

    /// [`Report::render_human`], written to `out` as it is rendered.
    pub fn write_human(&self, options: &HumanOptions, out: &mut dyn io::Write) -> io::Result<()> {
        write_text(out, |o| human::render(self, options, o))
    }

    /// The text of `file`, if a finding points into it.
    pub(crate) fn text(&self, file: &str) -> Option<Arc<str>> {
        self.texts.get(file)
    }

    /// Whether the report has the text of `file` (without reading it back).
    pub(crate) fn has_text(&self, file: &str) -> bool {
        self.texts.contains(file)
    }

    /// 1-based line and column of `offset` in `file`. For a JSON Lines record the
    /// line is the record's line and the column the character offset in its field.
    pub(crate) fn position(&self, file: &str, offset: usize) -> (usize, usize) {
        let Some(text) = self.text(file) else {
            return (1, 1);
        };
        let text = &*text;
        match self.docs.get(file).and_then(|d| d.record_line) {
            Some(line) => {
                let mut offset = offset.min(text.len());
                while !text.is_char_boundary(offset) {
                    offset -= 1;
                }
                (line, text[..offset].chars().count() + 1)
            }
            None => position::line_column(text, offset),
        }
    }

    /// "2 errors, 1 warning, 0 notes in 5 documents (14 claims checked)".
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!(
            "{}, {}, {} in {} ({} checked)",
            plural(s.errors, "error"),
            plural(s.warnings, "warning"),
            plural(s.notes, "note"),
            plural(s.documents, "document"),
            plural(s.mentions, "claim")
        )
    }
}

/// The documents `finding` points into: its own, then those of its related spans.
fn cited_files(finding: &Finding) -> impl Iterator<Item = &String> {
    std::iter::once(&finding.file).chain(finding.related.iter().map(|r| &r.file))
}

/// Runs a text renderer on `out`.
fn write_text(out: &mut dyn io::Write, render: impl FnOnce(&mut Output)) -> io::Result<()> {
    let mut output = Output::new(out);
    render(&mut output);
    output.finish()
}

/// What `write` writes, as a string.
fn in_memory(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> String {
    let mut bytes = Vec::new();
    // Writing to memory does not fail, and every renderer writes UTF-8.
    let _ = write(&mut bytes);
    String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// Escapes control characters (terminal escapes included) and bidi overrides so
/// document text can be shown safely; keeps newlines and tabs.
pub(crate) fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if needs_escape(ch) {
            out.extend(ch.escape_unicode());
        } else {
            out.push(ch);
        }
    }
    out
}

/// Replaces unsafe characters with visible ones of the same UTF-8 length, so byte
/// spans into the text stay valid (used for source excerpts).
pub(crate) fn mask_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let masked: String = text
        .chars()
        .map(|ch| {
            if !needs_escape(ch) {
                return ch.to_string();
            }
            match ch.len_utf8() {
                1 => "?".to_string(),
                2 => "¿".to_string(),
                3 => "\u{FFFD}".to_string(),
                _ => "\u{FFFD}?".to_string(),
            }
        })
        .collect();
    std::borrow::Cow::Owned(masked)
}

fn needs_escape(ch: char) -> bool {
    (ch.is_control() && ch != '\n' && ch != '\t')
        || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_sequences() {
        assert_eq!(escape_controls("a\x1b]52;x\x07b"), "a\\u{1b}]52;x\\u{7}b");
        assert_eq!(escape_controls("line\nnext"), "line\nnext");
    }

    /// The seed report, its texts written to disk from the first byte, renders the same
    /// in every format as the report that holds them in memory.
    #[test]
    fn texts_on_disk_render_like_texts_in_memory() {
        let root = env!("CARGO_MANIFEST_DIR");
        let rules = crate::Rules::load(&[format!("{root}/rules")]).unwrap();
        let corpus = crate::Corpus::from_paths(&[format!("{root}/seeds")]).unwrap();
        let held = crate::Checker::new(&rules).check(&corpus);
        assert!(held.findings.iter().any(|f| !f.related.is_empty()));
        let spilled = Report::with_texts(
            held.findings.clone(),
            held.summary.documents,
            held.summary.mentions,
            Texts::with_budget(0),
            |file| Some((held.text(file)?, held.docs.get(file)?.clone())),
        );
        assert!(format!("{:?}", spilled.texts).contains("held_bytes: 0"));
        for format in [
            Format::Human,
            Format::Json,
            Format::Sarif,
            Format::Github,
            Format::Snapshot,
            Format::Html,
        ] {
            assert_eq!(spilled.render(format), held.render(format), "{format:?}");
        }
        assert_eq!(spilled.render_sarif(&rules), held.render_sarif(&rules));
        let errors: Vec<Finding> = held
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .cloned()
            .collect();
        let (held, spilled) = (
            held.with_findings(errors.clone()),
            spilled.with_findings(errors),
        );
        assert_eq!(spilled.render(Format::Html), held.render(Format::Html));
    }

    #[test]
    fn masking_keeps_byte_length() {
        let text = "a\x1b[31m\u{85}\u{202E}z";
        assert_eq!(mask_controls(text).len(), text.len());
        assert!(!mask_controls(text).contains('\x1b'));
    }
}
