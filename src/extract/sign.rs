//! The sign of a `signed` claim's figures: a loss, a deficit or a fall below zero is
//! negative ("EVN lỗ 26.235 tỷ đồng", "a net loss of $1.2 billion", "ein Verlust von
//! 21,8 Billionen Dong"), a profit or surplus positive.
//!
//! A figure is read as written, unsigned; for a claim with `signed = true` the words
//! of its clause decide. The one of the language pack's `negative_words` and
//! `positive_words` nearest before the figure in its clause, else one right after it
//! ("a 21.8 trillion dong loss"), gives the sign. Without one the figure states no sign: it takes that of the
//! key's fact when every value of the fact is negative ("EVN's 2023 result, 21.8
//! trillion dong, …" agrees with a fact of −21,822 billion), and is positive
//! otherwise.

use unicode_normalization::UnicodeNormalization;

use super::{Locator, Mention};
use crate::lang::LangPack;
use crate::rules::Rules;

/// Gives the figures of `signed` claims among `mentions` their sign.
pub(super) fn resolve(rules: &Rules, at: &Locator, pack: &LangPack, mentions: &mut [Mention]) {
    for mention in mentions.iter_mut() {
        let signed = rules
            .claims
            .get(mention.claim)
            .is_some_and(|claim| claim.kind.signed());
        // A figure written with a minus ("-0,5%") has its sign already.
        if !signed || mention.derived.is_some() || mention.value.nominal < 0.0 {
            continue;
        }
        let negative = match stated_sign(at, pack, mention) {
            Some(negative) => negative,
            None => rules.fact(&mention.key).is_some_and(|fact| {
                !fact.accepted.is_empty() && fact.accepted.iter().all(|a| a.nominal < 0.0)
            }),
        };
        if negative {
            mention.value = mention.value.negated();
        }
    }
}

/// Whether the clause of `mention` says its figure is negative (`Some(true)`),
/// positive (`Some(false)`), or neither.
fn stated_sign(at: &Locator, pack: &LangPack, mention: &Mention) -> Option<bool> {
    let body = at.doc.body();
    let original = |file_offset: usize| {
        let folded = at.folded_offset_of(file_offset)?;
        Some((folded, at.folded.to_original(folded..folded + 1).start))
    };
    let (folded_at, value) = original(mention.span.start)?;
    let clause = at.folded.to_original(at.clause_around(folded_at));
    let value_end = original(mention.span.end).map_or(clause.end, |(_, end)| end);
    let as_listed = |range: std::ops::Range<usize>| {
        body.get(range)
            .map(|text| text.nfc().collect::<String>().to_lowercase())
    };
    let before = as_listed(clause.start..value.max(clause.start))?;
    let after = as_listed(value_end.min(clause.end)..clause.end)?;
    let last_before = |words: &[String]| {
        words
            .iter()
            .flat_map(|word| word_starts(&before, word))
            .max()
    };
    match (
        last_before(&pack.negative_words),
        last_before(&pack.positive_words),
    ) {
        (Some(neg), Some(pos)) => return Some(neg > pos),
        (Some(_), None) => return Some(true),
        (None, Some(_)) => return Some(false),
        (None, None) => {}
    }
    // After it, only the word right after: "a 21.8 trillion dong loss", not "8.2
    // trillion dong after losses of …".
    let next = after.trim_start();
    let opens = |words: &[String]| {
        words
            .iter()
            .any(|word| word_starts(next, word).next() == Some(0))
    };
    if opens(&pack.negative_words) {
        Some(true)
    } else if opens(&pack.positive_words) {
        Some(false)
    } else {
        None
    }
}

/// Byte offsets in `text` where `word` starts as a whole word.
fn word_starts<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    text.match_indices(word)
        .filter(move |&(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !word.is_empty()
                && before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
        .map(|(at, _)| at)
}
