//! Year arithmetic for temporal checks: completed years and calendar-year differences.
//!
//! News counts anniversaries both ways: "33 years of relations" in May 2025 for ties
//! established in June 1992 is the calendar-year difference (2025 − 1992); 32 is the
//! completed count. Both are accepted (DESIGN.md, "anniversaries").

use chrono::{Datelike, NaiveDate};

/// Whole years from `from` to `to` (0 when `to` is before the first anniversary).
pub fn completed_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// `to.year() − from.year()`.
pub fn calendar_years(from: NaiveDate, to: NaiveDate) -> i32 {
    to.year() - from.year()
}

/// The year counts accepted between an event that happened within `[start, end]` and
/// `date`: every completed-years count and calendar-year difference over that span,
/// as an inclusive range.
pub fn accepted_years(start: NaiveDate, end: NaiveDate, date: NaiveDate) -> (i32, i32) {
    let counts = [
        completed_years(start, date),
        completed_years(end, date),
        calendar_years(start, date),
        calendar_years(end, date),
    ];
    let low = counts.iter().copied().min().unwrap_or(0);
    let high = counts.iter().copied().max().unwrap_or(0);
    (low, high)
}

/// `date` moved by `years` whole years (29 February becomes 28 February).
pub fn shifted(date: NaiveDate, years: i32) -> NaiveDate {
    if years == 0 {
        return date;
    }
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn both_conventions() {
        assert_eq!(completed_years(d(1992, 6, 29), d(2025, 5, 5)), 32);
        assert_eq!(calendar_years(d(1992, 6, 29), d(2025, 5, 5)), 33);
        assert_eq!(completed_years(d(1992, 6, 29), d(2023, 6, 29)), 31);
        assert_eq!(
            accepted_years(d(1959, 7, 1), d(1959, 7, 31), d(2025, 5, 5)),
            (65, 66)
        );
        assert_eq!(
            accepted_years(d(2012, 4, 1), d(2012, 4, 30), d(2025, 5, 5)),
            (13, 13)
        );
    }
}
