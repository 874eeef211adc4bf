//! Bullet lists in the list sections (取り組んだこと, わからなかったこと,
//! 次やること): reading items with their nested lines, and writing them back.
//!
//! An item's text is its first line plus its nested lines, re-indented two
//! spaces per level whatever the file used (two or four spaces, tabs), so the
//! editor and the exporter see one consistent shape.

/// One top-level item of a list section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// `Some(true)` for `[x]`, `Some(false)` for `[ ]`, `None` without a checkbox.
    pub checkbox: Option<bool>,
    /// The first line after the marker and checkbox.
    pub first: String,
    /// The nested lines, one level less indented, two spaces per level.
    pub nested: Vec<String>,
}

impl ListItem {
    /// The item's text as a journal keeps it: the first line, then the
    /// nested lines indented under the item (two spaces a level).
    pub fn written_text(&self) -> String {
        let mut text = self.first.clone();
        for line in &self.nested {
            text.push('\n');
            if !line.is_empty() {
                text.push_str("  ");
                text.push_str(line);
            }
        }
        text
    }

    /// The item's whole text: first line and nested lines.
    #[cfg(test)]
    pub fn text(&self) -> String {
        let mut text = self.first.clone();
        for line in &self.nested {
            text.push('\n');
            text.push_str(line);
        }
        text
    }
}

/// Reads the items of a list section. Lines before the first item and
/// paragraphs between items become items of their own, so nothing is dropped;
/// items with no text at all (a lone `-`) are skipped.
pub fn parse_items(lines: &[&str]) -> Vec<ListItem> {
    let unit = indent_unit(lines);
    let mut items: Vec<ListItem> = Vec::new();
    let mut after_blank = true;
    for line in lines {
        if line.trim().is_empty() {
            if let Some(item) = items.last_mut() {
                item.nested.push(String::new());
            }
            after_blank = true;
            continue;
        }
        let width = indent_width(line, unit);
        if width >= unit && !items.is_empty() {
            let item = items.last_mut().expect("checked above");
            item.nested.push(reindent(line, unit));
        } else if let Some(content) = top_level_marker(line) {
            items.push(item_from(content));
        } else if let Some(item) = items.last_mut().filter(|_| !after_blank) {
            // A lazy continuation line of the item above (or the text of a bare `-`).
            if item.first.is_empty() && item.nested.is_empty() {
                item.first = line.trim().to_owned();
            } else {
                item.nested.push(line.trim().to_owned());
            }
        } else {
            items.push(ListItem {
                checkbox: None,
                first: line.trim().to_owned(),
                nested: Vec::new(),
            });
        }
        after_blank = false;
    }
    for item in &mut items {
        while item.nested.last().is_some_and(String::is_empty) {
            item.nested.pop();
        }
    }
    items.retain(|item| {
        !item.first.is_empty() || !item.nested.is_empty() || item.checkbox.is_some()
    });
    items
}

/// Writes one item: `- [x] first`, then its further lines as they are
/// (they carry their own indentation).
pub fn write_item(out: &mut String, checkbox: Option<bool>, text: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push('-');
    match checkbox {
        Some(true) => out.push_str(" [x]"),
        Some(false) => out.push_str(" [ ]"),
        None => {}
    }
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default();
    if !first.is_empty() {
        out.push(' ');
        if checkbox.is_none() && checkbox_prefix(first).is_some() {
            out.push('\\'); // text that starts like a checkbox stays text
        }
        out.push_str(first);
    }
    for line in lines {
        out.push('\n');
        out.push_str(line);
    }
}

/// The content after a `-`, `*`, `+` or `1.` marker at the start of a line.
fn top_level_marker(line: &str) -> Option<&str> {
    let line = line.strip_prefix(' ').unwrap_or(line);
    let after = if let Some(rest) = line.strip_prefix(['-', '*', '+']) {
        rest
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        line[digits..].strip_prefix(['.', ')'])?
    };
    if after.is_empty() {
        Some(after)
    } else {
        after.strip_prefix([' ', '\t'])
    }
}

fn item_from(content: &str) -> ListItem {
    let content = content.trim_end();
    if let Some(rest) = content
        .strip_prefix('\\')
        .filter(|r| checkbox_prefix(r).is_some())
    {
        return ListItem {
            checkbox: None,
            first: rest.to_owned(),
            nested: Vec::new(),
        };
    }
    match checkbox_prefix(content) {
        Some((checked, rest)) => ListItem {
            checkbox: Some(checked),
            first: rest.to_owned(),
            nested: Vec::new(),
        },
        None => ListItem {
            checkbox: None,
            first: content.to_owned(),
            nested: Vec::new(),
        },
    }
}

/// `[ ] rest` or `[x] rest`: whether checked, and the rest.
fn checkbox_prefix(text: &str) -> Option<(bool, &str)> {
    let checked = match text.get(..3)? {
        "[ ]" => false,
        "[x]" | "[X]" => true,
        _ => return None,
    };
    let rest = &text[3..];
    (rest.is_empty() || rest.starts_with(' '))
        .then(|| (checked, rest.strip_prefix(' ').unwrap_or(rest)))
}

/// The indentation step the section uses: a tab, or the smallest space indent (2 or more).
fn indent_unit(lines: &[&str]) -> usize {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| indent_width(l, 4))
        .filter(|&w| w >= 2)
        .min()
        .unwrap_or(2)
        .min(4)
}

/// Leading white space in columns, a tab counting as one `unit`.
fn indent_width(line: &str, unit: usize) -> usize {
    line.chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .map(|c| if c == '\t' { unit } else { 1 })
        .sum()
}

/// A nested line one level out, with two spaces per remaining level.
fn reindent(line: &str, unit: usize) -> String {
    let width = indent_width(line, unit);
    let levels = width / unit - 1;
    let extra = width % unit;
    format!(
        "{}{}{}",
        "  ".repeat(levels),
        " ".repeat(extra),
        line.trim_start()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<ListItem> {
        parse_items(&text.lines().collect::<Vec<_>>())
    }

    #[test]
    fn nested_lines_are_read_whatever_the_indent() {
        for text in [
            "- 本\n  - 5\n    - p.120\n- 次",
            "- 本\n    - 5\n        - p.120\n- 次",
            "* 本\n\t- 5\n\t\t- p.120\n+ 次",
        ] {
            let parsed = items(text);
            assert_eq!(parsed.len(), 2, "{text}");
            assert_eq!(parsed[0].text(), "本\n- 5\n  - p.120", "{text}");
            assert_eq!(parsed[1].text(), "次");
        }
    }

    #[test]
    fn checkboxes_empty_bullets_and_paragraphs() {
        let parsed = items("-\n- [x] 済\n- [ ] 未\n- \n特になし\n1. 番号付き");
        let summary: Vec<(Option<bool>, String)> =
            parsed.iter().map(|i| (i.checkbox, i.text())).collect();
        assert_eq!(
            summary,
            [
                (Some(true), "済".to_owned()),
                (Some(false), "未".to_owned()),
                (None, "特になし".to_owned()),
                (None, "番号付き".to_owned()),
            ]
        );
    }

    #[test]
    fn written_items_read_back() {
        let mut out = String::new();
        write_item(&mut out, None, "本\n  - 5\n\n    - 深い");
        write_item(&mut out, Some(true), "済");
        write_item(&mut out, None, "[x] は文字");
        assert_eq!(out, "- 本\n  - 5\n\n    - 深い\n- [x] 済\n- \\[x] は文字");
        let parsed = items(&out);
        assert_eq!(parsed[0].text(), "本\n- 5\n\n  - 深い");
        assert_eq!(
            (parsed[1].checkbox, parsed[1].text()),
            (Some(true), "済".to_owned())
        );
        assert_eq!(
            (parsed[2].checkbox, parsed[2].text()),
            (None, "[x] は文字".to_owned())
        );
    }
}
