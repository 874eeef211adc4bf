//! Dates where people write them: in headings, with words around them
//! (`2023/10/12日報`, `Daily Report(2024-01-27)`, `Day 3: January 6, 2020`,
//! `2023年10月12日（木）`, `5月13日`, `3 Jan 2020`), and in file and folder
//! names (`2024-01-27.md`, `2023/05/10.md`); and the chrono format that
//! writes each style back.
//!
//! Format strings are chrono's, plus `%J` for the Japanese weekday (月…日),
//! which chrono cannot write without a locale.

use std::fmt::Write;
use std::ops::Range;
use std::path::Path;

use chrono::format::{Item, StrftimeItems};
use chrono::{Datelike, NaiveDate, Weekday};

const FALLBACK_FORMAT: &str = "%Y-%m-%d";
const JA_WEEKDAYS: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Writes `date` in `format`; an invalid format (e.g. from a hand-edited
/// journal) falls back to `YYYY-MM-DD` rather than failing.
pub fn format_date(date: NaiveDate, format: &str) -> String {
    let weekday = JA_WEEKDAYS[date.weekday().num_days_from_monday() as usize];
    let format = format.replace("%J", &weekday.to_string());
    let items: Vec<Item> = StrftimeItems::new(&format).collect();
    let mut out = String::new();
    if items.contains(&Item::Error)
        || write!(out, "{}", date.format_with_items(items.into_iter())).is_err()
    {
        out.clear();
        let _ = write!(out, "{}", date.format(FALLBACK_FORMAT));
    }
    out
}

/// A date found in a heading's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    /// Where the date is in the text (bytes).
    pub span: Range<usize>,
    /// The chrono format that writes the date as it is written there.
    pub format: String,
    /// Whether the text gives the year (else it came from the default).
    pub has_year: bool,
    /// A weekday written next to the date that is not the date's own.
    pub wrong_weekday: Option<String>,
}

/// What a heading's text says about dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateInText {
    Found(FoundDate),
    /// Something shaped like a date that is not one (`2025-02-30`, `13/45`).
    Impossible {
        span: Range<usize>,
    },
    None,
}

/// The year a date written without one most likely has, next to `last`
/// (the date before it in the same log): the one that puts it nearest, so
/// a log running from December into January, or newest first from January
/// back into December, keeps its years.
pub fn year_following(last: NaiveDate, month: u32, day: u32) -> i32 {
    let year = last.year();
    (year - 1..=year + 1)
        .filter_map(|y| ymd(y, month, day).map(|d| (d.signed_duration_since(last).abs(), y)))
        .min()
        .map_or(year, |(_, y)| y)
}

/// [`find_date`], with a date that has no year read in the year after
/// `last` (see [`year_after`]) when there is a date before it.
pub fn find_date_after(text: &str, last: Option<NaiveDate>, default_year: i32) -> DateInText {
    let found = find_date(text, default_year);
    match (&found, last) {
        (DateInText::Found(f), Some(last)) if !f.has_year => {
            find_date(text, year_following(last, f.date.month(), f.date.day()))
        }
        _ => found,
    }
}

/// The date a heading's text carries, with or without words around it.
/// Dates with a year win over dates without one; a date without a year
/// takes `default_year`.
pub fn find_date(text: &str, default_year: i32) -> DateInText {
    let mut impossible = None;
    let mut yearless = None;
    for start in token_starts(text) {
        match date_at(text, start, default_year) {
            Some(Ok(found)) if found.has_year => return DateInText::Found(found),
            Some(Ok(found)) => {
                yearless.get_or_insert(found);
            }
            Some(Err(span)) => {
                impossible.get_or_insert(span);
            }
            None => {}
        }
    }
    match (yearless, impossible) {
        (Some(found), _) => DateInText::Found(found),
        (None, Some(span)) => DateInText::Impossible { span },
        (None, None) => DateInText::None,
    }
}

/// Positions where a date may start: a digit or letter after a non-digit, non-letter.
fn token_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(i, c)| {
        let before = text[..i].chars().next_back();
        let boundary = before.is_none_or(|b| !b.is_ascii_alphanumeric());
        (boundary && (c.is_ascii_digit() || c.is_ascii_alphabetic())).then_some(i)
    })
}

/// A date starting at byte `start`: Ok with the date, Err with the span of
/// a date-shaped token that is not a real date, None if nothing date-shaped.
fn date_at(text: &str, start: usize, default_year: i32) -> Option<Result<FoundDate, Range<usize>>> {
    let rest = &text[start..];
    let (date, len, format, has_year) = if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let at_start = is_heading_start(&text[..start]);
        numeric_date(rest, default_year, at_start).or_else(|| day_month_date(rest, default_year))?
    } else {
        english_date(rest, default_year)?
    };
    let span = start..start + len;
    let Some(date) = date else {
        return Some(Err(span));
    };
    let wrong_weekday = weekday_beside(text, &span)
        .filter(|(day, _)| *day != date.weekday())
        .map(|(_, written)| written);
    Some(Ok(FoundDate {
        date,
        span,
        format,
        has_year,
        wrong_weekday,
    }))
}

/// Whether only decoration comes before (so a bare `5/13` there is a date).
fn is_heading_start(before: &str) -> bool {
    before.chars().all(|c| !c.is_alphanumeric())
}

/// A numeric date at the start of `rest`: (date or None if impossible,
/// length, format, has year).
type Parsed = (Option<NaiveDate>, usize, String, bool);

fn numeric_date(rest: &str, default_year: i32, at_start: bool) -> Option<Parsed> {
    let mut cursor = Cursor { rest, used: 0 };
    let (first, first_len) = cursor.number()?;
    if cursor.rest.starts_with(['年', '月']) {
        return japanese_date(&mut cursor, (first, first_len), default_year);
    }
    if first_len == 8
        && cursor
            .rest
            .chars()
            .next()
            .is_none_or(|c| !c.is_ascii_digit())
    {
        let (y, m, d) = (first / 10_000, first / 100 % 100, first % 100);
        (1900..2200).contains(&y).then_some(())?;
        return Some((ymd(y as i32, m, d), 8, "%Y%m%d".to_owned(), true));
    }
    let separator = ["-", "/", "."].into_iter().find(|s| cursor.eat(s))?;
    let (second, second_len) = cursor.number()?;
    if first_len == 4 && cursor.eat(separator) {
        let (third, third_len) = cursor.number()?;
        let format = format!(
            "%Y{separator}%{}m{separator}%{}d",
            pad(second_len),
            pad(third_len)
        );
        return Some((ymd(first as i32, second, third), cursor.used, format, true));
    }
    if first_len <= 2
        && second_len <= 2
        && let Some(parsed) = with_year_last(
            &mut cursor,
            separator,
            (first, first_len),
            (second, second_len),
        )
    {
        return Some(parsed);
    }
    // A bare `3/10` reads as a date only where the heading starts with it
    // (`## 2024/06/04 200/365` keeps its count as words).
    let bare = separator == "/" && first_len <= 2 && second_len <= 2 && at_start;
    // `1/2/3` and `3/10.5` are something else.
    let mut next = cursor.rest.chars();
    let goes_on = match next.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('/' | '.' | '-') => next.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    (bare && !goes_on).then_some(())?;
    let format = format!("%{}m/%{}d", pad(first_len), pad(second_len));
    Some((ymd(default_year, first, second), cursor.used, format, false))
}

/// `2023年10月12日` or `5月13日`, after the first number.
fn japanese_date(
    cursor: &mut Cursor,
    (first, first_len): (u32, usize),
    default_year: i32,
) -> Option<Parsed> {
    if cursor.eat("年") {
        let (month, m_len) = cursor.number()?;
        cursor.eat("月").then_some(())?;
        let (day, d_len) = cursor.number()?;
        cursor.eat("日").then_some(())?;
        (first_len == 4).then_some(())?;
        let format = format!("%Y年%{}m月%{}d日", pad(m_len), pad(d_len));
        return Some((ymd(first as i32, month, day), cursor.used, format, true));
    }
    cursor.eat("月").then_some(())?;
    let (day, d_len) = cursor.number()?;
    cursor.eat("日").then_some(())?;
    (first_len <= 2).then_some(())?;
    let format = format!("%{}m月%{}d日", pad(first_len), pad(d_len));
    Some((ymd(default_year, first, day), cursor.used, format, false))
}

/// The year last: `11/26/2023` (month first, as in the US, unless the
/// first number cannot be a month: `26/11/2023`), `26.11.2023` (day first).
fn with_year_last(
    cursor: &mut Cursor,
    separator: &str,
    (first, first_len): (u32, usize),
    (second, second_len): (u32, usize),
) -> Option<Parsed> {
    let saved = (cursor.rest, cursor.used);
    let year = cursor
        .eat(separator)
        .then(|| cursor.number())
        .flatten()
        .filter(|&(_, len)| len == 4);
    let Some((year, _)) = year else {
        (cursor.rest, cursor.used) = saved;
        return None;
    };
    let day_first = separator == "." || first > 12;
    let (m, d) = (pad(first_len), pad(second_len));
    let (month, day, format) = if day_first {
        (second, first, format!("%{m}d{separator}%{d}m{separator}%Y"))
    } else {
        (first, second, format!("%{m}m{separator}%{d}d{separator}%Y"))
    };
    Some((ymd(year as i32, month, day), cursor.used, format, true))
}

/// `January 6, 2020`, `Jan 6 2020`, `6 January 2020`, `3 Jan 2020`, `January 6`.
fn english_date(rest: &str, default_year: i32) -> Option<Parsed> {
    if let Some((month, m_len, full)) = month_at(rest) {
        let mut cursor = Cursor {
            rest: &rest[m_len..],
            used: m_len,
        };
        // `January, 01, 2020` has a comma after the month.
        let comma = if cursor.eat(",") { "," } else { "" };
        cursor.eat_spaces().then_some(())?;
        let (day, d_len) = cursor.number()?;
        (d_len <= 2).then_some(())?;
        cursor.eat_ordinal();
        let month_format = if full { "%B" } else { "%b" };
        let day_format = if d_len == 2 && day < 10 { "%d" } else { "%-d" };
        let (year, tail) = year_after(&mut cursor);
        let format = format!("{month_format}{comma} {day_format}{tail}");
        let year_given = year.is_some();
        let date = ymd(year.unwrap_or(default_year), month, day);
        return Some((date, cursor.used, format, year_given));
    }
    None
}

/// `6 January 2020` style: a day number, then a month name (tried when a
/// number does not start a numeric date).
fn day_month_date(rest: &str, default_year: i32) -> Option<Parsed> {
    let mut cursor = Cursor { rest, used: 0 };
    let (day, d_len) = cursor.number()?;
    (d_len <= 2).then_some(())?;
    cursor.eat_ordinal();
    cursor.eat_spaces().then_some(())?;
    let (month, m_len, full) = month_at(cursor.rest)?;
    cursor.rest = &cursor.rest[m_len..];
    cursor.used += m_len;
    let month_format = if full { "%B" } else { "%b" };
    let (year, tail) = year_after(&mut cursor);
    let format = format!("%-d {month_format}{tail}");
    let year_given = year.is_some();
    let date = ymd(year.unwrap_or(default_year), month, day);
    Some((date, cursor.used, format, year_given))
}

/// `, 2020` or ` 2020` after a day and month: the year and its format tail.
fn year_after(cursor: &mut Cursor) -> (Option<i32>, &'static str) {
    let saved = (cursor.rest, cursor.used);
    let comma = cursor.eat(",");
    if cursor.eat_spaces()
        && let Some((year, 4)) = cursor.number()
    {
        return (Some(year as i32), if comma { ", %Y" } else { " %Y" });
    }
    (cursor.rest, cursor.used) = saved;
    (None, "")
}

/// A month name (full or three letters, any case) at the start: month
/// number, length, whether written in full.
fn month_at(text: &str) -> Option<(u32, usize, bool)> {
    let word: String = text
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase();
    MONTHS.iter().zip(1..).find_map(|(name, n)| {
        if word == *name {
            Some((n, word.len(), true))
        } else if word.len() == 3 && name.starts_with(&word) || (word == "sept" && n == 9) {
            Some((n, word.len(), false))
        } else {
            None
        }
    })
}

/// A weekday written right after the date (`（月）`, `(Mon)`, ` Monday`) or
/// right before it (`Mon, `), and how it is written.
fn weekday_beside(text: &str, span: &Range<usize>) -> Option<(Weekday, String)> {
    let after = text[span.end..].trim_start();
    let inner = ["（", "("]
        .iter()
        .find_map(|open| after.strip_prefix(open))
        .and_then(|rest| {
            let end = rest.find(['）', ')'])?;
            Some(&rest[..end])
        });
    if let Some(found) = inner.and_then(weekday_named) {
        return Some(found);
    }
    // `May 2, Friday`: a weekday after a comma.
    let following = after
        .strip_prefix([',', '、', '，'])
        .and_then(|rest| rest.trim_start().split(|c: char| !c.is_alphabetic()).next())
        .and_then(weekday_named);
    if following.is_some() {
        return following;
    }
    let before = text[..span.start].trim_end().trim_end_matches(',');
    let last_word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
    weekday_named(last_word)
}

fn weekday_named(word: &str) -> Option<(Weekday, String)> {
    let word = word.trim();
    if let Some(first) = word.chars().next().filter(|c| JA_WEEKDAYS.contains(c)) {
        let tail = &word[first.len_utf8()..];
        if ["", "曜", "曜日"].contains(&tail) {
            let index = JA_WEEKDAYS.iter().position(|c| *c == first)?;
            let day = Weekday::try_from(index as u8).ok()?;
            return Some((day, word.to_owned()));
        }
        return None;
    }
    (word.len() >= 3)
        .then(|| word.parse::<Weekday>().ok())
        .flatten()
        .map(|day| (day, word.to_owned()))
}

struct Cursor<'a> {
    rest: &'a str,
    used: usize,
}

impl Cursor<'_> {
    /// Digits at the cursor: their value and how many there were.
    fn number(&mut self) -> Option<(u32, usize)> {
        let len = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || len > 8 {
            return None;
        }
        let value = self.rest[..len].parse().ok()?;
        self.advance(len);
        Some((value, len))
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.rest.starts_with(token);
        if found {
            self.advance(token.len());
        }
        found
    }

    fn eat_spaces(&mut self) -> bool {
        let len = self.rest.len() - self.rest.trim_start_matches(' ').len();
        self.advance(len);
        len > 0
    }

    fn eat_ordinal(&mut self) {
        for suffix in ["st", "nd", "rd", "th"] {
            if self.eat(suffix) {
                return;
            }
        }
    }

    fn advance(&mut self, len: usize) {
        self.rest = &self.rest[len..];
        self.used += len;
    }
}

fn pad(digits: usize) -> &'static str {
    if digits >= 2 { "" } else { "-" }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The date of a heading that is nothing but a date (and maybe a weekday),
/// with the format that writes it the same way: what a template can learn.
pub fn parse_date_heading(heading: &str, default_year: i32) -> Option<(NaiveDate, String)> {
    let text = heading.trim();
    let DateInText::Found(found) = find_date(text, default_year) else {
        return None;
    };
    if found.span.start != 0 {
        return None;
    }
    let rest = &text[found.span.end..];
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return Some((found.date, found.format));
    }
    let spaces = &rest[..rest.len() - trimmed.len()];
    let weekday = weekday_format(trimmed)?;
    Some((found.date, format!("{}{spaces}{weekday}", found.format)))
}

/// A weekday suffix such as `（月）`, `(月曜日)` or `(Mon)`, as a format.
fn weekday_format(suffix: &str) -> Option<String> {
    let (open, inner, close) = ["（", "("]
        .iter()
        .find_map(|open| suffix.strip_prefix(open).map(|rest| (*open, rest)))
        .and_then(|(open, rest)| {
            ["）", ")"]
                .iter()
                .find_map(|close| rest.strip_suffix(close).map(|inner| (open, inner, *close)))
        })?;
    let day_format = if let Some(first) = inner.chars().next().filter(|c| JA_WEEKDAYS.contains(c)) {
        let tail = &inner[first.len_utf8()..];
        if !["", "曜", "曜日"].contains(&tail) {
            return None;
        }
        format!("%J{tail}")
    } else if inner.parse::<Weekday>().is_ok() {
        if inner.len() == 3 { "%a" } else { "%A" }.to_owned()
    } else {
        return None;
    };
    Some(format!("{open}{day_format}{close}"))
}

/// A year written in a file name, such as `2025-12.md` or `log_2024.md`.
pub fn year_in_file_name(file: &Path) -> Option<i32> {
    let name = file.file_name()?.to_string_lossy();
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let digits = bytes.get(i..i + 4)?;
        let bounded = |j: Option<&u8>| j.is_none_or(|b| !b.is_ascii_digit());
        let alone =
            bounded(i.checked_sub(1).and_then(|p| bytes.get(p))) && bounded(bytes.get(i + 4));
        let year: i32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        (alone && digits.iter().all(u8::is_ascii_digit) && (1900..2200).contains(&year))
            .then_some(year)
    })
}

/// The date a file's name and folders give (`2024-01-27.md`, `20240127.md`,
/// `2023/05/10.md`, `2023/10-October/12.md`, `2024/01-28.md`), for a daily note whose text
/// names no date.
pub fn date_from_path(path: &Path) -> Option<NaiveDate> {
    // A page bundle (`2025-01-15-til/index.md`, `2025/06/10/index.md`) is
    // named by its folder.
    let stem = path.file_stem()?.to_string_lossy();
    if ["index", "_index", "readme"].contains(&stem.to_lowercase().as_str()) {
        return date_from_path(path.parent()?);
    }
    if let DateInText::Found(found) = find_date(&stem, 0)
        && found.has_year
    {
        return Some(found.date);
    }
    let folder_year = || {
        let year = leading_number(&path.parent()?.file_name()?.to_string_lossy())?;
        (1900..2200).contains(&year).then_some(year as i32)
    };
    // The year in the folder, month and day in the name (`2024/01-28.md`).
    let month_day = stem
        .split_once(['-', '_', '.'])
        .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)));
    if let (Some((month, day)), Some(year)) = (month_day, folder_year()) {
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    // Year and month in the folders, the day in the name.
    let day: u32 = leading_number(&stem)?;
    let month_folder = path.parent()?;
    let month: u32 = leading_number(&month_folder.file_name()?.to_string_lossy())?;
    let year = leading_number(&month_folder.parent()?.file_name()?.to_string_lossy())?;
    ((1900..2200).contains(&year)).then_some(())?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

fn leading_number(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    let separated = rest.is_empty() || rest.starts_with(['-', '_', ' ', '.']);
    (separated && !digits.is_empty() && digits.len() <= 4)
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests;
