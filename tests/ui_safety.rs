//! The app never loses work: recovery after a crash, files changed behind its
//! back, saves that would drop most days, failures while saving.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::Journal;
use studylog::store::{self, Recovered, RecoverySpace};
use studylog::ui::app::Prompt;
use studylog::ui::{Start, StudylogApp};

use common::harness::{app_with_recovery, date, press};

/// Work left by a session that ended without saving: its recovery file,
/// written while it ran, and its owner lock gone with it.
fn left_by_a_crash(
    recovery: &Path,
    journal_path: Option<&Path>,
    journal: Journal,
    written_at: chrono::NaiveDateTime,
) -> std::path::PathBuf {
    let session = RecoverySpace::claim(recovery).unwrap();
    let file = session.file_for(journal_path);
    let recovered = Recovered {
        journal_path: journal_path.map(store::canonical),
        file_id: journal_path.and_then(store::file_id),
        written_at,
        read: None,
        journal,
    };
    store::write_recovery(&file, &recovered).unwrap();
    drop(session);
    file
}

fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// The recovery files in `recovery`, whoever wrote them.
fn recovery_files(recovery: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = fs::read_dir(recovery) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
        .collect()
}

fn journal_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("study.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    path
}

fn set_modified(path: &Path, when: SystemTime) {
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

fn add_next_item(harness: &mut Harness<'_, StudylogApp>) {
    harness.get_by_label("次やること: add").click();
    harness.run();
}

fn save(harness: &mut Harness<'_, StudylogApp>) {
    press(harness, Modifiers::COMMAND, Key::S);
    harness.state_mut().finish_saving();
    harness.run();
}

#[test]
fn recovered_work_newer_than_the_file_is_offered_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    set_modified(&path, SystemTime::now() - Duration::from_secs(3600));
    let mut unsaved = common::small_journal();
    common::set_impressions(
        unsaved.days.get_mut(&date()).unwrap(),
        "クラッシュ前に書いた感想",
    );
    let file = left_by_a_crash(&recovery, Some(&path), unsaved.clone(), now());

    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    harness.get_by_label_contains("Unsaved work on “study”");
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.state().journal(), &unsaved);
    assert!(harness.state().is_dirty(), "restored work is not saved yet");
    assert_eq!(
        store::load(&path).unwrap(),
        common::small_journal(),
        "restoring never writes the journal by itself"
    );
    assert!(file.exists(), "kept until the restored work is saved");
    save(&mut harness);
    assert_eq!(store::load(&path).unwrap(), unsaved);
    assert!(!file.exists(), "saved: the recovery file is gone");
}

#[test]
fn crash_work_older_than_the_file_is_still_offered_with_a_warning() {
    // The journal was saved elsewhere after the crash; the work exists nowhere else.
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let old = Journal::new("old", studylog::model::Language::Ja);
    left_by_a_crash(
        &recovery,
        Some(&path),
        old,
        now() - chrono::Duration::hours(2),
    );
    let (harness, _) = app_with_recovery(Start::Open(path), &recovery);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))));
    harness.get_by_label_contains("The journal was saved elsewhere after that");
}

#[test]
fn discarding_recovered_work_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let file = left_by_a_crash(&recovery, None, common::small_journal(), now());
    let (mut harness, _) = app_with_recovery(Start::Default, &recovery);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!file.exists());
    assert_ne!(harness.state().journal(), &common::small_journal());
}

#[test]
fn edits_reach_the_recovery_file_and_a_save_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    harness.run();
    harness.state_mut().finish_autosave();
    let files = recovery_files(&recovery);
    assert_eq!(files.len(), 1, "{files:?}");
    let recovered = store::read_recovery_file(&files[0]).unwrap();
    assert_eq!(&recovered.journal, harness.state().journal());
    assert_eq!(
        store::load(&path).unwrap(),
        common::small_journal(),
        "the journal itself is untouched"
    );
    save(&mut harness);
    assert!(recovery_files(&recovery).is_empty());
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    // Another program (a sync tool) writes the file meanwhile.
    let mut theirs = common::small_journal();
    theirs.title = "同期で来た版".into();
    store::save(&path, &theirs).unwrap();
    set_modified(&path, SystemTime::now() + Duration::from_secs(5));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::ExternalChange { deleted: false, .. })
    ));
    harness.get_by_label("The file changed on disk");
    assert_eq!(store::load(&path).unwrap(), theirs, "nothing written yet");
    harness.get_by_label("Reload (drop my changes)").click();
    harness.run();
    common::harness::finish_errands(&mut harness);
    assert_eq!(harness.state().journal(), &theirs);
    assert!(!harness.state().is_dirty());
}

#[test]
fn overwrite_after_an_external_change_saves_ours() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    fs::write(&path, "(format_version: 2, title: \"edited by hand\")").unwrap();
    set_modified(&path, SystemTime::now() + Duration::from_secs(5));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Overwrite").click();
    harness.run();
    harness.state_mut().finish_saving();
    harness.run();
    assert_eq!(&store::load(&path).unwrap(), harness.state().journal());
    // The next save goes through without asking: the file is ours again.
    add_next_item(&mut harness);
    save(&mut harness);
    assert!(harness.state().prompt().is_none());
    assert!(!harness.state().is_dirty());
}

#[test]
fn a_journal_deleted_while_open_keeps_the_work_when_saving_fails() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let folder = dir.path().join("synced");
    fs::create_dir(&folder).unwrap();
    let path = journal_file(&folder);
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    fs::remove_dir_all(&folder).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::ExternalChange { deleted: true, .. })
    ));
    harness.get_by_label_contains("was deleted or moved");
    harness.get_by_label("Overwrite").click();
    harness.run();
    harness.state_mut().finish_saving();
    harness.run();
    harness.state_mut().finish_autosave();
    let messages = harness.state().messages().to_vec();
    assert!(
        messages
            .iter()
            .any(|m| m.text.contains("The file on disk is unchanged")),
        "{messages:?}"
    );
    assert!(harness.state().is_dirty(), "the work is still open");
    let files = recovery_files(&recovery);
    assert_eq!(files.len(), 1, "{files:?}");
    let recovered = store::read_recovery_file(&files[0]).unwrap();
    assert_eq!(&recovered.journal, harness.state().journal());
}

#[test]
fn saving_far_fewer_days_than_the_file_holds_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = dir.path().join("big.studylog.ron");
    let big = studylog::generate::generate(1, 5);
    store::save(&path, &big).unwrap();
    // An old version with a single day, kept as the backup.
    let mut tiny = big.clone();
    let first = *tiny.days.keys().next().unwrap();
    tiny.days.retain(|d, _| *d == first);
    store::save(&store::backup_path(&path), &tiny).unwrap();

    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Restore Backup").click();
    harness.run();
    harness
        .get_by_label_contains("(big.studylog.ron.bak)")
        .click();
    harness.run();
    harness.state_mut().finish_errands();
    harness.run();
    assert_eq!(harness.state().journal().days.len(), 1);
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(matches!(
        harness.state().prompt(),
        Some(Prompt::FewDays { on_disk: 365, .. })
    ));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(
        store::load(&path).unwrap().days.len(),
        365,
        "nothing written"
    );
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Save Anyway").click();
    harness.run();
    harness.state_mut().finish_saving();
    harness.run();
    assert_eq!(store::load(&path).unwrap().days.len(), 1);
}

/// A pipe or an endless device named on the command line is refused at
/// once: the window never waits on it nor reads it without end.
#[test]
fn a_pipe_or_a_device_named_on_the_command_line_does_not_freeze_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("j.studylog.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [fifo, std::path::PathBuf::from("/dev/zero")] {
        let started = std::time::Instant::now();
        let (harness, _) = common::harness::app(studylog::ui::Start::Open(path.clone()));
        harness.get_by_label_contains("is not a regular file");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{path:?}"
        );
    }
}
