//! The Review view, driven by keys as a learner uses it: Ctrl+R opens it on
//! today's due cards; Space shows the answer with its day; 1–4 rate it
//! (FSRS) and the next card comes; Undo takes a rating back; a card can be
//! suspended; the side panel counts what is due.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::model::Block;
use studylog::model::review::Rating;
use studylog::ui::action::View;

fn journal_with_cards() -> studylog::model::Journal {
    let mut journal = common::small_journal();
    let notes = common::first_notes_mut(journal.days.get_mut(&date()).unwrap());
    notes.blocks = vec![Block::Text(
        "- リーダー :: 書き込みを受けるノード\n- WAL :: 先行書き込みログ".into(),
    )];
    journal
}

#[test]
fn space_shows_the_answer_and_keys_rate_the_cards_in_turn() {
    let (mut harness, _) = app_on(journal_with_cards());
    press(&mut harness, Modifiers::COMMAND, Key::R);
    assert_eq!(harness.state().view(), View::Review);
    harness.get_by_label("Review (2 due)");
    harness.get_by_label("リーダー");
    assert!(
        harness.query_by_label("書き込みを受けるノード").is_none(),
        "the back waits"
    );
    press(&mut harness, Modifiers::NONE, Key::Space);
    harness.get_by_label("書き込みを受けるノード");
    harness.get_by_label("Mon 10 Mar 2025");
    harness.get_by_label_contains("3 Good");
    press(&mut harness, Modifiers::NONE, Key::Num3);
    let log = harness.state().journal().review.log.clone();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].rating, Rating::Good);
    harness.get_by_label("Review (1 due)");
    harness.get_by_label("WAL");
    harness.get_by_label("Review: 1 due");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().journal().review.log.is_empty(),
        "Undo takes the rating back"
    );
    harness.get_by_label("Review (2 due)");
}

#[test]
fn a_suspended_card_is_no_longer_due() {
    let (mut harness, _) = app_on(journal_with_cards());
    press(&mut harness, Modifiers::COMMAND, Key::R);
    press(&mut harness, Modifiers::NONE, Key::Space);
    harness.get_by_label("Suspend this card").click();
    harness.run();
    assert_eq!(harness.state().journal().review.suspended.len(), 1);
    harness.get_by_label("Review (1 due)");
    harness.get_by_label("WAL");
}

/// A card written in a note counts at once beside the tree; typing that
/// makes no card leaves the count as it was.
#[test]
fn a_card_typed_in_a_note_is_counted_as_due() {
    use egui::accesskit::Role;
    let (mut harness, _) = app_on(journal_with_cards());
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .type_text("\n- まだカードではない");
    harness.run();
    harness.get_by_label("Review: 2 due");
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .type_text("\n- Raft :: 合意アルゴリズム");
    harness.run();
    harness.get_by_label("Review: 3 due");
}
