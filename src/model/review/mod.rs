//! Review cards that come from the log itself, scheduled with FSRS: every
//! わからなかったこと question that has an answer, and every 学んだこと line
//! written `front :: back`. The journal keeps only what the user did (each
//! review: which card, when, how it went; which cards are suspended); a
//! card's memory state is replayed from its reviews through the FSRS
//! scheduler (`rs-fsrs`), so two devices' reviews merge by union and
//! nothing is counted twice.

mod cards;
mod check;
mod schedule;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

pub use cards::{Card, CardSource, cards, cards_of_day, split_card_line};
pub use check::{ProblemKind, ReviewProblem, review_problems};
pub use schedule::{CardState, Due, NEW_PER_DAY, card_states, due_cards, next_intervals};

/// Which card a review was of: its day, its place among the day's cards
/// (and how many the day had), and a hash of its front. A review finds its
/// card by day and front first, so adding or removing other cards never
/// moves it; when the front was edited (the day still has as many cards),
/// by day and place (see `schedule::attach`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CardKey {
    pub date: NaiveDate,
    pub ordinal: u32,
    /// Cards the day had.
    pub of: u32,
    pub front: u64,
}

impl CardKey {
    /// Whether `id` (as [`fmt::Display`] writes it) names this card.
    pub fn is_named(&self, id: &CardId) -> bool {
        self.date == id.date && self.ordinal == id.ordinal && self.front == id.front
    }
}

/// A card as the command line names it: `YYYY-MM-DD.N.HASH`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardId {
    pub date: NaiveDate,
    pub ordinal: u32,
    pub front: u64,
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{:016x}", self.date, self.ordinal, self.front)
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{:016x}", self.date, self.ordinal, self.front)
    }
}

impl std::str::FromStr for CardId {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a card id (YYYY-MM-DD.N.HASH)");
        let mut parts = text.split('.');
        let date = parts.next().and_then(|d| d.parse().ok()).ok_or_else(bad)?;
        let ordinal = parts.next().and_then(|n| n.parse().ok()).ok_or_else(bad)?;
        let front = parts
            .next()
            .and_then(|h| u64::from_str_radix(h, 16).ok())
            .ok_or_else(bad)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(CardId {
            date,
            ordinal,
            front,
        })
    }
}

/// How a review went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// "again", "hard", "good", "easy" (the command line's words).
    pub fn parse(word: &str) -> Option<Rating> {
        match word.to_ascii_lowercase().as_str() {
            "again" | "1" => Some(Rating::Again),
            "hard" | "2" => Some(Rating::Hard),
            "good" | "3" => Some(Rating::Good),
            "easy" | "4" => Some(Rating::Easy),
            _ => None,
        }
    }
}

/// One review the user made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Reviewed {
    pub card: CardKey,
    pub at: DateTime<Utc>,
    pub rating: Rating,
}

/// What the journal keeps of reviewing: every review, and the cards set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// In the order made (by time).
    #[serde(default)]
    pub log: Vec<Reviewed>,
    #[serde(default)]
    pub suspended: BTreeSet<CardKey>,
}

impl ReviewRecord {
    pub fn is_empty(&self) -> bool {
        self.log.is_empty() && self.suspended.is_empty()
    }

    /// Record a review, kept in time order; the same review twice is kept
    /// once. Whether it was new.
    pub fn add(&mut self, review: Reviewed) -> bool {
        if self.log.contains(&review) {
            return false;
        }
        let at = self.log.partition_point(|r| r.at <= review.at);
        self.log.insert(at, review);
        true
    }

    /// Set a card aside, or take it back; whether that changed anything.
    pub fn suspend(&mut self, card: CardKey, suspended: bool) -> bool {
        match suspended {
            true => self.suspended.insert(card),
            false => self.suspended.remove(&card),
        }
    }

    /// Two devices' records as one: every review of either (union by
    /// card and time), and the cards either suspended since they agreed.
    pub fn merged(base: Option<&ReviewRecord>, ours: &ReviewRecord, theirs: &ReviewRecord) -> Self {
        let mut merged = ours.clone();
        for review in &theirs.log {
            merged.add(*review);
        }
        let base_suspended = base.map(|b| b.suspended.clone()).unwrap_or_default();
        let kept = |key: &CardKey| {
            // Unsuspended on one side since the base: it stays unsuspended.
            !(base_suspended.contains(key)
                && (!ours.suspended.contains(key) || !theirs.suspended.contains(key)))
        };
        merged.suspended = ours
            .suspended
            .union(&theirs.suspended)
            .copied()
            .filter(kept)
            .collect();
        merged
    }
}
