//! The weekly (or monthly) reflection, 週の振り返り: what a stretch of days
//! holds, gathered from the log and the reviews — days studied, the books
//! and chapters studied, what was learned, questions opened and answered,
//! 次やること left open, cards reviewed and how many were remembered, study
//! time, chapters finished — as Markdown ready to keep, export or paste
//! into a blog post.

use std::collections::BTreeMap;
use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};

use super::review::Rating;
use super::study_time::{day_time, hours_and_minutes};
use super::{Journal, Language};

/// A stretch of days gathered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub days_studied: usize,
    pub days_in_range: usize,
    /// Each book studied, with the chapters studied in it (in order).
    pub books: BTreeMap<String, Vec<String>>,
    /// Chapters marked done whose last notes fall in these days
    /// (`book: chapter`), the way a book's pace counts them.
    pub finished: Vec<String>,
    /// Lines written under 学んだこと.
    pub learned: usize,
    pub questions_opened: Vec<String>,
    pub questions_answered: Vec<String>,
    /// 次やること written in these days and not done.
    pub left_open: Vec<String>,
    /// Study time the days state, in all and by book title.
    pub minutes: u32,
    pub minutes_by_book: BTreeMap<String, u32>,
    pub reviews: usize,
    /// Reviews not rated Again.
    pub remembered: usize,
}

/// The ISO week `2025-W49` (Monday to Sunday), or None if it is no week.
pub fn iso_week(text: &str) -> Option<RangeInclusive<NaiveDate>> {
    let (year, week) = text.split_once("-W")?;
    let monday = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
    Some(monday..=monday + chrono::Days::new(6))
}

/// The month `2025-12`, first day to last.
pub fn month(text: &str) -> Option<RangeInclusive<NaiveDate>> {
    let first = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok()?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some(first..=next.pred_opt()?)
}

/// What the days in `range` hold.
pub fn summarize(journal: &Journal, range: &RangeInclusive<NaiveDate>) -> Summary {
    let mut summary = Summary {
        days_in_range: (*range.end() - *range.start()).num_days() as usize + 1,
        ..Summary::default()
    };
    for (_, day) in journal.days.range(range.clone()) {
        summary.days_studied += 1;
        add_time(&mut summary, journal, day);
        for book in day.learned_books() {
            let title = journal.book(book.book).map_or("", |b| b.title.as_str());
            let chapters = summary.books.entry(title.to_owned()).or_default();
            for notes in &book.chapters {
                let label = journal
                    .chapter(notes.chapter)
                    .map_or("", |(_, c)| c.label.as_str());
                if !chapters.iter().any(|c| c == label) {
                    chapters.push(label.to_owned());
                }
                summary.learned += notes
                    .blocks
                    .iter()
                    .filter_map(|b| match b {
                        super::Block::Text(text) => Some(text),
                        super::Block::Grid(_) => None,
                    })
                    .flat_map(|t| t.lines())
                    .filter(|l| !l.trim().is_empty())
                    .count();
            }
        }
        for (_, _, question) in day.questions() {
            summary.questions_opened.push(first_line(&question.text));
        }
        for (_, _, next) in day.next_items().filter(|(_, _, n)| !n.done) {
            summary.left_open.push(first_line(&next.text));
        }
    }
    for day in journal.days.values() {
        for (_, _, question) in day.questions() {
            if question
                .answer
                .as_ref()
                .is_some_and(|a| range.contains(&a.resolved_on))
            {
                summary.questions_answered.push(first_line(&question.text));
            }
        }
    }
    summary.finished = finished_in(journal, range);
    let reviews = journal
        .review
        .log
        .iter()
        .filter(|r| range.contains(&r.at.date_naive()));
    for review in reviews {
        summary.reviews += 1;
        summary.remembered += usize::from(review.rating != Rating::Again);
    }
    summary
}

/// Chapters done whose last day of notes is in `range`.
fn finished_in(journal: &Journal, range: &RangeInclusive<NaiveDate>) -> Vec<String> {
    let last = super::pace::last_noted(journal, NaiveDate::MAX);
    journal
        .books
        .iter()
        .flat_map(|b| b.chapters.iter().map(move |c| (b, c)))
        .filter(|(_, c)| c.status == super::ChapterStatus::Done)
        .filter(|(_, c)| last.get(&c.id).is_some_and(|d| range.contains(d)))
        .map(|(b, c)| format!("{}: {}", b.title, c.label))
        .collect()
}

fn add_time(summary: &mut Summary, journal: &Journal, day: &super::Day) {
    let time = day_time(journal, day);
    summary.minutes += time.minutes;
    for (book, minutes) in time.by_book {
        let title = journal.book(book).map_or("", |b| b.title.as_str());
        *summary.minutes_by_book.entry(title.to_owned()).or_default() += minutes;
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or("").trim().to_owned()
}

/// The summary as Markdown, headed by the range.
pub fn summary_markdown(
    summary: &Summary,
    range: &RangeInclusive<NaiveDate>,
    language: Language,
) -> String {
    let ja = language == Language::Ja;
    let pick = |j: &'static str, e: &'static str| if ja { j } else { e };
    let mut out = format!(
        "# {} {} – {}\n\n",
        pick("振り返り", "Looking back"),
        range.start(),
        range.end()
    );
    overview(&mut out, summary, pick);
    section(
        &mut out,
        pick("読んだ本", "Books"),
        summary.books.iter().map(|(book, chapters)| {
            let time = summary
                .minutes_by_book
                .get(book)
                .map_or(String::new(), |m| format!(" ({})", hours_and_minutes(*m)));
            if chapters.is_empty() {
                format!("{book}{time}")
            } else {
                format!("{book}{time}: {}", chapters.join(", "))
            }
        }),
    );
    section(
        &mut out,
        pick("読み終えた章", "Chapters finished"),
        summary.finished.iter().cloned(),
    );
    section(
        &mut out,
        pick("新しい疑問", "Questions opened"),
        summary.questions_opened.iter().cloned(),
    );
    section(
        &mut out,
        pick("解決した疑問", "Questions answered"),
        summary.questions_answered.iter().cloned(),
    );
    section(
        &mut out,
        pick("残っている次やること", "Still to do"),
        summary.left_open.iter().cloned(),
    );
    out
}

/// The figures at the top: days, lines, time, cards.
fn overview(
    out: &mut String,
    summary: &Summary,
    pick: impl Fn(&'static str, &'static str) -> &'static str,
) {
    out.push_str(&format!(
        "- {}: {} / {}\n- {}: {}\n",
        pick("学習した日", "Days studied"),
        summary.days_studied,
        summary.days_in_range,
        pick("学んだことの行", "Lines learned"),
        summary.learned
    ));
    if summary.minutes > 0 {
        out.push_str(&format!(
            "- {}: {}\n",
            pick("学習時間", "Study time"),
            hours_and_minutes(summary.minutes)
        ));
    }
    if let Some(percent) = (summary.remembered * 100).checked_div(summary.reviews) {
        out.push_str(&format!(
            "- {}: {} ({} {percent}%)\n",
            pick("復習したカード", "Cards reviewed"),
            summary.reviews,
            pick("覚えていた", "remembered")
        ));
    }
}

fn section(out: &mut String, heading: &str, lines: impl Iterator<Item = String>) {
    let lines: Vec<String> = lines.filter(|l| !l.is_empty()).collect();
    if lines.is_empty() {
        return;
    }
    out.push_str(&format!("\n## {heading}\n\n"));
    for line in lines {
        out.push_str(&format!("- {line}\n"));
    }
}

/// The ISO week holding `date`, as `2025-W49`.
pub fn week_of(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests;
