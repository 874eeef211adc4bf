//! A comparison grid shown as a table (options × criteria), read-only.
//!
//! Scores show as ◎○△× or n/5 beside the cell text, weights beside the
//! criterion names, and a total column when scores are points. Editing grids
//! is the grid editor's job.

use egui::{RichText, Ui};

use crate::model::{Grid, Score};

pub fn grid_view_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug + Clone,
    grid: &Grid,
    total_label: &str,
) {
    if !grid.title.is_empty() {
        ui.label(RichText::new(&grid.title).strong());
    }
    let totals = grid.has_points().then(|| grid.totals());
    // A grid wider than the panel scrolls sideways instead of being cut off.
    let scroll = egui::ScrollArea::horizontal().id_salt(("grid-view-scroll", id_salt.clone()));
    scroll.show(ui, |ui| {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::Grid::new(id_salt)
                .striped(true)
                .min_col_width(72.0)
                .max_col_width(260.0)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(&grid.corner).strong());
                    for criterion in &grid.criteria {
                        let name = if criterion.weight > 1 {
                            format!("{} (×{})", criterion.name, criterion.weight)
                        } else {
                            criterion.name.clone()
                        };
                        ui.label(RichText::new(name).strong());
                    }
                    if totals.is_some() {
                        ui.label(RichText::new(total_label).strong());
                    }
                    ui.end_row();
                    for (row, option) in grid.options.iter().enumerate() {
                        ui.label(RichText::new(option).strong());
                        for cell in grid.cells.get(row).into_iter().flatten() {
                            let text = match cell.score {
                                Some(score) => format!("{} {}", score_text(score), cell.text),
                                None => cell.text.clone(),
                            };
                            ui.add(egui::Label::new(text.trim()).wrap());
                        }
                        if let Some(totals) = &totals {
                            ui.label(totals.get(row).map(u32::to_string).unwrap_or_default());
                        }
                        ui.end_row();
                    }
                });
        })
    });
}

fn score_text(score: Score) -> String {
    match score {
        Score::Points(points) => format!("[{points}/5]"),
        Score::Mark(mark) => mark.symbol().to_owned(),
    }
}
