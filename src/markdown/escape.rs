//! Escaping the few things in free text that would read back as structure,
//! and only those: a text line that the importer would take for a day, a
//! section, a book or a chapter there gets a `\\` in front; so does a line
//! that already starts with backslashes before such a heading, so that
//! reading back (which takes one backslash off) is exact. Anything else is
//! written as it is, so a log renders the same after a trip through
//! studylog. `|` and line breaks inside grid cells are escaped too. Fenced
//! code is left alone, since `# comment` inside a code block is no heading.

use super::lines::{Fences, Heading, code_lines_and_end, front_matter_len, heading};
use super::table::{starts_table, table_len, table_to_grid, writes_back_the_same};
use crate::model::Language;

/// Whether a heading (its title, and the lines after it) reads as a book.
pub type IsBook<'a> = &'a dyn Fn(&str, &[&str]) -> bool;

/// Which heading lines of a text read as structure where the text is.
///
/// Export and import build the same `Rules` for the same place in a day,
/// so a line is escaped on export exactly where import would otherwise
/// read it as structure, and a backslash comes off on import exactly where
/// export would have put it.
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
    /// A heading at this level over a table that reads as a grid is that
    /// grid's title.
    pub grid_title: Option<GridTitle>,
    /// The language grids are written in (their total column's word).
    pub language: Language,
    /// The lines written right after the text (a book's chapters after its
    /// notes, the table of a grid after a chapter's text), which decide
    /// whether a heading near its end reads as a book or a grid's title.
    pub following: &'a [&'a str],
    /// The text starts the file: front matter at its start (`---` … `---`)
    /// is no Markdown (a `## comment` in it is YAML).
    pub front_matter: bool,
}

/// Where a grid title is read: over any table in a chapter's notes, or
/// only over a table that ends a free section's text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum GridTitle {
    Anywhere(u8),
    AtTheEnd(u8),
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
            language: Language::Ja,
            following: &[],
            front_matter: false,
        }
    }

    /// Text before the first day: only a date heading at the day level is structure.
    pub fn before_days(day_level: u8) -> Rules<'static> {
        Rules {
            day_level,
            ..Rules::up_to(0)
        }
    }

    /// Whether the heading `h`, with `rest` after it (as written), reads as structure.
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
            || self.is_grid_title(h, rest)
    }

    /// Whether a heading indented one to three spaces starts a day: a real
    /// date at the day level (the importer takes it for one, as its writer
    /// meant when indenting it into a list item).
    fn is_indented_day(&self, h: &Heading) -> bool {
        h.level == self.day_level
            && matches!(
                super::date::find_date(h.text, 2000),
                super::date::DateInText::Found(_)
            )
    }

    fn is_grid_title(&self, h: &Heading, rest: &[&str]) -> bool {
        let (level, to_the_end) = match self.grid_title {
            Some(GridTitle::Anywhere(level)) => (level, false),
            Some(GridTitle::AtTheEnd(level)) => (level, true),
            None => return false,
        };
        if h.level != level {
            return false;
        }
        let Some(start) = rest.iter().position(|l| !l.trim().is_empty()) else {
            return false;
        };
        let table = &rest[start..];
        if !starts_table(table) {
            return false;
        }
        let len = table_len(table);
        let ends_text = table[len..].iter().all(|l| l.trim().is_empty());
        (ends_text || !to_the_end) && reads_as_grid(&table[..len], h.text, self.language)
    }
}

/// Whether a table under a title reads as a grid: it fits one and writes
/// back the same, so reading it as a grid keeps what the user wrote.
pub fn reads_as_grid(table: &[&str], title: &str, language: Language) -> bool {
    table_to_grid(table, title.to_owned())
        .is_some_and(|grid| writes_back_the_same(table, &grid, language))
}

/// A text with its structure escaped, and the fence line that would close
/// a code block it leaves open (needed only if anything follows it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Escaped {
    pub text: String,
    pub closing: Option<String>,
}

impl Escaped {
    /// Text with nothing to escape (a table written by studylog).
    pub fn plain(text: String) -> Self {
        Escaped {
            text,
            closing: None,
        }
    }

    /// The text, with its open code block closed: for text something follows.
    pub fn closed(self) -> String {
        match self.closing {
            Some(closing) => format!("{}\n{closing}", self.text),
            None => self.text,
        }
    }
}

/// Front matter at the start of a text that starts the file is taken as
/// code: nothing in it is structure.
fn hide_front_matter(lines: &[&str], code: &mut [bool], rules: &Rules) {
    if rules.front_matter {
        let len = front_matter_len(lines);
        code[..len].iter_mut().for_each(|c| *c = true);
    }
}

/// Whether a line could need a backslash: a heading, or one escaped
/// already, maybe indented up to three spaces.
fn may_be_escaped(line: &str) -> bool {
    line.trim_start_matches(' ').starts_with(['#', '\\'])
}

/// A heading indented one to three spaces, escaped or not: the spaces, and
/// the heading without its backslashes.
fn indented_date(line: &str) -> Option<(usize, Heading<'_>)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if !(1..=3).contains(&indent) {
        return None;
    }
    heading(line[indent..].trim_start_matches('\\')).map(|h| (indent, h))
}

/// The heading a line is once its leading backslashes are taken off, if
/// it starts with one.
fn escaped_heading(line: &str) -> Option<Heading<'_>> {
    let bare = line.trim_start_matches('\\');
    (bare.len() < line.len()).then(|| heading(bare)).flatten()
}

/// `text` with a `\\` before each line that would read back as structure
/// under `rules`, and before each line that is such a line escaped already
/// (so that reading back, which takes one backslash off, is exact).
pub fn escape_text(text: &str, rules: &Rules) -> Escaped {
    let lines: Vec<&str> = text.split('\n').collect();
    if !lines.iter().any(|l| may_be_escaped(l)) {
        // No heading at all (most texts): nothing to escape.
        let (_, fences) = code_lines_and_end(&lines);
        return Escaped {
            text: text.to_owned(),
            closing: fences.closing_line(),
        };
    }
    // Which lines are code depends on the lines as written (an escaped
    // heading is paragraph text, which a list item can continue), and
    // which are escaped on which are code: settled in a pass or two.
    let (mut code, mut fences) = code_lines_and_end(&lines);
    hide_front_matter(&lines, &mut code, rules);
    let mut written = escaped_lines(&lines, &code, rules);
    for _ in 0..3 {
        if written.iter().zip(&lines).all(|(w, l)| w.len() == l.len()) {
            break; // nothing escaped: the lines as written are the text's
        }
        let as_written: Vec<&str> = written.iter().map(String::as_str).collect();
        let (mut again, end) = code_lines_and_end(&as_written);
        hide_front_matter(&lines, &mut again, rules);
        fences = end;
        if again == code {
            break;
        }
        code = again;
        written = escaped_lines(&lines, &code, rules);
    }
    Escaped {
        text: written.join("\n"),
        // An open code fence would swallow every heading after it on import.
        closing: fences.closing_line(),
    }
}

/// `lines` with a backslash before each that reads as structure, given
/// which lines are code.
fn escaped_lines(lines: &[&str], code: &[bool], rules: &Rules) -> Vec<String> {
    // Whether a heading is structure depends on the lines after it as they
    // will be read (escaped), so lines are decided from the last one up.
    let mut written: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    written.extend(rules.following.iter().map(|l| (*l).to_owned()));
    for i in (0..lines.len()).rev() {
        if code[i] {
            continue;
        }
        if let Some((indent, h)) = indented_date(lines[i]) {
            if rules.is_indented_day(&h) {
                written[i].insert(indent, '\\');
            }
            continue;
        }
        let Some(h) = heading(lines[i]).or_else(|| escaped_heading(lines[i])) else {
            continue;
        };
        let rest: Vec<&str> = written[i + 1..].iter().map(String::as_str).collect();
        if rules.is_structure(&h, &rest) {
            written[i].insert(0, '\\');
        }
    }
    written.truncate(lines.len());
    written
}

/// Undoes [`escape_text`]: one backslash comes off each line (outside code)
/// that is an escaped heading which, without its backslashes, would read
/// as structure under `rules`.
pub fn unescape_lines(lines: &[&str], rules: &Rules) -> String {
    if !lines
        .iter()
        .any(|l| l.trim_start_matches(' ').starts_with('\\'))
    {
        return lines.join("\n");
    }
    let mut fences = Fences::default();
    let mut code: Vec<bool> = lines.iter().map(|line| fences.is_code(line)).collect();
    hide_front_matter(lines, &mut code, rules);
    let mut rest: Vec<&str> = lines.to_vec();
    rest.extend_from_slice(rules.following);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some((indent, h)) = indented_date(line).filter(|_| !code[i]) {
            let escaped = line[indent..].starts_with('\\') && rules.is_indented_day(&h);
            out.push_str(&line[..indent]);
            out.push_str(&line[indent + usize::from(escaped)..]);
            continue;
        }
        let structure = !code[i]
            && escaped_heading(line).is_some_and(|h| rules.is_structure(&h, &rest[i + 1..]));
        out.push_str(if structure { &line[1..] } else { line });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_headings_that_read_as_structure_are_escaped_and_all_come_back() {
        let text = "# not a date\n## a section\n##### topic\n\\# typed escaped\n#hashtag";
        let escaped = escape_text(text, &Rules::up_to(2)).text;
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
            escape_text(text, &Rules::up_to(2)).text,
            "```sh\n# a comment\n```\n\\# heading"
        );
    }

    #[test]
    fn an_unclosed_fence_is_closed_when_something_follows() {
        let escaped = escape_text("````rust\nfn main() {}", &Rules::up_to(4));
        assert_eq!(
            escaped.text, "````rust\nfn main() {}",
            "nothing added to the text"
        );
        assert_eq!(escaped.closed(), "````rust\nfn main() {}\n````");
        // A fence opened in a list item ends with the item.
        assert_eq!(
            escape_text("  - ``` sh\n    ls", &Rules::up_to(2)).closed(),
            "  - ``` sh\n    ls"
        );
    }

    #[test]
    fn an_escaped_heading_that_would_not_be_structure_stays_as_written() {
        // `\### foo` in 感想 is a paragraph: no backslash comes off on
        // import, none is added on export.
        let rules = Rules::up_to(2);
        let lines = ["\\### foo", "\\\\## bar", "\\## baz"];
        let read = unescape_lines(&lines, &rules);
        assert_eq!(read, "\\### foo\n\\## bar\n## baz");
        assert_eq!(escape_text(&read, &rules).text, lines.join("\n"));
    }

    #[test]
    fn before_the_first_day_only_date_headings_are_escaped() {
        let text = "# 学習ログ\n# 2025-03-10\n## 2025-03-11";
        assert_eq!(
            escape_text(text, &Rules::before_days(1)).text,
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
            language: Language::Ja,
            following: &[],
            front_matter: false,
        };
        let text = "### DDIA\n### 雑記\n#### 何でも\n##### 小見出し";
        assert_eq!(
            escape_text(text, &rules).text,
            "\\### DDIA\n### 雑記\n\\#### 何でも\n##### 小見出し"
        );
    }

    #[test]
    fn a_heading_over_a_table_at_the_end_is_a_grid_title_elsewhere_text() {
        let rules = Rules {
            grid_title: Some(GridTitle::AtTheEnd(5)),
            ..Rules::up_to(2)
        };
        let grid_like = "前文\n##### 比較\n\n| a | b |\n| --- | --- |\n| 1 | 2 |";
        assert!(escape_text(grid_like, &rules).text.contains("\\##### 比較"));
        let topic = "##### 比較\n本文\n| a | b |\n| --- | --- |";
        assert_eq!(escape_text(topic, &rules).text, topic);
        let in_the_middle = "##### 比較\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n後の文";
        assert_eq!(escape_text(in_the_middle, &rules).text, in_the_middle);
        let anywhere = Rules {
            grid_title: Some(GridTitle::Anywhere(5)),
            ..rules
        };
        assert!(
            escape_text(in_the_middle, &anywhere)
                .text
                .starts_with("\\#####")
        );
    }
}
