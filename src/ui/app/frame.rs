//! One frame of the window: the panels, the open dialog, the shortcuts,
//! the title, and the IME and text commands that come before the views.

use super::*;
use crate::ui::study_timer::study_row_ui;

/// Seconds after the window opened when the system's fonts are looked at.
const SYSTEM_FONTS_AFTER: f64 = 2.0;

impl StudylogApp {
    pub(super) fn frame_ui(&mut self, ui: &mut Ui) {
        self.note_acting(ui);
        crate::ui::leave_field::leave_field_keys(ui);
        self.follow_composition(ui);
        self.forward_text_command();
        let mut actions = Vec::new();
        let focused = ui.input(|i| i.events.contains(&egui::Event::WindowFocused(true)));
        if focused {
            self.check_disk_on_focus();
        }
        let journal = self.session.doc().path();
        self.window
            .pictures
            .begin_frame(&self.ctx, journal, focused);
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
        self.pictures_dropped_beside_notes(&actions);
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
    pub(super) fn forward_text_command(&mut self) {
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
    pub(super) fn follow_composition(&mut self, ui: &Ui) {
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

    /// The panels are not filled: the window is cleared in their colour
    /// (`clear_color`), which a software renderer does for a fraction of
    /// what a quad over the whole window costs it (llvmpipe's first frame
    /// of ten years: 11.5 ms of CPU instead of 18.8). What they hold is
    /// told the colour it stands on, so what blends into it (a scroll
    /// area's fading edge) still does.
    pub(super) fn panels_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let fill = ui.visuals().panel_fill;
        let stands_on = egui::UiStackInfo::default().with_frame(egui::Frame::NONE.fill(fill));
        let on_fill = egui::UiBuilder::new().ui_stack_info(stands_on);
        ui.scope_builder(on_fill, |ui| self.unfilled_panels_ui(ui, actions));
    }

    fn unfilled_panels_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let unfilled = |frame: egui::Frame| frame.fill(egui::Color32::TRANSPARENT);
        let style = ui.style().clone();
        let top = unfilled(egui::Frame::side_top_panel(&style));
        egui::Panel::top("menu").frame(top).show(ui, |ui| {
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
                high_contrast: self.settings.high_contrast,
            };
            menu_bar_ui(ui, &menu, actions);
            banner_ui(ui, &self.messages, self.language(), actions);
        });
        if !self.settings.hide_side_panel {
            egui::Panel::left("tree")
                .frame(unfilled(egui::Frame::side_top_panel(&style)))
                .resizable(true)
                .default_size(280.0)
                .size_range(120.0..=520.0)
                .show(ui, |ui| self.side_panel_ui(ui, actions));
        }
        egui::CentralPanel::default()
            .frame(unfilled(egui::Frame::central_panel(&style)))
            .show(ui, |ui| self.central_ui(ui, actions));
    }

    /// The user's first key or click ends the still start: what waits for
    /// it (the due count, code colours, the system's fonts) may come.
    fn note_acting(&mut self, ui: &Ui) {
        self.window.acted |= ui.input(|i| {
            i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { .. }
                        | egui::Event::PointerButton { .. }
                        | egui::Event::Text(_)
                )
            })
        });
        if self.window.acted {
            crate::ui::code_colours::allow_grammars(ui.ctx());
        }
        // The system's fonts, for what the bundled ones lack: once the user
        // acts, or two seconds in (a frame is asked for then).
        let waited = ui.input(|i| i.time);
        if self.window.acted || waited >= SYSTEM_FONTS_AFTER {
            crate::ui::fonts::use_system_fonts(ui.ctx());
        } else {
            ui.ctx()
                .request_repaint_after_secs((SYSTEM_FONTS_AFTER - waited) as f32);
        }
    }

    pub(super) fn side_panel_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        // The count waits for the user's first move: the first picture the
        // window shows stays until then (and nothing is worked out before it).
        let due = self.window.acted.then(|| {
            let (journal, cards, generation) = self.session.journal_and_cards();
            let review = &mut self.views.look_back.review;
            review.due_count(journal, (cards, generation))
        });
        let book = self.current_book();
        let journal = self.session.doc().journal();
        let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
        // Review, the timer and the goal share a row (wrapping when narrow).
        ui.horizontal_wrapped(|ui| {
            review_button_ui(ui, cx.lang, due, actions);
            study_row_ui(ui, &cx, chrono::Utc::now(), book, actions);
        });
        let (journal, search) = self.session.journal_and_search();
        let mut tree = TreeView {
            cx: view_ctx(journal, &self.settings, &self.window, &self.nav),
            shown: self.nav.view,
            drafts: &mut self.views.tree,
            modal: &mut self.views.modal,
            actions,
        };
        side_tree_ui(ui, &mut tree, search);
    }

    pub(super) fn central_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if self.nav.view == View::Review {
            let (journal, cards, generation) = self.session.journal_and_cards();
            let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
            let review = &mut self.views.look_back.review;
            return review.ui(ui, &cx, (cards, generation), actions);
        }
        let journal = self.session.doc().journal();
        let revision = self.session.doc().state();
        let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
        match self.nav.view {
            View::Day(date) => day_form_ui(
                ui,
                cx,
                date,
                revision,
                &mut self.views.day,
                &mut self.views.modal,
                actions,
            ),
            View::Chapter(chapter) => chapter_view_ui(ui, &cx, chapter, actions),
            View::Calendar(month) => calendar_ui(ui, &cx, month, cx.today, actions),
            // Drawn above, with the session's cards.
            View::Review => {}
            View::Book(book) => self
                .views
                .look_back
                .book
                .ui(ui, &cx, book, revision, actions),
            View::Week(date) => self
                .views
                .look_back
                .week
                .ui(ui, &cx, date, revision, actions),
        }
    }

    /// The dialog or question that is open (inline forms draw themselves).
    /// It is taken out of the slot while drawn and put back if unanswered,
    /// so a question holding a journal is never copied frame after frame.
    pub(super) fn modal_ui(&mut self, actions: &mut Vec<Action>) {
        match self.views.modal.take() {
            Some(Modal::Prompt(prompt)) => {
                if let Some(unanswered) = self.prompt_ui(prompt) {
                    self.views.modal.get_or_insert(Modal::Prompt(unanswered));
                }
            }
            Some(Modal::ImportPreview(preview)) => {
                match import_preview_ui(&self.ctx, &preview, self.language()) {
                    Some(import) => self.import_answered(*preview, import),
                    None => self.views.modal = Some(Modal::ImportPreview(preview)),
                }
            }
            Some(Modal::ListToGrid(offer)) => {
                match list_to_grid_ui(&self.ctx, &offer, self.language()) {
                    Some(Some(edit)) => actions.push(Action::Edit(edit)),
                    Some(None) => {}
                    None => self.views.modal = Some(Modal::ListToGrid(offer)),
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
                    None => self.views.modal = Some(Modal::Headings(choice)),
                }
            }
            Some(Modal::Library(dialog)) => {
                self.views.modal = Some(Modal::Library(dialog));
                let journal = self.session.doc().journal();
                let cx = view_ctx(journal, &self.settings, &self.window, &self.nav);
                library_dialog_ui(&self.ctx, &cx, &mut self.views.modal, actions);
            }
            other => self.views.modal = other,
        }
    }

    /// Run the commands whose shortcut was pressed (and take the keys, so a
    /// text field does not also act on them, e.g. its own Ctrl+Z).
    pub(super) fn shortcuts(&mut self, actions: &mut Vec<Action>) {
        for (shortcut, command) in Command::shortcut_table() {
            if self.ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                actions.push(Action::Run(command));
            }
        }
    }

    /// The window's close button, or the OS asking us to quit.
    pub(super) fn handle_close_request(&mut self) {
        let requested = self.ctx.input(|i| i.viewport().close_requested());
        if requested && !self.window.allow_close && self.is_dirty() {
            self.ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.views.modal = Some(Modal::Prompt(Prompt::Unsaved(Guarded::Quit)));
        }
    }

    pub(super) fn update_title(&mut self) {
        let title = self.window_title();
        crate::ui::accessible::name_window(&self.ctx, &title);
        if title != self.window.shown_title {
            self.ctx
                .send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window.shown_title = title;
        }
    }

    /// The help window that is open, if any.
    pub(super) fn help_ui(&mut self) {
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
}
