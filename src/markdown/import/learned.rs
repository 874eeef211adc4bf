//! 学んだこと: books and chapters where there are books, topics elsewhere.
//!
//! A heading one level below the section is a book when `books` says so
//! (the day's 取り組んだこと names it, the library has it, or the headings
//! under it read as chapters); then the headings one level further down
//! are its chapters. Any other heading is a topic inside the notes, kept as
//! written. In a chapter's notes, a table under a title heading three
//! levels below the section becomes a comparison grid when it writes back
//! the same; every other table stays text, as written.

use super::super::books::{chapter_for_heading, reads_as_book};
use super::super::escape::{IsBook, Rules, reads_as_grid, unescape_lines};
use super::super::lines::{Heading, code_lines, heading, headings, trim_blank};
use super::super::places;
use super::super::table::{starts_table, table_len, table_to_grid};
use super::day::Cx;
use crate::model::{Block, ChapterNotes, Language, Learned, LearnedBook};

/// A book's heading, title and the lines under it (up to the next book).
struct RawBook<'a> {
    title: &'a str,
    /// Where its lines start in the section.
    start: usize,
    lines: &'a [&'a str],
}

pub fn learned(cx: &mut Cx, lines: &[&str], level: u8, names: &[String]) -> Learned {
    let named = |title: &str| names.iter().any(|n| n == title);
    let is_book =
        |title: &str, rest: &[&str]| reads_as_book(title, rest, level + 1, &named, cx.journal);
    let code = code_lines(lines);
    let books: Vec<(usize, Heading)> = headings(lines, &code)
        .into_iter()
        .filter(|(i, h)| h.level == level + 1 && is_book(h.text, &lines[i + 1..]))
        .collect();
    let intro_end = books.first().map_or(lines.len(), |(i, _)| *i);
    let rules = Rules {
        following: &lines[intro_end..],
        ..places::learned_intro(cx.levels(), level, &is_book)
    };
    let intro = unescape_lines(trim_blank(&lines[..intro_end]), &rules);
    let raw: Vec<RawBook> = books
        .iter()
        .enumerate()
        .map(|(n, (start, h))| RawBook {
            title: h.text,
            start: start + 1,
            lines: &lines[start + 1..books.get(n + 1).map_or(lines.len(), |(i, _)| *i)],
        })
        .collect();
    let read: Vec<ReadBook> = raw
        .iter()
        .map(|book| read_book(cx, book, &lines[book.start..], level, &is_book))
        .collect();
    let books = read.into_iter().map(|book| store_book(cx, book)).collect();
    Learned { intro, books }
}

/// A book's text read, before its chapters are looked up in the library.
struct ReadBook<'a> {
    title: &'a str,
    intro: String,
    chapters: Vec<(&'a str, Vec<Block>)>,
}

/// A book's intro and chapters, unescaped by the rules of their places
/// (`after` is every line from the book's first on).
fn read_book<'a>(
    cx: &Cx,
    book: &RawBook<'a>,
    after: &[&str],
    level: u8,
    is_book: IsBook,
) -> ReadBook<'a> {
    let lines = book.lines;
    let code = code_lines(lines);
    let chapters: Vec<(usize, Heading)> = headings(lines, &code)
        .into_iter()
        .filter(|(_, h)| h.level == level + 2)
        .collect();
    let intro_end = chapters.first().map_or(lines.len(), |(i, _)| *i);
    let section = cx.levels();
    let rules = places::book_intro(section, level, is_book, &after[intro_end..]);
    let intro = unescape_lines(trim_blank(&lines[..intro_end]), &rules);
    let language = cx.journal.template.language;
    let chapters = chapters
        .iter()
        .enumerate()
        .map(|(n, (start, h))| {
            let end = chapters.get(n + 1).map_or(lines.len(), |(i, _)| *i);
            let notes = Notes {
                lines: trim_blank(&lines[start + 1..end]),
                after: &after[end..],
                title_level: level + 3,
                language,
            };
            let rules = places::chapter_notes(section, level, is_book, language, &[]);
            (h.text, blocks(&notes, &rules))
        })
        .collect();
    ReadBook {
        title: book.title,
        intro,
        chapters,
    }
}

/// The book and its chapters found in (or added to) the library.
fn store_book(cx: &mut Cx, book: ReadBook) -> LearnedBook {
    let id = cx
        .journal
        .book_by_title(book.title)
        .unwrap_or_else(|| cx.journal.add_book(book.title));
    let chapters = book
        .chapters
        .into_iter()
        .map(|(label, blocks)| ChapterNotes {
            chapter: chapter_for_heading(cx.journal, id, label),
            blocks,
        })
        .collect();
    LearnedBook {
        book: id,
        intro: book.intro,
        chapters,
    }
}

/// A chapter's notes, and what stands after them in the section.
struct Notes<'a> {
    lines: &'a [&'a str],
    after: &'a [&'a str],
    title_level: u8,
    language: Language,
}

/// A chapter's notes: text as written, with each table under a title
/// heading that writes back the same as a grid taken out as that grid.
fn blocks(notes: &Notes, rules: &Rules) -> Vec<Block> {
    let lines = notes.lines;
    let code = code_lines(lines);
    let mut blocks = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while i < lines.len() {
        let grid = (!code[i] && starts_table(&lines[i..]))
            .then(|| titled_grid(lines, text_start, i, notes))
            .flatten();
        let Some((title_at, grid, len)) = grid else {
            i += 1;
            continue;
        };
        push_text(
            &mut blocks,
            &lines[text_start..title_at],
            &lines[title_at..],
            notes,
            rules,
        );
        blocks.push(Block::Grid(grid));
        i += len;
        text_start = i;
    }
    push_text(&mut blocks, &lines[text_start..], &[], notes, rules);
    blocks
}

/// The grid a table at `at` is, if a title heading stands right above it
/// (blank lines aside) and it writes back the same: where the title is, the
/// grid, and the table's length.
fn titled_grid(
    lines: &[&str],
    text_start: usize,
    at: usize,
    notes: &Notes,
) -> Option<(usize, crate::model::Grid, usize)> {
    let title_at = lines[text_start..at]
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map(|i| text_start + i)?;
    let title = heading(lines[title_at]).filter(|h| h.level == notes.title_level)?;
    let len = table_len(&lines[at..]);
    let table = &lines[at..at + len];
    if !reads_as_grid(table, title.text, notes.language) {
        return None;
    }
    let grid = table_to_grid(table, title.text.to_owned())?;
    Some((title_at, grid, len))
}

/// Text of the notes, unescaped given what follows it in the notes (`rest`)
/// and after them.
fn push_text(blocks: &mut Vec<Block>, lines: &[&str], rest: &[&str], notes: &Notes, rules: &Rules) {
    let mut following: Vec<&str> = rest.to_vec();
    following.extend_from_slice(notes.after);
    let rules = Rules {
        following: &following,
        ..*rules
    };
    let text = unescape_lines(trim_blank(lines), &rules);
    if !text.is_empty() {
        blocks.push(Block::Text(text));
    }
}
