//! The files shipped in `assets/` are valid and say what they promise.

use std::path::Path;

#[test]
fn the_sample_journal_loads_with_two_books_and_four_pattern_grids() {
    let journal = studylog::store::load(Path::new("assets/sample.studylog.ron")).unwrap();
    assert_eq!(journal.title, "サンプル学習ログ");
    assert_eq!(journal.books.len(), 2);
    let grids: Vec<_> = journal.days.values().flat_map(|d| d.grids()).collect();
    assert!(
        grids
            .iter()
            .any(|(_, g)| g.options.len() == 4 && g.criteria.len() == 4),
        "the sample shows a four-pattern comparison"
    );
    assert!(journal.days.values().all(|d| !d.is_empty()));
}
