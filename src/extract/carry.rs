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
//! that states only such periods stops the search.

use super::Locator;
use super::cues::periods;
use crate::value::{ParseCtx, Period};

/// The period carried to a value at folded byte `pos` (see the module docs).
pub(super) fn context_period(at: &Locator, pos: usize, ctx: &ParseCtx) -> Option<Period> {
    let text = &at.folded.text;
    let sentences = at.sentences();
    let own = sentences.iter().rposition(|s| s.start <= pos)?;
    for s in sentences[..=own].iter().rev() {
        // A line break between this sentence and the value ends the paragraph.
        if s.start < sentences[own].start && text[s.start..pos].contains('\n') {
            return None;
        }
        let found = periods(&text[s.clone()], ctx, &[]);
        if found.is_empty() {
            continue;
        }
        return found
            .into_iter()
            .filter(|p| !p.reference)
            .min_by_key(|p| p.range.start)
            .map(|p| p.period);
    }
    None
}
