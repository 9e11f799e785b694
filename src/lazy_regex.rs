//! Regexes whose syntax is checked when the rules load and which are compiled when
//! first used.
//!
//! Compiling the claim patterns and the language packs' value templates is most of
//! the time it takes to load the rules, and a focused run (`check --staged`) that
//! extracts one English document needs only the English ones. A syntax error is
//! still found at load time, by parsing the regex (cheap next to compiling it), or
//! for a regex assembled from checked parts, by parsing those parts
//! ([`LazyRegex::unchecked`]).
//! What only compiling finds — a regex too large once compiled — is found at load
//! time by runs that ask for it ([`LazyRegex::compile`]); a regex that fails on
//! first use matches nothing, with a warning, and [`LazyRegex::failed`] tells the
//! run to end with a located error.

use std::sync::{LazyLock, OnceLock};

use regex::{Regex, RegexBuilder};
use regex_syntax::hir::Hir;

/// When the regexes of the rules are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compile {
    /// While the rules load, so that every error is reported with its location.
    Now,
    /// On first use (syntax errors are still found while the rules load): for runs
    /// that extract few documents, where compiling every language's patterns would
    /// be most of the run.
    OnFirstUse,
}

/// A regex compiled on first use (it dereferences to the compiled [`Regex`]).
#[derive(Debug, Clone)]
pub(crate) struct LazyRegex {
    source: String,
    size_limit: Option<usize>,
    compiled: OnceLock<Result<Regex, regex::Error>>,
}

/// Matches nothing: what a regex that fails to compile on first use becomes.
static NEVER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\B").expect("valid regex"));

impl LazyRegex {
    /// A regex of `source` with the default compiled-size limit; a syntax error is
    /// returned now, as [`Regex::new`] would return it.
    pub(crate) fn new(source: impl Into<String>) -> Result<LazyRegex, regex::Error> {
        Self::build(source.into(), None).map(|(regex, _)| regex)
    }

    /// Like [`LazyRegex::new`], with a limit on the compiled size (bytes), also
    /// returning the syntax tree the syntax check parsed, for callers that read it
    /// (the prefilter's literals): parsing a large pattern again costs about as much
    /// as compiling it.
    pub(crate) fn parsed_with_size_limit(
        source: impl Into<String>,
        limit: usize,
    ) -> Result<(LazyRegex, Hir), regex::Error> {
        Self::build(source.into(), Some(limit))
    }

    fn build(source: String, size_limit: Option<usize>) -> Result<(LazyRegex, Hir), regex::Error> {
        let hir = parse(&source)?;
        Ok((LazyRegex::unchecked(source, size_limit), hir))
    }

    /// A regex of `source` whose syntax is not checked now: for sources known to
    /// parse (the built-in language packs, which a test compiles) or whose parts
    /// were checked on their own. A syntax error shows when it is first compiled,
    /// as a compile error does.
    pub(crate) fn unchecked(source: impl Into<String>, size_limit: Option<usize>) -> LazyRegex {
        LazyRegex {
            source: source.into(),
            size_limit,
            compiled: OnceLock::new(),
        }
    }

    /// The regex's source.
    pub(crate) fn as_str(&self) -> &str {
        &self.source
    }

    /// Compiles the regex now (if not yet done): the error a compiled-size limit
    /// gives, which the syntax check cannot find.
    pub(crate) fn compile(&self) -> Result<(), regex::Error> {
        self.compiled().as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Whether the regex was compiled (or failed to) already.
    pub(crate) fn is_compiled(&self) -> bool {
        self.compiled.get().is_some()
    }

    /// The error of an earlier compile that failed; `None` when the regex compiled or
    /// was never compiled (this does not compile it).
    pub(crate) fn failed(&self) -> Option<&regex::Error> {
        self.compiled
            .get()
            .and_then(|compiled| compiled.as_ref().err())
    }

    fn compiled(&self) -> &Result<Regex, regex::Error> {
        self.compiled.get_or_init(|| {
            let mut builder = RegexBuilder::new(&self.source);
            if let Some(limit) = self.size_limit {
                builder.size_limit(limit);
            }
            let compiled = builder.build();
            if let Err(err) = &compiled {
                let first_line = err.to_string().lines().next().unwrap_or("").to_string();
                eprintln!(
                    "factlint: warning: a regex of the rules does not compile ({first_line}); \
                     it matches nothing, and the run ends with an error saying where it is"
                );
            }
            compiled
        })
    }
}

/// The syntax tree of `source`, or its syntax error as [`Regex::new`] gives it.
pub(crate) fn parse(source: &str) -> Result<Hir, regex::Error> {
    // The parser's defaults are the regex crate's (Unicode, nesting limit 250).
    regex_syntax::Parser::new()
        .parse(source)
        .map_err(|err| regex::Error::Syntax(err.to_string()))
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.compiled().as_ref().unwrap_or(&NEVER)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Syntax errors come at once, with the regex crate's message; the compiled
    /// regex matches like one built directly.
    #[test]
    fn syntax_is_checked_up_front_and_matching_is_unchanged() {
        for bad in ["(a", "a{2,1}", r"\p{Nope}", "(?<x>a)(?<x>b)"] {
            let lazy = LazyRegex::new(bad).expect_err(bad).to_string();
            assert_eq!(lazy, Regex::new(bad).expect_err(bad).to_string(), "{bad}");
        }
        let lazy = LazyRegex::new(r"(?P<n>\d+) tỷ").expect("valid");
        assert_eq!(lazy.as_str(), r"(?P<n>\d+) tỷ");
        let caps = lazy.captures("gần 1 tỷ usd").expect("matches");
        assert_eq!(&caps["n"], "1");
    }

    /// A regex over its compiled-size limit passes the syntax check, then reports
    /// the limit when compiled, and matches nothing if used anyway.
    #[test]
    fn size_limit_is_found_when_compiled() {
        let (lazy, _) =
            LazyRegex::parsed_with_size_limit("(?:a{1000}){1000}", 1 << 20).expect("syntax ok");
        assert!(matches!(
            lazy.compile(),
            Err(regex::Error::CompiledTooBig(limit)) if limit == 1 << 20
        ));
        assert!(!lazy.is_match(&"a".repeat(1_000_000)));
        assert!(matches!(
            lazy.failed(),
            Some(regex::Error::CompiledTooBig(_))
        ));
        let fine = LazyRegex::new("a+").expect("valid");
        assert!(fine.failed().is_none());
        assert!(fine.is_match("aa"));
        assert!(fine.failed().is_none());
    }
}
