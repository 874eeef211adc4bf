//! The editors of a day's sections, one file per kind of section.

mod item_keys;
pub mod item_list;
pub mod learned;
mod note_pictures;
pub mod worked_on;
