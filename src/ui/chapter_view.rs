//! One chapter across days: every note written for it, oldest first, each
//! with a link to its day.
//!
//! A chapter studied for years has notes on hundreds of days, each of its
//! own height. Only the entries in view are laid out: the heights of entries
//! already seen are remembered (others are estimated), which places the
//! visible ones and sizes the space around them.

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::model::{Block, ChapterId, ChapterNotes, notes};

use super::action::{Action, View, ViewCtx};
use super::grid_view::grid_view_ui;
use super::long_note::{is_long_note, long_note_ui};
use super::note_view::note_view_ui;

/// The height assumed for an entry not laid out yet.
const ESTIMATED_HEIGHT: f32 = 120.0;

pub fn chapter_view_ui(ui: &mut Ui, cx: &ViewCtx, chapter: ChapterId, actions: &mut Vec<Action>) {
    let Some((book, info)) = cx.journal.chapter(chapter) else {
        ui.label(cx.pick("この章はもうありません。", "This chapter no longer exists."));
        return;
    };
    ui.label(RichText::new(&book.title).weak());
    super::accessible::heading(&ui.label(RichText::new(&info.label).heading().strong()), 1);
    ui.separator();
    let entries: Vec<(NaiveDate, &ChapterNotes)> = cx
        .journal
        .days
        .iter()
        .filter_map(|(date, day)| notes(day, chapter).map(|(_, n)| (*date, n)))
        .collect();
    if entries.is_empty() {
        ui.weak(cx.pick(
            "この章のノートはまだありません。",
            "No notes for this chapter yet.",
        ));
        return;
    }
    let heights_id = Id::unique(("chapter-heights", chapter));
    let mut heights: Vec<f32> = ui
        .data(|d| d.get_temp(heights_id))
        .filter(|h: &Vec<f32>| h.len() == entries.len())
        .unwrap_or_else(|| vec![ESTIMATED_HEIGHT; entries.len()]);
    egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt(("chapter", chapter))
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let total: f32 = heights.iter().sum();
            ui.set_height(total);
            let mut top = 0.0;
            for (index, (date, notes)) in entries.iter().enumerate() {
                let bottom = top + heights[index];
                if bottom >= viewport.min.y && top <= viewport.max.y {
                    let origin = ui.min_rect().min + egui::vec2(0.0, top);
                    let area = egui::Rect::from_min_size(
                        origin,
                        egui::vec2(ui.available_width(), f32::INFINITY),
                    );
                    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area));
                    entry_ui(&mut child, cx, *date, notes, actions);
                    let measured = child.min_rect().height() + 10.0;
                    if (measured - heights[index]).abs() > 0.5 {
                        heights[index] = measured;
                        // Place the entries below by the real height next frame.
                        ui.ctx().request_repaint();
                    }
                }
                top = bottom;
            }
        });
    ui.data_mut(|d| d.insert_temp(heights_id, heights));
}

/// One day's notes for the chapter, under a link to the day.
fn entry_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    notes: &ChapterNotes,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let language = super::i18n::UiLanguage::from(cx.journal.template.language);
        ui.label(RichText::new(language.date_with_weekday(date)).strong());
        if ui.link(cx.pick("この日を編集", "Edit this day")).clicked() {
            actions.push(Action::Show(View::Day(date)));
        }
    });
    for (index, block) in notes.blocks.iter().enumerate() {
        match block {
            Block::Text(text) if is_long_note(text) => {
                let id = Id::unique(("chapter-note", date, index));
                long_note_ui(ui, id, id, text, cx.lang, None);
            }
            Block::Text(text) if !text.trim().is_empty() => {
                let id = Id::unique(("chapter-note", date, index));
                if let Some(link) = note_view_ui(ui, id, text, cx.pictures, cx.lang) {
                    actions.push(Action::FollowLink(link));
                }
            }
            Block::Text(_) => {}
            Block::Grid(grid) => grid_view_ui(
                ui,
                ("chapter-grid", date, index),
                grid,
                cx.pick("合計", "Total"),
            ),
        }
    }
}
