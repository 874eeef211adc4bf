//! Property: a generated journal exported to Markdown and imported again is
//! the same journal (up to book and chapter ids, which the importer assigns
//! itself), and exporting that again gives the same text.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use studylog::markdown::{self, ImportOptions};
use studylog::model::{
    Align, Answer, Block, BookId, BoxStyle, Cell, ChapterId, ChapterNotes, Criterion, Day,
    DaySection, Entry, FreeText, Grid, Journal, Language, Learned, LearnedBook, Mark, Marker,
    NextItem, Question, Score, Section, SectionBody, StudiedBook, StudiedChapter, Template,
    WorkItem,
};

/// Lines that each stress one escaping rule, plus ordinary text.
const LINES: [&str; 15] = [
    "学習した",
    "ECS | EKS",
    "C:\\path\\to",
    "# 見出しっぽい",
    "## 見出し",
    "### 三",
    "#### 章っぽい",
    "##### トピック",
    "\\# 手で書いた",
    "- 箇条書き",
    "  - ネスト",
    "ｺﾝﾃﾅ と 🦀",
    "\"quote\" and 'single'",
    "<br> in text",
    "```\n# コード\n```",
];

const WORDS: [&str; 6] = ["速い", "安い", "ECS", "a|b", "改行\nあり", "\\"];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LINES.to_vec()), 1..4).prop_map(|l| l.join("\n"))
}

/// Text for list items. A section whose every nested line is indented further
/// than its item reads back as a four-space list (a documented limit of
/// guessing the indent unit), so items here start nested lines at the margin.
fn item_text() -> impl Strategy<Value = String> {
    let lines: Vec<&str> = LINES
        .iter()
        .copied()
        .filter(|l| !l.starts_with(' '))
        .collect();
    // An item keeps its further lines as written: indented under it.
    prop::collection::vec(prop::sample::select(lines), 1..4).prop_map(|l| {
        l.join("\n")
            .split('\n')
            .enumerate()
            .map(|(i, line)| {
                if i == 0 || line.is_empty() {
                    line.to_owned()
                } else {
                    format!("  {line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn maybe_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), text()]
}

fn line() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "学習した",
        "ECS | EKS",
        "ｺﾝﾃﾅ と 🦀",
        "# 見出しっぽい",
        "<br> in text",
    ])
    .prop_map(str::to_owned)
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(WORDS.to_vec()).prop_map(str::to_owned)
}

fn grid() -> impl Strategy<Value = Grid> {
    (1usize..4, 1usize..4).prop_flat_map(|(rows, cols)| {
        let score = prop_oneof![
            Just(None),
            (1u8..=5).prop_map(|p| Some(Score::Points(p))),
            prop::sample::select(Mark::ALL.to_vec()).prop_map(|m| Some(Score::Mark(m))),
        ];
        (
            line(),
            word(),
            prop::collection::vec(word(), rows),
            prop::collection::vec((word(), 1u32..4), cols),
            prop::collection::vec(prop::collection::vec((word(), score), cols), rows),
        )
            .prop_map(|(title, corner, options, criteria, cells)| Grid {
                title,
                corner,
                corner_align: Align::Left,
                options,
                criteria: criteria
                    .into_iter()
                    .enumerate()
                    .map(|(i, (name, weight))| Criterion {
                        name,
                        weight,
                        align: [Align::None, Align::Center, Align::Right][i % 3],
                    })
                    .collect(),
                cells: cells
                    .into_iter()
                    .map(|r| {
                        r.into_iter()
                            .map(|(text, score)| Cell { text, score })
                            .collect()
                    })
                    .collect(),
                total_column: true,
            })
    })
}

/// Notes alternate text and grids, so no two text blocks merge on the way back.
fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec((maybe_text(), prop::option::of(grid())), 0..3).prop_map(|pairs| {
        let mut blocks = Vec::new();
        for (text, grid) in pairs {
            if !text.is_empty() && !matches!(blocks.last(), Some(Block::Text(_))) {
                blocks.push(Block::Text(text));
            }
            if let Some(grid) = grid {
                blocks.push(Block::Grid(grid));
            }
        }
        blocks
    })
}

const BOOKS: usize = 3;
const CHAPTERS: usize = 4;

fn library() -> Journal {
    let mut journal = Journal::new("", Language::Ja);
    for b in 0..BOOKS {
        let book = journal.add_book(format!("本{b} の題名"));
        for c in 1..=CHAPTERS {
            journal.add_chapter(book, format!("{c} 章 第{c}の話題"));
        }
    }
    journal
}

fn chapter_id(book: usize, chapter: usize) -> ChapterId {
    ChapterId((book * CHAPTERS + chapter + 1) as u32)
}

fn day() -> impl Strategy<Value = Day> {
    let studied =
        (0..BOOKS, prop::collection::btree_set(0..CHAPTERS, 1..3)).prop_map(|(b, chapters)| {
            WorkItem::Book(StudiedBook {
                book: BookId(b as u32 + 1),
                chapters: chapters
                    .into_iter()
                    .map(|c| StudiedChapter {
                        chapter: chapter_id(b, c),
                        written_as: String::new(),
                    })
                    .collect(),
                marker: Marker::default(),
                chapter_prefix: String::new(),
            })
        });
    let worked = prop_oneof![studied, line().prop_map(WorkItem::text)];
    let learned = prop::collection::btree_map(
        0..BOOKS,
        (
            maybe_text(),
            prop::collection::btree_map(0..CHAPTERS, blocks(), 0..3),
        ),
        0..3,
    )
    .prop_map(|books| {
        books
            .into_iter()
            .map(|(b, (intro, chapters))| LearnedBook {
                book: BookId(b as u32 + 1),
                intro,
                chapters: chapters
                    .into_iter()
                    .map(|(c, blocks)| ChapterNotes {
                        chapter: chapter_id(b, c),
                        blocks,
                    })
                    .collect(),
            })
            .collect::<Vec<LearnedBook>>()
    });
    let question = (item_text(), prop::option::of(line())).prop_map(|(text, answer)| Question {
        answer: answer.map(|text| Answer {
            text,
            resolved_on: NaiveDate::from_ymd_opt(2025, 5, 5).unwrap(),
        }),
        ..Question::new(text)
    });
    let styles = [BoxStyle::Box, BoxStyle::Upper, BoxStyle::Plain];
    let next = (
        item_text(),
        any::<bool>(),
        prop::sample::select(styles.to_vec()),
    )
        .prop_map(|(text, done, style)| NextItem {
            done,
            // A done item is written with a box whatever its style, and an
            // open box reads the same whether its done mark would be x or X.
            style: match (done, style) {
                (true, BoxStyle::Plain) | (false, BoxStyle::Upper) => BoxStyle::Box,
                _ => style,
            },
            ..NextItem::new(text)
        });
    let extra = (
        line(),
        maybe_text(),
        prop::collection::vec(grid(), 0..2),
        0usize..=5,
    )
        .prop_map(|(heading, text, grids, slot)| {
            let heading = format!("参考 {heading}");
            let body = SectionBody::Other(FreeText { text, grids });
            (slot, DaySection::of(heading, body))
        });
    let items = |list: Vec<WorkItem>| list.into_iter().map(Entry::Item).collect();
    (
        maybe_text(),
        prop::collection::vec(worked, 0..3),
        (maybe_text(), learned),
        prop::collection::vec(question, 0..3),
        prop::collection::vec(next, 0..3),
        (maybe_text(), prop::collection::vec(grid(), 0..2)),
        prop::collection::vec(extra, 0..2),
    )
        .prop_map(
            move |(preamble, worked_on, (intro, books), questions, next, (text, grids), extra)| {
                let bodies = [
                    SectionBody::WorkedOn(items(worked_on)),
                    SectionBody::Learned(Learned { intro, books }),
                    SectionBody::Questions(questions.into_iter().map(Entry::Item).collect()),
                    SectionBody::Next(next.into_iter().map(Entry::Item).collect()),
                    SectionBody::Impressions(FreeText { text, grids }),
                ];
                assemble(preamble, bodies, extra)
            },
        )
}

/// The five template sections in order, with each other section after as
/// many of them as its slot says: the shape the importer reads a day into.
fn assemble(preamble: String, bodies: [SectionBody; 5], extra: Vec<(usize, DaySection)>) -> Day {
    let template = Template::new(Language::Ja);
    let mut sections = Vec::new();
    let mut known = bodies.into_iter();
    for slot in 0..=5 {
        sections.extend(
            extra
                .iter()
                .filter(|(s, _)| *s == slot)
                .map(|(_, e)| e.clone()),
        );
        if let (Some(&kind), Some(body)) = (Section::ALL.get(slot), known.next()) {
            let heading = template.headings.get(kind).to_owned();
            sections.push(DaySection::of(heading, body));
        }
    }
    Day {
        heading: None,
        preamble,
        sections,
        spacing: Default::default(),
    }
}

fn journal() -> impl Strategy<Value = Journal> {
    let base = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
    prop::collection::btree_map(
        (0u64..400).prop_map(move |n| base + Days::new(n)),
        day(),
        1..4,
    )
    .prop_map(|days| {
        let mut journal = library();
        journal.days = days;
        journal
    })
}

/// The journal with ids replaced by the titles and labels they stand for.
fn by_name(journal: &Journal) -> BTreeMap<NaiveDate, String> {
    let book = |id: BookId| {
        journal
            .book(id)
            .map(|b| b.title.clone())
            .unwrap_or_default()
    };
    let chapter = |id: ChapterId| {
        journal
            .chapter(id)
            .map(|(_, c)| c.label.clone())
            .unwrap_or_default()
    };
    journal
        .days
        .iter()
        .map(|(date, day)| {
            let mut day = day.clone();
            let mut names = Vec::new();
            for section in &mut day.sections {
                match &mut section.body {
                    SectionBody::WorkedOn(entries) => {
                        for entry in entries {
                            if let Entry::Item(WorkItem::Book(s)) = entry {
                                names.push(book(s.book));
                                names.extend(s.chapters.iter().map(|c| chapter(c.chapter)));
                                s.book = BookId(0);
                                s.chapters.iter_mut().for_each(|c| c.chapter = ChapterId(0));
                            }
                        }
                    }
                    SectionBody::Learned(learned) => {
                        for book_notes in &mut learned.books {
                            names.push(book(book_notes.book));
                            book_notes.book = BookId(0);
                            for notes in &mut book_notes.chapters {
                                names.push(chapter(notes.chapter));
                                notes.chapter = ChapterId(0);
                            }
                        }
                    }
                    _ => {}
                }
            }
            (*date, format!("{names:?} {day:?}"))
        })
        .collect()
}

/// `text` with the backslashes that escape headings taken off.
fn unescaped(text: &str) -> String {
    text.lines()
        .map(|line| {
            let bare = line.trim_start_matches('\\');
            if bare.starts_with('#') { bare } else { line }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_the_same_journal(journal in journal()) {
        let exported = markdown::export_journal(&journal);
        let options = ImportOptions { default_year: 2025, replace: false, ..ImportOptions::default() };
        // Back into the journal it came from (its library kept, its days
        // gone): every day comes back as it was.
        let mut back = Journal {
            days: Default::default(),
            preamble: String::new(),
            ..journal.clone()
        };
        markdown::import(&mut back, &exported, &options).unwrap();
        prop_assert_eq!(by_name(&back), by_name(&journal), "\n{}", exported);
        prop_assert_eq!(&markdown::export_journal(&back), &exported);
        // Into a new journal (no library to say which headings are books),
        // a book may come back as a heading in the text, with at most an
        // escaping backslash more or less; no word changes, and that reading
        // is stable.
        let mut fresh = Journal::new("", Language::Ja);
        markdown::import(&mut fresh, &exported, &options).unwrap();
        let fresh_text = markdown::export_journal(&fresh);
        prop_assert_eq!(unescaped(&fresh_text), unescaped(&exported));
        let mut again = Journal::new("", Language::Ja);
        markdown::import(&mut again, &fresh_text, &options).unwrap();
        prop_assert_eq!(markdown::export_journal(&again), fresh_text);
    }
}
