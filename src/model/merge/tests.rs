use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::model::{
    Block, Day, DaySection, Entry, FreeText, Language, Learned, LearnedBook, Question, Section,
    SectionBody, day_texts,
};

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

/// A day with these impressions and these questions.
fn day(impressions: &str, questions: &[&str]) -> Day {
    let questions = questions
        .iter()
        .map(|q| Entry::Item(Question::new(*q)))
        .collect();
    Day {
        sections: vec![
            DaySection::of("わからなかったこと", SectionBody::Questions(questions)),
            DaySection::of("感想", SectionBody::Impressions(FreeText::new(impressions))),
        ],
        ..Day::default()
    }
}

fn journal(days: &[(u32, Day)]) -> Journal {
    let mut journal = Journal::new("j", Language::Ja);
    for (d, day) in days {
        journal.days.insert(date(*d), day.clone());
    }
    journal
}

/// Every line of every text of the journal.
fn all_lines(journal: &Journal) -> BTreeSet<String> {
    let mut lines = BTreeSet::new();
    for day in journal.days.values() {
        for (_, text) in day_texts(day) {
            lines.extend(
                text.split('\n')
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    lines
}

#[test]
fn days_from_both_sides_come_together() {
    let base = journal(&[(1, day("a", &[]))]);
    let ours = journal(&[(1, day("a", &[])), (2, day("ours", &[]))]);
    let theirs = journal(&[(1, day("a", &[])), (3, day("theirs", &[]))]);
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!(
        merged.days.keys().copied().collect::<Vec<_>>(),
        [date(1), date(2), date(3)]
    );
    assert_eq!((report.days_from_theirs, report.conflicts), (1, 0));
}

#[test]
fn the_same_day_changed_in_different_places_merges_cleanly() {
    let base = journal(&[(1, day("一行目\n二行目", &["問1"]))]);
    let ours = journal(&[(1, day("一行目\n二行目\nこちらの追記", &["問1"]))]);
    let theirs = journal(&[(1, day("一行目を直した\n二行目", &["問1", "問2"]))]);
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!(
        merged.days[&date(1)],
        day("一行目を直した\n二行目\nこちらの追記", &["問1", "問2"])
    );
    assert_eq!((report.days_merged, report.conflicts), (1, 0));
}

#[test]
fn the_same_lines_changed_differently_keep_both_under_markers() {
    let base = journal(&[(1, day("感想", &[]))]);
    let ours = journal(&[(1, day("楽しかった", &[]))]);
    let theirs = journal(&[(1, day("難しかった", &[]))]);
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!(report.conflicts, 1);
    let text = merged.days[&date(1)].sections[1]
        .body
        .free()
        .unwrap()
        .text
        .clone();
    let found = conflicts_in(&text);
    assert_eq!(
        (found[0].ours.as_str(), found[0].theirs.as_str()),
        ("楽しかった", "難しかった")
    );
    assert_eq!(
        settle(&text, 0, Keep::Both).unwrap(),
        "楽しかった\n難しかった"
    );
}

#[test]
fn a_day_deleted_on_one_side_goes_unless_the_other_changed_it() {
    let base = journal(&[(1, day("a", &[])), (2, day("b", &[]))]);
    let ours = journal(&[(2, day("b", &[]))]);
    let theirs = journal(&[(1, day("a", &[])), (2, day("b changed", &[]))]);
    let (merged, _) = merge(Some(&base), &ours, &theirs);
    assert!(!merged.days.contains_key(&date(1)));
    assert_eq!(merged.days[&date(2)], day("b changed", &[]));
    let changed = journal(&[(1, day("a changed", &[])), (2, day("b", &[]))]);
    let (kept, _) = merge(Some(&base), &ours, &changed);
    assert_eq!(kept.days[&date(1)], day("a changed", &[]), "never lost");
}

#[test]
fn books_added_on_both_machines_are_matched_by_title_and_ids_remapped() {
    let mut ours = journal(&[]);
    let mut theirs = journal(&[]);
    let shared_ours = ours.add_book("詳解 Rust");
    let only_ours = ours.add_book("SQL アンチパターン");
    let only_theirs = theirs.add_book("コンテナ実践入門");
    let shared_theirs = theirs.add_book("詳解 Rust");
    let chapter = theirs.add_chapter(only_theirs, "3 章").unwrap();
    let notes = LearnedBook {
        book: only_theirs,
        intro: String::new(),
        chapters: vec![crate::model::ChapterNotes {
            chapter,
            blocks: vec![Block::Text("名前空間".into())],
        }],
    };
    let learned = Learned {
        intro: String::new(),
        books: vec![notes],
    };
    let mut d = Day::default();
    d.sections
        .push(DaySection::of("学んだこと", SectionBody::Learned(learned)));
    theirs.days.insert(date(5), d);
    let (merged, report) = merge(None, &ours, &theirs);
    let titles: Vec<&str> = merged.books.iter().map(|b| b.title.as_str()).collect();
    assert_eq!(
        titles,
        ["詳解 Rust", "SQL アンチパターン", "コンテナ実践入門"]
    );
    assert_eq!(report.books_added, 1);
    let added = merged.book_by_title("コンテナ実践入門").unwrap();
    assert!(added != only_ours && added != shared_ours);
    let learned_book = merged.days[&date(5)].learned_books().next().unwrap();
    assert_eq!(
        learned_book.book, added,
        "their day points at the book as it is here"
    );
    let (_, chapter_here) = merged.chapter(learned_book.chapters[0].chapter).unwrap();
    assert_eq!(chapter_here.label, "3 章");
    let _ = shared_theirs;
}

#[test]
fn notes_of_one_chapter_edited_on_both_sides_merge_line_by_line() {
    let mut base = journal(&[]);
    let book = base.add_book("本");
    let chapter = base.add_chapter(book, "1 章").unwrap();
    let with_notes = |text: &str| {
        let mut j = base.clone();
        let learned = Learned {
            intro: String::new(),
            books: vec![LearnedBook {
                book,
                intro: String::new(),
                chapters: vec![crate::model::ChapterNotes {
                    chapter,
                    blocks: vec![Block::Text(text.into())],
                }],
            }],
        };
        let mut d = Day::default();
        d.sections
            .push(DaySection::of("学んだこと", SectionBody::Learned(learned)));
        j.days.insert(date(1), d);
        j
    };
    let (b, o, t) = (
        with_notes("- a\n- b"),
        with_notes("- a\n- b\n- c"),
        with_notes("- 0\n- a\n- b"),
    );
    let (merged, report) = merge(Some(&b), &o, &t);
    assert_eq!(merged, with_notes("- 0\n- a\n- b\n- c"));
    assert_eq!(report.conflicts, 0);
    let _ = Section::Learned;
}

#[test]
fn without_a_known_common_version_a_deleted_line_is_a_choice_not_undone() {
    // Ours deleted "二行目"; theirs (a conflict copy, its fork unknown) did not.
    let ours = journal(&[(1, day("一行目\n三行目", &[]))]);
    let theirs = journal(&[(1, day("一行目\n二行目\n三行目", &[]))]);
    let (merged, report) = merge(None, &ours, &theirs);
    assert_eq!(report.conflicts, 1, "the user chooses");
    let text = crate::model::merge::conflicts_in(
        &merged.days[&date(1)].sections[1].body.free().unwrap().text,
    );
    assert_eq!(text.len(), 1);
    assert_eq!(
        (text[0].ours.as_str(), text[0].theirs.as_str()),
        ("", "二行目")
    );
    // With the common version known, the deletion simply stands.
    let base = theirs.clone();
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!((report.conflicts, &merged), (0, &ours));
}

#[test]
fn a_chapter_deleted_on_one_side_comes_back_for_the_notes_written_under_it() {
    let mut base = journal(&[]);
    let book = base.add_book("本");
    let chapter = base.add_chapter(book, "1 章 はじめに").unwrap();
    // Ours deleted the chapter; theirs wrote a day under it.
    let mut ours = base.clone();
    ours.book_mut(book).unwrap().chapters.clear();
    let mut theirs = base.clone();
    let learned = Learned {
        intro: String::new(),
        books: vec![LearnedBook {
            book,
            intro: String::new(),
            chapters: vec![crate::model::ChapterNotes {
                chapter,
                blocks: vec![Block::Text("消えた章の下のメモ".into())],
            }],
        }],
    };
    let mut d = Day::default();
    d.sections
        .push(DaySection::of("学んだこと", SectionBody::Learned(learned)));
    theirs.days.insert(date(3), d);
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!(crate::model::validate(&merged), Ok(()), "the merge opens");
    assert_eq!(report.restored, ["本 ▸ 1 章 はじめに"]);
    assert_eq!(report.conflicts, 1);
    assert!(all_lines(&merged).contains("消えた章の下のメモ"));
    // A whole book deleted on one side comes back the same way.
    let mut ours = base.clone();
    ours.books.clear();
    let (merged, report) = merge(Some(&base), &ours, &theirs);
    assert_eq!(crate::model::validate(&merged), Ok(()));
    assert_eq!(report.restored.len(), 2, "{:?}", report.restored);
}

/// Journals that grew from `base`: some days' impressions get lines added,
/// changed or removed, some days are added or removed.
fn edits() -> impl Strategy<Value = Vec<(u32, u8, String)>> {
    let word = prop::sample::select(vec!["学習", "ECS", "読んだ", "難しい", "メモ", "次"]);
    prop::collection::vec((1u32..8, 0u8..4, word.prop_map(str::to_owned)), 0..6)
}

fn base_journal() -> Journal {
    journal(&[
        (1, day("一\n二\n三", &["問1"])),
        (2, day("あ\nい", &["問2", "問3"])),
        (4, day("x", &[])),
        (6, day("p\nq\nr", &["問4"])),
    ])
}

fn edited(base: &Journal, edits: &[(u32, u8, String)]) -> Journal {
    let mut j = base.clone();
    for (d, kind, word) in edits {
        let entry = j.days.entry(date(*d)).or_insert_with(|| day("", &[]));
        let Some(free) = entry.sections[1].body.free_mut() else {
            continue;
        };
        let mut lines: Vec<String> = free.text.split('\n').map(str::to_owned).collect();
        match kind {
            0 => lines.push(word.clone()),
            1 => lines.insert(0, word.clone()),
            2 if lines.len() > 1 => {
                lines.remove(lines.len() / 2);
            }
            _ => {
                let n = lines.len() / 2;
                lines[n] = format!("{}{word}", lines[n]);
            }
        }
        free.text = lines.join("\n");
    }
    j
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_a_version_with_itself_or_with_the_base_is_that_version(x in edits(), y in edits()) {
        let base = base_journal();
        let (x, y) = (edited(&base, &x), edited(&base, &y));
        prop_assert_eq!(merge(Some(&base), &x, &x).0, x.clone());
        prop_assert_eq!(merge(Some(&base), &base, &y).0, y.clone());
        prop_assert_eq!(merge(Some(&base), &x, &base).0, x);
    }

    #[test]
    fn a_merge_keeps_every_line_either_side_added(x in edits(), y in edits()) {
        let base = base_journal();
        let (x, y) = (edited(&base, &x), edited(&base, &y));
        let (merged, _) = merge(Some(&base), &x, &y);
        let kept = all_lines(&merged);
        let base_lines = all_lines(&base);
        for line in all_lines(&x).union(&all_lines(&y)) {
            if !base_lines.contains(line) {
                prop_assert!(kept.contains(line), "lost {line:?}");
            }
        }
    }

    #[test]
    fn a_merge_is_symmetric_up_to_the_order_of_conflict_versions(x in edits(), y in edits()) {
        let base = base_journal();
        let (x, y) = (edited(&base, &x), edited(&base, &y));
        let (xy, rx) = merge(Some(&base), &x, &y);
        let (yx, ry) = merge(Some(&base), &y, &x);
        // A day both sides started has no common version: its two-way
        // merge may align equally long stretches either way round.
        let new_on_both = x.days.keys().any(|d| y.days.contains_key(d) && !base.days.contains_key(d));
        if !new_on_both {
            prop_assert_eq!(rx.conflicts, ry.conflicts);
        }
        let words = |j: &Journal| -> BTreeSet<String> {
            all_lines(j).into_iter().filter(|l| !l.contains("studylog:")).collect()
        };
        prop_assert_eq!(words(&xy), words(&yx));
        prop_assert_eq!(xy.days.keys().collect::<Vec<_>>(), yx.days.keys().collect::<Vec<_>>());
    }
}
