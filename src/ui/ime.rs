//! Knowing when an input method is composing, in which field, and when the
//! composition ends.
//!
//! egui has no "is composing" query. While the user composes Japanese, Enter
//! confirms a conversion and Tab or arrows pick candidates: none of them may
//! trigger a shortcut or a list continuation, and the text shown (with its
//! uncommitted kana) is not yet an edit. So the app feeds every frame's
//! events and the focused widget to an [`ImeTracker`] before drawing.
//!
//! A composition ends when the input method commits or cancels it, and also
//! when the field it belongs to loses focus (a click elsewhere, Tab through
//! the app, a dialog, the window losing focus, the input method turned off).
//! Those last endings are [`Ending::Abrupt`]: the app commits what is shown,
//! as GTK and the browsers do, and tells the input method to stop. No order
//! of events can leave the tracker composing once its field has lost focus.

use egui::{Event, Id, ImeEvent};

/// Tracks the composition the input method holds, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImeTracker {
    /// The field whose composition is open (it shows uncommitted text).
    composing_in: Option<Id>,
    /// Whether this frame carried IME events: the key that commits a
    /// conversion can arrive in the same frame as the commit itself.
    touched_this_frame: bool,
}

/// How a frame's events ended a composition open before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Still composing, or there was nothing to end.
    None,
    /// The input method committed or cancelled: the field has the final text.
    Finished,
    /// Focus left the field (or the window, or the input method went off)
    /// while it composed: what is shown is to be committed and the input
    /// method told to drop its composition.
    Abrupt,
}

impl ImeTracker {
    /// Feed one frame: its events in order, the widget focused as the frame
    /// starts, and whether the window has focus. Call once per frame, before
    /// the widgets run.
    pub fn begin_frame(
        &mut self,
        events: &[Event],
        focused: Option<Id>,
        window_focused: bool,
    ) -> Ending {
        let before = self.composing_in;
        let mut ending = Ending::None;
        self.touched_this_frame = false;
        for event in events {
            if matches!(event, Event::Ime(_)) {
                self.touched_this_frame = true;
            }
            if let Some(end) = self.feed(event, focused)
                && self.composing_in.take().is_some()
            {
                ending = end;
            }
        }
        // The composing field lost focus (in the last frame, or it was never
        // a field at all): the composition cannot go on there.
        let lost_focus = !window_focused || focused.is_none() || focused != self.composing_in;
        if self.composing_in.is_some() && lost_focus {
            self.composing_in = None;
            ending = Ending::Abrupt;
        }
        if before.is_some() && self.composing_in.is_some() && before != self.composing_in {
            // A composition began in another field than the one that composed.
            ending = Ending::Abrupt;
        }
        ending
    }

    /// Start a composition on a preedit; how an event would end one.
    fn feed(&mut self, event: &Event, focused: Option<Id>) -> Option<Ending> {
        match event {
            Event::Ime(ImeEvent::Preedit { text, .. }) if !text.is_empty() => {
                self.composing_in = focused;
                None
            }
            Event::Ime(ImeEvent::Preedit { .. } | ImeEvent::Commit(_)) => Some(Ending::Finished),
            #[expect(deprecated)]
            Event::Ime(ImeEvent::Disabled) => Some(Ending::Abrupt),
            Event::WindowFocused(false) => Some(Ending::Abrupt),
            _ => None,
        }
    }

    /// Whether keys now belong to the input method rather than to the app.
    pub fn owns_keys(&self) -> bool {
        self.composing_in.is_some() || self.touched_this_frame
    }

    /// Whether the input method changed an open composition this frame.
    pub fn composed_this_frame(&self) -> bool {
        self.touched_this_frame && self.composing_in.is_some()
    }

    /// Whether a composition is open (in any field).
    pub fn is_composing(&self) -> bool {
        self.composing_in.is_some()
    }
}

#[cfg(test)]
mod tests;
