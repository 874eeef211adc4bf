//! The headless subcommands: `new`, `check`. The window is started by `main`
//! when no subcommand is given.
//!
//! Each command writes its report to the writers it is given and returns an
//! exit code, so tests can run commands without spawning a process.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::{Journal, Language};
use crate::store;

/// A daily study log for readers of technical books.
#[derive(Debug, Parser)]
#[command(
    name = "studylog",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an empty journal (never overwrites an existing file).
    New {
        /// The journal to create, e.g. my-study.studylog.ron
        file: PathBuf,
        /// Language of the section headings [default: from the system locale]
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
    /// Load a journal and print a summary; exit 1 with FILE:LINE:COLUMN if it is broken.
    /// Never changes the file.
    Check {
        /// The journal to check
        file: PathBuf,
    },
}

/// The heading languages `--lang` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Ja => Language::Ja,
            Lang::En => Language::En,
        }
    }
}

/// Exit code for success.
pub const OK: u8 = 0;
/// Exit code when a file is broken, missing, or would be overwritten.
pub const FAILED: u8 = 1;

/// Runs `command`, writing its report to `out` and problems to `err`.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match command {
        Command::New { file, lang } => new(
            &file,
            lang.map_or_else(system_language, Language::from),
            out,
        ),
        Command::Check { file } => check(&file, out),
    };
    match result {
        Ok(()) => OK,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            FAILED
        }
    }
}

fn new(file: &Path, language: Language, out: &mut dyn Write) -> Result<(), String> {
    if file.exists() {
        return Err(format!(
            "{}: already exists; not overwritten",
            file.display()
        ));
    }
    let journal = Journal::new(title_from_path(file), language);
    store::save(file, &journal).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "created {}", file.display());
    Ok(())
}

fn check(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let journal = store::load(file).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "{}: {}", file.display(), summary(&journal));
    Ok(())
}

/// "3650 days (2016-01-01 to 2025-12-28), 40 books, 600 chapters".
pub fn summary(journal: &Journal) -> String {
    let days = journal.days.len();
    let range = match (journal.days.keys().next(), journal.days.keys().next_back()) {
        (Some(first), Some(last)) => format!(" ({first} to {last})"),
        _ => String::new(),
    };
    format!(
        "{days} {}{range}, {} {}, {} {}",
        plural(days, "day", "days"),
        journal.books.len(),
        plural(journal.books.len(), "book", "books"),
        journal.chapter_count(),
        plural(journal.chapter_count(), "chapter", "chapters"),
    )
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// "my-study.studylog.ron" -> "my-study".
pub fn title_from_path(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let stem = name
        .strip_suffix(&format!(".{}", store::EXTENSION))
        .or_else(|| name.strip_suffix(".ron"))
        .unwrap_or(&name);
    stem.to_owned()
}

/// Japanese when the system locale is Japanese, English otherwise.
pub fn system_language() -> Language {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.starts_with("ja") {
        Language::Ja
    } else {
        Language::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_drops_the_journal_extension() {
        assert_eq!(
            title_from_path(Path::new("/x/my-study.studylog.ron")),
            "my-study"
        );
        assert_eq!(title_from_path(Path::new("学習.ron")), "学習");
        assert_eq!(title_from_path(Path::new("notes")), "notes");
    }

    #[test]
    fn summary_counts_days_books_and_chapters() {
        let mut journal = Journal::new("t", Language::Ja);
        let book = journal.add_book("本");
        journal.add_chapter(book, "1 章");
        assert_eq!(summary(&journal), "0 days, 1 book, 1 chapter");
        journal
            .days
            .insert("2025-03-10".parse().unwrap(), Default::default());
        assert_eq!(
            summary(&journal),
            "1 day (2025-03-10 to 2025-03-10), 1 book, 1 chapter"
        );
    }
}
