//! Recovery files: unsaved work written aside a few seconds after each edit,
//! so a crash or a power cut loses at most those seconds.
//!
//! A recovery file never replaces the journal. It lives in studylog's data
//! folder (`~/.local/share/studylog/recovery` on Linux), named after the
//! journal's path and the process that wrote it (two windows on one journal
//! never overwrite each other's work), and holds the journal's path, when it
//! was written, and the whole journal. It is removed once the work is saved
//! or knowingly dropped. At start, only files of processes no longer running
//! are offered: a window still open keeps its own.

use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::error::{LoadError, SaveError};
use super::save::write_text_file;
use crate::model::Journal;

/// What a recovery file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovered {
    /// The journal file the work belongs to; None for an untitled journal.
    pub journal_path: Option<PathBuf>,
    /// Local time it was written.
    pub written_at: NaiveDateTime,
    pub journal: Journal,
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

/// The name shared by every recovery file of one journal (or of untitled work).
fn recovery_stem(journal_path: Option<&Path>) -> String {
    match journal_path {
        Some(path) => {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            path.hash(&mut hasher);
            let name = super::journal_name(path);
            format!("{name}-{:016x}", hasher.finish())
        }
        None => "untitled".to_owned(),
    }
}

/// This process's recovery file for a journal at `journal_path` (or untitled work) in `dir`.
pub fn recovery_path(dir: &Path, journal_path: Option<&Path>) -> PathBuf {
    let stem = recovery_stem(journal_path);
    dir.join(format!("{stem}.{}.recovery.ron", std::process::id()))
}

/// Write `recovered` to this process's recovery file in `dir` (atomically).
pub fn write_recovery(dir: &Path, recovered: &Recovered) -> Result<PathBuf, SaveError> {
    fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_owned(),
        action: "create the recovery folder",
        source,
    })?;
    let path = recovery_path(dir, recovered.journal_path.as_deref());
    let text = ron::ser::to_string_pretty(
        recovered,
        ron::ser::PrettyConfig::default().escape_strings(false),
    )?;
    write_text_file(&path, &text)?;
    // The atomic write keeps a backup of the previous version; a recovery
    // file needs none.
    let _ = fs::remove_file(super::save::backup_path(&path));
    Ok(path)
}

/// Whether another studylog may still own its recovery file. Only Linux can
/// tell cheaply; elsewhere every other process's file counts as left behind,
/// which may offer a running window's work again but never hides a crash's.
fn running(pid: u32) -> bool {
    super::process::running(pid).unwrap_or(false)
}

/// Recovery files for `journal_path` left by processes that are gone.
fn orphans(dir: &Path, journal_path: Option<&Path>) -> Vec<PathBuf> {
    let prefix = format!("{}.", recovery_stem(journal_path));
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".recovery.ron"))
                .and_then(|pid| pid.parse::<u32>().ok());
            pid.is_some_and(|pid| pid == std::process::id() || !running(pid))
        })
        .map(|entry| entry.path())
        .collect()
}

/// The newest recovery file for `journal_path` in `dir` that no running
/// studylog owns, if there is one. A file that cannot be read is reported,
/// never deleted.
pub fn read_recovery(
    dir: &Path,
    journal_path: Option<&Path>,
) -> Option<Result<Recovered, LoadError>> {
    let mut found: Vec<Result<Recovered, LoadError>> = orphans(dir, journal_path)
        .iter()
        .map(|path| read_one(path))
        .collect();
    if let Some(bad) = found.iter().position(Result::is_err) {
        return Some(found.swap_remove(bad));
    }
    found
        .into_iter()
        .flatten()
        .max_by_key(|r| r.written_at)
        .map(Ok)
}

fn read_one(path: &Path) -> Result<Recovered, LoadError> {
    let text = super::load::read_text(path)?;
    ron::from_str(&text).map_err(|e| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Remove the recovery files for `journal_path` that this process wrote or
/// found orphaned (the work is saved, restored or knowingly dropped).
pub fn remove_recovery(dir: &Path, journal_path: Option<&Path>) {
    for path in orphans(dir, journal_path) {
        let _ = fs::remove_file(&path);
        let _ = fs::remove_file(super::save::backup_path(&path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn a_recovery_file_round_trips_and_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let journal_path = Path::new("/home/u/学習.studylog.ron");
        let mut journal = Journal::new("学習", Language::Ja);
        journal.preamble = "途中の \"メモ\"\n2 行目".into();
        let recovered = Recovered {
            journal_path: Some(journal_path.to_owned()),
            written_at: "2026-11-26T01:02:03".parse().unwrap(),
            journal,
        };
        let written = write_recovery(dir.path(), &recovered).unwrap();
        assert!(
            written
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("学習-")
        );
        let read = read_recovery(dir.path(), Some(journal_path))
            .unwrap()
            .unwrap();
        assert_eq!(read, recovered);
        assert!(
            read_recovery(dir.path(), None).is_none(),
            "untitled is another file"
        );
        remove_recovery(dir.path(), Some(journal_path));
        assert!(read_recovery(dir.path(), Some(journal_path)).is_none());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing left behind"
        );
    }

    #[test]
    fn a_broken_recovery_file_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("untitled.999999999.recovery.ron");
        fs::write(&path, "(journal_path: None, written_at: ").unwrap();
        assert!(matches!(
            read_recovery(dir.path(), None),
            Some(Err(LoadError::Syntax { .. }))
        ));
        assert!(path.exists());
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_running_window_keeps_its_recovery_file_and_the_newest_orphan_wins() {
        let dir = tempfile::tempdir().unwrap();
        let write = |pid: u32, when: &str| {
            let recovered = Recovered {
                journal_path: None,
                written_at: when.parse().unwrap(),
                journal: Journal::new(when, Language::Ja),
            };
            let text = ron::ser::to_string(&recovered).unwrap();
            fs::write(
                dir.path().join(format!("untitled.{pid}.recovery.ron")),
                text,
            )
            .unwrap();
        };
        // pid 1 is always running (init); the others are long gone.
        write(1, "2026-11-26T09:00:00");
        write(999_999_998, "2026-11-26T07:00:00");
        write(999_999_999, "2026-11-26T08:00:00");
        let found = read_recovery(dir.path(), None).unwrap().unwrap();
        assert_eq!(found.journal.title, "2026-11-26T08:00:00");
        remove_recovery(dir.path(), None);
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            left,
            ["untitled.1.recovery.ron"],
            "the running window's file stays"
        );
    }
}
