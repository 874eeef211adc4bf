//! The app shell: owns the open journal, draws the panels, and is the one
//! place where the views' actions are applied.
//!
//! A frame goes: read IME state and keyboard shortcuts, collect answers from
//! dialogs and from a save running in the background, draw the menu, side
//! tree and central view (which only return [`Action`]s), then apply those
//! actions. Edits go through [`Document::apply`], so undo and the unsaved
//! marker see every one of them.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::{Context, Ui, ViewportCommand};

use crate::model::{Address, BookId, Edit, Journal, Language, Scope};
use crate::store::{self, SaveError};

mod files;
mod recovery;
mod saving;

use super::action::{Action, View, ViewCtx};
use super::banner::{Message, banner_ui};
use super::calendar::calendar_ui;
use super::chapter_view::chapter_view_ui;
use super::command::Command;
use super::day_form::day_form_ui;
use super::dialogs::{DialogMode, FileDialogs, FileKind, NativeDialogs};
use super::document::Document;
use super::drafts::{DayDrafts, Modal};
use super::i18n::UiLanguage;
use super::ime::ImeTracker;
use super::menu_bar::{MenuState, menu_bar_ui};
use super::prompts::{PromptAnswer, unsaved_prompt_ui};
use super::search_panel::search_field_id;
use super::search_state::SearchState;
use super::settings::Settings;
use super::side_tree::{TreeDrafts, side_tree_ui};

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
}

/// An operation that would drop the open journal, so it asks first when the
/// journal has unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Guarded {
    New,
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// A question the app is waiting for the user to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// Save changes before this operation?
    Unsaved(Guarded),
    /// The file changed (or vanished) on disk since it was read or written.
    ExternalChange {
        then: Option<Guarded>,
        deleted: bool,
    },
    /// The save would leave far fewer days than the file holds.
    FewDays {
        then: Option<Guarded>,
        on_disk: usize,
    },
    /// Unsaved work from a crash was found.
    Restore(Box<store::Recovered>),
}

/// How the app is set up; tests choose their own dialogs and recovery folder.
pub struct AppConfig {
    pub start: Start,
    pub dialogs: Box<dyn FileDialogs<Purpose>>,
    /// Where unsaved work is written aside; None turns recovery off.
    pub recovery_dir: Option<PathBuf>,
    /// How long after the last edit unsaved work is written aside.
    pub autosave_delay: Duration,
}

/// Unsaved work is written aside this long after the last edit.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

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

/// A save running on a worker thread.
struct SaveJob {
    result: Receiver<Result<(), SaveError>>,
    /// The history state being saved; later edits stay unsaved.
    state: u64,
    path: PathBuf,
    /// How many days the saved journal holds.
    days: usize,
    then: Option<Guarded>,
}

pub struct StudylogApp {
    ctx: Context,
    doc: Document,
    view: View,
    /// The day shown last, for Previous/Next Day while a chapter is shown.
    last_day: NaiveDate,
    settings: Settings,
    dialogs: Box<dyn FileDialogs<Purpose>>,
    messages: Vec<Message>,
    prompt: Option<Prompt>,
    saving: Option<SaveJob>,
    recovery_dir: Option<PathBuf>,
    autosave_delay: Duration,
    /// When (on `clock`) unsaved work is next written aside.
    autosave_at: Option<f64>,
    autosave_job: Option<Receiver<Result<(), SaveError>>>,
    allow_close: bool,
    ime: ImeTracker,
    drafts: DayDrafts,
    modal: Option<Modal>,
    tree_drafts: TreeDrafts,
    search: SearchState,
    /// A text to scroll to and focus in the next frame (a search hit).
    reveal: Option<(NaiveDate, Address)>,
    shown_title: String,
    clock: Instant,
}

impl StudylogApp {
    /// The app with native dialogs and the user's recovery folder, as the binary runs it.
    pub fn new(cc: &eframe::CreationContext<'_>, start: Start) -> Self {
        let config = AppConfig {
            start,
            dialogs: Box::new(NativeDialogs::default()),
            recovery_dir: store::default_recovery_dir(),
            autosave_delay: AUTOSAVE_DELAY,
        };
        Self::with_config(cc, config)
    }

    /// The app with the given dialogs and no recovery files (tests).
    pub fn with_dialogs(
        cc: &eframe::CreationContext<'_>,
        start: Start,
        dialogs: Box<dyn FileDialogs<Purpose>>,
    ) -> Self {
        let config = AppConfig {
            start,
            dialogs,
            recovery_dir: None,
            autosave_delay: AUTOSAVE_DELAY,
        };
        Self::with_config(cc, config)
    }

    pub fn with_config(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let AppConfig {
            start,
            dialogs,
            recovery_dir,
            autosave_delay,
        } = config;
        super::fonts::setup_fonts(&cc.egui_ctx);
        let settings = Settings::load(cc.storage);
        let today = today();
        let mut app = StudylogApp {
            ctx: cc.egui_ctx.clone(),
            doc: Document::untitled(Journal::new("", Language::Ja)),
            view: View::Day(today),
            last_day: today,
            settings,
            dialogs,
            messages: Vec::new(),
            prompt: None,
            saving: None,
            recovery_dir,
            autosave_delay,
            autosave_at: None,
            autosave_job: None,
            allow_close: false,
            ime: ImeTracker::default(),
            drafts: DayDrafts::default(),
            modal: None,
            tree_drafts: TreeDrafts::default(),
            search: SearchState::default(),
            reveal: None,
            shown_title: String::new(),
            clock: Instant::now(),
        };
        app.start(start);
        app.offer_recovery();
        app
    }

    fn start(&mut self, start: Start) {
        match start {
            Start::Default => match self.settings.last_journal().map(Path::to_owned) {
                Some(path) if path.exists() => {
                    if !self.open_path(&path) {
                        self.open_sample();
                    }
                }
                _ => self.open_sample(),
            },
            Start::Open(path) => {
                if !self.open_path(&path) {
                    self.open_sample();
                }
            }
            Start::Import(path) => {
                let title = crate::store::journal_name(&path);
                let journal = Journal::new(title, self.language().into());
                self.replace_document(Document::untitled(journal));
                self.import_markdown(&path);
            }
            Start::Journal(journal) => self.replace_document(Document::untitled(*journal)),
        }
    }

    fn open_sample(&mut self) {
        match store::parse_journal(
            Path::new("sample.studylog.ron"),
            crate::assets::SAMPLE_JOURNAL,
        ) {
            Ok(journal) => self.replace_document(Document::untitled(journal)),
            Err(e) => self.messages.push(Message::error(e.to_string())),
        }
    }

    // ----- what tests and the binary can read -----

    pub fn journal(&self) -> &Journal {
        &self.doc.journal
    }

    pub fn path(&self) -> Option<&Path> {
        self.doc.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the "Save changes?" prompt is showing.
    pub fn is_prompting(&self) -> bool {
        self.prompt.is_some()
    }

    /// The question waiting for an answer, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// `NAME — studylog`, with `●` while there are unsaved changes.
    pub fn window_title(&self) -> String {
        self.doc.window_title(self.language())
    }

    pub fn language(&self) -> UiLanguage {
        self.settings.language()
    }

    /// Show a day (as clicking it in the side panel does).
    pub fn open_day(&mut self, date: NaiveDate) {
        self.show(View::Day(date));
    }

    /// Choose the UI language (as the Settings menu does).
    pub fn set_language(&mut self, lang: UiLanguage) {
        self.settings.language = Some(lang);
    }

    /// Block until a save running in the background is done and handled.
    pub fn finish_saving(&mut self) {
        if let Some(job) = &self.saving {
            let result = job.result.recv().unwrap_or_else(|_| {
                Err(SaveError::Io {
                    path: job.path.clone(),
                    action: "finish saving",
                    source: std::io::Error::other("the save thread stopped"),
                })
            });
            self.finish_save(result);
        }
    }

    // ----- the frame -----

    fn frame_ui(&mut self, ui: &mut Ui) {
        let ime = &mut self.ime;
        ui.input(|i| ime.update(i));
        let mut actions = Vec::new();
        self.poll_background();
        self.search.poll(&self.doc.journal);
        self.autosave_if_due();
        if self.ime.owns_keys() {
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
        self.prompt_ui();
        // A reveal has been drawn by now; it must not grab focus again.
        self.reveal = None;
        for action in actions {
            self.apply(action);
        }
        self.update_title();
    }

    fn panels_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let lang = self.language();
        let cx = ViewCtx {
            journal: &self.doc.journal,
            lang,
            ime_owns_keys: self.ime.owns_keys(),
            today: today(),
            reveal: self.reveal,
        };
        let menu = MenuState {
            lang,
            recent: &self.settings.recent,
            can_undo: self.doc.history.can_undo(),
            can_redo: self.doc.history.can_redo(),
            has_day: matches!(self.view, View::Day(d) if cx.journal.days.contains_key(&d)),
            has_book: self.current_book().is_some(),
            journal_path: self.doc.path.as_deref(),
            autosave_to_journal: self.settings.autosave_to_journal,
        };
        egui::Panel::top("menu").show(ui, |ui| {
            menu_bar_ui(ui, &menu, actions);
            banner_ui(ui, &self.messages, lang, actions);
        });
        egui::Panel::left("tree")
            .resizable(true)
            .default_size(280.0)
            .size_range(180.0..=520.0)
            .show(ui, |ui| {
                side_tree_ui(
                    ui,
                    &cx,
                    self.view,
                    &mut self.tree_drafts,
                    &mut self.search,
                    actions,
                )
            });
        egui::CentralPanel::default().show(ui, |ui| match self.view {
            View::Day(date) => {
                day_form_ui(ui, cx, date, &mut self.drafts, &mut self.modal, actions)
            }
            View::Chapter(chapter) => chapter_view_ui(ui, &cx, chapter, actions),
            View::Calendar(month) => calendar_ui(ui, &cx, month, cx.today, actions),
        });
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
        if requested && !self.allow_close && self.doc.is_dirty() {
            self.ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.prompt = Some(Prompt::Unsaved(Guarded::Quit));
        }
    }

    fn update_title(&mut self) {
        let title = self.window_title();
        if title != self.shown_title {
            self.ctx
                .send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn now(&self) -> f64 {
        self.clock.elapsed().as_secs_f64()
    }

    // ----- applying actions -----

    fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.edit(edit),
            Action::RestoreBackup(path) => self.restore_backup(&path),
            Action::SetAutosaveToJournal(on) => self.settings.autosave_to_journal = on,
            Action::Reveal(hit) => {
                self.show(View::Day(hit.date));
                self.reveal = Some((hit.date, hit.place));
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

    /// Apply an edit through the history, and keep the search index in step.
    fn edit(&mut self, edit: Edit) {
        let now = self.now();
        let scope = edit.scope();
        if self.doc.apply(edit, now) {
            self.search.changed(&self.doc.journal, scope, &self.ctx);
            self.schedule_autosave();
        }
    }

    fn show(&mut self, view: View) {
        if let View::Day(date) = view {
            self.last_day = date;
        }
        self.view = view;
    }

    fn run(&mut self, command: Command) {
        match command {
            Command::New => self.guard(Guarded::New),
            Command::Open => self.guard(Guarded::Open),
            Command::Quit => self.guard(Guarded::Quit),
            Command::Save => self.save_then(None),
            Command::SaveAs => self.ask_save_as(None),
            Command::ImportMarkdown => {
                self.ask(Purpose::Import, DialogMode::Open, FileKind::Markdown, None)
            }
            Command::ExportDay => self.ask_export(ExportWhat::Day(self.last_day)),
            Command::ExportBook => {
                if let Some(book) = self.current_book() {
                    self.ask_export(ExportWhat::Book(book));
                }
            }
            Command::ExportJournal => self.ask_export(ExportWhat::Journal),
            Command::Undo => {
                if let Some(scope) = self.doc.history.undo(&mut self.doc.journal) {
                    self.follow(scope);
                }
            }
            Command::Redo => {
                if let Some(scope) = self.doc.history.redo(&mut self.doc.journal) {
                    self.follow(scope);
                }
            }
            Command::Today => {
                let date = today();
                self.edit(Edit::CreateDay(date));
                self.show(View::Day(date));
            }
            Command::Calendar => self.show(View::Calendar(self.last_day)),
            Command::Search => self.ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Command::PreviousDay => self.step_day(false),
            Command::NextDay => self.step_day(true),
        }
    }

    /// After undo/redo, show the day that changed so the user sees what
    /// happened, and bring the search index up to date.
    fn follow(&mut self, scope: Scope) {
        self.search.changed(&self.doc.journal, scope, &self.ctx);
        self.schedule_autosave();
        if let Some(date) = scope.day {
            self.show(View::Day(date));
        }
    }

    fn step_day(&mut self, forward: bool) {
        let days = &self.doc.journal.days;
        let next = if forward {
            days.range(self.last_day.succ_opt().unwrap_or(self.last_day)..)
                .next()
        } else {
            days.range(..self.last_day).next_back()
        };
        if let Some((&date, _)) = next {
            self.show(View::Day(date));
        }
    }

    /// The book of the chapter shown, or the first book studied on the day shown.
    fn current_book(&self) -> Option<BookId> {
        match self.view {
            View::Calendar(_) => None,
            View::Chapter(chapter) => self.doc.journal.chapter(chapter).map(|(b, _)| b.id),
            View::Day(date) => self
                .doc
                .journal
                .days
                .get(&date)?
                .learned_books()
                .next()
                .map(|b| b.book),
        }
    }

    // ----- guarded operations and the unsaved-changes prompt -----

    fn guard(&mut self, op: Guarded) {
        if self.doc.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(op));
        } else {
            self.perform(op);
        }
    }

    /// Show the open prompt, and act on its answer.
    fn prompt_ui(&mut self) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let lang = self.language();
        let name = self.doc.name(lang);
        match prompt {
            Prompt::Unsaved(op) => {
                let Some(answer) = unsaved_prompt_ui(&self.ctx, &name, lang) else {
                    return;
                };
                self.prompt = None;
                match answer {
                    PromptAnswer::Save => self.save_then(Some(op)),
                    PromptAnswer::DontSave => {
                        self.forget_recovery();
                        self.perform(op);
                    }
                    PromptAnswer::Cancel => {}
                }
            }
            Prompt::ExternalChange { then, deleted } => {
                self.external_change_ui(&name, then, deleted)
            }
            Prompt::FewDays { then, on_disk } => self.few_days_ui(then, on_disk),
            Prompt::Restore(recovered) => self.restore_ui(&name, *recovered),
        }
    }

    fn perform(&mut self, op: Guarded) {
        match op {
            Guarded::New => {
                let journal = Journal::new("", self.language().into());
                self.replace_document(Document::untitled(journal));
            }
            Guarded::Open => self.ask(Purpose::Open, DialogMode::Open, FileKind::Journal, None),
            Guarded::OpenPath(path) => {
                self.open_path(&path);
            }
            Guarded::Quit => {
                self.allow_close = true;
                self.ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn replace_document(&mut self, doc: Document) {
        self.doc = doc;
        self.search.rebuild(&self.doc.journal, &self.ctx);
        let latest = self.doc.journal.days.keys().next_back().copied();
        self.show(View::Day(latest.unwrap_or_else(today)));
        self.drafts = DayDrafts::default();
        self.modal = None;
        self.tree_drafts = TreeDrafts::default();
    }
}

impl eframe::App for StudylogApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }
}

impl From<UiLanguage> for Language {
    fn from(lang: UiLanguage) -> Self {
        match lang {
            UiLanguage::Japanese => Language::Ja,
            UiLanguage::English => Language::En,
        }
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A name typed in a save dialog without the journal extension gets it.
fn with_journal_extension(path: PathBuf) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.ends_with(".ron") {
        path
    } else {
        path.with_file_name(format!("{name}.{}", store::EXTENSION))
    }
}
