//! The side tree by keyboard, as file managers and the GNOME HIG have it:
//! Up and Down move between rows, Right opens a book and Left closes it,
//! F2 renames, Delete asks to delete (Enter and Space open, as any button).
//! A row only hears these keys while it has the keyboard focus.

use egui::{Id, Key, Modifiers, Response};

use crate::model::{BookId, ChapterId};

use super::drafts::{LibraryDialog, Modal};

/// What a key asked of the focused row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TreeKey {
    Open,
    Close,
    Rename,
    Delete,
}

/// The rows of the tree in the order drawn, this frame and the last (the
/// row below one is known only once it has been drawn).
#[derive(Default)]
pub struct RowOrder {
    last: Vec<Id>,
    now: Vec<Id>,
}

impl RowOrder {
    /// A new frame: what was drawn becomes the order keys follow.
    pub fn begin(&mut self) {
        self.last = std::mem::take(&mut self.now);
    }

    /// Whether `id` is a row of the tree (as last drawn).
    pub fn holds(&self, id: Id) -> bool {
        self.last.contains(&id)
    }

    /// The first row drawn.
    pub fn first(&self) -> Option<Id> {
        self.last.first().copied()
    }

    fn beside(&self, id: Id, below: bool) -> Option<Id> {
        let at = self.last.iter().position(|r| *r == id)?;
        let to = if below { at + 1 } else { at.checked_sub(1)? };
        self.last.get(to).copied()
    }
}

/// The key pressed on `row` (if it has the focus); Up and Down are handled
/// here (the focus moves to the row drawn above or below).
pub fn tree_key(row: &Response, order: &mut RowOrder) -> Option<TreeKey> {
    order.now.push(row.id);
    if !row.has_focus() {
        return None;
    }
    // The arrows are the tree's: egui's own arrow focus (to the nearest
    // widget in that direction, often in the form) is turned off here.
    let arrows = egui::EventFilter {
        horizontal_arrows: true,
        vertical_arrows: true,
        ..Default::default()
    };
    row.ctx
        .memory_mut(|m| m.set_focus_lock_filter(row.id, arrows));
    let pressed = |key| row.ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    for (key, below) in [(Key::ArrowDown, true), (Key::ArrowUp, false)] {
        if pressed(key)
            && let Some(next) = order.beside(row.id, below)
        {
            row.ctx.memory_mut(|m| m.request_focus(next));
        }
    }
    [
        (Key::ArrowRight, TreeKey::Open),
        (Key::ArrowLeft, TreeKey::Close),
        (Key::F2, TreeKey::Rename),
        (Key::Delete, TreeKey::Delete),
    ]
    .into_iter()
    .find_map(|(key, asked)| pressed(key).then_some(asked))
}

/// F2 or Delete on a row: the library's own dialog for it.
pub fn library_dialog(asked: TreeKey, row: Row<'_>) -> Option<Modal> {
    let dialog = match (asked, row) {
        (TreeKey::Rename, Row::Book(book, title)) => {
            LibraryDialog::RenameBook(book, title.to_owned())
        }
        (TreeKey::Delete, Row::Book(book, _)) => LibraryDialog::DeleteBook(book),
        (TreeKey::Rename, Row::Chapter(chapter, label)) => {
            LibraryDialog::RenameChapter(chapter, label.to_owned())
        }
        (TreeKey::Delete, Row::Chapter(chapter, _)) => LibraryDialog::DeleteChapter(chapter),
        _ => return None,
    };
    Some(Modal::Library(dialog))
}

/// The row a key was pressed on, with its name.
#[derive(Clone, Copy, Debug)]
pub enum Row<'a> {
    Book(BookId, &'a str),
    Chapter(ChapterId, &'a str),
}
