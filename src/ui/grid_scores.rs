//! A grid cell's score: its menu (1–5 in colour, ◎○△×, none) and its keys
//! (1–5, ◎○△×, 0 or Delete on the focused button).

use egui::{Color32, Id, Key, Modifiers, RichText, Ui};

use crate::model::{GridAt, GridOp, Mark, Score};

use super::action::DayView;
use super::grid_parts::grid_op;
use super::widgets::set_name;

/// The score menu of the cell (row, col).
pub(super) fn score_picker_ui(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    score: Option<Score>,
    (row, col): (usize, usize),
    name: &str,
) {
    let shown = match score {
        Some(score) => RichText::new(score_text(score))
            .color(score_color(ui.visuals(), score.value()))
            .strong(),
        None => RichText::new("–").weak(),
    };
    let none = view.pick("なし", "None");
    let response = ui.menu_button(shown, |ui| {
        let mut choose = |ui: &mut Ui, text: RichText, value: Option<Score>| {
            if ui.button(text).clicked() {
                grid_op(
                    view,
                    at,
                    GridOp::SetScore {
                        row,
                        col,
                        score: value,
                    },
                );
                ui.close();
            }
        };
        choose(ui, RichText::new(none), None);
        for points in 1..=5u8 {
            let score = Score::Points(points);
            choose(
                ui,
                RichText::new(score_text(score)).color(score_color(ui.visuals(), score.value())),
                Some(score),
            );
        }
        for &mark in Mark::ALL {
            let score = Score::Mark(mark);
            choose(
                ui,
                RichText::new(mark.symbol()).color(score_color(ui.visuals(), score.value())),
                Some(score),
            );
        }
    });
    let button = response.response;
    set_name(
        ui,
        &button,
        &format!("{name} {}", view.pick("の評価", "score")),
    );
    score_keys(ui, view, at, (row, col), &button);
}

/// A score typed on the cell's score `button` sets it; the button keeps the
/// keyboard, and Tab from the cell's text comes to it (see `cell_keys`).
fn score_keys(
    ui: &mut Ui,
    view: &mut DayView,
    at: GridAt,
    (row, col): (usize, usize),
    button: &egui::Response,
) {
    let key = score_key(view, at, (row, col));
    ui.data_mut(|d| d.insert_temp(key, button.id));
    // The button shows the score, so a new score makes it a new widget:
    // one scored by keyboard keeps the keyboard.
    if ui
        .data_mut(|d| d.remove_temp::<bool>(key.with("refocus")))
        .is_some()
    {
        button.request_focus();
    }
    if button.has_focus()
        && let Some(score) = ui.input_mut(typed_score)
    {
        grid_op(view, at, GridOp::SetScore { row, col, score });
        ui.data_mut(|d| d.insert_temp(key.with("refocus"), true));
    }
}

/// Where the id of cell (row, col)'s score button is kept between frames.
pub(super) fn score_key(view: &DayView, at: GridAt, (row, col): (usize, usize)) -> Id {
    Id::unique(("grid-score-button", view.date, at, row, col))
}

/// A score typed on a focused score button: 1–5, ◎ ○ △ ×, or 0 / Delete /
/// Backspace for none.
fn typed_score(input: &mut egui::InputState) -> Option<Option<Score>> {
    let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    for (points, key) in (1..=5u8).zip(keys) {
        if input.consume_key(Modifiers::NONE, key) {
            return Some(Some(Score::Points(points)));
        }
    }
    for key in [Key::Num0, Key::Delete, Key::Backspace] {
        if input.consume_key(Modifiers::NONE, key) {
            return Some(None);
        }
    }
    let mark = input.events.iter().position(
        |event| matches!(event, egui::Event::Text(t) if Mark::ALL.iter().any(|m| m.symbol() == t)),
    )?;
    match input.events.remove(mark) {
        egui::Event::Text(t) => Mark::ALL
            .iter()
            .find(|m| m.symbol() == t)
            .map(|m| Some(Score::Mark(*m))),
        _ => None,
    }
}

fn score_text(score: Score) -> String {
    match score {
        Score::Points(points) => format!("{points}/5"),
        Score::Mark(mark) => mark.symbol().to_owned(),
    }
}

/// Red for 1 through green for 5, dark enough to read on the light theme
/// and light enough on the dark one (see `theme`).
pub fn score_color(visuals: &egui::Visuals, value: u32) -> Color32 {
    super::theme::score_colour(visuals, value)
}
