//! Load and save of the generated 10-year journal (3,650 days, 40 books).
//! Budgets (docs/performance.md): load < 100 ms, save < 100 ms.
//!
//! Run with `cargo bench --bench store`.

mod common;

use std::time::Duration;

use studylog::{generate, store};

fn main() {
    let journal = generate::generate(10, 1);
    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("ten-years.studylog.ron");
    store::save(&path, &journal).expect("first save");
    let size = std::fs::metadata(&path).expect("saved file").len();
    println!(
        "journal: {} ({:.1} MB)",
        journal.summary(),
        size as f64 / 1e6
    );

    let budget = Duration::from_millis(100);
    common::measure("load (read + parse + validate)", 30, budget, || {
        store::load(&path).expect("load")
    });
    // What the window waits for before its first frame (a 60 ms budget:
    // the window itself takes about that long to appear).
    common::measure(
        "first look (read + preview of the newest day)",
        30,
        Duration::from_millis(60),
        || {
            let text = store::read_text(&path).expect("read");
            store::preview(&path, &text).expect("a preview")
        },
    );
    common::measure("serialize to RON (in memory)", 30, budget, || {
        store::to_ron_string(&journal).expect("serialize")
    });
    common::measure(
        "save (serialize + write + fsync + rename)",
        30,
        budget,
        || store::save(&path, &journal).expect("save"),
    );
}
