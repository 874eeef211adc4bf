//! The editors of a day's sections, one file per kind of section.

pub mod item_list;
pub mod learned;
pub mod worked_on;
