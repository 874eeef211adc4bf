//! The left panel: books ▸ chapters with progress, then the days by month.
//!
//! Clicking a book shows its pace page and opens it (its arrow opens and
//! closes), clicking a chapter shows all its notes, clicking a day opens its
//! form. Books and chapters are added at the bottom of the library. The
//! panel only returns actions; it changes nothing while drawing.
//!
//! Both lists grow with the journal (600 chapters, 3,650 days in ten years),
//! so each is flattened into rows of one height and only the rows on screen
//! are laid out: a frame costs the same with ten days or ten years.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use egui::{Align, Layout, RichText, Ui, Vec2};

use crate::markdown::format_date;
use crate::model::{Book, BookId, Chapter, Edit};

use super::action::{Action, View, ViewCtx};
use super::drafts::Modal;
use super::library_menu::{book_menu_ui, chapter_menu_ui, status_icon};
use super::search_panel::{search_box_ui, search_results_ui};
use super::tree_focus::{BooksView, FocusRow, focus_row};
use super::tree_keys::{Row, RowOrder, TreeKey, library_dialog, tree_key};
use super::tree_reading::{book_node, chapter_node, day_node, month_node};
use super::widgets::{DraftField, draft_field_ui, mark_selected};
use crate::session::SearchState;

/// What the user is typing in the library's "add" fields, and which books
/// and months are open.
#[derive(Default)]
pub struct TreeDrafts {
    pub new_book: String,
    pub new_chapter: HashMap<BookId, String>,
    pub open_books: HashSet<BookId>,
    /// Months whose open/closed state the user flipped from the default
    /// (the newest month and the month of the day shown start open).
    pub flipped_months: HashSet<(i32, u32)>,
    /// The book whose "+ Add chapter" row is scrolled to and gets the
    /// keyboard (a book or chapter was just added there).
    pub focus_new_chapter: Option<BookId>,
    books_view: BooksView,
    pub rows: RowOrder,
}

/// One row of the library list.
enum BookRow<'a> {
    Book(usize, &'a Book),
    /// Its place in the book, the book's chapter count, the chapter.
    Chapter(usize, usize, &'a Chapter),
    AddChapter(&'a Book),
}

/// One row of the days list.
enum DayRow {
    Month((i32, u32), usize, bool),
    Day(NaiveDate),
}

fn row_height(ui: &Ui) -> f32 {
    ui.spacing().interact_size.y + 2.0
}

/// Lay out `add` in a row of exactly the list's row height.
fn row_ui(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    let size = Vec2::new(ui.available_width(), row_height(ui));
    ui.allocate_ui_with_layout(size, Layout::left_to_right(Align::Center), add);
}
/// What the side panel draws from and writes to.
pub struct TreeView<'a> {
    pub cx: ViewCtx<'a>,
    /// What the central panel shows (its day or chapter is highlighted).
    pub shown: View,
    pub drafts: &'a mut TreeDrafts,
    pub modal: &'a mut Option<Modal>,
    pub actions: &'a mut Vec<Action>,
}

pub fn side_tree_ui(ui: &mut Ui, tree: &mut TreeView, search: &mut SearchState) {
    let cx = tree.cx;
    tree.drafts.rows.begin();
    search_box_ui(ui, &cx, &mut search.query);
    if !search.query.trim().is_empty() {
        let ready = search.is_ready();
        let query = search.query.clone();
        search_results_ui(ui, &cx, &query, search.results(), ready, tree.actions);
        return;
    }
    let half = (ui.available_height() * 0.5).max(160.0);
    books_header_ui(ui, tree);
    let rows = book_rows(&cx, tree.drafts);
    let mut books = egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt("books")
        .max_height(half)
        .auto_shrink([false, true]);
    let asking = tree.drafts.focus_new_chapter.and_then(|book| {
        rows.iter()
            .position(|row| matches!(row, BookRow::AddChapter(b) if b.id == book))
    });
    let focus = focus_row(
        row_height(ui),
        ui.spacing().item_spacing.y,
        asking,
        tree.drafts.books_view,
    );
    if matches!(focus, FocusRow::None) {
        // Its book was closed meanwhile: the request lapses.
        tree.drafts.focus_new_chapter = None;
    }
    if let FocusRow::Away(offset) = focus {
        books = books.vertical_scroll_offset(offset);
    }
    let ready = matches!(focus, FocusRow::Shown);
    let shown = books.show_rows(ui, row_height(ui), rows.len(), |ui, range| {
        for row in &rows[range] {
            row_ui(ui, |ui| book_row_ui(ui, tree, row, ready));
        }
    });
    tree.drafts.books_view = BooksView {
        offset: shown.state.clamped_offset().y,
        height: shown.inner_rect.height(),
        max_offset: (shown.content_size.y - shown.inner_rect.height()).max(0.0),
    };
    new_book_ui(ui, tree);
    ui.separator();
    ui.label(RichText::new(cx.pick("日付", "Days")).strong());
    days_ui(ui, tree);
}

/// "Books", with Expand All and Collapse All.
fn books_header_ui(ui: &mut Ui, tree: &mut TreeView) {
    let cx = tree.cx;
    ui.horizontal(|ui| {
        ui.label(RichText::new(cx.pick("本", "Books")).strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui
                .small_button(cx.pick("すべて閉じる", "Collapse All"))
                .clicked()
            {
                tree.drafts.open_books.clear();
            }
            if ui
                .small_button(cx.pick("すべて開く", "Expand All"))
                .clicked()
            {
                tree.drafts.open_books = cx.journal.books.iter().map(|b| b.id).collect();
            }
        });
    });
}

fn book_rows<'a>(cx: &ViewCtx<'a>, drafts: &TreeDrafts) -> Vec<BookRow<'a>> {
    let mut rows = Vec::new();
    for (index, book) in cx.journal.books.iter().enumerate() {
        rows.push(BookRow::Book(index, book));
        if drafts.open_books.contains(&book.id) {
            rows.extend(book.chapters.iter().enumerate().map(|(position, chapter)| {
                BookRow::Chapter(position, book.chapters.len(), chapter)
            }));
            rows.push(BookRow::AddChapter(book));
        }
    }
    rows
}

/// One row of the library; `focus_ready` when the "+ Add chapter" row
/// asking for the keyboard is in view.
fn book_row_ui(ui: &mut Ui, tree: &mut TreeView, row: &BookRow, focus_ready: bool) {
    let cx = tree.cx;
    match *row {
        BookRow::Book(index, book) => book_header_ui(ui, tree, index, book),
        BookRow::Chapter(position, of, chapter) => {
            ui.add_space(18.0);
            let text = format!("{} {}", status_icon(chapter.status), chapter.label);
            let selected = tree.shown == View::Chapter(chapter.id);
            // Truncated to the panel: a long label must not widen it.
            let response = ui
                .add(egui::Button::selectable(selected, text).truncate())
                .on_hover_text(super::library_menu::status_label(chapter.status, cx.lang));
            if response.clicked() {
                tree.actions.push(Action::Show(View::Chapter(chapter.id)));
            }
            let row = Row::Chapter(chapter.id, &chapter.label);
            let key = tree_key(&response, &mut tree.drafts.rows);
            if let Some(dialog) = key.and_then(|k| library_dialog(k, row)) {
                *tree.modal = Some(dialog);
            }
            chapter_node(&response, &cx, chapter, (position, of, selected));
            mark_selected(ui, &response, selected);
            response.context_menu(|ui| {
                chapter_menu_ui(ui, &cx, chapter.id, position, tree.modal, tree.actions);
            });
        }
        BookRow::AddChapter(book) => {
            ui.add_space(18.0);
            new_chapter_ui(ui, tree, book, focus_ready);
        }
    }
}

/// ▶/▼, the title with chapters done/total, and a small progress bar.
fn book_header_ui(ui: &mut Ui, tree: &mut TreeView, index: usize, book: &Book) {
    let cx = tree.cx;
    let open = tree.drafts.open_books.contains(&book.id);
    let (done, total) = book.progress();
    let arrow = if open { "▼" } else { "▶" };
    let toggle_name = format!("{} {}", book.title, cx.pick("を開く/閉じる", "open/close"));
    let arrow_clicked = super::widgets::icon_button(ui, arrow, &toggle_name).clicked();
    // The title takes what the progress bar leaves, truncated: a long
    // title must not widen the panel.
    let bar_room = if total > 0 {
        36.0 + ui.spacing().item_spacing.x
    } else {
        0.0
    };
    let title_width = (ui.available_width() - bar_room).max(40.0);
    let title = ui
        .scope(|ui| {
            ui.set_max_width(title_width);
            let shown = tree.shown == View::Book(book.id);
            let row = ui.add(
                egui::Button::selectable(shown, format!("{}  {done}/{total}", book.title))
                    .truncate(),
            );
            mark_selected(ui, &row, shown);
            row
        })
        .inner;
    if total > 0 {
        ui.add(
            egui::ProgressBar::new(done as f32 / total as f32)
                .fill(super::theme::progress_fill(ui.visuals()))
                .desired_height(4.0)
                .desired_width(36.0),
        );
    }
    // The title shows the book's page (and opens it); the arrow alone closes.
    let key = tree_key(&title, &mut tree.drafts.rows);
    if title.clicked() || key == Some(TreeKey::Open) {
        tree.drafts.open_books.insert(book.id);
    }
    if title.clicked() {
        tree.actions.push(Action::Show(View::Book(book.id)));
    } else if arrow_clicked && !open {
        tree.drafts.open_books.insert(book.id);
    } else if arrow_clicked || key == Some(TreeKey::Close) {
        tree.drafts.open_books.remove(&book.id);
    }
    if let Some(dialog) = key.and_then(|k| library_dialog(k, Row::Book(book.id, &book.title))) {
        *tree.modal = Some(dialog);
    }
    let shown = tree.shown == View::Book(book.id);
    book_node(&title, &cx, book, (index, open, shown));
    title.context_menu(|ui| {
        book_menu_ui(ui, &cx, book.id, index, tree.modal, tree.actions);
    });
}

fn new_chapter_ui(ui: &mut Ui, tree: &mut TreeView, book: &Book, focus_ready: bool) {
    let cx = tree.cx;
    let draft = tree.drafts.new_chapter.entry(book.id).or_default();
    let name = format!(
        "{} {}",
        book.title,
        cx.pick("に章を追加（ライブラリ）", "library: add chapter")
    );
    let take_focus = focus_ready && tree.drafts.focus_new_chapter == Some(book.id);
    if take_focus {
        tree.drafts.focus_new_chapter = None;
    }
    let field = DraftField {
        hint: cx.pick("＋ 章を追加", "+ Add chapter"),
        name: &name,
        width: 180.0,
        take_focus,
    };
    if let Some(label) = draft_field_ui(ui, draft, field, None) {
        tree.actions.push(Action::Edit(Edit::AddChapter {
            book: book.id,
            label,
            studied_on: None,
        }));
    }
}

fn new_book_ui(ui: &mut Ui, tree: &mut TreeView) {
    let cx = tree.cx;
    ui.horizontal(|ui| {
        let field = DraftField {
            hint: cx.pick("＋ 本を追加", "+ Add book"),
            name: cx.pick("ライブラリに本を追加", "Library: add book"),
            width: 180.0,
            take_focus: false,
        };
        let button = ("＋", cx.pick("本を追加する", "Add the book"));
        if let Some(title) = draft_field_ui(ui, &mut tree.drafts.new_book, field, Some(button)) {
            tree.actions.push(Action::Edit(Edit::AddBook {
                title,
                studied_on: None,
            }));
        }
    });
}

/// The days, newest first, under one header per month.
fn days_ui(ui: &mut Ui, tree: &mut TreeView) {
    let cx = tree.cx;
    if cx.journal.days.is_empty() {
        ui.weak(cx.pick("まだ記録がありません", "No days yet"));
        return;
    }
    let rows = day_rows(&cx, tree.shown, tree.drafts);
    egui::ScrollArea::vertical()
        // Shown from the first frame: no bar fading in while the window settles.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .id_salt("days")
        .auto_shrink([false, false])
        .show_rows(ui, row_height(ui), rows.len(), |ui, range| {
            for row in &rows[range] {
                row_ui(ui, |ui| day_row_ui(ui, tree, row));
            }
        });
}

fn day_row_ui(ui: &mut Ui, tree: &mut TreeView, row: &DayRow) {
    match *row {
        DayRow::Month(month, count, open) => {
            let arrow = if open { "▼" } else { "▶" };
            let text = format!("{arrow} {}-{:02}  ({count})", month.0, month.1);
            let row = ui.add(egui::Button::new(text).frame(false));
            month_node(&row, &tree.cx, month, count, open);
            let key = tree_key(&row, &mut tree.drafts.rows);
            let wanted = match key {
                Some(TreeKey::Open) => !open,
                Some(TreeKey::Close) => open,
                _ => row.clicked(),
            };
            if wanted && !tree.drafts.flipped_months.remove(&month) {
                tree.drafts.flipped_months.insert(month);
            }
        }
        DayRow::Day(date) => {
            ui.add_space(18.0);
            let text = format_date(date, &tree.cx.journal.template.date_format);
            let selected = tree.shown == View::Day(date);
            let row = ui.selectable_label(selected, text);
            day_node(&row, selected);
            mark_selected(ui, &row, selected);
            tree_key(&row, &mut tree.drafts.rows);
            if row.clicked() {
                tree.actions.push(Action::Show(View::Day(date)));
            }
        }
    }
}

fn day_rows(cx: &ViewCtx, view: View, drafts: &TreeDrafts) -> Vec<DayRow> {
    let month_of = |d: &NaiveDate| (d.year(), d.month());
    let newest = cx.journal.days.keys().next_back().map(month_of);
    let shown = match view {
        View::Day(d) => Some(month_of(&d)),
        _ => None,
    };
    let mut rows = Vec::new();
    let mut days = cx.journal.days.keys().rev().peekable();
    while let Some(first) = days.peek() {
        let month = month_of(first);
        let start = rows.len();
        let open_by_default = Some(month) == newest || Some(month) == shown;
        let open = open_by_default != drafts.flipped_months.contains(&month);
        rows.push(DayRow::Month(month, 0, open));
        let mut count = 0;
        while let Some(date) = days.next_if(|d| month_of(d) == month) {
            count += 1;
            if open {
                rows.push(DayRow::Day(*date));
            }
        }
        rows[start] = DayRow::Month(month, count, open);
    }
    rows
}
