//! Any text imports without panicking, exports, and the export imports again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{Journal, Language};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = ImportOptions { default_year: 2025, replace: false, ..ImportOptions::default() };
    let mut journal = Journal::new("", Language::Ja);
    if markdown::import(&mut journal, text, &options).is_err() {
        return;
    }
    let exported = markdown::export_journal(&journal);
    let mut again = Journal::new("", Language::Ja);
    markdown::import(&mut again, &exported, &options).expect("an export always reads back");
    let _ = markdown::export_journal(&again);
});
