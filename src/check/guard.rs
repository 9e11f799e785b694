//! The panic safety net of [`Checker::check`](super::Checker::check): each document's
//! extraction and name check runs under `catch_unwind`, and a panic becomes an
//! `internal-error` finding for that document while the rest of the corpus is checked.
//!
//! A panic here is always a factlint bug (DESIGN.md: "no panics on any input"); the
//! finding asks the user to report it. The process-wide panic hook is left alone — a
//! library must not change global state that its host application may rely on — so
//! the default hook still prints the panic message on stderr, which is what a bug
//! report needs; stdout still holds one complete report.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Finding, Severity, Span};
use crate::corpus::Document;

/// Runs `work` for `doc`; a panic becomes an `internal-error` finding (boxed: the
/// error path is rare and the finding is large).
///
/// `AssertUnwindSafe` is sound here: `work` only reads the shared rules and document,
/// and whatever it built before panicking is dropped with it.
pub(crate) fn per_document<T>(doc: &Document, work: impl FnOnce() -> T) -> Result<T, Box<Finding>> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| Box::new(internal_error(doc, &*payload)))
}

fn internal_error(doc: &Document, payload: &(dyn std::any::Any + Send)) -> Finding {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    internal_finding(
        &doc.name,
        Span::new(doc.body_start..doc.body_start),
        format!(
            "internal error while checking this document ({detail}); its claims were not checked"
        ),
    )
}

/// An `internal-error` finding on `file` at `span`: a factlint bug met while
/// checking it.
pub(crate) fn internal_finding(file: &str, span: Span, message: String) -> Finding {
    Finding {
        rule: "internal-error".to_string(),
        kind: "input".to_string(),
        severity: Severity::Error,
        key: None,
        file: file.to_string(),
        span,
        found: None,
        expected: None,
        message,
        help: Some(
            "this is a bug in factlint: please report it with the document that triggers it"
                .to_string(),
        ),
        related: Vec::new(),
        source: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use crate::{Checker, Corpus, Document, Rules, Severity};

    const RULES: &str = r#"
[[fact]]
key = "trade/vn-kz/2024"
value = "1e9 USD"
source = "test"

[[claim]]
id = "trade-volume"
kind = "quantity"
key = "trade/vn-kz/{year}"
severity = "error"
[claim.patterns]
en = ["in {year}, two-way trade reached {money}"]
"#;

    #[test]
    fn a_panicking_document_becomes_an_internal_error_and_the_run_goes_on() {
        let rules = Rules::from_toml("t.toml", RULES).expect("rules");
        let checker = Checker::new(&rules);
        let text = "In 2024, two-way trade reached US$800 million.";
        let corpus = Corpus::from_documents(vec![
            Document::new("a.txt", "en", None, text),
            Document::new("b.txt", "en", None, text),
        ]);
        let report = checker.check_with(&corpus, |doc| {
            assert!(doc.name != "b.txt", "injected failure");
            checker.summarize(doc)
        });
        let rules_of = |file: &str| -> Vec<&str> {
            report
                .findings
                .iter()
                .filter(|f| f.file == file)
                .map(|f| f.rule.as_str())
                .collect()
        };
        assert_eq!(rules_of("a.txt"), ["trade-volume"]);
        assert_eq!(rules_of("b.txt"), ["internal-error"]);
        let internal = &report.findings[1];
        assert_eq!(internal.severity, Severity::Error);
        assert_eq!(internal.kind, "input");
        assert!(
            internal.message.contains("injected failure"),
            "{}",
            internal.message
        );
        assert!(
            internal
                .help
                .as_deref()
                .is_some_and(|h| h.contains("report it"))
        );
    }
}
