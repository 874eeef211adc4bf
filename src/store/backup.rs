//! The previous versions of a journal, kept beside it.
//!
//! `NAME.bak` is always the version before the last save; once it is older
//! than [`ROTATE_AFTER`] it moves down to `NAME.bak.1` (and `.bak.1` to
//! `.bak.2`, ...), so a few older versions, at least that far apart, are
//! kept too; at most [`KEPT_BACKUPS`] in all.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::error::SaveError;
use super::replace::{io_error, rename, temp_path, with_suffix};

/// How many versions of a journal are kept beside it (`.bak`, `.bak.1`, ...).
pub const KEPT_BACKUPS: usize = 5;

/// A backup older than this is kept as an older version instead of being
/// replaced by the next save.
pub const ROTATE_AFTER: Duration = Duration::from_secs(10 * 60);

/// A kept version of a journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub modified: SystemTime,
}

/// Where the previous version of `path` is kept: `NAME.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// `NAME.bak` for 0, `NAME.bak.N` for N.
fn nth_backup(path: &Path, n: usize) -> PathBuf {
    match n {
        0 => backup_path(path),
        n => with_suffix(path, &format!(".bak.{n}")),
    }
}

/// The kept versions of the journal at `path`, newest first.
pub fn backups(path: &Path) -> Vec<Backup> {
    let path = super::replace::resolve_target(path);
    (0..KEPT_BACKUPS)
        .filter_map(|n| {
            let backup = nth_backup(&path, n);
            let modified = fs::metadata(&backup).ok()?.modified().ok()?;
            Some(Backup {
                path: backup,
                modified,
            })
        })
        .collect()
}

/// Move `.bak` down the line of older versions if it is old enough.
fn rotate_backups(path: &Path) {
    let newest = backup_path(path);
    let old_enough = fs::metadata(&newest)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age >= ROTATE_AFTER);
    if !old_enough {
        return;
    }
    // Failing to keep an older version must not stop the save itself.
    let _ = fs::remove_file(nth_backup(path, KEPT_BACKUPS - 1));
    for n in (0..KEPT_BACKUPS - 1).rev() {
        let _ = fs::rename(nth_backup(path, n), nth_backup(path, n + 1));
    }
}

/// Puts `file` (a synced folder's conflict copy that was merged, or the
/// work before a merge) at the head of the journal's backups as `NAME.bak`,
/// moving every older one down a place: it is kept, not deleted, and File →
/// Restore Backup lists it.
pub fn push_backup(journal: &Path, file: &Path) -> Result<PathBuf, SaveError> {
    let journal = super::replace::resolve_target(journal);
    let _ = fs::remove_file(nth_backup(&journal, KEPT_BACKUPS - 1));
    for n in (0..KEPT_BACKUPS - 1).rev() {
        let _ = fs::rename(nth_backup(&journal, n), nth_backup(&journal, n + 1));
    }
    let backup = backup_path(&journal);
    rename(file, &backup)?;
    Ok(backup)
}

/// Makes `NAME.bak` hold the current file, replacing the older backup only
/// once the new one is complete.
pub(super) fn keep_backup(path: &Path) -> Result<(), SaveError> {
    rotate_backups(path);
    let backup = backup_path(path);
    let staging = temp_path(&backup);
    let staged = match fs::hard_link(path, &staging) {
        Ok(()) => Ok(()),
        // Some file systems (FAT, some network shares) have no hard links.
        Err(_) => copy_synced(path, &staging),
    };
    let result = staged
        .map_err(|source| io_error(&backup, "keep a backup", source))
        .and_then(|()| rename(&staging, &backup));
    if result.is_err() {
        let _ = fs::remove_file(&staging);
    }
    result
}

fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::copy(from, to)?;
    File::open(to)?.sync_all()
}
