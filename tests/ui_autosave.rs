//! Unsaved work reaches the recovery file while the user works: a steady
//! typist who never pauses is written every delay (a throttle, not a
//! debounce), and a window that is covered or minimized, which eframe no
//! longer draws, still writes it (eframe runs `App::logic` while hidden).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use studylog::store;
use studylog::ui::Start;

use common::harness::{app_with_recovery_after, date};

fn recovery_files(recovery: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(recovery) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".recovery.ron"))
        .collect()
}

/// The 感想 of the day the recovery file holds.
fn recovered_impressions(recovery: &Path) -> Option<String> {
    let file = recovery_files(recovery).into_iter().next()?;
    let recovered = store::read_recovery_file(&file).ok()?;
    let day = &recovered.journal.days[&date()];
    Some(common::impressions(day).to_owned())
}

#[test]
fn a_steady_typist_is_written_while_still_typing() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let delay = Duration::from_millis(300);
    let start = Start::Journal(Box::new(common::small_journal()));
    let (mut harness, _) = app_with_recovery_after(start, &recovery, delay);
    harness.get_by_label("感想").focus();
    harness.run();
    let typing = Instant::now();
    let mut written_while_typing = None;
    // A key every 60 ms for 1.5 s: never a pause as long as the delay.
    for key in 0..25 {
        harness.get_by_label("感想").type_text("あ");
        harness.run();
        harness.state_mut().finish_autosave();
        if written_while_typing.is_none()
            && let Some(text) = recovered_impressions(&recovery)
        {
            written_while_typing = Some((key, text, typing.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(60));
    }
    let (key, text, after) = written_while_typing.expect("written before the typing stopped");
    assert!(key < 20, "written at key {key}, {after:?} after the first");
    assert!(text.ends_with('あ'), "{text}");
}

#[test]
fn a_covered_window_still_writes_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let delay = Duration::from_millis(200);
    let start = Start::Journal(Box::new(common::small_journal()));
    let (mut harness, _) = app_with_recovery_after(start, &recovery, delay);
    harness.get_by_label("感想").focus();
    harness.run();
    harness.get_by_label("感想").type_text("見えない");
    harness.run();
    assert!(
        recovery_files(&recovery).is_empty(),
        "not yet: the delay runs"
    );
    // Covered from here: eframe draws no frame, it only runs the app's logic.
    std::thread::sleep(delay + Duration::from_millis(50));
    harness.state_mut().run_logic();
    harness.state_mut().finish_autosave();
    let text = recovered_impressions(&recovery).expect("the work went aside");
    assert!(text.ends_with("見えない"), "{text}");
}
