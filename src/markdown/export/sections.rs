//! Writing each kind of section body, with exactly the escaping the importer
//! needs to read it back (see `escape` and `places`): list items with their
//! markers and lines as written, free text with its grids after it;
//! 学んだこと is `learned`'s.

use super::super::escape::{Escaped, escape_text};
use super::super::lists::{checkbox_prefix, write_item};
use super::super::places;
use super::super::sections::resolved_label;
use super::super::table::grid_to_table;
use super::blocks::Blocks;
use crate::model::{
    BoxStyle, Day, DaySection, Entry, FreeText, Journal, Language, NextItem, Question, SectionBody,
    WorkItem,
};

/// The body of `section`, whose heading is at `level`.
pub(super) fn push_body(
    blocks: &mut Blocks,
    journal: &Journal,
    day: &Day,
    section: &DaySection,
    level: u8,
    levels: &places::Levels,
) {
    let text_rules = places::plain(*levels);
    match &section.body {
        SectionBody::WorkedOn(entries) => blocks.text(list(entries, &text_rules, |out, item| {
            work_item(out, journal, item)
        })),
        SectionBody::Questions(entries) => blocks.text(list(entries, &text_rules, |out, q| {
            question(out, journal.template.language, q)
        })),
        SectionBody::Next(entries) => blocks.text(list(entries, &text_rules, next_item)),
        SectionBody::Learned(learned) => {
            super::learned::push_learned(blocks, journal, day, learned, level, *levels)
        }
        SectionBody::Impressions(free) | SectionBody::Other(free) => {
            push_free(blocks, free, journal.template.language, level, *levels)
        }
    }
}

/// A list section: items and the text between them; an empty one is a lone
/// `-`, ready to fill in.
fn list<T>(
    entries: &[Entry<T>],
    rules: &super::super::escape::Rules,
    mut item: impl FnMut(&mut String, &T),
) -> Escaped {
    let mut out = String::new();
    let mut closing: Option<String> = None;
    for entry in entries {
        if let Some(close) = closing.take() {
            out.push('\n');
            out.push_str(&close);
        }
        match entry {
            Entry::Item(it) => item(&mut out, it),
            Entry::Text(text) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                let escaped = escape_text(text, rules);
                out.push_str(&escaped.text);
                closing = escaped.closing;
            }
        }
    }
    Escaped { text: out, closing }
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

/// Free text, then each grid under a heading three levels below the
/// section's (its title, maybe empty), which is what tells it from a table
/// written as text.
fn push_free(
    blocks: &mut Blocks,
    free: &FreeText,
    language: Language,
    level: u8,
    levels: places::Levels,
) {
    let rules = places::free_text(levels, level, language);
    if !free.text.is_empty() {
        blocks.text(escape_text(&free.text, &rules));
    }
    for grid in &free.grids {
        blocks.heading(level + 3, &grid.title);
        blocks.text(Escaped::plain(grid_to_table(grid, language)));
    }
}
