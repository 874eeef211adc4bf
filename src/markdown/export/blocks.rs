//! The pieces an export is made of (headings and text) and how they are
//! joined: a blank line between pieces, except right after a heading in a
//! day whose log was written without one there, so that a log comes back
//! spaced as it was.

use super::super::lines::heading_line;
use crate::model::Spacing;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Date,
    Heading,
    Text,
}

/// Headings and text, in the order they are written.
#[derive(Default)]
pub(super) struct Blocks {
    parts: Vec<(Kind, String)>,
}

impl Blocks {
    /// A day's date heading.
    pub fn date(&mut self, level: u8, text: &str) {
        self.parts.push((Kind::Date, heading_line(level, text)));
    }

    /// A heading inside a day (a section, a book, a chapter, a grid's title).
    pub fn heading(&mut self, level: u8, text: &str) {
        self.parts.push((Kind::Heading, heading_line(level, text)));
    }

    /// Text, a list or a table (nothing, if empty: an empty section is its
    /// heading alone).
    pub fn text(&mut self, text: String) {
        if !text.is_empty() {
            self.parts.push((Kind::Text, text));
        }
    }

    /// The pieces joined, ending with a newline.
    pub fn join(&self, spacing: Spacing) -> String {
        let mut out = String::new();
        let mut before: Option<Kind> = None;
        for (kind, part) in &self.parts {
            if let Some(before) = before {
                let tight = match before {
                    Kind::Date => spacing.tight_date,
                    Kind::Heading => spacing.tight_headings,
                    Kind::Text => false,
                };
                out.push_str(if tight { "\n" } else { "\n\n" });
            }
            out.push_str(part);
            before = Some(*kind);
        }
        out.push('\n');
        out
    }
}
