//! Looking back on the generated 10-year journal, with eight `front :: back`
//! lines added to each day's notes (29,200 cards), 20,000 reviews and a
//! time line (`BOOK 1h30m`) on each day: finding the cards, working out
//! today's due cards (what opening the Review view does), a book's pace
//! (its page's charts) and a week's summary. Budget (issue 30): ≤ 20 ms each.
//!
//! Run with `cargo bench --bench review`.

mod common;

use std::time::Duration;

use chrono::{Duration as Span, TimeZone, Utc};
use studylog::generate;
use studylog::model::pace::book_pace;
use studylog::model::review::{Rating, Reviewed, cards, due_cards};
use studylog::model::summary::{iso_week, summarize, summary_markdown, week_of};
use studylog::model::{Block, Entry, Journal, Language, SectionBody, WorkItem};

fn journal_with_cards() -> Journal {
    let mut journal = generate::generate(10, 1);
    for day in journal.days.values_mut() {
        for section in &mut day.sections {
            if let SectionBody::Learned(learned) = &mut section.body
                && let Some(notes) = learned
                    .books
                    .first_mut()
                    .and_then(|b| b.chapters.first_mut())
            {
                let lines: String = (0..8).map(|n| format!("\n- 用語{n} :: 説明{n}")).collect();
                notes.blocks.push(Block::Text(lines));
            }
        }
    }
    add_time_lines(&mut journal);
    let all = cards(&journal);
    let start = Utc.with_ymd_and_hms(2016, 1, 2, 9, 0, 0).unwrap();
    for (n, card) in all
        .iter()
        .step_by(all.len() / 20_000 + 1)
        .enumerate()
        .take(20_000)
    {
        let at = start.max(card.date().and_hms_opt(21, 0, 0).unwrap().and_utc())
            + Span::hours(n as i64 % 5);
        let rating = Rating::ALL[n % 4];
        journal.review.add(Reviewed {
            card: card.key,
            at,
            rating,
        });
    }
    journal
}

/// Each day states 1h30m for the first book it studies.
fn add_time_lines(journal: &mut Journal) {
    let titles: Vec<(studylog::model::BookId, String)> = journal
        .books
        .iter()
        .map(|b| (b.id, b.title.clone()))
        .collect();
    for day in journal.days.values_mut() {
        let Some(book) = day.learned_books().next().map(|b| b.book) else {
            continue;
        };
        let title = &titles.iter().find(|(id, _)| *id == book).unwrap().1;
        for section in &mut day.sections {
            if let SectionBody::WorkedOn(entries) = &mut section.body {
                entries.push(Entry::Item(WorkItem::Text {
                    text: format!("{title} 1h30m"),
                    marker: Default::default(),
                }));
            }
        }
    }
}

fn main() {
    let journal = journal_with_cards();
    let all = cards(&journal);
    println!(
        "journal: {}; {} cards, {} reviews",
        journal.summary(),
        all.len(),
        journal.review.log.len()
    );
    let budget = Duration::from_millis(20);
    let now = Utc::now();
    common::measure("find every card", 20, budget, || cards(&journal).len());
    common::measure("today's due cards (cards found)", 20, budget, || {
        due_cards(&all, &journal.review, now, None).len()
    });
    common::measure("open the Review view (find + due)", 20, budget, || {
        let all = cards(&journal);
        due_cards(&all, &journal.review, now, None).len()
    });
    let last = *journal.days.keys().next_back().unwrap();
    let busiest = journal
        .books
        .iter()
        .max_by_key(|b| {
            studylog::model::study_time::time_by_book(&journal)
                .get(&b.id)
                .copied()
        })
        .unwrap()
        .id;
    common::measure("a book's pace (its page's charts)", 20, budget, || {
        book_pace(&journal, busiest, last).unwrap().weeks.len()
    });
    let week = iso_week(&week_of(last)).unwrap();
    common::measure("the week's summary (Week view)", 20, budget, || {
        summary_markdown(&summarize(&journal, &week), &week, Language::Ja).len()
    });
}
