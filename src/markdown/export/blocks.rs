//! The pieces an export is made of (headings and text) and how they are
//! joined: a blank line between pieces, except right after a heading in a
//! day whose log was written without one there; or, for a day read from a
//! log, the blank lines it had between the same pieces, so that a log comes
//! back spaced as it was.

use super::super::escape::Escaped;
use super::super::lines::heading_line;
use crate::model::Spacing;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    Heading,
    Text,
}

/// One piece: its kind, its lines, and the fence line that closes a code
/// block its text leaves open (written only if something follows).
struct Part {
    kind: Kind,
    text: String,
    closing: Option<String>,
}

/// Headings and text, in the order they are written.
#[derive(Default)]
pub(super) struct Blocks {
    parts: Vec<Part>,
}

/// Pieces joined: the text without a final newline, and the line that
/// closes a code block left open at its end.
pub(super) struct Joined {
    pub text: String,
    pub closing: Option<String>,
}

impl Blocks {
    /// A day's date heading.
    pub fn date(&mut self, level: u8, text: &str, indent: u8) {
        let line = format!(
            "{}{}",
            " ".repeat(usize::from(indent)),
            heading_line(level, text)
        );
        self.push(Kind::Date, line, None);
    }

    /// A heading inside a day (a section, a book, a chapter, a grid's title).
    pub fn heading(&mut self, level: u8, text: &str) {
        self.push(Kind::Heading, heading_line(level, text), None);
    }

    /// Text, a list or a table (nothing, if empty: an empty section is its
    /// heading alone).
    pub fn text(&mut self, text: Escaped) {
        if !text.text.is_empty() {
            self.push(Kind::Text, text.text, text.closing);
        }
    }

    fn push(&mut self, kind: Kind, text: String, closing: Option<String>) {
        self.parts.push(Part {
            kind,
            text,
            closing,
        });
    }

    /// The kinds and lines of the pieces, for measuring a log's spacing.
    pub fn pieces(&self) -> impl Iterator<Item = (Kind, &str)> {
        self.parts.iter().map(|p| (p.kind, p.text.as_str()))
    }

    /// How many pieces there are.
    pub fn len(&self) -> usize {
        self.parts.len()
    }

    /// The pieces joined with the blank lines `kept` from a log (if there
    /// is one between every two pieces), else those `spacing` gives.
    pub fn join(&self, spacing: &Spacing, kept: Option<&[u8]>) -> Joined {
        let kept = kept.filter(|gaps| gaps.len() + 1 == self.parts.len());
        let mut text = String::new();
        let mut before: Option<&Part> = None;
        for (i, part) in self.parts.iter().enumerate() {
            if let Some(before) = before {
                if let Some(closing) = &before.closing {
                    text.push('\n');
                    text.push_str(closing);
                }
                let blank = match kept {
                    Some(gaps) => usize::from(gaps[i - 1]),
                    None => usize::from(!tight_after(before.kind, spacing)),
                };
                text.push_str(&"\n".repeat(blank + 1));
            }
            text.push_str(&part.text);
            before = Some(part);
        }
        Joined {
            text,
            closing: before.and_then(|p| p.closing.clone()),
        }
    }
}

/// Whether the usual spacing of a day has no blank line after a piece of `kind`.
fn tight_after(kind: Kind, spacing: &Spacing) -> bool {
    match kind {
        Kind::Date => spacing.tight_date,
        Kind::Heading => spacing.tight_headings,
        Kind::Text => false,
    }
}

/// The blank lines after each piece but the last under the usual spacing
/// (what `join` writes when no gaps were kept).
pub fn usual_gaps(kinds: &[Kind], spacing: &Spacing) -> Vec<u8> {
    kinds
        .iter()
        .take(kinds.len().saturating_sub(1))
        .map(|&kind| u8::from(!tight_after(kind, spacing)))
        .collect()
}
