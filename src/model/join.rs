//! Two logs of one date joined into one day: a blog folder's monthly
//! look-back dated the month's last day beside that day's own note, or a
//! day's log kept in two files. Sections of the same meaning are merged
//! (items after items, a book's chapters with the chapters of the same book,
//! text after text); sections the day did not have come after its own.
//! Nothing of either is lost.

use super::day::{
    Block, ChapterNotes, Day, DaySection, Entry, FreeText, Learned, LearnedBook, SectionBody,
    WorkItem,
};

/// Joins `other` (read later) into `day`.
pub fn join_days(day: &mut Day, other: Day) {
    append_text(&mut day.preamble, other.preamble);
    for section in other.sections {
        match day.sections.iter_mut().find(|s| same_meaning(s, &section)) {
            Some(mine) => join_bodies(&mut mine.body, section.body),
            None => day.sections.push(section),
        }
    }
    // The day is no longer spaced as either log was.
    day.spacing.gaps.clear();
}

/// Whether two sections hold the same thing: the same template kind, or
/// kept-as-written sections under the same heading.
fn same_meaning(a: &DaySection, b: &DaySection) -> bool {
    match (a.kind(), b.kind()) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.heading.trim() == b.heading.trim(),
        _ => false,
    }
}

fn join_bodies(mine: &mut SectionBody, theirs: SectionBody) {
    match (mine, theirs) {
        (SectionBody::WorkedOn(a), SectionBody::WorkedOn(b)) => join_work(a, b),
        (SectionBody::Questions(a), SectionBody::Questions(b)) => a.extend(b),
        (SectionBody::Next(a), SectionBody::Next(b)) => a.extend(b),
        (SectionBody::Learned(a), SectionBody::Learned(b)) => join_learned(a, b),
        (SectionBody::Impressions(a), SectionBody::Impressions(b))
        | (SectionBody::Other(a), SectionBody::Other(b)) => join_free(a, b),
        // Different kinds never share a meaning; kept by the caller's test.
        _ => {}
    }
}

/// 取り組んだこと: a book studied in both gets the chapters it lacks.
fn join_work(mine: &mut Vec<Entry<WorkItem>>, theirs: Vec<Entry<WorkItem>>) {
    for entry in theirs {
        let Entry::Item(WorkItem::Book(book)) = &entry else {
            mine.push(entry);
            continue;
        };
        let same = mine.iter_mut().find_map(|e| match e {
            Entry::Item(WorkItem::Book(b)) if b.book == book.book => Some(b),
            _ => None,
        });
        match same {
            Some(existing) => {
                for chapter in &book.chapters {
                    if !existing
                        .chapters
                        .iter()
                        .any(|c| c.chapter == chapter.chapter)
                    {
                        existing.chapters.push(chapter.clone());
                    }
                }
            }
            None => mine.push(entry),
        }
    }
}

fn join_learned(mine: &mut Learned, theirs: Learned) {
    append_text(&mut mine.intro, theirs.intro);
    for book in theirs.books {
        match mine.books.iter_mut().find(|b| b.book == book.book) {
            Some(existing) => join_book(existing, book),
            None => mine.books.push(book),
        }
    }
}

fn join_book(mine: &mut LearnedBook, theirs: LearnedBook) {
    append_text(&mut mine.intro, theirs.intro);
    for notes in theirs.chapters {
        match mine
            .chapters
            .iter_mut()
            .find(|n| n.chapter == notes.chapter)
        {
            Some(existing) => join_notes(existing, notes),
            None => mine.chapters.push(notes),
        }
    }
}

fn join_notes(mine: &mut ChapterNotes, theirs: ChapterNotes) {
    for block in theirs.blocks {
        match (mine.blocks.last_mut(), block) {
            (Some(Block::Text(text)), Block::Text(more)) => append_text(text, more),
            (_, block) => mine.blocks.push(block),
        }
    }
}

fn join_free(mine: &mut FreeText, theirs: FreeText) {
    append_text(&mut mine.text, theirs.text);
    mine.grids.extend(theirs.grids);
}

/// Text after text, a blank line between.
fn append_text(mine: &mut String, theirs: String) {
    if theirs.is_empty() {
        return;
    }
    if !mine.is_empty() {
        mine.push_str("\n\n");
    }
    mine.push_str(&theirs);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BookId, ChapterId, NextItem, StudiedBook, StudiedChapter, Template};

    fn studied(book: u32, chapters: &[u32]) -> Entry<WorkItem> {
        Entry::Item(WorkItem::Book(StudiedBook {
            book: BookId(book),
            chapters: chapters
                .iter()
                .map(|&c| StudiedChapter {
                    chapter: ChapterId(c),
                    written_as: String::new(),
                })
                .collect(),
            marker: Default::default(),
            chapter_prefix: String::new(),
        }))
    }

    #[test]
    fn sections_of_one_meaning_merge_and_the_others_follow() {
        let template = Template::default();
        let mut day = Day::from_template(&template);
        day.sections[0].body = SectionBody::WorkedOn(vec![studied(1, &[1])]);
        day.sections[3].body = SectionBody::Next(vec![Entry::Item(NextItem::new("7 章"))]);
        day.sections[4].body = SectionBody::Impressions(FreeText::new("良い日"));
        let other = Day {
            sections: vec![
                DaySection::of(
                    "やったこと",
                    SectionBody::WorkedOn(vec![studied(1, &[1, 2])]),
                ),
                DaySection::of("振り返り", SectionBody::Impressions(FreeText::new("月末"))),
                DaySection::of("健康", SectionBody::Other(FreeText::new("歩いた"))),
                DaySection::of(
                    "明日",
                    SectionBody::Next(vec![Entry::Item(NextItem::new("8 章"))]),
                ),
            ],
            ..Day::default()
        };
        join_days(&mut day, other);
        assert_eq!(
            day.sections.len(),
            6,
            "one new section, after the day's own"
        );
        assert_eq!(day.sections[5].heading, "健康");
        let SectionBody::WorkedOn(work) = &day.sections[0].body else {
            panic!()
        };
        assert_eq!(work, &vec![studied(1, &[1, 2])], "chapter 2 joins book 1");
        let next: Vec<&str> = day.next_items().map(|(_, _, n)| n.text.as_str()).collect();
        assert_eq!(next, ["7 章", "8 章"]);
        assert_eq!(day.sections[4].body.free().unwrap().text, "良い日\n\n月末");
    }

    #[test]
    fn notes_of_one_chapter_join_text_to_text() {
        let notes = |text: &str| ChapterNotes {
            chapter: ChapterId(3),
            blocks: vec![Block::Text(text.into())],
        };
        let mut mine = LearnedBook {
            book: BookId(1),
            intro: String::new(),
            chapters: vec![notes("- a")],
        };
        join_book(
            &mut mine,
            LearnedBook {
                book: BookId(1),
                intro: "本のメモ".into(),
                chapters: vec![notes("- b")],
            },
        );
        assert_eq!(mine.intro, "本のメモ");
        assert_eq!(mine.chapters, vec![notes("- a\n\n- b")]);
    }
}
