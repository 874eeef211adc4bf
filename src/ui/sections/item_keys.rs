//! A list item by keyboard: Alt+↑/↓ move it (the keyboard going with it),
//! Ctrl+Backspace on an empty one removes it (the keyboard going to the
//! item before), each one step of Undo, as the item's buttons are.

use egui::{Key, Modifiers, Ui};

use crate::model::{Address, Edit, entry_count};
use crate::ui::action::DayView;
use crate::ui::widgets::carry_caret;

/// Keys on a focused item: Alt+↑/↓ move it (the keyboard going with it),
/// Ctrl+Backspace on an empty one removes it (the keyboard going to the
/// item before). Each is one step of Undo, as the buttons are.
pub fn item_keys(ui: &Ui, view: &mut DayView, (section, entry): (usize, usize), has_text: bool) {
    let len = entry_count(view.day, section);
    let pressed = |modifiers, key| ui.input_mut(|i| i.consume_key(modifiers, key));
    let date = view.date;
    let up = pressed(Modifiers::ALT, Key::ArrowUp) && entry > 0;
    let down = !up && pressed(Modifiers::ALT, Key::ArrowDown) && entry + 1 < len;
    let (edit, focus) = if up || down {
        let to = if up { entry - 1 } else { entry + 1 };
        let from = entry;
        (
            Edit::MoveEntry {
                date,
                section,
                from,
                to,
            },
            Some(to),
        )
    } else if !has_text && pressed(Modifiers::COMMAND, Key::Backspace) {
        (
            Edit::RemoveEntry {
                date,
                section,
                entry,
            },
            entry.checked_sub(1),
        )
    } else {
        return;
    };
    view.edit(edit);
    if let Some(to) = focus {
        let id = view.field_id(Address::Entry { section, entry: to });
        if up || down {
            let from = view.field_id(Address::Entry { section, entry });
            carry_caret(ui, from, id);
        }
        ui.memory_mut(|m| m.request_focus(id));
    }
}
