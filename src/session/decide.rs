//! The decisions that guard the user's work, as plain functions: whether a
//! save may go ahead or must ask first, whether found unsaved work is worth
//! offering, and what an autosave that comes due should do. The app asks
//! these; they know nothing of windows or threads, so they are tested alone.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use super::document::DiskState;
use crate::store::FileStamp;

/// A file with at least this many days is guarded against a save that
/// would leave a tenth of them or fewer.
pub const GUARDED_DAYS: usize = 10;

/// What a save to the journal's own file must do first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveCheck {
    /// Nothing stands in the way.
    Write,
    /// The file changed (or, if `deleted`, vanished) since it was read or written.
    Changed { deleted: bool },
    /// The save would leave `days_now` days where the file holds `on_disk`.
    FewDays { on_disk: usize },
}

/// Whether saving `days_now` days to `file` may go ahead, given the file's
/// stamp `now` (None: it is not there).
pub fn check_before_save(file: &DiskState, now: Option<FileStamp>, days_now: usize) -> SaveCheck {
    if now != file.stamp {
        return SaveCheck::Changed {
            deleted: now.is_none(),
        };
    }
    if file.days >= GUARDED_DAYS && days_now * 10 <= file.days {
        return SaveCheck::FewDays { on_disk: file.days };
    }
    SaveCheck::Write
}

/// Whether the journal's file (last modified at `file_modified`; None: no
/// file) changed after unsaved work was written at `written_at`: someone
/// else saved it since, so restoring would replace their version (the user
/// is told; the work is still offered, since it exists nowhere else).
pub fn changed_since(written_at: NaiveDateTime, file_modified: Option<NaiveDateTime>) -> bool {
    file_modified.is_some_and(|file| file > written_at)
}

/// When unsaved work next goes aside, after an edit at `now`: `due` if a
/// write is already coming (so a steady typist's work is written every
/// `delay`, not only once they pause), else `delay` from now.
pub fn recovery_due(due: Option<Instant>, now: Instant, delay: Duration) -> Instant {
    due.unwrap_or(now + delay)
}

/// What an autosave that came due does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AutosaveStep {
    /// Nothing is unsaved (an undo went back to the file): the recovery file goes.
    Forget,
    /// Save the journal itself (the user asked for that, and it has a file).
    SaveJournal,
    /// Write the recovery file.
    WriteRecovery,
}

/// The step for a journal that is `dirty` or not; `to_journal` is the
/// user's setting, `has_file` whether the journal has a file, `saving`
/// whether a save is already running.
pub fn autosave_step(dirty: bool, to_journal: bool, has_file: bool, saving: bool) -> AutosaveStep {
    if !dirty {
        AutosaveStep::Forget
    } else if to_journal && has_file && !saving {
        AutosaveStep::SaveJournal
    } else {
        AutosaveStep::WriteRecovery
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_typist_is_written_every_delay_not_only_at_a_pause() {
        let start = Instant::now();
        let delay = Duration::from_secs(2);
        // A key every 300 ms for 19 s: the first key sets the time, the
        // keys after it do not push it back.
        let mut due = None;
        let mut writes = Vec::new();
        for key in 0..64u64 {
            let now = start + Duration::from_millis(300 * key);
            if due.is_some_and(|d| now >= d) {
                writes.push(now - start);
                due = None;
            }
            due = Some(recovery_due(due, now, delay));
        }
        assert_eq!(writes.first(), Some(&Duration::from_millis(2100)));
        assert!(writes.len() >= 8, "{writes:?}");
        assert!(
            writes
                .windows(2)
                .all(|w| w[1] - w[0] <= Duration::from_millis(2400)),
            "{writes:?}"
        );
    }
    use std::path::PathBuf;
    use std::time::{Duration, SystemTime};

    fn stamp(seconds: u64, len: u64) -> FileStamp {
        FileStamp {
            modified: SystemTime::UNIX_EPOCH + Duration::from_secs(seconds),
            len,
        }
    }

    fn file(days: usize) -> DiskState {
        DiskState {
            path: PathBuf::from("j.studylog.ron"),
            stamp: Some(stamp(100, 5)),
            days,
        }
    }

    #[test]
    fn a_file_changed_or_deleted_behind_our_back_stops_the_save() {
        let file = file(3);
        assert_eq!(
            check_before_save(&file, Some(stamp(100, 5)), 3),
            SaveCheck::Write
        );
        assert_eq!(
            check_before_save(&file, Some(stamp(101, 5)), 3),
            SaveCheck::Changed { deleted: false }
        );
        assert_eq!(
            check_before_save(&file, Some(stamp(100, 6)), 3),
            SaveCheck::Changed { deleted: false }
        );
        assert_eq!(
            check_before_save(&file, None, 3),
            SaveCheck::Changed { deleted: true }
        );
    }

    #[test]
    fn losing_most_days_of_a_real_journal_asks_first() {
        let now = Some(stamp(100, 5));
        assert_eq!(
            check_before_save(&file(100), now, 10),
            SaveCheck::FewDays { on_disk: 100 }
        );
        assert_eq!(check_before_save(&file(100), now, 11), SaveCheck::Write);
        assert_eq!(
            check_before_save(&file(9), now, 0),
            SaveCheck::Write,
            "a small file is not guarded"
        );
    }

    #[test]
    fn a_journal_saved_after_the_work_was_written_is_noticed() {
        let at = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        assert!(!changed_since(at(10), Some(at(9))));
        assert!(changed_since(at(9), Some(at(10))));
        assert!(!changed_since(at(9), None), "untitled work has no file");
    }

    #[test]
    fn an_autosave_saves_the_journal_only_when_asked_and_possible() {
        use AutosaveStep::*;
        assert_eq!(autosave_step(false, true, true, false), Forget);
        assert_eq!(autosave_step(true, true, true, false), SaveJournal);
        assert_eq!(autosave_step(true, true, false, false), WriteRecovery);
        assert_eq!(autosave_step(true, true, true, true), WriteRecovery);
        assert_eq!(autosave_step(true, false, true, false), WriteRecovery);
    }
}
