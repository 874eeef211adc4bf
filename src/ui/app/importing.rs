//! Importing Markdown logs in the window: File ▸ Import Markdown… and
//! dropped logs are read into a copy of the journal and previewed (nothing
//! changes, nothing is copied); Import applies it as one undo step, a saved
//! journal taking the pictures the logs name beside it.

use std::path::{Path, PathBuf};

use crate::model::Edit;
use crate::session;

use super::super::action::View;
use super::super::banner::Message;
use super::super::drafts::Modal;
use super::super::i18n::UiLanguage;
use super::super::import_preview::ImportPreview;
use super::StudylogApp;

impl StudylogApp {
    /// Read Markdown logs (files, or folders of them) into a copy of the
    /// journal and show what was found; nothing changes until Import.
    pub(super) fn preview_import(&mut self, paths: &[PathBuf]) {
        let preview = read_logs(self.journal().clone(), paths, None);
        self.views.modal = Some(Modal::ImportPreview(Box::new(preview)));
    }

    /// The user's answer to an import preview.
    pub(super) fn import_answered(&mut self, preview: ImportPreview, import: bool) {
        if !import {
            return;
        }
        let preview = self.with_pictures_copied(preview);
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
                let days = if days == 1 {
                    "1 day".to_owned()
                } else {
                    format!("{days} days")
                };
                format!("Imported {days}. Undo takes the import back.")
            }
        }));
    }

    /// The preview copied nothing; on Import, a saved journal takes the
    /// pictures the logs name beside it (the logs read again, now with their
    /// links pointed at the copies), and each one not copied is said.
    fn with_pictures_copied(&mut self, preview: ImportPreview) -> ImportPreview {
        let Some(journal_file) = self.session.doc().path().map(Path::to_path_buf) else {
            return preview;
        };
        let logs: Vec<PathBuf> = preview
            .imported
            .logs
            .iter()
            .map(|l| l.path.clone())
            .collect();
        let before = self.journal().clone();
        let copied = read_logs(before, &logs, Some(journal_file));
        for log in &copied.imported.logs {
            for problem in &log.pictures.problems {
                self.messages.push(Message::error(problem.clone()));
            }
        }
        copied
    }

    /// A log given on the command line, into the new untitled journal at once.
    pub(super) fn import_markdown(&mut self, path: &Path) {
        let preview = read_logs(self.journal().clone(), &[path.to_owned()], None);
        if let Some(reason) = preview.imported.refused.first() {
            self.messages.push(Message::error(reason.clone()));
        }
        if preview.brings_anything() {
            self.import_answered(preview, true);
        }
    }
}

/// Import each log (or each log in a folder) into a copy of `journal` in
/// turn, as `studylog import` does: what the preview shows. A log that
/// cannot be read or dated is refused and changes nothing.
/// With `pictures_to` (the journal's file), the pictures the logs name are
/// copied beside it and their links pointed there.
fn read_logs(
    mut journal: crate::model::Journal,
    paths: &[PathBuf],
    pictures_to: Option<PathBuf>,
) -> ImportPreview {
    let mut imported = session::Imported::default();
    let files = session::find_logs(paths, &mut imported);
    // Pipes and devices are refused before a read that would freeze the window.
    let logs = session::read_logs(&files, true);
    let how = session::ImportHow {
        pictures_to,
        ..session::ImportHow::default()
    };
    session::import_logs(&mut journal, logs, &how, &mut imported, &mut |_, _| {});
    ImportPreview { journal, imported }
}
