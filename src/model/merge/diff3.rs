//! Three-way merge of two sequences that grew from a common one: lines of a
//! note, items of a list, blocks of a chapter's notes, grids.
//!
//! Where only one side changed a stretch, that change is taken; where both
//! made the same change, it is taken once; where both changed it
//! differently, the caller gets both versions to keep. Without a common
//! version (two copies that never shared a file), what the two have in
//! common (their longest common subsequence) stands in for it, so a piece
//! only one side has counts as that side's addition and is kept.

/// A stretch of the merged sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunk<T> {
    /// Taken as is: both sides agree, or only one side changed it.
    Clean(Vec<T>),
    /// Both sides changed the same stretch differently.
    Conflict { ours: Vec<T>, theirs: Vec<T> },
}

/// Sequences longer than this (product of lengths) are not aligned element
/// by element: the table would be too big for a merge that must feel instant.
const MAX_TABLE: usize = 16_000_000;

/// The merge of `ours` and `theirs`, from `base` (or from what they share).
pub fn diff3<T: Clone + PartialEq>(base: Option<&[T]>, ours: &[T], theirs: &[T]) -> Vec<Chunk<T>> {
    if ours == theirs {
        return vec![Chunk::Clean(ours.to_vec())];
    }
    let shared;
    let base = match base {
        Some(base) => base,
        None => {
            shared = common(ours, theirs);
            &shared
        }
    };
    if base == ours {
        return vec![Chunk::Clean(theirs.to_vec())];
    }
    if base == theirs {
        return vec![Chunk::Clean(ours.to_vec())];
    }
    let (Some(to_ours), Some(to_theirs)) = (matches(base, ours), matches(base, theirs)) else {
        return vec![Chunk::Conflict {
            ours: ours.to_vec(),
            theirs: theirs.to_vec(),
        }];
    };
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

/// For each element of `base`, where it stands in `side` along their longest
/// common subsequence (None: not kept). None if the sequences are too long
/// to align.
fn matches<T: PartialEq>(base: &[T], side: &[T]) -> Option<Vec<Option<usize>>> {
    let pairs = lcs(base, side)?;
    let mut to_side = vec![None; base.len()];
    for (b, s) in pairs {
        to_side[b] = Some(s);
    }
    Some(to_side)
}

/// The elements the two share, in order (their longest common subsequence).
fn common<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Vec<T> {
    match lcs(a, b) {
        Some(pairs) => pairs.into_iter().map(|(i, _)| a[i].clone()).collect(),
        None => Vec::new(),
    }
}

/// Index pairs of a longest common subsequence of `a` and `b`, after
/// trimming the prefix and suffix they share.
fn lcs<T: PartialEq>(a: &[T], b: &[T]) -> Option<Vec<(usize, usize)>> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if ma.len().saturating_mul(mb.len()) > MAX_TABLE {
        return None;
    }
    // lengths[i][j]: LCS length of ma[i..] and mb[j..].
    let width = mb.len() + 1;
    let mut lengths = vec![0u32; (ma.len() + 1) * width];
    for i in (0..ma.len()).rev() {
        for j in (0..mb.len()).rev() {
            lengths[i * width + j] = if ma[i] == mb[j] {
                lengths[(i + 1) * width + j + 1] + 1
            } else {
                lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
            };
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|k| (k, k)).collect();
    let (mut i, mut j) = (0, 0);
    while i < ma.len() && j < mb.len() {
        if ma[i] == mb[j] {
            pairs.push((prefix + i, prefix + j));
            (i, j) = (i + 1, j + 1);
        } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    let tail_a = a.len() - suffix;
    let tail_b = b.len() - suffix;
    pairs.extend((0..suffix).map(|k| (tail_a + k, tail_b + k)));
    Some(pairs)
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
            merged(&diff3(Some(&base), &ours, &theirs)),
            lines("a\nB\nc\nd\ne")
        );
    }

    #[test]
    fn a_line_deleted_on_one_side_goes() {
        let base = lines("a\nb\nc");
        let ours = lines("a\nc");
        assert_eq!(merged(&diff3(Some(&base), &ours, &base)), lines("a\nc"));
    }

    #[test]
    fn the_same_stretch_changed_differently_keeps_both() {
        let base = lines("a\nb\nc");
        let ours = lines("a\nX\nc");
        let theirs = lines("a\nY\nc");
        assert_eq!(
            merged(&diff3(Some(&base), &ours, &theirs)),
            lines("a\n<<<\nX\n===\nY\n>>>\nc")
        );
    }

    #[test]
    fn without_a_base_what_only_one_side_has_is_kept() {
        let ours = lines("a\nb\nc");
        let theirs = lines("a\nc\nd");
        assert_eq!(merged(&diff3(None, &ours, &theirs)), lines("a\nb\nc\nd"));
    }
}
