//! Looking back in the window: a book's page (its title in the side tree)
//! shows its time and its pace as charts a screen reader can read, and the
//! Week view gathers a week as Markdown, a week back and forth.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::model::{ChapterStatus, Entry, SectionBody, WorkItem};
use studylog::ui::action::View;

const BOOK: &str = "データ指向アプリケーションデザイン";

fn journal_with_time() -> studylog::model::Journal {
    let mut journal = common::small_journal();
    let day = journal.days.get_mut(&date()).unwrap();
    for section in &mut day.sections {
        if let SectionBody::WorkedOn(entries) = &mut section.body {
            entries.push(Entry::Item(WorkItem::Text {
                text: format!("{BOOK} 1h30m"),
                marker: Default::default(),
            }));
        }
    }
    journal.books[0].chapters[0].status = ChapterStatus::Done;
    journal
}

#[test]
fn a_books_title_opens_its_page_with_time_and_pace_charts() {
    let (mut harness, _) = app_on(journal_with_time());
    harness
        .get_by_role_and_label(egui::accesskit::Role::TreeItem, BOOK)
        .click();
    harness.run();
    let book = harness.state().journal().books[0].id;
    assert_eq!(harness.state().view(), View::Book(book));
    harness.get_by_label("1/2 chapters done · 1h30m studied");
    harness.get_by_label("Study time per week: 03/10: 1h30m");
    harness.get_by_label("Chapters finished: 2025-03-10: 1");
    // The book was opened too: its chapters are in the tree, and on the page.
    harness.get_by_label("○ 6 章 パーティショニング");
    harness.get_by_role_and_label(egui::accesskit::Role::Link, "6 章 パーティショニング");
    harness
        .get_by_role_and_label(egui::accesskit::Role::Link, "5 章 レプリケーション")
        .click();
    harness.run();
    let chapter = harness.state().journal().books[0].chapters[0].id;
    assert_eq!(harness.state().view(), View::Chapter(chapter));
}

#[test]
fn the_week_view_gathers_a_week_and_steps_between_weeks() {
    let (mut harness, _) = app_on(journal_with_time());
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(harness.state().view(), View::Day(date()), "the logged day");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    assert_eq!(harness.state().view(), View::Week(date()));
    harness.get_by_label("2025-W11");
    harness.get_by_label_contains("Days studied: 1 / 7");
    harness.get_by_label_contains("Study time: 1h30m");
    harness.get_by_label_contains(&format!("{BOOK} (1h30m): 5 章 レプリケーション"));
    harness.get_by_label_contains(&format!(
        "Chapters finished\n\n• {BOOK}: 5 章 レプリケーション"
    ));
    harness.get_by_label("Next Week ▶").click();
    harness.run();
    harness.get_by_label("2025-W12");
    harness.get_by_label_contains("Days studied: 0 / 7");
    harness.get_by_label("Copy as Markdown").click();
    harness.run();
}

/// The timer started on a book's page times that book; Stop writes the time
/// under today's 取り組んだこと (read back as study time); Undo takes it back.
#[test]
fn the_timer_records_a_books_time_as_a_line_of_today() {
    let (mut harness, _) = app_on(journal_with_time());
    harness
        .get_by_role_and_label(egui::accesskit::Role::TreeItem, BOOK)
        .click();
    harness.run();
    harness.get_by_label("▶ Start Timer").click();
    harness.run();
    let timer = harness.state().journal().study.timer.expect("running");
    assert_eq!(timer.book, Some(harness.state().journal().books[0].id));
    harness.get_by_label("■ Stop and Record").click();
    harness.run();
    let journal = harness.state().journal();
    assert!(journal.study.timer.is_none());
    let today = chrono::Local::now().date_naive();
    let day = &journal.days[&today];
    let lines: Vec<&str> = day
        .work_items()
        .filter_map(|(_, _, item)| match item {
            WorkItem::Text { text, .. } => Some(text.as_str()),
            WorkItem::Book(_) => None,
        })
        .collect();
    assert_eq!(lines, [format!("{BOOK} 1m")]);
    let time = studylog::model::study_time::day_time(journal, day);
    assert_eq!(time.by_book.values().copied().collect::<Vec<_>>(), [1]);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().journal().study.timer.is_some(),
        "Undo brings the timer back"
    );
}

/// A journal opened with its timer still running (the window was closed or
/// crashed) says so, and Discard drops it; the goal shows today's time.
#[test]
fn a_timer_left_running_is_asked_about_and_the_goal_shows_today() {
    let mut journal = journal_with_time();
    let started = chrono::Utc::now() - chrono::Duration::minutes(95);
    journal.study.timer = Some(studylog::model::study_plan::StudyTimer {
        started,
        book: None,
    });
    journal.study.daily_goal = Some(120);
    let (mut harness, _) = app_on(journal);
    harness.get_by_label_contains("A study timer has been running since");
    harness.get_by_label_contains("(1h35m)");
    harness.get_by_label("Today 0m / 2h");
    harness.get_by_label("Discard Timer").click();
    harness.run();
    assert!(harness.state().journal().study.timer.is_none());
    harness.get_by_label("▶ Start Timer");
}
