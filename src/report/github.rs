//! GitHub Actions workflow commands (`--format github`): one `::error`, `::warning` or
//! `::notice` line per finding, which GitHub shows as an annotation on the file and
//! line, then the summary line (plain log text).
//!
//! Escaping follows GitHub's runner: in the message (data) `%` → `%25`, `\r` → `%0D`,
//! `\n` → `%0A`; in properties additionally `:` → `%3A` and `,` → `%2C`. Control
//! characters from documents are escaped first (never echoed raw).

use super::output::Output;
use super::position::line_column;
use super::{Report, escape_controls};
use crate::check::{Finding, Severity};

pub(crate) fn render(report: &Report, out: &mut Output) {
    for finding in &report.findings {
        out.push_str(&command(report, finding));
        out.push('\n');
    }
    out.push_str(&report.summary_line());
    out.push('\n');
}

fn command(report: &Report, finding: &Finding) -> String {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = vec![("file", finding.file.clone())];
    if let Some(text) = report.text(&finding.file) {
        let (line, col) = line_column(&text, finding.span.start);
        let (end_line, end_col) = line_column(&text, finding.span.end);
        properties.push(("line", line.to_string()));
        properties.push(("col", col.to_string()));
        properties.push(("endLine", end_line.to_string()));
        properties.push(("endColumn", end_col.to_string()));
    }
    properties.push(("title", finding.rule.clone()));
    let properties: Vec<String> = properties
        .into_iter()
        .map(|(key, value)| format!("{key}={}", escape_property(&escape_controls(&value))))
        .collect();
    let mut message = finding.message.clone();
    if let Some(help) = &finding.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(&escape_controls(&message))
    )
}

/// Escapes a command's message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(escape_data("50% up\r\nnext"), "50%25 up%0D%0Anext");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
