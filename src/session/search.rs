//! The search index of the open journal, kept in step with edits.
//!
//! Building the index folds every text of the journal (about 200 ms for ten
//! years), so it is built the first time a search is typed, a few
//! milliseconds of days per frame on the UI thread (no copy of the journal,
//! no thread), and the search box says so until it is complete. Days edited
//! meanwhile are indexed as they are when their turn comes. After that, each
//! edit re-indexes just its day, and a search per keystroke only scans the
//! folded text.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::model::{Journal, Scope, SearchIndex, SearchResults};

/// Results kept for display; the count covers all of them.
pub const MAX_RESULTS: usize = 5000;

/// How long one frame spends building the index.
pub const INDEX_STEP: Duration = Duration::from_millis(8);

#[derive(Default)]
pub struct SearchState {
    pub query: String,
    index: Option<SearchIndex>,
    building: Option<Building>,
    results: SearchResults,
    /// The query `results` answer, and whether the index changed since.
    results_for: Option<String>,
}

/// An index partly built: every day before `next` is in it.
struct Building {
    index: SearchIndex,
    next: Option<NaiveDate>,
}

impl SearchState {
    /// Forget the index: the journal was replaced. The next search builds
    /// it again; a journal nobody searches costs neither the time nor the
    /// memory of one.
    pub fn forget(&mut self) {
        self.results_for = None;
        self.index = None;
        self.building = None;
    }

    /// Whether a search is typed and the index is not complete.
    pub fn needs_index(&self) -> bool {
        self.index.is_none() && !self.query.trim().is_empty()
    }

    /// Index days of `journal` for at most `budget`, starting the index if a
    /// search wants one; whether days remain for another frame.
    pub fn step(&mut self, journal: &Journal, budget: Duration) -> bool {
        if !self.needs_index() {
            return false;
        }
        let start = Instant::now();
        let building = self.building.get_or_insert_with(|| Building {
            index: SearchIndex::default(),
            next: journal.days.keys().next().copied(),
        });
        let mut days = match building.next {
            Some(next) => journal.days.range(next..),
            None => journal.days.range(..NaiveDate::MIN),
        };
        let mut done = 0;
        building.next = loop {
            let Some((&date, _)) = days.next() else {
                break None;
            };
            if done % 32 == 31 && start.elapsed() >= budget {
                break Some(date);
            }
            building.index.update_day(journal, date);
            done += 1;
        };
        if building.next.is_none() {
            self.index = self.building.take().map(|b| b.index);
            self.results_for = None;
            return false;
        }
        true
    }

    /// The journal changed within `scope`.
    pub fn changed(&mut self, journal: &Journal, scope: Scope) {
        self.results_for = None;
        if scope.whole {
            return self.forget();
        }
        let Some(date) = scope.day else {
            return;
        };
        if let Some(index) = &mut self.index {
            index.update_day(journal, date);
        } else if let Some(building) = &mut self.building
            && building.next.is_none_or(|next| date < next)
        {
            // Already indexed: index it again. Later days get their turn.
            building.index.update_day(journal, date);
        }
    }

    /// Search the index as it is, without touching the typed query.
    pub fn find(&self, query: &str) -> SearchResults {
        self.index
            .as_ref()
            .map(|index| index.search(query, MAX_RESULTS))
            .unwrap_or_default()
    }

    pub fn is_ready(&self) -> bool {
        self.index.is_some()
    }

    /// The results for the current query, searching again only when the
    /// query or the journal changed.
    pub fn results(&mut self) -> &SearchResults {
        if self.results_for.as_deref() != Some(self.query.as_str())
            && let Some(index) = &self.index
        {
            self.results = index.search(&self.query, MAX_RESULTS);
            self.results_for = Some(self.query.clone());
        }
        &self.results
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Day, DaySection, FreeText, Language, SectionBody};

    fn journal(days: u32) -> Journal {
        let mut journal = Journal::new("t", Language::Ja);
        for n in 0..days {
            let date =
                NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(n));
            let text = format!("ECS の日 {n}");
            let day = Day {
                sections: vec![DaySection::of(
                    "感想",
                    SectionBody::Impressions(FreeText::new(text)),
                )],
                ..Day::default()
            };
            journal.days.insert(date, day);
        }
        journal
    }

    #[test]
    fn the_index_is_built_a_step_at_a_time_and_only_when_searched() {
        let journal = journal(500);
        let mut search = SearchState::default();
        assert!(
            !search.step(&journal, Duration::ZERO),
            "nothing typed, nothing built"
        );
        assert!(!search.is_ready());
        search.query = "ecs".into();
        let mut steps = 0;
        while search.step(&journal, Duration::ZERO) {
            steps += 1;
        }
        assert!(steps > 10, "many small steps ({steps})");
        assert!(search.is_ready());
        assert_eq!(search.results().total, 500);
    }

    #[test]
    fn a_day_edited_while_building_is_found_as_it_is_now() {
        let mut journal = journal(200);
        let mut search = SearchState {
            query: "ecs".into(),
            ..SearchState::default()
        };
        search.step(&journal, Duration::ZERO);
        let first = *journal.days.keys().next().unwrap();
        let last = *journal.days.keys().next_back().unwrap();
        for date in [first, last] {
            let day = journal.days.get_mut(&date).unwrap();
            day.sections[0].body = SectionBody::Impressions(FreeText::new("EKS にした"));
            search.changed(&journal, Scope::day(date));
        }
        while search.step(&journal, Duration::ZERO) {}
        assert_eq!(search.results().total, 198);
        assert_eq!(search.find("eks").total, 2);
    }
}
