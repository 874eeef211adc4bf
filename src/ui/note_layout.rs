//! How a note looks while it is typed: the spans of
//! [`crate::markdown::highlight`] drawn in their styles (headings larger,
//! bold strong, code in the monospace font on a tint, links underlined),
//! wrapped rows of a list item hanging under its text, and bullets and
//! checkboxes drawn as such over their Markdown (a checkbox toggles on
//! click). The text underneath stays the plain Markdown that is saved.
//!
//! Laying out a long note costs more than a frame allows, so the galley is
//! kept per editor and made again only when the text, the width or the
//! theme changed.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{CCursor, CharIndex, LayoutJob, TextFormat};
use egui::{Color32, Galley, Id, Pos2, Rect, Sense, Stroke, Ui};

use crate::markdown::highlight::{Hang, Mark, Span, highlight};

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
        Mark::Bullet | Mark::Rule => style.coloured(style.weak),
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

/// The galley of a note as the editor shows it; made again only when the
/// text, the width or the theme changed since the last frame.
pub fn layout_note(ui: &Ui, id: Id, text: &str, wrap_width: f32) -> Arc<Galley> {
    let key = {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut hasher);
        wrap_width.to_bits().hash(&mut hasher);
        ui.visuals().dark_mode.hash(&mut hasher);
        egui::TextStyle::Body
            .resolve(ui.style())
            .size
            .to_bits()
            .hash(&mut hasher);
        hasher.finish()
    };
    let cache = id.with("note-layout");
    if let Some((cached, galley)) = ui.data(|d| d.get_temp::<(u64, Arc<Galley>)>(cache))
        && cached == key
    {
        return galley;
    }
    let style = MarkdownStyle::of(ui);
    let (spans, hangs) = highlight(text);
    let widest_hang = widest_hang(ui, &style, text, &hangs);
    let mut job = LayoutJob::default();
    for span in &spans {
        append_span(&mut job, &style, span.mark, &text[span.range.clone()]);
    }
    // Rows that hang are moved right: wrap the rest short enough that they fit.
    job.wrap.max_width = (wrap_width - widest_hang).max(wrap_width * 0.5);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let galley = hang_rows(&galley, text, &hangs);
    ui.data_mut(|d| d.insert_temp(cache, (key, galley.clone())));
    galley
}

/// The widest indentation before a list item's text, in points.
fn widest_hang(ui: &Ui, style: &MarkdownStyle, text: &str, hangs: &[Hang]) -> f32 {
    hangs
        .iter()
        .map(|h| &text[h.line.start..h.line.start + h.text_start])
        .max_by_key(|prefix| prefix.chars().count())
        .map_or(0.0, |prefix| {
            let prefix = prefix.replace('\t', "    ");
            ui.fonts_mut(|f| f.layout_no_wrap(prefix, style.body.clone(), style.text))
                .size()
                .x
        })
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
    let right = out
        .rows
        .iter()
        .map(|r| r.pos.x + r.row.size.x)
        .fold(0.0, f32::max);
    out.rect.max.x = out.rect.max.x.max(right);
    out.mesh_bounds.max.x = out.mesh_bounds.max.x.max(right);
    Arc::new(out)
}

/// Draw bullets and checkboxes over their Markdown in the editor's galley;
/// a click on a box gives the text with it toggled.
pub fn list_marks_ui(
    ui: &mut Ui,
    id: Id,
    text: &str,
    galley: &Galley,
    galley_pos: Pos2,
) -> Option<String> {
    let (spans, _) = highlight(text);
    let colour = ui.visuals().strong_text_color();
    let mut toggled = None;
    for span in spans
        .iter()
        .filter(|s| matches!(s.mark, Mark::Bullet | Mark::Checkbox { .. }))
    {
        let piece = &text[span.range.clone()];
        match span.mark {
            Mark::Bullet if !is_numbered(piece) => {
                let at = span.range.start + (piece.len() - piece.trim_start().len());
                let rect = char_rect(text, galley, galley_pos, at, 1);
                ui.painter().circle_filled(rect.center(), 2.5, colour);
            }
            Mark::Checkbox { checked }
                if checkbox_ui(ui, id, text, galley, galley_pos, span, checked) =>
            {
                toggled = Some(toggle(text, span, checked));
            }
            _ => {}
        }
    }
    toggled
}

/// One box drawn over `[ ]`/`[x]`; whether it was clicked.
fn checkbox_ui(
    ui: &mut Ui,
    id: Id,
    text: &str,
    galley: &Galley,
    galley_pos: Pos2,
    span: &Span,
    checked: bool,
) -> bool {
    let area = char_rect(text, galley, galley_pos, span.range.start, 3);
    let side = area.height().min(area.width()).min(14.0);
    let square = Rect::from_center_size(area.center(), egui::vec2(side, side));
    let response = ui.interact(
        square,
        id.with(("checkbox", span.range.start)),
        Sense::click(),
    );
    let line_end = text[span.range.end..]
        .find('\n')
        .map_or(text.len(), |n| span.range.end + n);
    let item = text[span.range.end..line_end].trim();
    let done = if checked { "☑" } else { "☐" };
    super::widgets::set_name(ui, &response, &format!("{done} {item}"));
    let visuals = ui.style().interact_selectable(&response, checked);
    let painter = ui.painter();
    painter.rect(
        square,
        2.0,
        visuals.bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    if checked {
        let s = square.shrink(3.0);
        let tick = [
            egui::pos2(s.left(), s.center().y),
            egui::pos2(s.center().x - 1.0, s.bottom()),
            egui::pos2(s.right(), s.top()),
        ];
        painter.add(egui::Shape::line(
            tick.to_vec(),
            Stroke::new(2.0, visuals.fg_stroke.color),
        ));
    }
    response.clicked()
}

fn toggle(text: &str, span: &Span, checked: bool) -> String {
    let mut out = text.to_owned();
    out.replace_range(span.range.clone(), if checked { "[ ]" } else { "[x]" });
    out
}

/// The screen rectangle of `chars` characters starting at byte `at`.
fn char_rect(text: &str, galley: &Galley, galley_pos: Pos2, at: usize, chars: usize) -> Rect {
    let start = text[..at].chars().count();
    let a = galley.pos_from_cursor(CCursor::new(CharIndex(start)));
    let b = galley.pos_from_cursor(CCursor::new(CharIndex(start + chars)));
    let rect = Rect::from_min_max(a.min, egui::pos2(b.max.x.max(a.min.x + 6.0), a.max.y));
    rect.translate(galley_pos.to_vec2())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `check` with a laid-out frame's `Ui`, fonts installed.
    fn with_ui(check: impl FnOnce(&mut Ui)) {
        let ctx = egui::Context::default();
        super::super::fonts::setup_fonts(&ctx);
        let mut check = Some(check);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(check) = check.take() {
                check(ui);
            }
        });
        output.textures_delta.clear();
    }

    #[test]
    fn wrapped_rows_of_a_list_item_hang_under_its_text() {
        with_ui(|ui| {
            let item = "長い項目の文章が続きます。".repeat(8);
            let paragraph = "普通の段落もまた長く続いて折り返します。".repeat(4);
            let text = format!("- {item}\n{paragraph}");
            let galley = layout_note(ui, Id::unique("t"), &text, 240.0);
            let xs: Vec<f32> = galley.rows.iter().take(3).map(|r| r.pos.x).collect();
            assert_eq!(xs[0], 0.0);
            assert!(xs[1] > 5.0 && xs[2] == xs[1], "{xs:?}");
            let last = galley.rows.last().unwrap();
            assert_eq!(last.pos.x, 0.0, "a paragraph does not hang");
        });
    }

    #[test]
    fn the_layout_is_kept_until_the_text_changes() {
        with_ui(|ui| {
            let id = Id::unique("kept");
            let first = layout_note(ui, id, "# 見出し\n- **太字**", 300.0);
            let again = layout_note(ui, id, "# 見出し\n- **太字**", 300.0);
            assert!(Arc::ptr_eq(&first, &again));
            let changed = layout_note(ui, id, "# 見出し\n- **太字** を足した", 300.0);
            assert!(!Arc::ptr_eq(&first, &changed));
        });
    }
}
