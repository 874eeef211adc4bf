//! A note shown read-only, block by block: text rendered as Markdown
//! (`markdown_view`), fenced code coloured by its language with a Copy
//! button, GFM tables as tables (header row, alignment, borders, cells that
//! wrap), and pictures under the line that names them. Used where notes are
//! read: the chapter view.

use egui::{Align, Frame, Id, Layout, RichText, Stroke, Ui};

use crate::markdown::links::LinkTarget;
use crate::markdown::read_blocks::{self, ReadBlock, Table, read_blocks};

use super::code_colours::coloured_code;
use super::i18n::UiLanguage;
use super::markdown_style::MarkdownStyle;
use super::markdown_view::{inline_job, markdown_ui};
use super::pictures::{PictureShelf, picture_ui};

/// Draw `text` read-only, `id` telling its parts from other notes'; the
/// link clicked, if one was.
pub fn note_view_ui(
    ui: &mut Ui,
    id: Id,
    text: &str,
    shelf: &PictureShelf,
    lang: UiLanguage,
) -> Option<LinkTarget> {
    let mut clicked = None;
    for (n, block) in read_blocks(text).iter().enumerate() {
        let id = id.with(n);
        match block {
            ReadBlock::Text(text) => clicked = markdown_ui(ui, id, text).or(clicked),
            ReadBlock::Code { language, code } => code_block_ui(ui, id, language, code, lang),
            ReadBlock::Table(table) => table_ui(ui, id, table),
            ReadBlock::Pictures(links) => {
                for link in links {
                    picture_ui(ui, shelf, lang, link);
                }
            }
        }
    }
    clicked
}

/// Fenced code on its tint, coloured when its language is known, with a
/// button that copies it.
fn code_block_ui(ui: &mut Ui, id: Id, language: &str, code: &str, lang: UiLanguage) {
    let look = MarkdownStyle::of(ui);
    let frame = Frame::new()
        .fill(look.code_background())
        .corner_radius(4.0)
        .inner_margin(6.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(language).small().weak());
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let copy = ui.small_button(lang.pick("コピー", "Copy"));
                if copy
                    .on_hover_text(lang.pick("コードをコピー", "Copy the code"))
                    .clicked()
                {
                    ui.ctx().copy_text(code.to_owned());
                }
            });
        });
        let job = coloured_code(ui, code, language, look.mono())
            .unwrap_or_else(|| plain_code(code, &look));
        let mut job = job;
        job.wrap.max_width = ui.available_width();
        ui.push_id(id, |ui| ui.add(egui::Label::new(job).selectable(true)));
    });
}

fn plain_code(code: &str, look: &MarkdownStyle) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let format = egui::TextFormat {
        background: egui::Color32::TRANSPARENT,
        ..look.code()
    };
    job.append(code, 0.0, format);
    job
}

/// A GFM table: a bordered grid, the header row strong, each column
/// aligned as its delimiter says, cells wrapping within a fair share of
/// the width.
fn table_ui(ui: &mut Ui, id: Id, table: &Table) {
    let columns = table.header.len().max(1);
    let cell_width = (ui.available_width() / columns as f32 - 16.0).max(60.0);
    let stroke = Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    Frame::new()
        .stroke(stroke)
        .inner_margin(4.0)
        .show(ui, |ui| {
            egui::Grid::new(id)
                .striped(true)
                .min_col_width(24.0)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for (c, cell) in table.header.iter().enumerate() {
                        cell_ui(ui, &format!("**{cell}**"), table.align[c], cell_width);
                    }
                    ui.end_row();
                    for row in &table.rows {
                        for (c, cell) in row.iter().enumerate() {
                            let align = table
                                .align
                                .get(c)
                                .copied()
                                .unwrap_or(read_blocks::Align::Left);
                            cell_ui(ui, cell, align, cell_width);
                        }
                        ui.end_row();
                    }
                });
        });
}

fn cell_ui(ui: &mut Ui, text: &str, align: read_blocks::Align, width: f32) {
    let job = inline_job(ui, text, width);
    let layout = match align {
        read_blocks::Align::Left => Layout::left_to_right(Align::Center),
        read_blocks::Align::Center => Layout::centered_and_justified(egui::Direction::LeftToRight),
        read_blocks::Align::Right => Layout::right_to_left(Align::Center),
    };
    ui.with_layout(layout, |ui| ui.add(egui::Label::new(job)));
}
