//! Intervals, hedges and quantities: what a written number can mean.
//!
//! A bare number means its rounding interval; a hedge word replaces it
//! (nearly X → [0.9X, X), about X → [0.9X, 1.1X], more than X → (X, 1.5X],
//! less than X → [0.5X, X), at least X → [X, 1.5X], at most X → [0.5X, X],
//! exactly X → [X, X]), widening by no more than five units of the last digit
//! written (see [`Hedge::interval`]). "More than", "nearly" and "less than" leave X
//! itself out: "more than 100 days" is wrong for 100 days.

use serde::Serialize;

/// An interval of reals, its bounds included unless marked open: "more than 100"
/// is (100, 150], above 100 and not 100 itself.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
    /// Whether `low` itself is left out ("more than 100").
    pub low_open: bool,
    /// Whether `high` itself is left out ("nearly 100", "less than 100").
    pub high_open: bool,
}

impl Interval {
    /// Builds a closed interval, ordering the bounds.
    pub fn new(a: f64, b: f64) -> Self {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        Interval {
            low,
            high,
            low_open: false,
            high_open: false,
        }
    }

    /// The one-point interval `[x, x]`.
    pub fn point(x: f64) -> Self {
        Interval::new(x, x)
    }

    /// `(low, high]`: above `low`, up to `high`.
    pub fn above(low: f64, high: f64) -> Self {
        Interval {
            low_open: true,
            ..Interval::new(low, high)
        }
    }

    /// `[low, high)`: from `low`, below `high`.
    pub fn below(low: f64, high: f64) -> Self {
        Interval {
            high_open: true,
            ..Interval::new(low, high)
        }
    }

    /// The interval with `f` (increasing) applied to both bounds, which stay open or
    /// closed.
    pub fn map_bounds(self, f: impl Fn(f64) -> f64) -> Self {
        Interval {
            low: f(self.low),
            high: f(self.high),
            ..self
        }
    }

    /// Whether the two intervals share at least one point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let before = |a: &Interval, b: &Interval| {
            a.high < b.low || (a.high == b.low && (a.high_open || b.low_open))
        };
        !before(self, other) && !before(other, self)
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: f64) -> bool {
        (self.low < x || (self.low == x && !self.low_open))
            && (x < self.high || (x == self.high && !self.high_open))
    }

    /// The common part of two intervals, if any.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        if !self.overlaps(other) {
            return None;
        }
        let (low, low_open) = match self.low.total_cmp(&other.low) {
            std::cmp::Ordering::Greater => (self.low, self.low_open),
            std::cmp::Ordering::Less => (other.low, other.low_open),
            std::cmp::Ordering::Equal => (self.low, self.low_open || other.low_open),
        };
        let (high, high_open) = match self.high.total_cmp(&other.high) {
            std::cmp::Ordering::Less => (self.high, self.high_open),
            std::cmp::Ordering::Greater => (other.high, other.high_open),
            std::cmp::Ordering::Equal => (self.high, self.high_open || other.high_open),
        };
        Some(Interval {
            low,
            high,
            low_open,
            high_open,
        })
    }

    /// The interval multiplied by `f` (bounds reordered for negative `f`).
    pub fn scale(&self, f: f64) -> Interval {
        if f < 0.0 {
            self.negate().scale(-f)
        } else if f == 0.0 {
            Interval::point(0.0)
        } else {
            self.map_bounds(|x| x * f)
        }
    }

    /// The interval negated (`[-high, -low]`).
    pub fn negate(&self) -> Interval {
        Interval {
            low: -self.high,
            high: -self.low,
            low_open: self.high_open,
            high_open: self.low_open,
        }
    }
}

/// How a number was qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum Hedge {
    /// A bare number: its rounding interval applies.
    None,
    /// "exactly", "đúng", "genau", "ровно".
    Exact,
    /// "about", "khoảng", "etwa", "environ", "около".
    About,
    /// "nearly", "gần", "fast", "près de", "почти".
    Nearly,
    /// "more than", "hơn", "über", "plus de", "более".
    MoreThan,
    /// "less than", "dưới", "unter", "moins de", "менее".
    LessThan,
    /// "at least", "ít nhất", "mindestens", "au moins", "не менее": the figure itself
    /// included, as it is not in "more than". Also "over", "trên" and "über", which
    /// may mean "during" or "of" ("verfügen über 328 Sitze").
    AtLeast,
    /// "at most", "nhiều nhất", "höchstens", "au plus", "не более".
    AtMost,
    /// A range, "20-25 tỷ USD", "zwischen 150 und 200": the interval is the one it
    /// states, from one end to the other, and the value its middle.
    Range,
}

/// The share of a figure each hedge widens it by: "about X" is X ± `about`·X,
/// "nearly X" [X − `nearly`·X, X], "more than X" [X, X + `more_than`·X], "less than
/// X" [X − `less_than`·X, X] — each capped as [`Hedge::interval`] says. A rule pack
/// may set its own (`hedges` in `[meta]` or on a claim).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HedgeWidths {
    /// "about", "khoảng", "etwa": 0.1 unless set.
    pub about: f64,
    /// "nearly", "gần", "fast": 0.1 unless set.
    pub nearly: f64,
    /// "more than", "hơn", "über": 0.5 unless set.
    pub more_than: f64,
    /// "less than", "dưới", "unter": 0.5 unless set.
    pub less_than: f64,
    /// Whether a hedge widens by no more than the figure's written precision allows
    /// ([`Hedge::interval`]): true unless a pack says its hedges are shares alone
    /// (`capped = false`: "rund 450.000" is 405,000 to 495,000 with about = 10%).
    pub capped: bool,
}

impl Default for HedgeWidths {
    fn default() -> Self {
        HedgeWidths {
            about: 0.1,
            nearly: 0.1,
            more_than: 0.5,
            less_than: 0.5,
            capped: true,
        }
    }
}

impl Hedge {
    /// The interval a hedged value `x` (≥ 0) stands for; `None` for a bare number.
    ///
    /// A hedge admits that `x` was rounded, perhaps once more: it widens by its share
    /// of `x` (10% for about and nearly, 50% for more and less than), but by no more
    /// than half a unit of the digit before its last significant one. "About 1
    /// billion" is [0.9, 1.1] billion and "more than 50%" [50, 75]%, while "about
    /// 672 dollars" is [667, 677]: no one writes "about 672" for 627.
    ///
    /// A figure of one significant digit ("80", "900 million") under "about"
    /// or "nearly" is taken as rounded to its own place: "about 80%" is [75, 85]%,
    /// not [72, 88]%, so it does not agree with 88%. Bounds ("more than 80") are not
    /// roundings and keep their share.
    pub fn interval(&self, x: f64) -> Option<Interval> {
        self.interval_with(x, &HedgeWidths::default())
    }

    /// [`Hedge::interval`] with the shares of `widths`.
    pub fn interval_with(&self, x: f64, widths: &HedgeWidths) -> Option<Interval> {
        let (next_digit_half_unit, rounded_figure_half_unit) = if widths.capped {
            (5.0 * last_significant_unit(x), 5.0 * round_figure_unit(x))
        } else {
            (f64::INFINITY, f64::INFINITY)
        };
        let widen = |share: f64| (share * x).min(next_digit_half_unit);
        let approximate = |share: f64| widen(share).min(rounded_figure_half_unit);
        Some(match self {
            Hedge::None | Hedge::Range => return None,
            Hedge::Exact => Interval::point(x),
            Hedge::About => {
                Interval::new(x - approximate(widths.about), x + approximate(widths.about))
            }
            Hedge::Nearly => Interval::below(x - approximate(widths.nearly), x),
            Hedge::MoreThan => Interval::above(x, x + widen(widths.more_than)),
            Hedge::LessThan => Interval::below(x - widen(widths.less_than), x),
            Hedge::AtLeast => Interval::new(x, x + widen(widths.more_than)),
            Hedge::AtMost => Interval::new(x - widen(widths.less_than), x),
        })
    }
}

/// The place value of the last significant digit of `x`: 1 for 672, 10 for 670
/// and 50, 0.1 for 12.5, 10⁵ for 146.3 million (zeros ending a whole number are not
/// significant). Infinite for 0, which has no digit to round.
fn last_significant_unit(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return f64::INFINITY;
    }
    let mut unit = 10f64.powi(x.log10().floor() as i32);
    for _ in 0..15 {
        let steps = x / unit;
        if (steps - steps.round()).abs() <= 1e-9 * steps {
            return unit;
        }
        unit /= 10.0;
    }
    unit
}

/// The place below the one digit of a figure of one significant digit (1 for 80,
/// 10⁸ for 9 billion, 0.1 for 8): "about" rounds such a figure to its own place,
/// whose half is five of these. Infinite for any other figure.
fn round_figure_unit(x: f64) -> f64 {
    let unit = last_significant_unit(x);
    let digits = (x.abs() / unit).round();
    if (1.0..=9.0).contains(&digits) {
        unit / 10.0
    } else {
        f64::INFINITY
    }
}

/// A number as written: nominal value, the interval it stands for, unit and hedge.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Quantity {
    /// The value as written (times its scale word).
    pub nominal: f64,
    /// The values the text is consistent with.
    pub interval: Interval,
    /// Unit: ISO currency code for money, `"year"` for counts, `"%"` for percents.
    pub unit: Option<String>,
    /// The hedge word in front of the number.
    pub hedge: Hedge,
}

/// Rounds away binary noise (`146350000.00000003` → `146350000`): 15 significant digits.
pub(crate) fn tidy(x: f64) -> f64 {
    // A whole number below 10^15 has at most 15 significant digits: it is its own
    // rounding (most values: amounts, years, their bounds), no text round trip.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return x;
    }
    tidy_by_text(x)
}

/// [`tidy`] by printing 15 significant digits and reading them back.
fn tidy_by_text(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    format!("{x:.14e}").parse().unwrap_or(x)
}

impl Quantity {
    /// The quantity below zero: its nominal and both bounds negated.
    pub fn negated(&self) -> Quantity {
        Quantity {
            nominal: -self.nominal,
            interval: self.interval.negate(),
            ..self.clone()
        }
    }

    /// The quantity with its hedge read by `widths` instead of the default shares. A
    /// bound that a reading set apart keeps its own end ("more than two-thirds" starts
    /// at the exact share): only the end the hedge widens to moves.
    pub fn with_hedge_widths(mut self, widths: &HedgeWidths) -> Self {
        let x = self.nominal.abs();
        let (Some(default), Some(wanted)) =
            (self.hedge.interval(x), self.hedge.interval_with(x, widths))
        else {
            return self;
        };
        let negative = self.nominal < 0.0;
        let current = if negative {
            self.interval.negate()
        } else {
            self.interval
        };
        let same = |a: f64, b: f64| (a - b).abs() <= 1e-9 * x.max(1.0);
        let as_read = same(current.low, default.low) && same(current.high, default.high);
        let interval = match self.hedge {
            _ if as_read => wanted,
            Hedge::MoreThan | Hedge::AtLeast => Interval {
                low_open: current.low_open,
                ..Interval::new(current.low, wanted.high.max(current.low))
            },
            Hedge::Nearly | Hedge::LessThan | Hedge::AtMost => Interval {
                high_open: current.high_open,
                ..Interval::new(wanted.low.min(current.high), current.high)
            },
            _ => wanted,
        };
        let interval = interval.map_bounds(tidy);
        self.interval = if negative {
            interval.negate()
        } else {
            interval
        };
        self
    }

    /// Builds a quantity from a magnitude, its rounding interval and a hedge;
    /// `negative` flips the sign of everything (decreases).
    pub fn new(
        nominal: f64,
        rounding: Interval,
        hedge: Hedge,
        unit: Option<String>,
        negative: bool,
    ) -> Self {
        let interval = hedge.interval(nominal).unwrap_or(rounding).map_bounds(tidy);
        let nominal = tidy(nominal);
        if negative {
            Quantity {
                nominal: -nominal,
                interval: interval.negate(),
                unit,
                hedge,
            }
        } else {
            Quantity {
                nominal,
                interval,
                unit,
                hedge,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The shortcut for whole numbers rounds as printing and reading back does.
        #[test]
        fn tidy_equals_the_text_round_trip(
            whole in -2e15f64..2e15,
            scale in 0i32..16,
            x in proptest::num::f64::ANY,
        ) {
            let whole = whole.trunc();
            for value in [whole, whole / 10f64.powi(scale), x] {
                proptest::prop_assert_eq!(tidy(value).to_bits(), tidy_by_text(value).to_bits());
            }
        }
    }

    #[test]
    fn interval_ops() {
        let a = Interval::new(1.0, 3.0);
        let b = Interval::new(2.0, 5.0);
        assert!(a.overlaps(&b));
        assert!(a.contains(3.0));
        assert!(!a.contains(3.1));
        assert_eq!(a.intersection(&b), Some(Interval::new(2.0, 3.0)));
        assert_eq!(a.intersection(&Interval::point(4.0)), None);
        assert_eq!(a.scale(-2.0), Interval::new(-6.0, -2.0));
        assert_eq!(Interval::new(3.0, 1.0), a);
    }

    #[test]
    fn last_significant_units() {
        for (x, unit) in [
            (672.0, 1.0),
            (670.0, 10.0),
            (50.0, 10.0),
            (12.5, 0.1),
            (146.3e6, 1e5),
            (5.75e9, 1e7),
            (0.35, 0.01),
        ] {
            let got = last_significant_unit(x);
            assert!((got - unit).abs() <= unit * 1e-9, "{x}: {got}, not {unit}");
        }
    }

    #[test]
    fn hedge_widths_a_pack_sets() {
        let narrow = HedgeWidths {
            about: 0.05,
            nearly: 0.05,
            more_than: 0.1,
            less_than: 0.1,
            capped: true,
        };
        let read = |hedge, x: f64, rounding: Interval| {
            Quantity::new(x, rounding, hedge, None, false).with_hedge_widths(&narrow)
        };
        let none = Interval::point(0.0);
        assert_eq!(
            read(Hedge::About, 130.0, none).interval,
            Interval::new(123.5, 136.5)
        );
        assert_eq!(
            read(Hedge::MoreThan, 100.0, none).interval,
            Interval::above(100.0, 110.0)
        );
        assert_eq!(
            read(Hedge::AtLeast, 100.0, none).interval,
            Interval::new(100.0, 110.0)
        );
        // A decrease keeps its sign: "giảm khoảng 20%" is −21 to −19.
        let down = Quantity::new(20.0, none, Hedge::About, None, true).with_hedge_widths(&narrow);
        assert_eq!(down.interval, Interval::new(-21.0, -19.0));
        // A bound set apart keeps its own end: "more than two-thirds" starts at the
        // exact share; only the far end moves (at most five units past 67).
        let mut two_thirds = Quantity::new(67.0, none, Hedge::MoreThan, None, false);
        two_thirds.interval = Interval::new(66.67, 100.5);
        let narrowed = two_thirds.with_hedge_widths(&narrow);
        assert_eq!(narrowed.interval, Interval::new(66.67, 72.0));
        // A bare figure keeps its rounding interval.
        let bare = read(Hedge::None, 800.0, Interval::new(750.0, 850.0));
        assert_eq!(bare.interval, Interval::new(750.0, 850.0));
        // Shares alone (`capped = false`): "rund 477.000" with about = 10% is
        // 429,300 to 524,700, not 472,000 to 482,000; "about 80%" is 72 to 88.
        let shares = HedgeWidths {
            about: 0.1,
            capped: false,
            ..HedgeWidths::default()
        };
        let about = |x: f64| {
            Quantity::new(x, none, Hedge::About, None, false)
                .with_hedge_widths(&shares)
                .interval
        };
        assert_eq!(about(477_000.0), Interval::new(429_300.0, 524_700.0));
        assert_eq!(about(80.0), Interval::new(72.0, 88.0));
        assert_eq!(
            Hedge::About.interval(477_000.0),
            Some(Interval::new(472_000.0, 482_000.0))
        );
    }

    /// "More than", "nearly" and "less than" leave the figure out; "at least" and
    /// "at most" keep it; an open end survives negation, scaling and intersection.
    #[test]
    fn open_bounds() {
        let fact = Interval::point(100.0);
        let more_than = Hedge::MoreThan.interval(100.0).expect("hedged");
        assert!(!more_than.overlaps(&fact) && !fact.overlaps(&more_than));
        assert!(!more_than.contains(100.0) && more_than.contains(100.5));
        assert!(
            more_than.overlaps(&Interval::new(95.0, 105.0)),
            "a rounded fact"
        );
        let nearly = Hedge::Nearly.interval(100.0).expect("hedged");
        assert!(!nearly.overlaps(&fact) && nearly.contains(99.5));
        assert!(
            !Hedge::LessThan
                .interval(100.0)
                .expect("hedged")
                .contains(100.0)
        );
        assert!(
            Hedge::AtLeast
                .interval(100.0)
                .expect("hedged")
                .overlaps(&fact)
        );
        assert!(
            Hedge::AtMost
                .interval(100.0)
                .expect("hedged")
                .overlaps(&fact)
        );
        // Two open ends that meet share no point; an open end against a closed one
        // inside it does.
        assert!(!Interval::below(0.0, 1.0).overlaps(&Interval::above(1.0, 2.0)));
        assert!(Interval::below(0.0, 1.0).overlaps(&Interval::new(0.5, 2.0)));
        let down = more_than.negate();
        assert_eq!(down, Interval::below(-150.0, -100.0));
        assert_eq!(more_than.scale(-1.0), down);
        assert_eq!(more_than.scale(2.0), Interval::above(200.0, 300.0));
        assert_eq!(
            more_than.intersection(&Interval::new(100.0, 120.0)),
            Some(Interval::above(100.0, 120.0))
        );
        assert_eq!(more_than.intersection(&fact), None);
        // A quantity keeps the open end through its tidying and its sign.
        let q = Quantity::new(100.0, fact, Hedge::MoreThan, None, true);
        assert_eq!(q.interval, Interval::below(-150.0, -100.0));
    }

    #[test]
    fn hedges() {
        // "100": its share of x is the narrower. "672" is written to the unit: no
        // more than five units either way.
        for (hedge, x, (low, high)) in [
            (Hedge::Nearly, 100.0, (90.0, 100.0)),
            (Hedge::About, 100.0, (90.0, 110.0)),
            (Hedge::MoreThan, 100.0, (100.0, 150.0)),
            (Hedge::LessThan, 100.0, (50.0, 100.0)),
            (Hedge::About, 672.0, (667.0, 677.0)),
            (Hedge::Nearly, 672.0, (667.0, 672.0)),
            (Hedge::MoreThan, 672.0, (672.0, 677.0)),
            (Hedge::LessThan, 672.0, (667.0, 672.0)),
            // A round figure is rounded to its own place under "about" and "nearly";
            // a bound keeps its share.
            (Hedge::About, 80.0, (75.0, 85.0)),
            (Hedge::Nearly, 90.0, (85.0, 90.0)),
            (Hedge::About, 9e8, (8.5e8, 9.5e8)),
            (Hedge::About, 1e9, (0.9e9, 1.1e9)),
            (Hedge::About, 50.0, (45.0, 55.0)),
            (Hedge::About, 3500.0, (3150.0, 3850.0)),
            (Hedge::MoreThan, 80.0, (80.0, 120.0)),
            (Hedge::About, 8.0, (7.5, 8.5)),
            (Hedge::About, 48.0, (43.2, 52.8)),
            (Hedge::AtLeast, 100.0, (100.0, 150.0)),
            (Hedge::AtMost, 100.0, (50.0, 100.0)),
        ] {
            let closed = Interval::new(low, high);
            let expected = match hedge {
                Hedge::MoreThan => Interval::above(low, high),
                Hedge::Nearly | Hedge::LessThan => Interval::below(low, high),
                _ => closed,
            };
            assert_eq!(hedge.interval(x), Some(expected), "{hedge:?} {x}");
        }
        assert_eq!(Hedge::Exact.interval(7.0), Some(Interval::point(7.0)));
        assert_eq!(Hedge::None.interval(7.0), None);
        assert_eq!(Hedge::About.interval(0.0), Some(Interval::point(0.0)));
        let q = Quantity::new(6.3, Interval::new(6.25, 6.35), Hedge::None, None, true);
        assert_eq!(q.nominal, -6.3);
        assert_eq!(q.interval, Interval::new(-6.35, -6.25));
    }
}
