//! [`FormSearch`]: leftmost-longest search for many fixed strings, split over
//! automata small enough for aho-corasick's fast prefilter.
//!
//! aho-corasick finds candidates with its packed (Teddy) prefilter only for at most
//! 64 patterns; one pattern more and every search falls back to a byte-at-a-time
//! prefilter, several times slower on news text (issue 7: the shipped pack's names
//! and titles crossed 64 and the exact name pass took 5× the instructions, with the
//! same matches). The patterns are therefore split into parts of at most
//! [`PART_SIZE`], each searched on its own; a part's next match is kept until the
//! search passes it, so no part rescans text. The parts' matches are merged into
//! what one automaton would report: the leftmost start, then the longest.
//!
//! Past [`MAX_PARTS`] parts, searching every part costs more than one slow automaton,
//! and one automaton is built.

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

/// Most patterns aho-corasick's packed prefilter takes.
const PART_SIZE: usize = 64;
/// Most parts searched side by side.
const MAX_PARTS: usize = 4;

/// A match: byte range in the haystack and the pattern's index in the list given to
/// [`FormSearch::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormMatch {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// Leftmost-longest search over a list of patterns (see the module docs).
#[derive(Debug, Clone)]
pub(crate) struct FormSearch {
    /// Each automaton with the index of its first pattern.
    parts: Vec<(AhoCorasick, usize)>,
}

impl FormSearch {
    /// Builds the search; `None` when there are no patterns or aho-corasick rejects
    /// them.
    pub fn new(patterns: &[&str]) -> Option<FormSearch> {
        if patterns.is_empty() {
            return None;
        }
        let part_size = if patterns.len() > PART_SIZE * MAX_PARTS {
            patterns.len()
        } else {
            PART_SIZE
        };
        let parts = patterns
            .chunks(part_size)
            .enumerate()
            .map(|(i, chunk)| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .start_kind(StartKind::Both)
                    .build(chunk)
                    .ok()
                    .map(|ac| (ac, i * part_size))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(FormSearch { parts })
    }

    /// A cursor over `text` that reports matches from left to right.
    pub fn cursor<'a>(&'a self, text: &'a str) -> FormCursor<'a> {
        FormCursor {
            search: self,
            text,
            next: vec![Pending::Unknown; self.parts.len()],
        }
    }

    /// The longest match starting exactly at `start` and ending at or before `end`.
    pub fn longest_at(&self, text: &str, start: usize, end: usize) -> Option<FormMatch> {
        let input = Input::new(text).range(start..end).anchored(Anchored::Yes);
        self.parts
            .iter()
            .filter_map(|(ac, first)| {
                let m = ac.try_find(input.clone()).ok()??;
                Some(FormMatch {
                    start: m.start(),
                    end: m.end(),
                    pattern: first + m.pattern().as_usize(),
                })
            })
            .max_by_key(|m| (m.end, std::cmp::Reverse(m.pattern)))
    }
}

/// A part's next match, as far as the cursor knows.
#[derive(Debug, Clone, Copy)]
enum Pending {
    /// Not searched since the cursor moved past its last match.
    Unknown,
    /// No match at or after the position last searched from.
    None,
    /// Its leftmost-longest match from the position last searched from.
    At(FormMatch),
}

/// Reports the leftmost-longest match at or after a position; see
/// [`FormSearch::cursor`].
#[derive(Debug)]
pub(crate) struct FormCursor<'a> {
    search: &'a FormSearch,
    text: &'a str,
    next: Vec<Pending>,
}

impl FormCursor<'_> {
    /// The leftmost-longest match starting at or after `pos`. Positions must not go
    /// backwards between calls.
    pub fn find_from(&mut self, pos: usize) -> Option<FormMatch> {
        let mut best: Option<FormMatch> = None;
        for (pending, (ac, first)) in self.next.iter_mut().zip(&self.search.parts) {
            let stale = match pending {
                Pending::Unknown => true,
                Pending::None => false,
                Pending::At(m) => m.start < pos,
            };
            if stale {
                *pending = match ac.try_find(Input::new(self.text).range(pos..)) {
                    Ok(Some(m)) => Pending::At(FormMatch {
                        start: m.start(),
                        end: m.end(),
                        pattern: first + m.pattern().as_usize(),
                    }),
                    _ => Pending::None,
                };
            }
            if let Pending::At(m) = *pending {
                let better = best.is_none_or(|b| {
                    (m.start, std::cmp::Reverse(m.end)) < (b.start, std::cmp::Reverse(b.end))
                });
                if better {
                    best = Some(m);
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split search reports what one automaton reports, whatever the split.
    #[test]
    fn split_search_equals_one_automaton() {
        let mut patterns: Vec<String> = (0..200).map(|i| format!("w{i} x")).collect();
        patterns.extend(["to lam", "to", "tong bi thu to lam", "lam", "bi thu"].map(String::from));
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let text = "w7 x, tong bi thu to lam va w199 x w19 x w1 to lamb bi thu w150 xy";
        let one = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&refs)
            .expect("automaton");
        let expected: Vec<(usize, usize, usize)> = one
            .find_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        let split = FormSearch::new(&refs).expect("search");
        assert_eq!(split.parts.len(), 4);
        let mut cursor = split.cursor(text);
        let mut got = Vec::new();
        let mut pos = 0;
        while let Some(m) = cursor.find_from(pos) {
            got.push((m.start, m.end, m.pattern));
            pos = m.end;
        }
        assert_eq!(got, expected);
        assert!(got.contains(&(6, 24, 202)), "{got:?}");
    }

    /// The anchored search finds the longest form at a start within a limit.
    #[test]
    fn longest_at_a_start() {
        let search = FormSearch::new(&["to", "to lam", "tong"]).expect("search");
        let text = "to lamb";
        assert_eq!(
            search.longest_at(text, 0, 6).map(|m| (m.end, m.pattern)),
            Some((6, 1))
        );
        assert_eq!(
            search.longest_at(text, 0, 5).map(|m| (m.end, m.pattern)),
            Some((2, 0))
        );
        assert_eq!(search.longest_at(text, 1, 5), None);
    }

    /// Past the most parts, one automaton takes every pattern.
    #[test]
    fn many_patterns_make_one_automaton() {
        let patterns: Vec<String> = (0..300).map(|i| format!("p{i}")).collect();
        let refs: Vec<&str> = patterns.iter().map(String::as_str).collect();
        let search = FormSearch::new(&refs).expect("search");
        assert_eq!(search.parts.len(), 1);
        assert_eq!(
            search.cursor("a p299 b").find_from(0).map(|m| m.pattern),
            Some(299)
        );
    }
}
