//! The one place that lists the window's views and what each keeps between
//! frames: the day form's drafts, the side tree's, the look-back views', and
//! the one dialog or question open. The app holds this and the session; the
//! views borrow their part while drawn and return actions.

use super::drafts::{DayDrafts, Modal};
use super::look_back::LookBack;
use super::side_tree::TreeDrafts;

#[derive(Default)]
pub struct Views {
    /// The day form: fields being typed, where the keyboard goes next.
    pub day: DayDrafts,
    /// The side tree: open books and months, fields being typed, row order.
    pub tree: TreeDrafts,
    /// Review, a book's page, the week: their own state and caches.
    pub look_back: LookBack,
    /// The one dialog, inline form or question open.
    pub modal: Option<Modal>,
}
