//! Importing Markdown logs in the window: File ▸ Import Markdown… and
//! dropped logs are read into a copy of the journal on a worker and
//! previewed (nothing changes, nothing is copied); Import applies it as one
//! undo step, a saved journal taking the pictures the logs name beside it
//! (copied on a worker too, so a big folder never freezes the window).

use std::path::{Path, PathBuf};

use crate::model::{Edit, Journal};
use crate::session::{self, Imported, LogsFor};

use super::super::action::View;
use super::super::banner::{Message, Work, end_work};
use super::super::drafts::Modal;
use super::super::i18n::UiLanguage;
use super::super::import_preview::ImportPreview;
use super::StudylogApp;

impl StudylogApp {
    /// Read Markdown logs (files, or folders of them) into a copy of the
    /// journal and show what was found; nothing changes until Import.
    pub(super) fn preview_import(&mut self, paths: &[PathBuf]) {
        let journal = self.journal().clone();
        self.session
            .errands()
            .read_logs(journal, paths.to_vec(), None, LogsFor::Preview);
        let notice = self.reading_notice();
        self.messages
            .push(Message::working(Work::ReadingLogs, notice));
    }

    /// What the banner says while logs are read (taken away when they are in).
    fn reading_notice(&self) -> String {
        self.language()
            .pick("ログを読んでいます…", "Reading the logs…")
            .to_owned()
    }

    /// The user's answer to an import preview. A saved journal reads the
    /// logs again on a worker, now copying their pictures beside it.
    pub(super) fn import_answered(&mut self, preview: ImportPreview, import: bool) {
        if import {
            self.import(preview);
        }
    }

    /// Import what `preview` read: into a saved journal the logs are read
    /// again on a worker, copying their pictures beside it; an untitled
    /// one takes the preview as it is.
    fn import(&mut self, preview: ImportPreview) {
        let Some(journal_file) = self.session.doc().path().map(Path::to_path_buf) else {
            return self.apply_import(preview);
        };
        let logs = preview
            .imported
            .logs
            .iter()
            .map(|l| l.path.clone())
            .collect();
        let journal = self.journal().clone();
        let revision = self.session.doc().state();
        let purpose = LogsFor::Import { revision };
        self.session
            .errands()
            .read_logs(journal, logs, Some(journal_file), purpose);
        let notice = self.reading_notice();
        self.messages
            .push(Message::working(Work::ReadingLogs, notice));
    }

    /// Logs read on a worker: show the preview, or apply the import when
    /// the journal has not changed since the reading began (else read them
    /// again into the journal as it is now: nothing typed meanwhile is lost).
    pub(super) fn logs_read(&mut self, journal: Journal, imported: Imported, purpose: LogsFor) {
        let preview = ImportPreview { journal, imported };
        end_work(&mut self.messages, &Work::ReadingLogs);
        match purpose {
            LogsFor::Preview => self.views.modal = Some(Modal::ImportPreview(Box::new(preview))),
            LogsFor::Import { revision } if revision == self.session.doc().state() => {
                for log in &preview.imported.logs {
                    for problem in &log.pictures.problems {
                        self.messages.push(Message::error(problem.clone()));
                    }
                }
                self.apply_import(preview);
            }
            LogsFor::Import { .. } => self.import(preview),
        }
    }

    /// The journal as the import leaves it, as one undo step.
    fn apply_import(&mut self, preview: ImportPreview) {
        let brought = preview.brought();
        let first = brought.first().copied();
        let days = brought.len();
        self.edit(Edit::Replace(Box::new(preview.journal)));
        if let Some(first) = first {
            self.show(View::Day(first));
        }
        self.messages.push(Message::info(match self.language() {
            UiLanguage::Japanese => {
                format!("{days} 日分を取り込みました。元に戻すこともできます。")
            }
            UiLanguage::English => {
                let days = UiLanguage::count(days, "day", "days");
                format!("Imported {days}. Undo takes the import back.")
            }
        }));
    }

    /// A log given on the command line, into the new untitled journal at
    /// once (the first frame shows it).
    pub(super) fn import_markdown(&mut self, path: &Path) {
        let journal = self.journal().clone();
        let (journal, imported) = session::import_paths(journal, &[path.to_owned()], None);
        if let Some(reason) = imported.refused.first() {
            self.messages.push(Message::error(reason.clone()));
        }
        if imported.brings_anything() {
            self.apply_import(ImportPreview { journal, imported });
        }
    }
}
