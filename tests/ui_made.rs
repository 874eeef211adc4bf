//! What a button or field makes takes the keyboard: "+ Option" and
//! "+ Criterion" in a grid, a new book (its chapters are typed next) and a
//! new chapter (the next one is typed at once), in the tree and in the day
//! form. The user types on without the mouse; nothing typed goes nowhere.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, day};
use egui::{Event, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::{Block, Grid, is_studied};
use studylog::ui::StudylogApp;

fn type_text(harness: &mut Harness<'_, StudylogApp>, text: &str) {
    harness.event(Event::Text(text.into()));
    harness.run();
}

/// Enter, then the frames a scroll to what was made takes to settle.
fn enter(harness: &mut Harness<'_, StudylogApp>) {
    harness.key_press(Key::Enter);
    harness.run_steps(40);
}

/// The grid in the first chapter's notes of the small journal.
fn notes_grid(harness: &Harness<'_, StudylogApp>) -> Grid {
    let day = day(harness, date());
    match &common::first_notes(&day).blocks[1] {
        Block::Grid(grid) => grid.clone(),
        other => panic!("a grid follows the text: {other:?}"),
    }
}

#[test]
fn a_new_option_takes_the_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("+ Option").click();
    harness.run();
    type_text(&mut harness, "チェーンレプリケーション");
    let grid = notes_grid(&harness);
    assert_eq!(grid.options.len(), 3);
    assert_eq!(grid.options[2], "チェーンレプリケーション");
    assert!(harness.get_by_label("Option 3").is_focused());
}

#[test]
fn a_new_criterion_takes_the_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("+ Criterion").click();
    harness.run();
    type_text(&mut harness, "運用コスト");
    let grid = notes_grid(&harness);
    let names: Vec<&str> = grid.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["書き込み遅延", "競合の扱い", "運用コスト"]);
}

#[test]
fn a_book_added_in_the_tree_takes_its_chapters_next() {
    // More books than the tree shows at once: the new one is scrolled to.
    let mut journal = common::small_journal();
    for n in 1..=60 {
        journal.add_book(format!("本 {n}"));
    }
    let (mut harness, _) = app_on(journal);
    harness.get_by_label("Library: add book").focus();
    harness.run();
    type_text(&mut harness, "詳解 Rust");
    enter(&mut harness);
    for chapter in ["1 章 所有権", "2 章 借用", "3 章 ライフタイム"] {
        type_text(&mut harness, chapter);
        enter(&mut harness);
    }
    let journal = harness.state().journal();
    let book = journal.book_by_title("詳解 Rust").expect("the book");
    let labels: Vec<&str> = journal
        .book(book)
        .unwrap()
        .chapters
        .iter()
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(labels, ["1 章 所有権", "2 章 借用", "3 章 ライフタイム"]);
    // The tree shows the new book open, its chapters listed.
    harness.get_by_label_contains("3 章 ライフタイム");
    assert!(
        harness
            .get_by_label("詳解 Rust library: add chapter")
            .is_focused(),
        "the caret waits for the next chapter"
    );
}

#[test]
fn a_book_added_for_a_day_takes_its_chapters_next() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("New book title").focus();
    harness.run();
    type_text(&mut harness, "詳解 Rust");
    harness.get_by_label("Add book").click();
    harness.run();
    type_text(&mut harness, "1 章 所有権");
    harness.get_by_label("詳解 Rust add chapter").click();
    harness.run();
    type_text(&mut harness, "2 章 借用");
    enter(&mut harness);
    let journal = harness.state().journal();
    let book = journal.book_by_title("詳解 Rust").expect("the book");
    let chapters = &journal.book(book).unwrap().chapters;
    let labels: Vec<&str> = chapters.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["1 章 所有権", "2 章 借用"]);
    let day = &journal.days[&date()];
    assert!(
        chapters.iter().all(|c| is_studied(day, c.id)),
        "both studied that day"
    );
}

/// Enter in a question adds the next one and leaves the caret in it, so
/// the next question typed lands there; Enter in an empty last one adds
/// nothing more. The same in 次やること, and Enter in a middle item goes on
/// to the item after it.
#[test]
fn enter_in_a_list_item_goes_on_to_the_next_one() {
    let (mut harness, _) = app_on(common::small_journal());
    let before = common::question_texts(&day(&harness, date()));
    let last = format!("わからなかったこと {}", before.len());
    harness.get_by_label(&last).focus();
    harness.run();
    harness.key_press(Key::End);
    type_text(&mut harness, "。");
    enter(&mut harness);
    type_text(&mut harness, "次の疑問");
    enter(&mut harness);
    enter(&mut harness);
    let questions = common::question_texts(&day(&harness, date()));
    assert_eq!(questions.len(), before.len() + 2, "{questions:?}");
    assert_eq!(questions[before.len()], "次の疑問");
    assert_eq!(questions[before.len() + 1], "", "one empty item, no more");

    // 次やること: Enter after the last item adds one; Enter in an item
    // with one after it goes on to that one.
    let items = common::next_items(&day(&harness, date())).len();
    let last = format!("次やること {items}");
    harness.get_by_label(&last).focus();
    harness.run();
    enter(&mut harness);
    type_text(&mut harness, "続きを読む");
    assert_eq!(common::next_items(&day(&harness, date())).len(), items + 1);
    harness.get_by_label(&last).focus();
    harness.run();
    enter(&mut harness);
    let next = format!("次やること {}", items + 1);
    assert!(harness.get_by_label(&next).is_focused());
    assert_eq!(common::next_items(&day(&harness, date())).len(), items + 1);
}
