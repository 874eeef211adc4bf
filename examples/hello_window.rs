//! The floor for start-up: an eframe window with studylog's eframe features
//! and nothing else (a heading), for `benches/startup.rs` to compare
//! against. `--fonts` adds studylog's bundled Japanese fonts.

fn main() -> eframe::Result {
    let with_fonts = std::env::args().any(|a| a == "--fonts");
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("hello")
            .with_inner_size([1200.0, 800.0]),
        system_font_fallback: false,
        ..Default::default()
    };
    let mut fonts_installed = false;
    eframe::run_ui_native("hello", options, move |ui, _frame| {
        if with_fonts && !fonts_installed {
            studylog::ui::fonts::setup_fonts(ui.ctx());
            fonts_installed = true;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(if with_fonts {
                "hello 日本語"
            } else {
                "hello"
            });
        });
    })
}
