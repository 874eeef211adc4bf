//! What a screen reader is given, read from the AccessKit tree the app
//! builds (the tree Orca, NVDA and VoiceOver read through AccessKit): every
//! view, in English and in Japanese, names every control in words (never a
//! bare symbol); the window is named after the journal; the books tree is a
//! tree (level, place, open state, progress as its description); section
//! titles are headings with levels; a comparison grid is a table whose
//! cells know their row and column; list bullets are left out.
#![cfg(feature = "gui")]

mod common;

use common::harness::{app_on, press};
use egui::accessibility::is_input;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use studylog::ui::StudylogApp;

const BOOK: &str = "データ指向アプリケーションデザイン";

/// Controls a reader could not name: no name, or a name of symbols alone.
fn unnamed_controls(harness: &Harness<'_, StudylogApp>) -> Vec<String> {
    let wordless = |name: &str| !name.chars().any(char::is_alphanumeric);
    harness
        .query_all(By::new().predicate(move |node| {
            is_input(node.role()) && !node.is_hidden() && node.label().is_none_or(|n| wordless(&n))
        }))
        .map(|node| {
            format!(
                "{:?} {:?}",
                node.accesskit_node().role(),
                node.accesskit_node().label()
            )
        })
        .collect()
}

/// Each view in turn: the day, a book's page, a chapter, the calendar,
/// review, the week, search results, the shortcuts sheet and About.
fn visit_every_view(
    harness: &mut Harness<'_, StudylogApp>,
    mut check: impl FnMut(&str, &Harness<'_, StudylogApp>),
) {
    check("day", harness);
    harness.get_by_role_and_label(Role::TreeItem, BOOK).click();
    harness.run();
    check("book page", harness);
    harness
        .get_by_role_and_label(Role::Link, "5 章 レプリケーション")
        .click();
    harness.run();
    check("chapter", harness);
    for (name, modifiers, key) in [
        ("calendar", Modifiers::COMMAND | Modifiers::SHIFT, Key::C),
        ("review", Modifiers::COMMAND, Key::R),
        ("week", Modifiers::COMMAND | Modifiers::SHIFT, Key::R),
        ("shortcuts", Modifiers::NONE, Key::F1),
    ] {
        press(harness, modifiers, key);
        check(name, harness);
        press(harness, Modifiers::NONE, Key::Escape);
    }
    press(harness, Modifiers::COMMAND, Key::F);
    let search = harness
        .query_by_label("Search")
        .or_else(|| harness.query_by_label("検索"));
    search.expect("the search box").type_text("リーダー");
    for _ in 0..4 {
        harness.run();
    }
    check("search", harness);
    let (help, about) = match harness.query_by_label("Help") {
        Some(_) => ("Help", "About studylog"),
        None => ("ヘルプ", "studylog について"),
    };
    harness.get_by_label(help).click();
    harness.run();
    harness.get_by_label(about).click();
    harness.run();
    check("about", harness);
}

#[test]
fn every_control_of_every_view_has_a_name_in_words_in_both_languages() {
    for japanese in [false, true] {
        let (mut harness, _) = app_on(common::small_journal());
        if japanese {
            harness.get_by_label("Settings").click();
            harness.run();
            harness.get_by_label("日本語").click();
            harness.run();
        }
        let mut seen = 0;
        visit_every_view(&mut harness, |view, harness| {
            seen += 1;
            let controls = harness
                .query_all(By::new().predicate(|n| is_input(n.role())))
                .count();
            assert!(controls >= 20, "{view}: only {controls} controls seen");
            let bad = unnamed_controls(harness);
            assert!(bad.is_empty(), "{view} (japanese: {japanese}): {bad:#?}");
        });
        assert_eq!(seen, 9);
    }
}

#[test]
fn the_window_the_tree_and_the_headings_say_what_they_are() {
    let (mut harness, _) = app_on(common::small_journal());
    let window = harness.root().accesskit_node();
    assert_eq!(
        (window.role(), window.label().as_deref()),
        (Role::Window, Some("Untitled — studylog"))
    );
    for (title, level) in [
        ("2025年3月10日（月）", 1),
        ("取り組んだこと", 2),
        ("学んだこと", 2),
        ("5 章 レプリケーション", 4),
    ] {
        let heading = harness.get_by_role_and_label(Role::Heading, title);
        assert_eq!(heading.accesskit_node().level(), Some(level), "{title}");
    }
    let table = harness.get_by_role_and_label(Role::Table, "レプリケーションの方式");
    let cell = table
        .get_by_label("マルチリーダー × 競合の扱い")
        .accesskit_node();
    let place = (cell.data().row_index(), cell.data().column_index());
    assert_eq!(place, (Some(1), Some(1)));
    // The days are a tree too: a month, open, its days under it.
    let month = harness.get_by_role_and_label(Role::TreeItem, "2025-03");
    let node = month.accesskit_node();
    assert_eq!(
        (node.level(), node.data().is_expanded()),
        (Some(1), Some(true))
    );
    assert_eq!(node.description().as_deref(), Some("1 day"));
    let day = harness
        .get_by_role_and_label(Role::TreeItem, "2025-03-10")
        .accesskit_node();
    assert_eq!((day.level(), day.is_selected()), (Some(2), Some(true)));
    let book = harness.get_by_role_and_label(Role::TreeItem, BOOK);
    let node = book.accesskit_node();
    assert_eq!(node.level(), Some(1));
    assert_eq!(
        (node.position_in_set(), node.size_of_set()),
        (Some(1), Some(1))
    );
    assert_eq!(node.data().is_expanded(), Some(false));
    assert_eq!(node.description().as_deref(), Some("0/2 chapters done"));
    book.click();
    harness.run();
    let node = harness
        .get_by_role_and_label(Role::TreeItem, BOOK)
        .accesskit_node();
    assert_eq!(
        node.data().is_expanded(),
        Some(true),
        "clicking the title opened it"
    );
    assert_eq!(node.is_selected(), Some(true), "its page is shown");
    assert_eq!(
        node.toggled(),
        None,
        "read as selected, not as a pressed toggle"
    );
    let chapter = harness.get_by_role_and_label(Role::TreeItem, "○ 6 章 パーティショニング");
    let node = chapter.accesskit_node();
    assert_eq!(
        (node.level(), node.position_in_set(), node.size_of_set()),
        (Some(2), Some(2), Some(2))
    );
    assert_eq!(node.description().as_deref(), Some("Not started"));
    let bullets = harness
        .query_all(By::new().predicate(|n| n.value().as_deref() == Some("•") && !n.is_hidden()));
    assert_eq!(bullets.count(), 0, "a bullet is decoration, not read");
}

/// View ▸ High Contrast turns every theme black on white or white on
/// black and is remembered; zoom reaches 300 %.
#[test]
fn high_contrast_is_a_view_setting_and_zoom_reaches_three_hundred_percent() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("High Contrast").click();
    harness.run();
    assert!(harness.state().settings().high_contrast);
    for theme in [egui::Theme::Dark, egui::Theme::Light] {
        let visuals = &harness.ctx.style_of(theme).visuals;
        let (ink, paper) = (visuals.override_text_color, visuals.panel_fill);
        let black_and_white = matches!(
            (ink, paper),
            (Some(egui::Color32::WHITE), egui::Color32::BLACK)
                | (Some(egui::Color32::BLACK), egui::Color32::WHITE)
        );
        assert!(black_and_white, "{theme:?}: {ink:?} on {paper:?}");
    }
    for _ in 0..12 {
        press(&mut harness, Modifiers::COMMAND, Key::Plus);
    }
    assert_eq!(harness.state().zoom_factor(), 3.0);
}

/// The books tree by keyboard alone: Right opens a book, Down moves to its
/// chapters, F2 renames (Enter keeps the name), Delete asks, Left closes.
#[test]
fn the_books_tree_works_by_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_role_and_label(Role::TreeItem, BOOK).focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    let chapter = "○ 5 章 レプリケーション";
    harness.get_by_role_and_label(Role::TreeItem, chapter);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(
        harness
            .get_by_role_and_label(Role::TreeItem, chapter)
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::F2);
    let field = harness.get_by_role_and_label(Role::TextInput, "New name");
    assert!(field.is_focused(), "the name takes the keyboard");
    harness
        .get_by_role_and_label(Role::TextInput, "New name")
        .type_text(" 改");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let chapters = &harness.state().journal().books[0].chapters;
    assert_eq!(chapters[0].label, "5 章 レプリケーション 改");
    harness
        .get_by_role_and_label(Role::TreeItem, "○ 5 章 レプリケーション 改")
        .focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    assert!(
        harness
            .get_by_role_and_label(Role::TreeItem, BOOK)
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::Delete);
    harness.get_by_label("Delete");
    assert!(
        harness.get_by_label("Cancel").is_focused(),
        "a deletion starts on Cancel"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().journal().books.len(), 1, "only asked");
    harness.get_by_role_and_label(Role::TreeItem, BOOK).focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft);
    assert!(harness.query_by_label(chapter).is_none(), "closed");
}

/// F6 takes the keyboard from pane to pane (search, books, the day's form)
/// and Ctrl+1…9 to a section's title, from where Tab goes into it.
#[test]
fn f6_cycles_the_panes_and_ctrl_digits_jump_to_sections() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "Search")
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert!(
        harness
            .get_by_role_and_label(Role::TreeItem, BOOK)
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::F6);
    assert!(
        harness
            .get_by_role_and_label(Role::Heading, "取り組んだこと")
            .is_focused()
    );
    press(&mut harness, Modifiers::COMMAND, Key::Num3);
    assert!(
        harness
            .get_by_role_and_label(Role::Heading, "わからなかったこと")
            .is_focused()
    );
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let question = harness.get_by_role_and_label(Role::TextInput, "わからなかったこと 1");
    assert!(question.is_focused(), "Tab goes on into the section");
}

/// A list by keyboard: Alt+↑ moves the item up with the keyboard on it,
/// one Undo puts it back; Ctrl+Backspace on an empty item removes it.
#[test]
fn list_items_move_and_go_by_keyboard() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    common::harness::type_into(&mut harness, "次やること 2", "8 章");
    press(&mut harness, Modifiers::ALT, Key::ArrowUp);
    let next = |h: &Harness<'_, StudylogApp>| {
        common::next_items(&common::harness::day(h, common::harness::date()))
            .into_iter()
            .map(|(text, _)| text)
            .collect::<Vec<_>>()
    };
    assert_eq!(next(&harness), ["8 章", "7 章を読む"]);
    assert!(
        harness.get_by_label("次やること 1").is_focused(),
        "the keyboard went with it"
    );
    // The caret went with it too: typing goes on at the end of "8 章".
    harness.get_by_label("次やること 1").type_text("まで");
    harness.run();
    assert_eq!(next(&harness), ["8 章まで", "7 章を読む"]);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(next(&harness), ["8 章", "7 章を読む"], "Undo: the typing");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(next(&harness), ["7 章を読む", "8 章"]);
    harness.get_by_label("次やること: add").click();
    harness.run();
    harness.get_by_label("次やること 3").focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Backspace);
    assert_eq!(
        next(&harness),
        ["7 章を読む", "8 章"],
        "the empty item is gone"
    );
    assert!(harness.get_by_label("次やること 2").is_focused());
}

/// Characters no bundled font has (Hangul, simplified Chinese, Arabic, a
/// math sign) come from the system's fonts once the user acts: written in a
/// note, they are laid out (a glyph no font had would fail the test) and
/// kept. Needs a system font with them (CI installs fonts-droid-fallback
/// and fonts-dejavu-core).
#[test]
fn letters_of_every_language_are_drawn_from_the_systems_fonts() {
    let (mut harness, _) = app_on(common::small_journal());
    let notes = harness.get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション");
    notes.focus();
    harness.run();
    let text = "안녕하세요 们这 مرحبا ∮";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "5 章 レプリケーション")
        .type_text(text);
    for _ in 0..3 {
        harness.run();
    }
    let day = common::harness::day(&harness, common::harness::date());
    let written = match &common::first_notes(&day).blocks[0] {
        studylog::model::Block::Text(note) => note.clone(),
        other => panic!("{other:?}"),
    };
    assert!(written.contains(text), "{written}");
}

/// The calendar by keyboard: arrows move between its days (→ the next day,
/// ↓ the same weekday a week on), Enter opens the day.
#[test]
fn the_calendar_moves_by_arrows_and_enter_opens_a_day() {
    let (mut harness, _) = app_on(common::small_journal());
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    harness.get_by_label("calendar 2025-03-10").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::ArrowRight);
    assert!(harness.get_by_label("calendar 2025-03-11").is_focused());
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    assert!(harness.get_by_label("calendar 2025-03-18").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert_eq!(
        harness.state().view(),
        studylog::ui::action::View::Day("2025-03-18".parse().unwrap())
    );
}

/// A question starts with the keyboard on its safe choice: "Save changes?"
/// on Cancel, so Enter keeps the work and the window as they were.
#[test]
fn a_question_starts_on_its_safe_choice() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("次やること: add").click();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::N);
    harness.get_by_label("Save changes?");
    assert!(harness.get_by_label("Cancel").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(!harness.state().is_prompting());
    assert!(harness.state().is_dirty(), "the work is still there");
}

/// No keyboard trap: in a notes editor Tab indents a list, and Ctrl+Tab
/// still takes the keyboard on to the next control.
#[test]
fn ctrl_tab_leaves_a_field_where_tab_indents() {
    let (mut harness, _) = app_on(common::small_journal());
    let notes = "5 章 レプリケーション";
    harness
        .get_by_role_and_label(Role::MultilineTextInput, notes)
        .focus();
    harness.run();
    press(&mut harness, Modifiers::COMMAND, Key::Tab);
    harness.run();
    assert!(
        !harness
            .get_by_role_and_label(Role::MultilineTextInput, notes)
            .is_focused()
    );
    let focused = harness
        .query_all(By::new().predicate(|n| n.is_focused()))
        .count();
    assert_eq!(focused, 1, "the keyboard went on to another control");
}

/// Esc takes the keyboard from a field; Tab then goes on to the control
/// after that field (and Shift+Tab to the one before it), not back to the
/// top of the window.
#[test]
fn tab_after_esc_goes_on_from_the_field_left() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.get_by_label("Grid title").focus();
    harness.run();
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(!harness.get_by_label("Grid title").is_focused());
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(
        harness.get_by_label("Sort").is_focused(),
        "Tab after Esc reaches the control after the grid's title"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert!(harness.get_by_label("Grid title").is_focused());
}

/// At first start (no theme chosen) the window follows the system's light
/// or dark preference, in studylog's own AA colours, and changes with it.
#[test]
fn the_theme_follows_the_system_until_one_is_chosen() {
    let (mut harness, _) = app_on(common::small_journal());
    harness.ctx.set_theme(egui::ThemePreference::System);
    for (system, dark) in [(egui::Theme::Light, false), (egui::Theme::Dark, true)] {
        harness.input_mut().system_theme = Some(system);
        harness.run();
        let visuals = harness.ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, dark, "the system says {system:?}");
        let ours = studylog::ui::theme::visuals(dark, false);
        assert_eq!(
            (visuals.panel_fill, visuals.text_color(), visuals.selection),
            (ours.panel_fill, ours.text_color(), ours.selection),
            "studylog's AA colours for {system:?}"
        );
    }
}

/// The system's scale (2× on a high-density screen) is kept: the app's zoom
/// multiplies it and never replaces it.
#[test]
fn the_systems_scale_is_kept() {
    let mut harness = Harness::builder()
        .with_size([1280.0, 1000.0])
        .with_pixels_per_point(2.0)
        .build_eframe(|cc| {
            StudylogApp::with_dialogs(
                cc,
                studylog::ui::Start::Journal(Box::new(common::small_journal())),
                Box::new(common::harness::Dialogs::default()),
            )
        });
    harness.run();
    assert_eq!(harness.ctx.pixels_per_point(), 2.0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    let scale = harness.ctx.pixels_per_point();
    assert!(scale > 2.0 && scale < 2.5, "zoomed in from 2×: {scale}");
}
