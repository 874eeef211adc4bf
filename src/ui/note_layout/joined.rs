//! The note's galley joined from its lines' galleys, and its list marks,
//! changed in place: an edit replaces the rows of the lines it touched and
//! moves the rows after them, without reading any row it did not change
//! (rows live in separate allocations; touching 50,000 of them per
//! keystroke is what made long notes slow).
//!
//! Each line starts at a whole pixel: its top is the sum of the heights of
//! the lines above, each rounded to pixels, so moving rows by a difference
//! of tops gives exactly what joining anew would.

use std::sync::Arc;

use egui::epaint::text::PlacedRow;
use egui::text::LayoutJob;
use egui::{Galley, Rect, Vec2};

use super::line::{Line, ListMark};

/// The note's galley and marks.
#[derive(Clone)]
pub struct Joined {
    pub galley: Arc<Galley>,
    pub marks: Arc<Vec<ListMark>>,
}

/// Where the lines an edit replaced were, and how many took their place.
pub struct Replaced {
    /// The first line replaced, and how many new lines are there now.
    pub first: usize,
    pub fresh: usize,
    /// The row of the first line, and the rows and height the replaced
    /// lines had.
    pub row_first: usize,
    pub old_rows: usize,
    pub old_height: f32,
    /// The byte where the first line starts (the same before and after).
    pub byte: usize,
    /// Bytes the text grew by (negative when it shrank).
    pub grown: isize,
}

impl Joined {
    /// An empty note's, before any line is joined.
    pub fn empty(pixels_per_point: f32) -> Self {
        Joined {
            galley: Arc::new(Galley::concat(Arc::default(), &[], pixels_per_point)),
            marks: Arc::default(),
        }
    }

    /// Put the rows and marks of the lines `replaced` names where the old
    /// ones were; `lines` is the note's lines after the edit, `text` its
    /// text. Rows after them move by the change in height.
    pub fn replace(&mut self, lines: &[Line], replaced: &Replaced, text: &str) {
        let Replaced {
            first,
            fresh,
            row_first,
            old_rows,
            old_height,
            byte,
            grown,
        } = *replaced;
        let fresh = &lines[first..first + fresh];
        let galley = Arc::make_mut(&mut self.galley);
        let top = match row_first {
            0 => 0.0,
            row => galley.rows.get(row).map_or(galley.rect.max.y, |r| r.pos.y),
        };
        let (rows, new_height) = placed_rows(fresh, top);
        let new_rows = rows.len();
        galley.rows.splice(row_first..row_first + old_rows, rows);
        let dy = new_height - old_height;
        if dy != 0.0 {
            for row in &mut galley.rows[row_first + new_rows..] {
                row.pos.y += dy;
            }
        }
        if let Some(last) = galley.rows.last_mut() {
            last.ends_with_newline = false;
        }
        summarize(galley, lines, text);
        let marks = Arc::make_mut(&mut self.marks);
        let from = marks.partition_point(|m| m.row < row_first);
        let to = marks.partition_point(|m| m.row < row_first + old_rows);
        let placed = placed_marks(fresh, byte, row_first);
        let placed_count = placed.len();
        marks.splice(from..to, placed);
        let row_shift = new_rows as isize - old_rows as isize;
        for mark in &mut marks[from + placed_count..] {
            mark.byte = (mark.byte as isize + grown) as usize;
            mark.row = (mark.row as isize + row_shift) as usize;
        }
    }
}

/// The rows of `lines` placed from `top` down, and their total height.
fn placed_rows(lines: &[Line], mut top: f32) -> (Vec<PlacedRow>, f32) {
    let mut rows = Vec::with_capacity(lines.iter().map(|l| l.rows).sum());
    let start = top;
    for line in lines {
        let last = line.rows - 1;
        rows.extend(
            line.galley
                .rows
                .iter()
                .enumerate()
                .map(|(i, row)| PlacedRow {
                    pos: row.pos + Vec2::new(0.0, top),
                    row: row.row.clone(),
                    // Lines are split at newlines; each but the note's last ends with one.
                    ends_with_newline: i == last,
                }),
        );
        top += line.height;
    }
    (rows, top - start)
}

/// The marks of `lines`, the first starting at `byte` and row `row`.
fn placed_marks(lines: &[Line], mut byte: usize, mut row: usize) -> Vec<ListMark> {
    let mut marks = Vec::new();
    for line in lines {
        marks.extend(line.marks.iter().map(|m| m.moved(byte, row)));
        byte += line.len + 1;
        row += line.rows;
    }
    marks
}

/// The galley's size, bounds and counts from its lines (read from the
/// lines' own summaries, not their rows), and its text.
fn summarize(galley: &mut Galley, lines: &[Line], text: &str) {
    let (mut top, mut width) = (0.0_f32, 0.0_f32);
    let mut mesh_bounds = Rect::NOTHING;
    let (mut vertices, mut indices) = (0, 0);
    for line in lines {
        width = width.max(line.width);
        mesh_bounds |= line.mesh_bounds.translate(Vec2::new(0.0, top));
        vertices += line.vertices;
        indices += line.indices;
        top += line.height;
    }
    let bottom = galley.rows.last().map_or(top, |r| r.rect().bottom());
    galley.rect = Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(width, bottom));
    galley.mesh_bounds = mesh_bounds;
    galley.num_vertices = vertices;
    galley.num_indices = indices;
    // One section over the whole text: a job without sections makes the
    // galley "empty", and egui then draws none of its rows.
    let whole = egui::text::LayoutSection {
        leading_space: 0.0,
        byte_range: egui::text::ByteIndex(0)..egui::text::ByteIndex(text.len()),
        format: egui::TextFormat::default(),
    };
    galley.job = Arc::new(LayoutJob {
        text: text.to_owned(),
        sections: vec![whole],
        round_output_to_gui: false,
        ..LayoutJob::default()
    });
}
