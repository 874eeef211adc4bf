//! One writer at a time, and knowing whether a file's writer still runs.
//!
//! Every writer of a journal (the window's save, `import`, `new`) holds an
//! advisory lock on `.NAME.lock` beside it for its check-then-replace, so
//! two writers never interleave and nothing lands between a check and a
//! rename. The lock is the operating system's (`File::try_lock`): it dies
//! with its process, so a killed writer never blocks the next one, and it
//! says nothing wrong after a reboot reuses process ids.
//!
//! The same kind of lock tells whether a file's writer is alive: a temp file
//! is locked while it is written, a session's recovery files by a lock held
//! for the session's life. A file whose lock can be taken was left behind.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::SaveError;

/// How long a second writer waits for the first before refusing.
pub const WRITER_WAIT: Duration = Duration::from_secs(3);

/// The lock a writer holds; released (and its file removed) when dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    path: PathBuf,
}

/// `.NAME.lock` beside `journal`.
pub fn lock_path(journal: &Path) -> PathBuf {
    let name = journal.file_name().unwrap_or_default().to_string_lossy();
    journal.with_file_name(format!(".{name}.lock"))
}

/// Take the writer lock of `journal`, waiting up to `wait` for another
/// writer to finish; then refuse, naming that writer's process.
pub fn lock_for_writing(journal: &Path, wait: Duration) -> Result<WriterLock, SaveError> {
    let path = lock_path(journal);
    let deadline = Instant::now() + wait;
    let fail = |source| SaveError::Io {
        path: lock_path(journal),
        action: "lock the journal for writing",
        source,
    };
    loop {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(fail)?;
        match file.try_lock() {
            // The writer before us removes the file after unlocking it; a
            // lock on a removed file guards nothing, so the name must still
            // be the file we locked.
            Ok(()) if still_named(&file, &path) => {
                let mut lock = WriterLock { file, path };
                lock.write_pid().map_err(fail)?;
                return Ok(lock);
            }
            Ok(()) => continue,
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(SaveError::Busy {
                    path: journal.to_owned(),
                    pid: read_pid(&path),
                });
            }
            Err(TryLockError::Error(source)) => return Err(fail(source)),
        }
    }
}

impl WriterLock {
    fn write_pid(&mut self) -> io::Result<()> {
        self.file.set_len(0)?;
        writeln!(self.file, "{}", std::process::id())
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Removed while still locked, so no one can take a lock on a name
        // that is about to vanish without noticing. (Windows keeps the file:
        // it cannot remove an open one, and the next writer reuses it.)
        if cfg!(unix) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether `path` still names the file open as `file`.
fn still_named(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

fn read_pid(path: &Path) -> Option<u32> {
    let mut text = String::new();
    File::open(path).ok()?.read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

/// Whether a file left by some writer is still held by it (a temp file being
/// written, a session's lock): true if its lock cannot be taken now.
pub fn held_by_a_live_process(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    matches!(file.try_lock_shared(), Err(TryLockError::WouldBlock))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_refuses_naming_the_first() {
        let folder = tempfile::tempdir().unwrap();
        let journal = folder.path().join("j.studylog.ron");
        let first = lock_for_writing(&journal, WRITER_WAIT).unwrap();
        let started = Instant::now();
        let second = lock_for_writing(&journal, Duration::from_millis(200));
        assert!(started.elapsed() >= Duration::from_millis(200), "it waited");
        let error = second.expect_err("the first writer holds the lock");
        let message = error.to_string();
        assert!(
            message.contains("being written by another studylog")
                && message.contains(&format!("pid {}", std::process::id())),
            "{message}"
        );
        drop(first);
        assert!(
            !lock_path(&journal).exists(),
            "the lock file goes with the lock"
        );
        let third = lock_for_writing(&journal, Duration::ZERO);
        assert!(third.is_ok(), "free again once the first is done");
    }

    #[test]
    fn a_writer_waiting_on_a_removed_lock_file_takes_the_new_one() {
        let folder = tempfile::tempdir().unwrap();
        let journal = folder.path().join("j.studylog.ron");
        let first = lock_for_writing(&journal, WRITER_WAIT).unwrap();
        let waiting = std::thread::spawn({
            let journal = journal.clone();
            move || lock_for_writing(&journal, WRITER_WAIT).map(|_| ())
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        assert!(waiting.join().unwrap().is_ok());
    }

    #[test]
    fn a_file_nobody_holds_was_left_behind() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("x.tmp");
        let file = File::create(&path).unwrap();
        file.try_lock().unwrap();
        assert!(held_by_a_live_process(&path));
        drop(file);
        assert!(!held_by_a_live_process(&path));
    }
}
