//! The text the engine checks when it is not a plain slice of the file (Markdown,
//! HTML), with a map from its byte offsets back to byte offsets of the original file.
//!
//! Built by the format readers (`markdown`, `html`) and used by
//! [`Document::body`](super::Document::body) / `Document::body_span`: extraction and
//! name checking read the checked text and every span they produce is mapped back
//! here, so findings keep pointing at the original file (issue 11).
//!
//! The checked text is a sequence of segments, each either
//! - *verbatim*: a copy of an original range (prose), mapped byte for byte; or
//! - *replaced*: text standing for an original range as a whole (a decoded entity
//!   `&#7879;` → `ệ`, a backslash escape, a block separator standing for an empty
//!   range between two blocks). A span that starts or ends inside such a segment
//!   widens to the whole original range, so a span never splits an entity.
//!
//! Markup, code, URLs and comments have no segment at all: they are not checked.

use std::ops::Range;

/// Checked text plus its offset map (see module docs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckedText {
    text: String,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq)]
struct Segment {
    /// Start in the checked text (segments are contiguous there).
    checked: usize,
    /// The original range the segment stands for.
    original: Range<usize>,
    verbatim: bool,
}

impl CheckedText {
    /// The text the engine reads.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Appends a copy of `original` (whose text is `piece`), mapped byte for byte.
    pub(crate) fn push_verbatim(&mut self, original: Range<usize>, piece: &str) {
        debug_assert_eq!(original.len(), piece.len());
        if piece.is_empty() {
            return;
        }
        // Merge with the previous verbatim segment when it continues it.
        if let Some(last) = self.segments.last_mut()
            && last.verbatim
            && last.original.end == original.start
        {
            last.original.end = original.end;
            self.text.push_str(piece);
            return;
        }
        self.push(original, piece, true);
    }

    /// Appends `piece` standing for the whole of `original` (decoded entity, escape).
    pub(crate) fn push_replaced(&mut self, original: Range<usize>, piece: &str) {
        if !piece.is_empty() {
            self.push(original, piece, false);
        }
    }

    /// Appends a block separator at original offset `at`, unless the text already
    /// ends with a line break (or is empty), so blocks never run into each other.
    pub(crate) fn push_break(&mut self, at: usize) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let piece = if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.push(at..at, piece, false);
    }

    fn push(&mut self, original: Range<usize>, piece: &str, verbatim: bool) {
        self.segments.push(Segment {
            checked: self.text.len(),
            original,
            verbatim,
        });
        self.text.push_str(piece);
    }

    /// The original byte range of a range of the checked text.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start, false);
        let end = self.map(range.end, true).max(start);
        start..end
    }

    /// Original offset of checked offset `at`; `end` picks the segment that ends at
    /// a boundary instead of the one that starts there.
    fn map(&self, at: usize, end: bool) -> usize {
        let Some(last) = self.segments.last() else {
            return 0;
        };
        // Index of the segment containing `at` (for an end: containing `at - 1`).
        let probe = if end { at.saturating_sub(1) } else { at };
        let index = self
            .segments
            .partition_point(|s| s.checked <= probe)
            .saturating_sub(1);
        let segment = &self.segments[index];
        if at >= self.text.len() && !end {
            return last.original.end;
        }
        let inside = at.saturating_sub(segment.checked);
        if segment.verbatim {
            (segment.original.start + inside).min(segment.original.end)
        } else if end && at > segment.checked || !end && inside > 0 {
            segment.original.end
        } else {
            segment.original.start
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Vi&#7879;t <b>Nam</b>` → checked `Việt Nam`.
    fn sample() -> (&'static str, CheckedText) {
        let original = "Vi&#7879;t <b>Nam</b>";
        let mut c = CheckedText::default();
        c.push_verbatim(0..2, &original[0..2]);
        c.push_replaced(2..9, "ệ");
        c.push_verbatim(9..11, &original[9..11]);
        c.push_verbatim(14..17, &original[14..17]);
        (original, c)
    }

    #[test]
    fn maps_words_across_entities_and_tags() {
        let (original, c) = sample();
        assert_eq!(c.as_str(), "Việt Nam");
        let all = c.to_original(0..c.as_str().len());
        assert_eq!(&original[all], "Vi&#7879;t <b>Nam");
        let nam = c.as_str().find("Nam").expect("Nam");
        assert_eq!(&original[c.to_original(nam..nam + 3)], "Nam");
        let e = c.as_str().find('ệ').expect("ệ");
        assert_eq!(&original[c.to_original(e..e + 3)], "&#7879;");
        assert_eq!(&original[c.to_original(0..2)], "Vi");
    }

    #[test]
    fn breaks_do_not_double_and_map_to_a_point() {
        let mut c = CheckedText::default();
        c.push_break(0);
        c.push_verbatim(3..6, "abc");
        c.push_break(10);
        c.push_break(11);
        c.push_verbatim(12..13, "d");
        assert_eq!(c.as_str(), "abc\n\nd");
        assert_eq!(c.to_original(3..5), 10..10);
        assert_eq!(c.to_original(5..6), 12..13);
        assert_eq!(c.to_original(6..6), 13..13);
    }

    #[test]
    fn empty_text_maps_to_zero() {
        assert_eq!(CheckedText::default().to_original(0..0), 0..0);
    }
}
