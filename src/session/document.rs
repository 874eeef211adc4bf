//! The open journal: its data, its file, and its undo history.
//!
//! Every change goes through [`Document::apply`], [`Document::undo`] or
//! [`Document::redo`], which say what changed, so nothing can edit the
//! journal behind the history's back or forget to re-index.
//!
//! Text being composed with an input method is shown but not yet written:
//! [`Document::compose`] puts it in the journal provisionally, outside the
//! history (no unsaved marker, no undo step); saving and recovery see the
//! journal without it ([`Document::committed`]); the composition then ends
//! committed (one ordinary edit) or abandoned (as if never typed).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{self, Day, Edit, History, Journal, Scope};
use crate::store::{self, FileStamp};

/// A journal being edited, and the file it lives in (none: not saved yet).
pub struct Document {
    journal: Journal,
    file: Option<DiskState>,
    history: History,
    composing: Option<Composing>,
}

/// A composition shown in the journal but not applied through the history:
/// the day as it was before it, and the edit that shows it.
struct Composing {
    date: NaiveDate,
    before: Option<Day>,
    edit: Edit,
}

/// The journal's file as studylog last read or wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct DiskState {
    pub path: PathBuf,
    pub stamp: Option<FileStamp>,
    /// How many days the file holds.
    pub days: usize,
}

impl Document {
    /// The journal at `path`, read now. The file's stamp is taken before it
    /// is read, so a change another program makes while it is being read is
    /// seen as a change later, never taken for the version read.
    pub fn load(path: &Path) -> Result<Self, store::LoadError> {
        let stamp = store::stamp(path);
        let journal = store::load(path)?;
        Ok(Self::read_at(journal, path.to_owned(), stamp))
    }

    /// A journal opened from `path`, identical to the file.
    pub fn opened(journal: Journal, path: PathBuf) -> Self {
        let stamp = store::stamp(&path);
        Self::read_at(journal, path, stamp)
    }

    /// A journal read from `path` when the file had `stamp`.
    pub fn read_at(journal: Journal, path: PathBuf, stamp: Option<store::FileStamp>) -> Self {
        let file = DiskState {
            days: journal.days.len(),
            path,
            stamp,
        };
        Document {
            journal,
            file: Some(file),
            history: History::default(),
            composing: None,
        }
    }

    /// A journal with no file.
    pub fn untitled(journal: Journal) -> Self {
        Document {
            journal,
            file: None,
            history: History::default(),
            composing: None,
        }
    }

    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// The journal's file, if it has one.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    /// The file as last read or written.
    pub fn file(&self) -> Option<&DiskState> {
        self.file.as_ref()
    }

    /// Whether the journal differs from what was last saved (or opened).
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Whether state `later` holds the change that made state `earlier`
    /// (see [`History::is_before`]).
    pub fn is_before(&self, earlier: u64, later: u64) -> bool {
        self.history.is_before(earlier, later)
    }

    /// A number naming the journal's current state (see [`History::state`]).
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Apply an edit through the history; what it changed, if anything. A
    /// composition still open is taken back first: this edit carries what
    /// the field holds now.
    pub fn apply(&mut self, edit: Edit, now: f64) -> Option<Scope> {
        self.abandon_composition();
        let scope = edit.scope();
        self.history
            .apply(&mut self.journal, edit, now)
            .then_some(scope)
    }

    /// Apply `edit` as an undo step of its own (see [`History::apply_alone`]).
    pub fn apply_alone(&mut self, edit: Edit, now: f64) -> Option<Scope> {
        self.abandon_composition();
        let scope = edit.scope();
        self.history
            .apply_alone(&mut self.journal, edit, now)
            .then_some(scope)
    }

    /// Show `edit` (typing into one field of a day while an input method
    /// composes) without applying it; false, and nothing changed, if it is
    /// not such typing.
    pub fn compose(&mut self, edit: &Edit) -> bool {
        let scope = edit.scope();
        let date = scope.day.filter(|_| !scope.library && !scope.whole);
        let Some(date) = date.filter(|_| edit.typing_key().is_some()) else {
            return false;
        };
        self.abandon_composition();
        let before = self.journal.days.get(&date).cloned();
        model::apply(&mut self.journal, edit.clone());
        let edit = edit.clone();
        self.composing = Some(Composing { date, before, edit });
        true
    }

    /// Whether composed text is shown that is not yet applied.
    pub fn is_composing(&self) -> bool {
        self.composing.is_some()
    }

    /// End a composition the way the platform does when focus leaves a
    /// field: what is shown becomes an ordinary edit. What it changed.
    pub fn commit_composition(&mut self, now: f64) -> Option<Scope> {
        let edit = self.composing.as_ref()?.edit.clone();
        self.apply(edit, now)
    }

    /// Take a composition back: the day is as it was before it.
    fn abandon_composition(&mut self) {
        if let Some(Composing { date, before, .. }) = self.composing.take() {
            match before {
                Some(day) => self.journal.days.insert(date, day),
                None => self.journal.days.remove(&date),
            };
        }
    }

    /// The journal as applied, without text still being composed: what a
    /// save or a recovery file holds.
    pub fn committed(&self) -> Cow<'_, Journal> {
        match &self.composing {
            None => Cow::Borrowed(&self.journal),
            Some(Composing { date, before, .. }) => {
                let mut journal = self.journal.clone();
                match before {
                    Some(day) => journal.days.insert(*date, day.clone()),
                    None => journal.days.remove(date),
                };
                Cow::Owned(journal)
            }
        }
    }

    /// The journal as last saved or opened (without the changes since), if
    /// the history still reaches it: the common version for a merge.
    pub fn saved_version(&self) -> Option<Journal> {
        self.history.saved_version(&self.committed())
    }

    /// The file on disk changed and what it holds is now part of the
    /// journal (merged): the next save goes over it without asking.
    pub fn adopt_disk_state(&mut self, stamp: Option<FileStamp>) {
        if let Some(file) = &mut self.file {
            file.stamp = stamp;
        }
    }

    /// Undo the last step; what it changed, if there was one.
    pub fn undo(&mut self) -> Option<Scope> {
        self.abandon_composition();
        self.history.undo(&mut self.journal)
    }

    /// Redo the last undone step; what it changed, if there was one.
    pub fn redo(&mut self) -> Option<Scope> {
        self.abandon_composition();
        self.history.redo(&mut self.journal)
    }

    /// The state numbered `state` was written to `path`, holding `days`
    /// days; the file's stamp right after the write is `stamp`.
    pub fn saved_as(&mut self, state: u64, path: &Path, days: usize, stamp: FileStamp) {
        self.history.mark_saved(state);
        self.file = Some(DiskState {
            path: path.to_owned(),
            stamp: Some(stamp),
            days,
        });
    }

    /// The file name without its extension; None while untitled.
    pub fn name(&self) -> Option<String> {
        self.path().map(store::journal_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Address, Day, Language};

    fn edit(text: &str) -> Edit {
        Edit::SetText {
            date: "2025-03-10".parse().unwrap(),
            at: Address::Preamble,
            text: text.into(),
        }
    }

    fn document() -> Document {
        let mut journal = Journal::new("t", Language::Ja);
        journal
            .days
            .insert("2025-03-10".parse().unwrap(), Day::default());
        Document::untitled(journal)
    }

    #[test]
    fn every_change_says_what_it_touched_and_undo_returns_to_clean() {
        let mut doc = document();
        assert!(!doc.is_dirty());
        let scope = doc.apply(edit("a"), 0.0).expect("a change");
        assert_eq!(scope.day, Some("2025-03-10".parse().unwrap()));
        assert!(doc.is_dirty());
        assert_eq!(doc.apply(edit("a"), 0.1), None, "no change, no scope");
        assert!(doc.undo().is_some());
        assert!(!doc.is_dirty());
        assert!(doc.redo().is_some());
        assert!(doc.is_dirty());
    }

    #[test]
    fn a_save_of_an_earlier_state_leaves_later_edits_unsaved() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("j.studylog.ron");
        let mut doc = document();
        doc.apply(edit("a"), 0.0);
        let saved = doc.state();
        doc.apply(edit("ab"), 10.0);
        let stamp = FileStamp {
            modified: std::time::SystemTime::UNIX_EPOCH,
            len: 1,
        };
        doc.saved_as(saved, &path, 1, stamp);
        assert!(doc.is_dirty());
        assert_eq!(doc.path(), Some(path.as_path()));
        assert_eq!(doc.name().as_deref(), Some("j"));
        doc.undo();
        assert!(!doc.is_dirty(), "back to what the file holds");
    }
}
