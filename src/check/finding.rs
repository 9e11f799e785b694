//! What a check reports: plain data, serialisable, with spans in original-file bytes.
//!
//! Line and column are computed only by `report`; a finding carries byte spans.

use serde::{Deserialize, Serialize};

/// A byte range of the original file, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from a byte range.
    pub fn new(range: std::ops::Range<usize>) -> Self {
        Span {
            start: range.start,
            end: range.end,
        }
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// How serious a finding is. Ordered: `Note < Warning < Error`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Information the reader should know (e.g. a claim that could not be checked).
    Note,
    /// Probably wrong, or a disagreement without an authoritative fact.
    Warning,
    /// Conflicts with the rules.
    #[default]
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place that bears on a finding (the agreeing or conflicting sources).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// Document name.
    pub file: String,
    /// Byte span in that document.
    pub span: Span,
    /// Why it is shown ("states ≈ US$1 billion").
    pub note: String,
}

/// A replacement of one span, part of a [`Fix`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// What to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// Whether a fix certainly preserves meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Certainly right (a known misspelling).
    Safe,
    /// A guess that needs review.
    Unsafe,
}

/// Edits that resolve a finding: sorted, non-overlapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// The edits.
    pub edits: Vec<Edit>,
    /// Whether `--fix` may apply it.
    pub applicability: Applicability,
}

/// One reported inconsistency (or a note that something could not be checked).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule (claim id, entity id, or an input-problem code).
    pub rule: String,
    /// The claim kind (`quantity`, `date`, `name`, …) or `input`.
    pub kind: String,
    /// How serious.
    pub severity: Severity,
    /// The fact key, when the finding is about one.
    pub key: Option<String>,
    /// Document name.
    pub file: String,
    /// Byte span of the offending text in the original file.
    pub span: Span,
    /// The value as found (normalised), e.g. "US$800 million (750M–850M)".
    pub found: Option<String>,
    /// What the rules or the other documents expect.
    pub expected: Option<String>,
    /// Short message.
    pub message: String,
    /// How to fix it, or the arithmetic behind it.
    pub help: Option<String>,
    /// Other places that bear on it.
    pub related: Vec<Related>,
    /// Provenance of the expected value.
    pub source: Option<String>,
    /// A replacement that resolves the finding, when one is known.
    pub fix: Option<Fix>,
}

impl Finding {
    /// The text of the finding's span in `document_text` (empty when out of range).
    pub fn text_in<'a>(&self, document_text: &'a str) -> &'a str {
        document_text.get(self.span.range()).unwrap_or("")
    }

    /// The sort key every output uses: file, byte offset, rule.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.file, self.span.start, self.span.end, &self.rule)
    }
}
