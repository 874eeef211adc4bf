//! Merging a text (a note, a section's text, an intro) line by line, and
//! the marker lines that keep both versions where both sides rewrote the
//! same lines.
//!
//! A conflict reads, in the text itself (and so in the file, the export
//! and the day form, which offers to keep one side, the other or both):
//!
//! ```text
//! <<< studylog: this copy
//! what this copy says
//! === studylog: the other copy
//! what the other copy says
//! >>> studylog: end of conflict
//! ```
//!
//! Three characters, not git's seven, so git never takes them for its own.

use super::diff3::{Base, Chunk, diff3};

pub const OURS_MARKER: &str = "<<< studylog: this copy";
pub const THEIRS_MARKER: &str = "=== studylog: the other copy";
pub const END_MARKER: &str = ">>> studylog: end of conflict";

/// The merged text, and how many conflicts it holds. `unknown_base`: with
/// no `base`, whether the common version is unknown (then a line only one
/// side has is a choice) rather than known to have had no such text (then
/// it is that side's addition).
pub fn merge_text(
    base: Option<&str>,
    ours: &str,
    theirs: &str,
    unknown_base: bool,
) -> (String, usize) {
    if ours == theirs {
        return (ours.to_owned(), 0);
    }
    let base_lines: Option<Vec<&str>> = base.map(|b| b.split('\n').collect());
    let ours_lines: Vec<&str> = ours.split('\n').collect();
    let theirs_lines: Vec<&str> = theirs.split('\n').collect();
    let known = match &base_lines {
        Some(lines) => Base::Known(lines),
        None if unknown_base => Base::Unknown,
        None => Base::Nothing,
    };
    let chunks = diff3(known, &ours_lines, &theirs_lines);
    let mut out: Vec<&str> = Vec::new();
    let mut conflicts = 0;
    for chunk in &chunks {
        match chunk {
            Chunk::Clean(lines) => out.extend(lines),
            Chunk::Conflict { ours, theirs } => {
                conflicts += 1;
                out.push(OURS_MARKER);
                out.extend(ours);
                out.push(THEIRS_MARKER);
                out.extend(theirs);
                out.push(END_MARKER);
            }
        }
    }
    (out.join("\n"), conflicts)
}

/// A conflict found in a text: the byte range of the whole block (markers
/// included) and the two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextConflict {
    pub range: std::ops::Range<usize>,
    pub ours: String,
    pub theirs: String,
}

/// The conflicts left in `text`, in order.
pub fn conflicts_in(text: &str) -> Vec<TextConflict> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = find_line(text, at, OURS_MARKER) {
        let Some(middle) = find_line(text, start, THEIRS_MARKER) else {
            break;
        };
        let Some(end) = find_line(text, middle, END_MARKER) else {
            break;
        };
        let body = |from: usize, marker: &str, to: usize| {
            let from = (from + marker.len() + 1).min(to);
            text[from..to]
                .strip_suffix('\n')
                .unwrap_or(&text[from..to])
                .to_owned()
        };
        let end_of_block = end + END_MARKER.len();
        found.push(TextConflict {
            range: start..end_of_block,
            ours: body(start, OURS_MARKER, middle),
            theirs: body(middle, THEIRS_MARKER, end),
        });
        at = end_of_block;
    }
    found
}

/// The byte offset of the next line from `from` that is exactly `line`.
/// Searched as bytes (every note is checked on every frame, and a note
/// can be millions of lines long), then checked to be a whole line.
fn find_line(text: &str, from: usize, line: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let finder = memchr::memmem::Finder::new(line.as_bytes());
    let mut at = from;
    while let Some(found) = finder.find(&bytes[at..]) {
        let start = at + found;
        let end = start + line.len();
        let starts_line = start == 0 || bytes[start - 1] == b'\n';
        let ends_line = end == bytes.len() || bytes[end] == b'\n';
        if starts_line && ends_line {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// How a conflict is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Ours,
    Theirs,
    Both,
}

/// `text` with its `index`th conflict settled (markers gone).
pub fn settle(text: &str, index: usize, keep: Keep) -> Option<String> {
    let conflict = conflicts_in(text).into_iter().nth(index)?;
    let kept = match keep {
        Keep::Ours => conflict.ours,
        Keep::Theirs => conflict.theirs,
        Keep::Both => [conflict.ours, conflict.theirs]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..conflict.range.start]);
    out.push_str(&kept);
    let rest = &text[conflict.range.end..];
    if kept.is_empty() {
        // The block's own line goes too.
        out.push_str(rest.strip_prefix('\n').unwrap_or(rest));
    } else {
        out.push_str(rest);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_versions_are_kept_between_markers_and_can_be_settled() {
        let base = "- 前\n- 共通\n- 後";
        let ours = "- 前\n- こちら\n- 後";
        let theirs = "- 前\n- あちら\n- 後";
        let (merged, conflicts) = merge_text(Some(base), ours, theirs, false);
        assert_eq!(conflicts, 1);
        assert_eq!(
            merged,
            format!("- 前\n{OURS_MARKER}\n- こちら\n{THEIRS_MARKER}\n- あちら\n{END_MARKER}\n- 後")
        );
        let found = conflicts_in(&merged);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].ours.as_str(), found[0].theirs.as_str()),
            ("- こちら", "- あちら")
        );
        assert_eq!(settle(&merged, 0, Keep::Ours).unwrap(), ours);
        assert_eq!(settle(&merged, 0, Keep::Theirs).unwrap(), theirs);
        assert_eq!(
            settle(&merged, 0, Keep::Both).unwrap(),
            "- 前\n- こちら\n- あちら\n- 後"
        );
    }

    #[test]
    fn a_side_that_deleted_the_lines_settles_to_nothing() {
        let (merged, _) = merge_text(Some("a\nb\nc"), "a\nc", "a\nB\nc", false);
        assert_eq!(settle(&merged, 0, Keep::Ours).unwrap(), "a\nc");
    }
}
