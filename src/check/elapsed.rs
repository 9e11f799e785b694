// The module documentation lives in doc/elapsed.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/elapsed.md")]

use chrono::{Datelike, NaiveDate};

use super::describe;
use super::verdict::Step;
use crate::corpus::Document;
use crate::extract::{Stated, TemporalMention};
use crate::rules::{Claim, Event};
use crate::value::calendar::shifted;
use crate::value::date::DateSpan;
use crate::value::{Hedge, Quantity};

/// Average days in a month, for the fraction of a month left over.
const DAYS_PER_MONTH: f64 = 30.44;

/// The arithmetic and verdict for one mention: the stated duration against the time
/// from `from` to `until` (another event's dates, or the document date).
pub(crate) fn assess(
    claim: &Claim,
    from: &Event,
    until: Option<&Event>,
    doc: &Document,
    m: &TemporalMention,
) -> Vec<Step> {
    let Stated::Count {
        amount,
        reference_shift,
        ..
    } = &m.stated
    else {
        return Vec::new();
    };
    let (to, to_label) = match (until, doc.date) {
        (Some(event), _) => (event.date.clone(), event.label.clone()),
        // "will mark 50 years of diplomatic relations next year": any day of that year.
        (None, Some(date)) if *reference_shift != 0 => {
            let year = shifted(date, *reference_shift).year();
            (
                DateSpan::year(year).unwrap_or_else(|| DateSpan::day(date)),
                format!("the year the sentence speaks of, {year}"),
            )
        }
        (None, Some(date)) => (DateSpan::day(date), "the document date".to_string()),
        (None, None) => {
            return vec![Step::finding(
                String::new(),
                describe::needs_date(claim, doc, m.span),
            )];
        }
    };
    let unit = Unit::of(amount);
    // An event still to come is counted down to: "the lease runs until 2050, another
    // 35 years", "còn 24 năm nữa".
    let ahead = from.date.start > to.end;
    let ((earlier, earlier_label), (later, later_label)) = if ahead {
        ((&to, to_label.as_str()), (&from.date, from.label.as_str()))
    } else {
        ((&from.date, from.label.as_str()), (&to, to_label.as_str()))
    };
    let elapsed = (
        unit.between(earlier.end, later.start),
        unit.between(earlier.start, later.end),
    );
    let arithmetic = format!(
        "from {earlier_label} ({}) to {later_label} ({}): {}; stated {}",
        describe::date_span(earlier),
        describe::date_span(later),
        unit.show(elapsed),
        unit.show((amount.interval.low, amount.interval.high)),
    );
    if agrees(amount, unit, elapsed) {
        return vec![Step::ok(arithmetic)];
    }
    let text = describe::text(doc, m.span);
    vec![Step::finding(
        arithmetic.clone(),
        describe::event_finding(
            claim,
            doc,
            m.span,
            text.to_string(),
            unit.show(elapsed),
            format!("`{text}` is not the time from {earlier_label} to {later_label}"),
            arithmetic,
            from,
        ),
    )]
}

/// Whether the stated amount fits some time in `elapsed` (low, high, in `unit`s).
/// The years from `from` to `to`, by the calendar, the days left over as a fraction.
pub(super) fn years_between(from: NaiveDate, to: NaiveDate) -> f64 {
    Unit::Year.between(from, to)
}

/// Whether the hedged count of years `years` fits the time from `from` (a date span)
/// to `to`, counted to the day as an `elapsed` claim counts it: "nearly six years"
/// is under six, "more than ten years" over ten.
pub(super) fn hedged_years_fit(years: &Quantity, from: &DateSpan, to: NaiveDate) -> bool {
    let elapsed = (
        Unit::Year.between(from.end, to),
        Unit::Year.between(from.start, to),
    );
    agrees(years, Unit::Year, elapsed)
}

fn agrees(amount: &Quantity, unit: Unit, (low, high): (f64, f64)) -> bool {
    // A few days of slack where a hedge bounds the count, since months and years
    // are counted to the day.
    let slack = unit.slack_days() / unit.days();
    let (below, above) = match amount.hedge {
        Hedge::None | Hedge::Exact => (0.5, 1.0 - 1e-9),
        Hedge::Range => (0.0, 0.0),
        Hedge::About => (0.5, 0.5),
        Hedge::Nearly | Hedge::LessThan | Hedge::AtMost => (slack, slack),
        Hedge::MoreThan | Hedge::AtLeast => (slack, 0.0),
    };
    let stated_low = amount.interval.low - below;
    // "More than a year" is anything short of two, however narrow the pack's hedge.
    let stated_high = if matches!(amount.hedge, Hedge::MoreThan | Hedge::AtLeast) {
        amount.interval.high.max(amount.nominal + 1.0)
    } else {
        amount.interval.high + above
    };
    low <= stated_high && stated_low <= high
}

/// The unit a duration is counted in.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn of(amount: &Quantity) -> Self {
        match amount.unit.as_deref() {
            Some("day") => Unit::Day,
            Some("week") => Unit::Week,
            Some("month") => Unit::Month,
            _ => Unit::Year,
        }
    }

    /// The time from `from` to `to` in this unit (negative when `to` is earlier);
    /// months and years by the calendar, with the days left over as a fraction.
    fn between(self, from: NaiveDate, to: NaiveDate) -> f64 {
        let days = (to - from).num_days() as f64;
        let months = || {
            let whole = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
            f64::from(whole) + f64::from(to.day() as i32 - from.day() as i32) / DAYS_PER_MONTH
        };
        match self {
            Unit::Day => days,
            Unit::Week => days / 7.0,
            Unit::Month => months(),
            Unit::Year => months() / 12.0,
        }
    }

    fn days(self) -> f64 {
        match self {
            Unit::Day => 1.0,
            Unit::Week => 7.0,
            Unit::Month => DAYS_PER_MONTH,
            Unit::Year => 365.25,
        }
    }

    /// How many days a hedged bound may be off.
    fn slack_days(self) -> f64 {
        match self {
            Unit::Day => 0.0,
            Unit::Week => 1.0,
            Unit::Month => 1.0,
            Unit::Year => 2.0,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Year => "years",
        }
    }

    /// "83 days", "3.3 months".
    fn amount(self, x: f64) -> String {
        format!("{} {}", self.rounded(x), self.name())
    }

    fn rounded(self, x: f64) -> f64 {
        if self == Unit::Day {
            x.round()
        } else {
            (x * 10.0).round() / 10.0
        }
    }

    /// [`Unit::amount`], but near a whole number of months or years with the days
    /// that tell it from that number: "4 years less 3 days" (not "4 years").
    fn amount_to_the_day(self, x: f64) -> String {
        let shown = self.rounded(x);
        let days = ((x - shown) * self.days()).round();
        if shown.fract() == 0.0 && days != 0.0 && matches!(self, Unit::Month | Unit::Year) {
            let (word, days) = if days < 0.0 {
                ("less", -days)
            } else {
                ("and", days)
            };
            let unit = if days == 1.0 { "day" } else { "days" };
            return format!("{shown} {} {word} {days} {unit}", self.name());
        }
        format!("{shown} {}", self.name())
    }

    /// The elapsed time: one amount, or "from A to B" when the events' spans leave
    /// it open.
    fn show(self, (low, high): (f64, f64)) -> String {
        let (a, b) = (self.amount(low), self.amount(high));
        if a == b && (high - low) * self.days() < 1.0 {
            self.amount_to_the_day(low)
        } else if a == b {
            a
        } else {
            format!("{} to {b}", a.trim_end_matches(self.name()).trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Interval;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn stated(low: f64, high: f64, hedge: Hedge, unit: &str) -> Quantity {
        Quantity {
            nominal: low,
            interval: Interval::new(low, high),
            unit: Some(unit.into()),
            hedge,
        }
    }

    fn fits(amount: Quantity, from: &str, to: &str) -> bool {
        let unit = Unit::of(&amount);
        let x = unit.between(date(from), date(to));
        agrees(&amount, unit, (x, x))
    }

    #[test]
    fn months_are_counted_by_the_calendar() {
        let x = Unit::Month.between(date("2024-09-10"), date("2024-12-19"));
        assert!((x - 3.3).abs() < 0.01, "{x}");
        assert_eq!(
            Unit::Day.between(date("2024-09-27"), date("2024-12-19")),
            83.0
        );
        assert_eq!(Unit::Month.show((3.29, 3.31)), "3.3 months");
        assert_eq!(Unit::Day.show((82.0, 84.0)), "82 to 84 days");
        // Three days short of four years is not shown as "4 years".
        let x = Unit::Year.between(date("2021-06-15"), date("2025-06-12"));
        assert_eq!(Unit::Year.show((x, x)), "4 years less 3 days");
        let x = Unit::Year.between(date("2021-06-15"), date("2025-06-16"));
        assert_eq!(Unit::Year.show((x, x)), "4 years and 1 day");
        assert_eq!(Unit::Year.show((3.96, 4.0)), "4 years");
    }

    #[test]
    fn a_bare_count_is_rounded_or_completed() {
        let three = || stated(3.0, 3.0, Hedge::None, "month");
        assert!(fits(three(), "2024-09-10", "2024-12-19"));
        assert!(fits(three(), "2024-09-10", "2024-11-27"));
        assert!(!fits(three(), "2024-09-10", "2025-01-12"));
        assert!(!fits(three(), "2024-09-10", "2024-11-20"));
    }

    #[test]
    fn hedges_bound_the_count() {
        // "hơn 100 ngày" (100–150) for 83 days; "knapp neun Monate" for 3.3 months.
        assert!(!fits(
            stated(100.0, 150.0, Hedge::MoreThan, "day"),
            "2024-09-27",
            "2024-12-19"
        ));
        assert!(fits(
            stated(80.0, 120.0, Hedge::MoreThan, "day"),
            "2024-09-27",
            "2024-12-19"
        ));
        assert!(!fits(
            stated(8.1, 9.0, Hedge::Nearly, "month"),
            "2024-09-10",
            "2024-12-19"
        ));
        // "more than a year" read narrowly ([meta] hedges more_than = "10%") is still
        // anything short of two years; "hơn 10 năm" so read is no 11.5 years.
        let more_than = |n: f64| Quantity {
            nominal: n,
            ..stated(n, n * 1.1, Hedge::MoreThan, "year")
        };
        assert!(fits(more_than(1.0), "2021-01-01", "2022-10-01"));
        assert!(!fits(more_than(1.0), "2021-01-01", "2023-02-01"));
        assert!(!fits(more_than(10.0), "2010-01-01", "2021-07-01"));
        // "gần bốn năm" is not 3.26 years.
        assert!(!fits(
            stated(3.6, 4.0, Hedge::Nearly, "year"),
            "2020-01-30",
            "2023-05-05"
        ));
        // "nearly three months" for 2.7 months, not for 3.5.
        let nearly = || stated(2.7, 3.0, Hedge::Nearly, "month");
        assert!(fits(nearly(), "2024-09-27", "2024-12-19"));
        assert!(!fits(nearly(), "2024-09-01", "2024-12-16"));
    }
}
