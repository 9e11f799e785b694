//! Sentence and clause boundaries in folded text, for cue-based claims.
//!
//! A sentence ends at a line break, or at `.`, `!`, `?` followed by whitespace —
//! unless the word before the dot is a known abbreviation of the language ("u.s.",
//! "tp.", "z. b."), a single-letter initial ("M. Nurtleu"), or — in a language that
//! writes ordinals with a dot, like German — a day number ("5. Mai"). In English
//! "on March 1. The" ends a sentence.

use std::ops::Range;

/// The bytes that may end a sentence.
const MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table
};

/// Byte ranges of the sentences of `folded` (trimmed, never empty).
pub(crate) fn sentences(folded: &str, abbreviations: &Abbreviations) -> Vec<Range<usize>> {
    let bytes = folded.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut at = 0;
    // Jump from one candidate byte to the next: a tight scan, the rest is rare.
    while let Some(found) = bytes[at..].iter().position(|&b| MAY_END[usize::from(b)]) {
        let i = at + found;
        at = i + 1;
        let b = bytes[i];
        let boundary = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => {
                let followed_by_space = bytes.get(i + 1).is_none_or(|&n| n == b' ' || n == b'\n');
                (followed_by_space
                    && !(b == b'.' && is_abbreviation(&folded[start..=i], abbreviations)))
                .then_some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = boundary {
            push_trimmed(folded, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(folded, start..folded.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// A language's abbreviations, by the byte before their last character: a sentence
/// end is compared only with those that could match it (there are dozens per
/// language, and a document has dozens of sentence ends). Built once per language.
pub(crate) struct Abbreviations<'a> {
    by_last_but_one: Vec<(Option<u8>, &'a str)>,
    /// Words ending in a single letter that is no initial ("trung a", Central Asia).
    letter_words: &'a [String],
    /// Whether a one- or two-digit number before a dot is an ordinal ("5. Mai"):
    /// the language lists "." among its ordinal suffixes.
    dotted_ordinals: bool,
}

impl<'a> Abbreviations<'a> {
    /// The abbreviations of `pack`, and whether it writes ordinals with a dot.
    pub(crate) fn of(pack: &'a crate::lang::LangPack) -> Self {
        let dotted = pack.ordinal_suffixes.iter().any(|s| s == ".");
        Abbreviations {
            letter_words: &pack.letter_words,
            ..Self::new(pack.abbreviations(), dotted)
        }
    }

    pub(crate) fn new(all: &'a [String], dotted_ordinals: bool) -> Self {
        let mut by_last_but_one: Vec<(Option<u8>, &str)> = all
            .iter()
            .map(|a| (last_but_one(a.as_bytes()), a.as_str()))
            .collect();
        by_last_but_one.sort_unstable();
        Abbreviations {
            by_last_but_one,
            letter_words: &[],
            dotted_ordinals,
        }
    }

    /// The abbreviations that `text` may end with.
    fn ending(&self, text: &str) -> impl Iterator<Item = &'a str> + '_ {
        let key = last_but_one(text.as_bytes());
        let from = self.by_last_but_one.partition_point(|(k, _)| *k < key);
        let single = self.by_last_but_one.partition_point(|(k, _)| k.is_none());
        // An abbreviation of one byte ends any text that ends with that byte.
        let one_byte = self.by_last_but_one[..single].iter();
        let same = self.by_last_but_one[from..]
            .iter()
            .take_while(move |(k, _)| *k == key);
        same.chain(one_byte.filter(move |_| key.is_some()))
            .map(|&(_, a)| a)
    }
}

fn last_but_one(bytes: &[u8]) -> Option<u8> {
    bytes.len().checked_sub(2).map(|i| bytes[i])
}

/// Whether `upto_dot` (sentence text ending with `.`) ends with an abbreviation.
fn is_abbreviation(upto_dot: &str, abbreviations: &Abbreviations) -> bool {
    if abbreviations.ending(upto_dot).any(|a| {
        upto_dot.ends_with(a)
            && upto_dot[..upto_dot.len() - a.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    }) {
        return true;
    }
    let word = upto_dot[..upto_dot.len() - 1]
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let letter_word = || {
        let before_dot = &upto_dot[..upto_dot.len() - 1];
        abbreviations.letter_words.iter().any(|w| {
            before_dot.ends_with(w.as_str())
                && before_dot[..before_dot.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    };
    // A letter after a figure is a unit ("dài 500 m."), not an initial.
    let after_a_figure = || {
        let before_word = upto_dot[..upto_dot.len() - 1 - word.len()].trim_end();
        before_word
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|prev| {
                prev.starts_with(|c: char| c.is_ascii_digit())
                    && prev
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            })
    };
    // Initials ("m.", "k.") and ordinal day numbers ("5." in "5. mai").
    (letters == 1 && word.chars().count() <= 3 && !letter_word() && !after_a_figure())
        || (abbreviations.dotted_ordinals
            && !word.is_empty()
            && word.len() <= 2
            && word.chars().all(|c| c.is_ascii_digit()))
}

/// Whether `between` (text between two positions of one sentence) crosses a clause
/// boundary: `;`, `:`, a comma, or a dash surrounded by spaces.
pub(crate) fn clause_breaks(between: &str) -> usize {
    between.matches([';', ':', ',']).count() + between.matches(" - ").count()
}

/// [`clause_breaks`] for many ranges of one sentence in O(log n) each: counting the
/// text between every value and every period anew is cubic in the sentence length,
/// which made one long paragraph full of figures take minutes (issue 8).
pub(crate) struct ClauseIndex {
    /// Number of `;`, `:`, `,` bytes before each byte offset (one entry per offset).
    punct_before: Vec<u32>,
    /// Number of `;` bytes before each byte offset: the breaks between two statements.
    semicolons_before: Vec<u32>,
    /// Start offsets of ` - `, leftmost non-overlapping, as `str::matches` finds them
    /// (a range starting inside an overlapping ` - - ` may differ by one: a tie-break).
    dashes: Vec<usize>,
}

impl ClauseIndex {
    pub(crate) fn new(sentence: &str) -> Self {
        let mut punct_before = Vec::with_capacity(sentence.len() + 1);
        let mut semicolons_before = Vec::with_capacity(sentence.len() + 1);
        let (mut count, mut semicolons) = (0u32, 0u32);
        punct_before.push(0);
        semicolons_before.push(0);
        for b in sentence.bytes() {
            count += u32::from(matches!(b, b';' | b':' | b','));
            semicolons += u32::from(b == b';');
            punct_before.push(count);
            semicolons_before.push(semicolons);
        }
        let dashes = sentence.match_indices(" - ").map(|(at, _)| at).collect();
        ClauseIndex {
            punct_before,
            semicolons_before,
            dashes,
        }
    }

    /// The semicolons in `range`: each parts two statements of one sentence ("năm
    /// 2022, … đạt X; riêng 4 tháng đầu năm nay, … là Y").
    pub(crate) fn statement_breaks(&self, range: std::ops::Range<usize>) -> usize {
        (self.semicolons_before[range.end] - self.semicolons_before[range.start]) as usize
    }

    /// `clause_breaks(&sentence[range])`.
    pub(crate) fn breaks(&self, range: std::ops::Range<usize>) -> usize {
        let punct = self.punct_before[range.end] - self.punct_before[range.start];
        let first = self.dashes.partition_point(|&at| at < range.start);
        let last = self.dashes.partition_point(|&at| at + 3 <= range.end);
        punct as usize + last.saturating_sub(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_as(text: &str, dotted_ordinals: bool) -> Vec<&str> {
        let abbr = vec!["u.s.".to_string(), "tp.".to_string(), "z. b.".to_string()];
        sentences(text, &Abbreviations::new(&abbr, dotted_ordinals))
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    fn split(text: &str) -> Vec<&str> {
        split_as(text, true)
    }

    /// A day number before a dot is an ordinal only where the language writes
    /// ordinals with a dot: "on march 1. the" is two English sentences.
    #[test]
    fn a_number_before_a_dot_ends_a_sentence_without_dotted_ordinals() {
        assert_eq!(
            split_as("on march 1. the plan", false),
            vec!["on march 1.", "the plan"]
        );
        assert_eq!(
            split_as("am 1. marz. das", true),
            vec!["am 1. marz.", "das"]
        );
    }

    #[test]
    fn splits_on_terminal_punctuation_and_lines() {
        assert_eq!(
            split("ab cd. ef gh! ij\nkl"),
            vec!["ab cd.", "ef gh!", "ij", "kl"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            split("the u.s. said 1.5 bn. next"),
            vec!["the u.s. said 1.5 bn.", "next"]
        );
        assert_eq!(
            split("ngoai giao m. nurtleu, tp. hcm. x"),
            vec!["ngoai giao m. nurtleu, tp. hcm.", "x"]
        );
        assert_eq!(
            split("vom 5. bis 7. mai. ende"),
            vec!["vom 5. bis 7. mai.", "ende"]
        );
        assert_eq!(split("z. b. dies. das"), vec!["z. b. dies.", "das"]);
    }

    /// A name ending in one letter that is no initial ends its sentence; an initial
    /// after another word still does not.
    #[test]
    fn a_letter_word_ends_a_sentence() {
        let vi = crate::lang::pack("vi").expect("vi");
        let text = "doi tac lon nhat o trung a. nam 2024, ong a. b. noi.";
        let split: Vec<&str> = sentences(text, &Abbreviations::of(vi))
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            split,
            vec!["doi tac lon nhat o trung a.", "nam 2024, ong a. b. noi."]
        );
    }

    /// The bucketed lookup offers every abbreviation a text ends with, one-byte
    /// abbreviations and texts shorter than two bytes included.
    #[test]
    fn abbreviations_ending_a_text_are_all_offered() {
        let all: Vec<String> = ["u.s.", "tp.", "z. b.", ".", "s.", "mr."]
            .map(String::from)
            .to_vec();
        let index = Abbreviations::new(&all, false);
        for text in [".", "x.", "the u.s.", "tp.", "z. b.", "a mr.", "s.", "ab"] {
            let mut offered: Vec<&str> = index.ending(text).filter(|a| text.ends_with(a)).collect();
            let mut expected: Vec<&str> = all
                .iter()
                .map(String::as_str)
                .filter(|a| text.ends_with(a))
                .collect();
            offered.sort_unstable();
            expected.sort_unstable();
            assert_eq!(offered, expected, "{text:?}");
        }
    }

    #[test]
    fn clause_breaks_count() {
        assert_eq!(clause_breaks(" reached us$800 million, up 99% "), 1);
        assert_eq!(clause_breaks(" trade reached "), 0);
    }

    #[test]
    fn clause_index_counts_like_clause_breaks() {
        let s = "a, b - c; d: e -f - g,, h";
        let index = ClauseIndex::new(s);
        for start in 0..=s.len() {
            for end in start..=s.len() {
                assert_eq!(
                    index.breaks(start..end),
                    clause_breaks(&s[start..end]),
                    "{start}..{end}"
                );
            }
        }
    }
}
