//! Checks what the type system cannot: ids are unique and resolve, grids are
//! rectangular, scores are in range.
//!
//! The store runs this on every load so that a hand-edited file with a broken
//! reference is reported, instead of the app later dropping or misplacing notes.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::day::{Day, WorkItem};
use super::grid::Grid;
use super::ids::{BookId, ChapterId};
use super::journal::Journal;

/// Why a journal is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("two books have the id {0}")]
    DuplicateBookId(u32),
    #[error("two chapters have the id {0}")]
    DuplicateChapterId(u32),
    #[error("the day {date} refers to book {book}, which is not in the library")]
    UnknownBook { date: NaiveDate, book: u32 },
    #[error("the day {date} refers to chapter {chapter}, which is not in the library")]
    UnknownChapter { date: NaiveDate, chapter: u32 },
    #[error(
        "the grid \"{title}\" on {date} has {rows} rows of cells for {options} options, or a row without one cell per criterion ({criteria})"
    )]
    RaggedGrid {
        date: NaiveDate,
        title: String,
        rows: usize,
        options: usize,
        criteria: usize,
    },
    #[error("the grid \"{title}\" on {date} has a score of {points}; scores go from 1 to 5")]
    ScoreOutOfRange {
        date: NaiveDate,
        title: String,
        points: u8,
    },
}

impl Invalid {
    /// The day the problem is in, if it is in a day.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            Invalid::DuplicateBookId(_) | Invalid::DuplicateChapterId(_) => None,
            Invalid::UnknownBook { date, .. }
            | Invalid::UnknownChapter { date, .. }
            | Invalid::RaggedGrid { date, .. }
            | Invalid::ScoreOutOfRange { date, .. } => Some(*date),
        }
    }
}

/// The first inconsistency in `journal`, if any.
pub fn validate(journal: &Journal) -> Result<(), Invalid> {
    let (books, chapters) = library_ids(journal)?;
    for (date, day) in &journal.days {
        validate_day(*date, day, &books, &chapters)?;
    }
    Ok(())
}

fn library_ids(journal: &Journal) -> Result<(HashSet<BookId>, HashSet<ChapterId>), Invalid> {
    let mut books = HashSet::new();
    let mut chapters = HashSet::new();
    for book in &journal.books {
        if !books.insert(book.id) {
            return Err(Invalid::DuplicateBookId(book.id.0));
        }
        for chapter in &book.chapters {
            if !chapters.insert(chapter.id) {
                return Err(Invalid::DuplicateChapterId(chapter.id.0));
            }
        }
    }
    Ok((books, chapters))
}

fn validate_day(
    date: NaiveDate,
    day: &Day,
    books: &HashSet<BookId>,
    chapters: &HashSet<ChapterId>,
) -> Result<(), Invalid> {
    let book_ok = |book: BookId| {
        if books.contains(&book) {
            Ok(())
        } else {
            Err(Invalid::UnknownBook { date, book: book.0 })
        }
    };
    let chapter_ok = |chapter: ChapterId| {
        if chapters.contains(&chapter) {
            Ok(())
        } else {
            Err(Invalid::UnknownChapter {
                date,
                chapter: chapter.0,
            })
        }
    };
    for (_, _, item) in day.work_items() {
        if let WorkItem::Book(studied) = item {
            book_ok(studied.book)?;
            for c in &studied.chapters {
                chapter_ok(c.chapter)?;
            }
        }
    }
    for learned in day.learned_books() {
        book_ok(learned.book)?;
        for notes in &learned.chapters {
            chapter_ok(notes.chapter)?;
        }
    }
    let note_grids = day.grids().map(|(_, grid)| grid);
    let free_grids = day
        .sections
        .iter()
        .filter_map(|s| s.body.free())
        .flat_map(|free| &free.grids);
    for grid in note_grids.chain(free_grids) {
        validate_grid(date, grid)?;
    }
    Ok(())
}

fn validate_grid(date: NaiveDate, grid: &Grid) -> Result<(), Invalid> {
    if !grid.is_well_formed() {
        return Err(Invalid::RaggedGrid {
            date,
            title: grid.title.clone(),
            rows: grid.cells.len(),
            options: grid.options.len(),
            criteria: grid.criteria.len(),
        });
    }
    let bad_score = grid
        .cells
        .iter()
        .flatten()
        .filter_map(|cell| cell.score)
        .find(|score| !score.is_valid());
    if let Some(crate::model::Score::Points(points)) = bad_score {
        return Err(Invalid::ScoreOutOfRange {
            date,
            title: grid.title.clone(),
            points,
        });
    }
    Ok(())
}
