//! The desktop app (egui/eframe): window, menus, side tree, day form.
//!
//! Split by what is on screen: [`app`] is the shell that holds the
//! [`crate::session::Session`] and applies actions; each view (`side_tree`,
//! `day_form`, `sections/*`, `chapter_view`, `grid_view`, `menu_bar`,
//! `banner`, `prompts`) only reads and returns [`action::Action`]s. File
//! dialogs sit behind [`dialogs::FileDialogs`] so tests answer them; files
//! are reached only through the session and `store`.

pub mod accessible;
pub mod action;
pub mod app;
pub mod banner;
pub mod book_page;
pub mod calendar;
pub mod candidates;
pub mod chapter_view;
pub mod code_colours;
pub mod command;
pub mod conflicts;
pub mod day_form;
pub mod day_steps;
pub mod dialogs;
pub mod drafts;
mod focus_return;
pub mod fonts;
mod grid_cell;
pub mod grid_columns;
pub mod grid_editor;
pub mod grid_insert;
mod grid_keys;
mod grid_mode;
mod grid_parts;
mod grid_scores;
pub mod grid_view;
pub mod headings_dialog;
pub mod help;
pub mod i18n;
pub mod ime;
pub mod import_preview;
pub mod leave_field;
pub mod library_menu;
pub mod list_editing;
pub mod list_to_grid;
pub mod long_note;
pub mod look_back;
pub mod markdown_style;
pub mod markdown_view;
pub mod menu_bar;
pub mod note_layout;
pub mod note_view;
pub mod notes_editor;
pub mod pictures;
pub mod prompts;
pub mod resting_pointer;
pub mod review_view;
pub mod search_panel;
pub mod sections;
pub mod settings;
pub mod side_tree;
pub mod study_timer;
pub mod table_editing;
pub mod theme;
pub mod tree_focus;
pub mod tree_keys;
pub mod tree_reading;
pub mod views;
pub mod week_view;

pub mod widgets;

pub use app::{Start, StudylogApp};

/// Open the window and run until it is closed.
pub fn run(start: Start) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("studylog")
        .with_app_id("studylog")
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([640.0, 400.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(crate::assets::WINDOW_ICON_PNG) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    // Where eframe would keep the settings anyway, named here so that they
    // can be read before the window exists.
    let settings_file = eframe::storage_dir("studylog").map(|dir| dir.join("app.ron"));
    let start = std::rc::Rc::new(std::cell::RefCell::new(Some(start)));
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: settings_file.clone(),
        // Japanese comes from the bundled fonts (see `fonts`); the system
        // font scan would cost start-up time and, on a machine without
        // fonts, a panic message from its thread.
        system_font_fallback: false,
        window_builder: Some(read_ahead_hook(start.clone(), settings_file)),
        ..Default::default()
    };
    eframe::run_native(
        "studylog",
        options,
        Box::new(move |cc| {
            crate::startup::phase("window and GL context ready");
            let start = start.take().unwrap_or(Start::Default);
            Ok(Box::new(StudylogApp::new(cc, start)))
        }),
    )
}

/// The journal (named on the command line, or the last one used) is read
/// ahead while the window is created: from when eframe asks for the
/// window, once the event loop exists. A thread started before that
/// makes the process multi-threaded while Xlib opens the input method,
/// reading its compose table one locked `getc` at a time (about 4 ms more
/// on the 2-core VM).
fn read_ahead_hook(
    start: std::rc::Rc<std::cell::RefCell<Option<Start>>>,
    settings_file: Option<std::path::PathBuf>,
) -> eframe::WindowBuilderHook {
    Box::new(move |viewport| {
        let first_looks = crate::session::files::default_first_look_dir();
        let read = start
            .take()
            .map(|s| s.read_ahead(settings_file.as_deref(), first_looks));
        *start.borrow_mut() = read;
        crate::startup::phase("window asked for, journal read ahead");
        viewport
    })
}
