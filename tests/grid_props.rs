//! Properties of grid editing that must hold for any grid: transposing twice
//! gives the grid back, pasting never loses a cell, and no sequence of edits
//! leaves a ragged grid.

use proptest::prelude::*;
use studylog::model::{Cell, Criterion, Grid, GridOp, Mark, Score, parse_tsv, to_tsv, transposed};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,8}",
        "[ぁ-んァ-ン一-龥]{0,6}",
        Just("\"quoted\"\tand\nbroken".to_owned()),
    ]
}

fn score() -> impl Strategy<Value = Option<Score>> {
    prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|p| Some(Score::Points(p))),
        proptest::sample::select(Mark::ALL.to_vec()).prop_map(|m| Some(Score::Mark(m))),
    ]
}

/// A rectangular grid with unit weights (weights cannot survive a transpose).
fn grid() -> impl Strategy<Value = Grid> {
    (0usize..5, 0usize..5).prop_flat_map(|(rows, cols)| {
        (
            text(),
            text(),
            proptest::collection::vec(text(), rows),
            proptest::collection::vec(text(), cols),
            proptest::collection::vec(proptest::collection::vec((text(), score()), cols), rows),
        )
            .prop_map(|(title, corner, options, criteria, cells)| Grid {
                title,
                corner,
                corner_align: Default::default(),
                options,
                criteria: criteria.into_iter().map(Criterion::new).collect(),
                cells: cells
                    .into_iter()
                    .map(|row| {
                        row.into_iter()
                            .map(|(text, score)| Cell { text, score })
                            .collect()
                    })
                    .collect(),
                total_column: true,
            })
    })
}

fn op() -> impl Strategy<Value = GridOp> {
    prop_oneof![
        (0usize..6, text()).prop_map(|(at, name)| GridOp::InsertOption { at, name }),
        (0usize..6).prop_map(GridOp::RemoveOption),
        (0usize..6, 0usize..6).prop_map(|(from, to)| GridOp::MoveOption { from, to }),
        (0usize..6, text()).prop_map(|(at, name)| GridOp::InsertCriterion { at, name }),
        (0usize..6).prop_map(GridOp::RemoveCriterion),
        (0usize..6, 0usize..6).prop_map(|(from, to)| GridOp::MoveCriterion { from, to }),
        (0usize..6, 0usize..6, text()).prop_map(|(row, col, text)| GridOp::SetCellText {
            row,
            col,
            text
        }),
        (0usize..6, 0usize..6, score()).prop_map(|(row, col, score)| GridOp::SetScore {
            row,
            col,
            score
        }),
        (0usize..6, 0u32..20).prop_map(|(col, weight)| GridOp::SetWeight { col, weight }),
        (0usize..6, any::<bool>()).prop_map(|(col, descending)| GridOp::SortBy { col, descending }),
        Just(GridOp::SortByTotal),
        Just(GridOp::Transpose),
        (0usize..6, 0usize..6, "[a-z\t\n]{0,12}").prop_map(|(row, col, tsv)| GridOp::Paste {
            row,
            col,
            tsv
        }),
    ]
}

proptest! {
    #[test]
    fn transposing_twice_is_the_identity(grid in grid()) {
        prop_assert_eq!(transposed(&transposed(&grid)), grid);
    }

    #[test]
    fn transposing_swaps_cells(grid in grid()) {
        let t = transposed(&grid);
        for (row, cells) in grid.cells.iter().enumerate() {
            for (col, cell) in cells.iter().enumerate() {
                prop_assert_eq!(&t.cells[col][row], cell);
            }
        }
    }

    #[test]
    fn paste_never_loses_a_cell(grid in grid(), row in 0usize..6, col in 0usize..6,
                                block in proptest::collection::vec(proptest::collection::vec(text(), 1..4), 1..4)) {
        let tsv: String = block
            .iter()
            .map(|cells| cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join("\t"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut pasted = grid.clone();
        GridOp::Paste { row, col, tsv }.apply(&mut pasted);
        prop_assert!(pasted.is_well_formed());
        let (row, col) = (row.min(grid.options.len()), col.min(grid.criteria.len()));
        // Every pasted value is where it was pasted.
        for (r, cells) in block.iter().enumerate() {
            for (c, value) in cells.iter().enumerate() {
                prop_assert_eq!(&pasted.cells[row + r][col + c].text, value);
            }
        }
        // Every cell outside the pasted block is as it was.
        for (r, cells) in grid.cells.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let inside = (row..row + block.len()).contains(&r)
                    && block.get(r - row.min(r)).is_some_and(|b| (col..col + b.len()).contains(&c))
                    && r >= row;
                if !inside {
                    prop_assert_eq!(&pasted.cells[r][c], cell);
                }
            }
        }
    }

    #[test]
    fn no_sequence_of_edits_makes_a_ragged_grid(grid in grid(), ops in proptest::collection::vec(op(), 0..20)) {
        let mut grid = grid;
        for op in ops {
            op.apply(&mut grid);
            prop_assert!(grid.is_well_formed());
            prop_assert!(grid.criteria.iter().all(|c| (1..=10).contains(&c.weight)));
        }
    }

    #[test]
    fn tsv_round_trips_every_text(grid in grid()) {
        let rows = parse_tsv(&to_tsv(&grid));
        if grid.criteria.is_empty() && grid.options.is_empty() && grid.corner.is_empty() {
            return Ok(());
        }
        prop_assert_eq!(rows.len(), grid.options.len() + 1);
        prop_assert_eq!(&rows[0][0], &grid.corner);
        for (r, cells) in grid.cells.iter().enumerate() {
            prop_assert_eq!(&rows[r + 1][0], &grid.options[r]);
            for (c, cell) in cells.iter().enumerate() {
                prop_assert_eq!(&rows[r + 1][c + 1], &cell.text);
            }
        }
    }
}
