//! Inserting a comparison grid into a chapter's notes or after the text of a
//! free section (感想, a section kept as written): blank, or from two axes
//! with two values each (ECS/EKS × EC2/Fargate gives four options). Criteria
//! start from a suggestion the user then edits.

use egui::{Id, TextEdit, Ui};

use crate::model::{Edit, Grid, GridAt, TwoAxes, criteria_for_new_grid};

use super::action::DayView;
use super::drafts::Modal;
use super::widgets::set_name;

/// The "+ Insert grid" menu for a new grid at `at`, named after `label` (the
/// chapter or section it is in); or the two-axes form, while it is open there.
pub fn grid_insert_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, label: &str) {
    let date = view.date;
    // Worked out only when a grid is made: it may look through every day.
    let journal = view.cx.journal;
    let criteria = move || criteria_for_new_grid(journal);
    if let Some(Modal::TwoAxes {
        date: d,
        at: a,
        axes,
    }) = view.modal.as_mut()
        && *d == date
        && *a == at
    {
        let answer = two_axes_form_ui(ui, view.cx.lang, axes);
        if answer == Some(true) {
            let grid = axes.grid(criteria());
            view.edit(Edit::InsertGrid { date, at, grid });
        }
        if answer.is_some() {
            *view.modal = None;
            ui.data_mut(|d| d.remove_temp::<bool>(form_shown_key()));
        }
        return;
    }
    let menu = ui.menu_button(view.pick("＋ 比較表を挿入", "+ Insert grid"), |ui| {
        if ui.button(view.pick("空の表", "Blank grid")).clicked() {
            let grid = Grid::new(vec![String::new(); 2], criteria());
            view.edit(Edit::InsertGrid { date, at, grid });
            ui.close();
        }
        if ui
            .button(view.pick("2 つの軸から作る…", "From two axes…"))
            .clicked()
        {
            let axes = TwoAxes::default();
            *view.modal = Some(Modal::TwoAxes { date, at, axes });
            ui.close();
        }
    });
    let name = format!("{label}: {}", view.pick("比較表を挿入", "insert grid"));
    set_name(ui, &menu.response, &name);
}

/// The form; returns Some(true) on Create, Some(false) on Cancel.
fn two_axes_form_ui(
    ui: &mut Ui,
    lang: super::i18n::UiLanguage,
    axes: &mut TwoAxes,
) -> Option<bool> {
    let mut answer = None;
    let form = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(lang.pick(
            "2 つの軸と、それぞれの 2 つの値を入れると 4 つの選択肢ができます。",
            "Name two axes with two values each; their four combinations become the options.",
        ));
        let first = axis_row_ui(ui, lang, 1, &mut axes.first, &mut axes.first_values);
        let second = axis_row_ui(ui, lang, 2, &mut axes.second, &mut axes.second_values);
        let ready = axes
            .first_values
            .iter()
            .chain(&axes.second_values)
            .all(|v| !v.trim().is_empty());
        ui.horizontal(|ui| {
            let create = egui::Button::new(lang.pick("作成", "Create"));
            // Enter in any field creates the grid once every value is there.
            if ui.add_enabled(ready, create).clicked() || (ready && (first || second)) {
                answer = Some(true);
            }
            if ui.button(lang.pick("やめる", "Cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    if ui
        .data_mut(|d| d.get_temp::<bool>(form_shown_key()))
        .is_none()
    {
        // Just opened: in view, the keyboard in its first field.
        form.response.scroll_to_me(None);
        let first = format!("{} 1", lang.pick("軸", "Axis"));
        ui.memory_mut(|m| m.request_focus(Id::unique(("two-axes", first.as_str()))));
        ui.data_mut(|d| d.insert_temp(form_shown_key(), true));
    }
    answer
}

/// Marks the two-axes form as shown (scrolled to and focused) until it closes.
fn form_shown_key() -> Id {
    Id::unique("two-axes-form-shown")
}

/// One axis: its name and its two values.
fn axis_row_ui(
    ui: &mut Ui,
    lang: super::i18n::UiLanguage,
    n: usize,
    name: &mut String,
    values: &mut [String; 2],
) -> bool {
    let (hint_name, hint_a, hint_b) = match n {
        1 => (
            lang.pick(
                "軸 1（例: コントロールプレーン）",
                "Axis 1 (e.g. control plane)",
            ),
            "ECS",
            "EKS",
        ),
        _ => (
            lang.pick("軸 2（例: データプレーン）", "Axis 2 (e.g. data plane)"),
            "EC2",
            "Fargate",
        ),
    };
    let axis = format!("{} {n}", lang.pick("軸", "Axis"));
    let [a, b] = values;
    let value = |k: &str| {
        format!(
            "{axis} {}",
            lang.pick(&format!("の値 {k}"), &format!("value {k}"))
        )
    };
    // Labels beside the fields and widths that fit what is typed: the form
    // wraps on a narrow page instead of squeezing its fields.
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{axis}{}", lang.pick("：", ":")));
        let mut entered = field_ui(ui, name, &axis, hint_name, 260.0);
        ui.label(lang.pick("値：", "values:"));
        entered |= field_ui(ui, a, &value("1"), hint_a, 150.0);
        entered |= field_ui(ui, b, &value("2"), hint_b, 150.0);
        entered
    })
    .inner
}

/// One field of the form; whether Enter was pressed in it.
fn field_ui(ui: &mut Ui, text: &mut String, name: &str, hint: &str, width: f32) -> bool {
    let id = Id::unique(("two-axes", name));
    let response = ui.add(
        TextEdit::singleline(text)
            .id(id)
            .hint_text(hint)
            .desired_width(width),
    );
    set_name(ui, &response, name);
    response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
}
