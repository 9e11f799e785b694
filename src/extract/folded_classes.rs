//! Character classes narrowed to the characters folded text can hold.
//!
//! Claim patterns match folded text ([`crate::fold`]), which holds no whitespace but
//! a space and a line feed, no decimal digit but `0`–`9`, no combining mark and none
//! of the invisible characters folding drops. A Unicode class such as `\d` (some 70
//! ranges, each compiled to its own UTF-8 automaton, in every place a pattern's
//! fragments use it) therefore matches folded text exactly as its ASCII part does.
//! Compiling that part instead keeps a pattern's automata smaller and quicker to
//! build, and finds the same matches.

use std::sync::LazyLock;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

use crate::fold::{INVISIBLE, unicode_class};

/// `tree` with each class [`narrowed`] where that is narrower.
pub(crate) fn narrowed_to_folded(tree: &Hir) -> Hir {
    super::pattern_regex::rebuild(tree, &narrowed_class)
}

/// `node`, a class, [`narrowed`]; `None` when it is no class or would not narrow.
pub(crate) fn narrowed_class(node: &Hir) -> Option<Hir> {
    match node.kind() {
        HirKind::Class(Class::Unicode(class)) => Some(Hir::class(Class::Unicode(narrowed(class)?))),
        _ => None,
    }
}

/// `class` without the characters folded text never holds, when that takes fewer
/// ranges to write (`\d` → `[0-9]`, `\s` → `[\n ]`); `None` when it would not.
pub(crate) fn narrowed(class: &ClassUnicode) -> Option<ClassUnicode> {
    let mut narrowed = class.clone();
    narrowed.difference(&NEVER_FOLDED);
    // A new class of its own ranges: the difference leaves spare capacity.
    (narrowed.ranges().len() < class.ranges().len())
        .then(|| ClassUnicode::new(narrowed.ranges().iter().copied()))
}

/// The characters folding never writes, of those the classes patterns use hold.
static NEVER_FOLDED: LazyLock<ClassUnicode> = LazyLock::new(|| {
    let mut never = unicode_class(r"[\s\d\p{M}]");
    never.union(&ClassUnicode::new(
        INVISIBLE.map(|ch| ClassUnicodeRange::new(ch, ch)),
    ));
    never.difference(&unicode_class(r"[ \n0-9]"));
    never
});

#[cfg(test)]
mod tests {
    use super::*;

    fn class(source: &str) -> ClassUnicode {
        let class = unicode_class(source);
        assert!(!class.ranges().is_empty(), "{source} is a class");
        class
    }

    #[test]
    fn digits_and_whitespace_narrow_to_ascii() {
        assert_eq!(narrowed(&class(r"\d")), Some(class("[0-9]")));
        assert_eq!(narrowed(&class(r"\s")), Some(class("[ \n]")));
        // `\w` loses its marks and digits of other scripts in fewer ranges.
        let word = narrowed(&class(r"\w")).expect("narrower");
        assert!(word.ranges().len() < class(r"\w").ranges().len());
        assert!(
            !word
                .ranges()
                .iter()
                .any(|r| r.start() <= '\u{0301}' && '\u{0301}' <= r.end())
        );
    }

    #[test]
    fn classes_that_would_split_are_kept() {
        // Taking the never-folded characters out of a negated class splits its
        // ranges: it stays as written.
        assert_eq!(narrowed(&class(r"[^.;!?\n]")), None);
        assert_eq!(narrowed(&class("[a-z]")), None);
    }

    /// Every character folding can write, from every character there is: none is in
    /// [`NEVER_FOLDED`], so a narrowed class matches folded text as the class does.
    #[test]
    fn folding_never_writes_a_never_folded_character() {
        let never = &*NEVER_FOLDED;
        let is_never = |ch: char| {
            let at = never.ranges().partition_point(|r| r.end() < ch);
            never.ranges().get(at).is_some_and(|r| r.start() <= ch)
        };
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{ch}b");
            if let Some(written) = crate::fold::fold_str(&text).chars().find(|&c| is_never(c)) {
                panic!(
                    "folding U+{:04X} writes U+{:04X}",
                    u32::from(ch),
                    u32::from(written)
                );
            }
        }
    }
}
