//! A book's pace: study time week by week, chapters finished over time, and
//! the day the book would be done at the pace of the last four weeks. A
//! chapter counts as finished on the last day the log has notes for it.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::study_time::day_time;
use super::{BookId, ChapterId, ChapterStatus, Journal};

/// Weeks a pace chart goes back at most.
pub const WEEKS_SHOWN: u64 = 26;
/// The stretch whose pace the projection follows.
const PACE_DAYS: u64 = 28;

/// What a book's page shows of its pace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BookPace {
    /// Monday of each week and the minutes studied in it, oldest first,
    /// up to the week of today.
    pub weeks: Vec<(NaiveDate, u32)>,
    /// Each finished chapter's day, in order, with the chapters finished by then.
    pub finished: Vec<(NaiveDate, usize)>,
    pub done: usize,
    pub total: usize,
    pub minutes: u32,
    /// The day the book would be done at the last four weeks' pace.
    pub finish: Option<NaiveDate>,
}

/// The pace of `book` as of `today`, or None if there is no such book.
pub fn book_pace(journal: &Journal, book: BookId, today: NaiveDate) -> Option<BookPace> {
    let entry = journal.book(book)?;
    let (done, total) = entry.progress();
    let mut by_week: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for (date, day) in journal.days.range(..=today) {
        if let Some(&minutes) = day_time(journal, day).by_book.get(&book) {
            *by_week.entry(monday_of(*date)).or_default() += minutes;
        }
    }
    let finished = finish_days(journal, book, today);
    let active = || finished.iter().copied().chain(by_week.keys().copied());
    let span = active().min().zip(active().max());
    Some(BookPace {
        weeks: weeks(span, today, &by_week),
        finish: projected(&finished, total - done, today),
        finished: finished
            .into_iter()
            .enumerate()
            .map(|(i, d)| (d, i + 1))
            .collect(),
        minutes: by_week.values().sum(),
        done,
        total,
    })
}

/// When a book is done at the pace of the four weeks up to `today`, with
/// `left` chapters to go and chapters finished on the days `finished`.
fn projected(finished: &[NaiveDate], left: usize, today: NaiveDate) -> Option<NaiveDate> {
    let since = today - Days::new(PACE_DAYS);
    let recent = finished.iter().filter(|d| **d > since).count();
    if left == 0 || recent == 0 {
        return None;
    }
    let days = (PACE_DAYS as usize * left).div_ceil(recent);
    today.checked_add_days(Days::new(days as u64))
}

/// The finish date alone (for `stats`: no study time worked out).
pub fn projected_finish(journal: &Journal, book: BookId, today: NaiveDate) -> Option<NaiveDate> {
    let (done, total) = journal.book(book)?.progress();
    projected(&finish_days(journal, book, today), total - done, today)
}

/// The Monday of the week holding `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// The last day up to `until` with notes for each chapter: the day a
/// chapter marked done counts as finished.
pub fn last_noted(journal: &Journal, until: NaiveDate) -> BTreeMap<ChapterId, NaiveDate> {
    let mut last = BTreeMap::new();
    for (date, day) in journal.days.range(..=until) {
        for notes in day.learned_books().flat_map(|b| &b.chapters) {
            last.insert(notes.chapter, *date);
        }
    }
    last
}

/// The days `book`'s done chapters were finished, oldest first.
fn finish_days(journal: &Journal, book: BookId, until: NaiveDate) -> Vec<NaiveDate> {
    let last = last_noted(journal, until);
    let mut days: Vec<NaiveDate> = journal
        .book(book)
        .into_iter()
        .flat_map(|b| &b.chapters)
        .filter(|c| c.status == ChapterStatus::Done)
        .filter_map(|c| last.get(&c.id).copied())
        .collect();
    days.sort();
    days
}

/// Every week from the first studied to today's, at most [`WEEKS_SHOWN`]
/// of them; a book put down long ago shows its last weeks of study instead.
fn weeks(
    span: Option<(NaiveDate, NaiveDate)>,
    today: NaiveDate,
    by_week: &BTreeMap<NaiveDate, u32>,
) -> Vec<(NaiveDate, u32)> {
    let Some((first, last_active)) = span else {
        return Vec::new();
    };
    let reach = Days::new(7 * (WEEKS_SHOWN - 1));
    let mut last = monday_of(today);
    if monday_of(last_active) < last - reach {
        last = monday_of(last_active);
    }
    let first = monday_of(first).max(last - reach);
    std::iter::successors(Some(first), |w| w.checked_add_days(Days::new(7)))
        .take_while(|w| *w <= last)
        .map(|w| (w, by_week.get(&w).copied().unwrap_or(0)))
        .collect()
}
