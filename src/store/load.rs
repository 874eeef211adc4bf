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

fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_owned(),
        source,
    };
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
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
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
        VersionProblem::Syntax(error) => {
            let (line, column) = skip_blanks(text, error.span.start.line, error.span.start.col);
            LoadError::Syntax {
                path: path.to_owned(),
                line,
                column,
                message: error.code.to_string(),
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

/// Where in the text the day a problem is in starts.
fn locate(text: &str, problem: &Invalid) -> Option<(usize, usize)> {
    let key = format!("\"{}\"", problem.date()?);
    let offset = text.find(&key)?;
    Some(end_position(&text[..offset]))
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

/// Read a text file (a Markdown log) as UTF-8, with a BOM removed. A file that
/// is not UTF-8 is refused with the line and column of the first bad byte.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        }),
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let (line, column) = end_position(&String::from_utf8_lossy(valid));
            Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                line,
                column,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
