//! The grid by keyboard: Tab/Shift+Tab and Enter between cells (Tab from a
//! cell's text to its score first), arrows at the edge of a cell's text,
//! Alt+↑/↓ to move a cell's row, and a block of cells pasted from a
//! spreadsheet.

use egui::text_edit::TextEditState;
use egui::{Id, Key, Modifiers, Ui};

use crate::model::{Grid, GridAt, GridOp, GridText};

use super::action::DayView;
use super::grid_parts::{grid_op, part_id};
use super::grid_scores::score_key;

/// Keys that move between cells, and a pasted block of cells, for the cell
/// that has focus (if any). The keys are consumed so the cell does not also
/// act on them.
pub(super) fn cell_keys(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    let (rows, cols) = (grid.options.len(), grid.criteria.len());
    let Some(focused) = ui.memory(|m| m.focused()) else {
        return;
    };
    let Some((row, col)) = (0..rows)
        .flat_map(|r| (0..cols).map(move |c| (r, c)))
        .find(|&(r, c)| part_id(view, at, GridText::Cell(r, c)) == focused)
    else {
        return;
    };
    if let Some(tsv) = take_block_paste(ui) {
        grid_op(view, at, GridOp::Paste { row, col, tsv });
        return;
    }
    let score: Option<Id> = ui.data(|d| d.get_temp(score_key(view, at, (row, col))));
    if let Some(score) = score
        && ui.input_mut(|i| i.modifiers.is_none() && i.consume_key(Modifiers::NONE, Key::Tab))
    {
        // Tab goes on to the cell's score, then (egui's order) the next cell.
        ui.memory_mut(|m| m.request_focus(score));
        return;
    }
    if let Some(to) = row_move(ui, row, rows) {
        grid_op(view, at, GridOp::MoveOption { from: row, to });
        ui.memory_mut(|m| m.request_focus(part_id(view, at, GridText::Cell(to, col))));
        return;
    }
    let text = &grid.cells[row][col].text;
    let caret = TextEditState::load(ui.ctx(), focused)
        .and_then(|s| s.cursor.char_range())
        .map(|r| r.primary.index.0);
    let next = ui.input_mut(|i| movement(i, caret, text, (row, col), (rows, cols)));
    if let Some((r, c)) = next {
        ui.memory_mut(|m| m.request_focus(part_id(view, at, GridText::Cell(r, c))));
    }
}

/// Alt+↑/↓ in a cell: its option row one place up or down (as Alt+↑/↓
/// moves a list item); where to.
fn row_move(ui: &Ui, row: usize, rows: usize) -> Option<usize> {
    let pressed = |key| ui.input_mut(|i| i.consume_key(Modifiers::ALT, key));
    if row > 0 && pressed(Key::ArrowUp) {
        return Some(row - 1);
    }
    (row + 1 < rows && pressed(Key::ArrowDown)).then_some(row + 1)
}

/// A paste holding a tab or a line break is a block of cells, not text.
fn take_block_paste(ui: &mut Ui) -> Option<String> {
    ui.input_mut(|i| {
        let index = i.events.iter().position(|event| {
            matches!(event, egui::Event::Paste(text) if text.trim_end().contains(['\t', '\n']))
        })?;
        match i.events.remove(index) {
            egui::Event::Paste(text) => Some(text),
            _ => None,
        }
    })
}

/// Where a key sends the focus from cell `at`, if anywhere.
fn movement(
    input: &mut egui::InputState,
    caret: Option<usize>,
    text: &str,
    at: (usize, usize),
    size: (usize, usize),
) -> Option<(usize, usize)> {
    let (row, col) = at;
    let (rows, cols) = size;
    let index = row * cols + col;
    let from_index = |i: usize| (i / cols, i % cols);
    let chars = text.chars().count();
    let at_start = caret.is_none_or(|c| c == 0);
    let at_end = caret.is_none_or(|c| c >= chars);
    let one_line = !text.contains('\n');
    if input.consume_key(Modifiers::SHIFT, Key::Tab) {
        return index.checked_sub(1).map(from_index);
    }
    if input.consume_key(Modifiers::NONE, Key::Tab) {
        return (index + 1 < rows * cols).then(|| from_index(index + 1));
    }
    if input.modifiers.is_none() && input.key_pressed(Key::Enter) {
        input.consume_key(Modifiers::NONE, Key::Enter);
        return (row + 1 < rows).then_some((row + 1, col));
    }
    let plain = input.modifiers.is_none();
    if plain && at_start && col > 0 && input.consume_key(Modifiers::NONE, Key::ArrowLeft) {
        return Some((row, col - 1));
    }
    if plain && at_end && col + 1 < cols && input.consume_key(Modifiers::NONE, Key::ArrowRight) {
        return Some((row, col + 1));
    }
    if plain && one_line && row > 0 && input.consume_key(Modifiers::NONE, Key::ArrowUp) {
        return Some((row - 1, col));
    }
    if plain && one_line && row + 1 < rows && input.consume_key(Modifiers::NONE, Key::ArrowDown) {
        return Some((row + 1, col));
    }
    None
}
