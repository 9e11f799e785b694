//! Word boundaries at a pattern's ends: `in {year}` must not match inside "within",
//! nor `(?:refinanzierungssatz|leitzins)` inside "Hauptrefinanzierungssatz".
//!
//! The start gets `\b` when every match begins with a word character, read from the
//! pattern's syntax tree: a literal letter or digit, a class of word characters only
//! (`[a-z]`, `\d`, `\w`), or a group whose every alternative does. A placeholder's
//! group (named, empty when this is decided) never counts: its value's neighbours
//! are checked when the value is read. The end gets `\b` when the pattern's text
//! ends with a literal letter or digit; a group of stems at the end
//! (`(?:erklärt|ausgerufen)`) still reads "erklärte".

use regex_syntax::hir::{Class, Hir, HirKind};
use std::sync::LazyLock;

/// Which sides of the pattern `src`, whose tree is `hir`, need a word boundary:
/// (start, end).
pub(crate) fn word_edges(src: &str, hir: &Hir) -> (bool, bool) {
    let matches_text = hir.properties().minimum_len().is_some_and(|len| len > 0);
    (
        matches_text && starts_with_a_word(hir),
        ends_with_a_literal_word(src),
    )
}

/// Whether `src` ends with a literal letter or digit (not an escape such as `\s`),
/// or with the group an umlaut is folded to (`(?:oe?)`, see the pattern's
/// literals), which stands for its letter.
fn ends_with_a_literal_word(src: &str) -> bool {
    let umlaut_group = |group: &str| {
        let mut chars = group.chars();
        group.len() == 7
            && group.starts_with("(?:")
            && group.ends_with("e?)")
            && chars.nth(3).is_some_and(|c| c.is_ascii_alphabetic())
    };
    let mut last_two = src.chars().rev();
    let last = last_two.next();
    let escaped = last_two.next() == Some('\\');
    (last.is_some_and(char::is_alphanumeric) && !escaped)
        || src
            .len()
            .checked_sub(7)
            .and_then(|at| src.get(at..))
            .is_some_and(umlaut_group)
}

/// `src` with `\b` on the sides `edges` names; the whole is grouped so that a
/// top-level alternation gets the boundary on every alternative.
pub(crate) fn with_boundaries(src: &str, (start, end): (bool, bool)) -> String {
    if !start && !end {
        return src.to_string();
    }
    format!(
        "{}(?:{src}){}",
        if start { r"\b" } else { "" },
        if end { r"\b" } else { "" }
    )
}

/// Whether every non-empty match of `hir` begins with a word character.
fn starts_with_a_word(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => String::from_utf8_lossy(&literal.0)
            .chars()
            .next()
            .is_some_and(regex_syntax::is_word_character),
        HirKind::Class(class) => is_word_class(class),
        HirKind::Repetition(repetition) => starts_with_a_word(&repetition.sub),
        HirKind::Capture(capture) => capture.name.is_none() && starts_with_a_word(&capture.sub),
        HirKind::Alternation(alternatives) => alternatives.iter().all(starts_with_a_word),
        // The first part that cannot be empty decides; parts before it that can be
        // empty must agree when they are not.
        HirKind::Concat(parts) => {
            for part in parts {
                if !starts_with_a_word(part) {
                    return false;
                }
                if part.properties().minimum_len().is_some_and(|len| len > 0) {
                    return true;
                }
            }
            true
        }
    }
}

/// Whether a class holds word characters only (what `\b` calls a word).
fn is_word_class(class: &Class) -> bool {
    static WORD: LazyLock<Option<Class>> =
        LazyLock::new(|| match crate::lazy_regex::parse(r"\w").ok()?.into_kind() {
            HirKind::Class(class) => Some(class),
            _ => None,
        });
    let Some(Class::Unicode(word)) = WORD.as_ref() else {
        return false;
    };
    match class {
        Class::Unicode(class) => {
            let mut outside = class.clone();
            outside.difference(word);
            !class.ranges().is_empty() && outside.ranges().is_empty()
        }
        Class::Bytes(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(src: &str) -> (bool, bool) {
        word_edges(src, &crate::lazy_regex::parse(src).expect("parses"))
    }

    #[test]
    fn letters_and_digits_at_the_ends_are_words() {
        assert_eq!(edges("in "), (true, false));
        assert_eq!(edges(" trade"), (false, true));
        assert_eq!(edges(r"\d+ năm"), (true, true));
        assert_eq!(edges("[a-z]+ of"), (true, true));
    }

    #[test]
    fn a_group_at_the_start_counts_when_every_alternative_does() {
        assert_eq!(edges("(?:refinanzierungssatz|leitzins) bei"), (true, true));
        assert_eq!(edges("(?:^|[.!?] )on"), (false, true));
        assert_eq!(edges("(?:the |a )?bank"), (true, true));
        assert_eq!(edges("(?:the )?(?P<s0>) trade"), (false, true));
    }

    #[test]
    fn placeholders_and_non_word_ends_get_none() {
        assert_eq!(edges("(?P<s0>) trade"), (false, true));
        assert_eq!(edges("in (?P<s0>)"), (true, false));
        assert_eq!(edges(r"rose[^.]{0,40}"), (true, false));
        assert_eq!(edges(r"up\s"), (true, false));
        assert_eq!(edges(r"up\d"), (true, false));
        assert_eq!(edges("(?:foo)?"), (false, false));
    }

    #[test]
    fn a_group_of_stems_at_the_end_reads_longer_words() {
        // "zur Pandemie erklärte": the stems' group gets no boundary.
        assert_eq!(edges("pandemie (?:erklärt|ausgerufen)"), (true, false));
        assert_eq!(edges("export(?:s)?"), (true, false));
        // The umlaut groups of folded literals: "(?:oe?)" stands for its letter.
        assert_eq!(edges("k(?:oe?)"), (true, true));
    }

    #[test]
    fn boundaries_wrap_the_whole_pattern() {
        assert_eq!(with_boundaries("a|b", (true, true)), r"\b(?:a|b)\b");
        assert_eq!(with_boundaries("a ", (true, false)), r"\b(?:a )");
        assert_eq!(with_boundaries("x", (false, false)), "x");
    }
}
