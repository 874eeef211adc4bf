//! The comparison grid editor: options (rows) × criteria (columns), each cell
//! with text and an optional score, weights per criterion, and the weighted
//! total and rank per option.
//!
//! Like every view it only returns actions: each change is an
//! [`Edit::Grid`] carrying a [`GridOp`], so undo and the unsaved marker see
//! it. The keyboard works as in a spreadsheet (`grid_mode`, `grid_keys`):
//! a selected cell moves by arrows, an edited one takes the keys; a block
//! of tab-separated cells pasted into a cell fills the grid from there.
//! While the IME composes, all keys are left to it.

use egui::{Color32, Id, RichText, TextEdit, Ui};

use crate::markdown::grid_to_table;
use crate::model::{Address, Edit, Grid, GridAt, GridOp, GridText, MAX_WEIGHT, ranks, to_tsv};

use super::action::DayView;
use super::grid_cell::cell_ui;
use super::grid_columns::{column_widths, fit_columns, resize_handle_ui};
use super::grid_keys::cell_keys;
use super::grid_parts::{grid_op, part_id};
use super::grid_scores::score_color;
use super::widgets::{Direction, Reorder, icon_button, reorder_buttons_ui, set_name};

/// The gap between the grid's columns.
const GRID_GAP: f32 = 10.0;

pub fn grid_editor_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        toolbar_ui(ui, view, at, grid);
        if !view.cx.ime_owns_keys {
            cell_keys(ui, view, at, grid);
        }
        egui::ScrollArea::horizontal()
            .id_salt(("grid-scroll", view.date, at))
            .show(ui, |ui| {
                table_ui(ui, view, at, grid);
                // Room for the scroll bar, which floats over the content.
                ui.add_space(14.0);
            });
        ui.horizontal(|ui| {
            let add_option = ui.button(view.pick("＋ 選択肢", "+ Option"));
            if add_option.clicked() {
                let end = grid.options.len();
                let op = GridOp::InsertOption {
                    at: end,
                    name: String::new(),
                };
                grid_op(view, at, op);
            }
            let add_criterion = ui.button(view.pick("＋ 観点", "+ Criterion"));
            if add_criterion.clicked() {
                let end = grid.criteria.len();
                let op = GridOp::InsertCriterion {
                    at: end,
                    name: String::new(),
                };
                grid_op(view, at, op);
            }
        });
    });
}

/// The grid's title, then Sort, Transpose, Copy and Delete.
fn toolbar_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    ui.horizontal_wrapped(|ui| {
        let mut title = grid.title.clone();
        let response = ui.add(
            TextEdit::singleline(&mut title)
                .id(part_id(view, at, GridText::Title))
                .hint_text(view.pick("表の題名", "Grid title"))
                .desired_width(260.0),
        );
        set_name(ui, &response, view.pick("表の題名", "Grid title"));
        if response.changed() {
            grid_op(view, at, GridOp::SetTitle(title));
        }
        sort_menu_ui(ui, view, at, grid);
        let transpose = ui.button(view.pick("行と列を入れ替え", "Transpose"));
        if transpose.clicked() {
            grid_op(view, at, GridOp::Transpose);
        }
        copy_buttons_ui(ui, view, grid);
        let delete = ui.button(view.pick("表を削除", "Delete grid"));
        if delete.clicked() {
            let date = view.date;
            view.edit(Edit::RemoveGrid { date, at });
        }
    });
}

/// Sort by total, or by one criterion, best first.
fn sort_menu_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    ui.menu_button(view.pick("並べ替え", "Sort"), |ui| {
        let by_total = view.pick("合計の高い順", "By total, best first");
        if ui.button(by_total).clicked() {
            grid_op(view, at, GridOp::SortByTotal);
            ui.close();
        }
        for (col, criterion) in grid.criteria.iter().enumerate() {
            let best_first = view.pick("の高い順", "(best first)");
            let label = format!("{} {best_first}", criterion.name);
            if ui.button(label).clicked() {
                let descending = true;
                grid_op(view, at, GridOp::SortBy { col, descending });
                ui.close();
            }
        }
    });
}

/// Copy the grid as TSV (for a spreadsheet) or as a Markdown table.
fn copy_buttons_ui(ui: &mut Ui, view: &DayView, grid: &Grid) {
    if ui
        .button(view.pick("TSV でコピー", "Copy as TSV"))
        .clicked()
    {
        ui.ctx().copy_text(to_tsv(grid));
    }
    if ui
        .button(view.pick("Markdown でコピー", "Copy as Markdown"))
        .clicked()
    {
        let language = view.cx.journal.template.language;
        ui.ctx().copy_text(grid_to_table(grid, language));
    }
}

fn table_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    let scored = grid.cells.iter().flatten().any(|c| c.score.is_some());
    let totals = grid.totals();
    let ranks = ranks(grid);
    let widths_id = Id::unique(("grid-widths", view.date, at));
    let mut widths = column_widths(ui, widths_id, grid);
    let before = widths.clone();
    let shown = fit_columns(&widths, table_room(ui, view, grid, scored));
    // Read as a table named by its title: a reader can say where a cell is.
    let title = match grid.title.trim() {
        "" => view.pick("比較表", "Comparison grid").to_owned(),
        title => title.to_owned(),
    };
    let table = egui::UiBuilder::new()
        .accessibility_role(egui::accesskit::Role::Table)
        .accessibility_label(title);
    let laid = ui.scope_builder(table, |ui| {
        egui::Grid::new(("grid-table", view.date, at))
            .striped(true)
            .spacing([GRID_GAP, 6.0])
            .show(ui, |ui| {
                header_row_ui(ui, view, at, grid, scored, (&shown, &mut widths));
                for row in 0..grid.options.len() {
                    option_ui(ui, view, at, grid, row, shown[0]);
                    for col in 0..grid.criteria.len() {
                        cell_ui(ui, view, at, grid, (row, col), shown[col + 1]);
                    }
                    if scored {
                        ui.label(RichText::new(totals[row].to_string()).strong());
                        let rank = ranks[row];
                        let text = RichText::new(format!("{rank}")).strong();
                        ui.label(if rank == 1 {
                            text.color(score_color(ui.visuals(), 5))
                        } else {
                            text
                        });
                    }
                    ui.end_row();
                }
            })
            .response
            .rect
    });
    settle_in_first_frame(ui, ("grid laid out at", view.date, at), laid.inner);
    if widths != before {
        ui.data_mut(|d| d.insert_persisted(widths_id, widths));
    }
}

/// egui sizes a grid's columns by the pass before, so a grid new in the
/// first frame lands a pass late: while it still moves, the first frame is
/// laid out once more before it is painted (see `ui::app::window`), and the
/// first picture stays. Other frames let it move on the next one, as egui does.
fn settle_in_first_frame(ui: &Ui, key: impl std::hash::Hash + std::fmt::Debug, rect: egui::Rect) {
    if ui.ctx().cumulative_frame_nr() != 0 {
        return;
    }
    let key = egui::Id::unique(key);
    let moved = ui.data_mut(|d| {
        let before = d.get_temp::<egui::Rect>(key);
        d.insert_temp(key, rect);
        before != Some(rect)
    });
    if moved {
        ui.ctx()
            .request_discard("first frame: a grid still sizing its columns");
    }
}

/// The width the grid's columns can share: the window's, less the gaps
/// between columns and the Total and Rank columns.
fn table_room(ui: &Ui, view: &DayView, grid: &Grid, scored: bool) -> f32 {
    let gaps = GRID_GAP * (grid.criteria.len() + 1 + 2 * usize::from(scored)) as f32;
    let totals = if scored {
        let font = egui::TextStyle::Body.resolve(ui.style());
        let word = |w: &str| {
            let galley = ui
                .painter()
                .layout_no_wrap(w.to_owned(), font.clone(), Color32::WHITE);
            galley.size().x.max(24.0)
        };
        word(view.pick("合計", "Total")) + word(view.pick("順位", "Rank"))
    } else {
        0.0
    };
    ui.available_width() - gaps - totals - 16.0
}

/// The header row; `widths` are the widths shown and the user's (which a
/// drag of a column's edge changes).
fn header_row_ui(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    grid: &Grid,
    scored: bool,
    (shown, widths): (&[f32], &mut [f32]),
) {
    let date = view.date;
    let handle = move |i: usize| Id::unique(("grid-column-edge", date, at, i));
    ui.vertical(|ui| {
        let mut corner = grid.corner.clone();
        ui.set_min_width(shown[0]);
        let response = ui.add(
            TextEdit::singleline(&mut corner)
                .id(part_id(view, at, GridText::Corner))
                .hint_text(view.pick("比べるもの", "Options"))
                .desired_width(shown[0]),
        );
        set_name(ui, &response, view.pick("表の左上", "Grid corner"));
        if response.changed() {
            grid_op(view, at, GridOp::SetCorner(corner));
        }
        resize_handle_ui(ui, handle(0), &mut widths[0]);
    });
    for (col, criterion) in grid.criteria.iter().enumerate() {
        ui.vertical(|ui| {
            let width = shown[col + 1];
            ui.set_min_width(width);
            ui.set_max_width(width);
            let mut name = criterion.name.clone();
            let label = format!("{} {}", view.pick("観点", "Criterion"), col + 1);
            let response = ui.add(
                TextEdit::singleline(&mut name)
                    .id(part_id(view, at, GridText::Criterion(col)))
                    .hint_text(label.as_str())
                    .desired_width(width),
            );
            set_name(ui, &response, &label);
            if view.reveals(Address::Grid(at, GridText::Criterion(col))) {
                super::action::reveal(&response);
            }
            if response.changed() {
                grid_op(view, at, GridOp::SetCriterion { col, name });
            }
            criterion_tools_ui(ui, view, at, grid, col, &label);
            resize_handle_ui(ui, handle(col + 1), &mut widths[col + 1]);
        });
    }
    if scored {
        ui.label(RichText::new(view.pick("合計", "Total")).strong());
        ui.label(RichText::new(view.pick("順位", "Rank")).strong());
    }
    ui.end_row();
}

/// A criterion's weight, a stepper of its own (− value +), and apart from
/// it, on a row of their own, the column's move and delete buttons (once
/// beside the weight, ◀ ▶ read as its stepper and moved columns instead).
fn criterion_tools_ui(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    grid: &Grid,
    col: usize,
    label: &str,
) {
    let weight = grid.criteria[col].weight;
    let mut set = weight;
    ui.horizontal_wrapped(|ui| {
        ui.label(view.pick("重み", "weight"));
        ui.add_enabled_ui(weight > 1, |ui| {
            let name = format!("{label} {}", view.pick("の重みを下げる", "weight down"));
            if icon_button(ui, "−", &name).clicked() {
                set = weight - 1;
            }
        });
        let response = ui.add(
            egui::DragValue::new(&mut set)
                .range(1..=MAX_WEIGHT)
                .speed(0.05),
        );
        set_name(
            ui,
            &response,
            &format!("{label} {}", view.pick("の重み", "weight")),
        );
        ui.add_enabled_ui(weight < MAX_WEIGHT, |ui| {
            let name = format!("{label} {}", view.pick("の重みを上げる", "weight up"));
            if icon_button(ui, "+", &name).clicked() {
                set = weight + 1;
            }
        });
    });
    if set != weight {
        grid_op(view, at, GridOp::SetWeight { col, weight: set });
    }
    ui.horizontal_wrapped(|ui| {
        ui.weak(view.pick("列", "column"));
        let len = grid.criteria.len();
        let asked = reorder_buttons_ui(ui, view.cx.lang, Direction::Horizontal, col, len, label);
        let op = match asked {
            Some(Reorder::Move { from, to }) => GridOp::MoveCriterion { from, to },
            Some(Reorder::Delete(col)) => GridOp::RemoveCriterion(col),
            None => return,
        };
        grid_op(view, at, op);
    });
}

fn option_ui(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid, row: usize, width: f32) {
    ui.vertical(|ui| {
        ui.set_min_width(width);
        let mut name = grid.options[row].clone();
        let label = format!("{} {}", view.pick("選択肢", "Option"), row + 1);
        let response = ui.add(
            TextEdit::singleline(&mut name)
                .id(part_id(view, at, GridText::Option(row)))
                .hint_text(label.as_str())
                .desired_width(width),
        );
        set_name(ui, &response, &label);
        if view.reveals(Address::Grid(at, GridText::Option(row))) {
            super::action::reveal(&response);
        }
        if response.changed() {
            grid_op(view, at, GridOp::SetOption { row, name });
        }
        ui.horizontal(|ui| {
            let len = grid.options.len();
            let op =
                match reorder_buttons_ui(ui, view.cx.lang, Direction::Vertical, row, len, &label) {
                    Some(Reorder::Move { from, to }) => GridOp::MoveOption { from, to },
                    Some(Reorder::Delete(row)) => GridOp::RemoveOption(row),
                    None => return,
                };
            grid_op(view, at, op);
        });
    });
}
