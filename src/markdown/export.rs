//! Journal -> Markdown: a day, a book summary, or the whole journal.

use chrono::{Datelike, NaiveDate};

use super::date::format_date;
use super::escape::{Structural, escape_text};
use super::lists::write_item;
use super::table::grid_to_table;
use crate::model::{
    Block, BookId, Day, Entry, Grid, Journal, Language, Learned, NextItem, Question, SectionBody,
    WorkItem,
};

/// Headings that carry structure outside 学んだこと: date, section.
const SECTION_LEVELS: Structural = Structural::UpTo(2);
/// Headings that carry structure inside 学んだこと: also book, chapter.
const LEARNED_LEVELS: Structural = Structural::UpTo(4);

/// The whole journal: its preamble, then every day in date order.
pub fn export_journal(journal: &Journal) -> String {
    let format = date_format_for(journal, journal.days.keys());
    let mut parts: Vec<String> = Vec::new();
    if !journal.preamble.is_empty() {
        parts.push(format!(
            "{}\n",
            escape_text(&journal.preamble, Structural::DateHeadings)
        ));
    }
    parts.extend(
        journal
            .days
            .iter()
            .map(|(date, day)| day_text(journal, *date, day, &format)),
    );
    parts.join("\n")
}

/// One day, or `None` if the journal has no log for that date.
pub fn export_day(journal: &Journal, date: NaiveDate) -> Option<String> {
    let day = journal.days.get(&date)?;
    Some(day_text(journal, date, day, &journal.template.date_format))
}

/// A summary of one book: for each chapter, what was learned on each day, in date order.
pub fn export_book(journal: &Journal, book_id: BookId) -> Option<String> {
    let book = journal.book(book_id)?;
    let mut blocks = vec![heading(1, &book.title)];
    let learned = || {
        journal
            .days
            .iter()
            .flat_map(|(date, day)| day.learned_books().map(move |l| (*date, l)))
            .filter(|(_, l)| l.book == book_id)
    };
    let intros: Vec<(NaiveDate, &str)> = learned()
        .filter(|(_, l)| !l.intro.is_empty())
        .map(|(d, l)| (d, l.intro.as_str()))
        .collect();
    if !intros.is_empty() {
        blocks.push(heading(2, about_book(journal.template.language)));
        for (date, intro) in intros {
            blocks.push(heading(
                3,
                &format_date(date, &journal.template.date_format),
            ));
            blocks.push(escape_text(intro, LEARNED_LEVELS));
        }
    }
    for chapter in &book.chapters {
        blocks.push(heading(2, &chapter.label));
        for (date, learned) in learned() {
            for notes in learned.chapters.iter().filter(|n| n.chapter == chapter.id) {
                blocks.push(heading(
                    3,
                    &format_date(date, &journal.template.date_format),
                ));
                push_note_blocks(&mut blocks, &notes.blocks, journal.template.language);
            }
        }
    }
    Some(join_blocks(&blocks))
}

fn about_book(language: Language) -> &'static str {
    match language {
        Language::Ja => "本全体のメモ",
        Language::En => "About the book",
    }
}

/// The template's date format, with the year added when it has none and the
/// days span more than one year (otherwise the years could not be read back).
fn date_format_for<'a>(
    journal: &Journal,
    mut dates: impl Iterator<Item = &'a NaiveDate>,
) -> String {
    let format = &journal.template.date_format;
    let first = dates.next().map(|d| d.year());
    let spans_years = dates
        .last()
        .map(|d| d.year())
        .is_some_and(|last| Some(last) != first);
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

fn day_text(journal: &Journal, date: NaiveDate, day: &Day, date_format: &str) -> String {
    let mut blocks = vec![heading(1, &format_date(date, date_format))];
    if !day.preamble.is_empty() {
        blocks.push(escape_text(&day.preamble, SECTION_LEVELS));
    }
    for section in &day.sections {
        blocks.push(heading(2, &section.heading));
        push_section(&mut blocks, journal, &section.body);
    }
    join_blocks(&blocks)
}

fn push_section(blocks: &mut Vec<String>, journal: &Journal, body: &SectionBody) {
    let language = journal.template.language;
    match body {
        SectionBody::WorkedOn(entries) => {
            blocks.push(list_or_dash(worked_on_list(journal, entries)))
        }
        SectionBody::Learned(learned) => push_learned(blocks, journal, learned),
        SectionBody::Questions(entries) => {
            blocks.push(list_or_dash(questions_list(journal, entries)))
        }
        SectionBody::Next(entries) => blocks.push(list_or_dash(next_list(journal, entries))),
        SectionBody::Impressions(free) | SectionBody::Other(free) => {
            if !free.text.is_empty() {
                blocks.push(escape_text(&free.text, Structural::FreeSection));
            }
            push_free_grids(blocks, &free.grids, language);
        }
    }
}

/// An empty list section is written as a single `-`, ready to fill in.
fn list_or_dash(list: String) -> String {
    if list.is_empty() {
        "-".to_owned()
    } else {
        list
    }
}

/// The items of a list section, written one after another; text between
/// items is written as it is.
fn entries_list<T>(entries: &[Entry<T>], mut item: impl FnMut(&mut String, &T)) -> String {
    let mut out = String::new();
    for entry in entries {
        match entry {
            Entry::Item(it) => item(&mut out, it),
            Entry::Text(text) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(text);
            }
        }
    }
    out
}

fn worked_on_list(journal: &Journal, entries: &[Entry<WorkItem>]) -> String {
    entries_list(entries, |out, item| match item {
        WorkItem::Text(text) => write_item(out, None, text),
        WorkItem::Book(studied) => {
            let title = journal.book(studied.book).map_or("", |b| b.title.as_str());
            let mut text = title.to_owned();
            for chapter in &studied.chapters {
                let label = if chapter.written_as.is_empty() {
                    journal
                        .chapter(chapter.chapter)
                        .map_or("", |(_, c)| c.label.as_str())
                } else {
                    &chapter.written_as
                };
                text.push_str("\n  - ");
                text.push_str(label);
            }
            write_item(out, None, &text);
        }
    })
}

fn questions_list(journal: &Journal, entries: &[Entry<Question>]) -> String {
    entries_list(entries, |out, question| match &question.answer {
        None => write_item(out, None, &question.text),
        Some(answer) => {
            let mut text = question.text.clone();
            if !answer.text.is_empty() {
                let label = resolved_label(journal.template.language);
                let on = answer.resolved_on;
                let answer_text = answer.text.replace('\n', "\n    ");
                text.push_str(&format!("\n  - {label} ({on}): {answer_text}"));
            }
            write_item(out, Some(true), &text);
        }
    })
}

/// The word before a resolved question's answer.
pub(crate) fn resolved_label(language: Language) -> &'static str {
    match language {
        Language::Ja => "解決",
        Language::En => "Answer",
    }
}

fn next_list(journal: &Journal, entries: &[Entry<NextItem>]) -> String {
    entries_list(entries, |out, item| {
        let checkbox = if item.done {
            Some(true)
        } else {
            journal.template.next_checkboxes.then_some(false)
        };
        write_item(out, checkbox, &item.text);
    })
}

fn push_learned(blocks: &mut Vec<String>, journal: &Journal, learned: &Learned) {
    let language = journal.template.language;
    if !learned.intro.is_empty() {
        blocks.push(escape_text(&learned.intro, LEARNED_LEVELS));
    }
    for book in &learned.books {
        let title = journal.book(book.book).map_or("", |b| b.title.as_str());
        blocks.push(heading(3, title));
        if !book.intro.is_empty() {
            blocks.push(escape_text(&book.intro, LEARNED_LEVELS));
        }
        for notes in &book.chapters {
            let label = journal
                .chapter(notes.chapter)
                .map_or("", |(_, c)| c.label.as_str());
            blocks.push(heading(4, label));
            push_note_blocks(blocks, &notes.blocks, language);
        }
    }
}

fn push_note_blocks(blocks: &mut Vec<String>, notes: &[Block], language: Language) {
    for block in notes {
        match block {
            Block::Text(text) if text.is_empty() => {}
            Block::Text(text) => blocks.push(escape_text(text, LEARNED_LEVELS)),
            Block::Grid(grid) => {
                if !grid.title.is_empty() {
                    blocks.push(heading(5, &grid.title));
                }
                blocks.push(grid_to_table(grid, language));
            }
        }
    }
}

/// Grids after a free section's text: each under a `#####` heading (empty
/// when the grid has no title), which is what tells them from a table
/// written as text.
fn push_free_grids(blocks: &mut Vec<String>, grids: &[Grid], language: Language) {
    for grid in grids {
        blocks.push(heading(5, &grid.title).trim_end().to_owned());
        blocks.push(grid_to_table(grid, language));
    }
}

/// A heading line; line breaks in a title (possible in a hand-edited
/// journal) become spaces so they cannot break the structure.
fn heading(level: usize, text: &str) -> String {
    format!("{} {}", "#".repeat(level), text.replace(['\r', '\n'], " "))
}

/// Blocks separated by blank lines, ending with a newline.
fn join_blocks(blocks: &[String]) -> String {
    let mut text = blocks.join("\n\n");
    text.push('\n');
    text
}
