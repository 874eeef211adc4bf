//! Tab after Esc carries on from where the keyboard was. egui's Esc takes
//! the keyboard from the focused widget, and the next Tab would then start
//! again at the top of the window (the menu bar); a keyboard user who left
//! a field with Esc expects Tab to go on to the field after it (WCAG 2.4.3,
//! focus order).

use egui::{Context, Id, Key};

/// The widget that had the keyboard at the end of the last pass.
#[derive(Default)]
pub struct FocusReturn {
    last: Option<Id>,
}

impl FocusReturn {
    /// After a pass: remember the widget with the keyboard, if any.
    pub fn after_pass(&mut self, ctx: &Context) {
        if let Some(id) = ctx.memory(|m| m.focused()) {
            self.last = Some(id);
        }
    }

    /// At the start of a pass, before any widget: when nothing has the
    /// keyboard and Tab or Shift+Tab is pressed, hand it back to the widget
    /// that had it last (if it is still shown), so that egui moves on from
    /// there as the widgets are drawn.
    pub fn before_widgets(&mut self, ctx: &Context) {
        if ctx.memory(|m| m.focused()).is_some() || !tab_pressed(ctx) {
            return;
        }
        let Some(last) = self.last.take() else {
            return;
        };
        if ctx.read_response(last).is_some() {
            ctx.memory_mut(|m| m.request_focus(last));
        }
    }
}

fn tab_pressed(ctx: &Context) -> bool {
    ctx.input(|i| {
        let plain = i.modifiers.is_none() || i.modifiers.shift_only();
        plain && i.key_pressed(Key::Tab)
    })
}
