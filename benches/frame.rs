//! One UI frame of the real app on the generated 10-year journal, headless:
//! every book in the tree expanded, the longest day that has a grid open.
//! Reports CPU time per frame: egui's pass (layout, widgets, AccessKit tree
//! for the test harness) plus tessellation into triangles. Only GPU upload
//! and drawing are left out. Budget (docs/performance.md): < 2 ms median.
//!
//! Run with `cargo bench --bench frame`.

mod common;

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::generate;
use studylog::ui::dialogs::ScriptedDialogs;
use studylog::ui::{Start, StudylogApp};

fn main() {
    let journal = generate::generate(10, 1);
    // The day with a grid and the most text: the heaviest form to draw.
    let (date, _) = journal
        .days
        .iter()
        .filter(|(_, day)| day.grids().next().is_some())
        .max_by_key(|(_, day)| studylog::model::amount_written(day))
        .expect("a day with a grid");
    let date = *date;
    println!("journal: {}; day shown: {date}", journal.summary());

    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .build_eframe(move |cc| {
            StudylogApp::with_dialogs(
                cc,
                Start::Journal(Box::new(journal)),
                Box::new(ScriptedDialogs::default()),
            )
        });
    harness.run();
    harness
        .state_mut()
        .set_language(studylog::ui::i18n::UiLanguage::English);
    harness.run();
    harness.get_by_label("Expand All").click();
    harness.run();
    harness.state_mut().open_day(date);
    harness.run();

    let ctx = harness.ctx.clone();
    let mut pass = Vec::new();
    let mut tessellation = Vec::new();
    let mut frame = Vec::new();
    for i in 0..300 {
        // Move the pointer so each frame has input to handle, like a user's.
        harness.hover_at(egui::pos2(600.0 + (i % 50) as f32, 400.0));
        let start = Instant::now();
        harness.step();
        let after_pass = Instant::now();
        let output = harness.output();
        let shapes = output.shapes.clone();
        let ppp = output.pixels_per_point;
        let before_tessellation = Instant::now();
        let meshes = ctx.tessellate(shapes, ppp);
        let done = Instant::now();
        std::hint::black_box(meshes);
        pass.push(after_pass - start);
        tessellation.push(done - before_tessellation);
        frame.push((after_pass - start) + (done - before_tessellation));
    }
    report("egui pass (layout + widgets)", pass, None);
    report("tessellation", tessellation, None);
    let budget = Some(Duration::from_millis(2));
    report("one frame (pass + tessellation)", frame, budget);

    // The same frames as the window runs them: no AccessKit tree (egui builds
    // one only while a screen reader asks for it).
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 1000.0));
    let mut without = Vec::new();
    for i in 0..300 {
        let input = egui::RawInput {
            screen_rect: Some(screen),
            events: vec![egui::Event::PointerMoved(egui::pos2(
                600.0 + (i % 50) as f32,
                400.0,
            ))],
            ..Default::default()
        };
        let app = harness.state_mut();
        let start = Instant::now();
        let output = ctx.run_ui(input, |ui| eframe::App::ui(app, ui, &mut eframe_frame));
        let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
        without.push(start.elapsed());
        std::hint::black_box(meshes);
    }
    report(
        "one frame, no AccessKit (as in the window)",
        without,
        budget,
    );
}

fn report(name: &str, mut times: Vec<Duration>, budget: Option<Duration>) {
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[times.len() * 99 / 100];
    let verdict = match budget {
        Some(b) if median <= b => format!("(budget {} ms: ok)", b.as_millis()),
        Some(b) => format!("(budget {} ms: OVER BUDGET)", b.as_millis()),
        None => String::new(),
    };
    println!(
        "{name:<40} median {:>8.2} ms  p99 {:>8.2} ms  {verdict}",
        common::ms(median),
        common::ms(p99)
    );
}
