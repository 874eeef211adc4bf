//! The one place actions are applied: edits (undo and the unsaved marker
//! see each), views shown, commands run.

use super::*;

impl StudylogApp {
    pub(super) fn apply(&mut self, action: Action) {
        match action {
            Action::Edit(edit) => self.edit(edit),
            Action::RestoreBackup(path) => self.restore_backup(&path),
            Action::SetAutosaveToJournal(on) => self.settings.autosave_to_journal = on,
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                self.ctx.set_theme(theme);
            }
            Action::SetHighContrast(on) => {
                self.settings.high_contrast = on;
                self.ctx.all_styles_mut(|style| {
                    style.visuals = crate::ui::theme::visuals(style.visuals.dark_mode, on);
                });
            }
            Action::ForgetRecent(Some(path)) => self.settings.recent.retain(|p| *p != path),
            Action::ForgetRecent(None) => self.settings.recent.clear(),
            Action::MergeCopy(copy) => self.merge_copy(&copy),
            Action::MergeGitSides(path) => self.merge_git_sides(&path),
            Action::AddPictures { place, files } => self.add_picture_files(place, files),
            Action::FollowLink(link) => self.follow_link(link),
            Action::PastePicture { place, image } => self.paste_picture(place, &image),
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
    pub(super) fn edit(&mut self, edit: Edit) {
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

    pub(super) fn show(&mut self, view: View) {
        if let View::Day(date) = view {
            self.nav.last_day = date;
        }
        self.nav.view = view;
    }

    pub(super) fn run(&mut self, command: Command) {
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
            Command::Review => self.show(View::Review),
            Command::Week => self.show(View::Week(self.nav.last_day)),
            Command::Search => self.ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Command::InsertPicture => self.ask_for_picture(),
            Command::JournalHeadings => {
                let language = self.journal().template.language;
                let choice = HeadingsChoice {
                    language,
                    existing: false,
                };
                self.views.modal = Some(Modal::Headings(choice));
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
            Command::FullScreen => self.toggle_full_screen(),
            Command::SidePanel => self.settings.hide_side_panel ^= true,
            Command::NextPane => self.next_pane(),
            Command::Shortcuts => self.window.help = Some(HelpWindow::Shortcuts),
            Command::About => self.window.help = Some(HelpWindow::About),
        }
    }

    /// F6: the keyboard goes from the books to the form, to the search
    /// box, and back to the books.
    fn next_pane(&mut self) {
        let focused = self.ctx.memory(|m| m.focused());
        let search = crate::ui::search_panel::search_field_id();
        let in_tree = focused.is_some_and(|id| self.views.tree.rows.holds(id));
        let next = if focused == Some(search) {
            self.views.tree.rows.first()
        } else if in_tree {
            self.views
                .day
                .first_heading
                .filter(|_| matches!(self.nav.view, View::Day(_)))
        } else {
            Some(search)
        };
        if let Some(id) = next {
            self.ctx.memory_mut(|m| m.request_focus(id));
        }
    }

    fn toggle_full_screen(&self) {
        let full = self.ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.ctx
            .send_viewport_cmd(ViewportCommand::Fullscreen(!full));
    }

    pub(super) fn zoom(&mut self, command: Command) {
        self.settings.zoom = match command {
            Command::ZoomIn => self.settings.zoom.step(true),
            Command::ZoomOut => self.settings.zoom.step(false),
            _ => Zoom::default(),
        };
        self.ctx.set_zoom_factor(self.settings.zoom.factor());
    }

    /// The zoom factor View → Zoom set (1.0 unless changed).
    pub fn zoom_factor(&self) -> f32 {
        self.settings.zoom.factor()
    }

    /// After undo/redo, show the day that changed so the user sees what happened.
    pub(super) fn follow(&mut self, scope: Option<Scope>) {
        if let Some(date) = scope.and_then(|s| s.day) {
            self.show(View::Day(date));
        }
    }

    /// Show the calendar day before or after the one shown last, or with
    /// `logged` the nearest day that has a log.
    pub(super) fn step_day(&mut self, forward: bool, logged: bool) {
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
    pub(super) fn current_book(&self) -> Option<BookId> {
        let journal = self.journal();
        match self.nav.view {
            View::Calendar(_) | View::Review | View::Week(_) => None,
            View::Book(book) => Some(book),
            View::Chapter(chapter) => journal.chapter(chapter).map(|(b, _)| b.id),
            View::Day(date) => journal
                .days
                .get(&date)?
                .learned_books()
                .next()
                .map(|b| b.book),
        }
    }
}
