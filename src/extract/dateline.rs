//! Datelines of wire copy: "HANOI, Dec 3 (Reuters) -", "Hanoi, 3. Dezember (dpa) –",
//! "Hà Nội (TTXVN) -". They open a story's first paragraph and tell where and when
//! it was filed; a date in one is the filing date, not a claim about the event the
//! sentence goes on to report ("… approved on Saturday").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::fold::Folded;

/// A line that opens with a place, an optional date, an agency in parentheses and
/// a dash (folded text: lower case).
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{L}][\p{L} ./'-]{1,40}(?:, [^\n()]{3,30})? \([\p{L}][\p{L} .&/-]{1,30}\) ?[-–—]",
    )
    .expect("valid regex")
});

/// A dateline with no agency ("ALMATY, Feb 10 -", "BERLIN -"): the place must be
/// written in capitals, as wires do, for it to be told from a sentence.
static BARE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{L}][\p{L} ./'-]{1,40}?)(?:, [^\n()]{3,30}?)? [-–—] ").expect("valid regex")
});

/// How far into a document a dateline may stand (after a headline and a byline).
const OPENING: usize = 600;

/// The longest dateline, in bytes: a place, a date and an agency.
const HEAD: usize = 120;

/// The byte ranges of the datelines among the opening lines of `folded`;
/// `in_capitals` tells whether a range of `folded` is written in capitals.
pub(crate) fn datelines(
    folded: &str,
    in_capitals: impl Fn(Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in folded.split_inclusive('\n') {
        if start > OPENING {
            break;
        }
        let trimmed = line.trim_start();
        let lead = line.len() - trimmed.len();
        // A dateline is short: search only the head of the line, and only where an
        // agency's closing parenthesis stands in it (most lines have none).
        let head = &trimmed[..trimmed.floor_char_boundary(HEAD.min(trimmed.len()))];
        let at = start + lead;
        if head.contains(')')
            && let Some(m) = DATELINE.find(head)
        {
            out.push(at..at + m.end());
        } else if let Some(caps) = BARE_DATELINE.captures(head)
            && let (Some(whole), Some(place)) = (caps.get(0), caps.get(1))
            && in_capitals(at + place.start()..at + place.end())
        {
            out.push(at..at + whole.end() - 1);
        }
        start += line.len();
    }
    out
}

/// `folded` with its datelines blanked out (spaces of the same length, so offsets
/// still map to the original), or `None` when it has none: no claim reads the filing
/// place or date ("BAIKONUR, Kazakhstan (Reuters) - Half a century ago today …" is
/// not about Baikonur).
pub(crate) fn without_datelines(folded: &Folded, original: &str) -> Option<Folded> {
    let in_capitals = |range: Range<usize>| {
        let from = folded.original_start(range.start);
        let to = folded.original_start(range.end);
        let written = original.get(from..to).unwrap_or("");
        written.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !written.chars().any(char::is_lowercase)
    };
    let lines = datelines(&folded.text, in_capitals);
    if lines.is_empty() {
        return None;
    }
    let mut masked = folded.clone();
    for range in lines {
        let blank = " ".repeat(range.len());
        masked.text.replace_range(range, &blank);
    }
    Some(masked)
}

#[cfg(test)]
mod tests {
    use super::{datelines, without_datelines};
    use crate::fold::fold;

    #[test]
    fn wire_datelines_are_found_in_the_opening_lines() {
        let text = "vietnam approves nuclear restart\n\nhanoi, dec 3 (reuters) - vietnam's national assembly on saturday approved";
        let found = datelines(text, |_| false);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].clone()], "hanoi, dec 3 (reuters) -");
        let german = "hanoi, 3. dezember (dpa) – die nationalversammlung";
        let found = datelines(german, |_| false);
        assert_eq!(&german[found[0].clone()], "hanoi, 3. dezember (dpa) –");
        assert_eq!(datelines("ha noi (ttxvn) - quoc hoi", |_| false).len(), 1);
    }

    #[test]
    fn other_lines_and_later_paragraphs_are_not_datelines() {
        // A parenthesis after a clause, not a place.
        assert!(datelines("the plant (ninh thuan 1) - a 2,000 mw project", |_| true).is_empty());
        assert!(datelines("on dec 3, the assembly voted 429 to 2 in favour.", |_| true).is_empty());
        let late = format!("{}\nhanoi, dec 3 (reuters) - text", "x ".repeat(400));
        assert!(datelines(&late, |_| true).is_empty());
    }

    #[test]
    fn a_dateline_without_agency_needs_a_place_in_capitals() {
        let wire = "ALMATY, Feb 10 - The NBK kept its base rate at 18%.";
        let masked = without_datelines(&fold(wire), wire).expect("a dateline");
        assert!(masked.text.trim_start().starts_with("the nbk kept"));
        assert_eq!(masked.text.len(), fold(wire).text.len());
        let bare = "BERLIN - Die Bundesbank meldet";
        assert!(without_datelines(&fold(bare), bare).is_some());
        let sentence = "Hanoi, he said - and he meant it.";
        assert!(without_datelines(&fold(sentence), sentence).is_none());
        let short = "EU - China trade rose.";
        assert!(without_datelines(&fold(short), short).is_none());
    }

    #[test]
    fn a_blanked_dateline_keeps_the_offsets() {
        let text = "Gagarin\n\nBAIKONUR, Kazakhstan (Reuters) - Half a century ago today";
        let folded = fold(text);
        let masked = without_datelines(&folded, text).expect("a dateline");
        assert_eq!(masked.text.len(), folded.text.len());
        assert!(!masked.text.contains("baikonur"));
        let at = masked.text.find("half").expect("the story");
        assert_eq!(
            masked.original_start(at),
            text.find("Half").expect("written")
        );
        assert!(
            without_datelines(
                &fold("No dateline here - none."),
                "No dateline here - none."
            )
            .is_none()
        );
    }
}
