//! Private stays private: a journal keeps its mode and owner across saves,
//! and what the system forbids fails cleanly, leaving the journal as it was.
//!
//! Some of this can only be shown as root (giving a file back to its owner)
//! and some only as an ordinary user (root ignores permissions): each test
//! says when it skips. `.ci/run` runs this file again as an unprivileged user.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use studylog::model::{Journal, Language};
use studylog::store;

fn journal(title: &str) -> Journal {
    Journal::new(title, Language::Ja)
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Whether this process runs as root (files it creates belong to uid 0).
fn is_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

#[test]
fn a_private_journal_stays_private_and_so_does_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.studylog.ron");
    store::save(&path, &journal("v1")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    store::save(&path, &journal("v2")).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(
        mode(&store::backup_path(&path)),
        0o600,
        "the backup is the old file"
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    store::save(&path, &journal("v3")).unwrap();
    assert_eq!(mode(&path), 0o640, "whatever mode the user chose is kept");
}

#[test]
fn a_journal_saved_by_root_keeps_its_owner() {
    if !is_root() {
        eprintln!("skipped: only root can save a file that belongs to someone else");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.studylog.ron");
    store::save(&path, &journal("v1")).unwrap();
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    store::save(&path, &journal("v2")).unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
}

#[test]
fn a_folder_that_cannot_be_written_refuses_the_save_and_keeps_the_journal() {
    if is_root() {
        eprintln!("skipped: root writes into read-only folders");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("locked");
    fs::create_dir(&folder).unwrap();
    let path = folder.join("j.studylog.ron");
    store::save(&path, &journal("mine")).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
    let error = store::save(&path, &journal("new")).unwrap_err();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
    assert!(
        error.to_string().contains("The file on disk is unchanged"),
        "{error}"
    );
    assert_eq!(store::load(&path).unwrap().title, "mine");
}

#[test]
fn a_journal_that_cannot_be_read_is_an_error_not_a_crash() {
    if is_root() {
        eprintln!("skipped: root reads unreadable files");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.studylog.ron");
    store::save(&path, &journal("mine")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let error = store::load(&path).unwrap_err();
    assert!(
        error.to_string().contains("cannot read the file"),
        "{error}"
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
}

#[test]
fn a_folder_of_logs_that_cannot_be_read_is_skipped_and_named() {
    if is_root() {
        eprintln!("skipped as root: root reads every folder");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    fs::create_dir_all(logs.join("locked")).unwrap();
    fs::write(logs.join("2024-05-01.md"), "## 感想\n\nよかった\n").unwrap();
    fs::write(logs.join("locked/2024-05-02.md"), "## 感想\n\n読めない\n").unwrap();
    fs::set_permissions(logs.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let found = store::find_logs(&logs).unwrap();
    fs::set_permissions(logs.join("locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(found.files, [logs.join("2024-05-01.md")]);
    assert_eq!(found.skipped.len(), 1, "{:?}", found.skipped);
    assert!(found.skipped[0].contains("locked"), "{:?}", found.skipped);
}

/// A picture added where the journal's pictures folder is read-only ends in
/// a message naming the folder, and nothing is stored.
#[test]
fn a_read_only_pictures_folder_is_a_clear_error() {
    if is_root() {
        return; // root writes anywhere: CI runs this again as a user
    }
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("my-study.studylog.ron");
    let assets = store::pictures_dir(&journal);
    fs::create_dir(&assets).unwrap();
    fs::set_permissions(&assets, fs::Permissions::from_mode(0o555)).unwrap();
    let pixels = [0u8, 0, 0, 255].repeat(4);
    let added = store::add_picture_pixels(&journal, [2, 2], pixels);
    let error = added.expect_err("a read-only folder takes no picture");
    assert!(
        matches!(error, store::PictureError::Write { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("my-study.studylog.assets"),
        "{error}"
    );
    assert!(store::stored_pictures(&journal).is_empty());
}
