//! `new`, `check`, `search` and `stats`: commands on one journal.

use std::io::Write;
use std::path::Path;

use super::{Failure, say};
use crate::model::{Journal, Language, SearchIndex, heading_of, hit_line, streaks};
use crate::store;

/// Create an empty journal; never writes over a file that is there.
pub fn new(file: &Path, language: Language, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = Journal::new(store::journal_name(file), language);
    store::save_new(file, &journal)?;
    say(out, format_args!("created {}", file.display()))
}

/// Load a journal and say what it holds; never changes the file.
pub fn check(file: &Path, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = store::load(file)?;
    say(
        out,
        format_args!("{}: {}", file.display(), journal.summary()),
    )
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
    for book in &journal.books {
        let (done, total) = book.progress();
        say(
            out,
            format_args!("{}: {done}/{total} chapters done", book.title),
        )?;
    }
    Ok(())
}
