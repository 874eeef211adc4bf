//! Crash work is offered whenever its journal is opened, by any route and any
//! spelling of its path; a recovery file is removed only once its work is
//! saved or the user discards that file; another running window's files are
//! never touched; a change that lands while a save waits for the writer lock
//! is caught under the lock.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::Journal;
use studylog::store::{self, Recovered, RecoverySpace};
use studylog::ui::app::Prompt;
use studylog::ui::{Start, StudylogApp};

use common::harness::{app_with_recovery, date, press};

fn journal_file(dir: &Path) -> PathBuf {
    let path = dir.join("study.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    path
}

/// The small journal with 感想 replaced by `text`.
fn with_impressions(text: &str) -> Journal {
    let mut journal = common::small_journal();
    common::set_impressions(journal.days.get_mut(&date()).unwrap(), text);
    journal
}

/// Work left by a session that ended without saving, written `minutes_ago`.
fn left_by_a_crash(recovery: &Path, journal_path: &Path, text: &str, minutes_ago: i64) -> PathBuf {
    let session = RecoverySpace::claim(recovery).unwrap();
    let file = session.file_for(Some(journal_path));
    let recovered = Recovered {
        journal_path: Some(store::canonical(journal_path)),
        file_id: store::file_id(journal_path),
        written_at: chrono::Local::now().naive_local() - chrono::Duration::minutes(minutes_ago),
        read: None,
        journal: with_impressions(text),
    };
    store::write_recovery(&file, &recovered).unwrap();
    drop(session);
    file
}

fn recovery_files(recovery: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(recovery) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
        .collect()
}

fn offered_text(harness: &Harness<'_, StudylogApp>) -> Option<String> {
    match harness.state().prompt() {
        Some(Prompt::Restore(left)) => {
            let day = &left.recovered.journal.days[&date()];
            Some(common::impressions(day).to_owned())
        }
        _ => None,
    }
}

fn add_next_item(harness: &mut Harness<'_, StudylogApp>) {
    harness.get_by_label("次やること: add").click();
    harness.run();
}

#[test]
fn crash_work_is_offered_when_the_journal_is_opened_later_under_another_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    left_by_a_crash(&recovery, &path, "書きかけ", 1);
    // The app starts on something else (the sample), then File → Open.
    let (mut harness, dialogs) = app_with_recovery(Start::Default, &recovery);
    assert_eq!(offered_text(&harness), None, "the sample has no crash work");
    dialogs.answer(Some(dir.path().join(".").join("study.studylog.ron")));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    common::harness::finish_errands(&mut harness);
    assert_eq!(offered_text(&harness).as_deref(), Some("書きかけ"));
}

#[test]
fn discard_removes_only_that_file_and_restored_work_stays_until_saved() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let older = left_by_a_crash(&recovery, &path, "古いほう", 20);
    let newer = left_by_a_crash(&recovery, &path, "新しいほう", 10);
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    assert_eq!(offered_text(&harness).as_deref(), Some("新しいほう"));
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!newer.exists(), "the discarded file goes");
    assert!(older.exists(), "the other crash's file stays");
    assert_eq!(
        offered_text(&harness).as_deref(),
        Some("古いほう"),
        "and is offered next"
    );
    harness.get_by_label("Restore").click();
    harness.run();
    assert!(older.exists(), "restored, not yet saved: kept");
    // Quit without saving: the restored work is still in its file.
    press(&mut harness, Modifiers::COMMAND, Key::Q);
    harness.get_by_label("Don't Save").click();
    harness.run();
    assert!(older.exists(), "Don't Save is not Discard for that file");
}

#[test]
fn a_failed_reload_keeps_the_work_and_its_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    harness.run();
    harness.state_mut().finish_autosave();
    assert_eq!(recovery_files(&recovery).len(), 1);
    // Another program leaves a broken file behind.
    fs::write(&path, "(format_version: 2, title: ").unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("Reload (drop my changes)").click();
    harness.run();
    common::harness::finish_errands(&mut harness);
    assert!(harness.state().is_dirty(), "the work is still open");
    assert_eq!(
        recovery_files(&recovery).len(),
        1,
        "and still written aside"
    );
    let messages = harness.state().messages().to_vec();
    assert!(
        messages.iter().any(|m| m.text.contains(":1:")),
        "{messages:?}"
    );
}

#[test]
fn another_windows_work_is_never_offered_or_touched_while_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut first, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut first);
    first.run();
    first.state_mut().finish_autosave();
    let first_file = recovery_files(&recovery);
    assert_eq!(first_file.len(), 1);

    let (mut second, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    assert!(
        second.state().prompt().is_none(),
        "the first window still runs"
    );
    add_next_item(&mut second);
    press(&mut second, Modifiers::COMMAND, Key::S);
    second.state_mut().finish_saving();
    second.run();
    assert!(!second.state().is_dirty());
    assert!(
        first_file[0].exists(),
        "the first window's file is untouched"
    );

    // The first window goes away without saving: now its work is offered.
    drop(first);
    let (third, _) = app_with_recovery(Start::Open(path), &recovery);
    assert!(matches!(third.state().prompt(), Some(Prompt::Restore(_))));
}

#[test]
fn a_change_that_lands_while_a_save_waits_for_the_lock_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    add_next_item(&mut harness);
    // Another writer holds the lock; the window's save waits behind it.
    let other = store::lock(&path).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    // It writes its version, then lets go.
    let theirs = with_impressions("もう一台で書いた");
    store::save_locked(&other, &path, &theirs).unwrap();
    drop(other);
    harness.state_mut().finish_saving();
    harness.run();
    assert!(
        matches!(
            harness.state().prompt(),
            Some(Prompt::ExternalChange { .. })
        ),
        "{:?}",
        harness.state().prompt()
    );
    assert_eq!(
        store::load(&path).unwrap(),
        theirs,
        "theirs is not overwritten"
    );
}

/// A window crashes with unsaved work; meanwhile another writer (an import,
/// another window) saves the journal. Restore merges the two, from the
/// version the crashed window had read (still among the backups): nothing
/// either wrote is dropped.
#[test]
fn restore_merges_with_a_save_that_landed_during_the_crashed_session() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = journal_file(dir.path());
    // The crashed window: it read the journal and typed into 感想.
    let read = store::stamp(&path);
    {
        let session = RecoverySpace::claim(&recovery).unwrap();
        let file = session.file_for(Some(&path));
        let recovered = Recovered {
            journal_path: Some(store::canonical(&path)),
            file_id: store::file_id(&path),
            written_at: chrono::Local::now().naive_local(),
            read,
            journal: with_impressions("難しかった。クラッシュ前に書いた"),
        };
        store::write_recovery(&file, &recovered).unwrap();
    }
    // Another writer saved a new day in the meantime.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut elsewhere = common::small_journal();
    let later: chrono::NaiveDate = "2025-03-11".parse().unwrap();
    elsewhere.days.insert(
        later,
        studylog::model::Day::from_template(&elsewhere.template),
    );
    common::set_impressions(
        elsewhere.days.get_mut(&later).unwrap(),
        "別の窓で保存した日",
    );
    store::save(&path, &elsewhere).unwrap();

    let (mut harness, _) = app_with_recovery(Start::Open(path.clone()), &recovery);
    assert!(offered_text(&harness).is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    let journal = harness.state().journal();
    assert_eq!(
        common::impressions(&journal.days[&date()]),
        "難しかった。クラッシュ前に書いた",
        "the crashed window's work"
    );
    assert_eq!(
        common::impressions(&journal.days[&later]),
        "別の窓で保存した日",
        "the other writer's save"
    );
    harness.get_by_label_contains("merged with the version saved since");
}
