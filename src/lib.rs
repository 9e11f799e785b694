//! factlint — a fact-consistency checker for news and editorial text.
//!
//! The pipeline flows one way:
//!
//! ```text
//! files ──corpus──▶ Document ──extract──▶ Mention ──check──▶ Finding ──report──▶ text / JSON
//!                      ▲                     ▲                  ▲
//!                  manifest,            rules (claims,      rules (facts,
//!                  front matter         patterns, cues)     events, entities)
//! ```
//!
//! - [`corpus`] discovers and reads documents (manifest `corpus.toml`, front matter,
//!   language detection) and never panics on bad input: unreadable files become
//!   per-file findings.
//! - [`Rules`] is the loaded, validated rule base (`[[fact]]`, `[[event]]`,
//!   `[[entity]]`, `[[claim]]`); errors point into the TOML with miette diagnostics.
//! - `extract` turns each document into typed mentions (values parsed into intervals),
//!   `check` compares them with the facts and with each other, pure and IO-free.
//! - [`Report`] renders findings as a human (miette) report or the stable JSON schema.
//!
//! ```
//! use factlint::{Checker, Corpus, Document, Format, Rules};
//!
//! let rules = Rules::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/rules")])?;
//! let text = "Kazakhstan: in 2024, two-way trade reached US$800 million.";
//! let corpus = Corpus::from_documents(vec![Document::new("draft.txt", "en", None, text)]);
//! let report = Checker::new(&rules).check(&corpus);
//! assert_eq!(report.summary.errors, 1);
//! assert_eq!(report.findings[0].text_in(text), "US$800 million");
//! println!("{}", report.render(Format::Json));
//! # Ok::<(), factlint::Error>(())
//! ```
//!
//! ## Snapshot-testing a report
//!
//! [`Format::Snapshot`] is stable plain text (sorted, no colours, no absolute paths),
//! made for [insta](https://insta.rs): any change in what the checker finds then shows
//! up in review like a code change.
//!
//! ```
//! use factlint::{Checker, Corpus, Document, Format, Rules};
//!
//! let rules = Rules::from_toml("exports.toml", r#"
//!     [[fact]]
//!     key = "exports/ruritania/2024"
//!     value = "2e9 USD"
//!     tolerance = "10%"
//!     source = "Ruritanian statistics office"
//!
//!     [[claim]]
//!     id = "exports"
//!     kind = "quantity"
//!     key = "exports/ruritania/{year}"
//!     message = "exports for {year} stated as {found}; the rules say {expected}"
//!     [claim.patterns]
//!     en = ["in {year}, exports reached {money}"]
//! "#)?;
//! let draft = Document::new("draft.txt", "en", None, "In 2024, exports reached US$1 billion.");
//! let report = Checker::new(&rules).check(&Corpus::from_documents(vec![draft]));
//!
//! // An inline snapshot: nothing is written to disk while it matches.
//! insta::with_settings!({ omit_expression => true }, {
//!     insta::assert_snapshot!(report.render(Format::Snapshot), @r"
//!     error[exports] draft.txt:1:26 key=exports/ruritania/2024
//!       exports for 2024 stated as US$1 billion; the rules say ≈ US$2 billion
//!       | In 2024, exports reached US$1 billion.
//!       |                          ^^^^^^^^^^^^
//!       expected: ≈ US$2 billion (source: Ruritanian statistics office)
//!       help: `US$1 billion` reads as US$500 million – US$1.5 billion, which does not overlap the accepted US$1.8 billion – US$2.2 billion; correct the figure or add its source to the fact as an `accept` value
//!
//!     1 error, 0 warnings, 0 notes in 1 document (1 claim checked)
//!     ");
//! });
//! # Ok::<(), factlint::Error>(())
//! ```

pub mod cache;
pub mod check;
pub mod config;
pub mod corpus;
mod error;
pub mod explain;
pub(crate) mod extract;
pub mod fix;
pub mod fold;
pub mod gate;
mod hash;
pub mod lang;
mod lazy_regex;
pub mod names;
pub mod reading;
pub mod report;
pub mod rules;
pub mod selftest;
pub mod value;

pub use cache::{Cache, CacheFiles};
pub use check::{Checker, Finding, Related, RunStats, Severity, Span};
pub use corpus::{Corpus, Document, Sources};
pub use error::{Error, RuleDiagnostic, RuleErrors};
pub use report::{Format, Report};
pub use rules::Rules;
