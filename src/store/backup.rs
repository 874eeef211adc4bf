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
use super::paths::{io_error, rename, temp_path, with_suffix};

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

impl Backup {
    /// What the kept version looked like when it was the journal (a backup
    /// is the journal's file itself, linked, so its time is the save's).
    pub fn stamp(&self) -> super::stamp::FileStamp {
        super::stamp::FileStamp {
            modified: self.modified,
            len: fs::metadata(&self.path).map_or(0, |m| m.len()),
        }
    }
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
    let path = super::paths::resolve_target(path);
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
    let journal = super::paths::resolve_target(journal);
    let _ = fs::remove_file(nth_backup(&journal, KEPT_BACKUPS - 1));
    for n in (0..KEPT_BACKUPS - 1).rev() {
        let _ = fs::rename(nth_backup(&journal, n), nth_backup(&journal, n + 1));
    }
    let backup = backup_path(&journal);
    rename(file, &backup)?;
    Ok(backup)
}

/// The file as it is before a save, staged beside its backups: it becomes
/// `NAME.bak` once the new version is in place, or goes if the save fails.
pub(super) struct StagedBackup {
    path: PathBuf,
    staging: PathBuf,
}

/// Stages the current file at `path` to become its backup.
pub(super) fn stage_backup(path: &Path) -> Result<StagedBackup, SaveError> {
    let backup = backup_path(path);
    // Something in the backup's place that a file cannot replace (a
    // folder) would lose the old version: the save does not go ahead.
    if fs::symlink_metadata(&backup).is_ok_and(|m| m.is_dir()) {
        let source = io::Error::new(io::ErrorKind::IsADirectory, "a folder is in its place");
        return Err(io_error(&backup, "keep a backup", source));
    }
    let staging = temp_path(&backup);
    let staged = match fs::hard_link(path, &staging) {
        Ok(()) => Ok(()),
        // Some file systems (FAT, some network shares) have no hard links.
        Err(_) => copy_synced(path, &staging),
    };
    staged.map_err(|source| {
        let _ = fs::remove_file(&staging);
        io_error(&backup, "keep a backup", source)
    })?;
    Ok(StagedBackup {
        path: path.to_owned(),
        staging,
    })
}

impl StagedBackup {
    /// The save went through: the staged version becomes `NAME.bak` (older
    /// ones move down when old enough), unless `NAME.bak` holds the same
    /// bytes already (backups keep versions that differ).
    pub(super) fn keep(&self) {
        let backup = backup_path(&self.path);
        if same_file_bytes(&self.staging, &backup) {
            let _ = fs::remove_file(&self.staging);
            return;
        }
        rotate_backups(&self.path);
        if rename(&self.staging, &backup).is_err() {
            let _ = fs::remove_file(&self.staging);
        }
    }

    /// The save failed: the backups stay as they were.
    pub(super) fn discard(&self) {
        let _ = fs::remove_file(&self.staging);
    }
}

/// Whether two files hold the same bytes.
fn same_file_bytes(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    ma.len() == mb.len() && matches!((fs::read(a), fs::read(b)), (Ok(x), Ok(y)) if x == y)
}

fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::copy(from, to)?;
    File::open(to)?.sync_all()
}
