//! Markdown logs to import: found in folders, read as UTF-8 or converted
//! from the Shift_JIS/CP932 that older Japanese Windows editors saved.

use std::fs;
use std::path::{Path, PathBuf};

use super::error::LoadError;
use super::load::read_text;

/// A log read for import: its text, and the encoding it was converted from
/// when it was not UTF-8.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogText {
    pub text: String,
    pub converted_from: Option<&'static str>,
}

/// Read a Markdown log: UTF-8 (a BOM removed), or Shift_JIS/CP932 as older
/// Japanese Windows editors saved it, converted (and said so). Anything
/// else is refused with the line and column of the first bad byte.
pub fn read_log(path: &Path) -> Result<LogText, LoadError> {
    match read_text(path) {
        Ok(text) => Ok(LogText {
            text,
            converted_from: None,
        }),
        Err(error @ LoadError::NotUtf8 { .. }) => {
            let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
                path: path.to_owned(),
                source,
            })?;
            from_shift_jis(&bytes).ok_or(error)
        }
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

/// The Markdown logs a path names: the file itself, or every `.md` file in
/// a folder and its subfolders (hidden ones, like `.obsidian` or `.git`,
/// left out), in path order.
pub fn find_logs(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let meta = fs::metadata(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut found = Vec::new();
    let mut folders = vec![path.to_owned()];
    while let Some(folder) = folders.pop() {
        let entries = fs::read_dir(&folder).map_err(|source| LoadError::Read {
            path: folder.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let entry_path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if entry_path.is_dir() {
                folders.push(entry_path);
            } else if entry_path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
            {
                found.push(entry_path);
            }
        }
    }
    found.sort();
    Ok(found)
}
