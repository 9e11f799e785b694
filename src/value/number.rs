//! Reading numbers: digit runs with the pack's separators, number words, scale words,
//! and the rounding interval implied by the written precision.
//!
//! Separator heuristic: the pack's decimal separator always reads as a decimal point;
//! group separators must be followed by exactly three digits. An *ambiguous* group
//! separator (vi/de `.`) reads as a decimal point when a single one is not followed by
//! exactly three digits ("1.5" = 1.5, "1.000" = 1000). In English "1,5" is **not** a
//! number: the regex does not read the `,5` and scanning rejects a number glued to a
//! separator followed by a digit.

use super::interval::Interval;
use crate::lang::LangPack;

/// A number as written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    /// The value.
    pub value: f64,
    /// Digits after the decimal point, `None` for an integer.
    pub decimals: Option<u32>,
    /// Trailing zeros of an integer.
    pub trailing_zeros: u32,
}

impl Num {
    pub(crate) fn integer(value: f64) -> Num {
        let mut zeros = 0;
        let mut v = value.abs();
        while v >= 10.0 && v.is_finite() && (v % 10.0) == 0.0 && zeros < 400 {
            v /= 10.0;
            zeros += 1;
        }
        Num {
            value,
            decimals: None,
            trailing_zeros: zeros,
        }
    }

    /// Width of the rounding unit. Integer trailing zeros count as significant only when
    /// `zeros_significant` (percents); otherwise "800" has unit 100.
    pub fn unit(&self, zeros_significant: bool) -> f64 {
        match self.decimals {
            Some(d) => 10f64.powi(-(d.min(300) as i32)),
            None if zeros_significant || self.value == 0.0 => 1.0,
            None => 10f64.powi(self.trailing_zeros.min(300) as i32),
        }
    }

    /// The rounding interval of the written number.
    pub fn rounding(&self, zeros_significant: bool) -> Interval {
        let half = self.unit(zeros_significant) / 2.0;
        Interval::new(self.value - half, self.value + half)
    }
}

/// Parses a digit run with separators (`"1.000,5"`, `"146.3"`, `"1 000 000"`).
pub(crate) fn parse_digits(s: &str, pack: &LangPack) -> Option<Num> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut int_part = String::new();
    let mut frac_part: Option<String> = None;
    // Split into digit groups and the separators between them.
    let mut groups: Vec<String> = vec![String::new()];
    let mut seps: Vec<char> = Vec::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            if let Some(g) = groups.last_mut() {
                g.push(c);
            }
        } else {
            seps.push(c);
            groups.push(String::new());
        }
    }
    if groups.iter().any(String::is_empty) {
        return None;
    }
    let decimal_at = seps.iter().rposition(|c| pack.decimal.contains(c));
    let decimal_at = match decimal_at {
        Some(i) if i + 1 == seps.len() => Some(i),
        Some(_) => return None,
        None => {
            let all_grouping = seps
                .iter()
                .zip(groups.iter().skip(1))
                .all(|(c, g)| pack.group.contains(c) && g.len() == 3);
            if all_grouping
                && groups
                    .first()
                    .is_some_and(|g| g.len() <= 3 || seps.is_empty())
            {
                None
            } else if seps.len() == 1
                && seps
                    .first()
                    .is_some_and(|c| pack.ambiguous_group.contains(c))
            {
                Some(0)
            } else {
                return None;
            }
        }
    };
    let int_groups = match decimal_at {
        Some(i) => i + 1,
        None => groups.len(),
    };
    for (i, g) in groups.iter().enumerate() {
        if i < int_groups {
            if i > 0 {
                let grouped = seps.get(i - 1).is_some_and(|c| pack.group.contains(c));
                if !grouped || g.len() != 3 || groups.first().is_some_and(|g| g.len() > 3) {
                    return None;
                }
            }
            int_part.push_str(g);
        } else {
            frac_part = Some(g.clone());
        }
    }
    let text = match &frac_part {
        Some(f) => format!("{int_part}.{f}"),
        None => int_part.clone(),
    };
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    match frac_part {
        Some(f) => Some(Num {
            value,
            decimals: Some(f.len() as u32),
            trailing_zeros: 0,
        }),
        None => {
            let zeros = int_part.len() - int_part.trim_end_matches('0').len();
            let zeros = if zeros == int_part.len() { 0 } else { zeros };
            Some(Num {
                value,
                decimals: None,
                trailing_zeros: zeros as u32,
            })
        }
    }
}

/// Parses a number written in words ("ba mươi ba", "dreiunddreißig", "thirty-three").
pub(crate) fn parse_words(s: &str, pack: &LangPack) -> Option<Num> {
    let mut rest = s.trim();
    if rest.is_empty() {
        return None;
    }
    let mut joiners: Vec<&str> = pack
        .joiners
        .iter()
        .map(String::as_str)
        .filter(|j| !j.is_empty())
        .collect();
    joiners.sort_by_key(|j| std::cmp::Reverse(j.len()));
    let (mut total, mut current, mut seg) = (0f64, 0f64, 0f64);
    let mut tokens = 0usize;
    let mut last_value: Option<f64> = None;
    while !rest.is_empty() {
        if tokens > 0 {
            let mut moved = true;
            while moved {
                moved = false;
                for j in &joiners {
                    if let Some(r) = rest.strip_prefix(j) {
                        rest = r;
                        moved = true;
                    }
                }
            }
            if rest.is_empty() {
                return None;
            }
        }
        // Longest token at this position.
        let mut best: Option<(usize, f64, bool)> = None;
        for (w, v) in &pack.number_words {
            if rest.starts_with(w.as_str()) && best.is_none_or(|b| w.len() > b.0) {
                best = Some((w.len(), *v, false));
            }
        }
        // On a tie a multiplier wins: vi "mười"/"mươi" both fold to "muoi".
        for (w, v) in &pack.multipliers {
            if rest.starts_with(w.as_str()) && best.is_none_or(|b| w.len() >= b.0) {
                best = Some((w.len(), *v, true));
            }
        }
        let (len, v, mult) = best?;
        rest = &rest[len..];
        tokens += 1;
        if !mult {
            // Units never follow units ("ba ba", "one two"), tens never follow tens; a
            // half follows either ("two and a half", "dreieinhalb").
            let bad = |p: f64| {
                (p < 10.0 && v < 20.0 && !(v > 0.0 && v < 1.0))
                    || ((20.0..100.0).contains(&p) && (20.0..100.0).contains(&v))
            };
            if last_value.is_some_and(bad) {
                return None;
            }
            last_value = Some(v);
        } else {
            last_value = None;
        }
        if !mult {
            seg += v;
        } else if v < 1000.0 {
            let base = if seg == 0.0 { 1.0 } else { seg };
            current += base * v;
            seg = 0.0;
        } else {
            let base = current + seg;
            total += if base == 0.0 { 1.0 } else { base } * v;
            current = 0.0;
            seg = 0.0;
        }
    }
    let value = total + current + seg;
    if !value.is_finite() {
        return None;
    }
    // "two and a half" is as precise as "2.5".
    Some(if value.fract() == 0.0 {
        Num::integer(value)
    } else {
        Num {
            value,
            decimals: Some(1),
            trailing_zeros: 0,
        }
    })
}

/// Parses digits or words.
pub(crate) fn parse_num(s: &str, pack: &LangPack) -> Option<Num> {
    parse_digits(s, pack).or_else(|| parse_words(s, pack))
}

/// An amount: a number with an optional scale word ("800 million", "1,5 tỷ", "a billion").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Amount {
    /// Number times scale.
    pub nominal: f64,
    /// Rounding interval (times scale).
    pub rounding: Interval,
    /// The number before the scale word.
    pub num: Num,
    /// The scale multiplier (1 when there is none).
    pub scale: f64,
}

/// Parses an amount; `money` also admits the money-only scale abbreviations.
pub(crate) fn parse_amount(
    s: &str,
    pack: &LangPack,
    money: bool,
    zeros_significant: bool,
) -> Option<Amount> {
    let s = s.trim();
    // "hai tỷ rưỡi", "ba triệu rưỡi": half a scale unit more, read as "2,5 tỷ".
    if let Some(head) = pack
        .and_a_half
        .iter()
        .find_map(|half| s.strip_suffix(half.as_str())?.strip_suffix(' '))
    {
        let whole = parse_amount(head, pack, money, zeros_significant)?;
        if whole.scale <= 1.0 || whole.num.decimals.is_some() {
            return None;
        }
        let num = Num {
            value: whole.num.value + 0.5,
            decimals: Some(1),
            trailing_zeros: 0,
        };
        return finish(num, whole.scale, zeros_significant);
    }
    let mut scales: Vec<&(String, f64)> = pack.scales.iter().collect();
    if money {
        scales.extend(pack.money_scales.iter());
    }
    scales.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    for (w, m) in scales {
        let Some(head) = s.strip_suffix(w.as_str()) else {
            continue;
        };
        let head = head.trim_end();
        if head.is_empty() {
            continue;
        }
        let num = if pack.one_words.iter().any(|o| o == head) {
            Some(Num::integer(1.0))
        } else {
            parse_num(head, pack)
        };
        if let Some(num) = num {
            return finish(num, *m, zeros_significant);
        }
    }
    parse_num(s, pack).and_then(|n| finish(n, 1.0, zeros_significant))
}

/// `num` times `scale` as an amount (`None` when it overflows).
pub(crate) fn finish(num: Num, scale: f64, zeros_significant: bool) -> Option<Amount> {
    let nominal = num.value * scale;
    let rounding = num.rounding(zeros_significant).scale(scale);
    (nominal.is_finite() && rounding.low.is_finite() && rounding.high.is_finite()).then_some(
        Amount {
            nominal,
            rounding,
            num,
            scale,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::pack;

    fn p(code: &str) -> &'static LangPack {
        pack(code).expect("pack")
    }

    #[test]
    fn separators() {
        let vi = p("vi");
        assert_eq!(parse_digits("1.000", vi).map(|n| n.value), Some(1000.0));
        assert_eq!(parse_digits("1.5", vi).map(|n| n.value), Some(1.5));
        assert_eq!(parse_digits("6,3", vi).map(|n| n.value), Some(6.3));
        assert_eq!(
            parse_digits("1.000.000,25", vi).map(|n| n.value),
            Some(1_000_000.25)
        );
        assert_eq!(parse_digits("1.000.00", vi), None);
        let en = p("en");
        assert_eq!(parse_digits("1,000", en).map(|n| n.value), Some(1000.0));
        assert_eq!(parse_digits("1,5", en), None);
        assert_eq!(parse_digits("146.3", en).map(|n| n.decimals), Some(Some(1)));
        let fr = p("fr");
        assert_eq!(parse_digits("1 000 000", fr).map(|n| n.value), Some(1e6));
        assert_eq!(parse_digits("12,5", fr).map(|n| n.value), Some(12.5));
        assert_eq!(parse_digits("", fr), None);
        assert_eq!(parse_digits("9".repeat(500).as_str(), fr), None);
    }

    #[test]
    fn rounding_units() {
        let en = p("en");
        let n = parse_digits("800", en).expect("800");
        assert_eq!(n.rounding(false), Interval::new(750.0, 850.0));
        assert_eq!(n.rounding(true), Interval::new(799.5, 800.5));
        let a = parse_amount("146.3 million", en, false, false).expect("amount");
        assert!((a.rounding.low - 146.25e6).abs() < 1.0);
        assert!((a.rounding.high - 146.35e6).abs() < 1.0);
    }

    #[test]
    fn words() {
        let cases = [
            ("vi", "ba muoi ba", 33.0),
            ("vi", "hai muoi", 20.0),
            ("vi", "muoi lam", 15.0),
            ("vi", "hai tram ba muoi", 230.0),
            ("de", "dreiunddreissig", 33.0),
            ("de", "zweihundert", 200.0),
            ("en", "thirty-three", 33.0),
            ("en", "one hundred and five", 105.0),
            ("fr", "trente-trois", 33.0),
            ("fr", "vingt et un", 21.0),
            ("fr", "quatre-vingt-dix", 90.0),
            ("ru", "тридцать три", 33.0),
        ];
        for (code, s, v) in cases {
            assert_eq!(
                parse_words(s, p(code)).map(|n| n.value),
                Some(v),
                "{code} {s}"
            );
        }
        assert_eq!(parse_words("bogus", p("en")), None);
    }

    #[test]
    fn one_before_scale() {
        let a = parse_amount("a billion", p("en"), false, false).expect("a billion");
        assert_eq!(a.nominal, 1e9);
        assert_eq!(a.rounding, Interval::new(0.5e9, 1.5e9));
        let a = parse_amount("un milliard", p("fr"), false, false).expect("un milliard");
        assert_eq!(a.nominal, 1e9);
    }
}
