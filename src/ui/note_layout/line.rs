//! One line of a note laid out on its own: its spans in the editor's
//! styles, wrapped, its wrapped rows hanging under a list item's text, and
//! where its bullets and checkboxes are.

use std::sync::Arc;

use egui::text::{CharIndex, LayoutJob};
use egui::{Galley, Rect, Ui};

use crate::markdown::highlight::{LineContext, LineSpans, Mark, highlight_line};
use crate::ui::markdown_style::MarkdownStyle;

use super::{append_span, is_numbered, widened_to_rows};

/// A bullet drawn as a dot, or a checkbox drawn as a box that toggles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListMarkKind {
    Bullet,
    Checkbox { checked: bool },
}

/// A bullet or checkbox: where its Markdown starts (bytes) and the row and
/// column of the galley it is on, counted within its line while the line is
/// laid out, and within the note once the line is joined ([`Self::moved`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListMark {
    pub byte: usize,
    pub row: usize,
    pub column: usize,
    /// Characters of Markdown it covers (`-` is 1, `[ ]` is 3).
    pub chars: usize,
    pub kind: ListMarkKind,
}

impl ListMark {
    /// The mark of a line starting at `byte` and row `row` of the note.
    pub fn moved(self, byte: usize, row: usize) -> Self {
        ListMark {
            byte: self.byte + byte,
            row: self.row + row,
            ..self
        }
    }
}

/// One line of the note, laid out, with what joining it needs to know
/// without reading its rows again.
#[derive(Clone)]
pub struct Line {
    /// Bytes, without the newline.
    pub len: usize,
    /// The context the line leaves for the next one.
    pub after: LineContext,
    pub galley: Arc<Galley>,
    pub marks: Vec<ListMark>,
    /// How many rows it wrapped into.
    pub rows: usize,
    /// Its height in the note, a whole number of pixels.
    pub height: f32,
    pub width: f32,
    pub mesh_bounds: Rect,
    pub vertices: usize,
    pub indices: usize,
}

/// Lays out lines in the editor's look.
pub struct LineMaker<'a> {
    pub ui: &'a Ui,
    pub style: &'a MarkdownStyle,
    pub wrap_width: f32,
}

impl LineMaker<'_> {
    /// Every line of `text`, starting in `context`.
    pub fn lines(&mut self, text: &str, mut context: LineContext) -> Vec<Line> {
        text.split('\n')
            .map(|line| self.line(line, &mut context))
            .collect()
    }

    /// One line, after lines that left `context` (updated for the next).
    pub fn line(&mut self, line: &str, context: &mut LineContext) -> Line {
        let LineSpans {
            spans,
            hang,
            code_language,
        } = highlight_line(line, context);
        let coloured = code_language.and_then(|language| self.coloured_code(line, &language));
        let mut job = coloured.unwrap_or_default();
        if job.text.is_empty() {
            for span in &spans {
                append_span(&mut job, self.style, span.mark, &line[span.range.clone()]);
            }
        }
        if line.is_empty() {
            // An empty line still has the height of a line of text.
            job.append("", 0.0, self.style.plain());
        }
        let hang_width = hang.map_or(0.0, |at| self.prefix_width(&line[..at]));
        // Rows that hang are moved right: wrap short enough that they fit.
        job.wrap.max_width = (self.wrap_width - hang_width).max(self.wrap_width * 0.5);
        let galley = self.ui.fonts_mut(|f| f.layout_job(job));
        let galley = match hang {
            Some(at) => hang_wrapped_rows(&galley, line[..at].chars().count()),
            None => galley,
        };
        let marks = list_marks(line, &spans, &galley);
        let ppp = self.ui.ctx().pixels_per_point();
        Line {
            len: line.len(),
            after: context.clone(),
            rows: galley.rows.len(),
            height: (galley.rect.max.y * ppp).round() / ppp,
            width: galley.rect.max.x,
            mesh_bounds: galley.mesh_bounds,
            vertices: galley.num_vertices,
            indices: galley.num_indices,
            galley,
            marks,
        }
    }

    /// A line of code coloured as `language`, on the code tint (None while
    /// the grammars load, or for a language without one).
    fn coloured_code(&self, line: &str, language: &str) -> Option<LayoutJob> {
        if line.is_empty() {
            return None;
        }
        let mut job =
            crate::ui::code_colours::coloured_code(self.ui, line, language, self.style.mono())?;
        for section in &mut job.sections {
            section.format.background = self.style.code_background();
        }
        Some(job)
    }

    /// The width of a list item's indentation and marker, in points.
    fn prefix_width(&mut self, prefix: &str) -> f32 {
        let prefix = prefix.replace('\t', "    ");
        let (font, colour) = (self.style.body.clone(), self.style.text);
        self.ui
            .fonts_mut(|f| f.layout_no_wrap(prefix, font, colour))
            .size()
            .x
    }
}

/// The bullets and checkboxes of a line laid out as `galley`.
fn list_marks(
    line: &str,
    spans: &[crate::markdown::highlight::Span],
    galley: &Galley,
) -> Vec<ListMark> {
    spans
        .iter()
        .filter_map(|span| {
            let piece = &line[span.range.clone()];
            let (byte, chars, kind) = match span.mark {
                Mark::Bullet if !is_numbered(piece) => {
                    let at = span.range.start + (piece.len() - piece.trim_start().len());
                    (at, 1, ListMarkKind::Bullet)
                }
                Mark::Checkbox { checked } => {
                    (span.range.start, 3, ListMarkKind::Checkbox { checked })
                }
                _ => return None,
            };
            let index = line[..byte].chars().count();
            let (row, column) = row_and_column(galley, index);
            Some(ListMark {
                byte,
                row,
                column,
                chars,
                kind,
            })
        })
        .collect()
}

/// The row of `galley` holding character `index`, and its column there.
fn row_and_column(galley: &Galley, mut index: usize) -> (usize, usize) {
    let last = galley.rows.len().saturating_sub(1);
    for (row, placed) in galley.rows.iter().enumerate() {
        let count = placed.row.char_count_excluding_newline().0;
        if index < count || row == last {
            return (row, index);
        }
        index -= count;
    }
    (0, 0)
}

/// One list item's galley with its wrapped rows moved right to start under
/// the item's text (at character `column` of the first row).
fn hang_wrapped_rows(galley: &Arc<Galley>, column: usize) -> Arc<Galley> {
    if galley.rows.len() < 2 {
        return galley.clone();
    }
    let mut out = (**galley).clone();
    let dx = out.rows[0].row.x_offset(CharIndex(column));
    for row in out.rows.iter_mut().skip(1) {
        row.pos.x += dx;
    }
    widened_to_rows(out)
}
