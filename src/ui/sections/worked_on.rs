//! 取り組んだこと: which books and chapters were studied, plus free items.
//!
//! Each book listed for the day shows its chapters as checkboxes; ticking one
//! also opens a notes block for it in 学んだこと. A book from the library is
//! added from a menu, a new book or chapter is created right here, and free
//! items ("環境構築", "復習") are plain lines.

use chrono::NaiveDate;
use egui::{Id, Ui};

use crate::model::{BookId, Day, DayText, Edit, ItemList, StudiedBook, WorkItem, is_studied};

use super::item_list::move_buttons_ui;
use crate::ui::action::{Action, ViewCtx};
use crate::ui::drafts::Drafts;
use crate::ui::widgets::{DraftField, draft_field_ui, icon_button, line_edit, set_name};

pub fn worked_on_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let heading = cx.journal.template.headings.worked_on.as_str();
    for (index, item) in day.worked_on.iter().enumerate() {
        match item {
            WorkItem::Book(entry) => {
                studied_book_ui(ui, cx, date, day, index, entry, drafts, actions)
            }
            WorkItem::Text(text) => {
                ui.horizontal(|ui| {
                    ui.label("•");
                    let field = DayText::WorkItem(index);
                    let id = Id::unique(("day-text", date, field));
                    let name = format!("{heading} {}", index + 1);
                    if let Some(text) = line_edit(
                        ui,
                        id,
                        text,
                        &name,
                        "",
                        cx.reveals(date, crate::model::Place::Text(field)),
                    ) {
                        actions.push(Action::Edit(Edit::SetText { date, field, text }));
                    }
                    move_buttons_ui(ui, cx, date, ItemList::WorkedOn, index, &name, actions);
                });
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        add_library_book_ui(ui, cx, date, day, actions);
        add_new_book_ui(ui, cx, date, drafts, actions);
        let add = ui.button(cx.pick("＋ 項目", "+ Item"));
        set_name(
            ui,
            &add,
            &format!("{heading}{}", cx.pick(" に項目を追加", ": add item")),
        );
        if add.clicked() {
            actions.push(Action::Edit(Edit::AddItem {
                date,
                list: ItemList::WorkedOn,
            }));
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn studied_book_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    index: usize,
    entry: &StudiedBook,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let Some(book) = cx.journal.book(entry.book) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.strong(&book.title);
        let name = format!(
            "{} {}",
            book.title,
            cx.pick("をこの日から外す", "remove from this day")
        );
        if icon_button(ui, "×", &name).clicked() {
            actions.push(Action::Edit(Edit::RemoveItem {
                date,
                list: ItemList::WorkedOn,
                index,
            }));
        }
    });
    ui.indent(("chapters", entry.book), |ui| {
        ui.horizontal_wrapped(|ui| {
            for chapter in &book.chapters {
                let mut studied = is_studied(day, chapter.id);
                if ui.checkbox(&mut studied, &chapter.label).changed() {
                    actions.push(Action::Edit(Edit::SetStudied {
                        date,
                        chapter: chapter.id,
                        studied,
                    }));
                }
            }
        });
        ui.horizontal(|ui| {
            let draft = drafts.new_chapter.entry(book.id).or_default();
            let field = DraftField {
                hint: cx.pick("新しい章（例: 7 章 トランザクション）", "New chapter"),
                name: &format!("{} {}", book.title, cx.pick("の新しい章", "new chapter")),
                width: 260.0,
            };
            let button_name = format!("{} {}", book.title, cx.pick("に章を追加", "add chapter"));
            let button = (cx.pick("章を追加", "Add chapter"), button_name.as_str());
            if let Some(label) = draft_field_ui(ui, draft, field, Some(button)) {
                actions.push(Action::Edit(Edit::AddChapter {
                    book: book.id,
                    label,
                    studied_on: Some(date),
                }));
            }
        });
    });
}

/// A menu of library books not yet listed for the day.
fn add_library_book_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    actions: &mut Vec<Action>,
) {
    let listed = |id: BookId| {
        day.worked_on
            .iter()
            .any(|item| matches!(item, WorkItem::Book(b) if b.book == id))
    };
    let unlisted: Vec<_> = cx.journal.books.iter().filter(|b| !listed(b.id)).collect();
    ui.add_enabled_ui(!unlisted.is_empty(), |ui| {
        ui.menu_button(cx.pick("本を選ぶ…", "Pick a book…"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for book in unlisted {
                        if ui.button(&book.title).clicked() {
                            actions.push(Action::Edit(Edit::ListBook {
                                date,
                                book: book.id,
                            }));
                            ui.close();
                        }
                    }
                });
        });
    });
}

/// A field and button that create a new book and list it for the day.
fn add_new_book_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let title = cx.pick("新しい本の題名", "New book title");
    let field = DraftField {
        hint: title,
        name: title,
        width: 220.0,
    };
    let add = cx.pick("本を追加", "Add book");
    if let Some(title) = draft_field_ui(ui, &mut drafts.new_book, field, Some((add, add))) {
        actions.push(Action::Edit(Edit::AddBook {
            title,
            studied_on: Some(date),
        }));
    }
}
