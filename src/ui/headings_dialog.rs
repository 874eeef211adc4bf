//! Settings ▸ Journal Headings…: the language of the journal's section
//! headings (a preset per language), for new days and, if asked, for the
//! days already written. Separate from the menus' language: a journal keeps
//! its own until the user changes it here.

use egui::{Context, RichText};

use crate::model::{Journal, Language, Section, SectionHeadings, headings_to_rename};

use super::i18n::UiLanguage;

/// What the dialog holds while open.
#[derive(Clone, Debug, PartialEq)]
pub struct HeadingsChoice {
    pub language: Language,
    /// Also rename the headings of the days already written.
    pub existing: bool,
}

/// The dialog; `Some(true)` to apply the choice, `Some(false)` to cancel,
/// `None` while it stays open.
pub fn headings_dialog_ui(
    ctx: &Context,
    choice: &mut HeadingsChoice,
    journal: &Journal,
    lang: UiLanguage,
) -> Option<bool> {
    let mut answer = None;
    egui::Window::new(lang.pick("この学習ログの見出し", "Journal headings"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(lang.pick(
                "新しい日の各セクションの見出し（表示言語とは別に、学習ログごとに決まります）:",
                "Section headings for new days (each journal keeps its own, whatever the menus' language):",
            ));
            for language in [Language::Ja, Language::En] {
                let headings = SectionHeadings::for_language(language);
                let all: Vec<&str> = Section::ALL.iter().map(|s| headings.get(*s)).collect();
                let text = format!("{} — {}", language_name(language), all.join(" / "));
                ui.radio_value(&mut choice.language, language, text);
            }
            let renamed = headings_to_rename(journal, choice.language);
            let existing = match lang {
                UiLanguage::Japanese => format!("これまでの日の見出しも変える（{renamed} 個）"),
                UiLanguage::English => format!("Also rename the headings of days already written ({renamed})"),
            };
            ui.add_enabled_ui(renamed > 0, |ui| ui.checkbox(&mut choice.existing, existing));
            ui.label(RichText::new(lang.pick(
                "自分で付けた見出しはそのままです。元に戻すで一度に戻せます。",
                "Headings of your own stay as they are. Undo takes it all back at once.",
            )).weak());
            ui.horizontal(|ui| {
                if ui.button(lang.pick("変える", "Change")).clicked() {
                    answer = Some(true);
                }
                if ui.button(lang.pick("やめる", "Cancel")).clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}

fn language_name(language: Language) -> &'static str {
    match language {
        Language::Ja => "日本語",
        Language::En => "English",
    }
}
