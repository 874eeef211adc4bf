//! Disk work the window asked the session for (a kept version to restore,
//! both sides of a git conflict, an export, logs to import), picked up when it is done:
//! asked for in one frame, acted on in a later one, so no frame waits on
//! the disk.

use std::path::Path;

use super::*;
use crate::model::merge::merge;
use crate::session::{Done, GitSides, PicturesCopied};

impl StudylogApp {
    /// Act on the errands that finished.
    pub(super) fn poll_errands(&mut self) {
        for done in self.session.errands().poll() {
            self.errand_done(done);
        }
    }

    /// Block until every errand running now is done and acted on, and a
    /// journal being read is in (tests).
    pub fn finish_errands(&mut self) {
        for done in self.session.errands().wait_all() {
            self.errand_done(done);
        }
        if let Some(mut read) = self.loading.take() {
            read.preload.read_rest_now();
            let whole = read.preload.wait_whole();
            self.preloaded(&read, whole);
        }
    }

    /// Bytes of pictures kept as textures now (the memory bench).
    pub fn picture_bytes(&self) -> usize {
        self.window.pictures.texture_bytes()
    }

    /// Block until every picture asked for is decoded and shown (tests).
    pub fn finish_pictures(&mut self) {
        self.window.pictures.finish_loading(&self.ctx);
    }

    fn errand_done(&mut self, done: Done) {
        match done {
            Done::Backup { path, result } => match result {
                Ok(journal) => self.backup_read(&path, *journal),
                Err(e) => self.messages.push(Message::error(e.to_string())),
            },
            Done::GitSides { path, result } => match result {
                Ok(sides) => self.git_sides_read(&path, *sides),
                Err(error) => self.messages.push(Message::error(error)),
            },
            Done::PictureAdded { place, result } => match result {
                Ok(link) => self.name_picture(place, &link),
                Err(e) => self.messages.push(Message::error(e.to_string())),
            },
            Done::Exported { path, result } => match result {
                Ok(pictures) => self.exported(&path, &pictures),
                Err(e) => self.messages.push(Message::error(e.to_string())),
            },
            Done::LogsRead {
                journal,
                imported,
                purpose,
            } => self.logs_read(*journal, imported, purpose),
        }
    }

    /// Replace the journal with a kept version (undoable; saved only when the user saves).
    fn backup_read(&mut self, backup: &Path, journal: Journal) {
        let days = journal.days.len();
        self.edit(Edit::Replace(Box::new(journal)));
        let shown = backup.display();
        self.messages.push(Message::info(match self.language() {
            UiLanguage::Japanese => format!("{shown} を開きました（{days} 日分）。保存すると学習ログがこの版になります。元に戻すこともできます。"),
            UiLanguage::English => format!(
                "Opened {shown} ({}). Save to make it the journal, or Undo.",
                UiLanguage::count(days, "day", "days")
            ),
        }));
    }

    /// Open a journal git left with conflict markers: its own side opened as
    /// the file, the merge of both sides applied on top (unsaved, undoable).
    fn git_sides_read(&mut self, path: &Path, sides: GitSides) {
        let GitSides { base, ours, theirs } = sides;
        let (merged, report) = merge(base.as_ref(), &ours, &theirs);
        self.replace_document(Document::opened(ours, path.to_owned()));
        self.settings.remember(path);
        self.edit(Edit::Replace(Box::new(merged)));
        let lang = self.language();
        self.messages
            .push(Message::info(super::merging::describe(lang, &report, None)));
    }

    fn exported(&mut self, path: &Path, pictures: &PicturesCopied) {
        let shown = path.display();
        let n = pictures.copied;
        self.messages
            .push(Message::info(match (self.language(), n) {
                (UiLanguage::Japanese, 0) => format!("{shown} に書き出しました。"),
                (UiLanguage::Japanese, n) => {
                    format!("{shown} に書き出し、画像 {n} 枚をその隣にコピーしました。")
                }
                (UiLanguage::English, 0) => format!("Exported to {shown}."),
                (UiLanguage::English, n) => format!(
                    "Exported to {shown}, with {} beside it.",
                    UiLanguage::count(n, "picture", "pictures")
                ),
            }));
        for problem in &pictures.problems {
            self.messages.push(Message::error(problem.clone()));
        }
    }
}
