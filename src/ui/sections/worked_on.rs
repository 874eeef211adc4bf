//! 取り組んだこと: which books and chapters were studied, plus free items.
//!
//! Each book listed for the day shows its chapters as checkboxes; ticking one
//! also opens a notes block for it in 学んだこと. A book from the library is
//! added from a menu, a new book or chapter is created right here, and free
//! items ("環境構築", "復習") are plain lines.

use egui::Ui;

use crate::model::{Address, BookId, Edit, Entry, StudiedBook, WorkItem, is_studied};

use super::item_list::item_row_ui;
use super::learned::text_block_ui;
use crate::ui::action::DayView;
use crate::ui::conflicts::{is_marker, list_marker_ui};
use crate::ui::widgets::{DraftField, draft_field_ui, icon_button, set_name};

pub fn worked_on_ui(ui: &mut Ui, view: &mut DayView, section: usize, entries: &[Entry<WorkItem>]) {
    let heading = view.heading(section);
    for (entry, item) in entries.iter().enumerate() {
        match item {
            Entry::Item(WorkItem::Book(studied)) => {
                studied_book_ui(ui, view, (section, entry), studied)
            }
            Entry::Item(WorkItem::Text { text, .. }) => {
                ui.horizontal(|ui| {
                    crate::ui::accessible::decoration(&ui.label("•"));
                    let name = format!("{heading} {}", entry + 1);
                    item_row_ui(ui, view, (section, entry), (text, &name), &[]);
                });
            }
            Entry::Text(text) if is_marker(text) => {
                let journal = view.cx.journal;
                list_marker_ui(ui, view, (section, entry), entries, |item| match item {
                    WorkItem::Text { text, .. } => text.clone(),
                    WorkItem::Book(b) => journal
                        .book(b.book)
                        .map_or_else(String::new, |b| b.title.clone()),
                })
            }
            Entry::Text(text) => {
                let label = ui.weak(view.pick("（文章）", "(text)"));
                let at = Address::Entry { section, entry };
                text_block_ui(ui, view, at, text, label.id);
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        add_library_book_ui(ui, view);
        add_new_book_ui(ui, view);
        let add = ui.button(view.pick("＋ 項目", "+ Item"));
        set_name(
            ui,
            &add,
            &format!("{heading}{}", view.pick(" に項目を追加", ": add item")),
        );
        if add.clicked() {
            let date = view.date;
            view.edit(Edit::AddItem { date, section });
        }
    });
}

fn studied_book_ui(
    ui: &mut Ui,
    view: &mut DayView,
    (section, entry): (usize, usize),
    studied: &StudiedBook,
) {
    let Some(book) = view.cx.journal.book(studied.book) else {
        return;
    };
    ui.horizontal(|ui| {
        let title = egui::RichText::new(&book.title).strong();
        ui.add(egui::Label::new(title).truncate());
        let name = format!(
            "{} {}",
            book.title,
            view.pick("をこの日から外す", "remove from this day")
        );
        if icon_button(ui, "×", &name).clicked() {
            let date = view.date;
            view.edit(Edit::RemoveEntry {
                date,
                section,
                entry,
            });
        }
    });
    ui.indent(("chapters", studied.book), |ui| {
        ui.horizontal_wrapped(|ui| {
            for chapter in &book.chapters {
                let mut ticked = is_studied(view.day, chapter.id);
                if ui.checkbox(&mut ticked, &chapter.label).changed() {
                    let date = view.date;
                    view.edit(Edit::SetStudied {
                        date,
                        chapter: chapter.id,
                        studied: ticked,
                    });
                }
            }
        });
        ui.horizontal(|ui| new_chapter_ui(ui, view, book.id, &book.title));
    });
}

fn new_chapter_ui(ui: &mut Ui, view: &mut DayView, book: BookId, title: &str) {
    let take_focus = view.drafts.focus_new_chapter == Some(book);
    if take_focus {
        view.drafts.focus_new_chapter = None;
    }
    let field = DraftField {
        hint: view.pick("新しい章（例: 7 章 トランザクション）", "New chapter"),
        name: &format!("{title} {}", view.pick("の新しい章", "new chapter")),
        width: 260.0,
        take_focus,
    };
    let button_name = format!("{title} {}", view.pick("に章を追加", "add chapter"));
    let button = (view.pick("章を追加", "Add chapter"), button_name.as_str());
    let draft = view.drafts.new_chapter.entry(book).or_default();
    if let Some(label) = draft_field_ui(ui, draft, field, Some(button)) {
        let studied_on = Some(view.date);
        view.edit(Edit::AddChapter {
            book,
            label,
            studied_on,
        });
    }
}

/// A menu of library books not yet listed for the day.
fn add_library_book_ui(ui: &mut Ui, view: &mut DayView) {
    let listed = |id: BookId| {
        view.day
            .work_items()
            .any(|(_, _, item)| matches!(item, WorkItem::Book(b) if b.book == id))
    };
    let unlisted: Vec<_> = view
        .cx
        .journal
        .books
        .iter()
        .filter(|b| !listed(b.id))
        .collect();
    let date = view.date;
    ui.add_enabled_ui(!unlisted.is_empty(), |ui| {
        ui.menu_button(view.pick("本を選ぶ…", "Pick a book…"), |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for book in unlisted {
                        if ui.button(&book.title).clicked() {
                            view.edit(Edit::ListBook {
                                date,
                                book: book.id,
                            });
                            ui.close();
                        }
                    }
                });
        });
    });
}

/// A field and button that create a new book and list it for the day.
fn add_new_book_ui(ui: &mut Ui, view: &mut DayView) {
    let title = view.pick("新しい本の題名", "New book title");
    let field = DraftField {
        hint: title,
        name: title,
        width: 220.0,
        take_focus: false,
    };
    let add = view.pick("本を追加", "Add book");
    if let Some(title) = draft_field_ui(ui, &mut view.drafts.new_book, field, Some((add, add))) {
        let studied_on = Some(view.date);
        view.edit(Edit::AddBook { title, studied_on });
    }
}
