//! `export` and `import`: journals to Markdown and back.
//!
//! Export never writes over a journal (its own input, or any other file that
//! is one) and writes into devices and pipes rather than replacing them.
//! Import reads, changes and writes the journal under its writer lock, so two
//! imports at once never lose each other's days.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::{Failure, say};
use crate::locale::system_language;
use crate::markdown::{self, DateSource, ImportOptions, ImportReport};
use crate::model::{Book, BookId, Journal};
use crate::store;

/// What to export: one day, one book, or (neither) the whole journal.
pub struct What {
    pub day: Option<NaiveDate>,
    pub book: Option<String>,
}

pub fn export(
    file: &Path,
    what: What,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if let Some(target) = output
        && store::same_file(file, target)
    {
        return Err(format!(
            "{}: is the journal being exported; export writes Markdown, so it will not replace it (choose another file name)",
            target.display()
        )
        .into());
    }
    let journal = store::load(file)?;
    let text = exported(&journal, file, what)?;
    match output {
        Some(path) => {
            store::write_text_file(path, &text)?;
            say(out, format_args!("wrote {}", path.display()))
        }
        None => out.write_all(text.as_bytes()).map_err(Failure::Output),
    }
}

fn exported(journal: &Journal, file: &Path, what: What) -> Result<String, Failure> {
    let text = match (what.day, what.book) {
        (Some(date), _) => markdown::export_day(journal, date)
            .ok_or_else(|| format!("{}: has no log for {date}", file.display()))?,
        (None, Some(title)) => {
            let id = find_book(journal, &title).map_err(|e| format!("{}: {e}", file.display()))?;
            markdown::export_book(journal, id).unwrap_or_default()
        }
        (None, None) => markdown::export_journal(journal),
    };
    Ok(text)
}

/// The book titled `title`, or the only one whose title contains it (ignoring case).
fn find_book(journal: &Journal, title: &str) -> Result<BookId, String> {
    if let Some(id) = journal.book_by_title(title) {
        return Ok(id);
    }
    let needle = title.to_lowercase();
    let matches: Vec<&Book> = journal
        .books
        .iter()
        .filter(|b| b.title.to_lowercase().contains(&needle))
        .collect();
    match matches.as_slice() {
        [only] => Ok(only.id),
        [] => Err(format!("no book titled \"{title}\"")),
        many => {
            let titles: Vec<&str> = many.iter().map(|b| b.title.as_str()).collect();
            Err(format!(
                "\"{title}\" matches several books: {}",
                titles.join(", ")
            ))
        }
    }
}

/// How `import` reads the logs it is given.
pub struct How {
    pub year: Option<i32>,
    pub date: Option<NaiveDate>,
    pub replace: bool,
}

/// What an import of several logs did, for the summary.
#[derive(Default)]
struct Tally {
    files: usize,
    added: usize,
    replaced: usize,
    kept: usize,
    refused: Vec<String>,
}

/// Logs above this many get a progress line on standard error.
const PROGRESS_FROM: usize = 50;

pub fn import(
    inputs: &[PathBuf],
    output: Option<PathBuf>,
    how: How,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let target = output.unwrap_or_else(|| journal_path_for(&inputs[0]));
    let mut files = Vec::new();
    for input in inputs {
        files.extend(store::find_logs(input)?);
    }
    if let Some(input) = files.iter().find(|f| store::same_file(f, &target)) {
        return Err(format!(
            "{}: is a log being imported; the journal must be another file",
            input.display()
        )
        .into());
    }
    let lock = store::lock(&target)?;
    let mut journal = match store::load(&target) {
        Ok(journal) => journal,
        Err(e) if e.is_missing() => Journal::new(store::journal_name(&target), system_language()),
        Err(e) => return Err(e.into()),
    };
    let tally = import_all(&mut journal, &files, &how, out, err)?;
    if tally.added + tally.replaced == 0 && !tally.refused.is_empty() {
        return Err(tally.refused.join("\n").into());
    }
    store::save_locked(&lock, &target, &journal)?;
    drop(lock);
    summarise(&tally, out)?;
    say(
        out,
        format_args!("saved {}: {}", target.display(), journal.summary()),
    )?;
    if tally.refused.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} refused; the other logs were saved",
            count(tally.refused.len(), "log was", "logs were")
        )
        .into())
    }
}

/// Import each log in turn; a log that cannot be read or dated is refused
/// (and changes nothing), the others go on.
fn import_all(
    journal: &mut Journal,
    files: &[PathBuf],
    how: &How,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Tally, Failure> {
    let mut tally = Tally::default();
    let detailed = files.len() <= 20;
    for (n, file) in files.iter().enumerate() {
        if files.len() >= PROGRESS_FROM && n % 100 == 0 {
            let _ = writeln!(err, "importing: {n}/{} logs", files.len());
        }
        tally.files += 1;
        match import_one(journal, file, how) {
            Ok((report, note)) => {
                tally.added += report.added.len();
                tally.replaced += report.replaced.len();
                tally.kept += report.kept.len();
                if detailed
                    || !report.kept.is_empty()
                    || !report.warnings.is_empty()
                    || note.is_some()
                {
                    say(
                        out,
                        format_args!("{}: {}", file.display(), describe(&report, note)),
                    )?;
                }
            }
            Err(reason) => tally.refused.push(reason),
        }
    }
    for reason in &tally.refused {
        say(out, format_args!("refused {reason}"))?;
    }
    Ok(tally)
}

/// One log into the journal; a word on its encoding, if it was converted.
fn import_one(
    journal: &mut Journal,
    file: &Path,
    how: &How,
) -> Result<(ImportReport, Option<String>), String> {
    let log = store::read_log(file).map_err(|e| e.to_string())?;
    let options = ImportOptions {
        default_year: how
            .year
            .or_else(|| markdown::year_in_file_name(file))
            .unwrap_or_else(|| chrono::Local::now().year()),
        replace: how.replace,
        date: how.date,
        source: Some(file.to_owned()),
    };
    let report = markdown::import(journal, &log.text, &options)
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let note = log
        .converted_from
        .map(|from| format!("converted from {from}"));
    Ok((report, note))
}

fn summarise(tally: &Tally, out: &mut dyn Write) -> Result<(), Failure> {
    if tally.files <= 1 {
        return Ok(());
    }
    let mut line = format!(
        "{}: {} added",
        count(tally.files, "log", "logs"),
        count(tally.added, "day", "days")
    );
    if tally.replaced > 0 {
        line.push_str(&format!(", {} replaced", tally.replaced));
    }
    if tally.kept > 0 {
        line.push_str(&format!(", {} kept as they were", tally.kept));
    }
    if !tally.refused.is_empty() {
        line.push_str(&format!(", {} refused", tally.refused.len()));
    }
    say(out, line)
}

/// "log.md" -> "log.studylog.ron", beside it.
fn journal_path_for(markdown: &Path) -> PathBuf {
    let stem = markdown.file_stem().unwrap_or_default().to_string_lossy();
    markdown.with_file_name(format!("{stem}.{}", store::EXTENSION))
}

fn describe(report: &ImportReport, note: Option<String>) -> String {
    let mut text = format!("{} added", count(report.added.len(), "day", "days"));
    if !report.replaced.is_empty() {
        text.push_str(&format!(", {} replaced", report.replaced.len()));
    }
    if !report.kept.is_empty() {
        let dates: Vec<String> = report.kept.iter().map(NaiveDate::to_string).collect();
        text.push_str(&format!(
            ", {} already in the journal and kept (use --replace to overwrite): {}",
            report.kept.len(),
            dates.join(", ")
        ));
    }
    if let Some(from) = report.date_from {
        let from = match from {
            DateSource::FrontMatter => "its front matter",
            DateSource::FileName => "its file name",
            DateSource::Given => "--date",
        };
        text.push_str(&format!(" (dated by {from})"));
    }
    for warning in &report.warnings {
        text.push_str(&format!("; {warning}"));
    }
    if let Some(note) = note {
        text.push_str(&format!(" ({note})"));
    }
    text
}

/// "1 day", "2 days".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
