//! Markdown -> journal: the daily logs people keep, one day or many per file.
//!
//! The importer is line-based and copies what it does not understand: it
//! finds the days (date headings at whatever level carries them, or a date
//! from front matter or the file's name), the sections of each day in the
//! order written (recognised by meaning, or kept as written), the items of
//! list sections, and the books, chapters and grids of 学んだこと where there
//! are books. Every other line is kept as written, where it stood, so the
//! exported log renders the same as the one imported.
//!
//! - `days`: where the days are, and their dates;
//! - `day`: a day's preamble and sections;
//! - `items`: 取り組んだこと, わからなかったこと, 次やること;
//! - `learned`: 学んだこと (books, chapters, topics, grids);
//! - `free`: 感想 and sections kept as written (text, grids after it).

mod day;
mod days;
mod free;
mod items;
mod learned;
mod spacing;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::escape::{Rules, unescape_lines};
use super::lines::trim_blank;
use super::sections::heading_language;
use crate::model::{Day, Journal, Section, SectionHeadings, join_days};

pub use days::DateSource;

/// How to import.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// The year of dates written without one (`12/01`, `12月1日`).
    pub default_year: i32,
    /// Replace days the journal already has, instead of keeping them.
    pub replace: bool,
    /// The date of a log whose text and file name name none (`--date`).
    pub date: Option<NaiveDate>,
    /// The file the log comes from, whose name or folders may give its date.
    pub source: Option<PathBuf>,
    /// Days an earlier log of the same import brought: a log of one of
    /// these dates is joined into that day (neither kept out nor replacing).
    pub join: BTreeSet<NaiveDate>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            default_year: chrono::Local::now().year(),
            replace: false,
            date: None,
            source: None,
            join: BTreeSet::new(),
        }
    }
}

/// What an import did and found, for the user to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub added: Vec<NaiveDate>,
    pub replaced: Vec<NaiveDate>,
    /// Days the journal already had and kept (no `replace`).
    pub kept: Vec<NaiveDate>,
    /// Days an earlier log of the same import brought, this log's joined in.
    pub joined: Vec<NaiveDate>,
    /// Things worth a look, each with its line (a weekday that is not the date's own).
    pub warnings: Vec<String>,
    /// Sections recognised, by kind, in the days imported.
    pub recognised: BTreeMap<Section, usize>,
    /// Sections and pieces of text kept as written (not recognised as structure).
    pub kept_as_written: usize,
    /// Where the date came from, for a log with no date heading.
    pub date_from: Option<DateSource>,
}

/// Why a log cannot be imported. Nothing is changed when this happens.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("no date found; give --date YYYY-MM-DD")]
    NoDate,
    #[error("{line}:{column}: \"{text}\" is not a date (no such day)")]
    ImpossibleDate {
        line: usize,
        column: usize,
        text: String,
    },
}

/// Adds the days of the Markdown `text` to `journal`, creating books and
/// chapters as they are met. Days the journal has are kept (and reported)
/// unless `replace`; importing the same log again changes nothing.
pub fn import(
    journal: &mut Journal,
    text: &str,
    options: &ImportOptions,
) -> Result<ImportReport, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let found = days::find_days(&lines, options)?;
    let mut report = ImportReport {
        warnings: found.warnings.clone(),
        date_from: found.source,
        ..ImportReport::default()
    };
    add_preamble(journal, &lines[found.preamble.clone()], found.day_level);
    let learn_style = journal.days.is_empty();
    if learn_style {
        // Grids are read in the journal's language (their total column's
        // word), so a new journal speaks the log's before a day is read.
        learn_language(journal, &lines);
    }
    let mut style = Style {
        date_format: found.format.clone(),
        newest_first: newest_first(&found.days),
        ..Style::default()
    };
    let books_before: Vec<crate::model::BookId> = journal.books.iter().map(|b| b.id).collect();
    if found.days.len() > 1 {
        // Whether a heading under 学んだこと is a book depends on the library;
        // a first reading puts every book the log names into it, so a day
        // reads the same whichever day named its books first.
        let mut scratch_style = Style::default();
        let mut scratch_report = ImportReport::default();
        let reading = (&mut scratch_style, &mut scratch_report);
        read_days(journal, &found, &lines, options, reading, false);
    }
    let reading = (&mut style, &mut report);
    let parsed = read_days(journal, &found, &lines, options, reading, true);
    if learn_style {
        style.apply(journal);
    }
    report.kept.sort();
    report.kept.dedup();
    store_days(journal, parsed, options, &mut report);
    keep_written_order(journal, &found, &report);
    order_new_chapters(journal, &books_before);
    Ok(report)
}

/// A book the import brought has its chapters in the order met in the log
/// (a log reads chapter 3 before chapter 1 as often as not); where every
/// label carries a number, they go in the book's order.
fn order_new_chapters(journal: &mut Journal, books_before: &[crate::model::BookId]) {
    for book in journal
        .books
        .iter_mut()
        .filter(|b| !books_before.contains(&b.id))
    {
        let numbers: Option<Vec<u32>> = book
            .chapters
            .iter()
            .map(|c| super::books::chapter_number(&c.label))
            .collect();
        if numbers.is_some() {
            book.chapters
                .sort_by_key(|c| super::books::chapter_number(&c.label));
        }
    }
}

/// Each day of the log read (days the journal has are kept unless
/// replacing); a date met twice is one day. With `measure`, each day keeps
/// the blank lines its log had.
fn read_days(
    journal: &mut Journal,
    found: &days::Days,
    lines: &[&str],
    options: &ImportOptions,
    (style, report): (&mut Style, &mut ImportReport),
    measure: bool,
) -> BTreeMap<NaiveDate, Day> {
    let mut parsed: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    // The lines each day was read from (a date met twice, from both places).
    let mut sources: BTreeMap<NaiveDate, Vec<&str>> = BTreeMap::new();
    for raw in &found.days {
        let joined = options.join.contains(&raw.date);
        if journal.days.contains_key(&raw.date) && !options.replace && !joined {
            report.kept.push(raw.date);
            continue;
        }
        let mut cx = day::Cx::new(journal, raw, found.day_level, style, report);
        let day = cx.parse(lines);
        let from = raw.body.start - usize::from(raw.heading.level > 0);
        sources
            .entry(raw.date)
            .or_default()
            .extend_from_slice(&lines[from..raw.body.end]);
        match parsed.get_mut(&raw.date) {
            Some(earlier) => day::append(earlier, day, raw),
            None => {
                parsed.insert(raw.date, day);
            }
        }
    }
    let last = found.days.last().map(|raw| raw.date);
    for (date, day) in parsed.iter_mut().filter(|_| measure) {
        spacing::keep_spacing(journal, *date, day, &sources[date], last == Some(*date));
    }
    parsed
}

/// Text before the first day goes to the journal's preamble, once: a log
/// imported again does not add it twice.
fn add_preamble(journal: &mut Journal, lines: &[&str], day_level: u8) {
    let mut preamble = unescape_lines(trim_blank(lines), &Rules::before_days(day_level));
    // Newlines at its end say how far below it the first day's heading
    // was: one, directly after it; none, after a blank line; n, after n
    // blank lines.
    let blank = lines
        .iter()
        .rev()
        .take_while(|l| l.trim().is_empty())
        .count();
    if !preamble.is_empty() && blank != 1 {
        preamble.push_str(&"\n".repeat(blank.max(1)));
    }
    if preamble.is_empty() || journal.preamble.contains(&preamble) {
        return;
    }
    if !journal.preamble.is_empty() {
        journal.preamble.push_str("\n\n");
    }
    journal.preamble.push_str(&preamble);
}

fn store_days(
    journal: &mut Journal,
    days: BTreeMap<NaiveDate, Day>,
    options: &ImportOptions,
    report: &mut ImportReport,
) {
    for (date, day) in days {
        match journal.days.get_mut(&date) {
            Some(existing) if options.join.contains(&date) => {
                join_days(existing, day);
                report.joined.push(date);
            }
            Some(existing) => {
                *existing = day;
                report.replaced.push(date);
            }
            None => {
                journal.days.insert(date, day);
                report.added.push(date);
            }
        }
    }
}

/// Keeps the order the log wrote its days in, where that is not date order
/// (nor newest first): a month file with an entry written late, a date
/// written twice with another between.
fn keep_written_order(journal: &mut Journal, found: &days::Days, report: &ImportReport) {
    let brought: BTreeSet<NaiveDate> = report
        .added
        .iter()
        .chain(&report.replaced)
        .copied()
        .collect();
    let dates: Vec<NaiveDate> = found
        .days
        .iter()
        .map(|raw| raw.date)
        .filter(|date| brought.contains(date))
        .collect();
    let ascending = dates.windows(2).all(|w| w[0] < w[1]);
    let descending = dates.windows(2).all(|w| w[0] > w[1]);
    if ascending || descending {
        return;
    }
    if journal.written_order.is_empty() {
        // The days the journal had stay where export put them.
        let before: Vec<NaiveDate> = super::export::day_order(journal)
            .into_iter()
            .filter(|date| !brought.contains(date))
            .collect();
        journal.written_order = before;
    }
    journal.written_order.extend(dates);
}

/// A new journal takes the language of the first section heading the log
/// has that names a section, whatever the system's language.
fn learn_language(journal: &mut Journal, lines: &[&str]) {
    let code = super::lines::code_lines(lines);
    let first = super::lines::headings(lines, &code)
        .into_iter()
        .find(|(_, h)| super::sections::classify_heading(h.text).is_some());
    if let Some((_, h)) = first {
        let language = heading_language(h.text);
        journal.template.language = language;
        journal.template.headings = SectionHeadings::for_language(language);
    }
}

/// Whether the log puts its newest day first (more of its days follow a
/// later day than an earlier one).
fn newest_first(days: &[days::RawDay]) -> bool {
    let pairs = || days.windows(2).map(|w| w[0].date.cmp(&w[1].date));
    let backwards = pairs().filter(|o| o.is_gt()).count();
    backwards > pairs().filter(|o| o.is_lt()).count()
}

/// What the importer learns about how the user writes, for a new journal's
/// template: the days the form starts look like the days they had.
#[derive(Default)]
pub(super) struct Style {
    date_format: Option<String>,
    headings: Vec<(Section, String)>,
    next_with_checkbox: bool,
    next_without_checkbox: bool,
    newest_first: bool,
}

impl Style {
    fn met_heading(&mut self, section: Section, heading: &str) {
        if !self.headings.iter().any(|(s, _)| *s == section) {
            self.headings.push((section, heading.to_owned()));
        }
    }

    fn met_next_item(&mut self, boxed: bool) {
        if boxed {
            self.next_with_checkbox = true;
        } else {
            self.next_without_checkbox = true;
        }
    }

    fn apply(self, journal: &mut Journal) {
        let template = &mut journal.template;
        if let Some(format) = self.date_format {
            template.date_format = format;
        }
        if let Some((_, first)) = self.headings.first() {
            template.language = heading_language(first);
            template.headings = SectionHeadings::for_language(template.language);
        }
        for (section, heading) in self.headings {
            template.headings.set(section, heading);
        }
        if self.next_with_checkbox || self.next_without_checkbox {
            template.next_checkboxes = self.next_with_checkbox;
        }
        template.newest_first = self.newest_first;
    }
}
