//! Markdown shown read-only, rendered: headings without their `#`, bold
//! and code without their punctuation, links as their text, bullets as •,
//! checkboxes as □/■, quotes with a bar, code blocks without their fences,
//! wrapped list rows hanging under their text. Used where notes are read
//! rather than written: the chapter view and search results.

use std::sync::Arc;

use std::ops::Range;

use egui::text::{LayoutJob, TextFormat};
use egui::{CursorIcon, Galley, Id, Sense, Ui};

use crate::markdown::highlight::{Hang, Mark, highlight};
use crate::markdown::links::{LinkTarget, link_at, links_in};
use crate::model::match_ranges;

use super::markdown_style::MarkdownStyle;

/// Rendered text built up piece by piece, with the list items that hang.
#[derive(Default)]
struct Rendered {
    job: LayoutJob,
    text: String,
    hangs: Vec<Hang>,
    line_start: usize,
    /// Links shown by their label: where the label is, and where it goes.
    links: Vec<(Range<usize>, LinkTarget)>,
}

impl Rendered {
    fn push(&mut self, piece: &str, format: TextFormat) {
        if !piece.is_empty() {
            self.job.append(piece, 0.0, format);
            self.text.push_str(piece);
        }
    }

    fn newline(&mut self, format: TextFormat) {
        self.push("\n", format);
        self.line_start = self.text.len();
    }
}

/// `text` rendered into a layout job (and its hanging list items).
fn render(text: &str, look: &MarkdownStyle) -> Rendered {
    let (spans, _) = highlight(text);
    let mut out = Rendered::default();
    let mut item_text_start: Option<usize> = None;
    for span in &spans {
        let piece = &text[span.range.clone()];
        if span.mark == Mark::CodeBlock {
            render_span(&mut out, span.mark, piece, look);
            continue;
        }
        // Plain text runs on across line breaks; each break ends a line.
        for (i, segment) in piece.split('\n').enumerate() {
            if i > 0 {
                end_line(&mut out, &mut item_text_start, look);
            }
            render_segment(&mut out, &mut item_text_start, span.mark, segment, look);
        }
    }
    end_line(&mut out, &mut item_text_start, look);
    out
}

/// One piece of a line, rendered; a bullet or box also says where the
/// item's text starts.
fn render_segment(
    out: &mut Rendered,
    item_text_start: &mut Option<usize>,
    mark: Mark,
    piece: &str,
    look: &MarkdownStyle,
) {
    match mark {
        Mark::Bullet => {
            let indent = piece.len() - piece.trim_start().len();
            let depth = piece[..indent].replace('\t', "    ").len();
            let marker = piece.trim();
            let shown = if marker.starts_with(|c: char| c.is_ascii_digit()) {
                format!("{}{marker} ", " ".repeat(depth))
            } else {
                format!("{}• ", " ".repeat(depth))
            };
            out.push(&shown, look.coloured(look.weak));
            *item_text_start = Some(out.text.len() - out.line_start);
        }
        Mark::Checkbox { checked } => {
            out.push(if checked { "■" } else { "□" }, look.plain());
            *item_text_start = Some(out.text.len() - out.line_start + 1);
        }
        _ => render_span(out, mark, piece, look),
    }
}

fn end_line(out: &mut Rendered, item_text_start: &mut Option<usize>, look: &MarkdownStyle) {
    if let Some(start) = item_text_start.take() {
        out.hangs.push(Hang {
            line: out.line_start..out.text.len(),
            text_start: start,
        });
    }
    out.newline(look.plain());
}

fn render_span(out: &mut Rendered, mark: Mark, piece: &str, look: &MarkdownStyle) {
    match mark {
        Mark::Heading(level) => {
            let title = piece.trim_start_matches('#').trim();
            out.push(title, look.heading(level));
        }
        Mark::Bold => out.push(&piece[2..piece.len() - 2], look.coloured(look.strong)),
        Mark::Italic => out.push(&piece[1..piece.len() - 1], look.italic(look.text)),
        Mark::Code => out.push(piece.trim_matches('`'), look.code()),
        Mark::CodeBlock => {
            // Fence lines go; the code stays, on its tint.
            let code: Vec<&str> = piece.split('\n').filter(|l| !is_fence(l)).collect();
            out.push(&code.join("\n"), look.code());
        }
        Mark::Link => {
            let label = piece[1..].split("](").next().unwrap_or_default();
            let start = out.text.len();
            out.push(label, look.link());
            if let Some(target) = link_at(piece, 1) {
                out.links.push((start..out.text.len(), target));
            }
        }
        Mark::Quote => {
            let said = piece.trim_start().trim_start_matches('>').trim_start();
            out.push("│ ", look.coloured(look.weak));
            out.push(said, look.italic(look.weak));
        }
        Mark::Rule => out.push(&"─".repeat(16), look.coloured(look.weak)),
        Mark::TableSyntax => out.push(piece, look.coloured(look.weak)),
        Mark::Plain | Mark::Bullet | Mark::Checkbox { .. } => out.push(piece, look.plain()),
    }
}

fn is_fence(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("```") || t.starts_with("~~~")
}

/// Rendered Markdown as a read-only label, wrapping to the width it has.
/// Returns the link clicked, if one was: a labelled link, an address, or a
/// day (`[[2025-12-01]]`).
pub fn markdown_ui(ui: &mut Ui, id: Id, text: &str) -> Option<LinkTarget> {
    let look = MarkdownStyle::of(ui);
    let mut rendered = render(text.trim_end(), &look);
    drop_final_newline(&mut rendered.job);
    rendered.text.truncate(rendered.job.text.len());
    let mut links = std::mem::take(&mut rendered.links);
    links.extend(links_in(&rendered.text));
    let shown = rendered.text.clone();
    let width = ui.available_width();
    let galley = hanging_galley(ui, rendered, width);
    let label = egui::Label::new(galley.clone())
        .selectable(true)
        .sense(Sense::click());
    let response = ui.push_id(id, |ui| ui.add(label)).inner;
    let under = |pos: egui::Pos2| {
        let cursor = galley.cursor_from_pos(pos - response.rect.min);
        let byte = shown
            .char_indices()
            .nth(cursor.index.0)
            .map_or(shown.len(), |(i, _)| i);
        links
            .iter()
            .find(|(range, _)| range.contains(&byte))
            .map(|(_, target)| target.clone())
    };
    if response.hover_pos().and_then(under).is_some() {
        ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
    }
    response
        .clicked()
        .then(|| response.interact_pointer_pos())
        .flatten()
        .and_then(under)
}

/// One table cell's Markdown (emphasis, code, links), rendered on one line
/// that wraps.
pub fn inline_job(ui: &Ui, text: &str, wrap_width: f32) -> LayoutJob {
    let look = MarkdownStyle::of(ui);
    let mut job = render(text, &look).job;
    drop_final_newline(&mut job);
    job.wrap.max_width = wrap_width;
    job
}

/// The renderer ends every line; the last one needs no break after it
/// (what a screen reader reads ends with the text).
fn drop_final_newline(job: &mut LayoutJob) {
    if job.text.ends_with('\n') {
        job.text.pop();
        let end = egui::text::ByteIndex(job.text.len());
        job.sections.retain_mut(|s| {
            s.byte_range.end = s.byte_range.end.min(end);
            s.byte_range.start < s.byte_range.end
        });
    }
}

/// One line of a search result, rendered, with what `query` matched in it
/// on a highlight.
pub fn result_line_job(ui: &Ui, line: &str, query: &str) -> LayoutJob {
    let look = MarkdownStyle::of(ui);
    let rendered = render(line, &look);
    let shown = rendered.text.trim_end_matches('\n').to_owned();
    let mut job = LayoutJob::default();
    let mut at = 0;
    let mark = TextFormat {
        background: ui.visuals().selection.bg_fill,
        color: look.strong,
        ..look.plain()
    };
    for range in match_ranges(&shown, query) {
        job.append(&shown[at..range.start], 0.0, look.plain());
        job.append(&shown[range.clone()], 0.0, mark.clone());
        at = range.end;
    }
    job.append(&shown[at..], 0.0, look.plain());
    job
}

fn hanging_galley(ui: &Ui, rendered: Rendered, width: f32) -> Arc<Galley> {
    let mut job = rendered.job;
    job.wrap.max_width = (width - 40.0).max(width * 0.5);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    super::note_layout::hang_rows(&galley, &rendered.text, &rendered.hangs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered_text(markdown: &str) -> String {
        let ctx = egui::Context::default();
        let mut out = String::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            out = render(markdown, &MarkdownStyle::of(ui)).text;
        });
        output.textures_delta.clear();
        out
    }

    #[test]
    fn markdown_punctuation_is_rendered_away() {
        let text = "## 学んだこと\n- **ECS** は `タスク定義` で動く\n\t- [x] [公式](https://x) を読んだ\n> 引用\n```sh\nls\n```";
        assert_eq!(
            rendered_text(text),
            "学んだこと\n• ECS は タスク定義 で動く\n    • ■ 公式 を読んだ\n│ 引用\nls\n"
        );
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn items_after_a_checked_item_do_not_hang() {
        let ctx = egui::Context::default();
        crate::ui::fonts::setup_fonts(&ctx);
        let mut xs = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let look = MarkdownStyle::of(ui);
            let rendered = render(
                "- [x] 章末の問題を解いた\n- シリアライザブル\n- パーティション",
                &look,
            );
            let galley = hanging_galley(ui, rendered, 600.0);
            xs = galley.rows.iter().map(|r| r.pos.x).collect();
        });
        output.textures_delta.clear();
        assert!(xs.iter().all(|&x| x == 0.0), "{xs:?}");
    }
}
