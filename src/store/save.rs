//! Saving a journal atomically, keeping the previous version as a backup.
//!
//! The order of steps is what makes a crash harmless: the new text goes to a
//! temp file in the same folder and is fsynced; the old file is linked (or
//! copied) to the backup; only then does a rename swap the new file in. At
//! every moment the journal's path holds either the old or the new journal.
//!
//! Backups roll: `NAME.bak` is always the version before the last save, and
//! once it is older than [`ROTATE_AFTER`] it moves down to `NAME.bak.1` (and
//! `.bak.1` to `.bak.2`, ...), so a few older versions, at least that far
//! apart, are kept too; at most [`KEPT_BACKUPS`] in all.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime};

use super::error::SaveError;
use super::format::to_ron_string;
use crate::model::Journal;

/// Writes `journal` to `path` atomically. On error the file at `path` is unchanged.
pub fn save(path: &Path, journal: &Journal) -> Result<(), SaveError> {
    let text = to_ron_string(journal)?;
    write_atomically(path, text.as_bytes())
}

/// Writes `journal` to `path` only if nothing is there yet: the check and
/// the creation are one step (a file created by someone else in between is
/// never overwritten). On error nothing is left at `path`.
pub fn save_new(path: &Path, journal: &Journal) -> Result<(), SaveError> {
    let text = to_ron_string(journal)?;
    let temp = temp_path(path);
    let result = write_temp(&temp, text.as_bytes(), None).and_then(|()| {
        // A hard link fails if the name is taken, so it claims it atomically.
        match fs::hard_link(&temp, path) {
            Ok(()) => sync_folder(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(SaveError::Exists {
                path: path.to_owned(),
            }),
            // No hard links here (FAT, some shares): create-new is atomic too.
            Err(_) => create_new_with(path, text.as_bytes()),
        }
    });
    let _ = fs::remove_file(&temp);
    result
}

/// Create `path` holding `bytes`, failing if it exists (`write_temp` opens
/// with create-new, which is atomic).
fn create_new_with(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_temp(path, bytes, None).map_err(|error| match error {
        SaveError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists => {
            SaveError::Exists {
                path: path.to_owned(),
            }
        }
        other => other,
    })
}

/// Writes any text file (an exported log) with the same atomic steps and backup as a journal.
pub fn write_text_file(path: &Path, text: &str) -> Result<(), SaveError> {
    write_atomically(path, text.as_bytes())
}

/// How many versions of a journal are kept beside it (`.bak`, `.bak.1`, ...).
pub const KEPT_BACKUPS: usize = 5;

/// A backup older than this is kept as an older version instead of being
/// replaced by the next save.
pub const ROTATE_AFTER: Duration = Duration::from_secs(10 * 60);

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

/// A kept version of a journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    pub modified: SystemTime,
}

/// The kept versions of the journal at `path`, newest first.
pub fn backups(path: &Path) -> Vec<Backup> {
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
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

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    // Saving through a symlink replaces the file it points to, not the link.
    let path = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let existing = fs::metadata(&path).ok().filter(|m| m.is_file());
    remove_stale_temps(&path);
    let temp = temp_path(&path);
    let result = write_temp(&temp, bytes, existing.as_ref())
        .and_then(|()| {
            if existing.is_some() {
                keep_backup(&path)?;
            }
            Ok(())
        })
        .and_then(|()| rename(&temp, &path))
        .and_then(|()| sync_folder(&path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_temp(temp: &Path, bytes: &[u8], existing: Option<&fs::Metadata>) -> Result<(), SaveError> {
    let fail = |action| move |source| io_error(temp, action, source);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)
        .map_err(fail("create a temporary file"))?;
    file.write_all(bytes).map_err(fail("write"))?;
    if let Some(meta) = existing {
        // Keep the journal's permissions (e.g. private 0600) across saves.
        file.set_permissions(meta.permissions())
            .map_err(fail("set permissions"))?;
    }
    file.sync_all().map_err(fail("flush to disk"))
}

/// Makes `NAME.bak` hold the current file, replacing the older backup only once
/// the new one is complete.
fn keep_backup(path: &Path) -> Result<(), SaveError> {
    rotate_backups(path);
    let backup = backup_path(path);
    let staging = temp_path(&backup);
    let linked = fs::hard_link(path, &staging);
    let staged = match linked {
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

fn rename(from: &Path, to: &Path) -> Result<(), SaveError> {
    fs::rename(from, to).map_err(|source| io_error(to, "replace the file", source))
}

/// Makes the rename itself durable (on Unix a folder is synced like a file).
fn sync_folder(path: &Path) -> Result<(), SaveError> {
    #[cfg(unix)]
    {
        let folder = parent_folder(path);
        File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(|source| io_error(folder, "flush the folder to disk", source))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A hidden, unique name in the same folder, so the final rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp_name = format!(".{name}.{}-{n}.tmp", std::process::id());
    parent_folder(path).join(temp_name)
}

/// Temp files left by a save that was killed (power cut, SIGKILL) are removed
/// by the next save: those of processes no longer running, or an hour old
/// where that cannot be told.
fn remove_stale_temps(path: &Path) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(parent_folder(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid, &entry) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

fn process_alive(pid: u32, entry: &fs::DirEntry) -> bool {
    if let Some(running) = super::process::running(pid) {
        return running;
    }
    let age = entry
        .metadata()
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok());
    age.is_none_or(|age| age < Duration::from_secs(3600))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

fn io_error(path: &Path, action: &'static str, source: io::Error) -> SaveError {
    SaveError::Io {
        path: path.to_owned(),
        action,
        source,
    }
}
