//! File names and renames the store's writers share (a save, a backup, the
//! agreed version, recovery files): where a save really goes, the temp file
//! beside it, a name with a suffix, and the error that names the file.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::SaveError;

/// The file a save to `path` must replace: symlinks are followed, also to a
/// target that does not exist yet, so a link is never replaced by a file.
pub fn resolve_target(path: &Path) -> PathBuf {
    let mut target = path.to_owned();
    // A loop of links (or a very long chain) stops here and is written as named.
    for _ in 0..40 {
        let Ok(link) = fs::read_link(&target) else {
            break;
        };
        target = match target.parent() {
            Some(folder) if link.is_relative() => folder.join(link),
            _ => link,
        };
    }
    let name = target.file_name().map(OsString::from).unwrap_or_default();
    match target.parent().map(fs::canonicalize) {
        Some(Ok(folder)) => folder.join(name),
        _ => target,
    }
}

/// Rename `from` over `to`.
pub(super) fn rename(from: &Path, to: &Path) -> Result<(), SaveError> {
    fs::rename(from, to).map_err(|source| io_error(to, "replace the file", source))
}

/// The folder holding `path` (`.` for a bare name).
pub(super) fn parent_folder(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A hidden, unique name in the same folder, so the final rename stays on
/// one file system: `.NAME.PID-N.tmp`.
pub(super) fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp_name = format!(".{name}.{}-{n}.tmp", std::process::id());
    parent_folder(path).join(temp_name)
}

/// `path` with `suffix` added to its file name.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name: OsString = path.file_name().unwrap_or_default().to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// The error for `action` on `path`.
pub(super) fn io_error(path: &Path, action: &'static str, source: io::Error) -> SaveError {
    SaveError::Io {
        path: path.to_owned(),
        action,
        source,
    }
}

/// A journal's path as recovery files record it and as two paths are
/// compared: symlinks followed, canonical where it exists.
pub fn canonical(journal_path: &Path) -> PathBuf {
    let target = resolve_target(journal_path);
    fs::canonicalize(&target).unwrap_or(target)
}
