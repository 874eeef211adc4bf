//! Escaping the few things in free text that would read back as structure:
//! a line that looks like one of our headings, and `|` or a line break
//! inside a grid cell. Fenced code is left alone, since `# comment` inside
//! a code block is not a heading.

/// Tracks whether a line is inside a fenced code block (```` ``` ```` or `~~~`).
///
/// A fence opened inside a list item (`- ```` or indented) ends with the item:
/// a line less indented than the fence closes it, as in CommonMark, so a code
/// block in a bullet cannot swallow the headings that follow.
#[derive(Default)]
pub struct Fences {
    /// The fence character, its run length, and the column it starts at.
    open: Option<(char, usize, usize)>,
}

impl Fences {
    /// Feeds the next line; true if that line is code (inside a fence or a fence line itself).
    pub fn is_code(&mut self, line: &str) -> bool {
        let indent = line.len() - line.trim_start().len();
        if let Some((_, _, column)) = self.open
            && column > 0
            && indent < column
            && !line.trim().is_empty()
        {
            self.open = None;
        }
        let (column, rest) = after_list_marker(line);
        let fence = ['`', '~'].into_iter().find_map(|c| {
            let run = rest.chars().take_while(|&x| x == c).count();
            (run >= 3).then_some((c, run))
        });
        match (self.open, fence) {
            (None, Some((c, run))) => {
                self.open = Some((c, run, column));
                true
            }
            (Some((c, len, _)), Some((d, run)))
                if c == d && run >= len && rest[run..].trim().is_empty() =>
            {
                self.open = None;
                true
            }
            (open, _) => open.is_some(),
        }
    }

    /// The fence still open after the last line, as (character, length).
    fn unclosed(&self) -> Option<(char, usize)> {
        self.open.map(|(c, len, _)| (c, len))
    }
}

/// The column where a line's content starts after indentation and a list
/// marker, and that content.
fn after_list_marker(line: &str) -> (usize, &str) {
    let trimmed = line.trim_start();
    let mut column = line.len() - trimmed.len();
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if trimmed.starts_with(['-', '*', '+']) {
        1
    } else if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        0
    };
    let mut rest = trimmed;
    if marker > 0 && trimmed[marker..].starts_with(' ') {
        rest = trimmed[marker..].trim_start();
        column += trimmed.len() - rest.len();
    }
    (column, rest)
}

/// The level (1–6) of an ATX heading starting in the first column.
pub fn heading_level(line: &str) -> Option<usize> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let after = &line[level..];
    ((1..=6).contains(&level) && (after.is_empty() || after.starts_with([' ', '\t'])))
        .then_some(level)
}

/// The text of a heading line of the given level.
pub fn heading_text(line: &str) -> &str {
    line.trim_start_matches('#').trim()
}

/// Which heading lines would read back as structure in some part of a log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Structural {
    /// Headings of level 1 up to this level.
    UpTo(usize),
    /// Only `#` headings that read as a date (text before the first day).
    DateHeadings,
    /// In a free section (感想, an unknown section): date and section
    /// headings, and `#####`, which marks a grid written after the text.
    FreeSection,
}

impl Structural {
    fn matches(self, heading_line: &str) -> bool {
        match (self, heading_level(heading_line)) {
            (Structural::UpTo(max), Some(level)) => level <= max,
            (Structural::FreeSection, Some(level)) => level <= 2 || level == 5,
            (Structural::DateHeadings, Some(1)) => {
                super::date::parse_date_heading(heading_text(heading_line), 2000).is_some()
            }
            _ => false,
        }
    }
}

/// Whether `line` is `\`s followed by a heading that `rule` calls structural.
fn is_escaped_or_plain_heading(line: &str, rule: Structural) -> bool {
    rule.matches(line.trim_start_matches('\\'))
}

/// Prefixes a `\` to lines that would read back as structure under `rule`
/// (and to lines that already look escaped, so unescaping is exact).
pub fn escape_text(text: &str, rule: Structural) -> String {
    let mut fences = Fences::default();
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !fences.is_code(line) && is_escaped_or_plain_heading(line, rule) {
            out.push('\\');
        }
        out.push_str(line);
    }
    // An unclosed code fence would swallow every heading after it on import.
    if let Some((c, len)) = fences.unclosed() {
        out.push('\n');
        out.extend(std::iter::repeat_n(c, len));
    }
    out
}

/// Undoes [`escape_text`] on lines outside code.
pub fn unescape_lines(lines: &[&str], rule: Structural) -> String {
    let mut fences = Fences::default();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let code = fences.is_code(line);
        match line.strip_prefix('\\') {
            Some(rest) if !code && is_escaped_or_plain_heading(rest, rule) => out.push_str(rest),
            _ => out.push_str(line),
        }
    }
    out
}

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
    fn heading_lines_are_escaped_up_to_the_level_and_come_back() {
        let text = "# not a date\n## not a section\n##### topic\n\\# typed escaped\n#hashtag";
        let escaped = escape_text(text, Structural::UpTo(4));
        assert_eq!(
            escaped,
            "\\# not a date\n\\## not a section\n##### topic\n\\\\# typed escaped\n#hashtag"
        );
        let lines: Vec<&str> = escaped.split('\n').collect();
        assert_eq!(unescape_lines(&lines, Structural::UpTo(4)), text);
    }

    #[test]
    fn code_blocks_are_not_escaped() {
        let text = "```sh\n# a comment\n```\n# heading";
        assert_eq!(
            escape_text(text, Structural::UpTo(2)),
            "```sh\n# a comment\n```\n\\# heading"
        );
    }

    #[test]
    fn a_fence_in_a_list_item_ends_with_the_item() {
        let mut fences = Fences::default();
        let code: Vec<bool> = [
            "- ```",
            "  # code",
            "  ```",
            "## heading",
            "- ```",
            "  x",
            "## next",
        ]
        .iter()
        .map(|l| fences.is_code(l))
        .collect();
        assert_eq!(code, [true, true, true, false, true, true, false]);
    }

    #[test]
    fn an_unclosed_fence_is_closed_so_it_cannot_swallow_what_follows() {
        assert_eq!(
            escape_text("````rust\nfn main() {}", Structural::UpTo(4)),
            "````rust\nfn main() {}\n````"
        );
    }

    #[test]
    fn before_the_first_day_only_date_headings_are_escaped() {
        let text = "# 学習ログ\n# 2025-03-10";
        assert_eq!(
            escape_text(text, Structural::DateHeadings),
            "# 学習ログ\n\\# 2025-03-10"
        );
    }

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
