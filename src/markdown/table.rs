//! Comparison grids as GFM tables.
//!
//! A cell's score goes before its text: a mark (`◎ 安い`) or points
//! (`[4/5] 安い`); a weight other than 1 follows the criterion (`コスト (×2)`);
//! a total column is added when any cell has points, and dropped again on
//! import when it matches what the scores add up to.

use super::cells::{escape_cell, split_row, unescape_cell};
use crate::model::{Align, Cell, Criterion, Grid, Language, Mark, Score};

/// The grid as table lines (header, delimiter, one row per option).
pub fn grid_to_table(grid: &Grid, language: Language) -> String {
    let with_total = grid.has_points() && grid.total_column;
    let mut header = vec![escape_cell(&grid.corner)];
    header.extend(grid.criteria.iter().map(criterion_header));
    if with_total {
        header.push(total_label(language).to_owned());
    }
    let mut aligns = vec![grid.corner_align];
    aligns.extend(grid.criteria.iter().map(|c| c.align));
    if with_total {
        aligns.push(Align::None);
    }
    let delimiter: Vec<String> = aligns.into_iter().map(delimiter_cell).collect();
    let mut lines = vec![row(&header), row(&delimiter)];
    let totals = grid.totals();
    for (i, option) in grid.options.iter().enumerate() {
        let mut cells = vec![escape_cell(option)];
        cells.extend(grid.cells[i].iter().map(cell_text));
        if with_total {
            cells.push(totals[i].to_string());
        }
        lines.push(row(&cells));
    }
    lines.join("\n")
}

fn delimiter_cell(align: Align) -> String {
    match align {
        Align::None => "---",
        Align::Left => ":---",
        Align::Center => ":---:",
        Align::Right => "---:",
    }
    .to_owned()
}

fn align_of(cell: &str) -> Align {
    match (cell.starts_with(':'), cell.ends_with(':') && cell.len() > 1) {
        (true, true) => Align::Center,
        (true, false) => Align::Left,
        (false, true) => Align::Right,
        (false, false) => Align::None,
    }
}

fn row(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        // An empty cell is `| |`, as people write it.
        if !cell.is_empty() {
            line.push(' ');
            line.push_str(cell);
        }
        line.push_str(" |");
    }
    line
}

fn total_label(language: Language) -> &'static str {
    match language {
        Language::Ja => "合計",
        Language::En => "Total",
    }
}

fn criterion_header(criterion: &Criterion) -> String {
    let name = escape_cell(&criterion.name);
    if criterion.weight == 1 {
        name
    } else {
        format!("{name} (×{})", criterion.weight)
    }
}

fn cell_text(cell: &Cell) -> String {
    let text = escape_cell(&cell.text);
    let score = match cell.score {
        Some(Score::Mark(mark)) => mark.symbol().to_owned(),
        Some(Score::Points(points)) => format!("[{points}/5]"),
        None => {
            return if parse_score(&text).0.is_some() {
                format!("\\{text}")
            } else {
                text
            };
        }
    };
    if text.is_empty() {
        score
    } else {
        format!("{score} {text}")
    }
}

/// Whether the line at `lines[0]` starts a table: a `|` row followed by a delimiter row.
pub fn starts_table(lines: &[&str]) -> bool {
    lines.len() >= 2 && is_row(lines[0]) && is_delimiter(lines[1])
}

/// How many lines from the start of `lines` belong to the table there.
pub fn table_len(lines: &[&str]) -> usize {
    2 + lines[2..].iter().take_while(|l| is_row(l)).count()
}

fn is_row(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

fn is_delimiter(line: &str) -> bool {
    let cells = split_row(line);
    !cells.is_empty()
        && cells.iter().all(|c| {
            let dashes = c.trim_matches(':');
            dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
        })
}

/// Reads a table as a grid; `None` if it does not fit one (a row wider than
/// the header), so the caller keeps it as text and loses nothing.
pub fn table_to_grid(lines: &[&str], title: String) -> Option<Grid> {
    let header = split_row(lines[0]);
    let rows: Vec<Vec<&str>> = lines[2..].iter().map(|l| split_row(l)).collect();
    if rows.iter().any(|r| r.len() > header.len()) || header.is_empty() {
        return None;
    }
    let aligns: Vec<Align> = split_row(lines[1]).into_iter().map(align_of).collect();
    let align = |i: usize| aligns.get(i).copied().unwrap_or_default();
    let mut grid = Grid {
        title,
        corner: unescape_cell(header[0]),
        corner_align: align(0),
        options: rows
            .iter()
            .map(|r| r.first().map_or_else(String::new, |c| unescape_cell(c)))
            .collect(),
        criteria: header[1..]
            .iter()
            .enumerate()
            .map(|(i, h)| Criterion {
                align: align(i + 1),
                ..parse_criterion(h)
            })
            .collect(),
        cells: rows
            .iter()
            .map(|r| {
                (1..header.len())
                    .map(|i| parse_cell(r.get(i).copied().unwrap_or("")))
                    .collect()
            })
            .collect(),
        total_column: false,
    };
    drop_computed_total(&mut grid);
    // A table with points and no total column is written back without one;
    // without points there is nothing to tell, so the app's default holds
    // (totals appear once points are given).
    grid.total_column |= !grid.has_points();
    Some(grid)
}

fn parse_criterion(header: &str) -> Criterion {
    for (open, close) in [(" (×", ")"), ("（×", "）")] {
        if let Some((name, weight)) = header
            .strip_suffix(close)
            .and_then(|h| h.rsplit_once(open))
            .and_then(|(name, w)| Some((name, w.parse::<u32>().ok()?)))
        {
            return Criterion {
                name: unescape_cell(name),
                weight,
                align: Align::None,
            };
        }
    }
    Criterion::new(unescape_cell(header))
}

fn parse_cell(raw: &str) -> Cell {
    if let Some(rest) = raw
        .strip_prefix('\\')
        .filter(|r| parse_score(r).0.is_some())
    {
        return Cell {
            text: unescape_cell(rest),
            score: None,
        };
    }
    let (score, text) = parse_score(raw);
    Cell {
        text: unescape_cell(text),
        score,
    }
}

/// A leading mark or `[n/5]`, and the text after it.
fn parse_score(raw: &str) -> (Option<Score>, &str) {
    let marks = [
        ("◎", Mark::Excellent),
        ("○", Mark::Good),
        ("〇", Mark::Good),
        ("△", Mark::Fair),
        ("×", Mark::Poor),
        ("✕", Mark::Poor),
    ];
    for (symbol, mark) in marks {
        if let Some(rest) = raw.strip_prefix(symbol)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            return (
                Some(Score::Mark(mark)),
                rest.strip_prefix(' ').unwrap_or(rest),
            );
        }
    }
    for points in 1..=5u8 {
        if let Some(rest) = raw.strip_prefix(&format!("[{points}/5]"))
            && (rest.is_empty() || rest.starts_with(' '))
        {
            return (
                Some(Score::Points(points)),
                rest.strip_prefix(' ').unwrap_or(rest),
            );
        }
    }
    (None, raw)
}

/// Whether `grid`, written back as a table, is the table `lines` cell for
/// cell (spacing and delimiter dashes aside): only then does reading it as a
/// grid keep what the user wrote, so only then is it read as one.
pub fn writes_back_the_same(lines: &[&str], grid: &Grid, language: Language) -> bool {
    let table = grid_to_table(grid, language);
    let ours: Vec<&str> = table.lines().collect();
    let width = split_row(lines[0]).len();
    let cells = |line: &str| {
        let mut cells: Vec<String> = split_row(line).into_iter().map(str::to_owned).collect();
        cells.resize(width.max(cells.len()), String::new());
        cells
    };
    let aligns = |line: &str| -> Vec<Align> { split_row(line).into_iter().map(align_of).collect() };
    ours.len() == lines.len()
        && aligns(ours[1]) == aligns(lines[1])
        && ours
            .iter()
            .zip(lines)
            .enumerate()
            .all(|(i, (a, b))| i == 1 || cells(a) == cells(b))
}

/// Removes a last "合計"/"Total" column whose numbers are exactly the totals.
fn drop_computed_total(grid: &mut Grid) {
    let Some(last) = grid.criteria.last() else {
        return;
    };
    if !["合計", "Total"].contains(&last.name.as_str()) || last.weight != 1 {
        return;
    }
    if !last.align.is_none() {
        return;
    }
    let mut without = grid.clone();
    without.criteria.pop();
    let column: Vec<Cell> = without
        .cells
        .iter_mut()
        .filter_map(|row| row.pop())
        .collect();
    let totals = without.totals();
    let is_computed = without.has_points()
        && column.len() == totals.len()
        && column
            .iter()
            .zip(&totals)
            .all(|(cell, total)| cell.score.is_none() && cell.text == total.to_string());
    if is_computed {
        *grid = Grid {
            total_column: true,
            ..without
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn a_scored_weighted_grid_round_trips_through_a_table() {
        let mut grid = Grid::new(
            vec!["ECS on EC2".into(), "EKS | Fargate".into()],
            vec!["コスト".into(), "拡張性".into()],
        );
        grid.corner = "構成".into();
        grid.criteria[0].weight = 2;
        grid.cells[0][0] = Cell {
            text: "安い\n運用は手間".into(),
            score: Some(Score::Points(4)),
        };
        grid.cells[0][1] = Cell {
            text: String::new(),
            score: Some(Score::Mark(Mark::Good)),
        };
        grid.cells[1][0] = Cell {
            text: "◎ is text here".into(),
            score: None,
        };
        let table = grid_to_table(&grid, Language::Ja);
        assert!(
            table.starts_with("| 構成 | コスト (×2) | 拡張性 | 合計 |\n| --- | --- | --- | --- |"),
            "{table}"
        );
        assert!(
            table.contains("| ECS on EC2 | [4/5] 安い<br>運用は手間 | ○ | 12 |"),
            "{table}"
        );
        assert!(
            table.contains("| EKS \\| Fargate | \\◎ is text here | | 0 |"),
            "{table}"
        );
        let back = table_to_grid(&lines(&table), String::new()).unwrap();
        assert_eq!(back, grid);
    }

    #[test]
    fn a_hand_written_mark_table_reads_as_scores_and_keeps_a_real_total_column() {
        let text = "| 方式 | コスト | 合計 |\n|:---|:---:|---|\n| A | ◎ | 高め |\n| B | △ 安い |";
        let grid = table_to_grid(&lines(text), "比較".into()).unwrap();
        assert_eq!(grid.criteria.len(), 2, "a text column named 合計 is kept");
        assert_eq!(grid.cells[0][0].score, Some(Score::Mark(Mark::Excellent)));
        assert_eq!(
            grid.cells[1][0],
            Cell {
                text: "安い".into(),
                score: Some(Score::Mark(Mark::Fair))
            }
        );
        assert_eq!(grid.cells[1][1].text, "", "a short row is padded");
    }

    #[test]
    fn a_row_wider_than_the_header_is_not_a_grid() {
        assert_eq!(
            table_to_grid(
                &lines("| a | b |\n| --- | --- |\n| 1 | 2 | 3 |"),
                String::new()
            ),
            None
        );
    }
}
