//! Keeping the user's work: operations that would drop unsaved changes ask
//! first, saving never goes silently over a file changed behind our back or
//! with most of its days gone, unsaved work found after a crash is offered
//! back, and everything that finishes in the background is reported in words.

use std::path::{Path, PathBuf};

use crate::model::Journal;
use crate::session::decide::SaveCheck;
use crate::session::files::{Expect, LeftBehind, SaveError};
use crate::session::{Document, Event, Restored};

use super::super::action::Action;
use super::super::banner::Message;
use super::super::command::Command;
use super::super::dialogs::{DialogMode, FileKind};
use super::super::drafts::{Guarded, Modal, Prompt};
use super::super::i18n::UiLanguage;
use super::super::prompts::{
    ExternalAnswer, PromptAnswer, external_change_ui, few_days_ui, restore_ui, unsaved_prompt_ui,
};
use super::{Purpose, StudylogApp};

impl StudylogApp {
    pub(super) fn guard(&mut self, op: Guarded) {
        if self.is_dirty() {
            self.views.modal = Some(Modal::Prompt(Prompt::Unsaved(op)));
        } else {
            self.perform(op);
        }
    }

    pub(super) fn perform(&mut self, op: Guarded) {
        match op {
            Guarded::New => {
                let journal = Journal::new("", self.language().into());
                self.replace_document(Document::untitled(journal));
            }
            Guarded::Open => self.ask(Purpose::Open, DialogMode::Open, FileKind::Journal, None),
            Guarded::OpenPath(path) => {
                self.open_path(&path);
            }
            Guarded::Quit => {
                self.window.allow_close = true;
                self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub(super) fn save_then(&mut self, then: Option<Guarded>) {
        match self.path().map(Path::to_owned) {
            Some(path) => self.checked_save(path, then),
            None => self.ask_save_as(then),
        }
    }

    /// Save to the journal's own file, unless it changed on disk or would
    /// lose most of its days: then ask first.
    fn checked_save(&mut self, path: PathBuf, then: Option<Guarded>) {
        let prompt = match self.session.check_save(&path) {
            SaveCheck::Write => {
                let expect = self.session.expected_at(&path);
                return self.start_save(path, expect, then);
            }
            SaveCheck::Changed { deleted } => Prompt::ExternalChange { then, deleted },
            SaveCheck::FewDays { on_disk } => Prompt::FewDays { then, on_disk },
        };
        self.views.modal = Some(Modal::Prompt(prompt));
    }

    pub(super) fn start_save(&mut self, path: PathBuf, expect: Expect, then: Option<Guarded>) {
        if self.session.start_save(path, expect) {
            self.after_save = then;
        } else {
            let lang = self.language();
            self.messages.push(Message::info(lang.pick(
                "保存中です。終わってからもう一度保存してください。",
                "A save is still running; save again when it is done.",
            )));
        }
    }

    /// Block until a save running in the background is done and handled (tests).
    pub fn finish_saving(&mut self) {
        if let Some(event) = self.session.finish_saving() {
            self.handle(event);
        }
    }

    /// Block until a recovery file being written is done (tests).
    pub fn finish_autosave(&mut self) {
        if let Some(event) = self.session.finish_recovery() {
            self.handle(event);
        }
    }

    /// What eframe runs before each frame and while the window is hidden
    /// (covered, minimized): tests call it to stand for a hidden window.
    pub fn run_logic(&mut self) {
        self.poll_background();
    }

    /// Collect answers from dialogs and what the session finished, and run
    /// an autosave that came due.
    pub(super) fn poll_background(&mut self) {
        while let Some((purpose, path)) = self.dialogs.poll() {
            if let Some(path) = path {
                self.answered(purpose, path);
            }
        }
        let composing = self.window.ime.owns_keys();
        let events = self
            .session
            .poll(composing, self.settings.autosave_to_journal);
        for event in events {
            self.handle(event);
        }
        self.poll_errands();
        if let Some(wait) = self.session.next_wake() {
            self.ctx.request_repaint_after(wait);
        }
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Saved {
                path,
                copies_put_away,
            } => {
                self.settings.remember(&path);
                self.copies_put_away(&copies_put_away);
                self.notice_conflict_copies();
                if let Some(op) = self.after_save.take() {
                    self.perform(op);
                }
            }
            Event::ChangedOnDisk { deleted } => {
                // Found under the writer lock: a change that landed after
                // the check before the save. Ask, as for one found before.
                let then = self.after_save.take();
                let prompt = Prompt::ExternalChange { then, deleted };
                self.views.modal = Some(Modal::Prompt(prompt));
            }
            Event::SaveFailed(error) => {
                self.after_save = None;
                let read_only = matches!(error, SaveError::ReadOnly { .. });
                let mut message = Message::error(error.to_string());
                if read_only {
                    // The work stays here (and in the recovery file): it can
                    // go to a file of another name.
                    let label = self.language().pick("名前を付けて保存…", "Save As…");
                    message = message.with_action(label.to_owned(), Action::Run(Command::SaveAs));
                }
                self.messages.push(message);
            }
            Event::RecoveryFailed(error) => {
                let text = match self.language() {
                    UiLanguage::Japanese => format!("復元用ファイルを書けませんでした: {error}"),
                    UiLanguage::English => format!("Could not write the recovery file: {error}"),
                };
                // One message per kind of failure, not one per keystroke.
                if !self.messages.iter().any(|m| m.text == text) {
                    self.messages.push(Message::error(text));
                }
            }
        }
    }

    /// Offer unsaved work left for the journal just opened (by any route),
    /// newest first, one question at a time; unreadable files are reported.
    pub(super) fn offer_recovery(&mut self) {
        let mut offer = None;
        for found in self.session.find_recovery() {
            match found {
                Ok(left) => {
                    offer.get_or_insert(left);
                }
                Err(e) => {
                    let text = e.to_string();
                    if !self.messages.iter().any(|m| m.text == text) {
                        self.messages.push(Message::error(text));
                    }
                }
            }
        }
        if let Some(left) = offer {
            self.views.modal = Some(Modal::Prompt(Prompt::Restore(Box::new(left))));
        }
    }

    /// Show the question that is open, and act on its answer; the
    /// question back if it is not answered yet.
    pub(super) fn prompt_ui(&mut self, prompt: Prompt) -> Option<Prompt> {
        let lang = self.language();
        let name = self.name();
        match prompt {
            Prompt::Unsaved(op) => match unsaved_prompt_ui(&self.ctx, &name, lang) {
                Some(answer) => self.unsaved_answered(answer, op),
                None => return Some(Prompt::Unsaved(op)),
            },
            Prompt::ExternalChange { then, deleted } => {
                match external_change_ui(&self.ctx, &name, deleted, lang) {
                    Some(answer) => self.external_change_answered(answer, then),
                    None => return Some(Prompt::ExternalChange { then, deleted }),
                }
            }
            Prompt::FewDays { then, on_disk } => {
                let days = self.journal().days.len();
                match few_days_ui(&self.ctx, days, on_disk, lang) {
                    Some(save) => self.few_days_answered(save, then),
                    None => return Some(Prompt::FewDays { then, on_disk }),
                }
            }
            Prompt::Restore(left) => {
                let written_at = left.recovered.written_at;
                let when = written_at.format("%Y-%m-%d %H:%M:%S").to_string();
                let changed = self.session.journal_changed_since(written_at);
                match restore_ui(&self.ctx, &name, &when, changed, lang) {
                    Some(restore) => {
                        self.restore_answered(restore, *left, &when);
                        // Another session's work may be waiting too.
                        self.offer_recovery();
                    }
                    None => return Some(Prompt::Restore(left)),
                }
            }
        }
        None
    }

    fn few_days_answered(&mut self, save: bool, then: Option<Guarded>) {
        if save && let Some(path) = self.path().map(Path::to_owned) {
            let expect = self.session.expected_at(&path);
            self.start_save(path, expect, then);
        }
    }

    fn unsaved_answered(&mut self, answer: PromptAnswer, op: Guarded) {
        match answer {
            PromptAnswer::Save => self.save_then(Some(op)),
            PromptAnswer::DontSave => {
                self.session.forget_recovery();
                self.perform(op);
            }
            PromptAnswer::Cancel => {}
        }
    }

    /// Coming back to the window: a journal another program changed is
    /// read again at once if nothing here is unsaved, else the user is asked
    /// (once per change); conflict copies that appeared are named.
    pub(super) fn check_disk_on_focus(&mut self) {
        // A sync tool may have dropped a conflict copy meanwhile.
        self.notice_conflict_copies();
        let Some(now) = self.session.changed_on_disk() else {
            return;
        };
        if self.window.asked_about == Some(now)
            || self.session.is_saving()
            || self.views.modal.is_some()
        {
            return;
        }
        self.window.asked_about = Some(now);
        let Some(path) = self.path().map(Path::to_owned) else {
            return;
        };
        if now.is_some() && !self.is_dirty() {
            let changed_elsewhere = true;
            self.read_journal(&path, super::ReadFor::Reload { changed_elsewhere });
            return;
        }
        let deleted = now.is_none();
        self.views.modal = Some(Modal::Prompt(Prompt::ExternalChange {
            then: None,
            deleted,
        }));
    }

    fn external_change_answered(&mut self, answer: ExternalAnswer, then: Option<Guarded>) {
        let Some(path) = self.path().map(Path::to_owned) else {
            return;
        };
        match answer {
            ExternalAnswer::Overwrite => self.start_save(path, Expect::Anything, then),
            ExternalAnswer::Reload => self.reload(&path),
            ExternalAnswer::SaveAs => self.ask_save_as(then),
            ExternalAnswer::Merge => self.merge_from_disk(),
            ExternalAnswer::Cancel => {}
        }
    }

    /// Read the file again, dropping the unsaved changes: only once it has
    /// loaded (if it cannot be, the work stays, and so does its recovery file).
    fn reload(&mut self, path: &Path) {
        let changed_elsewhere = false;
        self.read_journal(path, super::ReadFor::Reload { changed_elsewhere });
    }

    /// The file read again is in: it replaces the work (and its recovery
    /// file). Read again because it changed elsewhere: both devices have
    /// it now, and the banner says so.
    pub(super) fn reloaded(&mut self, doc: Document, path: &Path, changed_elsewhere: bool) {
        self.session.forget_recovery();
        self.open_document(doc, path);
        if !changed_elsewhere {
            return;
        }
        self.session.note_agreed(true);
        let name = self.session.doc().name().unwrap_or_default();
        self.messages.push(Message::info(match self.language() {
            UiLanguage::Japanese => {
                format!("「{name}」が外で変更されたので読み込み直しました。")
            }
            UiLanguage::English => format!("“{name}” changed on disk and was read again."),
        }));
    }

    /// Restore (adopt) or discard one left-behind file; only that file.
    fn restore_answered(&mut self, restore: bool, left: LeftBehind, when: &str) {
        if !restore {
            self.session.discard(&left.file);
            return;
        }
        let restored = self
            .session
            .restore(left.recovered.journal, left.recovered.read);
        self.session.adopt(left.file);
        let lang = self.language();
        let text = match restored {
            Restored::Replaced => match lang {
                UiLanguage::Japanese => {
                    format!("{when} の作業を復元しました。保存すると学習ログに反映されます。")
                }
                UiLanguage::English => {
                    format!("Restored the work from {when}. Save to keep it in the journal.")
                }
            },
            Restored::Merged(report) => match lang {
                UiLanguage::Japanese => format!(
                    "{when} の作業を、その後に保存された版と統合して復元しました（両方の版を残した箇所 {}）。保存すると学習ログに反映されます。",
                    report.conflicts
                ),
                UiLanguage::English => format!(
                    "Restored the work from {when}, merged with the version saved since ({}). Save to keep it in the journal.",
                    UiLanguage::count(
                        report.conflicts,
                        "conflict to settle",
                        "conflicts to settle"
                    )
                ),
            },
        };
        self.messages.push(Message::info(text));
    }

    /// Replace the journal with a kept version, once it is read (off the
    /// UI thread; see `backup_read`).
    pub(super) fn restore_backup(&mut self, backup: &Path) {
        self.session.errands().read_backup(backup.to_owned());
    }
}
