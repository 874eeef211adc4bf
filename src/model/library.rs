//! Changes to the library of books and chapters, including those that reach
//! into the days: a deleted book or chapter takes its mentions and notes with
//! it (the UI asks first, and undo brings everything back).

use super::address::is_studied;
use super::book::{Chapter, ChapterStatus};
use super::change::{move_in, set};
use super::day::{Day, Entry, SectionBody, WorkItem};
use super::ids::{BookId, ChapterId};
use super::journal::Journal;

pub fn rename_book(journal: &mut Journal, book: BookId, title: String) -> bool {
    let title = title.trim().to_owned();
    !title.is_empty()
        && journal
            .book_mut(book)
            .is_some_and(|b| set(&mut b.title, title))
}

pub fn move_book(journal: &mut Journal, from: usize, to: usize) -> bool {
    move_in(&mut journal.books, from, to)
}

pub fn delete_book(journal: &mut Journal, book: BookId) -> bool {
    let Some(index) = journal.books.iter().position(|b| b.id == book) else {
        return false;
    };
    journal.books.remove(index);
    for day in journal.days.values_mut() {
        for section in &mut day.sections {
            match &mut section.body {
                SectionBody::WorkedOn(entries) => entries.retain(
                    |entry| !matches!(entry, Entry::Item(WorkItem::Book(b)) if b.book == book),
                ),
                SectionBody::Learned(learned) => learned.books.retain(|b| b.book != book),
                _ => {}
            }
        }
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
        forget_chapter(day, chapter);
    }
    true
}

fn forget_chapter(day: &mut Day, chapter: ChapterId) {
    for section in &mut day.sections {
        match &mut section.body {
            SectionBody::WorkedOn(entries) => {
                for entry in entries {
                    if let Entry::Item(WorkItem::Book(b)) = entry {
                        b.chapters.retain(|c| c.chapter != chapter);
                    }
                }
            }
            SectionBody::Learned(learned) => {
                for book in &mut learned.books {
                    book.chapters.retain(|n| n.chapter != chapter);
                }
            }
            _ => {}
        }
    }
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
    !label.is_empty() && chapter_mut(journal, chapter).is_some_and(|c| set(&mut c.label, label))
}

pub fn move_chapter(journal: &mut Journal, chapter: ChapterId, to: usize) -> bool {
    let Some(book) = journal
        .books
        .iter_mut()
        .find(|b| b.chapter(chapter).is_some())
    else {
        return false;
    };
    let from = book.chapters.iter().position(|c| c.id == chapter);
    from.is_some_and(|from| move_in(&mut book.chapters, from, to))
}

pub fn set_status(journal: &mut Journal, chapter: ChapterId, status: ChapterStatus) -> bool {
    chapter_mut(journal, chapter).is_some_and(|c| set(&mut c.status, status))
}

/// Append chapters to a book (a pasted table of contents); blank labels are skipped.
pub fn add_chapters(journal: &mut Journal, book: BookId, labels: Vec<String>) -> bool {
    let mut added = false;
    for label in labels {
        let label = label.trim();
        if !label.is_empty() {
            added |= journal.add_chapter(book, label).is_some();
        }
    }
    added
}

/// How many days have notes for, or mention, a chapter; shown before deleting it.
pub fn days_with_chapter(journal: &Journal, chapter: ChapterId) -> usize {
    journal
        .days
        .values()
        .filter(|day| is_studied(day, chapter) || super::address::notes(day, chapter).is_some())
        .count()
}

/// How many days mention a book; shown before deleting it.
pub fn days_with_book(journal: &Journal, book: BookId) -> usize {
    journal
        .days
        .values()
        .filter(|day| {
            day.learned_books().any(|b| b.book == book)
                || day
                    .work_items()
                    .any(|(_, _, item)| matches!(item, WorkItem::Book(b) if b.book == book))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Edit, History, Language, validate};

    fn journal() -> (Journal, BookId, ChapterId) {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("本");
        let chapter = journal.add_chapter(book, "1 章").unwrap();
        journal.add_chapter(book, "2 章").unwrap();
        let date = "2025-03-10".parse().unwrap();
        journal
            .days
            .insert(date, Day::from_template(&journal.template));
        let tick = Edit::SetStudied {
            date,
            chapter,
            studied: true,
        };
        assert!(super::super::apply(&mut journal, tick));
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
