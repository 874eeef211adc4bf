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
mod card_index;
pub mod decide;
mod document;
mod errands;
pub mod files;
mod import;
mod picture_files;
mod pictures;
mod preload;
mod search;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};

pub use background::{Job, Waker, no_waker};
pub use document::{DiskState, Document};
pub use errands::{Done, Errands, GitSides, LogsFor};
pub use import::{
    ImportHow, Imported, LogImported, ReadLog, find_logs, import_logs, import_paths, read_logs,
};
pub use picture_files::{
    PictureCheck, PicturesCopied, bring_pictures, check_pictures, copy_log_pictures,
    export_pictures,
};
pub use pictures::{
    MAX_TEXTURE_SIDE, PictureKey, PictureLoader, PicturePlace, PictureSource, picture_path,
};
pub use preload::{FirstLook, Preload, Read};
pub use search::{MAX_RESULTS, SearchState};

use crate::model::merge::{MergeReport, merge};
use crate::model::review::Card;
use crate::model::{Edit, Journal, Scope};
use crate::store::{
    self, Backup, Expect, FileStamp, LeftBehind, LoadError, Recovered, RecoverySpace, SaveError,
};
use card_index::CardIndex;
use decide::{AutosaveStep, SaveCheck};

/// Unsaved work is written aside at most this long after an edit.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Where a session writes unsaved work, and how soon after an edit.
#[derive(Clone, Debug)]
pub struct RecoveryConfig {
    /// The folder of recovery files; None turns recovery off.
    pub dir: Option<PathBuf>,
    pub delay: Duration,
}

/// How left-behind work came back.
#[derive(Debug)]
pub enum Restored {
    /// The journal was still what the crashed session read: its work replaced it.
    Replaced,
    /// The journal was saved since: the work was merged with that version.
    Merged(MergeReport),
}

/// What finished in the background, for the app to act on.
#[derive(Debug)]
pub enum Event {
    /// The save to `path` is done; `copies_put_away`: merged conflict copies
    /// that moved to the backups with it.
    Saved {
        path: PathBuf,
        copies_put_away: Vec<PathBuf>,
    },
    /// The file changed (or vanished) since it was read or written, found
    /// under the writer lock; nothing was written. The app asks what to do.
    ChangedOnDisk { deleted: bool },
    /// The save failed; the work stays in memory and went to the recovery file.
    SaveFailed(SaveError),
    /// The recovery file could not be written.
    RecoveryFailed(SaveError),
}

/// A save running on a worker thread.
struct SaveJob {
    job: Job<Result<FileStamp, SaveError>>,
    /// The history state being saved; later edits stay unsaved.
    state: u64,
    path: PathBuf,
    days: usize,
}

/// The recovery file of this session's unsaved work.
struct Recovery {
    delay: Duration,
    /// This session's claim on the recovery folder; None when recovery is off.
    space: Option<Arc<RecoverySpace>>,
    /// Why the folder could not be claimed, until it is reported.
    claim_failed: Option<SaveError>,
    /// When unsaved work is next written aside.
    due: Option<Instant>,
    writing: Option<Job<Result<(), SaveError>>>,
    /// Files of crashed sessions whose work was restored into this
    /// document: removed once that work is saved, never before.
    adopted: Vec<PathBuf>,
}

/// An open journal with its index, its saves and its recovery file.
pub struct Session {
    doc: Document,
    /// Conflict copies merged into the work, with the state the merge
    /// made: each moves to the backups once a save holds its merge.
    pending_copies: Vec<(PathBuf, u64)>,
    /// The kept versions of the journal's file, newest first, as of the last open or save.
    backups: Vec<Backup>,
    search: SearchState,
    /// The review cards, day by day (for the due count).
    cards: CardIndex,
    saving: Option<SaveJob>,
    recovery: Recovery,
    errands: Errands,
    waker: Waker,
    clock: Instant,
    /// Where a big journal's first look is kept after each save, for the
    /// next start (see `store::first_look`); None: nowhere.
    first_looks: Option<PathBuf>,
}

impl Session {
    pub fn new(doc: Document, recovery: RecoveryConfig, waker: Waker) -> Self {
        let search = SearchState::default();
        let backups = doc.path().map(store::backups).unwrap_or_default();
        let claimed = recovery.dir.as_deref().map(RecoverySpace::claim);
        let (space, claim_failed) = match claimed {
            Some(Ok(space)) => (Some(Arc::new(space)), None),
            Some(Err(error)) => (None, Some(error)),
            None => (None, None),
        };
        Session {
            doc,
            pending_copies: Vec::new(),
            backups,
            search,
            cards: CardIndex::default(),
            saving: None,
            recovery: Recovery {
                delay: recovery.delay,
                space,
                claim_failed,
                due: None,
                writing: None,
                adopted: Vec::new(),
            },
            errands: Errands::new(Arc::clone(&waker)),
            waker,
            clock: Instant::now(),
            first_looks: None,
        }
    }

    /// Keep big journals' first looks in `dir` (None: nowhere).
    pub fn keep_first_looks_in(&mut self, dir: Option<PathBuf>) {
        self.first_looks = dir;
    }

    /// Where big journals' first looks are kept, if anywhere.
    pub fn first_looks(&self) -> Option<&Path> {
        self.first_looks.as_deref()
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn search_state(&self) -> &SearchState {
        &self.search
    }

    pub fn search(&mut self) -> &mut SearchState {
        &mut self.search
    }

    /// The journal to read and the search to type into, at once (the side
    /// panel draws results from one while the user types into the other).
    pub fn journal_and_search(&mut self) -> (&crate::model::Journal, &mut SearchState) {
        (self.doc.journal(), &mut self.search)
    }

    /// The journal and its review cards with their generation (which
    /// changes whenever what is due may have).
    pub fn journal_and_cards(&mut self) -> (&crate::model::Journal, &[Card], u64) {
        let (cards, generation) = self.cards.cards(self.doc.journal());
        (self.doc.journal(), cards, generation)
    }

    /// Disk work the window asked for, running off the UI thread.
    pub fn errands(&mut self) -> &mut Errands {
        &mut self.errands
    }

    /// The folder unsaved work is kept in, if recovery is on.
    pub fn recovery_dir(&self) -> Option<&Path> {
        self.recovery.space.as_ref().map(|space| space.dir())
    }

    /// The kept versions of the journal's file, newest first.
    pub fn backups(&self) -> &[Backup] {
        &self.backups
    }

    /// Open another document in this session (the old one is dropped; the
    /// caller has saved it or the user chose to drop it).
    pub fn replace(&mut self, doc: Document) {
        self.backups = doc.path().map(store::backups).unwrap_or_default();
        self.doc = doc;
        // A copy merged into the journal left unsaved stays where it is.
        self.pending_copies.clear();
        self.recovery.due = None;
        self.recovery.adopted.clear();
        self.search.forget();
        self.cards.forget();
    }

    /// Apply an edit; whether it changed anything.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let now = self.clock.elapsed().as_secs_f64();
        let scope = self.doc.apply(edit, now);
        scope.inspect(|&scope| self.after_change(scope)).is_some()
    }

    /// Apply an edit as an undo step of its own (a picture put into a note
    /// just after typing there); whether it changed anything.
    pub fn apply_alone(&mut self, edit: Edit) -> bool {
        let now = self.clock.elapsed().as_secs_f64();
        let scope = self.doc.apply_alone(edit, now);
        scope.inspect(|&scope| self.after_change(scope)).is_some()
    }

    /// Show text an input method is composing, without applying it (see
    /// [`Document::compose`]); false if `edit` cannot be shown so.
    pub fn compose(&mut self, edit: &Edit) -> bool {
        self.doc.compose(edit)
    }

    /// The composition ended without the field saying so (focus moved, the
    /// window lost focus): what is shown is applied. Whether that changed anything.
    pub fn commit_composition(&mut self) -> bool {
        let now = self.clock.elapsed().as_secs_f64();
        let scope = self.doc.commit_composition(now);
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
        self.search.changed(self.doc.journal(), scope);
        self.cards.changed(self.doc.journal(), scope);
        self.schedule_recovery();
    }

    /// Unsaved work goes aside `delay` after the first edit since it last
    /// went, and every `delay` while edits go on (a throttle: a steady
    /// typist who never pauses is still written).
    fn schedule_recovery(&mut self) {
        if self.recovery.space.is_some() {
            let due = decide::recovery_due(self.recovery.due, Instant::now(), self.recovery.delay);
            self.recovery.due = Some(due);
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

    /// Merge what the journal's file holds now (another program or machine
    /// wrote it) into the work here, from the version both grew from when
    /// the history still has it. The work as it was goes to the backups
    /// first; the merge is one step of undo; the next save goes over the file.
    pub fn merge_from_disk(&mut self) -> Result<MergeReport, String> {
        let path = self.doc.path().ok_or("the journal has no file")?.to_owned();
        let disk = store::load(&path).map_err(|e| e.to_string())?;
        let stamp = store::stamp(&path);
        let base = self.doc.saved_version();
        let report = self.merge_in(base.as_ref(), &disk, &path)?;
        self.doc.adopt_disk_state(stamp);
        Ok(report)
    }

    /// Merge a sync tool's conflict copy of the journal into the work here,
    /// from the version both devices last agreed on (kept beside the
    /// journal; two-way without one). The copy stays where it is until the
    /// merged journal is saved, then moves to the backups: an undo of the
    /// merge (or a crash before the save) leaves it there.
    pub fn merge_copy(&mut self, copy: &Path) -> Result<MergeReport, String> {
        let path = self.doc.path().ok_or("the journal has no file")?.to_owned();
        let theirs = store::load(copy).map_err(|e| e.to_string())?;
        let base = store::agreed_version(&path).and_then(Result::ok);
        let report = self.merge_in(base.as_ref(), &theirs, &path)?;
        self.pending_copies
            .push((copy.to_owned(), self.doc.state()));
        Ok(report)
    }

    /// Conflict copies whose merge is in the journal just saved go to the
    /// backups; their names.
    fn put_merged_copies_away(&mut self, saved_state: u64, path: &Path) -> Vec<PathBuf> {
        let (done, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut self.pending_copies)
            .into_iter()
            .partition(|(_, merged)| self.doc.is_before(*merged, saved_state));
        self.pending_copies = waiting;
        done.into_iter()
            .filter_map(|(copy, _)| store::push_backup(path, &copy).ok().map(|_| copy))
            .collect()
    }

    /// The journal file as it is now becomes the version both devices
    /// agreed on, if it has none yet or another program wrote this one
    /// (see `store::agreed`). Failing to keep it loses nothing.
    pub fn note_agreed(&self, written_elsewhere: bool) {
        if let Some(path) = self.doc.path()
            && (written_elsewhere || !store::has_agreed(path))
        {
            let _ = store::keep_agreed(path);
        }
    }

    /// Work a crashed session left, restored: as it was if the journal is
    /// still the version that session read, else merged with the version
    /// saved since (three-way from the version it read, when the backups
    /// still have it). One step of undo either way.
    pub fn restore(&mut self, recovered: Journal, read: Option<FileStamp>) -> Restored {
        let now = self.doc.path().and_then(store::stamp);
        let saved_since = self.doc.path().is_some() && now != read && read.is_some();
        if !saved_since {
            self.apply(Edit::Replace(Box::new(recovered)));
            return Restored::Replaced;
        }
        let base = self
            .doc
            .path()
            .and_then(|path| {
                store::backups(path)
                    .into_iter()
                    .find(|b| Some(b.stamp()) == read)
            })
            .and_then(|backup| store::load(&backup.path).ok());
        let on_disk = self.doc.committed().into_owned();
        let (merged, report) = merge(base.as_ref(), &recovered, &on_disk);
        self.apply(Edit::Replace(Box::new(merged)));
        Restored::Merged(report)
    }

    /// The sync tools' conflict copies beside the journal's file, but for
    /// those merged already (waiting for the save that puts them away).
    pub fn conflict_copies(&self) -> Vec<PathBuf> {
        let mut copies = self
            .doc
            .path()
            .map(store::conflict_copies)
            .unwrap_or_default();
        copies.retain(|copy| !self.pending_copies.iter().any(|(p, _)| p == copy));
        copies
    }

    fn merge_in(
        &mut self,
        base: Option<&Journal>,
        theirs: &Journal,
        path: &Path,
    ) -> Result<MergeReport, String> {
        let ours = self.doc.committed().into_owned();
        let (merged, report) = merge(base, &ours, theirs);
        // What a load would refuse never becomes the work here.
        crate::model::validate(&merged)
            .map_err(|problem| format!("the merge would not open ({problem}); nothing changed"))?;
        store::save_as_backup(path, &ours).map_err(|e| e.to_string())?;
        self.apply(Edit::Replace(Box::new(merged)));
        Ok(report)
    }

    /// The journal's file as it is now, when that is not how studylog last
    /// read or wrote it (another program changed, moved or deleted it):
    /// Some(stamp now, None if it is gone).
    pub fn changed_on_disk(&self) -> Option<Option<FileStamp>> {
        let file = self.doc.file()?;
        let now = store::stamp(&file.path);
        (now != file.stamp).then_some(now)
    }

    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Start saving to `path` on a worker thread; false if a save is
    /// running. The save goes ahead only if the file is what `expect` says,
    /// checked under the writer lock.
    pub fn start_save(&mut self, path: PathBuf, expect: Expect) -> bool {
        if self.saving.is_some() {
            return false;
        }
        let journal = self.doc.committed().into_owned();
        let days = journal.days.len();
        let target = path.clone();
        let first_looks = self.first_looks.clone();
        let job = Job::spawn(&self.waker, move || {
            let saved = store::save_expecting(&target, &journal, expect);
            if let (Ok(stamp), Some(dir)) = (&saved, first_looks)
                && store::worth_previewing(stamp.len as usize)
            {
                preload::keep_first_look(&dir, &target, *stamp, &journal);
            }
            saved
        });
        let state = self.doc.state();
        self.saving = Some(SaveJob {
            job,
            state,
            path,
            days,
        });
        true
    }

    /// What a save to `path` should find there: the file as last read or
    /// written, for the journal's own file; anything, for another (Save As).
    pub fn expected_at(&self, path: &Path) -> Expect {
        match self.doc.file().filter(|f| f.path == path) {
            Some(file) => Expect::Stamp(file.stamp),
            None => Expect::Anything,
        }
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

    fn saved(&mut self, job: SaveJob, result: Result<FileStamp, SaveError>) -> Event {
        match result {
            Ok(stamp) => {
                // The work is in the journal now: this session's recovery
                // file (of the untitled or old name) and restored ones go.
                self.forget_recovery();
                for file in self.recovery.adopted.drain(..) {
                    store::remove_recovery_file(&file);
                }
                self.doc.saved_as(job.state, &job.path, job.days, stamp);
                let copies_put_away = self.put_merged_copies_away(job.state, &job.path);
                self.backups = store::backups(&job.path);
                if self.doc.is_dirty() {
                    self.schedule_recovery();
                }
                Event::Saved {
                    path: job.path,
                    copies_put_away,
                }
            }
            Err(SaveError::ChangedOnDisk { deleted, .. }) => Event::ChangedOnDisk { deleted },
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
            let expect = self.expected_at(&path);
            self.start_save(path, expect);
        } else {
            self.write_recovery();
        }
    }

    // ----- recovery -----

    /// Write the recovery file now, on a worker thread.
    pub fn write_recovery(&mut self) {
        let Some(space) = &self.recovery.space else {
            return;
        };
        let path = self.doc.path();
        let file = space.file_for(path);
        let recovered = Recovered {
            journal_path: path.map(store::canonical),
            file_id: path.and_then(store::file_id),
            written_at: Local::now().naive_local(),
            read: self.doc.file().and_then(|f| f.stamp),
            journal: self.doc.committed().into_owned(),
        };
        let job = Job::spawn(&self.waker, move || {
            store::write_recovery(&file, &recovered)
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

    /// This session's unsaved work is saved or knowingly dropped: its
    /// recovery file goes (never another session's).
    pub fn forget_recovery(&mut self) {
        self.finish_recovery();
        self.recovery.due = None;
        if let Some(space) = &self.recovery.space {
            space.remove_own(self.doc.path());
        }
    }

    /// Unsaved work left by sessions that ended badly, for the journal open
    /// now (or untitled work), newest first. Files restored already in this
    /// session are not offered again.
    pub fn find_recovery(&self) -> Vec<Result<LeftBehind, LoadError>> {
        let Some(space) = &self.recovery.space else {
            return Vec::new();
        };
        store::find_left_behind(space.dir(), self.doc.path())
            .into_iter()
            .filter(|found| match found {
                Ok(left) => !self.recovery.adopted.contains(&left.file),
                Err(_) => true,
            })
            .collect()
    }

    /// Whether the journal's file changed after work written at `written_at`.
    pub fn journal_changed_since(&self, written_at: chrono::NaiveDateTime) -> bool {
        let file_time = self
            .doc
            .path()
            .and_then(store::stamp)
            .map(|s| DateTime::<Local>::from(s.modified).naive_local());
        decide::changed_since(written_at, file_time)
    }

    /// The work of `file` was restored into this document: the file stays
    /// until that work is saved.
    pub fn adopt(&mut self, file: PathBuf) {
        self.recovery.adopted.push(file);
    }

    /// The user discarded the work of `file`.
    pub fn discard(&mut self, file: &Path) {
        store::remove_recovery_file(file);
    }

    // ----- the background, once a frame -----

    /// Collect what finished in the background and run an autosave that
    /// came due. `composing`: the IME holds text that is not the user's yet,
    /// so the autosave waits. `to_journal`: the user's "autosave straight to
    /// the journal" setting.
    pub fn poll(&mut self, composing: bool, to_journal: bool) -> Vec<Event> {
        let mut events = Vec::new();
        if let Some(error) = self.recovery.claim_failed.take() {
            events.push(Event::RecoveryFailed(error));
        }
        // The index is built the first time a search is typed, a few days
        // a frame; not while text is being composed (it is not in the
        // journal yet).
        if self.search.needs_index()
            && !self.doc.is_composing()
            && self.search.step(self.doc.journal(), search::INDEX_STEP)
        {
            (self.waker)();
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_big_journal_has_its_first_look_kept_for_the_next_start() {
        let folder = tempfile::tempdir().unwrap();
        let (path, kept) = (
            folder.path().join("j.studylog.ron"),
            folder.path().join("looks"),
        );
        let journal = crate::generate::generate(2, 4);
        let doc = Document::untitled(journal.clone());
        let recovery = RecoveryConfig {
            dir: None,
            delay: Duration::from_secs(2),
        };
        let mut session = Session::new(doc, recovery, background::no_waker());
        session.keep_first_looks_in(Some(kept.clone()));
        assert!(session.start_save(path.clone(), Expect::Anything));
        assert!(matches!(session.finish_saving(), Some(Event::Saved { .. })));
        let stamp = store::stamp(&path).unwrap();
        let look = store::read_first_look(&kept, &path, stamp);
        assert!(look == Some(crate::model::first_look(&journal)));
    }
}
