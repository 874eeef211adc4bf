//! Bullet lists in the list sections (取り組んだこと, わからなかったこと,
//! 次やること): reading a section's lines as items and the text between
//! them, and writing items back.
//!
//! Nothing is reformatted: an item keeps its marker as written (`* `, `1. `,
//! `-   `) and its further lines exactly as written (indentation, tabs,
//! code blocks, nested lists), and everything between items (sub-headings,
//! paragraphs, blank lines, rules, comments) is kept as text where it
//! stood. Writing the pieces back one after another gives the lines again.

use super::lines::{Fences, columns, is_rule, starts_block};

/// One top-level item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemLines<'a> {
    /// The marker with the spaces after it (and any indentation before it).
    pub marker: String,
    /// The rest of the first line.
    pub first: &'a str,
    /// The lines that belong to the item, as written.
    pub rest: Vec<&'a str>,
}

/// A piece of a list section: an item, or lines between items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Item(ItemLines<'a>),
    Text(Vec<&'a str>),
}

impl ItemLines<'_> {
    /// The item's text: the first line, then its further lines as written.
    pub fn text(&self) -> String {
        let mut text = self.first.to_owned();
        for line in &self.rest {
            text.push('\n');
            text.push_str(line);
        }
        text
    }

    /// The column where the item's content starts (where its lines are indented to).
    pub fn content_indent(&self) -> usize {
        width(&self.marker)
    }
}

/// The pieces of a list section's lines, in order.
pub fn pieces<'a>(lines: &[&'a str]) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut text: Vec<&'a str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match item_start(lines[i]) {
            Some((marker, first)) => {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                let end = item_end(lines, i, width(&marker), !first.trim().is_empty());
                let rest = lines[i + 1..end].to_vec();
                pieces.push(Piece::Item(ItemLines {
                    marker,
                    first,
                    rest,
                }));
                i = end;
            }
            None => {
                let end = text_end(lines, i);
                text.extend_from_slice(&lines[i..end]);
                i = end;
            }
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    pieces
}

/// A top-level list item's marker (indentation, marker and the spaces after
/// it) and the rest of its first line.
pub fn item_start(line: &str) -> Option<(String, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 || is_rule(line) {
        return None;
    }
    let body = &line[indent..];
    let marker_len = if body.starts_with(['-', '*', '+']) {
        1
    } else {
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 || !body[digits..].starts_with(['.', ')']) {
            return None;
        }
        digits + 1
    };
    let after = &body[marker_len..];
    if after.is_empty() {
        return Some((line.to_owned(), ""));
    }
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    if spaces == 0 {
        return None;
    }
    // Five or more spaces start indented code inside the item: its content
    // begins after one.
    let spaces = if spaces > 4 || after.starts_with('\t') {
        1
    } else {
        spaces
    };
    let end = indent + marker_len + spaces;
    Some((line[..end].to_owned(), &line[end..]))
}

fn width(marker: &str) -> usize {
    columns(marker) + marker.trim_start().chars().count()
}

/// Where the item starting at `start` ends: its indented lines, a lazy
/// continuation of its paragraph, code fences opened in it, and blank lines
/// followed by more of it.
fn item_end(lines: &[&str], start: usize, content: usize, first_has_text: bool) -> usize {
    let mut fences = Fences::default();
    let mut last_is_text = first_has_text && !fences.is_code(lines[start]);
    let mut end = start + 1;
    let mut i = start + 1;
    while i < lines.len() {
        let line = lines[i];
        // Only a fence opened inside the item holds lines in it; a line
        // that opens one is the item's only if indented under it.
        let in_code = fences.holds(line) && !line.trim().is_empty();
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        let belongs = columns(line) >= content
            || in_code
            || (last_is_text && i == end && lazy_continuation(line));
        if !belongs {
            break;
        }
        fences.is_code(line);
        last_is_text = !in_code;
        i += 1;
        end = i;
    }
    end
}

/// A line that continues the paragraph above it rather than starting a block.
fn lazy_continuation(line: &str) -> bool {
    !(starts_block(line) || line.trim_start().starts_with('<'))
}

/// Where the text starting at `start` ends: at the next item outside code.
fn text_end(lines: &[&str], start: usize) -> usize {
    let mut fences = Fences::default();
    let mut i = start;
    while i < lines.len() {
        let code = fences.is_code(lines[i]);
        if i > start && !code && item_start(lines[i]).is_some() {
            break;
        }
        i += 1;
    }
    i
}

/// Writes one item: its marker, a box if it has one, the text's first line,
/// then its further lines as they are. A first line that would read back as
/// a box (`misread`: only where boxes mean something) gets a `\\`.
pub fn write_item(
    out: &mut String,
    marker: &str,
    checkbox: Option<&str>,
    text: &str,
    misread: impl Fn(&str) -> bool,
) {
    if !out.is_empty() {
        out.push('\n');
    }
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default();
    let mut head = String::from(marker);
    if let Some(checkbox) = checkbox {
        head.push_str(checkbox);
        head.push(' ');
    } else if misread(first) || (first.starts_with('\\') && misread(&first[1..])) {
        head.push('\\'); // text that starts like a checkbox stays text
    }
    head.push_str(first);
    out.push_str(head.trim_end_matches(' '));
    for line in lines {
        out.push('\n');
        out.push_str(line);
    }
}

/// `[ ] rest`, `[x] rest` or `[X] rest`: the box as written, and the rest.
pub fn checkbox_prefix(text: &str) -> Option<(&str, &str)> {
    let checkbox = text.get(..3)?;
    if !matches!(checkbox, "[ ]" | "[x]" | "[X]") {
        return None;
    }
    let rest = &text[3..];
    (rest.is_empty() || rest.starts_with(' '))
        .then(|| (checkbox, rest.strip_prefix(' ').unwrap_or(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<Piece<'_>> {
        pieces(&text.split('\n').collect::<Vec<_>>())
    }

    fn rebuilt(pieces: &[Piece]) -> String {
        let mut out: Vec<String> = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Item(item) => {
                    out.push(format!("{}{}", item.marker, item.first));
                    out.extend(item.rest.iter().map(|l| (*l).to_owned()));
                }
                Piece::Text(lines) => out.extend(lines.iter().map(|l| (*l).to_owned())),
            }
        }
        out.join("\n")
    }

    #[test]
    fn items_keep_their_markers_and_lines_as_written() {
        let text = "* 本\n    * 5\n\t- タブ\n1. 番号\n   続き\n+ 次\n-   広い";
        let parsed = split(text);
        let markers: Vec<&str> = parsed
            .iter()
            .filter_map(|p| match p {
                Piece::Item(item) => Some(item.marker.as_str()),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(markers, ["* ", "1. ", "+ ", "-   "]);
        assert_eq!(rebuilt(&parsed), text, "nothing changes");
    }

    #[test]
    fn text_between_items_stays_where_it_was() {
        let text = "### 仕事\n- a\n\n- b\n段落\n\n---\n<!-- メモ -->\n### 勉強\n- c";
        let parsed = split(text);
        assert_eq!(rebuilt(&parsed), text);
        assert!(matches!(&parsed[0], Piece::Text(lines) if lines == &["### 仕事"]));
        let Piece::Item(b) = &parsed[3] else {
            panic!("{parsed:?}")
        };
        assert_eq!(b.text(), "b\n段落", "a lazy line continues the item");
    }

    #[test]
    fn code_in_an_item_belongs_to_it_even_across_blank_lines() {
        let text = "- 手順\n  ```sh\n  # not a heading\n\n  make\n  ```\n- 次";
        let parsed = split(text);
        let Piece::Item(first) = &parsed[0] else {
            panic!()
        };
        assert_eq!(first.rest.len(), 5);
        assert_eq!(rebuilt(&parsed), text);
    }

    #[test]
    fn rules_and_headings_are_not_items() {
        for line in ["---", "* * *", "- - -", "## 見出し", "-1 度", "*強調*"] {
            assert_eq!(item_start(line), None, "{line}");
        }
    }

    #[test]
    fn written_items_read_back() {
        let boxes = |t: &str| checkbox_prefix(t).is_some();
        let mut out = String::new();
        write_item(&mut out, "- ", None, "本\n  - 5\n\n    - 深い", boxes);
        write_item(&mut out, "* ", Some("[x]"), "済", boxes);
        write_item(&mut out, "- ", None, "[x] は文字", boxes);
        write_item(&mut out, "- ", None, "[x] 取り組んだこと", |_| false);
        write_item(&mut out, "- ", None, "", boxes);
        assert_eq!(
            out,
            "- 本\n  - 5\n\n    - 深い\n* [x] 済\n- \\[x] は文字\n- [x] 取り組んだこと\n-"
        );
    }
}
