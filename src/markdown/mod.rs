//! Daily logs as Markdown: export a day, a book or the whole journal, and
//! import hand-written logs without losing a word.
//!
//! studylog's own shape (the README's "Markdown" part shows it): `#` date,
//! `##` the five sections, `###` book, `####` chapter, `#####` a topic or a
//! comparison grid as a GFM table. Logs in other shapes (dates with words,
//! days at `##`, sections at `###`, sections studylog does not know) are
//! read as written and written back the same. The importer parses only the
//! structure, line by line, and copies everything else; a text line is
//! escaped on export only if the importer would read it as structure there.

mod books;
mod cells;
mod date;
mod escape;
mod export;
pub mod highlight;
mod import;
mod lines;
pub mod links;
pub mod list_grid;
mod lists;
pub mod pictures;
mod places;
pub mod read_blocks;
mod sections;
mod table;

pub use date::{
    DateInText, date_from_path, find_date, format_date, parse_date_heading, year_in_file_name,
};
pub use export::{export_book, export_day, export_journal};
pub use import::{DateSource, ImportError, ImportOptions, ImportReport, import};
pub use sections::classify_heading;
pub use table::grid_to_table;
