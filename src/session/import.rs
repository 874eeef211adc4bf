//! Importing Markdown logs into a journal: the one path the command line
//! (`studylog import`) and the window (File ▸ Import Markdown…, dropped
//! files) share, so a log reads the same whichever way it comes in.
//!
//! Each log is read (bounded, converted from Shift_JIS if need be) and
//! imported in path order; a log that cannot be read or dated is refused
//! and changes nothing, the others go on. A date two logs of this import
//! both have is one day: the later log is joined into it.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use crate::markdown::{self, ImportOptions, ImportReport};
use crate::model::Journal;
use crate::store::{self, LogText};

use super::picture_files::{PicturesCopied, copy_log_pictures};

/// How the logs are read.
#[derive(Clone, Debug, Default)]
pub struct ImportHow {
    /// The year of dates written without one, if not from the file name.
    pub year: Option<i32>,
    /// The date of a log that names none.
    pub date: Option<NaiveDate>,
    /// Replace the days the journal already had.
    pub replace: bool,
    /// The journal the logs go into, saved: the pictures they name are
    /// copied beside it and their links pointed there. None keeps links
    /// as written.
    pub pictures_to: Option<PathBuf>,
}

/// What one log brought.
#[derive(Clone, Debug, PartialEq)]
pub struct LogImported {
    pub path: PathBuf,
    pub report: ImportReport,
    /// "converted from Shift_JIS", if it was.
    pub converted_from: Option<&'static str>,
    /// The pictures it names, copied beside the journal.
    pub pictures: PicturesCopied,
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

/// A log read (or why not), before any journal is touched: reading comes
/// first, so no journal's writer lock is held while a slow source (a pipe)
/// is read.
pub struct ReadLog {
    pub path: PathBuf,
    pub text: Result<LogText, String>,
}

/// Reads each of `files`, bounded; with `regular_only`, anything that is
/// not a regular file (a pipe, a device) is refused before it is opened, as
/// the window does (a read there would freeze it).
pub fn read_logs(files: &[PathBuf], regular_only: bool) -> Vec<ReadLog> {
    files
        .iter()
        .map(|path| {
            let text = if regular_only && !store::is_regular_file(path) {
                Err(format!(
                    "{}: is not a regular file (a pipe or a device); import it with `studylog import`",
                    path.display()
                ))
            } else {
                store::read_log(path).map_err(|e| e.to_string())
            };
            ReadLog {
                path: path.clone(),
                text,
            }
        })
        .collect()
}

/// Imports each log read into `journal` in turn; `progress` hears how many
/// are done out of how many.
pub fn import_logs(
    journal: &mut Journal,
    logs: Vec<ReadLog>,
    how: &ImportHow,
    imported: &mut Imported,
    progress: &mut dyn FnMut(usize, usize),
) {
    let mut brought: BTreeSet<NaiveDate> = BTreeSet::new();
    let total = logs.len();
    for (n, log) in logs.into_iter().enumerate() {
        progress(n, total);
        match import_one(journal, log, how, &brought) {
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
    log: ReadLog,
    how: &ImportHow,
    brought: &BTreeSet<NaiveDate>,
) -> Result<LogImported, String> {
    let file = log.path;
    let text = log.text?;
    let options = ImportOptions {
        default_year: how
            .year
            .or_else(|| markdown::year_in_file_name(&file))
            .unwrap_or_else(|| chrono::Local::now().year()),
        replace: how.replace,
        date: how.date,
        source: Some(file.clone()),
        join: brought.clone(),
    };
    let (log_text, pictures) = match &how.pictures_to {
        Some(to) => copy_log_pictures(&file, &text.text, to),
        None => (text.text, PicturesCopied::default()),
    };
    let report = markdown::import(journal, &log_text, &options)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(LogImported {
        path: file,
        report,
        converted_from: text.converted_from,
        pictures,
    })
}

/// Logs (files or folders of them) imported into `journal` as the window
/// does: each file found, read (pipes and devices refused, a read there
/// would never end) and imported in turn; with `pictures_to`, the pictures
/// they name copied beside that journal file.
pub fn import_paths(
    mut journal: Journal,
    paths: &[PathBuf],
    pictures_to: Option<PathBuf>,
) -> (Journal, Imported) {
    let mut imported = Imported::default();
    let files = find_logs(paths, &mut imported);
    let logs = read_logs(&files, true);
    let how = ImportHow {
        pictures_to,
        ..ImportHow::default()
    };
    import_logs(&mut journal, logs, &how, &mut imported, &mut |_, _| {});
    (journal, imported)
}
