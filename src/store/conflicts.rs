//! The copies sync tools leave beside a journal when two machines wrote it
//! at once, and git's conflict markers inside one.
//!
//! - Syncthing: `j.sync-conflict-20261126-081500-ABCDEF7.studylog.ron`
//! - Dropbox: `j (conflicted copy).studylog.ron`,
//!   `j (Yoshi's conflicted copy 2026-11-26).studylog.ron`
//! - Nextcloud / ownCloud: `j (conflicted copy 2026-11-26 081500).studylog.ron`,
//!   `j_conflict-20261126-081500.studylog.ron`
//!
//! A file git left with `<<<<<<<` / `=======` / `>>>>>>>` lines reads as the
//! two versions between them (and the common one, in diff3 style), so they
//! can be merged by meaning.

use std::fs;
use std::path::{Path, PathBuf};

use super::EXTENSION;

/// The conflict copies of the journal at `path` in its folder, by name.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let Some(folder) = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    }) else {
        return Vec::new();
    };
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| is_conflict_copy_of(&name, &n.to_string_lossy()))
        })
        .collect();
    copies.sort();
    copies
}

/// Whether `candidate` is a sync tool's conflict copy of the file named `name`.
pub fn is_conflict_copy_of(name: &str, candidate: &str) -> bool {
    let suffix = format!(".{EXTENSION}");
    let (Some(stem), Some(other)) = (name.strip_suffix(&suffix), candidate.strip_suffix(&suffix))
    else {
        return false;
    };
    let Some(rest) = other.strip_prefix(stem) else {
        return false;
    };
    let rest_lower = rest.to_lowercase();
    // Syncthing, then Nextcloud/ownCloud's newer form.
    if let Some(tail) = rest
        .strip_prefix(".sync-conflict-")
        .or_else(|| rest.strip_prefix("_conflict-"))
    {
        return tail.starts_with(|c: char| c.is_ascii_digit());
    }
    // Dropbox and Nextcloud: " (… conflicted copy …)".
    rest_lower.starts_with(" (")
        && rest_lower.ends_with(')')
        && rest_lower.contains("conflicted copy")
}

/// The two versions (and the common one, if git wrote it) of a file with
/// git's conflict markers; None if the text has none.
pub fn git_conflict_sides(text: &str) -> Option<(Option<String>, String, String)> {
    if !text.lines().any(|l| l.starts_with("<<<<<<< ")) {
        return None;
    }
    let (mut base, mut ours, mut theirs) = (Vec::new(), Vec::new(), Vec::new());
    let mut saw_base = false;
    let mut side = 0; // 0 both, 1 ours, 2 base, 3 theirs
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare.starts_with("<<<<<<<") {
            side = 1;
        } else if bare.starts_with("|||||||") && side == 1 {
            side = 2;
            saw_base = true;
        } else if bare == "=======" && side != 0 {
            side = 3;
        } else if bare.starts_with(">>>>>>>") && side == 3 {
            side = 0;
        } else {
            match side {
                0 => {
                    base.push(line);
                    ours.push(line);
                    theirs.push(line);
                }
                1 => ours.push(line),
                2 => base.push(line),
                _ => theirs.push(line),
            }
        }
    }
    let base = saw_base.then(|| base.concat());
    Some((base, ours.concat(), theirs.concat()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sync_tools_naming_is_recognised() {
        let name = "j.studylog.ron";
        for copy in [
            "j.sync-conflict-20261126-081500-ABCDEF7.studylog.ron",
            "j (conflicted copy).studylog.ron",
            "j (Yoshi's conflicted copy 2026-11-26).studylog.ron",
            "j (conflicted copy 2026-11-26 081500).studylog.ron",
            "j (Conflicted Copy).studylog.ron",
            "j_conflict-20261126-081500.studylog.ron",
        ] {
            assert!(is_conflict_copy_of(name, copy), "{copy}");
        }
        for other in [
            "j.studylog.ron",
            "j.studylog.ron.bak",
            "jj (conflicted copy).studylog.ron",
            "j (copy).studylog.ron",
            "j.sync-conflict-notes.md",
            "k.sync-conflict-20261126-081500-ABCDEF7.studylog.ron",
        ] {
            assert!(!is_conflict_copy_of(name, other), "{other}");
        }
    }

    #[test]
    fn copies_are_found_beside_the_journal() {
        let folder = tempfile::tempdir().unwrap();
        let journal = folder.path().join("学習.studylog.ron");
        for name in [
            "学習.studylog.ron",
            "学習.sync-conflict-20261126-081500-ABC.studylog.ron",
            "学習 (conflicted copy).studylog.ron",
            "other.studylog.ron",
        ] {
            fs::write(folder.path().join(name), "x").unwrap();
        }
        let found: Vec<String> = conflict_copies(&journal)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            found,
            [
                "学習 (conflicted copy).studylog.ron",
                "学習.sync-conflict-20261126-081500-ABC.studylog.ron"
            ]
        );
    }

    #[test]
    fn git_markers_give_both_sides_and_the_common_version() {
        let text =
            "head\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> other\ntail\n";
        let (base, ours, theirs) = git_conflict_sides(text).unwrap();
        assert_eq!(base.as_deref(), Some("head\nold\ntail\n"));
        assert_eq!(ours, "head\nours\ntail\n");
        assert_eq!(theirs, "head\ntheirs\ntail\n");
        assert_eq!(git_conflict_sides("no markers"), None);
    }
}
