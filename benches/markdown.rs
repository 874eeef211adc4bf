//! Markdown export and import of the generated 10-year journal.
//! Budget (docs/performance.md): export the whole journal < 100 ms. Import
//! has no budget in the design (it is done once, when moving to studylog,
//! with a preview); it is held to 500 ms here so that a slowdown shows.
//!
//! Run with `cargo bench --bench markdown`.

mod common;

use std::time::Duration;

use studylog::markdown::{self, ImportOptions};
use studylog::model::{Journal, Language};
use studylog::{generate, markdown::export_journal};

fn main() {
    let journal = generate::generate(10, 1);
    let text = export_journal(&journal);
    println!(
        "journal: {} -> {:.1} MB of Markdown",
        journal.summary(),
        text.len() as f64 / 1e6
    );
    let budget = Duration::from_millis(100);
    common::measure("export whole journal to Markdown", 30, budget, || {
        export_journal(&journal)
    });
    let options = ImportOptions {
        default_year: 2016,
        replace: false,
        ..ImportOptions::default()
    };
    let once = Duration::from_millis(500);
    common::measure("import 10 years of Markdown", 20, once, || {
        let mut fresh = Journal::new("", Language::Ja);
        markdown::import(&mut fresh, &text, &options)
    });
}
