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

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::{Context, Ui, ViewportCommand};

use crate::model::{BookId, Edit, Hit, Journal, Language, Scope, with_language};
use crate::session::{AUTOSAVE_DELAY, Document, Preload, RecoveryConfig, Session, Waker};
use crate::store;

mod files;
mod keyboard;
mod merging;
mod saving;

pub use super::drafts::{Guarded, Prompt};

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
use super::drafts::{DayDrafts, Modal};
use super::headings_dialog::{HeadingsChoice, headings_dialog_ui};
use super::help::{AboutInfo, HelpWindow, help_ui};
use super::i18n::UiLanguage;
use super::ime::{Ending, ImeTracker};
use super::import_preview::import_preview_ui;
use super::library_menu::library_dialog_ui;
use super::list_to_grid::list_to_grid_ui;
use super::menu_bar::{MenuState, menu_bar_ui};
use super::resting_pointer::RestingPointer;
use super::search_panel::search_field_id;
use super::settings::{Settings, Zoom};
use super::side_tree::{TreeDrafts, TreeView, side_tree_ui};

/// What the app opens at start.
pub enum Start {
    /// The last journal used, or the bundled sample the first time.
    Default,
    /// A journal file.
    Open(PathBuf),
    /// A Markdown log, imported into a new untitled journal.
    Import(PathBuf),
    /// A journal already in memory (tests, benchmarks), untitled.
    Journal(Box<Journal>),
    /// A journal file being read since the process started.
    Preloaded(Box<ReadAhead>),
}

/// A journal file being read on a worker thread while the window is created.
pub struct ReadAhead {
    pub preload: Preload,
    /// The journal used last (a start without a file): one that is gone
    /// since is not worth a message.
    pub last_used: bool,
}

impl Start {
    /// The start for a path given on the command line: Markdown is imported.
    pub fn for_path(path: PathBuf) -> Self {
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        match extension.as_deref() {
            Some("md" | "markdown" | "txt") => Start::Import(path),
            _ => Start::Open(path),
        }
    }

    /// The same start, with its journal file already being read on a
    /// worker thread while the window is created. Without a file, that is
    /// the last journal used, as the settings in `settings_file` say.
    pub fn read_ahead(self, settings_file: Option<&std::path::Path>) -> Self {
        let (path, last_used) = match self {
            Start::Open(path) => (path, false),
            Start::Default => {
                let settings = settings_file.and_then(Settings::read_from_file);
                match settings.as_ref().and_then(Settings::last_journal) {
                    Some(path) => (path.to_owned(), true),
                    None => return Start::Default,
                }
            }
            other => return other,
        };
        let preload = Preload::spawn(path);
        Start::Preloaded(Box::new(ReadAhead { preload, last_used }))
    }
}

/// How the app is set up; tests choose their own dialogs and recovery folder.
pub struct AppConfig {
    pub start: Start,
    pub dialogs: Box<dyn FileDialogs<Purpose>>,
    /// Where unsaved work is written aside, and how soon after an edit.
    pub recovery: RecoveryConfig,
}

/// Why a file dialog was opened.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    Open,
    SaveAs { then: Option<Guarded> },
    Import,
    Export(ExportWhat),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportWhat {
    Day(NaiveDate),
    Book(BookId),
    Journal,
}

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
    /// A file dialog to open at the end of this frame.
    dialog: Option<super::dialogs::FileRequest<Purpose>>,
    /// Frames drawn so far (the first is timed at start-up).
    frames: u64,
    /// The file's state on disk the user was last asked about (so coming
    /// back to the window does not ask again about the same change).
    asked_about: Option<Option<store::FileStamp>>,
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
}

/// How many frames the input method stays off to drop a composition.
const IME_OFF_FRAMES: u8 = 2;

/// Passes laid out before the first frame is painted (see `ui`); egui's
/// limit is raised to match (it allows 2).
const FIRST_FRAME_PASSES: usize = 3;

pub struct StudylogApp {
    ctx: Context,
    session: Session,
    nav: Navigation,
    modal: Option<Modal>,
    /// The operation waiting for a save to finish (Save, then quit).
    after_save: Option<Guarded>,
    day_drafts: DayDrafts,
    tree_drafts: TreeDrafts,
    settings: Settings,
    dialogs: Box<dyn FileDialogs<Purpose>>,
    messages: Vec<Message>,
    window: WindowState,
    /// A big journal still being parsed while its preview is shown.
    loading: Option<Box<ReadAhead>>,
}

impl StudylogApp {
    /// The app with native dialogs and the user's recovery folder, as the binary runs it.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> Self {
        let config = AppConfig {
            start,
            dialogs: Box::new(NativeDialogs::default()),
            recovery: RecoveryConfig {
                dir: store::default_recovery_dir(),
                delay: AUTOSAVE_DELAY,
            },
        };
        Self::with_config(cc, config)
    }

    /// The app with the given dialogs and no recovery files (tests).
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
            session: Session::new(empty, config.recovery, waker),
            nav: Navigation {
                view: View::Day(today),
                last_day: today,
                reveal: None,
            },
            modal: None,
            after_save: None,
            day_drafts: DayDrafts::default(),
            tree_drafts: TreeDrafts::default(),
            settings: Settings::load(cc.storage),
            dialogs: config.dialogs,
            messages: Vec::new(),
            window: WindowState {
                caret_report: CaretReport::of_this_platform(),
                ..WindowState::default()
            },
            loading: None,
        };
        crate::startup::phase("settings read");
        app.apply_view_settings();
        app.start(config.start);
        crate::startup::phase("journal open");
        app
    }

    /// Zoom and theme as the settings say; egui's own zoom keys are off,
    /// since View → Zoom handles them and remembers the factor.
    fn apply_view_settings(&self) {
        self.ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // Room for the passes of the first frame (egui allows 2).
        self.ctx
            .options_mut(|o| o.max_passes = FIRST_FRAME_PASSES.try_into().unwrap_or(o.max_passes));
        // Each of these costs a second frame at start; only when not the default.
        if self.settings.zoom.factor() != 1.0 {
            self.ctx.set_zoom_factor(self.settings.zoom.factor());
        }
        if self.settings.theme != egui::ThemePreference::System {
            self.ctx.set_theme(self.settings.theme);
        }
        // Solid scroll bars: always there, never fading in and out (the
        // window is still the moment it is drawn, and a bar is easy to find).
        self.ctx
            .all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
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
        match &self.modal {
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

    fn frame_ui(&mut self, ui: &mut Ui) {
        self.follow_composition(ui);
        self.forward_text_command();
        let mut actions = Vec::new();
        if ui.input(|i| i.events.contains(&egui::Event::WindowFocused(true))) {
            self.check_disk_on_focus();
        }
        self.dropped_files();
        if self.window.ime.owns_keys() {
            // A key that confirms a conversion must not also reach a widget
            // (some platforms deliver it next to the commit).
            self.ctx.input_mut(|i| {
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter);
                i.consume_key(egui::Modifiers::NONE, egui::Key::Tab);
            });
        } else {
            self.shortcuts(&mut actions);
        }
        self.handle_close_request();
        self.panels_ui(ui, &mut actions);
        self.modal_ui(&mut actions);
        self.help_ui();
        // A reveal has been drawn by now; it must not grab focus again.
        self.nav.reveal = None;
        for action in actions {
            self.apply(action);
        }
        if self.session.doc().is_composing() && !self.window.ime.is_composing() {
            // The input method ended without the field changing (a commit of
            // exactly what was shown): what is shown stands.
            self.session.commit_composition();
        }
        place_candidates(&self.ctx, self.window.caret_report);
        if self.window.ime_off_frames > 0 {
            // The input method is off this frame (see `follow_composition`).
            self.window.ime_off_frames -= 1;
            self.ctx.output_mut(|o| o.ime = None);
            self.ctx.request_repaint();
        }
        if self.ctx.output(|o| o.ime.is_some()) {
            self.window.text_field = self.ctx.memory(|m| m.focused());
        }
        self.update_title();
    }

    /// Edit → Cut/Copy/Paste/Select All from the menu: give the keyboard
    /// back to the text field that had it and do there what the keys do.
    fn forward_text_command(&mut self) {
        let Some(command) = self.window.text_command.take() else {
            return;
        };
        if let Some(field) = self.window.text_field {
            self.ctx.memory_mut(|m| m.request_focus(field));
        }
        let event = match command {
            Command::Cut => egui::Event::Cut,
            Command::Copy => egui::Event::Copy,
            Command::Paste => {
                self.ctx.send_viewport_cmd(ViewportCommand::RequestPaste);
                return;
            }
            _ => egui::Event::Key {
                key: egui::Key::A,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::COMMAND,
            },
        };
        self.ctx.input_mut(|i| i.events.push(event));
    }

    /// Feed the frame's IME events to the tracker; a composition whose field
    /// lost focus is committed as shown and the input method told to stop.
    fn follow_composition(&mut self, ui: &Ui) {
        let focused = self.ctx.memory(|m| m.focused());
        let ime = &mut self.window.ime;
        let ending = ui.input(|i| ime.begin_frame(&i.events, focused, i.focused));
        if ending == Ending::Abrupt {
            self.session.commit_composition();
            // The input method drops its composition when it is turned off
            // and on again. Done over frames, not within one: a context
            // recreated twice in a row (egui's own interrupt on a click into
            // another field, then this) lets the next key through raw under
            // IBus/XIM; off for a moment, then on, it composes there.
            self.window.ime_off_frames = IME_OFF_FRAMES;
        }
    }

    fn panels_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::Panel::top("menu").show(ui, |ui| {
            let doc = self.session.doc();
            let menu = MenuState {
                lang: self.language(),
                recent: &self.settings.recent,
                can_undo: doc.can_undo(),
                can_redo: doc.can_redo(),
                has_day: matches!(self.nav.view, View::Day(d) if doc.journal().days.contains_key(&d)),
                has_book: self.current_book().is_some(),
                backups: self.session.backups(),
                autosave_to_journal: self.settings.autosave_to_journal,
                theme: self.settings.theme,
            };
            menu_bar_ui(ui, &menu, actions);
            banner_ui(ui, &self.messages, self.language(), actions);
        });
        egui::Panel::left("tree")
            .resizable(true)
            .default_size(280.0)
            .size_range(180.0..=520.0)
            .show(ui, |ui| self.side_panel_ui(ui, actions));
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, actions));
    }

    fn side_panel_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let (journal, search) = self.session.journal_and_search();
        let mut tree = TreeView {
            cx: view_ctx(journal, &self.settings, &self.window, &self.nav),
            shown: self.nav.view,
            drafts: &mut self.tree_drafts,
            modal: &mut self.modal,
            actions,
        };
        side_tree_ui(ui, &mut tree, search);
    }

    fn central_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let journal = self.session.doc().journal();
        let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
        match self.nav.view {
            View::Day(date) => {
                day_form_ui(ui, cx, date, &mut self.day_drafts, &mut self.modal, actions)
            }
            View::Chapter(chapter) => chapter_view_ui(ui, &cx, chapter, actions),
            View::Calendar(month) => calendar_ui(ui, &cx, month, cx.today, actions),
        }
    }

    /// The dialog or question that is open (inline forms draw themselves).
    /// It is taken out of the slot while drawn and put back if unanswered,
    /// so a question holding a journal is never copied frame after frame.
    fn modal_ui(&mut self, actions: &mut Vec<Action>) {
        match self.modal.take() {
            Some(Modal::Prompt(prompt)) => {
                if let Some(unanswered) = self.prompt_ui(prompt) {
                    self.modal.get_or_insert(Modal::Prompt(unanswered));
                }
            }
            Some(Modal::ImportPreview(preview)) => {
                match import_preview_ui(&self.ctx, &preview, self.language()) {
                    Some(import) => self.import_answered(*preview, import),
                    None => self.modal = Some(Modal::ImportPreview(preview)),
                }
            }
            Some(Modal::ListToGrid(offer)) => {
                match list_to_grid_ui(&self.ctx, &offer, self.language()) {
                    Some(Some(edit)) => actions.push(Action::Edit(edit)),
                    Some(None) => {}
                    None => self.modal = Some(Modal::ListToGrid(offer)),
                }
            }
            Some(Modal::Headings(mut choice)) => {
                let journal = self.session.doc().journal();
                match headings_dialog_ui(&self.ctx, &mut choice, journal, self.language()) {
                    Some(true) => {
                        let changed = with_language(journal, choice.language, choice.existing);
                        actions.push(Action::Edit(Edit::Replace(Box::new(changed))));
                    }
                    Some(false) => {}
                    None => self.modal = Some(Modal::Headings(choice)),
                }
            }
            Some(Modal::Library(dialog)) => {
                self.modal = Some(Modal::Library(dialog));
                let journal = self.session.doc().journal();
                let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
                library_dialog_ui(&self.ctx, &cx, &mut self.modal, actions);
            }
            other => self.modal = other,
        }
    }

    /// Run the commands whose shortcut was pressed (and take the keys, so a
    /// text field does not also act on them, e.g. its own Ctrl+Z).
    fn shortcuts(&mut self, actions: &mut Vec<Action>) {
        for (shortcut, command) in Command::shortcut_table() {
            if self.ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                actions.push(Action::Run(command));
            }
        }
    }

    /// The window's close button, or the OS asking us to quit.
    fn handle_close_request(&mut self) {
        let requested = self.ctx.input(|i| i.viewport().close_requested());
        if requested && !self.window.allow_close && self.is_dirty() {
            self.ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.modal = Some(Modal::Prompt(Prompt::Unsaved(Guarded::Quit)));
        }
    }

    fn update_title(&mut self) {
        let title = self.window_title();
        if title != self.window.shown_title {
            self.ctx
                .send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window.shown_title = title;
        }
    }

    // ----- applying actions -----

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.edit(edit),
            Action::RestoreBackup(path) => self.restore_backup(&path),
            Action::SetAutosaveToJournal(on) => self.settings.autosave_to_journal = on,
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                self.ctx.set_theme(theme);
            }
            Action::ForgetRecent(Some(path)) => self.settings.recent.retain(|p| *p != path),
            Action::ForgetRecent(None) => self.settings.recent.clear(),
            Action::MergeCopy(copy) => self.merge_copy(&copy),
            Action::MergeGitSides(path) => self.merge_git_sides(&path),
            Action::Reveal(hit) => {
                self.show(View::Day(hit.date));
                self.nav.reveal = Some(hit);
            }
            Action::Show(view) => self.show(view),
            Action::Run(command) => self.run(command),
            Action::OpenRecent(path) => self.guard(Guarded::OpenPath(path)),
            Action::SetLanguage(lang) => self.set_language(lang),
            Action::DismissMessage(index) => {
                if index < self.messages.len() {
                    self.messages.remove(index);
                }
            }
        }
    }

    /// Apply an edit. Typing while the input method composes is only shown
    /// (not an edit yet); anything else first commits what is shown. What
    /// an edit makes gets the keyboard (`keyboard`).
    fn edit(&mut self, edit: Edit) {
        if self.window.ime.is_composing() && self.session.compose(&edit) {
            return;
        }
        if edit.typing_key().is_none() && self.session.doc().is_composing() {
            self.session.commit_composition();
        }
        let made = Made::by(&edit);
        if self.session.apply(edit)
            && let Some(made) = made
        {
            self.focus_made(made);
        }
    }

    fn show(&mut self, view: View) {
        if let View::Day(date) = view {
            self.nav.last_day = date;
        }
        self.nav.view = view;
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::New => self.guard(Guarded::New),
            Command::Open => self.guard(Guarded::Open),
            Command::Quit => self.guard(Guarded::Quit),
            Command::Save => self.save_then(None),
            Command::SaveAs => self.ask_save_as(None),
            Command::ImportMarkdown => self.ask_import(),
            Command::ExportDay => self.ask_export(ExportWhat::Day(self.nav.last_day)),
            Command::ExportBook => {
                if let Some(book) = self.current_book() {
                    self.ask_export(ExportWhat::Book(book));
                }
            }
            Command::ExportJournal => self.ask_export(ExportWhat::Journal),
            Command::Undo => {
                let scope = self.session.undo();
                self.follow(scope);
            }
            Command::Redo => {
                let scope = self.session.redo();
                self.follow(scope);
            }
            Command::Today => {
                let date = today();
                self.edit(Edit::CreateDay(date));
                self.show(View::Day(date));
            }
            Command::Calendar => self.show(View::Calendar(self.nav.last_day)),
            Command::Search => self.ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Command::JournalHeadings => {
                let language = self.journal().template.language;
                let choice = HeadingsChoice {
                    language,
                    existing: false,
                };
                self.modal = Some(Modal::Headings(choice));
            }
            Command::PreviousDay => self.step_day(false, false),
            Command::NextDay => self.step_day(true, false),
            Command::PreviousLoggedDay => self.step_day(false, true),
            Command::NextLoggedDay => self.step_day(true, true),
            Command::Close => self.guard(Guarded::Quit),
            Command::Cut | Command::Copy | Command::Paste | Command::SelectAll => {
                self.window.text_command = Some(command);
                self.ctx.request_repaint();
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => self.zoom(command),
            Command::FullScreen => {
                let full = self.ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                self.ctx
                    .send_viewport_cmd(ViewportCommand::Fullscreen(!full));
            }
            Command::Shortcuts => self.window.help = Some(HelpWindow::Shortcuts),
            Command::About => self.window.help = Some(HelpWindow::About),
        }
    }

    fn zoom(&mut self, command: Command) {
        self.settings.zoom = match command {
            Command::ZoomIn => self.settings.zoom.step(true),
            Command::ZoomOut => self.settings.zoom.step(false),
            _ => Zoom::default(),
        };
        self.ctx.set_zoom_factor(self.settings.zoom.factor());
    }

    /// The help window that is open, if any.
    fn help_ui(&mut self) {
        let Some(window) = self.window.help else {
            return;
        };
        let about = AboutInfo {
            journal: self.path().map(std::path::Path::to_owned),
            recovery_dir: self.session.recovery_dir().map(std::path::Path::to_owned),
        };
        if !help_ui(&self.ctx, window, self.language(), &about) {
            self.window.help = None;
        }
    }

    /// The zoom factor View → Zoom set (1.0 unless changed).
    pub fn zoom_factor(&self) -> f32 {
        self.settings.zoom.factor()
    }

    /// After undo/redo, show the day that changed so the user sees what happened.
    fn follow(&mut self, scope: Option<Scope>) {
        if let Some(date) = scope.and_then(|s| s.day) {
            self.show(View::Day(date));
        }
    }

    /// Show the calendar day before or after the one shown last, or with
    /// `logged` the nearest day that has a log.
    fn step_day(&mut self, forward: bool, logged: bool) {
        let from = self.nav.last_day;
        let to = if logged {
            day_steps::logged_step(&self.journal().days, from, forward)
        } else {
            day_steps::calendar_step(from, forward)
        };
        if let Some(date) = to {
            self.show(View::Day(date));
        }
    }

    /// The book of the chapter shown, or the first book studied on the day shown.
    fn current_book(&self) -> Option<BookId> {
        let journal = self.journal();
        match self.nav.view {
            View::Calendar(_) => None,
            View::Chapter(chapter) => journal.chapter(chapter).map(|(b, _)| b.id),
            View::Day(date) => journal
                .days
                .get(&date)?
                .learned_books()
                .next()
                .map(|b| b.book),
        }
    }

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
        self.day_drafts = DayDrafts::default();
        self.tree_drafts = TreeDrafts::default();
        self.modal = None;
        // The first version opened is one every device had.
        self.session.note_agreed(false);
        // Whatever route opened it: work a crashed session left for it is offered.
        self.offer_recovery();
        crate::startup::phase("recovery files looked at");
    }
}

impl eframe::App for StudylogApp {
    /// Runs before each frame, and also while the window is covered or
    /// minimized (eframe then draws nothing but still calls this when a
    /// repaint is asked for): saves finishing, recovery files and
    /// autosaves never wait for the window to be seen.
    fn logic(&mut self, _ctx: &Context, _frame: &mut eframe::Frame) {
        self.poll_background();
    }

    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let first = self.window.frames == 0;
        if first {
            crate::startup::phase("first pass begins (fonts loaded)");
        }
        self.window.frames += 1;
        self.finish_loading();
        self.frame_ui(ui);
        if self.ctx.cumulative_frame_nr() == 0
            && self.ctx.current_pass_index() + 1 < FIRST_FRAME_PASSES
        {
            // egui styles a widget by its state in the pass before, which
            // the first pass does not have, and a grid sizes its columns by
            // the pass before, which the first one hides: lay the first
            // frame out three times before it is painted, so what is
            // painted first stays.
            self.ctx
                .request_discard("first frame: widget states not known yet");
            let pass = self.ctx.current_pass_index() + 1;
            crate::startup::phase(&format!("first frame: pass {pass} laid out"));
        } else if self.window.frames <= 30 && crate::startup::is_logged() {
            // Why each early pass ran: a frame that repaints during start-up
            // is where a changing first picture comes from.
            let causes = self.ctx.repaint_causes();
            crate::startup::phase(&format!("pass {} {causes:?}", self.window.frames));
        }
        if let Some(request) = self.window.dialog.take() {
            self.dialogs.ask(request, &self.ctx, frame);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }

    /// While a preview is shown, input is held back (a preview is not to
    /// be edited), and given to the journal once it is in, in order. Only
    /// the pointer's moves go through, so what it hovers shows at once.
    fn raw_input_hook(&mut self, _ctx: &Context, raw_input: &mut egui::RawInput) {
        let window = &mut self.window;
        window.resting_pointer.filter(&mut raw_input.events);
        if self.loading.is_some() {
            let (hover, held): (Vec<_>, Vec<_>) = std::mem::take(&mut raw_input.events)
                .into_iter()
                .partition(|e| {
                    matches!(e, egui::Event::PointerMoved(_) | egui::Event::PointerGone)
                });
            raw_input.events = hover;
            window.held_input.extend(held);
            window.held_files.append(&mut raw_input.dropped_files);
        } else if !window.held_input.is_empty() || !window.held_files.is_empty() {
            window.held_input.append(&mut raw_input.events);
            raw_input.events = std::mem::take(&mut window.held_input);
            window.held_files.append(&mut raw_input.dropped_files);
            raw_input.dropped_files = std::mem::take(&mut window.held_files);
        }
    }
}

/// What the views read, from the parts of the app that hold it (taken one
/// by one, so the views can also borrow the drafts and the modal slot).
fn view_ctx<'a>(
    journal: &'a Journal,
    settings: &Settings,
    window: &WindowState,
    nav: &Navigation,
) -> ViewCtx<'a> {
    ViewCtx {
        journal,
        lang: settings.language(),
        ime_owns_keys: window.ime.owns_keys(),
        composing_now: window.ime.composed_this_frame(),
        today: today(),
        reveal: nav.reveal,
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
