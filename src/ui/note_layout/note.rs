//! A note laid out line by line and kept between frames, so a keystroke in
//! a note of 40,000 lines costs about what it costs in one of 300.
//!
//! Each line is its own galley ([`super::line`]). An edit lays out again
//! only the lines it touched, and then the lines after them whose context
//! changed (a code fence opened or closed); the joined galley changes only
//! there ([`super::joined`]).

use std::ops::Range;
use std::sync::Arc;

use crate::markdown::highlight::LineContext;
use crate::ui::markdown_style::MarkdownStyle;
use egui::{Galley, Ui};

use super::joined::{Joined, Replaced};
use super::line::{Line, LineMaker};

/// A note's layout, kept per editor between frames.
#[derive(Clone)]
pub struct NoteLayout {
    /// What the layout depends on besides the text (width, theme, font size).
    look: Option<u64>,
    text: String,
    lines: Vec<Line>,
    joined: Joined,
    /// A galley from egui's own cache, held so that a new one is a new
    /// allocation: egui lays out text anew (a new galley) whenever it has
    /// rebuilt its glyph atlas, and then lines kept from before point at
    /// glyphs no longer there, drawing as nothing.
    atlas_probe: Option<Arc<Galley>>,
}

impl Default for NoteLayout {
    fn default() -> Self {
        NoteLayout {
            look: None,
            text: String::new(),
            lines: Vec::new(),
            joined: Joined::empty(1.0),
            atlas_probe: None,
        }
    }
}

impl NoteLayout {
    /// Bring the layout up to `text` at `wrap_width`; `look` keys all that
    /// decides how text looks besides them.
    pub fn update(&mut self, ui: &Ui, text: &str, wrap_width: f32, look: u64) {
        let probe = atlas_probe(ui);
        if !self
            .atlas_probe
            .as_ref()
            .is_some_and(|p| Arc::ptr_eq(p, &probe))
        {
            // A new atlas: nothing laid out before can be kept.
            self.look = None;
            self.atlas_probe = Some(probe);
        }
        if self.look == Some(look) && text == self.text {
            return;
        }
        let style = MarkdownStyle::of(ui);
        let mut maker = LineMaker {
            ui,
            style: &style,
            wrap_width,
        };
        let (fresh, lines, byte, grown) = if self.look == Some(look) {
            self.relayout_changed(&mut maker, text)
        } else {
            // A new look starts from nothing: no old rows or marks remain.
            self.joined = Joined::empty(ui.ctx().pixels_per_point());
            self.lines.clear();
            let mut fresh = maker.lines(text, LineContext::default());
            compact_rows(&mut fresh);
            (fresh, 0..0, 0, text.len() as isize)
        };
        let replaced = Replaced {
            first: lines.start,
            fresh: fresh.len(),
            row_first: self.lines[..lines.start].iter().map(|l| l.rows).sum(),
            old_rows: self.lines[lines.clone()].iter().map(|l| l.rows).sum(),
            old_height: self.lines[lines.clone()].iter().map(|l| l.height).sum(),
            byte,
            grown,
        };
        self.lines.splice(lines, fresh);
        self.joined.replace(&self.lines, &replaced, text);
        self.look = Some(look);
        self.text = text.to_owned();
    }

    /// The galley and marks as last updated (shared, not copied).
    pub fn view(&self) -> Joined {
        self.joined.clone()
    }

    /// Lay out again the lines an edit from `self.text` to `text` touched,
    /// and the lines after them until their context is what it was; which
    /// old lines they replace, where the first starts and how many bytes
    /// the text grew by.
    fn relayout_changed(
        &self,
        maker: &mut LineMaker,
        text: &str,
    ) -> (Vec<Line>, Range<usize>, usize, isize) {
        let old = self.text.as_bytes();
        let new = text.as_bytes();
        let prefix = common_prefix(old, new);
        let suffix = common_suffix(&old[prefix..], &new[prefix..]);
        let starts = line_starts(&self.lines);
        let line_of = |byte: usize| starts.partition_point(|&s| s <= byte) - 1;
        let first = line_of(prefix);
        let last = line_of(old.len() - suffix);
        let grown = new.len() as isize - old.len() as isize;
        let shift = |byte: usize| (byte as isize + grown) as usize;
        let region_end = shift(starts[last] + self.lines[last].len);
        let context = match first {
            0 => LineContext::default(),
            n => self.lines[n - 1].after.clone(),
        };
        let mut fresh = maker.lines(&text[starts[first]..region_end], context.clone());
        let mut context = fresh.last().map_or(context, |line| line.after.clone());
        // Lines after the edit keep their layout once the context they
        // start in is the one they had.
        let mut next = last + 1;
        while next < self.lines.len() && context != self.lines[next - 1].after {
            let start = shift(starts[next]);
            let line = &text[start..start + self.lines[next].len];
            fresh.push(maker.line(line, &mut context));
            next += 1;
        }
        (fresh, first..next, starts[first], grown)
    }
}

/// A short text laid out through egui's galley cache: the same galley for
/// as long as the cache (and the glyph atlas it points into) lasts.
fn atlas_probe(ui: &Ui) -> Arc<Galley> {
    let font = egui::FontId::default();
    ui.fonts_mut(|f| f.layout_no_wrap("あa".into(), font, egui::Color32::WHITE))
}

/// Give the rows of `lines` new homes side by side in memory. egui finds
/// the caret's row by walking every row of the note from the top, several
/// times a frame; rows laid out one line at a time sit between their glyphs
/// and meshes, a cache miss each, and the walk over 50,000 of them costs
/// milliseconds. Copied first and then moved into their shared boxes in one
/// go, the rows end up adjacent and the walk streams.
fn compact_rows(lines: &mut [Line]) {
    use egui::epaint::text::Row;
    let owned: Vec<Row> = lines
        .iter()
        .flat_map(|line| line.galley.rows.iter().map(|r| (*r.row).clone()))
        .collect();
    let boxed: Vec<Arc<Row>> = owned.into_iter().map(Arc::new).collect();
    let mut boxed = boxed.into_iter();
    for line in lines {
        let mut galley = (*line.galley).clone();
        for (placed, row) in galley.rows.iter_mut().zip(&mut boxed) {
            placed.row = row;
        }
        line.galley = Arc::new(galley);
    }
}

/// Where each line starts, in bytes.
fn line_starts(lines: &[Line]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for line in lines {
        starts.push(at);
        at += line.len + 1;
    }
    starts
}

/// How many bytes two texts share at their start, compared a block at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let shortest = a.len().min(b.len());
    let mut at = 0;
    while at + BLOCK <= shortest && a[at..at + BLOCK] == b[at..at + BLOCK] {
        at += BLOCK;
    }
    while at < shortest && a[at] == b[at] {
        at += 1;
    }
    at
}

/// How many bytes two texts share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 64;
    let shortest = a.len().min(b.len());
    let (a_end, b_end) = (a.len(), b.len());
    let mut n = 0;
    while n + BLOCK <= shortest
        && a[a_end - n - BLOCK..a_end - n] == b[b_end - n - BLOCK..b_end - n]
    {
        n += BLOCK;
    }
    while n < shortest && a[a_end - n - 1] == b[b_end - n - 1] {
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_ends_are_found_across_blocks() {
        let a = "x".repeat(200) + "abc" + &"y".repeat(150);
        let b = "x".repeat(200) + "aXc" + &"y".repeat(150);
        assert_eq!(common_prefix(a.as_bytes(), b.as_bytes()), 201);
        assert_eq!(common_suffix(a.as_bytes(), b.as_bytes()), 151);
        assert_eq!(common_prefix(b"", b"abc"), 0);
        assert_eq!(common_suffix(b"abc", b"abc"), 3);
    }
}
