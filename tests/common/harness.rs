//! The app under egui_kittest, with English menus and scripted dialogs.

use chrono::NaiveDate;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::{Day, Journal};
use studylog::ui::app::Purpose;
use studylog::ui::dialogs::ScriptedDialogs;
use studylog::ui::i18n::UiLanguage;
use studylog::ui::{Start, StudylogApp};

pub type Dialogs = ScriptedDialogs<Purpose>;

/// The day `small_journal` holds.
pub fn date() -> NaiveDate {
    "2025-03-10".parse().unwrap()
}

/// The app on `start`, with English menus and scripted dialogs. A run may
/// take a few more frames than egui's four: work the app hands to a worker
/// (an export, a kept version read) wakes the window when it is done.
pub fn app(start: Start) -> (Harness<'static, StudylogApp>, Dialogs) {
    app_steps(start, 16)
}

/// The app on `start` where workers (copying and decoding pictures) wake
/// the window: a run may take more frames to settle.
pub fn app_with_workers(start: Start) -> (Harness<'static, StudylogApp>, Dialogs) {
    app_steps(start, 64)
}

fn app_steps(start: Start, max_steps: u64) -> (Harness<'static, StudylogApp>, Dialogs) {
    let dialogs = Dialogs::default();
    let answers = dialogs.clone();
    let mut harness = Harness::builder()
        .with_size([1280.0, 1000.0])
        .with_max_steps(max_steps)
        .build_eframe(move |cc| {
            let mut app = StudylogApp::with_dialogs(cc, start, Box::new(answers));
            app.set_language(UiLanguage::English);
            app
        });
    harness.run();
    (harness, dialogs)
}

pub fn app_on(journal: Journal) -> (Harness<'static, StudylogApp>, Dialogs) {
    app(Start::Journal(Box::new(journal)))
}

pub fn day(harness: &Harness<'_, StudylogApp>, date: NaiveDate) -> Day {
    harness.state().journal().days[&date].clone()
}

/// Give the field labelled `name` the keyboard and type `text` into it.
pub fn type_into(harness: &mut Harness<'_, StudylogApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.get_by_label(name).type_text(text);
    harness.run();
}

pub fn press(harness: &mut Harness<'_, StudylogApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// The app with recovery files in `recovery_dir`, written as soon as an edit is made.
pub fn app_with_recovery(
    start: Start,
    recovery_dir: &std::path::Path,
) -> (Harness<'static, StudylogApp>, Dialogs) {
    app_with_recovery_after(start, recovery_dir, std::time::Duration::ZERO)
}

/// The app with recovery files in `recovery_dir`, written `delay` after an edit.
pub fn app_with_recovery_after(
    start: Start,
    recovery_dir: &std::path::Path,
    delay: std::time::Duration,
) -> (Harness<'static, StudylogApp>, Dialogs) {
    let dialogs = Dialogs::default();
    let answers = dialogs.clone();
    let recovery_dir = recovery_dir.to_owned();
    let mut harness = Harness::builder()
        .with_size([1280.0, 1000.0])
        // Recovery files are written on a worker thread, which repaints when done.
        .with_max_steps(64)
        .build_eframe(move |cc| {
            let config = studylog::ui::app::AppConfig {
                start,
                dialogs: Box::new(answers),
                recovery: studylog::session::RecoveryConfig {
                    dir: Some(recovery_dir),
                    delay,
                },
                first_looks: None,
            };
            let mut app = StudylogApp::with_config(cc, config);
            app.set_language(UiLanguage::English);
            app
        });
    harness.run();
    (harness, dialogs)
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
pub struct FileOnDisk(pub std::path::PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// The small journal's chapter 5 shown: its book opened from the tree,
/// then the chapter clicked.
pub fn open_first_chapter(harness: &mut Harness<'_, StudylogApp>) {
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TreeItem,
            "データ指向アプリケーションデザイン",
        )
        .click();
    harness.run();
    harness.get_by_label("○ 5 章 レプリケーション").click();
    harness.run();
}

/// Wait for the work the last frames handed to the session's workers
/// (reading logs, copying pictures, an export) and show what it brought.
pub fn finish_errands(harness: &mut Harness<'_, StudylogApp>) {
    harness.state_mut().finish_errands();
    harness.run();
}
