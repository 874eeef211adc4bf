//! The window's one door to the disk: what it may read, write and ask
//! about files, offered by the session so that the window never names the
//! store (`tests/architecture.rs` checks it). Slow work (saving, merging,
//! reading a journal ahead) runs in the session's background jobs; what is
//! here is quick: names, small files, a backup or the sample to open.

pub use crate::store::{
    Backup, Decoded, EXTENSION, Expect, FileStamp, LeftBehind, LoadError, PictureError, SaveError,
    default_first_look_dir, default_recovery_dir, dialog_folder, file_exists, git_conflict_sides,
    journal_name, load, parse_journal, read_text, write_text_file,
};
