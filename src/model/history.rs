//! Undo and redo, and knowing whether the journal differs from the saved file.
//!
//! Each step keeps a snapshot of the part of the journal its edit touched (one
//! day and/or the library, see [`Scope`]) from before and after the edit, so
//! undo costs the size of a day, not of ten years of logs. Typing into one
//! field is grouped: keystrokes less than [`TYPING_PAUSE`] apart are one step.
//!
//! Every state of the journal gets a number; the history remembers which one
//! was saved, so undoing back to the saved text clears the unsaved marker.

use chrono::NaiveDate;

use super::book::Book;
use super::day::Day;
use super::edit::{self, Edit, Scope, TypingKey};
use super::journal::Journal;
use super::review::ReviewRecord;
use super::study_plan::StudyPlan;

/// Keystrokes closer together than this (seconds) undo as one step.
pub const TYPING_PAUSE: f64 = 1.5;

/// Steps kept for undo; older ones are forgotten.
const MAX_STEPS: usize = 1000;

#[derive(Clone, Debug, PartialEq)]
struct Snapshot {
    day: Option<(NaiveDate, Option<Day>)>,
    books: Option<Vec<Book>>,
    whole: Option<Box<Journal>>,
    review: Option<ReviewRecord>,
    study: Option<StudyPlan>,
}

impl Snapshot {
    fn take(journal: &Journal, scope: Scope) -> Self {
        Snapshot {
            day: scope
                .day
                .map(|date| (date, journal.days.get(&date).cloned())),
            books: scope.library.then(|| journal.books.clone()),
            whole: scope.whole.then(|| Box::new(journal.clone())),
            review: scope.review.then(|| journal.review.clone()),
            study: scope.study.then(|| journal.study.clone()),
        }
    }

    fn restore(&self, journal: &mut Journal) {
        if let Some(whole) = &self.whole {
            *journal = (**whole).clone();
        }
        if let Some((date, day)) = &self.day {
            match day {
                Some(day) => {
                    journal.days.insert(*date, day.clone());
                }
                None => {
                    journal.days.remove(date);
                }
            }
        }
        if let Some(books) = &self.books {
            journal.books = books.clone();
        }
        if let Some(review) = &self.review {
            journal.review = review.clone();
        }
        if let Some(study) = &self.study {
            journal.study = study.clone();
        }
    }

    /// What this snapshot covers: the day to show again after undo, and
    /// whether more than one day may have changed.
    fn scope(&self) -> Scope {
        Scope {
            day: self.day.as_ref().map(|(date, _)| *date),
            library: self.books.is_some(),
            whole: self.whole.is_some(),
            review: self.review.is_some(),
            study: self.study.is_some(),
        }
    }
}

#[derive(Clone, Debug)]
struct Step {
    before: Snapshot,
    after: Snapshot,
    state_before: u64,
    state_after: u64,
    typing: Option<TypingKey>,
    last_keystroke: f64,
}

/// The undo and redo stacks of one open journal.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    last_state: u64,
    saved_state: u64,
}

impl History {
    /// Apply `edit` to `journal` and record it. `now` is a clock in seconds,
    /// used only to group typing. Returns whether anything changed.
    pub fn apply(&mut self, journal: &mut Journal, edit: Edit, now: f64) -> bool {
        let typing = edit.typing_key();
        self.record(journal, edit, now, typing)
    }

    /// Apply `edit` as an undo step of its own, even when it sets a text
    /// being typed (a picture inserted into a note): one Undo takes back
    /// exactly it, and typing after it starts a new step.
    pub fn apply_alone(&mut self, journal: &mut Journal, edit: Edit, now: f64) -> bool {
        self.record(journal, edit, now, None)
    }

    fn record(
        &mut self,
        journal: &mut Journal,
        edit: Edit,
        now: f64,
        typing: Option<TypingKey>,
    ) -> bool {
        let scope = edit.scope();
        let before = Snapshot::take(journal, scope);
        if !edit::apply(journal, edit) {
            return false;
        }
        let after = Snapshot::take(journal, scope);
        self.redo.clear();
        let new_state = self.fresh_state();
        if let Some(step) = self.undo.last_mut().filter(|step| {
            typing.is_some()
                && step.typing == typing
                && now - step.last_keystroke < TYPING_PAUSE
                && step.state_after == self.state
                // Saving ends a group, so undo can reach the saved text.
                && self.state != self.saved_state
        }) {
            step.after = after;
            step.state_after = new_state;
            step.last_keystroke = now;
        } else {
            self.undo.push(Step {
                before,
                after,
                state_before: self.state,
                state_after: new_state,
                typing,
                last_keystroke: now,
            });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.state = new_state;
        true
    }

    /// Undo the last step. Returns what it changed, if there was a step.
    pub fn undo(&mut self, journal: &mut Journal) -> Option<Scope> {
        let step = self.undo.pop()?;
        step.before.restore(journal);
        self.state = step.state_before;
        let scope = step.before.scope();
        self.redo.push(step);
        Some(scope)
    }

    /// Redo the last undone step. Returns what it changed, if there was a step.
    pub fn redo(&mut self, journal: &mut Journal) -> Option<Scope> {
        let step = self.redo.pop()?;
        step.after.restore(journal);
        self.state = step.state_after;
        let scope = step.after.scope();
        self.undo.push(step);
        Some(scope)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// A number naming the journal's current state; equal numbers mean equal journals.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Whether the journal in state `later` holds the change that made
    /// state `earlier`: both lie on the path of edits done so far (not
    /// undone), `earlier` no later than `later`.
    pub fn is_before(&self, earlier: u64, later: u64) -> bool {
        let path: Vec<u64> = std::iter::once(self.initial_state())
            .chain(self.undo.iter().map(|step| step.state_after))
            .collect();
        let at = |state| path.iter().position(|&s| s == state);
        matches!((at(earlier), at(later)), (Some(a), Some(b)) if a <= b)
    }

    /// The state before the first step still in the history.
    fn initial_state(&self) -> u64 {
        self.undo
            .first()
            .map_or(self.state, |step| step.state_before)
    }

    /// Record that the state numbered `state` is what the file now holds.
    pub fn mark_saved(&mut self, state: u64) {
        self.saved_state = state;
    }

    /// Whether the journal differs from what was last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.state != self.saved_state
    }

    /// The journal as it was when last saved (or opened), rebuilt from
    /// `journal` by walking the history back (or forward) to that state;
    /// None if the history no longer reaches it. Costs one copy of the
    /// journal, and only when asked (a merge needs the common version).
    pub fn saved_version(&self, journal: &Journal) -> Option<Journal> {
        let mut version = journal.clone();
        if self.state == self.saved_state {
            return Some(version);
        }
        for step in self.undo.iter().rev() {
            step.before.restore(&mut version);
            if step.state_before == self.saved_state {
                return Some(version);
            }
        }
        let mut version = journal.clone();
        for step in self.redo.iter().rev() {
            step.after.restore(&mut version);
            if step.state_after == self.saved_state {
                return Some(version);
            }
        }
        None
    }

    fn fresh_state(&mut self) -> u64 {
        self.last_state += 1;
        self.last_state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Address, Language, Section};

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
    }

    fn journal_with_day() -> Journal {
        let mut journal = Journal::new("t", Language::Ja);
        journal
            .days
            .insert(date(), Day::from_template(&journal.template));
        journal
    }

    fn impressions(journal: &Journal) -> &str {
        let day = &journal.days[&date()];
        let (_, section) = day.section(Section::Impressions).unwrap();
        &section.body.free().unwrap().text
    }

    fn type_text(text: &str) -> Edit {
        Edit::SetText {
            date: date(),
            at: Address::Text { section: 4 },
            text: text.into(),
        }
    }

    #[test]
    fn keystrokes_close_together_undo_as_one_step() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        history.apply(&mut journal, type_text("学"), 0.0);
        history.apply(&mut journal, type_text("学習"), 0.5);
        history.apply(&mut journal, type_text("学習。"), 5.0);
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "学習");
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "");
        assert!(!history.can_undo());
    }

    #[test]
    fn a_text_put_in_alone_is_its_own_undo_step_amid_typing() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        history.apply(&mut journal, type_text("図"), 0.0);
        history.apply_alone(&mut journal, type_text("図\n![](a.png)"), 0.2);
        history.apply(&mut journal, type_text("図\n![](a.png)\nb"), 0.4);
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "図\n![](a.png)");
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "図");
    }

    #[test]
    fn the_saved_version_is_rebuilt_from_the_history() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        history.apply(&mut journal, type_text("a"), 0.0);
        history.mark_saved(history.state());
        let saved = journal.clone();
        history.apply(&mut journal, type_text("ab"), 5.0);
        history.apply(&mut journal, type_text("abc"), 10.0);
        assert_eq!(history.saved_version(&journal), Some(saved.clone()));
        history.undo(&mut journal);
        history.undo(&mut journal);
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "");
        assert_eq!(
            history.saved_version(&journal),
            Some(saved),
            "forward through redo"
        );
    }

    #[test]
    fn undoing_to_the_saved_state_clears_dirty() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        assert!(!history.is_dirty());
        history.apply(&mut journal, type_text("a"), 0.0);
        assert!(history.is_dirty());
        history.mark_saved(history.state());
        history.apply(&mut journal, type_text("ab"), 0.1);
        assert!(history.is_dirty());
        history.undo(&mut journal);
        assert_eq!(impressions(&journal), "a");
        assert!(!history.is_dirty());
        history.redo(&mut journal);
        assert!(history.is_dirty());
    }

    #[test]
    fn a_book_added_from_a_day_undoes_in_both_places() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        let edit = Edit::AddBook {
            title: "詳解 Rust".into(),
            studied_on: Some(date()),
        };
        assert!(history.apply(&mut journal, edit, 0.0));
        assert_eq!(journal.books.len(), 1);
        assert_eq!(journal.days[&date()].work_items().count(), 1);
        history.undo(&mut journal);
        assert!(journal.books.is_empty());
        assert_eq!(journal.days[&date()].work_items().count(), 0);
    }

    #[test]
    fn an_edit_that_changes_nothing_is_not_a_step() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        assert!(!history.apply(&mut journal, type_text(""), 0.0));
        assert!(!history.can_undo());
        assert!(!history.is_dirty());
    }

    #[test]
    fn a_new_edit_after_undo_drops_redo() {
        let mut journal = journal_with_day();
        let mut history = History::default();
        history.apply(&mut journal, type_text("a"), 0.0);
        history.undo(&mut journal);
        assert!(history.can_redo());
        history.apply(&mut journal, type_text("b"), 10.0);
        assert!(!history.can_redo());
    }
}
