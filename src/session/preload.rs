//! Reading the journal named on the command line while the window is still
//! being created: the file is read on a worker thread from the first
//! millisecond. A big journal first gives a preview (its newest day, its
//! library and its dates; see [`store::preview`]) that the first frame
//! shows, then the whole journal, which replaces it a few frames later.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::model::Journal;
use crate::store::{self, FileStamp, LoadError};

use super::Waker;

/// A journal being read ahead of the window.
pub struct Preload {
    path: PathBuf,
    parts: Receiver<Part>,
    /// Called once the whole journal is in, to wake the window.
    waker: Arc<Mutex<Option<Waker>>>,
    /// Told when the preview has been painted.
    shown: Option<Sender<()>>,
}

/// How long the rest of the journal waits for the preview to be painted.
const MAX_WAIT_FOR_PAINT: Duration = Duration::from_millis(300);

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
    /// Start reading `path` now. The file is read and previewed on a thread
    /// that yields the cores (the window and the X server are being set up
    /// meanwhile, and on two cores it slowed them); the whole parse, after
    /// the first paint, runs at the usual priority.
    pub fn spawn(path: PathBuf) -> Self {
        Self::spawn_with(path, |path, first_look| {
            let (text, preview) = read_and_preview(path)?;
            if let Some(preview) = preview {
                first_look(preview);
            }
            store::parse_journal(path, &text)
        })
    }

    /// Start reading `path` now, whole, with no preview (a journal opened
    /// from the menu: the journal open now stays on screen meanwhile).
    pub fn spawn_whole(path: PathBuf) -> Self {
        Self::spawn_with(path, |path, _| store::load(path))
    }

    /// Start reading `path` now with `load`, which hands any preview to the
    /// function it is given before it returns the journal (tests read
    /// journals their own way).
    pub fn spawn_with(
        path: PathBuf,
        load: impl FnOnce(&Path, &mut dyn FnMut(Journal)) -> Result<Journal, LoadError> + Send + 'static,
    ) -> Self {
        let (sender, parts) = channel();
        let (shown, wait_until_shown) = channel();
        let waker: Arc<Mutex<Option<Waker>>> = Arc::default();
        let (file, wake) = (path.clone(), waker.clone());
        std::thread::spawn(move || {
            let stamp = store::stamp(&file);
            let loaded = load(&file, &mut |preview| {
                crate::startup::phase("journal previewed (worker)");
                if sender.send(Part::Preview(preview)).is_ok() {
                    // The rest waits until the preview is on screen: on a
                    // machine with few cores it would slow the first paint.
                    let _ = wait_until_shown.recv_timeout(MAX_WAIT_FOR_PAINT);
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
            shown: Some(shown),
        }
    }

    /// The preview is on screen: the rest of the journal can be read.
    pub fn preview_shown(&mut self) {
        if let Some(shown) = self.shown.take() {
            let _ = shown.send(());
        }
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

/// The file's text and, for a big one, its preview; worked out on a thread
/// that yields the cores.
fn read_and_preview(path: &Path) -> Result<(String, Option<Journal>), LoadError> {
    let reading = |path: &Path| {
        super::background::yield_cores();
        let text = store::read_text(path)?;
        let preview = store::preview_of_big_file(path, &text);
        Ok((text, preview))
    };
    std::thread::scope(|scope| {
        scope
            .spawn(|| reading(path))
            .join()
            .unwrap_or_else(|_| Err(stopped(path)))
    })
}

fn stopped(path: &Path) -> LoadError {
    LoadError::Read {
        path: path.to_owned(),
        source: std::io::Error::other("the reading thread stopped"),
    }
}
