//! Daily logs as Markdown: export a day, a book or the whole journal, and
//! import hand-written logs without losing a word.
//!
//! The format (the README's "Markdown" part shows it): `#` date, `##` the five sections,
//! `###` book, `####` chapter, `#####` a topic or a comparison grid as a GFM
//! table. The importer parses only that structure, line by line, and copies
//! everything else as written; anything that would read back as structure is
//! escaped on export and unescaped on import.

mod date;
mod escape;
mod export;
mod import;
mod lists;
mod sections;
mod table;

pub use date::{format_date, parse_date_heading, year_in_file_name};
pub use export::{export_book, export_day, export_journal};
pub use import::{ImportOptions, ImportReport, import};
pub use sections::classify_heading;
pub use table::grid_to_table;
