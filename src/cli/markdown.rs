//! `export` and `import`: journals to Markdown and back.
//!
//! Export never writes over a journal (its own input, or any other file that
//! is one) and writes into devices and pipes rather than replacing them.
//! Import reads, changes and writes the journal under its writer lock, so two
//! imports at once never lose each other's days.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Failure, say};
use crate::locale::system_language;
use crate::markdown::{self, DateSource, ImportReport};
use crate::model::{Book, BookId, Journal, study_time};
use crate::session::{self, ImportHow, Imported};
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
            say(out, format_args!("wrote {}", path.display()))?;
            report_pictures(&session::export_pictures(file, &text, path), out)
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

/// Logs above this many get a progress line on standard error.
const PROGRESS_FROM: usize = 50;

pub fn import(
    inputs: &[PathBuf],
    output: Option<PathBuf>,
    mut how: ImportHow,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let target = output.unwrap_or_else(|| journal_path_for(&inputs[0]));
    how.pictures_to = Some(target.clone());
    let mut imported = Imported::default();
    let files = session::find_logs(inputs, &mut imported);
    if let Some(input) = files.iter().find(|f| store::same_file(f, &target)) {
        return Err(format!(
            "{}: is a log being imported; the journal must be another file",
            input.display()
        )
        .into());
    }
    // Every log is read (bounded) before the journal's lock is taken: a
    // pipe with no writer never holds up another save.
    let logs = session::read_logs(&files, false);
    let lock = store::lock(&target)?;
    let mut journal = match store::load(&target) {
        Ok(journal) => journal,
        Err(e) if e.is_missing() => Journal::new(store::journal_name(&target), system_language()),
        Err(e) => return Err(e.into()),
    };
    let mut progress = |n: usize, total: usize| {
        if total >= PROGRESS_FROM && n.is_multiple_of(100) {
            let _ = writeln!(err, "importing: {n}/{total} logs");
        }
    };
    session::import_logs(&mut journal, logs, &how, &mut imported, &mut progress);
    report_logs(&imported, out)?;
    if !imported.brings_anything() && !imported.refused.is_empty() {
        return Err(imported.refused.join("\n").into());
    }
    // A save that changes nothing writes nothing (and turns over no backup).
    store::save_locked(&lock, &target, &journal)?;
    drop(lock);
    summarise(&journal, &imported, out)?;
    let done = if imported.brings_anything() {
        "saved"
    } else {
        "unchanged"
    };
    say(
        out,
        format_args!("{done} {}: {}", target.display(), journal.summary()),
    )?;
    if imported.refused.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} refused; the other logs were saved",
            count(imported.refused.len(), "log was", "logs were")
        )
        .into())
    }
}

/// A line per log (all of them when few, else those worth a look), then
/// each log refused and each folder skipped.
fn report_logs(imported: &Imported, out: &mut dyn Write) -> Result<(), Failure> {
    let detailed = imported.logs.len() <= 20;
    for log in &imported.logs {
        let report = &log.report;
        let note = log
            .converted_from
            .map(|from| format!("converted from {from}"));
        if detailed
            || !report.kept.is_empty()
            || !report.joined.is_empty()
            || !report.warnings.is_empty()
            || note.is_some()
        {
            say(
                out,
                format_args!("{}: {}", log.path.display(), describe(report, note)),
            )?;
        }
    }
    for log in &imported.logs {
        for problem in &log.pictures.problems {
            say(
                out,
                format_args!("picture not copied: {problem} (its line is kept as written)"),
            )?;
        }
    }
    let pictures: usize = imported.logs.iter().map(|l| l.pictures.copied).sum();
    if pictures > 0 {
        say(
            out,
            format_args!(
                "copied {} beside the journal",
                count(pictures, "picture", "pictures")
            ),
        )?;
    }
    for reason in &imported.refused {
        say(out, format_args!("refused {reason}"))?;
    }
    for folder in &imported.skipped {
        say(out, format_args!("skipped {folder}"))?;
    }
    Ok(())
}

fn summarise(journal: &Journal, imported: &Imported, out: &mut dyn Write) -> Result<(), Failure> {
    report_time(journal, imported, out)?;
    let files = imported.logs.len() + imported.refused.len();
    if files <= 1 {
        return Ok(());
    }
    let [added, replaced, kept, joined] = imported.totals();
    let mut line = format!(
        "{}: {} added",
        count(files, "log", "logs"),
        count(added, "day", "days")
    );
    if replaced > 0 {
        line.push_str(&format!(", {replaced} replaced"));
    }
    if joined > 0 {
        line.push_str(&format!(
            ", {joined} joined with another log of the same date"
        ));
    }
    if kept > 0 {
        line.push_str(&format!(", {kept} kept as they were"));
    }
    if !imported.refused.is_empty() {
        line.push_str(&format!(", {} refused", imported.refused.len()));
    }
    say(out, line)
}

/// The study time the imported days state, and each line naming time in a
/// form not read (kept as written).
fn report_time(journal: &Journal, imported: &Imported, out: &mut dyn Write) -> Result<(), Failure> {
    let dates: BTreeSet<NaiveDate> = imported
        .logs
        .iter()
        .flat_map(|l| [&l.report.added, &l.report.replaced, &l.report.joined])
        .flatten()
        .copied()
        .collect();
    let (mut minutes, mut days) = (0, 0);
    for (date, day) in dates.iter().filter_map(|d| Some((d, journal.days.get(d)?))) {
        let time = study_time::day_time(journal, day).minutes;
        minutes += time;
        days += usize::from(time > 0);
        for line in study_time::unread_time_lines(day) {
            say(
                out,
                format_args!("{date}: time not read, kept as written: {line}"),
            )?;
        }
    }
    if minutes > 0 {
        say(
            out,
            format_args!(
                "study time read: {} over {}",
                study_time::hours_and_minutes(minutes),
                count(days, "day", "days")
            ),
        )?;
    }
    Ok(())
}

/// The pictures an export copied beside it, and each it could not.
fn report_pictures(copied: &session::PicturesCopied, out: &mut dyn Write) -> Result<(), Failure> {
    for problem in &copied.problems {
        say(out, format_args!("picture not copied: {problem}"))?;
    }
    if copied.copied > 0 {
        let n = count(copied.copied, "picture", "pictures");
        say(out, format_args!("copied {n} beside it"))?;
    }
    Ok(())
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
    if !report.joined.is_empty() {
        let dates: Vec<String> = report.joined.iter().map(NaiveDate::to_string).collect();
        text.push_str(&format!(
            ", joined into the day another log of this import brought: {}",
            dates.join(", ")
        ));
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
