//! Recovery files: unsaved work written aside a few seconds after each edit,
//! so a crash or a power cut loses at most those seconds.
//!
//! They live in studylog's data folder (`~/.local/share/studylog/recovery`
//! on Linux), private to the user. Each session claims the folder with an
//! owner lock held for its whole life ([`RecoverySpace`]); its files are
//! named `JOURNAL-HASH.OWNER.recovery.ron`. A file whose owner's lock is free
//! was left by a session that ended badly and is offered when that journal
//! is opened again, whatever path spelling leads to it: files are matched by
//! the journal's canonical path and, where the system has one, its device
//! and inode. A running window's files are never touched; a left-behind file
//! is removed only once its work is saved or the user discards it.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::error::{LoadError, SaveError};
use super::lock::held_by_a_live_process;
use super::paths::canonical;
use super::stamp::{FileId, file_id};
use crate::model::Journal;
use crate::stable_hash::fnv1a;

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovered {
    /// The journal file the work belongs to (canonical); None for an untitled journal.
    pub journal_path: Option<PathBuf>,
    /// The journal file's identity when the work was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_id: Option<FileId>,
    /// Local time it was written.
    pub written_at: NaiveDateTime,
    /// The journal file as the session last read or saved it: if the file
    /// is otherwise now, someone saved it meanwhile, and restoring merges
    /// (from that version, found among the backups) instead of replacing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<super::stamp::FileStamp>,
    pub journal: Journal,
}

/// A recovery file left behind, and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftBehind {
    pub file: PathBuf,
    pub recovered: Recovered,
}

/// The per-user folder for recovery files, from the platform's conventions.
pub fn default_recovery_dir() -> Option<PathBuf> {
    let data = if cfg!(windows) {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
    }?;
    Some(data.join("studylog").join("recovery"))
}

/// One session's claim on the recovery folder: its files carry its owner
/// name, and its owner lock says it is alive for as long as it runs.
#[derive(Debug)]
pub struct RecoverySpace {
    dir: PathBuf,
    owner: String,
    owner_file: PathBuf,
    _lock: File,
}

impl RecoverySpace {
    /// Claim `dir` for this session (created private to the user if missing).
    pub fn claim(dir: &Path) -> Result<Self, SaveError> {
        let fail = |action| {
            move |source| SaveError::Io {
                path: dir.to_owned(),
                action,
                source,
            }
        };
        fs::create_dir_all(dir).map_err(fail("create the recovery folder"))?;
        make_private(dir).map_err(fail("make the recovery folder private"))?;
        let nanos = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
        let owner = format!("{}-{:x}", std::process::id(), nanos);
        let owner_file = dir.join(format!("{owner}.owner"));
        let lock = File::create(&owner_file).map_err(fail("claim the recovery folder"))?;
        lock.try_lock()
            .map_err(|e| fail("claim the recovery folder")(std::io::Error::other(e.to_string())))?;
        remove_ended_owners(dir);
        Ok(RecoverySpace {
            dir: dir.to_owned(),
            owner,
            owner_file,
            _lock: lock,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// This session's recovery file for the journal at `journal_path` (None: untitled).
    pub fn file_for(&self, journal_path: Option<&Path>) -> PathBuf {
        let stem = stem(journal_path);
        self.dir.join(format!("{stem}.{}.recovery.ron", self.owner))
    }

    /// Remove this session's recovery file for the journal (its work is
    /// saved, or knowingly dropped).
    pub fn remove_own(&self, journal_path: Option<&Path>) {
        remove_recovery_file(&self.file_for(journal_path));
    }
}

/// Owner files of sessions that ended badly (a session that ends cleanly
/// removes its own): their lock is free, and their recovery files are
/// left-behind work whether the owner file is there or not. Only files a
/// minute old are touched, so a session that is just claiming the folder
/// (its file created, not yet locked) keeps its own.
fn remove_ended_owners(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let is_owner = entry.file_name().to_string_lossy().ends_with(".owner");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= std::time::Duration::from_secs(60));
        let path = entry.path();
        if is_owner && old && !held_by_a_live_process(&path) {
            let _ = fs::remove_file(&path);
        }
    }
}

impl Drop for RecoverySpace {
    fn drop(&mut self) {
        // Recovery files still here after a clean exit become left-behind
        // files, offered next time: nothing is lost by ending cleanly.
        let _ = fs::remove_file(&self.owner_file);
    }
}

pub(super) fn make_private(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The name shared by every recovery file of one journal (or of untitled
/// work): its name and a hash of its canonical path, the same in every
/// release of studylog (FNV-1a, not the standard library's hasher).
fn stem(journal_path: Option<&Path>) -> String {
    match journal_path {
        Some(path) => {
            let canonical = canonical(path);
            let hash = fnv1a(canonical.to_string_lossy().as_bytes());
            format!("{}-{hash:016x}", super::journal_name(path))
        }
        None => "untitled".to_owned(),
    }
}

/// Write `recovered` to `file` (a name from [`RecoverySpace::file_for`]),
/// atomically and readable by the user only.
pub fn write_recovery(file: &Path, recovered: &Recovered) -> Result<(), SaveError> {
    let text = ron::ser::to_string_pretty(
        recovered,
        ron::ser::PrettyConfig::default().escape_strings(false),
    )?;
    super::save::write_private_file(file, &text)
}

/// The owner a recovery file's name says wrote it, if it is one.
fn owner_of(name: &str) -> Option<&str> {
    let rest = name.strip_suffix(".recovery.ron")?;
    rest.rsplit_once('.').map(|(_, owner)| owner)
}

/// Recovery files in `dir` whose session is gone, newest first.
fn left_behind_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            owner_of(&name)
                .is_some_and(|owner| !held_by_a_live_process(&dir.join(format!("{owner}.owner"))))
        })
        .map(|entry| {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            (modified.unwrap_or(std::time::UNIX_EPOCH), entry.path())
        })
        .collect();
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    found.into_iter().map(|(_, path)| path).collect()
}

/// Unsaved work left behind for the journal at `journal_path` (None:
/// untitled work), newest first. A file that cannot be read is reported,
/// never deleted.
pub fn find_left_behind(
    dir: &Path,
    journal_path: Option<&Path>,
) -> Vec<Result<LeftBehind, LoadError>> {
    let wanted = stem(journal_path);
    let canonical = journal_path.map(canonical);
    let identity = journal_path.and_then(file_id);
    left_behind_files(dir)
        .into_iter()
        .filter_map(|file| {
            let name = file.file_name()?.to_string_lossy().into_owned();
            let by_name = name.starts_with(&format!("{wanted}."));
            let read = read_recovery_file(&file);
            let belongs = match &read {
                Ok(recovered) => {
                    by_name
                        || (canonical.is_some() && recovered.journal_path == canonical)
                        || (identity.is_some() && recovered.file_id == identity)
                }
                Err(_) => by_name,
            };
            belongs.then(|| read.map(|recovered| LeftBehind { file, recovered }))
        })
        .collect()
}

/// Read one recovery file, of any version.
pub fn read_recovery_file(path: &Path) -> Result<Recovered, LoadError> {
    let text = super::load::read_text(path)?;
    let parsed =
        match super::migrate::declared_version(&text) {
            Some(1) => super::migrate::parse_recovered_v1(&text).map(
                |(journal_path, written_at, journal)| Recovered {
                    journal_path,
                    file_id: None,
                    written_at,
                    read: None,
                    journal,
                },
            ),
            _ => ron::from_str(&text),
        };
    parsed.map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: super::explain::explain(&e.code),
    })
}

/// Remove one recovery file (and any backup an older studylog kept of it).
pub fn remove_recovery_file(file: &Path) {
    let _ = fs::remove_file(file);
    let _ = fs::remove_file(super::backup::backup_path(file));
}

#[cfg(test)]
mod tests;
