//! The places in a day where text stands, and what reads as structure in
//! each: the one source of the [`Rules`] that export escapes by and import
//! unescapes by, so the two can never disagree about a line.
//!
//! A day's sections sit at `section` (headings there or above end any
//! text); under 学んだこと, books are one level below the section, chapters
//! two, and a grid's title three (`#####` under `##`), as in 感想 and the
//! sections kept as written.

use super::escape::{GridTitle, IsBook, Rules};
use crate::model::Language;

/// The levels of a day as written: its date heading's (0 for a daily note
/// without one) and its sections'.
#[derive(Clone, Copy, Debug)]
pub struct Levels {
    pub day: u8,
    pub section: u8,
}

/// Text before a day's first section, and text between list items: a
/// heading at the section level or above starts a section, and a date
/// heading at the day level (even indented) starts a day.
pub fn plain(levels: Levels) -> Rules<'static> {
    Rules {
        day_level: levels.day,
        ..Rules::up_to(levels.section)
    }
}

/// 学んだこと's text before its first book, in a section at `level`.
pub fn learned_intro<'a>(levels: Levels, level: u8, is_book: IsBook<'a>) -> Rules<'a> {
    Rules {
        books: Some((level + 1, is_book)),
        ..plain(levels)
    }
}

/// A book's text before its first chapter, with the lines after it.
pub fn book_intro<'a>(
    levels: Levels,
    level: u8,
    is_book: IsBook<'a>,
    following: &'a [&'a str],
) -> Rules<'a> {
    Rules {
        chapters: Some(level + 2),
        following,
        ..learned_intro(levels, level, is_book)
    }
}

/// A chapter's notes, with the lines after them: a heading over a table
/// that reads as a grid is that grid's title.
pub fn chapter_notes<'a>(
    levels: Levels,
    level: u8,
    is_book: IsBook<'a>,
    language: Language,
    following: &'a [&'a str],
) -> Rules<'a> {
    Rules {
        grid_title: Some(GridTitle::Anywhere(level + 3)),
        language,
        ..book_intro(levels, level, is_book, following)
    }
}

/// 感想 or a section kept as written, at `level`: grids come after the
/// text, each under a heading three levels down.
pub fn free_text(levels: Levels, level: u8, language: Language) -> Rules<'static> {
    Rules {
        grid_title: Some(GridTitle::AtTheEnd(level + 3)),
        language,
        ..plain(levels)
    }
}
