//! The styles Markdown is drawn in, from the current theme: one set for
//! the notes editor while typing ([`super::note_layout`]) and for notes
//! shown read-only ([`super::markdown_view`]), so both look alike.

use egui::text::TextFormat;
use egui::{Color32, FontId, Stroke, Ui};

/// Heading sizes, relative to the body text, by level.
const HEADING_SCALE: [f32; 6] = [1.5, 1.35, 1.2, 1.1, 1.05, 1.0];

pub struct MarkdownStyle {
    pub body: FontId,
    pub text: Color32,
    pub strong: Color32,
    pub weak: Color32,
    mono: FontId,
    code_bg: Color32,
    link: Color32,
}

impl MarkdownStyle {
    pub fn of(ui: &Ui) -> Self {
        let style = ui.style();
        let visuals = &style.visuals;
        MarkdownStyle {
            body: egui::TextStyle::Body.resolve(style),
            mono: egui::TextStyle::Monospace.resolve(style),
            text: visuals.text_color(),
            strong: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
            code_bg: visuals.code_bg_color,
            link: visuals.hyperlink_color,
        }
    }

    pub fn plain(&self) -> TextFormat {
        self.coloured(self.text)
    }

    pub fn coloured(&self, colour: Color32) -> TextFormat {
        TextFormat::simple(self.body.clone(), colour)
    }

    pub fn italic(&self, colour: Color32) -> TextFormat {
        TextFormat {
            italics: true,
            ..self.coloured(colour)
        }
    }

    /// Inline code and code blocks: the monospace font on a tint.
    /// The font code is written in.
    pub fn mono(&self) -> FontId {
        self.mono.clone()
    }

    /// The tint behind code.
    pub fn code_background(&self) -> Color32 {
        self.code_bg
    }

    pub fn code(&self) -> TextFormat {
        TextFormat {
            background: self.code_bg,
            ..TextFormat::simple(self.mono.clone(), self.text)
        }
    }

    /// A heading of `level` (1–6): larger, in the strong colour.
    pub fn heading(&self, level: u8) -> TextFormat {
        let scale = HEADING_SCALE[usize::from(level.clamp(1, 6)) - 1];
        TextFormat::simple(FontId::proportional(self.body.size * scale), self.strong)
    }

    /// A link: underlined, in the link colour.
    pub fn link(&self) -> TextFormat {
        TextFormat {
            underline: Stroke::new(1.0, self.link),
            ..self.coloured(self.link)
        }
    }
}
