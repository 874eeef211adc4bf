//! One cell of the comparison grid: its text and its score, named for a
//! screen reader by option and criterion. A selected cell (see
//! `grid_mode`) shows no caret and a strong frame; a click edits it.

use egui::{Key, KeyboardShortcut, Modifiers, TextEdit, Ui};

use crate::model::{Address, Grid, GridAt, GridOp, GridText};

use super::action::DayView;
use super::grid_mode::{editing_cell, selected_hint, set_editing};
use super::grid_parts::{grid_op, part_id};
use super::grid_scores::score_picker_ui;
use super::widgets::set_name;

/// Room for the score button beside a cell's text.
const SCORE_WIDTH: f32 = 44.0;

/// The accessible name of a cell: "option × criterion", or positions when unnamed.
fn cell_name(view: &DayView, grid: &Grid, row: usize, col: usize) -> String {
    let option = match grid.options[row].trim() {
        "" => format!("{} {}", view.pick("選択肢", "Option"), row + 1),
        name => name.to_owned(),
    };
    let criterion = match grid.criteria[col].name.trim() {
        "" => format!("{} {}", view.pick("観点", "Criterion"), col + 1),
        name => name.to_owned(),
    };
    format!("{option} × {criterion}")
}

/// A cell: its text, and its score in a small button beside it. A
/// selected cell (see `grid_mode`) shows no caret and a strong frame.
pub(super) fn cell_ui(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    grid: &Grid,
    (row, col): (usize, usize),
    width: f32,
) {
    let cell = &grid.cells[row][col];
    let name = cell_name(view, grid, row, col);
    let id = part_id(view, at, GridText::Cell(row, col));
    let editing = editing_cell(ui, view, at) == Some((row, col));
    let selected = !editing && ui.memory(|m| m.has_focus(id));
    ui.horizontal_top(|ui| {
        ui.set_min_width(width);
        let mut text = cell.text.clone();
        if selected {
            ui.visuals_mut().text_cursor.stroke = egui::Stroke::NONE;
        }
        // The grid moves the keyboard itself (`grid_keys`); Esc leaves
        // the grid from a selected cell only.
        let keys = egui::EventFilter {
            tab: true,
            horizontal_arrows: true,
            vertical_arrows: true,
            escape: editing,
        };
        let response = ui.add(
            TextEdit::multiline(&mut text)
                .id(id)
                .event_filter(keys)
                .desired_rows(1)
                .desired_width(width - SCORE_WIDTH)
                .return_key(Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter))),
        );
        describe(ui, view, &response, (row, col), (&name, selected));
        if response.clicked() {
            set_editing(ui, view, at, Some((row, col)));
        }
        if selected {
            let stroke = egui::Stroke::new(2.5, ui.visuals().selection.stroke.color);
            let frame = response.rect.expand(2.0);
            ui.painter()
                .rect_stroke(frame, 3.0, stroke, egui::StrokeKind::Outside);
        }
        if view.reveals(Address::Grid(at, GridText::Cell(row, col))) {
            super::action::reveal(&response);
        }
        if response.changed() {
            grid_op(view, at, GridOp::SetCellText { row, col, text });
        }
        score_picker_ui(ui, view, at, cell.score, (row, col), &name);
    });
}

/// What a screen reader is told of a cell: its name, its place in the
/// table, and how to edit it while it is selected.
fn describe(
    ui: &Ui,
    view: &DayView,
    response: &egui::Response,
    (row, col): (usize, usize),
    (name, selected): (&str, bool),
) {
    set_name(ui, response, name);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_row_index(row);
        node.set_column_index(col);
        if selected {
            node.set_description(selected_hint(view));
        }
    });
}
