//! Every change the app can make to a journal, as data.
//!
//! The UI never mutates a [`Journal`] directly: it describes the change as an
//! [`Edit`] and hands it to one place that applies it, records undo and marks
//! the journal unsaved. Each edit says which part of the journal it touches
//! ([`Scope`]), so undo can keep a snapshot of that part only, not the whole
//! journal. [`apply`] only dispatches; each kind of change lives in a file of
//! its own: texts and list entries (`entries`), books and chapters studied on
//! a day (`studied`), grids (`grids`), the library (`super::library`).

mod entries;
mod grids;
mod studied;

use chrono::NaiveDate;

use super::address::{Address, GridAt, GridText};
use super::book::ChapterStatus;
use super::grid::Grid;
use super::grid_ops::GridOp;
use super::ids::{BookId, ChapterId};
use super::journal::Journal;
use super::library;
use super::template::Section;

/// One change to a journal.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Record a review of a card.
    Review(super::review::Reviewed),
    /// Set a card aside (or take it back).
    Suspend {
        card: super::review::CardKey,
        suspended: bool,
    },
    /// Start the study timer (it replaces one running).
    StartTimer(super::study_plan::StudyTimer),
    /// Stop the study timer; `line` (if any) is added to the day's 取り組んだこと.
    StopTimer {
        date: NaiveDate,
        line: Option<String>,
    },
    /// Minutes a day the user means to study (None: no goal).
    SetDailyGoal(Option<u32>),
    /// Start a log for a date from the template (a no-op if it exists):
    /// unfinished 次やること of the latest earlier day are carried into it.
    CreateDay(NaiveDate),
    SetText {
        date: NaiveDate,
        at: Address,
        text: String,
    },
    /// Mark a chapter as studied on a day (or unmark it). Marking gives it a
    /// notes block in 学んだこと; unmarking drops that block only if it is empty.
    SetStudied {
        date: NaiveDate,
        chapter: ChapterId,
        studied: bool,
    },
    /// Give a day a template section it does not have (a log imported
    /// without 次やること, say), empty, where the template puts it.
    AddSection {
        date: NaiveDate,
        kind: Section,
    },
    /// Settle a merge conflict kept in a list: the stretch of entries from
    /// the marker entry `entry` to its end marker becomes one version, the
    /// other, or both.
    SettleListConflict {
        date: NaiveDate,
        section: usize,
        entry: usize,
        keep: super::merge::Keep,
    },
    /// Append an empty item to the list section `section`.
    AddItem {
        date: NaiveDate,
        section: usize,
    },
    RemoveEntry {
        date: NaiveDate,
        section: usize,
        entry: usize,
    },
    MoveEntry {
        date: NaiveDate,
        section: usize,
        from: usize,
        to: usize,
    },
    SetNextDone {
        date: NaiveDate,
        section: usize,
        entry: usize,
        done: bool,
    },
    /// Answer a question (it keeps the day it was resolved).
    ResolveQuestion {
        date: NaiveDate,
        section: usize,
        entry: usize,
        answer: String,
        resolved_on: NaiveDate,
    },
    /// Take a question's answer back: it is open again.
    ReopenQuestion {
        date: NaiveDate,
        section: usize,
        entry: usize,
    },
    /// Change a grid.
    Grid {
        date: NaiveDate,
        at: GridAt,
        op: GridOp,
    },
    /// Put a grid at `at`: a block of a chapter's notes, or a free section's
    /// grid (an index past the end appends).
    InsertGrid {
        date: NaiveDate,
        at: GridAt,
        grid: Grid,
    },
    /// A list made into a grid: the text at `text_at` becomes `text` (the
    /// list taken out, or the text unchanged to keep it) and the grid goes
    /// to `at`; one step of undo.
    ListToGrid {
        date: NaiveDate,
        text_at: Address,
        text: String,
        at: GridAt,
        grid: Grid,
    },
    /// Remove a grid, wherever it is.
    RemoveGrid {
        date: NaiveDate,
        at: GridAt,
    },
    RenameBook {
        book: BookId,
        title: String,
    },
    MoveBook {
        from: usize,
        to: usize,
    },
    /// Remove a book, and every day's mention of it and notes on it.
    DeleteBook(BookId),
    RenameChapter {
        chapter: ChapterId,
        label: String,
    },
    /// Move a chapter to position `to` within its book.
    MoveChapter {
        chapter: ChapterId,
        to: usize,
    },
    /// Remove a chapter, and every day's mention of it and notes on it.
    DeleteChapter(ChapterId),
    SetChapterStatus {
        chapter: ChapterId,
        status: ChapterStatus,
    },
    /// Append chapters to a book (a pasted table of contents).
    AddChapters {
        book: BookId,
        labels: Vec<String>,
    },
    /// List a library book in a day's 取り組んだこと (no chapters yet).
    ListBook {
        date: NaiveDate,
        book: BookId,
    },
    /// Replace the whole journal (e.g. with the result of a Markdown import).
    Replace(Box<Journal>),
    /// Add a book to the library, optionally marking it studied on a day.
    AddBook {
        title: String,
        studied_on: Option<NaiveDate>,
    },
    /// Add a chapter to a book, optionally marking it studied on a day.
    AddChapter {
        book: BookId,
        label: String,
        studied_on: Option<NaiveDate>,
    },
}

/// The part of a journal an edit may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub day: Option<NaiveDate>,
    pub library: bool,
    /// Anything at all may change.
    pub whole: bool,
    /// The review record (reviews, suspended cards).
    pub review: bool,
    /// The study plan (daily goal, running timer).
    pub study: bool,
}

impl Scope {
    /// One day changed, nothing else.
    pub fn day(date: NaiveDate) -> Self {
        Scope {
            day: Some(date),
            library: false,
            whole: false,
            review: false,
            study: false,
        }
    }

    fn library(day: Option<NaiveDate>) -> Self {
        Scope {
            day,
            library: true,
            whole: false,
            review: false,
            study: false,
        }
    }

    const REVIEW: Scope = Scope {
        day: None,
        library: false,
        whole: false,
        review: true,
        study: false,
    };

    const STUDY: Scope = Scope {
        day: None,
        library: false,
        whole: false,
        review: false,
        study: true,
    };

    const WHOLE: Scope = Scope {
        day: None,
        library: false,
        whole: true,
        review: false,
        study: false,
    };
}

/// Where typing happens: keystrokes into one place group into one undo step.
pub type TypingKey = (NaiveDate, Address);

impl Edit {
    pub fn scope(&self) -> Scope {
        match self {
            Edit::CreateDay(date)
            | Edit::SetText { date, .. }
            | Edit::ResolveQuestion { date, .. }
            | Edit::ReopenQuestion { date, .. }
            | Edit::AddItem { date, .. }
            | Edit::AddSection { date, .. }
            | Edit::SettleListConflict { date, .. }
            | Edit::RemoveEntry { date, .. }
            | Edit::MoveEntry { date, .. }
            | Edit::SetNextDone { date, .. }
            | Edit::ListBook { date, .. }
            | Edit::Grid { date, .. }
            | Edit::InsertGrid { date, .. }
            | Edit::ListToGrid { date, .. }
            | Edit::RemoveGrid { date, .. } => Scope::day(*date),
            Edit::AddBook { studied_on, .. } | Edit::AddChapter { studied_on, .. } => {
                Scope::library(*studied_on)
            }
            // Ticking a chapter may also move it from 未着手 to 読書中.
            Edit::SetStudied { date, .. } => Scope::library(Some(*date)),
            Edit::RenameBook { .. }
            | Edit::MoveBook { .. }
            | Edit::RenameChapter { .. }
            | Edit::MoveChapter { .. }
            | Edit::SetChapterStatus { .. }
            | Edit::AddChapters { .. } => Scope::library(None),
            Edit::Replace(_) | Edit::DeleteBook(_) | Edit::DeleteChapter(_) => Scope::WHOLE,
            Edit::Review(_) | Edit::Suspend { .. } => Scope::REVIEW,
            Edit::StartTimer(_) | Edit::SetDailyGoal(_) => Scope::STUDY,
            Edit::StopTimer { date, .. } => Scope {
                study: true,
                ..Scope::day(*date)
            },
        }
    }

    /// Text typed into the same field, one keystroke after another, is one
    /// step of undo; this is the key that tells such edits apart.
    pub fn typing_key(&self) -> Option<TypingKey> {
        match self {
            Edit::SetText { date, at, .. } => Some((*date, *at)),
            Edit::Grid { date, at, op } => {
                let part = match op {
                    GridOp::SetTitle(_) => GridText::Title,
                    GridOp::SetCorner(_) => GridText::Corner,
                    GridOp::SetOption { row, .. } => GridText::Option(*row),
                    GridOp::SetCriterion { col, .. } => GridText::Criterion(*col),
                    GridOp::SetCellText { row, col, .. } => GridText::Cell(*row, *col),
                    _ => return None,
                };
                Some((*date, Address::Grid(*at, part)))
            }
            _ => None,
        }
    }
}

/// Apply an edit. Returns whether the journal changed; an edit that points at
/// something that is not there (a stale index, a deleted day) changes nothing.
pub fn apply(journal: &mut Journal, edit: Edit) -> bool {
    match edit {
        Edit::Review(review) => journal.review.add(review),
        Edit::Suspend { card, suspended } => journal.review.suspend(card, suspended),
        Edit::StartTimer(timer) => replace(&mut journal.study.timer, Some(timer)),
        Edit::StopTimer { date, line } => studied::stop_timer(journal, date, line),
        Edit::SetDailyGoal(goal) => replace(&mut journal.study.daily_goal, goal.filter(|m| *m > 0)),
        Edit::CreateDay(date) => create_day(journal, date),
        Edit::SetText { date, at, text } => entries::set_text(journal, date, at, text),
        Edit::SetStudied {
            date,
            chapter,
            studied,
        } => studied::set_studied(journal, date, chapter, studied),
        Edit::AddItem { date, section } => entries::add_item(journal, date, section),
        Edit::AddSection { date, kind } => studied::add_section(journal, date, kind),
        Edit::SettleListConflict {
            date,
            section,
            entry,
            keep,
        } => entries::settle_conflict(journal, date, (section, entry), keep),
        entry_edit @ (Edit::RemoveEntry { .. }
        | Edit::MoveEntry { .. }
        | Edit::SetNextDone { .. }
        | Edit::ResolveQuestion { .. }
        | Edit::ReopenQuestion { .. }) => apply_to_entries(journal, entry_edit),
        Edit::Grid { date, at, op } => grids::change(journal, date, at, op),
        Edit::InsertGrid { date, at, grid } => grids::insert(journal, date, at, grid),
        Edit::ListToGrid {
            date,
            text_at,
            text,
            at,
            grid,
        } => {
            entries::set_text(journal, date, text_at, text);
            grids::insert(journal, date, at, grid)
        }
        Edit::RemoveGrid { date, at } => grids::remove(journal, date, at),
        Edit::ListBook { date, book } => studied::list_book(journal, date, book),
        Edit::AddBook { title, studied_on } => studied::add_book(journal, title, studied_on),
        Edit::AddChapter {
            book,
            label,
            studied_on,
        } => studied::add_chapter(journal, book, label, studied_on),
        Edit::Replace(new) => replace(journal, *new),
        library_edit @ (Edit::RenameBook { .. }
        | Edit::MoveBook { .. }
        | Edit::DeleteBook(_)
        | Edit::RenameChapter { .. }
        | Edit::MoveChapter { .. }
        | Edit::DeleteChapter(_)
        | Edit::SetChapterStatus { .. }
        | Edit::AddChapters { .. }) => apply_to_library(journal, library_edit),
    }
}

/// The edits of a list section's entries.
fn apply_to_entries(journal: &mut Journal, edit: Edit) -> bool {
    match edit {
        Edit::RemoveEntry {
            date,
            section,
            entry,
        } => entries::remove(journal, date, section, entry),
        Edit::MoveEntry {
            date,
            section,
            from,
            to,
        } => entries::move_entry(journal, date, section, from, to),
        Edit::SetNextDone {
            date,
            section,
            entry,
            done,
        } => entries::set_done(journal, date, (section, entry), done),
        Edit::ResolveQuestion {
            date,
            section,
            entry,
            answer,
            resolved_on,
        } => entries::resolve(journal, date, (section, entry), answer, resolved_on),
        Edit::ReopenQuestion {
            date,
            section,
            entry,
        } => entries::reopen(journal, date, (section, entry)),
        _ => false,
    }
}

/// The edits of the book tree.
fn apply_to_library(journal: &mut Journal, edit: Edit) -> bool {
    match edit {
        Edit::RenameBook { book, title } => library::rename_book(journal, book, title),
        Edit::MoveBook { from, to } => library::move_book(journal, from, to),
        Edit::DeleteBook(book) => library::delete_book(journal, book),
        Edit::RenameChapter { chapter, label } => library::rename_chapter(journal, chapter, label),
        Edit::MoveChapter { chapter, to } => library::move_chapter(journal, chapter, to),
        Edit::DeleteChapter(chapter) => library::delete_chapter(journal, chapter),
        Edit::SetChapterStatus { chapter, status } => library::set_status(journal, chapter, status),
        Edit::AddChapters { book, labels } => library::add_chapters(journal, book, labels),
        _ => false,
    }
}

fn create_day(journal: &mut Journal, date: NaiveDate) -> bool {
    if journal.days.contains_key(&date) {
        return false;
    }
    let day = super::study::new_day(journal, date);
    journal.days.insert(date, day);
    true
}

#[cfg(test)]
mod tests;

/// Set `slot` to `value`; whether that changed it.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}
