//! Near-miss detection: unknown token sequences close to an accepted form, in name
//! context.
//!
//! Index (built once):
//! - the vocabulary: every distinct folded token of every accepted form;
//! - a symmetric-delete index over the vocabulary: each token of ≥ 3 chars is stored
//!   under the hashes of all strings obtained by deleting up to `token_threshold(len)` chars
//!   from its first [`PREFIX`] chars (SymSpell). A query generates the same deletes, so
//!   a lookup costs a fixed number of hash probes whatever the number of entities; a
//!   bit-set (Bloom filter, one hash) in front keeps most probes in cache;
//! - the window table: every window of 1–4 tokens of every accepted form, keyed by its
//!   vocabulary ids.
//!
//! Detection (per document): tokens not covered by an exact hit get their exact
//! vocabulary id and, when in possible name context (Capitalised, or right next to an
//! exact hit / role title), their near vocabulary tokens (edit distance ≤ the threshold
//! of both lengths; optimal string alignment, i.e. restricted Damerau–Levenshtein).
//! Windows of 4 down to 1 tokens are then tried greedily from the left:
//! - a window that exactly equals a window of any entity's form is explained (a real
//!   different person "Tokaev" of "Tokaev Arman" is not a near miss of "Tokayev");
//! - a near word of three letters counts only as the one change in a window of three
//!   words or more ("Pham Thai Nhu May"): shorter, it is too often another word;
//! - otherwise the best combination of near tokens that forms a window of some entity
//!   within the length threshold is a near miss, if the context holds for that entity:
//!   whole forms need Capitalised changed tokens (a capital at a sentence start counts
//!   only when the entity is mentioned exactly elsewhere in the document), an adjacent
//!   exact hit of the entity or its role title before; partial windows ("Kassym-Jomart" of "Kassym-Jomart
//!   Tokayev") need the adjacent hit or title, or Capitalised + the entity mentioned
//!   exactly elsewhere in the document + the window ending the form (a surname).
//!
//! Common words of the supported languages never start a near match.

use super::token::{Token, form_windows, tokens};
use super::util::{FxMap, FxSet, SHORT_WORD, threshold, token_threshold};
use crate::fold::Folded;
use crate::hash::FxHasher;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

/// Chars of a token used for the delete keys.
pub(crate) const PREFIX: usize = 8;
/// Longest window (tokens).
pub(crate) const MAX_WINDOW: usize = 4;
/// Most near candidates kept per token.
const MAX_NEAR_PER_TOKEN: usize = 6;
/// Words whose near tokens a thread remembers across documents (a few MB at most).
const NEAR_CACHE_WORDS: usize = 50_000;

/// Source of [`NearIndex::id`].
static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The near tokens of the words this thread looked up, for one index (issue 7):
    /// capitalised words recur across the documents of a corpus, and generating a
    /// word's deletes was a tenth of the work per document. Emptied when full or when
    /// another index asks.
    static NEAR_CACHE: RefCell<(u64, NearByWord)> = RefCell::new((0, FxMap::default()));
}

/// Near tokens (vocabulary id, distance) by word.
type NearByWord = FxMap<Box<str>, Box<[(u32, u8)]>>;

/// Most token combinations tried per window.
const MAX_COMBOS: usize = 256;

const NONE: u32 = u32::MAX;
type WindowKey = (u8, [u32; MAX_WINDOW]);

/// Common words never treated as misspelt names (folded).
const COMMON: &[&str] = &[
    // English
    "about",
    "after",
    "again",
    "also",
    "among",
    "army",
    "back",
    "been",
    "before",
    "being",
    "city",
    "could",
    "court",
    "during",
    "each",
    "even",
    "every",
    "first",
    "from",
    "government",
    "have",
    "here",
    "into",
    "just",
    "last",
    "later",
    "like",
    "made",
    "many",
    "march",
    "market",
    "more",
    "most",
    "much",
    "must",
    "news",
    "next",
    "only",
    "other",
    "over",
    "party",
    "people",
    "police",
    "said",
    "says",
    "since",
    "some",
    "state",
    "still",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "time",
    "today",
    "under",
    "very",
    "week",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "would",
    "year",
    "years",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "minister",
    "president",
    "secretary",
    "general",
    // German
    "aber",
    "auch",
    "dass",
    "dies",
    "diese",
    "eine",
    "einen",
    "einer",
    "haben",
    "hatte",
    "nach",
    "nicht",
    "noch",
    "oder",
    "sein",
    "sich",
    "sind",
    "und",
    "unter",
    "wird",
    "wurde",
    "werden",
    "heute",
    "jahr",
    "jahre",
    "woche",
    // French
    "avec",
    "dans",
    "elle",
    "pour",
    "sont",
    "sous",
    "leur",
    "mais",
    "nous",
    "vous",
    "cette",
    // Vietnamese (folded)
    "nguoi",
    "trong",
    "nhung",
    "cung",
    "theo",
    "nhieu",
    "duoc",
    "khong",
    "chinh",
    "thanh",
    "truong",
    "nuoc",
    "ngay",
    "thang",
];

/// A window of an accepted form.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    /// Entity index.
    pub entity: u32,
    /// Window in original spelling (the suggestion).
    pub original: String,
    /// The same window as an accepted form spells it without diacritics, when one
    /// does ("Pham Minh" of an alias "Pham Minh Chinh" beside "Phạm Minh Chính"):
    /// the suggestion for text written without them.
    pub plain: Option<String>,
    /// Whole form.
    pub full: bool,
    /// Window includes the form's last token.
    pub last: bool,
    /// Length in chars of the folded window.
    pub chars: usize,
    /// Source rank (0 canonical, 1 alias, 2 short form, 3 derived).
    pub rank: u8,
}

/// The near-miss index (see the module docs).
#[derive(Debug, Clone, Default)]
pub(crate) struct NearIndex {
    /// Identifies the finished index in the per-thread cache of near tokens (0 until
    /// [`NearIndex::finish`]).
    id: u64,
    vocab: FxMap<String, u32>,
    vocab_words: Vec<String>,
    vocab_chars: Vec<usize>,
    deletes: FxMap<u64, Vec<u32>>,
    bloom: Vec<u64>,
    bloom_shift: u32,
    targets: Vec<Target>,
    windows: FxMap<WindowKey, Vec<u32>>,
    common: FxSet<&'static str>,
    /// Entities that are no persons: a part of their forms is no surname.
    not_persons: FxSet<u32>,
}

/// An exact hit (name form or title) as seen by near-miss detection.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor<'a> {
    /// Folded start.
    pub start: usize,
    /// Folded end.
    pub end: usize,
    /// Entities the form belongs to (any verdict).
    pub entities: &'a [u32],
    /// Entities that have this text as a role title.
    pub titles: &'a [u32],
}

/// A near miss found in folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NearHit {
    /// Folded range.
    pub range: Range<usize>,
    /// Entity index.
    pub entity: u32,
    /// Suggested replacement (original spelling).
    pub suggestion: String,
    /// The replacement without diacritics, when an accepted form has one.
    pub plain_suggestion: Option<String>,
    /// Edit distance (folded).
    pub distance: usize,
}

/// Per-token data of one document.
#[derive(Debug, Clone, Default)]
struct TokenInfo {
    covered: bool,
    exact: Option<u32>,
    near: Range<usize>,
    capitalised: bool,
    sentence_start: bool,
    /// The word has [`SHORT_WORD`] chars or fewer.
    short: bool,
}

impl TokenInfo {
    /// Whether the token may be part of a window: not in an exact hit, and a word of
    /// some form or near one.
    fn usable(&self) -> bool {
        !self.covered && (self.exact.is_some() || !self.near.is_empty())
    }
}

impl NearIndex {
    /// Adds all windows of an accepted form of `entity`.
    /// Marks `entity` as no person: the last word of one of its forms ("Vietnams" of
    /// "Innenministerium Vietnams") is not taken for a surname.
    pub(crate) fn mark_not_person(&mut self, entity: u32) {
        self.not_persons.insert(entity);
    }

    pub(crate) fn add_form(&mut self, entity: u32, rank: u8, form: &str) {
        let (words, windows) = form_windows(form, MAX_WINDOW);
        let ids: Vec<u32> = words.iter().map(|w| self.intern(w)).collect();
        for w in windows {
            let mut key = [NONE; MAX_WINDOW];
            for (slot, id) in key.iter_mut().zip(ids.iter().skip(w.first).take(w.len)) {
                *slot = *id;
            }
            let key = (w.len as u8, key);
            let plain = w.original.is_ascii().then(|| w.original.clone());
            let target = Target {
                entity,
                plain,
                original: w.original,
                full: w.full,
                last: w.last,
                chars: w.folded.chars().count(),
                rank,
            };
            let list = self.windows.entry(key).or_default();
            let existing = list.iter().position(|&t| {
                self.targets
                    .get(t as usize)
                    .is_some_and(|t| t.entity == entity)
            });
            match existing {
                Some(pos) => {
                    let Some(&old_idx) = list.get(pos) else {
                        continue;
                    };
                    let Some(old) = self.targets.get_mut(old_idx as usize) else {
                        continue;
                    };
                    let plain = old.plain.take().or(target.plain.clone());
                    if (target.full, std::cmp::Reverse(target.rank))
                        > (old.full, std::cmp::Reverse(old.rank))
                    {
                        *old = target;
                    }
                    old.plain = plain;
                }
                None => {
                    list.push(self.targets.len() as u32);
                    self.targets.push(target);
                }
            }
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.vocab_words.len() as u32;
        self.vocab.insert(word.to_string(), id);
        self.vocab_words.push(word.to_string());
        self.vocab_chars.push(word.chars().count());
        id
    }

    /// Builds the delete index and the Bloom filter; call once after all `add_form`.
    pub(crate) fn finish(&mut self) {
        self.id = NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed);
        let mut hashes = Vec::new();
        let mut chars = Vec::new();
        for (id, word) in self.vocab_words.iter().enumerate() {
            chars.clear();
            chars.extend(word.chars());
            let k = token_threshold(chars.len());
            if k == 0 {
                continue;
            }
            delete_hashes(&chars, k, &mut hashes);
            for &h in &hashes {
                self.deletes.entry(h).or_default().push(id as u32);
            }
        }
        let bits = (self.deletes.len().max(64) * 16).next_power_of_two();
        self.bloom_shift = 64 - bits.trailing_zeros();
        self.bloom = vec![0u64; bits / 64];
        let keys: Vec<u64> = self.deletes.keys().copied().collect();
        for h in keys {
            let bit = self.bloom_bit(h);
            if let Some(word) = self.bloom.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        self.common = COMMON.iter().copied().collect();
    }

    #[inline]
    fn bloom_bit(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.bloom_shift) as usize
    }

    #[inline]
    fn maybe(&self, h: u64) -> bool {
        let bit = self.bloom_bit(h);
        self.bloom
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// [`NearIndex::near_tokens`], remembered per thread across documents.
    fn near_tokens_cached(&self, word: &str, scratch: &mut Scratch, out: &mut Vec<(u32, u8)>) {
        if self.id == 0 {
            // Not finished: no identity to remember it under.
            self.near_tokens(word, scratch, out);
            return;
        }
        NEAR_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (index, words) = &mut *cache;
            if *index != self.id {
                *index = self.id;
                words.clear();
            }
            if let Some(near) = words.get(word) {
                out.extend_from_slice(near);
                return;
            }
            let start = out.len();
            self.near_tokens(word, scratch, out);
            if words.len() >= NEAR_CACHE_WORDS {
                words.clear();
            }
            words.insert(word.into(), out[start..].into());
        });
    }

    /// Vocabulary tokens within the threshold of `word` (distance > 0), best first.
    fn near_tokens(&self, word: &str, scratch: &mut Scratch, out: &mut Vec<(u32, u8)>) {
        scratch.chars.clear();
        scratch.chars.extend(word.chars());
        let n = scratch.chars.len();
        let k = token_threshold(n);
        if k == 0 {
            return;
        }
        delete_hashes_unsorted(&scratch.chars, k, &mut scratch.hashes);
        let start = out.len();
        scratch.seen.clear();
        for &h in &scratch.hashes {
            if !self.maybe(h) {
                continue;
            }
            let Some(ids) = self.deletes.get(&h) else {
                continue;
            };
            for &id in ids {
                if scratch.seen.contains(&id) {
                    continue;
                }
                scratch.seen.push(id);
                let (Some(&tn), Some(tw)) = (
                    self.vocab_chars.get(id as usize),
                    self.vocab_words.get(id as usize),
                ) else {
                    continue;
                };
                let kk = k.min(token_threshold(tn));
                if n.abs_diff(tn) > kk {
                    continue;
                }
                let d = strsim::osa_distance(word, tw);
                if d > 0 && d <= kk {
                    out.push((id, d as u8));
                }
            }
        }
        out[start..].sort_unstable_by_key(|&(id, d)| (d, id));
        out.truncate(start + (out.len() - start).min(MAX_NEAR_PER_TOKEN));
    }

    /// Finds near misses in `folded` (anchors: exact hits sorted by start,
    /// non-overlapping).
    /// `capitalised_nouns`: the language writes its nouns with a capital, so a
    /// capital alone does not make one word a near miss (see [`NearIndex::best_window`]).
    pub(crate) fn detect(
        &self,
        original: &str,
        folded: &Folded,
        anchors: &[Anchor<'_>],
        capitalised_nouns: bool,
    ) -> Vec<NearHit> {
        let text = folded.text.as_str();
        let toks = tokens(text);
        let mut out = Vec::new();
        if toks.is_empty() || self.targets.is_empty() {
            return out;
        }
        let mentioned: FxSet<u32> = anchors
            .iter()
            .flat_map(|a| a.entities.iter().copied())
            .collect();
        let by_end: FxMap<usize, usize> = anchors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.end, i))
            .collect();
        let by_start: FxMap<usize, usize> = anchors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.start, i))
            .collect();
        let before = |pos: usize| -> Option<&Anchor<'_>> {
            let i = by_end.get(&pos).or_else(|| {
                (pos > 0 && text.as_bytes().get(pos - 1) == Some(&b' '))
                    .then(|| by_end.get(&(pos - 1)))
                    .flatten()
            })?;
            anchors.get(*i)
        };
        let after = |pos: usize| -> Option<&Anchor<'_>> {
            let i = by_start.get(&pos).or_else(|| {
                (text.as_bytes().get(pos) == Some(&b' '))
                    .then(|| by_start.get(&(pos + 1)))
                    .flatten()
            })?;
            anchors.get(*i)
        };

        // Per-token data.
        let mut scratch = Scratch::default();
        let mut near_arena: Vec<(u32, u8)> = Vec::new();
        let mut near_memo: FxMap<&str, Range<usize>> = FxMap::default();
        let mut info = vec![TokenInfo::default(); toks.len()];
        let mut ai = 0;
        for (t, slot) in toks.iter().zip(info.iter_mut()) {
            while ai < anchors.len() && anchors[ai].end <= t.start {
                ai += 1;
            }
            slot.covered = anchors.get(ai).is_some_and(|a| a.start < t.end);
            if slot.covered {
                continue;
            }
            let Some(word) = text.get(t.start..t.end) else {
                continue;
            };
            slot.sentence_start = t.sentence_start;
            slot.exact = self.vocab.get(word).copied();
            slot.capitalised = capitalised(original, folded, t);
            // Anchors are sorted and disjoint, and this token lies between
            // anchors[ai - 1] and anchors[ai]: the only ones that can touch it
            // (`before` and `after` without their hash lookups).
            let bytes = text.as_bytes();
            let touches_before = ai
                .checked_sub(1)
                .and_then(|i| anchors.get(i))
                .is_some_and(|a| {
                    a.end == t.start || (a.end + 1 == t.start && bytes.get(a.end) == Some(&b' '))
                });
            let touches_after = anchors.get(ai).is_some_and(|a| {
                a.start == t.end || (a.start == t.end + 1 && bytes.get(t.end) == Some(&b' '))
            });
            debug_assert_eq!(touches_before, before(t.start).is_some());
            debug_assert_eq!(touches_after, after(t.end).is_some());
            let context = slot.capitalised || touches_before || touches_after;
            if context && !self.common.contains(word) {
                slot.short = word.chars().nth(SHORT_WORD).is_none();
                // Names recur within an article: look each word up once.
                slot.near = near_memo
                    .entry(word)
                    .or_insert_with(|| {
                        let start = near_arena.len();
                        self.near_tokens_cached(word, &mut scratch, &mut near_arena);
                        start..near_arena.len()
                    })
                    .clone();
            }
        }

        // Greedy windows, longest first. Words that ended another person's full
        // name stand for that person when they come back alone ("Phuong added").
        let mut other_names: FxSet<&str> = FxSet::default();
        let mut i = 0;
        while i < toks.len() {
            let mut advance = 1;
            // Most tokens are no name's word: no window starts there.
            if !info[i].usable() {
                i += advance;
                continue;
            }
            for n in (1..=MAX_WINDOW.min(toks.len() - i)).rev() {
                let (Some(wt), Some(wi)) = (toks.get(i..i + n), info.get(i..i + n)) else {
                    continue;
                };
                let usable =
                    wi.iter().all(TokenInfo::usable) && wt.iter().skip(1).all(|t| t.joined_to_prev);
                if !usable {
                    continue;
                }
                let word = text.get(toks[i].start..toks[i].end).unwrap_or("");
                let tail_of_a_name = n == 1
                    && (other_names.contains(word)
                        || ends_another_name(original, folded, &toks, i)
                        || opens_a_longer_name(original, folded, &toks, i));
                if tail_of_a_name {
                    other_names.insert(word);
                }
                match self.best_window(
                    wt,
                    wi,
                    &near_arena,
                    &mentioned,
                    (tail_of_a_name, capitalised_nouns),
                    &before,
                    &after,
                ) {
                    WindowResult::Explained => {
                        advance = n;
                        break;
                    }
                    WindowResult::Near(hit) => {
                        out.push(hit);
                        advance = n;
                        break;
                    }
                    WindowResult::Nothing => {}
                }
            }
            i += advance;
        }
        out
    }

    /// `tail_of_a_name`: the one-word window follows two capitalised words of the
    /// same name ("Hồ Đức Phương", "Tran Van Phuong"), is followed by one ("Ngô
    /// Phương Ly"), or is a word that did earlier
    /// in the document, so a part of a form there is another person's given name or
    /// surname, not a short form of the entity. `capitalised_nouns`: in a language
    /// that writes nouns with a capital ("eine niedrigere Schwelle"), a capitalised
    /// word alone is a near miss only of an entity the document names exactly, or of
    /// a hyphenated form.
    /// The last word of a form counts as a surname of persons only.
    #[allow(clippy::too_many_arguments)]
    fn best_window<'s>(
        &self,
        toks: &[Token],
        info: &[TokenInfo],
        arena: &[(u32, u8)],
        mentioned: &FxSet<u32>,
        (tail_of_a_name, capitalised_nouns): (bool, bool),
        before: &dyn Fn(usize) -> Option<&'s Anchor<'s>>,
        after: &dyn Fn(usize) -> Option<&'s Anchor<'s>>,
    ) -> WindowResult {
        let n = toks.len();
        // Exactly a window of some entity: explained.
        if info.iter().all(|x| x.exact.is_some()) {
            let mut key = [NONE; MAX_WINDOW];
            for (slot, x) in key.iter_mut().zip(info) {
                *slot = x.exact.unwrap_or(NONE);
            }
            if self.windows.contains_key(&(n as u8, key)) {
                return WindowResult::Explained;
            }
        }
        if info.iter().all(|x| x.near.is_empty()) {
            return WindowResult::Nothing;
        }
        let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
            return WindowResult::Nothing;
        };
        let title_before = before(first.start).map(|a| a.titles).unwrap_or(&[]);
        let form_before = before(first.start).map(|a| a.entities).unwrap_or(&[]);
        let form_after = after(last.end).map(|a| a.entities).unwrap_or(&[]);

        // Choices per token: exact (distance 0) then near ones.
        let choices: Vec<Vec<(u32, u8)>> = info
            .iter()
            .map(|x| {
                let mut c: Vec<(u32, u8)> = x.exact.map(|e| (e, 0)).into_iter().collect();
                c.extend(arena.get(x.near.clone()).unwrap_or(&[]).iter().copied());
                c
            })
            .collect();
        let mut idx = vec![0usize; n];
        let mut best: Option<((usize, bool, u8), u32)> = None;
        for _ in 0..MAX_COMBOS {
            let mut key = [NONE; MAX_WINDOW];
            let mut dist = 0usize;
            let mut changed_capitalised = true;
            let mut changed_at_sentence_start = false;
            let (mut changed, mut changed_short) = (0, 0);
            for (j, c) in choices.iter().enumerate() {
                if let (Some(&(id, d)), Some(slot)) = (c.get(idx[j]), key.get_mut(j)) {
                    *slot = id;
                    dist += usize::from(d);
                    if d > 0 {
                        changed_capitalised &= info[j].capitalised;
                        changed_at_sentence_start |= info[j].sentence_start;
                        changed += 1;
                        let target_short = self
                            .vocab_chars
                            .get(id as usize)
                            .is_some_and(|&chars| chars <= SHORT_WORD);
                        if info[j].short || target_short {
                            changed_short += 1;
                        }
                    }
                }
            }
            // A short word's near words count only as the one change in a name of
            // three words or more ("Pham Thai Nhu May" for "Phạm Thái Như Mai"):
            // alone or beside one other word, a three-letter word is too often another
            // word or another person's name.
            let short_ok = changed_short == 0 || (n >= 3 && changed == 1);
            if dist > 0
                && short_ok
                && let Some(list) = self.windows.get(&(n as u8, key))
            {
                for &t in list {
                    let Some(target) = self.targets.get(t as usize) else {
                        continue;
                    };
                    if dist > threshold(target.chars) {
                        continue;
                    }
                    let e = target.entity;
                    let strong = title_before.contains(&e)
                        || form_before.contains(&e)
                        || form_after.contains(&e);
                    let known = mentioned.contains(&e);
                    // A German capital is a noun's; a hyphenated compound
                    // ("Phong-Chau-Brücke") is a name's.
                    let plain_noun = capitalised_nouns && n == 1 && !target.original.contains('-');
                    let capital = changed_capitalised
                        && (!changed_at_sentence_start || known)
                        && (!plain_noun || known);
                    let surname = target.last && !self.not_persons.contains(&e);
                    let ok = if target.full {
                        strong || capital
                    } else {
                        strong || (capital && surname && known && !tail_of_a_name)
                    };
                    if !ok {
                        continue;
                    }
                    let score = (dist, !target.full, target.rank);
                    if best.is_none_or(|(s, _)| score < s) {
                        best = Some((score, t));
                    }
                }
            }
            // Next combination (odometer).
            let mut j = 0;
            loop {
                if j == n {
                    return self.finish_best(best, first.start, last.end);
                }
                idx[j] += 1;
                if idx[j] < choices[j].len() {
                    break;
                }
                idx[j] = 0;
                j += 1;
            }
        }
        self.finish_best(best, first.start, last.end)
    }

    fn finish_best(
        &self,
        best: Option<((usize, bool, u8), u32)>,
        start: usize,
        end: usize,
    ) -> WindowResult {
        match best.and_then(|((dist, _, _), t)| Some((dist, self.targets.get(t as usize)?))) {
            Some((distance, target)) => WindowResult::Near(NearHit {
                range: start..end,
                entity: target.entity,
                suggestion: target.original.clone(),
                plain_suggestion: target.plain.clone(),
                distance,
            }),
            None => WindowResult::Nothing,
        }
    }
}

/// Whether token `i` follows two capitalised words joined to it by single spaces
/// ("Hồ Đức ▸Phương", "Tran Van ▸Phuong"): it then ends a full name of its own. One
/// capitalised word before ("Ông Phương", "Mr Phuong") is an honorific or a title,
/// and the first of the two may start the sentence.
fn ends_another_name(original: &str, folded: &Folded, toks: &[Token], i: usize) -> bool {
    let (Some(first), Some(second), Some(this)) = (
        i.checked_sub(2).and_then(|k| toks.get(k)),
        i.checked_sub(1).and_then(|k| toks.get(k)),
        toks.get(i),
    ) else {
        return false;
    };
    this.joined_to_prev
        && second.joined_to_prev
        && !second.sentence_start
        && capitalised(original, folded, first)
        && capitalised(original, folded, second)
}

/// Whether token `i` is followed by a capitalised word joined to it by a single
/// space ("Ngô ▸Phương Ly", "▸Phuong Ly said"): the name goes on, so the word does
/// not end one, and is no surname or given name standing for an entity alone.
fn opens_a_longer_name(original: &str, folded: &Folded, toks: &[Token], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|next| next.joined_to_prev && capitalised(original, folded, next))
}

/// Whether token `t` is written with a capital in the original text.
fn capitalised(original: &str, folded: &Folded, t: &Token) -> bool {
    original
        .get(folded.original_start(t.start)..)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

enum WindowResult {
    Explained,
    Near(NearHit),
    Nothing,
}

#[derive(Default)]
struct Scratch {
    chars: Vec<char>,
    hashes: Vec<u64>,
    seen: Vec<u32>,
}

/// Hashes of all strings made by deleting up to `k` (≤ 3) chars from the first
/// [`PREFIX`] chars of `chars`; sorted, deduplicated.
fn delete_hashes(chars: &[char], k: usize, out: &mut Vec<u64>) {
    delete_hashes_unsorted(chars, k, out);
    out.sort_unstable();
    out.dedup();
}

/// [`delete_hashes`] without sorting (queries: duplicates only cost a Bloom probe).
fn delete_hashes_unsorted(chars: &[char], k: usize, out: &mut Vec<u64>) {
    out.clear();
    let prefix = &chars[..chars.len().min(PREFIX)];
    let mut skip = [usize::MAX; 3];
    rec(prefix, 0, 0, k.min(3), &mut skip, out);
}

fn rec(p: &[char], from: usize, depth: usize, k: usize, skip: &mut [usize; 3], out: &mut Vec<u64>) {
    let mut h = FxHasher::default();
    let mut kept = 0u64;
    for (i, &c) in p.iter().enumerate() {
        if !skip[..depth].contains(&i) {
            h.add(u64::from(c));
            kept += 1;
        }
    }
    h.add(kept | 1 << 40);
    out.push(std::hash::Hasher::finish(&h));
    if depth == k {
        return;
    }
    for i in from..p.len() {
        skip[depth] = i;
        rec(p, i + 1, depth + 1, k, skip, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The delete index finds every vocabulary token within the threshold (checked
    /// against brute force over generated look-alikes).
    #[test]
    fn delete_index_matches_brute_force() {
        let words = [
            "tokayev",
            "tumysh",
            "kassym-jomart",
            "nurtleu",
            "nguyen",
            "merkel",
            "scholz",
            "schulz",
            "abcdefghijklmnop",
            "lam",
            "putin",
            "macron",
            "tokajew",
        ];
        let mut idx = NearIndex::default();
        for (e, w) in words.iter().enumerate() {
            idx.add_form(e as u32, 0, w);
        }
        idx.finish();
        let mut queries: Vec<String> = Vec::new();
        for w in &words {
            let cs: Vec<char> = w.chars().collect();
            for i in 0..cs.len() {
                let mut del = cs.clone();
                del.remove(i);
                queries.push(del.iter().collect());
                let mut sub = cs.clone();
                sub[i] = 'x';
                queries.push(sub.iter().collect());
                let mut ins = cs.clone();
                ins.insert(i, 'q');
                queries.push(ins.iter().collect());
                if i + 1 < cs.len() {
                    let mut tr = cs.clone();
                    tr.swap(i, i + 1);
                    queries.push(tr.iter().collect());
                    let mut two = cs.clone();
                    two.remove(i);
                    two.insert(0, 'z');
                    two.push('z');
                    queries.push(two.iter().collect());
                }
            }
        }
        let mut scratch = Scratch::default();
        for q in &queries {
            let mut got = Vec::new();
            idx.near_tokens(q, &mut scratch, &mut got);
            let mut got: Vec<u32> = got.iter().map(|&(id, _)| id).collect();
            got.sort_unstable();
            let qn = q.chars().count();
            let mut want: Vec<u32> = Vec::new();
            for (id, w) in idx.vocab_words.iter().enumerate() {
                let kk = token_threshold(qn).min(token_threshold(w.chars().count()));
                let d = strsim::osa_distance(q, w);
                if d > 0 && d <= kk {
                    want.push(id as u32);
                }
            }
            want.truncate(MAX_NEAR_PER_TOKEN);
            assert_eq!(got, want, "query {q}");
        }
    }

    /// The per-thread cache answers as the index does, and never with the near
    /// tokens of another index (vocabulary ids differ between indexes).
    #[test]
    fn cached_near_tokens_belong_to_their_index() {
        let build = |words: &[&str]| {
            let mut idx = NearIndex::default();
            for (e, w) in words.iter().enumerate() {
                idx.add_form(e as u32, 0, w);
            }
            idx.finish();
            idx
        };
        let first = build(&["tokayev", "nurtleu"]);
        let second = build(&["merkel", "scholz", "tokajew"]);
        let mut scratch = Scratch::default();
        for _ in 0..2 {
            for idx in [&first, &second] {
                for query in ["tokaev", "nurtlеu", "scholtz", "merkle", "tokajev"] {
                    let (mut direct, mut cached) = (Vec::new(), Vec::new());
                    idx.near_tokens(query, &mut scratch, &mut direct);
                    idx.near_tokens_cached(query, &mut scratch, &mut cached);
                    assert_eq!(cached, direct, "{query}");
                }
            }
        }
    }

    #[test]
    fn empty_index_and_text() {
        let mut idx = NearIndex::default();
        idx.finish();
        let f = crate::fold::fold("");
        assert!(idx.detect("", &f, &[], false).is_empty());
        let f = crate::fold::fold("Tokayev");
        assert!(idx.detect("Tokayev", &f, &[], false).is_empty());
    }
}
