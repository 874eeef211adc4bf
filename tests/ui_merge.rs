//! Merging in the window: the external-change prompt's Merge keeps the work
//! here and the change on disk (the work before it goes to the backups, one
//! undo takes it back); a sync tool's conflict copy beside the journal is
//! offered and merged, and moves to the backups; a journal git left with
//! conflict markers opens merged; conflicts are settled from the day form.
#![cfg(feature = "gui")]

mod common;

use chrono::NaiveDate;
use common::harness::{app, app_on, date, day, press, type_into};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::model::merge::text::{END_MARKER, OURS_MARKER, THEIRS_MARKER};
use studylog::model::{Entry, Journal, NextItem, Question, SectionBody};
use studylog::store;
use studylog::ui::Start;

fn later() -> NaiveDate {
    "2025-03-20".parse().unwrap()
}

/// The small journal with one more day.
fn with_another_day() -> Journal {
    let mut journal = common::small_journal();
    let extra = journal.days[&date()].clone();
    journal.days.insert(later(), extra);
    journal
}

#[test]
fn merge_in_the_external_change_prompt_keeps_both_and_undo_takes_it_back() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    type_into(&mut harness, "感想", "。ここで追記");
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save(&path, &with_another_day()).unwrap();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Merge (keep both)").click();
    harness.run();
    let journal = harness.state().journal().clone();
    assert!(journal.days.contains_key(&later()), "their day");
    assert!(
        common::impressions(&journal.days[&date()]).ends_with("。ここで追記"),
        "our words"
    );
    assert!(
        !store::backups(&path).is_empty(),
        "the work before the merge is kept"
    );
    harness.get_by_label_contains("Merged: 1 day from the other copy");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        !harness.state().journal().days.contains_key(&later()),
        "one undo"
    );
}

#[test]
fn a_sync_conflict_copy_is_offered_merged_and_moved_to_the_backups_once_saved() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    // Syncthing puts its tag before the last extension.
    let copy = folder
        .path()
        .join("j.studylog.sync-conflict-20261126-081500-ABCDEF7.ron");
    store::save(&path, &common::small_journal()).unwrap();
    store::save(&copy, &with_another_day()).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    harness.get_by_label_contains("j.studylog.sync-conflict-20261126-081500-ABCDEF7.ron");
    harness.get_by_label("Merge").click();
    harness.run();
    assert!(harness.state().journal().days.contains_key(&later()));
    assert!(copy.exists(), "kept until the merge is saved");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.state_mut().finish_saving();
    harness.run();
    assert!(!copy.exists(), "the copy is no longer beside the journal");
    let kept = store::backups(&path);
    assert!(
        kept.iter()
            .any(|b| store::load(&b.path).is_ok_and(|j| j.days.contains_key(&later()))),
        "it is among the backups"
    );
}

#[test]
fn undoing_a_merged_copy_leaves_the_copy_where_it_was() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    let copy = folder
        .path()
        .join("j.studylog (conflicted copy 2026-11-26 081500).ron");
    store::save(&path, &common::small_journal()).unwrap();
    store::save(&copy, &with_another_day()).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    harness.get_by_label("Merge").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(!harness.state().journal().days.contains_key(&later()));
    type_into(&mut harness, "感想", "。");
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.state_mut().finish_saving();
    harness.run();
    assert!(copy.exists(), "its words are in no other file");
}

#[test]
fn a_journal_with_git_conflict_markers_opens_merged() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    let ours = store::to_ron_string(&common::small_journal()).unwrap();
    let theirs = store::to_ron_string(&with_another_day()).unwrap();
    // What git leaves when both sides changed the file: the whole file in conflict.
    let text = format!("<<<<<<< HEAD\n{ours}=======\n{theirs}>>>>>>> laptop\n");
    std::fs::write(&path, text).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    harness.get_by_label_contains("holds git's conflict markers");
    harness.get_by_label("Merge and open").click();
    harness.run();
    harness.state_mut().finish_errands();
    harness.run();
    let state = harness.state();
    assert_eq!(state.path(), Some(path.as_path()));
    assert!(state.journal().days.contains_key(&later()));
    assert!(state.is_dirty(), "saving writes the merge over the markers");
}

#[test]
fn a_text_conflict_is_settled_from_the_day_form() {
    let journal = with_sections_of_the_day(|body| {
        if let SectionBody::Impressions(free) = body {
            free.text =
                format!("前\n{OURS_MARKER}\nこちら\n{THEIRS_MARKER}\nあちら\n{END_MARKER}\n後");
        }
    });
    let (mut harness, _) = app_on(journal);
    harness.get_by_label("Both copies changed this differently.");
    harness.get_by_label("Keep both").click();
    harness.run();
    assert_eq!(
        common::impressions(&day_of(&harness)),
        "前\nこちら\nあちら\n後"
    );
}

#[test]
fn a_list_conflict_is_settled_from_the_day_form() {
    let journal = with_sections_of_the_day(|body| {
        if let SectionBody::Questions(entries) = body {
            *entries = conflict(Question::new("こちらの問い"), Question::new("あちらの問い"));
        }
    });
    let (mut harness, _) = app_on(journal);
    harness.get_by_label("• こちらの問い");
    harness.get_by_label("Keep the other's").click();
    harness.run();
    assert_eq!(common::question_texts(&day_of(&harness)), ["あちらの問い"]);
}

#[test]
fn a_conflict_in_the_next_list_is_settled_from_the_day_form() {
    let journal = with_sections_of_the_day(|body| {
        if let SectionBody::Next(entries) = body {
            *entries = conflict(NextItem::new("こちらの予定"), NextItem::new("あちらの予定"));
        }
    });
    let (mut harness, _) = app_on(journal);
    // Shown as a conflict to settle, not as its marker lines to edit.
    harness.get_by_label("Both copies changed this differently.");
    harness.get_by_label("Keep the other's").click();
    harness.run();
    let next: Vec<String> = day_of(&harness)
        .next_items()
        .map(|(_, _, item)| item.text.clone())
        .collect();
    assert_eq!(next, ["あちらの予定"]);
}

/// The small journal, each section of its day changed by `change`.
fn with_sections_of_the_day(mut change: impl FnMut(&mut SectionBody)) -> Journal {
    let mut journal = common::small_journal();
    let day = journal.days.get_mut(&date()).unwrap();
    for section in &mut day.sections {
        change(&mut section.body);
    }
    journal
}

/// A list as a merge leaves a conflict in it: ours, then theirs, between
/// the conflict's marker lines.
fn conflict<T>(ours: T, theirs: T) -> Vec<Entry<T>> {
    vec![
        Entry::Text(OURS_MARKER.into()),
        Entry::Item(ours),
        Entry::Text(THEIRS_MARKER.into()),
        Entry::Item(theirs),
        Entry::Text(END_MARKER.into()),
    ]
}

fn day_of(harness: &egui_kittest::Harness<'_, studylog::ui::StudylogApp>) -> studylog::model::Day {
    day(harness, date())
}
