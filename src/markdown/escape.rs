//! Escaping the few things in free text that would read back as structure,
//! and only those: a text line that the importer would take for a day, a
//! section, a book or a chapter there gets a `\\` in front; so does a line
//! that already starts with backslashes before such a heading, so that
//! reading back (which takes one backslash off) is exact. Anything else is
//! written as it is, so a log renders the same after a trip through
//! studylog. `|` and line breaks inside grid cells are escaped too. Fenced
//! code is left alone, since `# comment` inside a code block is no heading.

use super::lines::{Fences, Heading, heading};
use super::table::{starts_table, table_len};

/// Whether a heading (its title, and the lines after it) reads as a book.
pub type IsBook<'a> = &'a dyn Fn(&str, &[&str]) -> bool;

/// Which heading lines of a text read as structure where the text is.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    /// A heading at this level or above ends the text: it starts a section
    /// (or a day).
    pub boundary: u8,
    /// Headings at this level that carry a date start a day (before the
    /// first day, only those do).
    pub day_level: u8,
    /// Book headings of 学んだこと: their level, and which headings read as
    /// books (given the title and the lines after it).
    pub books: Option<(u8, IsBook<'a>)>,
    /// Inside a book's notes, every heading at this level is a chapter.
    pub chapters: Option<u8>,
    /// A heading at this level over a table that runs to the end of the
    /// text is a grid after a free section's text.
    pub grid_title: Option<u8>,
    /// Backslash-escaped headings up to this level are read back.
    pub max_level: u8,
    /// The heading lines written right after the text (a book's chapters
    /// after its notes), which decide whether a heading in it reads as a book.
    pub following: &'a [String],
}

impl Rules<'_> {
    /// Text where only headings at `boundary` or above are structure.
    pub fn up_to(boundary: u8) -> Rules<'static> {
        Rules {
            boundary,
            day_level: 0,
            books: None,
            chapters: None,
            grid_title: None,
            max_level: boundary,
            following: &[],
        }
    }

    /// Text before the first day: only a date heading at the day level is structure.
    pub fn before_days(day_level: u8) -> Rules<'static> {
        Rules {
            boundary: 0,
            day_level,
            books: None,
            chapters: None,
            grid_title: None,
            max_level: day_level,
            following: &[],
        }
    }

    fn is_structure(&self, h: &Heading, rest: &[&str]) -> bool {
        let date = || {
            !matches!(
                super::date::find_date(h.text, 2000),
                super::date::DateInText::None
            )
        };
        h.level <= self.boundary
            || (h.level == self.day_level && date())
            || self
                .books
                .is_some_and(|(level, is_book)| h.level == level && is_book(h.text, rest))
            || self.chapters == Some(h.level)
            || (self.grid_title == Some(h.level) && table_runs_to_end(rest))
    }
}

/// Whether the lines after a heading are blank lines, then a table to the end.
fn table_runs_to_end(rest: &[&str]) -> bool {
    let start = rest.iter().position(|l| !l.trim().is_empty());
    let end = rest
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |e| e + 1);
    start.is_some_and(|s| starts_table(&rest[s..end]) && table_len(&rest[s..end]) == end - s)
}

/// Whether `line` is backslashes then a heading up to `max_level`.
fn escaped_heading(line: &str, max_level: u8) -> bool {
    let bare = line.trim_start_matches('\\');
    bare.len() < line.len() && heading(bare).is_some_and(|h| h.level <= max_level)
}

/// `text` with a `\\` before each line that would read back as structure
/// under `rules` (and before lines that already look escaped).
pub fn escape_text(text: &str, rules: &Rules) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut fences = Fences::default();
    let code: Vec<bool> = lines.iter().map(|line| fences.is_code(line)).collect();
    // Whether a heading is structure depends on the lines after it as they
    // will be read (escaped), so lines are decided from the last one up.
    let mut written: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    written.extend(rules.following.iter().cloned());
    for i in (0..lines.len()).rev() {
        let Some(h) = heading(lines[i]).filter(|_| !code[i]) else {
            if !code[i] && escaped_heading(lines[i], rules.max_level) {
                written[i].insert(0, '\\');
            }
            continue;
        };
        let rest: Vec<&str> = written[i + 1..].iter().map(String::as_str).collect();
        if rules.is_structure(&h, &rest) {
            written[i].insert(0, '\\');
        }
    }
    written.truncate(lines.len());
    let mut out = written.join("\n");
    // An unclosed code fence would swallow every heading after it on import.
    if let Some(closing) = fences.closing_line() {
        out.push('\n');
        out.push_str(&closing);
    }
    out
}

/// Undoes [`escape_text`]: one backslash comes off each escaped heading
/// line (outside code) up to the rules' level.
pub fn unescape_lines(lines: &[&str], rules: &Rules) -> String {
    let mut fences = Fences::default();
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let code = fences.is_code(line);
        match line.strip_prefix('\\') {
            Some(rest) if !code && escaped_heading(line, rules.max_level) => out.push_str(rest),
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
    fn only_headings_that_read_as_structure_are_escaped_and_all_come_back() {
        let text = "# not a date\n## a section\n##### topic\n\\# typed escaped\n#hashtag";
        let escaped = escape_text(text, &Rules::up_to(2));
        assert_eq!(
            escaped,
            "\\# not a date\n\\## a section\n##### topic\n\\\\# typed escaped\n#hashtag"
        );
        let lines: Vec<&str> = escaped.split('\n').collect();
        assert_eq!(unescape_lines(&lines, &Rules::up_to(2)), text);
    }

    #[test]
    fn code_blocks_are_not_escaped() {
        let text = "```sh\n# a comment\n```\n# heading";
        assert_eq!(
            escape_text(text, &Rules::up_to(2)),
            "```sh\n# a comment\n```\n\\# heading"
        );
    }

    #[test]
    fn an_unclosed_fence_is_closed_so_it_cannot_swallow_what_follows() {
        assert_eq!(
            escape_text("````rust\nfn main() {}", &Rules::up_to(4)),
            "````rust\nfn main() {}\n````"
        );
        // A fence opened in a list item closes inside the item.
        assert_eq!(
            escape_text("  - ``` sh\n    ls", &Rules::up_to(2)),
            "  - ``` sh\n    ls\n    ```"
        );
    }

    #[test]
    fn before_the_first_day_only_date_headings_are_escaped() {
        let text = "# 学習ログ\n# 2025-03-10\n## 2025-03-11";
        assert_eq!(
            escape_text(text, &Rules::before_days(1)),
            "# 学習ログ\n\\# 2025-03-10\n## 2025-03-11"
        );
    }

    #[test]
    fn book_titles_and_chapters_are_escaped_only_where_they_would_be_read() {
        let is_book = |title: &str, _: &[&str]| title == "DDIA";
        let rules = Rules {
            boundary: 2,
            day_level: 1,
            books: Some((3, &is_book)),
            chapters: Some(4),
            grid_title: None,
            max_level: 4,
            following: &[],
        };
        let text = "### DDIA\n### 雑記\n#### 何でも\n##### 小見出し";
        assert_eq!(
            escape_text(text, &rules),
            "\\### DDIA\n### 雑記\n\\#### 何でも\n##### 小見出し"
        );
    }

    #[test]
    fn a_heading_over_a_table_at_the_end_is_a_grid_title_elsewhere_text() {
        let rules = Rules {
            grid_title: Some(5),
            max_level: 5,
            ..Rules::up_to(2)
        };
        let grid_like = "前文\n##### 比較\n\n| a | b |\n| --- | --- |\n| 1 | 2 |";
        assert!(escape_text(grid_like, &rules).contains("\\##### 比較"));
        let topic = "##### 比較\n本文\n| a | b |\n| --- | --- |";
        assert_eq!(escape_text(topic, &rules), topic);
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
