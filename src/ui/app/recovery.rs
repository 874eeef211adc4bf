//! Never losing unsaved work: a recovery file written a moment after each
//! edit (off the UI thread), offered back after a crash, and earlier versions
//! of the journal restorable from its rolling backups.

use std::path::Path;
use std::sync::mpsc::channel;

use chrono::{DateTime, Local};

use crate::model::Edit;
use crate::store::{self, Recovered, SaveError};

use super::super::banner::Message;
use super::super::i18n::UiLanguage;
use super::super::prompts::restore_ui;
use super::{Prompt, StudylogApp};

impl StudylogApp {
    /// Write unsaved work aside `autosave_delay` after the last edit.
    pub(super) fn schedule_autosave(&mut self) {
        if self.recovery_dir.is_none() {
            return;
        }
        self.autosave_at = Some(self.now() + self.autosave_delay.as_secs_f64());
        self.ctx.request_repaint_after(self.autosave_delay);
    }

    pub(super) fn autosave_if_due(&mut self) {
        if let Some(receiver) = &self.autosave_job
            && let Ok(result) = receiver.try_recv()
        {
            self.autosave_job = None;
            self.autosaved(result);
        }
        let Some(due) = self.autosave_at else {
            return;
        };
        let now = self.now();
        // Text still being composed in the IME is not the user's text yet.
        if now < due || self.autosave_job.is_some() || self.ime.owns_keys() {
            self.ctx
                .request_repaint_after(std::time::Duration::from_secs_f64((due - now).max(0.1)));
            return;
        }
        self.autosave_at = None;
        if !self.doc.is_dirty() {
            self.forget_recovery();
        } else if self.settings.autosave_to_journal
            && self.doc.path.is_some()
            && self.saving.is_none()
        {
            self.save_quietly();
        } else {
            self.write_recovery();
        }
    }

    /// Write the recovery file now, on a worker thread.
    pub(super) fn write_recovery(&mut self) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        let recovered = Recovered {
            journal_path: self.doc.path.clone(),
            written_at: Local::now().naive_local(),
            journal: self.doc.journal.clone(),
        };
        let (sender, receiver) = channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let _ = sender.send(store::write_recovery(&dir, &recovered).map(|_| ()));
            ctx.request_repaint();
        });
        self.autosave_job = Some(receiver);
    }

    fn autosaved(&mut self, result: Result<(), SaveError>) {
        if let Err(e) = result {
            let lang = self.language();
            let text = match lang {
                UiLanguage::Japanese => format!("復元用ファイルを書けませんでした: {e}"),
                UiLanguage::English => format!("Could not write the recovery file: {e}"),
            };
            // One message per kind of failure, not one per keystroke.
            if !self.messages.iter().any(|m| m.text == text) {
                self.messages.push(Message::error(text));
            }
        }
    }

    /// Block until a recovery file being written is done (tests).
    pub fn finish_autosave(&mut self) {
        if let Some(receiver) = self.autosave_job.take()
            && let Ok(result) = receiver.recv()
        {
            self.autosaved(result);
        }
    }

    /// The work is saved or knowingly dropped: its recovery file goes.
    pub(super) fn forget_recovery(&mut self) {
        self.finish_autosave();
        if let Some(dir) = &self.recovery_dir {
            store::remove_recovery(dir, self.doc.path.as_deref());
        }
    }

    /// At start: offer unsaved work found for the journal just opened, when
    /// it is newer than the journal file.
    pub(super) fn offer_recovery(&mut self) {
        let Some(dir) = &self.recovery_dir else {
            return;
        };
        let path = self.doc.path.clone();
        match store::read_recovery(dir, path.as_deref()) {
            None => {}
            Some(Err(e)) => self.messages.push(Message::error(e.to_string())),
            Some(Ok(recovered)) => {
                let file_time = path
                    .as_deref()
                    .and_then(store::stamp)
                    .map(|s| DateTime::<Local>::from(s.modified).naive_local());
                if file_time.is_none_or(|t| recovered.written_at > t) {
                    self.prompt = Some(Prompt::Restore(Box::new(recovered)));
                }
            }
        }
    }

    pub(super) fn restore_ui(&mut self, name: &str, recovered: Recovered) {
        let lang = self.language();
        let when = recovered.written_at.format("%Y-%m-%d %H:%M:%S").to_string();
        let Some(restore) = restore_ui(&self.ctx, name, &when, lang) else {
            return;
        };
        self.prompt = None;
        if restore {
            self.edit(Edit::Replace(Box::new(recovered.journal)));
            self.messages.push(Message::info(match lang {
                UiLanguage::Japanese => {
                    format!("{when} の作業を復元しました。保存すると学習ログに反映されます。")
                }
                UiLanguage::English => {
                    format!("Restored the work from {when}. Save to keep it in the journal.")
                }
            }));
        } else {
            self.forget_recovery();
        }
    }

    /// Replace the journal with a kept version (undoable; saved only when the user saves).
    pub(super) fn restore_backup(&mut self, backup: &Path) {
        match store::load(backup) {
            Ok(journal) => {
                let days = journal.days.len();
                self.edit(Edit::Replace(Box::new(journal)));
                let lang = self.language();
                self.messages.push(Message::info(match lang {
                    UiLanguage::Japanese => format!("{} を開きました（{days} 日分）。保存すると学習ログがこの版になります。元に戻すこともできます。", backup.display()),
                    UiLanguage::English => format!("Opened {} ({days} days). Save to make it the journal, or Undo.", backup.display()),
                }));
            }
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }
}
