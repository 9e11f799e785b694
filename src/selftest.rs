//! Rule self-tests: every `[[claim.example]]` and `[[entity.example]]` of a rule base,
//! run by `factlint test`.
//!
//! Sits beside the pipeline and drives it: each example becomes an in-memory
//! [`Document`] (its text, language and date), checked by a [`Checker`] over a rule
//! base in which only that claim can match (facts, events and entities stay), and
//! only the findings of that claim (or entity) count:
//!
//! - `conflict`: at least one finding of severity warning or error (and, with
//!   `expect_found`, one whose `found` is that text);
//! - `ok`: the claim matched (or the entity was named) and there is no such finding;
//! - `no-match`: the claim did not match (the entity was not named).
//!
//! A failed example is a diagnostic pointing at the example in the TOML file.

use miette::{Diagnostic, NamedSource, SourceSpan};

use crate::check::{Checker, ClaimMatch, Finding, Severity};
use crate::corpus::{Corpus, Document};
use crate::rules::{Claim, Example, Expect, Origin, Rules};

/// The outcome of running every example of a rule base.
#[derive(Debug, Default)]
pub struct TestRun {
    /// Examples that behaved as expected.
    pub passed: usize,
    /// Examples that did not, in rule-file order.
    pub failures: Vec<ExampleFailure>,
}

impl TestRun {
    /// "N passed, M failed".
    pub fn summary_line(&self) -> String {
        format!("{} passed, {} failed", self.passed, self.failures.len())
    }
}

/// An example that did not behave as it says, located in its rule file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::test))]
pub struct ExampleFailure {
    /// The rule (claim or entity id) the example belongs to.
    pub rule: String,
    /// What was expected and what happened, as a short fragment.
    pub message: String,
    /// The rule file.
    #[source_code]
    pub source_code: NamedSource<String>,
    /// The example's `[[…example]]` table.
    #[label("this example")]
    pub span: SourceSpan,
    /// What happened instead, in detail.
    #[help]
    pub help: Option<String>,
}

/// Runs every claim and entity example of `rules`.
pub fn run(rules: &Rules) -> TestRun {
    let mut run = TestRun::default();
    for claim in &rules.claims {
        if claim.examples.is_empty() {
            continue;
        }
        let mut only = rules.clone();
        only.claims = vec![claim.clone()];
        let checker = Checker::new(&only);
        for example in &claim.examples {
            let doc = document(example);
            let matches = checker.claim_matches(&doc);
            let findings = relevant(&checker, &doc, |f| f.rule == claim.id);
            let verdict = judge(
                example,
                !matches.is_empty(),
                &findings,
                || describe_matches(&matches),
                || unmatched_because(rules, &only, &doc),
            );
            record(&mut run, rules, &claim.id, example, verdict);
        }
    }
    let mut names_only = rules.clone();
    names_only.claims.clear();
    let checker = Checker::new(&names_only);
    for (index, entity) in rules.entities.iter().enumerate() {
        for example in &entity.examples {
            let doc = document(example);
            let named = checker.entity_matches(&doc).contains(&index);
            let findings = relevant(&checker, &doc, |f| {
                f.kind == "name" && f.key.as_deref() == Some(entity.id.as_str())
            });
            let verdict = judge(
                example,
                named,
                &findings,
                || format!("`{}` is named and correct", entity.name),
                || format!("no form of {} is named in this text", entity.name),
            );
            record(&mut run, rules, &entity.id, example, verdict);
        }
    }
    run
}

fn document(example: &Example) -> Document {
    Document::new(
        "example",
        example.lang.clone(),
        example.doc_date,
        example.text.clone(),
    )
}

/// Findings of severity warning or error that `belongs` to the rule under test.
fn relevant(checker: &Checker, doc: &Document, belongs: impl Fn(&Finding) -> bool) -> Vec<Finding> {
    let corpus = Corpus::from_documents(vec![doc.clone()]);
    checker
        .check(&corpus)
        .findings
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning && belongs(f))
        .collect()
}

/// Why an example failed: a short message and the details.
struct Failure {
    message: String,
    help: String,
}

/// A change to a claim that lifts one of its gates.
type Lift<'a> = dyn Fn(&mut Claim) + 'a;

/// Why the one claim of `only` reads nothing in `doc`: the gates that, lifted one at
/// a time, let it read the text; else its patterns and cues themselves, and the other
/// claims of `rules` that do read it (an example written under the wrong claim).
fn unmatched_because(rules: &Rules, only: &Rules, doc: &Document) -> String {
    let lifted = |lift: &Lift<'_>| {
        let mut rules = only.clone();
        rules.claims.iter_mut().for_each(lift);
        !Checker::new(&rules).claim_matches(doc).is_empty()
    };
    let gates: [(&str, &Lift<'static>); 5] = [
        ("the text has no word of some `context` group", &|c| {
            c.scope.values_mut().for_each(|s| s.context.clear())
        }),
        (
            "no `subject` word stands in the sentence or the two before it",
            &|c| c.scope.values_mut().for_each(|s| s.subject.clear()),
        ),
        (
            "an `exclude` word is in the sentence (for a figure: in its clause or before it)",
            &|c| c.scope.values_mut().for_each(|s| s.exclude.clear()),
        ),
        (
            "the sentence names a country that is not one of the `parties`",
            &|c| c.parties.clear(),
        ),
        (
            "the example's `doc_date` is missing or outside the claim's `doc_dates`",
            &|c| c.doc_dates = None,
        ),
    ];
    let blocking: Vec<&str> = gates
        .iter()
        .filter(|(_, lift)| lifted(lift))
        .map(|(why, _)| *why)
        .collect();
    if !blocking.is_empty() {
        return format!("the claim would read this text but {}", blocking.join("; "));
    }
    let all = |c: &mut Claim| gates.iter().for_each(|(_, lift)| lift(c));
    if lifted(&all) {
        return "the claim would read this text without its context, subject, exclude, parties and doc_dates gates together".to_string();
    }
    let others: std::collections::BTreeSet<String> = Checker::new(rules)
        .claim_matches(doc)
        .iter()
        .filter_map(|m| rules.claims.get(m.claim))
        .map(|claim| format!("`{}`", claim.id))
        .collect();
    let none =
        "no pattern or cue of the claim matches this text (folded: lowercase, no diacritics)";
    if others.is_empty() {
        none.to_string()
    } else {
        format!(
            "{none}; claim {} does: an example belongs to the [[claim]] above it in its file",
            others.into_iter().collect::<Vec<_>>().join(", ")
        )
    }
}

fn judge(
    example: &Example,
    matched: bool,
    findings: &[Finding],
    agreeing: impl Fn() -> String,
    unmatched: impl Fn() -> String,
) -> Result<(), Failure> {
    if crate::lang::pack(&example.lang).is_none() {
        return Err(Failure {
            message: format!("no language pack for `{}`", example.lang),
            help: format!(
                "built-in languages: {}",
                crate::lang::builtin_codes().join(", ")
            ),
        });
    }
    let fail = |happened: &str, help: String| {
        Err(Failure {
            message: format!("expected {}, but {happened}", expect_name(example.expect)),
            help,
        })
    };
    match example.expect {
        Expect::Conflict if findings.is_empty() && !matched => fail("nothing matched", unmatched()),
        Expect::Conflict if findings.is_empty() => fail("it agrees with the rules", agreeing()),
        Expect::Conflict => match &example.expect_found {
            Some(wanted) if !findings.iter().any(|f| f.found.as_deref() == Some(wanted)) => fail(
                &format!("no finding has found = `{wanted}`"),
                format!("found: {}", found_list(findings)),
            ),
            _ => Ok(()),
        },
        _ if example.expect_found.is_some() => Err(Failure {
            message: "`expect_found` needs expect = \"conflict\"".to_string(),
            help: "only findings have a found value; remove `expect_found`".to_string(),
        }),
        Expect::Ok if !findings.is_empty() => fail("it conflicts", messages(findings)),
        Expect::Ok if !matched => fail("nothing matched", unmatched()),
        Expect::NoMatch if matched || !findings.is_empty() => {
            let details = if findings.is_empty() {
                agreeing()
            } else {
                messages(findings)
            };
            fail("it matched", details)
        }
        Expect::Ok | Expect::NoMatch => Ok(()),
    }
}

fn expect_name(expect: Expect) -> &'static str {
    match expect {
        Expect::Conflict => "conflict",
        Expect::Ok => "ok",
        Expect::NoMatch => "no-match",
    }
}

fn describe_matches(matches: &[ClaimMatch]) -> String {
    let list: Vec<String> = matches
        .iter()
        .map(|m| match m.key.as_str() {
            "" => format!("`{}` (not resolved)", m.text),
            key => format!("`{}` for `{key}`", m.text),
        })
        .collect();
    format!("matched {}, with no warning or error", list.join(", "))
}

fn messages(findings: &[Finding]) -> String {
    let list: Vec<String> = findings
        .iter()
        .map(|f| format!("{}: {}", f.severity.as_str(), f.message))
        .collect();
    list.join("\n")
}

fn found_list(findings: &[Finding]) -> String {
    let list: Vec<String> = findings
        .iter()
        .map(|f| format!("`{}`", f.found.as_deref().unwrap_or("")))
        .collect();
    list.join(", ")
}

fn record(
    run: &mut TestRun,
    rules: &Rules,
    rule: &str,
    example: &Example,
    verdict: Result<(), Failure>,
) {
    match verdict {
        Ok(()) => run.passed += 1,
        Err(failure) => run
            .failures
            .push(located(rules, rule, &example.origin, failure)),
    }
}

fn located(rules: &Rules, rule: &str, origin: &Origin, failure: Failure) -> ExampleFailure {
    let (name, text) = rules
        .files
        .get(origin.file)
        .map_or(("<rules>", ""), |f| (f.name.as_str(), f.text.as_str()));
    let start = origin.span.start.min(text.len());
    let end = table_end(text, origin.span.end.clamp(start, text.len()));
    ExampleFailure {
        rule: rule.to_string(),
        message: format!("example of `{rule}`: {}", failure.message),
        source_code: NamedSource::new(name, text.to_string()),
        span: (start, end - start).into(),
        help: Some(crate::report::escape_controls(&failure.help)),
    }
}

/// End of the table whose header ends at `header_end`: toml spans an array-of-tables
/// entry by its header only, and the label should cover the example's fields too.
/// Stops before the next header, leaving out trailing blank and comment lines.
fn table_end(text: &str, header_end: usize) -> usize {
    let mut end = header_end;
    let mut offset = header_end;
    for line in text[header_end..].split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            break;
        }
        offset += line.len();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            end = offset - (line.len() - line.trim_end().len());
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
[[fact]]
key = "exports/ruritania/2024"
value = "2e9 USD"
tolerance = "10%"

[[claim]]
id = "exports"
kind = "quantity"
key = "exports/ruritania/{year}"
[claim.patterns]
en = ["in {year}, exports reached {money}"]

[[claim.example]]
text = "In 2024, exports reached US$1 billion."
lang = "en"
expect = "conflict"
expect-found = "US$1 billion"

[[claim.example]]
text = "In 2024, exports reached about US$2 billion."
lang = "en"
expect = "ok"

[[claim.example]]
text = "Exports grew."
lang = "en"
expect = "no-match"

[[claim.example]]
text = "In 2024, exports reached about US$2 billion."
lang = "en"
expect = "conflict"

[[entity]]
id = "velkan"
name = "Ardo Velkan"
misspellings = ["Ardo Velkann"]

[[entity.example]]
text = "Minister Ardo Velkann spoke."
lang = "en"
expect = "conflict"

[[entity.example]]
text = "Minister Ardo Velkan spoke."
lang = "en"
expect = "ok"

[[entity.example]]
text = "Minister Ardo Velkan spoke."
lang = "en"
expect = "no-match"
"#;

    #[test]
    fn examples_pass_and_fail_as_written() {
        let rules = Rules::from_toml("t.toml", RULES).expect("rules");
        let run = run(&rules);
        let failures: Vec<&str> = run.failures.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            failures,
            [
                "example of `exports`: expected conflict, but it agrees with the rules",
                "example of `velkan`: expected no-match, but it matched",
            ]
        );
        assert_eq!(run.summary_line(), "5 passed, 2 failed");
        let span = run.failures[0].span;
        let table = &RULES[span.offset()..span.offset() + span.len()];
        assert!(table.contains("about US$2 billion"), "{table}");
        assert!(table.contains("expect = \"conflict\""), "{table}");
    }
}
