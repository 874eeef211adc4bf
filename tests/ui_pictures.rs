//! Pictures in notes, driven through the window: pasted from the clipboard,
//! dropped on a notes editor, chosen with Insert ▸ Image…; each copied
//! beside the journal under a content name and named in the note at the
//! caret as one undo step; drawn under the note at its own size (never
//! wider); a missing one is a placeholder naming the file; a journal not
//! yet saved says to save it first and changes nothing.
#![cfg(feature = "gui")]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::harness::{app_on, app_with_workers as app, date, day, press};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::model::Block;
use studylog::store;
use studylog::ui::{Start, StudylogApp};

const NOTES: &str = "5 章 レプリケーション";

fn saved_journal(dir: &Path, impressions: &str) -> PathBuf {
    let mut journal = common::small_journal();
    let day = journal.days.get_mut(&date()).unwrap();
    common::set_impressions(day, impressions);
    let path = dir.join("my-study.studylog.ron");
    store::save(&path, &journal).unwrap();
    path
}

fn png_file(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
    let image = image::RgbaImage::from_pixel(width, height, image::Rgba([20, 120, 220, 255]));
    let path = dir.join(name);
    image.save(&path).unwrap();
    path
}

fn chapter_text(harness: &Harness<'_, StudylogApp>) -> String {
    match &common::first_notes(&day(harness, date())).blocks[0] {
        Block::Text(text) => text.clone(),
        other => panic!("{other:?}"),
    }
}

fn wait(harness: &mut Harness<'_, StudylogApp>) {
    harness.state_mut().finish_errands();
    harness.run();
    harness.state_mut().finish_pictures();
    harness.run();
}

fn focus_notes(harness: &mut Harness<'_, StudylogApp>) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, NOTES)
        .focus();
    harness.run();
}

/// The one picture the window shows, by its alt text: its size on screen.
fn shown_picture(harness: &Harness<'_, StudylogApp>) -> egui::Rect {
    let node = harness.get_by_role(Role::Image);
    node.rect()
}

#[test]
fn a_pasted_screenshot_is_stored_beside_the_journal_and_shown_under_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let (mut harness, _) = app(Start::Open(path.clone()));
    focus_notes(&mut harness);
    let before = chapter_text(&harness);
    let image = egui::ColorImage::filled([300, 200], egui::Color32::from_rgb(200, 30, 30));
    harness.event(egui::Event::PasteImage(Arc::new(image)));
    harness.run();
    wait(&mut harness);
    let stored = store::stored_pictures(&path);
    assert_eq!(stored.len(), 1, "{stored:?}");
    let (link, _) = &stored[0];
    assert!(link.starts_with("my-study.studylog.assets/") && link.ends_with(".png"));
    let text = chapter_text(&harness);
    assert!(text.contains(&format!("![]({link})")), "{text}");
    let rect = shown_picture(&harness);
    assert_eq!(
        (rect.width(), rect.height()),
        (300.0, 200.0),
        "drawn at its own size"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(chapter_text(&harness), before, "one undo takes it back");
}

#[test]
fn a_picture_dropped_on_a_note_goes_into_that_note_and_is_never_wider_than_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let wide = png_file(dir.path(), "wide.png", 4000, 1000);
    let (mut harness, _) = app(Start::Open(path.clone()));
    let over = harness
        .get_by_role_and_label(Role::MultilineTextInput, NOTES)
        .rect()
        .center();
    harness.hover_at(over);
    let file: egui::DroppedFileHandle = Arc::new(common::harness::FileOnDisk(wide));
    harness.input_mut().dropped_files.push(file);
    harness.run();
    wait(&mut harness);
    let text = chapter_text(&harness);
    assert!(text.contains("![](my-study.studylog.assets/"), "{text}");
    let rect = shown_picture(&harness);
    assert!(rect.width() < 1280.0, "scaled to the column: {rect:?}");
    assert!(
        (rect.width() / rect.height() - 4.0).abs() < 0.05,
        "{rect:?}"
    );
}

#[test]
fn insert_image_asks_for_a_picture_for_the_note_with_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let picture = png_file(dir.path(), "diagram.png", 64, 32);
    let (mut harness, dialogs) = app(Start::Open(path.clone()));
    focus_notes(&mut harness);
    dialogs.answer(Some(picture));
    harness.get_by_label("Insert").click();
    harness.run();
    harness.get_by_label("Image…").click();
    harness.run();
    wait(&mut harness);
    let asked = dialogs.asked();
    assert_eq!(
        asked.last().unwrap().kind,
        studylog::ui::dialogs::FileKind::Picture
    );
    let text = chapter_text(&harness);
    assert!(text.contains("![](my-study.studylog.assets/"), "{text}");
    let rect = shown_picture(&harness);
    assert_eq!((rect.width(), rect.height()), (64.0, 32.0));
}

#[test]
fn a_missing_picture_is_a_placeholder_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(
        dir.path(),
        "図:\n![構成](images/gone.png)\n![web](https://example.com/a.png)",
    );
    let (mut harness, _) = app(Start::Open(path));
    wait(&mut harness);
    harness.get_by_label_contains("gone.png: no such picture");
    harness.get_by_label("https://example.com/a.png");
}

#[test]
fn an_unsaved_journal_asks_to_be_saved_first_and_its_note_is_unchanged() {
    let (mut harness, _) = app_on(common::small_journal());
    focus_notes(&mut harness);
    let before = chapter_text(&harness);
    let image = egui::ColorImage::filled([10, 10], egui::Color32::WHITE);
    harness.event(egui::Event::PasteImage(Arc::new(image)));
    harness.run();
    harness.get_by_label_contains("save the journal first");
    assert_eq!(chapter_text(&harness), before);
}

#[test]
fn a_file_that_is_not_a_picture_is_refused_by_name_and_the_note_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let fake = dir.path().join("fake.png");
    std::fs::write(&fake, "just text").unwrap();
    let (mut harness, dialogs) = app(Start::Open(path.clone()));
    focus_notes(&mut harness);
    let before = chapter_text(&harness);
    dialogs.answer(Some(fake));
    harness.get_by_label("Insert").click();
    harness.run();
    harness.get_by_label("Image…").click();
    harness.run();
    wait(&mut harness);
    harness.get_by_label_contains("fake.png: not a PNG, JPEG, GIF, WebP or SVG picture");
    assert_eq!(chapter_text(&harness), before);
    assert!(store::stored_pictures(&path).is_empty());
}

#[test]
fn the_chapter_view_shows_a_notes_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let picture = png_file(dir.path(), "diagram.png", 120, 60);
    let mut journal = store::load(&path).unwrap();
    let link = store::add_picture_file(&path, &picture).unwrap();
    let notes = common::first_notes_mut(journal.days.get_mut(&date()).unwrap());
    notes.blocks[0] = Block::Text(format!("- 図\n\n![図]({link})"));
    store::save(&path, &journal).unwrap();
    let (mut harness, _) = app(Start::Open(path));
    common::harness::open_first_chapter(&mut harness);
    wait(&mut harness);
    let shown: Vec<_> = harness.query_all_by_role(Role::Image).collect();
    assert!(!shown.is_empty(), "shown in the chapter view");
    assert!(shown.iter().all(|n| n.rect().width() == 120.0));
}

/// File ▸ Import Markdown… into a saved journal: the preview copies
/// nothing; Import copies the pictures the log names beside the journal and
/// points its links there. A search for the picture's line shows it.
#[test]
fn a_log_imported_in_the_window_brings_its_pictures_and_search_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_journal(dir.path(), "");
    let logs = dir.path().join("logs");
    std::fs::create_dir_all(logs.join("images")).unwrap();
    png_file(&logs.join("images"), "console.png", 160, 90);
    let log = logs.join("2025-04-01.md");
    std::fs::write(
        &log,
        "# 2025-04-01\n\n## 感想\n\nECS のコンソール\n\n![コンソール](images/console.png)\n",
    )
    .unwrap();
    let (mut harness, dialogs) = app(Start::Open(path.clone()));
    dialogs.answer(Some(log));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import Markdown…").click();
    harness.run();
    common::harness::finish_errands(&mut harness);
    assert!(
        store::stored_pictures(&path).is_empty(),
        "the preview copies nothing"
    );
    harness.get_by_label("Import").click();
    harness.run();
    common::harness::finish_errands(&mut harness);
    let stored = store::stored_pictures(&path);
    assert_eq!(stored.len(), 1, "{stored:?}");
    let impressions = common::impressions(&day(&harness, "2025-04-01".parse().unwrap())).to_owned();
    assert!(
        impressions.contains(&format!("![コンソール]({})", stored[0].0)),
        "{impressions}"
    );
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Search").type_text("コンソール");
    for _ in 0..4 {
        harness.run();
    }
    wait(&mut harness);
    let heights: Vec<f32> = harness
        .query_all(
            egui_kittest::kittest::By::new()
                .role(Role::Image)
                .label("コンソール"),
        )
        .map(|n| n.rect().height())
        .collect();
    // In the day (its own 90 px) and beside the hit, as small as the row.
    assert!(heights.contains(&90.0), "{heights:?}");
    assert!(heights.iter().any(|h| *h < 60.0), "{heights:?}");
}
