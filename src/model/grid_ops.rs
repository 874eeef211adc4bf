//! Editing a comparison grid: every change as a [`GridOp`], plus the pure
//! helpers behind them (two-axes template, ranks, TSV in and out).
//!
//! Every operation keeps the grid rectangular: one row of cells per option,
//! one cell per criterion. Pasting grows the grid instead of dropping cells.

use super::grid::{Cell, Criterion, Grid, Score};
use super::template::Language;

/// One change to a grid. Rows are options, columns are criteria.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GridOp {
    SetTitle(String),
    SetCorner(String),
    SetOption {
        row: usize,
        name: String,
    },
    SetCriterion {
        col: usize,
        name: String,
    },
    SetWeight {
        col: usize,
        weight: u32,
    },
    SetCellText {
        row: usize,
        col: usize,
        text: String,
    },
    SetScore {
        row: usize,
        col: usize,
        score: Option<Score>,
    },
    /// Insert an empty option before `at` (`at == len` appends).
    InsertOption {
        at: usize,
        name: String,
    },
    RemoveOption(usize),
    MoveOption {
        from: usize,
        to: usize,
    },
    InsertCriterion {
        at: usize,
        name: String,
    },
    RemoveCriterion(usize),
    MoveCriterion {
        from: usize,
        to: usize,
    },
    /// Order the options by one criterion's score (then text), best first
    /// when `descending`.
    SortBy {
        col: usize,
        descending: bool,
    },
    /// Order the options by weighted total, best first.
    SortByTotal,
    /// Options become criteria and criteria options.
    Transpose,
    /// Paste tab-separated text with its top-left cell at (row, col).
    Paste {
        row: usize,
        col: usize,
        tsv: String,
    },
}

/// The largest weight a criterion can have.
pub const MAX_WEIGHT: u32 = 10;

impl GridOp {
    /// Apply to `grid`; returns whether it changed. Out-of-range positions change nothing.
    pub fn apply(self, grid: &mut Grid) -> bool {
        let before = grid.clone();
        match self {
            GridOp::SetTitle(title) => grid.title = title,
            GridOp::SetCorner(corner) => grid.corner = corner,
            GridOp::SetOption { row, name } => {
                if let Some(option) = grid.options.get_mut(row) {
                    *option = name;
                }
            }
            GridOp::SetCriterion { col, name } => {
                if let Some(criterion) = grid.criteria.get_mut(col) {
                    criterion.name = name;
                }
            }
            GridOp::SetWeight { col, weight } => {
                if let Some(criterion) = grid.criteria.get_mut(col) {
                    criterion.weight = weight.clamp(1, MAX_WEIGHT);
                }
            }
            GridOp::SetCellText { row, col, text } => {
                if let Some(cell) = cell_mut(grid, row, col) {
                    cell.text = text;
                }
            }
            GridOp::SetScore { row, col, score } => {
                if let Some(cell) = cell_mut(grid, row, col)
                    && score.is_none_or(Score::is_valid)
                {
                    cell.score = score;
                }
            }
            shape => shape.reshape(grid),
        }
        *grid != before
    }

    /// The operations that add, remove, move or reorder rows and columns.
    fn reshape(self, grid: &mut Grid) {
        let (rows, cols) = (grid.options.len(), grid.criteria.len());
        match self {
            GridOp::InsertOption { at, name } => insert_option(grid, at, name),
            GridOp::RemoveOption(row) if row < rows => {
                grid.options.remove(row);
                grid.cells.remove(row);
            }
            GridOp::MoveOption { from, to } if from < rows && to < rows => {
                move_in(&mut grid.options, from, to);
                move_in(&mut grid.cells, from, to);
            }
            GridOp::InsertCriterion { at, name } => insert_criterion(grid, at, name),
            GridOp::RemoveCriterion(col) if col < cols => {
                grid.criteria.remove(col);
                grid.cells.iter_mut().for_each(|row| {
                    row.remove(col);
                });
            }
            GridOp::MoveCriterion { from, to } if from < cols && to < cols => {
                move_in(&mut grid.criteria, from, to);
                grid.cells.iter_mut().for_each(|row| move_in(row, from, to));
            }
            GridOp::SortBy { col, descending } if col < cols => {
                sort_by_column(grid, col, descending)
            }
            GridOp::SortByTotal => sort_by_total(grid),
            GridOp::Transpose => *grid = transposed(grid),
            GridOp::Paste { row, col, tsv } => paste(grid, row, col, &tsv),
            // Out of range (changes nothing), or a text or score change,
            // which `apply` handles.
            _ => {}
        }
    }
}

fn cell_mut(grid: &mut Grid, row: usize, col: usize) -> Option<&mut Cell> {
    grid.cells.get_mut(row)?.get_mut(col)
}

fn move_in<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    items.insert(to, item);
}

fn insert_option(grid: &mut Grid, at: usize, name: String) {
    let at = at.min(grid.options.len());
    grid.options.insert(at, name);
    grid.cells
        .insert(at, vec![Cell::default(); grid.criteria.len()]);
}

fn insert_criterion(grid: &mut Grid, at: usize, name: String) {
    let at = at.min(grid.criteria.len());
    grid.criteria.insert(at, Criterion::new(name));
    for row in &mut grid.cells {
        row.insert(at, Cell::default());
    }
}

/// Reorder options (and their rows of cells) by the permutation `order`.
fn reorder(grid: &mut Grid, order: &[usize]) {
    grid.options = order.iter().map(|&i| grid.options[i].clone()).collect();
    grid.cells = order.iter().map(|&i| grid.cells[i].clone()).collect();
}

fn sort_by_column(grid: &mut Grid, col: usize, descending: bool) {
    let mut order: Vec<usize> = (0..grid.options.len()).collect();
    // Stable: equal cells keep their order, so sorting twice changes nothing.
    order.sort_by(|&a, &b| {
        let key = |row: usize| {
            let cell = &grid.cells[row][col];
            (cell.score.map(Score::value), cell.text.clone())
        };
        let ordering = key(a).cmp(&key(b));
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
    reorder(grid, &order);
}

fn sort_by_total(grid: &mut Grid) {
    let totals = grid.totals();
    let mut order: Vec<usize> = (0..grid.options.len()).collect();
    order.sort_by_key(|&row| std::cmp::Reverse(totals[row]));
    reorder(grid, &order);
}

/// The grid with rows and columns swapped. Options carry no weight, so
/// weights other than 1 cannot survive the swap: they come back as 1.
pub fn transposed(grid: &Grid) -> Grid {
    let options: Vec<String> = grid.criteria.iter().map(|c| c.name.clone()).collect();
    let criteria: Vec<Criterion> = grid.options.iter().cloned().map(Criterion::new).collect();
    let cells = (0..options.len())
        .map(|col| grid.cells.iter().map(|row| row[col].clone()).collect())
        .collect();
    Grid {
        title: grid.title.clone(),
        corner: grid.corner.clone(),
        corner_align: grid.corner_align,
        options,
        criteria,
        cells,
        total_column: grid.total_column,
    }
}

fn paste(grid: &mut Grid, row: usize, col: usize, tsv: &str) {
    let rows = parse_tsv(tsv);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if rows.is_empty() || width == 0 {
        return;
    }
    let row = row.min(grid.options.len());
    let col = col.min(grid.criteria.len());
    while grid.options.len() < row + rows.len() {
        insert_option(grid, grid.options.len(), String::new());
    }
    while grid.criteria.len() < col + width {
        insert_criterion(grid, grid.criteria.len(), String::new());
    }
    for (r, values) in rows.into_iter().enumerate() {
        for (c, text) in values.into_iter().enumerate() {
            grid.cells[row + r][col + c].text = text;
        }
    }
}

/// Rows of cells from tab-separated text as spreadsheets copy it: cells
/// holding a tab, a line break or a quote come quoted, with `""` for `"`.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut rows = Vec::new();
    if text.is_empty() {
        return rows;
    }
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '"' {
                    if chars.peek() == Some(&'"') {
                        chars.next();
                        cell.push('"');
                    } else {
                        break;
                    }
                } else {
                    cell.push(c);
                }
            }
        }
        // Unquoted text (or anything after a closing quote) up to the separator.
        while let Some(&c) = chars.peek() {
            if c == '\t' || c == '\n' || c == '\r' {
                break;
            }
            cell.push(c);
            chars.next();
        }
        row.push(cell);
        match chars.next() {
            Some('\t') => {}
            Some('\r') => {
                chars.next_if_eq(&'\n');
                rows.push(std::mem::take(&mut row));
            }
            Some('\n') => rows.push(std::mem::take(&mut row)),
            _ => {
                rows.push(row);
                break;
            }
        }
    }
    rows
}

/// The grid as tab-separated text, with a header row (corner, criteria) and
/// one row per option; a spreadsheet pastes it back as the same table.
pub fn to_tsv(grid: &Grid) -> String {
    let mut out = String::new();
    let header =
        std::iter::once(grid.corner.as_str()).chain(grid.criteria.iter().map(|c| c.name.as_str()));
    push_tsv_row(&mut out, header);
    for (option, row) in grid.options.iter().zip(&grid.cells) {
        let cells = std::iter::once(option.as_str()).chain(row.iter().map(|c| c.text.as_str()));
        push_tsv_row(&mut out, cells);
    }
    out
}

fn push_tsv_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push('\t');
        }
        if cell.contains(['\t', '\n', '\r', '"']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

/// Rank per option by weighted total, 1 = best; equal totals share a rank
/// (1, 2, 2, 4).
pub fn ranks(grid: &Grid) -> Vec<usize> {
    let totals = grid.totals();
    totals
        .iter()
        .map(|total| 1 + totals.iter().filter(|other| *other > total).count())
        .collect()
}

/// The criteria for a new grid in `journal`: those of the latest grid the
/// user wrote (they compare by their own criteria), else a starting set in
/// the journal's language.
pub fn criteria_for_new_grid(journal: &super::Journal) -> Vec<String> {
    let latest = journal
        .days
        .values()
        .rev()
        .flat_map(|day| day.grids())
        .find_map(|(_, grid)| {
            let names: Vec<String> = grid
                .criteria
                .iter()
                .map(|c| c.name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .collect();
            (!names.is_empty()).then_some(names)
        });
    latest.unwrap_or_else(|| suggested_criteria(journal.template.language))
}

/// The criteria studylog suggests for a first grid.
pub fn suggested_criteria(language: Language) -> Vec<String> {
    let names: [&str; 4] = match language {
        Language::Ja => ["コスト", "拡張性", "信頼性", "人材確保のしやすさ"],
        Language::En => ["cost", "scalability", "reliability", "ease of hiring"],
    };
    names.iter().map(|n| (*n).to_owned()).collect()
}

/// Two axes with two values each, e.g. control plane (ECS, EKS) × data plane
/// (EC2, Fargate).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TwoAxes {
    pub first: String,
    pub first_values: [String; 2],
    pub second: String,
    pub second_values: [String; 2],
}

impl TwoAxes {
    /// The grid of the four combinations ("ECS / EC2", "ECS / Fargate", ...)
    /// against `criteria`; the corner names the two axes.
    pub fn grid(&self, criteria: Vec<String>) -> Grid {
        let options = self
            .first_values
            .iter()
            .flat_map(|a| {
                self.second_values
                    .iter()
                    .map(move |b| format!("{} / {}", a.trim(), b.trim()))
            })
            .collect();
        let mut grid = Grid::new(options, criteria);
        grid.corner = format!("{} / {}", self.first.trim(), self.second.trim());
        grid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mark;

    fn ecs_eks() -> Grid {
        let axes = TwoAxes {
            first: "コントロールプレーン".into(),
            first_values: ["ECS".into(), "EKS".into()],
            second: "データプレーン".into(),
            second_values: ["EC2".into(), "Fargate".into()],
        };
        axes.grid(suggested_criteria(Language::Ja))
    }

    #[test]
    fn two_axes_make_four_options() {
        let grid = ecs_eks();
        assert_eq!(
            grid.options,
            ["ECS / EC2", "ECS / Fargate", "EKS / EC2", "EKS / Fargate"]
        );
        assert_eq!(grid.corner, "コントロールプレーン / データプレーン");
        assert_eq!(grid.criteria.len(), 4);
        assert!(grid.is_well_formed());
    }

    #[test]
    fn totals_and_ranks_match_a_hand_computation() {
        let mut grid = ecs_eks();
        // cost ×2: ECS/EC2 4, ECS/Fargate 3, EKS/EC2 3, EKS/Fargate 2
        GridOp::SetWeight { col: 0, weight: 2 }.apply(&mut grid);
        for (row, points) in [4, 3, 3, 2].into_iter().enumerate() {
            let score = Some(Score::Points(points));
            GridOp::SetScore { row, col: 0, score }.apply(&mut grid);
        }
        // scalability: ◎ for Fargate rows.
        for row in [1, 3] {
            let score = Some(Score::Mark(Mark::Excellent));
            GridOp::SetScore { row, col: 1, score }.apply(&mut grid);
        }
        assert_eq!(grid.totals(), [8, 11, 6, 9]);
        assert_eq!(ranks(&grid), [3, 1, 4, 2]);
        GridOp::SortByTotal.apply(&mut grid);
        assert_eq!(grid.options[0], "ECS / Fargate");
    }

    #[test]
    fn equal_totals_share_a_rank() {
        let mut grid = Grid::new(vec!["a".into(), "b".into(), "c".into()], vec!["x".into()]);
        for (row, points) in [3, 5, 3].into_iter().enumerate() {
            GridOp::SetScore {
                row,
                col: 0,
                score: Some(Score::Points(points)),
            }
            .apply(&mut grid);
        }
        assert_eq!(ranks(&grid), [2, 1, 2]);
    }

    #[test]
    fn out_of_range_ops_change_nothing() {
        let mut grid = ecs_eks();
        let ops = [
            GridOp::RemoveOption(9),
            GridOp::RemoveCriterion(9),
            GridOp::MoveOption { from: 0, to: 9 },
            GridOp::SetCellText {
                row: 9,
                col: 0,
                text: "x".into(),
            },
            GridOp::SetScore {
                row: 0,
                col: 0,
                score: Some(Score::Points(9)),
            },
            GridOp::SortBy {
                col: 9,
                descending: true,
            },
        ];
        for op in ops {
            assert!(!op.apply(&mut grid));
        }
    }

    #[test]
    fn weights_stay_between_one_and_ten() {
        let mut grid = ecs_eks();
        GridOp::SetWeight { col: 0, weight: 0 }.apply(&mut grid);
        assert_eq!(grid.criteria[0].weight, 1);
        GridOp::SetWeight { col: 0, weight: 99 }.apply(&mut grid);
        assert_eq!(grid.criteria[0].weight, MAX_WEIGHT);
    }

    #[test]
    fn moving_a_criterion_moves_its_cells() {
        let mut grid = ecs_eks();
        GridOp::SetCellText {
            row: 2,
            col: 0,
            text: "安い".into(),
        }
        .apply(&mut grid);
        GridOp::MoveCriterion { from: 0, to: 3 }.apply(&mut grid);
        assert_eq!(grid.criteria[3].name, "コスト");
        assert_eq!(grid.cells[2][3].text, "安い");
    }

    #[test]
    fn sorting_by_a_column_orders_by_score_then_text() {
        let mut grid = Grid::new(vec!["a".into(), "b".into(), "c".into()], vec!["x".into()]);
        let scores = [
            Some(Score::Points(2)),
            None,
            Some(Score::Mark(Mark::Excellent)),
        ];
        for (row, score) in scores.into_iter().enumerate() {
            GridOp::SetScore { row, col: 0, score }.apply(&mut grid);
        }
        GridOp::SortBy {
            col: 0,
            descending: true,
        }
        .apply(&mut grid);
        assert_eq!(grid.options, ["c", "a", "b"]);
    }

    #[test]
    fn tsv_reads_quoted_cells_as_spreadsheets_write_them() {
        let rows = parse_tsv("a\t\"b\tc\"\n\"line\nbreak\"\t\"say \"\"hi\"\"\"\r\n");
        assert_eq!(rows, [vec!["a", "b\tc"], vec!["line\nbreak", "say \"hi\""]]);
        assert!(parse_tsv("").is_empty());
    }

    #[test]
    fn tsv_out_reads_back_in() {
        let mut grid = ecs_eks();
        grid.cells[0][0].text = "安い\n（スポット）".into();
        grid.cells[1][1].text = "\"速い\"\tと評判".into();
        let rows = parse_tsv(&to_tsv(&grid));
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1][1], "安い\n（スポット）");
        assert_eq!(rows[2][2], "\"速い\"\tと評判");
        assert_eq!(rows[0][0], grid.corner);
    }

    #[test]
    fn paste_grows_the_grid_to_fit() {
        let mut grid = Grid::new(vec!["a".into()], vec!["x".into()]);
        GridOp::Paste {
            row: 0,
            col: 0,
            tsv: "1\t2\t3\n4\t5\t6\n".into(),
        }
        .apply(&mut grid);
        assert_eq!(grid.options.len(), 2);
        assert_eq!(grid.criteria.len(), 3);
        assert_eq!(grid.cells[1][2].text, "6");
        assert!(grid.is_well_formed());
    }
}
