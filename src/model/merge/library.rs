//! Merging the library: books and chapters matched by id where both sides
//! inherited it, else by title (a book added on both machines is one book);
//! what only the other side added comes in with an id free here, and the
//! other side's days are read with those new ids.

use std::collections::HashMap;

use crate::model::{
    Book, BookId, Chapter, ChapterId, ChapterStatus, Day, Journal, SectionBody, WorkItem,
};

/// How the other side's ids read here.
#[derive(Default)]
pub(super) struct IdMap {
    books: HashMap<BookId, BookId>,
    chapters: HashMap<ChapterId, ChapterId>,
}

/// What the library merge brought.
#[derive(Default)]
pub(super) struct LibraryTally {
    pub books_added: usize,
    pub chapters_added: usize,
}

/// `result` (ours) with the books and chapters of `theirs` merged in.
pub(super) fn merge_library(
    result: &mut Journal,
    base: Option<&Journal>,
    theirs: &Journal,
) -> (IdMap, LibraryTally) {
    let mut map = IdMap::default();
    let mut tally = LibraryTally::default();
    for book in &theirs.books {
        let base_book = base.and_then(|b| b.book(book.id));
        let here = same_book(result, base_book, book);
        let id = match here {
            Some(id) => {
                merge_book(result, id, base_book, book, &mut map, &mut tally);
                id
            }
            // Left as it was on their side and gone here: we removed it.
            None if base_book == Some(book) => continue,
            None => {
                tally.books_added += 1;
                add_book(result, book, &mut map, &mut tally)
            }
        };
        map.books.insert(book.id, id);
    }
    (map, tally)
}

/// The book here that `theirs` is: the same id when both inherited it, else
/// the same title.
fn same_book(result: &Journal, base_book: Option<&Book>, theirs: &Book) -> Option<BookId> {
    let by_id = result
        .book(theirs.id)
        .filter(|here| base_book.is_some() || here.title == theirs.title);
    by_id
        .or_else(|| {
            result
                .books
                .iter()
                .find(|b| b.title.trim() == theirs.title.trim())
        })
        .map(|b| b.id)
}

fn merge_book(
    result: &mut Journal,
    id: BookId,
    base_book: Option<&Book>,
    theirs: &Book,
    map: &mut IdMap,
    tally: &mut LibraryTally,
) {
    let next_chapter = result.next_chapter_id().0;
    let Some(here) = result.book_mut(id) else {
        return;
    };
    if base_book.is_some_and(|b| b.title == here.title) {
        here.title = theirs.title.clone();
    }
    let mut fresh = next_chapter;
    for chapter in &theirs.chapters {
        let base_chapter = base_book.and_then(|b| b.chapters.iter().find(|c| c.id == chapter.id));
        let matched = here.chapters.iter_mut().find(|c| {
            (c.id == chapter.id && base_chapter.is_some()) || c.label.trim() == chapter.label.trim()
        });
        match matched {
            Some(mine) => {
                merge_chapter(mine, base_chapter, chapter);
                map.chapters.insert(chapter.id, mine.id);
            }
            None if base_chapter == Some(chapter) => {}
            None => {
                let new = ChapterId(fresh);
                fresh += 1;
                here.chapters.push(Chapter {
                    id: new,
                    ..chapter.clone()
                });
                map.chapters.insert(chapter.id, new);
                tally.chapters_added += 1;
            }
        }
    }
}

/// Label: the side that changed it; status: the one that changed it, or
/// the further one if both did.
fn merge_chapter(mine: &mut Chapter, base: Option<&Chapter>, theirs: &Chapter) {
    if base.is_some_and(|b| b.label == mine.label) {
        mine.label = theirs.label.clone();
    }
    let base_status = base.map(|b| b.status);
    mine.status = match base_status {
        Some(b) if b == mine.status => theirs.status,
        Some(b) if b == theirs.status => mine.status,
        _ => further(mine.status, theirs.status),
    };
}

fn further(a: ChapterStatus, b: ChapterStatus) -> ChapterStatus {
    let rank = |s: ChapterStatus| match s {
        ChapterStatus::NotStarted => 0,
        ChapterStatus::Reading => 1,
        _ => 2,
    };
    if rank(b) > rank(a) { b } else { a }
}

fn add_book(
    result: &mut Journal,
    theirs: &Book,
    map: &mut IdMap,
    tally: &mut LibraryTally,
) -> BookId {
    let id = result.next_book_id();
    let mut fresh = result.next_chapter_id().0;
    let chapters = theirs
        .chapters
        .iter()
        .map(|c| {
            let new = ChapterId(fresh);
            fresh += 1;
            map.chapters.insert(c.id, new);
            tally.chapters_added += 1;
            Chapter {
                id: new,
                ..c.clone()
            }
        })
        .collect();
    result.books.push(Book {
        id,
        title: theirs.title.clone(),
        chapters,
    });
    id
}

impl IdMap {
    /// A day of the other side, with its books and chapters named as here.
    /// Their book, as the merged library numbers it.
    pub(super) fn book(&self, id: BookId) -> BookId {
        *self.books.get(&id).unwrap_or(&id)
    }

    pub(super) fn day(&self, day: &Day) -> Day {
        let mut day = day.clone();
        let book = |id: BookId| *self.books.get(&id).unwrap_or(&id);
        let chapter = |id: ChapterId| *self.chapters.get(&id).unwrap_or(&id);
        for section in &mut day.sections {
            match &mut section.body {
                SectionBody::WorkedOn(entries) => {
                    for entry in entries.iter_mut() {
                        if let crate::model::Entry::Item(WorkItem::Book(studied)) = entry {
                            studied.book = book(studied.book);
                            for c in &mut studied.chapters {
                                c.chapter = chapter(c.chapter);
                            }
                        }
                    }
                }
                SectionBody::Learned(learned) => {
                    for notes in &mut learned.books {
                        notes.book = book(notes.book);
                        for c in &mut notes.chapters {
                            c.chapter = chapter(c.chapter);
                        }
                    }
                }
                _ => {}
            }
        }
        day
    }
}
