//! Noticing that a journal changed on disk behind studylog's back (another
//! program, a sync tool, git): the file's size and modification time are
//! recorded when it is opened or saved, and compared before the next save.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

/// What a journal file looked like when studylog last read or wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
