//! A grid cell's text inside a Markdown table row: escaped on the way out
//! (`|` as `\|`, line breaks as `<br>`), split from its row and unescaped on
//! the way in. Below both the table reader and the escaping rules.

/// A grid cell's text as it goes between pipes: `|` as `\|`, line breaks as `<br>`.
pub fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => out.push_str("<br>"),
            '\\' if matches!(chars.peek(), Some('|' | '\\' | '<')) => out.push_str("\\\\"),
            '<' if text_at(&chars, "br>") => out.push_str("\\<"),
            _ => out.push(c),
        }
    }
    out
}

fn text_at(chars: &std::iter::Peekable<std::str::Chars>, expected: &str) -> bool {
    chars.clone().take(expected.len()).eq(expected.chars())
}

/// Undoes [`escape_cell`]; also reads `<br/>` and `<br />` as line breaks.
pub fn unescape_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest
            .strip_prefix('\\')
            .filter(|a| a.starts_with(['|', '\\', '<']))
        {
            out.push(after.chars().next().unwrap_or_default());
            rest = &after[1..];
        } else if let Some(after) = ["<br>", "<br/>", "<br />"]
            .iter()
            .find_map(|br| rest.strip_prefix(br))
        {
            out.push('\n');
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Splits a table row (`| a | b \| c |`) into its raw, trimmed cells.
pub fn split_row(line: &str) -> Vec<&str> {
    let inner = line.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, b) in inner.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => {
                cells.push(inner[start..i].trim());
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    let last = inner[start..].trim();
    if !last.is_empty() || !inner.ends_with('|') || inner.ends_with("\\|") {
        cells.push(last);
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_backslashes_and_breaks() {
        for text in [
            "a | b",
            "line 1\nline 2",
            "C:\\path\\|x",
            "<br> literal",
            "\\<br>",
            "end\\",
            "a\\b",
        ] {
            let escaped = escape_cell(text);
            assert!(!escaped.contains('\n'));
            let row = format!("| {escaped} | x |");
            let cells = split_row(&row);
            assert_eq!(cells.len(), 2, "{escaped}");
            assert_eq!(unescape_cell(cells[0]), text, "{escaped}");
        }
    }

    #[test]
    fn rows_split_on_unescaped_pipes() {
        assert_eq!(split_row("| a | b \\| c |"), ["a", "b \\| c"]);
        assert_eq!(split_row("|a|b|"), ["a", "b"]);
        assert_eq!(split_row("| a | |"), ["a", ""]);
    }
}
