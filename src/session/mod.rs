//! The open journal as a session: the layer between the pure model and the
//! window (the role helix-view plays between helix-core and the terminal).
//!
//! A [`Session`] owns the [`Document`] (journal, file, undo history), keeps
//! the search index in step with it, saves it off the UI thread, and writes
//! unsaved work to a recovery file a moment after each change. Every change
//! goes through [`Session::apply`], [`Session::undo`] or [`Session::redo`],
//! which end in one `after_change`. The decisions that guard the user's work
//! are plain functions in [`decide`]. Nothing here knows egui: the app draws
//! and dispatches, and is woken through a [`Waker`] when background work ends.

mod background;
pub mod decide;
mod document;
mod search;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

pub use background::{Job, Waker, no_waker};
pub use document::{DiskState, Document};
pub use search::{MAX_RESULTS, SearchState};

use crate::model::{Edit, Scope};
use crate::store::{self, Backup, LoadError, Recovered, SaveError};
use decide::{AutosaveStep, SaveCheck};

/// Unsaved work is written aside this long after the last edit.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Where a session writes unsaved work, and how soon after an edit.
#[derive(Clone, Debug)]
pub struct RecoveryConfig {
    /// The folder of recovery files; None turns recovery off.
    pub dir: Option<PathBuf>,
    pub delay: Duration,
}

/// What finished in the background, for the app to act on.
#[derive(Debug)]
pub enum Event {
    /// The save to `path` is done.
    Saved { path: PathBuf },
    /// The save failed; the work stays in memory and went to the recovery file.
    SaveFailed(SaveError),
    /// The recovery file could not be written.
    RecoveryFailed(SaveError),
}

/// A save running on a worker thread.
struct SaveJob {
    job: Job<Result<(), SaveError>>,
    /// The history state being saved; later edits stay unsaved.
    state: u64,
    path: PathBuf,
    days: usize,
}

/// The recovery file of this session's unsaved work.
struct Recovery {
    config: RecoveryConfig,
    /// When unsaved work is next written aside.
    due: Option<Instant>,
    writing: Option<Job<Result<(), SaveError>>>,
}

/// An open journal with its index, its saves and its recovery file.
pub struct Session {
    doc: Document,
    /// The kept versions of the journal's file, newest first, as of the last open or save.
    backups: Vec<Backup>,
    search: SearchState,
    saving: Option<SaveJob>,
    recovery: Recovery,
    waker: Waker,
    clock: Instant,
}

impl Session {
    pub fn new(doc: Document, recovery: RecoveryConfig, waker: Waker) -> Self {
        let mut search = SearchState::default();
        search.rebuild(doc.journal(), &waker);
        let backups = doc.path().map(store::backups).unwrap_or_default();
        Session {
            doc,
            backups,
            search,
            saving: None,
            recovery: Recovery {
                config: recovery,
                due: None,
                writing: None,
            },
            waker,
            clock: Instant::now(),
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn search(&mut self) -> &mut SearchState {
        &mut self.search
    }

    /// The journal to read and the search to type into, at once (the side
    /// panel draws results from one while the user types into the other).
    pub fn journal_and_search(&mut self) -> (&crate::model::Journal, &mut SearchState) {
        (self.doc.journal(), &mut self.search)
    }

    /// The kept versions of the journal's file, newest first.
    pub fn backups(&self) -> &[Backup] {
        &self.backups
    }

    /// Open another document in this session (the old one is dropped).
    pub fn replace(&mut self, doc: Document) {
        self.backups = doc.path().map(store::backups).unwrap_or_default();
        self.doc = doc;
        self.recovery.due = None;
        self.search.rebuild(self.doc.journal(), &self.waker);
    }

    /// Apply an edit; whether it changed anything.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let now = self.clock.elapsed().as_secs_f64();
        let scope = self.doc.apply(edit, now);
        scope.inspect(|&scope| self.after_change(scope)).is_some()
    }

    /// Undo the last step; what it changed.
    pub fn undo(&mut self) -> Option<Scope> {
        let scope = self.doc.undo();
        scope.inspect(|&scope| self.after_change(scope))
    }

    /// Redo the last undone step; what it changed.
    pub fn redo(&mut self) -> Option<Scope> {
        let scope = self.doc.redo();
        scope.inspect(|&scope| self.after_change(scope))
    }

    /// After every change: the index follows, and the work goes aside soon.
    fn after_change(&mut self, scope: Scope) {
        self.search.changed(self.doc.journal(), scope, &self.waker);
        self.schedule_recovery();
    }

    fn schedule_recovery(&mut self) {
        if self.recovery.config.dir.is_some() {
            self.recovery.due = Some(Instant::now() + self.recovery.config.delay);
        }
    }

    /// How long until the session needs a look (an autosave coming due).
    pub fn next_wake(&self) -> Option<Duration> {
        let due = self.recovery.due?;
        Some(due.saturating_duration_since(Instant::now()))
    }

    // ----- saving -----

    /// Whether saving to `path` may go ahead. A save to another file than
    /// the journal's own (Save As) always may.
    pub fn check_save(&self, path: &Path) -> SaveCheck {
        match self.doc.file().filter(|f| f.path == path) {
            Some(file) => {
                decide::check_before_save(file, store::stamp(path), self.doc.journal().days.len())
            }
            None => SaveCheck::Write,
        }
    }

    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Start saving to `path` on a worker thread; false if a save is running.
    pub fn start_save(&mut self, path: PathBuf) -> bool {
        if self.saving.is_some() {
            return false;
        }
        let journal = self.doc.journal().clone();
        let days = journal.days.len();
        let target = path.clone();
        let job = Job::spawn(&self.waker, move || store::save(&target, &journal));
        let state = self.doc.state();
        self.saving = Some(SaveJob {
            job,
            state,
            path,
            days,
        });
        true
    }

    /// Block until a running save is done (tests); its event, if there was one.
    pub fn finish_saving(&mut self) -> Option<Event> {
        let job = self.saving.take()?;
        let result = job.job.wait().unwrap_or_else(|| {
            Err(SaveError::Io {
                path: job.path.clone(),
                action: "finish saving",
                source: std::io::Error::other("the save thread stopped"),
            })
        });
        Some(self.saved(job, result))
    }

    fn saved(&mut self, job: SaveJob, result: Result<(), SaveError>) -> Event {
        match result {
            Ok(()) => {
                // The recovery file of the untitled (or old) name is done with.
                self.forget_recovery();
                self.doc.saved_as(job.state, &job.path, job.days);
                self.backups = store::backups(&job.path);
                if self.doc.is_dirty() {
                    self.schedule_recovery();
                }
                Event::Saved { path: job.path }
            }
            Err(error) => {
                // The work is only in memory: get it to the recovery file now.
                self.write_recovery();
                Event::SaveFailed(error)
            }
        }
    }

    /// The autosave to the journal itself: never over an external change or
    /// a big loss of days (then the work goes to the recovery file instead).
    fn save_quietly(&mut self) {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            return;
        };
        if self.check_save(&path) == SaveCheck::Write {
            self.start_save(path);
        } else {
            self.write_recovery();
        }
    }

    // ----- recovery -----

    /// Write the recovery file now, on a worker thread.
    pub fn write_recovery(&mut self) {
        let Some(dir) = self.recovery.config.dir.clone() else {
            return;
        };
        let recovered = Recovered {
            journal_path: self.doc.path().map(Path::to_owned),
            written_at: Local::now().naive_local(),
            journal: self.doc.journal().clone(),
        };
        let job = Job::spawn(&self.waker, move || {
            store::write_recovery(&dir, &recovered).map(|_| ())
        });
        self.recovery.writing = Some(job);
    }

    /// Block until a recovery file being written is done (tests).
    pub fn finish_recovery(&mut self) -> Option<Event> {
        let job = self.recovery.writing.take()?;
        match job.wait() {
            Some(Err(error)) => Some(Event::RecoveryFailed(error)),
            _ => None,
        }
    }

    /// The work is saved or knowingly dropped: its recovery file goes.
    pub fn forget_recovery(&mut self) {
        self.finish_recovery();
        self.recovery.due = None;
        if let Some(dir) = &self.recovery.config.dir {
            store::remove_recovery(dir, self.doc.path());
        }
    }

    /// Unsaved work left for this journal by a session that ended badly,
    /// if it is newer than the journal's file.
    pub fn find_recovery(&self) -> Option<Result<Recovered, LoadError>> {
        let dir = self.recovery.config.dir.as_ref()?;
        let path = self.doc.path();
        let found = store::read_recovery(dir, path)?;
        let Ok(recovered) = found else {
            return Some(found);
        };
        let file_time = path
            .and_then(store::stamp)
            .map(|s| DateTime::<Local>::from(s.modified).naive_local());
        decide::worth_offering(recovered.written_at, file_time).then_some(Ok(recovered))
    }

    // ----- the background, once a frame -----

    /// Collect what finished in the background and run an autosave that
    /// came due. `composing`: the IME holds text that is not the user's yet,
    /// so the autosave waits. `to_journal`: the user's "autosave straight to
    /// the journal" setting.
    pub fn poll(&mut self, composing: bool, to_journal: bool) -> Vec<Event> {
        let mut events = Vec::new();
        self.search.poll(self.doc.journal());
        if let Some(result) = self.saving.as_ref().and_then(|s| s.job.try_take())
            && let Some(job) = self.saving.take()
        {
            events.push(self.saved(job, result));
        }
        if let Some(result) = self.recovery.writing.as_ref().and_then(Job::try_take) {
            self.recovery.writing = None;
            if let Err(error) = result {
                events.push(Event::RecoveryFailed(error));
            }
        }
        let due = self.recovery.due.is_some_and(|due| Instant::now() >= due);
        if due && !composing && self.recovery.writing.is_none() {
            self.recovery.due = None;
            let has_file = self.doc.path().is_some();
            match decide::autosave_step(self.doc.is_dirty(), to_journal, has_file, self.is_saving())
            {
                AutosaveStep::Forget => self.forget_recovery(),
                AutosaveStep::SaveJournal => self.save_quietly(),
                AutosaveStep::WriteRecovery => self.write_recovery(),
            }
        }
        events
    }
}
