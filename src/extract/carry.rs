//! The period a value takes from its context, for quantity claims with
//! `carry_period = true`.
//!
//! News copy states a period once and lets the following figures lean on it: "In the
//! first half of 2025, exports rose 14.4% to $219 billion. Imports climbed 17.9% to
//! $211 billion." The second figure's period is the first's. A value that states no
//! period of its own takes the first period its sentence states, else the first one
//! stated by the closest earlier sentence of its paragraph (a line of the text) that
//! states any. Periods introduced by a comparison word ("so với cùng kỳ năm 2024",
//! "from a year earlier") are a comparison's reference, never carried; a sentence
//! that states only such periods stops the search. A value whose sentence says "the
//! previous year" before it ("Im Jahr zuvor war der Handel auf 44,9 Mrd. USD
//! gefallen", the pack's `previous_years`) and states no period takes the year
//! before the one carried from the earlier sentences.

use super::Locator;
use super::cues::{introduced_by_comparison, periods};
use super::prefilter::{contains_word, last_words, word_ends};
use super::sentence::clause_breaks;
use crate::value::{ParseCtx, Period};

/// How many words before a year, in its clause, a since- or after-word dates it
/// ("following the Western Tien-Shan mountain range in 2016").
const AFTER_WORD_REACH: usize = 10;

/// The period carried to a value at folded byte `pos` (see the module docs).
/// The periods the sentence of the figure at folded range `figure` states for it:
/// those no comparison word introduces, written before the figure ("Năm 2020, vùng
/// II là 3,92 triệu đồng") or after it in its clause; not one of a clause after it
/// ("Bà Trà, 62 tuổi, làm việc từ năm 2021": her age now), nor one inside the
/// pattern's match `matched`, which the pattern reads for itself ("ký năm 2004, …
/// còn 25 năm nữa").
pub(super) fn periods_stated_for(
    at: &Locator,
    figure: std::ops::Range<usize>,
    matched: std::ops::Range<usize>,
    ctx: &ParseCtx,
) -> Vec<Period> {
    let Some(sentence) = at.sentence_at(figure.start) else {
        return Vec::new();
    };
    let Some(text) = at.folded.text.get(sentence.clone()) else {
        return Vec::new();
    };
    let (start, end) = (
        figure.start.saturating_sub(sentence.start),
        figure.end.saturating_sub(sentence.start),
    );
    let pack = ctx.pack;
    // A year before the figure that a since- or after-word dates ("following the
    // Tien-Shan in 2016", "kể từ năm 1993"), or with a now-word between it and the
    // figure ("… in 1993, the country now has eight"), is another event's time.
    let of_another_event = |year: &std::ops::Range<usize>| {
        let before = last_words(
            at.clause_before(sentence.start + year.start),
            AFTER_WORD_REACH,
        );
        at.spells_a_word(before, &pack.after_words, &pack.after_spellings)
            || pack
                .since_words
                .iter()
                .any(|word| contains_word(before, word))
            || at.spells_a_word(&text[year.end..start], &pack.now_words, &pack.now_spellings)
    };
    periods(text, ctx, &[])
        .into_iter()
        .filter(|p| {
            let inside = matched.start <= sentence.start + p.range.start
                && sentence.start + p.range.end <= matched.end;
            !p.reference
                && !inside
                && (p.range.end <= start && !of_another_event(&p.range)
                    || p.range.start >= end
                        && text
                            .get(end..p.range.start)
                            .is_some_and(|between| clause_breaks(between) == 0))
        })
        .map(|p| p.period)
        .collect()
}

pub(super) fn context_period(at: &Locator, pos: usize, ctx: &ParseCtx) -> Option<Period> {
    let text = &at.folded.text;
    let sentences = at.sentences();
    let own = sentences.iter().rposition(|s| s.start <= pos)?;
    let before = text.get(sentences[own].start..pos).unwrap_or("");
    // "so với năm trước đó" is a comparison's reference, not the value's year.
    let previous = ctx.pack.previous_years.iter().any(|phrase| {
        word_ends(before, phrase).any(|end| {
            let start = end - phrase.len();
            !introduced_by_comparison(&before[..start], ctx.pack.comparison_words())
        })
    });
    for (i, s) in sentences[..=own].iter().enumerate().rev() {
        // A line break between this sentence and the value ends the paragraph.
        if s.start < sentences[own].start && text[s.start..pos].contains('\n') {
            return None;
        }
        let found = periods(&text[s.clone()], ctx, &[]);
        if found.is_empty() {
            continue;
        }
        let period = found
            .into_iter()
            .filter(|p| !p.reference)
            .min_by_key(|p| p.range.start)
            .map(|p| p.period);
        return if previous && i < own {
            period.map(|p| p.previous())
        } else {
            period
        };
    }
    None
}
