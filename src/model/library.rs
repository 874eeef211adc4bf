//! Changes to the library of books and chapters that reach into the days:
//! a deleted book or chapter takes its mentions and notes with it (the UI
//! asks first, and undo brings everything back).

use super::book::{Chapter, ChapterStatus};
use super::day::WorkItem;
use super::ids::{BookId, ChapterId};
use super::journal::Journal;

pub fn delete_book(journal: &mut Journal, book: BookId) -> bool {
    let Some(index) = journal.books.iter().position(|b| b.id == book) else {
        return false;
    };
    journal.books.remove(index);
    for day in journal.days.values_mut() {
        day.worked_on
            .retain(|item| !matches!(item, WorkItem::Book(b) if b.book == book));
        day.learned.retain(|b| b.book != book);
    }
    true
}

pub fn delete_chapter(journal: &mut Journal, chapter: ChapterId) -> bool {
    let Some(book) = journal
        .books
        .iter_mut()
        .find(|b| b.chapter(chapter).is_some())
    else {
        return false;
    };
    book.chapters.retain(|c| c.id != chapter);
    for day in journal.days.values_mut() {
        for item in &mut day.worked_on {
            if let WorkItem::Book(b) = item {
                b.chapters.retain(|c| c.chapter != chapter);
            }
        }
        for learned in &mut day.learned {
            learned.chapters.retain(|n| n.chapter != chapter);
        }
    }
    true
}

fn chapter_mut(journal: &mut Journal, chapter: ChapterId) -> Option<&mut Chapter> {
    journal
        .books
        .iter_mut()
        .flat_map(|b| b.chapters.iter_mut())
        .find(|c| c.id == chapter)
}

pub fn rename_chapter(journal: &mut Journal, chapter: ChapterId, label: String) -> bool {
    let label = label.trim().to_owned();
    if label.is_empty() {
        return false;
    }
    chapter_mut(journal, chapter).is_some_and(|c| {
        let changed = c.label != label;
        c.label = label;
        changed
    })
}

pub fn move_chapter(journal: &mut Journal, chapter: ChapterId, to: usize) -> bool {
    let Some(book) = journal
        .books
        .iter_mut()
        .find(|b| b.chapter(chapter).is_some())
    else {
        return false;
    };
    let from = book
        .chapters
        .iter()
        .position(|c| c.id == chapter)
        .expect("the book has the chapter");
    if to >= book.chapters.len() || to == from {
        return false;
    }
    let moved = book.chapters.remove(from);
    book.chapters.insert(to, moved);
    true
}

pub fn set_status(journal: &mut Journal, chapter: ChapterId, status: ChapterStatus) -> bool {
    chapter_mut(journal, chapter).is_some_and(|c| {
        let changed = c.status != status;
        c.status = status;
        changed
    })
}

/// How many days have notes for, or mention, a chapter; shown before deleting it.
pub fn days_with_chapter(journal: &Journal, chapter: ChapterId) -> usize {
    journal
        .days
        .values()
        .filter(|day| {
            super::edit::is_studied(day, chapter) || super::edit::notes(day, chapter).is_some()
        })
        .count()
}

/// How many days mention a book; shown before deleting it.
pub fn days_with_book(journal: &Journal, book: BookId) -> usize {
    journal
        .days
        .values()
        .filter(|day| {
            day.learned.iter().any(|b| b.book == book)
                || day
                    .worked_on
                    .iter()
                    .any(|item| matches!(item, WorkItem::Book(b) if b.book == book))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ChapterNotes, Day, Edit, History, Language, LearnedBook, StudiedBook, StudiedChapter,
        validate,
    };

    fn journal() -> (Journal, BookId, ChapterId) {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("本");
        let chapter = journal.add_chapter(book, "1 章").unwrap();
        journal.add_chapter(book, "2 章").unwrap();
        let day = Day {
            worked_on: vec![WorkItem::Book(StudiedBook {
                book,
                chapters: vec![StudiedChapter {
                    chapter,
                    written_as: "1".into(),
                }],
            })],
            learned: vec![LearnedBook {
                book,
                intro: String::new(),
                chapters: vec![ChapterNotes {
                    chapter,
                    blocks: Vec::new(),
                }],
            }],
            ..Day::default()
        };
        journal.days.insert("2025-03-10".parse().unwrap(), day);
        (journal, book, chapter)
    }

    #[test]
    fn deleting_a_chapter_leaves_a_valid_journal_and_undo_restores_it() {
        let (mut journal, _, chapter) = journal();
        let before = journal.clone();
        assert_eq!(days_with_chapter(&journal, chapter), 1);
        let mut history = History::default();
        assert!(history.apply(&mut journal, Edit::DeleteChapter(chapter), 0.0));
        assert!(validate(&journal).is_ok());
        assert_eq!(journal.books[0].chapters.len(), 1);
        history.undo(&mut journal);
        assert_eq!(journal, before);
    }

    #[test]
    fn deleting_a_book_removes_its_mentions() {
        let (mut journal, book, _) = journal();
        assert_eq!(days_with_book(&journal, book), 1);
        assert!(delete_book(&mut journal, book));
        assert!(validate(&journal).is_ok());
        assert!(journal.days.values().all(Day::is_empty));
    }

    #[test]
    fn chapters_move_within_their_book() {
        let (mut journal, _, chapter) = journal();
        assert!(move_chapter(&mut journal, chapter, 1));
        assert_eq!(journal.books[0].chapters[1].id, chapter);
        assert!(!move_chapter(&mut journal, chapter, 5));
    }
}
