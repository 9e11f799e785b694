//! The human report: one miette diagnostic per finding — the source line with a label
//! under the span, the expected value and its source, and the related spans of other
//! documents as secondary diagnostics — then a summary line.
//!
//! `Finding` stays plain data; this is the only place that makes diagnostics of it.

use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode,
};

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

pub(crate) fn render(report: &Report, options: &HumanOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_context_lines(0);
    let mut out = String::new();
    for finding in &report.findings {
        let diagnostic = FindingDiagnostic::new(report, finding);
        if handler.render_report(&mut out, &diagnostic).is_err() {
            out.push_str(&escape_controls(&finding.message));
            out.push('\n');
        }
    }
    out.push_str(&report.summary_line());
    out.push('\n');
    out
}

struct Source {
    name: String,
    text: String,
}

impl Source {
    fn named(&self) -> NamedSource<String> {
        NamedSource::new(self.name.clone(), self.text.clone())
    }
}

/// One finding as a miette diagnostic.
struct FindingDiagnostic {
    message: String,
    code: String,
    severity: Severity,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    label: Option<LabeledSpan>,
    related: Vec<RelatedDiagnostic>,
}

impl FindingDiagnostic {
    fn new(report: &Report, f: &Finding) -> Self {
        let source = report.text(&f.file).map(|text| Source {
            name: f.file.clone(),
            text: mask_controls(text).into_owned(),
        });
        let label_text = match (&f.found, f.kind.as_str()) {
            (Some(found), "quantity" | "agreement") => format!("found {found}"),
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
        FindingDiagnostic {
            message: escape_controls(&f.message),
            code: f.rule.clone(),
            severity: f.severity,
            help: (!help.is_empty()).then(|| escape_controls(&help.join("\n"))),
            source: source.as_ref().map(Source::named),
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
    source: NamedSource<String>,
    label: LabeledSpan,
}

impl RelatedDiagnostic {
    fn new(report: &Report, r: &Related) -> Option<Self> {
        let text = report.text(&r.file)?;
        (r.span.end <= text.len()).then(|| RelatedDiagnostic {
            note: escape_controls(&format!("{}: {}", r.file, r.note)),
            source: Source {
                name: r.file.clone(),
                text: mask_controls(text).into_owned(),
            }
            .named(),
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
