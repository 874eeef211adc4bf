//! Edits of comparison grids: changing one (a [`GridOp`]), putting a new one
//! in a chapter's notes or after a free section's text, removing one.

use chrono::NaiveDate;

use super::super::address::{GridAt, GridSlot, grid_mut, notes_in_mut};
use super::super::day::{Block, Day};
use super::super::grid::Grid;
use super::super::grid_ops::GridOp;
use super::super::journal::Journal;

pub(super) fn change(journal: &mut Journal, date: NaiveDate, at: GridAt, op: GridOp) -> bool {
    journal
        .days
        .get_mut(&date)
        .and_then(|day| grid_mut(day, at))
        .is_some_and(|grid| op.apply(grid))
}

pub(super) fn insert(journal: &mut Journal, date: NaiveDate, at: GridAt, grid: Grid) -> bool {
    journal
        .days
        .get_mut(&date)
        .is_some_and(|day| insert_into(day, at, grid))
}

fn insert_into(day: &mut Day, at: GridAt, grid: Grid) -> bool {
    match at.slot {
        GridSlot::Notes { chapter, block } => {
            let Some(notes) = notes_in_mut(day, at.section, chapter) else {
                return false;
            };
            let block = block.min(notes.blocks.len());
            notes.blocks.insert(block, Block::Grid(grid));
        }
        GridSlot::Free(index) => {
            let Some(free) = day
                .sections
                .get_mut(at.section)
                .and_then(|s| s.body.free_mut())
            else {
                return false;
            };
            let index = index.min(free.grids.len());
            free.grids.insert(index, grid);
        }
    }
    true
}

pub(super) fn remove(journal: &mut Journal, date: NaiveDate, at: GridAt) -> bool {
    let Some(day) = journal.days.get_mut(&date) else {
        return false;
    };
    if grid_mut(day, at).is_none() {
        return false;
    }
    match at.slot {
        GridSlot::Notes { chapter, block } => {
            notes_in_mut(day, at.section, chapter).map(|n| n.blocks.remove(block));
        }
        GridSlot::Free(index) => {
            if let Some(free) = day.sections[at.section].body.free_mut() {
                free.grids.remove(index);
            }
        }
    }
    true
}
