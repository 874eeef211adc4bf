//! Merging two versions of a journal by meaning, for a journal kept on two
//! machines (a synced folder's conflict copy, a git merge, a file another
//! program changed while the window had unsaved work).
//!
//! Three-way when the version both grew from is known, two-way otherwise
//! (what the two share stands in for it). Days only one side has are taken;
//! a day only one side changed takes that change; a day both changed merges
//! section by section ([`day`]); the library merges by id and by title
//! ([`library`]). Where both sides changed the same lines differently, both
//! versions stay between marker lines ([`text`]) for the user to settle.
//! Nothing either side wrote is dropped, except what one side deleted and
//! the other left as it was.

mod day;
mod diff3;
mod grid;
mod library;
mod restore;
pub mod text;

use crate::model::Journal;

pub use text::{Keep, TextConflict, conflicts_in, settle};

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Days taken from the other side (new there, or changed only there).
    pub days_from_theirs: usize,
    /// Days both sides changed, merged.
    pub days_merged: usize,
    pub books_added: usize,
    pub chapters_added: usize,
    /// Places where both versions are kept for the user to settle.
    pub conflicts: usize,
    /// Chapters (and books) one side deleted while the other wrote under
    /// them: brought back so the words stay, each counted as a conflict.
    pub restored: Vec<String>,
}

/// `ours` and `theirs` merged, from `base` when it is known.
pub fn merge(base: Option<&Journal>, ours: &Journal, theirs: &Journal) -> (Journal, MergeReport) {
    let mut result = ours.clone();
    let mut report = MergeReport::default();
    let (ids, library) = library::merge_library(&mut result, base, theirs);
    report.books_added = library.books_added;
    report.chapters_added = library.chapters_added;
    let mut tally = day::Tally {
        unknown_base: base.is_none(),
        ..day::Tally::default()
    };
    let base_title = base.map(|b| &b.title);
    if base_title == Some(&ours.title) {
        result.title = theirs.title.clone();
    }
    if base.map(|b| &b.template) == Some(&ours.template) {
        result.template = theirs.template.clone();
    }
    let (preamble, conflicts) = text::merge_text(
        base.map(|b| b.preamble.as_str()),
        &ours.preamble,
        &theirs.preamble,
        base.is_none(),
    );
    result.preamble = preamble;
    tally.conflicts += conflicts;
    // Reviews are facts of what was done: both sides' are kept, none twice.
    result.review = crate::model::review::ReviewRecord::merged(
        base.map(|b| &b.review),
        &ours.review,
        &theirs.review,
    );
    // The goal and the running timer: the side that changed them wins.
    if base.map(|b| &b.study) == Some(&ours.study) {
        result.study = theirs.study.clone();
        if let Some(timer) = &mut result.study.timer {
            timer.book = timer.book.map(|b| ids.book(b));
        }
    }
    merge_days(
        &mut result,
        base,
        ours,
        theirs,
        &ids,
        &mut tally,
        &mut report,
    );
    let sides = [Some(ours), Some(theirs), base];
    report.restored = restore::restore_missing(&mut result, &sides);
    report.conflicts = tally.conflicts + report.restored.len();
    (result, report)
}

fn merge_days(
    result: &mut Journal,
    base: Option<&Journal>,
    ours: &Journal,
    theirs: &Journal,
    ids: &library::IdMap,
    tally: &mut day::Tally,
    report: &mut MergeReport,
) {
    let mut dates: Vec<_> = ours
        .days
        .keys()
        .chain(theirs.days.keys())
        .copied()
        .collect();
    dates.sort();
    dates.dedup();
    for date in dates {
        let before = base.and_then(|b| b.days.get(&date));
        let mine = ours.days.get(&date);
        let other = theirs.days.get(&date).map(|d| ids.day(d));
        match (mine, other) {
            (Some(mine), Some(other)) if *mine == other => {}
            (Some(mine), Some(other)) if before == Some(mine) => {
                result.days.insert(date, other);
                report.days_from_theirs += 1;
            }
            (Some(_), Some(other)) if before == Some(&other) => {}
            (Some(mine), Some(other)) => {
                result
                    .days
                    .insert(date, day::merge_day(tally, before, mine, &other));
                report.days_merged += 1;
            }
            // We deleted it; it stays deleted unless they changed it.
            (None, Some(other)) if before == Some(&other) => {}
            (None, Some(other)) => {
                result.days.insert(date, other);
                report.days_from_theirs += 1;
            }
            // They deleted it: it goes unless we changed it.
            (Some(mine), None) if before == Some(mine) => {
                result.days.remove(&date);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
