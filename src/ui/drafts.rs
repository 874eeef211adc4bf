//! UI state that is not journal data: text typed for things that do not
//! exist yet (a new book, a new chapter), and the one form or dialog open
//! over the views. Views may change it directly.

use std::collections::HashMap;

use chrono::NaiveDate;

use std::path::PathBuf;

use crate::model::{Address, BookId, ChapterId, Grid, GridAt, TwoAxes};
use crate::session::files::LeftBehind;

/// Names being typed in the day form's "add" fields.
#[derive(Default)]
pub struct DayDrafts {
    pub new_book: String,
    pub new_chapter: HashMap<BookId, String>,
    /// The book whose "new chapter" field gets the keyboard next frame (a
    /// book or chapter was just added: the next chapter is typed there).
    pub focus_new_chapter: Option<BookId>,
    /// The notes field that had the keyboard last: Insert ▸ Image… and a
    /// picture dropped outside any note go there.
    pub note_with_keyboard: Option<crate::session::PicturePlace>,
    /// The first section title of the day shown (F6 brings the keyboard there).
    pub first_heading: Option<egui::Id>,
    /// The earlier days' open questions the day shown lists, worked out
    /// once per day and journal state (ten years hold thousands to count).
    pub earlier_questions: Option<EarlierQuestions>,
}

/// Open questions of the days before `date`, as the journal stood at `revision`.
pub struct EarlierQuestions {
    pub date: NaiveDate,
    pub revision: u64,
    pub open: std::rc::Rc<crate::model::NewestOpenQuestions>,
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
    Prompt(Prompt),
    /// What an import found, before anything changes.
    ImportPreview(Box<super::import_preview::ImportPreview>),
    /// A list made into a grid, waiting for Replace / Keep / Cancel.
    ListToGrid(Box<ListGridOffer>),
    /// Settings ▸ Journal Headings…
    Headings(super::headings_dialog::HeadingsChoice),
}

/// A library dialog waiting for the user.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryDialog {
    RenameBook(BookId, String),
    RenameChapter(ChapterId, String),
    PasteToc(BookId, String),
    DeleteBook(BookId),
    DeleteChapter(ChapterId),
}

/// A grid made from a list, waiting for the user to say how.
#[derive(Clone, Debug, PartialEq)]
pub struct ListGridOffer {
    pub date: NaiveDate,
    pub text_at: Address,
    /// The text as it is, and without the list.
    pub text: String,
    pub without_list: String,
    pub at: GridAt,
    pub grid: Grid,
}

/// An operation that would drop the open journal, so it asks first when the
/// journal has unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Guarded {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Save changes before this operation?
    Unsaved(Guarded),
    /// The file changed (or vanished) on disk since it was read or written.
    ExternalChange {
        then: Option<Guarded>,
        deleted: bool,
    },
    /// The save would leave far fewer days than the file holds.
    FewDays {
        then: Option<Guarded>,
        on_disk: usize,
    },
    /// Unsaved work from a session that ended badly was found.
    Restore(Box<LeftBehind>),
}
