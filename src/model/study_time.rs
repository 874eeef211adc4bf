//! Study time, read from what the log says rather than kept beside it: a
//! 取り組んだこと line (or a line of the day's preamble) that states a
//! duration — `1h30m`, `90分`, `1.5h`, `45m`, `45 min`, `1時間30分`,
//! `学習時間: 2h`, `Time: 45 min`, a book line ending `(1.25)` or `(0.75h)`,
//! `Programming: 5.00h / 5.00h` (done / goal). The text stays exactly as
//! written (so an export is the log again); the minutes are worked out from
//! it. A line that names a book of the library counts for that book.
//!
//! Time a line does not state plainly is not guessed: a number alone is no
//! time, except the `(1.25)` that ends a line.

use std::collections::BTreeMap;

use super::{BookId, Day, Journal, SectionBody, WorkItem};

/// Minutes a line states, and the goal it states beside them (`done / goal`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stated {
    pub minutes: u32,
    pub goal: Option<u32>,
}

/// The time a line states, if it states one.
pub fn stated_time(line: &str) -> Option<Stated> {
    let line = line.trim();
    if let Some((done, goal)) = line.rsplit_once(" / ") {
        let done = last_duration(done)?;
        let goal = duration(goal.trim())?;
        return Some(Stated {
            minutes: done,
            goal: Some(goal),
        });
    }
    let minutes = last_duration(line).or_else(|| closing_hours(line))?;
    Some(Stated {
        minutes,
        goal: None,
    })
}

/// A duration at the end of `text` (after a label, a colon or a book's name).
fn last_duration(text: &str) -> Option<u32> {
    let text = text.trim_end();
    let inner = text
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('(').map(|(_, d)| d))
        .or_else(|| {
            text.strip_suffix('）')
                .and_then(|t| t.rsplit_once('（').map(|(_, d)| d))
        });
    if let Some(inner) = inner
        && let Some(minutes) = duration(inner.trim())
    {
        return Some(minutes);
    }
    let start = text
        .char_indices()
        .filter(|(_, c)| c.is_whitespace() || matches!(c, ':' | '：' | '、'))
        .map(|(i, c)| i + c.len_utf8())
        .collect::<Vec<_>>();
    // Try the longest tail first: "1時間 30分" before "30分".
    std::iter::once(0)
        .chain(start)
        .find_map(|at| duration(text[at..].trim()))
}

/// `(1.25)` ending a line: hours.
fn closing_hours(text: &str) -> Option<u32> {
    let inner = text.strip_suffix(')')?.rsplit_once('(')?.1;
    let hours: f64 = inner.trim().parse().ok()?;
    minutes_of(hours * 60.0)
}

/// A whole duration: `1h30m`, `1h 30m`, `90分`, `1.5h`, `45 min`,
/// `1時間30分`, `2 hours`, `0.75h`.
fn duration(text: &str) -> Option<u32> {
    let mut rest = text.trim();
    if rest.is_empty() {
        return None;
    }
    let mut minutes = 0.0;
    let mut parts = 0;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let value: f64 = rest[..number_len].parse().ok()?;
        let after = rest[number_len..].trim_start();
        let (unit, len) = unit(after)?;
        minutes += value * unit;
        parts += 1;
        rest = after[len..].trim_start();
    }
    (parts > 0).then_some(())?;
    minutes_of(minutes)
}

/// The unit a duration's number is in (minutes per unit) and its length.
fn unit(text: &str) -> Option<(f64, usize)> {
    const UNITS: [(&str, f64); 12] = [
        ("時間", 60.0),
        ("hours", 60.0),
        ("hour", 60.0),
        ("hrs", 60.0),
        ("hr", 60.0),
        ("h", 60.0),
        ("分間", 1.0),
        ("分", 1.0),
        ("minutes", 1.0),
        ("mins", 1.0),
        ("min", 1.0),
        ("m", 1.0),
    ];
    UNITS.iter().find_map(|(word, per)| {
        let head = text.get(..word.len())?;
        let ends = text[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_alphabetic());
        (head.eq_ignore_ascii_case(word) && ends).then_some((*per, word.len()))
    })
}

fn minutes_of(minutes: f64) -> Option<u32> {
    (minutes.is_finite() && minutes > 0.0 && minutes < 24.0 * 60.0).then(|| minutes.round() as u32)
}

/// Minutes as a person reads them: `1h30m`, `45m`, `2h`.
pub fn hours_and_minutes(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

/// What one day's log states about time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayTime {
    pub minutes: u32,
    /// Minutes by the book a line names.
    pub by_book: BTreeMap<BookId, u32>,
    pub goal: Option<u32>,
}

/// The time a day states. A time in the day's preamble (`学習時間: 2h`)
/// is the day's total; else the 取り組んだこと lines are added up. Either
/// way a line that names a book counts for that book.
pub fn day_time(journal: &Journal, day: &Day) -> DayTime {
    let mut time = DayTime::default();
    let mut total = None;
    for line in day.preamble.lines() {
        if let Some(stated) = stated_time(line) {
            total = Some(total.unwrap_or(0) + stated.minutes);
            time.goal = time.goal.or(stated.goal);
            count_for_book(&mut time, journal, line, stated.minutes);
        }
    }
    let mut sum = 0;
    for line in worked_on_lines(day) {
        if let Some(stated) = stated_time(&line) {
            sum += stated.minutes;
            time.goal = time.goal.or(stated.goal);
            count_for_book(&mut time, journal, &line, stated.minutes);
        }
    }
    time.minutes = total.unwrap_or(sum);
    time
}

fn count_for_book(time: &mut DayTime, journal: &Journal, line: &str, minutes: u32) {
    if let Some(book) = book_named(journal, line) {
        *time.by_book.entry(book).or_default() += minutes;
    }
}

/// Lines that name study time (`学習時間`, `Time:` …) in a form not read
/// as minutes: kept as written, and worth telling the user about.
pub fn unread_time_lines(day: &Day) -> Vec<String> {
    const LABELS: [&str; 5] = ["学習時間", "勉強時間", "作業時間", "time:", "study time"];
    day.preamble
        .lines()
        .map(str::to_owned)
        .chain(worked_on_lines(day))
        .filter(|line| {
            let lower = line.to_lowercase();
            LABELS.iter().any(|l| lower.contains(l)) && stated_time(line).is_none()
        })
        .collect()
}

fn worked_on_lines(day: &Day) -> Vec<String> {
    day.sections
        .iter()
        .filter_map(|s| match &s.body {
            SectionBody::WorkedOn(entries) => Some(entries),
            _ => None,
        })
        .flatten()
        .filter_map(|e| match e.item()? {
            WorkItem::Text { text, .. } => Some(text.lines().next().unwrap_or("").to_owned()),
            WorkItem::Book(_) => None,
        })
        .collect()
}

/// The book of the library whose title the line starts with (the longest).
fn book_named(journal: &Journal, line: &str) -> Option<BookId> {
    let line = line.trim_start_matches(['-', '*', ' ']);
    journal
        .books
        .iter()
        .filter(|b| !b.title.is_empty() && line.starts_with(b.title.as_str()))
        .max_by_key(|b| b.title.len())
        .map(|b| b.id)
}

/// Minutes per book over the whole journal, and per day.
pub fn time_by_book(journal: &Journal) -> BTreeMap<BookId, u32> {
    let mut total = BTreeMap::new();
    for day in journal.days.values() {
        for (book, minutes) in day_time(journal, day).by_book {
            *total.entry(book).or_default() += minutes;
        }
    }
    total
}

#[cfg(test)]
mod tests;
