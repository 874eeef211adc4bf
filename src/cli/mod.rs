//! The headless subcommands: `new`, `check`, `export`, `import`, `search`,
//! `stats` and `install-desktop`. The window is started by `main` when no
//! subcommand is given.
//!
//! Each command writes its report to the writers it is given and returns an
//! exit code, so tests can run commands without spawning a process. One file
//! per group: `journal` (new, check, search, stats), `markdown` (export,
//! import), `desktop` (install-desktop).

mod desktop;
mod journal;
mod markdown;
mod merge;
mod review;

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::locale::system_language;
use crate::model::Language;
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
        /// Remove the stored pictures no note names (lists them; removes
        /// them only with --yes)
        #[arg(long)]
        remove_unused_pictures: bool,
        /// Answer yes: really remove them
        #[arg(long, requires = "remove_unused_pictures")]
        yes: bool,
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
        /// The date of a log that names none, in its text or its file name
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Replace days the journal already has (otherwise they are kept and reported)
        #[arg(long)]
        replace: bool,
        /// The journal to create or add to [default: the first log's name with .studylog.ron]
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The Markdown logs, or folders of them (every .md inside is read)
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
    /// List the review cards the log makes (answered questions, `front :: back`
    /// lines of 学んだこと), TSV: id, due, book, chapter, front, back.
    Cards {
        /// The journal
        journal: PathBuf,
        /// Only the cards due by the end of this day (YYYY-MM-DD)
        #[arg(long)]
        due: Option<NaiveDate>,
    },
    /// Record a review of one card, as the window's Review view does (FSRS).
    Review {
        /// The journal
        journal: PathBuf,
        /// The card, as `cards` prints its id
        #[arg(long)]
        card: String,
        /// again, hard, good or easy
        #[arg(long)]
        rate: String,
        /// When it was reviewed (RFC 3339) [default: now]
        #[arg(long)]
        now: Option<String>,
    },
    /// The reflection on a week or a month (週の振り返り), as Markdown: days
    /// studied, books and chapters, lines learned, questions opened and
    /// answered, 次やること still open, cards reviewed and remembered.
    Summary {
        /// The journal
        journal: PathBuf,
        /// An ISO week, e.g. 2025-W49 [default: this week]
        #[arg(long, conflicts_with = "month")]
        week: Option<String>,
        /// A month, e.g. 2025-12
        #[arg(long)]
        month: Option<String>,
    },
    /// Print study days, the current and longest streak, and each book's progress.
    Stats {
        /// The journal to summarize
        journal: PathBuf,
    },
    /// Add studylog to the desktop for this user: menu entry, icon, and the
    /// journal file type (double-click a .studylog.ron to open it).
    InstallDesktop {
        /// Remove what install-desktop installed, and studylog as the default for journals
        #[arg(long)]
        uninstall: bool,
        /// Replace (or remove) a menu entry or file type changed by hand since
        #[arg(long)]
        force: bool,
    },
    /// Merge two versions of a journal by meaning (days, sections, items,
    /// notes line by line, the library): `merge OURS THEIRS`, or `merge BASE
    /// OURS THEIRS` with the version both grew from. Where both changed the
    /// same lines, both are kept between marker lines; exit 1 while any remain.
    Merge {
        /// [BASE] OURS THEIRS
        #[arg(required = true, num_args = 2..=3)]
        files: Vec<PathBuf>,
        /// Write the merge here [default: over OURS, whose old version becomes its backup]
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUT even when it is a file that is not a journal
        #[arg(long)]
        force: bool,
    },
    /// What git runs to merge a journal (see install-git-driver): BASE OURS THEIRS,
    /// the merge written over OURS.
    #[command(hide = true)]
    MergeDriver {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
    },
    /// Make the git repository at REPO (default: here) merge journals with
    /// studylog: writes the merge driver into its config and
    /// `*.studylog.ron merge=studylog` into .gitattributes.
    InstallGitDriver {
        /// A folder inside the repository
        repo: Option<PathBuf>,
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
/// A report that cannot be written (a full disk, a closed pipe) fails the
/// command: exit 1, never a silently truncated file.
pub fn run(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = dispatch(command, out, err).and_then(|()| out.flush().map_err(Failure::Output));
    match result {
        Ok(()) => OK,
        // The reader went away (`| head`): nobody is left to tell.
        Err(Failure::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => FAILED,
        Err(Failure::Unsettled) => FAILED,
        Err(failure) => {
            let _ = writeln!(err, "{failure}");
            FAILED
        }
    }
}

fn dispatch(command: Command, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    match command {
        Command::New { file, lang } => {
            let language = lang.map_or_else(system_language, Language::from);
            journal::new(&file, language, out)
        }
        Command::Check {
            file,
            remove_unused_pictures,
            yes,
        } => journal::check(&file, journal::Unused::of(remove_unused_pictures, yes), out),
        Command::Export {
            journal,
            day,
            book,
            output,
        } => {
            let what = markdown::What { day, book };
            markdown::export(&journal, what, output.as_deref(), out)
        }
        Command::Import {
            year,
            date,
            replace,
            output,
            files,
        } => {
            let how = crate::session::ImportHow {
                year,
                date,
                replace,
                pictures_to: None,
            };
            markdown::import(&files, output, how, out, err)
        }
        Command::Search { journal, query } => journal::search(&journal, &query, out),
        Command::Stats { journal } => journal::stats(&journal, out),
        command @ (Command::Cards { .. } | Command::Review { .. } | Command::Summary { .. }) => {
            review::run(command, out)
        }

        Command::InstallDesktop { uninstall, force } => {
            desktop::install_desktop(uninstall, force, out)
        }
        Command::Merge {
            files,
            output,
            force,
        } => settled(merge::merge_files(&files, output.as_deref(), force, out)?),
        Command::MergeDriver { base, ours, theirs } => {
            settled(merge::merge_driver(&base, &ours, &theirs, out)?)
        }
        Command::InstallGitDriver { repo } => merge::install_git_driver(repo.as_deref(), out),
    }
}

/// A merge that left conflicts fails quietly (exit 1): it said so already.
fn settled(clean: bool) -> Result<(), Failure> {
    if clean {
        Ok(())
    } else {
        Err(Failure::Unsettled)
    }
}

/// Why a command failed.
#[derive(Debug)]
pub enum Failure {
    /// A problem with the files or the journal, in words for the user.
    Message(String),
    /// The report could not be written to standard output.
    Output(io::Error),
    /// A merge left conflicts to settle (and said how many).
    Unsettled,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Message(message) => f.write_str(message),
            Failure::Output(e) => write!(f, "studylog: cannot write the output: {e}"),
            Failure::Unsettled => f.write_str("conflicts remain"),
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Message(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::Message(message.to_owned())
    }
}

impl From<store::LoadError> for Failure {
    fn from(error: store::LoadError) -> Self {
        Failure::Message(error.to_string())
    }
}

impl From<store::SaveError> for Failure {
    fn from(error: store::SaveError) -> Self {
        Failure::Message(error.to_string())
    }
}

/// Write one line of the report.
fn say(out: &mut dyn Write, line: impl std::fmt::Display) -> Result<(), Failure> {
    writeln!(out, "{line}").map_err(Failure::Output)
}
