//! The headless subcommands: `new`, `check`, `export`, `import`, `search`,
//! `stats` and `install-desktop`. The window is started by `main` when no
//! subcommand is given.
//!
//! Each command writes its report to the writers it is given and returns an
//! exit code, so tests can run commands without spawning a process.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use clap::{Parser, Subcommand, ValueEnum};

use crate::locale::system_language;
use crate::markdown::{self, ImportOptions, ImportReport};
use crate::model::{Book, BookId, Journal, Language};
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
    /// Without a command: open this journal (or import this Markdown log) in
    /// the window. With neither: the last journal used, or a sample.
    pub file: Option<PathBuf>,
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
    /// Write the journal (or one day, or one book's notes) as Markdown.
    Export {
        /// The journal to export
        journal: PathBuf,
        /// Only this day (YYYY-MM-DD)
        #[arg(long, conflicts_with = "book")]
        day: Option<NaiveDate>,
        /// Only this book: every chapter's notes across days, in date order
        #[arg(long)]
        book: Option<String>,
        /// Write to this file instead of standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Read daily logs written in Markdown into a journal (created if missing).
    Import {
        /// The year of dates written without one [default: from the file name, else this year]
        #[arg(long)]
        year: Option<i32>,
        /// Replace days the journal already has (otherwise they are kept and reported)
        #[arg(long)]
        replace: bool,
        /// The journal to create or add to [default: the first file's name with .studylog.ron]
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The Markdown logs
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print every line containing QUERY as `YYYY-MM-DD SECTION: line`, newest
    /// day first. Case and character width are ignored (ＥＣＳ = ECS, ｺﾝﾃﾅ = コンテナ).
    Search {
        /// The journal to search
        journal: PathBuf,
        /// The text to find (matched as a whole, spaces included)
        query: String,
    },
    /// Print study days, the current and longest streak, and each book's progress.
    Stats {
        /// The journal to summarize
        journal: PathBuf,
    },
    /// Add studylog to the desktop for this user: menu entry, icon, and the
    /// journal file type (double-click a .studylog.ron to open it).
    InstallDesktop {
        /// Remove what install-desktop installed
        #[arg(long)]
        uninstall: bool,
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
        Command::Export {
            journal,
            day,
            book,
            output,
        } => export(&journal, day, book.as_deref(), output.as_deref(), out),
        Command::Import {
            year,
            replace,
            output,
            files,
        } => import(&files, output, year, replace, out),
        Command::Search { journal, query } => search(&journal, &query, out),
        Command::Stats { journal } => stats(&journal, out),
        Command::InstallDesktop { uninstall } => install_desktop(uninstall, out),
    };
    match result {
        Ok(()) => OK,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            FAILED
        }
    }
}

fn search(file: &Path, query: &str, out: &mut dyn Write) -> Result<(), String> {
    let journal = store::load(file).map_err(|e| e.to_string())?;
    let index = crate::model::SearchIndex::build(&journal);
    for hit in index.search(query, usize::MAX).hits {
        let day = &journal.days[&hit.date];
        let line = crate::model::hit_line(&journal, &hit).unwrap_or_default();
        let heading = crate::model::heading_of(day, hit.place);
        let _ = writeln!(out, "{} {heading}: {}", hit.date, line.trim());
    }
    Ok(())
}

fn stats(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let journal = store::load(file).map_err(|e| e.to_string())?;
    let today = chrono::Local::now().date_naive();
    let streaks = crate::model::streaks(&journal, today);
    let _ = writeln!(out, "study days: {}", streaks.study_days);
    let _ = writeln!(out, "current streak: {}", streaks.current);
    let _ = writeln!(out, "longest streak: {}", streaks.longest);
    for book in &journal.books {
        let (done, total) = book.progress();
        let _ = writeln!(out, "{}: {done}/{total} chapters done", book.title);
    }
    Ok(())
}

fn install_desktop(uninstall: bool, out: &mut dyn Write) -> Result<(), String> {
    let data = crate::desktop::data_home()
        .ok_or("neither XDG_DATA_HOME nor HOME is set: no place to install to")?;
    let report = if uninstall {
        crate::desktop::uninstall(&data)
    } else {
        let executable = crate::desktop::this_executable()
            .map_err(|e| format!("cannot tell where studylog is installed: {e}"))?;
        crate::desktop::install(&data, &executable)
    }
    .map_err(|e| format!("{}: {e}", data.display()))?;
    for line in report {
        let _ = writeln!(out, "{line}");
    }
    Ok(())
}

fn new(file: &Path, language: Language, out: &mut dyn Write) -> Result<(), String> {
    let journal = Journal::new(store::journal_name(file), language);
    store::save_new(file, &journal).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "created {}", file.display());
    Ok(())
}

fn check(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let journal = store::load(file).map_err(|e| e.to_string())?;
    let _ = writeln!(out, "{}: {}", file.display(), journal.summary());
    Ok(())
}

fn export(
    file: &Path,
    day: Option<NaiveDate>,
    book: Option<&str>,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let journal = store::load(file).map_err(|e| e.to_string())?;
    let text = match (day, book) {
        (Some(date), _) => markdown::export_day(&journal, date)
            .ok_or_else(|| format!("{}: has no log for {date}", file.display()))?,
        (None, Some(title)) => {
            let id = find_book(&journal, title).map_err(|e| format!("{}: {e}", file.display()))?;
            markdown::export_book(&journal, id).unwrap_or_default()
        }
        (None, None) => markdown::export_journal(&journal),
    };
    match output {
        Some(path) => {
            store::write_text_file(path, &text).map_err(|e| e.to_string())?;
            let _ = writeln!(out, "wrote {}", path.display());
        }
        None => {
            let _ = out.write_all(text.as_bytes());
        }
    }
    Ok(())
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

fn import(
    files: &[PathBuf],
    output: Option<PathBuf>,
    year: Option<i32>,
    replace: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let target = output.unwrap_or_else(|| journal_path_for(&files[0]));
    let mut journal = match store::load(&target) {
        Ok(journal) => journal,
        Err(e) if e.is_missing() => Journal::new(store::journal_name(&target), system_language()),
        Err(e) => return Err(e.to_string()),
    };
    let mut reports = Vec::new();
    for file in files {
        let text = store::read_text(file).map_err(|e| e.to_string())?;
        let default_year = year
            .or_else(|| markdown::year_in_file_name(file))
            .unwrap_or_else(|| chrono::Local::now().year());
        let options = ImportOptions {
            default_year,
            replace,
        };
        reports.push((file, markdown::import(&mut journal, &text, &options)));
    }
    store::save(&target, &journal).map_err(|e| e.to_string())?;
    for (file, report) in reports {
        let _ = writeln!(out, "{}: {}", file.display(), describe(&report));
    }
    let _ = writeln!(out, "saved {}: {}", target.display(), journal.summary());
    Ok(())
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
