//! The app shell: holds the session, draws the panels, and is the one place
//! where the views' actions are applied.
//!
//! A frame goes: read IME state and keyboard shortcuts, collect what
//! finished in the background (dialogs, saves, the recovery file), draw the
//! menu, side tree and central view (which only return [`Action`]s), draw
//! the open dialog, then apply the actions. Edits go through the session, so
//! undo, the unsaved marker, the search index and the recovery file see
//! every one of them.
//!
//! The state is grouped by concern: the [`Session`] (journal, undo, saving,
//! recovery, search), [`Navigation`] (what is shown), one [`Modal`] slot (the
//! dialog, question or inline form that is open), the views' drafts, and the
//! window's own state.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Context, Ui, ViewportCommand};

use crate::model::{BookId, Edit, Hit, Journal, Language, Scope, with_language};
use crate::session::files as disk;
use crate::session::{AUTOSAVE_DELAY, Document, Preload, RecoveryConfig, Session, Waker};

mod commands;
mod errands;
mod files;
mod frame;
mod importing;
mod keyboard;
mod merging;
mod pictures;
mod purpose;
mod saving;
mod start;
mod window;

pub use super::drafts::{Guarded, Prompt};
pub use purpose::{ExportWhat, Purpose};
pub use start::{AppConfig, ReadAhead, ReadFor, Start};

use keyboard::Made;

use super::action::{Action, View, ViewCtx};
use super::banner::{Message, banner_ui};
use super::calendar::calendar_ui;
use super::candidates::{CaretReport, place_candidates};
use super::chapter_view::chapter_view_ui;
use super::command::Command;
use super::day_form::day_form_ui;
use super::day_steps;
use super::dialogs::{FileDialogs, NativeDialogs};
use super::drafts::Modal;
use super::headings_dialog::{HeadingsChoice, headings_dialog_ui};
use super::help::{AboutInfo, HelpWindow, help_ui};
use super::i18n::UiLanguage;
use super::ime::{Ending, ImeTracker};
use super::import_preview::import_preview_ui;
use super::library_menu::library_dialog_ui;
use super::list_to_grid::list_to_grid_ui;
use super::menu_bar::{MenuState, menu_bar_ui};
use super::pictures::PictureShelf;
use super::resting_pointer::RestingPointer;
use super::review_view::review_button_ui;
use super::search_panel::search_field_id;
use super::settings::{Settings, Zoom};
use super::side_tree::{TreeView, side_tree_ui};
use super::study_timer::running_timer_notice;
use super::views::Views;

/// What the central panel shows, and where the user came from.
struct Navigation {
    view: View,
    /// The day shown last, for Previous/Next Day while a chapter is shown.
    last_day: NaiveDate,
    /// A text to scroll to and focus in the next frame, at a line (a search hit).
    reveal: Option<Hit>,
}

/// The window's own state.
#[derive(Default)]
struct WindowState {
    ime: ImeTracker,
    /// Help → Keyboard Shortcuts or About, when open.
    help: Option<HelpWindow>,
    /// Edit → Cut/Copy/Paste/Select All was chosen from the menu: next
    /// frame the text field that last had the keyboard gets it back and
    /// does it (the menu took the focus meanwhile).
    text_command: Option<Command>,
    /// The text field that had the keyboard last.
    text_field: Option<egui::Id>,
    /// Where Tab goes on from after Esc took the keyboard away.
    focus_return: super::focus_return::FocusReturn,
    /// A file dialog to open at the end of this frame.
    dialog: Option<super::dialogs::FileRequest<Purpose>>,
    /// Frames drawn so far (the first is timed at start-up).
    frames: u64,
    /// The file's state on disk the user was last asked about (so coming
    /// back to the window does not ask again about the same change).
    asked_about: Option<Option<disk::FileStamp>>,
    /// The user chose to quit; the next close request is not asked about.
    allow_close: bool,
    shown_title: String,
    /// Input that came while a preview was shown, for the journal it previews.
    held_input: Vec<egui::Event>,
    /// Where the pointer rested when the window opened, until it moves.
    resting_pointer: RestingPointer,
    held_files: Vec<egui::DroppedFileHandle>,
    /// Frames left with the input method off after a composition ended
    /// abruptly (it then drops what it held; see `follow_composition`).
    ime_off_frames: u8,
    /// How the input method is told where the caret is.
    caret_report: CaretReport,
    /// The pictures notes name, as textures at the size drawn.
    pictures: PictureShelf,
    /// The user has pressed a key or a button since the window opened.
    acted: bool,
}

/// How many frames the input method stays off to drop a composition.
const IME_OFF_FRAMES: u8 = 2;

/// Passes laid out before the first frame is painted (see `ui`), and
/// egui's limit (it allows 2): one more, for a grid's (`grid_editor`).
const FIRST_FRAME_PASSES: usize = 2;
const MAX_PASSES: NonZeroUsize = NonZeroUsize::new(FIRST_FRAME_PASSES + 1).unwrap();

pub struct StudylogApp {
    ctx: Context,
    session: Session,
    nav: Navigation,
    /// The views' own state and the open dialog (`ui/views.rs`).
    views: Views,
    /// The operation waiting for a save to finish (Save, then quit).
    after_save: Option<Guarded>,
    settings: Settings,
    dialogs: Box<dyn FileDialogs<Purpose>>,
    messages: Vec<Message>,
    window: WindowState,
    /// A big journal still being parsed while its preview is shown.
    loading: Option<Box<ReadAhead>>,
}

impl StudylogApp {
    /// The app with native dialogs, the user's recovery folder and first
    /// looks kept in the user's cache, as the binary runs it.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> Self {
        let config = AppConfig {
            start,
            dialogs: Box::new(NativeDialogs::default()),
            recovery: RecoveryConfig {
                dir: disk::default_recovery_dir(),
                delay: AUTOSAVE_DELAY,
            },
            first_looks: disk::default_first_look_dir(),
        };
        Self::with_config(cc, config)
    }

    /// The app with the given dialogs, no recovery files and no first
    /// looks kept (tests).
    pub fn with_dialogs(
        cc: &eframe::CreationContext<'_>,
        start: Start,
        dialogs: Box<dyn FileDialogs<Purpose>>,
    ) -> Self {
        let recovery = RecoveryConfig {
            dir: None,
            delay: AUTOSAVE_DELAY,
        };
        let config = AppConfig {
            start,
            dialogs,
            recovery,
            first_looks: None,
        };
        Self::with_config(cc, config)
    }

    pub fn with_config(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        super::fonts::setup_fonts(&cc.egui_ctx);
        crate::startup::phase("fonts set up");
        let ctx = cc.egui_ctx.clone();
        let waker: Waker = Arc::new(move || ctx.request_repaint());
        let empty = Document::untitled(Journal::new("", Language::Ja));
        let today = today();
        let mut app = StudylogApp {
            ctx: cc.egui_ctx.clone(),
            session: Session::new(empty, config.recovery, Arc::clone(&waker)),
            nav: Navigation {
                view: View::Day(today),
                last_day: today,
                reveal: None,
            },
            views: Views::default(),
            after_save: None,
            settings: Settings::load(cc.storage),
            dialogs: config.dialogs,
            messages: Vec::new(),
            window: WindowState {
                caret_report: CaretReport::of_this_platform(),
                pictures: PictureShelf::new(waker),
                ..WindowState::default()
            },
            loading: None,
        };
        crate::startup::phase("settings read");
        app.session.keep_first_looks_in(config.first_looks);
        app.apply_view_settings();
        app.start(config.start);
        crate::startup::phase("journal open");
        app
    }

    /// Zoom and theme as the settings say; egui's own zoom keys are off,
    /// since View → Zoom handles them and remembers the factor.
    fn apply_view_settings(&self) {
        self.ctx.options_mut(|o| o.zoom_with_keyboard = false);
        self.ctx.options_mut(|o| o.max_passes = MAX_PASSES);
        // Each of these costs a second frame at start; only when not the default.
        if self.settings.zoom.factor() != 1.0 {
            self.ctx.set_zoom_factor(self.settings.zoom.factor());
        }
        if self.settings.theme != egui::ThemePreference::System {
            self.ctx.set_theme(self.settings.theme);
        }
        // Solid scroll bars: always there, never fading in and out (the
        // window is still the moment it is drawn, and a bar is easy to find).
        // Text and focus at WCAG AA contrast (or the high-contrast theme).
        let high_contrast = self.settings.high_contrast;
        self.ctx.all_styles_mut(|style| {
            style.spacing.scroll = egui::style::ScrollStyle::solid();
            style.visuals = super::theme::visuals(style.visuals.dark_mode, high_contrast);
            super::fonts::headings_in_own_fonts(style);
        });
    }

    // ----- what tests and the binary can read -----

    pub fn journal(&self) -> &Journal {
        self.session.doc().journal()
    }

    pub fn path(&self) -> Option<&std::path::Path> {
        self.session.doc().path()
    }

    /// Whether a big journal's preview is shown while the rest is read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    pub fn is_dirty(&self) -> bool {
        self.session.doc().is_dirty()
    }

    pub fn can_undo(&self) -> bool {
        self.session.doc().can_undo()
    }

    /// The lines search finds for `query` now (indexing the journal as a
    /// search would, if no search built the index yet).
    pub fn search_hits(&self, query: &str) -> Vec<crate::model::Hit> {
        let state = self.session.search_state();
        if state.is_ready() {
            return state.find(query).hits;
        }
        let journal = self.session.doc().committed();
        crate::model::SearchIndex::build(&journal)
            .search(query, crate::session::MAX_RESULTS)
            .hits
    }

    pub fn view(&self) -> View {
        self.nav.view
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// Put a journal on Open Recent (as opening or saving it does).
    pub fn remember_recent(&mut self, path: &std::path::Path) {
        self.settings.remember(path);
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether a question (save changes? restore?) is waiting for an answer.
    pub fn is_prompting(&self) -> bool {
        self.prompt().is_some()
    }

    /// The question waiting for an answer, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.views.modal {
            Some(Modal::Prompt(prompt)) => Some(prompt),
            _ => None,
        }
    }

    /// `NAME — studylog`, with `●` while there are unsaved changes.
    pub fn window_title(&self) -> String {
        let marker = if self.is_dirty() { "● " } else { "" };
        format!("{marker}{} — studylog", self.name())
    }

    /// The journal's name, or 無題/Untitled.
    fn name(&self) -> String {
        let untitled = || self.language().untitled().to_owned();
        self.session.doc().name().unwrap_or_else(untitled)
    }

    pub fn language(&self) -> UiLanguage {
        self.settings.language()
    }

    /// Show a day (as clicking it in the side panel does).
    pub fn open_day(&mut self, date: NaiveDate) {
        self.show(View::Day(date));
    }

    /// Choose the UI language (as the Settings menu does).
    /// Tell the input method about the caret as `report` says (tests choose
    /// the platform's way).
    pub fn set_caret_report(&mut self, report: CaretReport) {
        self.window.caret_report = report;
    }

    pub fn set_language(&mut self, lang: UiLanguage) {
        self.settings.language = Some(lang);
        // A new journal with nothing in it yet follows the menus' language;
        // any other keeps its own (Settings ▸ Journal Headings… changes it).
        let wanted: Language = lang.into();
        let journal = self.journal();
        let fresh = journal.days.is_empty() && journal.books.is_empty();
        if fresh && self.path().is_none() && !self.is_dirty() && journal.template.language != wanted
        {
            let changed = with_language(journal, wanted, false);
            self.replace_document(Document::untitled(changed));
        }
    }

    // ----- the frame -----

    // ----- applying actions -----

    /// Open another document: the newest day is shown, drafts start afresh.
    fn replace_document(&mut self, doc: Document) {
        crate::startup::phase("journal read");
        // Messages are about the journal open until now (an import's
        // report, a copy to merge, the sample's notice): they go with it.
        self.messages.clear();
        self.session.replace(doc);
        crate::startup::phase("session ready");
        self.after_opening();
    }

    /// A journal was just opened: show its latest day, forget the drafts
    /// of the one before, offer work a crashed session left for it.
    fn after_opening(&mut self) {
        let latest = self.journal().days.keys().next_back().copied();
        self.show(View::Day(latest.unwrap_or_else(today)));
        self.views = Views::default();
        // The first version opened is one every device had.
        self.session.note_agreed(false);
        // Whatever route opened it: work a crashed session left for it is offered.
        self.offer_recovery();
        let timer = running_timer_notice(self.journal(), self.language(), chrono::Utc::now());
        self.messages.extend(timer);
        crate::startup::phase("recovery files looked at");
    }
}

/// What the views read, from the parts of the app that hold it (taken one
/// by one, so the views can also borrow the drafts and the modal slot).
fn view_ctx<'a>(
    journal: &'a Journal,
    settings: &Settings,
    window: &'a WindowState,
    nav: &Navigation,
) -> ViewCtx<'a> {
    ViewCtx {
        journal,
        lang: settings.language(),
        ime_owns_keys: window.ime.owns_keys(),
        composing_now: window.ime.composed_this_frame(),
        today: today(),
        reveal: nav.reveal,
        pictures: &window.pictures,
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
