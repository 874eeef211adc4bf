//! The grid by keyboard. A selected cell (reached by the keyboard): arrows,
//! Home/End and Tab move between cells, Ctrl+arrows move its row or column,
//! Enter or F2 edits it. An edited cell: Tab/Shift+Tab and Enter move on
//! (selecting the next cell), arrows at the edge of its text move to the
//! next cell still editing, Esc or F2 stop editing. In both, Alt+↑/↓ moves
//! a cell's row, and a block of cells pasted from a spreadsheet fills the
//! grid from there.

use egui::text_edit::TextEditState;
use egui::{Id, Key, Modifiers, Ui};

use crate::model::{Grid, GridAt, GridOp, GridText};

use super::action::DayView;
use super::grid_mode::{editing_cell, set_editing, starts_writing};
use super::grid_parts::{grid_op, part_id};
use super::grid_scores::score_key;
use super::widgets::carry_caret;

/// Keys that move between cells, and a pasted block of cells, for the cell
/// that has focus (if any). The keys are consumed so the cell does not also
/// act on them.
pub(super) fn cell_keys(ui: &mut Ui, view: &mut DayView, at: GridAt, grid: &Grid) {
    let (rows, cols) = (grid.options.len(), grid.criteria.len());
    let focused = ui.memory(|m| m.focused());
    let cell = focused.and_then(|focused| {
        (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (r, c)))
            .find(|&(r, c)| part_id(view, at, GridText::Cell(r, c)) == focused)
    });
    let (Some(focused), Some((row, col))) = (focused, cell) else {
        // Coming back to the grid by keyboard selects, never edits.
        if editing_cell(ui, view, at).is_some() {
            set_editing(ui, view, at, None);
        }
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
    let editing = editing_cell(ui, view, at) == Some((row, col));
    if let Some(to) = row_move(ui, row, rows) {
        grid_op(view, at, GridOp::MoveOption { from: row, to });
        focus_cell(ui, view, at, (to, col));
        // An edited cell goes on being edited in its new row, the caret where it was.
        carry_caret(ui, focused, part_id(view, at, GridText::Cell(to, col)));
        set_editing(ui, view, at, editing.then_some((to, col)));
        return;
    }
    if editing || ui.input(starts_writing) {
        set_editing(ui, view, at, Some((row, col)));
        editing_keys(ui, view, at, grid, (row, col), focused);
    } else {
        selected_keys(ui, view, at, (row, col), (rows, cols));
    }
}

/// Keys on the cell being edited: Esc or F2 stop editing; Tab, Enter and
/// arrows at the text's edge move on.
fn editing_keys(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    grid: &Grid,
    (row, col): (usize, usize),
    focused: Id,
) {
    let (rows, cols) = (grid.options.len(), grid.criteria.len());
    let stop = ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Escape) || i.consume_key(Modifiers::NONE, Key::F2)
    });
    if stop {
        set_editing(ui, view, at, None);
        return;
    }
    let text = &grid.cells[row][col].text;
    let caret = TextEditState::load(ui.ctx(), focused)
        .and_then(|s| s.cursor.char_range())
        .map(|r| r.primary.index.0);
    let next = ui.input_mut(|i| movement(i, caret, text, (row, col), (rows, cols)));
    if let Some(Move { to, editing }) = next {
        focus_cell(ui, view, at, to);
        set_editing(ui, view, at, editing.then_some(to));
    }
}

/// Keys on a selected cell: Enter or F2 edit it; arrows, Home/End and Tab
/// move to another; Ctrl+arrows move its row or column.
fn selected_keys(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    (row, col): (usize, usize),
    (rows, cols): (usize, usize),
) {
    let edit = ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Enter) || i.consume_key(Modifiers::NONE, Key::F2)
    });
    if edit {
        set_editing(ui, view, at, Some((row, col)));
        return;
    }
    if let Some((op, to)) = ui.input_mut(|i| reorder(i, (row, col), (rows, cols))) {
        grid_op(view, at, op);
        focus_cell(ui, view, at, to);
        return;
    }
    if let Some(to) = ui.input_mut(|i| step(i, (row, col), (rows, cols))) {
        focus_cell(ui, view, at, to);
    }
}

fn focus_cell(ui: &Ui, view: &DayView, at: GridAt, (row, col): (usize, usize)) {
    ui.memory_mut(|m| m.request_focus(part_id(view, at, GridText::Cell(row, col))));
}

/// Ctrl+↑/↓ on a selected cell: its row one place up or down; Ctrl+←/→:
/// its column one place left or right. The move, and where the cell goes.
fn reorder(
    input: &mut egui::InputState,
    (row, col): (usize, usize),
    (rows, cols): (usize, usize),
) -> Option<(GridOp, (usize, usize))> {
    let mut pressed = |key| input.consume_key(Modifiers::COMMAND, key);
    let row_to = |to| Some((GridOp::MoveOption { from: row, to }, (to, col)));
    let col_to = |to| Some((GridOp::MoveCriterion { from: col, to }, (row, to)));
    if row > 0 && pressed(Key::ArrowUp) {
        return row_to(row - 1);
    }
    if row + 1 < rows && pressed(Key::ArrowDown) {
        return row_to(row + 1);
    }
    if col > 0 && pressed(Key::ArrowLeft) {
        return col_to(col - 1);
    }
    if col + 1 < cols && pressed(Key::ArrowRight) {
        return col_to(col + 1);
    }
    None
}

/// Where a key sends the selection from a selected cell: arrows to the
/// next cell that way, Home/End to the row's ends, Tab/Shift+Tab along
/// the rows.
fn step(
    input: &mut egui::InputState,
    (row, col): (usize, usize),
    (rows, cols): (usize, usize),
) -> Option<(usize, usize)> {
    if let Some(along) = along_rows(input, (row, col), (rows, cols)) {
        return along;
    }
    let mut pressed = |key| input.consume_key(Modifiers::NONE, key);
    let to = if pressed(Key::ArrowUp) {
        (row.saturating_sub(1), col)
    } else if pressed(Key::ArrowDown) {
        ((row + 1).min(rows - 1), col)
    } else if pressed(Key::ArrowLeft) {
        (row, col.saturating_sub(1))
    } else if pressed(Key::ArrowRight) {
        (row, (col + 1).min(cols - 1))
    } else if pressed(Key::Home) {
        (row, 0)
    } else if pressed(Key::End) {
        (row, cols - 1)
    } else {
        return None;
    };
    Some(to)
}

/// Tab / Shift+Tab, in either mode: the next or the previous cell along
/// the rows (none past either end). None when neither was pressed.
fn along_rows(
    input: &mut egui::InputState,
    (row, col): (usize, usize),
    (rows, cols): (usize, usize),
) -> Option<Option<(usize, usize)>> {
    let index = row * cols + col;
    let to = if input.consume_key(Modifiers::SHIFT, Key::Tab) {
        index.checked_sub(1)
    } else if input.consume_key(Modifiers::NONE, Key::Tab) {
        (index + 1 < rows * cols).then_some(index + 1)
    } else {
        return None;
    };
    Some(to.map(|i| (i / cols, i % cols)))
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

/// Where a key sends the keyboard from an edited cell, and whether it
/// goes on editing there (arrows at the text's edge) or only selects it.
struct Move {
    to: (usize, usize),
    editing: bool,
}

/// Where a key sends the focus from the edited cell `at`, if anywhere.
fn movement(
    input: &mut egui::InputState,
    caret: Option<usize>,
    text: &str,
    at: (usize, usize),
    size: (usize, usize),
) -> Option<Move> {
    let (row, col) = at;
    let (rows, cols) = size;
    let chars = text.chars().count();
    let at_start = caret.is_none_or(|c| c == 0);
    let at_end = caret.is_none_or(|c| c >= chars);
    let one_line = !text.contains('\n');
    let select = |to| Some(Move { to, editing: false });
    let edit = |to| Some(Move { to, editing: true });
    if let Some(along) = along_rows(input, at, size) {
        return along.and_then(select);
    }
    if input.modifiers.is_none() && input.consume_key(Modifiers::NONE, Key::Enter) {
        // Enter ends the edit, selecting the cell below (this one, on the last row).
        return select(if row + 1 < rows { (row + 1, col) } else { at });
    }
    let plain = input.modifiers.is_none();
    if plain && at_start && col > 0 && input.consume_key(Modifiers::NONE, Key::ArrowLeft) {
        return edit((row, col - 1));
    }
    if plain && at_end && col + 1 < cols && input.consume_key(Modifiers::NONE, Key::ArrowRight) {
        return edit((row, col + 1));
    }
    if plain && one_line && row > 0 && input.consume_key(Modifiers::NONE, Key::ArrowUp) {
        return edit((row - 1, col));
    }
    if plain && one_line && row + 1 < rows && input.consume_key(Modifiers::NONE, Key::ArrowDown) {
        return edit((row + 1, col));
    }
    None
}
