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
use studylog::store::{self, Recovered};
use studylog::ui::app::Prompt;
use studylog::ui::{Start, StudylogApp};

use common::harness::{app_with_recovery, date, press};

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
    let recovered = Recovered {
        journal_path: Some(path.clone()),
        written_at: chrono::Local::now().naive_local(),
        journal: unsaved.clone(),
    };
    store::write_recovery(&recovery, &recovered).unwrap();

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
    save(&mut harness);
    assert_eq!(store::load(&path).unwrap(), unsaved);
    assert!(
        store::read_recovery(&recovery, Some(&path)).is_none(),
        "saved: the recovery file is gone"
    );
}

#[test]
fn recovered_work_older_than_the_file_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let recovered = Recovered {
        journal_path: Some(path.clone()),
        written_at: chrono::Local::now().naive_local() - chrono::Duration::hours(2),
        journal: Journal::new("old", studylog::model::Language::Ja),
    };
    store::write_recovery(&recovery, &recovered).unwrap();
    let (harness, _) = app_with_recovery(Start::Open(path), &recovery);
    assert!(harness.state().prompt().is_none());
}

#[test]
fn discarding_recovered_work_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let recovered = Recovered {
        journal_path: None,
        written_at: chrono::Local::now().naive_local(),
        journal: common::small_journal(),
    };
    store::write_recovery(&recovery, &recovered).unwrap();
    let (mut harness, _) = app_with_recovery(Start::Default, &recovery);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(store::read_recovery(&recovery, None).is_none());
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
    let recovered = store::read_recovery(&recovery, Some(&path))
        .expect("written")
        .unwrap();
    assert_eq!(&recovered.journal, harness.state().journal());
    assert_eq!(
        store::load(&path).unwrap(),
        common::small_journal(),
        "the journal itself is untouched"
    );
    save(&mut harness);
    assert!(store::read_recovery(&recovery, Some(&path)).is_none());
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
    fs::write(&path, "(format_version: 1, title: \"edited by hand\")").unwrap();
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
    let recovered = store::read_recovery(&recovery, Some(&path))
        .expect("written")
        .unwrap();
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
