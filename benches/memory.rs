//! Where the memory of an open ten-year journal goes: the heap the journal
//! model takes once parsed, the peak while parsing (file text and model
//! side by side), the start-up preview (dropped once the journal is in)
//! and the search index (built the first time a search is typed). Counted
//! by a global allocator that tracks live bytes, so the numbers are the
//! heap alone; resident memory of the whole window is in `startup`.
//!
//! Run with `cargo bench --bench memory`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use studylog::generate;
use studylog::model::SearchIndex;
use studylog::store;

/// The system allocator, counting the bytes live and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes allocated and still live while `f` ran (what it returns holds),
/// and the peak above the start.
fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let value = f();
    let live = LIVE.load(Ordering::Relaxed).saturating_sub(start);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(start);
    (value, live, peak)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn main() {
    let text = store::to_ron_string(&generate::generate(10, 1)).expect("the journal serializes");
    let path = Path::new("ten.studylog.ron");
    println!("10-year journal file: {:.1} MB of RON", mb(text.len()));
    let (journal, live, peak) = measure(|| store::parse_journal(path, &text));
    let journal = journal.expect("the generated journal parses");
    println!(
        "journal model: {:.1} MB ({:.2}× the file); peak while parsing {:.1} MB over the file text",
        mb(live),
        live as f64 / text.len() as f64,
        mb(peak)
    );
    let (preview, live, peak) = measure(|| store::preview(path, &text));
    assert!(preview.is_some(), "the generated journal has a preview");
    println!(
        "start-up preview: {:.1} MB (peak {:.1} MB), dropped once the journal is in",
        mb(live),
        mb(peak)
    );
    drop(preview);
    let (index, live, peak) = measure(|| SearchIndex::build(&journal));
    println!(
        "search index: {:.1} MB (peak {:.1} MB; heap_size says {:.1} MB), built on the first search",
        mb(live),
        mb(peak),
        mb(index.heap_size())
    );
}
