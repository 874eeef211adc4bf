//! Where each card stands, replayed from its reviews through FSRS
//! (`rs-fsrs`, its default parameters, no fuzz: the same reviews always
//! give the same schedule), and which cards are due: those whose next
//! review has come, then new cards, at most [`NEW_PER_DAY`] a day.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rs_fsrs::FSRS;

use super::{Card, Rating, ReviewRecord, Reviewed};
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
    // Cards come day by day: a review's day is found by binary search.
    let day_of = |date: NaiveDate| {
        let start = cards.partition_point(|c| c.key.date < date);
        let end = start + cards[start..].partition_point(|c| c.key.date == date);
        start..end
    };
    let mut attached: Vec<Vec<&Reviewed>> = vec![Vec::new(); cards.len()];
    let mut edited = Vec::new();
    for review in log {
        let key = review.card;
        let day = day_of(key.date);
        match cards[day.clone()]
            .iter()
            .position(|c| c.key.front == key.front)
        {
            Some(i) => attached[day.start + i].push(review),
            None => edited.push(review),
        }
    }
    let exact: Vec<bool> = attached.iter().map(|r| !r.is_empty()).collect();
    for review in edited {
        let key = review.card;
        let day = day_of(key.date);
        let place = cards[day.clone()]
            .iter()
            .position(|c| c.key.ordinal == key.ordinal && c.key.of == key.of)
            .map(|i| day.start + i);
        if let Some(i) = place.filter(|&i| !exact[i]) {
            attached[i].push(review);
        }
    }
    for reviews in attached.iter_mut().filter(|r| r.len() > 1) {
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
    let fsrs = scheduler();
    let today = now.date_naive();
    let attached = attach(cards, &record.log);
    let wanted = |i: usize| {
        !record.suspended.contains(&cards[i].key) && book.is_none_or(|b| cards[i].book == Some(b))
    };
    let new_today = attached
        .iter()
        .filter(|reviews| reviews.first().is_some_and(|r| r.at.date_naive() == today))
        .count();
    let mut due = Vec::new();
    let mut fresh = Vec::new();
    for (index, reviews) in attached.iter().enumerate() {
        if !wanted(index) {
            continue;
        }
        if reviews.is_empty() {
            if cards[index].date() <= today && fresh.len() < NEW_PER_DAY.saturating_sub(new_today) {
                fresh.push(index);
            }
            continue;
        }
        let state = replay(&fsrs, &cards[index], reviews);
        if state.due <= now {
            due.push(Due { index, state });
        }
    }
    due.sort_by_key(|d| d.state.due);
    due.extend(fresh.into_iter().map(|index| Due {
        index,
        state: replay(&fsrs, &cards[index], &[]),
    }));
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
