//! Markdown logs to import: found in folders, read as UTF-8 or converted
//! from the Shift_JIS/CP932 that older Japanese Windows editors saved.
//!
//! A log is read up to a bound (no daily log comes near it), so an endless
//! source (`/dev/zero`) or an enormous file is refused with a clear message
//! instead of filling memory; a pipe (`/dev/stdin`, `<(…)`) still reads.
//! A folder walk reads each folder once, however its links loop, and skips
//! (and reports) a folder it cannot read.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::LoadError;
use super::load::text_from_bytes;

/// Logs larger than this are refused: ten years of daily notes are ~11 MB.
pub const MAX_LOG_BYTES: u64 = 64 * 1024 * 1024;

/// A log read for import: its text, and the encoding it was converted from
/// when it was not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogText {
    pub text: String,
    pub converted_from: Option<&'static str>,
}

/// Read a Markdown log: UTF-8 (a BOM removed), or Shift_JIS/CP932 as older
/// Japanese Windows editors saved it, converted (and said so). Anything
/// else is refused with the line and column of the first bad byte; more
/// than [`MAX_LOG_BYTES`] is refused before it is all read.
pub fn read_log(path: &Path) -> Result<LogText, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    let file = fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(MAX_LOG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_LOG_BYTES {
        return Err(LoadError::LogTooLarge {
            path: path.to_owned(),
            limit_mb: MAX_LOG_BYTES / (1024 * 1024),
        });
    }
    match text_from_bytes(path, bytes.clone()) {
        Ok(text) => Ok(LogText {
            text,
            converted_from: None,
        }),
        Err(error @ LoadError::NotUtf8 { .. }) => from_shift_jis(&bytes).ok_or(error),
        Err(error) => Err(error),
    }
}

/// Bytes that decode as Shift_JIS without a single error and hold Japanese.
fn from_shift_jis(bytes: &[u8]) -> Option<LogText> {
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(bytes);
    let japanese = text
        .chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'));
    (!had_errors && japanese).then(|| LogText {
        text: text.into_owned(),
        converted_from: Some("Shift_JIS"),
    })
}

/// The logs a path names, and the folders that could not be read.
#[derive(Debug, Default)]
pub struct FoundLogs {
    pub files: Vec<PathBuf>,
    /// Folders skipped, each with why ("FOLDER: cannot read the folder: …").
    pub skipped: Vec<String>,
}

/// The Markdown logs a path names: the file itself, or every `.md` file in
/// a folder and its subfolders (hidden ones, like `.obsidian` or `.git`,
/// left out), in path order. Each folder is read once, whatever links lead
/// to it again; a folder that cannot be read is skipped and named. Only
/// the path given failing to be read at all is an error.
pub fn find_logs(path: &Path) -> Result<FoundLogs, LoadError> {
    let meta = fs::metadata(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Ok(FoundLogs {
            files: vec![path.to_owned()],
            skipped: Vec::new(),
        });
    }
    let mut found = FoundLogs::default();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        // A folder reached again through a link (`ln -s . self`) is skipped.
        let Ok(real) = fs::canonicalize(&folder) else {
            continue;
        };
        if !seen.insert(real) {
            continue;
        }
        match fs::read_dir(&folder) {
            Ok(entries) => walk(entries, &mut folders, &mut found.files),
            Err(e) if folder == path => {
                return Err(LoadError::Read {
                    path: folder,
                    source: e,
                });
            }
            Err(e) => found
                .skipped
                .push(format!("{}: cannot read the folder: {e}", folder.display())),
        }
    }
    found.files.sort();
    found.files.dedup();
    Ok(found)
}

/// One folder's entries: subfolders to read next, Markdown files found.
fn walk(entries: fs::ReadDir, folders: &mut Vec<PathBuf>, files: &mut Vec<PathBuf>) {
    for entry in entries.flatten() {
        let entry_path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if entry_path.is_dir() {
            folders.push(entry_path);
        } else if entry_path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        {
            files.push(entry_path);
        }
    }
}
