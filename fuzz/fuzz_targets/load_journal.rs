//! Any bytes given as a journal file load or fail with an error, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(journal) = studylog::store::parse_journal(Path::new("fuzz.studylog.ron"), text) {
        let _ = studylog::store::to_ron_string(&journal);
        let _ = studylog::markdown::export_journal(&journal);
    }
});
