//! The human report: one miette diagnostic per finding — the source line with a label
//! under the span, the expected value and its source, and the related spans of other
//! documents as secondary diagnostics — then a summary line.
//!
//! `Finding` stays plain data; this is the only place that makes diagnostics of it.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::output::Output;
use super::{Report, escape_controls, mask_controls};
use crate::check::{Finding, Related, Severity};

/// How the human report is drawn.
#[derive(Debug, Clone)]
pub struct HumanOptions {
    /// ANSI colours (only for terminals; `NO_COLOR` turns them off).
    pub color: bool,
    /// Width for wrapping messages.
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
        }
    }
}

pub(crate) fn render(report: &Report, options: &HumanOptions, out: &mut Output) {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false);
    for finding in &report.findings {
        let diagnostic = FindingDiagnostic::new(report, finding);
        // miette renders into a string of its own, so a failure leaves no half of a
        // diagnostic behind in the output.
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &diagnostic).is_err() {
            rendered = escape_controls(&finding.message);
            rendered.push('\n');
        }
        out.push_str(&rendered);
    }
    out.push_str(&report.summary_line());
    out.push('\n');
}

/// Characters of context shown on each side of a span within its line: news
/// paragraphs are often one long line, and the whole line would bury the span.
const CONTEXT_CHARS: usize = 60;

/// A document's text that shows only a window of the spanned line.
struct Source {
    name: String,
    text: String,
}

impl Source {
    fn new(name: &str, text: &str) -> Self {
        Source {
            // File names come from the disk and may hold control characters too.
            name: escape_controls(name),
            text: mask_controls(text).into_owned(),
        }
    }
}

impl SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text.as_str();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let window_start = window_edge(text, line_start, start, true);
        let window_end = window_edge(text, end, line_end, false);
        let line = text[..line_start].matches('\n').count();
        // The header shows the span's own column, not the window's.
        let column = text[line_start..start].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &text.as_bytes()[window_start..window_end],
            (window_start, window_end - window_start).into(),
            line,
            column,
            text[window_start..window_end].matches('\n').count() + 1,
        )))
    }
}

/// Start (or end) of the context window between `from` and `to`, at most
/// `CONTEXT_CHARS` characters from the span, cut at a space where possible.
pub(super) fn window_edge(text: &str, from: usize, to: usize, leading: bool) -> usize {
    let segment = &text[from..to];
    let count = segment.chars().count();
    if count <= CONTEXT_CHARS {
        return if leading { from } else { to };
    }
    if leading {
        let skip = count - CONTEXT_CHARS;
        let cut = segment.char_indices().nth(skip).map_or(0, |(i, _)| i);
        let at_space = segment[cut..].find(' ').map_or(cut, |i| cut + i + 1);
        from + at_space.min(segment.len())
    } else {
        let cut = segment
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(segment.len(), |(i, _)| i);
        let at_space = segment[..cut].rfind(' ').unwrap_or(cut);
        from + at_space
    }
}

/// One finding as a miette diagnostic.
struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    source: Option<Source>,
    label: Option<LabeledSpan>,
    related: Vec<RelatedDiagnostic>,
}

impl FindingDiagnostic {
    fn new(report: &Report, f: &Finding) -> Self {
        let source = report.text(&f.file).map(|text| Source::new(&f.file, &text));
        let label_text = match (&f.found, &f.expected, f.kind.as_str()) {
            // The name is right; the title before it is not (`expected` is the name).
            _ if f.rule == "role-conflict" => String::from("not in this role on this date"),
            _ if f.rule == "role-start" => String::from("not when the role began"),
            (_, Some(expected), "name") => format!("should be `{expected}`"),
            (Some(found), _, kind) if kind != "input" => format!("found {found}"),
            _ => String::from("here"),
        };
        let label = source.as_ref().and_then(|s| {
            (f.span.end <= s.text.len()).then(|| {
                LabeledSpan::new_primary_with_span(
                    Some(escape_controls(&label_text)),
                    f.span.range(),
                )
            })
        });
        let mut help = Vec::new();
        if let Some(expected) = &f.expected {
            match &f.source {
                Some(source) => help.push(format!("expected {expected} (source: {source})")),
                None => help.push(format!("expected {expected}")),
            }
        }
        if let Some(h) = &f.help {
            help.push(h.clone());
        }
        // Without an excerpt (a file that could not be read), the header would not name
        // the file: put it in front of the message.
        let message = match &label {
            Some(_) => escape_controls(&f.message),
            None => escape_controls(&format!("{}: {}", f.file, f.message)),
        };
        FindingDiagnostic {
            message,
            code: f.rule.clone(),
            severity: f.severity,
            help: (!help.is_empty()).then(|| escape_controls(&help.join("\n"))),
            source,
            label,
            related: f
                .related
                .iter()
                .filter_map(|r| RelatedDiagnostic::new(report, r))
                .collect(),
        }
    }
}

impl fmt::Debug for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = _>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

/// A related location, drawn as an advice under its finding.
struct RelatedDiagnostic {
    note: String,
    source: Source,
    label: LabeledSpan,
}

impl RelatedDiagnostic {
    fn new(report: &Report, r: &Related) -> Option<Self> {
        let text = report.text(&r.file)?;
        (r.span.end <= text.len()).then(|| RelatedDiagnostic {
            note: escape_controls(&format!("{}: {}", r.file, r.note)),
            source: Source::new(&r.file, &text),
            label: LabeledSpan::new_primary_with_span(
                Some(escape_controls(&r.note)),
                r.span.range(),
            ),
        })
    }
}

impl fmt::Debug for RelatedDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.note)
    }
}

impl fmt::Display for RelatedDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.note)
    }
}

impl std::error::Error for RelatedDiagnostic {}

impl Diagnostic for RelatedDiagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}
