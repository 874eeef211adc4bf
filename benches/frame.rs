//! One UI frame of the real app on the generated 10-year journal, headless:
//! every book in the tree expanded, the longest day that has a grid open.
//! Reports CPU time per frame: egui's pass (layout, widgets, AccessKit tree
//! for the test harness) plus tessellation into triangles. Only GPU upload
//! and drawing are left out. Budget (docs/performance.md): < 2 ms median.
//!
//! Run with `cargo bench --bench frame`.

mod common;

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use studylog::generate;
use studylog::ui::dialogs::ScriptedDialogs;
use studylog::ui::{Start, StudylogApp};

fn main() {
    if std::env::var("FRAME_BENCH_PICTURES").is_ok() {
        a_day_of_screenshots();
        return;
    }
    if std::env::var("FRAME_BENCH_MILLION").is_ok() {
        scrolling_a_million_lines();
        return;
    }
    // FRAME_BENCH_LINES=40000 times only typing in a bulleted note of that
    // many lines (for profiling).
    if let Some(lines) = std::env::var("FRAME_BENCH_LINES")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        let name = format!("one keystroke in a {lines}-line bulleted note");
        typing_in(
            &name,
            bulleted_note(lines),
            60,
            Some(Duration::from_millis(16)),
        );
        return;
    }
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
        without.push(timed_frame(&ctx, &mut harness, &mut eframe_frame, input));
    }
    report(
        "one frame, no AccessKit (as in the window)",
        without,
        budget,
    );
    typing_in_a_long_note();
}

/// A note of 300 lines (lists, code, headings, links): one Markdown
/// highlighting + layout per keystroke, as the editor re-draws it.
fn mixed_note() -> String {
    let mut lines = Vec::new();
    for i in 0..300 {
        lines.push(match i % 10 {
            0 => format!("#### 話題 {i}"),
            1 => "```rust".to_owned(),
            2 => format!("let x{i} = partition(&key) % n; // コメント"),
            3 => "```".to_owned(),
            4 => format!("- [ ] **確認 {i}**: `aws ecs describe-tasks` の結果を見る"),
            5 => format!("\t- 子の項目 {i}、[資料](https://example.com/{i}) を読む"),
            _ => format!("- リーダーベースのレプリケーションでは書き込みは必ずリーダーを通る {i}"),
        });
    }
    lines.join("\n")
}

/// A pasted outline of `lines` bulleted lines (about 25 characters each:
/// 40,000 lines is 1 MB), some nested, some long enough to wrap.
pub fn bulleted_note(lines: usize) -> String {
    let mut out = String::with_capacity(lines * 48);
    for i in 0..lines {
        let line = match i % 8 {
            0 => format!("- 第 {i} 節 レプリケーションの方式"),
            1 | 2 => format!("  - リーダーを通る書き込み {i}"),
            3 => format!("- [ ] 確認する {i}"),
            7 => format!(
                "- とても長い項目で、折り返して次の行に続くことを確かめるための文章がここに続きます {i}"
            ),
            _ => format!("- フォロワーは同じ順序で適用 {i}"),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn typing_in_a_long_note() {
    let budget = Some(Duration::from_millis(4));
    typing_in(
        "one keystroke in a 300-line note",
        mixed_note(),
        200,
        budget,
    );
    let budget = Some(Duration::from_millis(16));
    for lines in [10_000, 40_000] {
        let name = format!("one keystroke in a {lines}-line bulleted note");
        typing_in(&name, bulleted_note(lines), 60, budget);
    }
    scrolling_a_million_lines();
    a_day_of_screenshots();
}

/// A saved journal whose day has 20 screenshots of 2560×1600 in its notes:
/// the frames while they decode (off the UI thread), the memory they add,
/// and a keystroke in the note with them.
fn a_day_of_screenshots() {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("shots.studylog.ron");
    let mut note = String::from("- スクリーンショット\n");
    for n in 0..20u8 {
        let shot = image::RgbaImage::from_fn(2560, 1600, |x, y| {
            image::Rgba([(x / 10) as u8 ^ n, (y / 7) as u8, n.wrapping_mul(11), 255])
        });
        let file = dir.path().join(format!("shot{n}.png"));
        shot.save(&file).expect("a screenshot");
        let link = studylog::store::add_picture_file(&path, &file).expect("stored");
        note.push_str(&format!("\n![]({link})\n"));
    }
    let (journal, date, label) = journal_with_note(&note);
    studylog::store::save(&path, &journal).expect("saved");
    let before = resident_mb();
    let mut harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(move |cc| {
            StudylogApp::with_dialogs(cc, Start::Open(path), Box::new(ScriptedDialogs::default()))
        });
    harness.state_mut().open_day(date);
    let ctx = harness.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let mut frames = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        frames.push(timed_frame(
            &ctx,
            &mut harness,
            &mut eframe_frame,
            input_of(vec![]),
        ));
        std::thread::sleep(Duration::from_millis(5));
    }
    let textures = harness.state().picture_bytes() as f64 / 1e6;
    println!(
        "20 screenshots 2560×1600: {:.1} MB of textures at the drawn size; resident memory +{:.0} MB",
        textures,
        resident_mb() - before
    );
    report(
        "a frame while 20 screenshots decode",
        frames,
        Some(Duration::from_millis(16)),
    );
    let role = egui::accesskit::Role::MultilineTextInput;
    ctx.enable_accesskit();
    harness.run();
    harness.get_by_role_and_label(role, &label).focus();
    harness.run();
    ctx.disable_accesskit();
    let mut keystrokes = Vec::new();
    for i in 0..100 {
        let key = if i % 2 == 0 { "あ" } else { "x" };
        let input = input_of(vec![egui::Event::Text(key.to_owned())]);
        keystrokes.push(timed_frame(&ctx, &mut harness, &mut eframe_frame, input));
    }
    report(
        "one keystroke in a note with 20 pictures",
        keystrokes,
        Some(Duration::from_millis(4)),
    );
}

/// The resident set of this process, in MB.
fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

/// The app on a day of the 10-year journal whose first chapter notes are
/// `note`, with AccessKit off as in the window; the day and the chapter's label.
fn app_with_note(note: &str) -> (Harness<'static, StudylogApp>, NaiveDate, String) {
    let (journal, date, label) = journal_with_note(note);
    let harness = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_max_steps(64)
        .build_eframe(move |cc| {
            StudylogApp::with_dialogs(
                cc,
                Start::Journal(Box::new(journal)),
                Box::new(ScriptedDialogs::default()),
            )
        });
    (harness, date, label)
}

/// The 10-year journal with `note` as the first chapter notes of a day: it,
/// the day, and the chapter's label.
fn journal_with_note(note: &str) -> (studylog::model::Journal, NaiveDate, String) {
    let mut journal = generate::generate(10, 1);
    let (date, label) = journal
        .days
        .iter()
        .find_map(|(date, day)| {
            let notes = day.learned_books().next()?.chapters.first()?;
            let (_, chapter) = journal.chapter(notes.chapter)?;
            Some((*date, chapter.label.clone()))
        })
        .expect("a day with notes");
    let day = journal.days.get_mut(&date).expect("the day");
    for section in &mut day.sections {
        if let studylog::model::SectionBody::Learned(learned) = &mut section.body {
            learned.books[0].chapters[0].blocks = vec![studylog::model::Block::Text(note.into())];
        }
    }
    (journal, date, label)
}

/// A frame's input: `events`, on the bench's window.
fn input_of(events: Vec<egui::Event>) -> egui::RawInput {
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 1000.0));
    egui::RawInput {
        screen_rect: Some(screen),
        events,
        ..Default::default()
    }
}

/// Type `keys` keystrokes at the end of the first line of `note`, put in
/// the first chapter notes of a day of the 10-year journal.
fn typing_in(name: &str, note: String, keys: usize, budget: Option<Duration>) {
    let (mut harness, date, label) = app_with_note(&note);
    harness.state_mut().open_day(date);
    let start = Instant::now();
    harness.run();
    let opened = start.elapsed();
    let role = egui::accesskit::Role::MultilineTextInput;
    harness.get_by_role_and_label(role, &label).focus();
    harness.run();
    let ctx = harness.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    let mut keystrokes = Vec::new();
    for i in 0..keys {
        let key = if i % 2 == 0 { "あ" } else { "x" };
        let input = input_of(vec![egui::Event::Text(key.to_owned())]);
        keystrokes.push(timed_frame(&ctx, &mut harness, &mut eframe_frame, input));
    }
    let typed = studylog::model::amount_written(&harness.state().journal().days[&date]);
    let grown = typed >= note.chars().count() + keys;
    println!(
        "{name}: {typed} characters in the day (typed in: {grown}); the day opened in {:.0} ms",
        common::ms(opened)
    );
    report(name, keystrokes, budget);
}

/// Open the day of a 1,000,000-line note (shown read-only), then scroll
/// through it with the wheel over the note.
fn scrolling_a_million_lines() {
    let note = bulleted_note(1_000_000);
    let (mut harness, date, _) = app_with_note(&note);
    let ctx = harness.ctx.clone();
    ctx.disable_accesskit();
    let mut eframe_frame = eframe::Frame::_new_kittest();
    harness.state_mut().open_day(date);
    let opened = timed_frame(&ctx, &mut harness, &mut eframe_frame, input_of(vec![]));
    println!(
        "a 1,000,000-line note ({:.1} MB): the day's first frame {:.1} ms",
        note.len() as f64 / 1e6,
        common::ms(opened)
    );
    let over_note = egui::pos2(700.0, 500.0);
    let mut frames = Vec::new();
    for _ in 0..60 {
        let wheel = egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -5.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        };
        let input = input_of(vec![egui::Event::PointerMoved(over_note), wheel]);
        frames.push(timed_frame(&ctx, &mut harness, &mut eframe_frame, input));
    }
    report(
        "one wheel step over a 1,000,000-line note",
        frames,
        Some(Duration::from_millis(16)),
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

/// One frame of the app as the window runs it: egui's pass, then
/// tessellation into triangles (the GPU upload and draw are left out).
fn timed_frame(
    ctx: &egui::Context,
    harness: &mut Harness<'_, StudylogApp>,
    eframe_frame: &mut eframe::Frame,
    input: egui::RawInput,
) -> Duration {
    let app = harness.state_mut();
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| eframe::App::ui(app, ui, eframe_frame));
    let meshes = ctx.tessellate(output.shapes, output.pixels_per_point);
    let elapsed = start.elapsed();
    std::hint::black_box(meshes);
    elapsed
}
