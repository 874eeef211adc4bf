//! Books and chapters studied on a day: ticking a chapter lists it under
//! 取り組んだこと and gives it a notes block in 学んだこと; unticking takes both
//! back unless notes were written. A day without those sections gets them at
//! their template position first. A stopped study timer writes its line there too.

use chrono::NaiveDate;

use super::super::address::is_studied;
use super::super::day::{
    Block, ChapterNotes, Day, DaySection, Entry, LearnedBook, Marker, SectionBody, StudiedBook,
    StudiedChapter, WorkItem,
};
use super::super::ids::{BookId, ChapterId};
use super::super::journal::Journal;
use super::super::library;
use super::super::template::{Section, Template};

pub(super) fn set_studied(
    journal: &mut Journal,
    date: NaiveDate,
    chapter: ChapterId,
    studied: bool,
) -> bool {
    let Some(book) = journal.chapter(chapter).map(|(book, _)| book.id) else {
        return false;
    };
    let template = journal.template.clone();
    let Some(day) = journal.days.get_mut(&date) else {
        return false;
    };
    if studied == is_studied(day, chapter) {
        return false;
    }
    if studied {
        mark_studied(day, &template, book, chapter);
        let status = journal.chapter(chapter).map(|(_, c)| c.status);
        if let Some(status) = status {
            let status = super::super::study::status_when_studied(status);
            library::set_status(journal, chapter, status);
        }
    } else {
        unmark_studied(day, book, chapter);
    }
    true
}

/// Stop the study timer; its line (if kept) goes under the day's
/// 取り組んだこと, the day started from the template if it has no log yet.
pub(super) fn stop_timer(journal: &mut Journal, date: NaiveDate, line: Option<String>) -> bool {
    let Some(_) = journal.study.timer.take() else {
        return false;
    };
    let Some(line) = line else {
        return true;
    };
    if !journal.days.contains_key(&date) {
        let day = super::super::study::new_day(journal, date);
        journal.days.insert(date, day);
    }
    let template = journal.template.clone();
    let day = journal.days.get_mut(&date).expect("made above");
    if let Some(entries) = worked_on_mut(day, &template) {
        entries.push(Entry::Item(WorkItem::Text {
            text: line,
            marker: Marker::default(),
        }));
    }
    true
}

/// Add a template section the day does not have yet (none if it has one).
pub(super) fn add_section(journal: &mut Journal, date: NaiveDate, kind: Section) -> bool {
    let Some(day) = journal.days.get_mut(&date) else {
        return false;
    };
    let missing = day.section(kind).is_none();
    ensure_section(day, &journal.template, kind);
    missing
}

/// The index of the day's first section of `kind`, adding an empty one at
/// its template position when the day has none.
fn ensure_section(day: &mut Day, template: &Template, kind: Section) -> usize {
    if let Some((index, _)) = day.section(kind) {
        return index;
    }
    let at = day.template_position(kind);
    let section = DaySection {
        level: day.section_level(),
        ..DaySection::new(template.headings.get(kind), kind)
    };
    day.sections.insert(at, section);
    at
}

/// The entries of the day's first 取り組んだこと, added if missing.
fn worked_on_mut<'a>(
    day: &'a mut Day,
    template: &Template,
) -> Option<&'a mut Vec<Entry<WorkItem>>> {
    let section = ensure_section(day, template, Section::WorkedOn);
    match &mut day.sections.get_mut(section)?.body {
        SectionBody::WorkedOn(entries) => Some(entries),
        _ => None,
    }
}

fn mark_studied(day: &mut Day, template: &Template, book: BookId, chapter: ChapterId) {
    let studied = StudiedChapter {
        chapter,
        written_as: String::new(),
    };
    let Some(entries) = worked_on_mut(day, template) else {
        return;
    };
    let listed = entries.iter_mut().find_map(|entry| match entry {
        Entry::Item(WorkItem::Book(b)) if b.book == book => Some(b),
        _ => None,
    });
    match listed {
        Some(entry) => entry.chapters.push(studied),
        None => entries.push(Entry::Item(WorkItem::Book(StudiedBook {
            book,
            chapters: vec![studied],
            marker: Marker::default(),
            chapter_prefix: String::new(),
        }))),
    }
    if super::super::address::notes(day, chapter).is_some() {
        return;
    }
    let section = ensure_section(day, template, Section::Learned);
    let Some(learned) = super::super::address::learned_mut(day, section) else {
        return;
    };
    let notes = ChapterNotes {
        chapter,
        blocks: vec![Block::Text(String::new())],
    };
    match learned.books.iter_mut().find(|b| b.book == book) {
        Some(entry) => entry.chapters.push(notes),
        None => learned.books.push(LearnedBook {
            book,
            intro: String::new(),
            chapters: vec![notes],
        }),
    }
}

fn unmark_studied(day: &mut Day, book: BookId, chapter: ChapterId) {
    for section in &mut day.sections {
        match &mut section.body {
            SectionBody::WorkedOn(entries) => {
                for entry in entries.iter_mut() {
                    if let Entry::Item(WorkItem::Book(b)) = entry {
                        b.chapters.retain(|c| c.chapter != chapter);
                    }
                }
                // A book entry with no chapters left stays only if nothing refers to it.
                entries.retain(|entry| {
                    !matches!(entry, Entry::Item(WorkItem::Book(b)) if b.book == book && b.chapters.is_empty())
                });
            }
            SectionBody::Learned(learned) => {
                for notes in &mut learned.books {
                    notes
                        .chapters
                        .retain(|n| n.chapter != chapter || !notes_are_empty(n));
                }
                learned
                    .books
                    .retain(|b| b.book != book || !b.chapters.is_empty() || !b.intro.is_empty());
            }
            _ => {}
        }
    }
}

fn notes_are_empty(notes: &ChapterNotes) -> bool {
    notes.blocks.iter().all(|block| match block {
        Block::Text(text) => text.trim().is_empty(),
        Block::Grid(_) => false,
    })
}

pub(super) fn list_book(journal: &mut Journal, date: NaiveDate, book: BookId) -> bool {
    if journal.book(book).is_none() {
        return false;
    }
    let template = journal.template.clone();
    journal
        .days
        .get_mut(&date)
        .is_some_and(|day| list_book_on(day, &template, book))
}

fn list_book_on(day: &mut Day, template: &Template, book: BookId) -> bool {
    let listed = day
        .work_items()
        .any(|(_, _, item)| matches!(item, WorkItem::Book(b) if b.book == book));
    if listed {
        return false;
    }
    let Some(entries) = worked_on_mut(day, template) else {
        return false;
    };
    entries.push(Entry::Item(WorkItem::Book(StudiedBook {
        book,
        chapters: Vec::new(),
        marker: Marker::default(),
        chapter_prefix: String::new(),
    })));
    true
}

pub(super) fn add_book(
    journal: &mut Journal,
    title: String,
    studied_on: Option<NaiveDate>,
) -> bool {
    let title = title.trim().to_owned();
    if title.is_empty() {
        return false;
    }
    let book = journal.add_book(title);
    if let Some(date) = studied_on {
        list_book(journal, date, book);
    }
    true
}

pub(super) fn add_chapter(
    journal: &mut Journal,
    book: BookId,
    label: String,
    studied_on: Option<NaiveDate>,
) -> bool {
    let label = label.trim().to_owned();
    if label.is_empty() {
        return false;
    }
    let Some(chapter) = journal.add_chapter(book, label) else {
        return false;
    };
    if let Some(date) = studied_on {
        set_studied(journal, date, chapter, true);
    }
    true
}
