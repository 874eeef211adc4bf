//! How the app starts: on the last journal or the sample, a file, a log to
//! import, a journal in memory, or one read ahead while the window opens.

use super::*;

/// What the app opens at start.
pub enum Start {
    /// The last journal used, or the bundled sample the first time.
    Default,
    /// A journal file.
    Open(PathBuf),
    /// A Markdown log, imported into a new untitled journal.
    Import(PathBuf),
    /// A journal already in memory (tests, benchmarks), untitled.
    Journal(Box<Journal>),
    /// A journal file being read since the process started.
    Preloaded(Box<ReadAhead>),
}

/// A journal file being read on a worker thread: while the window is
/// created, or after File ▸ Open.
pub struct ReadAhead {
    pub preload: Preload,
    pub reading_for: ReadFor,
}

/// What a journal is read for, which says what happens if it cannot be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFor {
    /// The journal the app starts on: the sample opens instead.
    /// `last_used`: the one used last (a start without a file); one that
    /// is gone since is not worth a message.
    Start { last_used: bool },
    /// File ▸ Open: the journal open now stays, and the error is shown.
    Open,
    /// Reload, dropping the unsaved changes once the file is in; if it
    /// cannot be read, the work stays (and so does its recovery file).
    /// `changed_elsewhere`: read again because another program changed it
    /// and nothing here was unsaved (the banner says so).
    Reload { changed_elsewhere: bool },
}

impl Start {
    /// The start for a path given on the command line: Markdown is imported.
    pub fn for_path(path: PathBuf) -> Self {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("md" | "markdown" | "txt") => Start::Import(path),
            _ => Start::Open(path),
        }
    }

    /// The same start, with its journal file already being read on a
    /// worker thread while the window is created (its first look from
    /// `first_looks` if one was kept). Without a file, that is the last
    /// journal used, as the settings in `settings_file` say.
    pub fn read_ahead(
        self,
        settings_file: Option<&std::path::Path>,
        first_looks: Option<PathBuf>,
    ) -> Self {
        let (path, last_used) = match self {
            Start::Open(path) => (path, false),
            Start::Default => {
                let settings = settings_file.and_then(Settings::read_from_file);
                match settings.as_ref().and_then(Settings::last_journal) {
                    Some(path) => (path.to_owned(), true),
                    None => return Start::Default,
                }
            }
            other => return other,
        };
        let preload = Preload::spawn(path, first_looks);
        let reading_for = ReadFor::Start { last_used };
        Start::Preloaded(Box::new(ReadAhead {
            preload,
            reading_for,
        }))
    }
}

/// How the app is set up; tests choose their own dialogs and recovery folder.
pub struct AppConfig {
    pub start: Start,
    pub dialogs: Box<dyn FileDialogs<Purpose>>,
    /// Where unsaved work is written aside, and how soon after an edit.
    pub recovery: RecoveryConfig,
    /// Where big journals' first looks are kept for the next start
    /// (`store::first_look`); None: nowhere.
    pub first_looks: Option<PathBuf>,
}
