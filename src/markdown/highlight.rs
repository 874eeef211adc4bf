//! What each piece of a note's Markdown means, for drawing it while it is
//! typed: headings, emphasis, code, links, list markers and checkboxes. The
//! text is never changed; this only says which byte ranges are which, so the
//! editor can show `**bold**` bold and `- [ ]` as a box while the file keeps
//! plain Markdown.
//!
//! Line-based like the importer, and forgiving: anything it does not
//! recognise is plain text.

use std::ops::Range;

use super::lines::{Fences, heading, is_rule};
use super::lists::{checkbox_prefix, item_start};

/// What a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// A heading line, marker included, at this level.
    Heading(u8),
    Bold,
    Italic,
    /// Inline code, backticks included.
    Code,
    /// A fenced code block's lines, fences included.
    CodeBlock,
    Link,
    /// A list item's bullet or number (with the indentation before it).
    Bullet,
    /// `[ ]` or `[x]` at the start of an item.
    Checkbox {
        checked: bool,
    },
    Quote,
    /// `---`, `***`.
    Rule,
    /// A table's pipes and its delimiter row (`| --- | :-: |`).
    TableSyntax,
}

/// A piece of text and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub mark: Mark,
}

/// A line that is a list item: where its text starts (in bytes from the
/// line's start), so wrapped rows can hang under the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hang {
    /// The line, as a byte range of the text (newline excluded).
    pub line: Range<usize>,
    /// Bytes of indentation, marker and checkbox before the item's text.
    pub text_start: usize,
}

/// The note, cut into spans that cover it all, in order; and the list
/// items whose wrapped rows hang.
pub fn highlight(text: &str) -> (Vec<Span>, Vec<Hang>) {
    let mut spans = Vec::new();
    let mut hangs = Vec::new();
    let mut context = LineContext::default();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let code = line_spans_in(&mut spans, &mut hangs, line, start, &mut context);
        if end < text.len() {
            // Inside a code block the line break is part of the block.
            let mark = if code && context.0.is_open() {
                Mark::CodeBlock
            } else {
                Mark::Plain
            };
            push(&mut spans, end..end + 1, mark);
        }
        start = end + 1;
    }
    (spans, hangs)
}

/// What a line's meaning depends on in the lines before it: a code fence
/// still open, the list items it may continue. Equal contexts before a line
/// give it the same spans, which is what lets an editor redo only the lines
/// an edit touched (and those after it whose context changed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineContext(Fences, String);

/// One line's spans (ranges within the line, no newline), and where its
/// text starts if it is a list item (its wrapped rows hang there).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineSpans {
    pub spans: Vec<Span>,
    pub hang: Option<usize>,
    /// For a line of code inside a fence (not a fence line): the language
    /// the fence names ("" if none), so an editor can colour it.
    pub code_language: Option<String>,
}

/// Highlight one `line` (without its newline) after the lines that left
/// `context`, which it updates for the next line.
pub fn highlight_line(line: &str, context: &mut LineContext) -> LineSpans {
    let mut spans = Vec::new();
    let mut hangs = Vec::new();
    let was_open = context.0.is_open();
    line_spans_in(&mut spans, &mut hangs, line, 0, context);
    let is_open = context.0.is_open();
    if !was_open && is_open {
        context.1 = fence_language(line).to_owned();
    }
    LineSpans {
        spans,
        hang: hangs.first().map(|h| h.text_start),
        code_language: (was_open && is_open).then(|| context.1.clone()),
    }
}

/// The first word of a fence line's info string (```rust → "rust").
fn fence_language(line: &str) -> &str {
    let rest = line.trim_start().trim_start_matches(['-', '*', '+', ' ']);
    rest.trim_start_matches(['`', '~'])
        .split_whitespace()
        .next()
        .unwrap_or("")
}

/// Add the spans of `line` (at byte `at` of the text); true if it is code.
fn line_spans_in(
    spans: &mut Vec<Span>,
    hangs: &mut Vec<Hang>,
    line: &str,
    at: usize,
    context: &mut LineContext,
) -> bool {
    let code = context.0.is_code(line);
    if code {
        push(spans, at..at + line.len(), Mark::CodeBlock);
    } else {
        line_spans(spans, hangs, line, at);
    }
    code
}

/// Add a span, merging it with the one before when they mean the same.
fn push(spans: &mut Vec<Span>, range: Range<usize>, mark: Mark) {
    if range.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.mark == mark && last.range.end == range.start => {
            last.range.end = range.end
        }
        _ => spans.push(Span { range, mark }),
    }
}

fn line_spans(spans: &mut Vec<Span>, hangs: &mut Vec<Hang>, line: &str, at: usize) {
    let whole = at..at + line.len();
    if let Some(h) = heading(line) {
        return push(spans, whole, Mark::Heading(h.level));
    }
    let trimmed = line.trim_start();
    if is_rule(trimmed) {
        return push(spans, whole, Mark::Rule);
    }
    if trimmed.starts_with('>') {
        return push(spans, whole, Mark::Quote);
    }
    if trimmed.starts_with('|') {
        return table_row_spans(spans, line, at);
    }
    let Some((marker, rest)) = list_item(line) else {
        return inline_spans(spans, line, at);
    };
    push(spans, at..at + marker.len(), Mark::Bullet);
    let mut text_start = marker.len();
    if let Some((checkbox, _)) = checkbox_prefix(rest) {
        let box_at = at + marker.len();
        push(
            spans,
            box_at..box_at + 3,
            Mark::Checkbox {
                checked: checkbox != "[ ]",
            },
        );
        text_start += 3;
        if rest.len() > 3 {
            push(spans, box_at + 3..box_at + 4, Mark::Plain);
            text_start += 1;
        }
    }
    hangs.push(Hang {
        line: whole,
        text_start,
    });
    inline_spans(spans, &line[text_start..], at + text_start);
}

/// A table row: its pipes (and a delimiter row whole) as table syntax, the
/// cells' text as text.
fn table_row_spans(spans: &mut Vec<Span>, line: &str, at: usize) {
    if line.trim().chars().all(|c| "|-: \t".contains(c)) {
        return push(spans, at..at + line.len(), Mark::TableSyntax);
    }
    let mut cell_start = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'|' => {
                inline_spans(spans, &line[cell_start..i], at + cell_start);
                push(spans, at + i..at + i + 1, Mark::TableSyntax);
                cell_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    inline_spans(spans, &line[cell_start..], at + cell_start);
}

/// A list item at any depth: its indentation and marker (with the spaces
/// after it), and the rest of the line.
fn list_item(line: &str) -> Option<(&str, &str)> {
    let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (marker, _) = item_start(&line[indent..])?;
    let end = indent + marker.len();
    Some((&line[..end], &line[end..]))
}

/// Code, bold, italic and links within one line of text.
fn inline_spans(spans: &mut Vec<Span>, text: &str, at: usize) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let found = match bytes[i] {
            b'`' => code_end(text, i).map(|end| (end, Mark::Code)),
            // `_` inside a word (snake_case) is no emphasis.
            b'_' if text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric) =>
            {
                None
            }
            b'*' | b'_' if text[i..].starts_with("**") || text[i..].starts_with("__") => {
                closing(text, i, 2).map(|end| (end, Mark::Bold))
            }
            b'*' | b'_' => closing(text, i, 1).map(|end| (end, Mark::Italic)),
            b'[' => link_end(text, i).map(|end| (end, Mark::Link)),
            _ => None,
        };
        match found {
            Some((end, mark)) => {
                push(spans, at + plain_from..at + i, Mark::Plain);
                push(spans, at + i..at + end, mark);
                i = end;
                plain_from = end;
            }
            None => i += 1,
        }
    }
    push(spans, at + plain_from..at + text.len(), Mark::Plain);
}

/// The end of a code span opened by the backticks at `i`: after the same
/// number of backticks further on.
fn code_end(text: &str, i: usize) -> Option<usize> {
    let run = text[i..].bytes().take_while(|&b| b == b'`').count();
    let fence = &text[i..i + run];
    let after = i + run;
    let close = text[after..].find(fence)?;
    Some(after + close + run)
}

/// The end of emphasis opened at `i` by `width` marker characters: after
/// the same markers, with text that does not start or end with a space.
fn closing(text: &str, i: usize, width: usize) -> Option<usize> {
    let marker = &text[i..i + width];
    let inner_start = i + width;
    let first = text[inner_start..].chars().next()?;
    if first.is_whitespace() || text[inner_start..].starts_with(marker) {
        return None;
    }
    let close = text[inner_start..].find(marker)? + inner_start;
    let last = text[..close].chars().next_back()?;
    (close > inner_start && !last.is_whitespace()).then_some(close + width)
}

/// The end of `[text](target)` starting at `i`.
fn link_end(text: &str, i: usize) -> Option<usize> {
    let close = text[i..].find("](")? + i;
    let end = text[close..].find(')')? + close;
    Some(end + 1)
}

#[cfg(test)]
mod tests;
