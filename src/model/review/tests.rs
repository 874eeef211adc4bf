use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::model::{
    Answer, Block, ChapterNotes, Journal, Language, Learned, LearnedBook, Question, SectionBody,
};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A journal with one day: a learned note and two questions (one answered).
fn journal(note: &str) -> Journal {
    let mut journal = Journal::new("j", Language::Ja);
    let book = journal.add_book("DDIA");
    let chapter = journal.add_chapter(book, "5 章").unwrap();
    let mut day = crate::model::Day::from_template(&journal.template);
    for section in &mut day.sections {
        match &mut section.body {
            SectionBody::Learned(learned) => {
                *learned = Learned {
                    intro: String::new(),
                    books: vec![LearnedBook {
                        book,
                        intro: String::new(),
                        chapters: vec![ChapterNotes {
                            chapter,
                            blocks: vec![Block::Text(note.into())],
                        }],
                    }],
                }
            }
            SectionBody::Questions(entries) => {
                let mut answered = Question::new("quorum とは");
                answered.answer = Some(Answer {
                    text: "過半数の合意".into(),
                    resolved_on: date("2025-12-01"),
                });
                entries.push(crate::model::Entry::Item(answered));
                entries.push(crate::model::Entry::Item(Question::new("まだ分からない")));
            }
            _ => {}
        }
    }
    journal.days.insert(date("2025-12-01"), day);
    journal
}

#[test]
fn answered_questions_and_front_back_lines_are_cards_and_nothing_else() {
    let note = "- リーダー :: 書き込みを受ける\n- `x :: y` はコード\n- a::b は対象外\n```\nx :: y\n```\n- 空 :: \n1. [ ] WAL :: 先行書き込みログ";
    let made = cards(&journal(note));
    let pairs: Vec<(&str, &str)> = made
        .iter()
        .map(|c| (c.front.as_str(), c.back.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("リーダー", "書き込みを受ける"),
            ("WAL", "先行書き込みログ"),
            ("quorum とは", "過半数の合意"),
        ]
    );
    assert!(made.iter().all(|c| c.chapter.is_some() && c.book.is_some()));
    assert_eq!(made[2].source, CardSource::Question);
    let key = made[1].key;
    assert!(key.is_named(&key.to_string().parse::<CardId>().unwrap()));
}

fn at(days: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 12, 1, 9, 0, 0).unwrap() + Duration::days(days)
}

fn review(record: &mut ReviewRecord, card: CardKey, days: i64, rating: Rating) {
    record.add(Reviewed {
        card,
        at: at(days),
        rating,
    });
}

#[test]
fn good_makes_the_interval_grow_and_again_resets_it() {
    let j = journal("- リーダー :: 書き込みを受ける");
    let made = cards(&j);
    let card = made[0].key;
    let mut record = ReviewRecord::default();
    let mut intervals = Vec::new();
    let mut day = 0;
    for _ in 0..4 {
        review(&mut record, card, day, Rating::Good);
        let state = &card_states(&made, &record)[0];
        let interval = state.due - at(day);
        intervals.push(interval);
        day += interval.num_days().max(1);
    }
    assert!(
        intervals.windows(2).all(|w| w[1] > w[0]),
        "each Good waits longer: {intervals:?}"
    );
    review(&mut record, card, day, Rating::Again);
    let state = &card_states(&made, &record)[0];
    assert!(
        state.due - at(day) < Duration::days(1),
        "Again brings it back soon"
    );
    assert_eq!(state.lapses, 1);
    let [again, hard, good, easy] = next_intervals(state, at(day));
    assert!(again <= hard && hard <= good && good <= easy);
}

#[test]
fn a_card_keeps_its_reviews_when_its_text_is_edited_and_retires_when_deleted() {
    let before = journal("- リーダー :: 書き込みを受ける\n- WAL :: ログ");
    let made = cards(&before);
    let mut record = ReviewRecord::default();
    review(&mut record, made[1].key, 0, Rating::Good);
    // The front of WAL edited: same day, same place.
    let edited = journal("- リーダー :: 書き込みを受ける\n- WAL とは :: ログ");
    let states = card_states(&cards(&edited), &record);
    assert_eq!(states[1].reps, 1, "the edited card keeps its review");
    // A card added before it moves it, but its front still finds it.
    let added = journal("- 新 :: 追加\n- リーダー :: 書き込みを受ける\n- WAL :: ログ");
    let states = card_states(&cards(&added), &record);
    assert_eq!(
        states.iter().map(|s| s.reps).collect::<Vec<_>>(),
        [0, 0, 1, 0]
    );
    // Deleted: no card has the review any more.
    let deleted = journal("- リーダー :: 書き込みを受ける");
    let states = card_states(&cards(&deleted), &record);
    assert!(states.iter().all(|s| s.reps == 0));
}

#[test]
fn due_cards_are_reviews_that_came_due_then_new_ones_not_suspended() {
    let j = journal("- リーダー :: 書き込みを受ける\n- WAL :: ログ");
    let made = cards(&j);
    let mut record = ReviewRecord::default();
    let now = at(0);
    let due: Vec<usize> = due_cards(&made, &record, now, None)
        .iter()
        .map(|d| d.index)
        .collect();
    assert_eq!(due, [0, 1, 2], "all new on their day");
    review(&mut record, made[0].key, 0, Rating::Easy);
    record.suspended.insert(made[1].key);
    let due: Vec<usize> = due_cards(&made, &record, now, None)
        .iter()
        .map(|d| d.index)
        .collect();
    assert_eq!(due, [2], "reviewed and not due, suspended: out");
}

#[test]
fn merging_reviews_is_a_union_that_counts_nothing_twice() {
    let card = cards(&journal("- a :: b"))[0].key;
    let mut base = ReviewRecord::default();
    review(&mut base, card, 0, Rating::Good);
    let mut ours = base.clone();
    review(&mut ours, card, 3, Rating::Good);
    let mut theirs = base.clone();
    review(&mut theirs, card, 2, Rating::Hard);
    theirs.suspended.insert(card);
    let merged = ReviewRecord::merged(Some(&base), &ours, &theirs);
    let days: Vec<i64> = merged
        .log
        .iter()
        .map(|r| (r.at - at(0)).num_days())
        .collect();
    assert_eq!(days, [0, 2, 3], "in time order, the shared one once");
    assert!(merged.suspended.contains(&card));
    assert_eq!(
        ReviewRecord::merged(Some(&merged), &merged, &merged),
        merged
    );
}

mod identity {
    //! Card identity, for any set of cards and any one edit of the day:
    //! a reviewed card keeps its history while other lines are edited,
    //! added or deleted, and is retired when its own line goes; merging
    //! two devices' reviews keeps each review once, in time order.

    use proptest::prelude::*;
    use proptest::sample::Index;

    use super::*;

    fn note(fronts: &[String]) -> String {
        fronts
            .iter()
            .map(|f| format!("- {f} :: {f} の説明\n"))
            .collect()
    }

    /// Reviews each card of the day has, by front (the question card left out).
    fn reps_by_front(fronts: &[String], record: &ReviewRecord) -> Vec<(String, usize)> {
        let made = cards(&journal(&note(fronts)));
        let states = card_states(&made, record);
        made.iter()
            .zip(states)
            .filter(|(c, _)| fronts.contains(&c.front))
            .map(|(c, s)| (c.front.clone(), s.reps))
            .collect()
    }

    proptest! {
        #[test]
        fn a_reviewed_card_keeps_its_history_through_any_other_edit(
            fronts in prop::collection::btree_set("[a-z]{1,6}", 2..8),
            reviewed in any::<Index>(),
            other in any::<Index>(),
            kind in 0..4usize,
            new_front in "[A-Z]{1,6}",
        ) {
            let mut fronts: Vec<String> = fronts.into_iter().collect();
            let reviewed = fronts[reviewed.index(fronts.len())].clone();
            let mut record = ReviewRecord::default();
            let key = cards(&journal(&note(&fronts)))
                .into_iter()
                .find(|c| c.front == reviewed)
                .unwrap()
                .key;
            review(&mut record, key, 0, Rating::Good);
            let others: Vec<usize> = (0..fronts.len()).filter(|i| fronts[*i] != reviewed).collect();
            let other = others[other.index(others.len())];
            match kind {
                0 => fronts[other] = new_front,
                1 => fronts.insert(other, new_front),
                2 => { fronts.remove(other); }
                _ => fronts.retain(|f| *f != reviewed),
            }
            let reps = reps_by_front(&fronts, &record);
            for (front, n) in reps {
                let expected = usize::from(front == reviewed);
                prop_assert_eq!(n, expected, "{} after edit {}", front, kind);
            }
        }

        #[test]
        fn merged_reviews_are_each_review_once_in_time_order(
            base in prop::collection::btree_set(0i64..40, 0..6),
            ours in prop::collection::btree_set(0i64..40, 0..6),
            theirs in prop::collection::btree_set(0i64..40, 0..6),
        ) {
            let card = cards(&journal("- a :: b"))[0].key;
            let record = |days: &std::collections::BTreeSet<i64>| {
                let mut r = ReviewRecord::default();
                for day in days {
                    review(&mut r, card, *day, Rating::Good);
                }
                r
            };
            let ours_all: std::collections::BTreeSet<i64> = base.union(&ours).copied().collect();
            let theirs_all: std::collections::BTreeSet<i64> = base.union(&theirs).copied().collect();
            let merged = ReviewRecord::merged(Some(&record(&base)), &record(&ours_all), &record(&theirs_all));
            let days: Vec<i64> = merged.log.iter().map(|r| (r.at - at(0)).num_days()).collect();
            let expected: Vec<i64> = ours_all.union(&theirs_all).copied().collect();
            prop_assert_eq!(days, expected);
        }
    }
}
