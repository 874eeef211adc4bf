//! Three-way merge of two sequences that grew from a common one: lines of a
//! note, items of a list, blocks of a chapter's notes, grids.
//!
//! Where only one side changed a stretch, that change is taken; where both
//! made the same change, it is taken once; where both changed it
//! differently, the caller gets both versions to keep. The sequences are
//! aligned with Myers' diff (the `similar` crate), which finds a shortest
//! edit script in near-linear time for similar sequences, so a long note
//! merges as precisely as a short one.
//!
//! Without a common version there are two cases. Where it is known that
//! neither side had the sequence before (a day both machines started), what
//! the two share stands in for it and a piece only one side has is that
//! side's addition, kept. Where the common version is unknown (two copies
//! that never shared a file as far as we know), a piece only one side has
//! may be the other side's deletion: it is a choice for the user, never
//! taken or dropped silently.

use std::time::{Duration, Instant};

use similar::algorithms::{DiffHook, myers};

/// A stretch of the merged sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunk<T> {
    /// Taken as is: both sides agree, or only one side changed it.
    Clean(Vec<T>),
    /// Both sides changed the same stretch differently (or, with no
    /// common version known, only one side has it).
    Conflict { ours: Vec<T>, theirs: Vec<T> },
}

/// What is known of the version both sides grew from.
#[derive(Clone, Copy, Debug)]
pub enum Base<'a, T> {
    Known(&'a [T]),
    /// Neither side had it: both only added.
    Nothing,
    /// Not known: what one side lacks may have been deleted there.
    Unknown,
}

/// How long one alignment may take before Myers settles for a coarser (still
/// correct) script.
const DEADLINE: Duration = Duration::from_millis(500);

/// The merge of `ours` and `theirs`, from `base`.
pub fn diff3<T: Clone + PartialEq>(base: Base<T>, ours: &[T], theirs: &[T]) -> Vec<Chunk<T>> {
    if ours == theirs {
        return vec![Chunk::Clean(ours.to_vec())];
    }
    let shared;
    let base = match base {
        Base::Known(base) => base,
        Base::Nothing => {
            shared = common(ours, theirs);
            &shared
        }
        Base::Unknown => return two_way(ours, theirs),
    };
    if base == ours {
        return vec![Chunk::Clean(theirs.to_vec())];
    }
    if base == theirs {
        return vec![Chunk::Clean(ours.to_vec())];
    }
    let (to_ours, to_theirs) = (matches(base, ours), matches(base, theirs));
    let mut chunks = Vec::new();
    let (mut b, mut o, mut t) = (0, 0, 0);
    // Walk the base; a base element kept in place by both sides is stable.
    for i in 0..=base.len() {
        let stable = i < base.len() && to_ours[i].is_some() && to_theirs[i].is_some();
        if !stable && i < base.len() {
            continue;
        }
        let (o_end, t_end) = if i < base.len() {
            (to_ours[i].unwrap_or(o), to_theirs[i].unwrap_or(t))
        } else {
            (ours.len(), theirs.len())
        };
        if o_end < o || t_end < t {
            continue;
        }
        push_region(&mut chunks, &base[b..i], &ours[o..o_end], &theirs[t..t_end]);
        if i < base.len() {
            push(&mut chunks, Chunk::Clean(vec![base[i].clone()]));
            (b, o, t) = (i + 1, o_end + 1, t_end + 1);
        }
    }
    chunks
}

/// Two sides with no common version known: what both have is clean; each
/// stretch between is a choice.
fn two_way<T: Clone + PartialEq>(ours: &[T], theirs: &[T]) -> Vec<Chunk<T>> {
    let mut chunks = Vec::new();
    let (mut o, mut t) = (0, 0);
    let pairs = pairs(ours, theirs);
    for (i, j) in pairs
        .into_iter()
        .chain(std::iter::once((ours.len(), theirs.len())))
    {
        if o < i || t < j {
            push(
                &mut chunks,
                Chunk::Conflict {
                    ours: ours[o..i].to_vec(),
                    theirs: theirs[t..j].to_vec(),
                },
            );
        }
        if i < ours.len() {
            push(&mut chunks, Chunk::Clean(vec![ours[i].clone()]));
        }
        (o, t) = (i + 1, j + 1);
    }
    chunks
}

/// A stretch between two stable points.
fn push_region<T: Clone + PartialEq>(
    chunks: &mut Vec<Chunk<T>>,
    base: &[T],
    ours: &[T],
    theirs: &[T],
) {
    let chunk = if ours == theirs || theirs == base {
        Chunk::Clean(ours.to_vec())
    } else if ours == base {
        Chunk::Clean(theirs.to_vec())
    } else {
        Chunk::Conflict {
            ours: ours.to_vec(),
            theirs: theirs.to_vec(),
        }
    };
    push(chunks, chunk);
}

/// Add a chunk, joining clean stretches and dropping empty ones.
fn push<T: Clone>(chunks: &mut Vec<Chunk<T>>, chunk: Chunk<T>) {
    match (chunks.last_mut(), chunk) {
        (_, Chunk::Clean(items)) if items.is_empty() => {}
        (Some(Chunk::Clean(last)), Chunk::Clean(items)) => last.extend(items),
        (_, chunk) => chunks.push(chunk),
    }
}

/// For each element of `base`, where it stands in `side` (None: not kept).
fn matches<T: PartialEq>(base: &[T], side: &[T]) -> Vec<Option<usize>> {
    let mut to_side = vec![None; base.len()];
    for (b, s) in pairs(base, side) {
        to_side[b] = Some(s);
    }
    to_side
}

/// The elements the two share, in order.
fn common<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Vec<T> {
    pairs(a, b).into_iter().map(|(i, _)| a[i].clone()).collect()
}

/// Index pairs of the elements `a` and `b` keep in common, in order, as
/// Myers' diff aligns them.
fn pairs<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let mut equal = Equal::default();
    let deadline = Some(Instant::now() + DEADLINE);
    // The hook never fails.
    let _ = myers::diff_deadline(&mut equal, a, 0..a.len(), b, 0..b.len(), deadline);
    equal.pairs
}

/// Collects the equal runs a diff reports.
#[derive(Default)]
struct Equal {
    pairs: Vec<(usize, usize)>,
}

impl DiffHook for Equal {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        self.pairs.extend((0..len).map(|k| (old + k, new + k)));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        text.split('\n').collect()
    }

    fn merged<'a>(chunks: &[Chunk<&'a str>]) -> Vec<&'a str> {
        let mut out = Vec::new();
        for chunk in chunks {
            match chunk {
                Chunk::Clean(items) => out.extend(items),
                Chunk::Conflict { ours, theirs } => {
                    out.push("<<<");
                    out.extend(ours);
                    out.push("===");
                    out.extend(theirs);
                    out.push(">>>");
                }
            }
        }
        out
    }

    #[test]
    fn changes_in_different_places_both_come_through() {
        let base = lines("a\nb\nc\nd");
        let ours = lines("a\nB\nc\nd");
        let theirs = lines("a\nb\nc\nd\ne");
        assert_eq!(
            merged(&diff3(Base::Known(&base), &ours, &theirs)),
            lines("a\nB\nc\nd\ne")
        );
    }

    #[test]
    fn a_line_deleted_on_one_side_goes() {
        let base = lines("a\nb\nc");
        let ours = lines("a\nc");
        assert_eq!(
            merged(&diff3(Base::Known(&base), &ours, &base)),
            lines("a\nc")
        );
    }

    #[test]
    fn the_same_stretch_changed_differently_keeps_both() {
        let base = lines("a\nb\nc");
        let ours = lines("a\nX\nc");
        let theirs = lines("a\nY\nc");
        assert_eq!(
            merged(&diff3(Base::Known(&base), &ours, &theirs)),
            lines("a\n<<<\nX\n===\nY\n>>>\nc")
        );
    }

    #[test]
    fn when_neither_side_had_it_what_only_one_side_has_is_kept() {
        let ours = lines("a\nb\nc");
        let theirs = lines("a\nc\nd");
        assert_eq!(
            merged(&diff3(Base::Nothing, &ours, &theirs)),
            lines("a\nb\nc\nd")
        );
    }

    #[test]
    fn without_a_known_base_what_only_one_side_has_is_a_choice() {
        // `b` may be ours added or theirs deleted: never decided silently.
        let ours = lines("a\nb\nc");
        let theirs = lines("a\nc\nd");
        assert_eq!(
            merged(&diff3(Base::Unknown, &ours, &theirs)),
            lines("a\n<<<\nb\n===\n>>>\nc\n<<<\n===\nd\n>>>")
        );
    }

    #[test]
    fn long_texts_align_line_by_line() {
        // Far past what an element-by-element table could hold.
        let base: Vec<String> = (0..40_000).map(|i| format!("- 行 {i}")).collect();
        let mut ours = base.clone();
        ours[100] = "- ここを直した".into();
        let mut theirs = base.clone();
        theirs[39_000] = "- あちらも直した".into();
        let chunks = diff3(Base::Known(&base), &ours, &theirs);
        assert_eq!(chunks.len(), 1, "one clean merge");
        let Chunk::Clean(lines) = &chunks[0] else {
            panic!()
        };
        assert_eq!(lines[100], "- ここを直した");
        assert_eq!(lines[39_000], "- あちらも直した");
    }
}
