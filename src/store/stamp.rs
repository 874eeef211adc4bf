//! Noticing that a journal changed on disk behind studylog's back (another
//! program, a sync tool, git): the file's size and modification time are
//! recorded when it is opened or saved, and compared before the next save.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// What a journal file looked like when studylog last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    pub modified: SystemTime,
    pub len: u64,
}

/// The file's stamp now; None when it does not exist (or cannot be read).
pub fn stamp(path: &Path) -> Option<FileStamp> {
    let meta = fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok()?,
        len: meta.len(),
    })
}

/// A file's identity where the system has one (device and inode on Unix):
/// the same file under any spelling of its path, a hard link or a bind mount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct FileId {
    pub device: u64,
    pub inode: u64,
}

/// The identity of the file at `path`, if it exists and the system has one.
pub fn file_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(path).ok()?;
        Some(FileId {
            device: meta.dev(),
            inode: meta.ino(),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Whether two paths name the same file (by identity where the system has
/// one, else by canonical path): a journal and an export target, say.
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (first, second) = (file_id(a), file_id(b));
    if first.is_some() && first == second {
        return true;
    }
    super::paths::canonical(a) == super::paths::canonical(b)
}
