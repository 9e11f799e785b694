//! Property tests: amounts formatted in each language's conventions read back into an
//! interval that contains them; arbitrary junk never panics.

use factlint::fold::fold_str;
use factlint::lang::{LangPack, builtin_codes, pack};
use factlint::value::{KIND_ORDER, ParseCtx, Value, ValueKind, parse, parse_any, scan};
use proptest::prelude::*;

/// Formats `int.frac` with the pack's first group and decimal separators.
fn format_number(p: &LangPack, int: u64, frac: &str) -> String {
    let digits = int.to_string();
    let group = p.group.first().copied();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        let left = digits.len() - i;
        // Spaces are written as NBSP, as typeset French/Russian text does.
        if i > 0
            && left.is_multiple_of(3)
            && let Some(g) = group
        {
            out.push(if g == ' ' { '\u{a0}' } else { g });
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(p.decimal[0]);
        out.push_str(frac);
    }
    out
}

fn lang_strategy() -> impl Strategy<Value = &'static str> {
    prop::sample::select(builtin_codes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn money_round_trip(
        code in lang_strategy(),
        int in 1u64..999_999,
        frac_digits in 0usize..3,
        frac_seed in 0u64..1000,
        scale_pick in any::<prop::sample::Index>(),
        use_scale in any::<bool>(),
        cur_pick in any::<prop::sample::Index>(),
    ) {
        let p = pack(code).expect("pack");
        let frac: String = format!("{frac_seed:03}")[..frac_digits].to_string();
        let number = format_number(p, int, &frac);
        let (scale_word, scale) = if use_scale && !p.scales.is_empty() {
            let (w, m) = &p.scales[scale_pick.index(p.scales.len())];
            (format!(" {w}"), *m)
        } else {
            (String::new(), 1.0)
        };
        let (cur_word, iso) = &p.currencies[cur_pick.index(p.currencies.len())];
        let text = format!("{number}{scale_word} {cur_word}");
        let amount: f64 = format!("{int}.{frac}0").parse::<f64>().expect("amount") * scale;
        let ctx = ParseCtx::new(p, None);
        let folded = fold_str(&text);
        let (range, value) = parse_any(&folded, &ctx, Some(ValueKind::Money))
            .map_err(|e| TestCaseError::fail(format!("{code}: {text:?}: {}", e.message)))?;
        let Value::Money(q) = value else {
            return Err(TestCaseError::fail(format!("{text:?}: not money")));
        };
        prop_assert_eq!(range, 0..folded.len(), "{} {:?}", code, text);
        prop_assert_eq!(q.unit.as_deref(), Some(iso.as_str()), "{} {:?}", code, text);
        let tol = 1e-9 * amount.abs().max(1.0);
        prop_assert!(
            q.interval.low - tol <= amount && amount <= q.interval.high + tol,
            "{} {:?}: {} not in {:?}", code, text, amount, q.interval
        );
    }

    #[test]
    fn percent_round_trip(code in lang_strategy(), int in 0u64..1000, frac in 0u64..100) {
        let p = pack(code).expect("pack");
        let frac = format!("{frac:02}");
        let text = format!("{}%", format_number(p, int, &frac));
        let ctx = ParseCtx::new(p, None);
        let (_, value) = parse_any(&fold_str(&text), &ctx, Some(ValueKind::Percent))
            .map_err(|e| TestCaseError::fail(format!("{code}: {text:?}: {}", e.message)))?;
        let amount: f64 = format!("{int}.{frac}").parse().expect("amount");
        let Value::Percent(q) = value else {
            return Err(TestCaseError::fail("not a percent"));
        };
        prop_assert!(q.interval.contains(amount) || (q.interval.low - amount).abs() < 1e-9
            || (q.interval.high - amount).abs() < 1e-9);
    }

    #[test]
    fn junk_never_panics(code in lang_strategy(), text in ".{0,60}") {
        let p = pack(code).expect("pack");
        let ctx = ParseCtx::new(p, chrono::NaiveDate::from_ymd_opt(2025, 6, 18));
        let folded = fold_str(&text);
        let _ = parse_any(&folded, &ctx, None);
        for kind in KIND_ORDER {
            let _ = parse(kind, &folded, &ctx);
            let _ = scan(kind, &folded, &ctx);
        }
    }

    #[test]
    fn digit_soup_never_panics(code in lang_strategy(), text in "[0-9 .,/%$€+\\-]{0,40}") {
        let p = pack(code).expect("pack");
        let ctx = ParseCtx::new(p, None);
        let _ = parse_any(&text, &ctx, None);
        for kind in KIND_ORDER {
            let _ = parse_any(&text, &ctx, Some(kind));
        }
    }
}

#[test]
fn fixed_junk_never_panics() {
    let long = "9".repeat(5000);
    let long_grouped = format!("1{}", ".000".repeat(500));
    let junk = [
        "",
        " ",
        "%",
        "$",
        "€",
        "-",
        "999999999999999999999999999",
        "999999999999999999999999999 USD",
        "$999999999999999999999999999 billion",
        long.as_str(),
        long_grouped.as_str(),
        "🎉🎉🎉 1 tỷ 🎉",
        "💰$💰",
        "1e308 billion dollars",
        "31/31/31",
        "0/0/0000",
        "quý 0/0000",
        "Q0 0000",
        "thứ 0",
        "9999 năm",
        "99999999999 years",
        "the first 99 months of 2023",
        "\u{0}\u{1}\u{7f}",
        "ﬁ ß ẞ ǅ",
    ];
    let doc = chrono::NaiveDate::from_ymd_opt(2025, 6, 18);
    for code in builtin_codes() {
        let p = pack(code).expect("pack");
        for doc_date in [None, doc] {
            let ctx = ParseCtx::new(p, doc_date);
            for j in junk {
                let folded = fold_str(j);
                let _ = parse_any(&folded, &ctx, None);
                for kind in KIND_ORDER {
                    let _ = parse_any(&folded, &ctx, Some(kind));
                    let _ = parse(kind, &folded, &ctx);
                    let _ = parse(kind, j, &ctx);
                }
            }
        }
    }
}

#[test]
fn huge_digit_runs_are_errors_or_finite() {
    let p = pack("en").expect("en");
    let ctx = ParseCtx::new(p, None);
    let long = format!("${} billion", "9".repeat(400));
    match parse_any(&fold_str(&long), &ctx, Some(ValueKind::Money)) {
        Ok((_, v)) => {
            let q = v.quantity().expect("quantity");
            assert!(q.interval.low.is_finite() && q.interval.high.is_finite());
        }
        Err(e) => assert!(!e.message.is_empty()),
    }
}
