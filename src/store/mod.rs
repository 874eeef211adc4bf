//! Reading and writing journal files (`*.studylog.ron`).
//!
//! This is the only code that touches journal files. Loading never writes;
//! saving is atomic (temp file, fsync, rename) and keeps the previous version
//! as a backup, so a crash or a full disk can never leave half a journal.

mod agreed;
mod backup;
mod conflicts;
mod error;
mod explain;
mod first_look;
mod folders;
mod format;
mod git;
mod load;
mod lock;
mod logs;
mod migrate;
mod paths;
mod pictures;
mod preview;
mod recovery;
mod replace;
mod review_lines;
mod save;
mod scan;
mod split;
mod stamp;

pub use agreed::{agreed_path, agreed_version, has_agreed, keep_agreed};
pub use backup::{Backup, KEPT_BACKUPS, ROTATE_AFTER, backup_path, backups, push_backup};
pub use conflicts::{conflict_copies, git_conflict_sides, is_conflict_copy_of};
pub use error::{LoadError, SaveError};
pub use first_look::{default_first_look_dir, read_first_look, write_first_look};
pub use folders::dialog_folder;
pub use format::{from_ron_str, to_ron_string};
pub use git::{ATTRIBUTES_LINE, DriverInstalled, install_merge_driver};
pub use load::{
    MAX_FILE_BYTES, file_exists, is_journal_file, is_regular_file, load, parse_journal, read_text,
};
pub use lock::{WRITER_WAIT, WriterLock, lock_path};
pub use logs::{FoundLogs, LogText, MAX_LOG_BYTES, find_logs, read_log};
pub use paths::{canonical, resolve_target};
pub use pictures::{
    Decoded, MAX_DRAWN_SIDE, MAX_PICTURE_SIDE, PictureError, add_picture, add_picture_file,
    add_picture_pixels, copy_picture, decode_picture, percent_decoded, pictures_dir,
    pictures_dir_name, read_picture, remove_picture, resolve_picture, stored_pictures,
};
pub use preview::{preview, preview_of_big_file, worth_previewing};
pub use recovery::{
    LeftBehind, Recovered, RecoverySpace, default_recovery_dir, find_left_behind,
    read_recovery_file, remove_recovery_file, write_recovery,
};
pub use review_lines::review_lines;
pub use save::{
    Expect, check_journal_target, lock, save, save_as_backup, save_expecting, save_locked,
    save_new, save_plain, write_private_file, write_text_file,
};
pub use split::parse_in_parts;
pub use stamp::{FileId, FileStamp, file_id, same_file, stamp};

/// The extension journal files carry.
pub const EXTENSION: &str = "studylog.ron";

/// A journal's name for people: `study.studylog.ron` -> `study`; any other
/// file loses its last extension (`log.md` -> `log`).
pub fn journal_name(path: &std::path::Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    match name.strip_suffix(&format!(".{EXTENSION}")) {
        Some(stem) => stem.to_owned(),
        None => path.file_stem().map_or_else(
            || name.clone().into_owned(),
            |s| s.to_string_lossy().into_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_journal_is_named_after_its_file_without_the_extension() {
        assert_eq!(
            journal_name(Path::new("/x/my-study.studylog.ron")),
            "my-study"
        );
        assert_eq!(journal_name(Path::new("学習.ron")), "学習");
        assert_eq!(journal_name(Path::new("log.md")), "log");
        assert_eq!(journal_name(Path::new("notes")), "notes");
    }
}
