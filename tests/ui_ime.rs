//! Japanese input in the window, with the input method's events injected as
//! egui receives them: composed text is shown but is no edit until it is
//! committed; Esc (an empty preedit) leaves the journal as it was; focus
//! leaving a field mid-composition commits what is shown, turns the input
//! method off for a moment and on again for the new field (notes, grid cells),
//! where the next keys compose, and shortcuts work again at once; the
//! candidate list is placed under the line; "+ Add" gives the new item the keyboard.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, date, day, press};
use egui::accesskit::Role;
use egui::{Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::ui::StudylogApp;
use studylog::ui::candidates::{CANDIDATE_ROOM, CaretReport};

fn preedit(harness: &mut Harness<'_, StudylogApp>, text: &str) {
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: text.into(),
        active_range_chars: None,
    }));
    harness.run();
}

fn commit(harness: &mut Harness<'_, StudylogApp>, text: &str) {
    harness.event(Event::Ime(ImeEvent::Commit(text.into())));
    harness.run();
}

fn impressions(harness: &Harness<'_, StudylogApp>) -> String {
    common::impressions(&day(harness, date())).to_owned()
}

/// The text of the first chapter's notes (5 章).
fn chapter_notes(harness: &Harness<'_, StudylogApp>) -> String {
    match &common::first_notes(&day(harness, date())).blocks[0] {
        studylog::model::Block::Text(text) => text.clone(),
        other => panic!("notes start with text: {other:?}"),
    }
}

/// The app on the small journal with the caret at the end of 感想.
fn composing_in_impressions() -> (Harness<'static, StudylogApp>, common::harness::Dialogs) {
    let (mut harness, dialogs) = app_on(common::small_journal());
    harness.get_by_label("感想").focus();
    harness.run();
    (harness, dialogs)
}

#[test]
fn composed_text_is_shown_but_is_no_edit_until_committed() {
    let (mut harness, _) = composing_in_impressions();
    let before = impressions(&harness);
    preedit(&mut harness, "くも");
    assert_eq!(
        impressions(&harness),
        format!("{before}くも"),
        "shown as typed"
    );
    let app = harness.state();
    assert!(!app.is_dirty(), "composing is not an unsaved change");
    assert!(!app.window_title().starts_with('●'));
    assert!(!app.can_undo(), "nor an undo step");
    assert!(app.search_hits("くも").is_empty(), "nor searchable");

    commit(&mut harness, "雲");
    assert_eq!(impressions(&harness), format!("{before}雲"));
    assert!(harness.state().is_dirty());
    harness.run();
    assert_eq!(harness.state().search_hits("雲").len(), 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        impressions(&harness),
        before,
        "one undo takes the word back"
    );
}

#[test]
fn cancelling_a_composition_leaves_the_journal_as_it_was() {
    let (mut harness, _) = composing_in_impressions();
    let before = harness.state().journal().clone();
    preedit(&mut harness, "くも");
    preedit(&mut harness, "");
    assert_eq!(harness.state().journal(), &before);
    assert!(!harness.state().is_dirty());
}

#[test]
fn focus_leaving_mid_composition_commits_what_is_shown_and_frees_the_keys() {
    let (mut harness, dialogs) = composing_in_impressions();
    let before = impressions(&harness);
    preedit(&mut harness, "くも");
    // Move into another field while くも is still uncommitted.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .focus();
    // The input method is turned off (it drops what it held), then on again
    // for the new field: what a real IME (Mozc over IBus/XIM) needs so that
    // the next key composes there instead of arriving as a raw letter.
    let states = ime_states(&mut harness);
    let off = states.iter().position(|on| !on);
    assert!(off.is_some(), "the input method is turned off: {states:?}");
    assert!(
        states[off.unwrap()..].iter().any(|on| *on),
        "and on again for the new field: {states:?}"
    );
    harness.run();
    assert_eq!(
        impressions(&harness),
        format!("{before}くも"),
        "committed as shown"
    );
    assert!(harness.state().is_dirty());
    // The next keys compose in the new field and land there.
    preedit(&mut harness, "あめ");
    commit(&mut harness, "雨");
    assert_eq!(
        impressions(&harness),
        format!("{before}くも"),
        "nothing more"
    );
    let notes = chapter_notes(&harness);
    assert!(
        notes.contains('雨'),
        "the new field took the word: {notes:?}"
    );
    // Ctrl+S works at once: the untitled journal asks where to save.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert_eq!(dialogs.asked().len(), 1, "Ctrl+S was not swallowed");
}

/// Step a few frames and say, per frame, whether the input method was on.
fn ime_states(harness: &mut Harness<'_, StudylogApp>) -> Vec<bool> {
    (0..5)
        .map(|_| {
            harness.step();
            harness.output().platform_output.ime.is_some()
        })
        .collect()
}

#[test]
fn moving_from_notes_to_a_grid_cell_mid_composition_composes_in_the_cell() {
    let (mut harness, _) = app_on(common::small_journal());
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .focus();
    harness.run();
    preedit(&mut harness, "こんてな");
    harness
        .get_by_label("シングルリーダー × 競合の扱い")
        .focus();
    let states = ime_states(&mut harness);
    let off = states.iter().position(|on| !on).expect("turned off");
    assert!(states[off..].iter().any(|on| *on), "{states:?}");
    harness.run();
    assert!(
        chapter_notes(&harness).ends_with("こんてな"),
        "committed where typed"
    );
    preedit(&mut harness, "せる");
    commit(&mut harness, "セル");
    let day = day(&harness, date());
    let studylog::model::Block::Grid(grid) = &common::first_notes(&day).blocks[1] else {
        panic!("the grid follows the text");
    };
    let cells: Vec<&str> = grid
        .cells
        .iter()
        .flatten()
        .map(|c| c.text.as_str())
        .collect();
    assert!(cells.contains(&"セル"), "the cell took the word: {cells:?}");
    assert!(!chapter_notes(&harness).contains("セル"));
}

#[test]
fn the_window_losing_focus_mid_composition_commits_what_is_shown() {
    let (mut harness, _) = composing_in_impressions();
    let before = impressions(&harness);
    preedit(&mut harness, "あめ");
    harness.event(Event::WindowFocused(false));
    harness.run();
    assert_eq!(impressions(&harness), format!("{before}あめ"));
    assert!(harness.state().is_dirty());
}

/// Where the app told the input method the caret is, this frame.
fn reported_caret(harness: &mut Harness<'_, StudylogApp>) -> egui::Rect {
    harness.step();
    let ime = harness.output().platform_output.ime;
    ime.expect("a field has the IME").cursor_rect
}

#[test]
fn the_candidate_list_is_placed_under_the_composing_line() {
    let (mut harness, _) = composing_in_impressions();
    harness.state_mut().set_caret_report(CaretReport::Point);
    preedit(&mut harness, "くも");
    let line = harness.get_by_label("感想").rect();
    let point = reported_caret(&mut harness);
    assert!(point.height() <= 1.0, "X11 takes a point: {point:?}");
    assert!(
        point.min.y >= line.min.y + 10.0 && point.min.y <= line.max.y,
        "under the caret's line, not at its top: {point:?} in {line:?}"
    );

    harness.state_mut().set_caret_report(CaretReport::Area);
    let area = reported_caret(&mut harness);
    assert!(
        area.height() >= 10.0 && area.max.y <= line.max.y,
        "Wayland, Windows and macOS get the line to keep clear: {area:?}"
    );
}

#[test]
fn a_line_composed_near_the_bottom_is_scrolled_up_above_the_list() {
    let mut journal = common::small_journal();
    let day = journal.days.values_mut().next().unwrap();
    let (index, _) = day.section(studylog::model::Section::Next).unwrap();
    if let studylog::model::SectionBody::Next(items) = &mut day.sections[index].body {
        for n in 0..5 {
            let item = studylog::model::NextItem::new(format!("{n} 章を読む"));
            items.push(studylog::model::Entry::Item(item));
        }
    }
    let (mut harness, _) = app_on(journal);
    harness.get_by_label("感想").focus();
    harness.run();
    let window_bottom = 1000.0;
    let before = harness.get_by_label("感想").rect();
    assert!(
        before.min.y + CANDIDATE_ROOM > window_bottom && before.max.y < window_bottom,
        "the test needs 感想 shown near the bottom: {before:?}"
    );
    preedit(&mut harness, "くも");
    harness.run();
    let caret = reported_caret(&mut harness);
    assert!(
        caret.max.y + CANDIDATE_ROOM <= window_bottom + 1.0,
        "the composed line has the list's room below it: {caret:?}"
    );
    let field = harness.get_by_label("感想").rect();
    assert!(field.min.y < before.min.y, "scrolled up: {field:?}");
    assert_eq!(impressions(&harness), "難しかったくも", "still composing");
}

#[test]
fn a_new_item_takes_the_keyboard_in_every_list() {
    for (button, section_texts) in [
        (
            "わからなかったこと: add",
            Box::new(|h: &Harness<'_, StudylogApp>| common::question_texts(&day(h, date())))
                as Box<dyn Fn(&Harness<'_, StudylogApp>) -> Vec<String>>,
        ),
        (
            "次やること: add",
            Box::new(|h: &Harness<'_, StudylogApp>| {
                common::next_items(&day(h, date()))
                    .into_iter()
                    .map(|(t, _)| t)
                    .collect()
            }),
        ),
    ] {
        let (mut harness, _) = app_on(common::small_journal());
        harness.get_by_label(button).click();
        harness.run();
        harness.event(Event::Text("すぐ書ける".into()));
        harness.run();
        let texts = section_texts(&harness);
        assert_eq!(
            texts.last().map(String::as_str),
            Some("すぐ書ける"),
            "{button}"
        );
    }
}

#[test]
fn a_new_worked_on_item_takes_the_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("取り組んだこと: add item").click();
    harness.run();
    harness.event(Event::Text("英語".into()));
    harness.run();
    let day = day(&harness, date());
    let texts: Vec<String> = day
        .work_items()
        .filter_map(|(_, _, item)| match item {
            studylog::model::WorkItem::Text { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts, ["英語"]);
}

/// Enter that confirms a conversion in a question is the input method's:
/// the question gets the converted words and no new question is added
/// (on platforms that also report the Enter key with the commit, in the
/// same frame; under IBus/XIM the input method keeps it). The next
/// Enter, with nothing composing, adds the next question.
#[test]
fn enter_confirming_a_conversion_adds_no_item() {
    let (mut harness, _) = app_on(common::small_journal());
    let count = common::question_texts(&day(&harness, date())).len();
    let last = format!("わからなかったこと {count}");
    harness.get_by_label(&last).focus();
    harness.run();
    preedit(&mut harness, "ぎもん");
    // The commit and the Enter that made it come in one frame, as the
    // window system hands them over together.
    let enter = Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    let events = &mut harness.input_mut().events;
    events.push(Event::Ime(ImeEvent::Commit("疑問".into())));
    events.push(enter);
    harness.step();
    harness.run();
    let questions = common::question_texts(&day(&harness, date()));
    assert_eq!(questions.len(), count, "{questions:?}");
    assert!(questions[count - 1].ends_with("疑問"), "{questions:?}");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(8);
    assert_eq!(
        common::question_texts(&day(&harness, date())).len(),
        count + 1
    );
}
