//! Knowing when an IME composition is in progress.
//!
//! egui has no "is composing" query. While the user composes Japanese, Enter
//! confirms a conversion and Tab or arrows pick candidates: none of them may
//! trigger a shortcut or a list continuation. So the app watches the IME
//! events of every frame.

use egui::{Event, ImeEvent, InputState};

/// Tracks whether the IME holds uncommitted text.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImeTracker {
    composing: bool,
    /// Whether this frame carried any IME event: the key that commits a
    /// conversion can arrive in the same frame as the commit itself.
    touched_this_frame: bool,
}

impl ImeTracker {
    /// Update from this frame's events. Call once per frame, before widgets.
    pub fn update(&mut self, input: &InputState) {
        self.touched_this_frame = false;
        for event in &input.events {
            if let Event::Ime(ime) = event {
                self.touched_this_frame = true;
                self.composing = match ime {
                    ImeEvent::Preedit { text, .. } => !text.is_empty(),
                    _ => false,
                };
            }
        }
    }

    /// Whether keys now belong to the IME rather than to the app.
    pub fn owns_keys(&self) -> bool {
        self.composing || self.touched_this_frame
    }
}
