//! Reading the journal named on the command line while the window is still
//! being created: the file is parsed on a worker thread from the first
//! millisecond, so the first frame can show the day instead of waiting for
//! ten years of RON.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::model::Journal;
use crate::store::{self, LoadError};

/// A journal being read ahead of the window.
pub struct Preload {
    path: PathBuf,
    journal: Receiver<Result<Journal, LoadError>>,
}

impl Preload {
    /// Start reading `path` now.
    pub fn spawn(path: PathBuf) -> Self {
        let (sender, journal) = channel();
        let file = path.clone();
        std::thread::spawn(move || {
            let loaded = store::load(&file);
            crate::startup::phase("journal parsed (worker)");
            let _ = sender.send(loaded);
        });
        Preload { path, journal }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Wait for the journal (it is usually ready by the time the window is).
    pub fn take(self) -> Result<Journal, LoadError> {
        self.journal.recv().unwrap_or_else(|_| {
            Err(LoadError::Read {
                path: self.path.clone(),
                source: std::io::Error::other("the reading thread stopped"),
            })
        })
    }
}
