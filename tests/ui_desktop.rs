//! The desktop conventions a user expects: Help (shortcuts, About), View
//! (zoom, theme, full screen), File → Close and Open Recent housekeeping,
//! Edit → Select All, Go → Today by key, and a journal changed by another
//! program noticed when the window gets the focus back.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app, app_on, press, type_into};
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::store;
use studylog::ui::Start;

fn menu(harness: &mut egui_kittest::Harness<'_, studylog::ui::StudylogApp>, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

#[test]
fn help_lists_every_shortcut_from_the_command_table() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::NONE, Key::F1);
    harness.get_by_label("F1 / Ctrl+Shift+?");
    for (command, keys) in [
        ("Save", "Ctrl+S"),
        ("Redo", "Ctrl+Shift+Z / Ctrl+Y"),
        ("Today", "Ctrl+T"),
        ("Full Screen", "F11"),
        ("Close Window", "Ctrl+W"),
    ] {
        harness.get_by_label(command);
        harness.get_by_label(keys);
    }
    harness.get_by_label("Close").click();
    harness.run();
    assert!(
        harness.query_by_label("Full Screen").is_none(),
        "the window closed"
    );
}

#[test]
fn about_tells_the_version_the_licences_and_where_files_live() {
    let (mut harness, _) = app_on(common::small_journal());
    menu(&mut harness, "Help");
    menu(&mut harness, "About studylog");
    harness.get_by_label(&format!("Version {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains("SIL Open Font License 1.1");
    harness.get_by_label("Journal: (not saved yet)");
}

#[test]
fn zoom_steps_and_resets_and_is_remembered() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::COMMAND, Key::Plus);
    assert_eq!(harness.state().zoom_factor(), 1.1);
    menu(&mut harness, "View");
    menu(&mut harness, "Zoom In Ctrl++");
    assert_eq!(harness.state().zoom_factor(), 1.25);
    assert_eq!(
        harness.state().settings().zoom.factor(),
        1.25,
        "kept in the settings"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Minus);
    assert_eq!(harness.state().zoom_factor(), 1.1);
    press(&mut harness, Modifiers::COMMAND, Key::Num0);
    assert_eq!(harness.state().zoom_factor(), 1.0);
}

#[test]
fn the_theme_is_chosen_in_view_and_remembered() {
    let (mut harness, _) = app_on(common::small_journal());
    menu(&mut harness, "View");
    menu(&mut harness, "Light");
    assert_eq!(
        harness.state().settings().theme,
        egui::ThemePreference::Light
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    menu(&mut harness, "View");
    menu(&mut harness, "Dark");
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
}

#[test]
fn ctrl_w_closes_the_window_but_asks_about_unsaved_work_first() {
    let (mut harness, _) = app_on(common::small_journal());
    type_into(&mut harness, "感想", "。");
    harness.get_by_label("感想").focus();
    press(&mut harness, Modifiers::COMMAND, Key::W);
    assert!(harness.state().is_prompting(), "Save / Don't Save / Cancel");
}

#[test]
fn open_recent_greys_out_files_that_are_gone_and_can_forget_them() {
    let folder = tempfile::tempdir().unwrap();
    let kept = folder.path().join("kept.studylog.ron");
    let gone = folder.path().join("gone.studylog.ron");
    store::save(&kept, &common::small_journal()).unwrap();
    store::save(&gone, &common::small_journal()).unwrap();
    let (mut harness, _) = app(Start::Open(gone.clone()));
    harness.state_mut().remember_recent(&kept);
    std::fs::remove_file(&gone).unwrap();
    menu(&mut harness, "File");
    menu(&mut harness, "Open Recent");
    let disabled =
        |name: &str| format!("{:?}", harness.get_by_label(name)).contains("disabled: true");
    assert!(disabled("gone"));
    assert!(!disabled("kept"));
    harness.get_by_label("gone: remove").click();
    harness.run();
    assert_eq!(harness.state().settings().recent, [kept]);
    if harness.query_by_label("Clear Recent").is_none() {
        menu(&mut harness, "File");
        menu(&mut harness, "Open Recent");
    }
    harness.get_by_label("Clear Recent").click();
    harness.run();
    assert!(harness.state().settings().recent.is_empty());
}

#[test]
fn select_all_from_the_menu_selects_the_field_with_the_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("感想").focus();
    harness.run();
    menu(&mut harness, "Edit");
    menu(&mut harness, "Select All Ctrl+A");
    harness.run();
    harness.event(Event::Text("全部".into()));
    harness.run();
    let day = common::harness::day(&harness, common::harness::date());
    assert_eq!(
        common::impressions(&day),
        "全部",
        "typing replaced the selection"
    );
}

#[test]
fn ctrl_t_opens_today() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::COMMAND, Key::T);
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day(today)
    );
}

#[test]
fn a_journal_changed_elsewhere_is_read_again_when_the_window_gets_focus() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    let mut theirs = common::small_journal();
    theirs.title = "他の端末で編集".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    store::save(&path, &theirs).unwrap();
    harness.event(Event::WindowFocused(true));
    harness.run();
    common::harness::finish_errands(&mut harness);
    assert_eq!(harness.state().journal().title, "他の端末で編集");
    harness.get_by_label_contains("changed on disk and was read again");
}

#[test]
fn with_unsaved_work_a_change_elsewhere_asks_once() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let (mut harness, _) = app(Start::Open(path.clone()));
    type_into(&mut harness, "感想", "。");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut elsewhere = common::small_journal();
    elsewhere.title = "他の端末".into();
    store::save(&path, &elsewhere).unwrap();
    harness.event(Event::WindowFocused(true));
    harness.run();
    harness.get_by_label("The file changed on disk");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness.event(Event::WindowFocused(true));
    harness.run();
    assert!(
        !harness.state().is_prompting(),
        "not asked again about the same change"
    );
}

#[test]
fn file_dialogs_speak_the_ui_language() {
    let (mut harness, dialogs) = app_on(common::small_journal());
    harness
        .state_mut()
        .set_language(studylog::ui::i18n::UiLanguage::Japanese);
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::O);
    let asked = dialogs.asked();
    assert_eq!(asked[0].title, "学習ログを開く");
    assert_eq!(asked[0].filter_name, "studylog の学習ログ");
}

/// A big journal named on the command line: its preview (newest day,
/// library, dates) is shown at once, input waits for the whole journal,
/// and then reaches it in order.
#[test]
fn a_big_journal_is_shown_at_once_and_input_waits_for_all_of_it() {
    use eframe::App as _;
    use studylog::session::Preload;

    let whole = common::small_journal();
    let mut preview = whole.clone();
    preview.title = "プレビュー".into();
    let (finish, finished) = std::sync::mpsc::channel::<()>();
    let (whole_at_end, preview_first) = (whole.clone(), preview.clone());
    let preload = Preload::spawn_with("big.studylog.ron".into(), move |_, first_look| {
        first_look(preview_first);
        finished.recv().ok();
        Ok(whole_at_end)
    });
    let read = studylog::ui::app::ReadAhead {
        preload,
        reading_for: studylog::ui::app::ReadFor::Start { last_used: false },
    };
    let (mut harness, _) = app(Start::Preloaded(Box::new(read)));
    assert!(harness.state().is_loading());
    assert_eq!(harness.state().journal(), &preview);
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day(common::harness::date())
    );

    // Typing while the preview is shown is held back, not lost.
    let ctx = harness.ctx.clone();
    // Where the pointer rested when the window opened (not a hover)...
    let mut rest = egui::RawInput {
        events: vec![Event::PointerMoved(egui::pos2(1.0, 1.0))],
        ..Default::default()
    };
    harness.state_mut().raw_input_hook(&ctx, &mut rest);
    assert!(rest.events.is_empty(), "a resting pointer is no hover");
    // ...then it moves, while a key is typed.
    let typed = Event::Text("。".into());
    let moved = Event::PointerMoved(egui::pos2(10.0, 10.0));
    let mut input = egui::RawInput {
        events: vec![typed.clone(), moved.clone()],
        ..Default::default()
    };
    harness.state_mut().raw_input_hook(&ctx, &mut input);
    assert_eq!(input.events, vec![moved], "only the pointer's moves pass");

    finish.send(()).unwrap();
    for _ in 0..200 {
        harness.run();
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!harness.state().is_loading());
    assert_eq!(harness.state().journal(), &whole);
    let mut next = egui::RawInput::default();
    harness.state_mut().raw_input_hook(&ctx, &mut next);
    assert_eq!(
        next.events,
        vec![typed],
        "what was typed reaches the journal"
    );
}

/// Another program writes the journal while it is being read at start: the
/// window notices when it gets the focus, instead of taking the file as the
/// one it read.
#[test]
fn a_change_made_while_the_journal_is_read_at_start_is_noticed() {
    use studylog::session::Preload;

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("j.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let mut theirs = common::small_journal();
    theirs.title = "他の端末で編集".into();
    let preload = Preload::spawn_with(path.clone(), move |path, _| {
        let ours = store::load(path);
        std::thread::sleep(std::time::Duration::from_millis(20));
        store::save(path, &theirs).unwrap();
        ours
    });
    let read = studylog::ui::app::ReadAhead {
        preload,
        reading_for: studylog::ui::app::ReadFor::Start { last_used: false },
    };
    let (mut harness, _) = app(Start::Preloaded(Box::new(read)));
    assert_eq!(harness.state().journal().title, "学習ログ");
    harness.event(Event::WindowFocused(true));
    harness.run();
    common::harness::finish_errands(&mut harness);
    assert_eq!(harness.state().journal().title, "他の端末で編集");
}

/// A big journal whose preview showed but whose whole text turns out not to
/// parse: the error is shown and the preview does not stay as if it were
/// the journal.
#[test]
fn a_journal_that_fails_after_its_preview_shows_the_error_not_the_preview() {
    use studylog::session::Preload;

    let mut preview = common::small_journal();
    preview.title = "プレビュー".into();
    let preload = Preload::spawn_with("broken.studylog.ron".into(), move |path, first_look| {
        first_look(preview);
        store::parse_journal(
            path,
            "(format_version: 2, days: {\"2024-01-01\": (sections: 3)})",
        )
    });
    let read = studylog::ui::app::ReadAhead {
        preload,
        reading_for: studylog::ui::app::ReadFor::Start { last_used: false },
    };
    let (mut harness, _) = app(Start::Preloaded(Box::new(read)));
    for _ in 0..200 {
        if !harness.state().is_loading() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.run();
    }
    assert!(!harness.state().is_loading());
    assert_ne!(harness.state().journal().title, "プレビュー");
    assert_eq!(harness.state().path(), None, "the bundled sample, untitled");
    harness.get_by_label_contains("broken.studylog.ron");
}

/// Open, Save As and Export start in the journal's folder, Save As and
/// Export with a name to keep.
#[test]
fn file_dialogs_start_in_the_journals_folder_with_a_name() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("読書記録.studylog.ron");
    store::save(&path, &common::small_journal()).unwrap();
    let (mut harness, dialogs) = app(Start::Open(path.clone()));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export This Day…").click();
    harness.run();
    let asked = dialogs.asked();
    assert_eq!(asked.len(), 3);
    for request in &asked {
        assert_eq!(
            request.folder.as_deref(),
            Some(folder.path()),
            "{}",
            request.title
        );
    }
    assert_eq!(asked[0].file_name, None, "Open names no file");
    assert_eq!(asked[1].file_name.as_deref(), Some("読書記録.studylog.ron"));
    assert_eq!(asked[2].file_name.as_deref(), Some("2025-03-10.md"));
}
