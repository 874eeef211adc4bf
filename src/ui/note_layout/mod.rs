//! How a note looks while it is typed: the spans of
//! [`crate::markdown::highlight`] drawn in their styles (headings larger,
//! bold strong, code in the monospace font on a tint, links underlined),
//! wrapped rows of a list item hanging under its text, and bullets and
//! checkboxes drawn as such over their Markdown (a checkbox toggles on
//! click). The text underneath stays the plain Markdown that is saved.
//!
//! Laying out a long note costs more than a frame allows, so the layout is
//! kept per editor, line by line ([`lines`]): a keystroke lays out again
//! only the lines it touched, and only the marks on screen are drawn
//! ([`marks`]).

mod joined;
mod line;
mod marks;
mod note;

pub use joined::Joined as NoteView;
pub use line::ListMark;
pub use line::ListMarkKind;
pub use marks::list_marks_ui;
pub use note::NoteLayout;

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{CharIndex, LayoutJob, TextFormat};
use egui::{Color32, Galley, Id, Stroke, Ui};

use crate::markdown::highlight::{Hang, Mark};

use super::markdown_style::MarkdownStyle;

/// The format of a span the editor shows with its Markdown.
fn span_format(style: &MarkdownStyle, mark: Mark, text: &str) -> TextFormat {
    match mark {
        Mark::Plain => style.plain(),
        Mark::Heading(level) => style.heading(level),
        Mark::Bold => style.coloured(style.strong),
        Mark::Italic => style.italic(style.text),
        Mark::Code | Mark::CodeBlock => style.code(),
        Mark::Link => style.link(),
        // Bullets and boxes are painted over their Markdown.
        Mark::Bullet if !is_numbered(text) => style.coloured(Color32::TRANSPARENT),
        Mark::Checkbox { .. } => style.coloured(Color32::TRANSPARENT),
        Mark::Quote => style.italic(style.weak),
        Mark::Bullet | Mark::Rule | Mark::TableSyntax => style.coloured(style.weak),
    }
}

/// Add one span to the job: its Markdown punctuation (`**`, `#`, backticks,
/// the link's target) dimmed, what it says in its style.
fn append_span(job: &mut LayoutJob, style: &MarkdownStyle, mark: Mark, piece: &str) {
    let (open, close) = match mark {
        Mark::Heading(_) => (
            piece.len() - piece.trim_start_matches('#').trim_start().len(),
            0,
        ),
        Mark::Bold => (2, 2),
        Mark::Italic => (1, 1),
        Mark::Code => {
            let run = piece.bytes().take_while(|&b| b == b'`').count();
            (run, run)
        }
        Mark::Link => (1, piece.len() - piece.find("](").unwrap_or(piece.len() - 1)),
        _ => (0, 0),
    };
    if open + close > piece.len() || open + close == 0 {
        job.append(piece, 0.0, span_format(style, mark, piece));
        return;
    }
    let dim = |format: TextFormat| TextFormat {
        color: style.weak,
        underline: Stroke::NONE,
        ..format
    };
    let body = span_format(style, mark, piece);
    job.append(&piece[..open], 0.0, dim(body.clone()));
    job.append(&piece[open..piece.len() - close], 0.0, body.clone());
    job.append(&piece[piece.len() - close..], 0.0, dim(body));
}

fn is_numbered(marker: &str) -> bool {
    marker
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit())
}

/// The layout of a note as the editor shows it, brought up to `text`;
/// kept per editor `id` between frames.
pub fn layout_note(ui: &Ui, id: Id, text: &str, wrap_width: f32) -> NoteView {
    let look = {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        wrap_width.to_bits().hash(&mut hasher);
        ui.visuals().dark_mode.hash(&mut hasher);
        // Code is drawn again in colour once the grammars have loaded.
        crate::ui::code_colours::grammars_ready().hash(&mut hasher);
        ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
        egui::TextStyle::Body
            .resolve(ui.style())
            .size
            .to_bits()
            .hash(&mut hasher);
        hasher.finish()
    };
    let cache = id.with("note-layout");
    let mut layout: NoteLayout = ui.data_mut(|d| d.remove_temp(cache)).unwrap_or_default();
    layout.update(ui, text, wrap_width, look);
    let view = layout.view();
    ui.data_mut(|d| d.insert_temp(cache, layout));
    view
}

/// The galley with the wrapped rows of each list item moved right to start
/// under the item's text.
pub(super) fn hang_rows(galley: &Arc<Galley>, text: &str, hangs: &[Hang]) -> Arc<Galley> {
    if hangs.is_empty() || galley.rows.len() < 2 {
        return galley.clone();
    }
    let mut out = (**galley).clone();
    let mut hangs = hangs.iter().peekable();
    let mut byte = 0;
    let mut indent: Option<f32> = None;
    for row in &mut out.rows {
        while hangs.peek().is_some_and(|h| h.line.end < byte) {
            hangs.next();
        }
        let in_item = hangs
            .peek()
            .filter(|h| h.line.start <= byte && byte <= h.line.end);
        match (in_item, indent) {
            (Some(h), _) if h.line.start == byte => {
                let column = text[h.line.start..h.line.start + h.text_start]
                    .chars()
                    .count();
                indent = Some(row.row.x_offset(CharIndex(column)));
            }
            (Some(_), Some(dx)) => row.pos.x += dx,
            _ => indent = None,
        }
        byte += row
            .row
            .glyphs
            .iter()
            .map(|g| g.chr.len_utf8())
            .sum::<usize>()
            + usize::from(row.ends_with_newline);
    }
    widened_to_rows(out)
}

/// `galley` with its size and bounds grown to hold its rows, some of which
/// were moved right to hang under a list item's text.
fn widened_to_rows(mut galley: Galley) -> Arc<Galley> {
    let right = galley
        .rows
        .iter()
        .map(|r| r.pos.x + r.row.size.x)
        .fold(0.0, f32::max);
    galley.rect.max.x = galley.rect.max.x.max(right);
    galley.mesh_bounds.max.x = galley.mesh_bounds.max.x.max(right);
    Arc::new(galley)
}

#[cfg(test)]
mod tests;
