//! What `check` refuses in the review log: a review dated after now (a
//! clock gone wrong, or a hand-edited file) and a review naming a card that
//! could never have been (a day the journal lacks, a place past the day's
//! count). A review of a card whose line was later deleted is no problem:
//! that card is retired, and its history stays in case the line comes back.

use chrono::{DateTime, Utc};

use super::super::Journal;
use super::Reviewed;

/// A review the journal should not hold, with its index in the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewProblem {
    pub index: usize,
    pub review: Reviewed,
    pub kind: ProblemKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// Made after `now`.
    Future,
    /// Names a day the journal does not have.
    NoSuchDay,
    /// Names a place past the count of cards it says its day had.
    NoSuchPlace,
}

impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProblemKind::Future => "is dated in the future",
            ProblemKind::NoSuchDay => "names a card of a day the journal does not have",
            ProblemKind::NoSuchPlace => "names a card past its day's count",
        })
    }
}

/// Each review `check` should refuse, in log order.
pub fn review_problems(journal: &Journal, now: DateTime<Utc>) -> Vec<ReviewProblem> {
    let kind = |review: &Reviewed| {
        let card = review.card;
        if review.at > now {
            Some(ProblemKind::Future)
        } else if !journal.days.contains_key(&card.date) {
            Some(ProblemKind::NoSuchDay)
        } else if card.ordinal >= card.of {
            Some(ProblemKind::NoSuchPlace)
        } else {
            None
        }
    };
    journal
        .review
        .log
        .iter()
        .enumerate()
        .filter_map(|(index, review)| {
            Some(ReviewProblem {
                index,
                review: *review,
                kind: kind(review)?,
            })
        })
        .collect()
}
