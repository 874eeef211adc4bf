//! Tab and Shift+Tab in a Markdown table row of a note: the caret moves to
//! the next or previous cell's text (on to the next row, past the
//! delimiter row), as in a spreadsheet, instead of indenting the line. Pure
//! text functions; positions in characters, as egui counts them.

use super::list_editing::{byte_index, char_index};

/// Where the caret at char `cursor` goes on Tab (`back`: Shift+Tab), or
/// None when it is not in a table row (Tab then indents as usual). At the
/// table's last cell (or first, going back) the caret stays.
pub fn cell_step(text: &str, cursor: usize, back: bool) -> Option<usize> {
    let at = byte_index(text, cursor);
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let starts = row_cells(text, line_start)?;
    let here = starts.iter().rposition(|&s| s <= at).unwrap_or(0);
    let target = if back {
        match here.checked_sub(1) {
            Some(previous) => starts[previous],
            None => neighbour_row(text, line_start, true)
                .and_then(|row| row.last().copied())
                .unwrap_or(at),
        }
    } else {
        match starts.get(here + 1) {
            Some(&next) => next,
            None => neighbour_row(text, line_start, false)
                .and_then(|row| row.first().copied())
                .unwrap_or(at),
        }
    };
    Some(char_index(text, target))
}

/// Where each cell's text starts (bytes, past the pipe and one space) in
/// the table row starting at byte `start`; None if that line is no row.
fn row_cells(text: &str, start: usize) -> Option<Vec<usize>> {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = &text[start..end];
    if !line.trim_start().starts_with('|') {
        return None;
    }
    let mut pipes = Vec::new();
    let mut escaped = false;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'\\' => escaped = !escaped,
            b'|' if !escaped => pipes.push(i),
            _ => escaped = false,
        }
    }
    // The last pipe closes the row unless text follows it.
    if pipes.len() > 1 && line[pipes[pipes.len() - 1] + 1..].trim().is_empty() {
        pipes.pop();
    }
    let cells = pipes
        .into_iter()
        .map(|p| {
            let after = p + 1;
            start + after + usize::from(line[after..].starts_with(' '))
        })
        .collect();
    Some(cells)
}

/// The cells of the table row before (or after) the line at `line_start`,
/// skipping the delimiter row.
fn neighbour_row(text: &str, line_start: usize, before: bool) -> Option<Vec<usize>> {
    let mut start = line_start;
    loop {
        start = if before {
            let end = start.checked_sub(1)?;
            text[..end].rfind('\n').map_or(0, |i| i + 1)
        } else {
            start + text[start..].find('\n')? + 1
        };
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[start..end].trim();
        if !line.is_empty() && line.chars().all(|c| "|-: \t".contains(c)) {
            continue; // the delimiter row
        }
        return row_cells(text, start);
    }
}

#[cfg(test)]
mod tests {
    use super::cell_step;

    const TABLE: &str = "表:\n| 方式 | 費用 |\n| --- | --- |\n| EC2 | 安い |\n後";

    fn at(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    #[test]
    fn tab_walks_the_cells_and_rows_and_shift_tab_walks_back() {
        let start = at(TABLE, "方式");
        assert_eq!(cell_step(TABLE, start, false), Some(at(TABLE, "費用")));
        assert_eq!(
            cell_step(TABLE, at(TABLE, "費用") + 1, false),
            Some(at(TABLE, "EC2"))
        );
        assert_eq!(
            cell_step(TABLE, at(TABLE, "EC2"), false),
            Some(at(TABLE, "安い"))
        );
        let last = at(TABLE, "安い");
        assert_eq!(
            cell_step(TABLE, last, false),
            Some(last),
            "stays at the end"
        );
        assert_eq!(
            cell_step(TABLE, at(TABLE, "EC2"), true),
            Some(at(TABLE, "費用"))
        );
        assert_eq!(
            cell_step(TABLE, start, true),
            Some(start),
            "stays at the start"
        );
    }

    #[test]
    fn outside_a_table_tab_is_left_alone() {
        assert_eq!(cell_step(TABLE, at(TABLE, "表"), false), None);
        assert_eq!(cell_step(TABLE, at(TABLE, "後"), true), None);
        assert_eq!(cell_step("- item", 2, false), None);
    }
}
