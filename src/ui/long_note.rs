//! A note too long to edit in the window, shown read-only.
//!
//! Past [`LONG_NOTE_LINES`] lines (or [`LONG_NOTE_BYTES`]) an editor would lay out every line before the
//! first keystroke (a 1,000,000-line note took minutes and gigabytes), so
//! the note is shown as plain lines in a scroll area that lays out only
//! the lines in view. Every word stays in the journal and its exports; the
//! notice says so, and how to change the note.

use egui::{Id, RichText, ScrollArea, TextWrapMode, Ui};

use super::i18n::UiLanguage;

/// Notes with more lines than this are shown read-only. A keystroke costs
/// about 0.25 ms per 1,000 lines (10 ms at 40,000 on a 2-core machine, the
/// `frame` bench), and opening the day lays out every line once.
pub const LONG_NOTE_LINES: usize = 50_000;

/// Or more bytes than this (a few very long lines cost as much).
pub const LONG_NOTE_BYTES: usize = 4 * 1024 * 1024;

/// The most of the window the viewer takes, in points, so the rest of
/// the day stays in reach below it.
const VIEWER_HEIGHT: f32 = 420.0;

/// Whether `text` is shown read-only instead of in an editor.
pub fn is_long_note(text: &str) -> bool {
    // Each line takes at least its newline: shorter notes are never counted.
    text.len() > LONG_NOTE_BYTES
        || (text.len() > LONG_NOTE_LINES
            && memchr::memchr_iter(b'\n', text.as_bytes()).count() >= LONG_NOTE_LINES)
}

/// The notice and the read-only lines of `text`, labelled by the widget
/// `label`; `reveal` scrolls the viewer to that line (a search hit).
pub fn long_note_ui(
    ui: &mut Ui,
    id: Id,
    label: Id,
    text: &str,
    lang: UiLanguage,
    reveal: Option<usize>,
) {
    let lines = LineStarts::of(text);
    notice_ui(ui, text, lines.count(), lang);
    let row_height = line_height(ui);
    let row_pitch = row_height + ui.spacing().item_spacing.y;
    let mut area = ScrollArea::both()
        .id_salt(id)
        .max_height(VIEWER_HEIGHT)
        .auto_shrink([false, true]);
    if let Some(line) = reveal {
        // The hit's line at the top, with two lines above it for context.
        area = area.vertical_scroll_offset(line.saturating_sub(2) as f32 * row_pitch);
    }
    let shown = area.show_rows(ui, row_height, lines.count(), |ui, rows| {
        for row in rows {
            let line = lines.line(text, row);
            let shown = if line.is_empty() { " " } else { line };
            ui.add(egui::Label::new(shown).wrap_mode(TextWrapMode::Extend));
        }
    });
    let response = ui
        .interact(shown.inner_rect, id, egui::Sense::hover())
        .labelled_by(label);
    if reveal.is_some() {
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// The height of a label of Japanese text: the fallback font's glyphs
/// make it taller than the body style's own line height.
fn line_height(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let sample = ui
        .painter()
        .layout_no_wrap("Aあ漢".into(), font, egui::Color32::WHITE);
    sample.size().y
}

/// What the note is, why it cannot be edited here, and a way out.
fn notice_ui(ui: &mut Ui, text: &str, lines: usize, lang: UiLanguage) {
    let megabytes = text.len() as f64 / (1024.0 * 1024.0);
    let lines = grouped(lines);
    let what = match lang {
        UiLanguage::Japanese => format!(
            "このメモは {lines} 行（{megabytes:.1} MB）あり、ここで編集するには長すぎるため読み取り専用で表示しています。内容はすべて日誌に残り、保存・書き出しもされます。編集するには全文をコピーして別のエディタで分けてから貼り戻してください。"
        ),
        UiLanguage::English => format!(
            "This note has {lines} lines ({megabytes:.1} MB), too long to edit here, so it is shown read-only. Every word stays in the journal and is saved and exported. To change it, copy it, split it in another editor, and paste the parts back."
        ),
    };
    ui.label(RichText::new(what).weak());
    let copy = lang.pick("全文をコピー", "Copy the whole note");
    if ui.button(copy).clicked() {
        ui.ctx().copy_text(text.to_owned());
    }
}

/// `n` with its thousands separated by commas, as both languages write it.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Where each line of a text starts, found in one pass (about 4 ms for a
/// 40 MB note); not kept between frames, so it can never be stale.
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn of(text: &str) -> Self {
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes());
        LineStarts(std::iter::once(0).chain(newlines.map(|i| i + 1)).collect())
    }

    fn count(&self) -> usize {
        self.0.len()
    }

    /// Line `n` (from 0), without its newline.
    fn line<'t>(&self, text: &'t str, n: usize) -> &'t str {
        let start = self.0[n];
        let end = self.0.get(n + 1).map_or(text.len(), |next| next - 1);
        &text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_found_with_and_without_a_last_newline() {
        let text = "一行目\n\n三行目\n";
        let lines = LineStarts::of(text);
        assert_eq!(lines.count(), 4);
        let all: Vec<&str> = (0..4).map(|n| lines.line(text, n)).collect();
        assert_eq!(all, ["一行目", "", "三行目", ""]);
        assert_eq!(LineStarts::of("x").line("x", 0), "x");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(7), "7");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_000_000), "1,000,000");
        assert_eq!(grouped(40_125), "40,125");
    }

    #[test]
    fn only_notes_past_the_limit_are_long() {
        assert!(!is_long_note(&"- 項目\n".repeat(40_000)));
        assert!(!is_long_note(&"- 項目\n".repeat(LONG_NOTE_LINES - 1)));
        assert!(is_long_note(&"- 項目\n".repeat(LONG_NOTE_LINES)));
        assert!(is_long_note(&"x".repeat(LONG_NOTE_BYTES + 1)));
    }
}
