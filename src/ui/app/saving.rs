//! Saving: off the UI thread, never silently over a file changed behind our
//! back or with most of its days gone, and reporting every failure in words
//! (the work then stays in memory and goes to the recovery file).

use std::path::PathBuf;
use std::sync::mpsc::channel;

use crate::store::{self, SaveError};

use super::super::banner::Message;
use super::super::document::DiskState;
use super::super::prompts::{ExternalAnswer, external_change_ui, few_days_ui};
use super::{Guarded, Prompt, SaveJob, StudylogApp};

/// A file with at least this many days is guarded against a save that
/// would leave a tenth of them or fewer.
const GUARDED_DAYS: usize = 10;

impl StudylogApp {
    pub(super) fn save_then(&mut self, then: Option<Guarded>) {
        match self.doc.path.clone() {
            Some(path) => self.checked_save(path, then),
            None => self.ask_save_as(then),
        }
    }

    /// Save to the journal's own file, unless it changed on disk or would
    /// lose most of its days: then ask first.
    fn checked_save(&mut self, path: PathBuf, then: Option<Guarded>) {
        if let Some(disk) = self.doc.disk.as_ref().filter(|d| d.path == path) {
            let now = store::stamp(&path);
            if now != disk.stamp {
                let deleted = now.is_none();
                self.prompt = Some(Prompt::ExternalChange { then, deleted });
                return;
            }
            let days = self.doc.journal.days.len();
            if disk.days >= GUARDED_DAYS && days * 10 <= disk.days {
                let on_disk = disk.days;
                self.prompt = Some(Prompt::FewDays { then, on_disk });
                return;
            }
        }
        self.start_save(path, then);
    }

    /// The autosave to the journal itself: never over an external change or
    /// a big loss of days (then the work goes to the recovery file instead).
    pub(super) fn save_quietly(&mut self) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let safe = self.doc.disk.as_ref().is_none_or(|disk| {
            disk.path != path
                || (store::stamp(&path) == disk.stamp
                    && !(disk.days >= GUARDED_DAYS
                        && self.doc.journal.days.len() * 10 <= disk.days))
        });
        if safe {
            self.start_save(path, None);
        } else {
            self.write_recovery();
        }
    }

    pub(super) fn external_change_ui(&mut self, name: &str, then: Option<Guarded>, deleted: bool) {
        let Some(answer) = external_change_ui(&self.ctx, name, deleted, self.language()) else {
            return;
        };
        self.prompt = None;
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        match answer {
            ExternalAnswer::Overwrite => self.start_save(path, then),
            ExternalAnswer::Reload => {
                self.forget_recovery();
                self.open_path(&path);
            }
            ExternalAnswer::SaveAs => self.ask_save_as(then),
            ExternalAnswer::Cancel => {}
        }
    }

    pub(super) fn few_days_ui(&mut self, then: Option<Guarded>, on_disk: usize) {
        let days = self.doc.journal.days.len();
        let Some(save) = few_days_ui(&self.ctx, days, on_disk, self.language()) else {
            return;
        };
        self.prompt = None;
        if save && let Some(path) = self.doc.path.clone() {
            self.start_save(path, then);
        }
    }

    pub(super) fn start_save(&mut self, path: PathBuf, then: Option<Guarded>) {
        if self.saving.is_some() {
            let lang = self.language();
            self.messages.push(Message::info(lang.pick(
                "保存中です。終わってからもう一度保存してください。",
                "A save is still running; save again when it is done.",
            )));
            return;
        }
        let (sender, result) = channel();
        let journal = self.doc.journal.clone();
        let days = journal.days.len();
        let ctx = self.ctx.clone();
        let target = path.clone();
        std::thread::spawn(move || {
            let _ = sender.send(store::save(&target, &journal));
            ctx.request_repaint();
        });
        self.saving = Some(SaveJob {
            result,
            state: self.doc.history.state(),
            path,
            days,
            then,
        });
    }

    pub(super) fn finish_save(&mut self, result: Result<(), SaveError>) {
        let Some(job) = self.saving.take() else {
            return;
        };
        match result {
            Ok(()) => {
                // The recovery file of the untitled (or old) name is done with.
                self.forget_recovery();
                self.doc.history.mark_saved(job.state);
                self.settings.remember(&job.path);
                self.doc.disk = Some(DiskState::read(&job.path, job.days));
                self.doc.path = Some(job.path);
                if self.doc.is_dirty() {
                    self.schedule_autosave();
                }
                if let Some(op) = job.then {
                    self.perform(op);
                }
            }
            Err(e) => {
                self.messages.push(Message::error(e.to_string()));
                // The work is only in memory: get it to the recovery file now.
                self.write_recovery();
            }
        }
    }
}
