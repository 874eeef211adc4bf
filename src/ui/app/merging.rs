//! Merging in the window: the file changed on disk while there was unsaved
//! work (the external-change prompt's Merge), a sync tool's conflict copy
//! beside the journal, a journal git left with its conflict markers.
//! Every merge is one step of undo, and says what it did in the banner.

use std::path::Path;

use crate::model::merge::MergeReport;
use crate::session::files as disk;

use super::super::action::Action;
use super::super::banner::Message;
use super::super::i18n::UiLanguage;
use super::StudylogApp;

impl StudylogApp {
    /// The prompt's Merge: the file as it is now merged into the work here.
    /// That file, written elsewhere, is now a version both devices had.
    pub(super) fn merge_from_disk(&mut self) {
        let result = self.session.merge_from_disk();
        if result.is_ok() {
            self.session.note_agreed(true);
        }
        self.merged(result, None);
    }

    /// Merged conflict copies that moved to the backups with a save.
    pub(super) fn copies_put_away(&mut self, copies: &[std::path::PathBuf]) {
        let lang = self.language();
        for copy in copies {
            let name = copy.file_name().unwrap_or_default().to_string_lossy();
            self.messages.retain(|m| !m.text.contains(name.as_ref()));
            self.messages.push(Message::info(match lang {
                UiLanguage::Japanese => format!("統合した「{name}」をバックアップに移しました。"),
                UiLanguage::English => format!("The merged copy “{name}” moved to the backups."),
            }));
        }
    }

    /// A conflict copy merged in; the copy goes to the backups with the
    /// next save that holds the merge.
    pub(super) fn merge_copy(&mut self, copy: &Path) {
        let result = self.session.merge_copy(copy);
        let name = copy.file_name().map(|n| n.to_string_lossy().into_owned());
        self.merged(result, name);
    }

    fn merged(&mut self, result: Result<MergeReport, String>, copy: Option<String>) {
        let lang = self.language();
        match result {
            Ok(report) => {
                self.messages
                    .push(Message::info(describe(lang, &report, copy.as_deref())))
            }
            Err(error) => self.messages.push(Message::error(error)),
        }
    }

    /// After a journal is opened or saved: conflict copies beside it are
    /// named in the banner, each with Merge.
    pub(super) fn notice_conflict_copies(&mut self) {
        let lang = self.language();
        for copy in self.session.conflict_copies() {
            let name = copy
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            if self.messages.iter().any(|m| m.text.contains(&name)) {
                continue;
            }
            let text = match lang {
                UiLanguage::Japanese => {
                    format!("同期ツールが残した競合コピー「{name}」が隣にあります。")
                }
                UiLanguage::English => {
                    format!("A sync tool left a conflicting copy beside this journal: “{name}”.")
                }
            };
            let label = lang.pick("統合する", "Merge").to_owned();
            self.messages
                .push(Message::info(text).with_action(label, Action::MergeCopy(copy)));
        }
    }

    /// A journal that would not load because git left its conflict markers
    /// in it: say so, and offer to merge the two sides by meaning.
    pub(super) fn notice_git_markers(&mut self, path: &Path) -> bool {
        let Ok(text) = disk::read_text(path) else {
            return false;
        };
        if disk::git_conflict_sides(&text).is_none() {
            return false;
        }
        let lang = self.language();
        let name = disk::journal_name(path);
        let said = match lang {
            UiLanguage::Japanese => format!(
                "「{name}」には git の競合マーカーが残っています。両方の版を統合して開けます。"
            ),
            UiLanguage::English => format!(
                "“{name}” holds git's conflict markers. Both versions can be merged and opened."
            ),
        };
        let label = lang.pick("統合して開く", "Merge and open").to_owned();
        self.messages
            .push(Message::error(said).with_action(label, Action::MergeGitSides(path.to_owned())));
        true
    }

    /// Open a journal git left with conflict markers, merged by meaning
    /// (read and parsed off the UI thread; see `git_sides_read`).
    pub(super) fn merge_git_sides(&mut self, path: &Path) {
        self.session.errands().read_git_sides(path.to_owned());
    }
}

/// "Merged: 2 days from the other copy, 1 merged, 1 conflict to settle (marked in its day)."
pub(super) fn describe(lang: UiLanguage, report: &MergeReport, copy: Option<&str>) -> String {
    let conflicts = report.conflicts;
    match lang {
        UiLanguage::Japanese => {
            let moved = copy
                .map(|c| format!("「{c}」は保存したときにバックアップへ移します。"))
                .unwrap_or_default();
            let open = if conflicts > 0 {
                format!("両方の版を残した箇所が {conflicts} つあります（その日に印があります）。")
            } else {
                String::new()
            };
            format!(
                "統合しました: 相手の版から {} 日、両方で変わった {} 日。{open}{moved}元に戻すこともできます。",
                report.days_from_theirs, report.days_merged
            )
        }
        UiLanguage::English => {
            let moved = copy
                .map(|c| format!(" “{c}” moves to the backups when you save."))
                .unwrap_or_default();
            let open = if conflicts > 0 {
                format!(
                    " {} both versions kept, marked in their days.",
                    UiLanguage::count(conflicts, "place has", "places have")
                )
            } else {
                String::new()
            };
            format!(
                "Merged: {} from the other copy, {} changed on both sides.{open}{moved} Undo takes it back.",
                UiLanguage::count(report.days_from_theirs, "day", "days"),
                UiLanguage::count(report.days_merged, "day", "days")
            )
        }
    }
}
