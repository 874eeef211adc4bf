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

/// What a single-line field did this frame.
pub struct LineEdited {
    /// The new text, if the user changed it.
    pub text: Option<String>,
    /// Enter was pressed in it (egui then takes the keyboard away from it).
    pub entered: bool,
}

/// A single-line text field named `name`, leaving `reserve` points of the
/// row for the widgets after it. `reveal` scrolls to it and focuses it.
pub fn line_edit(
    ui: &mut Ui,
    id: egui::Id,
    text: &str,
    (name, hint): (&str, &str),
    reserve: f32,
    reveal: bool,
) -> LineEdited {
    let mut buffer = text.to_owned();
    let width = (ui.available_width() - reserve).max(80.0);
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
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    LineEdited {
        text: response.changed().then_some(buffer),
        entered,
    }
}

/// The width a row of small buttons with these captions takes, spacing
/// included: what a text field before them leaves free.
pub fn small_buttons_width(ui: &Ui, captions: &[&str]) -> f32 {
    let font = egui::TextStyle::Button.resolve(ui.style());
    let spacing = ui.spacing();
    let padding = 2.0 * spacing.button_padding.x + spacing.item_spacing.x;
    captions
        .iter()
        .map(|caption| {
            let galley = ui.painter().layout_no_wrap(
                caption.to_string(),
                font.clone(),
                egui::Color32::WHITE,
            );
            galley.size().x + padding
        })
        .sum::<f32>()
        + spacing.item_spacing.x
}

/// Which way a list runs on screen, for the arrows of [`reorder_buttons_ui`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Items one above the other: ⬆ ⬇.
    Vertical,
    /// Items side by side: ◀ ▶.
    Horizontal,
}

/// What the buttons of [`reorder_buttons_ui`] asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reorder {
    Move { from: usize, to: usize },
    Delete(usize),
}

/// Move-earlier, move-later and delete buttons for item `index` of `len`,
/// named after the item (`name up`, `name left`, `name delete`).
pub fn reorder_buttons_ui(
    ui: &mut Ui,
    lang: super::i18n::UiLanguage,
    direction: Direction,
    index: usize,
    len: usize,
    name: &str,
) -> Option<Reorder> {
    let ((earlier, earlier_ja, earlier_en), (later, later_ja, later_en)) = match direction {
        Direction::Vertical => (("⬆", "を上へ", "up"), ("⬇", "を下へ", "down")),
        Direction::Horizontal => (("◀", "を左へ", "left"), ("▶", "を右へ", "right")),
    };
    let mut asked = None;
    ui.add_enabled_ui(index > 0, |ui| {
        let label = format!("{name} {}", lang.pick(earlier_ja, earlier_en));
        if icon_button(ui, earlier, &label).clicked() {
            asked = Some(Reorder::Move {
                from: index,
                to: index - 1,
            });
        }
    });
    ui.add_enabled_ui(index + 1 < len, |ui| {
        let label = format!("{name} {}", lang.pick(later_ja, later_en));
        if icon_button(ui, later, &label).clicked() {
            asked = Some(Reorder::Move {
                from: index,
                to: index + 1,
            });
        }
    });
    let delete = format!("{name} {}", lang.pick("を削除", "delete"));
    if icon_button(ui, "×", &delete).clicked() {
        asked = Some(Reorder::Delete(index));
    }
    asked
}

/// A text field for the name of something to create, and how it is labelled.
pub struct DraftField<'a> {
    pub hint: &'a str,
    /// The field's accessible name.
    pub name: &'a str,
    pub width: f32,
    /// Give the field the keyboard (and scroll to it) this frame: the
    /// last thing made asks for the next one here.
    pub take_focus: bool,
}

/// A field the user types a new name into, submitted with Enter or with an
/// optional button `(text, accessible name)`, enabled once the text is not
/// blank. Returns the name (taken out of `draft`) when submitted; the app
/// then says where the keyboard goes (`DraftField::take_focus`).
pub fn draft_field_ui(
    ui: &mut Ui,
    draft: &mut String,
    field: DraftField,
    button: Option<(&str, &str)>,
) -> Option<String> {
    // The field gives way for its button in a narrow window.
    let button_width = button.map_or(0.0, |(text, _)| small_buttons_width(ui, &[text]));
    let width = field
        .width
        .min(ui.available_width() - button_width)
        .max(80.0);
    let response = ui.add(
        egui::TextEdit::singleline(draft)
            .hint_text(field.hint)
            .desired_width(width),
    );
    set_name(ui, &response, field.name);
    if field.take_focus {
        response.request_focus();
        // Only when out of view: a list that already scrolled it there
        // must not be sent elsewhere by a second scroll.
        if !ui.clip_rect().contains_rect(response.rect) {
            response.scroll_to_me(None);
        }
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let ready = !draft.trim().is_empty();
    let clicked = button.is_some_and(|(text, name)| {
        let add = ui.add_enabled(ready, egui::Button::new(text));
        set_name(ui, &add, name);
        add.clicked()
    });
    ((entered || clicked) && ready).then(|| std::mem::take(draft))
}

/// `widget` takes the keyboard the first time it is drawn after the dialog
/// `dialog` opened (its safe choice, or the field to type in); see
/// [`dialog_closed`].
pub fn focus_on_open(widget: &Response, dialog: egui::Id) {
    let focused = dialog.with("focused on open");
    if widget.ctx.data(|d| d.get_temp::<bool>(focused).is_none()) {
        widget.request_focus();
        widget.ctx.data_mut(|d| d.insert_temp(focused, true));
    }
}

/// The dialog `dialog` closed: the next time it opens, [`focus_on_open`]
/// gives the keyboard again.
pub fn dialog_closed(ctx: &egui::Context, dialog: egui::Id) {
    ctx.data_mut(|d| d.remove::<bool>(dialog.with("focused on open")));
}

/// A bar at the left edge of a selected row (the day or chapter shown), in
/// the focus colour: the selected state must not rest on the row's fill
/// alone, which is under 3:1 against the panel in the light theme.
pub fn mark_selected(ui: &Ui, row: &Response, selected: bool) {
    if selected {
        let rect = row.rect;
        let bar =
            egui::Rect::from_min_max(rect.left_top(), rect.left_bottom() + egui::vec2(3.0, 0.0));
        ui.painter()
            .rect_filled(bar, 1.0, ui.visuals().selection.stroke.color);
    }
}

/// A text field's caret is kept by the field's id, which is its place:
/// when its text moves to another place (a list item, a grid row moved by
/// the keyboard), its caret goes with it.
pub fn carry_caret(ui: &Ui, from: egui::Id, to: egui::Id) {
    if let Some(state) = egui::text_edit::TextEditState::load(ui.ctx(), from) {
        state.store(ui.ctx(), to);
    }
}
