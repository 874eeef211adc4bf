//! The copies sync tools leave beside a journal when two machines wrote it
//! at once, and git's conflict markers inside one.
//!
//! Each tool puts its tag before the file's last extension, so a copy of
//! `j.studylog.ron` is `j.studylog<TAG>.ron` (some older versions put it
//! before `.studylog.ron`; both are recognised):
//! - Syncthing (`conflictName` in lib/model/folder_sendrecv.go):
//!   `j.studylog.sync-conflict-20261126-081500-ABCDEF7.ron`
//! - Nextcloud and ownCloud (`Utility::makeConflictFileName`):
//!   `j.studylog (conflicted copy 2026-11-26 081500).ron`, with the user
//!   before the date when the server gives one; older ownCloud
//!   `j.studylog_conflict-20261126-081500.ron`
//! - Dropbox: `j.studylog (Yoshi's conflicted copy 2026-11-26).ron`, and
//!   `(Case Conflict)`, `(Selective Sync Conflict)`
//! - OneDrive: the computer's name appended, `j.studylog-DESKTOP-AB12CD.ron`
//! - Google Drive for desktop: `… (conflicted copy …)` as above
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
    let Some(stem) = name.strip_suffix(&suffix) else {
        return false;
    };
    // The tag before `.ron` (each tool's own way), or before `.studylog.ron`.
    let tags = [
        candidate
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_prefix(".studylog"))
            .and_then(|rest| rest.strip_suffix(".ron")),
        candidate
            .strip_prefix(stem)
            .and_then(|rest| rest.strip_suffix(&suffix)),
    ];
    tags.into_iter().flatten().any(is_conflict_tag)
}

/// A sync tool's conflict tag (what it puts between a file's name and its
/// extension).
fn is_conflict_tag(tag: &str) -> bool {
    let digits_after = |prefix: &str| {
        tag.strip_prefix(prefix)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()))
    };
    if digits_after(".sync-conflict-") || digits_after("_conflict-") {
        return true;
    }
    let lower = tag.to_lowercase();
    let in_brackets = lower.starts_with(" (") && lower.ends_with(')');
    if in_brackets
        && (lower.contains("conflicted copy")
            || lower == " (case conflict)"
            || lower == " (selective sync conflict)")
    {
        return true;
    }
    // OneDrive: `-COMPUTERNAME` (NetBIOS names: capitals, digits, hyphens).
    tag.strip_prefix('-').is_some_and(|computer| {
        (2..=31).contains(&computer.len())
            && computer.bytes().any(|b| b.is_ascii_uppercase())
            && computer
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-')
    })
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
            // As the tools name them: the tag before the last extension.
            "j.studylog.sync-conflict-20261126-081500-ABCDEF7.ron",
            "j.studylog (conflicted copy 2026-11-26 081500).ron",
            "j.studylog (conflicted copy yoshi 2026-11-26 081500).ron",
            "j.studylog_conflict-20261126-081500.ron",
            "j.studylog (Yoshi's conflicted copy 2026-11-26).ron",
            "j.studylog (Case Conflict).ron",
            "j.studylog-DESKTOP-AB12CD.ron",
            "j.studylog-LAPTOP-7Q2.ron",
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
            "k.studylog.sync-conflict-20261126-081500-ABCDEF7.ron",
            "j.studylog-old.ron",
            "j-2025.studylog.ron",
            "j.studylog.ron.agreed",
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
