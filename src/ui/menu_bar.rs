//! The menu bar: File, Edit, View, Go, Settings, Help. Entries and their
//! shortcuts come from [`Command`], so what a menu shows is what a key does.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::session::files::{self, Backup};

use super::action::Action;
use super::command::Command;
use super::i18n::UiLanguage;

/// What the menus need to know to enable their entries.
pub struct MenuState<'a> {
    pub lang: UiLanguage,
    pub recent: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    pub has_day: bool,
    pub has_book: bool,
    /// The kept versions of the journal's file, newest first.
    pub backups: &'a [Backup],
    pub autosave_to_journal: bool,
    pub theme: egui::ThemePreference,
    pub high_contrast: bool,
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(lang.pick("ファイル", "File"), |ui| {
            file_menu_ui(ui, state, actions)
        });
        ui.menu_button(lang.pick("編集", "Edit"), |ui| {
            command_ui(ui, Command::Undo, state.can_undo, lang, actions);
            command_ui(ui, Command::Redo, state.can_redo, lang, actions);
            ui.separator();
            for command in [
                Command::Cut,
                Command::Copy,
                Command::Paste,
                Command::SelectAll,
            ] {
                command_ui(ui, command, true, lang, actions);
            }
            ui.separator();
            command_ui(ui, Command::Search, true, lang, actions);
        });
        ui.menu_button(lang.pick("挿入", "Insert"), |ui| {
            command_ui(ui, Command::InsertPicture, state.has_day, lang, actions);
        });
        ui.menu_button(lang.pick("表示", "View"), |ui| {
            view_menu_ui(ui, state, actions)
        });
        ui.menu_button(lang.pick("移動", "Go"), |ui| {
            command_ui(ui, Command::Today, true, lang, actions);
            command_ui(ui, Command::PreviousDay, true, lang, actions);
            command_ui(ui, Command::NextDay, true, lang, actions);
            command_ui(ui, Command::PreviousLoggedDay, true, lang, actions);
            command_ui(ui, Command::NextLoggedDay, true, lang, actions);
            ui.separator();
            command_ui(ui, Command::Calendar, true, lang, actions);
            command_ui(ui, Command::Review, true, lang, actions);
            command_ui(ui, Command::Week, true, lang, actions);
        });
        ui.menu_button(lang.pick("設定", "Settings"), |ui| {
            settings_menu_ui(ui, state, actions)
        });
        ui.menu_button(lang.pick("ヘルプ", "Help"), |ui| {
            command_ui(ui, Command::Shortcuts, true, lang, actions);
            command_ui(ui, Command::About, true, lang, actions);
        });
    });
}

fn file_menu_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    command_ui(ui, Command::New, true, lang, actions);
    command_ui(ui, Command::Open, true, lang, actions);
    recent_ui(ui, state, actions);
    ui.separator();
    command_ui(ui, Command::Save, true, lang, actions);
    command_ui(ui, Command::SaveAs, true, lang, actions);
    backups_ui(ui, state, actions);
    ui.separator();
    command_ui(ui, Command::ImportMarkdown, true, lang, actions);
    command_ui(ui, Command::ExportDay, state.has_day, lang, actions);
    command_ui(ui, Command::ExportBook, state.has_book, lang, actions);
    command_ui(ui, Command::ExportJournal, true, lang, actions);
    ui.separator();
    command_ui(ui, Command::Close, true, lang, actions);
    command_ui(ui, Command::Quit, true, lang, actions);
}

fn view_menu_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    command_ui(ui, Command::ZoomIn, true, lang, actions);
    command_ui(ui, Command::ZoomOut, true, lang, actions);
    command_ui(ui, Command::ZoomReset, true, lang, actions);
    ui.separator();
    ui.label(lang.pick("配色", "Theme"));
    for (theme, ja, en) in [
        (
            egui::ThemePreference::System,
            "システムに合わせる",
            "System",
        ),
        (egui::ThemePreference::Light, "ライト", "Light"),
        (egui::ThemePreference::Dark, "ダーク", "Dark"),
    ] {
        if ui.radio(state.theme == theme, lang.pick(ja, en)).clicked() {
            actions.push(Action::SetTheme(theme));
            ui.close();
        }
    }
    let mut high = state.high_contrast;
    if ui
        .checkbox(&mut high, lang.pick("高コントラスト", "High Contrast"))
        .changed()
    {
        actions.push(Action::SetHighContrast(high));
    }
    ui.separator();
    command_ui(ui, Command::SidePanel, true, lang, actions);
    command_ui(ui, Command::FullScreen, true, lang, actions);
}

fn settings_menu_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    ui.label(lang.pick("表示言語", "Language"));
    for (choice, name) in [
        (UiLanguage::Japanese, "日本語"),
        (UiLanguage::English, "English"),
    ] {
        if ui.radio(lang == choice, name).clicked() {
            actions.push(Action::SetLanguage(choice));
            ui.close();
        }
    }
    ui.separator();
    command_ui(ui, Command::JournalHeadings, true, lang, actions);
    ui.separator();
    let mut direct = state.autosave_to_journal;
    let label = lang.pick(
        "自動保存で学習ログに直接保存する",
        "Autosave straight to the journal",
    );
    if ui.checkbox(&mut direct, label).changed() {
        actions.push(Action::SetAutosaveToJournal(direct));
    }
}

fn command_ui(
    ui: &mut Ui,
    command: Command,
    enabled: bool,
    lang: UiLanguage,
    actions: &mut Vec<Action>,
) {
    let mut button = Button::new(command.label(lang));
    if let Some(shortcut) = command.shortcuts().first() {
        button = button.shortcut_text(super::command::shortcut_text(ui.ctx(), shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        actions.push(Action::Run(command));
        ui.close();
    }
}

/// File → Open Recent: files that are gone are greyed out and can be
/// removed from the list; Clear Recent empties it.
fn recent_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
        ui.menu_button(
            lang.pick("最近使ったファイル", "Open Recent"),
            |ui| {
                for path in state.recent {
                    let there = files::file_exists(path);
                    let name = files::journal_name(path);
                    ui.horizontal(|ui| {
                        let open = ui
                            .add_enabled(there, Button::new(&name))
                            .on_hover_text(path.display().to_string())
                            .on_disabled_hover_text(format!(
                                "{} {}",
                                path.display(),
                                lang.pick("（見つかりません）", "(not found)")
                            ));
                        if open.clicked() {
                            actions.push(Action::OpenRecent(path.clone()));
                            ui.close();
                        }
                        let remove = format!("{name}{}", lang.pick(" を一覧から外す", ": remove"));
                        if !there && super::widgets::icon_button(ui, "×", &remove).clicked() {
                            actions.push(Action::ForgetRecent(Some(path.clone())));
                        }
                    });
                }
                ui.separator();
                if ui.button(lang.pick("一覧を消去", "Clear Recent")).clicked() {
                    actions.push(Action::ForgetRecent(None));
                    ui.close();
                }
            },
        );
    });
}

/// File → Restore Backup: the kept versions of the journal, newest first.
fn backups_ui(ui: &mut Ui, state: &MenuState, actions: &mut Vec<Action>) {
    let lang = state.lang;
    ui.add_enabled_ui(!state.backups.is_empty(), |ui| {
        ui.menu_button(lang.pick("以前の版を開く", "Restore Backup"), |ui| {
            for backup in state.backups {
                let when: chrono::DateTime<chrono::Local> = backup.modified.into();
                let name = backup
                    .path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                let text = format!("{}  ({name})", when.format("%Y-%m-%d %H:%M"));
                if ui.button(text).clicked() {
                    actions.push(Action::RestoreBackup(backup.path.clone()));
                    ui.close();
                }
            }
        });
    });
}
