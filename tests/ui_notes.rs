//! The notes editor as a writing surface: a checkbox in a note toggles on
//! click (the Markdown underneath changes from `[ ]` to `[x]`), and a
//! comparison written as a nested list becomes a grid (replacing the list
//! or keeping it), undoable in one step.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, day, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::model::{Block, Journal};

fn journal_with_notes(text: &str) -> Journal {
    let mut journal = common::small_journal();
    let day = journal.days.get_mut(&date()).unwrap();
    common::first_notes_mut(day).blocks = vec![Block::Text(text.into())];
    journal
}

fn notes(harness: &egui_kittest::Harness<'_, studylog::ui::StudylogApp>) -> Vec<Block> {
    common::first_notes(&day(harness, date())).blocks.clone()
}

const PATTERNS: &str = "- コスト\n- 信頼性\n\n- ECS on EC2\n  - コスト: 安い\n  - ノード管理\n- ECS on Fargate\n  - 信頼性: 高い";

#[test]
fn a_checkbox_in_a_note_toggles_on_click() {
    let (mut harness, _) = app_on(journal_with_notes("- [ ] 料金表を確認\n- [x] 2 章"));
    harness.get_by_label("☐ 料金表を確認").click();
    harness.run();
    assert_eq!(
        notes(&harness),
        [Block::Text("- [x] 料金表を確認\n- [x] 2 章".into())]
    );
    harness.get_by_label("☑ 2 章").click();
    harness.run();
    assert_eq!(
        notes(&harness),
        [Block::Text("- [x] 料金表を確認\n- [ ] 2 章".into())]
    );
}

#[test]
fn a_nested_list_becomes_a_grid_replacing_it_and_undo_brings_it_back() {
    let (mut harness, _) = app_on(journal_with_notes(&format!("比べた。\n\n{PATTERNS}")));
    harness.get_by_label("Make a grid from this list").click();
    harness.run();
    harness.get_by_label("A grid of 2 options by 3 columns.");
    harness.get_by_label("Replace the list").click();
    harness.run();
    let blocks = notes(&harness);
    assert_eq!(blocks[0], Block::Text("比べた。".into()));
    let Block::Grid(grid) = &blocks[1] else {
        panic!("{blocks:?}")
    };
    assert_eq!(grid.options, ["ECS on EC2", "ECS on Fargate"]);
    assert_eq!(grid.cells[0][0].text, "安い");
    assert_eq!(grid.cells[1][1].text, "高い");
    assert_eq!(grid.cells[0][2].text, "ノード管理");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        notes(&harness),
        [Block::Text(format!("比べた。\n\n{PATTERNS}"))],
        "one undo"
    );
}

#[test]
fn the_list_can_be_kept_next_to_its_grid() {
    let (mut harness, _) = app_on(journal_with_notes(PATTERNS));
    harness.get_by_label("Make a grid from this list").click();
    harness.run();
    harness.get_by_label("Keep the list too").click();
    harness.run();
    let blocks = notes(&harness);
    assert_eq!(blocks[0], Block::Text(PATTERNS.into()));
    assert!(matches!(blocks[1], Block::Grid(_)));
}

#[test]
fn a_note_without_such_a_list_offers_no_grid() {
    let (harness, _) = app_on(journal_with_notes("- ただの\n- 箇条書き"));
    assert!(
        harness
            .query_by_label("Make a grid from this list")
            .is_none()
    );
}
