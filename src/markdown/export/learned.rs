//! 学んだこと as Markdown: its text, then each book under a heading one
//! level below the section, each of its chapters two levels below with
//! their notes: text, and grids under a title heading three levels below
//! (an untitled grid is a bare table, which reads back as the notes' text).
//!
//! Whether a heading in a text reads as a book or as a grid's title depends
//! on what is written after it, so the section is laid out first and its
//! texts escaped from the last one up, each knowing every line after it, as
//! the importer sees them.

use super::super::books::reads_as_book;
use super::super::escape::{Escaped, Rules, escape_text};
use super::super::lines::heading_line;
use super::super::places;
use super::super::table::grid_to_table;
use super::blocks::Blocks;
use crate::model::{Block, Day, Journal, Language, Learned, WorkItem};

/// A piece of the section as it will be written.
pub(super) enum Piece<'a> {
    Heading(u8, String),
    Text(&'a str, Place),
    Table(String),
}

/// Where a text stands, which decides what in it reads as structure.
#[derive(Clone, Copy)]
pub(super) enum Place {
    Intro,
    BookIntro,
    Notes,
}

pub(super) fn push_learned(
    blocks: &mut Blocks,
    journal: &Journal,
    day: &Day,
    learned: &Learned,
    level: u8,
    levels: places::Levels,
) {
    let language = journal.template.language;
    let pieces = lay_out(journal, learned, level);
    let named = move |title: &str| names(journal, day, title);
    let is_book =
        move |title: &str, rest: &[&str]| reads_as_book(title, rest, level + 1, &named, journal);
    let intro = places::learned_intro(levels, level, &is_book);
    let bases = Bases {
        intro,
        book_intro: places::book_intro(levels, level, &is_book, &[]),
        notes: places::chapter_notes(levels, level, &is_book, language, &[]),
    };
    push_pieces(blocks, &pieces, &bases);
}

/// The rules of each place, before the lines after a text are known.
pub(super) struct Bases<'a> {
    pub intro: Rules<'a>,
    pub book_intro: Rules<'a>,
    pub notes: Rules<'a>,
}

/// Whether the day's 取り組んだこと names `title` (an item's first line, or
/// a book of the library studied that day).
fn names(journal: &Journal, day: &Day, title: &str) -> bool {
    day.work_items().any(|(_, _, item)| match item {
        WorkItem::Text { text, .. } => text.split('\n').next().map(str::trim) == Some(title),
        WorkItem::Book(b) => journal.book(b.book).is_some_and(|b| b.title == title),
    })
}

/// The section's pieces in the order written.
fn lay_out<'a>(journal: &Journal, learned: &'a Learned, level: u8) -> Vec<Piece<'a>> {
    let language = journal.template.language;
    let mut pieces = vec![Piece::Text(&learned.intro, Place::Intro)];
    for book in &learned.books {
        let title = journal.book(book.book).map_or("", |b| b.title.as_str());
        pieces.push(Piece::Heading(level + 1, title.to_owned()));
        pieces.push(Piece::Text(&book.intro, Place::BookIntro));
        for notes in &book.chapters {
            let label = journal.chapter(notes.chapter).map_or("", |(_, c)| &c.label);
            pieces.push(Piece::Heading(level + 2, label.to_owned()));
            note_pieces(&mut pieces, &notes.blocks, level + 3, language);
        }
    }
    pieces
}

/// A chapter's notes: text blocks, and grids under a title heading at `title_level`.
pub(super) fn note_pieces<'a>(
    pieces: &mut Vec<Piece<'a>>,
    notes: &'a [Block],
    title_level: u8,
    language: Language,
) {
    for block in notes {
        match block {
            Block::Text(text) => pieces.push(Piece::Text(text, Place::Notes)),
            Block::Grid(grid) => {
                // An untitled grid is a table of its own in the notes (and
                // comes back as one).
                if !grid.title.is_empty() {
                    pieces.push(Piece::Heading(title_level, grid.title.clone()));
                }
                pieces.push(Piece::Table(grid_to_table(grid, language)));
            }
        }
    }
}

/// Writes the pieces, each text escaped by the rules of its place given
/// the lines written after it.
pub(super) fn push_pieces(blocks: &mut Blocks, pieces: &[Piece], bases: &Bases) {
    // Decided from the last piece up; `written` holds them in that order.
    let mut written: Vec<Escaped> = Vec::with_capacity(pieces.len());
    for piece in pieces.iter().rev() {
        let escaped = match piece {
            Piece::Heading(level, text) => Escaped::plain(heading_line(*level, text)),
            Piece::Table(table) => Escaped::plain(table.clone()),
            Piece::Text(text, place) => {
                let base = match place {
                    Place::Intro => &bases.intro,
                    Place::BookIntro => &bases.book_intro,
                    Place::Notes => &bases.notes,
                };
                // What follows matters only to a heading in the text.
                let following: Vec<&str> = if text
                    .lines()
                    .any(|l| l.trim_start().starts_with(['#', '\\']))
                {
                    written
                        .iter()
                        .rev()
                        .flat_map(|w| w.text.split('\n'))
                        .collect()
                } else {
                    Vec::new()
                };
                let rules = Rules {
                    following: &following,
                    ..*base
                };
                escape_text(text, &rules)
            }
        };
        written.push(escaped);
    }
    for (piece, escaped) in pieces.iter().zip(written.into_iter().rev()) {
        match piece {
            Piece::Heading(level, text) => blocks.heading(*level, text),
            Piece::Text("", _) => {}
            _ => blocks.text(escaped),
        }
    }
}
