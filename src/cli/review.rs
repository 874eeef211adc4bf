//! `cards` and `review`: the review cards the log makes, and recording a
//! review from a script exactly as the window records one.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{Failure, say};
use crate::model::review::{Card, CardId, Rating, Reviewed, card_states, cards, due_cards};
use crate::model::{Edit, Journal};
use crate::store;

/// Run `cards`, `review` or `summary`.
pub(super) fn run(command: super::Command, out: &mut dyn Write) -> Result<(), Failure> {
    use super::Command;
    match command {
        Command::Cards { journal, due } => list_cards(&journal, due, out),
        Command::Review {
            journal,
            card,
            rate,
            now,
        } => review(&journal, &card, &rate, now.as_deref(), out),
        Command::Summary {
            journal,
            week,
            month,
        } => summary(&journal, week.as_deref(), month.as_deref(), out),
        _ => Err("not a review command".into()),
    }
}

/// Every card (or those due by the end of `due`), a TSV line each:
/// id, due date, book, chapter, front, back.
pub fn list_cards(file: &Path, due: Option<NaiveDate>, out: &mut dyn Write) -> Result<(), Failure> {
    let journal = store::load(file)?;
    let all = cards(&journal);
    let shown: Vec<(usize, NaiveDate)> = match due {
        Some(day) => {
            let end = day.and_hms_opt(23, 59, 59).unwrap_or_default().and_utc();
            due_cards(&all, &journal.review, end, None)
                .into_iter()
                .map(|d| (d.index, d.state.due.date_naive()))
                .collect()
        }
        None => card_states(&all, &journal.review)
            .into_iter()
            .enumerate()
            .map(|(i, s)| (i, s.due.date_naive()))
            .collect(),
    };
    say(out, "id\tdue\tbook\tchapter\tfront\tback")?;
    for (index, due) in shown {
        let card = &all[index];
        let (book, chapter) = titles(&journal, card);
        let cells = [
            card.key.to_string(),
            due.to_string(),
            book,
            chapter,
            one_line(&card.front),
            one_line(&card.back),
        ];
        say(out, cells.join("\t"))?;
    }
    Ok(())
}

/// Record a review of the card `id` rated `rating` at `now` (default: now).
/// A card that is not there, or a time in the future, exits 1 and changes
/// nothing.
pub fn review(
    file: &Path,
    id: &str,
    rating: &str,
    now: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let id: CardId = id.parse()?;
    let rating = Rating::parse(rating)
        .ok_or_else(|| format!("{rating:?}: rate again, hard, good or easy"))?;
    let at = match now {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map_err(|e| format!("--now {text:?}: {e}"))?
            .with_timezone(&Utc),
        None => Utc::now(),
    };
    // A review from the future is one `check` would refuse: never made.
    if at > Utc::now() + chrono::Duration::minutes(1) {
        return Err(
            format!("--now {at}: is in the future; a review is recorded when it is made").into(),
        );
    }
    let lock = store::lock(file)?;
    let mut journal = store::load(file)?;
    let all = cards(&journal);
    let card = all
        .iter()
        .find(|c| c.key.is_named(&id))
        .ok_or_else(|| format!("{}: no card {id}", file.display()))?;
    let review = Reviewed {
        card: card.key,
        at,
        rating,
    };
    crate::model::apply(&mut journal, Edit::Review(review));
    store::save_locked(&lock, file, &journal)?;
    drop(lock);
    let index = all.iter().position(|c| c.key == card.key).unwrap_or(0);
    let state = &card_states(&all, &journal.review)[index];
    say(
        out,
        format_args!(
            "reviewed {id}: next due {} (in {})",
            state.due.date_naive(),
            span(state.due - at)
        ),
    )
}

fn titles(journal: &Journal, card: &Card) -> (String, String) {
    card.chapter
        .and_then(|c| journal.chapter(c))
        .map(|(book, chapter)| (book.title.clone(), chapter.label.clone()))
        .unwrap_or_default()
}

/// A card's side on one TSV line: line breaks and tabs as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\t'], " ")
}

/// "10 min", "3 days", "2 months".
pub fn span(d: Duration) -> String {
    let minutes = d.num_minutes();
    match minutes {
        ..60 => format!("{} min", minutes.max(1)),
        60..1440 => format!("{} h", minutes / 60),
        1440..43200 => format!("{} days", minutes / 1440),
        _ => format!("{} months", minutes / 43200),
    }
}

/// The reflection on a week (`2025-W49`) or a month (`2025-12`), as Markdown.
pub fn summary(
    file: &Path,
    week: Option<&str>,
    month: Option<&str>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    use crate::model::summary;
    let range =
        match (week, month) {
            (Some(w), _) => summary::iso_week(w)
                .ok_or_else(|| format!("--week {w:?}: not a week like 2025-W49"))?,
            (None, Some(m)) => summary::month(m)
                .ok_or_else(|| format!("--month {m:?}: not a month like 2025-12"))?,
            (None, None) => {
                let today = chrono::Local::now().date_naive();
                summary::iso_week(&summary::week_of(today)).ok_or("no week for today")?
            }
        };
    let journal = store::load(file)?;
    let gathered = summary::summarize(&journal, &range);
    let text = summary::summary_markdown(&gathered, &range, journal.template.language);
    out.write_all(text.as_bytes()).map_err(Failure::Output)
}
