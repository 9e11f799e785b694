//! Suppression comments inside documents: read per document ([`parse`], kept in its
//! summary) and applied as a pure step on (directives, findings) at the end of the
//! cross-document stage of [`Checker::check`](crate::Checker::check).
//!
//! - `<!-- factlint-disable-next-line RULES -->`: findings on the next line;
//! - `<!-- factlint-disable RULES -->` … `<!-- factlint-enable -->`: findings in
//!   between (to the end of the document when no `enable` follows; `enable` closes
//!   every open region);
//! - in plain-text documents (not `.md`/`.markdown`), a line `factlint: ignore RULES`:
//!   findings on the following line.
//!
//! `RULES` is a comma list of rule ids, or nothing for every rule. A suppression that
//! suppresses nothing becomes an `unused-suppression` warning, so stale comments do
//! not pile up silently.

use std::sync::LazyLock;

use regex::Regex;

use crate::check::{Finding, Severity, Span};
use crate::corpus::Document;

/// The rule id of the finding reported for a suppression that matched nothing.
pub(crate) const UNUSED: &str = "unused-suppression";

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*factlint-(disable-next-line|disable|enable)\b([^>\n]*?)[ \t]*-->")
        .expect("valid regex")
});
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t]*factlint:[ \t]*ignore\b([^\n]*?)[ \t]*\r?$").expect("valid regex")
});

/// One suppression directive and the bytes it covers.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Directive {
    span: Span,
    covers: std::ops::Range<usize>,
    rules: Vec<String>,
    #[serde(skip)]
    used: bool,
}

impl Directive {
    fn matches(&self, finding: &Finding) -> bool {
        self.covers.contains(&finding.span.start)
            && (self.rules.is_empty() || self.rules.contains(&finding.rule))
    }
}

/// Removes suppressed findings and adds an `unused-suppression` warning for every
/// directive that suppressed nothing; `directives` are each document's, by name.
pub(crate) fn apply<'a>(
    directives: impl Iterator<Item = (&'a str, &'a [Directive])>,
    findings: Vec<Finding>,
) -> Vec<Finding> {
    let mut directives: Vec<(&str, Vec<Directive>)> = directives
        .filter(|(_, d)| !d.is_empty())
        .map(|(name, d)| (name, d.to_vec()))
        .collect();
    if directives.is_empty() {
        return findings;
    }
    let mut kept = Vec::with_capacity(findings.len());
    for finding in findings {
        let suppressed = directives
            .iter_mut()
            .filter(|(name, _)| *name == finding.file)
            .flat_map(|(_, ds)| ds.iter_mut())
            .filter(|d| d.matches(&finding))
            .fold(false, |_, d| {
                d.used = true;
                true
            });
        if !suppressed {
            kept.push(finding);
        }
    }
    for (name, ds) in directives {
        for d in ds.into_iter().filter(|d| !d.used) {
            kept.push(unused(name, &d));
        }
    }
    kept
}

/// The suppression directives of one document.
pub(crate) fn parse(doc: &Document) -> Vec<Directive> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for caps in COMMENT.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let rules = rule_list(caps.get(2).map_or("", |m| m.as_str()));
        match &caps[1] {
            "disable-next-line" => out.push(Directive {
                span: Span::new(whole.range()),
                covers: next_line(text, whole.end()),
                rules,
                used: false,
            }),
            "disable" => {
                open.push(out.len());
                out.push(Directive {
                    span: Span::new(whole.range()),
                    covers: whole.end()..text.len(),
                    rules,
                    used: false,
                });
            }
            _ => {
                for index in open.drain(..) {
                    out[index].covers.end = whole.start();
                }
            }
        }
    }
    let lower = doc.name.to_ascii_lowercase();
    if !(lower.ends_with(".md") || lower.ends_with(".markdown")) {
        for caps in PLAIN.captures_iter(text) {
            let whole = caps.get(0).expect("match");
            out.push(Directive {
                span: Span::new(whole.range()),
                covers: next_line(text, whole.end()),
                rules: rule_list(caps.get(1).map_or("", |m| m.as_str())),
                used: false,
            });
        }
    }
    out
}

/// The byte range of the line after the one containing `offset`.
fn next_line(text: &str, offset: usize) -> std::ops::Range<usize> {
    let Some(newline) = text[offset..].find('\n') else {
        return text.len()..text.len();
    };
    let start = offset + newline + 1;
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    start..end
}

fn rule_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect()
}

fn unused(file: &str, directive: &Directive) -> Finding {
    let what = if directive.rules.is_empty() {
        "any rule".to_string()
    } else {
        directive
            .rules
            .iter()
            .map(|r| format!("`{r}`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Finding {
        rule: UNUSED.to_string(),
        kind: "suppression".to_string(),
        severity: Severity::Warning,
        key: None,
        file: file.to_string(),
        span: directive.span,
        found: None,
        expected: None,
        message: format!("this suppression of {what} suppresses nothing"),
        help: Some("remove the comment, or fix the rule id it names".into()),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(file: &str, rule: &str, at: usize) -> Finding {
        let mut f = unused(
            file,
            &Directive {
                span: Span::new(at..at + 1),
                covers: 0..0,
                rules: Vec::new(),
                used: false,
            },
        );
        f.rule = rule.to_string();
        f.severity = Severity::Error;
        f
    }

    fn run(name: &str, text: &str, findings: &[(&str, &str)]) -> Vec<(String, usize)> {
        let doc = Document::new(name, "en", None, text);
        let findings = findings
            .iter()
            .map(|(rule, needle)| finding(name, rule, text.find(needle).expect("needle")))
            .collect();
        let directives = parse(&doc);
        apply(std::iter::once((name, directives.as_slice())), findings)
            .into_iter()
            .map(|f| (f.rule, f.span.start))
            .collect()
    }

    #[test]
    fn next_line_comment_suppresses_only_the_next_line() {
        let text = "<!-- factlint-disable-next-line trade-volume -->\nBAD one\nBAD two\n";
        let out = run(
            "a.md",
            text,
            &[("trade-volume", "BAD one"), ("trade-volume", "BAD two")],
        );
        assert_eq!(
            out,
            vec![("trade-volume".into(), text.find("BAD two").expect("x"))]
        );
    }

    #[test]
    fn region_with_rule_list_and_enable() {
        let text = "<!-- factlint-disable a, b -->\nX1 Y1\n<!-- factlint-enable -->\nX2\n";
        let out = run("a.md", text, &[("a", "X1"), ("c", "Y1"), ("b", "X2")]);
        let rules: Vec<&str> = out.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(rules, vec!["c", "b"]);
    }

    #[test]
    fn plain_text_ignore_line_and_all_rules() {
        let text = "factlint: ignore\nX1\nX2\n";
        let out = run("a.txt", text, &[("a", "X1"), ("b", "X2")]);
        assert_eq!(out, vec![("b".into(), text.find("X2").expect("x"))]);
        // Markdown does not read the plain form: the finding stays, nothing is unused.
        let out = run("a.md", text, &[("a", "X1")]);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn unused_suppression_is_a_warning() {
        let text = "<!-- factlint-disable-next-line nope -->\nX1\n";
        let out = run("a.md", text, &[("a", "X1")]);
        assert_eq!(
            out,
            vec![
                ("a".into(), text.find("X1").expect("x")),
                (UNUSED.into(), 0)
            ]
        );
    }
}
