//! The multi-line Markdown notes editor, with list-aware Enter and Tab.
//!
//! An egui `TextEdit` drawn by [`super::note_layout`] (Markdown shown as what
//! it means, list rows hanging, boxes that toggle), whose Enter, Tab and
//! Shift+Tab are taken first by [`super::list_editing`] when they mean
//! something for a Markdown list. While the IME composes, keys are left
//! alone: Enter then confirms a conversion.

use egui::text::{CCursor, CCursorRange, CharIndex};
use egui::text_edit::TextEditState;
use egui::{Id, Key, Modifiers, TextEdit, Ui};

use super::list_editing::{self, Edited};
use super::note_layout::{layout_note, list_marks_ui};
use super::table_editing;
use crate::markdown::links::{LinkTarget, link_at};

/// What the user did in a notes editor.
#[derive(Default)]
pub struct NotesEdited {
    /// The new text, when the user changed it.
    pub text: Option<String>,
    /// The link Ctrl+clicked (Cmd+click on a Mac).
    pub link: Option<LinkTarget>,
}

/// Show the editor for `text`, labelled by the widget `label`.
pub fn notes_editor_ui(
    ui: &mut Ui,
    id: Id,
    label: Id,
    text: &str,
    hint: &str,
    ime_owns_keys: bool,
    reveal: Option<usize>,
) -> NotesEdited {
    let mut buffer = text.to_owned();
    let mut changed = false;
    if let Some(line) = reveal {
        put_caret_on_line(ui, id, text, line);
    }
    if !ime_owns_keys && ui.memory(|m| m.has_focus(id)) {
        changed = handle_list_keys(ui, id, &mut buffer);
    }
    let mut shown = None;
    let mut layouter = |ui: &Ui, text: &dyn egui::TextBuffer, wrap_width: f32| {
        let note = layout_note(ui, id, text.as_str(), wrap_width);
        let galley = note.galley.clone();
        shown = Some(note);
        galley
    };
    let output = TextEdit::multiline(&mut buffer)
        .id(id)
        .lock_focus(true)
        .desired_rows(3)
        .desired_width(f32::INFINITY)
        .hint_text(hint)
        .layouter(&mut layouter)
        .show(ui);
    let response = output.response.response.clone().labelled_by(label);
    if reveal.is_some() {
        // The caret's line in the middle of the view, not the editor's
        // middle: in a long note the hit may be far from it.
        let caret = output.cursor_range.map(|range| range.primary);
        let line = caret.map_or(response.rect, |at| {
            output
                .galley
                .pos_from_cursor(at)
                .translate(output.galley_pos.to_vec2())
        });
        ui.scroll_to_rect(line, Some(egui::Align::Center));
        response.request_focus();
    }
    let toggled = shown.and_then(|note| list_marks_ui(ui, id, &buffer, &note, output.galley_pos));
    if let Some(toggled) = toggled {
        buffer = toggled;
        changed = true;
    }
    let link = clicked_link(ui, &response, output.cursor_range, &buffer);
    NotesEdited {
        text: (changed || response.changed()).then_some(buffer),
        link,
    }
}

/// Tab or Shift+Tab with the caret in a table row: the caret to the next
/// or previous cell, the text unchanged.
fn table_tab(
    input: &mut egui::InputState,
    text: &str,
    selection: (usize, usize),
) -> Option<Edited> {
    if selection.0 != selection.1 {
        return None;
    }
    let back = input.modifiers.shift;
    let pressed = input.key_pressed(Key::Tab)
        && (input.modifiers.is_none() || input.modifiers.matches_exact(Modifiers::SHIFT));
    let to = pressed
        .then(|| table_editing::cell_step(text, selection.1, back))
        .flatten()?;
    let modifiers = if back {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    input.consume_key(modifiers, Key::Tab);
    Some(Edited {
        text: text.to_owned(),
        cursor: (to, to),
    })
}

/// The link under the caret a Ctrl+click just put there.
fn clicked_link(
    ui: &Ui,
    response: &egui::Response,
    cursor: Option<egui::text::CCursorRange>,
    text: &str,
) -> Option<LinkTarget> {
    if !response.clicked() || !ui.input(|i| i.modifiers.command) {
        return None;
    }
    let at = cursor?.primary.index.0;
    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    link_at(text, byte)
}

/// Put the caret at the start of line `line` (from 0) of `text`.
fn put_caret_on_line(ui: &Ui, id: Id, text: &str, line: usize) {
    let start = text
        .split('\n')
        .take(line)
        .map(|l| l.chars().count() + 1)
        .sum();
    let mut state = TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let caret = CCursor::new(CharIndex(start));
    state.cursor.set_char_range(Some(CCursorRange::one(caret)));
    state.store(ui.ctx(), id);
}

/// Apply Enter/Tab/Shift+Tab to `buffer` if they were pressed and mean a list
/// edit; the keys are then consumed so the TextEdit does not see them too.
fn handle_list_keys(ui: &mut Ui, id: Id, buffer: &mut String) -> bool {
    let Some(mut state) = TextEditState::load(ui.ctx(), id) else {
        return false;
    };
    let Some(range) = state.cursor.char_range() else {
        return false;
    };
    let selection = (range.secondary.index.0, range.primary.index.0);
    let edited = ui.input_mut(|input| {
        let plain = input.modifiers.is_none();
        if plain && input.key_pressed(Key::Enter) && selection.0 == selection.1 {
            let edited = list_editing::enter(buffer, selection.1)?;
            input.consume_key(Modifiers::NONE, Key::Enter);
            Some(edited)
        } else if let Some(edited) = table_tab(input, buffer, selection) {
            Some(edited)
        } else if input.consume_key(Modifiers::SHIFT, Key::Tab) {
            Some(list_editing::indent(buffer, selection, true))
        } else if input.consume_key(Modifiers::NONE, Key::Tab) {
            Some(list_editing::indent(buffer, selection, false))
        } else {
            None
        }
    });
    let Some(Edited { text, cursor }) = edited else {
        return false;
    };
    *buffer = text;
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(CharIndex(cursor.0)),
        CCursor::new(CharIndex(cursor.1)),
    )));
    state.store(ui.ctx(), id);
    true
}
