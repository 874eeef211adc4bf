//! Replacing a file so that a crash can never leave half of it.
//!
//! The new text goes to a temp file in the same folder, created with the old
//! file's permissions and owner before a byte is written (a private journal
//! is never readable by others, not even while it is saved) and locked while
//! it is written; it is fsynced; the old file is kept as a backup; a rename
//! swaps the new file in; the folder is fsynced. At every moment the path
//! holds either the old or the new text. Temp files left by a writer that was
//! killed are recognised by their lock being free, and removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::error::SaveError;
use super::load::MAX_FILE_BYTES;
use super::paths::{io_error, parent_folder, rename, resolve_target, temp_path};
use super::stamp::{FileStamp, stamp};

/// How a file is replaced.
#[derive(Clone, Copy, Debug)]
pub(super) struct Replace {
    /// Keep the old version as `NAME.bak` (see `backup`).
    pub backup: bool,
    /// A new file is readable by its owner only (recovery files).
    pub private: bool,
}

/// Replace the file at `path` (through symlinks) with `bytes`; the stamp of
/// the new file. On error the file at `path` is unchanged.
pub(super) fn replace_file(
    path: &Path,
    bytes: &[u8],
    how: Replace,
) -> Result<FileStamp, SaveError> {
    replace_within(path, bytes, how, MAX_FILE_BYTES)
}

/// [`replace_file`], refusing more than `limit` bytes: a journal too large
/// for studylog to open again is never written.
fn replace_within(
    path: &Path,
    bytes: &[u8],
    how: Replace,
    limit: u64,
) -> Result<FileStamp, SaveError> {
    if bytes.len() as u64 > limit {
        return Err(SaveError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit,
        });
    }
    let path = resolve_target(path);
    let existing = fs::metadata(&path).ok();
    if let Some(meta) = &existing {
        refuse_to_replace(&path, meta)?;
        if same_bytes(&path, meta, bytes) {
            // Nothing changed: nothing is written, no backup turns over.
            return stamp(&path)
                .ok_or_else(|| io_error(&path, "read back", io::ErrorKind::NotFound.into()));
        }
    }
    remove_stale_temps(&path);
    let temp = temp_path(&path);
    let backup = existing.is_some() && how.backup;
    let result = write_temp(&temp, bytes, existing.as_ref(), how.private).and_then(|file| {
        // The old version is staged first and becomes the backup only once
        // the new one is in place: a failed save leaves the backups alone.
        let staged = backup
            .then(|| super::backup::stage_backup(&path))
            .transpose()?;
        if let Err(e) = rename(&temp, &path) {
            staged.iter().for_each(|s| s.discard());
            return Err(e);
        }
        staged.into_iter().for_each(|s| s.keep());
        sync_folder(&path)?;
        drop(file);
        Ok(())
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result?;
    stamp(&path).ok_or_else(|| io_error(&path, "read back", io::ErrorKind::NotFound.into()))
}

/// A file that must not be replaced: something that is not a regular file
/// (a device, a pipe, a folder), or one its owner marked read-only (root
/// could still rename over it; studylog does not).
fn refuse_to_replace(path: &Path, meta: &fs::Metadata) -> Result<(), SaveError> {
    if !meta.is_file() {
        return Err(SaveError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.permissions().readonly() {
        return Err(SaveError::ReadOnly {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// Whether the file already holds exactly `bytes`.
fn same_bytes(path: &Path, meta: &fs::Metadata, bytes: &[u8]) -> bool {
    meta.len() == bytes.len() as u64 && fs::read(path).is_ok_and(|old| old == bytes)
}

/// Create `path` holding `bytes`, failing with [`SaveError::Exists`] if the
/// name is taken: the check and the creation are one step.
pub(super) fn create_new(path: &Path, bytes: &[u8]) -> Result<FileStamp, SaveError> {
    let temp = temp_path(path);
    let result = write_temp(&temp, bytes, None, false).and_then(|file| {
        // A hard link fails if the name is taken, so it claims it atomically.
        match fs::hard_link(&temp, path) {
            Ok(()) => sync_folder(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(exists(path)),
            // No hard links here (FAT, some shares): create-new is atomic too.
            Err(_) => write_temp(path, bytes, None, false)
                .map(drop)
                .map_err(|e| already_exists_as(e, path)),
        }
        .map(|()| drop(file))
    });
    let _ = fs::remove_file(&temp);
    result?;
    stamp(path).ok_or_else(|| io_error(path, "read back", io::ErrorKind::NotFound.into()))
}

fn exists(path: &Path) -> SaveError {
    SaveError::Exists {
        path: path.to_owned(),
    }
}

fn already_exists_as(error: SaveError, path: &Path) -> SaveError {
    match error {
        SaveError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists => {
            exists(path)
        }
        other => other,
    }
}

/// Create `temp` with the permissions and owner of `like` (or private, or
/// the default), lock it, write `bytes`, fsync; the file, still locked.
fn write_temp(
    temp: &Path,
    bytes: &[u8],
    like: Option<&fs::Metadata>,
    private: bool,
) -> Result<File, SaveError> {
    let fail = |action| move |source| io_error(temp, action, source);
    let mut file = create_like(temp, like, private).map_err(fail("create a temporary file"))?;
    // Held until the rename is done: a file whose lock is free was left behind.
    let _ = file.try_lock();
    file.write_all(bytes).map_err(fail("write"))?;
    file.sync_all().map_err(fail("flush to disk"))?;
    Ok(file)
}

#[cfg(unix)]
fn create_like(path: &Path, like: Option<&fs::Metadata>, private: bool) -> io::Result<File> {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let mode = match like {
        Some(meta) => meta.mode() & 0o7777,
        None if private => 0o600,
        None => 0o666,
    };
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)?;
    if let Some(meta) = like {
        // The umask may have taken bits away; the journal's own mode is what it keeps.
        file.set_permissions(meta.permissions())?;
        // Only a privileged process can give a file away; for others the
        // owner is theirs already.
        let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
    }
    Ok(file)
}

#[cfg(not(unix))]
fn create_like(path: &Path, like: Option<&fs::Metadata>, _private: bool) -> io::Result<File> {
    let file = OpenOptions::new().write(true).create_new(true).open(path)?;
    if let Some(meta) = like {
        file.set_permissions(meta.permissions())?;
    }
    Ok(file)
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

/// Temp files of `path` (its own, and its backup's) whose writer is gone: a
/// killed save or backup step. Those still locked by a running writer stay.
fn remove_stale_temps(path: &Path) {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(parent_folder(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let ours = file_name.starts_with(&prefix) && file_name.ends_with(".tmp");
        if ours && !super::lock::held_by_a_live_process(&entry.path()) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
