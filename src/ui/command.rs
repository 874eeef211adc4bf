//! Every command the user can give from a menu or a shortcut, in one place.
//!
//! A command knows its words in both UI languages and its keyboard shortcuts;
//! the menu bar and the shortcut handler both read them from here, so a menu
//! entry always shows the shortcut that really works.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::i18n::UiLanguage;

crate::listed_enum::listed_enum! {
    /// A user command.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Command {
        New,
        Open,
        Save,
        SaveAs,
        ImportMarkdown,
        ExportDay,
        ExportBook,
        ExportJournal,
        Close,
        Quit,
        Undo,
        Redo,
        Cut,
        Copy,
        Paste,
        SelectAll,
        InsertPicture,
        Today,
        PreviousDay,
        NextDay,
        PreviousLoggedDay,
        NextLoggedDay,
        Calendar,
        Review,
        Week,
        Search,
        ZoomIn,
        ZoomOut,
        ZoomReset,
        FullScreen,
        SidePanel,
        NextPane,
        JournalHeadings,
        Shortcuts,
        About,
    }
}

impl Command {
    /// The menu wording.
    pub fn label(self, lang: UiLanguage) -> &'static str {
        let (ja, en) = match self {
            Command::New => ("新規", "New"),
            Command::Open => ("開く…", "Open…"),
            Command::Save => ("保存", "Save"),
            Command::SaveAs => ("名前を付けて保存…", "Save As…"),
            Command::ImportMarkdown => ("Markdown を取り込む…", "Import Markdown…"),
            Command::ExportDay => ("この日を書き出す…", "Export This Day…"),
            Command::ExportBook => ("この本を書き出す…", "Export This Book…"),
            Command::ExportJournal => ("すべてを書き出す…", "Export Whole Journal…"),
            Command::Close => ("ウィンドウを閉じる", "Close Window"),
            Command::Quit => ("終了", "Quit"),
            Command::Undo => ("元に戻す", "Undo"),
            Command::Redo => ("やり直す", "Redo"),
            Command::Cut => ("切り取り", "Cut"),
            Command::Copy => ("コピー", "Copy"),
            Command::Paste => ("貼り付け", "Paste"),
            Command::SelectAll => ("すべて選択", "Select All"),
            Command::InsertPicture => ("画像…", "Image…"),
            Command::Today => ("今日の記録", "Today"),
            Command::PreviousDay => ("前の日", "Previous Day"),
            Command::NextDay => ("次の日", "Next Day"),
            Command::PreviousLoggedDay => ("前の記録のある日", "Previous Logged Day"),
            Command::NextLoggedDay => ("次の記録のある日", "Next Logged Day"),
            Command::Calendar => ("カレンダー", "Calendar"),
            Command::Review => ("復習", "Review Cards"),
            Command::Week => ("週の振り返り", "Week in Review"),
            Command::Search => ("検索", "Find"),
            Command::ZoomIn => ("拡大", "Zoom In"),
            Command::ZoomOut => ("縮小", "Zoom Out"),
            Command::ZoomReset => ("元の大きさ", "Reset Zoom"),
            Command::FullScreen => ("全画面表示", "Full Screen"),
            Command::SidePanel => ("サイドパネルの表示/非表示", "Show/Hide Side Panel"),
            Command::NextPane => (
                "次の区画へ（本の一覧・記録・検索）",
                "Next Pane (Books, Form, Search)",
            ),
            Command::JournalHeadings => ("この学習ログの見出し…", "Journal Headings…"),
            Command::Shortcuts => ("キーボードショートカット", "Keyboard Shortcuts"),
            Command::About => ("studylog について", "About studylog"),
        };
        lang.pick(ja, en)
    }

    /// The shortcuts that run this command; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        match self {
            Command::New => vec![command(Key::N)],
            Command::Open => vec![command(Key::O)],
            Command::Save => vec![command(Key::S)],
            Command::SaveAs => vec![command_shift(Key::S)],
            Command::Quit => vec![command(Key::Q)],
            Command::Search => vec![command(Key::F)],
            Command::Undo => vec![command(Key::Z)],
            Command::Redo => vec![command_shift(Key::Z), command(Key::Y)],
            Command::PreviousDay => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
            Command::NextDay => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)],
            Command::PreviousLoggedDay => vec![KeyboardShortcut::new(
                Modifiers::ALT | Modifiers::SHIFT,
                Key::ArrowLeft,
            )],
            Command::NextLoggedDay => vec![KeyboardShortcut::new(
                Modifiers::ALT | Modifiers::SHIFT,
                Key::ArrowRight,
            )],
            Command::Close => vec![command(Key::W)],
            Command::Cut => vec![command(Key::X)],
            Command::Copy => vec![command(Key::C)],
            Command::Paste => vec![command(Key::V)],
            Command::SelectAll => vec![command(Key::A)],
            Command::Today => vec![command(Key::T)],
            Command::Calendar => vec![command_shift(Key::C)],
            Command::Review => vec![command(Key::R)],
            Command::Week => vec![command_shift(Key::R)],
            Command::ZoomIn => vec![command(Key::Plus), command(Key::Equals)],
            Command::ZoomOut => vec![command(Key::Minus)],
            Command::ZoomReset => vec![command(Key::Num0)],
            Command::FullScreen => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F11)],
            Command::SidePanel => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F9)],
            Command::NextPane => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F6)],
            Command::Shortcuts => vec![
                KeyboardShortcut::new(Modifiers::NONE, Key::F1),
                command_shift(Key::Questionmark),
            ],
            Command::ImportMarkdown
            | Command::ExportDay
            | Command::ExportBook
            | Command::ExportJournal
            | Command::JournalHeadings
            | Command::InsertPicture
            | Command::About => Vec::new(),
        }
    }

    /// Whether the text field with the keyboard acts on this command's keys
    /// itself (Cut, Copy, Paste, Select All): the menu shows the keys, the
    /// app leaves them to the field.
    pub fn keys_belong_to_text_fields(self) -> bool {
        matches!(
            self,
            Command::Cut | Command::Copy | Command::Paste | Command::SelectAll
        )
    }

    /// Every (shortcut, command) pair, the ones with more modifiers first: egui
    /// matches Ctrl+Z against Ctrl+Shift+Z too, so the longer one must win.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Command)> {
        let mut table: Vec<_> = Command::ALL
            .iter()
            .filter(|command| !command.keys_belong_to_text_fields())
            .flat_map(|command| command.shortcuts().into_iter().map(|s| (s, *command)))
            .collect();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        table
    }
}

/// A shortcut as menus and the shortcuts window write it: the platform's
/// modifier names, and the key's own symbol where it is punctuation (Ctrl++,
/// not Ctrl+Plus; Ctrl+Shift+?, not Ctrl+Shift+Questionmark).
pub fn shortcut_text(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(shortcut);
    let key = shortcut.logical_key;
    // egui's symbol for Minus is the typographic −; menus show the key's -.
    let symbol = match key {
        Key::Minus => "-",
        _ => key.symbol_or_name(),
    };
    match full.strip_suffix(key.name()) {
        // Arrows and the like keep their names: not every font draws ⏴.
        Some(modifiers) if symbol.is_ascii() => format!("{modifiers}{symbol}"),
        _ => full,
    }
}

fn modifier_count(modifiers: Modifiers) -> u8 {
    u8::from(modifiers.alt)
        + u8::from(modifiers.shift)
        + u8::from(modifiers.command || modifiers.ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let table: Vec<_> = Command::ALL
            .iter()
            .flat_map(|command| command.shortcuts().into_iter().map(|s| (s, *command)))
            .collect();
        for (i, (shortcut, command)) in table.iter().enumerate() {
            for (other_shortcut, other) in &table[i + 1..] {
                assert!(
                    shortcut != other_shortcut,
                    "{command:?} and {other:?} share a shortcut"
                );
            }
        }
    }

    #[test]
    fn every_command_has_words_in_both_languages() {
        for command in Command::ALL {
            assert!(!command.label(UiLanguage::Japanese).is_empty());
            assert!(!command.label(UiLanguage::English).is_empty());
        }
    }
}
