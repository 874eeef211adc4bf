//! What can go wrong reading or writing a journal, in words a user can act on.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::model::Invalid;

/// Why a journal could not be loaded. The file is never changed by a failed load.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}: is not a regular file (a folder, a device or a pipe), so it cannot be a journal", path.display())]
    NotAFile { path: PathBuf },

    #[error("{}: this is Markdown, not a journal: use `studylog import` (or File → Import Markdown) to read it into one", path.display())]
    Markdown { path: PathBuf },

    #[error("{}: larger than {limit_mb} MB: not a daily log", path.display())]
    LogTooLarge { path: PathBuf, limit_mb: u64 },

    #[error("{}: the file is {size} bytes, more than a journal can be ({limit} bytes)", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("{}:{line}:{column}: the file is not UTF-8 text", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },

    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },

    #[error(
        "{}: written by a newer studylog (format version {found}; this version reads up to {supported}). Update studylog to open it.",
        path.display()
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("{}: format version {found} is not one studylog ever wrote", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },

    #[error("{}{}: {problem}", path.display(), Position(*at))]
    Inconsistent {
        path: PathBuf,
        /// Line and column of the day the problem is in, when it is in one.
        at: Option<(usize, usize)>,
        problem: Invalid,
    },
}

/// Why a journal could not be saved. The file on disk is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot turn the journal into RON: {0}")]
    Serialize(#[from] ron::Error),

    #[error("{}: already exists; not overwritten", path.display())]
    Exists { path: PathBuf },

    #[error("{}: is being written by another studylog{}; try again", path.display(), by_pid(*pid))]
    Busy { path: PathBuf, pid: Option<u32> },

    #[error("{}: {} since studylog last read or wrote it; not overwritten", path.display(), if *deleted { "was deleted or moved" } else { "was changed by another program" })]
    ChangedOnDisk { path: PathBuf, deleted: bool },

    #[error("{}: the journal would be {size} bytes, more than studylog can open again ({limit} bytes); not written", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("{}: is a studylog journal; export writes Markdown, so it will not replace it (choose another file name)", path.display())]
    WouldReplaceJournal { path: PathBuf },

    #[error("{}: is read-only (its permissions say so), so it is not written; save under another name, or make it writable first", path.display())]
    ReadOnly { path: PathBuf },

    #[error("{}: is not a regular file (a folder, a device or a pipe), so a journal is not written over it", path.display())]
    NotAFile { path: PathBuf },

    #[error("{}: exists and is not a studylog journal; not replaced (add --force to replace it)", path.display())]
    NotAJournal { path: PathBuf },

    #[error("{}: cannot {action}: {source}. The file on disk is unchanged.", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
}

impl LoadError {
    /// The file is not there (a recent journal deleted or moved since).
    pub fn is_missing(&self) -> bool {
        matches!(self, LoadError::Read { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }

    /// Line and column in the file, where the problem has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. } | LoadError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            LoadError::Inconsistent { at, .. } => *at,
            _ => None,
        }
    }
}

/// " (pid N)" when the other writer is known.
fn by_pid(pid: Option<u32>) -> String {
    pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
}

/// Formats an optional `:line:column` suffix.
struct Position(Option<(usize, usize)>);

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some((line, column)) => write!(f, ":{line}:{column}"),
            None => Ok(()),
        }
    }
}
