//! A merge never leaves words under a chapter that is gone: when one side
//! deleted a chapter (or a whole book) and the other wrote notes under it,
//! the chapter comes back into the library from the side that still has it,
//! so the merged journal opens and the notes stay where they were written.
//! Each comes back as a conflict the report names.

use crate::model::{
    Book, BookId, Chapter, ChapterId, Invalid, Journal, SectionBody, WorkItem, validate,
};

/// Brings back every book and chapter the merged days refer to that the
/// merged library lacks, from `sides` (ours, theirs, the common version);
/// what was brought back, as "BOOK ▸ CHAPTER".
pub(super) fn restore_missing(result: &mut Journal, sides: &[Option<&Journal>]) -> Vec<String> {
    let mut restored = Vec::new();
    // Each round brings back one missing piece; a journal has finitely many.
    for _ in 0..=result.days.len() * 8 + 8 {
        match validate(result) {
            Err(Invalid::UnknownChapter { chapter, .. }) => {
                let Some(name) = restore_chapter(result, sides, ChapterId(chapter)) else {
                    break;
                };
                restored.push(name);
            }
            Err(Invalid::UnknownBook { book, .. }) => {
                let Some(name) = restore_book(result, sides, BookId(book)) else {
                    break;
                };
                restored.push(name);
            }
            _ => break,
        }
    }
    restored
}

/// The chapter `id` and the book it is in, from the first side that has it.
fn find_chapter<'a>(
    sides: &[Option<&'a Journal>],
    id: ChapterId,
) -> Option<(&'a Book, &'a Chapter)> {
    sides.iter().flatten().find_map(|side| side.chapter(id))
}

fn restore_chapter(
    result: &mut Journal,
    sides: &[Option<&Journal>],
    id: ChapterId,
) -> Option<String> {
    let (book, chapter) = find_chapter(sides, id)?;
    let here = result
        .book(book.id)
        .filter(|b| b.title == book.title)
        .or_else(|| result.books.iter().find(|b| b.title == book.title))
        .map(|b| b.id);
    let target = match here {
        Some(target) => target,
        None => {
            let target = bring_back_book(result, book);
            // Under another id (its own was taken): the entries holding
            // this chapter follow it.
            retarget(result, id, book.id, target);
            target
        }
    };
    result.book_mut(target)?.chapters.push(chapter.clone());
    Some(format!("{} ▸ {}", book.title, chapter.label))
}

fn restore_book(result: &mut Journal, sides: &[Option<&Journal>], id: BookId) -> Option<String> {
    // A dangling book id is free in the library, so it comes back as itself.
    let book = sides.iter().flatten().find_map(|side| side.book(id))?;
    bring_back_book(result, book);
    Some(book.title.clone())
}

/// Puts `book` (without its chapters: those come back one by one as the
/// days need them) into the library, under its own id if free, else a new one.
fn bring_back_book(result: &mut Journal, book: &Book) -> BookId {
    let id = if result.book(book.id).is_none() {
        book.id
    } else {
        result.next_book_id()
    };
    result.books.push(Book {
        id,
        title: book.title.clone(),
        chapters: Vec::new(),
    });
    id
}

/// The days' entries of book `from` that hold `chapter` now name book `to`.
fn retarget(result: &mut Journal, chapter: ChapterId, from: BookId, to: BookId) {
    if from == to {
        return;
    }
    for day in result.days.values_mut() {
        for section in &mut day.sections {
            match &mut section.body {
                SectionBody::WorkedOn(entries) => {
                    for entry in entries.iter_mut() {
                        if let Some(WorkItem::Book(studied)) = entry.item_mut()
                            && studied.book == from
                            && studied.chapters.iter().any(|c| c.chapter == chapter)
                        {
                            studied.book = to;
                        }
                    }
                }
                SectionBody::Learned(learned) => {
                    for notes in learned.books.iter_mut().filter(|b| {
                        b.book == from && b.chapters.iter().any(|c| c.chapter == chapter)
                    }) {
                        notes.book = to;
                    }
                }
                _ => {}
            }
        }
    }
}
