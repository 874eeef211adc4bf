//! 感想 and sections kept as written: their text, and the comparison grids
//! written after it, each under a heading three levels below the section's
//! (`#####` under `##`), its title or empty. A table anywhere else, or one
//! that would not write back the same, stays text.

use super::super::escape::unescape_lines;
use super::super::lines::{code_lines, heading};
use super::super::places;
use super::super::table::{starts_table, table_len, table_to_grid, writes_back_the_same};
use super::day::Cx;
use crate::model::{FreeText, Grid, Language};

/// The text and grids of a free section at `level` (its lines trimmed).
pub fn free_text(cx: &Cx, lines: &[&str], level: u8) -> FreeText {
    let title_level = level + 3;
    let language = cx.journal.template.language;
    let (text, grids) = split_grids(lines, title_level, language);
    let rules = places::free_text(cx.levels(), level, language);
    FreeText {
        text: unescape_lines(trim_end(text), &rules),
        grids,
    }
}

/// The text, and the grids at its end (read from the last one back).
fn split_grids<'a>(
    lines: &'a [&'a str],
    title_level: u8,
    language: Language,
) -> (&'a [&'a str], Vec<Grid>) {
    let mut end = lines.len();
    let mut grids = Vec::new();
    // A heading and table inside an open code block are code.
    let code = code_lines(lines);
    while let Some((start, grid)) =
        last_grid(&lines[..end], title_level, language).filter(|(start, _)| !code[*start])
    {
        grids.insert(0, grid);
        end = start;
    }
    (&lines[..end], grids)
}

/// A heading at `title_level` then a table, ending `lines`: where the
/// heading is, and the grid.
fn last_grid(lines: &[&str], title_level: u8, language: Language) -> Option<(usize, Grid)> {
    let last = end_of_text(lines);
    let rows = lines[..last]
        .iter()
        .rev()
        .take_while(|l| l.trim_start().starts_with('|'))
        .count();
    let table = last - rows;
    let title_at = end_of_text(&lines[..table]).checked_sub(1)?;
    let title = heading(lines[title_at]).filter(|h| h.level == title_level)?;
    let table_lines = &lines[table..last];
    let whole = rows >= 2 && starts_table(table_lines) && table_len(table_lines) == rows;
    let grid = whole
        .then(|| table_to_grid(table_lines, title.text.to_owned()))
        .flatten()
        .filter(|grid| writes_back_the_same(table_lines, grid, language))?;
    Some((title_at, grid))
}

/// The index just after the last line that is not blank.
fn end_of_text(lines: &[&str]) -> usize {
    lines
        .iter()
        .rposition(|l| !l.trim().is_empty())
        .map_or(0, |i| i + 1)
}

fn trim_end<'a, 'b>(lines: &'b [&'a str]) -> &'b [&'a str] {
    &lines[..end_of_text(lines)]
}
