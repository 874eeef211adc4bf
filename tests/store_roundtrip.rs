//! Every journal survives save and load unchanged, whatever its text holds:
//! quotes, backslashes, `"#`, `#`, CRLF, tabs, control characters, emoji, Japanese.

mod common;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use studylog::model::{
    Align, Answer, Block, Book, BookId, BoxStyle, Cell, Chapter, ChapterId, ChapterNotes,
    ChapterStatus, Criterion, Day, DayHeading, DaySection, Entry, FreeText, Grid, Journal,
    Language, Learned, LearnedBook, Mark, Marker, NextItem, Question, Score, SectionBody, Spacing,
    StudiedBook, StudiedChapter, Template, WorkItem,
};
use studylog::store;

/// Text built from the pieces most likely to break a RON writer, plus any character.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\"#".to_owned()),
        Just("#".to_owned()),
        Just("r#\"".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\t".to_owned()),
        Just("学んだこと".to_owned()),
        Just("ｺﾝﾃﾅ".to_owned()),
        Just("🦀".to_owned()),
        Just("// not a comment".to_owned()),
        Just("/*".to_owned()),
        Just(")]}".to_owned()),
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    (0u64..40_000).prop_map(move |n| base + Days::new(n))
}

fn score() -> impl Strategy<Value = Option<Score>> {
    prop_oneof![
        Just(None),
        (1u8..=5).prop_map(|p| Some(Score::Points(p))),
        prop::sample::select(Mark::ALL.to_vec()).prop_map(|m| Some(Score::Mark(m))),
    ]
}

fn grid() -> impl Strategy<Value = Grid> {
    (1usize..4, 1usize..4).prop_flat_map(|(rows, cols)| {
        (
            text(),
            text(),
            prop::collection::vec(text(), rows),
            prop::collection::vec((text(), 0u32..10), cols),
            prop::collection::vec(prop::collection::vec((text(), score()), cols), rows),
        )
            .prop_map(|(title, corner, options, criteria, cells)| Grid {
                title,
                corner,
                corner_align: Align::Center,
                options,
                criteria: criteria
                    .into_iter()
                    .map(|(name, weight)| Criterion {
                        name,
                        weight,
                        align: if weight % 2 == 0 {
                            Align::Right
                        } else {
                            Align::None
                        },
                    })
                    .collect(),
                cells: cells
                    .into_iter()
                    .map(|row| {
                        row.into_iter()
                            .map(|(text, score)| Cell { text, score })
                            .collect()
                    })
                    .collect(),
                total_column: true,
            })
    })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![text().prop_map(Block::Text), grid().prop_map(Block::Grid)]
}

fn marker() -> impl Strategy<Value = Marker> {
    prop::sample::select(vec!["- ", "* ", "1. ", "-   ", " + "]).prop_map(|m| Marker(m.into()))
}

fn style() -> impl Strategy<Value = BoxStyle> {
    prop::sample::select(vec![BoxStyle::Box, BoxStyle::Upper, BoxStyle::Plain])
}

/// An item, or text written between items.
fn entries<T: std::fmt::Debug + Clone>(
    item: impl Strategy<Value = T>,
) -> impl Strategy<Value = Vec<Entry<T>>> {
    let entry = prop_oneof![
        3 => item.prop_map(Entry::Item),
        1 => text().prop_map(Entry::Text),
    ];
    prop::collection::vec(entry, 0..3)
}

fn free() -> impl Strategy<Value = FreeText> {
    (text(), prop::collection::vec(grid(), 0..2)).prop_map(|(text, grids)| FreeText { text, grids })
}

/// A section body of any kind; book and chapter ids are placeholders, fixed
/// up by [`link`].
fn body() -> impl Strategy<Value = SectionBody> {
    let chapters = prop::collection::vec((any::<u32>(), text()), 0..3);
    let worked = prop_oneof![
        (any::<u32>(), chapters, marker()).prop_map(|(book, chapters, marker)| WorkItem::Book(
            StudiedBook {
                book: BookId(book),
                chapters: chapters
                    .into_iter()
                    .map(|(c, written_as)| StudiedChapter {
                        chapter: ChapterId(c),
                        written_as
                    })
                    .collect(),
                marker,
                chapter_prefix: String::new(),
            }
        )),
        (text(), marker()).prop_map(|(text, marker)| WorkItem::Text { text, marker }),
    ];
    let notes = prop::collection::vec(
        (any::<u32>(), prop::collection::vec(block(), 0..3)).prop_map(|(c, blocks)| ChapterNotes {
            chapter: ChapterId(c),
            blocks,
        }),
        0..3,
    );
    let books = prop::collection::vec(
        (any::<u32>(), text(), notes).prop_map(|(b, intro, chapters)| LearnedBook {
            book: BookId(b),
            intro,
            chapters,
        }),
        0..2,
    );
    let learned = (text(), books).prop_map(|(intro, books)| Learned { intro, books });
    let question = (
        text(),
        prop::option::of((text(), date())),
        marker(),
        style(),
    )
        .prop_map(|(text, answer, marker, style)| Question {
            text,
            answer: answer.map(|(text, resolved_on)| Answer { text, resolved_on }),
            marker,
            style,
        });
    let next = (
        text(),
        any::<bool>(),
        prop::option::of(date()),
        marker(),
        style(),
    )
        .prop_map(|(text, done, carried_from, marker, style)| NextItem {
            text,
            done,
            carried_from,
            marker,
            style,
        });
    prop_oneof![
        entries(worked).prop_map(SectionBody::WorkedOn),
        learned.prop_map(SectionBody::Learned),
        entries(question).prop_map(SectionBody::Questions),
        entries(next).prop_map(SectionBody::Next),
        free().prop_map(SectionBody::Impressions),
        free().prop_map(SectionBody::Other),
    ]
}

fn day() -> impl Strategy<Value = Day> {
    let section = (text(), 1u8..=6, body()).prop_map(|(heading, level, body)| DaySection {
        heading,
        level,
        body,
    });
    let heading = prop::option::of(
        (0u8..=3, text(), 0u8..=3).prop_map(|(level, text, indent)| DayHeading {
            level,
            text,
            indent,
        }),
    );
    let spacing = (
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<u8>(), 0..4),
        prop::option::of(any::<u8>()),
    )
        .prop_map(|(tight_date, tight_headings, gaps, after)| Spacing {
            tight_date,
            tight_headings,
            gaps,
            after,
        });
    (
        heading,
        text(),
        prop::collection::vec(section, 0..6),
        spacing,
    )
        .prop_map(|(heading, preamble, sections, spacing)| Day {
            heading,
            preamble,
            sections,
            spacing,
        })
}

fn status() -> impl Strategy<Value = ChapterStatus> {
    prop::sample::select(vec![
        ChapterStatus::NotStarted,
        ChapterStatus::Reading,
        ChapterStatus::Done,
    ])
}

fn journal() -> impl Strategy<Value = Journal> {
    let books = prop::collection::vec(
        (text(), prop::collection::vec((text(), status()), 0..4)),
        1..4,
    );
    let template = (text(), prop::array::uniform5(text()), any::<bool>());
    (
        text(),
        template,
        books,
        prop::collection::vec((date(), day()), 0..5),
    )
        .prop_map(|(title, (date_format, headings, english), books, days)| {
            let mut journal =
                Journal::new(title, if english { Language::En } else { Language::Ja });
            journal.template = Template {
                date_format,
                ..journal.template
            };
            let [a, b, c, d, e] = headings;
            journal.template.headings = studylog::model::SectionHeadings {
                worked_on: a,
                learned: b,
                questions: c,
                next: d,
                impressions: e,
            };
            for (book_title, chapters) in books {
                let book = journal.add_book(book_title);
                for (label, status) in chapters {
                    let id = journal.add_chapter(book, label).unwrap();
                    journal
                        .book_mut(book)
                        .unwrap()
                        .chapters
                        .last_mut()
                        .unwrap()
                        .status = status;
                    assert_eq!(
                        journal.book(book).unwrap().chapter(id).unwrap().status,
                        status
                    );
                }
            }
            for (date, day) in days {
                let day = link(&journal.books, day);
                journal.days.insert(date, day);
            }
            journal
        })
}

/// Points the placeholder ids of `day` at books and chapters that exist.
fn link(books: &[Book], mut day: Day) -> Day {
    let chapters: Vec<&Chapter> = books.iter().flat_map(|b| &b.chapters).collect();
    let book_id = |raw: BookId| books[raw.0 as usize % books.len()].id;
    let keep_chapter = |raw: ChapterId| {
        (!chapters.is_empty()).then(|| chapters[raw.0 as usize % chapters.len()].id)
    };
    for section in &mut day.sections {
        match &mut section.body {
            SectionBody::WorkedOn(entries) => {
                for entry in entries {
                    if let Entry::Item(WorkItem::Book(studied)) = entry {
                        studied.book = book_id(studied.book);
                        studied.chapters.retain_mut(|c| {
                            keep_chapter(c.chapter).map(|id| c.chapter = id).is_some()
                        });
                    }
                }
            }
            SectionBody::Learned(learned) => {
                for book in &mut learned.books {
                    book.book = book_id(book.book);
                    book.chapters
                        .retain_mut(|n| keep_chapter(n.chapter).map(|id| n.chapter = id).is_some());
                }
            }
            _ => {}
        }
    }
    day
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn ron_text_round_trips_any_journal(journal in journal()) {
        let text = store::to_ron_string(&journal).unwrap();
        let back = store::from_ron_str(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back, journal);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn saved_file_loads_back_identical(journal in journal()) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("j.studylog.ron");
        store::save(&path, &journal).unwrap();
        prop_assert_eq!(store::load(&path).unwrap(), journal);
    }
}

#[test]
fn multi_line_notes_keep_real_line_breaks_in_the_file() {
    let journal = common::small_journal();
    let text = store::to_ron_string(&journal).unwrap();
    assert!(
        text.contains("- リーダーを通る\n  - フォロワーは同じ順序で適用"),
        "notes should be written as they read, not as \\n escapes:\n{text}"
    );
}

#[test]
fn the_generated_ten_year_journal_round_trips() {
    let journal = studylog::generate::generate(10, 7);
    assert_eq!(journal.days.len(), 3650);
    assert_eq!(journal.books.len(), 40);
    assert_eq!(journal.chapter_count(), 600);
    let text = store::to_ron_string(&journal).unwrap();
    assert_eq!(store::from_ron_str(&text).unwrap(), journal);
}
