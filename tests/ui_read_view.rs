//! The chapter view reads a note as what it means: fenced code on its tint
//! with a Copy button that copies the code (fences left out), and a GFM
//! table as a table whose cells are their own text (no pipes).
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date};
use egui_kittest::kittest::Queryable;
use studylog::model::Block;

const NOTE: &str = "- 構成\n\n```rust\nfn main() {}\n```\n\n| 方式 | 費用 |\n| --- | ---: |\n| Fargate | **高い** |\n";

#[test]
fn code_has_a_copy_button_and_a_table_is_a_table() {
    let mut journal = common::small_journal();
    let notes = common::first_notes_mut(journal.days.get_mut(&date()).unwrap());
    notes.blocks = vec![Block::Text(NOTE.into())];
    let (mut harness, _) = app_on(journal);
    common::harness::open_first_chapter(&mut harness);
    harness.get_by_label("fn main() {}");
    harness.get_by_label("Fargate");
    harness.get_by_label("高い");
    assert!(
        harness.query_by_label_contains("| Fargate").is_none(),
        "no pipes in the read view"
    );
    harness.get_by_label("Copy").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(text) if text == "fn main() {}"));
    assert!(copied, "{:?}", harness.output().platform_output.commands);
}

fn note_on_first_day(text: &str) -> studylog::model::Journal {
    let mut journal = common::small_journal();
    let notes = common::first_notes_mut(journal.days.get_mut(&date()).unwrap());
    notes.blocks = vec![Block::Text(text.into())];
    journal
}

/// Ctrl+click (Cmd+click) on a day link in a notes editor opens that day;
/// a plain click only puts the caret there.
#[test]
fn ctrl_click_on_a_day_link_in_the_editor_opens_the_day() {
    let target: chrono::NaiveDate = "2025-02-01".parse().unwrap();
    let (mut harness, _) = app_on(note_on_first_day("[[2025-02-01]] を見直す"));
    let editor = harness
        .get_by_role_and_label(
            egui::accesskit::Role::MultilineTextInput,
            "5 章 レプリケーション",
        )
        .rect();
    let on_link = editor.min + egui::vec2(30.0, 12.0);
    let click = |harness: &mut egui_kittest::Harness<'_, _>, modifiers| {
        harness.event(egui::Event::ModifiersChanged(modifiers));
        harness.event(egui::Event::PointerMoved(on_link));
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos: on_link,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            });
        }
        harness.run();
        harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
        harness.run();
    };
    click(&mut harness, egui::Modifiers::NONE);
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day(date())
    );
    click(&mut harness, egui::Modifiers::COMMAND);
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day(target)
    );
}

/// In the chapter view a day link is a link: a click opens the day.
#[test]
fn a_day_link_in_the_chapter_view_opens_the_day() {
    let target: chrono::NaiveDate = "2025-02-01".parse().unwrap();
    let (mut harness, _) = app_on(note_on_first_day("[[2025-02-01]]"));
    common::harness::open_first_chapter(&mut harness);
    harness.get_by_label_contains("[[2025-02-01]]").click();
    harness.run();
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day(target)
    );
}

/// In a notes editor, Shift+Tab and Tab in a table row move the caret
/// between cells instead of indenting; what is typed lands in that cell.
#[test]
fn tab_moves_between_table_cells_in_the_editor() {
    let table = "| 方式 | 費用 |\n| --- | --- |\n| EC2 | 安い |";
    let (mut harness, _) = app_on(note_on_first_day(table));
    let role = egui::accesskit::Role::MultilineTextInput;
    harness
        .get_by_role_and_label(role, "5 章 レプリケーション")
        .focus();
    harness.run();
    // The caret starts at the end of the note, in the last cell: the
    // cell before it is "EC2".
    common::harness::press(&mut harness, egui::Modifiers::SHIFT, egui::Key::Tab);
    harness
        .get_by_role_and_label(role, "5 章 レプリケーション")
        .type_text("※");
    harness.run();
    common::harness::press(&mut harness, egui::Modifiers::NONE, egui::Key::Tab);
    harness
        .get_by_role_and_label(role, "5 章 レプリケーション")
        .type_text("とても");
    harness.run();
    let day = common::harness::day(&harness, date());
    assert_eq!(
        common::first_notes(&day).blocks,
        [Block::Text(
            "| 方式 | 費用 |\n| --- | --- |\n| ※EC2 | とても安い |".into()
        )]
    );
}
