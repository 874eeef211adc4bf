//! Help → Keyboard Shortcuts and Help → About studylog.
//!
//! The shortcuts window is generated from [`Command`], so it lists exactly
//! the keys that work; About says the version, the licences (the app's and
//! the bundled fonts' OFL) and where the journal and recovery files live.

use std::path::PathBuf;

use egui::{Context, Id, Modal, RichText};

use super::command::Command;
use super::i18n::UiLanguage;

/// Which help window is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpWindow {
    Shortcuts,
    About,
}

/// What About tells about this installation.
pub struct AboutInfo {
    /// The open journal's file, if it has one.
    pub journal: Option<PathBuf>,
    /// Where unsaved work is kept until it is saved.
    pub recovery_dir: Option<PathBuf>,
}

/// The open help window; false once the user closed it.
pub fn help_ui(ctx: &Context, window: HelpWindow, lang: UiLanguage, about: &AboutInfo) -> bool {
    let id = match window {
        HelpWindow::Shortcuts => Id::unique("help-shortcuts"),
        HelpWindow::About => Id::unique("help-about"),
    };
    let mut close = false;
    let modal = Modal::new(id).show(ctx, |ui| {
        ui.set_width(460.0);
        match window {
            HelpWindow::Shortcuts => shortcuts_ui(ui, lang),
            HelpWindow::About => about_ui(ui, lang, about),
        }
        ui.add_space(8.0);
        close = ui.button(lang.pick("閉じる", "Close")).clicked();
    });
    !(close || modal.should_close())
}

/// Keys that act where the keyboard is, not through a menu command.
const IN_PLACE_KEYS: [(&str, &str, &str); 15] = [
    (
        "記録のセクションの見出しへ",
        "Go to a section's title",
        "Ctrl+1 … Ctrl+9",
    ),
    ("本の一覧: 上下の行へ", "Books: row above / below", "↑ / ↓"),
    (
        "本の一覧: 開く / 閉じる",
        "Books: open / close a book",
        "→ / ←",
    ),
    (
        "本の一覧: 名前を変更 / 削除",
        "Books: rename / delete",
        "F2 / Delete",
    ),
    (
        "ボタン・リンクを押す",
        "Press a button or link",
        "Enter / Space",
    ),
    (
        "リストを続ける / 字下げ",
        "Continue a list / indent it",
        "Enter / Tab, Shift+Tab",
    ),
    (
        "ノートの表: 次 / 前のセル",
        "A table in a note: next / previous cell",
        "Tab / Shift+Tab",
    ),
    (
        "次 / 前の操作部品へ（Tab が字下げに使われる欄からも）",
        "Next / previous control (also from a field where Tab indents)",
        "Ctrl+Tab / Ctrl+Shift+Tab",
    ),
    (
        "入力欄を離れる（Tab が字下げなどに使われる欄でも）",
        "Leave a field (also where Tab indents)",
        "Esc",
    ),
    (
        "リンクを開く（ノートの中）",
        "Follow a link (in a note)",
        "Ctrl+click",
    ),
    (
        "復習: 答えを見る / 評価する",
        "Review: show the answer / rate it",
        "Space / 1 – 4",
    ),
    (
        "比較表の得点（得点ボタンで）",
        "A grid score (on its score button)",
        "1 – 5, ◎○△×, 0 / Delete",
    ),
    (
        "リストの項目を上下に移動 / 空の項目を削除",
        "Move a list item / remove an empty one",
        "Alt+↑ / Alt+↓, Ctrl+Backspace",
    ),
    (
        "比較表の選択したセル: 移動 / 行・列の移動 / 編集",
        "Grid, a selected cell: move / move its row or column / edit",
        "←→↑↓ Home End Tab / Ctrl+←→↑↓ / Enter, F2",
    ),
    (
        "比較表の編集中のセル: 次のセル / 編集をやめる / 行の移動",
        "Grid, a cell being edited: next cell / stop editing / move its row",
        "Tab, Enter, ←→↑↓ at its edge / Esc, F2 / Alt+↑ ↓",
    ),
];

fn shortcuts_ui(ui: &mut egui::Ui, lang: UiLanguage) {
    ui.label(RichText::new(Command::Shortcuts.label(lang)).heading());
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            egui::Grid::new("shortcut-table")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for command in Command::ALL {
                        let keys: Vec<String> = command
                            .shortcuts()
                            .iter()
                            .map(|s| super::command::shortcut_text(ui.ctx(), s))
                            .collect();
                        if keys.is_empty() {
                            continue;
                        }
                        ui.label(command.label(lang));
                        ui.label(RichText::new(keys.join(" / ")).monospace());
                        ui.end_row();
                    }
                    for (ja, en, keys) in IN_PLACE_KEYS {
                        ui.label(lang.pick(ja, en));
                        ui.label(RichText::new(keys).monospace());
                        ui.end_row();
                    }
                });
        });
}

fn about_ui(ui: &mut egui::Ui, lang: UiLanguage, about: &AboutInfo) {
    ui.label(RichText::new("studylog").heading().strong());
    ui.label(format!(
        "{} {}",
        lang.pick("バージョン", "Version"),
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(lang.pick(
        "技術書の学習記録を日ごとに書くためのアプリ。",
        "A daily study log for readers of technical books.",
    ));
    ui.add_space(6.0);
    ui.label(format!(
        "{}: {}",
        lang.pick("ライセンス", "Licence"),
        env!("CARGO_PKG_LICENSE")
    ));
    ui.label(lang.pick(
        "フォント: BIZ UDGothic / BIZ UDPGothic (SIL Open Font License 1.1, The BIZ UDGothic Project Authors)",
        "Fonts: BIZ UDGothic / BIZ UDPGothic (SIL Open Font License 1.1, The BIZ UDGothic Project Authors)",
    ));
    ui.add_space(6.0);
    let none = lang.pick("（まだ保存していません）", "(not saved yet)");
    let journal = about
        .journal
        .as_ref()
        .map_or(none.to_owned(), |p| p.display().to_string());
    ui.label(format!("{}: {journal}", lang.pick("学習ログ", "Journal")));
    let recovery = about
        .recovery_dir
        .as_ref()
        .map_or("—".to_owned(), |p| p.display().to_string());
    ui.label(format!(
        "{}: {recovery}",
        lang.pick("未保存の作業の控え", "Unsaved work is kept in")
    ));
}
