//! Whether the grid's focused cell is only selected or being edited, as in
//! a spreadsheet. A cell reached by the keyboard is selected: arrows move
//! between cells and Ctrl+arrows move its row or column; Enter or F2 (or a
//! letter typed, or a click) starts editing it, and Esc or F2 goes back.
//! Esc on a selected cell leaves the grid.

use egui::{Id, Ui};

use crate::model::GridAt;

use super::action::DayView;

/// The cell of the grid at `at` being edited, if any (only the focused
/// cell can be).
pub(super) fn editing_cell(ui: &Ui, view: &DayView, at: GridAt) -> Option<(usize, usize)> {
    ui.data(|d| d.get_temp(editing_key(view, at)))
}

/// Start (a cell) or stop (`None`) editing in the grid at `at`.
pub(super) fn set_editing(ui: &Ui, view: &DayView, at: GridAt, cell: Option<(usize, usize)>) {
    let key = editing_key(view, at);
    ui.data_mut(|d| match cell {
        Some(cell) => {
            d.insert_temp(key, cell);
        }
        None => d.remove::<(usize, usize)>(key),
    });
}

/// Input that means the user writes in the selected cell: text typed, an
/// input method composing, a paste, or a key that deletes.
pub(super) fn starts_writing(input: &egui::InputState) -> bool {
    use egui::{Event, ImeEvent, Key};
    input.events.iter().any(|event| match event {
        Event::Text(_) | Event::Paste(_) => true,
        // The input method turning on is not writing; composing is.
        Event::Ime(ImeEvent::Preedit { text, .. } | ImeEvent::Commit(text)) => !text.is_empty(),
        Event::Key {
            key: Key::Backspace | Key::Delete,
            pressed: true,
            ..
        } => true,
        _ => false,
    })
}

/// What a screen reader says about a selected cell, after its name.
pub(super) fn selected_hint<'a>(view: &DayView<'a>) -> &'a str {
    view.pick(
        "Enter または F2 で編集、矢印で移動",
        "Enter or F2 to edit, arrows to move",
    )
}

fn editing_key(view: &DayView, at: GridAt) -> Id {
    Id::unique(("grid-editing", view.date, at))
}
