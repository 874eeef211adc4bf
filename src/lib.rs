//! studylog: a daily study log for readers of technical books.
//!
//! - [`model`]: the journal as plain data and pure operations.
//! - [`store`]: reading and writing `*.studylog.ron` files, atomically.
//! - [`cli`]: the headless subcommands (`new`, `check`, ...).
//! - [`generate`]: deterministic synthetic journals for benches and tests.

pub mod cli;
pub mod desktop;
pub mod generate;
pub mod markdown;
pub mod model;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
