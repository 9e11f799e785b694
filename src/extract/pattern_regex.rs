//! A claim pattern's regex, compiled on first use from syntax trees parsed once.
//!
//! A pattern's regex is mostly its placeholders' value fragments (a money fragment is
//! hundreds of characters), and every claim of a pack repeats them. Parsing is about
//! half of what compiling a regex from its text costs, so a pattern keeps the syntax
//! tree of its own text (parsed when the rules load, with an empty group where each
//! placeholder stands) and, when first used, fills each group with its fragment's tree
//! (parsed once per language pack) and compiles the result. The tree is the one the
//! whole text would parse to (a test checks this on every pack the tests ship).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use regex_automata::Input;
use regex_automata::meta;
use regex_automata::util::captures::Captures;
use regex_syntax::hir::{self, Hir, HirKind};

use super::folded_classes::{narrowed_class, narrowed_to_folded};

/// How a pattern's regex is built when first used.
#[derive(Debug, Clone)]
enum Recipe {
    /// From its text (a pattern that sets flags, which change how its fragments
    /// read, or whose fragments did not parse on their own).
    Text,
    /// From the tree of its own text, each named group in `fills` filled with the
    /// alternation of its trees.
    Filled {
        own: Hir,
        fills: Vec<(String, Vec<Arc<Hir>>)>,
    },
}

/// A claim pattern's regex, compiled on first use (see the module doc).
#[derive(Debug, Clone)]
pub(crate) struct PatternRegex {
    source: String,
    recipe: Recipe,
    size_limit: usize,
    compiled: OnceLock<Result<meta::Regex, regex::Error>>,
}

/// One match of a pattern: its span and its named groups, over `text`.
pub(crate) struct PatternCaptures<'t> {
    text: &'t str,
    caps: Captures,
}

/// One group of a [`PatternCaptures`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl PatternRegex {
    /// A regex of `source`, whose syntax was checked, built from its text.
    pub(crate) fn from_text(source: String, size_limit: usize) -> PatternRegex {
        PatternRegex {
            source,
            recipe: Recipe::Text,
            size_limit,
            compiled: OnceLock::new(),
        }
    }

    /// A regex of `source`, built from `own` (the tree of `source` with the named
    /// groups of `fills` empty), each of those groups filled with the alternation of
    /// its trees (whose classes are narrowed to folded text already).
    pub(crate) fn filled(
        source: String,
        own: Hir,
        fills: Vec<(String, Vec<Arc<Hir>>)>,
        size_limit: usize,
    ) -> PatternRegex {
        PatternRegex {
            source,
            recipe: Recipe::Filled { own, fills },
            size_limit,
            compiled: OnceLock::new(),
        }
    }

    /// The regex's text.
    pub(crate) fn as_str(&self) -> &str {
        &self.source
    }

    /// Compiles the regex now (if not yet done): the error a compiled-size limit
    /// gives, which the syntax check cannot find.
    pub(crate) fn compile(&self) -> Result<(), regex::Error> {
        self.compiled().as_ref().map(|_| ()).map_err(Clone::clone)
    }

    /// Compiles the regex to find the error a compiled-size limit gives, without
    /// keeping it (it is compiled again on first use).
    pub(crate) fn compiles(&self) -> Result<(), regex::Error> {
        match self.compiled.get() {
            Some(compiled) => compiled.as_ref().map(|_| ()).map_err(Clone::clone),
            None => self.build().map(drop),
        }
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

    /// The first match starting at or after byte `from` of `text` (which is searched
    /// whole, so `\b` and `^` see what stands before `from`); none if the regex
    /// failed to compile.
    pub(crate) fn captures_at<'t>(
        &self,
        text: &'t str,
        from: usize,
    ) -> Option<PatternCaptures<'t>> {
        let regex = self.compiled().as_ref().ok()?;
        let mut caps = regex.create_captures();
        regex.search_captures(&Input::new(text).range(from..), &mut caps);
        caps.is_match().then_some(PatternCaptures { text, caps })
    }

    /// Whether the regex matches anywhere in `text`.
    #[cfg(test)]
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.captures_at(text, 0).is_some()
    }

    /// The syntax tree the regex is compiled from: its text's, with the classes
    /// narrowed to the characters folded text holds (see [`super::folded_classes`]).
    pub(crate) fn tree(&self) -> Result<Hir, regex::Error> {
        match &self.recipe {
            Recipe::Text => {
                crate::lazy_regex::parse(&self.source).map(|tree| narrowed_to_folded(&tree))
            }
            Recipe::Filled { own, fills } => Ok(fill(own, fills)),
        }
    }

    fn compiled(&self) -> &Result<meta::Regex, regex::Error> {
        self.compiled.get_or_init(|| {
            let compiled = self.build();
            if let Err(err) = &compiled {
                crate::lazy_regex::warn_does_not_compile(err);
            }
            compiled
        })
    }

    fn build(&self) -> Result<meta::Regex, regex::Error> {
        // As the regex crate configures its `Regex` (leftmost-first, an empty match
        // never splits a character, its size limits).
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(self.size_limit))
            .hybrid_cache_capacity(2 * (1 << 20));
        let tree = self.tree()?;
        // Every test run over a pack checks that the filled tree is the tree of the
        // whole text.
        debug_assert!(
            crate::lazy_regex::parse(&self.source)
                .is_ok_and(|whole| narrowed_to_folded(&whole) == tree),
            "the filled tree differs from the parsed one: {}",
            self.source
        );
        meta::Builder::new()
            .configure(config)
            .build_from_hir(&tree)
            .map_err(|err| match err.size_limit() {
                Some(limit) => regex::Error::CompiledTooBig(limit),
                None => regex::Error::Syntax(err.to_string()),
            })
    }
}

/// `own` with the named groups of `fills` filled and its own classes narrowed to
/// folded text (the trees of `fills` are narrowed already).
fn fill(own: &Hir, fills: &[(String, Vec<Arc<Hir>>)]) -> Hir {
    rebuild(own, &|node| {
        let cap = match node.kind() {
            HirKind::Capture(cap) => cap,
            HirKind::Class(_) => return narrowed_class(node),
            _ => return None,
        };
        let (_, trees) = fills
            .iter()
            .find(|(group, _)| cap.name.as_deref() == Some(group.as_str()))?;
        Some(Hir::capture(hir::Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(Hir::alternation(
                trees.iter().map(|tree| Hir::clone(tree)).collect(),
            )),
        }))
    })
}

/// `tree` with each node for which `replace` gives a tree replaced by it (and not
/// looked into); the nodes above a replaced one are built again, the others cloned.
pub(super) fn rebuild(tree: &Hir, replace: &impl Fn(&Hir) -> Option<Hir>) -> Hir {
    replaced_in(tree, replace).unwrap_or_else(|| tree.clone())
}

/// [`rebuild`]'s tree, or `None` when no node in `tree` is replaced.
fn replaced_in(tree: &Hir, replace: &impl Fn(&Hir) -> Option<Hir>) -> Option<Hir> {
    if let Some(replaced) = replace(tree) {
        return Some(replaced);
    }
    // The subtrees, rebuilt where one of them changed; `None` when none did.
    let rebuilt = |subs: &[Hir]| {
        let changed: Vec<Option<Hir>> = subs.iter().map(|sub| replaced_in(sub, replace)).collect();
        changed.iter().any(Option::is_some).then(|| {
            changed
                .into_iter()
                .zip(subs)
                .map(|(changed, sub)| changed.unwrap_or_else(|| sub.clone()))
                .collect()
        })
    };
    match tree.kind() {
        HirKind::Capture(cap) => Some(Hir::capture(hir::Capture {
            index: cap.index,
            name: cap.name.clone(),
            sub: Box::new(replaced_in(&cap.sub, replace)?),
        })),
        HirKind::Concat(subs) => rebuilt(subs).map(Hir::concat),
        HirKind::Alternation(subs) => rebuilt(subs).map(Hir::alternation),
        HirKind::Repetition(rep) => Some(Hir::repetition(hir::Repetition {
            min: rep.min,
            max: rep.max,
            greedy: rep.greedy,
            sub: Box::new(replaced_in(&rep.sub, replace)?),
        })),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => None,
    }
}

impl<'t> PatternCaptures<'t> {
    /// The whole match's byte range.
    pub(crate) fn whole(&self) -> Range<usize> {
        self.caps.get_match().map_or(0..0, |m| m.range())
    }

    /// The group named `name`, if it took part in the match.
    pub(crate) fn name(&self, name: &str) -> Option<Group<'t>> {
        let span = self.caps.get_group_by_name(name)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

impl<'t> Group<'t> {
    /// The group's byte range.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Where the group starts.
    pub(crate) fn start(&self) -> usize {
        self.start
    }

    /// Where the group ends.
    pub(crate) fn end(&self) -> usize {
        self.end
    }

    /// The group's text.
    pub(crate) fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::narrowed_to_folded;
    use crate::extract::pattern::{Compile, compile};

    /// A filled tree is the tree of the whole text, for placeholders alone, in
    /// alternations and repetitions, `{period}` (two fragments) and a pattern that
    /// sets flags, in every built-in language; the regex matches as one compiled from
    /// its text does.
    #[test]
    fn filled_trees_are_the_parsed_ones() {
        let sources = [
            "{money}",
            "in {year}, (?:two-way |bilateral )?trade (?:reached|hit) {money}",
            "(?:up|down) {percent}(?: from {year:base})?",
            "(?:{count} visits ){1,2}in {period}",
            "(?i)kim ngạch {money}",
            "{date}.{0,40}?signed",
        ];
        for code in crate::lang::builtin_codes() {
            let pack = crate::lang::pack(code).expect("pack");
            for source in sources {
                let pattern = compile(source, pack, Compile::OnFirstUse).expect(source);
                let whole = crate::lazy_regex::parse(pattern.regex.as_str()).expect("parses");
                let whole = narrowed_to_folded(&whole);
                assert_eq!(
                    pattern.regex.tree().expect("tree"),
                    whole,
                    "{code}: {source}"
                );
            }
        }
        let en = crate::lang::pack("en").expect("en");
        let pattern =
            compile("in {year}, trade reached {money}", en, Compile::OnFirstUse).expect("compiles");
        let text = "so in 2024, trade reached us$800 million. in 2023, trade reached $1 billion";
        let by_text = regex::Regex::new(pattern.regex.as_str()).expect("compiles");
        let mut from = 0;
        let mut seen = Vec::new();
        while let Some(caps) = pattern.regex.captures_at(text, from) {
            let expected = by_text.captures_at(text, from).expect("same match");
            assert_eq!(caps.whole(), expected.get(0).expect("whole").range());
            for group in ["s0", "s1"] {
                let ours = caps.name(group).expect("group");
                assert_eq!(
                    Some(ours.as_str()),
                    expected.name(group).map(|m| m.as_str())
                );
            }
            seen.push(caps.name("s1").expect("money").as_str());
            from = caps.whole().end;
        }
        assert_eq!(seen, ["us$800 million", "$1 billion"]);
    }
}
