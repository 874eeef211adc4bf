//! The comparison grid editor driven headless with egui_kittest.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use studylog::model::{Block, Grid, Journal, Mark, Score};
use studylog::ui::StudylogApp;

use common::harness::{app_on, date, day, press, type_into};

/// The small journal whose chapter 5 notes hold only text.
fn journal_without_grids() -> Journal {
    let mut journal = common::small_journal();
    let notes = common::first_notes_mut(journal.days.get_mut(&date()).unwrap());
    notes.blocks.retain(|b| matches!(b, Block::Text(_)));
    journal
}

fn grids(harness: &Harness<'_, StudylogApp>) -> Vec<Grid> {
    common::first_notes(&day(harness, date()))
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Grid(grid) => Some(grid.clone()),
            Block::Text(_) => None,
        })
        .collect()
}

/// Open the two-axes form under the first chapter's notes.
fn open_two_axes_form(harness: &mut Harness<'_, StudylogApp>) {
    harness
        .get_by_label("5 章 レプリケーション: insert grid")
        .click();
    harness.run();
    harness.get_by_label("From two axes…").click();
    harness.run();
}

/// Insert the ECS/EKS × EC2/Fargate grid through the two-axes form.
fn insert_two_axes_grid(harness: &mut Harness<'_, StudylogApp>) {
    open_two_axes_form(harness);
    type_into(harness, "Axis 1", "コントロールプレーン");
    type_into(harness, "Axis 1 value 1", "ECS");
    type_into(harness, "Axis 1 value 2", "EKS");
    type_into(harness, "Axis 2", "データプレーン");
    type_into(harness, "Axis 2 value 1", "EC2");
    type_into(harness, "Axis 2 value 2", "Fargate");
    harness.get_by_label("Create").click();
    harness.run();
}

#[test]
fn the_two_axes_template_creates_four_options_with_suggested_criteria() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    let grid = &grids(&harness)[0];
    assert_eq!(
        grid.options,
        ["ECS / EC2", "ECS / Fargate", "EKS / EC2", "EKS / Fargate"]
    );
    let criteria: Vec<&str> = grid.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        criteria,
        ["コスト", "拡張性", "信頼性", "人材確保のしやすさ"]
    );
    assert_eq!(grid.corner, "コントロールプレーン / データプレーン");
    // Every cell is on screen under its option × criterion name.
    harness.get_by_label("EKS / Fargate × 人材確保のしやすさ");
    assert!(harness.state().is_dirty());
}

#[test]
fn a_cell_is_edited_and_a_criterion_added_and_moved() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    type_into(&mut harness, "ECS / EC2 × コスト", "安い（リザーブド）");
    harness.get_by_label("+ Criterion").click();
    harness.run();
    type_into(&mut harness, "Criterion 5", "運用負荷");
    harness.get_by_label("Criterion 5 left").click();
    harness.run();
    let grid = &grids(&harness)[0];
    assert_eq!(grid.cells[0][0].text, "安い（リザーブド）");
    let criteria: Vec<&str> = grid.criteria.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        criteria,
        [
            "コスト",
            "拡張性",
            "信頼性",
            "運用負荷",
            "人材確保のしやすさ"
        ]
    );
    assert!(grid.is_well_formed());
}

#[test]
fn a_score_and_a_weight_give_the_total_and_undo_takes_them_back() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    harness.get_by_label("ECS / EC2 × コスト score").click();
    harness.run();
    harness.get_by_label("4/5").click();
    harness.run();
    harness.get_by_label("ECS / EC2 × 拡張性 score").click();
    harness.run();
    harness.get_by_label("◎").click();
    harness.run();
    harness
        .get_by_label("Criterion 1 weight")
        .set_value_accesskit(3.0);
    harness.run();
    let grid = &grids(&harness)[0];
    assert_eq!(grid.cells[0][0].score, Some(Score::Points(4)));
    assert_eq!(grid.criteria[0].weight, 3);
    assert_eq!(grid.totals()[0], 3 * 4 + 5);
    // The total (17) and the rank (1) are shown in the option's row.
    harness.get_by_label("17");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grids(&harness)[0].criteria[0].weight, 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grids(&harness)[0].cells[0][1].score, None);
}

#[test]
fn tab_and_enter_move_between_cells() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    harness.get_by_label("ECS / EC2 × コスト").focus();
    harness.run();
    // Tab goes to the cell's score, where a digit scores it, then on.
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        harness
            .get_by_label("ECS / EC2 × コスト score")
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::Num4);
    assert_eq!(grids(&harness)[0].cells[0][0].score, Some(Score::Points(4)));
    harness.event(egui::Event::Text("◎".into()));
    harness.run();
    assert_eq!(
        grids(&harness)[0].cells[0][0].score,
        Some(Score::Mark(Mark::Excellent))
    );
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert_eq!(grids(&harness)[0].cells[0][0].score, None);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.get_by_label("ECS / EC2 × 拡張性").is_focused());
    // Enter on a selected cell edits it; Enter while editing moves down.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.get_by_label("ECS / EC2 × 拡張性").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(harness.get_by_label("ECS / Fargate × 拡張性").is_focused());
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(harness.get_by_label("ECS / Fargate × コスト").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(harness.get_by_label("ECS / EC2 × コスト").is_focused());
    // Keys moved the focus; they typed nothing.
    assert!(
        grids(&harness)[0]
            .cells
            .iter()
            .flatten()
            .all(|c| c.text.is_empty())
    );
}

#[test]
fn a_block_pasted_from_a_spreadsheet_fills_the_cells() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    harness.get_by_label("ECS / Fargate × 信頼性").focus();
    harness.run();
    harness.event(egui::Event::Paste(
        "高い\t多い\t少ない\n\"中\n（要検証）\"\t普通\t多い\n".into(),
    ));
    harness.run();
    let grid = &grids(&harness)[0];
    assert_eq!(grid.cells[1][2].text, "高い");
    assert_eq!(grid.cells[1][3].text, "多い");
    assert_eq!(grid.cells[2][2].text, "中\n（要検証）");
    // The block was wider than the grid: a fifth criterion was added, nothing dropped.
    assert_eq!(grid.criteria.len(), 5);
    assert_eq!(grid.cells[1][4].text, "少ない");
    assert_eq!(grid.cells[2][4].text, "多い");
}

#[test]
fn transpose_swaps_options_and_criteria() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    type_into(&mut harness, "EKS / EC2 × 信頼性", "高い");
    harness.get_by_label("Transpose").click();
    harness.run();
    let grid = &grids(&harness)[0];
    assert_eq!(
        grid.options,
        ["コスト", "拡張性", "信頼性", "人材確保のしやすさ"]
    );
    assert_eq!(grid.criteria[2].name, "EKS / EC2");
    assert_eq!(grid.cells[2][2].text, "高い");
    harness.get_by_role_and_label(Role::MultilineTextInput, "信頼性 × EKS / EC2");
}

#[test]
fn a_grid_is_deleted_and_undo_brings_it_back() {
    let (mut harness, _) = app_on(common::small_journal());
    assert_eq!(grids(&harness).len(), 1);
    harness.get_by_label("Delete grid").click();
    harness.run();
    assert!(grids(&harness).is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grids(&harness).len(), 1);
}

#[test]
fn a_grid_goes_under_impressions_too_and_search_finds_it() {
    let (mut harness, _) = app_on(journal_without_grids());
    harness.get_by_label("感想: insert grid").click();
    harness.run();
    harness.get_by_label("Blank grid").click();
    harness.run();
    let grid = common::impressions_grids(&day(&harness, date()))[0].clone();
    assert_eq!(grid.criteria.len(), 4);
    type_into(&mut harness, "Option 1", "Fargate");
    type_into(&mut harness, "Fargate × コスト", "割高");
    let day_now = day(&harness, date());
    assert_eq!(
        common::impressions_grids(&day_now)[0].cells[0][0].text,
        "割高"
    );
    assert_eq!(
        common::impressions(&day_now),
        "難しかった",
        "the text is untouched"
    );
    type_into(&mut harness, "Search", "割高");
    harness.get_by_label("Mon 10 Mar 2025");
    harness.get_by_role_and_label(Role::Button, "割高");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(common::impressions_grids(&day(&harness, date())).is_empty());
}

/// The two-axes form opens with the keyboard in its first field, and Enter
/// in a field creates the grid once every value is in.
#[test]
fn the_two_axes_form_takes_the_keyboard_and_enter_creates_the_grid() {
    let (mut harness, _) = app_on(journal_without_grids());
    open_two_axes_form(&mut harness);
    assert!(harness.get_by_label("Axis 1").is_focused());
    type_into(&mut harness, "Axis 1 value 1", "ECS");
    type_into(&mut harness, "Axis 1 value 2", "EKS");
    type_into(&mut harness, "Axis 2 value 1", "EC2");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(grids(&harness).is_empty(), "not yet: a value is missing");
    type_into(&mut harness, "Axis 2 value 2", "Fargate");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(grids(&harness)[0].options.len(), 4);
}

/// A new grid starts from the criteria of the latest grid written.
#[test]
fn a_new_grid_takes_the_criteria_of_the_latest_one() {
    let (mut harness, _) = app_on(common::small_journal());
    harness
        .get_by_label("5 章 レプリケーション: insert grid")
        .click();
    harness.run();
    harness.get_by_label("Blank grid").click();
    harness.run();
    let all = grids(&harness);
    let criteria: Vec<&str> = all
        .last()
        .unwrap()
        .criteria
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(criteria, ["書き込み遅延", "競合の扱い"]);
}

/// Alt+↑ in a cell moves its option's row up, the keyboard staying in the
/// same cell (now a row higher); Undo puts the row back.
#[test]
fn alt_up_in_a_cell_moves_its_row() {
    let (mut harness, _) = app_on(common::small_journal());
    let cell = "マルチリーダー × 書き込み遅延";
    harness.get_by_label(cell).focus();
    harness.run();
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    let options = |h: &Harness<'_, StudylogApp>| grids(h)[0].options.clone();
    assert_eq!(options(&harness), ["マルチリーダー", "シングルリーダー"]);
    assert!(
        harness.get_by_label(cell).is_focused(),
        "the keyboard stays in the cell"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(options(&harness), ["シングルリーダー", "マルチリーダー"]);
    // A cell being edited goes on being edited in its new row: the arrow
    // moves the caret, not the keyboard.
    type_into(&mut harness, cell, "低い");
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    assert_eq!(grids(&harness)[0].cells[0][0].text, "低い");
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    harness.get_by_label(cell).type_text("X");
    harness.run();
    assert_eq!(
        grids(&harness)[0].cells[0][0].text,
        "低Xい",
        "still editing"
    );
}

/// A cell reached by the keyboard is only selected: plain arrows, Home and
/// End move between cells whatever the caret, Ctrl+arrows move its row or
/// column (the keyboard going with it), F2 or Enter edits, Esc stops
/// editing, and Esc on a selected cell leaves the grid.
#[test]
fn a_selected_cell_moves_by_arrows_and_edits_on_f2() {
    let (mut harness, _) = app_on(journal_without_grids());
    insert_two_axes_grid(&mut harness);
    let focused = |h: &Harness<'_, StudylogApp>, name: &str| h.get_by_label(name).is_focused();
    harness.get_by_label("ECS / EC2 × コスト").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(focused(&harness, "ECS / EC2 × 拡張性"));
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(focused(&harness, "ECS / Fargate × 拡張性"));
    press(&mut harness, Modifiers::NONE, Key::End);
    assert!(focused(&harness, "ECS / Fargate × 人材確保のしやすさ"));
    press(&mut harness, Modifiers::NONE, Key::Home);
    assert!(focused(&harness, "ECS / Fargate × コスト"));
    // Ctrl+→ moves the column: コスト is now second, the keyboard with it.
    press(&mut harness, Modifiers::COMMAND, Key::ArrowRight);
    let criteria = |h: &Harness<'_, StudylogApp>| -> Vec<String> {
        grids(h)[0]
            .criteria
            .iter()
            .map(|c| c.name.clone())
            .collect()
    };
    assert_eq!(criteria(&harness)[..2], ["拡張性", "コスト"]);
    assert!(focused(&harness, "ECS / Fargate × コスト"));
    // Ctrl+↑ moves the row.
    press(&mut harness, Modifiers::COMMAND, Key::ArrowUp);
    assert_eq!(grids(&harness)[0].options[0], "ECS / Fargate");
    assert!(focused(&harness, "ECS / Fargate × コスト"));
    // F2 edits: now arrows move the caret in the text, not the cell.
    press(&mut harness, Modifiers::NONE, Key::F2);
    harness
        .get_by_label("ECS / Fargate × コスト")
        .type_text("安い");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(
        focused(&harness, "ECS / Fargate × コスト"),
        "the caret moved"
    );
    harness
        .get_by_label("ECS / Fargate × コスト")
        .type_text("く");
    harness.run();
    assert_eq!(grids(&harness)[0].cells[0][1].text, "安くい");
    // Esc stops editing; the cell stays selected and arrows move again.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(focused(&harness, "ECS / Fargate × コスト"));
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(focused(&harness, "ECS / Fargate × 拡張性"));
    // Esc on a selected cell leaves the grid.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!focused(&harness, "ECS / Fargate × 拡張性"));
    // Undo takes back the text, then the row, then the column.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grids(&harness)[0].cells[0][1].text, "");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(grids(&harness)[0].options[0], "ECS / EC2");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(criteria(&harness)[0], "コスト");
}

/// Typing on a selected cell edits it, adding to what it holds (never
/// replacing it), and a screen reader is told how to edit a selected cell.
#[test]
fn typing_on_a_selected_cell_adds_to_its_text() {
    let (mut harness, _) = app_on(common::small_journal());
    let cell = "シングルリーダー × 書き込み遅延";
    assert_eq!(grids(&harness)[0].cells[0][0].text, "高い");
    harness.get_by_label(cell).focus();
    harness.run();
    let node = harness.get_by_label(cell);
    let hint = node.accesskit_node().description().unwrap_or_default();
    assert!(
        hint.contains("F2"),
        "the hint read for a selected cell: {hint:?}"
    );
    node.type_text("!");
    harness.run();
    assert_eq!(grids(&harness)[0].cells[0][0].text, "高い!");
    // Now editing: the arrows stay in the text.
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(harness.get_by_label(cell).is_focused());
}
