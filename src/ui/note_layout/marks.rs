//! Bullets and checkboxes drawn over their Markdown in the notes editor:
//! a dot for `-`, a box for `[ ]`/`[x]` that toggles on click. Only the
//! rows on screen are looked at, so a note of any length costs the same.

use egui::text::CharIndex;
use egui::{Galley, Id, Pos2, Rect, Sense, Stroke, Ui};

use super::{ListMark, ListMarkKind, NoteView};

/// Draw the marks of `note` (shown at `galley_pos`) that are on screen; a
/// click on a box gives the text with it toggled.
pub fn list_marks_ui(
    ui: &mut Ui,
    id: Id,
    text: &str,
    note: &NoteView,
    galley_pos: Pos2,
) -> Option<String> {
    let galley = &note.galley;
    let clip = ui.clip_rect();
    let rows = &galley.rows;
    let first = rows.partition_point(|r| galley_pos.y + r.rect().bottom() < clip.top());
    let end = rows.partition_point(|r| galley_pos.y + r.rect().top() <= clip.bottom());
    let marks = &note.marks;
    let from = marks.partition_point(|m| m.row < first);
    let to = marks.partition_point(|m| m.row < end);
    let colour = ui.visuals().strong_text_color();
    let mut toggled = None;
    for mark in &marks[from..to] {
        let rect = mark_rect(galley, galley_pos, mark);
        match mark.kind {
            ListMarkKind::Bullet => {
                ui.painter().circle_filled(rect.center(), 2.5, colour);
            }
            ListMarkKind::Checkbox { checked } => {
                if checkbox_ui(ui, id, text, rect, mark, checked) {
                    toggled = Some(toggle(text, mark.byte, checked));
                }
            }
        }
    }
    toggled
}

/// The screen rectangle of a mark's Markdown.
fn mark_rect(galley: &Galley, galley_pos: Pos2, mark: &ListMark) -> Rect {
    let row = &galley.rows[mark.row];
    let left = row.row.x_offset(CharIndex(mark.column));
    let right = row.row.x_offset(CharIndex(mark.column + mark.chars));
    let top = row.rect().top();
    let rect = Rect::from_min_max(
        egui::pos2(row.pos.x + left, top),
        egui::pos2(row.pos.x + right.max(left + 6.0), top + row.row.size.y),
    );
    rect.translate(galley_pos.to_vec2())
}

/// One box drawn over `[ ]`/`[x]` in `area`; whether it was clicked.
fn checkbox_ui(
    ui: &mut Ui,
    id: Id,
    text: &str,
    area: Rect,
    mark: &ListMark,
    checked: bool,
) -> bool {
    let side = area.height().min(area.width()).min(14.0);
    let square = Rect::from_center_size(area.center(), egui::vec2(side, side));
    let response = ui.interact(square, id.with(("checkbox", mark.byte)), Sense::click());
    let after = (mark.byte + 3).min(text.len());
    let line_end = text[after..].find('\n').map_or(text.len(), |n| after + n);
    let item = text[after..line_end].trim();
    let done = if checked { "☑" } else { "☐" };
    crate::ui::widgets::set_name(ui, &response, &format!("{done} {item}"));
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

/// The text with the box at byte `at` ticked or cleared.
fn toggle(text: &str, at: usize, checked: bool) -> String {
    let mut out = text.to_owned();
    out.replace_range(at..at + 3, if checked { "[ ]" } else { "[x]" });
    out
}
