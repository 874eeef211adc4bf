//! Review cards on the generated 10-year journal, with eight `front :: back`
//! lines added to each day's notes (29,200 cards) and 20,000 reviews:
//! finding the cards, and working out today's due cards (what opening the
//! Review view does). Budget (issue 30): ≤ 20 ms each.
//!
//! Run with `cargo bench --bench review`.

mod common;

use std::time::Duration;

use chrono::{Duration as Span, TimeZone, Utc};
use studylog::generate;
use studylog::model::review::{Rating, Reviewed, cards, due_cards};
use studylog::model::{Block, Journal, SectionBody};

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
}
