//! Renders the mentions of one claim with their arithmetic and verdicts (the document
//! section of `factlint explain CLAIM PATHS…`); line and column are computed here,
//! from the byte spans `check::walkthrough` returns.
//!
//! ```text
//! mentions in the documents (1):
//!   seeds/000.txt:9:12 `33 năm`
//!     event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 33 — ok
//! ```

use std::fmt::Write as _;

use super::escape_controls;
use super::position::line_column;
use crate::check::{Finding, Step, Verdict, Walked};
use crate::corpus::Corpus;

/// The mentions section for `walked` in `corpus`, then the files that could not be read.
pub(crate) fn render(claim_id: &str, walked: &[Walked], corpus: &Corpus) -> String {
    let mut out = String::new();
    let documents = corpus.documents.len();
    let in_documents = format!(
        "{documents} document{}",
        if documents == 1 { "" } else { "s" }
    );
    if walked.is_empty() {
        let _ = writeln!(out, "mentions: none of `{claim_id}` in {in_documents}");
    } else {
        let _ = writeln!(out, "mentions in {in_documents} ({}):", walked.len());
    }
    for w in walked {
        let Some(doc) = corpus.documents.iter().find(|d| d.name == w.file) else {
            continue;
        };
        let (line, column) = match doc.record_line {
            // A JSON Lines record: its line, and the character offset in its field.
            Some(record) => {
                let mut offset = w.span.start.min(doc.text.len());
                while !doc.text.is_char_boundary(offset) {
                    offset -= 1;
                }
                (record, doc.text[..offset].chars().count() + 1)
            }
            None => line_column(&doc.text, w.span.start),
        };
        let quoted = doc.text.get(w.span.range()).unwrap_or("");
        let _ = writeln!(
            out,
            "  {}:{line}:{column} `{}`",
            escape_controls(&w.file),
            one_line(quoted)
        );
        for step in &w.steps {
            let _ = writeln!(out, "    {}", one_line(&step_line(step)));
        }
    }
    if !corpus.problems.is_empty() {
        out.push_str("not read:\n");
        for problem in &corpus.problems {
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                escape_controls(&problem.file),
                problem.code,
                one_line(&problem.message)
            );
        }
    }
    out
}

/// "ARITHMETIC — ok", "ARITHMETIC — error: MESSAGE", "note: MESSAGE".
fn step_line(step: &Step) -> String {
    let verdict = match &step.verdict {
        Verdict::Ok => "ok".to_string(),
        Verdict::Unchecked(why) => format!("not checked: {why}"),
        Verdict::Finding(f) => finding(f, ""),
        Verdict::Suppressed(f) => finding(f, " (suppressed in the document)"),
    };
    if step.arithmetic.is_empty() {
        verdict
    } else {
        format!("{} — {verdict}", step.arithmetic)
    }
}

fn finding(f: &Finding, suffix: &str) -> String {
    format!("{}{suffix}: {}", f.severity.as_str(), f.message)
}

/// Document text on one line, control characters escaped.
fn one_line(text: &str) -> String {
    escape_controls(&text.replace(['\n', '\r', '\t'], " "))
}
