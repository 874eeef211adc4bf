//! 学んだこと: notes per book and chapter studied that day.
//!
//! Each chapter's notes are Markdown text blocks (edited with the list-aware
//! notes editor) and comparison grids, in the order written.

use egui::{Id, RichText, Ui};

use crate::model::{Address, Block, GridAt, GridSlot, Learned, LearnedBook, NotesAt};

use crate::session::PicturePlace;
use crate::ui::action::DayView;
use crate::ui::conflicts::text_conflicts_ui;
use crate::ui::grid_editor::grid_editor_ui;
use crate::ui::grid_insert::grid_insert_ui;
use crate::ui::list_to_grid::list_to_grid_button_ui;
use crate::ui::long_note::{is_long_note, long_note_ui};
use crate::ui::notes_editor::notes_editor_ui;

use super::note_pictures::{dropped_on, note_pictures_hooks_ui};

pub fn learned_ui(ui: &mut Ui, view: &mut DayView, section: usize, learned: &Learned) {
    if !learned.intro.is_empty() {
        let label = ui.label(view.pick("前書き", "Introduction"));
        text_block_ui(
            ui,
            view,
            Address::Text { section },
            &learned.intro,
            label.id,
        );
    }
    if learned.books.is_empty() {
        ui.weak(view.pick(
            "取り組んだことで章にチェックを入れると、ここにその章のノート欄が出ます。",
            "Tick chapters under What I worked on to write notes for them here.",
        ));
    }
    for book in &learned.books {
        learned_book_ui(ui, view, section, book);
    }
}

fn learned_book_ui(ui: &mut Ui, view: &mut DayView, section: usize, learned: &LearnedBook) {
    let journal = view.cx.journal;
    let title = journal.book(learned.book).map_or("?", |b| b.title.as_str());
    let book_label = ui.label(
        RichText::new(title)
            .strong()
            .size(16.0)
            .family(crate::ui::fonts::headings()),
    );
    crate::ui::accessible::heading(&book_label, 3);
    if !learned.intro.is_empty() {
        let at = Address::BookIntro {
            section,
            book: learned.book,
        };
        text_block_ui(ui, view, at, &learned.intro, book_label.id);
    }
    for notes in &learned.chapters {
        let chapter = notes.chapter;
        let label = journal
            .chapter(chapter)
            .map_or("?", |(_, c)| c.label.as_str());
        ui.add_space(4.0);
        let chapter_label = ui.label(RichText::new(label).strong());
        crate::ui::accessible::heading(&chapter_label, 4);
        for (block, content) in notes.blocks.iter().enumerate() {
            match content {
                Block::Text(text) => {
                    let at = Address::Notes(NotesAt {
                        section,
                        chapter,
                        block,
                    });
                    text_block_ui(ui, view, at, text, chapter_label.id);
                }
                Block::Grid(grid) => {
                    let slot = GridSlot::Notes { chapter, block };
                    grid_editor_ui(ui, view, GridAt { section, slot }, grid);
                }
            }
        }
        let block = notes.blocks.len();
        let slot = GridSlot::Notes { chapter, block };
        grid_insert_ui(ui, view, GridAt { section, slot }, label);
    }
    ui.add_space(8.0);
}

/// A notes editor for the text at `at`, labelled by the widget `label`.
pub fn text_block_ui(ui: &mut Ui, view: &mut DayView, at: Address, text: &str, label: Id) {
    let hint = view.pick(
        "- 箇条書きで（Enter で次の項目、Tab で字下げ）",
        "- notes (Enter continues the list, Tab indents)",
    );
    text_conflicts_ui(ui, view, at, text);
    let id = view.field_id(at);
    let reveal = view.revealed_line(at);
    if is_long_note(text) {
        long_note_ui(ui, id, label, text, view.cx.lang, reveal);
        return;
    }
    let ime = view.cx.ime_owns_keys;
    let block = ui.scope(|ui| {
        let edited = notes_editor_ui(ui, id, label, text, hint, ime, reveal);
        if let Some(text) = edited.text {
            view.set_text(at, text);
        }
        if let Some(link) = edited.link {
            view.actions
                .push(crate::ui::action::Action::FollowLink(link));
        }
        note_pictures_hooks_ui(ui, view, id, at, text);
    });
    let place = PicturePlace {
        date: view.date,
        at,
    };
    if let Some(action) = dropped_on(ui, block.response.rect, place) {
        view.actions.push(action);
    }
    list_to_grid_button_ui(ui, view, at, text);
}
