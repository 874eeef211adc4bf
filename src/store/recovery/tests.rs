use super::*;
use crate::model::Language;

fn recovered(journal_path: Option<&Path>, title: &str, when: &str) -> Recovered {
    let mut journal = Journal::new(title, Language::Ja);
    journal.preamble = "途中の \"メモ\"\n2 行目".into();
    Recovered {
        journal_path: journal_path.map(canonical),
        file_id: journal_path.and_then(file_id),
        written_at: when.parse().unwrap(),
        read: None,
        journal,
    }
}

/// A journal file in a fresh folder, and the recovery folder beside it.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let journal = root.path().join("学習.studylog.ron");
    fs::write(&journal, "(format_version: 2)").unwrap();
    let dir = root.path().join("recovery");
    (root, journal, dir)
}

#[test]
fn a_running_sessions_file_is_never_offered_and_a_gone_ones_is() {
    let (_root, journal, dir) = setup();
    let crashed = RecoverySpace::claim(&dir).unwrap();
    let file = crashed.file_for(Some(&journal));
    write_recovery(
        &file,
        &recovered(Some(&journal), "a", "2026-11-26T01:02:03"),
    )
    .unwrap();
    assert!(
        find_left_behind(&dir, Some(&journal)).is_empty(),
        "its session still runs"
    );
    drop(crashed); // the session ends (its lock dies with it)
    let found = find_left_behind(&dir, Some(&journal));
    assert_eq!(found.len(), 1);
    let found = found.into_iter().next().unwrap().unwrap();
    assert_eq!(found.file, file);
    assert_eq!(found.recovered.journal.title, "a");
    assert!(
        find_left_behind(&dir, None).is_empty(),
        "untitled is another journal"
    );
    remove_recovery_file(&found.file);
    assert!(find_left_behind(&dir, Some(&journal)).is_empty());
}

#[test]
fn the_journal_is_found_under_any_spelling_of_its_path() {
    let (root, journal, dir) = setup();
    let space = RecoverySpace::claim(&dir).unwrap();
    let file = space.file_for(Some(&journal));
    write_recovery(
        &file,
        &recovered(Some(&journal), "a", "2026-11-26T01:02:03"),
    )
    .unwrap();
    drop(space);
    let dotted = root.path().join(".").join("学習.studylog.ron");
    assert_eq!(find_left_behind(&dir, Some(&dotted)).len(), 1, "{dotted:?}");
    #[cfg(unix)]
    {
        let link = root.path().join("link.studylog.ron");
        std::os::unix::fs::symlink(&journal, &link).unwrap();
        assert_eq!(
            find_left_behind(&dir, Some(&link)).len(),
            1,
            "through a symlink"
        );
        let hard = root.path().join("other-name.studylog.ron");
        fs::hard_link(&journal, &hard).unwrap();
        assert_eq!(
            find_left_behind(&dir, Some(&hard)).len(),
            1,
            "the same file by device and inode"
        );
    }
}

#[test]
fn files_of_an_older_studylog_are_still_found_by_the_path_they_name() {
    let (_root, journal, dir) = setup();
    fs::create_dir_all(&dir).unwrap();
    // Named with the old per-process scheme and a hash that is not ours.
    let old = dir.join("学習-00000000deadbeef.4242.recovery.ron");
    let text = format!(
        "(journal_path: Some(\"{}\"), written_at: \"2026-11-26T01:02:03\", journal: (format_version: 1, title: \"古い\", days: {{\"2025-03-10\": (impressions: \"書きかけ\")}}))",
        canonical(&journal).display()
    );
    fs::write(&old, text).unwrap();
    let found = find_left_behind(&dir, Some(&journal));
    assert_eq!(found.len(), 1);
    let found = found.into_iter().next().unwrap().unwrap();
    assert_eq!(found.recovered.journal.title, "古い");
    let day = found.recovered.journal.days.values().next().unwrap();
    assert!(
        !day.is_empty(),
        "the version-1 journal inside was converted"
    );
}

#[test]
fn a_broken_recovery_file_is_reported_and_kept() {
    let (_root, _journal, dir) = setup();
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("untitled.999999999-1.recovery.ron");
    fs::write(&path, "(journal_path: None, written_at: ").unwrap();
    let found = find_left_behind(&dir, None);
    assert!(matches!(found.as_slice(), [Err(LoadError::Syntax { .. })]));
    assert!(path.exists());
}

#[test]
fn names_are_the_same_in_every_release() {
    // The name of a journal's recovery files cannot change under the user
    // between versions: a fixed path gives a fixed stem.
    let stem = stem(Some(Path::new("/nowhere/j.studylog.ron")));
    assert_eq!(
        stem,
        format!("j-{:016x}", fnv1a(b"/nowhere/j.studylog.ron"))
    );
}

#[cfg(unix)]
#[test]
fn recovery_files_and_their_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_root, journal, dir) = setup();
    let space = RecoverySpace::claim(&dir).unwrap();
    let file = space.file_for(Some(&journal));
    write_recovery(
        &file,
        &recovered(Some(&journal), "a", "2026-11-26T01:02:03"),
    )
    .unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&file), 0o600);
}

#[test]
fn owner_files_of_ended_sessions_are_cleared_and_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let live = RecoverySpace::claim(dir.path()).unwrap();
    let ended = dir.path().join("1234-abcd.owner");
    fs::write(&ended, "").unwrap();
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for file in [&ended, &live.owner_file] {
        fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(an_hour_ago)
            .unwrap();
    }
    let next = RecoverySpace::claim(dir.path()).unwrap();
    assert!(!ended.exists(), "an ended session's owner file goes");
    assert!(live.owner_file.exists(), "a live one stays");
    assert!(next.owner_file.exists());
}
