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
mod learned;
mod order;
mod sections;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::date::{DateInText, find_date_after, format_date};
use super::escape::{Rules, escape_text};
use super::places;
use crate::model::{BookId, Day, Journal, Language, Spacing};
use blocks::{Blocks, Joined};
pub(super) use blocks::{Kind, usual_gaps};

/// The whole journal: its preamble, then every day in the order the log it
/// came from had them (date order for days made here; newest first if the
/// user's log was written that way).
pub fn export_journal(journal: &Journal) -> String {
    let top = journal.days.values().map(own_level).min().unwrap_or(1);
    let spans_years = spans_years(journal);
    let sequence = order::written_sequence(journal);
    let mut out = preamble(journal, top);
    let many = journal.days.len() > 1 || !journal.preamble.is_empty();
    let mut previous = None;
    let mut parts: HashMap<NaiveDate, Vec<Option<Part>>> = HashMap::new();
    for (i, &(date, part)) in sequence.iter().enumerate() {
        let day = &journal.days[&date];
        let style = DayStyle {
            level: top,
            heading: many || own_heading(day),
            spans_years,
            previous,
        };
        let written = parts.entry(date).or_insert_with(|| {
            day_parts(journal, date, day, style)
                .into_iter()
                .map(Some)
                .collect()
        });
        let Some(text) = written.get_mut(part).and_then(Option::take) else {
            continue;
        };
        end_part(&mut out, text, i + 1 == sequence.len());
        previous = Some(date);
    }
    if sequence.is_empty() && !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The dates of the journal's days in the order an export writes them (a
/// date once for each part of its day).
pub(super) fn day_order(journal: &Journal) -> Vec<NaiveDate> {
    order::written_sequence(journal)
        .into_iter()
        .map(|(date, _)| date)
        .collect()
}

/// The journal's preamble and the line breaks that end it.
fn preamble(journal: &Journal, top: u8) -> String {
    if journal.preamble.is_empty() {
        return String::new();
    }
    // A preamble imported right above its first day ends with a newline,
    // one with n blank lines below it with n newlines.
    let text = journal.preamble.trim_end_matches('\n');
    let breaks = match journal.preamble.len() - text.len() {
        0 => 2,
        1 => 1,
        n => n + 1,
    };
    let preamble = escape_text(text, &Rules::before_days(top)).closed();
    format!("{preamble}{}", "\n".repeat(breaks))
}

/// Writes a part of a day, and the line breaks after it: as the day's log
/// had them, else a blank line between days and a newline at the end. An
/// open code block is closed if anything follows.
fn end_part(out: &mut String, part: Part, at_end: bool) {
    out.push_str(&part.joined.text);
    if at_end {
        out.push_str(&"\n".repeat(part.breaks.unwrap_or(1)));
        return;
    }
    if let Some(closing) = part.joined.closing {
        out.push('\n');
        out.push_str(&closing);
    }
    out.push_str(&"\n".repeat(part.breaks.unwrap_or(2).max(1)));
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
    let parts = day_parts(journal, date, day, style);
    let mut out = String::new();
    let count = parts.len();
    for (k, part) in parts.into_iter().enumerate() {
        end_part(&mut out, part, k + 1 == count);
    }
    Some(out)
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

/// A part of a day, joined, and the line breaks its log had after it.
struct Part {
    joined: Joined,
    breaks: Option<usize>,
}

/// A day's parts: the first is its date heading, its text and its sections
/// up to the first that repeats its date; each further part starts at such
/// a section. The blank lines kept from its log cover all its pieces, the
/// breaks between its parts included.
fn day_parts(journal: &Journal, date: NaiveDate, day: &Day, style: DayStyle) -> Vec<Part> {
    let starts = order::part_starts(date, day);
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(starts.iter().copied())
        .chain(std::iter::once(day.sections.len()))
        .collect();
    let blocks: Vec<Blocks> = bounds
        .windows(2)
        .enumerate()
        .map(|(k, w)| day_blocks(journal, date, day, (k == 0, w[0]..w[1]), style))
        .collect();
    let total: usize = blocks.iter().map(Blocks::len).sum();
    let gaps = &day.spacing.gaps;
    let kept = gaps.len() + 1 == total;
    let mut offset = 0;
    let count = blocks.len();
    let mut parts = Vec::with_capacity(count);
    for (k, part) in blocks.into_iter().enumerate() {
        let len = part.len();
        let own = kept.then(|| &gaps[offset..(offset + len).saturating_sub(1)]);
        let joined = part.join(&day.spacing, own);
        let breaks = if k + 1 == count {
            day.spacing.after.map(usize::from)
        } else {
            kept.then(|| usize::from(gaps[offset + len - 1]) + 1)
        };
        parts.push(Part { joined, breaks });
        offset += len;
    }
    parts
}

/// The pieces of a day (or of the sections `range` of it, with its date
/// heading and text if `first`).
fn day_blocks(
    journal: &Journal,
    date: NaiveDate,
    day: &Day,
    (first, range): (bool, std::ops::Range<usize>),
    style: DayStyle,
) -> Blocks {
    let shift = i16::from(style.level) - i16::from(own_level(day));
    let levels = places::Levels {
        day: style.level,
        section: shifted(day.section_level(), shift),
    };
    let mut blocks = Blocks::default();
    if first && style.heading {
        let text = heading_text(journal, date, day, style);
        let indent = day.heading.as_ref().map_or(0, |h| h.indent);
        blocks.date(style.level, &text, indent);
    }
    if first && !day.preamble.is_empty() {
        // A daily note written without a date heading starts the file, so
        // its front matter is front matter again.
        let rules = Rules {
            front_matter: !style.heading,
            ..places::plain(levels)
        };
        blocks.text(escape_text(&day.preamble, &rules));
    }
    for section in &day.sections[range] {
        let level = shifted(section.level, shift);
        blocks.heading(level, &section.heading);
        sections::push_body(&mut blocks, journal, day, section, level, &levels);
    }
    blocks
}

/// The pieces of a day as its own log had it (no shift, its own heading),
/// for measuring the spacing of the lines it was read from.
pub(super) fn own_pieces(journal: &Journal, date: NaiveDate, day: &Day) -> Vec<(Kind, String)> {
    let style = DayStyle {
        level: own_level(day),
        heading: own_heading(day),
        spans_years: false,
        previous: None,
    };
    let blocks = day_blocks(journal, date, day, (true, 0..day.sections.len()), style);
    blocks.pieces().map(|(k, t)| (k, t.to_owned())).collect()
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
    let language = journal.template.language;
    let learned = || {
        journal
            .days
            .iter()
            .flat_map(|(date, day)| day.learned_books().map(move |l| (*date, l)))
            .filter(|(_, l)| l.book == book_id)
    };
    let date_heading = |date| format_date(date, &journal.template.date_format);
    let mut pieces = vec![learned::Piece::Heading(1, book.title.clone())];
    let intros: Vec<(NaiveDate, &str)> = learned()
        .filter(|(_, l)| !l.intro.is_empty())
        .map(|(d, l)| (d, l.intro.as_str()))
        .collect();
    if !intros.is_empty() {
        pieces.push(learned::Piece::Heading(2, about_book(language).to_owned()));
        for (date, intro) in intros {
            pieces.push(learned::Piece::Heading(3, date_heading(date)));
            pieces.push(learned::Piece::Text(intro, learned::Place::Notes));
        }
    }
    for chapter in &book.chapters {
        pieces.push(learned::Piece::Heading(2, chapter.label.clone()));
        for (date, learned) in learned() {
            for notes in learned.chapters.iter().filter(|n| n.chapter == chapter.id) {
                pieces.push(learned::Piece::Heading(3, date_heading(date)));
                learned::note_pieces(&mut pieces, &notes.blocks, 4, language);
            }
        }
    }
    let mut blocks = Blocks::default();
    // A book's summary: `#` book, `##` chapter, `###` date, `####` grid.
    let summary = Rules {
        chapters: Some(2),
        grid_title: Some(super::escape::GridTitle::Anywhere(4)),
        language,
        ..Rules::up_to(3)
    };
    let bases = learned::Bases {
        intro: summary,
        book_intro: summary,
        notes: summary,
    };
    learned::push_pieces(&mut blocks, &pieces, &bases);
    Some(blocks.join(&Spacing::default(), None).text + "\n")
}

fn about_book(language: Language) -> &'static str {
    match language {
        Language::Ja => "本全体のメモ",
        Language::En => "About the book",
    }
}
