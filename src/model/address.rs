//! Where in a day: one [`Address`] type names every text and grid of a day,
//! and the lookups here find what an address points at.
//!
//! Edits, undo's typing groups, search hits and the form's widgets all speak
//! of places in a day through this one type, so a new kind of field is added
//! in one place. An address holds indexes, so it is valid for the day as it
//! is; an address that no longer points at anything finds nothing.

use super::day::{Block, ChapterNotes, Day, Entry, Learned, SectionBody, WorkItem};
use super::grid::Grid;
use super::ids::{BookId, ChapterId};

/// A text of a day (or a grid, or a text inside a grid).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Address {
    /// Text between the date heading and the first section.
    Preamble,
    /// The heading of section `section`.
    Heading { section: usize },
    /// The free text of a section: 感想, a section kept as written, or
    /// 学んだこと before its first book.
    Text { section: usize },
    /// Entry `entry` of a list section: an item's text, or text between items.
    Entry { section: usize, entry: usize },
    /// The answer of the resolved question at `entry`.
    Answer { section: usize, entry: usize },
    /// Notes under a book's heading in 学んだこと, before its first chapter.
    BookIntro { section: usize, book: BookId },
    /// A text block of a chapter's notes.
    Notes(NotesAt),
    /// A text of a grid.
    Grid(GridAt, GridText),
}

/// Block `block` of a chapter's notes in the 学んだこと section `section`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NotesAt {
    pub section: usize,
    pub chapter: ChapterId,
    pub block: usize,
}

/// Where a comparison grid lives: in section `section`, at `slot`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GridAt {
    pub section: usize,
    pub slot: GridSlot,
}

/// A grid's place within its section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridSlot {
    /// Block `block` of a chapter's notes (学んだこと).
    Notes { chapter: ChapterId, block: usize },
    /// The `index`th grid after a free section's text (感想, kept sections).
    Free(usize),
}

/// Which text of a grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridText {
    Title,
    Corner,
    Option(usize),
    Criterion(usize),
    Cell(usize, usize),
}

impl Address {
    /// The section the address is in; None for the preamble.
    pub fn section(self) -> Option<usize> {
        match self {
            Address::Preamble => None,
            Address::Heading { section }
            | Address::Text { section }
            | Address::Entry { section, .. }
            | Address::Answer { section, .. }
            | Address::BookIntro { section, .. }
            | Address::Notes(NotesAt { section, .. })
            | Address::Grid(GridAt { section, .. }, _) => Some(section),
        }
    }
}

/// The string at `at`, if the day has it.
pub fn text_of(day: &Day, at: Address) -> Option<&str> {
    let text = match at {
        Address::Preamble => &day.preamble,
        Address::Heading { section } => &day.sections.get(section)?.heading,
        Address::Text { section } => match &day.sections.get(section)?.body {
            SectionBody::Learned(learned) => &learned.intro,
            body => &body.free()?.text,
        },
        Address::Entry { section, entry } => entry_text(&day.sections.get(section)?.body, entry)?,
        Address::Answer { section, entry } => match &day.sections.get(section)?.body {
            SectionBody::Questions(entries) => &entries.get(entry)?.item()?.answer.as_ref()?.text,
            _ => return None,
        },
        Address::BookIntro { section, book } => {
            &learned(day, section)?
                .books
                .iter()
                .find(|b| b.book == book)?
                .intro
        }
        Address::Notes(at) => match notes_in(day, at.section, at.chapter)?
            .blocks
            .get(at.block)?
        {
            Block::Text(text) => text,
            Block::Grid(_) => return None,
        },
        Address::Grid(at, part) => return grid_text(grid_at(day, at)?, part),
    };
    Some(text)
}

/// The string at `at`, for changing it.
pub(super) fn text_mut(day: &mut Day, at: Address) -> Option<&mut String> {
    let text = match at {
        Address::Preamble => &mut day.preamble,
        Address::Heading { section } => &mut day.sections.get_mut(section)?.heading,
        Address::Text { section } => match &mut day.sections.get_mut(section)?.body {
            SectionBody::Learned(learned) => &mut learned.intro,
            body => &mut body.free_mut()?.text,
        },
        Address::Entry { section, entry } => {
            entry_text_mut(&mut day.sections.get_mut(section)?.body, entry)?
        }
        Address::Answer { section, entry } => match &mut day.sections.get_mut(section)?.body {
            SectionBody::Questions(entries) => {
                &mut entries.get_mut(entry)?.item_mut()?.answer.as_mut()?.text
            }
            _ => return None,
        },
        Address::BookIntro { section, book } => {
            &mut learned_mut(day, section)?
                .books
                .iter_mut()
                .find(|b| b.book == book)?
                .intro
        }
        Address::Notes(at) => {
            match notes_in_mut(day, at.section, at.chapter)?
                .blocks
                .get_mut(at.block)?
            {
                Block::Text(text) => text,
                Block::Grid(_) => return None,
            }
        }
        Address::Grid(at, part) => return grid_text_mut(grid_mut(day, at)?, part),
    };
    Some(text)
}

fn entry_text(body: &SectionBody, entry: usize) -> Option<&String> {
    fn of<T>(
        entries: &[Entry<T>],
        entry: usize,
        item: impl Fn(&T) -> Option<&String>,
    ) -> Option<&String> {
        match entries.get(entry)? {
            Entry::Item(it) => item(it),
            Entry::Text(text) => Some(text),
        }
    }
    match body {
        SectionBody::WorkedOn(entries) => of(entries, entry, |item| match item {
            WorkItem::Text { text, .. } => Some(text),
            WorkItem::Book(_) => None,
        }),
        SectionBody::Questions(entries) => of(entries, entry, |q| Some(&q.text)),
        SectionBody::Next(entries) => of(entries, entry, |n| Some(&n.text)),
        _ => None,
    }
}

fn entry_text_mut(body: &mut SectionBody, entry: usize) -> Option<&mut String> {
    fn of<T>(
        entries: &mut [Entry<T>],
        entry: usize,
        item: impl Fn(&mut T) -> Option<&mut String>,
    ) -> Option<&mut String> {
        match entries.get_mut(entry)? {
            Entry::Item(it) => item(it),
            Entry::Text(text) => Some(text),
        }
    }
    match body {
        SectionBody::WorkedOn(entries) => of(entries, entry, |item| match item {
            WorkItem::Text { text, .. } => Some(text),
            WorkItem::Book(_) => None,
        }),
        SectionBody::Questions(entries) => of(entries, entry, |q| Some(&mut q.text)),
        SectionBody::Next(entries) => of(entries, entry, |n| Some(&mut n.text)),
        _ => None,
    }
}

/// The 学んだこと body of section `section`.
pub fn learned(day: &Day, section: usize) -> Option<&Learned> {
    match &day.sections.get(section)?.body {
        SectionBody::Learned(learned) => Some(learned),
        _ => None,
    }
}

pub(super) fn learned_mut(day: &mut Day, section: usize) -> Option<&mut Learned> {
    match &mut day.sections.get_mut(section)?.body {
        SectionBody::Learned(learned) => Some(learned),
        _ => None,
    }
}

/// A chapter's notes in the 学んだこと section `section`.
pub fn notes_in(day: &Day, section: usize, chapter: ChapterId) -> Option<&ChapterNotes> {
    learned(day, section)?
        .books
        .iter()
        .flat_map(|b| &b.chapters)
        .find(|n| n.chapter == chapter)
}

pub(super) fn notes_in_mut(
    day: &mut Day,
    section: usize,
    chapter: ChapterId,
) -> Option<&mut ChapterNotes> {
    learned_mut(day, section)?
        .books
        .iter_mut()
        .flat_map(|b| &mut b.chapters)
        .find(|n| n.chapter == chapter)
}

/// A chapter's notes on a day (the first 学んだこと section that has them),
/// with the section's index.
pub fn notes(day: &Day, chapter: ChapterId) -> Option<(usize, &ChapterNotes)> {
    day.learned().find_map(|(section, learned)| {
        learned
            .books
            .iter()
            .flat_map(|b| &b.chapters)
            .find(|n| n.chapter == chapter)
            .map(|n| (section, n))
    })
}

/// The grid at `at`, if it is there.
pub fn grid_at(day: &Day, at: GridAt) -> Option<&Grid> {
    match at.slot {
        GridSlot::Notes { chapter, block } => {
            match notes_in(day, at.section, chapter)?.blocks.get(block)? {
                Block::Grid(grid) => Some(grid),
                Block::Text(_) => None,
            }
        }
        GridSlot::Free(index) => day.sections.get(at.section)?.body.free()?.grids.get(index),
    }
}

pub(super) fn grid_mut(day: &mut Day, at: GridAt) -> Option<&mut Grid> {
    match at.slot {
        GridSlot::Notes { chapter, block } => {
            match notes_in_mut(day, at.section, chapter)?
                .blocks
                .get_mut(block)?
            {
                Block::Grid(grid) => Some(grid),
                Block::Text(_) => None,
            }
        }
        GridSlot::Free(index) => day
            .sections
            .get_mut(at.section)?
            .body
            .free_mut()?
            .grids
            .get_mut(index),
    }
}

fn grid_text(grid: &Grid, part: GridText) -> Option<&str> {
    let text = match part {
        GridText::Title => &grid.title,
        GridText::Corner => &grid.corner,
        GridText::Option(row) => grid.options.get(row)?,
        GridText::Criterion(col) => &grid.criteria.get(col)?.name,
        GridText::Cell(row, col) => &grid.cells.get(row)?.get(col)?.text,
    };
    Some(text)
}

fn grid_text_mut(grid: &mut Grid, part: GridText) -> Option<&mut String> {
    let text = match part {
        GridText::Title => &mut grid.title,
        GridText::Corner => &mut grid.corner,
        GridText::Option(row) => grid.options.get_mut(row)?,
        GridText::Criterion(col) => &mut grid.criteria.get_mut(col)?.name,
        GridText::Cell(row, col) => &mut grid.cells.get_mut(row)?.get_mut(col)?.text,
    };
    Some(text)
}

/// Whether 取り組んだこと lists this chapter.
pub fn is_studied(day: &Day, chapter: ChapterId) -> bool {
    day.work_items().any(|(_, _, item)| match item {
        WorkItem::Book(book) => book.chapters.iter().any(|c| c.chapter == chapter),
        WorkItem::Text { .. } => false,
    })
}

/// How many entries the list section `section` holds (0 for other kinds).
pub fn entry_count(day: &Day, section: usize) -> usize {
    match day.sections.get(section).map(|s| &s.body) {
        Some(SectionBody::WorkedOn(entries)) => entries.len(),
        Some(SectionBody::Questions(entries)) => entries.len(),
        Some(SectionBody::Next(entries)) => entries.len(),
        _ => 0,
    }
}
