//! Nothing runs off the window's right edge: at every width from 800 px and
//! at 200 % zoom, every button of a busy day (carried tasks, questions, an
//! answer being written, a grid) lies whole inside the window, text fields
//! shrinking to leave the buttons their room.
#![cfg(feature = "gui")]

mod common;

use common::harness::date;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use studylog::ui::dialogs::ScriptedDialogs;
use studylog::ui::i18n::UiLanguage;
use studylog::ui::{Start, StudylogApp};

/// The app at `width` × 800 px and `zoom`, on today's log started from the
/// small journal (so 次やること carries items over), with a question's
/// Resolve form open.
fn busy_day(width: f32, zoom: f32, lang: UiLanguage) -> Harness<'static, StudylogApp> {
    let journal = common::small_journal();
    let mut harness = Harness::builder()
        .with_size([width, 800.0])
        .build_eframe(move |cc| {
            let dialogs = Box::new(ScriptedDialogs::default());
            let mut app = StudylogApp::with_dialogs(cc, Start::Journal(Box::new(journal)), dialogs);
            app.set_language(lang);
            app
        });
    harness.ctx.set_zoom_factor(zoom);
    harness.run();
    harness
}

/// Buttons whose right edge is past the window's (at this zoom).
fn cut_off(harness: &Harness<'_, StudylogApp>, width: f32) -> Vec<String> {
    let right = width / harness.ctx.zoom_factor();
    harness
        .query_all_by_role(Role::Button)
        .filter(|b| b.rect().max.x > right + 0.5)
        .map(|b| format!("{:?} at {:?}", b.accesskit_node().label(), b.rect()))
        .collect()
}

#[test]
fn every_button_of_a_busy_day_fits_the_window() {
    for lang in [UiLanguage::Japanese, UiLanguage::English] {
        for (width, zoom) in [
            (800.0, 1.0),
            (1024.0, 1.0),
            (1280.0, 1.0),
            (1280.0, 2.0),
            (1600.0, 2.0),
        ] {
            let mut harness = busy_day(width, zoom, lang);
            harness.state_mut().open_day(date());
            harness.run();
            let off = cut_off(&harness, width);
            assert!(off.is_empty(), "{width} px at {zoom}x ({lang:?}): {off:#?}");
            // Today: 次やること carried over (each with "← 03/10"), and the
            // earlier day's open question with its Resolve form open.
            common::harness::press(&mut harness, egui::Modifiers::COMMAND, egui::Key::T);
            let resolve = lang.pick("を解決する", " resolve");
            harness.get_by_label_contains(resolve).click();
            harness.run();
            harness.get_by_label_contains("← 03/10");
            let off = cut_off(&harness, width);
            assert!(
                off.is_empty(),
                "today, {width} px at {zoom}x ({lang:?}): {off:#?}"
            );
        }
    }
}

/// At 300 % (and 50 %) zoom on a 1280 px window, with the side panel put
/// away (F9) at 300 %, every button of the day still fits the window.
#[test]
fn at_three_hundred_percent_the_day_fits_without_the_side_panel() {
    for (zoom, hide_panel) in [(3.0, true), (0.5, false)] {
        let mut harness = busy_day(1280.0, zoom, UiLanguage::Japanese);
        if hide_panel {
            common::harness::press(&mut harness, egui::Modifiers::NONE, egui::Key::F9);
            assert!(
                harness.query_by_label("復習").is_none(),
                "the side panel is away"
            );
        }
        harness.state_mut().open_day(date());
        harness.run();
        let off = cut_off(&harness, 1280.0);
        assert!(off.is_empty(), "{zoom}x: {off:#?}");
    }
}

/// At 300 % (side panel away) and at 50 %, no two controls of the day lie
/// over each other: every button, field and link has its own room.
#[test]
fn at_any_zoom_no_two_controls_overlap() {
    for (zoom, hide_panel) in [(3.0, true), (2.0, false), (0.5, false)] {
        let mut harness = busy_day(1280.0, zoom, UiLanguage::English);
        if hide_panel {
            common::harness::press(&mut harness, egui::Modifiers::NONE, egui::Key::F9);
        }
        harness.state_mut().open_day(date());
        harness.run();
        let controls: Vec<(String, egui::Rect)> = harness
            .query_all(
                egui_kittest::kittest::By::new()
                    .predicate(|n| egui::accessibility::is_input(n.role()) && !n.is_hidden()),
            )
            .map(|n| (format!("{:?}", n.accesskit_node().label()), n.rect()))
            .filter(|(_, r)| r.width() > 0.0 && r.height() > 0.0)
            .collect();
        assert!(
            controls.len() > 20,
            "{zoom}x: only {} controls",
            controls.len()
        );
        let mut overlaps = Vec::new();
        for (i, (a, ra)) in controls.iter().enumerate() {
            for (b, rb) in &controls[i + 1..] {
                let common = ra.intersect(*rb);
                if common.width() > 1.0 && common.height() > 1.0 {
                    overlaps.push(format!("{a} {ra:?} / {b} {rb:?}"));
                }
            }
        }
        assert!(overlaps.is_empty(), "{zoom}x: {overlaps:#?}");
    }
}
