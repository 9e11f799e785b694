//! The literal prefilter of extraction (issue 7): which claim patterns can match a
//! folded document, and where the language's scope and cue words occur in it, found
//! with one Aho-Corasick pass over the literals every match of a pattern must
//! contain and over those words.
//!
//! A pattern is selected by up to [`MAX_SETS`] sets of literals, one per part of it
//! that every match holds (" years of diplomatic " and "ties"/"relations" in
//! "{count} years of diplomatic (?:ties|relations)"): a document must hold a literal
//! of each. With one set per pattern, about one pattern run in ten found a match;
//! the sets together cut the runs over the generated corpus by 44% (239,269 to
//! 134,027 over 10,000 documents) and the instructions of a run by about a tenth.
//!
//! Part of the extraction stage. It replaced a `RegexSet`: the patterns use Unicode
//! word boundaries, which the set's DFAs cannot run on non-ASCII text, so the set
//! fell back to the PikeVM and cost 70% of a run (benches/compare.sh numbers in the
//! issue). A pattern without a usable required literal is always run, so the
//! prefilter never changes what is extracted, only how much work it takes. The word
//! occurrences replace a substring search per word and per sentence (a tenth of a
//! run's instructions before).

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex_syntax::hir::{Hir, HirKind};

use crate::hash::FxMap;

/// Shortest literal worth searching for; shorter ones match almost everywhere.
const MIN_LITERAL: usize = 3;

/// Marks a word that also matches as part of a longer word: before it, as the last
/// part of a compound (`*exporte` is found in "exporte" and in "warenexporte":
/// German writes compounds as one word); after it, as the first part of a longer
/// word (`rooftop*` in "rooftops", `ökostrom*` in "Ökostroms").
const WILDCARD: char = '*';

/// The text a word is searched for, and whether it may end a longer word (a leading
/// `*`).
pub(crate) fn searched(word: &str) -> (&str, bool) {
    let word = word.strip_suffix(WILDCARD).unwrap_or(word);
    match word.strip_prefix(WILDCARD) {
        Some(tail) => (tail, true),
        None => (word, false),
    }
}

/// Whether `word` may open a longer word (a trailing `*`).
pub(crate) fn opens_words(word: &str) -> bool {
    word.len() > 1 && word.ends_with(WILDCARD)
}

/// The ends of the occurrences of `word` (a scope or cue word, `*tail`, `head*` or
/// not) in `s` that stand as words: no letter or digit after them unless the word
/// may open a longer one, nor before them unless it may end one.
pub(crate) fn word_ends<'s>(s: &'s str, word: &'s str) -> impl Iterator<Item = usize> + 's {
    let head = opens_words(word);
    let (word, tail) = searched(word);
    s.match_indices(word)
        .filter(move |_| !word.is_empty())
        .filter(move |&(at, _)| {
            let before = s[..at].chars().next_back();
            let after = s[at + word.len()..].chars().next();
            (tail || before.is_none_or(|c| !c.is_alphanumeric()))
                && (head || after.is_none_or(|c| !c.is_alphanumeric()))
        })
        .map(move |(at, _)| at + word.len())
}

/// Patterns of one language, selected by their required literals, and the words
/// whose whole-word occurrences extraction asks about.
pub(crate) struct Prefilter {
    matcher: Option<AhoCorasick>,
    /// What each literal of the matcher stands for.
    owner: Vec<Owner>,
    /// Per pattern: the bits of its required sets, all of which must be hit (none
    /// for a pattern that always runs).
    all_sets: Vec<u8>,
    /// Id of each word.
    words: FxMap<String, usize>,
}

/// What a literal of the prefilter's matcher stands for.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// A literal of the required set `set` of the pattern with this index.
    Pattern { index: usize, set: usize },
    /// The word with this id.
    Word(usize),
}

/// What one pass of the prefilter found in a text.
pub(crate) struct Scan<'p> {
    /// Indices of the patterns that may match the text, ascending.
    pub candidates: Vec<usize>,
    /// Where the prefilter's words occur.
    pub words: WordHits<'p>,
}

/// Occurrences of the prefilter's words in one text.
pub(crate) struct WordHits<'p> {
    ids: &'p FxMap<String, usize>,
    /// Per word id: each occurrence (start, end, whole word in the text), in text
    /// order. An occurrence that is not a whole word may still be one in a sentence
    /// it ends.
    at: Vec<Vec<Occurrence>>,
}

#[derive(Debug, Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    /// No letter or digit directly before it in the text.
    open_before: bool,
    /// No letter or digit directly after it in the text.
    open_after: bool,
}

impl Prefilter {
    /// Builds the prefilter for patterns, in order, given by their required literal
    /// sets ([`required_literals`]; none for a pattern that always runs), and for
    /// `words` (folded scope and cue words).
    pub(crate) fn new<'w>(
        patterns: Vec<Vec<Literals>>,
        words: impl IntoIterator<Item = &'w str>,
    ) -> Self {
        let count = patterns.len();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut all_sets = Vec::with_capacity(count);
        for (index, required) in patterns.into_iter().enumerate() {
            let required = &required[..required.len().min(MAX_SETS)];
            all_sets.push(((1u16 << required.len()) - 1) as u8);
            for (set, literal_set) in required.iter().enumerate() {
                for literal in literal_set {
                    literals.push(literal.clone());
                    owner.push(Owner::Pattern { index, set });
                }
            }
        }
        let mut ids = FxMap::default();
        for word in words {
            if searched(word).0.is_empty() || ids.contains_key(word) {
                continue;
            }
            let id = ids.len();
            ids.insert(word.to_string(), id);
            literals.push(searched(word).0.as_bytes().to_vec());
            owner.push(Owner::Word(id));
        }
        // A matcher that cannot be built only disables the prefilter: every pattern
        // runs and words are searched one by one.
        // A DFA: an overlapping search cannot skip ahead, and the DFA takes a byte
        // in one lookup where the default NFA follows failure links.
        let matcher = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(&literals)
            .ok();
        if matcher.is_none() {
            all_sets = vec![0; count];
            ids.clear();
        }
        Prefilter {
            matcher,
            owner,
            all_sets,
            words: ids,
        }
    }

    /// The patterns that may match `text` and where the words occur in it.
    pub(crate) fn scan(&self, text: &str) -> Scan<'_> {
        // Per pattern, the bits of the required sets hit so far.
        let mut hit = vec![0u8; self.all_sets.len()];
        let mut at: Vec<Vec<Occurrence>> = vec![Vec::new(); self.words.len()];
        if let Some(matcher) = &self.matcher {
            for m in matcher.find_overlapping_iter(text) {
                match self.owner[m.pattern().as_usize()] {
                    Owner::Pattern { index, set } => hit[index] |= 1 << set,
                    Owner::Word(id) => at[id].push(Occurrence {
                        start: m.start(),
                        end: m.end(),
                        open_before: !text[..m.start()]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric),
                        open_after: !text[m.end()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric),
                    }),
                }
            }
        }
        Scan {
            candidates: (0..self.all_sets.len())
                .filter(|&i| hit[i] == self.all_sets[i])
                .collect(),
            words: WordHits {
                ids: &self.words,
                at,
            },
        }
    }
}

impl WordHits<'_> {
    /// Where each occurrence of `word` starts, whole word or not, in text order;
    /// `None` for a word the prefilter was not built for (its occurrences are not
    /// known without a search).
    pub(crate) fn starts(&self, word: &str) -> Option<impl Iterator<Item = usize> + '_> {
        let &id = self.ids.get(word)?;
        Some(self.at[id].iter().map(|o| o.start))
    }

    /// Whether `word` occurs in `text[range]` with no letter or digit on either side
    /// within that slice (a `*tail` word may have letters before it; the same as
    /// [`contains_word`] on the slice), counting only the occurrences (ranges of
    /// `text`, in text order) that `accept` takes. `text` must be the text that was
    /// scanned.
    pub(crate) fn within_where(
        &self,
        text: &str,
        range: Range<usize>,
        word: &str,
        mut accept: impl FnMut(Range<usize>) -> bool,
    ) -> bool {
        let Some(&id) = self.ids.get(word) else {
            let Some(slice) = text.get(range.clone()) else {
                return false;
            };
            let length = searched(word).0.len();
            return word_ends(slice, word)
                .any(|end| accept(range.start + end - length..range.start + end));
        };
        // One word's occurrences come in text order: skip those before the range.
        let at = &self.at[id];
        let first = at.partition_point(|o| o.start < range.start);
        at[first..]
            .iter()
            .take_while(|o| o.start < range.end)
            .any(|o| {
                o.end <= range.end
                    && (o.open_before || o.start == range.start || searched(word).1)
                    && (o.open_after || o.end == range.end || opens_words(word))
                    && accept(o.start..o.end)
            })
    }
}

/// The last `count` space-separated words of `text` (all of it when it has fewer;
/// a space ending `text` counts as one).
pub(crate) fn last_words(text: &str, count: usize) -> &str {
    text.char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .nth(count)
        .map_or(text, |(at, _)| &text[at + 1..])
}

/// Whether `word` occurs in `s` with no letter or digit on either side (a `*tail`
/// word may have letters before it).
pub(crate) fn contains_word(s: &str, word: &str) -> bool {
    word_ends(s, word).next().is_some()
}

/// Stands for a run of digits in a word of [`contains_word_or_digits`]: an ordinal
/// in digits ("#th" reads "8th", "#. mal" reads "8. mal").
const DIGITS: char = '#';

/// Whether `word` stands as a word in `text` ([`contains_word`]); a [`DIGITS`] in
/// it matches a run of ASCII digits.
pub(crate) fn contains_word_or_digits(text: &str, word: &str) -> bool {
    let Some((head, tail)) = word.split_once(DIGITS) else {
        return contains_word(text, word);
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(start) = bytes[at..]
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| at + i)
    {
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |i| start + i);
        at = end;
        let (before, after) = (&text[..start], &text[end..]);
        let opens = before
            .strip_suffix(head)
            .is_some_and(|rest| !rest.ends_with(char::is_alphanumeric));
        let closes = after
            .strip_prefix(tail)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
        if opens && closes {
            return true;
        }
    }
    false
}

/// Sets of literals such that every match of `hir` contains one literal of each set,
/// none shorter than is worth searching for: a pattern is a candidate only in a text
/// that holds a literal of every set. The set [`required`] picks comes first; empty
/// when there is no such set. Read from the syntax tree the pattern's syntax check
/// parsed (parsing a large pattern again here was a tenth of a small run's
/// instructions).
pub(crate) fn required_literals(hir: &Hir) -> Vec<Literals> {
    required_literals_with(hir, &|_| None)
}

/// Literals one of which every match contains.
pub(crate) type Literals = Vec<Vec<u8>>;

/// The literals standing in for a named group's contents (`None`: the group's own
/// contents count).
type GroupLiterals<'a> = &'a dyn Fn(&str) -> Option<Option<Literals>>;

/// Most literal sets a pattern is selected by: each one more is a literal search
/// in every document and a pattern run saved only in some.
pub(crate) const MAX_SETS: usize = 4;

// The sets a document holds are bits of a byte.
const _: () = assert!(MAX_SETS <= 8);

/// [`required_literals`] of a pattern parsed with its placeholders' groups empty:
/// `group` gives the set of the placeholder captured by a named group (`None`
/// for a group that is not a placeholder's, whose own contents count).
pub(crate) fn required_literals_with(hir: &Hir, group: GroupLiterals) -> Vec<Literals> {
    let worth = |set: &Literals| !set.is_empty() && set.iter().all(|l| l.len() >= MIN_LITERAL);
    let Some(best) = required_in(hir, group).filter(worth) else {
        return Vec::new();
    };
    let mut others: Vec<Literals> = Vec::new();
    all_required_in(hir, group, &mut others);
    others.retain(|set| worth(set) && *set != best);
    others.sort_by_key(|set| std::cmp::Reverse(shortest(set)));
    let mut sets = vec![best];
    for set in others {
        if sets.len() == MAX_SETS {
            break;
        }
        if !sets.contains(&set) {
            sets.push(set);
        }
    }
    sets
}

/// Every set of literals one of which every match of `hir` contains that the
/// concatenations of `hir` yield, part by part (an alternation yields one set: the
/// union of one per alternative).
fn all_required_in(hir: &Hir, group: GroupLiterals, out: &mut Vec<Literals>) {
    match hir.kind() {
        HirKind::Literal(lit) => out.push(vec![lit.0.to_vec()]),
        HirKind::Capture(cap) => match cap.name.as_deref().and_then(group) {
            Some(set) => out.extend(set),
            None => all_required_in(&cap.sub, group, out),
        },
        HirKind::Repetition(rep) if rep.min >= 1 => all_required_in(&rep.sub, group, out),
        HirKind::Alternation(_) => out.extend(required_in(hir, group)),
        HirKind::Concat(parts) => {
            let mut run: Vec<u8> = Vec::new();
            for part in parts {
                if let HirKind::Literal(lit) = part.kind() {
                    run.extend_from_slice(&lit.0);
                    continue;
                }
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                all_required_in(part, group, out);
            }
            if !run.is_empty() {
                out.push(vec![run]);
            }
        }
        _ => {}
    }
}

/// A set of literals one of which every match of `hir` contains; `None` when there
/// is no such set (or it would be empty).
pub(crate) fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    required_in(hir, &|_| None)
}

/// [`required`], where `group` may stand in for a named group's contents.
fn required_in(hir: &Hir, group: GroupLiterals) -> Option<Literals> {
    let required = |hir: &Hir| required_in(hir, group);
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Capture(cap) => match cap.name.as_deref().and_then(group) {
            Some(set) => set,
            None => required(&cap.sub),
        },
        HirKind::Repetition(rep) if rep.min >= 1 => required(&rep.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                all.extend(required(alt)?);
            }
            Some(all)
        }
        // The best of the sets its parts give (the first of the best, in order).
        HirKind::Concat(_) => {
            let mut sets = Vec::new();
            all_required_in(hir, group, &mut sets);
            sets.into_iter().fold(None, |best, candidate| {
                if better(&candidate, best.as_ref()) {
                    Some(candidate)
                } else {
                    best
                }
            })
        }
        _ => None,
    }
}

/// The length of the shortest literal of `set`.
fn shortest(set: &[Vec<u8>]) -> usize {
    set.iter().map(Vec::len).min().unwrap_or(0)
}

/// Prefers the set whose shortest literal is longest (fewer false candidates).
fn better(candidate: &[Vec<u8>], best: Option<&Vec<Vec<u8>>>) -> bool {
    match best {
        None => !candidate.is_empty(),
        Some(best) => shortest(candidate) > shortest(best),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The required literal sets of a regex, as text.
    fn literal_sets(source: &str) -> Vec<Vec<String>> {
        let hir = regex_syntax::parse(source).expect("valid");
        required_literals(&hir)
            .into_iter()
            .map(|set| {
                set.into_iter()
                    .map(|l| String::from_utf8_lossy(&l).into_owned())
                    .collect()
            })
            .collect()
    }

    /// The first (best) required literal set of a regex, as text.
    fn literals(source: &str) -> Option<Vec<String>> {
        literal_sets(source).into_iter().next()
    }

    #[test]
    fn picks_the_longest_required_run() {
        assert_eq!(
            literals(r"in \d{4}, two-way trade reached \$\d+"),
            Some(vec![", two-way trade reached $".to_string()])
        );
        assert_eq!(
            literals("(?:kim ngạch|xuất nhập khẩu) đạt"),
            Some(vec!["kim ngạch".to_string(), "xuất nhập khẩu".to_string()])
        );
        assert_eq!(literals(r"(?:ab)?\d+"), None);
        // A set with a literal too short to search for is no set: the pattern runs.
        assert_eq!(literals(r"(?:ab|kim ngạch) \d+"), None);
    }

    /// The prefilter of regex sources, as extraction builds it from its patterns.
    fn prefilter<'w>(sources: &[&str], words: impl IntoIterator<Item = &'w str>) -> Prefilter {
        let patterns: Vec<_> = sources
            .iter()
            .map(|source| required_literals(&regex_syntax::parse(source).expect("valid")))
            .collect();
        Prefilter::new(patterns, words)
    }

    /// Every part of a concatenation that must match gives a set, best first, at most
    /// [`MAX_SETS`]; an optional part or one with a short literal gives none.
    #[test]
    fn every_required_part_gives_a_set() {
        assert_eq!(
            literal_sets(r"\d+ (?:years|năm) of diplomatic (?:ties|relations)(?: since)?"),
            vec![
                vec![" of diplomatic "],
                vec!["years", "năm"],
                vec!["ties", "relations"],
            ]
        );
        assert_eq!(
            literal_sets("a1 bb2 ccc3 dddd4 eeeee5 ffffff6 ggggggg7 hhhhhhhh8 iiiiiiiii9").len(),
            1,
            "one literal run is one set"
        );
        let sets = literal_sets(r"aaa\d bbbb\d ccccc\d dddddd\d eeeeeee\d");
        assert_eq!(sets.len(), MAX_SETS);
        assert_eq!(sets[0], vec![" eeeeeee"]);
        assert!(!sets.contains(&vec!["aaa".to_string()]), "{sets:?}");
    }

    /// A pattern is a candidate only where a literal of each of its sets occurs.
    #[test]
    fn candidates_need_a_literal_of_every_set() {
        let prefilter = prefilter(&[r"\d+ (?:years|năm) of diplomatic (?:ties|relations)"], []);
        let candidates = |text| prefilter.scan(text).candidates;
        assert_eq!(candidates("30 years of diplomatic relations"), vec![0]);
        assert_eq!(candidates("năm ... of diplomatic ... ties"), vec![0]);
        assert!(candidates("30 years of diplomatic work").is_empty());
        assert!(candidates("ties of diplomatic relations").is_empty());
    }

    #[test]
    fn candidates_keep_pattern_order_and_always_run_literal_free_patterns() {
        let prefilter = prefilter(&["zebra \\d", "\\d+", "kim ngạch"], []);
        assert_eq!(prefilter.scan("kim ngạch 5").candidates, vec![1, 2]);
        assert_eq!(prefilter.scan("a zebra 5").candidates, vec![0, 1]);
    }

    #[test]
    fn words_need_boundaries() {
        assert!(contains_word("two-way trade reached", "trade"));
        assert!(!contains_word("trader said", "trade"));
        assert!(contains_word("kim ngach nam 2024", "kim ngach"));
        // A `*tail` word also ends a compound, and still needs a boundary after it.
        assert!(contains_word("die warenexporte stiegen", "*exporte"));
        assert!(contains_word("die exporte stiegen", "*exporte"));
        assert!(!contains_word("die exporteure", "*exporte"));
        assert!(!contains_word("die warenexporte", "*"));
    }

    /// The one-pass word occurrences answer as a substring search per slice does,
    /// slice edges included, and words it was not built for are still answered.
    #[test]
    fn word_hits_hand_each_occurrence_to_the_filter() {
        let prefilter = prefilter(&["zebra"], ["dau tu", "*ade"]);
        let text = "dau tu va dau tu, trade";
        let hits = prefilter.scan(text).words;
        // "tu" is no word of the prefilter: found by a search of the range.
        for word in ["dau tu", "*ade", "tu"] {
            let mut seen = Vec::new();
            let found = hits.within_where(text, 4..text.len(), word, |r| {
                seen.push(&text[r]);
                false
            });
            assert!(!found, "{word}");
            let plain = searched(word).0;
            assert!(
                !seen.is_empty() && seen.iter().all(|s| *s == plain),
                "{word}: {seen:?}"
            );
        }
    }

    /// `starts` lists every occurrence, whole word or not, and knows no word the
    /// prefilter was not built for.
    #[test]
    fn word_starts_list_every_occurrence() {
        let prefilter = prefilter(&["zebra"], ["trade", "*ade"]);
        let text = "trade, trader and two-way trade";
        let hits = prefilter.scan(text).words;
        let starts: Vec<usize> = hits.starts("trade").expect("indexed").collect();
        assert_eq!(starts, vec![0, 7, 26]);
        let tails: Vec<usize> = hits.starts("*ade").expect("indexed").collect();
        assert_eq!(tails, vec![2, 9, 28]);
        assert!(hits.starts("said").is_none());
    }

    #[test]
    fn word_hits_agree_with_a_search_of_the_slice() {
        let words = [
            "trade",
            "two-way trade",
            "so voi",
            "рост",
            "*way",
            "*ade",
            "trad*",
            "ros*",
            "*ra*",
        ];
        let prefilter = prefilter(&["zebra"], words);
        let text = "trader said two-way trade rose. so voi 2023; trade-off. рост 5%";
        let hits = prefilter.scan(text).words;
        let mut ranges: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        for (i, _) in text.char_indices() {
            for (j, _) in text.char_indices().filter(|&(j, _)| j > i).step_by(3) {
                ranges.push(i..j);
            }
        }
        for word in words.iter().copied().chain(["said", "rose"]) {
            for range in &ranges {
                assert_eq!(
                    hits.within_where(text, range.clone(), word, |_| true),
                    contains_word(&text[range.clone()], word),
                    "{word:?} in {:?}",
                    &text[range.clone()]
                );
            }
        }
    }

    #[test]
    fn a_digits_mark_reads_a_run_of_digits_within_word_edges() {
        assert!(contains_word_or_digits("its 8th cut", "#th"));
        assert!(contains_word_or_digits("the 21st", "#st"));
        assert!(contains_word_or_digits("zum 12. mal", "#. mal"));
        assert!(contains_word_or_digits("its 8th", "its #th"));
        assert!(!contains_word_or_digits("a8th cut", "#th"));
        assert!(!contains_word_or_digits("8thly", "#th"));
        assert!(!contains_word_or_digits("the 1st", "#th"));
        assert!(!contains_word_or_digits("zum 8. malen", "#. mal"));
        assert!(contains_word_or_digits("the first", "first"));
    }
}
