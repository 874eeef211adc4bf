//! `new`, `check`, `search` and `stats`: commands on one journal.

use std::io::Write;
use std::path::Path;

use super::{Failure, say};
use crate::model::pace::projected_finish;
use crate::model::review::review_problems;
use crate::model::study_time::{hours_and_minutes, time_by_book};
use crate::model::{Journal, Language, SearchIndex, heading_of, hit_line, streaks};
use crate::session::check_pictures;
use crate::store;

/// Create an empty journal; never writes over a file that is there.
pub fn new(file: &Path, language: Language, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = Journal::new(store::journal_name(file), language);
    store::save_new(file, &journal)?;
    say(out, format_args!("created {}", file.display()))
}

/// What `check` does with stored pictures no note names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unused {
    /// Count them.
    Report,
    /// List them, and say how to remove them.
    Ask,
    Remove,
}

impl Unused {
    /// From `--remove-unused-pictures` and `--yes`.
    pub fn of(remove: bool, yes: bool) -> Self {
        match (remove, yes) {
            (false, _) => Unused::Report,
            (true, false) => Unused::Ask,
            (true, true) => Unused::Remove,
        }
    }
}

/// Load a journal and say what it holds, and which of its pictures are
/// missing or unused; never changes the journal file. Exits 1 when a note
/// names a picture that cannot be shown.
pub fn check(file: &Path, unused: Unused, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = store::load(file)?;
    say(
        out,
        format_args!("{}: {}", file.display(), journal.summary()),
    )?;
    let pictures = check_pictures(file, &journal);
    unused_pictures(&pictures.unused, unused, out)?;
    for broken in &pictures.broken {
        say(out, format_args!("picture: {broken}"))?;
    }
    let reviews = refused_reviews(file, &journal, out)?;
    let mut failures = Vec::new();
    if !pictures.broken.is_empty() {
        let n = pictures.broken.len();
        failures.push(format!(
            "{}: {n} picture link(s) point nowhere",
            file.display()
        ));
    }
    if reviews > 0 {
        failures.push(format!("{}: {reviews} review(s) refused", file.display()));
    }
    match failures.is_empty() {
        true => Ok(()),
        false => Err(failures.join("\n").into()),
    }
}

/// Each review the journal should not hold, at its line; how many.
fn refused_reviews(file: &Path, journal: &Journal, out: &mut dyn Write) -> Result<usize, Failure> {
    let problems = review_problems(journal, chrono::Utc::now());
    let lines = if problems.is_empty() {
        Vec::new()
    } else {
        store::review_lines(file)
    };
    for problem in &problems {
        let at = lines
            .get(problem.index)
            .map_or(String::new(), |l| format!(":{l}"));
        say(
            out,
            format_args!(
                "{}{at}: review {} of card {} at {} {}",
                file.display(),
                problem.index + 1,
                problem.review.card,
                problem.review.at.to_rfc3339(),
                problem.kind
            ),
        )?;
    }
    Ok(problems.len())
}

fn unused_pictures(
    found: &[(String, std::path::PathBuf)],
    unused: Unused,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if found.is_empty() {
        return Ok(());
    }
    if unused == Unused::Report {
        let n = found.len();
        return say(
            out,
            format_args!(
                "{n} stored picture(s) no note names (--remove-unused-pictures lists them)"
            ),
        );
    }
    for (link, path) in found {
        if unused == Unused::Remove {
            store::remove_picture(path).map_err(|e| e.to_string())?;
            say(out, format_args!("removed {link}"))?;
        } else {
            say(out, format_args!("unused: {link}"))?;
        }
    }
    if unused == Unused::Ask {
        say(out, "run again with --yes to remove them")?;
    }
    Ok(())
}

/// Every line containing `query`, newest day first.
pub fn search(file: &Path, query: &str, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = store::load(file)?;
    let index = SearchIndex::build(&journal);
    for hit in index.search(query, usize::MAX).hits {
        let Some(day) = journal.days.get(&hit.date) else {
            continue;
        };
        let line = hit_line(&journal, &hit).unwrap_or_default();
        let heading = heading_of(day, hit.place);
        say(out, format_args!("{} {heading}: {}", hit.date, line.trim()))?;
    }
    Ok(())
}

/// Study days, streaks, and each book's progress.
pub fn stats(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = store::load(file)?;
    let today = chrono::Local::now().date_naive();
    let streaks = streaks(&journal, today);
    say(out, format_args!("study days: {}", streaks.study_days))?;
    say(out, format_args!("current streak: {}", streaks.current))?;
    say(out, format_args!("longest streak: {}", streaks.longest))?;
    let minutes = time_by_book(&journal);
    for book in &journal.books {
        let (done, total) = book.progress();
        let mut line = format!("{}: {done}/{total} chapters done", book.title);
        if let Some(&m) = minutes.get(&book.id) {
            line.push_str(&format!(", {} studied", hours_and_minutes(m)));
        }
        if let Some(date) = projected_finish(&journal, book.id, today) {
            line.push_str(&format!(", at this pace done by {date}"));
        }
        say(out, line)?;
    }
    Ok(())
}
