//! The search index of the open journal, kept in step with edits.
//!
//! Building the index folds every text of the journal (about 150 ms for ten
//! years), so for a large journal it is built on a worker thread from a copy
//! and the search box says so until it arrives; days edited meanwhile are
//! re-indexed when it does. After that, each edit re-indexes just its day, and
//! a search per keystroke only scans the folded text.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::background::{Job, Waker};
use crate::model::{Journal, Scope, SearchIndex, SearchResults};

/// Journals with fewer days are indexed at once, on the UI thread.
const INLINE_DAYS: usize = 400;

/// Results kept for display; the count covers all of them.
pub const MAX_RESULTS: usize = 5000;

#[derive(Default)]
pub struct SearchState {
    pub query: String,
    index: Option<SearchIndex>,
    building: Option<Building>,
    results: SearchResults,
    /// The query `results` answer, and whether the index changed since.
    results_for: Option<String>,
}

struct Building {
    job: Job<SearchIndex>,
    changed_days: BTreeSet<NaiveDate>,
}

impl SearchState {
    /// Forget the index: the journal was replaced. The next search builds
    /// it again ([`SearchState::ensure`]); a journal nobody searches costs
    /// neither the time nor the memory of one.
    pub fn forget(&mut self) {
        self.results_for = None;
        self.index = None;
        self.building = None;
    }

    /// Whether a search is typed and no index is there or coming.
    pub fn needs_index(&self) -> bool {
        self.index.is_none() && self.building.is_none() && !self.query.trim().is_empty()
    }

    /// Start building the index if a search wants it and there is none.
    pub fn ensure(&mut self, journal: &Journal, waker: &Waker) {
        if self.index.is_none() && self.building.is_none() && !self.query.trim().is_empty() {
            self.rebuild(journal, waker);
        }
    }

    /// Index `journal` from scratch.
    pub fn rebuild(&mut self, journal: &Journal, waker: &Waker) {
        self.results_for = None;
        if journal.days.len() < INLINE_DAYS {
            self.index = Some(SearchIndex::build(journal));
            self.building = None;
            return;
        }
        self.index = None;
        let copy = journal.clone();
        let job = Job::spawn(waker, move || SearchIndex::build(&copy));
        self.building = Some(Building {
            job,
            changed_days: BTreeSet::new(),
        });
    }

    /// The journal changed within `scope`.
    pub fn changed(&mut self, journal: &Journal, scope: Scope, waker: &Waker) {
        self.results_for = None;
        if scope.whole {
            self.forget();
            return self.ensure(journal, waker);
        }
        let Some(date) = scope.day else {
            return;
        };
        if let Some(index) = &mut self.index {
            index.update_day(journal, date);
        } else if let Some(building) = &mut self.building {
            building.changed_days.insert(date);
        }
    }

    /// Take a finished index from the worker, catching up on edits made meanwhile.
    pub fn poll(&mut self, journal: &Journal) {
        let Some(building) = &self.building else {
            return;
        };
        let Some(mut index) = building.job.try_take() else {
            return;
        };
        let building = self.building.take().expect("checked above");
        for date in building.changed_days {
            index.update_day(journal, date);
        }
        self.index = Some(index);
        self.results_for = None;
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
