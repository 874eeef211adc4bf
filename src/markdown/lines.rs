//! The lines of a log as CommonMark sees their structure, where it matters
//! for finding days and sections: ATX headings, fenced code (which hides
//! headings) and YAML front matter.

/// An ATX heading: `## text ##`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Heading<'a> {
    pub level: u8,
    /// The text, trimmed, without a closing sequence of `#`.
    pub text: &'a str,
}

/// The heading a line is, if it is one starting in the first column.
pub fn heading(line: &str) -> Option<Heading<'_>> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    let after = &line[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = after.trim();
    // A closing sequence is #s after a space (or the whole text).
    let closing = text.trim_end_matches('#');
    if closing.is_empty() || closing.ends_with([' ', '\t']) {
        text = closing.trim_end();
    }
    Some(Heading {
        level: level as u8,
        text,
    })
}

/// A heading line of `level` with `text`.
pub fn heading_line(level: u8, text: &str) -> String {
    let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
    // Line breaks in a title (possible in a hand-edited journal) cannot
    // break the structure.
    let text = text.replace(['\r', '\n'], " ");
    if text.is_empty() {
        hashes
    } else {
        format!("{hashes} {text}")
    }
}

/// Tracks whether a line is inside a fenced code block (```` ``` ```` or `~~~`).
///
/// A fence opened inside a list item (`- ```` or indented) ends with the
/// item: a line less indented than the fence closes it, as in CommonMark, so
/// a code block in a bullet cannot swallow the headings that follow.
#[derive(Clone, Default)]
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

    /// Whether a fence is open after the lines fed so far.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether `line` lies inside the fence open now (or closes it): a
    /// fence opened in a list item ends where the item's indentation does.
    pub fn holds(&self, line: &str) -> bool {
        let indent = line.len() - line.trim_start().len();
        self.open
            .is_some_and(|(_, _, column)| column == 0 || indent >= column || line.trim().is_empty())
    }

    /// The line that closes the fence still open after the last line: its
    /// characters, indented to where the fence opened (a fence opened in a
    /// list item closes inside the item).
    pub fn closing_line(&self) -> Option<String> {
        self.open.map(|(c, len, column)| {
            let mut line = " ".repeat(column);
            line.extend(std::iter::repeat_n(c, len));
            line
        })
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

/// For each line, whether it is code (so a `#` line there is no heading).
pub fn code_lines(lines: &[&str]) -> Vec<bool> {
    let mut fences = Fences::default();
    lines.iter().map(|line| fences.is_code(line)).collect()
}

/// The headings of `lines` outside code: (index, heading).
pub fn headings<'a>(lines: &[&'a str], code: &[bool]) -> Vec<(usize, Heading<'a>)> {
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !code[*i])
        .filter_map(|(i, line)| heading(line).map(|h| (i, h)))
        .collect()
}

/// How many lines YAML front matter takes at the start (`---` … `---`), if any.
pub fn front_matter_len(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return 0;
    }
    lines[1..]
        .iter()
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map_or(0, |end| end + 2)
}

/// The value of `key:` in front matter lines, unquoted.
pub fn front_matter_value<'a>(front: &[&'a str], key: &str) -> Option<&'a str> {
    front.iter().find_map(|line| {
        let value = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let value = value.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then_some(value)
    })
}

/// Lines without the blank ones at the start and the end.
pub fn trim_blank<'a, 'b>(lines: &'b [&'a str]) -> &'b [&'a str] {
    let start = lines
        .iter()
        .position(|l| !l.trim().is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(start, |e| e + 1);
    &lines[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_read_as_commonmark_reads_them() {
        let h = |l| heading(l).map(|h| (h.level, h.text));
        assert_eq!(h("## 学んだこと"), Some((2, "学んだこと")));
        assert_eq!(h("### Day 3 ###"), Some((3, "Day 3")));
        assert_eq!(h("# C#"), Some((1, "C#")));
        assert_eq!(h("#"), Some((1, "")));
        assert_eq!(h("#hashtag"), None);
        assert_eq!(h("####### seven"), None);
        assert_eq!(h(" # indented"), None, "only the first column counts here");
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
    fn front_matter_is_found_and_read() {
        let lines = ["---", "date: \"2024-01-27\"", "tags: [til]", "---", "# x"];
        assert_eq!(front_matter_len(&lines), 4);
        assert_eq!(front_matter_value(&lines[..4], "date"), Some("2024-01-27"));
        assert_eq!(front_matter_len(&["---", "no end"]), 0);
    }
}
