//! Small shared helpers: whole-word tests on folded text and folded → original
//! range mapping (and the fast hasher of the lookup tables, from `crate::hash`).

use crate::fold::Folded;
pub(crate) use crate::hash::{FxMap, FxSet};
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// A character that makes a word continue (letters and digits of any script).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `text[start..end]` is a whole word: no letter/digit directly before or after.
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before_ok = text
        .get(..start)
        .and_then(|t| t.chars().next_back())
        .is_none_or(|c| !is_word_char(c));
    let after_ok = text
        .get(end..)
        .and_then(|t| t.chars().next())
        .is_none_or(|c| !is_word_char(c));
    before_ok && after_ok && text.get(start..end).is_some()
}

/// Maps a folded range to the original range it came from, extended over combining
/// marks that follow it (NFD text: "To\u{302}" folds to "to" but the mark belongs to
/// the name). `None` when the range is empty or does not fit `original`.
pub(crate) fn original_range(
    original: &str,
    folded: &Folded,
    range: Range<usize>,
) -> Option<Range<usize>> {
    if range.start >= range.end || range.end > folded.text.len() {
        return None;
    }
    let mapped = folded.to_original(range);
    if mapped.start >= mapped.end
        || mapped.end > original.len()
        || !original.is_char_boundary(mapped.start)
        || !original.is_char_boundary(mapped.end)
    {
        return None;
    }
    let mut end = mapped.end;
    for c in original.get(end..).unwrap_or("").chars() {
        if is_combining_mark(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    Some(mapped.start..end)
}

/// The edit distance a word of `chars` chars may be from a vocabulary word: as
/// [`threshold`], but 1 for a word of three letters ("May" for "Mai", "Seuk" for
/// "Suk"). A near word that short counts only inside a longer name whose other
/// words are exact (see `near_miss`).
#[inline]
pub(crate) fn token_threshold(chars: usize) -> usize {
    if chars == SHORT_WORD {
        1
    } else {
        threshold(chars)
    }
}

/// Length in chars of the shortest word that has near words, and only inside a name.
pub(crate) const SHORT_WORD: usize = 3;

/// Edit-distance thresholds by length (in chars): none below 4, 1 up to 6, 2 up to 12,
/// 3 above.
#[inline]
pub(crate) fn threshold(chars: usize) -> usize {
    match chars {
        0..=3 => 0,
        4..=6 => 1,
        7..=12 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    #[test]
    fn whole_word_boundaries() {
        assert!(whole_word("to lam x", 0, 6));
        assert!(!whole_word("to lamb", 0, 6));
        assert!(!whole_word("xto lam", 1, 7));
        assert!(whole_word("(to lam)", 1, 7));
        assert!(!whole_word("abc", 0, 9));
    }

    #[test]
    fn nfd_marks_are_included() {
        let original = "La\u{302}m To\u{302}.";
        let folded = fold(original);
        let r = original_range(original, &folded, 0..6).expect("range");
        assert_eq!(&original[r], "La\u{302}m To\u{302}");
        assert_eq!(original_range(original, &folded, 3..3), None);
        assert_eq!(original_range(original, &folded, 3..99), None);
    }

    #[test]
    fn thresholds() {
        assert_eq!(threshold(3), 0);
        assert_eq!(token_threshold(3), 1);
        assert_eq!(token_threshold(2), 0);
        assert_eq!(token_threshold(7), 2);
        assert_eq!(threshold(6), 1);
        assert_eq!(threshold(7), 2);
        assert_eq!(threshold(13), 3);
    }
}
