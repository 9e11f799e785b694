//! Fuzz target: folding and value parsing for every built-in language pack.
//!
//! Invariants checked: `fold::fold` + `Folded::to_original` map every folded range to
//! a range of the original that lies on char boundaries and inside the text; a parsed
//! value's range lies inside the folded text on char boundaries; `value::parse_any`
//! never panics, with and without a document date.

#![no_main]

use chrono::NaiveDate;
use factlint::{fold, lang, value};
use libfuzzer_sys::fuzz_target;

const LANGS: &[&str] = &["en", "vi", "de", "fr", "ru"];

fuzz_target!(|data: &[u8]| {
    let original = String::from_utf8_lossy(data);
    let folded = fold::fold(&original);
    let len = folded.text.len();
    // Every prefix/suffix range, and a few inner ones, must map back onto the original.
    for (start, end) in [(0, len), (0, len / 2), (len / 3, len), (len / 4, len / 4)] {
        let mapped = folded.to_original(start..end);
        assert!(mapped.start <= mapped.end, "{mapped:?}");
        assert!(
            mapped.end <= original.len(),
            "{mapped:?} > {}",
            original.len()
        );
        assert!(original.is_char_boundary(mapped.start), "{mapped:?}");
        assert!(original.is_char_boundary(mapped.end), "{mapped:?}");
    }
    for code in LANGS {
        let pack = lang::pack(code).expect("built-in pack");
        for doc_date in [None, NaiveDate::from_ymd_opt(2025, 5, 5)] {
            let ctx = value::ParseCtx { pack, doc_date };
            if let Ok((range, _)) = value::parse_any(&folded.text, &ctx, None) {
                assert!(range.end <= len && range.start <= range.end, "{range:?}");
                assert!(folded.text.is_char_boundary(range.start), "{range:?}");
                assert!(folded.text.is_char_boundary(range.end), "{range:?}");
                let mapped = folded.to_original(range);
                assert!(original.is_char_boundary(mapped.start));
                assert!(original.is_char_boundary(mapped.end));
            }
        }
    }
});
