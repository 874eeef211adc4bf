//! 学んだこと: notes per book and chapter studied that day.
//!
//! Each chapter's notes are Markdown text blocks (edited with the list-aware
//! notes editor) and comparison grids, in the order written.

use chrono::NaiveDate;
use egui::{Id, RichText, Ui};

use crate::model::{Block, Day, DayText, Edit, LearnedBook};

use crate::ui::action::{Action, ViewCtx};
use crate::ui::drafts::Drafts;
use crate::ui::grid_editor::{GridTarget, grid_editor_ui};
use crate::ui::grid_insert::{NewGrid, grid_insert_ui};
use crate::ui::notes_editor::notes_editor_ui;

pub fn learned_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    day: &Day,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    if !day.learned_intro.is_empty() {
        let label = ui.label(cx.pick("前書き", "Introduction"));
        text_block_ui(
            ui,
            cx,
            date,
            DayText::LearnedIntro,
            &day.learned_intro,
            label.id,
            actions,
        );
    }
    if day.learned.is_empty() {
        ui.weak(cx.pick(
            "取り組んだことで章にチェックを入れると、ここにその章のノート欄が出ます。",
            "Tick chapters under What I worked on to write notes for them here.",
        ));
    }
    for learned in &day.learned {
        learned_book_ui(ui, cx, date, learned, drafts, actions);
    }
}

fn learned_book_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    learned: &LearnedBook,
    drafts: &mut Drafts,
    actions: &mut Vec<Action>,
) {
    let title = cx
        .journal
        .book(learned.book)
        .map_or("?", |b| b.title.as_str());
    let book_label = ui.label(RichText::new(title).strong().size(16.0));
    if !learned.intro.is_empty() {
        let field = DayText::BookIntro(learned.book);
        text_block_ui(ui, cx, date, field, &learned.intro, book_label.id, actions);
    }
    for notes in &learned.chapters {
        let label = cx
            .journal
            .chapter(notes.chapter)
            .map_or("?", |(_, c)| c.label.as_str());
        ui.add_space(4.0);
        let chapter_label = ui.label(RichText::new(label).strong());
        for (block, content) in notes.blocks.iter().enumerate() {
            match content {
                Block::Text(text) => {
                    let field = DayText::Notes {
                        chapter: notes.chapter,
                        block,
                    };
                    text_block_ui(ui, cx, date, field, text, chapter_label.id, actions);
                }
                Block::Grid(grid) => {
                    let at = crate::model::GridAt::Notes {
                        chapter: notes.chapter,
                        block,
                    };
                    let target = GridTarget { date, at };
                    grid_editor_ui(ui, cx, target, grid, actions);
                }
            }
        }
        let place = NewGrid::Notes {
            chapter: notes.chapter,
            at: notes.blocks.len(),
        };
        grid_insert_ui(ui, cx, date, place, label, drafts, actions);
    }
    ui.add_space(8.0);
}

/// A notes editor for one text field of the day.
pub fn text_block_ui(
    ui: &mut Ui,
    cx: &ViewCtx,
    date: NaiveDate,
    field: DayText,
    text: &str,
    label: Id,
    actions: &mut Vec<Action>,
) {
    let id = Id::unique(("day-text", date, field));
    let hint = cx.pick(
        "- 箇条書きで（Enter で次の項目、Tab で字下げ）",
        "- notes (Enter continues the list, Tab indents)",
    );
    let reveal = cx.reveals(date, crate::model::Place::Text(field));
    if let Some(text) = notes_editor_ui(ui, id, label, text, hint, cx.ime_owns_keys, reveal) {
        actions.push(Action::Edit(Edit::SetText { date, field, text }));
    }
}
