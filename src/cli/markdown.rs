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
use crate::markdown::{self, ImportOptions, ImportReport};
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

pub fn import(
    files: &[PathBuf],
    output: Option<PathBuf>,
    year: Option<i32>,
    replace: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let target = output.unwrap_or_else(|| journal_path_for(&files[0]));
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
    let mut reports = Vec::new();
    for file in files {
        let text = store::read_text(file)?;
        let default_year = year
            .or_else(|| markdown::year_in_file_name(file))
            .unwrap_or_else(|| chrono::Local::now().year());
        let options = ImportOptions {
            default_year,
            replace,
        };
        reports.push((file, markdown::import(&mut journal, &text, &options)));
    }
    store::save_locked(&lock, &target, &journal)?;
    drop(lock);
    for (file, report) in reports {
        say(
            out,
            format_args!("{}: {}", file.display(), describe(&report)),
        )?;
    }
    say(
        out,
        format_args!("saved {}: {}", target.display(), journal.summary()),
    )
}

/// "log.md" -> "log.studylog.ron", beside it.
fn journal_path_for(markdown: &Path) -> PathBuf {
    let stem = markdown.file_stem().unwrap_or_default().to_string_lossy();
    markdown.with_file_name(format!("{stem}.{}", store::EXTENSION))
}

fn describe(report: &ImportReport) -> String {
    let mut text = format!("{} added", plural_count(report.added.len(), "day", "days"));
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
    text
}

fn plural_count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
