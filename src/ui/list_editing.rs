//! What Enter, Tab and Shift+Tab do to Markdown notes, as pure text functions.
//!
//! Notes are plain Markdown text. To make lists comfortable: Enter on a list
//! item starts the next item at the same indent (numbered lists count on,
//! checkboxes come back unchecked), Enter on an empty item ends the list, and
//! Tab/Shift+Tab indent or outdent every selected line by one level. Cursor
//! positions are in characters, as egui counts them.

/// One level of list nesting, as the Markdown export writes it.
pub const INDENT: &str = "  ";

/// Text and cursor after an edit; the cursor is a char range (start, end).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub text: String,
    pub cursor: (usize, usize),
}

/// Enter at char index `cursor`. None when the line is not a list item, so
/// the editor inserts a plain line break.
pub fn enter(text: &str, cursor: usize) -> Option<Edited> {
    let at = byte_index(text, cursor);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let item = ListItem::parse(&text[line_start..line_end])?;
    if at < line_start + item.prefix_len {
        return None;
    }
    if item.is_empty() {
        // An empty bullet ends the list: the marker goes, the line stays.
        let mut new = String::with_capacity(text.len());
        new.push_str(&text[..line_start]);
        new.push_str(&text[line_end..]);
        let cursor = char_index(&new, line_start);
        return Some(Edited {
            text: new,
            cursor: (cursor, cursor),
        });
    }
    let prefix = item.next_prefix();
    let mut new = String::with_capacity(text.len() + prefix.len() + 1);
    new.push_str(&text[..at]);
    new.push('\n');
    new.push_str(&prefix);
    new.push_str(&text[at..]);
    let cursor = cursor + 1 + prefix.chars().count();
    Some(Edited {
        text: new,
        cursor: (cursor, cursor),
    })
}

/// Tab (or Shift+Tab when `outdent`) on the char range `selection`: every
/// line the selection touches moves one level.
pub fn indent(text: &str, selection: (usize, usize), outdent: bool) -> Edited {
    let (from, to) = (selection.0.min(selection.1), selection.0.max(selection.1));
    let first_line = text[..byte_index(text, from)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let last_at = byte_index(text, to);
    let mut new = String::with_capacity(text.len() + 16);
    new.push_str(&text[..first_line]);
    let (mut shift_start, mut shift_end) = (0isize, 0isize);
    let mut line_start = first_line;
    loop {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        let change = if outdent {
            let removed = removable_indent(line);
            new.push_str(&line[removed..]);
            -(removed as isize)
        } else {
            new.push_str(INDENT);
            new.push_str(line);
            INDENT.len() as isize
        };
        if line_start == first_line {
            shift_start = clamp_shift(change, text, line_start, byte_index(text, from));
        }
        shift_end += clamp_shift(change, text, line_start, last_at.max(line_start));
        if line_end >= last_at.max(first_line) || line_end == text.len() {
            new.push_str(&text[line_end..]);
            break;
        }
        new.push('\n');
        line_start = line_end + 1;
    }
    // Indent is ASCII, so byte shifts are char shifts.
    let start = (from as isize + shift_start).max(0) as usize;
    let end = (to as isize + shift_end).max(0) as usize;
    let cursor = if selection.0 <= selection.1 {
        (start, end)
    } else {
        (end, start)
    };
    Edited { text: new, cursor }
}

/// How far a cursor at byte `at` on the line starting at `line_start` moves:
/// an outdent cannot move it before the line start.
fn clamp_shift(change: isize, _text: &str, line_start: usize, at: usize) -> isize {
    if change >= 0 {
        change
    } else {
        let column = (at - line_start) as isize;
        change.max(-column)
    }
}

/// The leading whitespace one outdent removes: one level of spaces or a tab.
fn removable_indent(line: &str) -> usize {
    if line.starts_with('\t') {
        return 1;
    }
    line.bytes()
        .take(INDENT.len())
        .take_while(|b| *b == b' ')
        .count()
}

/// A Markdown list item line, split into its parts.
struct ListItem<'a> {
    indent: &'a str,
    marker: Marker<'a>,
    checkbox: bool,
    prefix_len: usize,
    content: &'a str,
}

enum Marker<'a> {
    Bullet(&'a str),
    Number { value: u64, delimiter: char },
}

impl<'a> ListItem<'a> {
    fn parse(line: &'a str) -> Option<Self> {
        let body = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - body.len()];
        let (marker, rest) = if let Some(rest) = body
            .strip_prefix("- ")
            .or_else(|| body.strip_prefix("* "))
            .or_else(|| body.strip_prefix("+ "))
        {
            (Marker::Bullet(&body[..1]), rest)
        } else if body == "-" || body == "*" || body == "+" {
            (Marker::Bullet(body), "")
        } else {
            let digits = body.bytes().take_while(u8::is_ascii_digit).count();
            let delimiter = body[digits..].chars().next()?;
            if digits == 0 || digits > 9 || !matches!(delimiter, '.' | ')') {
                return None;
            }
            let rest = &body[digits + 1..];
            let rest = if rest.is_empty() {
                rest
            } else {
                rest.strip_prefix(' ')?
            };
            let value = body[..digits].parse().ok()?;
            (Marker::Number { value, delimiter }, rest)
        };
        let (checkbox, content) = match rest
            .strip_prefix("[ ] ")
            .or_else(|| rest.strip_prefix("[x] "))
            .or_else(|| rest.strip_prefix("[X] "))
        {
            Some(content) => (true, content),
            None if matches!(rest, "[ ]" | "[x]" | "[X]") => (true, ""),
            None => (false, rest),
        };
        Some(ListItem {
            indent,
            marker,
            checkbox,
            prefix_len: line.len() - content.len(),
            content,
        })
    }

    fn is_empty(&self) -> bool {
        self.content.trim().is_empty()
    }

    fn next_prefix(&self) -> String {
        let marker = match &self.marker {
            Marker::Bullet(bullet) => (*bullet).to_owned(),
            Marker::Number { value, delimiter } => format!("{}{delimiter}", value + 1),
        };
        let checkbox = if self.checkbox { " [ ]" } else { "" };
        format!("{}{marker}{checkbox} ", self.indent)
    }
}

pub fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

pub fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end(text: &str) -> Option<Edited> {
        enter(text, text.chars().count())
    }

    #[test]
    fn enter_continues_a_bullet_at_its_indent() {
        let edited = at_end("- 書き込み\n  - フォロワー").unwrap();
        assert_eq!(edited.text, "- 書き込み\n  - フォロワー\n  - ");
        assert_eq!(edited.cursor.0, edited.text.chars().count());
    }

    #[test]
    fn enter_counts_numbered_items_and_unchecks_boxes() {
        assert_eq!(at_end("9. 九").unwrap().text, "9. 九\n10. ");
        assert_eq!(at_end("- [x] 済").unwrap().text, "- [x] 済\n- [ ] ");
    }

    #[test]
    fn enter_on_an_empty_bullet_ends_the_list() {
        let edited = at_end("- a\n  - ").unwrap();
        assert_eq!(edited.text, "- a\n");
        assert_eq!(edited.cursor, (4, 4));
    }

    #[test]
    fn enter_outside_a_list_is_left_to_the_editor() {
        assert_eq!(at_end("ただの文"), None);
        assert_eq!(at_end("-5 度"), None);
        assert_eq!(enter("- abc", 1), None, "cursor inside the marker");
    }

    #[test]
    fn enter_in_the_middle_splits_the_item() {
        let edited = enter("- 前後", 3).unwrap();
        assert_eq!(edited.text, "- 前\n- 後");
        assert_eq!(edited.cursor, (6, 6));
    }

    #[test]
    fn tab_indents_every_selected_line() {
        let text = "- a\n- b\n- c";
        let edited = indent(text, (2, 6), false);
        assert_eq!(edited.text, "  - a\n  - b\n- c");
        assert_eq!(edited.cursor, (4, 10));
    }

    #[test]
    fn shift_tab_outdents_and_stops_at_the_margin() {
        let edited = indent("  - a\n- b", (5, 5), true);
        assert_eq!(edited.text, "- a\n- b");
        assert_eq!(edited.cursor, (3, 3));
        let unchanged = indent("- b", (1, 1), true);
        assert_eq!(unchanged.text, "- b");
        assert_eq!(unchanged.cursor, (1, 1));
    }

    #[test]
    fn indent_then_outdent_gives_the_text_back() {
        let text = "- 一\n  - 二\n三";
        let there = indent(text, (0, 9), false);
        let back = indent(&there.text, there.cursor, true);
        assert_eq!(back.text, text);
    }
}
