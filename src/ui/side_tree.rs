//! The left panel: books ▸ chapters with progress, then the days by month.
//!
//! Clicking a chapter shows all its notes; clicking a day opens its form. A
//! book or chapter can be added at the bottom of the library. The panel only
//! returns actions; it changes nothing while drawing.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use egui::{CollapsingHeader, RichText, Ui};

use crate::markdown::format_date;
use crate::model::{Book, BookId, ChapterStatus, Edit};

use super::action::{Action, View, ViewCtx};
use super::library_menu::{LibraryDialog, book_menu_ui, chapter_menu_ui, library_dialog_ui};
use super::search_panel::{search_box_ui, search_results_ui};
use super::search_state::SearchState;
use super::widgets::set_name;

/// What the user is typing in the library's "add" fields, and the library
/// dialog that is open.
#[derive(Default)]
pub struct TreeDrafts {
    pub new_book: String,
    pub new_chapter: HashMap<BookId, String>,
    pub dialog: Option<LibraryDialog>,
}

pub fn side_tree_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    view: View,
    drafts: &mut TreeDrafts,
    search: &mut SearchState,
    actions: &mut Vec<Action>,
) {
    search_box_ui(ui, cx, &mut search.query);
    if !search.query.trim().is_empty() {
        let ready = search.is_ready();
        search_results_ui(ui, cx, search.results(), ready, actions);
        return;
    }
    library_dialog_ui(ui.ctx(), cx, &mut drafts.dialog, actions);
    let half = (ui.available_height() * 0.5).max(160.0);
    ui.label(RichText::new(cx.pick("本", "Books")).strong());
    egui::ScrollArea::vertical()
        .id_salt("books")
        .max_height(half)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, book) in cx.journal.books.iter().enumerate() {
                book_ui(ui, cx, book, index, view, drafts, actions);
            }
            new_book_ui(ui, cx, drafts, actions);
        });
    ui.separator();
    ui.label(RichText::new(cx.pick("日付", "Days")).strong());
    egui::ScrollArea::vertical()
        .id_salt("days")
        .auto_shrink([false, false])
        .show(ui, |ui| days_ui(ui, cx, view, actions));
}

fn status_icon(status: ChapterStatus) -> &'static str {
    match status {
        ChapterStatus::NotStarted => "○",
        ChapterStatus::Reading => "▶",
        ChapterStatus::Done => "✓",
    }
}

fn book_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    book: &Book,
    index: usize,
    view: View,
    drafts: &mut TreeDrafts,
    actions: &mut Vec<Action>,
) {
    let (done, total) = book.progress();
    let header = format!("{}  {done}/{total}", book.title);
    let shown = CollapsingHeader::new(header)
        .id_salt(("book", book.id))
        .show(ui, |ui| {
            if total > 0 {
                ui.add(
                    egui::ProgressBar::new(done as f32 / total as f32)
                        .desired_height(4.0)
                        .desired_width(ui.available_width().min(200.0)),
                );
            }
            for (position, chapter) in book.chapters.iter().enumerate() {
                let text = format!("{} {}", status_icon(chapter.status), chapter.label);
                let selected = view == View::Chapter(chapter.id);
                let response = ui
                    .selectable_label(selected, text)
                    .on_hover_text(super::library_menu::status_label(chapter.status, cx.lang));
                if response.clicked() {
                    actions.push(Action::Show(View::Chapter(chapter.id)));
                }
                response.context_menu(|ui| {
                    chapter_menu_ui(ui, cx, chapter.id, position, &mut drafts.dialog, actions);
                });
            }
            new_chapter_ui(ui, cx, book, drafts, actions);
        });
    shown.header_response.context_menu(|ui| {
        book_menu_ui(ui, cx, book.id, index, &mut drafts.dialog, actions);
    });
}

fn new_chapter_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    book: &Book,
    drafts: &mut TreeDrafts,
    actions: &mut Vec<Action>,
) {
    let draft = drafts.new_chapter.entry(book.id).or_default();
    let response = ui.add(
        egui::TextEdit::singleline(draft)
            .hint_text(cx.pick("＋ 章を追加", "+ Add chapter"))
            .desired_width(180.0),
    );
    let name = format!(
        "{} {}",
        book.title,
        cx.pick("に章を追加（ライブラリ）", "library: add chapter")
    );
    set_name(ui, &response, &name);
    if response.lost_focus()
        && ui.input(|i| i.key_pressed(egui::Key::Enter))
        && !draft.trim().is_empty()
    {
        actions.push(Action::Edit(Edit::AddChapter {
            book: book.id,
            label: std::mem::take(draft),
            studied_on: None,
        }));
    }
}

fn new_book_ui(ui: &mut Ui, cx: &ViewCtx, drafts: &mut TreeDrafts, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(&mut drafts.new_book)
                .hint_text(cx.pick("＋ 本を追加", "+ Add book"))
                .desired_width(180.0),
        );
        set_name(
            ui,
            &response,
            cx.pick("ライブラリに本を追加", "Library: add book"),
        );
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !drafts.new_book.trim().is_empty();
        let add = ui.add_enabled(ready, egui::Button::new("＋"));
        set_name(ui, &add, cx.pick("本を追加する", "Add the book"));
        if (entered || add.clicked()) && ready {
            actions.push(Action::Edit(Edit::AddBook {
                title: std::mem::take(&mut drafts.new_book),
                studied_on: None,
            }));
        }
    });
}

/// The days, newest first, under one collapsible header per month.
fn days_ui(ui: &mut Ui, cx: &ViewCtx, view: View, actions: &mut Vec<Action>) {
    let mut days = cx.journal.days.keys().rev().peekable();
    let mut first_month = true;
    while let Some(&first) = days.peek() {
        let month = (first.year(), first.month());
        let in_month: Vec<NaiveDate> =
            std::iter::from_fn(|| days.next_if(|d| (d.year(), d.month()) == month).copied())
                .collect();
        let title = format!("{}-{:02}  ({})", month.0, month.1, in_month.len());
        let selected_here = matches!(view, View::Day(d) if (d.year(), d.month()) == month);
        CollapsingHeader::new(title)
            .id_salt(("month", month))
            .default_open(first_month || selected_here)
            .show(ui, |ui| {
                for date in in_month {
                    let text = format_date(date, &cx.journal.template.date_format);
                    if ui.selectable_label(view == View::Day(date), text).clicked() {
                        actions.push(Action::Show(View::Day(date)));
                    }
                }
            });
        first_month = false;
    }
    if cx.journal.days.is_empty() {
        ui.weak(cx.pick("まだ記録がありません", "No days yet"));
    }
}
