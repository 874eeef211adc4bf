//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

#[cfg(feature = "gui")]
pub mod harness;

use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser, html};

use studylog::model::{
    Block, ChapterNotes, Day, Entry, FreeText, Grid, Journal, Language, Learned, LearnedBook,
    NextItem, Question, Section, SectionBody, StudiedBook, StudiedChapter, WorkItem,
};

/// A small journal with one of everything, in Japanese.
pub fn small_journal() -> Journal {
    let mut journal = Journal::new("学習ログ", Language::Ja);
    let book = journal.add_book("データ指向アプリケーションデザイン");
    let ch5 = journal.add_chapter(book, "5 章 レプリケーション").unwrap();
    let ch6 = journal
        .add_chapter(book, "6 章 パーティショニング")
        .unwrap();
    let mut grid = Grid::new(
        vec!["シングルリーダー".into(), "マルチリーダー".into()],
        vec!["書き込み遅延".into(), "競合の扱い".into()],
    );
    grid.title = "レプリケーションの方式".into();
    grid.cells[0][0].text = "高い".into();
    let studied = WorkItem::Book(StudiedBook {
        book,
        chapters: vec![
            StudiedChapter {
                chapter: ch5,
                written_as: "5".into(),
            },
            StudiedChapter {
                chapter: ch6,
                written_as: "6".into(),
            },
        ],
        marker: Default::default(),
        chapter_prefix: String::new(),
    });
    let learned = Learned {
        intro: String::new(),
        books: vec![LearnedBook {
            book,
            intro: String::new(),
            chapters: vec![ChapterNotes {
                chapter: ch5,
                blocks: vec![
                    Block::Text("- リーダーを通る\n  - フォロワーは同じ順序で適用".into()),
                    Block::Grid(grid),
                ],
            }],
        }],
    };
    let question = Question::new("sloppy quorum で最新の値が読めない理由");
    let day = with_bodies(
        &journal,
        [
            SectionBody::WorkedOn(vec![Entry::Item(studied)]),
            SectionBody::Learned(learned),
            SectionBody::Questions(vec![Entry::Item(question)]),
            SectionBody::Next(vec![Entry::Item(NextItem::new("7 章を読む"))]),
            SectionBody::Impressions(FreeText::new("難しかった")),
        ],
    );
    journal.days.insert("2025-03-10".parse().unwrap(), day);
    journal
}

/// A day with the template's five sections holding `bodies`, in template order.
pub fn with_bodies(journal: &Journal, bodies: [SectionBody; 5]) -> Day {
    let mut day = Day::from_template(&journal.template);
    for (section, body) in day.sections.iter_mut().zip(bodies) {
        section.body = body;
    }
    day
}

/// The free text of the day's 感想.
pub fn impressions(day: &Day) -> &str {
    let (_, section) = day.section(Section::Impressions).expect("a 感想 section");
    &section.body.free().expect("free text").text
}

/// The grids after the day's 感想.
pub fn impressions_grids(day: &Day) -> Vec<Grid> {
    let (_, section) = day.section(Section::Impressions).expect("a 感想 section");
    section.body.free().expect("free text").grids.clone()
}

/// The notes of the first chapter of the first book under 学んだこと.
pub fn first_notes(day: &Day) -> &ChapterNotes {
    &day.learned_books().next().expect("a book").chapters[0]
}

/// The same, for changing them.
pub fn first_notes_mut(day: &mut Day) -> &mut ChapterNotes {
    let (index, _) = day.section(Section::Learned).expect("a 学んだこと section");
    match &mut day.sections[index].body {
        SectionBody::Learned(learned) => &mut learned.books[0].chapters[0],
        _ => unreachable!("section() found a 学んだこと section"),
    }
}

/// Replace the free text of the day's 感想.
pub fn set_impressions(day: &mut Day, text: &str) {
    let (index, _) = day.section(Section::Impressions).expect("a 感想 section");
    day.sections[index].body = SectionBody::Impressions(FreeText::new(text));
}

/// The texts of the day's わからなかったこと items.
pub fn question_texts(day: &Day) -> Vec<String> {
    day.questions().map(|(_, _, q)| q.text.clone()).collect()
}

/// The texts and done marks of the day's 次やること items.
pub fn next_items(day: &Day) -> Vec<(String, bool)> {
    day.next_items()
        .map(|(_, _, n)| (n.text.clone(), n.done))
        .collect()
}

/// The path of `name` inside `folder`.
pub fn file_in(folder: &Path, name: &str) -> PathBuf {
    folder.join(name)
}

/// HTML as CommonMark with GFM tables renders it, with the white space
/// between tags (which no reader sees) taken out.
pub fn rendered(markdown: &str) -> String {
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, Options::ENABLE_TABLES));
    let mut compact = String::new();
    for piece in out.split('>') {
        compact.push_str(piece.trim_start());
        compact.push('>');
    }
    compact
        .split('<')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("<")
}
