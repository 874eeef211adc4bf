//! The lines of a log as CommonMark sees their structure, where it matters
//! for finding days and sections: ATX headings, fenced code (which hides
//! headings) and front matter (YAML or TOML).

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
    // CommonMark strips spaces and tabs only: a full-width space (U+3000)
    // after `## ` is part of the heading's text.
    let mut text = after.trim_matches([' ', '\t']);
    // A closing sequence is #s after a space (or the whole text).
    let closing = text.trim_end_matches('#');
    if closing.is_empty() || closing.ends_with([' ', '\t']) {
        text = closing.trim_end_matches([' ', '\t']);
    }
    Some(Heading {
        level: level as u8,
        text,
    })
}

/// A heading indented up to three spaces (CommonMark allows it; a writer
/// may have indented one into a list item): the spaces, and the heading.
pub fn indented_heading(line: &str) -> Option<(usize, Heading<'_>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    (indent <= 3)
        .then(|| heading(&line[indent..]))
        .flatten()
        .map(|h| (indent, h))
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

/// Tracks whether a line is inside a fenced code block (```` ``` ```` or `~~~`),
/// as CommonMark reads fences: up to three spaces of indentation before the
/// fence (counted from the list item it sits in, if any), no backtick in a
/// backtick fence's info string, a closing fence of the same character at
/// least as long with nothing after it, indented up to three spaces.
///
/// A fence opened inside a list item (`- ```` or indented under an item)
/// ends with the item: a line less indented than the item's content closes
/// it, as in CommonMark, so a code block in a bullet cannot swallow the
/// headings that follow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fences {
    open: Option<Fence>,
    /// The content columns of the list items the lines so far are in, outermost first.
    items: Vec<usize>,
    /// Whether the last line was paragraph text (a lazy continuation line
    /// after it keeps its list items open).
    after_text: bool,
}

/// An open fence: its character, its length, and the column of the
/// container it sits in (0 at the top level, an item's content column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fence {
    c: char,
    len: usize,
    container: usize,
}

impl Fences {
    /// Feeds the next line; true if that line is code (inside a fence or a fence line itself).
    pub fn is_code(&mut self, line: &str) -> bool {
        let blank = is_blank(line);
        let indent = columns(line);
        if let Some(fence) = self.open {
            if fence.container == 0 || indent >= fence.container || blank {
                if !blank && indent - fence.container <= 3 && closes(line.trim_start(), fence) {
                    self.open = None;
                }
                self.after_text = false;
                return true;
            }
            // The item the fence was in has ended.
            self.open = None;
            self.after_text = false;
        }
        if blank {
            self.after_text = false;
            return false;
        }
        if !may_start_block(line) {
            // Plain text (most lines): it neither opens a fence nor starts
            // an item; it may end the items it is less indented than.
            if !self.after_text {
                self.items.retain(|&column| column <= indent);
            }
            self.after_text = true;
            return false;
        }
        let item = item_content(line);
        if self.after_text && item.is_none() && !starts_other_block(line) {
            // A lazy continuation of the paragraph above.
            return false;
        }
        self.items.retain(|&column| column <= indent);
        if let Some((content, rest)) = item {
            self.items.push(content);
            self.after_text = !rest.trim().is_empty();
            return self.try_open(rest, content);
        }
        let container = self.items.last().copied().unwrap_or(0);
        let opened = indent - container <= 3 && self.try_open(line.trim_start(), container);
        self.after_text = !opened && heading(line).is_none() && !is_rule(line);
        opened
    }

    /// Opens a fence if `rest` (a line's content after its indentation) starts one.
    fn try_open(&mut self, rest: &str, container: usize) -> bool {
        match fence_start(rest) {
            Some((c, len)) => {
                self.open = Some(Fence { c, len, container });
                self.after_text = false;
                true
            }
            None => false,
        }
    }

    /// Whether a fence is open after the lines fed so far.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether `line` lies inside the fence open now (or closes it): a
    /// fence opened in a list item ends where the item's indentation does.
    pub fn holds(&self, line: &str) -> bool {
        self.open.is_some_and(|fence| {
            fence.container == 0 || columns(line) >= fence.container || line.trim().is_empty()
        })
    }

    /// The line that closes the fence still open after the last line, if
    /// what follows could fall into it: a fence at the top level. (One
    /// opened in a list item ends with the item, at the next line written
    /// less indented: every heading, every item after it.)
    pub fn closing_line(&self) -> Option<String> {
        self.open
            .filter(|fence| fence.container == 0)
            .map(|fence| std::iter::repeat_n(fence.c, fence.len).collect())
    }
}

/// A line of spaces and tabs only (CommonMark's blank line: a full-width
/// space is text).
pub fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Whether a line's first character could start a heading, a fence, a
/// rule, a list item or a quote (a quick test before the exact ones).
fn may_start_block(line: &str) -> bool {
    line.trim_start_matches([' ', '\t'])
        .bytes()
        .next()
        .is_some_and(|b| b"#`~-*_+>".contains(&b) || b.is_ascii_digit())
}

/// Whether a line starts a block of its own (so it cannot continue a
/// paragraph lazily): a heading, a fence, a rule, a list item, a quote.
pub fn starts_block(line: &str) -> bool {
    item_content(line).is_some() || starts_other_block(line)
}

/// [`starts_block`], list items aside.
fn starts_other_block(line: &str) -> bool {
    let trimmed = line.trim_start();
    heading(trimmed).is_some()
        || fence_start(trimmed).is_some()
        || trimmed.starts_with('>')
        || is_rule(line)
}

/// A fence opening at the start of `rest`: its character and length. A
/// backtick fence whose info string holds a backtick is inline code instead.
fn fence_start(rest: &str) -> Option<(char, usize)> {
    let c = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = rest.chars().take_while(|&x| x == c).count();
    let info = &rest[len..];
    (len >= 3 && !(c == '`' && info.contains('`'))).then_some((c, len))
}

/// Whether `rest` (a line without its indentation) closes `fence`.
fn closes(rest: &str, fence: Fence) -> bool {
    let run = rest.chars().take_while(|&x| x == fence.c).count();
    run >= fence.len && rest[run..].trim().is_empty()
}

/// Leading white space in columns (a tab to the next multiple of four).
pub fn columns(line: &str) -> usize {
    let mut column = 0;
    for c in line.chars() {
        match c {
            ' ' => column += 1,
            '\t' => column += 4 - column % 4,
            _ => break,
        }
    }
    column
}

/// `---`, `* * *`, `___`: a thematic break, not an item.
pub fn is_rule(line: &str) -> bool {
    // Without allocating: this runs for every line, several times.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// A list item's content column and its content, if `line` starts one.
fn item_content(line: &str) -> Option<(usize, &str)> {
    let trimmed = line.trim_start();
    let indent = columns(line);
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if trimmed.starts_with(['-', '*', '+']) {
        1
    } else if (1..=9).contains(&digits) && trimmed[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        return None;
    };
    let after = &trimmed[marker..];
    if marker == 1 && is_rule(line) {
        return None;
    }
    if after.trim().is_empty() {
        // An empty item (`-`): its content, if any, starts after one space.
        return Some((indent + marker + 1, ""));
    }
    let rest = after.trim_start_matches(' ');
    let spaces = after.len() - rest.len();
    if spaces == 0 {
        return None;
    }
    let spaces = if spaces > 4 { 1 } else { spaces };
    Some((indent + marker + spaces, &after[spaces..]))
}

/// For each line, whether it is code (so a `#` line there is no heading).
pub fn code_lines(lines: &[&str]) -> Vec<bool> {
    code_lines_and_end(lines).0
}

/// [`code_lines`], and the fences as they stand after the last line.
pub fn code_lines_and_end(lines: &[&str]) -> (Vec<bool>, Fences) {
    let mut fences = Fences::default();
    let code = lines.iter().map(|line| fences.is_code(line)).collect();
    (code, fences)
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

/// How many lines front matter takes at the start, if any: YAML (`---` …
/// `---`, as Jekyll, Gatsby, Astro and Obsidian write it) or TOML (`+++` …
/// `+++`, as Hugo does).
pub fn front_matter_len(lines: &[&str]) -> usize {
    let closing: &[&str] = match lines.first().map(|l| l.trim_end()) {
        Some("---") => &["---", "..."],
        Some("+++") => &["+++"],
        _ => return 0,
    };
    lines[1..]
        .iter()
        .position(|l| closing.contains(&l.trim_end()))
        .map_or(0, |end| end + 2)
}

/// The value of `key: value` (YAML) or `key = value` (TOML) in front
/// matter lines, the key in any case, unquoted.
pub fn front_matter_value<'a>(front: &[&'a str], key: &str) -> Option<&'a str> {
    front.iter().find_map(|line| {
        let name = line
            .get(..key.len())
            .filter(|n| n.eq_ignore_ascii_case(key))?;
        let value = line[name.len()..].trim_start().strip_prefix([':', '='])?;
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
