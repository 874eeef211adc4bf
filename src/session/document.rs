//! The open journal: its data, its file, and its undo history.
//!
//! Every change goes through [`Document::apply`], [`Document::undo`] or
//! [`Document::redo`], which say what changed, so nothing can edit the
//! journal behind the history's back or forget to re-index.

use std::path::{Path, PathBuf};

use crate::model::{Edit, History, Journal, Scope};
use crate::store::{self, FileStamp};

/// A journal being edited, and the file it lives in (none: not saved yet).
pub struct Document {
    journal: Journal,
    file: Option<DiskState>,
    history: History,
}

/// The journal's file as studylog last read or wrote it.
#[derive(Clone, Debug, PartialEq)]
pub struct DiskState {
    pub path: PathBuf,
    pub stamp: Option<FileStamp>,
    /// How many days the file holds.
    pub days: usize,
}

impl DiskState {
    /// The file at `path` now, holding `days` days.
    pub fn read(path: &Path, days: usize) -> Self {
        DiskState {
            path: path.to_owned(),
            stamp: store::stamp(path),
            days,
        }
    }
}

impl Document {
    /// A journal opened from `path`, identical to the file.
    pub fn opened(journal: Journal, path: PathBuf) -> Self {
        let file = DiskState::read(&path, journal.days.len());
        Document {
            journal,
            file: Some(file),
            history: History::default(),
        }
    }

    /// A journal with no file.
    pub fn untitled(journal: Journal) -> Self {
        Document {
            journal,
            file: None,
            history: History::default(),
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

    /// Apply an edit through the history; what it changed, if anything.
    pub fn apply(&mut self, edit: Edit, now: f64) -> Option<Scope> {
        let scope = edit.scope();
        self.history
            .apply(&mut self.journal, edit, now)
            .then_some(scope)
    }

    /// Undo the last step; what it changed, if there was one.
    pub fn undo(&mut self) -> Option<Scope> {
        self.history.undo(&mut self.journal)
    }

    /// Redo the last undone step; what it changed, if there was one.
    pub fn redo(&mut self) -> Option<Scope> {
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
