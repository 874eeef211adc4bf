use super::*;

const PLAIN: Replace = Replace {
    backup: true,
    private: false,
};

#[test]
fn a_file_too_large_to_open_again_is_not_written() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    fs::write(&path, "old").unwrap();
    let error = replace_within(&path, b"0123456789", PLAIN, 9).unwrap_err();
    assert!(matches!(
        error,
        SaveError::TooLarge {
            size: 10,
            limit: 9,
            ..
        }
    ));
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
}

#[test]
fn temp_files_of_a_killed_save_or_backup_step_are_removed() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    fs::write(&path, "old").unwrap();
    // Left by a killed save and a killed backup step (no one holds them).
    let stale = [
        folder.path().join(".j.studylog.ron.4242-0.tmp"),
        folder.path().join(".j.studylog.ron.bak.4242-1.tmp"),
    ];
    for file in &stale {
        fs::write(file, "half").unwrap();
    }
    // One still being written by a live writer: locked.
    let live = folder.path().join(".j.studylog.ron.4343-0.tmp");
    let held = File::create(&live).unwrap();
    held.try_lock().unwrap();
    replace_file(&path, b"new", PLAIN).unwrap();
    assert!(stale.iter().all(|f| !f.exists()));
    assert!(live.exists(), "a running writer's temp file stays");
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
}

#[cfg(unix)]
#[test]
fn the_temp_file_is_as_private_as_the_journal_before_a_byte_is_written() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let journal = folder.path().join("j.studylog.ron");
    fs::write(&journal, "old").unwrap();
    fs::set_permissions(&journal, fs::Permissions::from_mode(0o600)).unwrap();
    let meta = fs::metadata(&journal).unwrap();
    let temp = folder.path().join(".j.studylog.ron.1-0.tmp");
    let file = create_like(&temp, Some(&meta), false).unwrap();
    assert_eq!(fs::metadata(&temp).unwrap().len(), 0, "nothing written yet");
    assert_eq!(
        fs::metadata(&temp).unwrap().permissions().mode() & 0o777,
        0o600
    );
    drop(file);
    replace_file(&journal, b"new", PLAIN).unwrap();
    let mode = fs::metadata(&journal).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the journal stays private");
    let private = create_like(&folder.path().join("r"), None, true).unwrap();
    let mode = private.metadata().unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "recovery files are private from the start");
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_is_written_through_not_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let link = folder.path().join("j.studylog.ron");
    let target = folder.path().join("real").join("journal.studylog.ron");
    fs::create_dir(folder.path().join("real")).unwrap();
    std::os::unix::fs::symlink("real/journal.studylog.ron", &link).unwrap();
    assert!(!link.exists(), "dangling");
    replace_file(&link, b"new", PLAIN).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&target).unwrap(), "new");
}

#[test]
fn a_new_file_never_replaces_one_that_is_there() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    create_new(&path, b"first").unwrap();
    let error = create_new(&path, b"second").unwrap_err();
    assert!(matches!(error, SaveError::Exists { .. }));
    assert_eq!(fs::read_to_string(&path).unwrap(), "first");
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 1);
}
