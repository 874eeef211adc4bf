//! A journal's first look: what the window needs for its first frame, and
//! no more. Everything but the days whole, the newest day whole, and every
//! other day cut down to its questions (the day form lists those still
//! open): each section before its last questions section stands in as an
//! empty one, so that every question keeps its place, and those after it
//! are left out. The store reads one from a big file's text
//! before the whole parse, or keeps one for the next start; both must give
//! the same as this.

use std::collections::BTreeMap;

use super::day::{Day, DaySection, FreeText, SectionBody};
use super::journal::Journal;

/// The first look of `journal` (see the module's doc).
pub fn first_look(journal: &Journal) -> Journal {
    let newest = journal.days.keys().next_back().copied();
    let days: BTreeMap<_, _> = journal
        .days
        .iter()
        .map(|(date, day)| {
            let kept = if Some(*date) == newest {
                day.clone()
            } else {
                questions_only(day)
            };
            (*date, kept)
        })
        .collect();
    Journal {
        format_version: journal.format_version,
        title: journal.title.clone(),
        template: journal.template.clone(),
        preamble: journal.preamble.clone(),
        books: journal.books.clone(),
        days,
        written_order: journal.written_order.clone(),
        review: journal.review.clone(),
        study: journal.study.clone(),
    }
}

/// `day` with only its questions sections; the others before the last
/// are empty stand-ins.
fn questions_only(day: &Day) -> Day {
    let asks = |section: &DaySection| matches!(section.body, SectionBody::Questions(_));
    let kept = day
        .sections
        .iter()
        .rposition(asks)
        .map_or(0, |last| last + 1);
    let sections = day.sections[..kept]
        .iter()
        .map(|section| match section.body {
            SectionBody::Questions(_) => section.clone(),
            _ => stand_in(),
        })
        .collect();
    Day {
        sections,
        ..Day::default()
    }
}

/// A section standing for one the first look leaves out.
fn stand_in() -> DaySection {
    DaySection::of("", SectionBody::Other(FreeText::default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::open_questions;

    #[test]
    fn the_newest_day_is_whole_and_the_others_keep_their_open_questions() {
        let journal = crate::generate::generate(1, 3);
        let seen = first_look(&journal);
        let (newest, day) = journal.days.iter().next_back().unwrap();
        assert_eq!(&seen.days[newest], day);
        assert!(seen.days.keys().eq(journal.days.keys()));
        assert_eq!(seen.books, journal.books);
        assert_eq!(
            open_questions(&seen, *newest),
            open_questions(&journal, *newest)
        );
        let (first, kept) = seen.days.iter().next().unwrap();
        let questions_at = journal.days[first]
            .sections
            .iter()
            .rposition(|s| matches!(s.body, SectionBody::Questions(_)));
        assert_eq!(
            Some(kept.sections.len() - 1),
            questions_at,
            "nothing after them"
        );
        assert!(kept.learned().next().is_none(), "notes are left out");
    }
}
