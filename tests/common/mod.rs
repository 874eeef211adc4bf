//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

#[cfg(feature = "gui")]
pub mod harness;

use std::path::{Path, PathBuf};

use studylog::model::{
    Block, ChapterNotes, Day, Grid, Journal, Language, LearnedBook, NextItem, Question,
    StudiedBook, StudiedChapter, WorkItem,
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
    let day = Day {
        worked_on: vec![WorkItem::Book(StudiedBook {
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
        })],
        learned: vec![LearnedBook {
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
        questions: vec![Question::new("sloppy quorum で最新の値が読めない理由")],
        next: vec![NextItem::new("7 章を読む")],
        impressions: "難しかった".into(),
        ..Day::default()
    };
    journal.days.insert("2025-03-10".parse().unwrap(), day);
    journal
}

/// The path of `name` inside `folder`.
pub fn file_in(folder: &Path, name: &str) -> PathBuf {
    folder.join(name)
}
