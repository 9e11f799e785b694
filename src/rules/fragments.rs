//! Named pattern fragments: `[fragments]` in any rule file defines pieces of regex
//! (`vi_trade = "(?:kim ngạch|thương mại)"`) that every claim pattern of the pack
//! may use as `{@vi_trade}`. A fragment may use other fragments; each use expands
//! to a non-capturing group, so it quantifies and alternates as one piece.
//!
//! Problems are located: a fragment defined twice (across files), a name that is
//! not a word, a cycle (`a` uses `b` uses `a`), and a use of an undefined fragment,
//! in a pattern or in another fragment.

use std::collections::{BTreeMap, BTreeSet};

use toml::Spanned;

use super::compile::Ctx;
use super::load::At;
use super::schema::RawClaim;
use super::{Origin, RuleFile};
use crate::error::RuleDiagnostic;

/// Marks the start of a fragment use in a pattern: `{@name}`.
const OPEN: &str = "{@";

/// A regex that matches nothing: what an undefined fragment expands to.
const NOTHING: &str = r"[^\s\S]";

/// One definition as written: its file and the span of its text.
struct Definition {
    origin: Origin,
    text: String,
}

/// The fragments of a rule pack, each expanded (fragment uses inside resolved).
#[derive(Default)]
pub(super) struct Fragments {
    /// Every fragment defined, expanded or not (for the help of an undefined one).
    defined: Vec<String>,
    expanded: BTreeMap<String, String>,
    /// Fragments that did not expand (reported where they are defined).
    failed: BTreeSet<String>,
}

impl Fragments {
    /// Collects the `[fragments]` tables of every file (`(file index, table)`) and
    /// expands them; problems go to `diagnostics`.
    pub(super) fn collect(
        tables: Vec<(usize, BTreeMap<String, Spanned<String>>)>,
        files: &[RuleFile],
        diagnostics: &mut Vec<RuleDiagnostic>,
    ) -> Fragments {
        let definitions = definitions(tables, files, diagnostics);
        let mut fragments = Fragments {
            defined: definitions.keys().cloned().collect(),
            ..Fragments::default()
        };
        let mut failed = Vec::new();
        for name in definitions.keys() {
            let mut trail = Vec::new();
            if let Err(problem) = fragments.resolve(name, &definitions, &mut trail) {
                failed.push((name.clone(), problem));
            }
        }
        for (name, problem) in failed {
            let Some(definition) = definitions.get(&name) else {
                continue;
            };
            let mut ctx = Ctx::new(files, diagnostics, definition.origin.file);
            let span = definition.origin.span.clone();
            match problem {
                Problem::Cycle(trail) => ctx.error(
                    span,
                    format!("fragment `{name}` uses itself ({})", trail.join(" → ")),
                    "in this fragment",
                    Some("a fragment may use other fragments, but not in a cycle".into()),
                ),
                Problem::Unknown(unknown) => ctx.error(
                    span,
                    format!("fragment `{name}` uses `{{@{unknown}}}`, which is not defined"),
                    "in this fragment",
                    Some(fragments.known_help()),
                ),
                // Reported at the fragment where it arises.
                Problem::Inherited => {}
            }
            fragments.failed.insert(name);
        }
        fragments
    }

    /// Expands the fragment uses of `pattern` in place. An undefined one is
    /// reported at the pattern and expands to what matches nothing, so the rest of
    /// the claim is still checked without follow-on errors.
    fn expand_pattern(&self, ctx: &mut Ctx, pattern: &mut Spanned<String>) {
        if !pattern.get_ref().contains(OPEN) {
            return;
        }
        let mut unknown = Vec::new();
        let expanded = substitute(pattern.get_ref(), |name| {
            Some(self.expanded.get(name).cloned().unwrap_or_else(|| {
                if !self.failed.contains(name) {
                    unknown.push(name.to_string());
                }
                NOTHING.to_string()
            }))
        });
        if let Ok(text) = expanded {
            *pattern = Spanned::new(pattern.span(), text);
        }
        for name in unknown {
            ctx.error(
                pattern.span(),
                format!("no fragment `{{@{name}}}`"),
                "used here",
                Some(self.known_help()),
            );
        }
    }

    /// Expands the fragment uses in every pattern of `claims` (`(file index, claim)`).
    pub(super) fn expand_claims(
        &self,
        claims: &mut [(usize, At<RawClaim>)],
        files: &[RuleFile],
        diagnostics: &mut Vec<RuleDiagnostic>,
    ) {
        for (file, claim) in claims {
            let mut ctx = Ctx::new(files, diagnostics, *file);
            for sources in claim.value.patterns.values_mut() {
                for source in sources.iter_mut() {
                    self.expand_pattern(&mut ctx, source);
                }
            }
        }
    }

    /// Expands `name` (and the fragments it uses) into `self.expanded`.
    fn resolve(
        &mut self,
        name: &str,
        definitions: &BTreeMap<String, Definition>,
        trail: &mut Vec<String>,
    ) -> Result<String, Problem> {
        if let Some(done) = self.expanded.get(name) {
            return Ok(done.clone());
        }
        if let Some(at) = trail.iter().position(|n| n == name) {
            let mut cycle = trail[at..].to_vec();
            cycle.push(name.to_string());
            return Err(if at == 0 {
                Problem::Cycle(cycle)
            } else {
                Problem::Inherited
            });
        }
        let definition = definitions
            .get(name)
            .ok_or_else(|| Problem::Unknown(name.to_string()))?;
        trail.push(name.to_string());
        let mut failure = None;
        let expanded = substitute(&definition.text, |used| {
            match self.resolve(used, definitions, trail) {
                Ok(text) => Some(text),
                Err(problem) => {
                    // An undefined fragment used by a fragment this one uses is
                    // reported there.
                    failure.get_or_insert(match problem {
                        Problem::Unknown(missing) if missing != used => Problem::Inherited,
                        other => other,
                    });
                    None
                }
            }
        });
        trail.pop();
        match expanded {
            Ok(text) => {
                self.expanded.insert(name.to_string(), text.clone());
                Ok(text)
            }
            Err(_) => Err(failure.unwrap_or(Problem::Inherited)),
        }
    }

    /// The help of an undefined fragment: the defined ones, or how to define one.
    fn known_help(&self) -> String {
        if self.defined.is_empty() {
            return "define it in a `[fragments]` table of a rule file: \
                    `name = \"(?:regex)\"`, used as `{@name}`"
                .to_string();
        }
        format!("defined fragments: {}", self.defined.join(", "))
    }
}

/// The definitions of `tables`, by name; a name that is not a word or is defined
/// again is reported (the first definition stands).
fn definitions(
    tables: Vec<(usize, BTreeMap<String, Spanned<String>>)>,
    files: &[RuleFile],
    diagnostics: &mut Vec<RuleDiagnostic>,
) -> BTreeMap<String, Definition> {
    let mut definitions: BTreeMap<String, Definition> = BTreeMap::new();
    for (file, table) in tables {
        let mut ctx = Ctx::new(files, diagnostics, file);
        for (name, text) in table {
            let span = text.span();
            if !is_name(&name) {
                ctx.error(
                    span,
                    format!("fragment name `{name}` is not a word"),
                    "defined here",
                    Some("name fragments with letters, digits, `_` and `-` (`vi_trade`)".into()),
                );
                continue;
            }
            if let Some(first) = definitions.get(&name) {
                let help = format!(
                    "first defined at {}; give each fragment a distinct name",
                    ctx.location(&first.origin)
                );
                ctx.error(
                    span,
                    format!("duplicate fragment `{name}`"),
                    "defined again here",
                    Some(help),
                );
                continue;
            }
            let origin = ctx.origin(span);
            let text = text.into_inner();
            definitions.insert(name, Definition { origin, text });
        }
    }
    definitions
}

/// Why a fragment did not expand.
enum Problem {
    /// The cycle, from this fragment back to it.
    Cycle(Vec<String>),
    /// A use of a fragment not defined anywhere.
    Unknown(String),
    /// A fragment it uses has a problem of its own, reported there.
    Inherited,
}

/// `text` with each `{@name}` replaced by `(?:lookup(name))`; the first name that
/// `lookup` does not know is the error.
fn substitute(
    text: &str,
    mut lookup: impl FnMut(&str) -> Option<String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        let after = &rest[open + OPEN.len()..];
        let Some(close) = after.find('}').filter(|&c| is_name(&after[..c])) else {
            out.push_str(&rest[..open + OPEN.len()]);
            rest = after;
            continue;
        };
        let name = &after[..close];
        let expanded = lookup(name).ok_or_else(|| name.to_string())?;
        out.push_str(&rest[..open]);
        out.push_str("(?:");
        out.push_str(&expanded);
        out.push(')');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Whether `name` can name a fragment: letters, digits, `_` and `-`, not empty.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_names_and_leaves_other_braces() {
        let lookup = |name: &str| (name == "t").then(|| "trade|exchange".to_string());
        assert_eq!(
            substitute("{@t} {money} .{0,20}{@t}", lookup),
            Ok("(?:trade|exchange) {money} .{0,20}(?:trade|exchange)".to_string())
        );
        assert_eq!(substitute("{@ t} {@}", lookup), Ok("{@ t} {@}".to_string()));
        assert_eq!(substitute("a {@u} b", lookup), Err("u".to_string()));
    }
}
