//! The last version of a journal that every device is known to have had:
//! the common version a sync tool's conflict copy (or `studylog merge OURS
//! THEIRS`) merges from, so a line one side deleted stays deleted instead
//! of coming back from the other.
//!
//! It is kept beside the journal as `.NAME.agreed` (a hard link to the file
//! as it was, or a copy), and set only to versions that are an ancestor of
//! whatever either device writes next: the first version studylog opens
//! when there is none yet, and a version another program (a sync tool, the
//! other machine) wrote while studylog watched. Never to one studylog just
//! saved here, which the other device may not have yet. An older agreed
//! version is still a common ancestor, so a stale one is safe.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::{LoadError, SaveError};
use super::paths::{io_error, rename, resolve_target, temp_path};
use crate::model::Journal;

/// Where the agreed version of the journal at `path` is kept.
pub fn agreed_path(path: &Path) -> PathBuf {
    let path = resolve_target(path);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.agreed"))
}

/// Whether the journal at `path` has an agreed version yet.
pub fn has_agreed(path: &Path) -> bool {
    fs::metadata(agreed_path(path)).is_ok_and(|m| m.is_file())
}

/// The journal file as it is now becomes its agreed version.
pub fn keep_agreed(path: &Path) -> Result<(), SaveError> {
    let path = resolve_target(path);
    let agreed = agreed_path(&path);
    let staging = temp_path(&agreed);
    let _ = fs::remove_file(&staging);
    // A hard link is the file as it is (a save replaces the journal's name,
    // not this inode); a copy where links are not possible.
    let linked = fs::hard_link(&path, &staging).or_else(|_| fs::copy(&path, &staging).map(drop));
    linked.map_err(|e| io_error(&agreed, "keep the agreed version", e))?;
    rename(&staging, &agreed).inspect_err(|_| {
        let _ = fs::remove_file(&staging);
    })
}

/// The agreed version of the journal at `path`, if there is one that loads.
pub fn agreed_version(path: &Path) -> Option<Result<Journal, LoadError>> {
    let agreed = agreed_path(path);
    fs::metadata(&agreed).ok()?;
    Some(super::load::load(&agreed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn the_agreed_version_is_the_file_as_it_was_when_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.studylog.ron");
        super::super::save(&path, &Journal::new("v1", Language::Ja)).unwrap();
        assert!(!has_agreed(&path));
        keep_agreed(&path).unwrap();
        super::super::save(&path, &Journal::new("v2", Language::Ja)).unwrap();
        let agreed = agreed_version(&path).unwrap().unwrap();
        assert_eq!(agreed.title, "v1", "a save here does not move it");
        assert_eq!(
            agreed_path(&path),
            dir.path().join(".j.studylog.ron.agreed")
        );
    }
}
