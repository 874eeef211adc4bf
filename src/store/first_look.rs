//! First looks kept between runs: a big journal's first look (see
//! [`crate::model::first_look`]) written to the user's cache folder after
//! the journal is read or saved, so that the next start shows its first
//! frame without reading the whole file first. Reading ten years' text
//! and cutting it down took 20 ms of the two cores the window was being
//! created on; reading a kept first look takes a quarter of that.
//!
//! A kept first look names the journal (its canonical path) and the file's
//! stamp when it was made; if the file has changed since (another program,
//! a `git pull`), or studylog is another version, it is not used, and the
//! window previews the file itself. It is for showing only, as any preview:
//! the whole journal replaces it a moment later. It is JSON because that
//! is read about twice as fast as RON here, and nobody edits it.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{FORMAT_VERSION, Journal, validate};

use super::paths::canonical;
use super::stamp::FileStamp;

/// How kept first looks are written; a change to what a first look holds
/// or how it is written counts it up, so that none kept before is used.
const KEPT_AS: u32 = 3;

/// What a kept first look was made from, on the first line of its file.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct MadeFrom {
    studylog: String,
    kept_as: u32,
    format_version: u32,
    journal: PathBuf,
    stamp: FileStamp,
}

impl MadeFrom {
    /// By this studylog, from the journal at `journal` (its canonical path).
    fn now(journal: PathBuf, stamp: FileStamp) -> Self {
        MadeFrom {
            studylog: env!("CARGO_PKG_VERSION").to_owned(),
            kept_as: KEPT_AS,
            format_version: FORMAT_VERSION,
            journal,
            stamp,
        }
    }

    /// Where the first look it was made for is kept in `dir`.
    fn kept_path(&self, dir: &Path) -> PathBuf {
        let hash = crate::stable_hash::fnv1a(self.journal.as_os_str().as_encoded_bytes());
        dir.join(format!("{hash:016x}.json"))
    }
}

/// The per-user folder of kept first looks, from the platform's conventions.
pub fn default_first_look_dir() -> Option<PathBuf> {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    let cache = if cfg!(windows) {
        std::env::var_os("LOCALAPPDATA").map(|d| PathBuf::from(d).join("studylog").join("cache"))
    } else if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library/Caches/studylog"))
    } else {
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute())
            .or_else(|| home().map(|h| h.join(".cache")))
            .map(|d| d.join("studylog"))
    }?;
    Some(cache.join("first-look"))
}

/// The kept first look of the journal at `journal`, if there is one made
/// from the file as `stamp` says it is now, by this version of studylog.
pub fn read_first_look(dir: &Path, journal: &Path, stamp: FileStamp) -> Option<Journal> {
    let wanted = MadeFrom::now(canonical(journal), stamp);
    let bytes = fs::read(wanted.kept_path(dir)).ok()?;
    // simdutf8: std's check is slow on Japanese (see `load::decode`), and
    // this read runs beside the window's creation.
    let text = simdutf8::basic::from_utf8(&bytes).ok()?;
    let (first_line, rest) = text.split_once('\n')?;
    let made_from: MadeFrom = serde_json::from_str(first_line).ok()?;
    if made_from != wanted {
        return None;
    }
    let first_look: Journal = serde_json::from_str(rest).ok()?;
    validate(&first_look).ok()?;
    Some(first_look)
}

/// Keep `first_look`, made from the journal at `journal` whose file has
/// `stamp`, for the next start (replacing the one kept before).
pub fn write_first_look(
    dir: &Path,
    journal: &Path,
    stamp: FileStamp,
    first_look: &Journal,
) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    super::recovery::make_private(dir)?;
    let made_from = MadeFrom::now(canonical(journal), stamp);
    let mut text = serde_json::to_string(&made_from)?;
    text.push('\n');
    text.push_str(&serde_json::to_string(first_look)?);
    let path = made_from.kept_path(dir);
    // One temp name per journal: one left by a killed process is written
    // over next time, and two windows writing at once can at worst leave a
    // cut file, which is not used (`read_first_look` parses it whole).
    let temp = path.with_extension("json.tmp");
    let written = fs::File::create(&temp).and_then(|mut f| f.write_all(text.as_bytes()));
    match written.and_then(|()| fs::rename(&temp, &path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::first_look;
    use std::time::{Duration, SystemTime};

    fn stamp(len: u64) -> FileStamp {
        FileStamp {
            modified: SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            len,
        }
    }

    #[test]
    fn a_kept_first_look_is_read_back_only_for_the_file_it_was_made_from() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        let journal_path = dir.path().join("j.studylog.ron");
        let journal = crate::generate::generate(1, 5);
        let look = first_look(&journal);
        write_first_look(&cache, &journal_path, stamp(100), &look).unwrap();
        let back = read_first_look(&cache, &journal_path, stamp(100));
        assert!(back.as_ref() == Some(&look), "read back as written");
        assert!(
            read_first_look(&cache, &journal_path, stamp(101)).is_none(),
            "file changed"
        );
        let other = dir.path().join("other.studylog.ron");
        assert!(
            read_first_look(&cache, &other, stamp(100)).is_none(),
            "another journal"
        );
    }

    #[test]
    fn a_damaged_kept_first_look_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let journal_path = dir.path().join("j.studylog.ron");
        let look = first_look(&crate::generate::generate(1, 5));
        write_first_look(dir.path(), &journal_path, stamp(7), &look).unwrap();
        let kept = MadeFrom::now(canonical(&journal_path), stamp(7)).kept_path(dir.path());
        let bytes = fs::read(&kept).unwrap();
        fs::write(&kept, &bytes[..bytes.len() / 2]).unwrap();
        assert!(read_first_look(dir.path(), &journal_path, stamp(7)).is_none());
        fs::write(&kept, "not json\n{}").unwrap();
        assert!(read_first_look(dir.path(), &journal_path, stamp(7)).is_none());
    }
}
