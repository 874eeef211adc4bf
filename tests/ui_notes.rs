//! The notes editor as a writing surface: a checkbox in a note toggles on
//! click (the Markdown underneath changes from `[ ]` to `[x]`), and a
//! comparison written as a nested list becomes a grid (replacing the list
//! or keeping it), undoable in one step.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, day, press, type_into};
use egui::accesskit::Role;
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

/// `count` lines `{word} {n} の内容`, from 0.
fn numbered_lines(word: &str, count: usize) -> String {
    let lines: Vec<String> = (0..count).map(|n| format!("{word} {n} の内容")).collect();
    lines.join("\n")
}

fn search_and_open(harness: &mut egui_kittest::Harness<'_, studylog::ui::StudylogApp>, line: &str) {
    press(harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Search").type_text(line);
    harness.run();
    harness.get_by_role_and_label(Role::Button, line).click();
    harness.run_steps(4);
}

#[test]
fn a_note_too_long_to_edit_is_shown_read_only_and_a_hit_scrolls_to_its_line() {
    let long = numbered_lines("項目", 150_000);
    let (mut harness, _) = app_on(journal_with_notes(&long));
    harness.get_by_label_contains("This note has 150,000 lines (3.");
    harness.get_by_label("項目 0 の内容");
    assert!(harness.query_by_label("項目 120000 の内容").is_none());
    search_and_open(&mut harness, "項目 120000 の内容");
    harness.get_by_role_and_label(Role::Label, "項目 120000 の内容");
    assert!(harness.query_by_label("項目 0 の内容").is_none());
    // The rest of the day is still written as usual; the note keeps every word.
    type_into(&mut harness, "感想", "長いメモも開ける。");
    assert_eq!(
        common::impressions(&day(&harness, date())),
        "難しかった長いメモも開ける。"
    );
    assert_eq!(notes(&harness), [Block::Text(long)]);
}

#[test]
fn a_search_hit_puts_the_caret_on_its_line_in_the_note() {
    let (mut harness, _) = app_on(journal_with_notes(&numbered_lines("行", 300)));
    search_and_open(&mut harness, "行 250 の内容");
    harness.event(egui::Event::Text("★".into()));
    harness.run();
    let Block::Text(text) = &notes(&harness)[0] else {
        panic!("the note is text")
    };
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[250], "★行 250 の内容");
    assert_eq!(lines[249], "行 249 の内容");
}
