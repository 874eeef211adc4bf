//! Messages for the user: errors in red, news in the normal colour, shown in a
//! strip under the menu until dismissed. Nothing goes wrong in silence.

use egui::{RichText, Ui};

use super::action::Action;
use super::i18n::UiLanguage;
use super::widgets::icon_button;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Error,
    Info,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
    /// A button beside the message (Merge, Merge and open) and what it does.
    pub action: Option<(String, Action)>,
}

impl Message {
    pub fn error(text: impl Into<String>) -> Self {
        Message {
            kind: MessageKind::Error,
            text: text.into(),
            action: None,
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Message {
            kind: MessageKind::Info,
            text: text.into(),
            action: None,
        }
    }

    /// The message with a button that does `action` (and dismisses it).
    pub fn with_action(mut self, label: String, action: Action) -> Self {
        self.action = Some((label, action));
        self
    }
}

pub fn banner_ui(ui: &mut Ui, messages: &[Message], lang: UiLanguage, actions: &mut Vec<Action>) {
    for (index, message) in messages.iter().enumerate() {
        ui.horizontal(|ui| {
            let text = match message.kind {
                MessageKind::Error => {
                    RichText::new(format!("※ {}", message.text)).color(ui.visuals().error_fg_color)
                }
                MessageKind::Info => RichText::new(&message.text),
            };
            if icon_button(ui, "×", lang.pick("閉じる", "Dismiss")).clicked() {
                actions.push(Action::DismissMessage(index));
            }
            if let Some((label, action)) = &message.action
                && ui.button(label).clicked()
            {
                actions.push(action.clone());
                actions.push(Action::DismissMessage(index));
            }
            let shown = ui.add(egui::Label::new(text).wrap());
            // Read out as it appears, errors at once.
            super::accessible::live(&shown, message.kind == MessageKind::Error);
        });
    }
}
