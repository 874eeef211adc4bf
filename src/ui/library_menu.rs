//! Managing the library from the side tree: each book and chapter has a
//! context menu (rename, move, status, paste a table of contents, delete),
//! and the questions those need are small modal dialogs. Deleting asks first,
//! saying how many days lose notes, and can be undone.

use egui::{Id, RichText, Ui};

use crate::model::{
    BookId, ChapterId, ChapterStatus, Edit, chapters_from_toc, days_with_book, days_with_chapter,
};

use super::action::{Action, ViewCtx};
use super::drafts::{LibraryDialog, Modal};
use super::i18n::UiLanguage;
use super::widgets::{dialog_closed, focus_on_open, set_name};

/// The mark shown before a chapter for its status.
pub fn status_icon(status: ChapterStatus) -> &'static str {
    match status {
        ChapterStatus::NotStarted => "○",
        ChapterStatus::Reading => "▶",
        ChapterStatus::Done => "✓",
    }
}

/// The words for a chapter status.
pub fn status_label(status: ChapterStatus, lang: UiLanguage) -> &'static str {
    match status {
        ChapterStatus::NotStarted => lang.pick("未着手", "Not started"),
        ChapterStatus::Reading => lang.pick("読書中", "Reading"),
        ChapterStatus::Done => lang.pick("完了", "Done"),
    }
}

pub fn book_menu_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    book: BookId,
    index: usize,
    modal: &mut Option<Modal>,
    actions: &mut Vec<Action>,
) {
    let title = cx.journal.book(book).map_or("", |b| b.title.as_str());
    if ui.button(cx.pick("名前を変更…", "Rename…")).clicked() {
        *modal = Some(Modal::Library(LibraryDialog::RenameBook(
            book,
            title.to_owned(),
        )));
        ui.close();
    }
    if ui
        .button(cx.pick("目次を貼り付けて章を追加…", "Paste Table of Contents…"))
        .clicked()
    {
        *modal = Some(Modal::Library(LibraryDialog::PasteToc(book, String::new())));
        ui.close();
    }
    if let Some(to) = move_entries_ui(ui, cx, index, cx.journal.books.len()) {
        actions.push(Action::Edit(Edit::MoveBook { from: index, to }));
    }
    ui.separator();
    if ui.button(cx.pick("本を削除…", "Delete Book…")).clicked() {
        *modal = Some(Modal::Library(LibraryDialog::DeleteBook(book)));
        ui.close();
    }
}

pub fn chapter_menu_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    chapter: ChapterId,
    index: usize,
    modal: &mut Option<Modal>,
    actions: &mut Vec<Action>,
) {
    let Some((book, info)) = cx.journal.chapter(chapter) else {
        return;
    };
    for status in [
        ChapterStatus::NotStarted,
        ChapterStatus::Reading,
        ChapterStatus::Done,
    ] {
        if ui
            .radio(info.status == status, status_label(status, cx.lang))
            .clicked()
        {
            actions.push(Action::Edit(Edit::SetChapterStatus { chapter, status }));
            ui.close();
        }
    }
    ui.separator();
    if ui.button(cx.pick("名前を変更…", "Rename…")).clicked() {
        *modal = Some(Modal::Library(LibraryDialog::RenameChapter(
            chapter,
            info.label.clone(),
        )));
        ui.close();
    }
    if let Some(to) = move_entries_ui(ui, cx, index, book.chapters.len()) {
        actions.push(Action::Edit(Edit::MoveChapter { chapter, to }));
    }
    ui.separator();
    if ui.button(cx.pick("章を削除…", "Delete Chapter…")).clicked() {
        *modal = Some(Modal::Library(LibraryDialog::DeleteChapter(chapter)));
        ui.close();
    }
}

/// Move Up / Move Down for entry `index` of `len`; returns the place asked for.
fn move_entries_ui(ui: &mut Ui, cx: &ViewCtx, index: usize, len: usize) -> Option<usize> {
    let up = egui::Button::new(cx.pick("上へ", "Move Up"));
    let down = egui::Button::new(cx.pick("下へ", "Move Down"));
    let to = if ui.add_enabled(index > 0, up).clicked() {
        Some(index - 1)
    } else if ui.add_enabled(index + 1 < len, down).clicked() {
        Some(index + 1)
    } else {
        None
    };
    if to.is_some() {
        ui.close();
    }
    to
}

/// The open dialog, if any; it closes itself when answered.
pub fn library_dialog_ui(
    ctx: &egui::Context,
    cx: &ViewCtx,
    modal: &mut Option<Modal>,
    actions: &mut Vec<Action>,
) {
    let Some(Modal::Library(current)) = modal.as_mut() else {
        return;
    };
    let mut done = false;
    let window = egui::Modal::new(Id::unique(DIALOG)).show(ctx, |ui| {
        ui.set_width(420.0);
        done = match current {
            LibraryDialog::RenameBook(book, title) => {
                let book = *book;
                rename_ui(
                    ui,
                    cx,
                    title,
                    |title| Edit::RenameBook { book, title },
                    actions,
                )
            }
            LibraryDialog::RenameChapter(chapter, label) => {
                let chapter = *chapter;
                rename_ui(
                    ui,
                    cx,
                    label,
                    |label| Edit::RenameChapter { chapter, label },
                    actions,
                )
            }
            LibraryDialog::PasteToc(book, text) => toc_ui(ui, cx, *book, text, actions),
            LibraryDialog::DeleteBook(book) => delete_book_ui(ui, cx, *book, actions),
            LibraryDialog::DeleteChapter(chapter) => delete_chapter_ui(ui, cx, *chapter, actions),
        };
    });
    if done || window.should_close() {
        *modal = None;
        dialog_closed(ctx, Id::unique(DIALOG));
    }
}

fn rename_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    text: &mut String,
    edit: impl FnOnce(String) -> Edit,
    actions: &mut Vec<Action>,
) -> bool {
    ui.label(RichText::new(cx.pick("新しい名前", "New name")).strong());
    let response = ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY));
    set_name(ui, &response, cx.pick("新しい名前", "New name"));
    // The name takes the keyboard as the dialog opens (F2 or the menu).
    focus_on_open(&response, Id::unique(DIALOG));
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ok_cancel_ui(
        ui,
        cx,
        (cx.pick("変更", "Rename"), false),
        !text.trim().is_empty(),
        entered,
        || {
            actions.push(Action::Edit(edit(text.clone())));
        },
    )
}

fn toc_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    book: BookId,
    text: &mut String,
    actions: &mut Vec<Action>,
) -> bool {
    ui.label(
        RichText::new(cx.pick(
            "目次を貼り付け（1 行に 1 章）",
            "Paste the table of contents (one chapter per line)",
        ))
        .strong(),
    );
    let response = ui.add(
        egui::TextEdit::multiline(text)
            .desired_rows(10)
            .desired_width(f32::INFINITY),
    );
    set_name(ui, &response, cx.pick("目次", "Table of contents"));
    let labels = chapters_from_toc(text);
    let add = match cx.lang {
        UiLanguage::Japanese => format!("{} 章を追加", labels.len()),
        UiLanguage::English => format!(
            "Add {}",
            UiLanguage::count(labels.len(), "chapter", "chapters")
        ),
    };
    ok_cancel_ui(ui, cx, (&add, false), !labels.is_empty(), false, || {
        actions.push(Action::Edit(Edit::AddChapters { book, labels }));
    })
}

fn delete_book_ui(ui: &mut Ui, cx: &ViewCtx, book: BookId, actions: &mut Vec<Action>) -> bool {
    let title = cx.journal.book(book).map_or("", |b| b.title.as_str());
    let days = days_with_book(cx.journal, book);
    delete_ui(ui, cx, title, days, Edit::DeleteBook(book), actions)
}

fn delete_chapter_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    chapter: ChapterId,
    actions: &mut Vec<Action>,
) -> bool {
    let label = cx
        .journal
        .chapter(chapter)
        .map_or("", |(_, c)| c.label.as_str());
    let days = days_with_chapter(cx.journal, chapter);
    delete_ui(ui, cx, label, days, Edit::DeleteChapter(chapter), actions)
}

/// "Delete NAME? It and its notes also go from N days": a book or a chapter.
fn delete_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    name: &str,
    days: usize,
    edit: Edit,
    actions: &mut Vec<Action>,
) -> bool {
    let text = match cx.lang {
        UiLanguage::Japanese => format!(
            "「{name}」を削除しますか？ {days} 日分の記録からこれとそのノートも消えます（元に戻せます）。"
        ),
        UiLanguage::English => format!(
            "Delete “{name}”? It and its notes also go from {} (Undo brings them back).",
            UiLanguage::count(days, "day", "days")
        ),
    };
    ui.label(text);
    ok_cancel_ui(
        ui,
        cx,
        (cx.pick("削除", "Delete"), true),
        true,
        false,
        || {
            actions.push(Action::Edit(edit));
        },
    )
}

/// The library's dialog (one at a time).
const DIALOG: &str = "library-dialog";

/// OK and Cancel buttons; runs `ok` on OK (or Enter) and returns true when
/// the dialog is done either way. `dangerous`: OK deletes, so the keyboard
/// starts on Cancel.
fn ok_cancel_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    (ok_text, dangerous): (&str, bool),
    enabled: bool,
    entered: bool,
    ok: impl FnOnce(),
) -> bool {
    ui.add_space(8.0);
    let (confirmed, cancelled) = ui
        .horizontal(|ui| {
            let clicked = ui
                .add_enabled(enabled, egui::Button::new(ok_text))
                .clicked();
            let cancel = ui.button(cx.pick("キャンセル", "Cancel"));
            if dangerous {
                // A deletion opens with the keyboard on Cancel, the safe choice.
                focus_on_open(&cancel, Id::unique(DIALOG));
            }
            (enabled && (clicked || entered), cancel.clicked())
        })
        .inner;
    if confirmed {
        ok();
    }
    confirmed || cancelled
}
