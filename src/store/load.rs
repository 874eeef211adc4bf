//! Loading a journal file: read, decode, parse, check the version, migrate, validate.

use std::fs;
use std::io::Read;
use std::path::Path;

use super::error::LoadError;
use super::migrate::{VersionProblem, parse_any_version};
use crate::model::{FORMAT_VERSION, Invalid, Journal, validate};

/// Files larger than this are refused before reading: no real journal comes
/// near it (ten years of daily notes is ~11 MB), and reading it all would be
/// a long freeze for nothing.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Reads the journal at `path`. Never writes to it.
pub fn load(path: &Path) -> Result<Journal, LoadError> {
    let bytes = read_bounded(path)?;
    let text = decode(path, &bytes)?;
    parse_journal(path, text)
}

pub(super) fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
    // Opening a FIFO for reading waits for a writer, which may never come;
    // a journal is a regular file, so anything else is refused first.
    let meta = fs::metadata(path).map_err(read_error)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile {
            path: path.to_owned(),
        });
    }
    let file = fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    Ok(bytes)
}

/// UTF-8 text without a byte-order mark (editors on Windows add one).
pub(super) fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A journal is mostly Japanese: std's check, fast only on ASCII, took
    // 9 of the 24 ms a ten-year journal's first look took; simdutf8's
    // takes about 1. Text it refuses is checked again by std, which says
    // where the first bad byte is.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = end_position(valid);
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line,
            column,
        }
    })
}

/// Parses journal text as if read from `path` (named in errors): version
/// check, migration and validation included.
pub fn parse_journal(path: &Path, text: &str) -> Result<Journal, LoadError> {
    let journal = parse_any_version(text).map_err(|problem| match problem {
        VersionProblem::TooNew(found) => LoadError::TooNew {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        },
        VersionProblem::Unknown(found) => LoadError::UnknownVersion {
            path: path.to_owned(),
            found,
        },
        VersionProblem::Syntax(_) if looks_like_markdown(text) => LoadError::Markdown {
            path: path.to_owned(),
        },
        VersionProblem::Syntax(error) => {
            let (line, column) = skip_blanks(text, error.span.start.line, error.span.start.col);
            LoadError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: super::explain::explain(&error.code),
            }
        }
    })?;
    validate(&journal).map_err(|problem| LoadError::Inconsistent {
        path: path.to_owned(),
        at: locate(text, &problem),
        problem,
    })?;
    Ok(journal)
}

/// Text a person wrote as Markdown rather than a journal: it starts with a
/// heading or with YAML front matter.
fn looks_like_markdown(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    (first.starts_with('#') && !first.starts_with("#![")) || first == "---"
}

/// Whether a file is there (Open Recent greys out the ones that are gone).
pub fn file_exists(path: &Path) -> bool {
    path.is_file()
}

/// Whether the file at `path` is a studylog journal (by what it says, not
/// its name): used to never write an export over one.
pub fn is_journal_file(path: &Path) -> bool {
    let mut head = Vec::new();
    let read = fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    read.is_ok() && {
        let head = String::from_utf8_lossy(&head);
        head.contains("format_version") && head.trim_start().starts_with(['/', '('])
    }
}

/// Where in the text the problem is: the start of the day it is in, or the
/// second book or chapter with a repeated id.
fn locate(text: &str, problem: &Invalid) -> Option<(usize, usize)> {
    let offset = match problem {
        Invalid::DuplicateBookId(id) => repeated_id(text, *id, "title:")?,
        Invalid::DuplicateChapterId(id) => repeated_id(text, *id, "label:")?,
        _ => text.find(&format!("\"{}\"", problem.date()?))?,
    };
    Some(end_position(&text[..offset]))
}

/// The offset of the second `id: N` whose entry goes on with `next_field`
/// (books have titles, chapters labels).
fn repeated_id(text: &str, id: u32, next_field: &str) -> Option<usize> {
    let key = format!("id: {id},");
    text.match_indices(&key)
        .filter(|(at, _)| {
            let rest = text[at + key.len()..].trim_start();
            rest.starts_with(next_field)
        })
        .nth(1)
        .map(|(at, _)| at)
}

/// ron points at the blank before an unexpected value; the value itself is
/// where the user has to look, so move right past spaces and tabs on that line.
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let blanks = line_text
        .chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| *c == ' ' || *c == '\t')
        .count();
    let at_end = line_text.chars().count() < column + blanks;
    if at_end {
        (line, column)
    } else {
        (line, column + blanks)
    }
}

/// 1-based line and column (in characters) just after `prefix`.
pub(crate) fn end_position(prefix: &str) -> (usize, usize) {
    let line = 1 + prefix.matches('\n').count();
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let column = 1 + prefix[line_start..].chars().count();
    (line, column)
}

/// Whether `path` is a regular file (not a pipe, a device or a folder),
/// found without opening it.
pub fn is_regular_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Read a text file (a journal with conflict markers, settings) as UTF-8,
/// with a BOM removed. A file that is not UTF-8 is refused with the line
/// and column of the first bad byte; one that is not a regular file, or
/// too large to be a journal, before it is read.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    // Not a pipe or a device (a read could wait for ever, or never end),
    // and not more than a journal can be.
    let bytes = read_bounded(path)?;
    text_from_bytes(path, bytes)
}

/// Bytes read from `path` as UTF-8 text, a BOM removed; else the line and
/// column of the first byte that is not UTF-8.
pub fn text_from_bytes(path: &Path, mut bytes: Vec<u8>) -> Result<String, LoadError> {
    let bom = bytes.len() - decode(path, &bytes)?.len();
    bytes.drain(..bom);
    // SAFETY: `decode` has just checked that the bytes after the BOM are UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_bytes_drops_a_bom_and_says_where_a_bad_byte_is() {
        let path = Path::new("j.studylog.ron");
        let with_bom = "\u{feff}(title: \"学習\")".as_bytes().to_vec();
        assert_eq!(
            text_from_bytes(path, with_bom).unwrap(),
            "(title: \"学習\")"
        );
        let mut bad = "学習\n日本".as_bytes().to_vec();
        bad.push(0xE8); // the first byte of a kanji, alone
        match text_from_bytes(path, bad) {
            Err(LoadError::NotUtf8 { line, column, .. }) => assert_eq!((line, column), (2, 3)),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn end_position_counts_lines_and_characters() {
        assert_eq!(end_position(""), (1, 1));
        assert_eq!(end_position("ab"), (1, 3));
        assert_eq!(end_position("ab\n学習"), (2, 3));
    }

    #[test]
    fn skip_blanks_moves_to_the_value_but_not_past_the_line() {
        assert_eq!(skip_blanks("a\n  title: 42,", 2, 9), (2, 10));
        assert_eq!(skip_blanks("a\n  title:   ", 2, 9), (2, 9));
        assert_eq!(skip_blanks("x", 5, 1), (5, 1));
    }
}
