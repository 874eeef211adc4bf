//! The questions the app asks before it could lose work: unsaved changes
//! (before New, Open, Quit, closing the window), a journal changed on disk
//! since it was opened, a save that would leave far fewer days than the file
//! holds, and unsaved work recovered after a crash.

use egui::{Id, Modal, RichText, Ui};

use super::i18n::UiLanguage;
use super::widgets::{dialog_closed, focus_on_open};

/// What the user chose when asked about unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAnswer {
    Save,
    DontSave,
    Cancel,
}

/// What the user chose when the file changed on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalAnswer {
    Merge,
    Overwrite,
    Reload,
    SaveAs,
    Cancel,
}

/// A modal with a title, a message and buttons; returns the index of the
/// button clicked. Escape or a click outside counts as button `dismiss`, or
/// does nothing when it is None (the question must be answered). The
/// keyboard starts on the safe choice (`dismiss`, else the first button):
/// Enter or Space presses it, Tab moves to the others.
fn modal_ui(
    ctx: &egui::Context,
    id: &str,
    title: &str,
    message: &str,
    buttons: &[(&str, bool)],
    dismiss: Option<usize>,
) -> Option<usize> {
    let mut answer = None;
    let dialog = Id::unique(id);
    let safe = dismiss.unwrap_or(0);
    let modal = Modal::new(dialog).show(ctx, |ui: &mut Ui| {
        ui.set_width(440.0);
        ui.label(RichText::new(title).heading());
        ui.add_space(6.0);
        ui.add(egui::Label::new(message).wrap());
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            for (index, (text, enabled)) in buttons.iter().enumerate() {
                let button = ui.add_enabled(*enabled, egui::Button::new(*text));
                if index == safe {
                    focus_on_open(&button, dialog);
                }
                if button.clicked() {
                    answer = Some(index);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = dismiss;
    }
    if answer.is_some() {
        // Asked again later, the keyboard starts on the safe choice again.
        dialog_closed(ctx, dialog);
    }
    answer
}

/// "Save changes?" for the journal named `name`.
pub fn unsaved_prompt_ui(
    ctx: &egui::Context,
    name: &str,
    lang: UiLanguage,
) -> Option<PromptAnswer> {
    let message = match lang {
        UiLanguage::Japanese => format!("「{name}」には保存していない変更があります。"),
        UiLanguage::English => format!("“{name}” has changes that are not saved."),
    };
    let buttons = [
        (lang.pick("保存", "Save"), true),
        (lang.pick("保存しない", "Don't Save"), true),
        (lang.pick("キャンセル", "Cancel"), true),
    ];
    let title = lang.pick("変更を保存しますか？", "Save changes?");
    modal_ui(ctx, "unsaved-changes", title, &message, &buttons, Some(2)).map(|i| {
        [
            PromptAnswer::Save,
            PromptAnswer::DontSave,
            PromptAnswer::Cancel,
        ][i]
    })
}

/// The journal file changed (or vanished) since it was opened or saved.
pub fn external_change_ui(
    ctx: &egui::Context,
    name: &str,
    deleted: bool,
    lang: UiLanguage,
) -> Option<ExternalAnswer> {
    let message = match (lang, deleted) {
        (UiLanguage::Japanese, false) => format!(
            "「{name}」は開いた後に別のプログラムで変更されました。上書きすると、その変更は失われます。"
        ),
        (UiLanguage::English, false) => format!(
            "“{name}” was changed by another program since you opened it. Overwriting loses those changes."
        ),
        (UiLanguage::Japanese, true) => format!("「{name}」は開いた後に削除または移動されました。"),
        (UiLanguage::English, true) => {
            format!("“{name}” was deleted or moved since you opened it.")
        }
    };
    let buttons = [
        (
            lang.pick("統合する（両方の変更を残す）", "Merge (keep both)"),
            !deleted,
        ),
        (lang.pick("上書き保存", "Overwrite"), true),
        (
            lang.pick(
                "読み込み直す（この変更は捨てる）",
                "Reload (drop my changes)",
            ),
            !deleted,
        ),
        (lang.pick("別名で保存…", "Save As…"), true),
        (lang.pick("キャンセル", "Cancel"), true),
    ];
    let title = lang.pick("ファイルが外で変更されました", "The file changed on disk");
    modal_ui(ctx, "external-change", title, &message, &buttons, Some(4)).map(|i| {
        [
            ExternalAnswer::Merge,
            ExternalAnswer::Overwrite,
            ExternalAnswer::Reload,
            ExternalAnswer::SaveAs,
            ExternalAnswer::Cancel,
        ][i]
    })
}

/// Saving would leave `now` days where the file holds `on_disk`; true = save anyway.
pub fn few_days_ui(
    ctx: &egui::Context,
    now: usize,
    on_disk: usize,
    lang: UiLanguage,
) -> Option<bool> {
    let message = match lang {
        UiLanguage::Japanese => format!(
            "ファイルには {on_disk} 日分の記録がありますが、いまの学習ログは {now} 日分です。本当に保存しますか？"
        ),
        UiLanguage::English => {
            format!("The file holds {on_disk} days, but the journal now has {now}. Save anyway?")
        }
    };
    let buttons = [
        (lang.pick("保存する", "Save Anyway"), true),
        (lang.pick("キャンセル", "Cancel"), true),
    ];
    let title = lang.pick("記録が大きく減ります", "Most days would be gone");
    modal_ui(ctx, "few-days", title, &message, &buttons, Some(1)).map(|i| i == 0)
}

/// Unsaved work written at `when` was found; true = restore it.
/// `changed`: the journal was saved (by someone else) after it was written.
pub fn restore_ui(
    ctx: &egui::Context,
    name: &str,
    when: &str,
    changed: bool,
    lang: UiLanguage,
) -> Option<bool> {
    let mut message = match lang {
        UiLanguage::Japanese => format!(
            "「{name}」の保存されていない作業（{when} の時点）が見つかりました。前回は正しく終了しなかったようです。"
        ),
        UiLanguage::English => format!(
            "Unsaved work on “{name}” from {when} was found; studylog did not close properly last time."
        ),
    };
    if changed {
        message.push_str(lang.pick(
            "\n\nその後、学習ログは別の場所で保存されています。復元するといまの版はこの作業に置き換わります（元に戻すこともできます）。",
            "\n\nThe journal was saved elsewhere after that. Restoring replaces that version with this work (Undo brings it back).",
        ));
    }
    let buttons = [
        (lang.pick("復元", "Restore"), true),
        (lang.pick("破棄", "Discard"), true),
    ];
    let title = lang.pick(
        "保存されていない作業を復元しますか？",
        "Restore unsaved work?",
    );
    modal_ui(ctx, "restore", title, &message, &buttons, None).map(|i| i == 0)
}
