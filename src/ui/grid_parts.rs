//! How the grid editor's pieces send their edits and name their widgets,
//! shared by the table, the score buttons and the keyboard.

use egui::Id;

use crate::model::{Address, Edit, GridAt, GridOp, GridText};

use super::action::DayView;

/// The edit that applies `op` to the grid at `at` on the day shown.
pub(super) fn grid_op(view: &mut DayView, at: GridAt, op: GridOp) {
    let date = view.date;
    view.edit(Edit::Grid { date, at, op });
}

/// The widget id of a grid's text `part`.
pub(super) fn part_id(view: &DayView, at: GridAt, part: GridText) -> Id {
    view.field_id(Address::Grid(at, part))
}
