//! Saving journals, one writer at a time, and writing other text files
//! (exported Markdown, recovery files) without ever replacing what must not
//! be replaced.
//!
//! A journal is saved under its writer lock (see `lock`): the check that
//! the file is still what the window last saw, and the replacement itself,
//! happen with no other studylog able to write in between.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use super::error::SaveError;
use super::format::to_ron_string;
use super::lock::{WRITER_WAIT, WriterLock, lock_for_writing};
use super::paths::{io_error, resolve_target};
use super::replace::{Replace, create_new, replace_file};
use super::stamp::{FileStamp, stamp};
use crate::model::Journal;

const JOURNAL: Replace = Replace {
    backup: true,
    private: false,
};

/// What the file must still be for a save to go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is there is replaced (the user chose to overwrite).
    Anything,
    /// The file as last read or written (None: there was no file).
    Stamp(Option<FileStamp>),
}

/// Saves `journal` to `path` atomically; the new file's stamp. On error the
/// file at `path` is unchanged.
pub fn save(path: &Path, journal: &Journal) -> Result<FileStamp, SaveError> {
    save_expecting(path, journal, Expect::Anything)
}

/// Saves `journal` to `path` if the file is still as `expect` says, checked
/// under the writer lock: a change that landed since is never overwritten.
pub fn save_expecting(
    path: &Path,
    journal: &Journal,
    expect: Expect,
) -> Result<FileStamp, SaveError> {
    let lock = lock_for_writing(&resolve_target(path), WRITER_WAIT)?;
    if let Expect::Stamp(expected) = expect {
        let now = stamp(path);
        if now != expected {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_owned(),
                deleted: now.is_none() && expected.is_some(),
            });
        }
    }
    save_locked(&lock, path, journal)
}

/// Saves `journal` to `path`, whose writer lock the caller holds (for a
/// read-change-write such as an import).
pub fn save_locked(
    _lock: &WriterLock,
    path: &Path,
    journal: &Journal,
) -> Result<FileStamp, SaveError> {
    let text = to_ron_string(journal)?;
    replace_file(path, text.as_bytes(), JOURNAL)
}

/// Whether a journal may be written to `path`: a regular file or nothing
/// yet; over a file that is not a journal only if `not_a_journal_too`
/// (`--force`). Devices and pipes are never replaced by a journal.
pub fn check_journal_target(path: &Path, not_a_journal_too: bool) -> Result<(), SaveError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(SaveError::NotAFile {
            path: path.to_owned(),
        }),
        Ok(_) if !not_a_journal_too && !super::load::is_journal_file(path) => {
            Err(SaveError::NotAJournal {
                path: path.to_owned(),
            })
        }
        _ => Ok(()),
    }
}

/// Take the writer lock of the journal at `path`, waiting a moment for
/// another writer to finish.
pub fn lock(path: &Path) -> Result<WriterLock, SaveError> {
    lock_for_writing(&resolve_target(path), WRITER_WAIT)
}

/// Writes `journal` to `path` only if nothing is there yet: the check and
/// the creation are one step (a file created by someone else in between is
/// never overwritten). On error nothing is left at `path`.
pub fn save_new(path: &Path, journal: &Journal) -> Result<FileStamp, SaveError> {
    let text = to_ron_string(journal)?;
    // A dangling link names where the new journal goes: its target.
    let target = resolve_target(path);
    let _lock = lock_for_writing(&target, WRITER_WAIT)?;
    create_new(&target, text.as_bytes())
}

/// Writes a text file the user asked for (exported Markdown). A device, a
/// FIFO or a terminal is written into, never replaced; a studylog journal is
/// never written over (the error says so); any other file is replaced
/// atomically, keeping the old one as a backup.
pub fn write_text_file(path: &Path, text: &str) -> Result<(), SaveError> {
    let target = resolve_target(path);
    match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => write_into(&target, text),
        Ok(meta) if meta.is_file() && super::load::is_journal_file(&target) => {
            Err(SaveError::WouldReplaceJournal {
                path: path.to_owned(),
            })
        }
        _ => replace_file(path, text.as_bytes(), JOURNAL).map(drop),
    }
}

/// Writes `journal` to `path` atomically, with no lock and no backup: for
/// the file git hands its merge driver (a scratch copy in the work tree).
pub fn save_plain(path: &Path, journal: &Journal) -> Result<(), SaveError> {
    let text = to_ron_string(journal)?;
    let plain = Replace {
        backup: false,
        private: false,
    };
    replace_file(path, text.as_bytes(), plain).map(drop)
}

/// Writes `journal` to a new file beside the journal at `path` and puts it
/// at the head of its backups (the work as it was before a merge).
pub fn save_as_backup(path: &Path, journal: &Journal) -> Result<std::path::PathBuf, SaveError> {
    let scratch = super::paths::with_suffix(&super::paths::resolve_target(path), ".premerge");
    save_plain(&scratch, journal)?;
    super::backup::push_backup(path, &scratch)
}

/// Writes a file only its owner may read (recovery files), atomically, with
/// no backup.
pub fn write_private_file(path: &Path, text: &str) -> Result<(), SaveError> {
    let private = Replace {
        backup: false,
        private: true,
    };
    replace_file(path, text.as_bytes(), private).map(drop)
}

/// Write into something that is not a regular file (`/dev/stdout`, a FIFO).
fn write_into(path: &Path, text: &str) -> Result<(), SaveError> {
    let mut file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| io_error(path, "open for writing", e))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.flush())
        .map_err(|e| io_error(path, "write", e))
}
