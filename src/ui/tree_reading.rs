//! What a screen reader hears of the side tree's rows: a book is a tree
//! item of level 1 (its place among the books, open or closed, its
//! progress as the description), a chapter one of level 2 under it (its
//! status as the description); the row whose view is shown is selected.
//! The days are a tree too: a month (its name, how many days as the
//! description, open or closed), its days under it.

use egui::Response;

use crate::model::{Book, Chapter};

use super::accessible::{TreePlace, tree_item};
use super::action::ViewCtx;
use super::i18n::UiLanguage;
use super::library_menu::status_label;

/// The book's title read as a tree item: its name alone, the chapters done
/// as its description.
pub fn book_node(
    title: &Response,
    cx: &ViewCtx,
    book: &Book,
    (index, open, shown): (usize, bool, bool),
) {
    let (done, total) = book.progress();
    let progress = match cx.lang {
        UiLanguage::Japanese => format!("{done}/{total} 章 完了"),
        UiLanguage::English => format!("{done}/{total} chapters done"),
    };
    title
        .ctx
        .accesskit_node_builder(title.id, |node| node.set_label(book.title.as_str()));
    let place = TreePlace {
        level: 1,
        position: index + 1,
        of: cx.journal.books.len(),
        expanded: Some(open),
        description: Some(&progress),
        selected: shown,
    };
    tree_item(title, place);
}

/// A chapter's row read as a tree item under its book, its status after
/// its name.
pub fn chapter_node(
    row: &Response,
    cx: &ViewCtx,
    chapter: &Chapter,
    (position, of, selected): (usize, usize, bool),
) {
    let status = status_label(chapter.status, cx.lang);
    let place = TreePlace {
        level: 2,
        position: position + 1,
        of,
        expanded: None,
        description: Some(status),
        selected,
    };
    tree_item(row, place);
}

/// A month of the days list: level 1, open or closed, its day count said.
pub fn month_node(row: &Response, cx: &ViewCtx, month: (i32, u32), count: usize, open: bool) {
    let name = format!("{}-{:02}", month.0, month.1);
    let days = match cx.lang {
        UiLanguage::Japanese => format!("{count} 日"),
        UiLanguage::English => UiLanguage::count(count, "day", "days"),
    };
    row.ctx
        .accesskit_node_builder(row.id, |node| node.set_label(name));
    let place = TreePlace {
        level: 1,
        position: 0,
        of: 0,
        expanded: Some(open),
        description: Some(&days),
        selected: false,
    };
    tree_item(row, place);
}

/// A day under its month: level 2, selected when its form is shown.
pub fn day_node(row: &Response, selected: bool) {
    let place = TreePlace {
        level: 2,
        position: 0,
        of: 0,
        expanded: None,
        description: None,
        selected,
    };
    tree_item(row, place);
}
