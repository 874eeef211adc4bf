//! No keyboard trap: where Tab has a job inside a field (indenting a list
//! in a notes editor, moving between the cells of a table), Ctrl+Tab and
//! Ctrl+Shift+Tab still take the keyboard to the next or previous control.
//! Taken before any view is drawn, so no field sees the key.

use egui::{FocusDirection, Key, Modifiers, Ui};

/// Ctrl+Tab / Ctrl+Shift+Tab: on to the next / previous control.
pub fn leave_field_keys(ui: &Ui) {
    let backward = ui.input_mut(|i| i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Tab));
    let forward = !backward && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Tab));
    if backward || forward {
        let direction = if backward {
            FocusDirection::Previous
        } else {
            FocusDirection::Next
        };
        ui.memory_mut(|m| m.move_focus(direction));
    }
}
