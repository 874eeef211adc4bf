//! The blank lines a day had in its log: between its pieces (date heading,
//! headings, texts) and after its last one, so export writes them back.
//!
//! The day just read is laid out as export would write it, and its pieces
//! are found in the log's lines one after the other; the blank lines between
//! them are what the log had. Where a piece does not match its lines (the
//! export would write something else there), nothing is kept and export
//! falls back to the day's usual spacing.

use chrono::NaiveDate;

use super::super::export::{Kind, own_pieces, usual_gaps};
use super::super::lines::heading;
use crate::model::{Day, Journal};

/// Sets the day's kept gaps and line breaks after it from `lines`, the
/// lines it was read from (its date heading first, if it has one);
/// `last`: the day ends the log.
pub fn keep_spacing(journal: &Journal, date: NaiveDate, day: &mut Day, lines: &[&str], last: bool) {
    let pieces = own_pieces(journal, date, day);
    let Some((gaps, end)) = measure(&pieces, lines) else {
        return;
    };
    let kinds: Vec<Kind> = pieces.iter().map(|(kind, _)| *kind).collect();
    if gaps != usual_gaps(&kinds, &day.spacing) {
        day.spacing.gaps = gaps;
    }
    let blank = lines.len() - end;
    let breaks = if last { blank } else { blank + 1 };
    let usual = if last { 1 } else { 2 };
    if breaks != usual {
        day.spacing.after = Some(breaks.min(255) as u8);
    }
}

/// The blank lines before each piece after the first, and where the last
/// piece ends; None if the pieces are not the lines.
fn measure(pieces: &[(Kind, String)], lines: &[&str]) -> Option<(Vec<u8>, usize)> {
    let mut at = 0;
    let mut gaps = Vec::with_capacity(pieces.len());
    for (i, (kind, text)) in pieces.iter().enumerate() {
        let blank = lines[at..]
            .iter()
            .take_while(|l| l.trim().is_empty())
            .count();
        if i > 0 {
            gaps.push(blank.min(255) as u8);
        }
        at += blank;
        for line in text.split('\n') {
            if !same_line(*kind, line, lines.get(at)?) {
                return None;
            }
            at += 1;
        }
    }
    lines[at..]
        .iter()
        .all(|l| l.trim().is_empty())
        .then_some((gaps, at))
}

/// Whether a piece's line is the log's line: a heading by its level and
/// text, a date heading as any heading, text exactly (trailing spaces aside).
fn same_line(kind: Kind, written: &str, original: &str) -> bool {
    match kind {
        Kind::Date => heading(original.trim_start()).is_some(),
        Kind::Heading => heading(written) == heading(original),
        Kind::Text => written.trim_end() == original.trim_end(),
    }
}
