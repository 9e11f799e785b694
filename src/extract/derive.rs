//! Derived mentions: a stated value plus a percentage change implies a value for the
//! reference period ("US$800 million, up 99% from 2023" → 2023 ≈ US$402 million).
//! The implied interval carries the precision of both the value and the percentage.

use super::{Derived, Mention, bind, fill_key};
use crate::check::Span;
use crate::value::quantity::POINTS_UNIT;
use crate::value::{Interval, Period, Quantity};

/// The reference period of a change: the stated base, moved onto the claim's period
/// shape ("so với cùng kỳ năm 2022" after "4 tháng đầu năm 2023" → first 4 months of
/// 2022), or the same period one year earlier when no base is stated.
pub(crate) fn base_period(period: &Period, base: Option<&Period>) -> Period {
    match base {
        None => period.previous(),
        Some(Period::Year(year)) => period.with_year(*year),
        Some(base) => base.clone(),
    }
}

/// The value implied for `base` by `stated` and a signed percent `change`; for a
/// change in percentage points, the rate `stated` minus the points (none when
/// `stated` is no percentage).
pub(crate) fn implied(stated: &Quantity, change: &Quantity) -> Option<Quantity> {
    if change.unit.as_deref() == Some(POINTS_UNIT) {
        if stated.unit.as_deref() != Some("%") {
            return None;
        }
        return Some(Quantity {
            nominal: stated.nominal - change.nominal,
            interval: Interval::new(
                stated.interval.low - change.interval.high,
                stated.interval.high - change.interval.low,
            ),
            unit: stated.unit.clone(),
            hedge: stated.hedge,
        });
    }
    let factor = |pct: f64| 1.0 + pct / 100.0;
    let (low_factor, high_factor) = (factor(change.interval.low), factor(change.interval.high));
    if low_factor <= 0.0 || high_factor <= 0.0 {
        return None;
    }
    let nominal = stated.nominal / factor(change.nominal);
    Some(Quantity {
        nominal,
        interval: Interval::new(
            stated.interval.low / high_factor,
            stated.interval.high / low_factor,
        ),
        unit: stated.unit.clone(),
        hedge: stated.hedge,
    })
}

/// A derived mention, or `None` when the key cannot be filled for the base period.
#[allow(clippy::too_many_arguments)]
pub(crate) fn derived(
    claim: usize,
    key_template: &str,
    stated_key: &str,
    stated_span: Span,
    stated: &Quantity,
    change_span: Span,
    change: &Quantity,
    base: &Period,
) -> Option<Mention> {
    let bindings = bind(key_template, Some(base));
    let key = fill_key(key_template, &bindings)?;
    Some(Mention {
        claim,
        key,
        bindings,
        span: change_span,
        value: implied(stated, change)?,
        derived: Some(Derived {
            stated: stated.clone(),
            stated_span,
            change: change.clone(),
            stated_key: stated_key.to_string(),
        }),
        named: 0,
        among_figures: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Hedge;

    fn q(nominal: f64, low: f64, high: f64) -> Quantity {
        Quantity {
            nominal,
            interval: Interval::new(low, high),
            unit: None,
            hedge: Hedge::None,
        }
    }

    #[test]
    fn up_99_percent_halves_the_value() {
        let v = implied(&q(800e6, 750e6, 850e6), &q(99.0, 98.5, 99.5)).expect("implied");
        assert!((v.nominal - 402.01e6).abs() < 1e5);
        assert!(v.interval.low < 377e6 && v.interval.high > 427e6);
    }

    #[test]
    fn decrease_implies_a_larger_base() {
        let v = implied(&q(584e6, 583.5e6, 584.5e6), &q(-6.3, -6.35, -6.25)).expect("implied");
        assert!(v.interval.low < 623e6 && v.interval.high > 623e6);
    }

    #[test]
    fn points_are_subtracted_from_a_rate() {
        let rate = |nominal: f64, low: f64, high: f64| Quantity {
            unit: Some("%".into()),
            ..q(nominal, low, high)
        };
        let points = Quantity {
            unit: Some(POINTS_UNIT.into()),
            ..q(0.3, 0.25, 0.35)
        };
        let v = implied(&rate(6.0, 5.95, 6.05), &points).expect("implied");
        assert!((v.nominal - 5.7).abs() < 1e-9);
        assert!((v.interval.low - 5.6).abs() < 1e-9 && (v.interval.high - 5.8).abs() < 1e-9);
        assert!(
            implied(&q(800e6, 750e6, 850e6), &points).is_none(),
            "no rate"
        );
    }

    #[test]
    fn minus_100_percent_has_no_base() {
        assert!(implied(&q(1.0, 1.0, 1.0), &q(-100.0, -100.5, -99.5)).is_none());
    }

    #[test]
    fn base_period_follows_the_claim_shape() {
        let months = Period::Months {
            year: 2023,
            first: 1,
            last: 4,
        };
        assert_eq!(
            base_period(&months, Some(&Period::Year(2022))).key(),
            "2022-M01..M04"
        );
        assert_eq!(
            base_period(
                &Period::Quarter {
                    year: 2025,
                    quarter: 1
                },
                None
            )
            .key(),
            "2024-Q1"
        );
        assert_eq!(
            base_period(&Period::Year(2024), Some(&Period::Year(2023))).key(),
            "2023"
        );
    }
}
