//! Where a journal file writes each review of its log, so `check` can point
//! at the line of a review it refuses (as it points at a syntax error).

use std::path::Path;

/// The 1-based line of each review's `at:` in the file's review log, in
/// log order; empty if the file cannot be read or has no review log.
pub fn review_lines(path: &Path) -> Vec<usize> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut lines = text.lines().enumerate();
    if !lines.any(|(_, line)| line.trim_start().starts_with("review: (")) {
        return Vec::new();
    }
    lines
        .filter(|(_, line)| line.trim_start().starts_with("at: "))
        .map(|(n, _)| n + 1)
        .collect()
}
