//! A note cut into the blocks a read view draws differently: running text,
//! fenced code (with its language, without its fences), GFM tables (header,
//! alignment, rows), and the pictures a line names. Pure: the read views
//! draw each block; the text itself is never changed.

use super::cells::{split_row, unescape_cell};
use super::lines::Fences;
use super::pictures::{PictureLink, picture_links};

/// How a table column's cells line up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A GFM table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub align: Vec<Align>,
    /// Each row as wide as the header (short rows filled with empty cells).
    pub rows: Vec<Vec<String>>,
}

/// One block of a note, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadBlock<'a> {
    /// Lines of Markdown to render as text.
    Text(String),
    /// A fenced code block: the first word of its info string ("" if none).
    Code {
        language: &'a str,
        code: String,
    },
    Table(Table),
    /// Pictures named on one line, drawn under it (a line that holds only
    /// pictures is drawn as the pictures alone).
    Pictures(Vec<PictureLink<'a>>),
}

/// `text` cut into blocks.
pub fn read_blocks(text: &str) -> Vec<ReadBlock<'_>> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut blocks = Vec::new();
    let mut prose = String::new();
    let mut fences = Fences::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if fences.is_code(line) {
            let (language, code, used) = code_block(&lines[i..], &mut fences);
            flush(&mut prose, &mut blocks);
            blocks.push(ReadBlock::Code { language, code });
            i += used;
            continue;
        }
        if starts_table(&lines[i..]) {
            let len = 2 + lines[i + 2..].iter().take_while(|l| is_row(l)).count();
            flush(&mut prose, &mut blocks);
            blocks.push(ReadBlock::Table(table(&lines[i..i + len])));
            i += len;
            continue;
        }
        let pictures = if line.contains("![") {
            picture_links(line)
        } else {
            Vec::new()
        };
        if pictures.is_empty() || !is_only_pictures(line, &pictures) {
            prose.push_str(line);
            prose.push('\n');
        }
        if !pictures.is_empty() {
            flush(&mut prose, &mut blocks);
            blocks.push(ReadBlock::Pictures(pictures));
        }
        i += 1;
    }
    flush(&mut prose, &mut blocks);
    blocks
}

fn flush<'a>(prose: &mut String, blocks: &mut Vec<ReadBlock<'a>>) {
    let text = prose.trim_end_matches('\n');
    if !text.trim().is_empty() {
        blocks.push(ReadBlock::Text(text.to_owned()));
    }
    prose.clear();
}

/// The code block opening at `lines[0]` (already fed to `fences`): its
/// language, its code, and how many lines it takes (fences included).
fn code_block<'a>(lines: &[&'a str], fences: &mut Fences) -> (&'a str, String, usize) {
    let opening = lines[0]
        .trim_start()
        .trim_start_matches(['-', '*', '+', ' ']);
    let info = opening.trim_start_matches(['`', '~']).trim();
    let language = info.split_whitespace().next().unwrap_or("");
    let indent = lines[0].len() - lines[0].trim_start().len();
    let mut code = Vec::new();
    let mut used = 1;
    while used < lines.len() && fences.is_open() && fences.holds(lines[used]) {
        let line = lines[used];
        fences.is_code(line);
        used += 1;
        if !fences.is_open() {
            break; // the closing fence
        }
        code.push(strip_indent(line, indent));
    }
    (language, code.join("\n"), used)
}

/// A code line without the indentation its fence had.
fn strip_indent(line: &str, indent: usize) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(indent)..]
}

fn is_only_pictures(line: &str, pictures: &[PictureLink]) -> bool {
    let mut at = 0;
    let mut rest = String::new();
    for link in pictures {
        rest.push_str(&line[at..link.at.start]);
        at = link.at.end;
    }
    rest.push_str(&line[at..]);
    rest.trim().is_empty()
}

/// A `|` row followed by a delimiter row (GFM: each cell at least one
/// dash, with optional colons: `---`, `:-:`, `--:`).
fn starts_table(lines: &[&str]) -> bool {
    lines.len() >= 2 && is_row(lines[0]) && is_delimiter(lines[1])
}

fn is_row(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

fn is_delimiter(line: &str) -> bool {
    let cells = split_row(line);
    is_row(line)
        && !cells.is_empty()
        && cells.iter().all(|c| {
            let dashes = c.trim_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

fn table(lines: &[&str]) -> Table {
    let cells =
        |line: &str| -> Vec<String> { split_row(line).into_iter().map(unescape_cell).collect() };
    let header = cells(lines[0]);
    let align = split_row(lines[1])
        .into_iter()
        .map(|c| match (c.starts_with(':'), c.ends_with(':')) {
            (true, true) => Align::Center,
            (false, true) => Align::Right,
            _ => Align::Left,
        })
        .chain(std::iter::repeat(Align::Left))
        .take(header.len())
        .collect();
    let rows = lines[2..]
        .iter()
        .map(|line| {
            let mut row = cells(line);
            row.resize(header.len().max(row.len()), String::new());
            row
        })
        .collect();
    Table {
        header,
        align,
        rows,
    }
}

#[cfg(test)]
mod tests;
