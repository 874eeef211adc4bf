//! Recovery files: unsaved work written aside a few seconds after each edit,
//! so a crash or a power cut loses at most those seconds.
//!
//! A recovery file never replaces the journal. It lives in studylog's data
//! folder (`~/.local/share/studylog/recovery` on Linux), named after the
//! journal's path, and holds the journal's path, when it was written, and the
//! whole journal. It is removed once the work is saved or knowingly dropped.

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

/// The recovery file for a journal at `journal_path` (or an untitled one) in `dir`.
pub fn recovery_path(dir: &Path, journal_path: Option<&Path>) -> PathBuf {
    match journal_path {
        Some(path) => {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            path.hash(&mut hasher);
            let stem = crate::store::EXTENSION;
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = name
                .strip_suffix(&format!(".{stem}"))
                .unwrap_or(&name)
                .to_owned();
            dir.join(format!("{name}-{:016x}.recovery.ron", hasher.finish()))
        }
        None => dir.join("untitled.recovery.ron"),
    }
}

/// Write `recovered` to its recovery file in `dir` (atomically).
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

/// The recovery file for `journal_path` in `dir`, if there is one. A file
/// that cannot be read is reported, never deleted.
pub fn read_recovery(
    dir: &Path,
    journal_path: Option<&Path>,
) -> Option<Result<Recovered, LoadError>> {
    let path = recovery_path(dir, journal_path);
    if !path.exists() {
        return None;
    }
    let text = match super::load::read_text(&path) {
        Ok(text) => text,
        Err(e) => return Some(Err(e)),
    };
    Some(ron::from_str(&text).map_err(|e| LoadError::Syntax {
        path: path.clone(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    }))
}

/// Remove the recovery file for `journal_path` (the work is saved or dropped).
pub fn remove_recovery(dir: &Path, journal_path: Option<&Path>) {
    let path = recovery_path(dir, journal_path);
    let _ = fs::remove_file(&path);
    let _ = fs::remove_file(super::save::backup_path(&path));
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
        let path = recovery_path(dir.path(), None);
        fs::write(&path, "(journal_path: None, written_at: ").unwrap();
        assert!(matches!(
            read_recovery(dir.path(), None),
            Some(Err(LoadError::Syntax { .. }))
        ));
        assert!(path.exists());
    }
}
