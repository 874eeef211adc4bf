//! "Save changes?" before New, Open, Quit or closing the window.

use egui::{Id, Modal, RichText};

use super::i18n::UiLanguage;

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    DontSave,
    Cancel,
}

/// Show the prompt for the journal named `name`; returns the answer once given.
pub fn unsaved_prompt_ui(
    ctx: &egui::Context,
    name: &str,
    lang: UiLanguage,
) -> Option<PromptAnswer> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("unsaved-changes")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.label(RichText::new(lang.pick("変更を保存しますか？", "Save changes?")).heading());
        ui.add_space(6.0);
        ui.label(match lang {
            UiLanguage::Japanese => format!("「{name}」には保存していない変更があります。"),
            UiLanguage::English => format!("“{name}” has changes that are not saved."),
        });
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            if ui.button(lang.pick("保存", "Save")).clicked() {
                answer = Some(PromptAnswer::Save);
            }
            if ui.button(lang.pick("保存しない", "Don't Save")).clicked() {
                answer = Some(PromptAnswer::DontSave);
            }
            if ui.button(lang.pick("キャンセル", "Cancel")).clicked() {
                answer = Some(PromptAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(PromptAnswer::Cancel);
    }
    answer
}
