//! Inserting a comparison grid into a chapter's notes or after the text of a
//! free section (感想, an extra section): blank, or from two axes with two
//! values each (ECS/EKS × EC2/Fargate gives four options). Criteria start
//! from a suggestion the user then edits.

use chrono::NaiveDate;
use egui::{Id, TextEdit, Ui};

use crate::model::{Block, ChapterId, Edit, FreeSection, Grid, TwoAxes, suggested_criteria};

use super::action::{Action, ViewCtx};
use super::drafts::Drafts;
use super::widgets::set_name;

/// Where a new grid goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewGrid {
    /// Into a chapter's notes, as block `at`.
    Notes { chapter: ChapterId, at: usize },
    /// After the text (and grids) of a free section.
    Free(FreeSection),
}

/// The "+ Insert grid" menu for `place`, named after `label` (the chapter
/// or section it is in).
pub fn grid_insert_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    place: NewGrid,
    label: &str,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let insert = |grid: Grid| {
        Action::Edit(match place {
            NewGrid::Notes { chapter, at } => Edit::InsertBlock {
                date,
                chapter,
                at,
                block: Block::Grid(grid),
            },
            NewGrid::Free(section) => Edit::AddFreeGrid {
                date,
                section,
                grid,
            },
        })
    };
    let criteria = || suggested_criteria(cx.journal.template.language);
    if let Some((d, p, axes)) = &mut drafts.two_axes
        && *d == date
        && *p == place
    {
        match two_axes_form_ui(ui, cx, axes) {
            Some(true) => {
                actions.push(insert(axes.grid(criteria())));
                drafts.two_axes = None;
            }
            Some(false) => drafts.two_axes = None,
            None => {}
        }
        return;
    }
    let menu = ui.menu_button(cx.pick("＋ 比較表を挿入", "+ Insert grid"), |ui| {
        if ui.button(cx.pick("空の表", "Blank grid")).clicked() {
            actions.push(insert(Grid::new(vec![String::new(); 2], criteria())));
            ui.close();
        }
        if ui
            .button(cx.pick("2 つの軸から作る…", "From two axes…"))
            .clicked()
        {
            drafts.two_axes = Some((date, place, TwoAxes::default()));
            ui.close();
        }
    });
    set_name(
        ui,
        &menu.response,
        &format!("{label}: {}", cx.pick("比較表を挿入", "insert grid")),
    );
}

/// The form; returns Some(true) on Create, Some(false) on Cancel.
fn two_axes_form_ui(ui: &mut Ui, cx: &ViewCtx, axes: &mut TwoAxes) -> Option<bool> {
    let mut answer = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(cx.pick(
            "2 つの軸と、それぞれの 2 つの値を入れると 4 つの選択肢ができます。",
            "Name two axes with two values each; their four combinations become the options.",
        ));
        egui::Grid::new("two-axes")
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let axis_ui =
                    |ui: &mut Ui, n: usize, name: &mut String, values: &mut [String; 2]| {
                        let (hint_name, hint_a, hint_b) = match n {
                            1 => (
                                cx.pick(
                                    "軸 1（例: コントロールプレーン）",
                                    "Axis 1 (e.g. control plane)",
                                ),
                                "ECS",
                                "EKS",
                            ),
                            _ => (
                                cx.pick("軸 2（例: データプレーン）", "Axis 2 (e.g. data plane)"),
                                "EC2",
                                "Fargate",
                            ),
                        };
                        field_ui(
                            ui,
                            name,
                            &format!("{} {n}", cx.pick("軸", "Axis")),
                            hint_name,
                            240.0,
                        );
                        let [a, b] = values;
                        field_ui(
                            ui,
                            a,
                            &format!(
                                "{} {n} {}",
                                cx.pick("軸", "Axis"),
                                cx.pick("の値 1", "value 1")
                            ),
                            hint_a,
                            120.0,
                        );
                        field_ui(
                            ui,
                            b,
                            &format!(
                                "{} {n} {}",
                                cx.pick("軸", "Axis"),
                                cx.pick("の値 2", "value 2")
                            ),
                            hint_b,
                            120.0,
                        );
                        ui.end_row();
                    };
                axis_ui(ui, 1, &mut axes.first, &mut axes.first_values);
                axis_ui(ui, 2, &mut axes.second, &mut axes.second_values);
            });
        let ready = axes
            .first_values
            .iter()
            .chain(&axes.second_values)
            .all(|v| !v.trim().is_empty());
        ui.horizontal(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new(cx.pick("作成", "Create")))
                .clicked()
            {
                answer = Some(true);
            }
            if ui.button(cx.pick("やめる", "Cancel")).clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}

fn field_ui(ui: &mut Ui, text: &mut String, name: &str, hint: &str, width: f32) {
    let response = ui.add(
        TextEdit::singleline(text)
            .id(Id::unique(("two-axes", name)))
            .hint_text(hint)
            .desired_width(width),
    );
    set_name(ui, &response, name);
}
