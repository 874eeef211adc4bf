//! The journal's review cards, kept in date order and brought up to date
//! day by day, edit by edit (as the search index is), so that the due
//! count beside the tree does not read ten years of notes on every key. A `generation` counts
//! the changes that can change what is due: a day's cards that came out
//! different, the library, the review record, a new journal.

use crate::model::review::{Card, cards, cards_of_day};
use crate::model::{Journal, Scope};

/// Every card in date and written order, worked out on first use.
#[derive(Default)]
pub struct CardIndex {
    cards: Option<Vec<Card>>,
    generation: u64,
}

impl CardIndex {
    /// Every card, in date and written order, and the generation they are of.
    pub fn cards(&mut self, journal: &Journal) -> (&[Card], u64) {
        let all = self.cards.get_or_insert_with(|| cards(journal));
        (all, self.generation)
    }

    /// The journal changed within `scope`.
    pub fn changed(&mut self, journal: &Journal, scope: Scope) {
        if scope.whole || scope.library {
            return self.forget();
        }
        if scope.review {
            self.generation += 1;
        }
        let (Some(date), Some(all)) = (scope.day, self.cards.as_mut()) else {
            return;
        };
        // The day's cards are one run of the list, which is in date order.
        let first = all.partition_point(|c| c.date() < date);
        let end = all.partition_point(|c| c.date() <= date);
        let now = cards_of_day(journal, date);
        if all[first..end] != now[..] {
            all.splice(first..end, now);
            self.generation += 1;
        }
    }

    /// Another journal, or one changed throughout: work it all out again.
    pub fn forget(&mut self) {
        self.cards = None;
        self.generation += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Block, ChapterNotes, Day, DaySection, Language, Learned, LearnedBook, Section, SectionBody,
    };
    use chrono::NaiveDate;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A day whose 学んだこと holds `note` under the journal's first chapter.
    fn day_with_note(journal: &Journal, note: &str) -> Day {
        let book = &journal.books[0];
        let mut day = Day::from_template(&journal.template);
        for section in &mut day.sections {
            if let SectionBody::Learned(learned) = &mut section.body {
                *learned = Learned {
                    intro: String::new(),
                    books: vec![LearnedBook {
                        book: book.id,
                        intro: String::new(),
                        chapters: vec![ChapterNotes {
                            chapter: book.chapters[0].id,
                            blocks: vec![Block::Text(note.into())],
                        }],
                    }],
                };
            }
        }
        day
    }

    fn journal_with(days: &[(&str, &str)]) -> Journal {
        let mut journal = Journal::new("j", Language::Ja);
        let book = journal.add_book("DDIA");
        journal.add_chapter(book, "9 章").unwrap();
        for (on, note) in days {
            let day = day_with_note(&journal, note);
            journal.days.insert(date(on), day);
        }
        journal
    }

    #[test]
    fn an_edit_that_leaves_the_cards_alone_keeps_the_generation() {
        let mut journal = journal_with(&[("2025-03-10", "- Raft :: 合意アルゴリズム")]);
        let mut index = CardIndex::default();
        let generation = index.cards(&journal).1;
        let on = date("2025-03-10");
        let impressions = DaySection::new("感想", Section::Impressions);
        journal
            .days
            .get_mut(&on)
            .unwrap()
            .sections
            .push(impressions);
        index.changed(&journal, Scope::day(on));
        let (cards, now) = index.cards(&journal);
        assert_eq!((cards.len(), now), (1, generation), "no card changed");
    }

    #[test]
    fn a_card_edited_on_one_day_is_seen_without_reading_the_others() {
        let mut journal = journal_with(&[
            ("2025-03-10", "- Raft :: 合意アルゴリズム"),
            ("2025-03-11", "- Paxos :: 古典"),
        ]);
        let mut index = CardIndex::default();
        let generation = index.cards(&journal).1;
        // The first day goes without the index being told: it is not read again.
        journal.days.remove(&date("2025-03-10"));
        let edited = day_with_note(&journal, "- Paxos :: 最初の合意");
        journal.days.insert(date("2025-03-11"), edited);
        index.changed(&journal, Scope::day(date("2025-03-11")));
        let (cards, now) = index.cards(&journal);
        let backs: Vec<&str> = cards.iter().map(|c| c.back.as_str()).collect();
        assert_eq!(backs, ["合意アルゴリズム", "最初の合意"]);
        assert!(now > generation);
    }

    #[test]
    fn the_library_or_the_whole_journal_changing_reads_every_day_again() {
        let mut journal = journal_with(&[("2025-03-10", "- Raft :: 合意アルゴリズム")]);
        let mut index = CardIndex::default();
        assert_eq!(index.cards(&journal).0.len(), 1);
        journal.days.clear();
        let everything = Scope {
            whole: true,
            ..Scope::day(date("2025-03-10"))
        };
        index.changed(&journal, everything);
        assert!(index.cards(&journal).0.is_empty());
    }
}
