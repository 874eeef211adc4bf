//! Which day Previous/Next Day go to: the calendar day before or after
//! (an empty day offers to start its log), and, with a second shortcut,
//! the nearest day that has a log.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

/// The calendar day before or after `from`.
pub fn calendar_step(from: NaiveDate, forward: bool) -> Option<NaiveDate> {
    if forward {
        from.checked_add_days(Days::new(1))
    } else {
        from.checked_sub_days(Days::new(1))
    }
}

/// The nearest day with a log before or after `from`, if there is one.
pub fn logged_step<T>(
    days: &BTreeMap<NaiveDate, T>,
    from: NaiveDate,
    forward: bool,
) -> Option<NaiveDate> {
    let found = if forward {
        let after = from.succ_opt()?;
        days.range(after..).next()
    } else {
        days.range(..from).next_back()
    };
    found.map(|(date, _)| *date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_calendar_step_moves_a_day_across_months_and_years() {
        assert_eq!(
            calendar_step(date("2025-03-01"), false),
            Some(date("2025-02-28"))
        );
        assert_eq!(
            calendar_step(date("2024-12-31"), true),
            Some(date("2025-01-01"))
        );
        assert_eq!(calendar_step(NaiveDate::MAX, true), None);
    }

    #[test]
    fn the_logged_step_skips_empty_days_and_stops_at_the_ends() {
        let days: BTreeMap<NaiveDate, ()> = [date("2025-03-01"), date("2025-03-10")]
            .into_iter()
            .map(|d| (d, ()))
            .collect();
        assert_eq!(
            logged_step(&days, date("2025-03-05"), true),
            Some(date("2025-03-10"))
        );
        assert_eq!(
            logged_step(&days, date("2025-03-05"), false),
            Some(date("2025-03-01"))
        );
        assert_eq!(logged_step(&days, date("2025-03-10"), true), None);
        assert_eq!(logged_step(&days, date("2025-03-01"), false), None);
    }
}
