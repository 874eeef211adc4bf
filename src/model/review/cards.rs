//! Which lines of the log are cards: a question with an answer, and a
//! 学んだこと line `front :: back` (spaces around `::`, outside code, so
//! `std::fs::read` is never a card). A card with an empty side is not made.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{Block, BookId, ChapterId, Day, Journal, SectionBody};
use crate::stable_hash::fnv1a;

use super::CardKey;

/// Where a card's text is in the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardSource {
    /// A question of わからなかったこと and its answer.
    Question,
    /// A `front :: back` line of 学んだこと.
    Learned,
}

/// One card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub key: CardKey,
    pub front: String,
    pub back: String,
    pub book: Option<BookId>,
    pub chapter: Option<ChapterId>,
    pub source: CardSource,
}

impl Card {
    pub fn date(&self) -> NaiveDate {
        self.key.date
    }
}

/// Every card of the journal, day by day, in the order written.
pub fn cards(journal: &Journal) -> Vec<Card> {
    let books = chapter_books(journal);
    journal
        .days
        .iter()
        .flat_map(|(date, day)| day_cards(&books, *date, day))
        .collect()
}

/// The cards of the day at `date`, in the order written (none for a day
/// the journal does not have).
pub fn cards_of_day(journal: &Journal, date: NaiveDate) -> Vec<Card> {
    match journal.days.get(&date) {
        Some(day) => day_cards(&chapter_books(journal), date, day),
        None => Vec::new(),
    }
}

/// The book each chapter belongs to.
fn chapter_books(journal: &Journal) -> HashMap<ChapterId, BookId> {
    journal
        .books
        .iter()
        .flat_map(|b| b.chapters.iter().map(|c| (c.id, b.id)))
        .collect()
}

fn day_cards(books: &HashMap<ChapterId, BookId>, date: NaiveDate, day: &Day) -> Vec<Card> {
    let mut found: Vec<(String, String, Option<ChapterId>, CardSource)> = Vec::new();
    let studied = only_chapter_studied(day);
    for section in &day.sections {
        match &section.body {
            SectionBody::Questions(entries) => {
                for question in entries.iter().filter_map(|e| e.item()) {
                    if let Some(answer) = &question.answer {
                        let pair = (
                            question.text.trim().to_owned(),
                            answer.text.trim().to_owned(),
                        );
                        found.push((pair.0, pair.1, studied, CardSource::Question));
                    }
                }
            }
            SectionBody::Learned(learned) => {
                for chapter in learned.books.iter().flat_map(|b| &b.chapters) {
                    let texts = chapter.blocks.iter().filter_map(|b| match b {
                        Block::Text(text) => Some(text),
                        Block::Grid(_) => None,
                    });
                    for text in texts {
                        for (front, back) in card_lines(text) {
                            found.push((front, back, Some(chapter.chapter), CardSource::Learned));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    found.retain(|(front, back, ..)| !front.is_empty() && !back.is_empty());
    let of = found.len() as u32;
    found
        .into_iter()
        .enumerate()
        .map(|(ordinal, (front, back, chapter, source))| Card {
            key: CardKey {
                date,
                ordinal: ordinal as u32,
                of,
                front: fnv1a(front.as_bytes()),
            },
            book: chapter.and_then(|c| books.get(&c).copied()),
            front,
            back,
            chapter,
            source,
        })
        .collect()
}

/// The chapter a day studied, when it studied exactly one (a question's
/// card belongs to it).
fn only_chapter_studied(day: &Day) -> Option<ChapterId> {
    let mut chapters = day
        .learned_books()
        .flat_map(|book| book.chapters.iter().map(|c| c.chapter));
    let first = chapters.next()?;
    chapters.next().is_none().then_some(first)
}

/// The `front :: back` lines of a note, outside fenced code.
fn card_lines(text: &str) -> Vec<(String, String)> {
    // Most notes make no card: one pass over the bytes says so.
    if memchr::memmem::find(text.as_bytes(), b" :: ").is_none() {
        return Vec::new();
    }
    let fenced = text.contains("```") || text.contains("~~~");
    let mut in_fence: Option<&str> = None;
    let mut found = Vec::new();
    for line in text.lines() {
        if fenced {
            let trimmed = line.trim_start();
            let fence = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
            match (in_fence, fence) {
                (None, Some(f)) => in_fence = Some(f),
                (Some(open), Some(f)) if open == f => in_fence = None,
                _ => {}
            }
            if in_fence.is_some() || fence.is_some() {
                continue;
            }
        }
        if line.contains(" :: ") {
            found.extend(split_card_line(line));
        }
    }
    found
}

/// A line `front :: back` as its two sides (list marker and checkbox
/// left out), or None: `::` must have a space on both sides and lie
/// outside code spans.
pub fn split_card_line(line: &str) -> Option<(String, String)> {
    let bytes = line.as_bytes();
    let mut in_code = false;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'`' => in_code = !in_code,
            b':' if !in_code
                && bytes[i + 1] == b':'
                && i > 0
                && bytes[i - 1] == b' '
                && bytes.get(i + 2) == Some(&b' ') =>
            {
                let front = strip_item(&line[..i]).trim().to_owned();
                let back = line[i + 2..].trim().to_owned();
                return Some((front, back));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A line without its list marker (`- `, `* `, `1. `) and checkbox.
fn strip_item(line: &str) -> &str {
    let rest = line.trim_start();
    let rest = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .or_else(|| {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0)
                .then(|| rest[digits..].strip_prefix(". "))
                .flatten()
        })
        .unwrap_or(rest);
    ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| rest.strip_prefix(b))
        .unwrap_or(rest)
}
