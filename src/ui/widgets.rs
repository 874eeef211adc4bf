//! Small helpers shared by the views: accessible names and icon buttons.
//!
//! Every input gets a name a screen reader (and egui_kittest) can find; icon
//! buttons are named by what they do, not by their glyph.

use egui::{Response, Ui};

/// Give the widget behind `response` the accessible name `name`.
pub fn set_name(ui: &Ui, response: &Response, name: &str) {
    let name = name.to_owned();
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A small frameless button showing `icon`, named and explained by `name`.
pub fn icon_button(ui: &mut Ui, icon: &str, name: &str) -> Response {
    let response = ui
        .add(egui::Button::new(icon).small().frame(false))
        .on_hover_text(name);
    set_name(ui, &response, name);
    response
}

/// A single-line text field named `name`; returns the new text if changed.
/// `reveal` scrolls to it and focuses it.
pub fn line_edit(
    ui: &mut Ui,
    id: egui::Id,
    text: &str,
    name: &str,
    hint: &str,
    reveal: bool,
) -> Option<String> {
    let mut buffer = text.to_owned();
    let width = (ui.available_width() - 80.0).max(120.0);
    let response = ui.add(
        egui::TextEdit::singleline(&mut buffer)
            .id(id)
            .hint_text(hint)
            .desired_width(width),
    );
    set_name(ui, &response, name);
    if reveal {
        super::action::reveal(&response);
    }
    response.changed().then_some(buffer)
}
