//! Where each card stands, replayed from its reviews through FSRS
//! (`rs-fsrs`, its default parameters, no fuzz: the same reviews always
//! give the same schedule), and which cards are due: those whose next
//! review has come, then new cards, at most [`NEW_PER_DAY`] a day.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rs_fsrs::FSRS;

use super::{Card, CardKey, Rating, ReviewRecord, Reviewed};
use crate::model::BookId;

/// New cards shown a day (Anki's default).
pub const NEW_PER_DAY: usize = 20;

/// Where one card stands.
#[derive(Clone, Debug)]
pub struct CardState {
    /// When it is next due (a new card: the start of its day).
    pub due: DateTime<Utc>,
    pub reps: usize,
    pub lapses: usize,
    /// Never reviewed.
    pub new: bool,
    /// The day of its first review, if any.
    pub first_review: Option<NaiveDate>,
    memory: rs_fsrs::Card,
}

/// One due card: its index in the cards given, and where it stands.
#[derive(Clone, Debug)]
pub struct Due {
    pub index: usize,
    pub state: CardState,
}

fn scheduler() -> FSRS {
    FSRS::default()
}

fn fsrs_rating(rating: Rating) -> rs_fsrs::Rating {
    match rating {
        Rating::Again => rs_fsrs::Rating::Again,
        Rating::Hard => rs_fsrs::Rating::Hard,
        Rating::Good => rs_fsrs::Rating::Good,
        Rating::Easy => rs_fsrs::Rating::Easy,
    }
}

/// Each card's state, in the order of `cards`.
pub fn card_states(cards: &[Card], record: &ReviewRecord) -> Vec<CardState> {
    let fsrs = scheduler();
    attach(cards, &record.log)
        .into_iter()
        .zip(cards)
        .map(|(reviews, card)| replay(&fsrs, card, &reviews))
        .collect()
}

fn replay(fsrs: &FSRS, card: &Card, reviews: &[&Reviewed]) -> CardState {
    let start = card
        .date()
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc();
    let mut memory = rs_fsrs::Card::new();
    memory.due = start;
    for review in reviews {
        memory = fsrs
            .next(memory, review.at, fsrs_rating(review.rating))
            .card;
    }
    CardState {
        due: memory.due,
        reps: reviews.len(),
        lapses: memory.lapses.max(0) as usize,
        new: reviews.is_empty(),
        first_review: reviews.first().map(|r| r.at.date_naive()),
        memory,
    }
}

/// Each card's reviews, in time order. A review finds its card by day and
/// front; failing that (the front was edited) by day and place when the
/// day has as many cards as then and the card there has no reviews of its
/// own; else its card is gone (retired).
fn attach<'a>(cards: &[Card], log: &'a [Reviewed]) -> Vec<Vec<&'a Reviewed>> {
    let by_front: HashMap<(NaiveDate, u64), usize> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.key.date, c.key.front), i))
        .collect();
    let by_place: HashMap<(NaiveDate, u32, u32), usize> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.key.date, c.key.ordinal, c.key.of), i))
        .collect();
    let mut attached: Vec<Vec<&Reviewed>> = vec![Vec::new(); cards.len()];
    let mut edited = Vec::new();
    for review in log {
        let CardKey { date, front, .. } = review.card;
        match by_front.get(&(date, front)) {
            Some(&i) => attached[i].push(review),
            None => edited.push(review),
        }
    }
    let exact: Vec<bool> = attached.iter().map(|r| !r.is_empty()).collect();
    for review in edited {
        let CardKey {
            date, ordinal, of, ..
        } = review.card;
        if let Some(&i) = by_place.get(&(date, ordinal, of))
            && !exact[i]
        {
            attached[i].push(review);
        }
    }
    for reviews in &mut attached {
        reviews.sort_by_key(|r| r.at);
    }
    attached
}

/// The cards to review at `now` (of `book` only, if given), in order:
/// due reviews oldest first, then new cards up to today's allowance.
pub fn due_cards(
    cards: &[Card],
    record: &ReviewRecord,
    now: DateTime<Utc>,
    book: Option<BookId>,
) -> Vec<Due> {
    let states = card_states(cards, record);
    let today = now.date_naive();
    let new_today = states
        .iter()
        .filter(|s| s.first_review == Some(today))
        .count();
    let allowance = NEW_PER_DAY.saturating_sub(new_today);
    let wanted = |i: usize| {
        !record.suspended.contains(&cards[i].key) && book.is_none_or(|b| cards[i].book == Some(b))
    };
    let mut due: Vec<Due> = states
        .iter()
        .enumerate()
        .filter(|(i, s)| !s.new && s.due <= now && wanted(*i))
        .map(|(index, state)| Due {
            index,
            state: state.clone(),
        })
        .collect();
    due.sort_by_key(|d| d.state.due);
    let fresh = states
        .into_iter()
        .enumerate()
        .filter(|(i, s)| s.new && cards[*i].date() <= today && wanted(*i))
        .take(allowance)
        .map(|(index, state)| Due { index, state });
    due.extend(fresh);
    due
}

/// How long until the card is due again after each rating at `now`
/// (Again, Hard, Good, Easy), for the buttons.
pub fn next_intervals(state: &CardState, now: DateTime<Utc>) -> [Duration; 4] {
    let fsrs = scheduler();
    Rating::ALL.map(|rating| {
        let next = fsrs
            .next(state.memory.clone(), now, fsrs_rating(rating))
            .card;
        next.due - now
    })
}
