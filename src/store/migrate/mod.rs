//! Reading journals written by any version of studylog.
//!
//! A file says which format it is in (`format_version`, its first field).
//! Each older format keeps a module here with its shape frozen as it was
//! released and a conversion to the next version, so a file from any release
//! opens in every later one. A file from a newer studylog is refused: its
//! fields would otherwise be dropped by the next save.

mod v1;

use crate::model::{FORMAT_VERSION, Journal};

/// Why a journal's text could not be read as any known version.
#[derive(Debug)]
pub enum VersionProblem {
    TooNew(u32),
    Unknown(u32),
    Syntax(ron::error::SpannedError),
}

/// Parses journal text of any known version, converted to the current one.
pub fn parse_any_version(text: &str) -> Result<Journal, VersionProblem> {
    let version = declared_version(text);
    match version {
        Some(found) if found > FORMAT_VERSION => Err(VersionProblem::TooNew(found)),
        Some(0) => Err(VersionProblem::Unknown(0)),
        Some(1) => v1::parse(text).map_err(VersionProblem::Syntax),
        _ => {
            let mut journal = super::format::from_ron_str(text).map_err(VersionProblem::Syntax)?;
            journal.format_version = FORMAT_VERSION;
            Ok(journal)
        }
    }
}

/// Parses a version-1 recovery file (see [`v1::parse_recovered`]).
pub use v1::parse_recovered as parse_recovered_v1;

/// The `format_version` a file declares. studylog writes it first, so a
/// look at the start of the text finds it at no cost; a hand-edited file
/// that moved it is probed by parsing the whole text (other fields skipped).
pub fn declared_version(text: &str) -> Option<u32> {
    let head = text.get(..4096).unwrap_or(text);
    let quick = head.find("format_version").and_then(|at| {
        let rest = head[at + "format_version".len()..].trim_start();
        let digits: String = rest
            .strip_prefix(':')?
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    });
    quick.or_else(|| probe_version(text))
}

fn probe_version(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Probe {
        format_version: u32,
    }
    let probe: Probe = ron::Options::default().from_str(text).ok()?;
    Some(probe.format_version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_from_the_start_or_found_anywhere() {
        assert_eq!(
            declared_version("(\n  format_version: 1,\n  title: \"\")"),
            Some(1)
        );
        assert_eq!(
            declared_version("(title: \"a\", format_version: 7)"),
            Some(7)
        );
        assert_eq!(declared_version("(title: \"a\")"), None);
    }

    #[test]
    fn newer_and_zero_versions_are_refused() {
        let newer = format!("(format_version: {})", FORMAT_VERSION + 1);
        assert!(matches!(
            parse_any_version(&newer),
            Err(VersionProblem::TooNew(found)) if found == FORMAT_VERSION + 1
        ));
        assert!(matches!(
            parse_any_version("(format_version: 0)"),
            Err(VersionProblem::Unknown(0))
        ));
    }
}
