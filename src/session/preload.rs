//! Reading the journal named on the command line while the window is still
//! being created: the file is read on a worker thread from the first
//! millisecond. A big journal first gives a preview (its newest day, its
//! library and its dates; see [`store::preview`]) that the first frame
//! shows, then the whole journal, which replaces it a few frames later.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::model::Journal;
use crate::store::{self, FileStamp, LoadError};

use super::Waker;

/// A journal being read ahead of the window.
pub struct Preload {
    path: PathBuf,
    parts: Receiver<Part>,
    /// Called once the whole journal is in, to wake the window.
    waker: Arc<Mutex<Option<Waker>>>,
    /// Told of each frame painted with the preview (see [`wait_until_settled`]);
    /// None: the rest is read at once.
    painted: Option<Sender<()>>,
}

/// How long the rest of the journal waits for the preview to be painted.
const MAX_WAIT_FOR_PAINT: Duration = Duration::from_millis(300);
/// After its first paint a window paints the same picture a few more times
/// as the system settles it (mapped, exposed, focused: some 20 ms apart);
/// the rest of the journal waits until no frame has come for this long...
const SETTLED_AFTER: Duration = Duration::from_millis(50);
/// ...but not longer than this after the first paint.
const MAX_WAIT_FOR_SETTLING: Duration = Duration::from_millis(300);

/// What the worker sends: a preview (big files only), then the journal.
enum Part {
    Preview(Journal),
    Whole(Result<Read, LoadError>),
}

/// The journal as read, and the file's stamp taken before it was read (a
/// change made after that is then seen as a change, never missed).
pub struct Read {
    pub journal: Journal,
    pub stamp: Option<FileStamp>,
}

/// The first thing the window can show.
pub enum FirstLook {
    /// For showing only, until [`Preload::try_whole`] gives the journal.
    Preview(Journal),
    Whole(Result<Read, LoadError>),
}

impl Preload {
    /// Start reading `path` now. What the first frame shows comes first,
    /// on a thread that yields the cores (the window and the X server are
    /// being set up meanwhile, and on two cores it slowed them): the first
    /// look kept in `first_looks` at the last read or save, if the file is
    /// still as it was then, else a preview read from the file. The whole
    /// journal is read once the window has settled after its first paint,
    /// still yielding the cores (see [`wait_until_settled`], [`patiently`]);
    /// a big journal's first look is then kept for the next start.
    pub fn spawn(path: PathBuf, first_looks: Option<PathBuf>) -> Self {
        Self::spawn_with(path, move |path, show| {
            // Taken before the file is read: a change made meanwhile makes
            // the look kept below stale, never one kept wrongly as current.
            let stamp = store::stamp(path);
            let kept = first_looks
                .as_deref()
                .zip(stamp)
                .and_then(|(dir, stamp)| kept_first_look(dir, path, stamp));
            match kept {
                Some(first_look) => {
                    show(first_look);
                    let owned = path.to_owned();
                    patiently(move || store::load(&owned))
                }
                None => {
                    let (text, preview) = read_and_preview(path)?;
                    if let Some(preview) = preview {
                        show(preview);
                    }
                    let worth_keeping = store::worth_previewing(text.len());
                    let (owned, text) = (path.to_owned(), Arc::new(text));
                    let journal = patiently(move || store::parse_journal(&owned, &text))?;
                    if worth_keeping {
                        keep_first_look_aside(first_looks, path, stamp, &journal);
                    }
                    Ok(journal)
                }
            }
        })
    }

    /// Start reading `path` now, whole, with no preview (a journal opened
    /// from the menu: the journal open now stays on screen meanwhile); a
    /// big one's first look is kept in `first_looks` for the next start.
    pub fn spawn_whole(path: PathBuf, first_looks: Option<PathBuf>) -> Self {
        Self::spawn_with(path, move |path, _| {
            let stamp = store::stamp(path);
            let journal = store::load(path)?;
            if stamp.is_some_and(|s| store::worth_previewing(s.len as usize)) {
                keep_first_look_aside(first_looks, path, stamp, &journal);
            }
            Ok(journal)
        })
    }

    /// Start reading `path` now with `load`, which hands any preview to the
    /// function it is given before it returns the journal (tests read
    /// journals their own way).
    pub fn spawn_with(
        path: PathBuf,
        load: impl FnOnce(&Path, &mut dyn FnMut(Journal)) -> Result<Journal, LoadError> + Send + 'static,
    ) -> Self {
        let (sender, parts) = channel();
        let (painted, frames) = channel();
        let waker: Arc<Mutex<Option<Waker>>> = Arc::default();
        let (file, wake) = (path.clone(), waker.clone());
        std::thread::spawn(move || {
            let stamp = store::stamp(&file);
            let loaded = load(&file, &mut |preview| {
                crate::startup::phase("journal previewed (worker)");
                if sender.send(Part::Preview(preview)).is_ok() {
                    wait_until_settled(&frames);
                }
            });
            crate::startup::phase("journal parsed (worker)");
            let read = loaded.map(|journal| Read { journal, stamp });
            let _ = sender.send(Part::Whole(read));
            if let Some(wake) = wake.lock().ok().and_then(|w| w.clone()) {
                wake();
            }
        });
        Preload {
            path,
            parts,
            waker,
            painted: Some(painted),
        }
    }

    /// A frame showing the preview is being laid out, to be painted: the
    /// rest of the journal is read once the window has settled.
    pub fn preview_painted(&self) {
        if let Some(painted) = &self.painted {
            let _ = painted.send(());
        }
    }

    /// Read the rest of the journal now, settled or not (a wait for it).
    pub fn read_rest_now(&mut self) {
        self.painted = None;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Wait for something to show: the whole journal if it is already in,
    /// else a preview if the file is big enough to have one.
    pub fn first_look(&self) -> FirstLook {
        match self.parts.recv() {
            Ok(Part::Preview(preview)) => match self.try_whole() {
                Some(whole) => FirstLook::Whole(whole),
                None => FirstLook::Preview(preview),
            },
            Ok(Part::Whole(whole)) => FirstLook::Whole(whole),
            Err(_) => FirstLook::Whole(Err(self.stopped())),
        }
    }

    /// Wait for the whole journal (tests wait so, through `finish_errands`).
    pub fn wait_whole(&self) -> Result<Read, LoadError> {
        loop {
            match self.parts.recv() {
                Ok(Part::Whole(whole)) => return whole,
                Ok(Part::Preview(_)) => continue,
                Err(_) => return Err(self.stopped()),
            }
        }
    }

    /// The whole journal, if it is in by now.
    pub fn try_whole(&self) -> Option<Result<Read, LoadError>> {
        loop {
            match self.parts.try_recv() {
                Ok(Part::Whole(whole)) => return Some(whole),
                Ok(Part::Preview(_)) => continue,
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => return Some(Err(self.stopped())),
            }
        }
    }

    /// Call `waker` when the whole journal is in (check [`Self::try_whole`]
    /// after setting it: it may be in already).
    pub fn wake_with(&self, waker: Waker) {
        if let Ok(mut slot) = self.waker.lock() {
            *slot = Some(waker);
        }
    }

    fn stopped(&self) -> LoadError {
        stopped(&self.path)
    }
}

/// Wait for the preview's first frame, then until the window has settled
/// (no frame for [`SETTLED_AFTER`], longer than a frame takes to paint):
/// reading the rest meanwhile, even on a thread that yields the cores,
/// slowed those frames and the programs starting beside the window (the X
/// server among them) on two cores.
fn wait_until_settled(frames: &Receiver<()>) {
    if frames.recv_timeout(MAX_WAIT_FOR_PAINT).is_ok() {
        wait_for_quiet(frames, SETTLED_AFTER, MAX_WAIT_FOR_SETTLING);
    }
}

/// Wait until no frame has come for `quiet`, or `longest` has passed.
fn wait_for_quiet(frames: &Receiver<()>, quiet: Duration, longest: Duration) {
    let start = Instant::now();
    while start.elapsed() < longest && frames.recv_timeout(quiet).is_ok() {}
}

/// The file's text and, for a big one, its preview.
fn read_and_preview(path: &Path) -> Result<(String, Option<Journal>), LoadError> {
    yielding(|| {
        let text = store::read_text(path)?;
        let preview = store::preview_of_big_file(path, &text);
        Ok((text, preview))
    })
    .unwrap_or_else(|| Err(stopped(path)))
}

/// The first look kept in `dir` for the journal at `path`, if its file
/// (now as `stamp` says) is still as it was when it was kept.
fn kept_first_look(dir: &Path, path: &Path, stamp: FileStamp) -> Option<Journal> {
    yielding(|| store::read_first_look(dir, path, stamp)).flatten()
}

/// Keep `journal`'s first look in `first_looks` for the next start, on a
/// thread of its own (the journal is wanted on screen meanwhile); `stamp`:
/// the file's, taken before it was read.
fn keep_first_look_aside(
    first_looks: Option<PathBuf>,
    path: &Path,
    stamp: Option<FileStamp>,
    journal: &Journal,
) {
    let (Some(dir), Some(stamp)) = (first_looks, stamp) else {
        return;
    };
    let first_look = crate::model::first_look(journal);
    let path = path.to_owned();
    std::thread::spawn(move || keep(&dir, &path, stamp, &first_look));
}

/// Keep the first look of `journal`, read from or saved to `path` (whose
/// file has `stamp`), in `dir` for the next start. One not kept only
/// makes that start read the file itself.
pub(super) fn keep_first_look(dir: &Path, path: &Path, stamp: FileStamp, journal: &Journal) {
    keep(dir, path, stamp, &crate::model::first_look(journal));
}

fn keep(dir: &Path, path: &Path, stamp: FileStamp, first_look: &Journal) {
    if let Err(e) = store::write_first_look(dir, path, stamp, first_look) {
        log::info!("{}: its first look was not kept: {e}", path.display());
    }
}

/// `work`, on a thread that yields the cores; None if it panicked.
fn yielding<T: Send>(work: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                super::background::yield_cores();
                work()
            })
            .join()
            .ok()
    })
}

/// How long the whole journal is read at a priority below the window's
/// before it is read again at the usual one (see [`patiently`]). Ten
/// years take about 0.15 s on two idle cores.
const PATIENCE: Duration = Duration::from_secs(1);

/// `work`'s result, worked out on a thread that yields the cores, so that
/// what the window does meanwhile (its first frames, and whatever else is
/// starting beside it) is not slowed. On a machine kept busy at the usual
/// priority such a thread gets almost nothing: if it has not finished
/// within [`PATIENCE`], `work` is done again here, at the usual priority.
fn patiently<T: Send + 'static>(work: impl Fn() -> T + Send + Sync + 'static) -> T {
    patiently_within(PATIENCE, work)
}

fn patiently_within<T: Send + 'static>(
    patience: Duration,
    work: impl Fn() -> T + Send + Sync + 'static,
) -> T {
    let work = Arc::new(work);
    let (done, result) = channel();
    let yielding_work = Arc::clone(&work);
    std::thread::spawn(move || {
        super::background::yield_cores();
        let _ = done.send(yielding_work());
    });
    match result.recv_timeout(patience) {
        Ok(result) => result,
        // Late, or its thread panicked: here, now.
        Err(_) => work(),
    }
}

fn stopped(path: &Path) -> LoadError {
    LoadError::Read {
        path: path.to_owned(),
        source: std::io::Error::other("the reading thread stopped"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A journal file big enough to be previewed, in a folder of its own.
    fn big_journal_file() -> (tempfile::TempDir, PathBuf, Journal) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("big.studylog.ron");
        let journal = crate::generate::generate(2, 9);
        store::save(&path, &journal).unwrap();
        let len = store::stamp(&path).unwrap().len;
        assert!(store::worth_previewing(len as usize));
        (folder, path, journal)
    }

    fn first_title(preload: &Preload) -> String {
        match preload.first_look() {
            FirstLook::Preview(preview) => preview.title,
            FirstLook::Whole(whole) => panic!("no preview: {:?}", whole.map(|r| r.journal.title)),
        }
    }

    #[test]
    fn a_kept_first_look_is_shown_first_while_the_file_is_as_it_was() {
        let (folder, path, journal) = big_journal_file();
        let kept = folder.path().join("first-looks");
        let mut look = crate::model::first_look(&journal);
        look.title = "kept".into();
        let stamp = store::stamp(&path).unwrap();
        store::write_first_look(&kept, &path, stamp, &look).unwrap();

        let preload = Preload::spawn(path.clone(), Some(kept.clone()));
        assert_eq!(first_title(&preload), "kept");
        preload.preview_painted();
        assert_eq!(preload.wait_whole().unwrap().journal, journal);

        // Changed by another program since: its own text is previewed.
        let mut changed = journal.clone();
        changed.title = "changed".into();
        store::save(&path, &changed).unwrap();
        let preload = Preload::spawn(path, Some(kept));
        assert_eq!(first_title(&preload), "changed");
        preload.preview_painted();
        assert_eq!(preload.wait_whole().unwrap().journal, changed);
    }

    #[test]
    fn work_left_late_by_a_busy_machine_is_done_again_at_the_usual_priority() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        // The first try (the one yielding the cores) never ends here; the
        // second is taken.
        let (_hold, held) = channel::<()>();
        let held = Mutex::new(held);
        let tries = AtomicUsize::new(0);
        let result = patiently_within(Duration::from_millis(20), move || {
            let this_try = tries.fetch_add(1, Ordering::SeqCst) + 1;
            if this_try == 1 {
                let _ = held.lock().unwrap().recv();
            }
            this_try
        });
        assert_eq!(result, 2);
        // And work done in time is taken from its first try.
        assert_eq!(
            patiently_within(Duration::from_secs(60), || "first"),
            "first"
        );
    }

    #[test]
    fn the_rest_waits_while_frames_keep_coming_but_not_for_ever() {
        let (painted, frames) = channel();
        let painting = std::thread::spawn(move || {
            for _ in 0..20 {
                painted.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(10));
            }
            painted
        });
        let start = Instant::now();
        wait_for_quiet(&frames, Duration::from_millis(500), Duration::from_secs(60));
        assert!(
            start.elapsed() >= Duration::from_millis(190),
            "settled early"
        );
        // Frames that never stop: the wait still ends.
        let painted = painting.join().unwrap();
        let painting = std::thread::spawn(move || {
            while painted.send(()).is_ok() {
                std::thread::sleep(Duration::from_millis(1));
            }
        });
        wait_for_quiet(
            &frames,
            Duration::from_millis(500),
            Duration::from_millis(50),
        );
        drop(frames);
        painting.join().unwrap();
    }

    #[test]
    fn a_big_journal_read_whole_has_its_first_look_kept() {
        let (folder, path, journal) = big_journal_file();
        let kept = folder.path().join("first-looks");
        let preload = Preload::spawn(path.clone(), Some(kept.clone()));
        preload.preview_painted();
        assert_eq!(preload.wait_whole().unwrap().journal, journal);
        // Kept on a thread of its own, after the journal was handed over.
        let stamp = store::stamp(&path).unwrap();
        let start = Instant::now();
        let found = loop {
            match store::read_first_look(&kept, &path, stamp) {
                Some(found) => break found,
                None if start.elapsed() < Duration::from_secs(10) => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                None => panic!("no first look kept"),
            }
        };
        assert!(found == crate::model::first_look(&journal));
    }
}
