//! Regexes whose syntax is checked when the rules load and which are compiled when
//! first used: the language packs' value templates. (Claim patterns have their own
//! kind, [`crate::extract::pattern`]'s, built from syntax trees.)
//!
//! Compiling regexes is most of the time it takes to load the rules, and a focused
//! run (`check --staged`) that extracts one English document needs only the English
//! ones. A syntax error is still found at load time, by parsing the regex (cheap next
//! to compiling it), or for a regex assembled from checked parts, by parsing those
//! parts ([`LazyRegex::unchecked`]). What only compiling finds is found at load time
//! by runs that ask for it ([`LazyRegex::compile`]); a regex that fails on first use
//! matches nothing, with a warning.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use regex_syntax::hir::Hir;

/// When the regexes of the rules are compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compile {
    /// While the rules load, so that every error is reported with its location.
    Now,
    /// While the rules load, to report every error with its location, without
    /// keeping the compiled claim patterns: for runs that only validate or list the
    /// rules (`factlint rules`), where a large pack's compiled patterns would take
    /// gigabytes.
    Validate,
    /// On first use (syntax errors are still found while the rules load): for runs
    /// that extract few documents, where compiling every language's patterns would
    /// be most of the run.
    OnFirstUse,
}

/// A regex compiled on first use (it dereferences to the compiled [`Regex`]).
#[derive(Debug, Clone)]
pub(crate) struct LazyRegex {
    source: String,
    compiled: OnceLock<Result<Regex, regex::Error>>,
}

/// Matches nothing: what a regex that fails to compile on first use becomes.
static NEVER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b\B").expect("valid regex"));

impl LazyRegex {
    /// A regex of `source` with the default compiled-size limit; a syntax error is
    /// returned now, as [`Regex::new`] would return it.
    pub(crate) fn new(source: impl Into<String>) -> Result<LazyRegex, regex::Error> {
        let source = source.into();
        parse(&source)?;
        Ok(LazyRegex::unchecked(source))
    }

    /// A regex of `source` whose syntax is not checked now: for sources known to
    /// parse (the built-in language packs, which a test compiles) or whose parts
    /// were checked on their own. A syntax error shows when it is first compiled,
    /// as a compile error does.
    pub(crate) fn unchecked(source: impl Into<String>) -> LazyRegex {
        LazyRegex {
            source: source.into(),
            compiled: OnceLock::new(),
        }
    }

    /// Compiles the regex now (if not yet done): the error a compiled-size limit
    /// gives, which the syntax check cannot find.
    pub(crate) fn compile(&self) -> Result<(), regex::Error> {
        self.compiled().as_ref().map(|_| ()).map_err(Clone::clone)
    }

    fn compiled(&self) -> &Result<Regex, regex::Error> {
        self.compiled.get_or_init(|| {
            let compiled = Regex::new(&self.source);
            if let Err(err) = &compiled {
                warn_does_not_compile(err);
            }
            compiled
        })
    }
}

/// Warns that a regex of the rules failed to compile on first use.
pub(crate) fn warn_does_not_compile(err: &regex::Error) {
    let first_line = err.to_string().lines().next().unwrap_or("").to_string();
    eprintln!(
        "factlint: warning: a regex of the rules does not compile ({first_line}); \
         it matches nothing, and the run ends with an error saying where it is"
    );
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
        let caps = lazy.captures("gần 1 tỷ usd").expect("matches");
        assert_eq!(&caps["n"], "1");
    }
}
