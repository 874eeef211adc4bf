//! What the journal keeps of studying beside the log itself: a daily goal
//! in minutes, and the study timer while it runs. The timer is kept as its
//! start time (in the file, like any edit), so a crash or a closed window
//! loses nothing: the next start finds it still running. Stopping it writes
//! the time as a 取り組んだこと line (`DDIA 45m`), read back like any time
//! the user types (see `study_time`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{BookId, Journal};

/// The goal and the running timer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyPlan {
    /// Minutes a day the user means to study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_goal: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timer: Option<StudyTimer>,
}

impl StudyPlan {
    pub fn is_empty(&self) -> bool {
        self.daily_goal.is_none() && self.timer.is_none()
    }
}

/// A timer running since `started`, for a book (or for study in general).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudyTimer {
    pub started: DateTime<Utc>,
    #[serde(default)]
    pub book: Option<BookId>,
}

/// The longest stretch one line records: a timer left running for days
/// records a day, never more (a time line over 24 h is not read as time).
const MOST_MINUTES: i64 = 24 * 60 - 1;

/// Whole minutes the timer has run by `now` (at least one).
pub fn minutes_run(timer: &StudyTimer, now: DateTime<Utc>) -> u32 {
    let seconds = (now - timer.started).num_seconds().max(0);
    ((seconds + 30) / 60).clamp(1, MOST_MINUTES) as u32
}

/// The 取り組んだこと line a timer stopped at `now` writes: the book's title
/// (else `general`, the word for study in general) and the minutes, in a
/// form `study_time` reads back.
pub fn timer_line(
    journal: &Journal,
    timer: &StudyTimer,
    now: DateTime<Utc>,
    general: &str,
) -> String {
    let what = timer
        .book
        .and_then(|b| journal.book(b))
        .map_or(general, |b| b.title.as_str());
    let minutes = minutes_run(timer, now);
    format!("{what} {}", super::study_time::hours_and_minutes(minutes))
}
