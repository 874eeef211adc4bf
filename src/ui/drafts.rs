//! Text the user is still typing for things that do not exist yet (a new
//! book, a new chapter, the two axes of a new grid). It is UI state, not
//! journal data, so views may change it directly.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{BookId, TwoAxes};

use super::grid_insert::NewGrid;

#[derive(Default)]
pub struct Drafts {
    pub new_book: String,
    pub new_chapter: HashMap<BookId, String>,
    /// The two-axes form, open where a new grid goes on one day.
    pub two_axes: Option<(NaiveDate, NewGrid, TwoAxes)>,
    /// The answer being written for the question asked on a day (by index).
    pub resolving: Option<(NaiveDate, usize, String)>,
}
