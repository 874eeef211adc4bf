//! The app as eframe runs it: the frame's entry point (first-frame passes,
//! start-up phases), background work while covered, what is remembered
//! between runs, and input held back while a big journal is read.

use super::*;

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
        self.window.focus_return.before_widgets(&self.ctx);
        self.finish_loading();
        self.frame_ui(ui);
        if self.ctx.cumulative_frame_nr() == 0
            && self.ctx.current_pass_index() + 1 < FIRST_FRAME_PASSES
        {
            // egui styles a widget by its state in the pass before, which
            // the first pass does not have: lay the first frame out twice
            // before it is painted, so what is painted first stays. (A grid,
            // sized by the pass before, asks for a third while it moves.)
            self.ctx
                .request_discard("first frame: widget states not known yet");
            let pass = self.ctx.current_pass_index() + 1;
            crate::startup::phase(&format!("first frame: pass {pass} laid out"));
        } else if self.window.frames <= 30 && crate::startup::is_logged() {
            // Why each early pass ran: a frame that repaints during start-up
            // is where a changing first picture comes from.
            let causes = self.ctx.repaint_causes();
            crate::startup::phase(&format!(
                "pass {} {causes:?} (the frame before took {:.1} ms to lay out and paint)",
                self.window.frames,
                frame.info().cpu_usage.unwrap_or(0.0) * 1000.0
            ));
        }
        if let Some(request) = self.window.dialog.take() {
            self.dialogs.ask(request, &self.ctx, frame);
        }
        self.window.focus_return.after_pass(&self.ctx);
    }

    /// An export still being written is finished before the process ends
    /// (a write cut short would leave no file, never half of one, but the
    /// user was told it was on its way).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.session.errands().wait_all();
    }

    /// The panels' colour: they are not filled (see `panels_ui`), the
    /// window is cleared in it.
    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        visuals.panel_fill.to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }

    /// While a preview is shown, input is held back (a preview is not to
    /// be edited), and given to the journal once it is in, in order. Only
    /// the pointer's moves go through, so what it hovers shows at once.
    /// Textures are kept to [`crate::session::MAX_TEXTURE_SIDE`].
    fn raw_input_hook(&mut self, _ctx: &Context, raw_input: &mut egui::RawInput) {
        // No texture the window makes is larger: egui's glyph atlas, as wide
        // as the largest texture allowed, is then not the GPU's largest,
        // which the first frame would upload whole.
        let largest = &mut raw_input.max_texture_side;
        *largest = largest.map(|side| side.min(crate::session::MAX_TEXTURE_SIDE));
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
