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
    harness
        .get_by_label("データ指向アプリケーションデザイン  0/2")
        .click();
    harness.run();
    harness.get_by_label("○ 5 章 レプリケーション").click();
    harness.run();
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
