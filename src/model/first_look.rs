//! A journal's first look: what the window needs for its first frame, and
//! no more. Everything but the days whole, the newest day whole, and the
//! days holding the open questions its form lists cut down to their
//! questions: each section before its last questions section stands in as
//! an empty one, so that every question keeps its place, and those after
//! it are left out. Older days keep only their dates (for the side
//! tree); the form only counts their open questions, so one stand-in day
//! asks that many, without their words (see [`fold_unlisted_questions`]).
//! The store reads one from a big file's text before the whole parse, or
//! keeps one for the next start; both must give the same as this.

use std::collections::BTreeMap;

use super::day::{Day, DaySection, Entry, FreeText, Question, SectionBody};
use super::journal::Journal;
use super::study::EARLIER_QUESTIONS_LISTED;

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
    let mut look = Journal {
        format_version: journal.format_version,
        title: journal.title.clone(),
        template: journal.template.clone(),
        preamble: journal.preamble.clone(),
        books: journal.books.clone(),
        days,
        written_order: journal.written_order.clone(),
        review: journal.review.clone(),
        study: journal.study.clone(),
    };
    fold_unlisted_questions(&mut look);
    look
}

/// Days older than those holding the open questions the newest day's form
/// lists keep only their dates: of their questions the form shows a count,
/// which the oldest of them keeps by asking as many stand-in questions.
/// Ten years kept so are a tenth of the size, read in a tenth of the time.
pub fn fold_unlisted_questions(look: &mut Journal) {
    let Some(&newest) = look.days.keys().next_back() else {
        return;
    };
    let (mut listed, mut folded, mut oldest) = (0, 0, None);
    for (date, day) in look.days.range_mut(..newest).rev() {
        let open = day.questions().filter(|(_, _, q)| q.is_open()).count();
        if listed < EARLIER_QUESTIONS_LISTED {
            listed += open;
            continue;
        }
        folded += open;
        *day = Day::default();
        oldest = Some(*date);
    }
    if let Some(date) = oldest.filter(|_| folded > 0) {
        look.days.insert(date, asking(folded));
    }
}

/// A day asking `count` open questions that stand for others (a form never
/// lists them; it needs words to count them).
fn asking(count: usize) -> Day {
    let question = Entry::Item(Question::new(STAND_IN_QUESTION));
    Day {
        sections: vec![DaySection::of(
            "",
            SectionBody::Questions(vec![question; count]),
        )],
        ..Day::default()
    }
}

/// The words of a question standing for one the first look leaves out.
const STAND_IN_QUESTION: &str = "…";

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
    use crate::model::newest_open_questions;

    /// What the newest day's form shows of earlier days' open questions.
    fn listed(journal: &Journal) -> crate::model::NewestOpenQuestions {
        let newest = *journal.days.keys().next_back().unwrap();
        newest_open_questions(journal, newest, EARLIER_QUESTIONS_LISTED)
    }

    #[test]
    fn the_newest_day_is_whole_and_the_day_before_keeps_its_questions_in_place() {
        let journal = crate::generate::generate(1, 3);
        let seen = first_look(&journal);
        let (newest, day) = journal.days.iter().next_back().unwrap();
        assert_eq!(&seen.days[newest], day);
        assert!(seen.days.keys().eq(journal.days.keys()));
        assert_eq!(seen.books, journal.books);
        assert_eq!(listed(&seen), listed(&journal));
        let (before, kept) = seen.days.range(..*newest).next_back().unwrap();
        let questions_at = journal.days[before]
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

    #[test]
    fn days_beyond_the_listed_questions_keep_their_dates_and_their_count() {
        let journal = crate::generate::generate(1, 3);
        let open = listed(&journal);
        assert!(open.total > 2 * EARLIER_QUESTIONS_LISTED);
        let seen = first_look(&journal);
        assert_eq!(listed(&seen), open, "the same list and the same count");
        assert!(seen.days.keys().eq(journal.days.keys()));
        let oldest_listed = open.newest.last().unwrap().date;
        let (oldest, asking) = seen.days.iter().next().unwrap();
        for (date, day) in seen.days.range(..oldest_listed) {
            if date != oldest {
                assert_eq!(day, &Day::default(), "{date} keeps only its date");
            }
        }
        let stand_ins = asking.questions().filter(|(_, _, q)| q.is_open());
        let before_listed = journal
            .days
            .range(..oldest_listed)
            .map(|(_, day)| day.questions().filter(|(_, _, q)| q.is_open()).count());
        assert_eq!(stand_ins.count(), before_listed.sum::<usize>());
    }

    #[test]
    fn a_journal_with_few_open_questions_keeps_them_all() {
        let mut journal = crate::generate::generate(1, 3);
        let newest = *journal.days.keys().next_back().unwrap();
        let kept: Vec<_> = journal
            .days
            .range(..newest)
            .rev()
            .take(20)
            .map(|(d, _)| *d)
            .collect();
        journal
            .days
            .retain(|date, _| *date == newest || kept.contains(date));
        let seen = first_look(&journal);
        assert!(listed(&journal).total < EARLIER_QUESTIONS_LISTED);
        assert_eq!(
            crate::model::open_questions(&seen, newest),
            crate::model::open_questions(&journal, newest)
        );
    }
}
