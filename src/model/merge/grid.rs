//! Merging comparison grids cell by cell: the same grid edited on both
//! sides (a cell each) is one grid with both edits; an option or criterion
//! added on both sides is there once; the same cell changed two ways keeps
//! both values in the cell, between the conflict markers of [`super::text`],
//! where the grid shows them.

use super::day::Tally;
use super::diff3::{Chunk, diff3};
use super::text::{END_MARKER, OURS_MARKER, THEIRS_MARKER};
use crate::model::{Cell, Criterion, Grid, Score};

/// The grids of a section or a chapter's notes, merged: paired by their
/// place when both sides (and the common version) have as many, else by
/// what they are; a pair both changed merges cell by cell.
pub(super) fn merge_grids(
    tally: &mut Tally,
    base: Option<&[Grid]>,
    ours: &[Grid],
    theirs: &[Grid],
) -> Vec<Grid> {
    let same_shape = ours.len() == theirs.len() && base.is_none_or(|b| b.len() == ours.len());
    if same_shape {
        return (0..ours.len())
            .map(|i| merge_grid(tally, base.map(|b| &b[i]), &ours[i], &theirs[i]))
            .collect();
    }
    let mut out = Vec::new();
    for chunk in diff3(tally.base(base), ours, theirs) {
        match chunk {
            Chunk::Clean(grids) => out.extend(grids),
            Chunk::Conflict { ours, theirs } if ours.len() == 1 && theirs.len() == 1 => {
                out.push(merge_grid(tally, None, &ours[0], &theirs[0]));
            }
            Chunk::Conflict { ours, theirs } => {
                tally.conflicts += 1;
                out.extend(ours);
                out.extend(theirs);
            }
        }
    }
    out
}

/// One grid both sides may have changed.
fn merge_grid(tally: &mut Tally, base: Option<&Grid>, ours: &Grid, theirs: &Grid) -> Grid {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let options = names(
        tally,
        base.map(|b| b.options.as_slice()),
        &ours.options,
        &theirs.options,
    );
    let criteria = merge_criteria(tally, base, ours, theirs);
    let cells = options
        .iter()
        .map(|option| {
            criteria
                .iter()
                .map(|criterion| {
                    let at = |g: &Grid| cell_of(g, option, &criterion.name).cloned();
                    merge_cell(tally, base.and_then(at), at(ours), at(theirs))
                })
                .collect()
        })
        .collect();
    let pick = |f: fn(&Grid) -> &String| scalar(base.map(f), f(ours), f(theirs)).clone();
    Grid {
        title: pick(|g| &g.title),
        corner: pick(|g| &g.corner),
        corner_align: *scalar(
            base.map(|g| &g.corner_align),
            &ours.corner_align,
            &theirs.corner_align,
        ),
        options,
        criteria,
        cells,
        total_column: *scalar(
            base.map(|g| &g.total_column),
            &ours.total_column,
            &theirs.total_column,
        ),
    }
}

/// The side that changed a value; ours if both did.
fn scalar<'a, T: PartialEq>(base: Option<&T>, ours: &'a T, theirs: &'a T) -> &'a T {
    match base {
        Some(base) if ours == base => theirs,
        _ => ours,
    }
}

/// Row or column names merged by what they are: added on both sides, once.
fn names(
    tally: &Tally,
    base: Option<&[String]>,
    ours: &[String],
    theirs: &[String],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for chunk in diff3(tally.base(base), ours, theirs) {
        let (a, b) = match chunk {
            Chunk::Clean(items) => (items, Vec::new()),
            Chunk::Conflict { ours, theirs } => (ours, theirs),
        };
        for name in a.into_iter().chain(b) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The criteria by name, each with the weight and alignment the side that
/// changed them gave.
fn merge_criteria(
    tally: &Tally,
    base: Option<&Grid>,
    ours: &Grid,
    theirs: &Grid,
) -> Vec<Criterion> {
    let list = |g: &Grid| {
        g.criteria
            .iter()
            .map(|c| c.name.clone())
            .collect::<Vec<_>>()
    };
    let base_names = base.map(list);
    let merged = names(tally, base_names.as_deref(), &list(ours), &list(theirs));
    merged
        .into_iter()
        .map(|name| {
            let find = |g: &Grid| g.criteria.iter().find(|c| c.name == name).cloned();
            let before = base.and_then(find);
            match (find(ours), find(theirs)) {
                (Some(o), Some(t)) => Criterion {
                    weight: *scalar(before.as_ref().map(|b| &b.weight), &o.weight, &t.weight),
                    align: *scalar(before.as_ref().map(|b| &b.align), &o.align, &t.align),
                    name,
                },
                (Some(one), None) | (None, Some(one)) => one,
                (None, None) => Criterion::new(name),
            }
        })
        .collect()
}

fn cell_of<'a>(grid: &'a Grid, option: &str, criterion: &str) -> Option<&'a Cell> {
    let row = grid.options.iter().position(|o| o == option)?;
    let column = grid.criteria.iter().position(|c| c.name == criterion)?;
    grid.cells.get(row)?.get(column)
}

/// One cell: the side that changed it; both values, as a conflict, where
/// both changed it differently.
fn merge_cell(
    tally: &mut Tally,
    base: Option<Cell>,
    ours: Option<Cell>,
    theirs: Option<Cell>,
) -> Cell {
    // A cell the common version did not have (a row or column added on
    // both sides) was empty there.
    let base = base.unwrap_or_default();
    match (ours, theirs) {
        (Some(o), Some(t)) if o == t => o,
        (Some(o), Some(t)) if base == o => t,
        (Some(o), Some(t)) if base == t => o,
        (Some(o), Some(t)) => {
            tally.conflicts += 1;
            Cell {
                text: [
                    OURS_MARKER,
                    &written(&o),
                    THEIRS_MARKER,
                    &written(&t),
                    END_MARKER,
                ]
                .join("\n"),
                score: None,
            }
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => Cell::default(),
    }
}

/// A cell as its table writes it: its score, then its text.
fn written(cell: &Cell) -> String {
    let score = match cell.score {
        Some(Score::Mark(mark)) => format!("{} ", mark.symbol()),
        Some(Score::Points(points)) => format!("[{points}/5] "),
        None => String::new(),
    };
    format!("{score}{}", cell.text).trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mark;

    fn grid(options: &[&str], criteria: &[&str]) -> Grid {
        Grid::new(
            options.iter().map(|s| (*s).to_owned()).collect(),
            criteria.iter().map(|s| (*s).to_owned()).collect(),
        )
    }

    fn known() -> Tally {
        Tally::default()
    }

    #[test]
    fn different_cells_changed_on_each_side_are_both_kept() {
        let base = grid(&["ECS", "EKS"], &["コスト", "拡張性"]);
        let mut ours = base.clone();
        ours.cells[0][0].text = "安い".into();
        let mut theirs = base.clone();
        theirs.cells[1][1].score = Some(Score::Points(5));
        let mut tally = known();
        let merged = merge_grid(&mut tally, Some(&base), &ours, &theirs);
        assert_eq!(tally.conflicts, 0);
        assert_eq!(merged.cells[0][0].text, "安い");
        assert_eq!(merged.cells[1][1].score, Some(Score::Points(5)));
    }

    #[test]
    fn the_same_cell_changed_two_ways_shows_both_values() {
        let base = grid(&["ECS"], &["コスト"]);
        let mut ours = base.clone();
        ours.cells[0][0] = Cell {
            text: "安い".into(),
            score: Some(Score::Mark(Mark::Excellent)),
        };
        let mut theirs = base.clone();
        theirs.cells[0][0].text = "高い".into();
        let mut tally = known();
        let merged = merge_grid(&mut tally, Some(&base), &ours, &theirs);
        assert_eq!(tally.conflicts, 1);
        let text = &merged.cells[0][0].text;
        assert!(text.contains("◎ 安い") && text.contains("高い"), "{text}");
        assert!(text.starts_with(OURS_MARKER), "{text}");
    }

    #[test]
    fn options_and_criteria_added_on_both_sides_are_there_once() {
        let base = grid(&["ECS"], &["コスト"]);
        let mut ours = grid(&["ECS", "EKS"], &["コスト", "信頼性"]);
        ours.cells[1][1].text = "高い".into();
        let mut theirs = grid(&["ECS", "EKS", "Lambda"], &["コスト", "信頼性"]);
        theirs.cells[2][0].text = "従量".into();
        let mut tally = known();
        let merged = merge_grid(&mut tally, Some(&base), &ours, &theirs);
        assert_eq!(merged.options, ["ECS", "EKS", "Lambda"]);
        let names: Vec<&str> = merged.criteria.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["コスト", "信頼性"]);
        assert_eq!(merged.cells[1][1].text, "高い");
        assert_eq!(merged.cells[2][0].text, "従量");
        assert_eq!(tally.conflicts, 0);
    }
}
