//! The JSON report: the stable, versioned schema of DESIGN.md.
//!
//! `span` is in bytes of the original file and `text` is exactly those bytes;
//! `line`/`column` are 1-based, columns in characters.

use std::io;

use serde::Serialize;

use super::{Report, Summary};
use crate::check::{Finding, Fix, Span};

/// Version of the JSON schema; bumped on any incompatible change.
pub(crate) const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    summary: Summary,
    findings: Findings<'a>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    kind: &'a str,
    severity: &'static str,
    key: Option<&'a str>,
    file: &'a str,
    line: usize,
    column: usize,
    span: Span,
    text: String,
    found: Option<&'a str>,
    expected: Option<&'a str>,
    message: &'a str,
    help: Option<&'a str>,
    related: Vec<JsonRelated<'a>>,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'a Fix>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    span: Span,
    text: String,
    note: &'a str,
}

/// Writes the report to `out`, one finding at a time.
pub(crate) fn render(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let json = JsonReport {
        version: SCHEMA_VERSION,
        summary: report.summary,
        findings: Findings(report),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The findings of a report, serialised as they are made.
struct Findings<'a>(&'a Report);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.findings.iter().map(|f| finding(report, f)))
    }
}

fn locate(report: &Report, file: &str, span: Span) -> (usize, usize, String) {
    let (line, column) = report.position(file, span.start);
    let text = report
        .text(file)
        .and_then(|t| t.get(span.range()).map(str::to_owned))
        .unwrap_or_default();
    (line, column, text)
}

fn finding<'a>(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
    let (line, column, text) = locate(report, &f.file, f.span);
    JsonFinding {
        rule: &f.rule,
        kind: &f.kind,
        severity: f.severity.as_str(),
        key: f.key.as_deref(),
        file: &f.file,
        line,
        column,
        span: f.span,
        text,
        found: f.found.as_deref(),
        expected: f.expected.as_deref(),
        message: &f.message,
        help: f.help.as_deref(),
        related: f
            .related
            .iter()
            .map(|r| {
                let (line, column, text) = locate(report, &r.file, r.span);
                JsonRelated {
                    file: &r.file,
                    line,
                    column,
                    span: r.span,
                    text,
                    note: &r.note,
                }
            })
            .collect(),
        source: f.source.as_deref(),
        fix: f.fix.as_ref(),
    }
}
