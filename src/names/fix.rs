//! Fix computation for misspellings and discouraged forms listed without a fix.
//!
//! The wrong form is folded, spaced hyphens are closed ("kassym - jomart" →
//! "kassym-jomart"), and it is aligned against every token window of the entity's
//! accepted forms with the same number of tokens (canonical first, then aliases, short
//! forms and derived initial variants); the window with the smallest edit distance as
//! written (lower case, diacritics and all) wins, earlier sources, then the distance
//! of the folded texts, break ties. If no window has the same token count, all windows
//! compete. The fix is the window in the entity data's original spelling, e.g.
//! "Kassym-Jormat" → "Kassym-Jomart" and "K.Tumush" → "K.Tumysh" (the joined-initial
//! variant of the short form "K. Tumysh": the fix keeps the writer's initial style and
//! changes only the misspelt letters).

use unicode_normalization::UnicodeNormalization;

use super::role::fold_key;
use super::token::{FormWindow, tokens};

/// A window of an accepted form, tagged with its source rank (0 = canonical).
#[derive(Debug, Clone)]
pub(crate) struct FixWindow {
    /// The window.
    pub window: FormWindow,
    /// 0 canonical, 1 alias, 2 short form, 3 derived variant.
    pub rank: u8,
}

/// Computes the fix of `form` from the entity's windows; `fallback` (the canonical
/// name) when there is no window at all.
pub(crate) fn compute(form: &str, windows: &[FixWindow], fallback: &str) -> String {
    let key = fold_key(form).replace(" - ", "-");
    let count = tokens(&key).len();
    let same: Vec<&FixWindow> = windows.iter().filter(|w| w.window.len == count).collect();
    let pool: Vec<&FixWindow> = if same.is_empty() {
        windows.iter().collect()
    } else {
        same
    };
    // Compared as written first (lower case), so that a form wrong only in its
    // diacritics ("Monika Grüters") is fixed to the canonical spelling, not to a
    // plain alias it folds alike ("Monika Gruters").
    let written = |text: &str| text.nfc().collect::<String>().to_lowercase();
    let form_written = written(form).replace(" - ", "-");
    pool.iter()
        .min_by_key(|w| {
            (
                strsim::osa_distance(&form_written, &written(&w.window.original)),
                w.rank,
                strsim::osa_distance(&key, &w.window.folded),
            )
        })
        .map(|w| w.window.original.clone())
        .unwrap_or_else(|| fallback.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::token::{form_windows, initial_variants};
    use super::*;

    fn windows(forms: &[(&str, u8)]) -> Vec<FixWindow> {
        let mut out = Vec::new();
        for &(f, rank) in forms {
            for window in form_windows(f, 4).1 {
                out.push(FixWindow { window, rank });
            }
            for v in initial_variants(f) {
                for window in form_windows(&v, 4).1 {
                    out.push(FixWindow { window, rank: 3 });
                }
            }
        }
        out
    }

    #[test]
    fn aligns_to_best_window() {
        let w = windows(&[("Kassym-Jomart Tokayev", 0), ("Tokajew", 1)]);
        assert_eq!(compute("Kassym-Jormat", &w, "x"), "Kassym-Jomart");
        assert_eq!(compute("Kassym - Jomart", &w, "x"), "Kassym-Jomart");
        assert_eq!(
            compute("Kasym-Jomart Tokaev", &w, "x"),
            "Kassym-Jomart Tokayev"
        );
        let w = windows(&[("Kanat Tumysh", 0), ("K. Tumysh", 2), ("Tumysh", 2)]);
        assert_eq!(compute("K.Tumush", &w, "x"), "K.Tumysh");
        assert_eq!(compute("K. Tumush", &w, "x"), "K. Tumysh");
        assert_eq!(compute("anything", &[], "Canon"), "Canon");
        // Wrong only in its diacritics: the canonical spelling, not the plain alias.
        let w = windows(&[("Monika Grütters", 0), ("Monika Gruters", 1)]);
        assert_eq!(compute("Monika Grüters", &w, "x"), "Monika Grütters");
        assert_eq!(compute("Monika Grutterz", &w, "x"), "Monika Grütters");
        assert_eq!(compute("Monika Grutrs", &w, "x"), "Monika Gruters");
    }
}
