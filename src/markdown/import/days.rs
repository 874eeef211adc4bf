//! Where the days of a log are.
//!
//! A date heading may sit at level 1, 2 or 3 and carry words around the
//! date; the level that carries the most dates in the file is its day level
//! (a monthly file with `## 2025-10-02` days under `# 2025年10月`), and every
//! heading there with a date starts a day. Headings above the first day stay
//! in the journal's preamble. A log with no date heading is one day, dated by
//! its front matter (`date:`), its file name or folders, or `--date`.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::super::date::{DateInText, FoundDate, date_from_path, find_date_after};
use super::super::lines::{code_lines, front_matter_len, front_matter_value, indented_heading};
use super::{ImportError, ImportOptions};
use crate::model::DayHeading;

/// Where the date of a log without date headings came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    FrontMatter,
    FileName,
    Given,
}

/// One day: its date, its heading as written, and the lines under it.
pub struct RawDay {
    pub date: NaiveDate,
    pub heading: DayHeading,
    pub body: Range<usize>,
}

/// The days of a log and what came before them.
pub struct Days {
    pub preamble: Range<usize>,
    pub days: Vec<RawDay>,
    /// The level of the day headings (0: the log has none).
    pub day_level: u8,
    /// The date style of the first day, for a new journal's template.
    pub format: Option<String>,
    pub warnings: Vec<String>,
    pub source: Option<DateSource>,
}

/// A heading with a date (or something date-shaped that is no date).
struct Dated<'a> {
    line: usize,
    level: u8,
    text: &'a str,
    /// Spaces before the heading (one indented into a list item).
    indent: usize,
    date: DateInText,
}

pub fn find_days(lines: &[&str], options: &ImportOptions) -> Result<Days, ImportError> {
    let code = code_lines(lines);
    let front = front_matter_len(lines);
    let mut last = None;
    let dated: Vec<Dated> = lines
        .iter()
        .enumerate()
        .skip(front)
        .filter(|(i, _)| !code[*i])
        .filter_map(|(i, line)| indented_heading(line).map(|(indent, h)| (i, indent, h)))
        .filter(|(_, _, h)| h.level <= 3)
        .map(|(line, indent, h)| {
            let date = find_date_after(h.text, last, options.default_year);
            if let DateInText::Found(found) = &date {
                last = Some(found.date);
            }
            Dated {
                line,
                level: h.level,
                text: h.text,
                indent,
                date,
            }
        })
        // An indented heading is a day only where it carries a real date.
        .filter(|d| match d.date {
            DateInText::None => false,
            DateInText::Impossible { .. } => d.indent == 0,
            DateInText::Found(_) => true,
        })
        .collect();
    match day_level(&dated) {
        Some(level) => dated_days(lines, &dated, level),
        None => one_undated_day(lines, front, options),
    }
}

/// The level with the most real dates (the higher level on a tie).
fn day_level(dated: &[Dated]) -> Option<u8> {
    (1..=3u8)
        .map(|level| {
            let count = dated
                .iter()
                .filter(|d| d.level == level && matches!(d.date, DateInText::Found(_)))
                .count();
            (count, std::cmp::Reverse(level))
        })
        .filter(|(count, _)| *count > 0)
        .max()
        .map(|(_, std::cmp::Reverse(level))| level)
}

fn dated_days(lines: &[&str], dated: &[Dated], level: u8) -> Result<Days, ImportError> {
    let at_level: Vec<&Dated> = dated.iter().filter(|d| d.level == level).collect();
    let mut days = Vec::new();
    let mut warnings = Vec::new();
    for (n, heading) in at_level.iter().enumerate() {
        let found = match &heading.date {
            DateInText::Found(found) => found,
            DateInText::Impossible { span } => return Err(impossible(heading, span)),
            DateInText::None => continue,
        };
        if let Some(weekday) = &found.wrong_weekday {
            warnings.push(wrong_weekday(heading.line, found, weekday));
        }
        let end = at_level.get(n + 1).map_or(lines.len(), |next| next.line);
        days.push(RawDay {
            date: found.date,
            heading: DayHeading {
                level,
                text: heading.text.to_owned(),
                indent: heading.indent as u8,
            },
            body: heading.line + 1..end,
        });
    }
    let format = at_level.iter().find_map(|d| match &d.date {
        DateInText::Found(found) => Some(learned_format(d.text, found)),
        _ => None,
    });
    Ok(Days {
        preamble: 0..at_level[0].line,
        days,
        day_level: level,
        format,
        warnings,
        source: None,
    })
}

fn impossible(heading: &Dated, span: &Range<usize>) -> ImportError {
    ImportError::ImpossibleDate {
        line: heading.line + 1,
        column: heading.indent
            + usize::from(heading.level)
            + 2
            + heading.text[..span.start].chars().count(),
        text: heading.text[span.clone()].to_owned(),
    }
}

fn wrong_weekday(line: usize, found: &FoundDate, weekday: &str) -> String {
    let real = super::super::date::format_date(found.date, "%a");
    format!(
        "line {}: {} is a {real}, not {weekday}; the date is used",
        line + 1,
        found.date
    )
}

/// The style a template takes from a day heading: the whole heading when it
/// is only a date (and weekday), else the date's own format.
fn learned_format(text: &str, found: &FoundDate) -> String {
    super::super::date::parse_date_heading(text, found.date.year())
        .map_or_else(|| found.format.clone(), |(_, format)| format)
}

/// The front matter keys that date a note: Jekyll and Hugo's `date`,
/// Astro's `pubDate`, `published`, Obsidian's `created`.
const FRONT_MATTER_DATES: [&str; 4] = ["date", "pubDate", "published", "created"];

/// A log without date headings: one day, dated by its front matter, its
/// file name or folders, or the date given.
fn one_undated_day(
    lines: &[&str],
    front: usize,
    options: &ImportOptions,
) -> Result<Days, ImportError> {
    let from_front = FRONT_MATTER_DATES
        .iter()
        .find_map(|key| front_matter_value(&lines[..front], key))
        .and_then(
            |value| match find_date_after(value, None, options.default_year) {
                DateInText::Found(found) => Some(found.date),
                _ => None,
            },
        )
        .map(|date| (date, DateSource::FrontMatter));
    let from_name = || {
        let source = options.source.as_deref()?;
        date_from_path(source).map(|date| (date, DateSource::FileName))
    };
    let given = || options.date.map(|date| (date, DateSource::Given));
    let (date, source) = from_front
        .or_else(from_name)
        .or_else(given)
        .ok_or(ImportError::NoDate)?;
    let day = RawDay {
        date,
        heading: DayHeading {
            level: 0,
            text: String::new(),
            indent: 0,
        },
        body: 0..lines.len(),
    };
    Ok(Days {
        preamble: 0..0,
        days: vec![day],
        day_level: 0,
        format: None,
        warnings: Vec::new(),
        source: Some(source),
    })
}
