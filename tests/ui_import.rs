//! Importing logs in the window: File → Import Markdown… and logs dropped
//! on the window show what was found before anything changes; Import adds
//! the days (one undo takes them back), Cancel leaves the journal alone; a
//! day from a log without some template sections offers to add them.
#![cfg(feature = "gui")]

mod common;

use std::path::Path;

use chrono::NaiveDate;
use common::harness::{app_on, finish_errands, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use studylog::model::{Journal, Language, Section};

const NIPPO: &str = "# 2023/10/12日報\n\n## 本日の作業\n- 『Webを支える技術』 5章\n\n## 感じたこと\nURIの設計は奥が深い。\n\n# 2023/10/13日報\n\n## 本日の作業\n- 6章\n";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// File → Import Markdown… (the dialog answers with the log queued).
fn open_import_preview(harness: &mut egui_kittest::Harness<'_, studylog::ui::StudylogApp>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import Markdown…").click();
    harness.run();
    finish_errands(harness);
}

#[test]
fn import_from_the_menu_shows_what_was_found_and_changes_nothing_until_import() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "nippo.md", NIPPO);
    let (mut harness, dialogs) = app_on(Journal::new("", Language::Ja));
    dialogs.answer(Some(log));
    open_import_preview(&mut harness);

    harness.get_by_label("2 days (2023-10-12 – 2023-10-13)");
    harness.get_by_label_contains("Sections recognised: What I worked on 2, Impressions 1");
    assert!(harness.state().journal().days.is_empty(), "nothing yet");
    assert!(
        harness
            .query_by_label_contains("Reading the logs")
            .is_none(),
        "the notice shown while the logs were read is gone"
    );

    harness.get_by_label("Import").click();
    harness.run();
    let journal = harness.state().journal();
    assert_eq!(
        journal.days.keys().copied().collect::<Vec<_>>(),
        [date("2023-10-12"), date("2023-10-13")]
    );
    harness.get_by_label_contains("Imported 2 days");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        harness.state().journal().days.is_empty(),
        "one undo takes the import back"
    );
}

#[test]
fn cancel_leaves_the_journal_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "nippo.md", NIPPO);
    let (mut harness, dialogs) = app_on(common::small_journal());
    let before = harness.state().journal().clone();
    dialogs.answer(Some(log));
    open_import_preview(&mut harness);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().journal(), &before);
    assert!(!harness.state().is_dirty());
}

#[test]
fn dropped_logs_are_previewed_with_the_ones_refused_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let dated = write(dir.path(), "nippo.md", NIPPO);
    let dateless = write(dir.path(), "ideas.md", "# Ideas\n\n- a blog\n");
    let (mut harness, _) = app_on(Journal::new("", Language::Ja));
    for path in [dated, dateless] {
        let file: egui::DroppedFileHandle = std::sync::Arc::new(common::harness::FileOnDisk(path));
        harness.input_mut().dropped_files.push(file);
    }
    harness.run();
    finish_errands(&mut harness);
    harness.get_by_label("2 days (2023-10-12 – 2023-10-13)");
    harness.get_by_label_contains("ideas.md: no date found; give --date YYYY-MM-DD");
    harness.get_by_label("Import").click();
    harness.run();
    assert_eq!(harness.state().journal().days.len(), 2);
}

#[test]
fn a_day_without_a_template_section_offers_to_add_it() {
    let mut journal = Journal::new("", Language::Ja);
    let options = studylog::markdown::ImportOptions::default();
    studylog::markdown::import(&mut journal, NIPPO, &options).unwrap();
    let (mut harness, _) = app_on(journal);
    let day = date("2023-10-12");
    harness.state_mut().open_day(day);
    harness.run();
    harness.get_by_label("+ 次やること").click();
    harness.run();
    let sections = &harness.state().journal().days[&day].sections;
    let next = sections
        .iter()
        .position(|s| s.kind() == Some(Section::Next));
    assert_eq!(
        next,
        Some(1),
        "after 本日の作業, before 感じたこと: {sections:#?}"
    );
    assert!(harness.query_by_label("+ 次やること").is_none());
}

/// The window reads logs as `studylog import` does: a folder with two logs
/// of one date gives one day with both, said in the preview.
#[test]
fn a_dropped_folder_with_two_logs_of_one_date_joins_them_into_one_day() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("blog");
    std::fs::create_dir(&blog).unwrap();
    write(&blog, "2025-12-31.md", "## 今日やったこと\n\n- 大掃除\n");
    write(
        &blog,
        "monthly.md",
        "---\ndate: 2025-12-31\n---\n## 今日やったこと\n\n- 12 月の振り返り\n",
    );
    let (mut harness, _) = app_on(Journal::new("", Language::En));
    let file: egui::DroppedFileHandle = std::sync::Arc::new(common::harness::FileOnDisk(blog));
    harness.input_mut().dropped_files.push(file);
    harness.run();
    finish_errands(&mut harness);
    harness.get_by_label("Logs of the same date are joined into one day: 1 date.");
    harness.get_by_label("Import").click();
    harness.run();
    let day = &harness.state().journal().days[&date("2025-12-31")];
    let items: Vec<&str> = day
        .work_items()
        .map(|(_, _, item)| match item {
            studylog::model::WorkItem::Text { text, .. } => text.as_str(),
            studylog::model::WorkItem::Book(_) => "",
        })
        .collect();
    assert_eq!(items, ["大掃除", "12 月の振り返り"]);
}

/// An import's report belongs to the journal it was made in: opening
/// another journal takes it away.
#[test]
fn an_import_notice_goes_with_its_journal() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "nippo.md", NIPPO);
    let other = dir.path().join("other.studylog.ron");
    studylog::store::save(&other, &Journal::new("別の記録", Language::Ja)).unwrap();
    let (mut harness, dialogs) = app_on(Journal::new("", Language::Ja));
    dialogs.answer(Some(log));
    open_import_preview(&mut harness);
    harness.get_by_label("Import").click();
    harness.run();
    harness.get_by_label_contains("Imported 2 days");
    dialogs.answer(Some(other));
    press(&mut harness, Modifiers::COMMAND, Key::O);
    harness.get_by_label("Don't Save").click();
    harness.run();
    finish_errands(&mut harness);
    assert_eq!(harness.state().journal().title, "別の記録");
    assert!(harness.query_by_label_contains("Imported 2 days").is_none());
}

/// Into a saved journal, Import reads the logs again on a worker (copying
/// their pictures); what is typed meanwhile is kept, the import joining it.
#[test]
fn what_is_typed_while_an_import_runs_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let log = write(dir.path(), "nippo.md", NIPPO);
    let file = dir.path().join("journal.studylog.ron");
    studylog::store::save(&file, &common::small_journal()).unwrap();
    let (mut harness, dialogs) = common::harness::app(studylog::ui::Start::Open(file));
    dialogs.answer(Some(log));
    open_import_preview(&mut harness);
    harness.get_by_label("Import").click();
    harness.run();
    // The import is on its way; the user goes on writing.
    harness.state_mut().open_day(common::harness::date());
    harness.run();
    common::harness::type_into(&mut harness, "わからなかったこと 1", "と復習");
    finish_errands(&mut harness);
    finish_errands(&mut harness);
    let journal = harness.state().journal();
    assert!(
        journal.days.contains_key(&date("2023-10-12")),
        "the import is in"
    );
    let typed = format!("{:?}", journal.days[&common::harness::date()]);
    assert!(typed.contains("と復習"), "the typing is kept: {typed}");
}
