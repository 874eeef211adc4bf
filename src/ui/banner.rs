//! Messages for the user: errors in red, news in the normal colour, shown in a
//! strip under the menu until dismissed. Nothing goes wrong in silence.

use egui::{Color32, RichText, Ui};

use super::action::Action;
use super::i18n::UiLanguage;
use super::widgets::icon_button;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MessageKind {
    Error,
    Info,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub kind: MessageKind,
    pub text: String,
}

impl Message {
    pub fn error(text: impl Into<String>) -> Self {
        Message {
            kind: MessageKind::Error,
            text: text.into(),
        }
    }

    pub fn info(text: impl Into<String>) -> Self {
        Message {
            kind: MessageKind::Info,
            text: text.into(),
        }
    }
}

pub fn banner_ui(ui: &mut Ui, messages: &[Message], lang: UiLanguage, actions: &mut Vec<Action>) {
    for (index, message) in messages.iter().enumerate() {
        ui.horizontal(|ui| {
            let text = match message.kind {
                MessageKind::Error => RichText::new(format!("※ {}", message.text))
                    .color(Color32::from_rgb(220, 60, 60)),
                MessageKind::Info => RichText::new(&message.text),
            };
            if icon_button(ui, "×", lang.pick("閉じる", "Dismiss")).clicked() {
                actions.push(Action::DismissMessage(index));
            }
            ui.add(egui::Label::new(text).wrap());
        });
    }
}
