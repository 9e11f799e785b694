//! The snapshot report: stable, diff-friendly plain text for snapshot tests and code
//! review of what the checker finds.
//!
//! Last stage of the pipeline, beside `human` and `json`. No colours, no timings, no
//! terminal-width wrapping; paths are the documents' relative `/` names; findings come
//! in the report's order (file, byte offset, rule), so the output is byte-identical for
//! any thread count and input order. One block per finding:
//!
//! ```text
//! error[trade-volume] seeds/002_31cbe1c235b66155.txt:22:237 key=trade/vn-kz/2024
//!   trade for 2024 stated as US$800 million; the rules say ≈ US$1 billion
//!   | …In 2024, two-way trade reached US$800 million, up 99 per cent from 2023.
//!   |                                 ^^^^^^^^^^^^^^
//!   expected: ≈ US$1 billion (source: Kazakh ambassador)
//!   help: correct the figure
//!   related: seeds/000_2123b4a668890d27.txt:19:148 states nearly US$1 billion
//!   | …kim ngạch năm 2024 đạt gần 1 tỷ USD – mức cao nhất từ trước đến nay.
//!   |                         ^^^^^^^^^^^^
//! ```
//!
//! then the summary line. Document text is shown escaped (`escape_controls`): a
//! terminal escape in a document never reaches the output raw.

use std::fmt::Write as _;

use super::human::window_edge;
use super::output::Output;
use super::position::line_column;
use super::{Report, escape_controls};
use crate::check::{Applicability, Finding, Span};

/// Marks a source line cut short by the context window.
const ELLIPSIS: &str = "…";

pub(crate) fn render(report: &Report, out: &mut Output) {
    for finding in &report.findings {
        block(out, report, finding);
        out.push('\n');
    }
    out.push_str(&report.summary_line());
    out.push('\n');
}

fn block(out: &mut Output, report: &Report, f: &Finding) {
    let text = report.text(&f.file);
    let text = text.as_deref();
    let _ = write!(
        out,
        "{}[{}] {}",
        f.severity.as_str(),
        escape_controls(&f.rule),
        location(&f.file, text, f.span)
    );
    if let Some(key) = &f.key {
        let _ = write!(out, " key={}", escape_controls(key));
    }
    out.push('\n');
    field(out, "", &f.message);
    if let Some(text) = text {
        excerpt(out, text, f.span);
    }
    if let Some(expected) = &f.expected {
        let line = match &f.source {
            Some(source) => format!("{expected} (source: {source})"),
            None => expected.clone(),
        };
        field(out, "expected: ", &line);
    }
    if let Some(help) = &f.help {
        field(out, "help: ", help);
    }
    if let Some(fix) = &f.fix {
        let applicability = match fix.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        };
        for edit in &fix.edits {
            let old = text.and_then(|t| t.get(edit.span.range())).unwrap_or("");
            field(
                out,
                &format!("fix ({applicability}): "),
                &format!("`{old}` → `{}`", edit.replacement),
            );
        }
    }
    for related in &f.related {
        let text = report.text(&related.file);
        let text = text.as_deref();
        field(
            out,
            "related: ",
            &format!(
                "{} {}",
                location(&related.file, text, related.span),
                related.note
            ),
        );
        if let Some(text) = text {
            excerpt(out, text, related.span);
        }
    }
}

/// `file:line:col` (1-based, columns in characters); just the file when its text is
/// not in the report (unreadable input).
fn location(file: &str, text: Option<&str>, span: Span) -> String {
    let file = escape_controls(file);
    match text {
        Some(text) => {
            let (line, column) = line_column(text, span.start);
            format!("{file}:{line}:{column}")
        }
        None => file,
    }
}

/// An indented `label: value` line; continuation lines of a multi-line value are
/// indented under it so every block stays one visual unit.
fn field(out: &mut Output, label: &str, value: &str) {
    let value = escape_controls(value);
    let mut lines = value.lines();
    let _ = writeln!(out, "  {label}{}", lines.next().unwrap_or(""));
    for line in lines {
        let _ = writeln!(out, "    {line}");
    }
}

/// The span's line (windowed around the span) and a caret line under the span.
fn excerpt(out: &mut Output, text: &str, span: Span) {
    let Some((before, spanned, after)) = window(text, span) else {
        return;
    };
    let before = shown(&before);
    let spanned = shown(&spanned);
    let after = shown(&after);
    let _ = writeln!(out, "  | {before}{spanned}{after}");
    let carets = spanned.chars().count().max(1);
    let _ = writeln!(
        out,
        "  | {}{}",
        " ".repeat(before.chars().count()),
        "^".repeat(carets)
    );
}

/// The text before the span (from the window start), the span's part on its first
/// line, and the text after it (to the window end), with ellipses where the line
/// was cut. `None` when the span does not fit the text.
fn window(text: &str, span: Span) -> Option<(String, String, String)> {
    let (start, end) = (span.start, span.end);
    if start > end || end > text.len() || !text.is_char_boundary(start) {
        return None;
    }
    if !text.is_char_boundary(end) {
        return None;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let span_end = end.min(line_end);
    let window_start = window_edge(text, line_start, start, true);
    let window_end = window_edge(text, span_end, line_end, false);
    let mut before = String::new();
    if window_start > line_start {
        before.push_str(ELLIPSIS);
    }
    before.push_str(&text[window_start..start]);
    let mut after = text[span_end..window_end].to_string();
    if window_end < line_end {
        after.push_str(ELLIPSIS);
    }
    Some((before, text[start..span_end].to_string(), after))
}

/// Document text as shown: control characters escaped, tabs and carriage returns as
/// spaces so the caret line stays aligned.
fn shown(text: &str) -> String {
    escape_controls(&text.replace(['\t', '\r'], " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt_of(text: &str, span: std::ops::Range<usize>) -> String {
        let mut bytes = Vec::new();
        let mut out = Output::new(&mut bytes);
        excerpt(&mut out, text, Span::new(span));
        out.finish().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn carets_count_characters_not_bytes() {
        let text = "Tổng thống Kassym-Jormat Tokayev";
        let start = text.find("Kassym").expect("name");
        let out = excerpt_of(text, start..start + "Kassym-Jormat".len());
        assert_eq!(
            out,
            "  | Tổng thống Kassym-Jormat Tokayev\n  |            ^^^^^^^^^^^^^\n"
        );
    }

    #[test]
    fn long_lines_are_windowed_at_spaces() {
        let filler = "word ".repeat(40);
        let text = format!("{filler}TARGET {filler}");
        let start = text.find("TARGET").expect("target");
        let out = excerpt_of(&text, start..start + 6);
        let first = out.lines().next().expect("line");
        assert!(first.starts_with("  | …word"), "{first}");
        assert!(first.ends_with("word…"), "{first}");
        assert!(first.chars().count() < 140, "{first}");
        let caret = out.lines().nth(1).expect("caret");
        let column = |line: &str, pat: char| line.chars().position(|c| c == pat);
        assert_eq!(column(caret, '^'), column(first, 'T'));
    }

    #[test]
    fn control_characters_are_escaped_and_carets_follow() {
        let text = "a\x1b]52;c;x\x07 BAD";
        let start = text.find("BAD").expect("bad");
        let out = excerpt_of(text, start..start + 3);
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
        let mut lines = out.lines();
        let (source, caret) = (lines.next().expect("src"), lines.next().expect("caret"));
        assert_eq!(
            caret.chars().position(|c| c == '^'),
            source.chars().position(|c| c == 'B')
        );
    }

    #[test]
    fn empty_span_gets_one_caret_and_bad_span_none() {
        assert_eq!(excerpt_of("abc", 1..1), "  | abc\n  |  ^\n");
        assert_eq!(excerpt_of("abc", 2..9), "");
    }
}
