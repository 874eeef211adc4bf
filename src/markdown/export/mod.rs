//! Journal -> Markdown: the whole journal, a day, or a book's notes.
//!
//! A day is written the way it was read: its date heading as written (a
//! template heading for days made in the app), its sections in their order,
//! at their levels, under their headings, each body as its kind writes it
//! (`sections`). Only text that would read back as structure is escaped, so
//! an imported log renders the same after export. A journal whose days came
//! from logs with date headings at different levels is written with every day
//! at the highest of those levels, so it reads back as one journal.

mod blocks;
mod sections;

use chrono::{Datelike, NaiveDate};

use super::date::{DateInText, find_date_after, format_date};
use super::escape::{Rules, escape_text};
use crate::model::{BookId, Day, Journal, Language, Spacing};
use blocks::Blocks;

use sections::push_note_blocks;

/// The whole journal: its preamble, then every day in date order (newest
/// first if the user's log was written that way).
pub fn export_journal(journal: &Journal) -> String {
    let top = journal.days.values().map(own_level).min().unwrap_or(1);
    let spans_years = spans_years(journal);
    let mut parts: Vec<String> = Vec::new();
    if !journal.preamble.is_empty() {
        // A preamble imported right above its first day ends with a newline.
        let (text, tight) = match journal.preamble.strip_suffix('\n') {
            Some(text) => (text, true),
            None => (journal.preamble.as_str(), false),
        };
        let preamble = escape_text(text, &Rules::before_days(top));
        parts.push(if tight {
            preamble
        } else {
            format!("{preamble}\n")
        });
    }
    let many = journal.days.len() > 1 || !journal.preamble.is_empty();
    let mut previous = None;
    let days: Box<dyn Iterator<Item = (&NaiveDate, &Day)>> = if journal.template.newest_first {
        Box::new(journal.days.iter().rev())
    } else {
        Box::new(journal.days.iter())
    };
    for (date, day) in days {
        let style = DayStyle {
            level: top,
            heading: many || own_heading(day),
            spans_years,
            previous,
        };
        parts.push(day_text(journal, *date, day, style));
        previous = Some(*date);
    }
    parts.join("\n")
}

/// One day, or `None` if the journal has no log for that date. A day read
/// from a daily note without a date heading is written without one too.
pub fn export_day(journal: &Journal, date: NaiveDate) -> Option<String> {
    let day = journal.days.get(&date)?;
    let style = DayStyle {
        level: own_level(day),
        heading: own_heading(day),
        spans_years: false,
        previous: None,
    };
    Some(day_text(journal, date, day, style))
}

/// How a day is written within an export.
#[derive(Clone, Copy)]
struct DayStyle {
    /// The level its date heading goes at (its sections shift with it).
    level: u8,
    /// Whether to write a date heading (a day needs one among others).
    heading: bool,
    /// Whether the export holds days of more than one year, so every date
    /// heading must carry its year to read back.
    spans_years: bool,
    /// The day written before this one (a date without a year reads back
    /// in the year after it).
    previous: Option<NaiveDate>,
}

/// The level a day's heading was written at (1 for days made in the app).
fn own_level(day: &Day) -> u8 {
    day.heading.as_ref().map_or(1, |h| h.level.clamp(1, 3))
}

/// Whether a day has a date heading of its own (a daily note had none).
fn own_heading(day: &Day) -> bool {
    day.heading.as_ref().is_none_or(|h| h.level > 0)
}

fn spans_years(journal: &Journal) -> bool {
    let first = journal.days.keys().next().map(|d| d.year());
    let last = journal.days.keys().next_back().map(|d| d.year());
    first != last
}

fn day_text(journal: &Journal, date: NaiveDate, day: &Day, style: DayStyle) -> String {
    let shift = i16::from(style.level) - i16::from(own_level(day));
    let levels = sections::Levels {
        day: style.level,
        section: shifted(day.section_level(), shift),
    };
    let mut blocks = Blocks::default();
    if style.heading {
        let text = heading_text(journal, date, day, style);
        blocks.date(style.level, &text);
    }
    if !day.preamble.is_empty() {
        blocks.text(escape_text(&day.preamble, &Rules::up_to(levels.section)));
    }
    for section in &day.sections {
        let level = shifted(section.level, shift);
        blocks.heading(level, &section.heading);
        sections::push_body(&mut blocks, journal, day, section, level, &levels);
    }
    blocks.join(day.spacing)
}

fn shifted(level: u8, shift: i16) -> u8 {
    (i16::from(level) + shift).clamp(1, 6) as u8
}

/// The date heading's text: as it was written in the log it came from, if
/// it still reads back as this date; else the template's style.
fn heading_text(journal: &Journal, date: NaiveDate, day: &Day, style: DayStyle) -> String {
    // Without a year, the date reads back in the year of the day before it;
    // the first day of an export spanning years needs its own.
    let reads_back = |text: &str| {
        matches!(find_date_after(text, style.previous, date.year()),
            DateInText::Found(found) if found.date == date
                && (found.has_year || style.previous.is_some() || !style.spans_years))
    };
    let written = day
        .heading
        .as_ref()
        .filter(|h| h.level > 0 && reads_back(&h.text));
    match written {
        Some(h) => h.text.clone(),
        None => format_date(date, &date_format_for(journal, style.spans_years)),
    }
}

/// The template's date format, with the year added when it has none and the
/// days span more than one year (otherwise the years could not be read back).
fn date_format_for(journal: &Journal, spans_years: bool) -> String {
    let format = &journal.template.date_format;
    if spans_years && !format.contains("%Y") {
        let prefix = if format.contains('月') {
            "%Y年"
        } else {
            "%Y/"
        };
        format!("{prefix}{format}")
    } else {
        format.clone()
    }
}

/// A summary of one book: for each chapter, what was learned on each day, in date order.
pub fn export_book(journal: &Journal, book_id: BookId) -> Option<String> {
    let book = journal.book(book_id)?;
    let mut blocks = Blocks::default();
    blocks.heading(1, &book.title);
    let learned = || {
        journal
            .days
            .iter()
            .flat_map(|(date, day)| day.learned_books().map(move |l| (*date, l)))
            .filter(|(_, l)| l.book == book_id)
    };
    let date_heading = |date| format_date(date, &journal.template.date_format);
    let rules = Rules {
        chapters: Some(2),
        max_level: 3,
        ..Rules::up_to(3)
    };
    let intros: Vec<(NaiveDate, &str)> = learned()
        .filter(|(_, l)| !l.intro.is_empty())
        .map(|(d, l)| (d, l.intro.as_str()))
        .collect();
    if !intros.is_empty() {
        blocks.heading(2, about_book(journal.template.language));
        for (date, intro) in intros {
            blocks.heading(3, &date_heading(date));
            blocks.text(escape_text(intro, &rules));
        }
    }
    for chapter in &book.chapters {
        blocks.heading(2, &chapter.label);
        for (date, learned) in learned() {
            for notes in learned.chapters.iter().filter(|n| n.chapter == chapter.id) {
                blocks.heading(3, &date_heading(date));
                push_note_blocks(
                    &mut blocks,
                    &notes.blocks,
                    journal.template.language,
                    4,
                    &rules,
                );
            }
        }
    }
    Some(blocks.join(Spacing::default()))
}

fn about_book(language: Language) -> &'static str {
    match language {
        Language::Ja => "本全体のメモ",
        Language::En => "About the book",
    }
}

/// The word before a resolved question's answer.
pub(crate) fn resolved_label(language: Language) -> &'static str {
    match language {
        Language::Ja => "解決",
        Language::En => "Answer",
    }
}
