//! Small shared helpers: a fast non-cryptographic hasher for the lookup tables,
//! whole-word tests on folded text and folded → original range mapping.

use crate::fold::Folded;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Fx-style multiplicative hasher (fast; tables hold trusted, short keys).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    pub(crate) fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf) ^ ((rest.len() as u64) << 59));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// Hash set with [`FxHasher`].
pub(crate) type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

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
        assert_eq!(threshold(6), 1);
        assert_eq!(threshold(7), 2);
        assert_eq!(threshold(13), 3);
    }
}
