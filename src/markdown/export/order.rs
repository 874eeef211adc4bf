//! The order an export writes the days in: date order (newest first when
//! the user's log was), or the order the log was written in when that was
//! neither, with a date written twice coming back in both places. A day is
//! cut into parts at each section that repeats its date heading (what the
//! importer made of a date met twice), and days the log did not have go
//! where their date puts them.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::super::date::{DateInText, find_date};
use crate::model::{Day, Journal};

/// Where each part of a day starts: the first section of each part after
/// the first (a section at the day's own level that repeats its date).
pub(super) fn part_starts(date: NaiveDate, day: &Day) -> Vec<usize> {
    let Some(level) = day.heading.as_ref().map(|h| h.level).filter(|&l| l > 0) else {
        return Vec::new();
    };
    day.sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.level == level)
        .filter(|(_, s)| {
            matches!(find_date(&s.heading, date.year()), DateInText::Found(f) if f.date == date)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The days' parts, `(date, part)`, in the order they are written.
pub(super) fn written_sequence(journal: &Journal) -> Vec<(NaiveDate, usize)> {
    let parts = |date: &NaiveDate, day: &Day| part_starts(*date, day).len() + 1;
    if journal.written_order.is_empty() {
        let all = journal
            .days
            .iter()
            .flat_map(|(date, day)| (0..parts(date, day)).map(move |k| (*date, k)));
        return if journal.template.newest_first {
            // Newest first, each day's parts still in their own order.
            let mut days: Vec<(NaiveDate, usize)> = all.collect();
            days.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            days
        } else {
            all.collect()
        };
    }
    let mut sequence = Vec::new();
    let mut written: HashMap<NaiveDate, usize> = HashMap::new();
    for date in &journal.written_order {
        let Some(day) = journal.days.get(date) else {
            continue;
        };
        let next = written.entry(*date).or_default();
        if *next < parts(date, day) {
            sequence.push((*date, *next));
            *next += 1;
        }
    }
    for (date, day) in &journal.days {
        let total = parts(date, day);
        match written.get(date) {
            // Parts the order does not name follow the day's last one named.
            Some(&named) => {
                let at = sequence
                    .iter()
                    .rposition(|(d, _)| d == date)
                    .map_or(0, |i| i + 1);
                sequence.splice(at..at, (named..total).map(|k| (*date, k)));
            }
            None => {
                let at = place_of(&sequence, *date, journal.template.newest_first);
                sequence.splice(at..at, (0..total).map(|k| (*date, k)));
            }
        }
    }
    sequence
}

/// Where a day the written order does not name goes: after the last day
/// before it (or before the first one before it, newest first).
fn place_of(sequence: &[(NaiveDate, usize)], date: NaiveDate, newest_first: bool) -> usize {
    if newest_first {
        sequence
            .iter()
            .position(|(d, _)| *d < date)
            .unwrap_or(sequence.len())
    } else {
        sequence
            .iter()
            .rposition(|(d, _)| *d <= date)
            .map_or(0, |i| i + 1)
    }
}
