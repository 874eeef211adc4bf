//! The desktop app driven headless with egui_kittest: widgets are found by
//! their accessible names, clicked and typed into; the tests check the
//! journal model and what the window shows.

mod common;

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers, ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::{
    Address, Day, Edit, Entry, Journal, Language, NotesAt, Question, Section, SectionBody,
    is_studied, notes, text_of,
};
use studylog::ui::action::View;
use studylog::ui::i18n::UiLanguage;
use studylog::ui::{Start, StudylogApp};

use common::harness::{app, app_on, date, day, press, type_into};

/// The small journal with an extra empty day, shown.
fn empty_day_journal() -> Journal {
    let mut journal = common::small_journal();
    let day = Day::from_template(&journal.template);
    journal.days.insert(date().succ_opt().unwrap(), day);
    journal
}

#[test]
fn first_run_opens_the_bundled_sample_untitled() {
    let (harness, _) = app(Start::Default);
    let app = harness.state();
    assert_eq!(app.path(), None, "the asset is never the file being edited");
    assert!(!app.is_dirty());
    assert_eq!(app.window_title(), "Untitled — studylog");
    assert!(!app.journal().days.is_empty());
    // Japanese section headings and book titles are on screen.
    harness.get_by_label("取り組んだこと");
    let book = &app.journal().books[0].title;
    assert!(harness.query_all_by_label_contains(book).count() > 0);
    // It says it is a sample, and how to start one's own.
    harness.get_by_label_contains("This is a sample journal");
}

/// The sample's notice starts one's own journal, and goes with the sample.
#[test]
fn the_sample_says_so_and_its_notice_goes_with_it() {
    let (mut harness, _) = app(Start::Default);
    harness.get_by_label("Start my own journal").click();
    harness.run();
    assert!(
        harness.state().journal().days.is_empty(),
        "a new, empty journal"
    );
    assert!(
        harness
            .query_by_label_contains("This is a sample journal")
            .is_none()
    );
}

#[test]
fn typing_into_sections_changes_the_journal_and_marks_it_unsaved() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("感想").focus();
    harness.run();
    harness.get_by_label("感想").type_text("。面白い");
    type_into(&mut harness, "わからなかったこと 1", "？");
    let day = day(&harness, date());
    assert_eq!(common::impressions(&day), "難しかった。面白い");
    assert_eq!(
        common::question_texts(&day)[0],
        "sloppy quorum で最新の値が読めない理由？"
    );
    assert!(harness.state().is_dirty());
    assert!(harness.state().window_title().starts_with("● "));
}

#[test]
fn next_items_are_added_checked_moved_and_deleted() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    harness.get_by_label("次やること 2").focus();
    harness.run();
    harness.get_by_label("次やること 2").type_text("8 章");
    harness.get_by_label("次やること 2 up").click();
    harness.run();
    harness.get_by_label("次やること 2 done").click();
    harness.run();
    let next = common::next_items(&day(&harness, date()));
    assert_eq!(
        next,
        [("8 章".to_owned(), false), ("7 章を読む".to_owned(), true)]
    );
    harness.get_by_label("次やること 1 delete").click();
    harness.run();
    assert_eq!(common::next_items(&day(&harness, date())).len(), 1);
}

#[test]
fn a_book_and_a_chapter_are_added_from_the_day_form() {
    let (mut harness, _) = app_on(empty_day_journal());
    let day2 = date().succ_opt().unwrap();
    harness.get_by_label("New book title").focus();
    harness.run();
    harness
        .get_by_label("New book title")
        .type_text("詳解 Rust");
    harness.run();
    harness.get_by_label("Add book").click();
    harness.run();
    let book = harness
        .state()
        .journal()
        .book_by_title("詳解 Rust")
        .expect("book added");
    harness.get_by_label("詳解 Rust new chapter").focus();
    harness.run();
    harness
        .get_by_label("詳解 Rust new chapter")
        .type_text("1 章 所有権");
    harness.run();
    harness.get_by_label("詳解 Rust add chapter").click();
    harness.run();
    let journal = harness.state().journal();
    let chapter = journal.book(book).unwrap().chapters[0].id;
    assert_eq!(journal.book(book).unwrap().chapters[0].label, "1 章 所有権");
    assert!(
        is_studied(&journal.days[&day2], chapter),
        "a chapter added from a day is studied that day"
    );
    // It shows in the tree and as a ticked checkbox.
    harness.get_by_role_and_label(Role::CheckBox, "1 章 所有権");
}

#[test]
fn ticking_a_chapter_studied_opens_its_notes() {
    let (mut harness, _) = app_on(empty_day_journal());
    let day2 = date().succ_opt().unwrap();
    harness.get_by_label("Pick a book…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "データ指向アプリケーションデザイン")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::CheckBox, "6 章 パーティショニング")
        .click();
    harness.run();
    let chapter = harness.state().journal().books[0].chapters[1].id;
    assert!(is_studied(&day(&harness, day2), chapter));
    // The notes editor for the chapter is labelled by the chapter heading.
    let editor = harness.get_by_role_and_label(Role::MultilineTextInput, "6 章 パーティショニング");
    editor.focus();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "6 章 パーティショニング")
        .type_text("- ハッシュ分割");
    harness.run();
    let day = day(&harness, day2);
    let (section, _) = notes(&day, chapter).unwrap();
    let field = Address::Notes(NotesAt {
        section,
        chapter,
        block: 0,
    });
    assert_eq!(text_of(&day, field), Some("- ハッシュ分割"));
}

fn notes_field(harness: &Harness<'_, StudylogApp>) -> Address {
    let chapter = harness.state().journal().books[0].chapters[0].id;
    let section = 1; // 学んだこと, second in the template
    Address::Notes(NotesAt {
        section,
        chapter,
        block: 0,
    })
}

fn first_question(day: &Day) -> studylog::model::Question {
    day.questions().next().unwrap().2.clone()
}

fn notes_text(harness: &Harness<'_, StudylogApp>) -> String {
    text_of(&day(harness, date()), notes_field(harness))
        .unwrap()
        .to_owned()
}

/// The small journal with empty notes for chapter 5.
fn blank_notes_journal() -> Journal {
    let mut journal = common::small_journal();
    let day = journal.days.get_mut(&date()).unwrap();
    common::first_notes_mut(day).blocks = vec![studylog::model::Block::Text(String::new())];
    journal
}

fn focus_notes(harness: &mut Harness<'_, StudylogApp>) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .focus();
    harness.run();
}

#[test]
fn enter_continues_a_list_and_tab_indents_it() {
    let (mut harness, _) = app_on(blank_notes_journal());
    focus_notes(&mut harness);
    let editor = || "5 章 レプリケーション";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, editor())
        .type_text("- 書き込み");
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(notes_text(&harness), "- 書き込み\n- ");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, editor())
        .type_text("同期");
    harness.run();
    assert_eq!(notes_text(&harness), "- 書き込み\n  - 同期");
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert_eq!(notes_text(&harness), "- 書き込み\n- 同期");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        notes_text(&harness),
        "- 書き込み\n- 同期\n",
        "an empty bullet ends the list"
    );
}

#[test]
fn enter_during_ime_composition_does_not_continue_the_list() {
    let (mut harness, _) = app_on(blank_notes_journal());
    focus_notes(&mut harness);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .type_text("- ");
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "がくしゅう".into(),
        active_range_chars: None,
    }));
    harness.run();
    // The Enter that confirms the conversion arrives in the same frame as the commit.
    let events = &mut harness.input_mut().events;
    events.push(egui::Event::Ime(egui::ImeEvent::Commit("学習".into())));
    events.push(egui::Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_eq!(notes_text(&harness), "- 学習");
    // After the composition, Enter continues the list again.
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(notes_text(&harness), "- 学習\n- ");
}

#[test]
fn undo_and_redo_a_structural_edit() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("わからなかったこと: add").click();
    harness.run();
    assert_eq!(common::question_texts(&day(&harness, date())).len(), 2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(common::question_texts(&day(&harness, date())).len(), 1);
    assert!(!harness.state().is_dirty(), "back to the journal as opened");
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(common::question_texts(&day(&harness, date())).len(), 2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(common::question_texts(&day(&harness, date())).len(), 2);
}

fn wait_for_save(harness: &mut Harness<'_, StudylogApp>) {
    harness.state_mut().finish_saving();
    harness.run();
}

#[test]
fn save_asks_for_a_file_then_clears_the_unsaved_marker() {
    let folder = tempfile::tempdir().unwrap();
    let target: PathBuf = folder.path().join("my-study");
    let (mut harness, dialogs) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    assert!(harness.state().window_title().starts_with("● Untitled"));
    dialogs.answer(Some(target.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    let saved = folder.path().join("my-study.studylog.ron");
    assert_eq!(harness.state().path(), Some(saved.as_path()));
    assert_eq!(harness.state().window_title(), "my-study — studylog");
    let on_disk = studylog::store::load(&saved).unwrap();
    assert_eq!(&on_disk, harness.state().journal());
    assert_eq!(dialogs.asked().len(), 1);
    // A second save goes to the same file without asking.
    harness.get_by_label("次やること: add").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::S);
    wait_for_save(&mut harness);
    assert_eq!(dialogs.asked().len(), 1);
    assert!(!harness.state().is_dirty());
    assert_eq!(
        common::next_items(&studylog::store::load(&saved).unwrap().days[&date()]).len(),
        3
    );
}

fn request_close(harness: &mut Harness<'_, StudylogApp>) -> Vec<ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .clone()
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    let commands = request_close(&mut harness);
    assert!(commands.contains(&ViewportCommand::CancelClose));
    harness.run();
    assert!(harness.state().is_prompting());
    harness.get_by_label("Save changes?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_prompting());
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(harness.state().is_dirty(), "the work is still there");
}

#[test]
fn closing_without_changes_does_not_ask() {
    let (mut harness, _) = app_on(common::small_journal());
    let commands = request_close(&mut harness);
    assert!(!commands.contains(&ViewportCommand::CancelClose));
    harness.run();
    assert!(!harness.state().is_prompting());
}

#[test]
fn quit_after_dont_save_closes_the_window() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.run();
    harness.get_by_label("Don't Save").click();
    harness.step();
    let commands = &harness.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close));
}

#[test]
fn a_broken_file_shows_an_error_and_keeps_the_journal_open() {
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.studylog.ron");
    std::fs::write(&broken, "(format_version: 1, title: \"x\",\n  books: [oops").unwrap();
    let (mut harness, dialogs) = app_on(common::small_journal());
    let before = harness.state().journal().clone();
    dialogs.answer(Some(broken.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    common::harness::finish_errands(&mut harness);
    let messages = harness.state().messages().to_vec();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].text.contains("broken.studylog.ron:2:"),
        "{messages:?}"
    );
    assert_eq!(harness.state().journal(), &before);
    harness.get_by_label_contains("broken.studylog.ron:2:");
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "(format_version: 1, title: \"x\",\n  books: [oops"
    );
}

#[test]
fn export_this_day_writes_markdown() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("day.md");
    let (mut harness, dialogs) = app_on(common::small_journal());
    dialogs.answer(Some(out.clone()));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export This Day…").click();
    harness.run();
    harness.state_mut().finish_errands();
    harness.run();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# 2025-03-10"), "{text}");
    assert!(text.contains("#### 5 章 レプリケーション"));
    harness.get_by_label_contains("Exported to");
}

#[test]
fn a_markdown_log_on_the_command_line_is_imported_untitled() {
    let folder = tempfile::tempdir().unwrap();
    let log = folder.path().join("2025-log.md");
    std::fs::write(
        &log,
        "# 2025-03-12\n\n## 取り組んだこと\n\n- 詳解 Rust\n  - 3\n\n## 感想\n\n楽しい\n",
    )
    .unwrap();
    let (harness, _) = app(Start::for_path(log));
    let app = harness.state();
    assert_eq!(app.path(), None);
    assert!(
        app.is_dirty(),
        "imported work exists in no journal file yet"
    );
    let date: NaiveDate = "2025-03-12".parse().unwrap();
    assert_eq!(common::impressions(&app.journal().days[&date]), "楽しい");
}

#[test]
fn the_settings_menu_switches_the_ui_to_japanese() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("日本語").click();
    harness.run();
    assert_eq!(harness.state().language(), UiLanguage::Japanese);
    harness.get_by_label("ファイル");
    assert_eq!(harness.state().window_title(), "無題 — studylog");
}

#[test]
fn clicking_a_chapter_shows_its_notes_across_days() {
    let (mut harness, _) = app_on(common::small_journal());
    common::harness::open_first_chapter(&mut harness);
    let chapter = harness.state().journal().books[0].chapters[0].id;
    assert_eq!(harness.state().view(), View::Chapter(chapter));
    // The notes are rendered: a bullet, not the Markdown dash.
    harness.get_by_label_contains("• リーダーを通る");
    harness.get_by_label("2025年3月10日（月）");
    harness
        .get_by_role_and_label(Role::Link, "Edit this day")
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Day(date()));
}

#[test]
fn shortcuts_wait_while_the_ime_composes() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("わからなかったこと: add").click();
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "もんだい".into(),
        active_range_chars: None,
    }));
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        common::question_texts(&day(&harness, date())).len(),
        2,
        "Ctrl+Z belongs to the IME"
    );
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("問題".into())));
    harness.run();
    let questions = common::question_texts(&day(&harness, date()));
    assert_eq!(
        questions.last().map(String::as_str),
        Some("問題"),
        "the new item had the keyboard"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let questions = common::question_texts(&day(&harness, date()));
    assert_eq!(
        questions.last().map(String::as_str),
        Some(""),
        "undo takes the typing back"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(common::question_texts(&day(&harness, date())).len(), 1);
}

#[test]
fn alt_shift_arrows_jump_between_logged_days_and_stop_at_the_first() {
    let mut journal = common::small_journal();
    let later: NaiveDate = "2025-03-15".parse().unwrap();
    journal.days.insert(later, Default::default());
    let (mut harness, _) = app_on(journal);
    assert_eq!(
        harness.state().view(),
        View::Day(later),
        "opens on the latest day"
    );
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(harness.state().view(), View::Day(date()));
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(
        harness.state().view(),
        View::Day(date()),
        "no earlier logged day"
    );
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    assert_eq!(harness.state().view(), View::Day(later));
}

#[test]
fn today_starts_the_log_with_unfinished_items_carried_over() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label("Today Ctrl+T").click();
    harness.run();
    let today = chrono::Local::now().date_naive();
    assert_eq!(harness.state().view(), View::Day(today));
    let today_log = day(&harness, today);
    let next: Vec<_> = today_log.next_items().map(|(_, _, n)| n).collect();
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].text, "7 章を読む");
    assert_eq!(next[0].carried_from, Some(date()));
    // The carried item is on screen, marked with the day it came from.
    harness.get_by_label_contains("← 03/10");
    // The open question of 03-10 is listed with its age.
    harness.get_by_label_contains("Open questions from earlier days (1)");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        !harness.state().journal().days.contains_key(&today),
        "undo removes the new day"
    );
}

#[test]
fn an_earlier_question_resolved_today_leaves_the_list_and_comes_back_on_undo() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label("Today Ctrl+T").click();
    harness.run();
    let question = "sloppy quorum で最新の値が読めない理由";
    harness.get_by_label_contains("Open questions from earlier days (1)");
    harness.get_by_label(&format!("{question} resolve")).click();
    harness.run();
    let field = format!("Answer: {question}");
    type_into(&mut harness, &field, "ヒンテッドハンドオフ中だから");
    harness.get_by_label("Mark Resolved").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Open questions from earlier days")
            .is_none(),
        "the list follows the journal, not what it showed before"
    );
    // Undo shows the day the question was asked; today lists it again.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::T);
    harness.get_by_label_contains("Open questions from earlier days (1)");
}

#[test]
fn a_long_backlog_of_earlier_questions_starts_folded_under_its_count() {
    // Eleven earlier days, each leaving a question open, before the day shown.
    let mut journal = common::small_journal();
    for n in 1..=11 {
        let mut asked = Day::from_template(&journal.template);
        for section in &mut asked.sections {
            if let SectionBody::Questions(entries) = &mut section.body {
                entries.push(Entry::Item(Question::new(format!("問い {n}"))));
            }
        }
        let on = date() - chrono::Days::new(20 - n);
        journal.days.insert(on, asked);
    }
    let (mut harness, _) = app_on(journal);
    assert_eq!(harness.state().view(), View::Day(date()));
    let header = "Open questions from earlier days (11)";
    harness.get_by_label_contains(header);
    assert!(
        harness.query_by_label("問い 11 resolve").is_none(),
        "folded"
    );
    harness.get_by_label_contains(header).click();
    harness.run();
    harness.get_by_label("問い 11 resolve");
}

#[test]
fn a_question_is_resolved_with_an_answer_and_reopened() {
    let (mut harness, _) = app_on(common::small_journal());
    harness
        .get_by_label("sloppy quorum で最新の値が読めない理由 resolve")
        .click();
    harness.run();
    let field = "Answer: sloppy quorum で最新の値が読めない理由";
    harness.get_by_label(field).focus();
    harness.run();
    harness
        .get_by_label(field)
        .type_text("ヒンテッドハンドオフ中だから");
    harness.run();
    harness.get_by_label("Mark Resolved").click();
    harness.run();
    let answer = first_question(&day(&harness, date())).answer.unwrap();
    assert_eq!(answer.text, "ヒンテッドハンドオフ中だから");
    assert_eq!(answer.resolved_on, date(), "resolved on the day shown");
    harness.get_by_label("わからなかったこと 1 reopen").click();
    harness.run();
    assert_eq!(first_question(&day(&harness, date())).answer, None);
}

#[test]
fn the_calendar_shows_streaks_and_opens_a_day() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label("Calendar Ctrl+Shift+C").click();
    harness.run();
    harness.get_by_label_contains("1 study day  ·");
    assert_eq!(harness.state().view(), View::Calendar(date()));
    harness.get_by_label("calendar 2025-03-10").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Day(date()));
    // A day without a log offers to start one.
    harness.get_by_label("Go").click();
    harness.run();
    harness.get_by_label("Calendar Ctrl+Shift+C").click();
    harness.run();
    harness.get_by_label("calendar 2025-03-12").click();
    harness.run();
    harness.get_by_label("Start this day's log").click();
    harness.run();
    let started: NaiveDate = "2025-03-12".parse().unwrap();
    assert_eq!(
        day(&harness, started)
            .next_items()
            .next()
            .unwrap()
            .2
            .carried_from,
        Some(date())
    );
}

#[test]
fn search_finds_text_in_any_width_and_opens_the_day_at_the_hit() {
    let mut journal = common::small_journal();
    let later: NaiveDate = "2025-03-15".parse().unwrap();
    journal.days.insert(later, Default::default());
    let (mut harness, _) = app_on(journal);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    assert!(harness.get_by_label("Search").is_focused());
    // Full-width query, half-width text; a hit inside a grid cell too.
    harness.get_by_label("Search").type_text("ＳＬＯＰＰＹ");
    harness.run();
    harness.get_by_label("1 day, 1 line");
    harness.get_by_label("Mon 10 Mar 2025");
    harness
        .get_by_role_and_label(Role::Button, "sloppy quorum で最新の値が読めない理由")
        .click();
    harness.run();
    assert_eq!(harness.state().view(), View::Day(date()));
    assert!(harness.get_by_label("わからなかったこと 1").is_focused());
    harness.get_by_label("Clear search").click();
    harness.run();
    harness.get_by_label("Search").focus();
    harness.run();
    // Katakana and hiragana find each other.
    harness.get_by_label("Search").type_text("しんぐる");
    harness.run();
    harness.get_by_label("1 day, 1 line");
    harness.get_by_label("Clear search").click();
    harness.run();
    type_into(&mut harness, "Search", "高い");
    harness.get_by_role_and_label(Role::Button, "高い").click();
    harness.run();
    assert!(
        harness
            .get_by_label("シングルリーダー × 書き込み遅延")
            .is_focused()
    );
}

#[test]
fn library_books_and_chapters_are_renamed_and_deleted_from_the_tree() {
    let (mut harness, _) = app_on(common::small_journal());
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TreeItem,
            "データ指向アプリケーションデザイン",
        )
        .click_secondary();
    harness.run();
    harness.get_by_label("Paste Table of Contents…").click();
    harness.run();
    harness.get_by_label("Table of contents").focus();
    harness.run();
    harness
        .get_by_label("Table of contents")
        .type_text("- 7 章 トランザクション\n- 8 章 分散システムの問題\n");
    harness.run();
    harness.get_by_label("Add 2 chapters").click();
    harness.run();
    let labels: Vec<String> = harness.state().journal().books[0]
        .chapters
        .iter()
        .map(|c| c.label.clone())
        .collect();
    assert_eq!(
        labels[2..],
        ["7 章 トランザクション", "8 章 分散システムの問題"]
    );
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TreeItem,
            "データ指向アプリケーションデザイン",
        )
        .click();
    harness.run();
    harness
        .get_by_label("○ 5 章 レプリケーション")
        .click_secondary();
    harness.run();
    harness.get_by_label("Done").click();
    harness.run();
    assert_eq!(
        harness.state().journal().books[0].chapters[0].status,
        studylog::model::ChapterStatus::Done
    );
    harness
        .get_by_label("✓ 5 章 レプリケーション")
        .click_secondary();
    harness.run();
    harness.get_by_label("Delete Chapter…").click();
    harness.run();
    harness.get_by_label_contains("also go from 1 day (");
    harness.get_by_label("Delete").click();
    harness.run();
    assert_eq!(harness.state().journal().books[0].chapters.len(), 3);
    assert!(
        day(&harness, date())
            .learned_books()
            .next()
            .unwrap()
            .chapters
            .is_empty()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().journal().books[0].chapters.len(), 4);
    assert_eq!(
        day(&harness, date())
            .learned_books()
            .next()
            .unwrap()
            .chapters
            .len(),
        1,
        "undo brings the notes back"
    );
}

/// The panels are not painted (a quad over the whole window is what a
/// software renderer spends most on): the window is cleared in their colour
/// instead, in every theme, and nothing else covers the window.
#[test]
fn the_window_behind_the_panels_is_their_colour() {
    let mut window = AsEframeRunsIt::on(common::small_journal());
    for (dark, high_contrast) in [(true, false), (false, false), (true, true), (false, true)] {
        let visuals = studylog::ui::theme::visuals(dark, high_contrast);
        let cleared = eframe::App::clear_color(&window.app, &visuals);
        assert_eq!(cleared, visuals.panel_fill.to_normalized_gamma_f32());
    }
    let shapes = window.frame_shapes();
    let covering = shapes.iter().filter(|clipped| match &clipped.shape {
        egui::Shape::Rect(rect) => rect.fill.a() > 0 && rect.rect.width() >= 1000.0,
        _ => false,
    });
    assert_eq!(covering.count(), 0, "no quad is painted under the panels");
}

/// The app run as eframe runs it, its very first frame included (a
/// kittest harness runs frames until they settle before a test can look).
struct AsEframeRunsIt {
    ctx: egui::Context,
    app: StudylogApp,
    frame: eframe::Frame,
}

impl AsEframeRunsIt {
    fn on(journal: Journal) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let dialogs = studylog::ui::dialogs::ScriptedDialogs::default();
        let start = Start::Journal(Box::new(journal));
        let app = StudylogApp::with_dialogs(&cc, start, Box::new(dialogs));
        let frame = eframe::Frame::_new_kittest();
        AsEframeRunsIt { ctx, app, frame }
    }

    /// Run one frame, with no input, in a 1200×800 window: what it paints.
    fn frame_shapes(&mut self) -> Vec<egui::epaint::ClippedShape> {
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1200.0, 800.0));
        let input = egui::RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let mut output = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, frame));
        // No painter here to take the glyph atlas.
        output.textures_delta.clear();
        output.shapes
    }
}

/// egui makes its glyph atlas as wide as the largest texture the window may
/// make, and the first frame uploads it whole: on a GPU that allows 16,384
/// pixels a side, the window still keeps to its own limit.
#[test]
fn the_first_frame_uploads_a_glyph_atlas_no_wider_than_the_windows_textures() {
    let mut window = AsEframeRunsIt::on(common::small_journal());
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 800.0),
        )),
        max_texture_side: Some(16_384),
        ..Default::default()
    };
    eframe::App::raw_input_hook(&mut window.app, &window.ctx, &mut input);
    let (app, frame) = (&mut window.app, &mut window.frame);
    let mut output = window
        .ctx
        .run_ui(input, |ui| eframe::App::ui(app, ui, frame));
    let atlas = output
        .textures_delta
        .set
        .iter()
        .find(|(id, _)| **id == egui::TextureId::default())
        .and_then(|(_, deltas)| deltas.first())
        .map(|delta| delta.image.size())
        .expect("the first frame uploads the glyph atlas");
    // No painter here to take it.
    output.textures_delta.clear();
    assert!(
        atlas[0] <= studylog::session::MAX_TEXTURE_SIDE,
        "glyph atlas {atlas:?}"
    );
    assert!(
        atlas[0] >= 1024,
        "still room for a line of glyphs: {atlas:?}"
    );
}

/// The first frame painted is the one the user sees until they act: the
/// frames after it, with no input, draw exactly the same shapes (a widget
/// styled by the pass before, a grid sizing its columns late, a timer, a
/// field growing would change them). The app is run as eframe runs it, its
/// very first frame included (a kittest harness runs frames until they
/// settle before a test can look). Whole frames on screen are compared from
/// outside by `cargo bench --bench startup`.
#[test]
fn the_first_picture_stays_until_the_user_acts() {
    let sample =
        studylog::store::from_ron_str(studylog::assets::SAMPLE_JOURNAL).expect("the sample");
    let journals = [
        ("the bundled sample, a grid in view", sample),
        ("small journal", common::small_journal()),
        ("one generated year", studylog::generate::generate(1, 7)),
    ];
    for (name, journal) in journals {
        let mut window = AsEframeRunsIt::on(journal);
        let first = window.frame_shapes();
        assert!(first.len() > 100, "{name}: the form is drawn");
        for frame in 2..=4 {
            assert!(
                window.frame_shapes() == first,
                "{name}: frame {frame} differs from the first"
            );
        }
    }
}

/// Previous/Next Day move by calendar day, onto days with no log yet (which
/// offer to start one); Alt+Shift+←/→ jump between days that have a log.
#[test]
fn days_step_by_the_calendar_and_jump_between_logged_days() {
    let mut journal = common::small_journal();
    let later: NaiveDate = "2025-03-15".parse().unwrap();
    journal.days.insert(later, Default::default());
    let (mut harness, _) = app_on(journal);
    harness.state_mut().open_day(date());
    harness.run();
    press(&mut harness, Modifiers::ALT, Key::ArrowRight);
    let next_day: NaiveDate = "2025-03-11".parse().unwrap();
    assert_eq!(harness.state().view(), View::Day(next_day));
    harness.get_by_label("Start this day's log");
    harness.get_by_label("Previous Day").click();
    harness.run();
    assert_eq!(harness.state().view(), View::Day(date()));
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowRight,
    );
    assert_eq!(harness.state().view(), View::Day(later));
    press(
        &mut harness,
        Modifiers::ALT | Modifiers::SHIFT,
        Key::ArrowLeft,
    );
    assert_eq!(harness.state().view(), View::Day(date()));
}

/// The colour the text `text` is drawn in, if it is drawn.
fn drawn_colour(harness: &Harness<'_, StudylogApp>, text: &str) -> Option<egui::Color32> {
    fn find(shape: &egui::Shape, text: &str) -> Option<egui::Color32> {
        match shape {
            egui::Shape::Text(t) if t.galley.text() == text => {
                Some(t.override_text_color.unwrap_or(t.fallback_color))
            }
            egui::Shape::Vec(shapes) => shapes.iter().find_map(|s| find(s, text)),
            _ => None,
        }
    }
    harness
        .output()
        .shapes
        .iter()
        .find_map(|clipped| find(&clipped.shape, text))
}

/// A 次やること item checked done is dimmed, and bright again when unchecked.
#[test]
fn a_done_next_item_is_dimmed() {
    let (mut harness, _) = app_on(common::small_journal());
    let bright = drawn_colour(&harness, "7 章を読む").expect("the item is drawn");
    harness.get_by_label("次やること 1 done").click();
    harness.run();
    assert!(common::next_items(&day(&harness, date()))[0].1, "checked");
    let dimmed = drawn_colour(&harness, "7 章を読む").expect("still drawn");
    assert_ne!(dimmed, bright);
    assert_eq!(dimmed, harness.ctx.global_style().visuals.weak_text_color());
}

/// A new journal speaks the language the user chose for the menus, even
/// when chosen after File ▸ New (nothing written yet); a journal with days
/// keeps its headings until Settings ▸ Journal Headings… changes them, for
/// new days and, if asked, for the days written, in one undo step.
#[test]
fn a_journal_keeps_its_language_until_its_headings_are_changed() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::COMMAND, Key::N);
    assert_eq!(harness.state().journal().template.language, Language::En);
    harness.get_by_label("Settings").click();
    harness.run();
    harness.get_by_label("日本語").click();
    harness.run();
    let fresh = &harness.state().journal().template;
    assert_eq!(fresh.language, Language::Ja);
    assert_eq!(fresh.headings.get(Section::WorkedOn), "取り組んだこと");

    // A journal with an English day: switching the menus changes nothing in it.
    let mut english = Journal::new("", Language::En);
    studylog::model::apply(&mut english, Edit::CreateDay(date()));
    let (mut harness, _) = app_on(english);
    harness.state_mut().set_language(UiLanguage::Japanese);
    harness.run();
    let heading = |h: &Harness<'_, StudylogApp>| day(h, date()).sections[0].heading.clone();
    assert_eq!(heading(&harness), "What I worked on");
    harness.get_by_label("設定").click();
    harness.run();
    harness.get_by_label("この学習ログの見出し…").click();
    harness.run();
    harness
        .get_by_label_contains("日本語 — 取り組んだこと")
        .click();
    harness.run();
    harness
        .get_by_label_contains("これまでの日の見出しも変える")
        .click();
    harness.run();
    harness.get_by_label("変える").click();
    harness.run();
    assert_eq!(heading(&harness), "取り組んだこと");
    assert_eq!(harness.state().journal().template.language, Language::Ja);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        heading(&harness),
        "What I worked on",
        "one undo takes it back"
    );
    assert_eq!(harness.state().journal().template.language, Language::En);
}
