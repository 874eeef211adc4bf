//! Disk work the window asks for that may take a moment (reading a kept
//! version, reading both sides of a journal git left in conflict, writing
//! an export with its pictures, copying a picture in, reading Markdown
//! logs and the pictures they name): each runs on a
//! worker, so a frame never waits on the disk, and its result comes back as
//! a [`Done`] the app acts on in the next frame.

use std::path::{Path, PathBuf};

use super::background::{Job, Waker};
use super::import::{Imported, import_paths};
use super::picture_files::{PicturesCopied, export_pictures};
use super::pictures::{PicturePlace, PictureSource};
use crate::model::Journal;
use crate::store::{self, LoadError, PictureError, SaveError};

/// Both sides git left in a journal, parsed: the base (when the conflict
/// style keeps it), ours and theirs.
pub struct GitSides {
    pub base: Option<Journal>,
    pub ours: Journal,
    pub theirs: Journal,
}

/// A finished errand, for the app to act on.
pub enum Done {
    /// A kept version of the journal, read for Restore.
    Backup {
        path: PathBuf,
        result: Result<Box<Journal>, LoadError>,
    },
    /// Both sides of a journal git left with conflict markers.
    GitSides {
        path: PathBuf,
        result: Result<Box<GitSides>, String>,
    },
    /// A picture copied into the journal's folder, to be named at `place`.
    PictureAdded {
        place: PicturePlace,
        result: Result<String, PictureError>,
    },
    /// An export written to `path`, with the pictures copied beside it.
    Exported {
        path: PathBuf,
        result: Result<PicturesCopied, SaveError>,
    },
    /// Markdown logs read into a copy of the journal.
    LogsRead {
        /// The journal as it would be after the import.
        journal: Box<Journal>,
        imported: Imported,
        /// What the logs were read for.
        purpose: LogsFor,
    },
}

/// Why logs were read: to show what an import would bring, or to import
/// them (their pictures copied) into the journal as it was at `revision`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogsFor {
    Preview,
    Import { revision: u64 },
}

/// The errands running now.
pub struct Errands {
    jobs: Vec<Job<Done>>,
    waker: Waker,
}

impl Errands {
    pub fn new(waker: Waker) -> Self {
        Errands {
            jobs: Vec::new(),
            waker,
        }
    }

    fn run(&mut self, work: impl FnOnce() -> Done + Send + 'static) {
        self.jobs.push(Job::spawn(&self.waker, work));
    }

    /// Read a kept version of the journal.
    pub fn read_backup(&mut self, path: PathBuf) {
        self.run(move || {
            let result = store::load(&path).map(Box::new);
            Done::Backup { path, result }
        });
    }

    /// Read and parse both sides of a journal git left in conflict.
    pub fn read_git_sides(&mut self, path: PathBuf) {
        self.run(move || {
            let result = git_sides(&path).map(Box::new);
            Done::GitSides { path, result }
        });
    }

    /// Write an export's Markdown, and copy the pictures it names from
    /// beside `journal` (when it is saved) to beside the export.
    pub fn export(&mut self, path: PathBuf, text: String, journal: Option<PathBuf>) {
        self.run(move || {
            let result = store::write_text_file(&path, &text).map(|()| {
                journal
                    .map(|journal| export_pictures(&journal, &text, &path))
                    .unwrap_or_default()
            });
            Done::Exported { path, result }
        });
    }

    /// Copy a picture into the folder beside `journal` (encoding pasted
    /// pixels as PNG); its link comes back for `place`.
    pub fn add_picture(&mut self, journal: PathBuf, source: PictureSource, place: PicturePlace) {
        self.run(move || {
            let result = match source {
                PictureSource::File(file) => store::add_picture_file(&journal, &file),
                PictureSource::Pixels { size, rgba } => {
                    store::add_picture_pixels(&journal, size, rgba)
                }
            };
            Done::PictureAdded { place, result }
        });
    }

    /// Read the logs (files or folders of them) at `paths` into `journal`;
    /// with `pictures_to` (the journal's file), the pictures they name are
    /// copied beside it.
    pub fn read_logs(
        &mut self,
        journal: Journal,
        paths: Vec<PathBuf>,
        pictures_to: Option<PathBuf>,
        purpose: LogsFor,
    ) {
        self.run(move || {
            let (journal, imported) = import_paths(journal, &paths, pictures_to);
            Done::LogsRead {
                journal: Box::new(journal),
                imported,
                purpose,
            }
        });
    }

    /// What finished since the last call.
    pub fn poll(&mut self) -> Vec<Done> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.try_take() {
            Some(result) => {
                done.push(result);
                false
            }
            None => true,
        });
        done
    }

    /// Wait for every errand running now (tests, and before quitting).
    pub fn wait_all(&mut self) -> Vec<Done> {
        self.jobs.drain(..).filter_map(|job| job.wait()).collect()
    }

    pub fn is_busy(&self) -> bool {
        !self.jobs.is_empty()
    }
}

fn git_sides(path: &Path) -> Result<GitSides, String> {
    let text = store::read_text(path).map_err(|e| e.to_string())?;
    let (base, ours, theirs) =
        store::git_conflict_sides(&text).ok_or_else(|| "no conflict markers".to_owned())?;
    let parse = |text: &str| store::parse_journal(path, text).map_err(|e| e.to_string());
    Ok(GitSides {
        base: base.as_deref().map(parse).transpose()?,
        ours: parse(&ours)?,
        theirs: parse(&theirs)?,
    })
}
