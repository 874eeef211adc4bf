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
    harness.get_by_label(&format!("{BOOK}  1/2")).click();
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
    harness.get_by_label("Next Week ▶").click();
    harness.run();
    harness.get_by_label("2025-W12");
    harness.get_by_label_contains("Days studied: 0 / 7");
    harness.get_by_label("Copy as Markdown").click();
    harness.run();
}
