//! Stable identifiers for books and chapters.
//!
//! Days refer to books and chapters by id, never by title, so renaming a book is
//! one edit and can never orphan a day's notes.

use serde::{Deserialize, Serialize};

/// Identifies a [`crate::model::Book`] within one journal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BookId(pub u32);

/// Identifies a [`crate::model::Chapter`] within one journal (unique across all books).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChapterId(pub u32);
