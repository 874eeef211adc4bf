//! Writing each kind of section body, with exactly the escaping the importer
//! needs to read it back (see `escape`): list items with their markers and
//! lines as written, 学んだこと's books and chapters at the levels below the
//! section, free text with its grids after it.

use super::super::escape::{Rules, escape_text};
use super::super::lines::{code_lines, heading_line, headings};
use super::super::lists::{checkbox_prefix, write_item};
use super::super::table::grid_to_table;
use super::blocks::Blocks;
use super::resolved_label;
use crate::model::{
    Block, BoxStyle, Day, DaySection, Entry, FreeText, Journal, Language, Learned, NextItem,
    Question, SectionBody, WorkItem,
};

/// The levels a day is written at.
pub(super) struct Levels {
    /// The date heading's level.
    pub day: u8,
    /// The level of the day's sections: headings at it or above in a text
    /// would read as sections.
    pub section: u8,
}

/// The body of `section`, whose heading is at `level`.
pub(super) fn push_body(
    blocks: &mut Blocks,
    journal: &Journal,
    day: &Day,
    section: &DaySection,
    level: u8,
    levels: &Levels,
) {
    let text_rules = Rules {
        day_level: levels.day,
        ..Rules::up_to(levels.section)
    };
    match &section.body {
        SectionBody::WorkedOn(entries) => blocks.text(list(entries, &text_rules, |out, item| {
            work_item(out, journal, item)
        })),
        SectionBody::Questions(entries) => blocks.text(list(entries, &text_rules, |out, q| {
            question(out, journal.template.language, q)
        })),
        SectionBody::Next(entries) => blocks.text(list(entries, &text_rules, next_item)),
        SectionBody::Learned(learned) => {
            push_learned(blocks, journal, day, learned, level, levels.section)
        }
        SectionBody::Impressions(free) | SectionBody::Other(free) => push_free(
            blocks,
            free,
            journal.template.language,
            level,
            levels.section,
        ),
    }
}

/// A list section: items and the text between them; an empty one is a lone
/// `-`, ready to fill in.
fn list<T>(entries: &[Entry<T>], rules: &Rules, mut item: impl FnMut(&mut String, &T)) -> String {
    let mut out = String::new();
    for entry in entries {
        match entry {
            Entry::Item(it) => item(&mut out, it),
            Entry::Text(text) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&escape_text(text, rules));
            }
        }
    }
    out
}

fn work_item(out: &mut String, journal: &Journal, item: &WorkItem) {
    match item {
        WorkItem::Text { text, marker } => write_item(out, &marker.0, None, text, |_| false),
        WorkItem::Book(studied) => {
            let prefix = match studied.chapter_prefix.as_str() {
                "" => format!("{}- ", " ".repeat(width(&studied.marker.0))),
                written => written.to_owned(),
            };
            let mut text = journal
                .book(studied.book)
                .map_or("", |b| b.title.as_str())
                .to_owned();
            for chapter in &studied.chapters {
                let label = if chapter.written_as.is_empty() {
                    journal
                        .chapter(chapter.chapter)
                        .map_or("", |(_, c)| c.label.as_str())
                } else {
                    &chapter.written_as
                };
                text.push_str(&format!("\n{prefix}{label}"));
            }
            write_item(out, &studied.marker.0, None, &text, |_| false);
        }
    }
}

fn question(out: &mut String, language: Language, question: &Question) {
    let marker = &question.marker.0;
    let checked = |t: &str| checkbox_prefix(t).is_some_and(|(b, _)| b != "[ ]");
    let Some(answer) = &question.answer else {
        return write_item(out, marker, None, &question.text, checked);
    };
    let mut text = question.text.clone();
    if !answer.text.is_empty() {
        let pad = " ".repeat(width(marker));
        let label = resolved_label(language);
        let answer_text = answer.text.replace('\n', &format!("\n{pad}  "));
        text.push_str(&format!(
            "\n{pad}- {label} ({}): {answer_text}",
            answer.resolved_on
        ));
    }
    let checkbox = if question.style == BoxStyle::Upper {
        "[X]"
    } else {
        "[x]"
    };
    write_item(out, marker, Some(checkbox), &text, checked);
}

fn next_item(out: &mut String, item: &NextItem) {
    let checkbox = match (item.done, item.style) {
        (true, BoxStyle::Upper) => Some("[X]"),
        (true, _) => Some("[x]"),
        (false, BoxStyle::Plain) => None,
        (false, _) => Some("[ ]"),
    };
    let boxed = |t: &str| checkbox_prefix(t).is_some();
    write_item(out, &item.marker.0, checkbox, &item.text, boxed);
}

/// Columns a marker takes (where the item's further lines are indented to).
fn width(marker: &str) -> usize {
    marker.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
}

/// Whether a heading at `level` under 学んだこと would be read as a book: the
/// day's 取り組んだこと names it, the library has it, or chapters follow it.
fn book_like<'a>(
    journal: &'a Journal,
    day: &'a Day,
    level: u8,
) -> impl Fn(&str, &[&str]) -> bool + 'a {
    move |title, rest| {
        let named = day.work_items().any(|(_, _, item)| match item {
            WorkItem::Text { text, .. } => text.split('\n').next().map(str::trim) == Some(title),
            WorkItem::Book(b) => journal.book(b.book).is_some_and(|b| b.title == title),
        });
        named || journal.book_by_title(title).is_some() || chapters_follow(rest, level)
    }
}

/// Whether the headings under a would-be book (up to the next at its level)
/// all read as chapters: then the importer takes it for a book.
fn chapters_follow(rest: &[&str], level: u8) -> bool {
    let labels: Vec<&str> = headings(rest, &code_lines(rest))
        .into_iter()
        .map(|(_, h)| h)
        .take_while(|h| h.level > level)
        .filter(|h| h.level == level + 1)
        .map(|h| h.text)
        .collect();
    !labels.is_empty()
        && labels
            .iter()
            .all(|l| super::super::import::reads_as_chapter(l))
}

fn push_learned(
    blocks: &mut Blocks,
    journal: &Journal,
    day: &Day,
    learned: &Learned,
    level: u8,
    boundary: u8,
) {
    let language = journal.template.language;
    let is_book = book_like(journal, day, level + 1);
    let intro_rules = Rules {
        books: Some((level + 1, &is_book)),
        max_level: level + 1,
        ..Rules::up_to(boundary)
    };
    if !learned.intro.is_empty() {
        blocks.text(escape_text(&learned.intro, &intro_rules));
    }
    let book_rules = Rules {
        chapters: Some(level + 2),
        max_level: level + 2,
        ..intro_rules
    };
    for book in &learned.books {
        let title = journal.book(book.book).map_or("", |b| b.title.as_str());
        blocks.heading(level + 1, title);
        let labels: Vec<&str> = (book.chapters.iter())
            .map(|notes| journal.chapter(notes.chapter).map_or("", |(_, c)| &c.label))
            .collect();
        let chapter_headings: Vec<String> = (labels.iter())
            .map(|label| heading_line(level + 2, label))
            .collect();
        if !book.intro.is_empty() {
            let rules = Rules {
                following: &chapter_headings,
                ..book_rules
            };
            blocks.text(escape_text(&book.intro, &rules));
        }
        for (n, notes) in book.chapters.iter().enumerate() {
            blocks.heading(level + 2, labels[n]);
            let rules = Rules {
                following: &chapter_headings[n + 1..],
                ..book_rules
            };
            push_note_blocks(blocks, &notes.blocks, language, level + 3, &rules);
        }
    }
}

/// A chapter's notes: text blocks, and grids under a title heading at `title_level`.
pub(super) fn push_note_blocks(
    blocks: &mut Blocks,
    notes: &[Block],
    language: Language,
    title_level: u8,
    rules: &Rules,
) {
    for (i, block) in notes.iter().enumerate() {
        match block {
            Block::Text(text) if text.is_empty() => {}
            Block::Text(text) => {
                // A title-level heading ending the text would read as the
                // title of an untitled grid right after it.
                let untitled = match notes.get(i + 1) {
                    Some(Block::Grid(grid)) if grid.title.is_empty() => Some(grid),
                    _ => None,
                };
                let mut following: Vec<String> = untitled
                    .map(|grid| {
                        grid_to_table(grid, language)
                            .lines()
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                following.extend(rules.following.iter().cloned());
                let rules = Rules {
                    grid_title: untitled.map(|_| title_level),
                    max_level: title_level,
                    following: &following,
                    ..*rules
                };
                blocks.text(escape_text(text, &rules));
            }
            Block::Grid(grid) => {
                if !grid.title.is_empty() {
                    blocks.heading(title_level, &grid.title);
                }
                blocks.text(grid_to_table(grid, language));
            }
        }
    }
}

/// Free text, then each grid under a heading three levels below the
/// section's (its title, maybe empty), which is what tells it from a table
/// written as text.
fn push_free(blocks: &mut Blocks, free: &FreeText, language: Language, level: u8, boundary: u8) {
    let title_level = level + 3;
    let rules = Rules {
        grid_title: Some(title_level),
        max_level: title_level.max(boundary),
        ..Rules::up_to(boundary)
    };
    if !free.text.is_empty() {
        blocks.text(escape_text(&free.text, &rules));
    }
    for grid in &free.grids {
        blocks.heading(title_level, &grid.title);
        blocks.text(grid_to_table(grid, language));
    }
}
