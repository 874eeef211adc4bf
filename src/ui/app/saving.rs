//! Saving: off the UI thread, never silently over a file changed behind our
//! back or with most of its days gone, and reporting every failure in words.

use std::path::PathBuf;
use std::sync::mpsc::channel;

use crate::store::{self, SaveError};

use super::super::banner::Message;
use super::{Guarded, SaveJob, StudylogApp};

impl StudylogApp {
    // ----- saving -----

    pub(super) fn save_then(&mut self, then: Option<Guarded>) {
        match self.doc.path.clone() {
            Some(path) => self.start_save(path, then),
            None => self.ask_save_as(then),
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
            then,
        });
    }

    pub(super) fn finish_save(&mut self, result: Result<(), SaveError>) {
        let Some(job) = self.saving.take() else {
            return;
        };
        match result {
            Ok(()) => {
                self.doc.history.mark_saved(job.state);
                self.settings.remember(&job.path);
                self.doc.path = Some(job.path);
                if let Some(op) = job.then {
                    self.perform(op);
                }
            }
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }
}
