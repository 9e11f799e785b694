//! Errors of the library: IO with the path that failed, and rule-file diagnostics that
//! point into the TOML source (file:line:col, a label, a help line).
//!
//! Only `main` turns these into process output; the library never prints.

use std::path::PathBuf;

use miette::{Diagnostic, NamedSource, SourceSpan};

/// Everything that stops a run before any document is checked (exit code 2).
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    #[diagnostic(code(factlint::io), help("check that the path exists and is readable"))]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying IO error.
        source: std::io::Error,
    },
    /// One or more rule files are invalid; every problem found is listed.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] RuleErrors),
    /// The command line or configuration asked for something impossible.
    #[error("{message}")]
    #[diagnostic(code(factlint::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
}

/// All problems found in the rule files of one load, reported together.
#[derive(Debug, thiserror::Error)]
#[error("{} problem{} in rule files", .0.len(), if .0.len() == 1 { "" } else { "s" })]
pub struct RuleErrors(pub Vec<RuleDiagnostic>);

impl Diagnostic for RuleErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new("factlint::rules"))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.0.iter().map(|d| d as &dyn Diagnostic)))
    }
}

/// One problem in a rule file, located by byte span in the file's text.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::rule))]
pub struct RuleDiagnostic {
    /// What is wrong, as a short fragment.
    pub message: String,
    /// The rule file (name and full text).
    #[source_code]
    pub source_code: NamedSource<String>,
    /// Where in the file.
    #[label("{label}")]
    pub span: SourceSpan,
    /// The text under the span's label.
    pub label: String,
    /// How to fix it.
    #[help]
    pub help: Option<String>,
}

impl RuleDiagnostic {
    /// Builds a diagnostic for `span` (byte range) in the file `name` with `text`.
    pub fn new(
        name: &str,
        text: &str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> Self {
        let start = span.start.min(text.len());
        let end = span.end.clamp(start, text.len());
        RuleDiagnostic {
            message: message.into(),
            source_code: NamedSource::new(name, text.to_string()),
            span: (start, end - start).into(),
            label: label.into(),
            help,
        }
    }
}
