//! Merging one day changed on both sides: section by section (matched by
//! kind, or by heading for sections kept as written), list items and grids
//! by what they are, texts line by line. Where both sides changed the same
//! thing differently, both versions stay, between the conflict markers of
//! [`super::text`].

use super::diff3::{Base, Chunk, diff3};
use super::grid::merge_grids;
use super::text::{END_MARKER, OURS_MARKER, THEIRS_MARKER, merge_text};
use crate::model::{
    Block, ChapterNotes, Day, DaySection, Entry, FreeText, Grid, Learned, LearnedBook, SectionBody,
};

/// What merging counted (conflicts left for the user), and what it knows
/// of the common version.
#[derive(Default)]
pub(super) struct Tally {
    pub conflicts: usize,
    /// No common version is known at all (a two-way merge): what one side
    /// lacks may be a deletion there, so it is a choice, not a given.
    pub unknown_base: bool,
}

impl Tally {
    /// What is known of a sequence's common version: `base`, or (where
    /// the common version has none) nothing, or not known.
    pub fn base<'a, T>(&self, base: Option<&'a [T]>) -> Base<'a, T> {
        match base {
            Some(base) => Base::Known(base),
            None if self.unknown_base => Base::Unknown,
            None => Base::Nothing,
        }
    }
}

/// A value both sides may have changed: the one that changed wins; if
/// both did, ours.
fn scalar<T: Clone + PartialEq>(base: Option<&T>, ours: &T, theirs: &T) -> T {
    match base {
        Some(base) if ours == base => theirs.clone(),
        _ => ours.clone(),
    }
}

pub(super) fn text(tally: &mut Tally, base: Option<&str>, ours: &str, theirs: &str) -> String {
    let (merged, conflicts) = merge_text(base, ours, theirs, tally.unknown_base);
    tally.conflicts += conflicts;
    merged
}

pub(super) fn merge_day(tally: &mut Tally, base: Option<&Day>, ours: &Day, theirs: &Day) -> Day {
    Day {
        heading: scalar(base.map(|b| &b.heading), &ours.heading, &theirs.heading),
        preamble: text(
            tally,
            base.map(|b| b.preamble.as_str()),
            &ours.preamble,
            &theirs.preamble,
        ),
        sections: merge_sections(tally, base, ours, theirs),
        spacing: scalar(base.map(|b| &b.spacing), &ours.spacing, &theirs.spacing),
    }
}

/// What a section is, to find the same section on the other side: its kind
/// (or its heading, kept as written) and which of that kind it is.
fn keys(day: &Day) -> Vec<(String, usize)> {
    let mut seen: Vec<String> = Vec::new();
    day.sections
        .iter()
        .map(|s| {
            let key = match s.kind() {
                Some(kind) => format!("{kind:?}"),
                None => s.heading.trim().to_owned(),
            };
            let n = seen.iter().filter(|k| **k == key).count();
            seen.push(key.clone());
            (key, n)
        })
        .collect()
}

fn merge_sections(
    tally: &mut Tally,
    base: Option<&Day>,
    ours: &Day,
    theirs: &Day,
) -> Vec<DaySection> {
    let (ours_keys, theirs_keys) = (keys(ours), keys(theirs));
    let base_keys = base.map(keys).unwrap_or_default();
    let in_base = |key: &(String, usize)| {
        let i = base_keys.iter().position(|k| k == key)?;
        base.map(|b| &b.sections[i])
    };
    let mut out: Vec<DaySection> = Vec::new();
    for (i, key) in ours_keys.iter().enumerate() {
        let mine = &ours.sections[i];
        match theirs_keys.iter().position(|k| k == key) {
            Some(j) => out.push(merge_section(
                tally,
                in_base(key),
                mine,
                &theirs.sections[j],
            )),
            // They removed it: it goes only if we did not change it.
            None if in_base(key) == Some(mine) => {}
            None => out.push(mine.clone()),
        }
    }
    // Sections only they have go after the section before them.
    for (j, key) in theirs_keys.iter().enumerate() {
        if ours_keys.contains(key) || in_base(key) == Some(&theirs.sections[j]) {
            continue;
        }
        let after = theirs_keys[..j]
            .iter()
            .rev()
            .find_map(|k| ours_keys.iter().position(|o| o == k));
        let at = after.map_or(0, |i| (i + 1).min(out.len()));
        out.insert(at, theirs.sections[j].clone());
    }
    out
}

fn merge_section(
    tally: &mut Tally,
    base: Option<&DaySection>,
    ours: &DaySection,
    theirs: &DaySection,
) -> DaySection {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let body = match (base.map(|b| &b.body), &ours.body, &theirs.body) {
        (b, SectionBody::WorkedOn(o), SectionBody::WorkedOn(t)) => {
            let b = b.and_then(|b| match b {
                SectionBody::WorkedOn(e) => Some(e.as_slice()),
                _ => None,
            });
            SectionBody::WorkedOn(entries(tally, b, o, t))
        }
        (b, SectionBody::Questions(o), SectionBody::Questions(t)) => {
            let b = b.and_then(|b| match b {
                SectionBody::Questions(e) => Some(e.as_slice()),
                _ => None,
            });
            SectionBody::Questions(entries(tally, b, o, t))
        }
        (b, SectionBody::Next(o), SectionBody::Next(t)) => {
            let b = b.and_then(|b| match b {
                SectionBody::Next(e) => Some(e.as_slice()),
                _ => None,
            });
            SectionBody::Next(entries(tally, b, o, t))
        }
        (b, SectionBody::Learned(o), SectionBody::Learned(t)) => {
            let b = b.and_then(|b| match b {
                SectionBody::Learned(l) => Some(l),
                _ => None,
            });
            SectionBody::Learned(learned(tally, b, o, t))
        }
        (b, SectionBody::Impressions(o), SectionBody::Impressions(t)) => {
            SectionBody::Impressions(free(tally, b.and_then(|b| b.free()), o, t))
        }
        (b, SectionBody::Other(o), SectionBody::Other(t)) => {
            SectionBody::Other(free(tally, b.and_then(|b| b.free()), o, t))
        }
        // Not the same kind of section after all: keep ours.
        _ => ours.body.clone(),
    };
    DaySection {
        heading: scalar(base.map(|b| &b.heading), &ours.heading, &theirs.heading),
        level: scalar(base.map(|b| &b.level), &ours.level, &theirs.level),
        body,
    }
}

/// List entries by what they are; both versions of a stretch both sides
/// changed, between marker lines.
fn entries<T: Clone + PartialEq>(
    tally: &mut Tally,
    base: Option<&[Entry<T>]>,
    ours: &[Entry<T>],
    theirs: &[Entry<T>],
) -> Vec<Entry<T>> {
    let mut out = Vec::new();
    for chunk in diff3(tally.base(base), ours, theirs) {
        match chunk {
            Chunk::Clean(items) => out.extend(items),
            Chunk::Conflict { ours, theirs } => {
                tally.conflicts += 1;
                out.push(Entry::Text(OURS_MARKER.to_owned()));
                out.extend(ours);
                out.push(Entry::Text(THEIRS_MARKER.to_owned()));
                out.extend(theirs);
                out.push(Entry::Text(END_MARKER.to_owned()));
            }
        }
    }
    out
}

fn free(
    tally: &mut Tally,
    base: Option<&FreeText>,
    ours: &FreeText,
    theirs: &FreeText,
) -> FreeText {
    FreeText {
        text: text(
            tally,
            base.map(|b| b.text.as_str()),
            &ours.text,
            &theirs.text,
        ),
        grids: grids(
            tally,
            base.map(|b| b.grids.as_slice()),
            &ours.grids,
            &theirs.grids,
        ),
    }
}

fn grids(tally: &mut Tally, base: Option<&[Grid]>, ours: &[Grid], theirs: &[Grid]) -> Vec<Grid> {
    merge_grids(tally, base, ours, theirs)
}

fn learned(tally: &mut Tally, base: Option<&Learned>, ours: &Learned, theirs: &Learned) -> Learned {
    let intro = text(
        tally,
        base.map(|b| b.intro.as_str()),
        &ours.intro,
        &theirs.intro,
    );
    let find =
        |list: &[LearnedBook], book| list.iter().find(|l: &&LearnedBook| l.book == book).cloned();
    let mut books: Vec<LearnedBook> = Vec::new();
    for mine in &ours.books {
        let before = base.and_then(|b| find(&b.books, mine.book));
        match find(&theirs.books, mine.book) {
            Some(other) => books.push(learned_book(tally, before.as_ref(), mine, &other)),
            None if before.as_ref() == Some(mine) => {}
            None => books.push(mine.clone()),
        }
    }
    for other in &theirs.books {
        let before = base.and_then(|b| find(&b.books, other.book));
        if find(&ours.books, other.book).is_none() && before.as_ref() != Some(other) {
            books.push(other.clone());
        }
    }
    Learned { intro, books }
}

fn learned_book(
    tally: &mut Tally,
    base: Option<&LearnedBook>,
    ours: &LearnedBook,
    theirs: &LearnedBook,
) -> LearnedBook {
    let intro = text(
        tally,
        base.map(|b| b.intro.as_str()),
        &ours.intro,
        &theirs.intro,
    );
    let find = |list: &[ChapterNotes], chapter| {
        list.iter()
            .find(|n: &&ChapterNotes| n.chapter == chapter)
            .cloned()
    };
    let mut chapters = Vec::new();
    for mine in &ours.chapters {
        let before = base.and_then(|b| find(&b.chapters, mine.chapter));
        match find(&theirs.chapters, mine.chapter) {
            Some(other) => chapters.push(ChapterNotes {
                chapter: mine.chapter,
                blocks: blocks(
                    tally,
                    before.as_ref().map(|b| b.blocks.as_slice()),
                    &mine.blocks,
                    &other.blocks,
                ),
            }),
            None if before.as_ref() == Some(mine) => {}
            None => chapters.push(mine.clone()),
        }
    }
    for other in &theirs.chapters {
        let before = base.and_then(|b| find(&b.chapters, other.chapter));
        if find(&ours.chapters, other.chapter).is_none() && before.as_ref() != Some(other) {
            chapters.push(other.clone());
        }
    }
    LearnedBook {
        book: ours.book,
        intro,
        chapters,
    }
}

/// A chapter's notes: a text block both sides edited merges line by line;
/// other stretches both changed are kept twice (ours first).
fn blocks(
    tally: &mut Tally,
    base: Option<&[Block]>,
    ours: &[Block],
    theirs: &[Block],
) -> Vec<Block> {
    let mut out = Vec::new();
    for chunk in diff3(tally.base(base), ours, theirs) {
        match chunk {
            Chunk::Clean(items) => out.extend(items),
            Chunk::Conflict { ours: o, theirs: t } => match (o.as_slice(), t.as_slice()) {
                ([Block::Text(a)], [Block::Text(b)]) => {
                    let before = base.and_then(|base| single_text(base, ours, a));
                    out.push(Block::Text(text(tally, before, a, b)));
                }
                ([Block::Grid(a)], [Block::Grid(b)]) => {
                    let before = base.and_then(|base| single_grid(base, ours, a));
                    let before = before.map(std::slice::from_ref);
                    out.extend(
                        merge_grids(
                            tally,
                            before,
                            std::slice::from_ref(a),
                            std::slice::from_ref(b),
                        )
                        .into_iter()
                        .map(Block::Grid),
                    );
                }
                _ => {
                    tally.conflicts += 1;
                    out.extend(o);
                    out.extend(t);
                }
            },
        }
    }
    out
}

/// The base's grid at the place of `mine` among `ours`, if the two lists
/// have the same shape.
fn single_grid<'a>(base: &'a [Block], ours: &[Block], mine: &Grid) -> Option<&'a Grid> {
    let at = ours
        .iter()
        .position(|b| matches!(b, Block::Grid(g) if g == mine))?;
    match base.get(at) {
        Some(Block::Grid(g)) if base.len() == ours.len() => Some(g),
        _ => None,
    }
}

/// The base's text block at the place of `mine` among `ours`, if the two
/// lists have the same shape (so the block there is the one both edited).
fn single_text<'a>(base: &'a [Block], ours: &[Block], mine: &str) -> Option<&'a str> {
    let at = ours
        .iter()
        .position(|b| matches!(b, Block::Text(t) if t == mine))?;
    match base.get(at) {
        Some(Block::Text(t)) if base.len() == ours.len() => Some(t),
        _ => None,
    }
}
