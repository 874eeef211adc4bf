//! The widths of a comparison grid's columns on screen: as the user dragged
//! them (a preference of this window kept between runs, not part of the
//! journal), narrowed together when the window is too narrow for them, so
//! every column and its buttons stay in view.

use egui::{Id, Ui};

use crate::model::Grid;

/// A column's width before the user drags it.
const CELL_WIDTH: f32 = 140.0;
/// The narrowest a column gets, dragged or fitted.
pub const MIN_WIDTH: f32 = 70.0;
const MAX_WIDTH: f32 = 640.0;

/// The width the user gave each column (options first, then each criterion).
pub fn column_widths(ui: &Ui, id: Id, grid: &Grid) -> Vec<f32> {
    let mut widths: Vec<f32> = ui.data_mut(|d| d.get_persisted(id)).unwrap_or_default();
    widths.resize(grid.criteria.len() + 1, CELL_WIDTH);
    widths
}

/// `widths` as shown in `room` points: unchanged when they fit, else each
/// narrowed in proportion (never below [`MIN_WIDTH`]).
pub fn fit_columns(widths: &[f32], room: f32) -> Vec<f32> {
    let total: f32 = widths.iter().sum();
    if total <= room || total <= 0.0 {
        return widths.to_vec();
    }
    let scale = room / total;
    widths.iter().map(|w| (w * scale).max(MIN_WIDTH)).collect()
}

/// A handle at the right edge of the column just drawn in `ui`; dragging it
/// changes the column's width.
pub fn resize_handle_ui(ui: &mut Ui, id: Id, width: &mut f32) -> bool {
    let edge = ui.min_rect().right();
    let rect = egui::Rect::from_x_y_ranges(edge + 1.0..=edge + 7.0, ui.min_rect().y_range());
    let response = ui
        .interact(rect, id, egui::Sense::drag())
        .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
    if response.hovered() || response.dragged() {
        let stroke = ui.visuals().widgets.active.bg_stroke;
        ui.painter().vline(rect.center().x, rect.y_range(), stroke);
    }
    if response.dragged() {
        *width = (*width + response.drag_delta().x).clamp(MIN_WIDTH, MAX_WIDTH);
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_that_fit_keep_their_widths() {
        assert_eq!(fit_columns(&[140.0, 200.0], 400.0), [140.0, 200.0]);
    }

    #[test]
    fn columns_too_wide_for_the_window_narrow_together() {
        let fitted = fit_columns(&[140.0, 140.0, 140.0, 140.0], 400.0);
        assert_eq!(fitted, [100.0; 4]);
        let narrowest = fit_columns(&[140.0; 6], 200.0);
        assert!(narrowest.iter().all(|w| *w == MIN_WIDTH));
    }
}
