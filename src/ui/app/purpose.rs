//! Why a file dialog was opened, carried with it so its answer goes to the
//! right place.

use chrono::NaiveDate;

use super::Guarded;
use crate::model::BookId;
use crate::session::PicturePlace;

/// Why a file dialog was opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    Open,
    SaveAs {
        then: Option<Guarded>,
    },
    Import,
    Export(ExportWhat),
    /// A picture for a note.
    InsertPicture(PicturePlace),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    Day(NaiveDate),
    Book(BookId),
    Journal,
}
