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
    /// News of work under way, shown as `Info` until the work ends.
    Working(Work),
}

/// Work a message stands for while it runs: the message is taken away when
/// the work ends, whatever language it was worded in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Work {
    /// A journal being read (at start, or from File ▸ Open).
    ReadingJournal(std::path::PathBuf),
    /// Markdown logs being read for an import.
    ReadingLogs,
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

    /// News that `work` is under way, until [`end_work`] takes it away.
    pub fn working(work: Work, text: impl Into<String>) -> Self {
        Message {
            kind: MessageKind::Working(work),
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

/// `work` is over: the message that stood for it goes.
pub fn end_work(messages: &mut Vec<Message>, work: &Work) {
    messages.retain(|m| !matches!(&m.kind, MessageKind::Working(w) if w == work));
}

pub fn banner_ui(ui: &mut Ui, messages: &[Message], lang: UiLanguage, actions: &mut Vec<Action>) {
    for (index, message) in messages.iter().enumerate() {
        ui.horizontal(|ui| {
            let text = match message.kind {
                MessageKind::Error => {
                    RichText::new(format!("※ {}", message.text)).color(ui.visuals().error_fg_color)
                }
                MessageKind::Info | MessageKind::Working(_) => RichText::new(&message.text),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The menus' language may change while a journal or logs are read:
    /// the notice still goes when the reading ends, and only that one.
    #[test]
    fn ended_work_takes_its_notice_away_whatever_its_wording() {
        let journal = std::path::PathBuf::from("/tmp/a.studylog.ron");
        let mut messages = vec![
            Message::working(Work::ReadingLogs, "ログを読んでいます…"),
            Message::info("Imported 2 days"),
            Message::working(Work::ReadingJournal(journal.clone()), "Reading a…"),
        ];
        end_work(&mut messages, &Work::ReadingLogs);
        let left: Vec<_> = messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(left, ["Imported 2 days", "Reading a…"]);
        end_work(&mut messages, &Work::ReadingJournal(journal));
        assert_eq!(messages, [Message::info("Imported 2 days")]);
    }
}
