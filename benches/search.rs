//! Search on the generated 10-year journal (3,650 days, 40 books).
//! Budget (docs/performance.md): search all text, per keystroke, < 8 ms. Building the
//! index is done the first time a search is typed, a few days per frame.
//!
//! Run with `cargo bench --bench search`.

mod common;

use std::time::Duration;

use studylog::generate;
use studylog::model::SearchIndex;

fn main() {
    let journal = generate::generate(10, 1);
    println!("journal: {}", journal.summary());
    let index = common::measure(
        "build the search index",
        10,
        Duration::from_millis(1000),
        || SearchIndex::build(&journal),
    );
    let _ = index;
    let index = SearchIndex::build(&journal);
    println!(
        "the index holds {:.1} MB (built the first time a search is typed)",
        index.heap_size() as f64 / 1_048_576.0
    );
    let budget = Duration::from_millis(8);
    // A query typed a keystroke at a time: each prefix is one search.
    for query in [
        "f",
        "fs",
        "fsync",
        "レプリ",
        "レプリケーション",
        "ＥＣＳ",
        "ｺﾝﾃﾅ",
        "not in the journal",
    ] {
        let name = format!("search {query:?}");
        let total = index.search(query, 5000).total;
        common::measure(&format!("{name} ({total} lines)"), 30, budget, || {
            index.search(query, 5000)
        });
    }
    let date = *journal.days.keys().next_back().expect("days");
    let mut index = index;
    common::measure(
        "re-index one edited day",
        30,
        Duration::from_millis(1),
        || index.update_day(&journal, date),
    );
}
