//! Broken journal files are reported with the file, line and column, never
//! panic, and are never changed. Failed saves leave the old file as it was.

mod common;

use std::fs;
use std::path::Path;

use studylog::model::FORMAT_VERSION;
use studylog::store::{self, LoadError};

/// Writes `bytes` to a fresh file, loads it, checks the file did not change, returns the error.
fn load_error(bytes: &[u8]) -> LoadError {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.studylog.ron");
    fs::write(&path, bytes).unwrap();
    let error = store::load(&path).expect_err("a broken file must not load");
    assert_eq!(fs::read(&path).unwrap(), bytes, "loading changed the file");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "the message should start with the file name: {message}"
    );
    error
}

fn valid_text() -> String {
    store::to_ron_string(&common::small_journal()).unwrap()
}

#[test]
fn an_empty_file_is_a_syntax_error_at_line_1() {
    let error = load_error(b"");
    assert!(
        matches!(error, LoadError::Syntax { line: 1, .. }),
        "{error}"
    );
}

#[test]
fn a_truncated_file_points_at_where_it_ends() {
    let text = valid_text();
    let middle = (0..=text.len() / 2)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap();
    let cut = &text[..middle];
    let error = load_error(cut.as_bytes());
    let (line, _) = error.position().expect("a syntax error has a position");
    assert!(
        line > 10,
        "the error should be near the cut, not at the top: {error}"
    );
}

#[test]
fn a_wrong_type_names_its_line_and_column() {
    let text = valid_text().replace(
        &format!("format_version: {FORMAT_VERSION}"),
        "format_version: \"one\"",
    );
    let error = load_error(text.as_bytes());
    let line = text.lines().position(|l| l.contains("\"one\"")).unwrap() + 1;
    assert_eq!(error.position().map(|p| p.0), Some(line), "{error}");
    assert!(error.to_string().contains(&format!(":{line}:")), "{error}");
}

#[test]
fn random_bytes_are_refused_without_panic() {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for size in [1usize, 7, 100, 4096, 65536] {
        let bytes: Vec<u8> = (0..size)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let error = load_error(&bytes);
        assert!(
            error.position().is_some(),
            "random text should get a position: {error}"
        );
    }
}

#[test]
fn invalid_utf8_names_the_line_it_is_on() {
    let mut bytes = b"// a journal\n(\n  title: \"".to_vec();
    bytes.extend_from_slice(&[0xE5, 0xAD]); // half of a kanji
    bytes.extend_from_slice(b"\",\n)");
    let error = load_error(&bytes);
    assert!(
        matches!(
            error,
            LoadError::NotUtf8 {
                line: 3,
                column: 11,
                ..
            }
        ),
        "{error}"
    );
}

#[test]
fn a_newer_format_version_asks_for_an_update() {
    let newer = FORMAT_VERSION + 1;
    let text = valid_text().replace(
        &format!("format_version: {FORMAT_VERSION}"),
        &format!("format_version: {newer}"),
    );
    let error = load_error(text.as_bytes());
    assert!(
        matches!(error, LoadError::TooNew { found, .. } if found == newer),
        "{error}"
    );
    assert!(error.to_string().contains("newer studylog"), "{error}");
}

#[test]
fn a_newer_format_with_unknown_shapes_still_asks_for_an_update() {
    let text = format!(
        "(format_version: {}, books: {{\"new\": Shape(1)}}, days: 7)",
        FORMAT_VERSION + 5
    );
    let error = load_error(text.as_bytes());
    assert!(matches!(error, LoadError::TooNew { .. }), "{error}");
}

#[test]
fn version_zero_is_refused() {
    let error = load_error(b"(format_version: 0)");
    assert!(
        matches!(error, LoadError::UnknownVersion { found: 0, .. }),
        "{error}"
    );
}

#[test]
fn a_date_written_twice_is_refused_not_merged() {
    let text = "(format_version: 1, days: {\"2025-03-10\": (impressions: \"a\"), \"2025-03-10\": (impressions: \"b\")})";
    let error = load_error(text.as_bytes());
    assert!(
        error.to_string().contains("2025-03-10 appears twice"),
        "{error}"
    );
}

#[test]
fn a_note_for_a_missing_chapter_names_the_day_and_its_line() {
    let text = valid_text().replace("chapter: 1,", "chapter: 99,");
    let error = load_error(text.as_bytes());
    let line = text
        .lines()
        .position(|l| l.contains("\"2025-03-10\""))
        .unwrap()
        + 1;
    assert_eq!(error.position().map(|p| p.0), Some(line), "{error}");
    assert!(error.to_string().contains("chapter 99"), "{error}");
}

#[test]
fn a_ragged_grid_is_refused() {
    let text = valid_text().replacen("cells: [", "cells: [[],", 1);
    let error = load_error(text.as_bytes());
    assert!(
        error.to_string().contains("レプリケーションの方式"),
        "{error}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let text = format!("(format_version: 1, title: {})", "[".repeat(100_000));
    load_error(text.as_bytes());
}

#[test]
fn a_100_mb_file_is_refused_without_panic() {
    let mut text = String::from("(format_version: 1, title: \"");
    text.push_str(&"学".repeat(100 * 1024 * 1024 / 3));
    let error = load_error(text.as_bytes());
    assert!(
        matches!(error, LoadError::Syntax { .. }),
        "an unterminated string: {error}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("bom.studylog.ron");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(valid_text().as_bytes());
    fs::write(&path, &bytes).unwrap();
    assert_eq!(store::load(&path).unwrap(), common::small_journal());
}

#[test]
fn a_missing_file_is_a_read_error_and_a_folder_is_not_a_journal() {
    let folder = tempfile::tempdir().unwrap();
    let missing = store::load(&folder.path().join("nope.studylog.ron")).unwrap_err();
    assert!(matches!(missing, LoadError::Read { .. }), "{missing}");
    assert!(missing.is_missing());
    let dir = store::load(folder.path()).unwrap_err();
    assert!(matches!(dir, LoadError::NotAFile { .. }), "{dir}");
    assert!(dir.to_string().contains("is not a regular file"), "{dir}");
}

// ---- saving ----

fn saved_file(folder: &Path) -> (std::path::PathBuf, Vec<u8>) {
    let path = folder.join("j.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let bytes = fs::read(&path).unwrap();
    (path, bytes)
}

fn file_names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let folder = tempfile::tempdir().unwrap();
    let (path, old_bytes) = saved_file(folder.path());
    let mut changed = common::small_journal();
    changed.title = "新しい題名".into();
    store::save(&path, &changed).unwrap();
    assert_eq!(store::load(&path).unwrap().title, "新しい題名");
    assert_eq!(fs::read(store::backup_path(&path)).unwrap(), old_bytes);
    assert_eq!(
        file_names(folder.path()),
        ["j.studylog.ron", "j.studylog.ron.bak"],
        "no temp files are left behind"
    );
}

#[test]
fn a_save_that_fails_midway_leaves_the_file_and_folder_as_they_were() {
    let folder = tempfile::tempdir().unwrap();
    let (path, old_bytes) = saved_file(folder.path());
    // A folder where the backup goes makes the save fail after the temp file is written.
    fs::create_dir(store::backup_path(&path)).unwrap();
    let mut changed = common::small_journal();
    changed.title = "保存されないはず".into();
    let error = store::save(&path, &changed).expect_err("the backup cannot be replaced");
    assert!(error.to_string().contains("unchanged"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), old_bytes);
    assert_eq!(
        file_names(folder.path()),
        ["j.studylog.ron", "j.studylog.ron.bak"]
    );
}

#[test]
fn saving_into_a_missing_folder_says_why() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("no-such-folder").join("j.studylog.ron");
    let error = store::save(&path, &common::small_journal()).unwrap_err();
    assert!(
        error.to_string().contains("No such file or directory"),
        "{error}"
    );
}

#[test]
fn saving_over_a_folder_fails_and_keeps_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside.txt"), "keep me").unwrap();
    assert!(store::save(&path, &common::small_journal()).is_err());
    assert_eq!(
        fs::read_to_string(path.join("inside.txt")).unwrap(),
        "keep me"
    );
}

#[cfg(unix)]
#[test]
fn saving_keeps_permissions_and_symlinks() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let folder = tempfile::tempdir().unwrap();
    let (path, _) = saved_file(folder.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let link = folder.path().join("link.studylog.ron");
    symlink(&path, &link).unwrap();
    store::save(&link, &common::small_journal()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_fails_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let (path, old_bytes) = saved_file(folder.path());
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let probe = folder.path().join("probe");
    if fs::write(&probe, "").is_ok() {
        // Running as root: permissions do not stop writes, so there is nothing to test here.
        fs::remove_file(&probe).unwrap();
        fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: the folder stays writable for this user (root)");
        return;
    }
    let error = store::save(&path, &common::small_journal()).unwrap_err();
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
    assert!(error.to_string().contains("Permission denied"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), old_bytes);
}

#[test]
fn creating_a_journal_never_replaces_a_file_already_there() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    let journal = common::small_journal();
    store::save_new(&path, &journal).unwrap();
    assert_eq!(store::load(&path).unwrap(), journal);
    fs::write(&path, "mine").unwrap();
    let error = store::save_new(&path, &journal).expect_err("the name is taken");
    assert!(error.to_string().contains("already exists"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
    let left: Vec<_> = fs::read_dir(folder.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temp file is left behind");
}
