//! Work that must not hold up a frame (saving, writing the recovery file,
//! indexing ten years of text) runs on a thread of its own; its result comes
//! back through a [`Job`], and a [`Waker`] tells whoever draws that it arrived.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// Called from a worker thread when a result is ready (the app asks egui
/// for a repaint; tests need nothing).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// A waker that does nothing, for sessions nobody draws.
pub fn no_waker() -> Waker {
    Arc::new(|| {})
}

/// The result of work running on another thread.
pub struct Job<T> {
    receiver: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Run `work` on a new thread; `waker` is called when it is done.
    pub fn spawn(waker: &Waker, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = channel();
        let waker = Arc::clone(waker);
        std::thread::spawn(move || {
            // Nobody waiting any more (the session ended) is fine.
            let _ = sender.send(work());
            waker();
        });
        Job { receiver }
    }

    /// The result, if the work is done.
    pub fn try_take(&self) -> Option<T> {
        self.receiver.try_recv().ok()
    }

    /// Wait for the result; None if the worker died without one.
    pub fn wait(&self) -> Option<T> {
        self.receiver.recv().ok()
    }
}

/// Let the calling thread run only when the cores have nothing better to
/// do (Linux: nice 19 for this thread alone). For work that must not slow
/// what the user waits for, such as a window being created while a journal
/// is read ahead. Elsewhere it does nothing.
pub fn yield_cores() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority has no memory effects; on Linux, `who` 0 with
    // PRIO_PROCESS names the calling thread only. A refusal changes nothing.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 19);
    }
}
