//! studylog: a daily study log for readers of technical books.
//!
//! - [`model`]: the journal as plain data and pure operations (no egui, no files).
//! - [`store`]: the only code that touches journal files: atomic saves,
//!   backups, recovery files, errors with line and column.
//! - [`markdown`]: export to and import from hand-written daily logs.
//! - [`session`]: the open journal between model and window: undo, the
//!   search index, saving and recovery off the UI thread (no egui).
//! - [`cli`]: the headless subcommands (`new`, `check`, `export`, ...).
//! - [`ui`]: the desktop app (egui/eframe), built with the `gui` feature.
//! - [`desktop`]: per-user desktop integration (menu entry, icon, file type).
//! - [`locale`]: the system's language.
//! - [`assets`]: files bundled into the binary (sample journal, icons).
//! - [`stable_hash`]: a hash that never changes between releases.
//! - [`generate`]: deterministic synthetic journals for benches and tests.

mod listed_enum;

pub mod assets;
pub mod cli;
pub mod desktop;
pub mod generate;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod session;
pub mod stable_hash;
pub mod startup;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
