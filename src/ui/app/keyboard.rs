//! Where the keyboard goes after an edit makes something: into what was
//! made, so the user types on without reaching for the mouse.
//!
//! A new list item, grid option or criterion takes the keyboard itself. A
//! new book or chapter has no text of its own to type into here, so the
//! keyboard goes to the book's "new chapter" field (the next thing one types
//! about a new book), and the tree opens the book and scrolls to it.

use chrono::NaiveDate;

use crate::model::GridOp;
use crate::model::{Address, BookId, Edit, GridAt, GridText, Hit, Journal};

use super::StudylogApp;

/// Something an edit makes that the keyboard goes to once it is applied.
pub(super) enum Made {
    /// The last entry of a list section.
    Entry { date: NaiveDate, section: usize },
    /// A grid's option name or criterion name.
    GridPart {
        date: NaiveDate,
        at: GridAt,
        part: GridText,
    },
    /// The last book of the library, added in the tree or for a day.
    Book { on: Option<NaiveDate> },
    /// A chapter of `book`, added in the tree or for a day.
    Chapter { book: BookId, on: Option<NaiveDate> },
}

impl Made {
    /// What `edit` will make, if it makes something worth typing into.
    pub(super) fn by(edit: &Edit) -> Option<Made> {
        Some(match *edit {
            Edit::AddItem { date, section } => Made::Entry { date, section },
            Edit::Grid {
                date,
                at,
                op: GridOp::InsertOption { at: row, .. },
            } => Made::GridPart {
                date,
                at,
                part: GridText::Option(row),
            },
            Edit::Grid {
                date,
                at,
                op: GridOp::InsertCriterion { at: col, .. },
            } => Made::GridPart {
                date,
                at,
                part: GridText::Criterion(col),
            },
            Edit::AddBook { studied_on, .. } => Made::Book { on: studied_on },
            Edit::AddChapter {
                book, studied_on, ..
            } => Made::Chapter {
                book,
                on: studied_on,
            },
            _ => return None,
        })
    }
}

impl StudylogApp {
    /// Give the keyboard to what `made` names, now that the edit is applied.
    pub(super) fn focus_made(&mut self, made: Made) {
        match made {
            Made::Entry { date, section } => self.focus_last_entry(date, section),
            Made::GridPart { date, at, part } => {
                self.nav.reveal = Some(Hit {
                    date,
                    place: Address::Grid(at, part),
                    line: 0,
                });
            }
            Made::Book { on } => {
                if let Some(book) = last_book(self.journal()) {
                    self.focus_new_chapter(book, on);
                }
            }
            Made::Chapter { book, on } => self.focus_new_chapter(book, on),
        }
    }

    /// The "new chapter" field of `book`: in the day form for a book studied
    /// `on` a day, else in the tree, with the book opened.
    fn focus_new_chapter(&mut self, book: BookId, on: Option<NaiveDate>) {
        if on.is_some() {
            self.views.day.focus_new_chapter = Some(book);
        } else {
            self.views.tree.open_books.insert(book);
            self.views.tree.focus_new_chapter = Some(book);
        }
    }

    /// Scroll to the last entry of a list section and give it the keyboard.
    fn focus_last_entry(&mut self, date: NaiveDate, section: usize) {
        let day = self.journal().days.get(&date);
        let entries = day
            .and_then(|day| day.sections.get(section))
            .map(|s| s.body.entry_count());
        if let Some(count) = entries.filter(|&n| n > 0) {
            let at = Address::Entry {
                section,
                entry: count - 1,
            };
            self.nav.reveal = Some(Hit {
                date,
                place: at,
                line: 0,
            });
        }
    }
}

/// The book added last (books are added at the end of the library).
fn last_book(journal: &Journal) -> Option<BookId> {
    journal.books.last().map(|book| book.id)
}
