//! UI state that is not journal data: text typed for things that do not
//! exist yet (a new book, a new chapter), and the one form or dialog open
//! over the views. Views may change it directly.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{BookId, GridAt, TwoAxes};

use super::library_menu::LibraryDialog;

/// Names being typed in the day form's "add" fields.
#[derive(Default)]
pub struct DayDrafts {
    pub new_book: String,
    pub new_chapter: HashMap<BookId, String>,
    /// The book whose "new chapter" field gets the keyboard next frame (a
    /// book or chapter was just added: the next chapter is typed there).
    pub focus_new_chapter: Option<BookId>,
}

/// The one form or dialog open at a time. A question the app asks (save
/// changes? restore?) sits in the same slot, in `super::app`.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// The two-axes form of a new grid going to `at` on `date`.
    TwoAxes {
        date: NaiveDate,
        at: GridAt,
        axes: TwoAxes,
    },
    /// The answer being written for a question (`section`, `entry`) asked on `date`.
    Resolve {
        date: NaiveDate,
        section: usize,
        entry: usize,
        answer: String,
    },
    /// A library dialog (rename, table of contents, delete).
    Library(LibraryDialog),
    /// A question from the app.
    Prompt(super::app::Prompt),
    /// What an import found, before anything changes.
    ImportPreview(Box<super::import_preview::ImportPreview>),
    /// A list made into a grid, waiting for Replace / Keep / Cancel.
    ListToGrid(Box<super::list_to_grid::ListGridOffer>),
    /// Settings ▸ Journal Headings…
    Headings(super::headings_dialog::HeadingsChoice),
}
