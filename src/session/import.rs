//! Importing Markdown logs into a journal: the one path the command line
//! (`studylog import`) and the window (File ▸ Import Markdown…, dropped
//! files) share, so a log reads the same whichever way it comes in.
//!
//! Each log is read (bounded, converted from Shift_JIS if need be) and
//! imported in path order; a log that cannot be read or dated is refused
//! and changes nothing, the others go on. A date two logs of this import
//! both have is one day: the later log is joined into it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use crate::markdown::{self, ImportOptions, ImportReport};
use crate::model::Journal;
use crate::store;

/// How the logs are read.
#[derive(Clone, Debug, Default)]
pub struct ImportHow {
    /// The year of dates written without one, if not from the file name.
    pub year: Option<i32>,
    /// The date of a log that names none.
    pub date: Option<NaiveDate>,
    /// Replace the days the journal already had.
    pub replace: bool,
}

/// What one log brought.
#[derive(Clone, Debug, PartialEq)]
pub struct LogImported {
    pub path: PathBuf,
    pub report: ImportReport,
    /// "converted from Shift_JIS", if it was.
    pub converted_from: Option<&'static str>,
}

/// What an import of logs and folders did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub logs: Vec<LogImported>,
    /// Logs refused (and why), each "FILE: reason".
    pub refused: Vec<String>,
    /// Folders that could not be read, each "FOLDER: reason".
    pub skipped: Vec<String>,
}

impl Imported {
    /// Days added, replaced, kept as they were and joined, over all logs.
    pub fn totals(&self) -> [usize; 4] {
        let sum = |f: fn(&ImportReport) -> usize| self.logs.iter().map(|l| f(&l.report)).sum();
        [
            sum(|r| r.added.len()),
            sum(|r| r.replaced.len()),
            sum(|r| r.kept.len()),
            sum(|r| r.joined.len()),
        ]
    }

    /// Whether the journal changed.
    pub fn brings_anything(&self) -> bool {
        let [added, replaced, _, joined] = self.totals();
        added + replaced + joined > 0
    }
}

/// The logs that `inputs` (files or folders) name, in order, and the
/// folders that could not be read; an input that cannot be read at all is
/// refused.
pub fn find_logs(inputs: &[PathBuf], imported: &mut Imported) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        match store::find_logs(input) {
            Ok(found) => {
                files.extend(found.files);
                imported.skipped.extend(found.skipped);
            }
            Err(e) => imported.refused.push(e.to_string()),
        }
    }
    files
}

/// Imports each of `files` into `journal` in turn; `progress` hears how
/// many are done out of how many.
pub fn import_logs(
    journal: &mut Journal,
    files: &[PathBuf],
    how: &ImportHow,
    imported: &mut Imported,
    progress: &mut dyn FnMut(usize, usize),
) {
    let mut brought: BTreeSet<NaiveDate> = BTreeSet::new();
    for (n, file) in files.iter().enumerate() {
        progress(n, files.len());
        match import_one(journal, file, how, &brought) {
            Ok(log) => {
                brought.extend(log.report.added.iter().chain(&log.report.replaced));
                imported.logs.push(log);
            }
            Err(reason) => imported.refused.push(reason),
        }
    }
}

/// One log into the journal; days earlier logs of this import brought are
/// joined rather than kept out.
fn import_one(
    journal: &mut Journal,
    file: &Path,
    how: &ImportHow,
    brought: &BTreeSet<NaiveDate>,
) -> Result<LogImported, String> {
    let log = store::read_log(file).map_err(|e| e.to_string())?;
    let options = ImportOptions {
        default_year: how
            .year
            .or_else(|| markdown::year_in_file_name(file))
            .unwrap_or_else(|| chrono::Local::now().year()),
        replace: how.replace,
        date: how.date,
        source: Some(file.to_owned()),
        join: brought.clone(),
    };
    let report = markdown::import(journal, &log.text, &options)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(LogImported {
        path: file.to_owned(),
        report,
        converted_from: log.converted_from,
    })
}
