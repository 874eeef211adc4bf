//! The open journal: its data, its file, and its undo history.

use std::path::{Path, PathBuf};

use crate::model::{Edit, History, Journal};
use crate::store::{self, FileStamp};

use super::i18n::UiLanguage;

/// A journal being edited, and where it lives on disk (None: not saved yet).
pub struct Document {
    pub journal: Journal,
    pub path: Option<PathBuf>,
    pub history: History,
    /// The file as studylog last read or wrote it.
    pub disk: Option<DiskState>,
}

/// What the journal's file looked like when last read or written.
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
        let disk = DiskState::read(&path, journal.days.len());
        Document {
            journal,
            path: Some(path),
            history: History::default(),
            disk: Some(disk),
        }
    }

    /// A journal with no file.
    pub fn untitled(journal: Journal) -> Self {
        Document {
            journal,
            path: None,
            history: History::default(),
            disk: None,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Apply an edit through the history (undo + unsaved marker).
    pub fn apply(&mut self, edit: Edit, now: f64) -> bool {
        self.history.apply(&mut self.journal, edit, now)
    }

    /// The file name without its extension, or 無題/Untitled.
    pub fn name(&self, lang: UiLanguage) -> String {
        match &self.path {
            Some(path) => store::journal_name(path),
            None => lang.untitled().to_owned(),
        }
    }

    /// `NAME — studylog`, with `●` while there are unsaved changes.
    pub fn window_title(&self, lang: UiLanguage) -> String {
        let marker = if self.is_dirty() { "● " } else { "" };
        format!("{marker}{} — studylog", self.name(lang))
    }
}
