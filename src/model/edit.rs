//! Every change the app can make to a journal, as data.
//!
//! The UI never mutates a [`Journal`] directly: it describes the change as an
//! [`Edit`] and hands it to one place that applies it, records undo and marks
//! the journal unsaved. Each edit says which part of the journal it touches
//! ([`Scope`]), so undo can keep a snapshot of that part only, not the whole
//! journal.

use chrono::NaiveDate;

use super::book::ChapterStatus;
use super::day::{
    Answer, Block, ChapterNotes, Day, LearnedBook, NextItem, Question, StudiedBook, StudiedChapter,
    WorkItem,
};
use super::grid::Grid;
use super::grid_ops::GridOp;
use super::ids::{BookId, ChapterId};
use super::journal::Journal;
use super::library;

/// A text field of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DayText {
    Preamble,
    LearnedIntro,
    BookIntro(BookId),
    /// A text block of a chapter's notes in 学んだこと.
    Notes {
        chapter: ChapterId,
        block: usize,
    },
    /// A free (not book) item of 取り組んだこと, by its index in `worked_on`.
    WorkItem(usize),
    Question(usize),
    Answer(usize),
    Next(usize),
    Impressions,
    /// The body of an extra section kept from an import.
    Extra(usize),
}

/// Where a comparison grid lives in a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridAt {
    /// Block `block` of a chapter's notes in 学んだこと.
    Notes { chapter: ChapterId, block: usize },
    /// The `index`th grid under 感想.
    Impressions(usize),
    /// The `index`th grid of the `section`th extra section.
    Extra { section: usize, index: usize },
}

/// A section of free text that can also hold grids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FreeSection {
    Impressions,
    Extra(usize),
}

/// Where typing happens; keystrokes into the same place group into one undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypingKey {
    Text(NaiveDate, DayText),
    Grid(NaiveDate, GridAt, GridText),
}

/// A text of a grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GridText {
    Title,
    Corner,
    Option(usize),
    Criterion(usize),
    Cell(usize, usize),
}

/// The item lists of a day that can grow, shrink and be reordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemList {
    WorkedOn,
    Questions,
    Next,
}

/// One change to a journal.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Start a log for a date from the template (a no-op if it exists):
    /// unfinished 次やること of the latest earlier day are carried into it.
    CreateDay(NaiveDate),
    SetText {
        date: NaiveDate,
        field: DayText,
        text: String,
    },
    /// Mark a chapter as studied on a day (or unmark it). Marking gives it a
    /// notes block in 学んだこと; unmarking drops that block only if it is empty.
    SetStudied {
        date: NaiveDate,
        chapter: ChapterId,
        studied: bool,
    },
    /// Append an empty item to a list.
    AddItem {
        date: NaiveDate,
        list: ItemList,
    },
    RemoveItem {
        date: NaiveDate,
        list: ItemList,
        index: usize,
    },
    MoveItem {
        date: NaiveDate,
        list: ItemList,
        from: usize,
        to: usize,
    },
    SetNextDone {
        date: NaiveDate,
        index: usize,
        done: bool,
    },
    /// Change a grid.
    Grid {
        date: NaiveDate,
        at: GridAt,
        op: GridOp,
    },
    /// Add a grid after the text of a free section (感想, an extra section).
    AddFreeGrid {
        date: NaiveDate,
        section: FreeSection,
        grid: Grid,
    },
    /// Remove a grid, wherever it is.
    RemoveGrid {
        date: NaiveDate,
        at: GridAt,
    },
    /// Insert a block (text or grid) into a chapter's notes before `at`.
    InsertBlock {
        date: NaiveDate,
        chapter: ChapterId,
        at: usize,
        block: Block,
    },
    RemoveBlock {
        date: NaiveDate,
        chapter: ChapterId,
        block: usize,
    },
    /// Answer a question (it keeps the day it was resolved).
    ResolveQuestion {
        date: NaiveDate,
        index: usize,
        answer: String,
        resolved_on: NaiveDate,
    },
    /// Take a question's answer back: it is open again.
    ReopenQuestion {
        date: NaiveDate,
        index: usize,
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
}

impl Edit {
    pub fn scope(&self) -> Scope {
        match self {
            Edit::CreateDay(date)
            | Edit::SetText { date, .. }
            | Edit::ResolveQuestion { date, .. }
            | Edit::ReopenQuestion { date, .. }
            | Edit::AddItem { date, .. }
            | Edit::RemoveItem { date, .. }
            | Edit::MoveItem { date, .. }
            | Edit::SetNextDone { date, .. }
            | Edit::ListBook { date, .. }
            | Edit::Grid { date, .. }
            | Edit::AddFreeGrid { date, .. }
            | Edit::RemoveGrid { date, .. }
            | Edit::InsertBlock { date, .. }
            | Edit::RemoveBlock { date, .. } => Scope {
                day: Some(*date),
                library: false,
                whole: false,
            },
            Edit::AddBook { studied_on, .. } | Edit::AddChapter { studied_on, .. } => Scope {
                day: *studied_on,
                library: true,
                whole: false,
            },
            // Ticking a chapter may also move it from 未着手 to 読書中.
            Edit::SetStudied { date, .. } => Scope {
                day: Some(*date),
                library: true,
                whole: false,
            },
            Edit::RenameBook { .. }
            | Edit::MoveBook { .. }
            | Edit::RenameChapter { .. }
            | Edit::MoveChapter { .. }
            | Edit::SetChapterStatus { .. }
            | Edit::AddChapters { .. } => Scope {
                day: None,
                library: true,
                whole: false,
            },
            Edit::Replace(_) | Edit::DeleteBook(_) | Edit::DeleteChapter(_) => Scope {
                day: None,
                library: false,
                whole: true,
            },
        }
    }

    /// Text typed into the same field, one keystroke after another, is one
    /// step of undo; this is the key that tells such edits apart.
    pub fn typing_key(&self) -> Option<TypingKey> {
        match self {
            Edit::SetText { date, field, .. } => Some(TypingKey::Text(*date, *field)),
            Edit::Grid { date, at, op } => {
                let part = match op {
                    GridOp::SetTitle(_) => GridText::Title,
                    GridOp::SetCorner(_) => GridText::Corner,
                    GridOp::SetOption { row, .. } => GridText::Option(*row),
                    GridOp::SetCriterion { col, .. } => GridText::Criterion(*col),
                    GridOp::SetCellText { row, col, .. } => GridText::Cell(*row, *col),
                    _ => return None,
                };
                Some(TypingKey::Grid(*date, *at, part))
            }
            _ => None,
        }
    }
}

/// Apply an edit. Returns whether the journal changed; an edit that points at
/// something that is not there (a stale index, a deleted day) changes nothing.
pub fn apply(journal: &mut Journal, edit: Edit) -> bool {
    match edit {
        Edit::CreateDay(date) => {
            if journal.days.contains_key(&date) {
                return false;
            }
            let day = super::study::new_day(journal, date);
            journal.days.insert(date, day);
            true
        }
        Edit::ResolveQuestion {
            date,
            index,
            answer,
            resolved_on,
        } => question_mut(journal, date, index).is_some_and(|q| {
            let answer = Some(Answer {
                text: answer,
                resolved_on,
            });
            let changed = q.answer != answer;
            q.answer = answer;
            changed
        }),
        Edit::ReopenQuestion { date, index } => {
            question_mut(journal, date, index).is_some_and(|q| q.answer.take().is_some())
        }
        Edit::RenameBook { book, title } => {
            let title = title.trim().to_owned();
            !title.is_empty()
                && journal
                    .book_mut(book)
                    .is_some_and(|b| replace(&mut b.title, title))
        }
        Edit::MoveBook { from, to } => {
            let len = journal.books.len();
            let valid = from < len && to < len && from != to;
            if valid {
                move_in(&mut journal.books, from, to);
            }
            valid
        }
        Edit::DeleteBook(book) => library::delete_book(journal, book),
        Edit::RenameChapter { chapter, label } => library::rename_chapter(journal, chapter, label),
        Edit::MoveChapter { chapter, to } => library::move_chapter(journal, chapter, to),
        Edit::DeleteChapter(chapter) => library::delete_chapter(journal, chapter),
        Edit::SetChapterStatus { chapter, status } => library::set_status(journal, chapter, status),
        Edit::AddChapters { book, labels } => {
            let mut added = false;
            for label in labels {
                let label = label.trim();
                if !label.is_empty() {
                    added |= journal.add_chapter(book, label).is_some();
                }
            }
            added
        }
        Edit::SetText { date, field, text } => journal
            .days
            .get_mut(&date)
            .and_then(|day| text_mut(day, field))
            .is_some_and(|slot| replace(slot, text)),
        Edit::SetStudied {
            date,
            chapter,
            studied,
        } => set_studied(journal, date, chapter, studied),
        Edit::AddItem { date, list } => {
            let Some(day) = journal.days.get_mut(&date) else {
                return false;
            };
            match list {
                ItemList::WorkedOn => day.worked_on.push(WorkItem::Text(String::new())),
                ItemList::Questions => day.questions.push(Question::new("")),
                ItemList::Next => day.next.push(NextItem::new("")),
            }
            true
        }
        Edit::RemoveItem { date, list, index } => journal
            .days
            .get_mut(&date)
            .is_some_and(|day| remove_item(day, list, index)),
        Edit::MoveItem {
            date,
            list,
            from,
            to,
        } => journal
            .days
            .get_mut(&date)
            .is_some_and(|day| move_item(day, list, from, to)),
        Edit::SetNextDone { date, index, done } => journal
            .days
            .get_mut(&date)
            .and_then(|day| day.next.get_mut(index))
            .is_some_and(|item| {
                let changed = item.done != done;
                item.done = done;
                changed
            }),
        Edit::Grid { date, at, op } => journal
            .days
            .get_mut(&date)
            .and_then(|day| grid_mut(day, at))
            .is_some_and(|grid| op.apply(grid)),
        Edit::AddFreeGrid {
            date,
            section,
            grid,
        } => journal
            .days
            .get_mut(&date)
            .and_then(|day| free_grids_mut(day, section))
            .is_some_and(|grids| {
                grids.push(grid);
                true
            }),
        Edit::RemoveGrid { date, at } => journal
            .days
            .get_mut(&date)
            .is_some_and(|day| remove_grid(day, at)),
        Edit::InsertBlock {
            date,
            chapter,
            at,
            block,
        } => journal
            .days
            .get_mut(&date)
            .and_then(|day| notes_mut(day, chapter))
            .is_some_and(|notes| {
                let at = at.min(notes.blocks.len());
                notes.blocks.insert(at, block);
                true
            }),
        Edit::RemoveBlock {
            date,
            chapter,
            block,
        } => journal
            .days
            .get_mut(&date)
            .and_then(|day| notes_mut(day, chapter))
            .is_some_and(|notes| {
                let exists = block < notes.blocks.len();
                if exists {
                    notes.blocks.remove(block);
                }
                exists
            }),
        Edit::ListBook { date, book } => {
            journal.book(book).is_some()
                && journal
                    .days
                    .get_mut(&date)
                    .is_some_and(|day| list_book(day, book))
        }
        Edit::Replace(new) => {
            let changed = *journal != *new;
            *journal = *new;
            changed
        }
        Edit::AddBook { title, studied_on } => add_book(journal, title, studied_on),
        Edit::AddChapter {
            book,
            label,
            studied_on,
        } => add_chapter(journal, book, label, studied_on),
    }
}

fn replace(slot: &mut String, text: String) -> bool {
    if *slot == text {
        return false;
    }
    *slot = text;
    true
}

/// The string behind a text field, if the field exists on this day.
pub fn text_of(day: &Day, field: DayText) -> Option<&str> {
    let text = match field {
        DayText::Preamble => &day.preamble,
        DayText::LearnedIntro => &day.learned_intro,
        DayText::BookIntro(book) => &day.learned.iter().find(|b| b.book == book)?.intro,
        DayText::Notes { chapter, block } => match notes(day, chapter)?.blocks.get(block)? {
            Block::Text(text) => text,
            Block::Grid(_) => return None,
        },
        DayText::WorkItem(index) => match day.worked_on.get(index)? {
            WorkItem::Text(text) => text,
            WorkItem::Book(_) => return None,
        },
        DayText::Question(index) => &day.questions.get(index)?.text,
        DayText::Answer(index) => &day.questions.get(index)?.answer.as_ref()?.text,
        DayText::Next(index) => &day.next.get(index)?.text,
        DayText::Impressions => &day.impressions,
        DayText::Extra(index) => &day.extra.get(index)?.body,
    };
    Some(text)
}

fn text_mut(day: &mut Day, field: DayText) -> Option<&mut String> {
    let text = match field {
        DayText::Preamble => &mut day.preamble,
        DayText::LearnedIntro => &mut day.learned_intro,
        DayText::BookIntro(book) => &mut day.learned.iter_mut().find(|b| b.book == book)?.intro,
        DayText::Notes { chapter, block } => {
            match notes_mut(day, chapter)?.blocks.get_mut(block)? {
                Block::Text(text) => text,
                Block::Grid(_) => return None,
            }
        }
        DayText::WorkItem(index) => match day.worked_on.get_mut(index)? {
            WorkItem::Text(text) => text,
            WorkItem::Book(_) => return None,
        },
        DayText::Question(index) => &mut day.questions.get_mut(index)?.text,
        DayText::Answer(index) => &mut day.questions.get_mut(index)?.answer.as_mut()?.text,
        DayText::Next(index) => &mut day.next.get_mut(index)?.text,
        DayText::Impressions => &mut day.impressions,
        DayText::Extra(index) => &mut day.extra.get_mut(index)?.body,
    };
    Some(text)
}

/// A chapter's notes on a day, if it has any.
pub fn notes(day: &Day, chapter: ChapterId) -> Option<&ChapterNotes> {
    day.learned
        .iter()
        .flat_map(|b| b.chapters.iter())
        .find(|n| n.chapter == chapter)
}

fn notes_mut(day: &mut Day, chapter: ChapterId) -> Option<&mut ChapterNotes> {
    day.learned
        .iter_mut()
        .flat_map(|b| b.chapters.iter_mut())
        .find(|n| n.chapter == chapter)
}

fn grid_mut(day: &mut Day, at: GridAt) -> Option<&mut Grid> {
    match at {
        GridAt::Notes { chapter, block } => match notes_mut(day, chapter)?.blocks.get_mut(block)? {
            Block::Grid(grid) => Some(grid),
            Block::Text(_) => None,
        },
        GridAt::Impressions(index) => day.impressions_grids.get_mut(index),
        GridAt::Extra { section, index } => day.extra.get_mut(section)?.grids.get_mut(index),
    }
}

/// The grid at `at`, if it is there.
pub fn grid_at(day: &Day, at: GridAt) -> Option<&Grid> {
    match at {
        GridAt::Notes { chapter, block } => match notes(day, chapter)?.blocks.get(block)? {
            Block::Grid(grid) => Some(grid),
            Block::Text(_) => None,
        },
        GridAt::Impressions(index) => day.impressions_grids.get(index),
        GridAt::Extra { section, index } => day.extra.get(section)?.grids.get(index),
    }
}

fn free_grids_mut(day: &mut Day, section: FreeSection) -> Option<&mut Vec<Grid>> {
    match section {
        FreeSection::Impressions => Some(&mut day.impressions_grids),
        FreeSection::Extra(index) => Some(&mut day.extra.get_mut(index)?.grids),
    }
}

fn remove_grid(day: &mut Day, at: GridAt) -> bool {
    if grid_at(day, at).is_none() {
        return false;
    }
    match at {
        GridAt::Notes { chapter, block } => {
            notes_mut(day, chapter).map(|n| n.blocks.remove(block));
        }
        GridAt::Impressions(index) => {
            day.impressions_grids.remove(index);
        }
        GridAt::Extra { section, index } => {
            day.extra[section].grids.remove(index);
        }
    }
    true
}

/// Whether 取り組んだこと lists this chapter.
pub fn is_studied(day: &Day, chapter: ChapterId) -> bool {
    day.worked_on.iter().any(|item| match item {
        WorkItem::Book(book) => book.chapters.iter().any(|c| c.chapter == chapter),
        WorkItem::Text(_) => false,
    })
}

fn set_studied(journal: &mut Journal, date: NaiveDate, chapter: ChapterId, studied: bool) -> bool {
    let Some(book) = journal.chapter(chapter).map(|(book, _)| book.id) else {
        return false;
    };
    let Some(day) = journal.days.get_mut(&date) else {
        return false;
    };
    if studied == is_studied(day, chapter) {
        return false;
    }
    if studied {
        mark_studied(day, book, chapter);
        let status = journal.chapter(chapter).map(|(_, c)| c.status);
        if let Some(status) = status {
            library::set_status(journal, chapter, super::study::status_when_studied(status));
        }
    } else {
        unmark_studied(day, book, chapter);
    }
    true
}

fn question_mut(journal: &mut Journal, date: NaiveDate, index: usize) -> Option<&mut Question> {
    journal.days.get_mut(&date)?.questions.get_mut(index)
}

fn mark_studied(day: &mut Day, book: BookId, chapter: ChapterId) {
    let studied = StudiedChapter {
        chapter,
        written_as: String::new(),
    };
    match day.worked_on.iter_mut().find_map(|item| match item {
        WorkItem::Book(b) if b.book == book => Some(b),
        _ => None,
    }) {
        Some(entry) => entry.chapters.push(studied),
        None => day.worked_on.push(WorkItem::Book(StudiedBook {
            book,
            chapters: vec![studied],
        })),
    }
    if notes(day, chapter).is_some() {
        return;
    }
    let learned = match day.learned.iter().position(|b| b.book == book) {
        Some(index) => &mut day.learned[index],
        None => {
            day.learned.push(LearnedBook {
                book,
                intro: String::new(),
                chapters: Vec::new(),
            });
            day.learned.last_mut().expect("just pushed")
        }
    };
    learned.chapters.push(ChapterNotes {
        chapter,
        blocks: vec![Block::Text(String::new())],
    });
}

fn unmark_studied(day: &mut Day, book: BookId, chapter: ChapterId) {
    for item in &mut day.worked_on {
        if let WorkItem::Book(b) = item {
            b.chapters.retain(|c| c.chapter != chapter);
        }
    }
    // A book entry with no chapters left stays only if nothing refers to it.
    day.worked_on.retain(|item| match item {
        WorkItem::Book(b) => b.book != book || !b.chapters.is_empty(),
        WorkItem::Text(_) => true,
    });
    for learned in &mut day.learned {
        learned
            .chapters
            .retain(|n| n.chapter != chapter || !notes_are_empty(n));
    }
    day.learned
        .retain(|b| b.book != book || !b.chapters.is_empty() || !b.intro.is_empty());
}

fn notes_are_empty(notes: &ChapterNotes) -> bool {
    notes.blocks.iter().all(|block| match block {
        Block::Text(text) => text.trim().is_empty(),
        Block::Grid(_) => false,
    })
}

fn remove_item(day: &mut Day, list: ItemList, index: usize) -> bool {
    let len = list_len(day, list);
    if index >= len {
        return false;
    }
    match list {
        ItemList::WorkedOn => {
            day.worked_on.remove(index);
        }
        ItemList::Questions => {
            day.questions.remove(index);
        }
        ItemList::Next => {
            day.next.remove(index);
        }
    }
    true
}

fn move_item(day: &mut Day, list: ItemList, from: usize, to: usize) -> bool {
    let len = list_len(day, list);
    if from >= len || to >= len || from == to {
        return false;
    }
    match list {
        ItemList::WorkedOn => move_in(&mut day.worked_on, from, to),
        ItemList::Questions => move_in(&mut day.questions, from, to),
        ItemList::Next => move_in(&mut day.next, from, to),
    }
    true
}

fn move_in<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    items.insert(to, item);
}

/// How many items a list of a day holds.
pub fn list_len(day: &Day, list: ItemList) -> usize {
    match list {
        ItemList::WorkedOn => day.worked_on.len(),
        ItemList::Questions => day.questions.len(),
        ItemList::Next => day.next.len(),
    }
}

fn add_book(journal: &mut Journal, title: String, studied_on: Option<NaiveDate>) -> bool {
    let title = title.trim().to_owned();
    if title.is_empty() {
        return false;
    }
    let book = journal.add_book(title);
    if let Some(day) = studied_on.and_then(|date| journal.days.get_mut(&date)) {
        list_book(day, book);
    }
    true
}

fn list_book(day: &mut Day, book: BookId) -> bool {
    let listed = day
        .worked_on
        .iter()
        .any(|item| matches!(item, WorkItem::Book(b) if b.book == book));
    if !listed {
        day.worked_on.push(WorkItem::Book(StudiedBook {
            book,
            chapters: Vec::new(),
        }));
    }
    !listed
}

fn add_chapter(
    journal: &mut Journal,
    book: BookId,
    label: String,
    studied_on: Option<NaiveDate>,
) -> bool {
    let label = label.trim().to_owned();
    if label.is_empty() {
        return false;
    }
    let Some(chapter) = journal.add_chapter(book, label) else {
        return false;
    };
    if let Some(date) = studied_on {
        set_studied(journal, date, chapter, true);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
    }

    fn journal() -> (Journal, ChapterId) {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("データ指向アプリケーションデザイン");
        let chapter = journal.add_chapter(book, "5 章 レプリケーション").unwrap();
        journal.days.insert(date(), Day::default());
        (journal, chapter)
    }

    fn studied(chapter: ChapterId, studied: bool) -> Edit {
        Edit::SetStudied {
            date: date(),
            chapter,
            studied,
        }
    }

    #[test]
    fn marking_a_chapter_studied_gives_it_a_notes_block() {
        let (mut journal, chapter) = journal();
        assert!(apply(&mut journal, studied(chapter, true)));
        let day = &journal.days[&date()];
        assert!(is_studied(day, chapter));
        assert_eq!(notes(day, chapter).unwrap().blocks.len(), 1);
        assert!(
            !apply(&mut journal, studied(chapter, true)),
            "already studied"
        );
    }

    #[test]
    fn unmarking_keeps_notes_that_hold_text() {
        let (mut journal, chapter) = journal();
        apply(&mut journal, studied(chapter, true));
        let note = Edit::SetText {
            date: date(),
            field: DayText::Notes { chapter, block: 0 },
            text: "- リーダーを通る".into(),
        };
        assert!(apply(&mut journal, note));
        apply(&mut journal, studied(chapter, false));
        let day = &journal.days[&date()];
        assert!(!is_studied(day, chapter));
        assert!(day.worked_on.is_empty());
        assert_eq!(
            text_of(day, DayText::Notes { chapter, block: 0 }),
            Some("- リーダーを通る")
        );
    }

    #[test]
    fn unmarking_drops_empty_notes() {
        let (mut journal, chapter) = journal();
        apply(&mut journal, studied(chapter, true));
        apply(&mut journal, studied(chapter, false));
        assert!(journal.days[&date()].is_empty());
    }

    #[test]
    fn items_are_added_moved_and_removed() {
        let (mut journal, _) = journal();
        for text in ["a", "b", "c"] {
            apply(
                &mut journal,
                Edit::AddItem {
                    date: date(),
                    list: ItemList::Next,
                },
            );
            let index = journal.days[&date()].next.len() - 1;
            apply(
                &mut journal,
                Edit::SetText {
                    date: date(),
                    field: DayText::Next(index),
                    text: text.into(),
                },
            );
        }
        let moved = Edit::MoveItem {
            date: date(),
            list: ItemList::Next,
            from: 2,
            to: 0,
        };
        assert!(apply(&mut journal, moved));
        let remove = Edit::RemoveItem {
            date: date(),
            list: ItemList::Next,
            index: 1,
        };
        assert!(apply(&mut journal, remove));
        let texts: Vec<_> = journal.days[&date()]
            .next
            .iter()
            .map(|n| n.text.as_str())
            .collect();
        assert_eq!(texts, ["c", "b"]);
        let stale = Edit::RemoveItem {
            date: date(),
            list: ItemList::Next,
            index: 5,
        };
        assert!(!apply(&mut journal, stale));
    }

    #[test]
    fn a_chapter_added_from_a_day_is_studied_there() {
        let (mut journal, _) = journal();
        let book = journal.books[0].id;
        let edit = Edit::AddChapter {
            book,
            label: " 6 章 パーティショニング ".into(),
            studied_on: Some(date()),
        };
        assert!(apply(&mut journal, edit));
        let chapter = journal.books[0].chapters[1].id;
        assert_eq!(
            journal.books[0].chapters[1].label,
            "6 章 パーティショニング"
        );
        assert!(is_studied(&journal.days[&date()], chapter));
        let blank = Edit::AddBook {
            title: "  ".into(),
            studied_on: None,
        };
        assert!(!apply(&mut journal, blank), "a blank title adds no book");
    }
}
