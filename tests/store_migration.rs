//! Journals written by studylog's first format (version 1, one field per
//! template section) open in this version unchanged in meaning: their
//! Markdown export is byte for byte what version 1 itself exported (the
//! `.md` files beside them were written by that release), and a save writes
//! them in the current format.

use std::fs;

use studylog::markdown;
use studylog::model::{FORMAT_VERSION, Section};
use studylog::store;

const FIXTURES: [&str; 2] = ["sample", "messy"];

#[test]
fn a_version_1_journal_exports_what_version_1_exported() {
    for name in FIXTURES {
        let path = format!("tests/data/v1/{name}.studylog.ron");
        let journal = store::load(path.as_ref()).unwrap();
        assert_eq!(journal.format_version, FORMAT_VERSION);
        let expected = fs::read_to_string(format!("tests/data/v1/{name}.md")).unwrap();
        assert_eq!(markdown::export_journal(&journal), expected, "{name}");
    }
}

#[test]
fn a_version_1_day_keeps_its_sections_in_place() {
    let journal = store::load("tests/data/v1/messy.studylog.ron".as_ref()).unwrap();
    let day = journal.days.values().next().unwrap();
    let kinds: Vec<Option<Section>> = day.sections.iter().map(|s| s.kind()).collect();
    use Section::*;
    assert_eq!(
        kinds,
        [
            Some(WorkedOn),
            Some(Learned),
            Some(Questions),
            None,
            Some(Next),
            Some(Impressions)
        ],
        "the kept section stays between わからなかったこと and 次やること"
    );
    assert_eq!(day.sections[3].heading, "参考リンク");
}

#[test]
fn a_migrated_journal_saves_in_the_current_format_and_reads_back() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("old.studylog.ron");
    fs::copy("tests/data/v1/sample.studylog.ron", &path).unwrap();
    let journal = store::load(&path).unwrap();
    store::save(&path, &journal).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION}")));
    assert!(text.contains("sections:"), "{text}");
    assert_eq!(store::load(&path).unwrap(), journal);
}
