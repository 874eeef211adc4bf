//! Date headings in the styles people write (`2025-03-10`, `2025/03/10（月）`,
//! `3/10`, `3月10日`), and the chrono format that writes each style back.
//!
//! The format string is chrono's, plus `%J` for the Japanese weekday (月…日),
//! which chrono cannot write without a locale.

use std::fmt::Write;
use std::path::Path;

use chrono::format::{Item, StrftimeItems};
use chrono::{Datelike, NaiveDate, Weekday};

const FALLBACK_FORMAT: &str = "%Y-%m-%d";
const JA_WEEKDAYS: [char; 7] = ['月', '火', '水', '木', '金', '土', '日'];

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

/// Reads a heading as a date: the date and the format that writes it the same
/// way. Days and months without a year take `default_year`.
pub fn parse_date_heading(heading: &str, default_year: i32) -> Option<(NaiveDate, String)> {
    let text = heading.trim();
    let mut cursor = Cursor { rest: text };
    let (date, mut format) = cursor.date(default_year)?;
    let rest = cursor.rest.trim_start();
    if !rest.is_empty() {
        let spaces = &cursor.rest[..cursor.rest.len() - rest.len()];
        format.push_str(spaces);
        format.push_str(&weekday_format(rest)?);
    }
    Some((date, format))
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

struct Cursor<'a> {
    rest: &'a str,
}

impl Cursor<'_> {
    /// Digits at the cursor: their value and how many there were.
    fn number(&mut self) -> Option<(u32, usize)> {
        let len = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || len > 4 {
            return None;
        }
        let value = self.rest[..len].parse().ok()?;
        self.rest = &self.rest[len..];
        Some((value, len))
    }

    fn eat(&mut self, token: &str) -> bool {
        match self.rest.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn date(&mut self, default_year: i32) -> Option<(NaiveDate, String)> {
        let (first, first_len) = self.number()?;
        if self.eat("年") {
            let (month, m_len) = self.number()?;
            self.eat("月").then_some(())?;
            let (day, d_len) = self.number()?;
            self.eat("日").then_some(())?;
            let format = format!("%Y年%{}m月%{}d日", pad(m_len), pad(d_len));
            return Some((ymd(first as i32, month, day, first_len)?, format));
        }
        if self.eat("月") {
            let (day, d_len) = self.number()?;
            self.eat("日").then_some(())?;
            let format = format!("%{}m月%{}d日", pad(first_len), pad(d_len));
            return Some((ymd(default_year, first, day, 4)?, format));
        }
        let separator = ["-", "/", "."].into_iter().find(|s| self.eat(s))?;
        let (second, second_len) = self.number()?;
        if self.eat(separator) {
            let (third, third_len) = self.number()?;
            let format = format!(
                "%Y{separator}%{}m{separator}%{}d",
                pad(second_len),
                pad(third_len)
            );
            return Some((ymd(first as i32, second, third, first_len)?, format));
        }
        // A bare "3-10" is too likely to be something else; only "3/10" reads as a date.
        (separator == "/").then_some(())?;
        let format = format!("%{}m/%{}d", pad(first_len), pad(second_len));
        Some((ymd(default_year, first, second, 4)?, format))
    }
}

fn pad(digits: usize) -> &'static str {
    if digits >= 2 { "" } else { "-" }
}

fn ymd(year: i32, month: u32, day: u32, year_digits: usize) -> Option<NaiveDate> {
    (year_digits == 4).then_some(())?;
    NaiveDate::from_ymd_opt(year, month, day)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<(String, String)> {
        parse_date_heading(text, 2025).map(|(d, f)| (d.to_string(), f))
    }

    #[test]
    fn reads_the_styles_people_write() {
        let cases = [
            ("2025-03-10", "2025-03-10", "%Y-%m-%d"),
            ("2025/12/01（月）", "2025-12-01", "%Y/%m/%d（%J）"),
            ("2025/3/5 (水曜日)", "2025-03-05", "%Y/%-m/%-d (%J曜日)"),
            ("12/01", "2025-12-01", "%m/%d"),
            ("3/9", "2025-03-09", "%-m/%-d"),
            ("12月1日", "2025-12-01", "%m月%-d日"),
            ("2024年2月29日（木）", "2024-02-29", "%Y年%-m月%d日（%J）"),
            ("2025.03.10 (Mon)", "2025-03-10", "%Y.%m.%d (%a)"),
        ];
        for (text, date, format) in cases {
            assert_eq!(
                parsed(text),
                Some((date.to_owned(), format.to_owned())),
                "{text}"
            );
        }
    }

    #[test]
    fn each_style_writes_back_what_it_read() {
        for text in [
            "2025-03-10",
            "2025/12/01（月）",
            "3/9",
            "12月1日",
            "2025/3/5 (水曜日)",
            "2025.03.10 (Mon)",
        ] {
            let (date, format) = parse_date_heading(text, 2025).unwrap();
            assert_eq!(format_date(date, &format), text);
        }
    }

    #[test]
    fn other_headings_are_not_dates() {
        for text in [
            "学習ログ",
            "2025-13-01",
            "3-10",
            "2025-03-10 の学習",
            "25/03/10",
            "1/2/3",
            "(月)",
        ] {
            assert_eq!(parsed(text), None, "{text}");
        }
    }

    #[test]
    fn years_are_read_from_file_names() {
        let year = |name: &str| year_in_file_name(Path::new(name));
        assert_eq!(year("2025-12.md"), Some(2025));
        assert_eq!(year("log_2024_study.md"), Some(2024));
        assert_eq!(year("12345.md"), None);
        assert_eq!(year("notes.md"), None);
    }

    #[test]
    fn a_broken_format_falls_back_instead_of_panicking() {
        let date = NaiveDate::from_ymd_opt(2025, 3, 10).unwrap();
        assert_eq!(format_date(date, "%Q %"), "2025-03-10");
    }
}
