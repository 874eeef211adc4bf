//! One chapter across days: every note written for it, oldest first, each
//! with a link to its day.

use egui::{RichText, Ui};

use crate::markdown::format_date;
use crate::model::{Block, ChapterId, notes};

use super::action::{Action, View, ViewCtx};
use super::grid_view::grid_view_ui;

pub fn chapter_view_ui(ui: &mut Ui, cx: &ViewCtx, chapter: ChapterId, actions: &mut Vec<Action>) {
    let Some((book, info)) = cx.journal.chapter(chapter) else {
        ui.label(cx.pick("この章はもうありません。", "This chapter no longer exists."));
        return;
    };
    ui.label(RichText::new(&book.title).weak());
    ui.label(RichText::new(&info.label).heading().strong());
    ui.separator();
    let mut any = false;
    egui::ScrollArea::vertical()
        .id_salt(("chapter", chapter))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (date, day) in &cx.journal.days {
                let Some(notes) = notes(day, chapter) else {
                    continue;
                };
                any = true;
                let text = format_date(*date, &cx.journal.template.date_format);
                if ui.link(RichText::new(text).strong()).clicked() {
                    actions.push(Action::Show(View::Day(*date)));
                }
                for (index, block) in notes.blocks.iter().enumerate() {
                    match block {
                        Block::Text(text) if !text.trim().is_empty() => {
                            ui.add(egui::Label::new(text.trim_end()).wrap());
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
                ui.add_space(10.0);
            }
            if !any {
                ui.weak(cx.pick(
                    "この章のノートはまだありません。",
                    "No notes for this chapter yet.",
                ));
            }
        });
}
