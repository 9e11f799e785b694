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

pub mod cache;
pub mod check;
pub mod corpus;
mod error;
pub(crate) mod extract;
pub mod fold;
pub mod lang;
pub mod names;
pub mod report;
pub mod rules;
pub mod value;

pub use cache::Cache;
pub use check::{Checker, Finding, Related, RunStats, Severity, Span};
pub use corpus::{Corpus, Document, Sources};
pub use error::{Error, RuleDiagnostic, RuleErrors};
pub use report::{Format, Report};
pub use rules::Rules;
